"""The feature table: every candidate of the retrieved sentences, described for the ranker.

The learned ranker (:mod:`workbench.qa.ranker`) chooses among many candidates:
the typed ones of :func:`~workbench.qa.candidates.extract_candidates`, the
broad constituents of :func:`~workbench.qa.spans.broad_candidates`, and the
names that pronouns filling the question's role stand for
(:func:`~workbench.qa.slots.stand_ins`). :func:`sentence_rows` describes each
of one sentence by named features; nothing is dropped by a hard rule, so the
model weighs what the hand-written filters used to decide:

- **how the sentence reads** for the question: ``coverage``, ``retrieval``,
  ``named`` (:mod:`workbench.qa.reading`) and the sentence's rank;
- **the role**: ``slot`` (it fills the question's role for the predicate),
  ``closeness`` (:mod:`workbench.qa.matching`), the dependency label of its
  head and how many arcs separate it from the predicate;
- **alignment** of the question's words with the words around it: the
  IDF-weighted share of the question's terms within 3, 6 and 12 words of it, and
  within 1 and 2 arcs of its head; the dependency path (its labels, up to
  :data:`PATH_ARCS` arcs) from its head to the predicate and to the nearest
  matched term, alone and crossed with the question's kind;
- **the focus noun** ("Which *tunnel* ..."): whether the candidate is headed by
  it, contains it ("Mazar Hotel") or hangs on it ("the 53rd Street tunnel");
- **answer type as soft compatibility**: ``fit`` (the analysis's type fit, 0 for
  a label it does not expect), and indicator features crossing the question's
  kind and expected types with the candidate's label group, shape and length,
  the tags of its first and last words, and the words beside it ("in" before a
  place, "by" before an agent; open-class words only as their tag);
- **the candidate itself**: how rare its words are in the corpus (``rarity``),
  the share of its words the question uses, whether it was a typed candidate;

and ``agreement`` (the same answer elsewhere) is added across sentences by
:func:`add_agreement`. Every feature is in [0, 1]; the names are the columns of
:meth:`~workbench.qa.answer.Answer.explain`.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.nlp.arrays import TokenArrays, token_arrays
from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import (
    NAME_LABELS,
    Candidate,
    extract_candidates,
    names_calendar_point,
)
from workbench.qa.matching import (
    ClosenessArcs,
    NearestSources,
    anchor_tokens,
    closeness,
    parse_trees,
)
from workbench.qa.reading import SentenceReading
from workbench.qa.roles import AnchorIndex, fills_other_role
from workbench.qa.slots import FALLBACK_SLOT, VAGUE_DATE_FIT, slot_credit, stand_ins
from workbench.qa.spans import broad_candidates

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from workbench.model import Sentence

#: Word windows, either side of a candidate, in which question terms are counted.
WINDOWS = (3, 6, 12)

#: Candidate label -> the group the type features cross with the question's kind.
LABEL_GROUPS = {
    "PERSON": "person",
    "NORP": "group",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "time",
    "TIME": "time",
    "CARDINAL": "number",
    "QUANTITY": "number",
    "NUM": "number",
    "MONEY": "money",
    "PERCENT": "percent",
    "ORDINAL": "ordinal",
    "EVENT": "named",
    "WORK_OF_ART": "named",
    "LAW": "named",
    "PRODUCT": "named",
    "LANGUAGE": "named",
    "PROPN": "propn",
    "NP": "phrase",
    "PP": "prepositional",
    "VP": "verbal",
    "SUBTREE": "clause",
}

#: Dependency labels of a candidate's head that the role features name; others are "other".
HEAD_DEPENDENCIES = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "compound", "ROOT", "conj",
     "amod", "npadvmod", "poss", "nummod", "prep", "advcl", "xcomp", "ccomp", "acl", "relcl"}
)  # fmt: skip

#: Parts of speech whose words name themselves in the neighbour features (few, and telling).
CLOSED_CLASSES = frozenset({"ADP", "DET", "PUNCT", "PART", "CCONJ", "SCONJ", "AUX", "PRON"})

#: Most arcs a dependency path feature spells out; longer paths are "far".
PATH_ARCS = 3

#: Length buckets, in words: the last one holds all longer candidates.
LENGTHS = (1, 2, 3, 5, 8)


@dataclass(frozen=True)
class CandidateRow:
    """One candidate of one retrieved sentence, with its features.

    Attributes
    ----------
    candidate : Candidate
        The span, with raw-text offsets.
    sentence : int
        Position of its sentence among the retrieved sentences.
    features : dict of str to float
        Named features, each in [0, 1]; absent indicator features are 0.
    named_in : Sentence or None
        For a name reached through a pronoun, the sentence that writes it.
    """

    candidate: Candidate
    sentence: int
    features: dict[str, float]
    named_in: Sentence | None = None


@dataclass(frozen=True)
class QuestionTable:
    """One question on its way to an answer: what was retrieved and every candidate's row.

    Attributes
    ----------
    analysis : QuestionAnalysis
        The question.
    sentences : list of (Sentence, float)
        The retrieved sentences with their retrieval scores, best first.
    coverages : list of float
        How much of the question each covers.
    rows : list of CandidateRow
        Every candidate of every sentence, with its features.
    """

    analysis: QuestionAnalysis
    sentences: list[tuple[Sentence, float]]
    coverages: list[float]
    rows: list[CandidateRow]


def sentence_rows(
    analysis: QuestionAnalysis,
    sentence: Sentence,
    doc: Doc,
    reading: SentenceReading,
    *,
    position: int,
    retrieval: float,
    weights: Sequence[float],
    rarity: WordRarity,
    min_coverage: float,
) -> list[CandidateRow]:
    """Every candidate of one retrieved sentence, with its features.

    Parameters
    ----------
    analysis : QuestionAnalysis
        The question.
    sentence, doc : Sentence, spacy.tokens.Doc
        The retrieved sentence and its parse.
    reading : SentenceReading
        How the sentence reads for the question.
    position : int
        The sentence's rank among the retrieved ones, from 0.
    retrieval : float
        Its retrieval score relative to the best retrieved sentence's.
    weights : sequence of float
        The IDF weight of each question term.
    rarity : WordRarity
        Each word's IDF in the corpus relative to the largest.
    min_coverage : float
        Below this coverage, pronouns are not followed to the names they stand for.
    """
    matches = reading.matches
    anchors, exact = anchor_tokens(doc, analysis, matches)
    slot_weight = 1.0 if exact else FALLBACK_SLOT
    typed = extract_candidates(doc, sentence.start, analysis)
    typed_spans = {candidate.tokens for candidate in typed}
    found: list[tuple[Candidate, Sentence | None]] = [(candidate, None) for candidate in typed]
    found += [
        (candidate, None)
        for candidate in broad_candidates(doc, sentence.start, analysis)
        if candidate.tokens not in typed_spans
    ]
    if reading.coverage >= min_coverage:
        found += stand_ins(reading.context, anchors, slot_weight, matches, analysis)
    tokens = list(doc)  # a list indexes faster than a Doc, which makes a Token per access
    arrays = token_arrays(doc)
    arcs = ClosenessArcs(tokens, anchors, matches, parse_trees(doc))
    geometry = _Geometry(arrays, matches, weights, anchors, arcs)
    anchor_index = AnchorIndex(arcs.trees, anchors)
    base = _question_features(analysis)
    base.update(
        coverage=reading.coverage,
        retrieval=retrieval,
        named=reading.named,
        sentence_rank=1.0 / (1.0 + position),
    )
    question_words = frozenset(analysis.terms) | frozenset(analysis.lemmas)
    rows = []
    for candidate, source in found:
        features = dict(base)
        fit = analysis.type_fit(candidate.label, candidate.head)
        if (
            fit
            and analysis.wants_calendar_point
            and candidate.label in {"DATE", "TIME"}
            and not names_calendar_point(candidate)
        ):
            fit *= VAGUE_DATE_FIT
        features["fit"] = fit
        features["typed"] = float(candidate.tokens in typed_spans or source is not None)
        features["stand_in"] = float(source is not None)
        features["slot"] = slot_credit(
            tokens, candidate, anchors, slot_weight, matches, analysis, anchor_index
        )
        other_role = exact and not features["slot"]
        if other_role and fills_other_role(tokens, candidate, anchors, analysis, arcs.trees):
            continue  # part of what was hosted is never who hosted it: the one rule kept
        features["closeness"] = closeness(tokens, candidate, anchors, matches, weights, arcs)
        for name, value in geometry.of(candidate).items():
            features[name] = value
            if name.startswith(("anchor_path=", "term_path=")):
                features[f"kind={analysis.kind}&{name}"] = value
        features.update(_candidate_features(analysis, candidate, arrays, rarity, question_words))
        rows.append(CandidateRow(candidate, position, features, source))
    return rows


def _question_features(analysis: QuestionAnalysis) -> dict[str, float]:
    """Indicators of the question's kind and role, shared by all its candidates."""
    return {f"kind={analysis.kind}": 1.0, f"role={analysis.role}": 1.0}


