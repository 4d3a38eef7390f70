"""Readers that turn one decoded file into article records, one function per format.

A reader takes the file's path and decoded text and returns :class:`Record`
objects (the article text plus whatever metadata the format carries) and, for
formats holding many records, a :class:`~workbench.model.SkippedFile` for each
record it cannot use. :data:`READERS` maps file suffixes to readers; add a
format by adding an entry.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from workbench.dates.explicit import parse_date
from workbench.errors import ReaderError
from workbench.model import SkippedFile
from workbench.reading import JSONLimitError, loads_json

#: Record fields, each with the names it goes by in common exports, preferred first.
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "maintext"),
    "title": ("title", "headline"),
    "published": ("date", "published", "date_publish", "publish_date", "pubdate", "dct"),
    "source": ("source", "publisher", "source_domain", "site"),
    "url": ("url", "link"),
    "id": ("id", "uid", "doc_id"),
}

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", re.MULTILINE)
_DROPPED_HTML = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "figure",
    "template",
)
_HTML_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")


@dataclass(frozen=True, slots=True)
class Record:
    """One article read from a file: its text and the metadata found beside it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    body_start: int = 0


ReadResult = list[Record | SkippedFile]
Reader = Callable[[Path, str], ReadResult]


def read_plain_text(path: Path, text: str) -> ReadResult:
    """A ``.txt`` file is one article, read as it is."""
    return [Record(text=text)]


def read_markdown(path: Path, text: str) -> ReadResult:
    """A ``.md`` file is one article; YAML-style front matter gives its metadata.

    The front matter stays in ``raw`` (offsets stay true); sentences start after it.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return [Record(text=text)]
    fields = {
        key.lower(): value.strip("\"'") for key, value in _FRONT_MATTER_LINE.findall(match[1])
    }
    record = _record_from_mapping(fields, text)
    return [Record(**{**_as_dict(record), "body_start": match.end()})]


def read_html(path: Path, text: str) -> ReadResult:
    """An HTML page: the main text (article or main element, else body), and its metadata.

    Scripts, navigation, headers, footers, asides and forms are dropped; headings,
    paragraphs, list items and quotes become paragraphs separated by blank lines.
    """
    soup = BeautifulSoup(text, "html.parser")
    metadata = _html_metadata(soup)
    for tag in soup.find_all(_DROPPED_HTML):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [
        " ".join(element.get_text(" ").split())
        for element in root.find_all(_HTML_BLOCKS)
        if not element.find_parent(_HTML_BLOCKS)
    ]
    blocks = [block for block in blocks if block]
    if not blocks:
        blocks = [
            " ".join(line.split()) for line in root.get_text("\n").splitlines() if line.strip()
        ]
    if not blocks:
        raise ReaderError("HTML page has no text")
    return [_record_from_mapping(metadata, "\n\n".join(blocks))]


def read_json(path: Path, text: str) -> ReadResult:
    """A ``.json`` file: one record, a list of records, or ``{"documents": [...]}``."""
    try:
        data = loads_json(text)
    except json.JSONDecodeError as error:
        raise ReaderError(f"invalid JSON: {error}") from None
    except JSONLimitError as error:  # a 5,000-digit number; nesting too deep
        raise ReaderError(f"unreadable JSON: {error}") from None
    if isinstance(data, Mapping):
        for key in ("documents", "articles", "records", "data", "items"):
            if isinstance(data.get(key), list):
                return _records(path, data[key])
        return _records(path, [data], single=True)
    if isinstance(data, list):
        return _records(path, data)
    raise ReaderError("JSON holds neither a record nor a list of records")


def read_jsonl(path: Path, text: str) -> ReadResult:
    r"""A ``.jsonl`` file: one JSON record a line; a bad line is skipped, not fatal.

    Lines end at ``\n`` only (with an optional ``\r``): a U+2028 or U+2029 inside
    a record's text is part of the text, not a line break.
    """
    items: list[object] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            items.append(loads_json(line))
        except json.JSONDecodeError as error:
            items.append(ReaderError(f"line {number}: invalid JSON ({error.msg})"))
        except JSONLimitError as error:
            items.append(ReaderError(f"line {number}: unreadable JSON ({error})"))
    return _records(path, items)


def read_csv(path: Path, text: str) -> ReadResult:
    """A ``.csv`` file with a ``text`` column and optional metadata columns."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    repeated = sorted({name for name in columns if name and columns.count(name) > 1})
    if repeated:  # DictReader would keep the last such column and lose the others
        raise ReaderError(f"CSV repeats the column {repeated[0]!r}; name each column once")
    if not any(name in columns for name in FIELD_NAMES["text"]):
        raise ReaderError(f"CSV has no 'text' column (columns: {', '.join(columns) or 'none'})")
    rows = [{(key or "").strip().lower(): value for key, value in row.items()} for row in reader]
    return _records(path, rows)


READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    "": read_plain_text,
    ".text": read_plain_text,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".csv": read_csv,
}


def _records(path: Path, items: Iterable[object], single: bool = False) -> ReadResult:
    results: ReadResult = []
    for number, item in enumerate(items, start=1):
        where = f"{path}#{number}"
        if isinstance(item, ReaderError):
            results.append(SkippedFile(where, str(item)))
        elif not isinstance(item, Mapping):
            results.append(SkippedFile(where, "record is not a JSON object"))
        else:
            text = _first(item, "text")
            if not isinstance(text, str) or not text.strip():
                results.append(SkippedFile(where, "record has no text"))
                continue
            record = _record_from_mapping(item, text)
            if record.id is None and not single:
                record = Record(**{**_as_dict(record), "id": f"{path.stem}:{number}"})
            results.append(record)
    return results


def _record_from_mapping(item: Mapping[str, object], text: str) -> Record:
    published = _first(item, "published")
    record_id = _first(item, "id")
    return Record(
        text=text,
        id=str(record_id) if record_id not in (None, "") else None,
        title=_text_or_none(_first(item, "title")),
        published=parse_date(str(published)) if published else None,
        source=_text_or_none(_first(item, "source")),
        url=_text_or_none(_first(item, "url")),
    )


def _first(item: Mapping[str, object], field: str) -> object:
    for name in FIELD_NAMES[field]:
        value = item.get(name)
        if value not in (None, ""):
            return value
    return None


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _as_dict(record: Record) -> dict[str, object]:
    return {name: getattr(record, name) for name in Record.__slots__}


def _html_metadata(soup: BeautifulSoup) -> dict[str, object]:
    """Title, date, source and URL from a page's meta tags, ``<title>`` and ``<time>``."""

    def meta(*names: str) -> str | None:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find(
                "meta", attrs={"name": name}
            )
            if isinstance(tag, Tag) and tag.get("content"):
                return str(tag["content"])
        return None

    heading = soup.find("h1")
    time_tag = soup.find("time", attrs={"datetime": True})
    canonical = soup.find("link", attrs={"rel": "canonical"})
    return {
        "title": meta("og:title", "twitter:title")
        or (soup.title.get_text() if soup.title else None)
        or (heading.get_text() if heading else None),
        "published": meta(
            "article:published_time",
            "date",
            "pubdate",
            "publish-date",
            "dc.date",
            "DC.date",
            "datePublished",
        )
        or (str(time_tag["datetime"]) if isinstance(time_tag, Tag) else None),
        "source": meta("og:site_name", "publisher"),
        "url": meta("og:url") or (str(canonical["href"]) if isinstance(canonical, Tag) else None),
    }
