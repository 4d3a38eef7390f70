"""Scoring an event table against an events gold (:mod:`workbench.evaluate.event_gold`).

A produced row **finds** an expected event when it is in the event's document and
names one of its hosts (case, spacing and a leading "the" ignored). Each expected
event is found by at most one row, and each row finds at most one event: pairs
are taken best first (the resolved date right, then the date expression, then
the place), so a document with two events hosted by Russia needs two rows.

- **recall**: the share of expected events found (the right host);
- **precision**: the share of rows, in the scored documents, that name the host
  of some expected event of their document (a second row for an event already
  found counts as right, and is also counted as a *duplicate*: the event was not
  linked into one row);
- **place**: of the found events the article places, the share whose row has one
  of the expected places;
- **date**: of the found events with an ISO date, the share whose row resolves to
  that day (month and year granularity give the first day);
- **when**: of the found events with a date expression, the share whose row
  gives an expression that contains, or is contained in, the expected one;
- **invented**: rows, among the found, with a date where the gold (an article
  gold, which says so) has none: a year or a date the text does not give.

With a table gold (the seeds' ``seeds_events.json``) only the documents it names
are scored, and invented dates are not counted.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.evaluate.event_gold import EventGold, ExpectedEvent, load_event_gold

if TYPE_CHECKING:
    import pandas as pd

    from workbench.events import Event


@dataclass(frozen=True)
class EventScore:
    """Which expected events were found, by which rows, and which rows are wrong."""

    gold: EventGold
    produced: tuple[Event, ...]
    matches: tuple[tuple[int, int], ...]  # (expected index, produced index), one to one
    duplicates: tuple[tuple[int, int], ...]  # rows naming the host of an event already found

    @property
    def expected(self) -> tuple[ExpectedEvent, ...]:
        """The gold's events."""
        return self.gold.events

    def _share(self, hits: int, total: int) -> float:
        return hits / total if total else 0.0

    @property
    def recall(self) -> float:
        """Share of expected events found with the right host."""
        return self._share(len(self.matches), len(self.expected))

    @property
    def precision(self) -> float:
        """Share of rows that name the host of an expected event of their document."""
        right = len(self.matches) + len(self.duplicates)
        return self._share(right, len(self.produced))

    def _found(self) -> list[tuple[ExpectedEvent, Event]]:
        return [(self.expected[e], self.produced[p]) for e, p in self.matches]

    @property
    def place_accuracy(self) -> float:
        """Of found events with a place, the share placed right."""
        placed = [(g, p) for g, p in self._found() if g.places]
        return self._share(sum(g.place_matches(p) for g, p in placed), len(placed))

    @property
    def date_accuracy(self) -> float:
        """Of found events with an ISO date, the share resolved to that day."""
        dated = [(g, p) for g, p in self._found() if g.iso is not None]
        return self._share(sum(g.iso_matches(p) for g, p in dated), len(dated))

    @property
    def when_accuracy(self) -> float:
        """Of found events with a date expression, the share given that expression."""
        written = [(g, p) for g, p in self._found() if g.when]
        return self._share(sum(g.when_matches(p) for g, p in written), len(written))

    @property
    def invented(self) -> int:
        """Found rows with a date where an exhaustive gold says the article gives none."""
        if not self.gold.exhaustive:
            return 0
        return sum(g.iso is None and p.date is not None for g, p in self._found())

    def right(self) -> tuple[bool, ...]:
        """For each produced row, whether it names the host of an expected event of its document."""
        named = {p for _, p in self.matches} | {p for _, p in self.duplicates}
        return tuple(index in named for index in range(len(self.produced)))

    def by_evidence(self) -> dict[str, tuple[int, int]]:
        """For each kind of host evidence (``Event.evidence``), its rows and how many are right.

        What the events' row confidence is measured from
        (:func:`workbench.train.events.fit_event_confidence`).
        """
        counts: dict[str, tuple[int, int]] = {}
        for event, right in zip(self.produced, self.right(), strict=True):
            rows, hits = counts.get(event.evidence, (0, 0))
            counts[event.evidence] = (rows + 1, hits + right)
        return dict(sorted(counts.items()))

    def unmatched(self) -> tuple[Event, ...]:
        """Rows that name no host of an expected event of their document."""
        return tuple(e for e, right in zip(self.produced, self.right(), strict=True) if not right)

    def missed(self) -> tuple[ExpectedEvent, ...]:
        """Expected events no row found."""
        found = {e for e, _ in self.matches}
        return tuple(event for i, event in enumerate(self.expected) if i not in found)

    def rows(self) -> list[dict[str, object]]:
        """One dictionary per expected event: what was expected and what the row says."""
        by_expected = dict(self.matches)
        rows = []
        for index, expected in enumerate(self.expected):
            row = self.produced[by_expected[index]] if index in by_expected else None
            rows.append(
                {
                    "doc_id": expected.doc,
                    "family": expected.family,
                    "expected_host": " / ".join(expected.hosts),
                    "host": row.host if row else None,
                    "expected_place": " / ".join(expected.places) or None,
                    "place": row.place if row else None,
                    "expected_when": " / ".join(expected.when) or None,
                    "when": row.when if row else None,
                    "expected_date": expected.iso,
                    "date": row.date.isoformat() if row and row.date else None,
                    "sentence": row.sentence if row else None,
                }
            )
        return rows

    def to_frame(self) -> pd.DataFrame:
        """:meth:`rows` as a DataFrame."""
        import pandas as pd

        return pd.DataFrame(self.rows())

    def as_dict(self) -> dict[str, object]:
        """The measures, the missed events and the wrong rows, as JSON-ready values."""
        return {
            "gold": self.gold.source,
            "documents": len(self.gold.documents),
            "expected": len(self.expected),
            "produced": len(self.produced),
            "recall": self.recall,
            "precision": self.precision,
            "duplicates": len(self.duplicates),
            "place_accuracy": self.place_accuracy,
            "date_accuracy": self.date_accuracy,
            "when_accuracy": self.when_accuracy,
            "invented_dates": self.invented,
            "by_evidence": {
                kind: {"rows": rows, "right": right}
                for kind, (rows, right) in self.by_evidence().items()
            },
            "missed": [
                {"doc": e.doc, "host": list(e.hosts), "when": list(e.when), "what": e.what}
                for e in self.missed()
            ],
            "unmatched": [event.as_dict() for event in self.unmatched()],
        }

    def __str__(self) -> str:
        found = len(self.matches)
        right = found + len(self.duplicates)
        placed = sum(bool(g.places) for g, _ in self._found())
        dated = sum(g.iso is not None for g, _ in self._found())
        text = (
            f"events: recall {self.recall:.3f} ({found} of {len(self.expected)} expected events "
            f"found with the right host), precision {self.precision:.3f} ({right} of "
            f"{len(self.produced)} rows right, {len(self.duplicates)} duplicates); "
            f"place {self.place_accuracy:.3f} (of {placed}), date {self.date_accuracy:.3f} "
            f"(of {dated}), when {self.when_accuracy:.3f}"
        )
        if self.gold.exhaustive:
            text += f"; invented dates {self.invented}"
        by_evidence = ", ".join(
            f"{kind} {right} of {rows}" for kind, (rows, right) in self.by_evidence().items()
        )
        return f"{text}\nrows right by host evidence: {by_evidence or 'no rows'}"

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>" + self.to_frame().to_html(index=False)


