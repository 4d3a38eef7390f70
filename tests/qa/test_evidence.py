"""What an answer cites: each sentence once, strongest first, and the alternatives it shows."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.qa.candidates import Candidate
from workbench.qa.evidence import ALTERNATIVES, alternatives, by_strength, cite, named_in
from workbench.qa.ranker import ScoredCandidate

TEXT = "Norway hosted the summit. It was held in Bergen. Delegates came from 40 countries."


def scored(text: str, confidence: float, named_in_sentence=None) -> ScoredCandidate:
    words = tuple(text.lower().split())
    return ScoredCandidate(
        Candidate(text, "GPE", 0, len(text), " ".join(words), words, 0, (0, 1), ""),
        "made",
        0,
        {},
        0.0,
        0.0,
        confidence,
        named_in=named_in_sentence,
    )


def test_each_sentence_is_cited_once_by_its_raw_offsets_up_to_the_count():
    document = build_document(TEXT, "made")
    first, second, third = document.sentences
    evidence = cite([(second, 0.5), (first, 0.25), (second, 0.5), (third, 0.1)], 2)
    assert [item.sentence for item in evidence] == [1, 0]
    assert all(document.raw[item.start : item.end] == item.text for item in evidence)


def test_the_strongest_sentence_comes_first():
    first, second, third = build_document(TEXT, "made").sentences
    ordered = by_strength([(first, 0.2), (second, 0.4), (third, 0.1)], [0.9, 0.1, 0.2])
    assert [sentence.index for sentence, _ in ordered] == [0, 1, 2]


def test_the_sentence_naming_an_answer_reached_through_a_pronoun_is_cited_with_its_score():
    first, second, _ = build_document(TEXT, "made").sentences
    assert named_in(scored("Norway", 0.9, first), [(second, 0.3), (first, 0.2)]) == [(first, 0.2)]
    assert named_in(scored("Norway", 0.9, first), [(second, 0.3)]) == [(first, 0.0)]
    assert named_in(scored("Norway", 0.9), [(second, 0.3)]) == []


def test_alternatives_are_distinct_answers_best_first():
    items = [scored(text, 0.5 - 0.05 * rank) for rank, text in enumerate("ABACDEF")]
    shown = alternatives(items)
    assert [text for text, _ in shown] == ["A", "B", "C", "D"]
    assert len(shown) == ALTERNATIVES
