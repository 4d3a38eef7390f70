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

The answer model these measure is fitted by ``workbench train qa`` (``make model``).

Run ``python benchmarks/bench_qa.py seeds|squad|reuters [options]``. Not
a test: when a data folder is absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import PROJECT_ROOT

if TYPE_CHECKING:
    from workbench.evaluate.squad_files import SquadQuestion

SHARED = PROJECT_ROOT.parent / "shared"
SEEDS_QUESTIONS = SHARED / "eval" / "seeds_questions.jsonl"
SQUAD = SHARED / "data" / "squad_v1.1_dev" / "dev-v1.1.reconstructed.json"
REUTERS = SHARED / "data" / "reuters21578"
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
    reuters = commands.add_parser("reuters", help="median time of one ask over Reuters")
    reuters.add_argument("--data", type=Path, default=REUTERS)
    reuters.add_argument("--limit", type=int, default=None)
    given = list(sys.argv[1:] if argv is None else argv)
    arguments = parser.parse_args(given)
    if arguments.what == "seeds":
        run_seeds(arguments.questions)
    elif arguments.what == "squad":
        run_squad(arguments.data, arguments.articles, arguments.negatives)
    else:
        run_reuters(arguments.data, arguments.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
