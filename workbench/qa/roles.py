"""The role a candidate plays for the question's predicate in one parsed sentence.

:func:`slot_match` gives the ``slot`` feature: whether the candidate fills, for
the sentence's copy of the predicate, the role the wh-word fills in the question
(the subject of "host", the agent of "led by", the date attached to "made").
:func:`fills_other_role` rules out a candidate in the phrase filling the
predicate's other core role (part of what was hosted, for "Who hosted ...?"),
and :func:`role_fillers` lists who fills a role, for telling whether a sentence
gives the question's name's part to another name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.qa.analysis import QuestionAnalysis
from workbench.qa.candidates import Candidate
from workbench.qa.matching import ParseTrees
from workbench.text import words as word_list

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: Modifiers that put a title in the past: "former president X" is not "the president".
PAST_TITLE_WORDS: frozenset[str] = word_set("qa_past_title_words.txt")

#: Slot credit of a number that counts the asked-for noun or hangs on the predicate, not
#: both. Hand-set, not fitted.
HALF_COUNT_SLOT = 0.5

_SUBJECT_DEPS = {"nsubj", "csubj"}
_OBJECT_DEPS = {"dobj", "nsubjpass", "attr", "oprd"}
_CHAIN_DEPS = {"xcomp", "acomp", "conj", "ccomp"}
#: Dependencies of the phrase that fills the other core role of a subject or object question.
_OTHER_ROLE_DEPS = {"subject": {"dobj", "nsubjpass"}, "object": {"nsubj", "agent"}}


class AnchorIndex:
    """Which anchors a token can fill a role for, from the few places each reading looks.

    Every reading of a role ties the token to the anchor through heads only: the
    anchor is one of the token's first four ancestors, a child of the token, a
    child of its head (a complement or a count beside it), or (a subject of a
    chain of verbs, "Moscow gets ready to host") has the token's head among its
    own first four ancestors. Looking up those
    places makes a role check a few tests, where trying every anchor of a long
    sentence for every candidate was quadratic; the answer is the same.
    """

    def __init__(self, trees: ParseTrees, anchors: Sequence[int]) -> None:
        self.heads = trees.heads
        self.anchors = frozenset(anchors)
        self.children: dict[int, set[int]] = {}
        self.below: dict[int, set[int]] = {}
        for anchor in self.anchors:
            if self.heads[anchor] != anchor:
                self.children.setdefault(self.heads[anchor], set()).add(anchor)
            node = anchor
            for _ in range(4):  # the verbs _is_subject walks up: the anchor and three heads
                self.below.setdefault(node, set()).add(anchor)
                node = self.heads[node]

    def related(self, token: Token, role: str | None) -> set[int]:
        """The anchors ``token`` may fill ``role`` for (a superset of those it does)."""
        heads = self.heads
        found = set(self.children.get(token.i, ()))
        head = heads[token.i]
        if role in {"complement", "count"}:  # the anchor beside the token, under one head
            found |= self.children.get(head, set())
        node = head
        for _ in range(4):
            if node in self.anchors:
                found.add(node)
            node = heads[node]
        if role == "subject" and token.dep_ in _SUBJECT_DEPS:
            found |= self.below.get(head, set())
        return found


def slot_match(
    doc: Doc | Sequence[Token],
    candidate: Candidate,
    anchors: Sequence[int],
    analysis: QuestionAnalysis,
    index: AnchorIndex | None = None,
) -> float:
    """1 when the candidate fills the question's role for a copy of its predicate, else 0.

    Roles follow the question: the subject of an active verb is also the agent
    of a passive one ("led by X") or the noun a relative clause hangs on
    ("Pakistan, which facilitated ..."); an object is also a passive subject;
    a copular question's noun is matched by apposition or compound ("Foreign
    Minister Sergei Lavrov"); "when"/"where" answers hang on the predicate
    through a preposition; a "how many" answer counts a noun next to it.

    A "how many X" answer fills the role fully when it both counts X ("27 soldiers"
    for "How many soldiers ...?") and hangs on the predicate; doing only one of
    the two ("up to 15 injured", "participation from 12 countries") earns
    :data:`HALF_COUNT_SLOT`.

    ``index``, the anchors' :class:`AnchorIndex` (built once for the parse), limits
    the anchors tried to those each reading could reach.
    """
    root = doc[candidate.root]
    filled = _fills_for_an_anchor(doc, root, candidate, anchors, analysis, index)
    if analysis.role != "count" or analysis.focus is None:
        return 1.0 if filled else 0.0
    counts = _counts(root, analysis.focus)
    if counts and filled:
        return 1.0
    return HALF_COUNT_SLOT if counts or filled else 0.0


def fills_other_role(
    doc: Doc | Sequence[Token],
    candidate: Candidate,
    anchors: Sequence[int],
    analysis: QuestionAnalysis,
    trees: ParseTrees | None = None,
) -> bool:
    """Whether the candidate lies in the phrase that fills the predicate's *other* core role.

    Asked who hosted, "Taliban" in "it hosted the Afghan Taliban delegation" is
    part of what was hosted, and asked whom X hosted, the host's phrase is not
    the answer. Only for subject and object questions. The phrase is found by
    walking up from the candidate's head (to an anchor's child of that role),
    so the cost is the tree's depth, not the anchors' children times their
    subtrees; ``trees``, built once for the parse, saves building it here.
    """
    if analysis.role not in _OTHER_ROLE_DEPS:
        return False
    deps = _OTHER_ROLE_DEPS[analysis.role]
    if trees is None:
        trees = ParseTrees(doc)
    anchor_set = set(anchors)
    return any(
        trees.heads[node] != node and trees.heads[node] in anchor_set and doc[node].dep_ in deps
        for node in trees.chain(candidate.root)
    )


def role_fillers(doc: Doc, anchors: Sequence[int], role: str) -> list[Token]:
    """The tokens of ``doc`` that are the ``role`` ("subject" or "object") of an anchor.

    Read as :func:`slot_match` reads roles: "Moscow gets ready to host" makes
    Moscow the subject of "host", and "talks hosted by Doha" Doha.
    """
    check = _is_subject if role == "subject" else _is_object
    return [
        token
        for token in doc
        if any(token.i != anchor and check(token, doc[anchor]) for anchor in anchors)
    ]


def _fills_for_an_anchor(
    doc: Doc,
    root: Token,
    candidate: Candidate,
    anchors: Sequence[int],
    analysis: QuestionAnalysis,
    index: AnchorIndex | None = None,
) -> bool:
    heads = _equivalents(root)
    inside = range(*candidate.tokens)
    if index is not None:
        reachable = set().union(*(index.related(token, analysis.role) for token in heads))
        anchors = [anchor_id for anchor_id in anchors if anchor_id in reachable]
    for anchor_id in anchors:
        if anchor_id in inside:
            continue
        anchor = doc[anchor_id]
        # "special envoy Zamir Kabulov": the name is apposed to the anchor itself, which
        # is then one of its equivalents but must still be tried as what it describes.
        if any(_fills(token, anchor, analysis) for token in heads if token.i != anchor.i):
            return True
    return False


def _counts(number: Token, noun: str | None) -> bool:
    """Whether ``number`` counts a ``noun`` (by lemma): "27 soldiers", "12 countries"."""
    counted = number.head if number.dep_ in {"nummod", "quantmod"} else number
    return counted.i != number.i and counted.lemma_.lower() == noun


def _equivalents(token: Token) -> list[Token]:
    """The token and those it is apposed or coordinated with: all fill the same role."""
    found = [token]
    if token.dep_ in {"appos", "conj"}:
        found.append(token.head)
    found += [child for child in token.children if child.dep_ == "appos"]
    return found


def _fills(token: Token, anchor: Token, analysis: QuestionAnalysis) -> bool:
    role = analysis.role
    if role == "subject":
        return _is_subject(token, anchor)
    if role == "object":
        return _is_object(token, anchor)
    if role == "complement":
        return _describes(token, anchor, frozenset(word_list(analysis.question)))
    if role == "possessor":
        return token.dep_ == "poss" and token.head.head.i == anchor.i
    if role == "prepositional":
        return (
            token.dep_ == "pobj"
            and token.head.head.i == anchor.i
            and (analysis.preposition is None or token.head.lower_ == analysis.preposition)
        )
    if role == "count":
        counted = token.head if token.dep_ in {"nummod", "quantmod"} else token
        return counted.head.i == anchor.i or anchor.head.i == counted.i
    return _is_adjunct(token, anchor)


def _is_subject(token: Token, anchor: Token) -> bool:
    verbs = [anchor]
    verb = anchor
    while (
        verb.dep_ in _CHAIN_DEPS
        and verb.head.i != verb.i
        and len(verbs) < 4
        and not any(child.dep_ in _SUBJECT_DEPS for child in verb.children)
    ):
        # "Moscow gets ready to host": the subject of the governing verb. A verb with a
        # subject of its own keeps it: in "X will rejoin the talks, it added", "it" is the
        # speaker, not who rejoins.
        verb = verb.head
        verbs.append(verb)
    if token.dep_ in _SUBJECT_DEPS and any(token.head.i == verb.i for verb in verbs):
        return True
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.i == anchor.i:
        return True  # "the delegation led by Baradar"
    if anchor.dep_ == "relcl" and anchor.head.i == token.i:  # "Pakistan, which facilitated"
        return any(
            child.dep_ in _SUBJECT_DEPS and child.tag_ in {"WDT", "WP"} for child in anchor.children
        )
    return anchor.dep_ == "acl" and anchor.head.i == token.i and anchor.tag_ == "VBG"


def _is_object(token: Token, anchor: Token) -> bool:
    if token.dep_ in _OBJECT_DEPS and token.head.i == anchor.i:
        return True
    if anchor.dep_ == "acl" and anchor.head.i == token.i and anchor.tag_ == "VBN":
        return True  # "the delegation hosted in October"
    if anchor.dep_ == "relcl" and anchor.head.i == token.i:
        return any(
            child.dep_ in {"dobj", "nsubjpass"} and child.tag_ in {"WDT", "WP"}
            for child in anchor.children
        )
    return token.dep_ == "pobj" and token.head.dep_ == "dative" and token.head.head.i == anchor.i


def _describes(token: Token, anchor: Token, question_words: frozenset[str]) -> bool:
    """Apposition, compound title or copula between the candidate and the question's noun.

    A title the sentence qualifies as past ("former Afghan president Hamid Karzai")
    describes the candidate only when the question asks about a past holder too
    ("Who was the former president?"), and the other way round;
    ``question_words`` are all the question's words, stop words included, as
    :func:`workbench.text.words` gives them.
    """
    past_title = any(
        child.dep_ in {"amod", "advmod", "compound"} and child.lower_ in PAST_TITLE_WORDS
        for child in anchor.children
    )
    if past_title != bool(PAST_TITLE_WORDS & question_words):
        return False
    if anchor.head.i == token.i and anchor.dep_ in {"appos", "compound", "nmod", "amod"}:
        return True
    if token.head.i == anchor.i and token.dep_ in {"appos", "compound", "nmod"}:
        return True
    return (
        token.head.i == anchor.head.i
        and token.head.lemma_ == "be"
        and {token.dep_, anchor.dep_} <= {"nsubj", "attr"}
    )


def _is_adjunct(token: Token, anchor: Token) -> bool:
    """Hangs on the predicate directly or through a preposition (at most one noun between)."""
    if token.dep_ in {"npadvmod", "advmod", "tmod", "nmod", "obl"} and token.head.i == anchor.i:
        return True
    if token.dep_ == "appos" and token.head.dep_ == "pobj":
        token = token.head  # "in the Qatari capital, Doha"
    if token.dep_ not in {"pobj", "pcomp"}:
        return False
    attachment = token.head.head
    if attachment.i == anchor.i:
        return True
    return attachment.head.i == anchor.i and attachment.dep_ in {"dobj", "nsubjpass", "attr"}
