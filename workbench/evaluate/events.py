"""Scoring an event table against the table an analyst wrote (``seeds_events.json``).

The expected file is JSON: ``{"events": [{"host": [names...], "what": ...,
"when": [expressions...], "doc": doc_id}, ...]}``. A produced row matches an
expected row when all three agree:

- **document**: the row's ``doc_id`` is the expected ``doc``;
- **host**: the row's host is one of the expected names, ignoring case;
- **date**: the row's ``when`` contains, or is contained in, one of the expected
  expressions (ignoring case), or its resolved ISO date is one of them.

Recall is the share of expected rows some produced row matches; precision the
share of produced rows that match some expected row.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    import pandas as pd

    from workbench.events import Event


@dataclass(frozen=True)
class ExpectedEvent:
    """One row of the analyst's table."""

    hosts: tuple[str, ...]
    what: str
    when: tuple[str, ...]
    doc: str

    def matches(self, event: Event) -> bool:
        """Whether ``event`` is this row: same document, a listed host, a listed date."""
        if event.doc_id != self.doc:
            return False
        if event.host.lower() not in {host.lower() for host in self.hosts}:
            return False
        written = (event.when or "").lower()
        iso = event.date.isoformat() if event.date else None
        for expression in self.when:
            wanted = expression.lower()
            if written and (wanted in written or written in wanted):
                return True
            if iso is not None and iso == expression:
                return True
        return False


@dataclass(frozen=True)
class EventScore:
    """Which expected rows were found, and which produced rows match none."""

    expected: tuple[ExpectedEvent, ...]
    produced: tuple[Event, ...]
    matches: tuple[tuple[int, int], ...]  # (expected index, produced index)

    @property
    def recall(self) -> float:
        """Share of expected rows matched by at least one produced row."""
        found = {expected for expected, _ in self.matches}
        return len(found) / len(self.expected) if self.expected else 0.0

    @property
    def precision(self) -> float:
        """Share of produced rows that match an expected row."""
        matched = {produced for _, produced in self.matches}
        return len(matched) / len(self.produced) if self.produced else 0.0

    def unmatched(self) -> tuple[Event, ...]:
        """Produced rows that match no expected row."""
        matched = {produced for _, produced in self.matches}
        return tuple(e for i, e in enumerate(self.produced) if i not in matched)

    def to_frame(self) -> pd.DataFrame:
        """One row per expected event: doc, hosts, when, found, and the matching row's values."""
        import pandas as pd

        return pd.DataFrame(self.rows())

    def rows(self) -> list[dict[str, object]]:
        """The rows of :meth:`to_frame` as dictionaries (``None`` where nothing matched)."""
        rows = []
        for index, expected in enumerate(self.expected):
            hits = [self.produced[p] for e, p in self.matches if e == index]
            first = hits[0] if hits else None
            rows.append(
                {
                    "doc_id": expected.doc,
                    "expected_host": " / ".join(expected.hosts),
                    "expected_when": " / ".join(expected.when),
                    "found": bool(hits),
                    "host": first.host if first else None,
                    "when": first.when if first else None,
                    "date": first.date.isoformat() if first and first.date else None,
                    "sentence": first.sentence if first else None,
                }
            )
        return rows

    def as_dict(self) -> dict[str, object]:
        """Counts, recall, precision and the unmatched produced rows."""
        return {
            "expected": len(self.expected),
            "produced": len(self.produced),
            "recall": self.recall,
            "precision": self.precision,
            "missed": [
                {"doc": e.doc, "host": list(e.hosts), "when": list(e.when)}
                for i, e in enumerate(self.expected)
                if i not in {expected for expected, _ in self.matches}
            ],
            "unmatched": [event.as_dict() for event in self.unmatched()],
        }

    def __str__(self) -> str:
        found = len({expected for expected, _ in self.matches})
        right = len({produced for _, produced in self.matches})
        return (
            f"events: recall {self.recall:.3f} ({found} of {len(self.expected)} expected rows "
            f"found), precision {self.precision:.3f} ({right} of {len(self.produced)} rows match)"
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>" + self.to_frame().to_html(index=False)


def load_expected_events(path: str | os.PathLike[str]) -> tuple[ExpectedEvent, ...]:
    """Read the analyst's table.

    Raises
    ------
    WorkbenchError
        If the file is missing, is not JSON, or has no ``events`` list of rows with
        ``host``, ``when`` and ``doc``.
    """
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        rows = data["events"]
        return tuple(
            ExpectedEvent(
                hosts=tuple(_as_list(row["host"])),
                what=str(row.get("what", "")),
                when=tuple(_as_list(row["when"])),
                doc=str(row["doc"]),
            )
            for row in rows
        )
    except OSError as error:
        raise WorkbenchError(f"cannot read the expected events {file}: {error.strerror}") from None
    except (ValueError, KeyError, TypeError) as error:
        raise WorkbenchError(
            f"{file} is not an expected-events file: need {{'events': [{{'host', 'when', "
            f"'doc'}}, ...]}} ({type(error).__name__}: {error})"
        ) from None


def score_events(events: Iterable[Event], expected_json_path: str | os.PathLike[str]) -> EventScore:
    """Score produced events against the expected table in ``expected_json_path``.

    Parameters
    ----------
    events : EventTable or iterable of Event
        What :func:`workbench.events.extract.extract_events` produced.
    expected_json_path : path-like
        A file in the format of ``../shared/eval/seeds_events.json``.

    Returns
    -------
    EventScore
    """
    expected = load_expected_events(expected_json_path)
    produced = tuple(events)
    matches = tuple(
        (e, p)
        for e, row in enumerate(expected)
        for p, event in enumerate(produced)
        if row.matches(event)
    )
    return EventScore(expected, produced, matches)


def _as_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value]
    raise TypeError(f"expected a string or a list of strings, not {type(value).__name__}")