def _candidate_features(
    analysis: QuestionAnalysis,
    candidate: Candidate,
    arrays: TokenArrays,
    rarity: WordRarity,
    question_words: frozenset[str],
) -> dict[str, float]:
    """The candidate's own features: type crosses, shape, length, head, rarity."""
    group = label_group(candidate.label)
    kind = analysis.kind
    length = len(candidate.text.split())
    bucket = next((str(size) for size in LENGTHS if length <= size), f"{LENGTHS[-1]}+")
    root = candidate.root
    first, last = candidate.tokens
    dependency = arrays.dep[root] if arrays.dep[root] in HEAD_DEPENDENCIES else "other"
    shape = _shape(candidate.text)
    features = {
        f"group={group}": 1.0,
        f"kind={kind}&group={group}": 1.0,
        f"kind={kind}&length={bucket}": 1.0,
        f"kind={kind}&shape={shape}": 1.0,
        f"kind={kind}&head_dep={dependency}": 1.0,
        f"length={bucket}": 1.0,
        f"head_dep={dependency}": 1.0,
    }
    for expected in analysis.answer_types[:2]:
        features[f"expects={expected}&group={group}"] = 1.0
    before = _neighbour(arrays, first - 1)
    after = _neighbour(arrays, last)
    features[f"kind={kind}&before={before}"] = 1.0
    features[f"kind={kind}&after={after}"] = 1.0
    features[f"kind={kind}&first_tag={arrays.tag[first]}"] = 1.0
    features[f"kind={kind}&last_tag={arrays.tag[last - 1]}"] = 1.0
    if analysis.focus is not None:
        focus = analysis.focus
        lemma = arrays.lemma
        head = arrays.head[root]
        span = range(first, last)
        features["focus_head"] = float(candidate.head == focus)
        features["focus_inside"] = float(any(lemma[i].lower() == focus for i in span))
        features["focus_linked"] = float(
            (head not in span and lemma[head].lower() == focus)
            or any(
                child not in span and lemma[child].lower() == focus
                for child in arrays.children[root]
            )
        )
    features["whole_subtree"] = float(
        arrays.left_edge[root] == first and arrays.right_edge[root] + 1 == last
    )
    words = candidate.words
    features["rarity"] = max((rarity(word) for word in words), default=0.0)
    features["question_words"] = sum(word in question_words for word in words) / len(words)
    features["first_word"] = float(candidate.tokens[0] == 0)
    features["relative_position"] = candidate.tokens[0] / max(len(arrays), 1)
    return features


