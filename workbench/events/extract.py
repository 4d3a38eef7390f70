"""Who hosted what, where and when: extracting the event table of a corpus.

:func:`extract_events` finds sentences that report an event of a family (hosting,
meeting, visit; how a sentence is read: :mod:`workbench.events.mentions`) and
returns one row per event (an :class:`~workbench.events.table.EventTable` of
:class:`~workbench.events.table.Event`): the host, what was hosted, the place, the
date expression as the article writes it, the date it resolves to (never with an
invented year), the participants, and the sentence that says so (document id,
index, raw-text offsets).

Mentions of one event in a document are linked into one row when they are of the
same family and name the same parties (the same host, or names the article links,
such as Doha and Qatar; or one's host is the other's venue), and: they have the
same date; or one is undated and either is the same kind of event ("talks" and
"talks"), or is in the next sentence ("In October, it hosted ... It also arranged
a meeting"), or is a headline or a definite mention ("that meeting") of the same
kind of event. A mention that names no event ("since they are the hosts") joins
the nearest mention at most a sentence away. The row's host is the one the best
evidence gives (:data:`workbench.events.roles.EVIDENCE`: an explicit host over
an invitation, the owner of the event phrase, the venue); it keeps the dated
mention's sentence and lists the others in ``also_in``. Rows of one event that
several articles report are linked, not merged
(:func:`workbench.events.linking.link_across_documents`): each keeps its own
citation and names the other articles in ``also_reported``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.dates import ResolvedDate
from workbench.events.families import is_candidate
from workbench.events.linking import link_across_documents
from workbench.events.mentions import EventMention, MentionReader
from workbench.events.phrases import one_line
from workbench.events.table import Event, EventTable
from workbench.nlp.names import FullNames
from workbench.nlp.places import PlaceLinks
from workbench.nlp.syntax import PLACE_LABELS
from workbench.nlp.titles import TitleLinks
from workbench.terminal import progress_bar

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from workbench.model import Document


#: The longest document the events pass reads, in characters (hand-set: forty times the
#: longest BBC article, about 25,000; parsing it takes about a minute on one core).
MAX_DOCUMENT_CHARS = 1_000_000


def extract_events(
    corpus: Iterable[Document],
    *,
    nlp: Language | None = None,
    batch_size: int = 64,
    progress: bool | None = None,
    max_chars: int | None = MAX_DOCUMENT_CHARS,
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
    progress : bool, optional
        Show a progress bar over the sentences parsed; by default in a terminal
        or a notebook (:func:`workbench.terminal.progress_wanted`).
    max_chars : int or None, default :data:`MAX_DOCUMENT_CHARS`
        Documents longer than this are not read, but listed in the table's
        ``skipped`` with the reason: parsing runs at about a minute a megabyte,
        and a file of many megabytes is no news article. ``None`` reads them all.

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
    documents, skipped = [], []
    for document in corpus:
        if max_chars is not None and len(document.raw) > max_chars:
            skipped.append(
                (
                    document.id,
                    f"{len(document.raw):,} characters, past the events limit of "
                    f"{max_chars:,} (extract_events(max_chars=...) reads it)",
                )
            )
        elif any(map(is_candidate, document.sentences)):
            documents.append(document)
    texts = [sentence.text for document in documents for sentence in document.sentences]
    # The bar counts sentences as the parser takes them, so one long article moves it too
    shown = progress_bar(
        texts, desc="Reading events", unit="sentence", total=len(texts), progress=progress
    )
    parsed = iter(nlp.pipe(shown, batch_size=batch_size))
    events: list[Event] = []
    for document in documents:
        docs = [next(parsed) for _ in document.sentences]
        events += _document_events(document, docs)
    return EventTable(tuple(link_across_documents(events)), skipped=tuple(skipped))


def _document_events(document: Document, docs: Sequence[Doc]) -> list[Event]:
    reader = MentionReader(document, PlaceLinks.from_docs(docs), titles=TitleLinks.from_docs(docs))
    for sentence, doc in zip(document.sentences, docs, strict=True):
        reader.read(sentence, doc)
    reader.finish()
    names = FullNames.from_docs(docs)
    mentions = [_named_in_full(mention, names) for mention in reader.mentions]
    return _merge(mentions, reader.links)


def _named_in_full(mention: EventMention, names: FullNames) -> EventMention:
    """The mention with its host in full and its names on one line.

    "the party's conference" read as the Democrats' is the Liberal Democrats'; a
    name the article wraps over two lines reads on one: "Herman De Croo".
    """
    host = one_line(mention.host.text)
    return replace(
        mention,
        host=replace(mention.host, text=names.full(host, mention.host.label)),
        place=one_line(mention.place) if mention.place else mention.place,
        participants=tuple(one_line(name) for name in mention.participants),
    )


# --- Merging mentions of the same event -------------------------------------------------


#: Words of a date expression that place a date in its period rather than fix it (hand-set).
_PLACING_WORDS = frozenset({"on", "in", "mid", "early", "late", "the", "of", "by", "around"})
#: Date granularities, finest first: the row keeps its finest date.
_FINEST_FIRST = ("day", "week", "month", "year")


def _merge(mentions: list[EventMention], links: PlaceLinks) -> list[Event]:
    """Group mentions of one event (see the module notes) and make one row per group."""
    parties = {id(m): _parties(m, links) for m in mentions}
    dated = [m for m in mentions if m.when is not None and m.event_head is not None]
    undated = [m for m in mentions if m.when is None and m.event_head is not None]
    groups: list[list[EventMention]] = []
    for mention in dated + undated:
        matching = [
            group
            for group in groups
            if any(_same_event(member, mention, parties) for member in group)
        ]
        if not matching and mention.when is None and mention.definite and not _names_host(mention):
            # "inviting them to the conference": a definite mention refers back to an
            # event of its family the document has already reported (unless it names
            # a host of its own: "Bournemouth hosted the event").
            matching = [
                group
                for group in groups
                if any(
                    m.family == mention.family and m.sentence.index < mention.sentence.index
                    for m in group
                )
            ]
        if matching:
            _closest(matching, mention).append(mention)
        else:
            groups.append([mention])
    for mention in (m for m in mentions if m.event_head is None):
        near = [
            group for group in groups if any(_joins(member, mention, parties) for member in group)
        ]
        if near:
            _closest(near, mention).append(mention)
        elif mention.verb != "host" or mention.family != "hosting":
            groups.append([mention])  # a visit or a reception, which names no event noun
    events = [_event_from(group) for group in groups]
    return sorted(events, key=lambda event: event.sentence)


def _closest(groups: list[list[EventMention]], mention: EventMention) -> list[EventMention]:
    return min(groups, key=lambda g: min(abs(m.sentence.index - mention.sentence.index) for m in g))


def _parties(mention: EventMention, links: PlaceLinks) -> tuple[frozenset[str], frozenset[str]]:
    """The names linked to the mention's host, and to its place."""
    place = links.family(mention.place) if mention.place else frozenset()
    return links.family(mention.host.text), place


