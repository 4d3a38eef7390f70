"""Reading an events gold: the rows an analyst wrote down, in one of two formats.

**An article gold** (JSONL, ``benchmarks/data/news_events.jsonl``): one JSON
object per article, listing *every* hosting, meeting and visit event the article
reports, so that precision can be measured::

    {"doc_id": "bbc-politics-209", "split": "dev", "kind": "events",
     "published": null,
     "events": [{"family": "hosting", "host": ["Tony Blair", "Blair"],
                 "event": "a meeting on Palestinian reform", "place": ["London"],
                 "when": "on Tuesday", "iso": null, "granularity": "day",
                 "sentence": "..."}],
     "traps": [{"text": "a host of problems", "sense": "quantity"}]}

``host`` and ``place`` list the names that count (the first as the article writes
it); ``when`` is the expression as written and ``iso`` the first day it stands for
(``null`` when the text and the publication date do not give the year); ``kind``
is ``"events"`` or ``"trap"`` (an article that uses "host" only in other senses).

**A table** (JSON, ``../shared/eval/seeds_events.json``): ``{"events": [{"host":
[...], "what": ..., "when": [...], "doc": ...}]}``, with no article list: only the
documents it names are scored, and it says nothing of years it does not give.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.errors import WorkbenchError
from workbench.reading import loads_json, read_bounded_text

if TYPE_CHECKING:
    from workbench.events import Event

#: The event families a gold may name.
FAMILIES = ("hosting", "meeting", "visit")
#: The kinds of article in an article gold.
ARTICLE_KINDS = ("events", "trap")

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _key(text: str | None) -> str:
    """Names compared the way a reader compares them: case and spacing ignored."""
    return " ".join((text or "").replace("’", "'").lower().split()).removeprefix("the ")


@dataclass(frozen=True)
class ExpectedEvent:
    """One event of the gold: who hosted it, what, where and when, in which document."""

    doc: str
    hosts: tuple[str, ...]
    what: str = ""
    places: tuple[str, ...] = ()
    when: tuple[str, ...] = ()
    iso: str | None = None
    granularity: str | None = None
    family: str | None = None
    sentence: str | None = None

    def host_matches(self, event: Event) -> bool:
        """The row is in this event's document and names one of its hosts."""
        return event.doc_id == self.doc and _key(event.host) in {_key(h) for h in self.hosts}

    def when_matches(self, event: Event) -> bool:
        """The row's date expression contains, or is contained in, one of the expected ones."""
        written = _key(event.when)
        iso = event.date.isoformat() if event.date else None
        for expression in self.when:
            wanted = _key(expression)
            if written and (wanted in written or written in wanted):
                return True
            if iso is not None and iso == expression:
                return True
        return False

    def iso_matches(self, event: Event) -> bool:
        """The row's resolved date is the expected first day."""
        return (
            self.iso is not None and event.date is not None and event.date.isoformat() == self.iso
        )

    def place_matches(self, event: Event) -> bool:
        """The row's place is one of the expected names."""
        return _key(event.place) in {_key(place) for place in self.places}


@dataclass(frozen=True)
class GoldArticle:
    """One article of an article gold: its split, its kind, and the other senses of "host"."""

    doc_id: str
    split: str | None
    kind: str
    published: str | None
    traps: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventGold:
    """The expected events and, for an article gold, the articles they were read from.

    ``exhaustive`` is true for an article gold: every event of each listed article
    is there, so a row no event matches is wrong, and an ``iso`` of ``None`` means
    the article does not give the date.
    """

    events: tuple[ExpectedEvent, ...]
    articles: tuple[GoldArticle, ...]
    exhaustive: bool
    source: str = ""

    @property
    def documents(self) -> frozenset[str]:
        """The documents scored: the listed articles, or those the events name."""
        if self.articles:
            return frozenset(article.doc_id for article in self.articles)
        return frozenset(event.doc for event in self.events)

    def select(self, split: str | None) -> EventGold:
        """Only the articles (and their events) of ``split``; all when ``split`` is ``None``."""
        if split is None:
            return self
        articles = tuple(article for article in self.articles if article.split == split)
        if not articles:
            raise WorkbenchError(f"{self.source or 'the gold'} has no article of split {split!r}")
        kept = {article.doc_id for article in articles}
        return replace(
            self, articles=articles, events=tuple(e for e in self.events if e.doc in kept)
        )


