"""Benchmark: question answering speed and accuracy.

Three measurements, each its own sub-command:

- ``seeds``: the development questions (``../shared/eval/seeds_questions.jsonl``)
  answered in one batch over the seeds: wall time with and without loading spaCy.
- ``squad``: a generic yardstick. A corpus is built from the paragraphs of some
  SQuAD v1.1 dev articles (one paragraph a document), and their who / when /
  where / how many / which questions are asked of it. Reported: how many are
  answered, "contains" accuracy (the answer holds a gold answer, is at most 8
  words, and its first evidence is the question's paragraph: the rule of
  ``workbench eval qa``), exact match, and, asked of the *other* articles'
  paragraphs only, how often the workbench wrongly answers (it should abstain).
- ``reuters``: the median time of one ``ask`` on a warm corpus of the 19,043
  Reuters-21578 bodies (index built once, then 20 questions timed one by one).

And one fit: ``calibrate`` fits the answer ranker's weights and the answer
confidence by logistic regression on other SQuAD articles' questions, prints how
many questions each confidence threshold would answer, and writes the weights with
how they were fitted to ``workbench/data/qa_weights.json`` (``--out`` for another
file), which :mod:`workbench.qa.weights` reads.

Run ``python benchmarks/bench_qa.py seeds|squad|reuters|calibrate [options]``. Not
a test: when a data folder is absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import workbench.data
from workbench.atomic import atomic_write_text
from workbench.config import PROJECT_ROOT

if TYPE_CHECKING:
    from workbench.evaluate.squad_files import SquadQuestion

SHARED = PROJECT_ROOT.parent / "shared"
SEEDS_QUESTIONS = SHARED / "eval" / "seeds_questions.jsonl"
SQUAD = SHARED / "data" / "squad_v1.1_dev" / "dev-v1.1.reconstructed.json"
REUTERS = SHARED / "data" / "reuters21578"
#: Where ``calibrate`` writes the weights by default: the package's own file.
WEIGHTS = Path(workbench.data.__file__).parent / "qa_weights.json"

#: The settings of both logistic regressions ``calibrate`` fits (scikit-learn's defaults
#: otherwise).
REGRESSION_SETTINGS = {"max_iter": 1000}

#: Times each development question is asked again, warm, to take the median of.
WARM_ROUNDS = 3

#: Question kinds asked of SQuAD (the wh-words the workbench types).
SQUAD_KINDS = ("who", "when", "where", "how many", "which")

#: Questions about 1987 business news, to time ``ask`` on Reuters (answers not judged).
REUTERS_QUESTIONS = (
    "Who is the chairman of the Federal Reserve?",
    "How much did Texaco agree to pay Pennzoil?",
    "When will OPEC ministers meet in Vienna?",
    "Which company made a takeover bid for Allegheny International?",
    "Where is the headquarters of Chrysler?",
    "How many barrels per day does OPEC produce?",
    "Who is the Japanese finance minister?",
    "What did the Bundesbank decide about interest rates?",
    "When did the stock market crash in October?",
    "Which country is the largest producer of coffee?",
    "How much wheat did the Soviet Union buy from the United States?",
    "Who heads the General Agreement on Tariffs and Trade?",
    "Where did the Group of Seven finance ministers meet?",
    "How many shares did the company offer?",
    "Who was named president of the bank?",
    "When does the sugar export tender close?",
    "What was the trade deficit in January?",
    "Which airline agreed to buy Piedmont Aviation?",
    "How much did the dollar fall against the yen?",
    "Who is the president of Brazil's central bank?",
)


def run_seeds(path: Path) -> None:
    from workbench import load_corpus
    from workbench.nlp.pipeline import load_pipeline
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.qa.question_file import load_questions

    if not path.is_file():
        print(f"no question file at {path}; nothing to measure")
        return
    started = time.perf_counter()
    load_pipeline("full")
    loaded = time.perf_counter()
    corpus = load_corpus()
    items = load_questions(path)
    answerer = QuestionAnswerer(corpus)
    answers = [answerer.ask(item.question) for item in items]
    finished = time.perf_counter()
    print(
        f"{len(answers)} questions over {len(corpus)} seed articles: "
        f"{finished - started:.2f} s in all, {loaded - started:.2f} s of it loading spaCy, "
        f"{(finished - loaded) / len(answers):.3f} s a question after that"
    )
    # Warm: the index built and the sentences parsed, as when an analyst asks again.
    warm = []
    for _ in range(WARM_ROUNDS):
        for item in items:
            asked = time.perf_counter()
            answerer.ask(item.question)
            warm.append(time.perf_counter() - asked)
    print(
        f"warm ask: median {statistics.median(warm) * 1000:.1f} ms "
        f"({WARM_ROUNDS} rounds of the {len(items)} questions)"
    )


def run_squad(path: Path, articles: Sequence[int], negatives: Sequence[int]) -> None:
    from workbench.evaluate.squad_files import read_squad_data, select_articles
    from workbench.evaluate.squad_metric import normalise_answer
    from workbench.qa.analysis import analyse_question
    from workbench.qa.answerer import QuestionAnswerer

    if not path.is_file():
        print(f"no SQuAD file at {path}; nothing to measure")
        return
    data = read_squad_data(path)
    chosen = select_articles(data, articles)
    corpus = chosen.corpus
    answerer = QuestionAnswerer(corpus)
    totals: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    started = time.perf_counter()
    for item in chosen.questions:
        kind = analyse_question(item.question).wh_word
        if kind not in SQUAD_KINDS:
            continue
        answer = answerer.ask(item.question)
        counts = by_kind.setdefault(kind, Counter())
        for bucket in (totals, counts):
            bucket["questions"] += 1
            if answer.answer is None:
                continue
            bucket["answered"] += 1
            text = answer.answer
            right_doc = bool(answer.evidence) and answer.evidence[0].doc_id == item.doc_id
            contains = any(g.lower() in text.lower() for g in item.answers)
            if contains and len(text.split()) <= 8 and right_doc:
                bucket["contains"] += 1
            if normalise_answer(text) in {normalise_answer(g) for g in item.answers}:
                bucket["exact"] += 1
    seconds = time.perf_counter() - started
    titles = ", ".join(chosen.titles)
    print(f"SQuAD v1.1 dev, {len(corpus)} paragraphs of: {titles}")
    print(f"{'kind':<10}{'questions':>10}{'answered':>10}{'contains':>10}{'exact':>8}{'prec.':>8}")
    for kind, counts in [*sorted(by_kind.items()), ("all", totals)]:
        asked, answered = counts["questions"], counts["answered"]
        precision = counts["contains"] / answered if answered else 0.0
        print(
            f"{kind:<10}{asked:>10}{answered:>10}{counts['contains'] / asked:>10.3f}"
            f"{counts['exact'] / asked:>8.3f}{precision:>8.3f}"
        )
    print(f"({seconds / max(totals['questions'], 1):.3f} s a question)")
    if negatives:
        _squad_negatives(data, chosen.questions, negatives)


def _squad_negatives(
    data: list[dict], questions: Sequence[SquadQuestion], negatives: Sequence[int]
) -> None:
    """Ask the chosen articles' questions of other articles: every answer is a wrong one."""
    from workbench.evaluate.squad_files import select_articles
    from workbench.qa.analysis import analyse_question
    from workbench.qa.answerer import QuestionAnswerer

    others = select_articles(data, negatives)
    answerer = QuestionAnswerer(others.corpus)
    asked = answered = 0
    for item in questions:
        if analyse_question(item.question).wh_word not in SQUAD_KINDS:
            continue
        asked += 1
        answered += answerer.ask(item.question).answer is not None
    titles = ", ".join(others.titles)
    print(
        f"asked of other articles ({titles}): {answered} of {asked} answered "
        f"({answered / max(asked, 1):.1%}; each is wrong: the articles cannot answer)"
    )