def _same_parties(
    first: EventMention, second: EventMention, parties: dict[int, tuple[frozenset[str], ...]]
) -> bool:
    host_a, place_a = parties[id(first)]
    host_b, place_b = parties[id(second)]
    if host_a & host_b:
        return True
    venue_based = first.evidence in {"venue", "previous-venue"} or second.evidence in {
        "venue",
        "previous-venue",
    }
    same_kind = first.event_head is not None and first.event_head == second.event_head
    definite = first.definite or second.definite
    if venue_based and same_kind and not (place_a and place_b):
        # "a meeting in London" and "Tuesday's meeting ... hosted by Tony Blair": the
        # venue places the hosted meeting
        return True
    return venue_based and (same_kind or definite) and bool((host_a | place_a) & (host_b | place_b))


def _same_event(
    first: EventMention, second: EventMention, parties: dict[int, tuple[frozenset[str], ...]]
) -> bool:
    if first.family != second.family:
        return False
    same_parties = _same_parties(first, second, parties)
    if first.when is not None and second.when is not None:
        return same_parties and _same_time(first, second)
    same_kind = first.event_head is not None and first.event_head == second.event_head
    undated = second if second.when is None else first
    if same_parties and (
        same_kind
        or (first.when is None and second.when is None)
        or abs(first.sentence.index - second.sentence.index) <= 1
    ):
        return True
    if undated.sentence.is_heading:
        return same_kind  # the headline names the story's event
    # a definite mention refers back, unless each names its own host ("Bournemouth
    # hosted the event ...", "the Astronomy Club's regular meeting" after "the Astronomers'
    # regular meeting")
    return same_kind and undated.definite and not (_names_host(first) and _names_host(second))


