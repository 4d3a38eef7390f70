"""Benchmark: load, split and annotate the 19,043 Reuters-21578 bodies; then reload from cache.

What it measures, in one process:

1. **Load + split**: read the SGML files (bytes decoded as Latin-1), take each
   ``<REUTERS>`` record with a ``<BODY>``, and build a workbench document from it
   (cleaning, dateline, headings, sentences): documents per second.
2. **Annotate, cold**: spaCy entities for every sentence into a fresh, empty cache
   folder. ``nlp.pipe`` runs with ``batch_size=512``; a trial on a sample first
   compares ``n_process=1`` with ``n_process=2`` and the faster one does the full run.
3. **Reload, warm**: load + split again and annotate from the now-full cache; the
   speed-up is cold time over warm time, for annotation alone and for the whole load.
4. **Plain spaCy, the reference**: ``nlp.pipe`` with the same components and
   batch size over the same sentence texts, with nothing of the workbench
   around it (no cache, no entity objects): the workbench's cold annotation
   rate as a share of it.
5. **On Dask** (``--workers 1,2``): the bodies written as text files to a
   temporary folder, then a cold ``load_corpus(folder, annotate=True,
   workers=N)`` (reading, cleaning, splitting and annotation on a local
   cluster of N single-threaded worker processes, into a fresh cache) for each
   N, beside the same load in this process without Dask; the documents and
   entities must be the same, and the 2-worker speed-up over 1 worker is printed.
6. **Peak memory**: the resident set size high-water mark of this process (and of
   spaCy's worker processes, if any), from ``resource.getrusage``.

Run ``python benchmarks/load_reuters.py --data ../shared/data/reuters21578``
(``make bench`` does), or with ``--limit N`` for a quick run. Not a test: when
the data folder is absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import html
import re
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from workbench.config import PROJECT_ROOT
from workbench.corpus.document import build_document
from workbench.dates.explicit import parse_date
from workbench.model import Corpus
from workbench.nlp.pipeline import annotate, load_pipeline, pipeline_id
from workbench.terminal import format_table

DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data" / "reuters21578"
EXPECTED_BODIES = 19_043
BATCH_SIZE = 512
TRIAL_DOCUMENTS = 2_000

_RECORD = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL)
_NEWID = re.compile(r'\bNEWID="(\d+)"')
_FIELDS = {
    name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("DATE", "TITLE", "BODY")
}

Result = TypeVar("Result")


@dataclass(frozen=True)
class Article:
    """One Reuters record with a body, as read from the SGML."""

    newid: str
    date_text: str | None
    title: str | None
    body: str
    path: Path


def read_articles(folder: Path, limit: int | None = None) -> Iterator[Article]:
    """Yield the records with a body from ``folder``'s ``reut2-*.sgm`` files, in file order."""
    count = 0
    for path in sorted(folder.glob("reut2-*.sgm")):
        text = path.read_bytes().decode("latin-1")
        for record in _RECORD.finditer(text):
            fields = {name: pattern.search(record[2]) for name, pattern in _FIELDS.items()}
            if fields["BODY"] is None:
                continue
            newid = _NEWID.search(record[1])
            yield Article(
                newid=newid[1] if newid else str(count),
                date_text=fields["DATE"][1] if fields["DATE"] else None,
                title=html.unescape(fields["TITLE"][1]).strip() if fields["TITLE"] else None,
                body=html.unescape(fields["BODY"][1]),
                path=path,
            )
            count += 1
            if limit is not None and count >= limit:
                return


def load_and_split(folder: Path, limit: int | None) -> Corpus:
    """Read the articles and build a document from each: the corpus the benchmark annotates."""
    documents = tuple(
        build_document(
            article.body,
            f"reuters-{article.newid}",
            title=article.title or None,
            published=parse_date(article.date_text) if article.date_text else None,
            source="Reuters",
            path=article.path,
            encoding="latin-1",
        )
        for article in read_articles(folder, limit)
    )
    return Corpus(documents, (), folder)


def timed(function: Callable[[], Result]) -> tuple[Result, float]:
    """Call ``function`` and return its result and the seconds it took."""
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def peak_memory_mb() -> tuple[float, float]:
    """Peak resident set size in MB of this process and of its finished children (Linux: KiB)."""
    divisor = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / divisor
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / divisor
    return own, children