def label_group(label: str) -> str:
    """The group of :data:`LABEL_GROUPS` a candidate label belongs to ("GPE" -> "place")."""
    return LABEL_GROUPS.get(label, "named" if label in NAME_LABELS else "other")


def _neighbour(arrays: TokenArrays, i: int) -> str:
    """The word beside a candidate, as a type: a closed-class word itself, else its tag.

    "in" before a place, "by" before an agent, a comma after an apposition: the
    small words around an answer say much about its role, and there are few of
    them; open-class words are reduced to their part-of-speech tag.
    """
    if not 0 <= i < len(arrays):
        return "EDGE"
    if arrays.pos[i] in CLOSED_CLASSES:
        return arrays.lower[i]
    return arrays.tag[i]


def _shape(text: str) -> str:
    """``"digits"``, ``"capitalised"`` (every word), ``"mixed"`` or ``"lower"``."""
    if any(map(str.isdigit, text)):
        return "digits"
    words = [word for word in text.split() if word[:1].isalpha()]
    capitalised = sum(word[0].isupper() for word in words)
    if words and capitalised == len(words):
        return "capitalised"
    return "mixed" if capitalised else "lower"


class _Geometry:
    """Where the question's terms and predicate lie around a candidate, in words and arcs."""

    def __init__(
        self,
        arrays: TokenArrays,
        matches: dict[int, list[int]],
        weights: Sequence[float],
        anchors: Sequence[int],
        arcs: ClosenessArcs,
    ) -> None:
        self.matches = matches
        self.weights = weights
        self.total = sum(weights) or 1.0
        self.neighbours = arcs.trees.neighbours
        self.heads = arcs.trees.heads
        self.dependencies = arrays.dep
        self.term_arcs = {term: self._arcs(ids) for term, ids in matches.items()}
        self.anchor_arcs = self._arcs(anchors) if anchors else None
        self.anchors = list(anchors)
        self.matched = sorted({i for ids in matches.values() for i in ids})
        # the nearest target decides a path, the earliest among equals (as a scan in
        # order would): anchors come in token order, so the nearest-source index holds
        self.anchor_sources = arcs.anchors if self.anchors == sorted(set(self.anchors)) else None
        self.matched_sources = NearestSources(arcs.trees, self.matched)
        self._chains: dict[int, list[int]] = {}

    def _chain(self, i: int) -> list[int]:
        """``i`` and its ancestors, nearest first."""
        chain = self._chains.get(i)
        if chain is None:
            chain = [i]
            while self.heads[chain[-1]] != chain[-1] and len(chain) <= len(self.heads):
                chain.append(self.heads[chain[-1]])
            self._chains[i] = chain
        return chain

    def path(
        self,
        source: int,
        targets: Sequence[int],
        inside: range,
        nearest: NearestSources | None = None,
    ) -> str:
        """The dependency labels from ``source`` to the nearest target outside ``inside``.

        Up the tree as ``label^``, down as ``label_``: "nsubj^" for the subject of
        the target verb, "pobj^prep^" for the object of a preposition on it;
        ``"far"`` beyond :data:`PATH_ARCS` arcs, ``"none"`` without a target.
        ``nearest``, the targets' :class:`~workbench.qa.matching.NearestSources`
        (in token order), finds the target without measuring each one.
        """
        if nearest is not None:
            found = nearest.within_tree(source, inside)
            targets = [] if found is None else [found[1]]
        best: list[str] | None = None
        up_chain = self._chain(source)
        for target in targets:
            if target in inside:
                continue
            down_chain = self._chain(target)
            common = set(down_chain)
            meeting = next((node for node in up_chain if node in common), None)
            if meeting is None:
                continue
            up = [f"{self.dependencies[node]}^" for node in up_chain[: up_chain.index(meeting)]]
            down = down_chain[: down_chain.index(meeting)]
            labels = up + [f"{self.dependencies[node]}_" for node in reversed(down)]
            if best is None or len(labels) < len(best):
                best = labels
        if best is None:
            return "none"
        return "".join(best) if len(best) <= PATH_ARCS else "far"

    def _arcs(self, sources: Sequence[int]) -> list[int]:
        """Arcs from the nearest of ``sources`` to every token (breadth-first)."""
        far = len(self.neighbours) + 2
        arcs = [far] * len(self.neighbours)
        queue = deque(sources)
        for source in sources:
            arcs[source] = 0
        while queue:
            node = queue.popleft()
            for other in self.neighbours[node]:
                if arcs[other] > arcs[node] + 1:
                    arcs[other] = arcs[node] + 1
                    queue.append(other)
        return arcs

    def of(self, candidate: Candidate) -> dict[str, float]:
        """Window and arc alignment of the question's terms, and arcs to the predicate."""
        first, last = candidate.tokens
        nearest: dict[int, int] = {}
        for term, ids in self.matches.items():
            gaps = [first - i if i < first else i - last + 1 for i in ids if not first <= i < last]
            if gaps:
                nearest[term] = min(gaps)
        features = {}
        for window in WINDOWS:
            inside = sum(self.weights[term] for term, gap in nearest.items() if gap <= window)
            features[f"window{window}"] = inside / self.total
        for reach in (1, 2):
            near = sum(
                self.weights[term]
                for term, arcs in self.term_arcs.items()
                if arcs[candidate.root] <= reach and term in nearest
            )
            features[f"arcs{reach}"] = near / self.total
        inside = range(first, last)
        anchor_path = self.path(candidate.root, self.anchors, inside, self.anchor_sources)
        features["anchor_path=" + anchor_path] = 1.0
        term_path = self.path(candidate.root, self.matched, inside, self.matched_sources)
        features["term_path=" + term_path] = 1.0
        if self.anchor_arcs is None:
            features["predicate_absent"] = 1.0
        else:
            arcs = self.anchor_arcs[candidate.root]
            features["predicate_arcs"] = math.exp(-max(arcs - 1, 0) / 2)
        return features


