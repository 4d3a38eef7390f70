"""Who hosted what, where and when: extracting the event table of a corpus.

:func:`extract_events` finds sentences that report hosting however it is written
(how a sentence is read: :mod:`workbench.events.hosting`) and returns one row per event
(an :class:`~workbench.events.table.EventTable` of :class:`~workbench.events.table.Event`):
the host, what was hosted, the place, the date expression as the article writes
it, the date it resolves to (never with an invented year), the participants,
and the sentence that says so (document id, index, raw-text offsets).

Mentions of one event in a document are merged into one row when: they have the
same host family (the same name, or names the article links, such as Doha and
Qatar) and the same date; or one is undated and either has the same host family
and the same kind of event ("talks" and "talks"), or has the same host family and
is in the next sentence ("In October, it hosted ... It also arranged a
meeting"), or is a headline or a definite mention ("that meeting") of the same
kind of event. The row keeps the dated mention's sentence and lists the others
in ``also_in``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from workbench.events.families import is_candidate
from workbench.events.hosting import HostingMention, HostingReader
from workbench.events.table import Event, EventTable
from workbench.nlp.places import PlaceLinks
from workbench.nlp.syntax import PLACE_LABELS, parse_texts

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.model import Document


def extract_events(
    corpus: Iterable[Document], *, nlp: Language | None = None, batch_size: int = 64
) -> EventTable:
    """Find who hosted what, where and when, in every document of ``corpus``.

    Parameters
    ----------
    corpus : Corpus or iterable of Document
        The documents to read; entity annotations are not needed.
    nlp : spacy.language.Language, optional
        A pipeline with a parser and an entity recogniser; by default
        ``workbench.nlp.pipeline.load_pipeline("full")``.
    batch_size : int
        Sentences per ``nlp.pipe`` batch.

    Returns
    -------
    EventTable

    Raises
    ------
    ValueError
        If ``nlp`` has no parser or no entity recogniser.

    Examples
    --------
    >>> from workbench.corpus.document import build_document
    >>> doc = build_document("Kenya will convene a summit on trade in Nairobi in March 2026.", "k")
    >>> event = extract_events([doc])[0]
    >>> event.host, event.event, event.place, event.when, event.date.isoformat()
    ('Kenya', 'a summit on trade', 'Nairobi', 'March 2026', '2026-03-01')
    """
    if nlp is None:
        from workbench.nlp.pipeline import load_pipeline

        nlp = load_pipeline("full")
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ValueError(
            f"extract_events needs a pipeline with a parser and ner; this one lacks "
            f"{', '.join(sorted(missing))} (use workbench.nlp.pipeline.load_pipeline('full'))"
        )
    documents = [document for document in corpus if any(map(is_candidate, document.sentences))]
    texts = [sentence.text for document in documents for sentence in document.sentences]
    parsed = iter(parse_texts(texts, nlp, batch_size=batch_size))
    events: list[Event] = []
    for document in documents:
        docs = [next(parsed) for _ in document.sentences]
        events += _document_events(document, docs)
    return EventTable(tuple(events))


def _document_events(document: Document, docs: Sequence[Doc]) -> list[Event]:
    reader = HostingReader(document, PlaceLinks.from_docs(docs))
    for sentence, doc in zip(document.sentences, docs, strict=True):
        reader.read(sentence, doc)
    return _merge(reader.mentions, reader.links)


# --- Merging mentions of the same event -------------------------------------------------


def _merge(mentions: list[HostingMention], links: PlaceLinks) -> list[Event]:
    """Group mentions of one event (see the module notes) and make one row per group."""
    families = {id(m): links.family(m.host.text) for m in mentions}
    dated = [m for m in mentions if m.when is not None]
    undated = [m for m in mentions if m.when is None]
    groups: list[list[HostingMention]] = []
    for mention in dated + undated:
        matching = [
            group
            for group in groups
            if any(_same_event(member, mention, families) for member in group)
        ]
        if matching:
            closest = min(
                matching,
                key=lambda g: min(abs(m.sentence.index - mention.sentence.index) for m in g),
            )
            closest.append(mention)
        else:
            groups.append([mention])
    events = [_event_from(group) for group in groups]
    return sorted(events, key=lambda event: event.sentence)


def _same_event(
    first: HostingMention, second: HostingMention, families: dict[int, frozenset[str]]
) -> bool:
    same_family = bool(families[id(first)] & families[id(second)])
    if first.when is not None and second.when is not None:
        return same_family and _same_time(first, second)
    same_kind = first.event_head is not None and first.event_head == second.event_head
    undated = second if second.when is None else first
    if same_family and (
        same_kind
        or (first.when is None and second.when is None)
        or abs(first.sentence.index - second.sentence.index) <= 1
    ):
        return True
    return same_kind and (undated.sentence.is_heading or undated.definite)


def _same_time(first: HostingMention, second: HostingMention) -> bool:
    a, b = first.resolved, second.resolved
    if a is not None and b is not None and a.date is not None and a.date == b.date:
        return a.granularity == b.granularity
    return " ".join(first.when.lower().split()) == " ".join(second.when.lower().split())


def _event_from(group: list[HostingMention]) -> Event:
    lead = group[0]
    sentence = lead.sentence
    place = next((m.place for m in group if m.place), None)
    if place is None and lead.host.label in PLACE_LABELS:
        place = lead.host.text
    participants = dict.fromkeys(name for m in group for name in m.participants)
    resolved = lead.resolved
    return Event(
        host=lead.host.text,
        event=lead.event or next((m.event for m in group if m.event), None),
        place=place,
        when=lead.when,
        date=resolved.date if resolved else None,
        granularity=resolved.granularity if resolved and resolved.date else None,
        participants=tuple(participants),
        doc_id=sentence.doc_id,
        sentence=sentence.index,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        verb=lead.verb,
        confidence=lead.confidence,
        also_in=tuple(sorted({m.sentence.index for m in group[1:]} - {sentence.index})),
    )
