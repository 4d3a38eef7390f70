"""How often an event row is right, measured by what its host rests on.

A row's host is known by one kind of evidence (``Event.evidence``: named as host,
the inviter, the organiser, the venue, ...). How often rows of each kind name
the right host was counted on the development half of the events gold
(``benchmarks/data/news_events.jsonl``) by ``workbench train events``
(:mod:`workbench.train.events`), and stored with that record in
``workbench/data/events_confidence.json``. :func:`row_confidence` reads it: the
chance, measured, that a row of that kind is right. It is what an answer built
from event rows gives as its confidence (:mod:`workbench.qa.event_rows`).

Each kind's share is smoothed towards one half by one right and one wrong row
(Laplace's rule), so a kind seen twice is not called certain; a kind the file
does not know gets the share over all rows.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import ModelFileError

if TYPE_CHECKING:
    from workbench.events.table import Event

#: The measured shares' file in ``workbench/data``.
CONFIDENCE_FILE = "events_confidence.json"

#: How to rebuild it, named in every error about it.
REBUILD = "rebuild it with `make model` (workbench train events)"


@dataclass(frozen=True)
class EventConfidence:
    """The measured chance that an event row is right, by the kind of its host evidence.

    Attributes
    ----------
    by_evidence : dict of str to (int, int)
        For each kind, the rows counted and how many of them were right.
    trained : dict
        What the counts were measured on: the command, the data, the date.
    """

    by_evidence: Mapping[str, tuple[int, int]]
    trained: Mapping[str, object]

    def __call__(self, evidence: str) -> float:
        """The smoothed share of right rows among rows of this kind of evidence."""
        rows, right = self.by_evidence.get(evidence, self.overall)
        return (right + 1) / (rows + 2)

    @property
    def overall(self) -> tuple[int, int]:
        """The rows and right rows over every kind."""
        counts = list(self.by_evidence.values())
        return sum(rows for rows, _ in counts), sum(right for _, right in counts)

    def to_dict(self) -> dict[str, object]:
        """The file's contents."""
        return {
            **self.trained,
            "by_evidence": {
                kind: {"rows": rows, "right": right, "confidence": round(self(kind), 4)}
                for kind, (rows, right) in sorted(self.by_evidence.items())
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> EventConfidence:
        """Read and check what :meth:`to_dict` wrote."""
        counts = data.get("by_evidence") if isinstance(data, Mapping) else None
        if not isinstance(counts, Mapping) or not counts:
            raise ModelFileError(f"{CONFIDENCE_FILE} lacks 'by_evidence'; {REBUILD}")
        by_evidence = {}
        for kind, entry in counts.items():
            rows = entry.get("rows") if isinstance(entry, Mapping) else None
            right = entry.get("right") if isinstance(entry, Mapping) else None
            valid = all(isinstance(n, int) and not isinstance(n, bool) for n in (rows, right))
            if not valid or not 0 <= right <= rows:  # type: ignore[operator]
                raise ModelFileError(
                    f"{CONFIDENCE_FILE}: the counts of {kind!r} must be whole numbers with "
                    f"0 <= right <= rows; {REBUILD}"
                )
            by_evidence[str(kind)] = (rows, right)
        trained = {key: value for key, value in data.items() if key != "by_evidence"}  # type: ignore[union-attr]
        return cls(by_evidence, trained)


@cache
def load_event_confidence(path: str | None = None) -> EventConfidence:
    """The measured shares from ``path``, by default the package's :data:`CONFIDENCE_FILE`.

    Raises
    ------
    ModelFileError
        If the file is missing, is not JSON, or its counts are not counts.
    """
    try:
        if path is None:
            text = resources.files("workbench.data").joinpath(CONFIDENCE_FILE).read_text("utf-8")
        else:
            text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelFileError(f"cannot read {CONFIDENCE_FILE}: {error}; {REBUILD}") from error
    return EventConfidence.from_dict(data)


def row_confidence(event: Event) -> float:
    """The measured chance that ``event`` names the right host, by its kind of evidence."""
    return load_event_confidence()(event.evidence)