def _candidate_rows(
    answerer, questions: Sequence[tuple[str, str, list[str]]], answerable: bool
) -> list[list[tuple[list[float], bool, object]]]:
    """For each question, its candidates as ``(features, right, candidate)``."""
    from workbench.qa.weights import SCORE_FEATURES

    names = list(SCORE_FEATURES)
    groups = []
    for question, doc_id, gold in questions:
        rows = []
        for item in answerer.candidates(question):
            text = item.candidate.text.lower()
            right = (
                answerable
                and item.doc_id == doc_id
                and any(g in text or (len(text) > 2 and text in g) for g in gold)
            )
            rows.append(([item.features[name] for name in names], right, item.candidate))
        if rows:
            groups.append(rows)
    return groups


def run_calibrate(
    path: Path,
    articles: Sequence[int],
    negatives: Sequence[int],
    out: Path = WEIGHTS,
    command: str = "python benchmarks/bench_qa.py calibrate",
) -> None:
    """Fit the candidate weights and answer confidence of :mod:`workbench.qa.scoring`.

    Prints the summary table and writes the weights, with how they were fitted, to
    ``out`` (atomically), in the form :mod:`workbench.qa.weights` reads.
    """
    import numpy as np
    import sklearn
    from sklearn.linear_model import LogisticRegression

    from workbench.evaluate.squad_files import read_squad_data, select_articles
    from workbench.qa.analysis import analyse_question
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.qa.scoring import MAX_MARGIN, same_answer
    from workbench.qa.weights import CONFIDENCE_FEATURES, FEATURE_WEIGHTS, SCORE_FEATURES

    if not path.is_file():
        print(f"no SQuAD file at {path}; nothing to fit")
        return
    data = read_squad_data(path)
    chosen = select_articles(data, articles)
    questions = [
        (item.question, item.doc_id, [answer.lower() for answer in item.answers])
        for item in chosen.questions
        if analyse_question(item.question).wh_word in SQUAD_KINDS
    ]
    groups = _candidate_rows(QuestionAnswerer(chosen.corpus), questions, True)
    answerable = len(groups)
    others = select_articles(data, negatives).corpus
    groups += _candidate_rows(QuestionAnswerer(others), questions, False)
    features = np.array([row[0] for group in groups for row in group])
    labels = np.array([row[1] for group in groups for row in group])
    ranker = LogisticRegression(**REGRESSION_SETTINGS).fit(features, labels)
    weights, intercept = ranker.coef_[0], float(ranker.intercept_[0])
    rows, right = [], []
    for group in groups:
        scores = [float(np.dot(weights, row[0]) + intercept) for row in group]
        best = int(np.argmax(scores))
        rivals = [
            score
            for score, row in zip(scores, group, strict=True)
            if not same_answer(group[best][2], row[2])
        ]
        margin = min(MAX_MARGIN, scores[best] - max(rivals)) if rivals else MAX_MARGIN
        rows.append([scores[best], margin, group[best][0][0]])
        right.append(group[best][1])
    confidence = LogisticRegression(**REGRESSION_SETTINGS).fit(np.array(rows), np.array(right))
    score_weights = {
        name: round(float(w), 2) for name, w in zip(SCORE_FEATURES, weights, strict=True)
    }
    confidence_weights = {
        name: round(float(w), 3)
        for name, w in zip(CONFIDENCE_FEATURES, confidence.coef_[0], strict=True)
    }
    confidence_intercept = round(float(confidence.intercept_[0]), 3)
    print(f"{len(groups)} questions ({len(questions)} asked twice), {len(labels)} candidates")
    print(f"score weights: {_listed(score_weights)}; intercept {intercept:.2f}")
    print(f"confidence weights: {_listed(confidence_weights)}; intercept {confidence_intercept}")
    change = max(abs(score_weights[name] - FEATURE_WEIGHTS[name]) for name in SCORE_FEATURES)
    print(f"largest change of a score weight from the ones in use: {change:.2f}")
    probabilities = confidence.predict_proba(np.array(rows))[:, 1]
    right_array = np.array(right)
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6):
        given = probabilities >= threshold
        print(
            f"threshold {threshold:.1f}: {int(given[:answerable].sum())} of {answerable} "
            f"answerable questions answered, {int(right_array[given].sum())} right "
            f"(precision {right_array[given].mean():.2f}); "
            f"{int(given[answerable:].sum())} of {len(groups) - answerable} unanswerable answered"
        )
    record = weights_record(
        command=command,
        arguments={
            "data": str(path),
            "articles": list(articles),
            "negatives": list(negatives),
            "out": str(out),
        },
        fitted=date.today().isoformat(),
        scikit_learn=sklearn.__version__,
        max_margin=MAX_MARGIN,
        score=(score_weights, round(intercept, 2)),
        confidence=(confidence_weights, confidence_intercept),
        counts={
            "questions": len(questions),
            "answerable_with_candidates": answerable,
            "unanswerable_with_candidates": len(groups) - answerable,
            "candidates": len(labels),
        },
    )
    write_weights(out, record)
    print(f"wrote {out}")


