"""Reading Markdown back with a CommonMark parser, for the tests of what the workbench writes.

markdown-it with GitHub's pipe tables and the footnote plugin: the parser the
tests trust to say what a renderer would make of the workbench's Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

PARSER = MarkdownIt("commonmark").enable("table").use(footnote_plugin)

#: Inline tokens of the emphasis the workbench writes itself (``**answer**``, ``*no answer*``).
EMPHASIS = frozenset({"strong_open", "strong_close", "em_open", "em_close"})


def inline_text(token: Token, *, emphasis: bool = False) -> str:
    """What an inline token shows: its text, ``[^label]`` for a footnote reference.

    Any other markup shows as ``<type>`` (``<link_open>``, ``<html_inline>``), so
    a test sees it; with ``emphasis``, bold and italics are allowed and dropped.
    """
    parts = []
    for child in token.children or []:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type == "footnote_ref":
            parts.append(f"[^{child.meta['label']}]")
        elif child.type == "softbreak":
            parts.append("\n")
        elif not (emphasis and child.type in EMPHASIS):
            parts.append(f"<{child.type}>")
    return "".join(parts)


@dataclass
class Parsed:
    """What a Markdown text holds, as a reader sees it."""

    headings: list[tuple[int, str]] = field(default_factory=list)
    tables: list[list[list[str]]] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)
    html: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)


def parse(markdown: str) -> Parsed:
    """The headings, table cells, footnote references and notes, raw HTML and images.

    Table cells and notes are given as :func:`inline_text` with emphasis allowed;
    a note is the list of its paragraphs' texts.
    """
    parsed = Parsed()
    tokens = PARSER.parse(markdown)
    table = row = note = None
    for position, token in enumerate(tokens):
        kind = token.type
        if kind.startswith("html"):
            parsed.html.append(token.content)
        elif kind == "heading_open":
            parsed.headings.append((int(token.tag[1]), inline_text(tokens[position + 1])))
        elif kind == "table_open":
            table = []
        elif kind == "table_close":
            parsed.tables.append(table)
            table = None
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            table.append(row)
            row = None
        elif kind == "footnote_open":
            note = token.meta["label"]
            parsed.notes[note] = []
        elif kind == "footnote_close":
            note = None
        elif kind == "inline":
            _read_inline(token, parsed, row if row is not None else parsed.notes.get(note))
    return parsed


def _read_inline(token: Token, parsed: Parsed, into: list[str] | None) -> None:
    if into is not None:
        into.append(inline_text(token, emphasis=True))
    for child in token.children or []:
        if child.type == "footnote_ref":
            parsed.references.append(child.meta["label"])
        elif child.type.startswith("html"):
            parsed.html.append(child.content)
        elif child.type == "image":
            parsed.images.append(child.attrs["src"])
