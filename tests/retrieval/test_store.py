"""The index on disk: ``.npz`` and JSON without pickle, and damage detected on loading."""

from __future__ import annotations

import json

import numpy as np
import pytest

from workbench.errors import IndexFileError
from workbench.retrieval.index import TfidfIndex


def test_a_saved_index_is_npz_and_json_without_pickle(indexes, tmp_path):
    folder = indexes["passage"].save(tmp_path / "saved")
    assert sorted(path.name for path in folder.iterdir()) == [
        "idf.json",
        "index.json",
        "matrix.npz",
        "units.json",
        "vocabulary.json",
    ]
    with np.load(folder / "matrix.npz", allow_pickle=False) as arrays:
        assert "data" in arrays
    assert json.loads((folder / "index.json").read_text())["params"]["level"] == "passage"


def test_loading_a_damaged_index_raises_a_clear_error(indexes, tmp_path):
    folder = indexes["sentence"].save(tmp_path / "saved")
    (folder / "units.json").write_text("[]")
    with pytest.raises(IndexFileError, match=r"units\.json was changed or only partly written"):
        TfidfIndex.load(folder)
    with pytest.raises(IndexFileError, match="cannot read the index"):
        TfidfIndex.load(tmp_path / "missing")