def _listed(weights: dict[str, float]) -> str:
    return ", ".join(f"{name} {weight}" for name, weight in weights.items())


def weights_record(
    *,
    command: str,
    arguments: dict[str, object],
    fitted: str,
    scikit_learn: str,
    max_margin: float,
    score: tuple[dict[str, float], float],
    confidence: tuple[dict[str, float], float],
    counts: dict[str, int] | None = None,
    note: str | None = None,
) -> dict[str, object]:
    """The contents of ``qa_weights.json``: the fitted numbers and how they were fitted."""
    from sklearn.linear_model import LogisticRegression

    settings = LogisticRegression(**REGRESSION_SETTINGS).get_params()
    record: dict[str, object] = {
        "about": (
            "Fitted weights of workbench.qa's answer ranker and answer confidence, read by "
            "workbench.qa.weights. A candidate's score is a logit: score.weights times its "
            "features plus score.intercept. An answer's confidence is "
            "1 / (1 + exp(-z)), z being confidence.weights times the best candidate's score, "
            "its margin over the best different answer (clipped at model.max_margin) and its "
            "sentence's coverage, plus confidence.intercept."
        ),
        "command": command,
        "arguments": arguments,
        "fitted": fitted,
        "data": {
            "source": "SQuAD v1.1 dev set (Rajpurkar et al., 2016), the file given as --data",
            "articles": arguments["articles"],
            "negatives": arguments["negatives"],
            "questions": (
                "The who / when / where / how many / which questions (by "
                "workbench.qa.analysis's wh-word) of the articles at positions 'articles' of "
                "the file's data list, asked once of a corpus of those articles' paragraphs "
                "(one paragraph a document) and once of a corpus of the paragraphs of the "
                "articles at positions 'negatives', which cannot answer them. General data, "
                "not the workbench's development questions."
            ),
            "right_candidate": (
                "A candidate found when the question is asked of its own articles, in the "
                "question's paragraph, whose text (lower case) contains a gold answer or, "
                "when longer than two characters, lies inside one. Every candidate found "
                "in the 'negatives' articles is wrong."
            ),
        },
        "model": {
            "estimator": "sklearn.linear_model.LogisticRegression",
            "settings": dict(REGRESSION_SETTINGS),
            "all_settings": settings,
            "scikit_learn": scikit_learn,
            "score_rows": (
                "one per candidate of every question with any candidate: its features "
                f"({', '.join(score[0])}), labelled right or wrong; weights rounded to 2 "
                "decimals"
            ),
            "confidence_rows": (
                "one per question with any candidate: the best candidate by the fitted "
                "score, its margin over the best different answer (at most max_margin) and "
                "its sentence's coverage, labelled right or wrong; weights rounded to 3 "
                "decimals"
            ),
            "max_margin": max_margin,
        },
    }
    if counts is not None:
        record["counts"] = counts
    if note is not None:
        record["note"] = note
    record["score"] = {"weights": score[0], "intercept": score[1]}
    record["confidence"] = {"weights": confidence[0], "intercept": confidence[1]}
    return record


