"""Where a question is in a parsed sentence: its terms, its predicate, how near a candidate is.

:func:`matched_terms` finds the tokens that match each question term;
:func:`anchor_tokens` the tokens that stand for the question's predicate (its
own lemma, or the verb that governs most matched terms when the sentence says
it with another verb). :func:`closeness` turns dependency distances to both
into the ``closeness`` feature of a candidate, in [0, 1].
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from workbench.nlp.arrays import token_arrays
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

#: The ``user_data`` key a parse's :class:`ParseTrees` are kept under (:func:`parse_trees`).
_TREES = "workbench.qa.matching.trees"


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
    for i, (text, lemma) in enumerate(zip(*token_arrays(doc).keys, strict=True)):
        position = index.get(text, index.get(lemma))
        if position is not None:
            found.setdefault(position, []).append(i)
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
        texts, lemmas = token_arrays(doc).keys
        exact = [
            i
            for i, (text, lemma) in enumerate(zip(texts, lemmas, strict=True))
            if lemma == predicate or text == predicate
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


class ParseTrees:
    """The dependency trees of one parse as lists of positions, for walks without spaCy.

    Attributes
    ----------
    heads : list of int
        Each token's head (a tree's root is its own head).
    neighbours : list of list of int
        Each token's head and children.
    trees : list of int
        Each token's tree, named by its root.
    """

    def __init__(self, doc: Doc | Sequence[Token]) -> None:
        if hasattr(doc, "user_data"):  # a Doc: its heads as read once (workbench.nlp.arrays)
            self.heads = list(token_arrays(doc).head)
        else:
            self.heads = [token.head.i for token in doc]
        self.neighbours: list[list[int]] = [[] for _ in self.heads]
        for i, head in enumerate(self.heads):
            if head != i:
                self.neighbours[i].append(head)
                self.neighbours[head].append(i)
        self.trees = [-1] * len(self.heads)
        for start in range(len(self.heads)):
            path = []
            node = start
            unassigned = self.trees[node] < 0
            while unassigned and self.heads[node] != node and len(path) <= len(self.heads):
                path.append(node)
                node = self.heads[node]
                unassigned = self.trees[node] < 0
            tree = self.trees[node] if self.trees[node] >= 0 else node
            for visited in (*path, node):
                self.trees[visited] = tree

    def chain(self, i: int) -> list[int]:
        """``i`` and its ancestors, nearest first."""
        chain = [i]
        while self.heads[chain[-1]] != chain[-1] and len(chain) <= len(self.heads):
            chain.append(self.heads[chain[-1]])
        return chain

    def distance(self, first: int, second: int) -> int:
        """:func:`dependency_distance` between two positions."""
        if first == second:
            return 0
        depth = {node: steps for steps, node in enumerate(self.chain(first))}
        for steps, node in enumerate(self.chain(second)):
            if node in depth:
                return depth[node] + steps
        return abs(first - second) + 2


def parse_trees(doc: Doc) -> ParseTrees:
    """The :class:`ParseTrees` of ``doc``, built once per parse and kept in its ``user_data``.

    They depend on the parse only, so every question that retrieves the sentence,
    and every candidate of it, walks the same lists.
    """
    found = doc.user_data.get(_TREES)
    if found is None:
        found = doc.user_data[_TREES] = ParseTrees(doc)
    return found


class NearestSources:
    """For every token, the nearest few of some source tokens, by :func:`dependency_distance`.

    A breadth-first walk from all sources at once, a distance at a time and each
    step in order of source, leaves each token its :data:`KEPT` nearest sources of
    its own tree, nearest first and the earlier source first among equals (a
    source that a token's neighbour on the way does not keep has that many nearer
    ones, which reach the token too). So the nearest source outside a candidate
    costs a few steps, not one distance per source: linear in the sentence, where
    measuring every candidate against every source was quadratic. Sources in
    another tree are ``abs(i - j) + 2`` away, as :func:`dependency_distance` counts
    them: the nearest by position either side. Only when every kept source lies
    inside the candidate is each source of the tree measured.
    """

    #: Sources kept per token: more than a candidate holds in all but rare cases.
    KEPT = 4

    def __init__(self, trees: ParseTrees, sources: Iterable[int]) -> None:
        self.trees = trees
        self.sources = sorted(set(sources))
        kept: list[list[tuple[int, int]]] = [[] for _ in trees.heads]
        known: list[list[int]] = [[] for _ in trees.heads]  # the sources of each kept list
        frontier = []
        for source in self.sources:
            kept[source].append((0, source))
            known[source].append(source)
            frontier.append((source, source))
        steps = 0
        while frontier:
            steps += 1
            reached = []
            for node, source in frontier:  # in order of source: the earlier wins a tie
                for other in trees.neighbours[node]:
                    sources = known[other]
                    if len(sources) < self.KEPT and source not in sources:
                        sources.append(source)
                        kept[other].append((steps, source))
                        reached.append((other, source))
            frontier = sorted(reached, key=lambda pair: pair[1])
        self.kept = kept
        # runs of sorted sources in one tree, so a walk by position skips a tree at once
        tree_of = [trees.trees[source] for source in self.sources]
        self.run_start = list(range(len(tree_of)))
        for j in range(1, len(tree_of)):
            if tree_of[j] == tree_of[j - 1]:
                self.run_start[j] = self.run_start[j - 1]
        self.run_end = list(range(len(tree_of)))
        for j in range(len(tree_of) - 2, -1, -1):
            if tree_of[j] == tree_of[j + 1]:
                self.run_end[j] = self.run_end[j + 1]

    def within_tree(self, root: int, inside: range) -> tuple[int, int] | None:
        """The nearest source of ``root``'s tree outside ``inside``, as ``(distance, source)``.

        The earliest source among equally near ones; None when the tree has no
        source outside ``inside``.
        """
        found = self.kept[root]
        outside = next((pair for pair in found if pair[1] not in inside), None)
        if outside is not None or len(found) < self.KEPT:
            return outside
        tree = self.trees.trees[root]
        measured = [
            (self.trees.distance(root, source), source)
            for source in self.sources
            if source not in inside and self.trees.trees[source] == tree
        ]
        return min(measured, default=None)

    def nearest(self, root: int, inside: range) -> int | None:
        """The least :func:`dependency_distance` from ``root`` to a source outside ``inside``."""
        same = self.within_tree(root, inside)
        best = same[0] if same is not None else None
        other = self._other_tree(root, inside)
        if other is not None and (best is None or other < best):
            best = other
        return best

    def _other_tree(self, root: int, inside: range) -> int | None:
        """The distance to the nearest source by position in another tree than ``root``'s."""
        tree = self.trees.trees[root]
        tree_of = self.trees.trees
        best = None
        j = bisect.bisect_left(self.sources, root) - 1
        while j >= 0:
            source = self.sources[j]
            if tree_of[source] == tree:
                j = self.run_start[j] - 1
            elif source in inside:
                j -= 1
            else:
                best = root - source + 2
                break
        j = bisect.bisect_right(self.sources, root)
        while j < len(self.sources):
            source = self.sources[j]
            if tree_of[source] == tree:
                j = self.run_end[j] + 1
            elif source in inside:
                j += 1
            else:
                after = source - root + 2
                best = after if best is None else min(best, after)
                break
        return best


