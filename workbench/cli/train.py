"""``workbench train qa`` and ``train events``: rebuild the learned parts from their data.

``qa`` fits the answer model (:mod:`workbench.train.qa`); ``events`` counts how
often event rows are right by their host evidence (:mod:`workbench.train.events`).
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from workbench.cli.options import SubParsers
from workbench.errors import WorkbenchError

#: The news question set beside the package, in a clone of the repository.
NEWS_QUESTIONS = Path("benchmarks") / "data" / "news_questions.jsonl"
#: The events gold beside the package, in a clone of the repository.
EVENTS_GOLD = Path("benchmarks") / "data" / "news_events.jsonl"


def add_train_parser(commands: SubParsers) -> None:
    """``workbench train`` and what it trains."""
    from workbench.evaluate.squad_files import DEFAULT_SQUAD

    train = commands.add_parser("train", help="fit the workbench's learned parts from data")
    parts = train.add_subparsers(title="models", metavar="WHAT")
    qa = parts.add_parser(
        "qa",
        help="fit the answer ranker, confidence and calibration (qa_model.json)",
        description="Fit the answer model on SQuAD v1.1 dev articles 0-14 and 30-47 (never "
        "15-29) and the train and dev splits of the news question set (never test), and "
        "write it as JSON.",
    )
    qa.add_argument(
        "--squad", type=Path, default=DEFAULT_SQUAD, metavar="FILE", help="SQuAD v1.1 dev JSON"
    )
    qa.add_argument(
        "--news-questions",
        type=Path,
        default=NEWS_QUESTIONS,
        metavar="FILE",
        help="the news question set (only its train and dev lines are read)",
    )
    qa.add_argument(
        "--news-corpus",
        type=Path,
        metavar="DIR",
        help="the news articles (python benchmarks/news_corpus.py --out DIR); without it, "
        "SQuAD only",
    )
    qa.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the model file to write"
    )
    qa.add_argument("--force", action="store_true", help="replace an existing model file")
    qa.set_defaults(command=run_train_qa)
    events = parts.add_parser(
        "events",
        help="count how often event rows are right, by host evidence (events_confidence.json)",
        description="Extract the events of the events gold's articles, count the right rows "
        "of each kind of host evidence on its dev half and train split (never the test "
        "half), and write the counts as JSON.",
    )
    events.add_argument(
        "--gold", type=Path, default=EVENTS_GOLD, metavar="FILE", help="the events gold"
    )
    events.add_argument(
        "--corpus",
        type=Path,
        required=True,
        metavar="DIR",
        help="its articles (python benchmarks/news_corpus.py --articles "
        "benchmarks/data/event_articles.csv --out DIR)",
    )
    events.add_argument(
        "--out", type=Path, required=True, metavar="FILE", help="the counts file to write"
    )
    events.add_argument("--force", action="store_true", help="replace an existing file")
    events.set_defaults(command=run_train_events)


def _writable(out: Path, force: bool) -> None:
    if out.exists() and not force:
        raise WorkbenchError(f"{out} exists; use --force to replace it")


def run_train_qa(arguments: argparse.Namespace) -> int:
    """Fit the answer model and write it atomically to ``--out``."""
    from workbench.atomic import atomic_write_text
    from workbench.train.qa import train_answer_model

    out: Path = arguments.out
    _writable(out, arguments.force)
    news_corpus = arguments.news_corpus
    news_questions = arguments.news_questions if news_corpus is not None else None
    if news_corpus is not None and not arguments.news_questions.is_file():
        raise WorkbenchError(f"no news question file at {arguments.news_questions}")
    parts = ["workbench", "train", "qa", "--squad", str(arguments.squad)]
    if news_corpus is not None:
        parts += ["--news-questions", str(news_questions), "--news-corpus", str(news_corpus)]
    command = " ".join(shlex.quote(part) for part in [*parts, "--out", str(out)])
    model, report = train_answer_model(
        arguments.squad,
        news_questions,
        news_corpus,
        command=command,
        progress=lambda line: print(line, file=sys.stderr),
    )
    atomic_write_text(out, json.dumps(model.to_dict(), indent=1, ensure_ascii=False) + "\n")
    print("\n".join(report))
    print(f"wrote {out}")
    return 0


def run_train_events(arguments: argparse.Namespace) -> int:
    """Count right event rows by host evidence and write the counts atomically to ``--out``."""
    from workbench.atomic import atomic_write_text
    from workbench.train.events import fit_event_confidence

    out: Path = arguments.out
    _writable(out, arguments.force)
    if not arguments.gold.is_file():
        raise WorkbenchError(f"no events gold at {arguments.gold}")
    parts = ["workbench", "train", "events", "--gold", str(arguments.gold)]
    parts += ["--corpus", str(arguments.corpus), "--out", str(out)]
    command = " ".join(shlex.quote(part) for part in parts)
    confidence = fit_event_confidence(arguments.gold, arguments.corpus, command=command)
    atomic_write_text(out, json.dumps(confidence.to_dict(), indent=1, ensure_ascii=False) + "\n")
    print(confidence.trained["measured"])
    for kind, (rows, right) in sorted(confidence.by_evidence.items()):
        print(f"{kind}: {right} of {rows} rows right, confidence {confidence(kind):.3f}")
    print(f"wrote {out}")
    return 0
