"""Caches that would break themselves are read as absent and rebuilt (issue 11)."""

from __future__ import annotations

import hashlib
import json

import pytest

from workbench.retrieval import TfidfIndex


def _forge(folder, name, value):
    """Write ``value`` as ``name`` and recompute its hash in the manifest, as a forger would."""
    data = json.dumps(value).encode("utf-8")
    (folder / name).write_bytes(data)
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    manifest["files"][name] = hashlib.sha256(data).hexdigest()
    (folder / "index.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        "manifest a list",
        "manifest null",
        "manifest nested deeply",
        "nan idf",
        "negative idf",
        "units of the wrong type",
        "units of the wrong length",
    ],
)
def test_a_damaged_or_forged_index_is_rebuilt(seeds_corpus, tmp_path, damage):
    built = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    folder = tmp_path / "index" / built.fingerprint_
    idf = json.loads((folder / "idf.json").read_text(encoding="utf-8"))
    if damage == "manifest a list":
        (folder / "index.json").write_text("[]", encoding="utf-8")
    elif damage == "manifest null":
        (folder / "index.json").write_text("null", encoding="utf-8")
    elif damage == "manifest nested deeply":
        (folder / "index.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif damage == "nan idf":
        _forge(folder, "idf.json", [float("nan")] * len(idf))
    elif damage == "negative idf":
        _forge(folder, "idf.json", [-1.0] * len(idf))
    elif damage == "units of the wrong type":
        _forge(folder, "units.json", [1, 2, 3])
    else:
        units = json.loads((folder / "units.json").read_text(encoding="utf-8"))
        units["units"] = units["units"][:1]
        _forge(folder, "units.json", units)
    rebuilt = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    assert rebuilt.search("talks in Moscow") == built.search("talks in Moscow")
    assert TfidfIndex.load(folder).search("Lavrov") == built.search("Lavrov")  # rewritten


def test_an_entity_cache_entry_with_infinity_or_deep_nesting_is_recomputed(tmp_path):
    from workbench.corpus.document import build_document
    from workbench.model import Corpus
    from workbench.nlp.pipeline import CACHE_SCHEMA, annotate

    document = build_document("Qatar hosted talks in Doha on Monday. They ended.", "d")
    first = annotate(Corpus((document,)), cache_dir=tmp_path)
    entries = list(tmp_path.rglob("*.json"))
    assert entries
    for entry in entries:
        forged = {"schema": CACHE_SCHEMA, "key": entry.stem, "entities": [[0, "GPE", 1e999, 5]]}
        for text in (json.dumps(forged), "[" * 50_000 + "]" * 50_000):  # Infinity; too deep
            entry.write_text(text, encoding="utf-8")
            again = annotate(Corpus((document,)), cache_dir=tmp_path)
            assert [s.entities for s in again["d"].sentences] == [
                s.entities for s in first["d"].sentences
            ]