def _names_host(mention: EventMention) -> bool:
    """The mention names its own host: explicitly, by an invitation, or as the event's owner."""
    return mention.evidence in {"explicit", "invitation", "owner"}


def _joins(
    member: EventMention, mention: EventMention, parties: dict[int, tuple[frozenset[str], ...]]
) -> bool:
    """A mention without an event noun joins an event a sentence away, or of its parties."""
    if abs(member.sentence.index - mention.sentence.index) > 1:
        return False
    if mention.when is not None and member.when is not None:
        return _same_time(member, mention)
    return mention.verb == "host" or _same_parties(member, mention, parties)


def _same_time(first: EventMention, second: EventMention) -> bool:
    """The same date, or one inside the other: "mid-April" and "April 14"."""
    a, b = first.resolved, second.resolved
    if a is not None and b is not None and a.date is not None and b.date is not None:
        return _within(a, b) or _within(b, a)
    words_a, words_b = _date_words(first.when), _date_words(second.when)
    return bool(words_a and words_b) and (words_a <= words_b or words_b <= words_a)


def _date_words(expression: str) -> frozenset[str]:
    """The words that fix a date, without the ones that only place it: "mid-April" -> {april}."""
    words = expression.lower().replace("-", " ").replace(",", " ").split()
    return frozenset(word for word in words if word not in _PLACING_WORDS)


def _within(inner: ResolvedDate, outer: ResolvedDate) -> bool:
    """``inner``'s day falls in the period ``outer`` stands for (its day, month or year)."""
    if outer.granularity == "year":
        return inner.date.year == outer.date.year
    if outer.granularity == "month":
        return (inner.date.year, inner.date.month) == (outer.date.year, outer.date.month)
    return inner.date == outer.date and inner.granularity == outer.granularity


def _precision(mention: EventMention) -> int:
    """How fine the mention's date is: a day beats a week, a month, a year, no date."""
    resolved = mention.resolved
    if resolved is None or resolved.granularity not in _FINEST_FIRST:
        return len(_FINEST_FIRST) + (mention.when is None)
    return _FINEST_FIRST.index(resolved.granularity)


def _event_from(group: list[EventMention]) -> Event:
    lead = min(group, key=lambda m: (_precision(m), m.sentence.index))
    best = min(group, key=lambda m: (m.rank, m is not lead, -m.confidence, m.sentence.index))
    sentence = lead.sentence
    place = best.place or next((m.place for m in group if m.place), None)
    if place is None and best.host.label in PLACE_LABELS:
        place = best.host.text
    participants = dict.fromkeys(
        name for m in group for name in m.participants if name.lower() != best.host.text.lower()
    )
    resolved = lead.resolved
    return Event(
        host=best.host.text,
        event=best.event or lead.event or next((m.event for m in group if m.event), None),
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
        confidence=best.confidence,
        also_in=tuple(sorted({m.sentence.index for m in group} - {sentence.index})),
        family=lead.family,
        evidence=best.evidence,
    )
