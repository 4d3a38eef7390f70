"""A sharded index on Dask workers gives the hits of the single index, bit for bit."""

from __future__ import annotations

import html
import logging
import re
import subprocess
import sys

import numpy as np
import pytest
from corpus.test_duplicates import COPY, OTHER_REPORT, WIRE
from sklearn.exceptions import NotFittedError

from workbench.config import SHARED_DATA
from workbench.corpus.document import build_document
from workbench.dates.explicit import parse_date
from workbench.errors import ClusterError, CorpusError, QueryError
from workbench.model import Corpus
from workbench.retrieval import index as index_module
from workbench.retrieval import sharded as sharded_module
from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.settings import new_counter
from workbench.retrieval.sharded import ShardedTfidfIndex
from workbench.retrieval.units import LEVELS

REUTERS = SHARED_DATA / "reuters21578"
COPIED_STORIES = (("wire", WIRE), ("other", OTHER_REPORT), ("copy", COPY))
SHARDS = 4
TOP_K = 10
SEED_QUERIES = (
    "talks in Moscow",
    "peace talks",
    "Lavrov foreign minister",
    "trade deal Moscow talks talks",
    "zeppelin",
)


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local cluster of two worker processes, for the module's tests."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


def reuters_corpus(articles: int) -> Corpus:
    """The first ``articles`` Reuters-21578 bodies with their dates, as the benchmarks read them."""
    text = (REUTERS / "reut2-000.sgm").read_bytes().decode("latin-1")
    documents = []
    for record in re.finditer(r"<REUTERS\b[^>]*NEWID=\"(\d+)\"[^>]*>(.*?)</REUTERS>", text, re.S):
        body = re.search(r"<BODY>(.*?)</BODY>", record[2], re.S)
        day = re.search(r"<DATE>(.*?)</DATE>", record[2], re.S)
        if body is None:
            continue
        published = parse_date(day[1]) if day else None
        documents.append(build_document(html.unescape(body[1]), record[1], published=published))
        if len(documents) == articles:
            break
    return Corpus(tuple(documents))