def add_agreement(rows: list[CandidateRow], strength: Sequence[float]) -> None:
    """Add ``agreement``: the same answer in other retrieved sentences, ``1 - exp(-2 support)``.

    An answer found in another sentence supports this one by the strength of that
    sentence times how well the answer sits there (its slot or closeness), its
    best occurrence in each sentence counting once. Answers are the same by
    normalised text; a name also agrees with a longer name that contains its
    words ("Khalilzad", "Zalmay Khalilzad"). Linear in the number of rows.
    """
    best: dict[str, dict[int, float]] = {}
    names: dict[int, list[tuple[frozenset[str], float]]] = {}
    for row in rows:
        quality = strength[row.sentence] * max(row.features["slot"], row.features["closeness"])
        by_sentence = best.setdefault(row.candidate.key, {})
        by_sentence[row.sentence] = max(by_sentence.get(row.sentence, 0.0), quality)
        if row.candidate.label in NAME_LABELS or row.candidate.label == "PROPN":
            names.setdefault(row.sentence, []).append((frozenset(row.candidate.words), quality))
    for row in rows:
        support = {
            sentence: quality
            for sentence, quality in best.get(row.candidate.key, {}).items()
            if sentence != row.sentence
        }
        if row.candidate.label in NAME_LABELS or row.candidate.label == "PROPN":
            words = frozenset(row.candidate.words)
            for sentence, occurrences in names.items():
                if sentence == row.sentence:
                    continue
                for other, quality in occurrences:
                    if (words <= other or other <= words) and quality > support.get(sentence, 0):
                        support[sentence] = quality
        row.features["agreement"] = 1.0 - math.exp(-2.0 * sum(support.values()))


class WordRarity:
    """A word's IDF in a fitted index relative to the largest, so 1 is the rarest.

    A word the index lacks counts as rarest. Built once per index; looked up per word.
    """

    def __init__(self, vocabulary: dict[str, int], idf: Sequence[float]) -> None:
        self.vocabulary = vocabulary
        self.idf = idf
        self.top = float(max(idf)) if len(idf) else 1.0

    def __call__(self, word: str) -> float:
        """The rarity of ``word``, in (0, 1]."""
        column = self.vocabulary.get(word)
        return 1.0 if column is None else float(self.idf[column]) / self.top
