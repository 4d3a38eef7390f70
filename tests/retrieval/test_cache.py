"""Saving and loading an index, and the cache that rebuilds it only when the corpus changes."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.units import LEVELS


@pytest.mark.parametrize("level", LEVELS)
def test_a_saved_index_loads_and_gives_identical_hits(indexes, tmp_path, level):
    index = indexes[level]
    index.save(tmp_path / "saved")
    loaded = TfidfIndex.load(tmp_path / "saved")
    for query in ("talks in Moscow", "Lavrov Tajikistan", "ceasefire for three months"):
        assert loaded.search(query, k=20) == index.search(query, k=20)
        vector = loaded.vectorizer_.transform([query]) - index.vectorizer_.transform([query])
        assert vector.nnz == 0
    assert loaded.units == index.units and loaded.fingerprint_ == index.fingerprint_
    assert np.array_equal(loaded.vectorizer_.idf_, index.vectorizer_.idf_)


def test_the_cache_is_reused_while_the_corpus_is_unchanged(seeds_corpus, tmp_path, monkeypatch):
    built = TfidfIndex.cached(seeds_corpus, "passage", cache_dir=tmp_path)
    assert (tmp_path / "index" / built.fingerprint_ / "index.json").is_file()

    def no_fitting(self, corpus):
        raise AssertionError("the cached index should have been loaded")

    monkeypatch.setattr(TfidfIndex, "fit", no_fitting)
    reloaded = TfidfIndex.cached(seeds_corpus, "passage", cache_dir=tmp_path)
    assert reloaded.search("talks in Moscow") == built.search("talks in Moscow")


def test_the_cache_is_rebuilt_when_a_document_changes(seeds_corpus, tmp_path):
    before = TfidfIndex.cached(seeds_corpus, "document", cache_dir=tmp_path)
    first = seeds_corpus[0]
    changed = build_document(first.raw + "\n\nA zeppelin landed in Moscow.", first.id)
    corpus = Corpus((changed, *seeds_corpus.documents[1:]))
    after = TfidfIndex.cached(corpus, "document", cache_dir=tmp_path)
    assert after.fingerprint_ != before.fingerprint_
    assert after.search("zeppelin")[0].doc_id == first.id
    assert len(before.search("zeppelin")) == 0


@pytest.mark.parametrize("damage", ["garbage manifest", "truncated matrix", "missing units"])
def test_a_corrupt_cache_is_rebuilt_without_crashing(seeds_corpus, tmp_path, damage):
    built = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    folder = tmp_path / "index" / built.fingerprint_
    if damage == "garbage manifest":
        (folder / "index.json").write_text("{not json")
    elif damage == "truncated matrix":
        data = (folder / "matrix.npz").read_bytes()
        (folder / "matrix.npz").write_bytes(data[: len(data) // 2])
    else:
        (folder / "units.json").unlink()
    rebuilt = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    assert rebuilt.search("talks in Moscow") == built.search("talks in Moscow")
    assert TfidfIndex.load(folder).search("Lavrov") == built.search("Lavrov")


def test_an_unwritable_cache_still_returns_an_index(seeds_corpus, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    index = TfidfIndex.cached(seeds_corpus, "document", cache_dir=blocker)
    assert len(index.search("Moscow")) > 0


def test_a_fitted_index_hashes_its_corpus_only_when_its_fingerprint_is_read(
    seeds_corpus, monkeypatch
):
    import workbench.retrieval.index as index_module

    calls = []
    real = index_module.corpus_fingerprint
    monkeypatch.setattr(
        index_module, "corpus_fingerprint", lambda *args: calls.append(1) or real(*args)
    )
    index = TfidfIndex("sentence").fit(seeds_corpus)
    assert not calls  # a build with no cache hashes nothing
    assert index.fingerprint_ == index.fingerprint(seeds_corpus) and len(calls) == 2
    assert index.fingerprint_ == index.fingerprint_ and len(calls) == 2  # computed once
