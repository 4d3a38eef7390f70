"""The events of one article made in a test, read with the full pipeline, for the tests here."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from workbench.corpus.document import build_document
from workbench.events import Event, extract_events


def events_of(
    text: str, nlp: Language, *, published: date | None = None, doc_id: str = "made"
) -> list[Event]:
    """The events :func:`~workbench.events.extract_events` reads in ``text``, one article."""
    document = build_document(text, doc_id, published=published)
    return list(extract_events([document], nlp=nlp, progress=False))


def only(events: list[Event]) -> Event:
    """The one event of ``events`` (the test fails, listing them, if there are more or none)."""
    assert len(events) == 1, events
    return events[0]
