"""A sharded index on Dask workers ranks and scores as the single index of the same corpus."""

from __future__ import annotations

import html
import re
import subprocess
import sys

import pytest

from workbench.config import PROJECT_ROOT
from workbench.corpus.document import build_document
from workbench.errors import QueryError
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.sharded import ShardedTfidfIndex

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

REUTERS = PROJECT_ROOT.parent / "shared" / "data" / "reuters21578" / "reut2-000.sgm"

QUERIES = (
    "talks in Moscow",
    "Who hosted the peace talks on Afghanistan?",
    "Taliban delegation",
    "oil prices OPEC output",
    "interest rates Bundesbank",
    "shares acquisition merger",
    "wheat exports Soviet Union",
)


@pytest.fixture(scope="module")
def client():
    from workbench.corpus.distributed import dask_client

    with dask_client(2, None) as client:
        yield client


def same_hits(single, sharded) -> None:
    assert [(hit.doc_id, hit.sentences, hit.rank) for hit in sharded] == [
        (hit.doc_id, hit.sentences, hit.rank) for hit in single
    ]
    for one, other in zip(single, sharded, strict=True):
        assert other.score == pytest.approx(one.score, abs=1e-12)
        assert (other.start, other.end, other.text) == (one.start, one.end, one.text)
        assert other.matched_terms == one.matched_terms
    assert sharded.terms == single.terms


@pytest.mark.parametrize("level", ["sentence", "passage", "document"])
def test_four_shards_give_the_single_index_top_ten_on_the_seeds(client, seeds_corpus, level):
    single = TfidfIndex(level).fit(seeds_corpus)
    sharded = ShardedTfidfIndex(level, shards=4).fit(seeds_corpus, client=client)
    assert sharded.units_ == single.units_
    assert sharded.vectorizer_.vocabulary_ == single.vectorizer_.vocabulary_
    assert sharded.vectorizer_.idf_ == pytest.approx(single.vectorizer_.idf_, abs=1e-12)
    for query in QUERIES:
        same_hits(single.search(query, k=10), sharded.search(query, k=10))


@pytest.mark.skipif(not REUTERS.is_file(), reason="the shared Reuters-21578 files are absent")
def test_four_shards_give_the_single_index_top_ten_on_reuters_sentences(client):
    text = REUTERS.read_bytes().decode("latin-1")
    bodies = [html.unescape(body) for body in re.findall(r"<BODY>(.*?)</BODY>", text, re.DOTALL)]
    corpus = Corpus(
        tuple(build_document(body, f"reuters-{n}") for n, body in enumerate(bodies[:600])), ()
    )
    single = TfidfIndex("sentence").fit(corpus)
    sharded = ShardedTfidfIndex("sentence", shards=4).fit(corpus, client=client)
    assert len(sharded.units_) > 3000
    for query in QUERIES:
        same_hits(single.search(query, k=10), sharded.search(query, k=10))


def test_queries_the_single_index_refuses_are_refused_alike(client, seeds_corpus):
    sharded = ShardedTfidfIndex(shards=3).fit(seeds_corpus, client=client)
    with pytest.raises(QueryError, match="only stop words"):
        sharded.search("the and of")
    with pytest.raises(ValueError, match="k must be a positive integer"):
        sharded.search("talks", k=0)
    assert len(sharded.search("zebra crossing")) == 0
    with pytest.raises(ValueError, match="shards must be an integer"):
        ShardedTfidfIndex(shards=0).fit(seeds_corpus, client=client)


def test_the_single_index_imports_no_dask():
    code = (
        "import sys; from workbench.corpus.load import load_corpus; "
        "from workbench.retrieval.index import TfidfIndex; "
        "import workbench.retrieval.sharded; "
        "TfidfIndex().fit(load_corpus()).search('talks'); "
        "print(any(name.split('.')[0] in {'dask', 'distributed'} for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
