"""Where a question is in a parsed sentence: its terms, its predicate, how near a candidate is.

:func:`matched_terms` finds the tokens that match each question term;
:func:`anchor_tokens` the tokens that stand for the question's predicate (its
own lemma, or the verb that governs most matched terms when the sentence says
it with another verb). :func:`closeness` turns dependency distances to both
into the ``closeness`` feature of a candidate, in [0, 1].
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import Candidate
from workbench.text import term_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Arcs of the dependency tree over which closeness falls by a factor of e. Hand-set.
CLOSENESS_ARCS = 3

#: Share of closeness that nearness to the predicate makes up; the other matched terms
#: share the rest. Hand-set: the answer is an argument of the predicate.
PREDICATE_SHARE = 0.5


def matched_terms(doc: Doc, analysis: QuestionAnalysis) -> dict[int, list[int]]:
    """For each question term (by position in ``analysis.terms``), the tokens that match it.

    A token matches by its normalised text or its lemma, so "hosted" matches
    "hosting" and "months" matches "month".
    """
    index: dict[str, int] = {}
    for position, (term, lemma) in enumerate(zip(analysis.terms, analysis.lemmas, strict=True)):
        index.setdefault(term, position)
        index.setdefault(lemma, position)
    found: dict[int, list[int]] = {}
    for token in doc:
        position = index.get(term_key(token.text), index.get(term_key(token.lemma_)))
        if position is not None:
            found.setdefault(position, []).append(token.i)
    return found


def anchor_tokens(
    doc: Doc, analysis: QuestionAnalysis, matches: dict[int, list[int]] | None = None
) -> tuple[list[int], bool]:
    """Tokens of ``doc`` that stand for the question's predicate, and whether they are exact.

    Exact anchors have the predicate's lemma. A sentence may say the same thing
    with another verb ("talks are under way in Doha" for "talks are held"): then
    the verb that governs most of the matched question terms stands in for it.
    """
    if analysis.predicate is not None:
        predicate = term_key(analysis.predicate)
        exact = [
            token.i
            for token in doc
            if term_key(token.lemma_) == predicate or term_key(token.text) == predicate
        ]
        if exact:
            return exact, True
    if not matches:
        return [], False
    governed: dict[int, int] = {}
    for token_ids in matches.values():
        for verb in {_governing_verb(doc[i]) for i in token_ids} - {None}:
            governed[verb] = governed.get(verb, 0) + 1
    if not governed:
        return [], False
    most = max(governed.values())
    return sorted(verb for verb, count in governed.items() if count == most), False


def _governing_verb(token: Token) -> int | None:
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.i
    return None


def dependency_distance(first: Token, second: Token) -> int:
    """Number of arcs between two tokens of one parse (token distance + 2 across trees)."""
    if first.i == second.i:
        return 0
    depth = {first.i: 0}
    for steps, ancestor in enumerate(first.ancestors, start=1):
        depth[ancestor.i] = steps
    if second.i in depth:
        return depth[second.i]
    for steps, ancestor in enumerate(second.ancestors, start=1):
        if ancestor.i in depth:
            return depth[ancestor.i] + steps
    return abs(first.i - second.i) + 2


def closeness(
    doc: Doc | Sequence[Token],
    candidate: Candidate,
    anchors: Sequence[int],
    matches: dict[int, list[int]],
    weights: Sequence[float],
) -> float:
    """How near ``candidate`` is to the predicate and the matched question terms, in [0, 1].

    Each distance ``d`` (arcs in the dependency tree) counts as
    ``exp(-(d - 1) / CLOSENESS_ARCS)``: 1 for a direct neighbour, about a third four
    arcs away. The predicate counts as much as all other terms together
    (:data:`PREDICATE_SHARE`), because the answer is an argument of it.
    """
    root = doc[candidate.root]
    inside = set(range(*candidate.tokens))

    def near(token_ids: Iterable[int]) -> float:
        distances = [dependency_distance(root, doc[i]) for i in token_ids if i not in inside]
        return math.exp(-(min(distances) - 1) / CLOSENESS_ARCS) if distances else 0.0

    total = sum(weights[position] for position in matches)
    terms = (
        sum(weights[position] * near(ids) for position, ids in matches.items()) / total
        if total
        else 0.0
    )
    outside = [i for i in anchors if i not in inside]
    if not outside:
        return terms
    return PREDICATE_SHARE * near(outside) + (1.0 - PREDICATE_SHARE) * terms
