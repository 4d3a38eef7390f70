"""A sentence read with the ones before it: what its pronouns stand for, and which names it means.

News sentences lean on the sentences before them. "In October, it hosted the
delegation" names its host only as "it"; "the talks opened in the Qatari
capital" names Qatar only by its adjective. Question answering needs both: an
answer may be the antecedent of a pronoun that fills the question's role
(:meth:`SentenceContext.antecedent`), and a sentence means a name the question
asks about when it names it, when one of its pronouns stands for it, or when it
names a place the article links to it (:meth:`SentenceContext.means`). A
sentence that gives the name's part to another name
(:meth:`SentenceContext.names_another`) is about something else, unless the
sentences just before name it too (:meth:`SentenceContext.named_before`).

Pronouns are resolved with the same heuristic the event extractor uses
(:class:`workbench.nlp.syntax.SubjectTracker`, fed with the sentences before);
place links are those the article itself states (:class:`workbench.nlp.places.PlaceLinks`).
Nothing here knows a particular name: the matching is by words, acronyms and
shared stems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from workbench.data import word_set
from workbench.nlp.places import PlaceLinks, demonym_matches
from workbench.nlp.syntax import (
    ACTOR_LABELS,
    PLACE_LABELS,
    SubjectTracker,
    anaphor_labels,
    entity_of,
)
from workbench.text import term_key, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from workbench.model import Sentence

#: Credit for what only the sentences before say (hand-set): the share of a question term's
#: weight when only the sentence before has it, and how surely a sentence speaks of a name
#: that only a sentence further back names (:meth:`SentenceContext.speaks_of`).
CONTEXT_CREDIT = 0.5

#: Sentences before the one read that pronouns may reach back to (hand-set).
LOOKBACK = 3

#: Words that do not identify a name ("the" in "the Taliban", "of" in "Bank of Japan").
NAME_FILLERS = word_set("nlp_name_fillers.txt")

#: Labels of names that a nationality adjective or a stem-sharing name may stand for.
STEM_LABELS = word_set("nlp_stem_labels.txt")

_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Antecedent:
    """The named span a pronoun stands for, cited in the sentence that names it.

    Attributes
    ----------
    text : str
        The name as written (``document.raw[start:end]``).
    label : str
        Its entity label.
    sentence : Sentence
        The sentence that names it (the pronoun's own or one before).
    start, end : int
        Raw-text offsets of the name.
    span : spacy.tokens.Span
        The name in the parse of ``sentence``.
    """

    text: str
    label: str
    sentence: Sentence
    start: int
    end: int
    span: Span = field(compare=False, repr=False)


@dataclass
class SentenceContext:
    """A parsed sentence with the sentences before it in its document, parsed when needed.

    Parameters
    ----------
    sentence : Sentence
        The sentence read.
    doc : spacy.tokens.Doc
        Its parse (full pipeline).
    previous : sequence of Sentence
        The sentences before it, in document order; the last :data:`LOOKBACK` are read.
    lead : sequence of Sentence
        The article's headline and first sentence, which say what it is about.
    parse : callable, optional
        ``parse(sentences) -> docs``, called once, and only when a pronoun or a
        place link needs the sentences before (so a cache of parses can be shared).
    """

    sentence: Sentence
    doc: Doc
    previous: Sequence[Sentence] = ()
    lead: Sequence[Sentence] = ()
    parse: Callable[[list[Sentence]], list[Doc]] | None = None

    @cached_property
    def before(self) -> list[tuple[Sentence, Doc]]:
        """The last :data:`LOOKBACK` sentences before, with their parses."""
        previous = list(self.previous[-LOOKBACK:])
        if not previous or self.parse is None:
            return []
        return list(zip(previous, self.parse(previous), strict=True))

    @cached_property
    def tracker(self) -> SubjectTracker:
        """A subject tracker that has read the sentences before, ready for this one's pronouns."""
        tracker = SubjectTracker(lookback=LOOKBACK)
        for _, doc in self.before:
            tracker.observe(doc)
        return tracker

    @cached_property
    def links(self) -> PlaceLinks:
        """The place links stated in this sentence and the ones before."""
        return PlaceLinks.from_docs([*(doc for _, doc in self.before), self.doc])

    def antecedent(self, token: Token) -> Antecedent | None:
        """The name ``token`` (a pronoun or "the country") stands for, if it can be told.

        ``None`` when the sentence before offers two names it could stand for
        (:meth:`~workbench.nlp.syntax.SubjectTracker.is_ambiguous`): no guessing.
        """
        mention = self.tracker.resolve(token)
        if mention is None or mention.span is None or self.tracker.is_ambiguous(token):
            return None
        span = mention.span
        source = next(
            (
                sentence
                for sentence, doc in [*self.before, (self.sentence, self.doc)]
                if doc is span.doc
            ),
            None,
        )
        if source is None:
            return None
        start = source.start + span.start_char
        return Antecedent(mention.text, mention.label, source, start, start + len(span.text), span)

    def speaks_of(self, name: str, label: str) -> float:
        """How surely this sentence speaks of ``name``: 1, :data:`CONTEXT_CREDIT` or 0.

        1 when it :meth:`means` it, or when the sentence just before or the
        article's lead (headline and first sentence) names it, as news keeps its
        topic from one sentence to the next ("The government delegation includes
        ..." after "... talks in Doha"); :data:`CONTEXT_CREDIT` when only a
        sentence further back, up to :data:`LOOKBACK`, does.
        """
        return 1.0 if self.means(name, label) else self.named_before(name, label)

    def named_before(self, name: str, label: str) -> float:
        """1 when the sentence just before or the lead names ``name``; see :meth:`speaks_of`."""
        if any(names_in_text(name, label, s.text) for s in [*self.previous[-1:], *self.lead]):
            return 1.0
        if any(names_in_text(name, label, s.text) for s in self.previous[-LOOKBACK:]):
            return CONTEXT_CREDIT
        return 0.0

    def names_another(self, name: str, label: str, tokens: Iterable[Token]) -> bool:
        """Whether one of ``tokens`` names something other than ``name``.

        A pronoun counts by the name it stands for; a name the article links to
        ``name`` (Doha for Qatar) is not another. Tokens that are no name (common
        nouns, unresolved pronouns) say nothing.
        """
        for token in tokens:
            if anaphor_labels(token) is not None:
                found = self.antecedent(token)
                other = (found.text, found.label) if found is not None else None
            else:
                entity = entity_of(token)
                other = (entity.text, entity.label_) if entity is not None else None
            if other is None or other[1] not in ACTOR_LABELS:
                continue
            text, other_label = other
            if names_in_text(name, label, text) or names_in_text(text, other_label, name):
                continue
            if label not in PLACE_LABELS or text.lower() not in self.links.family(name):
                return True
        return False

    def means(self, name: str, label: str) -> bool:
        """Whether the sentence itself means ``name``, written or not.

        It does when it names it (:func:`names_in_text`), names a place the
        article links to it ("Doha" for Qatar, given "Qatar's Doha"), or holds a
        pronoun or definite description that stands for it.
        """
        text = self.sentence.text
        if names_in_text(name, label, text, stems=False):
            return True
        places = [e.text for e in self.doc.ents if e.label_ in STEM_LABELS]
        if label in STEM_LABELS and any(names_in_text(name, label, p) for p in places):
            return True  # "the Qatari capital"; not "Scott" for "Scottish"
        if label in PLACE_LABELS and any(e.label_ in PLACE_LABELS for e in self.doc.ents):
            family = self.links.family(name) - {name.lower()}
            if any(names_in_text(other, label, text) for other in family):
                return True
        for token in self.doc:
            if anaphor_labels(token) is None:
                continue
            found = self.tracker.resolve(token)
            if found is not None and names_in_text(name, label, found.text):
                return True
        return False


def names_in_text(name: str, label: str, text: str, *, stems: bool = True) -> bool:
    """Whether ``text`` names ``name`` (an entity labelled ``label``).

    It does when it has every word of the name (but fillers such as "the"),
    a person's (capitalised) last name, the initials of a name of several capitalised words
    ("UN", "U.S."), or, with ``stems``, for a one-word country, place or
    nationality, a capitalised word sharing its stem ("Qatari" for Qatar,
    "Afghanistan" for Afghan: :func:`workbench.nlp.places.demonym_matches`). Stems
    are best matched against place and nationality names only, as a person's
    name may share one too ("Scott", "Scottish").

    Examples
    --------
    >>> names_in_text("Qatar", "GPE", "The talks opened in the Qatari capital.")
    True
    >>> names_in_text("Zalmay Khalilzad", "PERSON", "Khalilzad met Ghani in Kabul.")
    True
    >>> names_in_text("United States", "GPE", "U.S. officials met the Taliban.")
    True
    >>> names_in_text("Pakistan", "GPE", "Moscow will host talks in mid-April.")
    False
    """
    wanted = [key for key in _keys(name) if key not in NAME_FILLERS]
    if not wanted:
        return True
    found = set(_keys(text)) | set(_keys(text.replace(".", "")))
    last_name = label == "PERSON" and name.split()[-1][:1].isupper() and wanted[-1] in found
    if set(wanted) <= found or last_name:
        return True
    capitalised = [word for word in name.split() if word[:1].isupper()]
    if len(capitalised) >= 2 and "".join(word[0] for word in capitalised).lower() in found:
        return True
    if stems and label in STEM_LABELS and len(wanted) == 1:
        return any(
            word[0].isupper() and demonym_matches(word, name) for word in _LETTERS.findall(text)
        )
    return False


def _keys(text: str) -> list[str]:
    return [term_key(word) for word in words(text)]