def score_events(
    events: Iterable[Event],
    gold: EventGold | str | os.PathLike[str],
    *,
    split: str | None = None,
) -> EventScore:
    """Score produced events against a gold.

    Parameters
    ----------
    events : EventTable or iterable of Event
        What :func:`workbench.events.extract.extract_events` produced; rows outside
        the gold's documents are not scored.
    gold : EventGold or path-like
        A gold, or a file :func:`~workbench.evaluate.event_gold.load_event_gold` reads.
    split : str, optional
        Score only the articles of this split ("dev", "test" or "train") of an article gold.

    Returns
    -------
    EventScore
    """
    if not isinstance(gold, EventGold):
        gold = load_event_gold(gold)
    gold = gold.select(split)
    documents = gold.documents
    produced = tuple(event for event in events if event.doc_id in documents)
    expected = gold.events
    pairs = sorted(
        (
            (-_closeness(row, event), e, p)
            for e, row in enumerate(expected)
            for p, event in enumerate(produced)
            if row.host_matches(event)
        ),
    )
    matches: list[tuple[int, int]] = []
    used_expected: set[int] = set()
    used_produced: set[int] = set()
    for _, e, p in pairs:
        if e not in used_expected and p not in used_produced:
            matches.append((e, p))
            used_expected.add(e)
            used_produced.add(p)
    duplicates = []
    for _, e, p in pairs:
        if p not in used_produced:
            duplicates.append((e, p))
            used_produced.add(p)
    return EventScore(gold, produced, tuple(sorted(matches)), tuple(sorted(duplicates)))


def _closeness(expected: ExpectedEvent, event: Event) -> int:
    """How well a row that names the host fits the event: date, then expression, then place."""
    return (
        4 * expected.iso_matches(event)
        + 2 * expected.when_matches(event)
        + expected.place_matches(event)
    )