def title_queries(corpus: Corpus, count: int) -> list[str]:
    """The first three words of every few documents' first sentence, and a few common words."""
    step = max(1, len(corpus) // count)
    firsts = [document.sentences[0].text for document in corpus.documents[::step]]
    common = ["said", "oil prices", "bank rate", "dlrs", "pct pct", "year"]
    return [" ".join(first.split()[:3]) for first in firsts] + common


def assert_same_hits(single, sharded, query, **options):
    """The sharded index's top 10 for ``query`` is the single index's."""
    expected = single.search(query, TOP_K, **options)
    found = sharded.search(query, TOP_K, **options)
    assert found.terms == expected.terms
    # The same units, ranks, offsets, matched terms and scores: the rows are weighed
    # alike (workbench.retrieval.weights), so the floats are equal, not only close.
    # Collapsed (the default), the same duplicates too.
    assert found.hits == expected.hits, query
    every = sharded.search(query, TOP_K, collapse=False, **options)
    assert every.hits == single.search(query, TOP_K, collapse=False, **options).hits, query


@pytest.mark.slow
@pytest.mark.parametrize("level", LEVELS)
def test_shards_collapse_a_near_duplicate_story_as_the_single_index_does(scheduler, level):
    corpus = Corpus(tuple(build_document(text, doc_id) for doc_id, text in COPIED_STORIES))
    single = TfidfIndex(level).fit(corpus)
    with ShardedTfidfIndex(level, shards=3, scheduler=scheduler).fit(corpus) as index:
        assert np.array_equal(index.doc_groups_, single.doc_groups_)
        assert index.doc_groups_.tolist() == [0, 1, 0]
        for query in ("Moscow conference delegation", "Taliban Islamic State", "Karzai"):
            assert_same_hits(single, index, query)
        assert single.search("Moscow delegation", TOP_K).collapsed > 0


@pytest.mark.slow
@pytest.mark.parametrize("level", LEVELS)
def test_four_shards_give_the_single_index_hits_on_the_seeds(seeds_corpus, scheduler, level):
    single = TfidfIndex(level).fit(seeds_corpus)
    with ShardedTfidfIndex(level, shards=SHARDS, scheduler=scheduler).fit(seeds_corpus) as index:
        assert index.vectorizer_.vocabulary_ == single.vectorizer_.vocabulary_
        assert np.array_equal(index.vectorizer_.idf_, single.vectorizer_.idf_)
        assert len(index.shard_starts_) == SHARDS
        for query in SEED_QUERIES:
            assert_same_hits(single, index, query)
            assert np.array_equal(index.scores(query), single.scores(query))


@pytest.mark.slow
@pytest.mark.skipif(not REUTERS.is_dir(), reason="../shared/data is not beside the project")
def test_four_shards_give_the_single_index_top_10_on_reuters_sentences(scheduler):
    corpus = reuters_corpus(300)
    single = TfidfIndex("sentence").fit(corpus)
    queries = title_queries(corpus, 40)
    with ShardedTfidfIndex("sentence", shards=SHARDS, scheduler=scheduler).fit(corpus) as index:
        assert len(index.units) == len(single.units) > 2000
        assert np.array_equal(index.vectorizer_.idf_, single.vectorizer_.idf_)
        tied = 0
        for query in queries:
            assert_same_hits(single, index, query)
            scores = [hit.score for hit in single.search(query, TOP_K)]
            tied += len(set(scores)) < len(scores)
        assert tied >= 3  # ties in score, ranked in corpus order across shards too
        dated = [document.published for document in corpus if document.published]
        middle = sorted(dated)[len(dated) // 2]
        assert_same_hits(single, index, "oil prices", published_from=middle)
        assert_same_hits(single, index, "said", doc_ids=corpus.ids[100:140])


@pytest.mark.slow
def test_filters_give_the_single_index_hits(dated_corpus, scheduler):
    single = TfidfIndex("document").fit(dated_corpus)
    with ShardedTfidfIndex("document", shards=3, scheduler=scheduler).fit(dated_corpus) as index:
        assert_same_hits(single, index, "talks Moscow", published_from="2020-01-01")
        assert_same_hits(single, index, "talks Moscow", published_to="2020-12-31")
        assert_same_hits(single, index, "talks Moscow", doc_ids=["late", "undated"])
        assert np.array_equal(
            index.scores("Moscow", doc_ids="early"), single.scores("Moscow", doc_ids="early")
        )
        with pytest.raises(QueryError, match="unknown document ids: 'nowhere'"):
            index.search("talks", doc_ids="nowhere")


@pytest.mark.slow
def test_a_shard_of_only_stop_words_and_more_shards_than_units_are_fine(scheduler):
    texts = ["Envoys held talks in Moscow.", "It was there.", "Talks in Moscow ended."]
    corpus = Corpus(tuple(build_document(text, f"d{n}") for n, text in enumerate(texts)))
    single = TfidfIndex("document").fit(corpus)
    with ShardedTfidfIndex("document", shards=8, scheduler=scheduler).fit(corpus) as index:
        assert index.shard_starts_ == (0, 1, 2)  # one shard a unit at most
        assert_same_hits(single, index, "talks in Moscow")


@pytest.mark.slow
def test_min_df_and_max_df_prune_the_global_vocabulary_as_in_the_single_index(
    seeds_corpus, scheduler, monkeypatch
):
    def limited(ngram_range):
        return new_counter(ngram_range).set_params(min_df=2, max_df=0.05)

    monkeypatch.setattr(index_module, "new_counter", limited)
    monkeypatch.setattr(sharded_module, "new_counter", limited)  # the client's, which prunes
    single = TfidfIndex("sentence").fit(seeds_corpus)
    assert len(single.vectorizer_.vocabulary_) < 600  # of some 1,500 without the limits
    with ShardedTfidfIndex(shards=SHARDS, scheduler=scheduler).fit(seeds_corpus) as index:
        assert index.vectorizer_.vocabulary_ == single.vectorizer_.vocabulary_
        assert np.array_equal(index.vectorizer_.idf_, single.vectorizer_.idf_)
        for query in SEED_QUERIES[:3]:
            assert_same_hits(single, index, query)


@pytest.mark.slow
def test_a_local_cluster_of_its_own_is_closed_with_the_index(seeds_corpus):
    pytest.importorskip("distributed")
    single = TfidfIndex("document").fit(seeds_corpus)
    index = ShardedTfidfIndex("document", shards=2, workers=1).fit(seeds_corpus)
    with index:
        assert_same_hits(single, index, "talks in Moscow")
        assert repr(index).startswith("<ShardedTfidfIndex of 5 documents from 5 documents")
    with pytest.raises(NotFittedError, match="not fitted yet, or was closed"):
        index.search("talks")


def test_without_workers_or_a_scheduler_the_index_says_what_to_give(seeds_corpus):
    with pytest.raises(ClusterError, match=r"give workers=N .* for one process use TfidfIndex"):
        ShardedTfidfIndex().fit(seeds_corpus)
    with pytest.raises(ClusterError, match="workers must be a whole number of at least 1"):
        ShardedTfidfIndex(workers=0).fit(seeds_corpus)


@pytest.mark.parametrize("shards", [0, -1, 2.5, True])
def test_shards_must_be_a_positive_integer(seeds_corpus, shards):
    with pytest.raises(ValueError, match=f"shards must be an integer >= 1; got {shards!r}"):
        ShardedTfidfIndex(shards=shards, workers=1).fit(seeds_corpus)


def test_searching_before_fitting_says_how_to_fit():
    index = ShardedTfidfIndex()
    assert repr(index) == "<ShardedTfidfIndex level='sentence', not fitted>"
    with pytest.raises(NotFittedError, match=r"call index\.fit\(corpus\)"):
        index.search("talks")


@pytest.mark.slow
def test_searches_the_single_index_refuses_are_refused(seeds_corpus, scheduler):
    with ShardedTfidfIndex(shards=2, scheduler=scheduler).fit(seeds_corpus) as index:
        with pytest.raises(ValueError, match=r"build ShardedTfidfIndex\(level='document'\)"):
            index.search("talks", level="document")
        with pytest.raises(ValueError, match="k must be a positive integer; got 0"):
            index.search("talks", k=0)
        with pytest.raises(QueryError, match="only stop words"):
            index.search("the of")


@pytest.mark.slow
def test_a_corpus_without_indexable_words_is_refused(scheduler):
    corpus = Corpus((build_document("It is what it is.", "a"), build_document("Of the.", "b")))
    with pytest.raises(CorpusError, match="nothing to index: empty vocabulary"):
        ShardedTfidfIndex("document", shards=2, scheduler=scheduler).fit(corpus)


def test_the_plain_index_never_imports_dask():
    code = (
        "import sys; from workbench import load_corpus; "
        "from workbench.retrieval import ShardedTfidfIndex, TfidfIndex; "
        "TfidfIndex('passage').fit(load_corpus()).search('talks in Moscow'); "
        "ShardedTfidfIndex(shards=2); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
