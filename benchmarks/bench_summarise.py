"""Benchmark: the workbench's fast summarizers against sumy's own, on the same inputs.

For inputs of 100, 1,500 and 5,000 sentences (BBC News articles, distinct
articles joined in manifest order), each method with a fast version is timed on
both engines, and the chosen sentences compared:

- **fast cold**: one run of the workbench's vectorised ranking with its word and
  stem caches emptied first, so it tokenises and stems everything, as sumy does;
  **fast warm**: the median of the next runs, caches full, as when an analyst
  summarises the same corpus again (another method, length or query).
  **x cold** and **x warm** are sumy's time over each. Cold runs are mostly
  NLTK's Snowball stemmer, which both engines must run to agree: the fast
  engine stems each distinct word once, sumy every occurrence;
- **sumy**: sumy's own summarizer on the same sentences, in a child process
  stopped after ``--timeout`` seconds (60 by default); a method stopped at one
  size is not run at the larger ones;
- **same**: how often both engines choose the same ``--choose`` sentences (10);
  **same up to ties**: the same, or different only among sentences whose scores
  tie exactly. At 100 sentences this is over ``--inputs`` different inputs.

Then the scale target: a 20,000-sentence corpus (Reuters-21578 bodies) is
summarised end to end with the default method and each fast one (reading
excluded; tokenising, ranking and multi-document redundancy control included).

Run ``python benchmarks/bench_summarise.py`` (``make bench`` does). Not a test:
when the data folders are absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from workbench.config import PROJECT_ROOT
from workbench.corpus.decoding import decode_bytes
from workbench.corpus.document import build_document
from workbench.model import Document
from workbench.summaries import DEFAULT_METHOD, summarise, tokens
from workbench.summaries.api import rank
from workbench.summaries.fast import FAST_RANKERS
from workbench.summaries.ranking import Ranking
from workbench.summaries.source import SummaryInput, build_input

DATA = PROJECT_ROOT.parent / "shared" / "data"
BBC = DATA / "bbc_news_summary_reconstructed"
REUTERS = DATA / "reuters21578"
SIZES = (100, 1_500, 5_000)
CORPUS_SENTENCES = 20_000


@dataclass(frozen=True)
class Row:
    """One method at one size."""

    size: int
    method: str
    cold_seconds: float
    warm_seconds: float
    sumy_seconds: float | None  # None: stopped
    same: str
    same_up_to_ties: str


def bbc_documents(limit: int | None = None) -> list[Document]:
    """The BBC articles in manifest order (title line, blank line, body)."""
    import csv

    with (BBC / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        paths = [row["path"] for row in csv.DictReader(handle)][:limit]
    return [
        build_document(
            decode_bytes((BBC / "News Articles" / path).read_bytes()).text,
            path.removesuffix(".txt"),
        )
        for path in paths
    ]


def inputs_of(documents: Sequence[Document], size: int, count: int) -> list[SummaryInput]:
    """``count`` inputs of exactly ``size`` candidates, from disjoint runs of documents."""
    made: list[SummaryInput] = []
    taken: list[Document] = []
    for document in documents:
        taken.append(document)
        source = build_input(taken)
        if len(source) >= size:
            keep = {id(sentence) for sentence in source.candidates[:size]}
            made.append(source.subset(lambda sentence, keep=keep: id(sentence) in keep))
            taken = []
            if len(made) == count:
                break
    return made


def fresh(source: SummaryInput) -> SummaryInput:
    """The same candidates with nothing computed yet (tokens are cached on an input)."""
    return SummaryInput(source.candidates, source.paragraphs)


def same_choice(fast: Ranking, sumy: Ranking, count: int) -> tuple[bool, bool]:
    """Whether the top ``count`` are the same, and whether they are up to tied scores."""
    first, second = set(fast.order[:count]), set(sumy.order[:count])
    if first == second:
        return True, True
    boundary = fast.scores[fast.order[count - 1]]
    scale = max(float(np.abs(fast.scores).max()), 1e-300)
    return False, all(abs(fast.scores[i] - boundary) <= 1e-9 * scale for i in first ^ second)


def empty_caches() -> None:
    """Forget every word read and stemmed, so the next run does it all, as sumy does."""
    tokens.stem.cache_clear()
    tokens.to_words.cache_clear()


def time_fast(method: str, source: SummaryInput, runs: int) -> tuple[float, float, Ranking]:
    """Cold time (caches emptied), median warm time of ``runs`` more, and the ranking."""
    empty_caches()
    started = time.perf_counter()
    ranking = rank(method, "fast", fresh(source))
    cold = time.perf_counter() - started
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        rank(method, "fast", fresh(source))
        warm.append(time.perf_counter() - started)
    return cold, statistics.median(warm), ranking


def _sumy_child(method: str, source: SummaryInput, results: multiprocessing.Queue) -> None:
    started = time.perf_counter()
    ranking = rank(method, "sumy", source)
    results.put((time.perf_counter() - started, ranking.scores, ranking.order))


def time_sumy(method: str, source: SummaryInput, timeout: float) -> tuple[float, Ranking] | None:
    """Time sumy in a child process; ``None`` when it passes ``timeout`` seconds."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=_sumy_child, args=(method, source, results))
    child.start()
    try:
        seconds, scores, order = results.get(timeout=timeout)
    except Exception:  # queue.Empty: still running
        child.terminate()
        child.join()
        return None
    child.join()
    return seconds, Ranking(scores, order)


