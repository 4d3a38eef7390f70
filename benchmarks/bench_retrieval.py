"""Benchmark: TfidfIndex against rank_bm25 and bm25s on the Reuters-21578 bodies.

Every engine indexes the same texts (each document's kept sentences, as
``TfidfIndex(level="document")`` indexes them) and answers the same queries
(the first content words of evenly spaced Reuters titles), in one process.
Build time includes tokenising; query time includes tokenising the query and
taking the top 10. Both are the median of three runs. As a sanity check on
quality, the table also gives how often the article a title came from is among
its query's top 10.

Last, the sentence-level index is built once in this process and once as
:class:`~workbench.retrieval.sharded.ShardedTfidfIndex` shards on a local Dask
cluster (``--shards`` shards on ``--workers`` worker processes), and both answer
every query: the printout counts the queries whose top 10 (units, ranks, and
scores to 1e-12) are the same, with each one's build time and query rate.
``--shards 0`` leaves this out; so does a machine without Dask.

Run ``python benchmarks/bench_retrieval.py [--data DIR]``. Not a test: when the
data folder is absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from workbench.config import PROJECT_ROOT
from workbench.model import Document
from workbench.retrieval.index import TfidfIndex
from workbench.retrieval.units import build_units

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data" / "reuters21578"
RUNS = 3
TOP_K = 10
_WORD = re.compile(r"(?u)\b\w\w+\b")  # the simple tokenisation both BM25 engines get


@dataclass(frozen=True)
class Measure:
    """One engine's median build time, query rate, and title-to-article recall."""

    engine: str
    build_seconds: float
    queries_per_second: float
    queries: int
    own_article_in_top: float


def simple_tokens(text: str) -> list[str]:
    """Lower-cased words of two or more characters, English stop words left out."""
    return [word for word in _WORD.findall(text.lower()) if word not in ENGLISH_STOP_WORDS]