class ClosenessArcs:
    """What :func:`closeness` measures from, for every candidate of one parse at once.

    Parameters
    ----------
    doc : Doc or sequence of Token
        The parse.
    anchors : sequence of int
        The predicate's tokens.
    matches : dict of int to list of int
        Question term position to the tokens matching it.
    trees : ParseTrees, optional
        The parse's trees, when already built (:func:`parse_trees`).
    """

    def __init__(
        self,
        doc: Doc | Sequence[Token],
        anchors: Sequence[int],
        matches: dict[int, list[int]],
        trees: ParseTrees | None = None,
    ) -> None:
        self.trees = ParseTrees(doc) if trees is None else trees
        self.terms = {term: NearestSources(self.trees, ids) for term, ids in matches.items()}
        self.anchors = NearestSources(self.trees, anchors)


def closeness(
    doc: Doc | Sequence[Token],
    candidate: Candidate,
    anchors: Sequence[int],
    matches: dict[int, list[int]],
    weights: Sequence[float],
    arcs: ClosenessArcs | None = None,
) -> float:
    """How near ``candidate`` is to the predicate and the matched question terms, in [0, 1].

    Each distance ``d`` (arcs in the dependency tree) counts as
    ``exp(-(d - 1) / CLOSENESS_ARCS)``: 1 for a direct neighbour, about a third four
    arcs away. The predicate counts as much as all other terms together
    (:data:`PREDICATE_SHARE`), because the answer is an argument of it. ``arcs``,
    built once for the parse, makes each candidate's closeness a few steps; without
    it, it is built for this call.
    """
    if arcs is None:
        arcs = ClosenessArcs(doc, anchors, matches)
    inside = range(*candidate.tokens)

    def near(sources: NearestSources) -> float:
        distance = sources.nearest(candidate.root, inside)
        return math.exp(-(distance - 1) / CLOSENESS_ARCS) if distance is not None else 0.0

    total = sum(weights[position] for position in matches)
    terms = (
        sum(weights[position] * near(arcs.terms[position]) for position in matches) / total
        if total
        else 0.0
    )
    if all(i in inside for i in anchors):
        return terms
    return PREDICATE_SHARE * near(arcs.anchors) + (1.0 - PREDICATE_SHARE) * terms
