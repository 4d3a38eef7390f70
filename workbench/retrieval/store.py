"""A search index on disk in safe formats: a scipy sparse ``.npz`` and JSON, never pickle.

A saved index is a folder of four data files and a manifest, ``index.json``,
written last. The manifest records the SHA-256 of every data file, so a folder
left half-written by a crash, or edited by hand, is detected on loading
(:class:`~workbench.errors.IndexFileError`) instead of giving wrong results.
Every file is written atomically (temporary file, then :func:`os.replace`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse

from workbench.atomic import atomic_write_bytes, atomic_write_text
from workbench.errors import IndexFileError

#: Bumped whenever the files' layout or meaning changes; older folders are then rebuilt.
INDEX_SCHEMA = 2
INDEX_FORMAT = "workbench-tfidf-index"
MANIFEST = "index.json"
MATRIX_FILE = "matrix.npz"
JSON_FILES = ("vocabulary.json", "idf.json", "units.json")


@dataclass(frozen=True)
class StoredIndex:
    """The contents of a saved index, checked but not yet turned into an index."""

    manifest: dict[str, Any]
    matrix: scipy.sparse.csr_matrix
    vocabulary: list[str]
    idf: np.ndarray
    units: dict[str, Any]


def write_index(
    folder: str | os.PathLike[str],
    *,
    manifest: dict[str, Any],
    matrix: scipy.sparse.csr_matrix,
    vocabulary: list[str],
    idf: np.ndarray,
    units: dict[str, Any],
) -> Path:
    """Write an index into ``folder`` (created if needed) and return the folder.

    Raises
    ------
    OSError
        If the folder cannot be written; files already there stay consistent with
        their old manifest or are detected as mismatched on loading.
    """
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    scipy.sparse.save_npz(buffer, matrix.tocsr(), compressed=True)
    contents = {
        MATRIX_FILE: buffer.getvalue(),
        "vocabulary.json": _json_bytes(vocabulary),
        "idf.json": _json_bytes([float(value) for value in idf]),
        "units.json": _json_bytes(units),
    }
    for name, data in contents.items():
        atomic_write_bytes(target / name, data, durable=False)
    hashes = {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}
    full_manifest = {"format": INDEX_FORMAT, "schema": INDEX_SCHEMA, **manifest, "files": hashes}
    atomic_write_text(target / MANIFEST, json.dumps(full_manifest, indent=2), durable=False)
    return target


def read_index(folder: str | os.PathLike[str]) -> StoredIndex:
    """Read and check the index saved in ``folder``.

    Raises
    ------
    IndexFileError
        If a file is missing, unreadable, altered since it was written, or from
        another schema.
    """
    source = Path(folder)
    try:
        manifest = json.loads((source / MANIFEST).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
            raise IndexFileError(f"{source / MANIFEST} is not an index manifest")
        if manifest.get("format") != INDEX_FORMAT or manifest.get("schema") != INDEX_SCHEMA:
            raise IndexFileError(
                f"{source} holds no workbench index of schema {INDEX_SCHEMA}; "
                "rebuild it with TfidfIndex.fit and save it again"
            )
        data = {name: _checked_bytes(source, name, manifest) for name in manifest["files"]}
        matrix = scipy.sparse.csr_matrix(scipy.sparse.load_npz(io.BytesIO(data[MATRIX_FILE])))
        vocabulary = [str(term) for term in json.loads(data["vocabulary.json"])]
        idf = np.asarray(json.loads(data["idf.json"]), dtype=np.float64)
        units = json.loads(data["units.json"])
    except IndexFileError:
        raise
    except (
        OSError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        EOFError,
        OverflowError,
        RecursionError,
        zipfile.BadZipFile,
    ) as error:
        raise IndexFileError(f"cannot read the index in {source}: {error}") from error
    if matrix.shape[1] != len(vocabulary) or len(idf) != len(vocabulary):
        raise IndexFileError(
            f"the index in {source} is inconsistent: {matrix.shape[1]} matrix columns, "
            f"{len(vocabulary)} terms and {len(idf)} idf weights"
        )
    # A forged entry with recomputed hashes is still checked for what the values can be.
    if idf.ndim != 1 or not np.all(np.isfinite(idf)) or np.any(idf <= 0):
        raise IndexFileError(f"the index in {source} has idf weights that are not positive numbers")
    if not np.all(np.isfinite(matrix.data)):
        raise IndexFileError(f"the index in {source} has weights that are not finite numbers")
    rows = units.get("units") if isinstance(units, dict) else None
    if not isinstance(rows, list) or len(rows) != matrix.shape[0]:
        raise IndexFileError(f"the index in {source} has {matrix.shape[0]} rows but no unit each")
    return StoredIndex(manifest, matrix, vocabulary, idf, units)


def _checked_bytes(folder: Path, name: str, manifest: dict[str, Any]) -> bytes:
    if name not in (MATRIX_FILE, *JSON_FILES):
        raise IndexFileError(f"unexpected file {name!r} in the manifest of {folder}")
    data = (folder / name).read_bytes()
    if hashlib.sha256(data).hexdigest() != manifest["files"][name]:
        raise IndexFileError(f"{folder / name} was changed or only partly written")
    return data


def _json_bytes(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
