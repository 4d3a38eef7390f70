"""Linking the rows of one event reported by several articles.

Two articles that report the same event each keep their row (each cites its own
sentence), and each row lists the other articles in ``also_reported``. Rows of
different documents are the same event when they are of the same family, name the
same host (case and a leading "the" ignored) and either resolve to the same date at
the same granularity, or name the event the same way with a proper name in it ("the
G20 summit", "the World Economic Forum"): "talks" alone, undated, is too common a
phrase to say two articles mean the same talks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from workbench.events.table import Event


def link_across_documents(events: Iterable[Event]) -> list[Event]:
    """The rows, each with the other documents that report its event in ``also_reported``."""
    rows = list(events)
    documents_by_key: dict[tuple[str, ...], set[str]] = {}
    keys_of: list[list[tuple[str, ...]]] = []
    for event in rows:
        keys = _keys(event)
        keys_of.append(keys)
        for key in keys:
            documents_by_key.setdefault(key, set()).add(event.doc_id)
    linked = []
    for event, keys in zip(rows, keys_of, strict=True):
        others = set().union(*(documents_by_key[key] for key in keys)) - {event.doc_id}
        linked.append(replace(event, also_reported=tuple(sorted(others))) if others else event)
    return linked


def _keys(event: Event) -> list[tuple[str, ...]]:
    host = _normal(event.host)
    keys = []
    if event.date is not None and event.granularity is not None:
        keys.append((event.family, host, event.date.isoformat(), event.granularity))
    if event.event and any(word[:1].isupper() for word in event.event.split()[1:]):
        keys.append((event.family, host, _normal(event.event)))
    return keys


def _normal(text: str) -> str:
    words = text.replace("’", "'").lower().split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)
