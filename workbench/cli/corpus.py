"""The commands that read the corpus: ``corpus``, ``search`` and ``summarise``."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from workbench.cli.options import (
    SubParsers,
    add_corpus_option,
    add_date_options,
    add_json_option,
    date_bounds,
    json_default,
    positive_int,
    within_dates,
)
from workbench.errors import WorkbenchError
from workbench.terminal import format_table
from workbench.text import printable_path

if TYPE_CHECKING:
    from workbench.model import Corpus, Document


def add_corpus_parser(commands: SubParsers) -> None:
    """``workbench corpus``."""
    corpus = commands.add_parser(
        "corpus",
        help="list the documents of a corpus and the files skipped",
        description="Print each document's id, title, date, sentence and word counts, "
        "and every skipped file with its reason.",
    )
    add_corpus_option(corpus)
    add_json_option(corpus)
    corpus.set_defaults(command=run_corpus)


def add_index_parser(commands: SubParsers) -> None:
    """``workbench index``."""
    index = commands.add_parser(
        "index",
        help="read and annotate a corpus and build its search index, into the cache",
        description="Read, clean, split and annotate every article (cached by content), then "
        "build and cache the sentence index, so later commands start warm. With --workers "
        "or --scheduler the reading and annotation run on Dask workers; the result is the "
        "same.",
    )
    add_corpus_option(index)
    where = index.add_mutually_exclusive_group()
    where.add_argument(
        "--workers", type=positive_int, metavar="N", help="a local Dask cluster of N processes"
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="a running Dask scheduler (tcp://host:8786)"
    )
    index.set_defaults(command=run_index)


def run_index(arguments: argparse.Namespace) -> int:
    """``workbench index``: load and annotate (on Dask if asked), then cache the index."""
    import time

    from workbench.corpus.load import load_corpus
    from workbench.retrieval.index import TfidfIndex

    started = time.perf_counter()
    corpus = load_corpus(
        arguments.corpus,
        annotate=True,
        workers=arguments.workers,
        scheduler=arguments.scheduler,
    )
    loaded = time.perf_counter()
    index = TfidfIndex.cached(corpus, "sentence")
    where = arguments.scheduler or (
        f"{arguments.workers} local workers" if arguments.workers else "one process"
    )
    entities = sum(len(sentence.entities) for sentence in corpus.sentences())
    print(
        f"{len(corpus)} documents ({len(corpus.skipped)} files skipped), {entities} entities, "
        f"read and annotated in {loaded - started:.1f} s on {where}"
    )
    print(f"{index!r}, ready in {time.perf_counter() - loaded:.1f} s")
    return 0


def run_corpus(arguments: argparse.Namespace) -> int:
    """``workbench corpus``: the corpus overview.

    The table lists the documents by publication date, as the corpus card does;
    ``--json`` gives them in corpus order, as ``corpus.overview()`` does.
    """
    from workbench.corpus.load import load_corpus

    corpus = load_corpus(arguments.corpus)
    documents = [document.summary_row() for document in corpus]
    skipped = [
        {"path": printable_path(item.path), "reason": item.reason} for item in corpus.skipped
    ]
    if arguments.json:
        print(
            json.dumps(
                {"documents": documents, "skipped": skipped},
                default=json_default,
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    dated = any(document.published is not None for document in corpus)
    order = ", by publication date (undated last)" if dated else ""
    print(f"{len(documents)} documents in {corpus.root}{order}")
    columns = ["doc_id", "title", "published", "sentences", "words"]
    listed = [document.summary_row() for document in corpus.by_date()]
    print(
        format_table(
            [[row[name] for name in columns] for row in listed], columns, max_width={"title": 60}
        )
    )
    if skipped:
        print(f"\n{len(skipped)} skipped:")
        print(format_table([[row["path"], row["reason"]] for row in skipped], ["path", "reason"]))
    return 0


def add_search_parser(commands: SubParsers) -> None:
    """``workbench search``."""
    search = commands.add_parser(
        "search",
        help="rank the sentences, passages or documents that match a query",
        description="TF-IDF search (unigrams and bigrams, English stop words left out). "
        "The index is cached and rebuilt when the corpus changes.",
    )
    search.add_argument("query", metavar="QUERY", help="the words to look for")
    add_corpus_option(search)
    search.add_argument(
        "--level",
        choices=("document", "passage", "sentence"),
        default="sentence",
        help="what a hit is (default: sentence)",
    )
    search.add_argument(
        "--top", type=positive_int, default=10, metavar="K", help="how many hits (default: 10)"
    )
    search.add_argument(
        "--doc",
        dest="doc_ids",
        action="extend",
        nargs="+",
        metavar="ID",
        help="search only these documents",
    )
    search.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="rank overlapping passages and near-duplicate articles as hits of their own "
        "(by default each is folded into the better hit it repeats, listed as 'also in')",
    )
    add_date_options(search)
    add_json_option(search)
    search.set_defaults(command=run_search)


def run_search(arguments: argparse.Namespace) -> int:
    """``workbench search``: ranked hits with their offsets, as a table or JSON."""
    from workbench.corpus.load import load_corpus
    from workbench.retrieval.index import search

    low, high = date_bounds(arguments)
    corpus = load_corpus(arguments.corpus)
    result = search(
        corpus,
        arguments.query,
        arguments.top,
        level=arguments.level,
        doc_ids=arguments.doc_ids,
        published_from=low,
        published_to=high,
        collapse=not arguments.keep_duplicates,
    )
    if arguments.json:
        hits = [{**hit.as_dict(), "score": round(hit.score, 4)} for hit in result]
        shown = {"query": arguments.query, "level": arguments.level, "hits": hits}
        print(json.dumps(shown, ensure_ascii=False, indent=2))
        return 0
    if not result.hits:
        print(f"No {arguments.level} matches {arguments.query!r}.")
        return 0
    columns = ["rank", "doc_id", "score", "start-end", "text"]
    rows = [
        [hit.rank, hit.doc_id, f"{hit.score:.3f}", f"{hit.start}-{hit.end}", hit.text]
        for hit in result
    ]
    if result.collapsed:
        columns.append("also in")
        for row, hit in zip(rows, result, strict=True):
            row.append(", ".join(hit.also_in))
    print(format_table(rows, columns, max_width={"text": 80, "also in": 40}))
    return 0


def add_summarise_parser(commands: SubParsers) -> None:
    """``workbench summarise``."""
    from workbench.summaries import DEFAULT_METHOD, ENGINES, METHODS

    summarise = commands.add_parser(
        "summarise",
        aliases=["summarize"],
        help="choose the sentences that best summarise documents, or what concerns a query",
        description="Extractive summary of the whole corpus, of some documents (--doc), "
        "or of what concerns a question (--query). Each sentence cites its document "
        "and raw-text offsets.",
    )
    add_corpus_option(summarise)
    add_date_options(summarise)
    summarise.add_argument(
        "--doc",
        dest="doc_ids",
        action="extend",
        nargs="+",
        metavar="ID",
        help="summarise only these documents (an id or a unique start of one)",
    )
    summarise.add_argument("--query", metavar="Q", help="summarise only what concerns Q")
    summarise.add_argument(
        "--method", choices=METHODS, default=DEFAULT_METHOD, help=f"default: {DEFAULT_METHOD}"
    )
    summarise.add_argument("--engine", choices=ENGINES, default="fast", help="default: fast")
    length = summarise.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive_int, metavar="N", help="default: 3")
    length.add_argument("--ratio", type=float, metavar="R", help="a share of sentences in (0, 1]")
    length.add_argument("--words", type=positive_int, metavar="W", help="a word budget")
    add_json_option(summarise)
    summarise.set_defaults(command=run_summarise)


def run_summarise(arguments: argparse.Namespace) -> int:
    """``workbench summarise``: the chosen sentences with their citations, or JSON."""
    from workbench.corpus.load import load_corpus
    from workbench.summaries import summarise

    corpus = within_dates(load_corpus(arguments.corpus), arguments)
    documents = (
        [_find_document(corpus, doc_id) for doc_id in dict.fromkeys(arguments.doc_ids)]
        if arguments.doc_ids
        else list(corpus)
    )
    try:
        summary = summarise(
            documents,
            method=arguments.method,
            engine=arguments.engine,
            sentences=arguments.sentences,
            ratio=arguments.ratio,
            words=arguments.words,
            query=arguments.query,
        )
    except ValueError as error:  # an out-of-range --ratio; QueryError is a WorkbenchError
        if isinstance(error, WorkbenchError):
            raise
        raise WorkbenchError(str(error)) from error
    if arguments.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
        return 0
    about = f" about {arguments.query!r}" if arguments.query else ""
    print(
        f"Summary{about} of {len(documents)} document{'' if len(documents) == 1 else 's'} "
        f"by {summary.method} "
        f"({summary.engine} engine), {summary.length}:"
    )
    if summary.note:
        print(summary.note)
    rows = [[s.doc_id, s.sentence, f"{s.start}-{s.end}", f"{s.score:.4g}", s.text] for s in summary]
    if rows:
        print(format_table(rows, ["doc_id", "sentence", "start-end", "score", "text"]))
    return 0


def _find_document(corpus: Corpus, doc_id: str) -> Document:
    """The document with id ``doc_id``, or the only one whose id starts with it."""
    if doc_id in corpus:
        return corpus[doc_id]
    matches = [document for document in corpus if document.id.startswith(doc_id)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(document.id for document in matches[:5])
        raise WorkbenchError(f"document id {doc_id!r} is ambiguous: it starts {shown}")
    known = ", ".join(corpus.ids[:5])
    raise WorkbenchError(f"no document {doc_id!r} in the corpus; ids include {known}")