def choose_n_process(nlp, corpus: Corpus) -> tuple[int, list[list[object]]]:
    """Annotate a sample with 1 and 2 processes (no cache) and return the faster setting."""
    sample = Corpus(corpus.documents[:TRIAL_DOCUMENTS])
    list(nlp.pipe(["A warm-up run in Moscow, so that neither trial pays for it."]))
    rows: list[list[object]] = []
    rates: dict[int, float] = {}
    for n_process in (1, 2):
        _, seconds = timed(
            lambda n=n_process: annotate(
                sample, nlp=nlp, cache_dir="", batch_size=BATCH_SIZE, n_process=n, progress=False
            )
        )
        rates[n_process] = len(sample) / seconds
        rows.append(
            [
                f"trial: annotate {len(sample):,} docs, n_process={n_process}",
                seconds,
                rates[n_process],
            ]
        )
    return max(rates, key=rates.__getitem__), rows


def sentence_count(corpus: Corpus) -> int:
    return sum(len(document.sentences) for document in corpus)


def entity_count(corpus: Corpus) -> int:
    return sum(len(sentence.entities) for sentence in corpus.sentences())


def plain_pipe_seconds(nlp, corpus: Corpus) -> float:
    """Seconds plain ``nlp.pipe`` takes over every sentence text of ``corpus``, nothing kept."""
    texts = [sentence.text for sentence in corpus.sentences()]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return time.perf_counter() - started


def write_bodies(corpus: Corpus, folder: Path) -> None:
    """Write each document's raw text to ``folder`` as ``<id>.txt``: a folder to load."""
    for document in corpus:
        (folder / f"{document.id}.txt").write_text(document.raw, encoding="utf-8")


def dask_rows(corpus: Corpus, worker_counts: list[int]) -> list[list[object]]:
    """Cold loads of the bodies as files: in this process, then on each number of workers."""
    from workbench.corpus.load import load_corpus

    rows: list[list[object]] = []
    seconds_of: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="workbench-bench-files-") as files:
        write_bodies(corpus, Path(files))
        reference = None
        for workers in [0, *worker_counts]:
            with tempfile.TemporaryDirectory(prefix="workbench-bench-cache-") as cache_dir:
                loaded, seconds = timed(
                    lambda w=workers, c=cache_dir: load_corpus(
                        files,
                        annotate=True,
                        cache_dir=c,
                        progress=False,
                        max_corpus_bytes=2**40,
                        workers=w or None,
                    )
                )
            summary = [
                (d.id, len(d.sentences), sum(len(s.entities) for s in d.sentences)) for d in loaded
            ]
            if reference is None:
                reference = summary
            assert summary == reference, f"the load on {workers} workers differs"
            seconds_of[workers] = seconds
            where = f"{workers} Dask worker{'s' * (workers > 1)}" if workers else "this process"
            rows.append([f"files: load + annotate, cold ({where})", seconds, len(loaded) / seconds])
    if 1 in seconds_of and 2 in seconds_of:
        rows.append(["2 workers over 1: speed-up", seconds_of[1] / seconds_of[2], None])
    return rows


