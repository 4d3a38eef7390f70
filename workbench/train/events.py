"""Measuring how often event rows are right: ``workbench train events``.

:func:`fit_event_confidence` extracts the events of the events gold's articles,
scores them against the gold's **dev** half and its **train** split (the test
half is the held-out report, never read here), and counts, for each kind of host evidence
(``Event.evidence``), the rows and the right rows
(:meth:`~workbench.evaluate.events.EventScore.by_evidence`). The counts and a
record of what they were measured on become
``workbench/data/events_confidence.json``, read by
:mod:`workbench.events.confidence`.

The extractor's rules were written while reading the dev articles and, later,
the train articles' errors, so these shares are what the extractor does on text
it was shaped on; ``workbench eval
events --split test`` prints the same counts on the held-out half.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from workbench.events.confidence import EventConfidence

#: The splits of the events gold the counts are measured on (never "test").
SPLITS = ("dev", "train")


def fit_event_confidence(gold_file: Path, corpus_dir: Path, *, command: str) -> EventConfidence:
    """Count right rows by host evidence on the dev and train splits of the events gold.

    Parameters
    ----------
    gold_file : Path
        The events gold (``benchmarks/data/news_events.jsonl``).
    corpus_dir : Path
        Its articles (``python benchmarks/news_corpus.py --articles
        benchmarks/data/event_articles.csv --out DIR``).
    command : str
        The command line, recorded in the file.

    Returns
    -------
    EventConfidence
    """
    import spacy

    from workbench.corpus.load import load_corpus
    from workbench.evaluate.event_gold import load_event_gold
    from workbench.evaluate.events import score_events
    from workbench.events.extract import extract_events
    from workbench.nlp.pipeline import load_pipeline

    gold = load_event_gold(gold_file)
    articles = tuple(article for article in gold.articles if article.split in SPLITS)
    kept = {article.doc_id for article in articles}
    gold = replace(gold, articles=articles, events=tuple(e for e in gold.events if e.doc in kept))
    corpus = load_corpus(corpus_dir)
    documents = [document for document in corpus if document.id in gold.documents]
    nlp = load_pipeline("full")
    # every gold article is counted, however long: none may be skipped for length
    score = score_events(extract_events(documents, nlp=nlp, max_chars=None), gold)
    trained = {
        "about": (
            "How often a row of the events table names the right host, by the kind of "
            "evidence its host rests on (workbench.events.confidence). Counted, not written "
            "by hand."
        ),
        "command": command,
        "fitted": date.today().isoformat(),
        "data": {
            "gold": gold_file.name,
            "split_read": "+".join(SPLITS),
            "articles": len(gold.documents),
            "expected_events": len(gold.events),
            "rows": len(score.produced),
        },
        "measured": str(score).splitlines()[0],
        "versions": {
            "spacy": spacy.__version__,
            "pipeline": f"{nlp.meta['name']}-{nlp.meta['version']}",
        },
    }
    return EventConfidence(score.by_evidence(), trained)