def bench_size(
    size: int,
    sources: list[SummaryInput],
    methods: Sequence[str],
    stopped: set[str],
    timeout: float,
    choose: int,
) -> list[Row]:
    rows = []
    for method in methods:
        cold_times, warm_times, sumy_times, same, tied = [], [], [], 0, 0
        compared = 0
        for source in sources:
            cold, warm, fast_ranking = time_fast(method, source, runs=5 if size <= 100 else 3)
            cold_times.append(cold)
            warm_times.append(warm)
            if method in stopped:
                continue
            outcome = time_sumy(method, source, timeout)
            if outcome is None:
                stopped.add(method)
                continue
            sumy_seconds, sumy_ranking = outcome
            sumy_times.append(sumy_seconds)
            exact, up_to_ties = same_choice(fast_ranking, sumy_ranking, min(choose, size))
            same += exact
            tied += up_to_ties
            compared += 1
        rows.append(
            Row(
                size,
                method,
                statistics.median(cold_times),
                statistics.median(warm_times),
                statistics.median(sumy_times) if sumy_times and method not in stopped else None,
                f"{same}/{compared}" if compared else "-",
                f"{tied}/{compared}" if compared else "-",
            )
        )
        print(_format_row(rows[-1], timeout), flush=True)
    return rows


def _format_row(row: Row, timeout: float) -> str:
    if row.sumy_seconds is None:
        sumy = f"stopped>{timeout:.0f}s"
        cold, warm = (
            f">{timeout / seconds:,.0f}x" for seconds in (row.cold_seconds, row.warm_seconds)
        )
    else:
        sumy = f"{row.sumy_seconds:.3f}"
        cold, warm = (
            f"{row.sumy_seconds / seconds:,.0f}x"
            for seconds in (row.cold_seconds, row.warm_seconds)
        )
    return (
        f"{row.size:>6,}  {row.method:<10} {row.cold_seconds:>9.4f}  {row.warm_seconds:>9.4f}  "
        f"{sumy:>13}  {cold:>8}  {warm:>8}  {row.same:>6}  {row.same_up_to_ties:>6}"
    )


def bench_corpus(sentences: int) -> None:
    """Summarise ``sentences`` sentences of Reuters bodies with the default method."""
    sys.path.insert(0, str(Path(__file__).parent))
    from load_reuters import load_and_split  # the Reuters reader of the loading benchmark

    documents: list[Document] = []
    total = 0
    for document in load_and_split(REUTERS, None).documents:
        documents.append(document)
        total += len(document.body)
        if total >= sentences:
            break
    print(
        f"\nCorpus summary: {len(documents):,} Reuters documents, {total:,} body sentences "
        f"(candidates after exact duplicates are dropped: {len(build_input(documents)):,})"
    )
    for method in [DEFAULT_METHOD, *FAST_RANKERS]:
        empty_caches()  # cold: each method tokenises and stems the corpus itself
        started = time.perf_counter()
        summary = summarise(documents, method=method, sentences=10)
        seconds = time.perf_counter() - started
        label = f"{method} (default)" if method == DEFAULT_METHOD else method
        print(f"  {label:<26} {seconds:6.2f} s  ({len(summary)} sentences, multi-document MMR)")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--methods", nargs="+", default=sorted(FAST_RANKERS))
    parser.add_argument("--inputs", type=int, default=10, help="inputs at the smallest size")
    parser.add_argument("--choose", type=int, default=10, help="sentences compared")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before sumy stops")
    parser.add_argument("--corpus-sentences", type=int, default=CORPUS_SENTENCES)
    arguments = parser.parse_args(argv)
    if not (BBC / "manifest.csv").is_file():
        print(f"BBC data not found in {BBC}: summary benchmark skipped.")
        return 0
    sizes = sorted(arguments.sizes)
    needed = sizes[-1] + arguments.inputs * sizes[0]
    documents = bbc_documents(limit=int(needed / 15) + 100)
    rank("textrank", "fast", build_input(documents[:1]))  # load the stemmer before timing
    print(
        f"Fast engine against sumy, seconds (medians over {arguments.inputs} inputs at "
        f"{sizes[0]} sentences; warm: median of 5 runs at {sizes[0]}, 3 above); x cold, x warm = "
        f"sumy / cold, sumy / warm; same = both choose the same {arguments.choose} sentences."
    )
    print(
        f"{'size':>6}  {'method':<10} {'cold s':>9}  {'warm s':>9}  {'sumy s':>13}  "
        f"{'x cold':>8}  {'x warm':>8}  {'same':>6}  {'ties':>6}"
    )
    stopped: set[str] = set()
    for size in sizes:
        count = arguments.inputs if size == sizes[0] else 1
        sources = inputs_of(documents, size, count)
        bench_size(size, sources, arguments.methods, stopped, arguments.timeout, arguments.choose)
    print(
        "ties: the same, or different only among sentences whose scores tie exactly "
        "(sumy breaks such ties by rounding noise). stopped: sumy passed the time limit, "
        "and is not run at larger sizes."
    )
    if not arguments.corpus_sentences:
        return 0
    if any(REUTERS.glob("reut2-*.sgm")):
        bench_corpus(arguments.corpus_sentences)
    else:
        print(f"Reuters data not found in {REUTERS}: corpus summary skipped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