def title_queries(documents: Sequence[Document], count: int) -> list[tuple[str, str]]:
    """``(doc_id, query)`` pairs: the first four content words of ``count`` spaced titles."""
    pairs: list[tuple[str, str]] = []
    step = max(1, len(documents) // (count * 2))
    for document in documents[::step]:
        words = [word for word in simple_tokens(document.title or "") if word.isalpha()]
        if len(words) >= 3:
            pairs.append((document.id, " ".join(words[:4])))
        if len(pairs) == count:
            break
    return pairs


def _median_seconds(action: Callable[[], object]) -> tuple[float, object]:
    """Median wall time of ``RUNS`` calls, and the last call's result."""
    times: list[float] = []
    result: object = None
    for _ in range(RUNS):
        begin = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


def bench_tfidf(documents, queries, ngram_range=(1, 2)) -> Measure:
    build, index = _median_seconds(
        lambda: TfidfIndex("document", ngram_range=ngram_range).fit(documents)
    )

    def ask() -> list[list[str]]:
        return [[hit.doc_id for hit in index.search(query, TOP_K)] for _, query in queries]

    seconds, ranked = _median_seconds(ask)
    grams = "unigrams and bigrams" if ngram_range == (1, 2) else "unigrams only"
    return _measure(f"TfidfIndex ({grams})", build, seconds, queries, ranked)


def bench_rank_bm25(texts, doc_ids, queries) -> Measure:
    from rank_bm25 import BM25Okapi

    build, model = _median_seconds(lambda: BM25Okapi([simple_tokens(text) for text in texts]))

    def ask() -> list[list[str]]:
        ranked = []
        for _, query in queries:
            scores = model.get_scores(simple_tokens(query))
            best = np.argsort(-scores, kind="stable")[:TOP_K]
            ranked.append([doc_ids[row] for row in best])
        return ranked

    seconds, ranked = _median_seconds(ask)
    return _measure("rank_bm25 BM25Okapi", build, seconds, queries, ranked)


def bench_bm25s(texts, doc_ids, queries) -> Measure:
    import bm25s

    def build() -> bm25s.BM25:
        retriever = bm25s.BM25()
        retriever.index(
            bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False
        )
        return retriever

    build_seconds, retriever = _median_seconds(build)

    def ask() -> list[list[str]]:
        tokens = bm25s.tokenize(
            [query for _, query in queries], stopwords="en", show_progress=False
        )
        rows, _ = retriever.retrieve(tokens, k=TOP_K, show_progress=False)
        return [[doc_ids[row] for row in ranked] for ranked in rows]

    seconds, ranked = _median_seconds(ask)
    return _measure("bm25s BM25 (batch)", build_seconds, seconds, queries, ranked)


def bench_sharded(documents, queries, shards: int, workers: int) -> str:
    """The sharded sentence index against the single one: equal top 10s, build, query rate."""
    from workbench.corpus.distributed import dask_client
    from workbench.retrieval.sharded import ShardedTfidfIndex

    begin = time.perf_counter()
    single = TfidfIndex("sentence").fit(documents)
    single_build = time.perf_counter() - begin
    with dask_client(workers, None) as client:
        begin = time.perf_counter()
        sharded = ShardedTfidfIndex("sentence", shards=shards).fit(documents, client=client)
        sharded_build = time.perf_counter() - begin
        equal = 0
        single_seconds = sharded_seconds = 0.0
        for _, query in queries:
            begin = time.perf_counter()
            one = single.search(query, TOP_K)
            single_seconds += time.perf_counter() - begin
            begin = time.perf_counter()
            other = sharded.search(query, TOP_K)
            sharded_seconds += time.perf_counter() - begin
            keys = [(hit.doc_id, hit.sentences, hit.rank) for hit in one.hits]
            same = keys == [(hit.doc_id, hit.sentences, hit.rank) for hit in other.hits]
            close = all(
                abs(a.score - b.score) <= 1e-12 for a, b in zip(one.hits, other.hits, strict=False)
            )
            equal += same and close
    return (
        f"sharded sentence index ({shards} shards on {workers} local Dask workers, "
        f"{len(single.units_):,} sentences): top {TOP_K} equal to the single index's on "
        f"{equal} of {len(queries)} queries; build {sharded_build:.1f} s vs {single_build:.1f} s "
        f"in one process; {len(queries) / sharded_seconds:.0f} vs "
        f"{len(queries) / single_seconds:.0f} queries/s (one query per call)"
    )


def _measure(engine, build, seconds, queries, ranked) -> Measure:
    found = sum(doc_id in top for (doc_id, _), top in zip(queries, ranked, strict=True))
    return Measure(engine, build, len(queries) / seconds, len(queries), found / len(queries))


def format_measures(measures: Sequence[Measure]) -> str:
    """The results as a plain-text table, with ratios against the first row (TfidfIndex)."""
    base = measures[0]
    columns = ["engine", "build s", "build ratio", "queries/s", "q/s ratio", "queries", "own@10"]
    rows = [
        [
            item.engine,
            f"{item.build_seconds:.2f}",
            f"{item.build_seconds / base.build_seconds:.2f}x",
            f"{item.queries_per_second:,.1f}",
            f"{item.queries_per_second / base.queries_per_second:.2f}x",
            str(item.queries),
            f"{item.own_article_in_top:.3f}",
        ]
        for item in measures
    ]
    widths = [max(len(name), *(len(row[i]) for row in rows)) for i, name in enumerate(columns)]
    lines = ["  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True))]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the reuters21578 folder")
    parser.add_argument("--queries", type=int, default=200, help="how many title queries")
    parser.add_argument(
        "--rank-bm25-queries",
        type=int,
        default=50,
        help="rank_bm25 scores every document in Python: it answers only this many queries",
    )
    parser.add_argument("--limit", type=int, default=None, help="read at most this many articles")
    parser.add_argument("--shards", type=int, default=4, help="shards to check (0: none)")
    parser.add_argument("--workers", type=int, default=2, help="Dask workers of the sharded check")
    arguments = parser.parse_args(argv)
    if not any(arguments.data.glob("reut2-*.sgm")):
        print(f"Reuters data not found in {arguments.data}: retrieval benchmark skipped.")
        return 0

    from load_reuters import load_and_split  # the Reuters reader of the loading benchmark

    begin = time.perf_counter()
    documents = load_and_split(arguments.data, arguments.limit).documents
    pairs = list(build_units(documents, "document"))
    texts = [text for _, text in pairs]
    doc_ids = [unit.doc_id for unit, _ in pairs]
    queries = title_queries(documents, arguments.queries)
    sentences = sum(len(document.sentences) for document in documents)
    print(
        f"Reuters-21578: {len(documents):,} documents with a body, {sentences:,} sentences, "
        f"read in {time.perf_counter() - begin:.1f} s; {len(queries)} title queries, "
        f"e.g. {queries[0][1]!r}; top {TOP_K}; median of {RUNS} runs."
    )
    measures = [
        bench_tfidf(documents, queries),
        bench_tfidf(documents, queries, ngram_range=(1, 1)),
        bench_bm25s(texts, doc_ids, queries),
        bench_rank_bm25(texts, doc_ids, queries[: arguments.rank_bm25_queries]),
    ]
    print(format_measures(measures))
    if arguments.rank_bm25_queries < len(queries):
        print(
            f"rank_bm25 answered only the first {arguments.rank_bm25_queries} queries "
            "(it scores every document in pure Python); own@10 for it is over those."
        )
    print(
        "Ratios are against the first row (build: time, lower is faster; q/s: speed, higher "
        "is faster). TfidfIndex answers one query per call (its API), bm25s the whole list in "
        "one batched call. own@10: share of queries whose title's article is in the top 10."
    )
    if arguments.shards > 0:
        try:
            import distributed  # noqa: F401
        except ImportError:
            print("Dask is not installed (pip install 'workbench[scale]'): sharded check skipped.")
        else:
            print(bench_sharded(documents, queries, arguments.shards, arguments.workers))
    return 0


if __name__ == "__main__":
    sys.exit(main())