def run(folder: Path, limit: int | None, worker_counts: list[int] | None = None) -> None:
    """Run every step, then print the measurements as a table."""
    corpus, load_seconds = timed(lambda: load_and_split(folder, limit))
    if limit is None and len(corpus) != EXPECTED_BODIES:
        print(f"warning: {len(corpus):,} bodies read, {EXPECTED_BODIES:,} expected")
    dated = sum(document.published is not None for document in corpus)
    print(
        f"{len(corpus):,} documents ({dated:,} dated), {sentence_count(corpus):,} sentences, "
        f"{sum(document.word_count for document in corpus):,} words"
    )

    nlp, pipeline_seconds = timed(lambda: load_pipeline("ner"))
    n_process, trial_rows = choose_n_process(nlp, corpus)
    print(f"pipeline {pipeline_id(nlp)} ({', '.join(nlp.pipe_names)}); using n_process={n_process}")

    with tempfile.TemporaryDirectory(prefix="workbench-bench-cache-") as cache_dir:

        def annotate_all(documents: Corpus) -> Corpus:
            return annotate(
                documents,
                nlp=nlp,
                cache_dir=cache_dir,
                batch_size=BATCH_SIZE,
                n_process=n_process,
                progress=False,
            )

        cold, cold_seconds = timed(lambda: annotate_all(corpus))
        reloaded, reload_seconds = timed(lambda: load_and_split(folder, limit))
        warm, warm_seconds = timed(lambda: annotate_all(reloaded))
        cache_files = sum(1 for _ in Path(cache_dir).rglob("*.json"))

    assert entity_count(warm) == entity_count(cold), "the cache changed the entities"
    plain_seconds = plain_pipe_seconds(nlp, corpus)
    documents = len(corpus)
    rows: list[list[object]] = [
        ["load + split (read SGML, clean, split)", load_seconds, documents / load_seconds],
        ["load spaCy pipeline", pipeline_seconds, None],
        *trial_rows,
        [f"annotate, cold cache (n_process={n_process})", cold_seconds, documents / cold_seconds],
        [
            "plain nlp.pipe, same components and texts (n_process=1)",
            plain_seconds,
            documents / plain_seconds,
        ],
        ["load + split again", reload_seconds, documents / reload_seconds],
        ["annotate, warm cache", warm_seconds, documents / warm_seconds],
        [
            "whole load, cold (load + split + annotate)",
            load_seconds + cold_seconds,
            documents / (load_seconds + cold_seconds),
        ],
        [
            "whole load, warm (load + split + cache)",
            reload_seconds + warm_seconds,
            documents / (reload_seconds + warm_seconds),
        ],
    ]
    if worker_counts:
        rows += dask_rows(corpus, worker_counts)
    print()
    print(
        format_table(
            [
                [step, f"{seconds:.2f}", f"{rate:,.0f}" if rate else ""]
                for step, seconds, rate in rows
            ],
            ["step", "seconds", "documents/s"],
        )
    )
    own, children = peak_memory_mb()
    annotate_speedup = cold_seconds / warm_seconds
    whole_speedup = (load_seconds + cold_seconds) / (reload_seconds + warm_seconds)
    print()
    print(
        format_table(
            [
                ["documents", f"{documents:,}"],
                ["entities", f"{entity_count(cold):,}"],
                ["cache files", f"{cache_files:,}"],
                ["annotation speed-up from the cache", f"{annotate_speedup:.1f}x"],
                [
                    "cold annotation rate / plain nlp.pipe rate",
                    f"{plain_seconds / cold_seconds:.2f}"
                    + (f" (at n_process={n_process})" if n_process != 1 else ""),
                ],
                [
                    "trial annotation rate, n_process=1 / plain nlp.pipe rate",
                    f"{trial_rows[0][2] / (documents / plain_seconds):.2f}",
                ],
                ["whole-load speed-up from the cache", f"{whole_speedup:.1f}x"],
                ["peak memory, this process (maxrss)", f"{own:,.0f} MB"],
                [
                    "peak memory, largest worker (maxrss)",
                    f"{children:,.0f} MB" if children else "-",
                ],
            ],
            ["measure", "value"],
        )
    )


def main(argv: list[str] | None = None) -> int:
    """Parse the options and run the benchmark, or say why not."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help=f"the reuters21578 folder ({DEFAULT_DATA})"
    )
    parser.add_argument("--limit", type=int, default=None, help="read only the first N bodies")
    parser.add_argument(
        "--workers",
        default="",
        metavar="N,M",
        help="also load the bodies as files on local Dask clusters of these sizes (e.g. 1,2)",
    )
    arguments = parser.parse_args(argv)
    try:
        worker_counts = [int(n) for n in arguments.workers.split(",") if n.strip()]
    except ValueError:
        parser.error(f"--workers takes whole numbers separated by commas, not {arguments.workers}")
    if any(n < 1 for n in worker_counts):
        parser.error("--workers takes numbers of at least 1")
    if arguments.limit is not None and arguments.limit < 1:
        parser.error(f"--limit must be a positive number, not {arguments.limit}")
    if not any(arguments.data.glob("reut2-*.sgm")):
        print(f"Reuters-21578 data not found in {arguments.data}: nothing to benchmark.")
        return 0
    run(arguments.data, arguments.limit, worker_counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
