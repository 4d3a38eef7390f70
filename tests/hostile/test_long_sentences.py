"""Hostile input: a very long sentence costs the answerer work in proportion to its length."""

from __future__ import annotations

import math

import pytest

from workbench.corpus import load_corpus
from workbench.qa import matching, roles
from workbench.qa.analysis import analyse_question
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.candidates import extract_candidates
from workbench.qa.matching import (
    CLOSENESS_ARCS,
    PREDICATE_SHARE,
    ClosenessArcs,
    anchor_tokens,
    closeness,
    dependency_distance,
    matched_terms,
)

NAMES = ("Angela Merkel", "Joe Biden", "Emmanuel Macron", "Narendra Modi", "Justin Trudeau")
PLACES = ("Berlin", "Paris", "Geneva", "Oslo", "Tokyo", "Nairobi", "Doha")

QUESTION = "Who hosted talks in Geneva?"


def _long_sentence(clauses: int) -> str:
    """One sentence of ``clauses`` hosting clauses joined by commas, with no full stop."""
    return ", and ".join(
        f"{NAMES[n % 5]} hosted talks on trade with {NAMES[(n * 3 + 1) % 5]} "
        f"in {PLACES[n % 7]} on Monday"
        for n in range(clauses)
    )


def _pair_work(tmp_path, full_nlp, monkeypatch, clauses: int) -> int:
    """Role checks and distances the answerer makes to build its table for the sentence."""
    folder = tmp_path / str(clauses)
    folder.mkdir()
    (folder / "long.txt").write_text(f"Talks\n\n{_long_sentence(clauses)}.\n", encoding="utf-8")
    corpus = load_corpus(folder)
    assert len(corpus[0].sentences) == 2  # the heading and the one long sentence
    calls = {"work": 0}

    def counted(function):
        def wrapper(*arguments, **keywords):
            calls["work"] += 1
            return function(*arguments, **keywords)

        return wrapper

    monkeypatch.setattr(roles, "_fills", counted(roles._fills))
    monkeypatch.setattr(matching, "dependency_distance", counted(matching.dependency_distance))
    monkeypatch.setattr(matching.ParseTrees, "distance", counted(matching.ParseTrees.distance))
    table = QuestionAnswerer(corpus, nlp=full_nlp).table(QUESTION)
    monkeypatch.undo()
    assert table.rows
    return calls["work"]


def test_the_answerers_work_on_one_long_sentence_grows_linearly(tmp_path, full_nlp, monkeypatch):
    short = _pair_work(tmp_path, full_nlp, monkeypatch, 20)
    long = _pair_work(tmp_path, full_nlp, monkeypatch, 60)
    assert long < 4 * short  # three times the clauses; quadratic work would be nine times


def _brute_closeness(doc, candidate, anchors, matches, weights) -> float:
    """Closeness as every distance measured in turn gives it (the quadratic definition)."""
    root = doc[candidate.root]
    inside = set(range(*candidate.tokens))

    def near(ids):
        distances = [dependency_distance(root, doc[i]) for i in ids if i not in inside]
        return math.exp(-(min(distances) - 1) / CLOSENESS_ARCS) if distances else 0.0

    total = sum(weights[position] for position in matches)
    terms = sum(weights[p] * near(ids) for p, ids in matches.items()) / total if total else 0.0
    outside = [i for i in anchors if i not in inside]
    if not outside:
        return terms
    return PREDICATE_SHARE * near(outside) + (1.0 - PREDICATE_SHARE) * terms


@pytest.mark.parametrize("clauses", [1, 12])
def test_closeness_from_the_nearest_sources_is_the_measured_one(full_nlp, clauses):
    analysis = analyse_question(QUESTION, nlp=full_nlp)
    doc = full_nlp(f"{_long_sentence(clauses)}. Talks in Geneva ended. Biden hosted them.")
    matches = matched_terms(doc, analysis)
    anchors, _ = anchor_tokens(doc, analysis, matches)
    weights = [1.0 + position for position in range(len(analysis.terms))]
    arcs = ClosenessArcs(doc, anchors, matches)
    candidates = extract_candidates(doc, 0, analysis)
    assert len(candidates) > clauses
    for candidate in candidates:
        expected = _brute_closeness(doc, candidate, anchors, matches, weights)
        assert closeness(doc, candidate, anchors, matches, weights, arcs) == expected
