"""Benchmark: how often a question's answer is among the candidates, typed and broad ones.

For the SQuAD v1.1 dev articles given by ``--articles``, each paragraph is split
into its sentences as the workbench splits any document, each sentence is parsed
with the full spaCy pipeline, and each question's candidates are collected from
every sentence of its own paragraph (the right paragraph: retrieval is left out)
by both generators: the typed :func:`workbench.qa.candidates.extract_candidates`
and :func:`workbench.qa.spans.broad_candidates`. Reported by question kind (the
wh-word of :func:`workbench.qa.analyse_question`) and overall, for each
generator:

- ``exact``: the share of questions with a candidate that equals a gold answer
  once both are normalised as SQuAD's metric does;
- ``f1>=0.8``: the share with a candidate whose token F1 with a gold answer is
  at least 0.8;
- ``per sent.``: the mean number of candidates per sentence.

The default articles, ``0-14 30-47``, are the ones the rules may be tuned on;
``15-29`` are held out for reporting only. Run ``python
benchmarks/bench_candidates.py [--articles 15-29] [--data PATH] [--misses N]``.
Not a test: when the SQuAD file is absent it says so and exits with status 0.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import SHARED_DATA

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.evaluate.squad_files import SquadQuestion
    from workbench.model import Corpus
    from workbench.qa.analysis import QuestionAnalysis
    from workbench.qa.candidates import Candidate

DEFAULT_DATA = SHARED_DATA / "squad_v1.1_dev" / "dev-v1.1.reconstructed.json"

#: The articles the candidate rules may be tuned on; ``15-29`` are for reporting only.
TRAINING_ARTICLES = "0-14 30-47"

#: Question kinds reported on their own row; the rest are counted as "other".
KINDS = ("what", "who", "which", "when", "where", "how", "why", "how many", "how much")

#: Least token F1 with a gold answer for the near-miss column.
NEAR_F1 = 0.8

#: Seed of the sample of missed questions ``--misses`` prints.
MISS_SEED = 0

Generator = Callable[["Doc", int, "QuestionAnalysis"], list["Candidate"]]


def generators() -> dict[str, Generator]:
    """The candidate generators compared, by the name their columns carry."""
    from workbench.qa.candidates import extract_candidates
    from workbench.qa.spans import broad_candidates

    return {"typed": extract_candidates, "broad": broad_candidates}


def parse_paragraphs(corpus: Corpus, nlp: Language) -> dict[str, list[tuple[int, Doc]]]:
    """Each paragraph's sentences as ``(raw offset, parsed sentence)``, by document id.

    Sentences are parsed one by one, as the answerer parses what it retrieves.
    """
    parsed: dict[str, list[tuple[int, Doc]]] = {}
    for document in corpus:
        sentences = document.sentences
        docs = nlp.pipe([sentence.text for sentence in sentences])
        parsed[document.id] = [
            (sentence.start, doc) for sentence, doc in zip(sentences, docs, strict=True)
        ]
    return parsed


def measure(
    questions: Sequence[SquadQuestion],
    parsed: dict[str, list[tuple[int, Doc]]],
    nlp: Language,
    generate: dict[str, Generator],
) -> tuple[Counter[tuple[str, str, str]], list[tuple[str, SquadQuestion]]]:
    """Counts by ``(kind, generator, measure)``, and the questions the last generator misses.

    Measures: ``questions``, ``exact``, ``near``, ``candidates`` and ``sentences``
    (for the mean per sentence).
    """
    from workbench.errors import QueryError
    from workbench.evaluate.squad_metric import normalise_answer, token_f1
    from workbench.qa import analyse_question

    counts: Counter[tuple[str, str, str]] = Counter()
    missed: list[tuple[str, SquadQuestion]] = []
    last = list(generate)[-1]
    for item in questions:
        try:
            analysis = analyse_question(item.question, nlp=nlp)
        except QueryError:
            counts[("unanalysed", "", "")] += 1
            continue
        kind = analysis.kind if analysis.kind in KINDS else "other"
        golds = item.answers
        wanted = {normalise_answer(gold) for gold in golds}
        sentences = parsed[item.doc_id]
        for name, generator in generate.items():
            texts = [
                candidate.text
                for offset, doc in sentences
                for candidate in generator(doc, offset, analysis)
            ]
            exact = any(normalise_answer(text) in wanted for text in texts)
            near = any(token_f1(text, gold) >= NEAR_F1 for text in texts for gold in golds)
            for bucket in (kind, "all"):
                counts[(bucket, name, "questions")] += 1
                counts[(bucket, name, "exact")] += exact
                counts[(bucket, name, "near")] += near
                counts[(bucket, name, "candidates")] += len(texts)
                counts[(bucket, name, "sentences")] += len(sentences)
            if name == last and not exact:
                missed.append((kind, item))
    return counts, missed


def recall_table(counts: Counter[tuple[str, str, str]], names: Sequence[str]) -> str:
    """The table of shares and candidates per sentence, one row per kind and one for all."""
    from workbench.terminal import format_table

    columns = ["kind", "questions"]
    for measure_name in ("exact", f"f1>={NEAR_F1}", "per sent."):
        columns += [f"{measure_name} {name}" for name in names]
    rows = []
    kinds = [kind for kind in (*KINDS, "other") if counts[(kind, names[0], "questions")]]
    for kind in [*kinds, "all"]:
        asked = counts[(kind, names[0], "questions")]
        row: list[object] = [kind, asked]
        row += [f"{counts[(kind, name, 'exact')] / asked:.3f}" for name in names]
        row += [f"{counts[(kind, name, 'near')] / asked:.3f}" for name in names]
        row += [
            f"{counts[(kind, name, 'candidates')] / max(counts[(kind, name, 'sentences')], 1):.1f}"
            for name in names
        ]
        rows.append(row)
    return format_table(rows, columns, align_right=columns[1:])


def print_misses(
    missed: Sequence[tuple[str, SquadQuestion]],
    parsed: dict[str, list[tuple[int, Doc]]],
    count: int,
) -> None:
    """A seeded sample of questions without an exact candidate, with the answer's sentence."""
    sample = random.Random(MISS_SEED).sample(list(missed), min(count, len(missed)))
    for kind, item in sample:
        print(f"- [{kind}] {item.question}  ->  {item.answers[0]!r}")
        for _, doc in parsed[item.doc_id]:
            if any(gold in doc.text for gold in item.answers):
                print(f"    {doc.text}")
                break


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="a SQuAD v1.1 JSON file")
    parser.add_argument(
        "--articles",
        nargs="+",
        default=[TRAINING_ARTICLES],
        help="article positions or ranges (default: the training articles, 0-14 30-47)",
    )
    parser.add_argument(
        "--misses", type=int, default=0, help="print this many questions the broad ones miss"
    )
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no SQuAD file at {args.data}; nothing to measure")
        return 0

    from workbench.evaluate.squad_files import read_squad_data, select_articles
    from workbench.nlp import load_pipeline

    chosen = select_articles(read_squad_data(args.data), args.articles)
    nlp = load_pipeline("full")
    started = time.perf_counter()
    parsed = parse_paragraphs(chosen.corpus, nlp)
    generate = generators()
    counts, missed = measure(chosen.questions, parsed, nlp, generate)
    seconds = time.perf_counter() - started
    sentences = sum(len(found) for found in parsed.values())
    print(
        f"SQuAD v1.1 dev, articles {' '.join(args.articles)}: {len(chosen.corpus)} paragraphs, "
        f"{sentences} sentences, {len(chosen.questions)} questions ({seconds:.0f} s)"
    )
    print(recall_table(counts, list(generate)))
    if counts[("unanalysed", "", "")]:
        print(f"({counts[('unanalysed', '', '')]} questions had nothing to analyse: left out)")
    if args.misses:
        print_misses(missed, parsed, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
