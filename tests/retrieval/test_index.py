"""TfidfIndex: ranking, fitting and searching errors, and the search shortcut."""

from __future__ import annotations

import numpy as np
import pytest
from retrieval.moscow_articles import MOSCOW_ARTICLES
from sklearn.exceptions import NotFittedError

from workbench.corpus.document import build_document
from workbench.errors import CorpusError
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex, search


def _prefixes(hits) -> list[str]:
    return [hit.doc_id[:3] for hit in hits]


# --- ranking --------------------------------------------------------------------------


def test_talks_in_moscow_ranks_the_moscow_articles_first_at_document_level(indexes):
    result = indexes["document"].search("talks in Moscow", k=5)
    assert set(_prefixes(result)[:3]) == MOSCOW_ARTICLES
    assert [hit.rank for hit in result] == [1, 2, 3, 4, 5]
    assert all(a.score >= b.score for a, b in zip(result, result.hits[1:], strict=False))


@pytest.mark.parametrize("level", ["passage", "sentence"])
def test_talks_in_moscow_finds_passages_and_sentences_of_the_moscow_articles(indexes, level):
    result = indexes[level].search("talks in Moscow", k=5)
    assert set(_prefixes(result)) <= MOSCOW_ARTICLES
    assert all("moscow" in hit.text.lower() for hit in result)


def test_matched_terms_are_the_query_terms_found_in_each_hit(indexes):
    result = indexes["sentence"].search("talks in Moscow", k=10)
    assert result.terms == ("talks", "moscow", "talks moscow")
    for hit in result:
        assert hit.matched_terms
        for term in hit.matched_terms:
            assert all(word in hit.text.lower() for word in term.split())
    assert "talks moscow" in result[0].matched_terms


def test_sentence_scores_give_one_score_per_unit(indexes):
    index = indexes["sentence"]
    scores = index.sentence_scores("talks in Moscow")
    assert scores.shape == (len(index.units),)
    best = index.units[int(np.argmax(scores))]
    assert best.doc_id == index.search("talks in Moscow", k=1)[0].doc_id


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("k", [0, -3, 2.5, True])
def test_k_must_be_a_positive_integer(indexes, k):
    with pytest.raises(ValueError, match="k must be a positive integer"):
        indexes["sentence"].search("Moscow", k=k)


def test_searching_before_fitting_says_how_to_fit():
    with pytest.raises(NotFittedError, match=r"not fitted yet: call index.fit\(corpus\)"):
        TfidfIndex().search("Moscow")


def test_searching_at_another_level_says_which_index_to_build(indexes):
    with pytest.raises(
        ValueError, match=r"for level 'passage' build TfidfIndex\(level='passage'\)"
    ):
        indexes["sentence"].search("Moscow", level="passage")


def test_a_corpus_without_indexable_words_is_refused():
    corpus = Corpus((build_document("The of and.", "stop"),))
    with pytest.raises(CorpusError, match="nothing to index"):
        TfidfIndex("sentence").fit(corpus)


def test_documents_with_the_same_id_are_refused():
    document = build_document("Talks in Moscow.", "same")
    with pytest.raises(ValueError, match="document ids must be unique; repeated: same"):
        TfidfIndex().fit([document, document])


# --- the search shortcut --------------------------------------------------------------


def test_the_search_shortcut_uses_a_cached_index(seeds_corpus, tmp_path):
    result = search(seeds_corpus, "talks in Moscow", 3, level="document", cache_dir=tmp_path)
    assert set(_prefixes(result)) == MOSCOW_ARTICLES and result.level == "document"
    assert len(list((tmp_path / "index").iterdir())) == 1