def write_weights(path: Path, record: dict[str, object]) -> Path:
    """Write ``record`` as JSON to ``path`` atomically: a failed write keeps the old file.

    Indented, with each list of numbers on one line.
    """
    text = json.dumps(record, indent=2, ensure_ascii=False)
    text = re.sub(
        r"\[([-0-9.,eE\s]*)\]",
        lambda match: "[" + ", ".join(item.strip() for item in match.group(1).split(",")) + "]",
        text,
    )
    return atomic_write_text(path, text + "\n")


def run_reuters(folder: Path, limit: int | None) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from load_reuters import load_and_split

    from workbench.nlp.pipeline import load_pipeline
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.retrieval.index import TfidfIndex

    if not folder.is_dir():
        print(f"no Reuters data at {folder}; nothing to measure")
        return
    started = time.perf_counter()
    corpus = load_and_split(folder, limit)
    loaded = time.perf_counter()
    index = TfidfIndex(level="sentence").fit(corpus)
    indexed = time.perf_counter()
    answerer = QuestionAnswerer(corpus, index=index, nlp=load_pipeline("full"))
    answerer.ask("Who is the chairman of the board?")  # warm-up: spaCy's first call is slow
    times = []
    for question in REUTERS_QUESTIONS:
        start = time.perf_counter()
        answer = answerer.ask(question)
        times.append(time.perf_counter() - start)
        print(
            f"  {times[-1] * 1000:7.1f} ms  {question}  ->  "
            f"{answer.answer!r} ({answer.confidence:.2f})"
        )
    print(
        f"{len(corpus)} Reuters documents ({len(index.units_):,} sentences): "
        f"load {loaded - started:.1f} s, index {indexed - loaded:.1f} s; "
        f"one ask on the warm corpus: median {statistics.median(times) * 1000:.0f} ms, "
        f"max {max(times) * 1000:.0f} ms over {len(times)} questions"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="what", required=True)
    seeds = commands.add_parser("seeds", help="batch time of the development questions")
    seeds.add_argument("--questions", type=Path, default=SEEDS_QUESTIONS)
    squad = commands.add_parser("squad", help="accuracy on SQuAD v1.1 dev paragraphs")
    squad.add_argument("--data", type=Path, default=SQUAD)
    squad.add_argument(
        "--articles", type=int, nargs="+", default=[0, 1, 2, 3, 4], help="article positions"
    )
    squad.add_argument(
        "--negatives",
        type=int,
        nargs="*",
        default=[20, 21, 22, 23, 24],
        help="articles to ask the questions of, where they have no answer",
    )
    calibrate = commands.add_parser(
        "calibrate", help="fit the answer scoring weights and confidence on SQuAD articles"
    )
    calibrate.add_argument("--data", type=Path, default=SQUAD)
    calibrate.add_argument("--articles", type=int, nargs="+", default=list(range(5, 15)))
    calibrate.add_argument("--negatives", type=int, nargs="+", default=[30, 31, 32, 33, 34])
    calibrate.add_argument(
        "--out", type=Path, default=WEIGHTS, help=f"file to write the weights to ({WEIGHTS})"
    )
    reuters = commands.add_parser("reuters", help="median time of one ask over Reuters")
    reuters.add_argument("--data", type=Path, default=REUTERS)
    reuters.add_argument("--limit", type=int, default=None)
    given = list(sys.argv[1:] if argv is None else argv)
    arguments = parser.parse_args(given)
    if arguments.what == "seeds":
        run_seeds(arguments.questions)
    elif arguments.what == "calibrate":
        command = shlex.join(["python", "benchmarks/bench_qa.py", *given])
        run_calibrate(
            arguments.data, arguments.articles, arguments.negatives, arguments.out, command
        )
    elif arguments.what == "squad":
        run_squad(arguments.data, arguments.articles, arguments.negatives)
    else:
        run_reuters(arguments.data, arguments.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