def load_event_gold(path: str | os.PathLike[str]) -> EventGold:
    """Read an article gold (``.jsonl``) or an expected table (``.json``).

    Raises
    ------
    WorkbenchError
        If the file cannot be read or is in neither format (the message names the
        line and the field).
    """
    file = Path(path)
    try:
        text = read_bounded_text(file)
    except OSError as error:
        raise WorkbenchError(f"cannot read the expected events {file}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise WorkbenchError(f"cannot read the expected events {file}: not UTF-8 text") from None
    except ValueError as error:
        raise WorkbenchError(f"cannot read the expected events {file}: {error}") from None
    if file.suffix.lower() == ".jsonl":
        return _article_gold(text, file)
    try:
        rows = loads_json(text)["events"]
        events = tuple(_table_row(row) for row in rows)
    except (ValueError, KeyError, TypeError) as error:
        raise WorkbenchError(
            f"{file} is not an expected-events file: need {{'events': [{{'host', 'when', "
            f"'doc'}}, ...]}} ({type(error).__name__}: {error})"
        ) from None
    return EventGold(events, (), exhaustive=False, source=str(file))


def _table_row(row: dict) -> ExpectedEvent:
    when = tuple(_strings(row["when"]))
    iso = next((expression for expression in when if _ISO.fullmatch(expression)), None)
    return ExpectedEvent(
        doc=str(row["doc"]),
        hosts=tuple(_strings(row["host"])),
        what=str(row.get("what", "")),
        when=when,
        iso=iso,
    )


def _article_gold(text: str, file: Path) -> EventGold:
    articles: list[GoldArticle] = []
    events: list[ExpectedEvent] = []
    seen: set[str] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = loads_json(line)
            article, found = _article(record)
        except (ValueError, KeyError, TypeError) as error:
            raise WorkbenchError(
                f"{file}, line {number}: not an article record with doc_id, kind and events "
                f"({type(error).__name__}: {error})"
            ) from None
        if article.doc_id in seen:
            raise WorkbenchError(f"{file}, line {number}: {article.doc_id} is listed twice")
        seen.add(article.doc_id)
        articles.append(article)
        events += found
    if not articles:
        raise WorkbenchError(f"{file} lists no article")
    return EventGold(tuple(events), tuple(articles), exhaustive=True, source=str(file))


def _article(record: dict) -> tuple[GoldArticle, list[ExpectedEvent]]:
    doc_id = str(record["doc_id"])
    kind = record.get("kind", "events")
    if kind not in ARTICLE_KINDS:
        raise ValueError(f"kind must be one of {', '.join(ARTICLE_KINDS)}, not {kind!r}")
    traps = tuple(str(trap.get("text", "")) for trap in record.get("traps") or ())
    article = GoldArticle(doc_id, record.get("split"), kind, record.get("published"), traps)
    events = []
    for row in record["events"]:
        family = row.get("family")
        if family not in FAMILIES:
            raise ValueError(f"family must be one of {', '.join(FAMILIES)}, not {family!r}")
        iso = row.get("iso")
        if iso is not None and not _ISO.fullmatch(str(iso)):
            raise ValueError(f"iso must be YYYY-MM-DD or null, not {iso!r}")
        hosts = tuple(_strings(row["host"]))
        if not hosts:
            raise ValueError("an event needs at least one host name")
        events.append(
            ExpectedEvent(
                doc=doc_id,
                hosts=hosts,
                what=str(row.get("event") or ""),
                places=tuple(_strings(row.get("place") or [])),
                when=tuple(_strings(row["when"])) if row.get("when") else (),
                iso=iso,
                granularity=row.get("granularity"),
                family=family,
                sentence=row.get("sentence"),
            )
        )
    return article, events


def _strings(value: object) -> Iterable[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise TypeError(f"expected a string or a list of strings, not {value!r}")
