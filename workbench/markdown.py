r"""Writing CommonMark that stays correct whatever the articles contain.

Article text is data, not markup: a headline with ``*``, a sentence quoting
``<script>`` or a title holding ``|`` must show as written, never as emphasis,
HTML or an extra table column. Every piece of source text goes through
:func:`escape` (or a helper built on it) before it is placed in Markdown:

- whitespace runs, newlines and control characters become one space, so text
  never starts a new block (a heading, a list, an indented code block);
- the characters that start inline markup (`````, ``*``, ``[``, ``]``, ``<``,
  ``>``, ``|``, ``~``, ``#``, ``\``) are backslash-escaped, ``_`` unless it
  sits inside a word (``000_258f`` stays readable), ``&`` where it would start
  an entity (``&amp;``);
- a leading list marker (``- ``, ``+ ``, ``1. ``) or a line of ``-`` or ``=`` is
  escaped, so the text can start a line.

Text that is already Markdown (a footnote reference, a link) is marked by
wrapping it in :class:`Markdown`, which the helpers pass through unchanged,
the way ``markupsafe.Markup`` works for HTML.

The output is CommonMark with two common extensions: tables (GitHub's pipe
tables) and footnotes (``[^1]``), as GitHub, GitLab, Pandoc and markdown-it render.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote

#: Characters escaped wherever they stand: each can open inline markup or raw HTML.
ALWAYS_ESCAPED = frozenset("\\`*[]<>|~#")

#: Column alignments :func:`markdown_table` accepts, and their delimiter cells.
ALIGNMENTS = {"left": "---", "right": "---:", "center": ":---:"}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ENTITY_START = re.compile(r"&(?=#[xX][0-9A-Fa-f]+;|#[0-9]+;|[A-Za-z][A-Za-z0-9]*;)")
# A list item ("- ", "+ ", "1. ", "1) "), or a line of "-" or "=" (a heading underline or a rule).
_LINE_START_MARKER = re.compile(r"^(?:[-+](?= |$)|\d{1,9}(?=[.)](?: |$))|[-=](?=[-= ]*$))")
_FOOTNOTE_LABEL = re.compile(r"[A-Za-z0-9-]+")


class Markdown(str):
    r"""Text that is already Markdown: the helpers of this module do not escape it again.

    Examples
    --------
    >>> escape(Markdown("**bold**")), escape("**bold**")
    ('**bold**', '\\*\\*bold\\*\\*')
    """

    __slots__ = ()


def one_line(text: str) -> str:
    r"""``text`` with every run of whitespace or control characters made one space, stripped.

    Examples
    --------
    >>> one_line("  Talks\n\tin  Moscow\x00 ")
    'Talks in Moscow'
    """
    return " ".join(_CONTROL.sub(" ", text).split())


def escape(text: str) -> Markdown:
    r"""Source text as Markdown that renders exactly as the text, on one line.

    Parameters
    ----------
    text : str
        Any text; a :class:`Markdown` value is returned unchanged.

    Returns
    -------
    Markdown
        Safe inline Markdown: no markup, HTML, entity or block marker survives,
        and newlines are spaces.

    Examples
    --------
    >>> print(escape("<b>Talks</b> | *Doha* & [more](x)"))
    \<b\>Talks\</b\> \| \*Doha\* & \[more\](x)
    >>> print(escape("# 1. _Talks_ in doc 000_258f &amp; co"))
    \# 1. \_Talks\_ in doc 000_258f \&amp; co
    >>> print(escape("- first line\nsecond line"))
    \- first line second line
    >>> print(escape("1. On 2.5 days"), escape("0.88"), escape("==="))
    1\. On 2.5 days 0.88 \===
    """
    if isinstance(text, Markdown):
        return text
    text = _ENTITY_START.sub("\x00", one_line(text))  # mark entity starts; no control char is left
    parts = []
    for position, character in enumerate(text):
        if character in ALWAYS_ESCAPED:
            parts.append("\\" + character)
        elif character == "\x00":
            parts.append("\\&")
        elif character == "_" and not _inside_word(text, position):
            parts.append("\\_")
        else:
            parts.append(character)
    escaped = "".join(parts)
    marker = _LINE_START_MARKER.match(escaped)
    if marker:  # it would start a list, underline a heading or draw a rule at a line's start
        cut = marker.end() if marker.group().isdigit() else 0
        escaped = f"{escaped[:cut]}\\{escaped[cut:]}"
    return Markdown(escaped)


def _inside_word(text: str, position: int) -> bool:
    """Whether the character at ``position`` has a letter or digit on both sides."""
    return (
        0 < position < len(text) - 1
        and text[position - 1].isalnum()
        and text[position + 1].isalnum()
    )


def code_span(text: str) -> Markdown:
    """``text`` as inline code, fenced by more backticks than it holds in a row.

    Examples
    --------
    >>> print(code_span("doc[0:5]"), code_span("a`b"), code_span("`x"))
    `doc[0:5]` ``a`b`` `` `x ``
    """
    text = one_line(text)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return Markdown(f"{fence}{padding}{text}{padding}{fence}")


def heading(text: str, level: int = 2) -> str:
    r"""An ATX heading line (``## text``) that source text cannot break.

    The text is made one line and escaped, so a newline cannot end the heading
    early and trailing ``#`` characters stay part of it.

    Raises
    ------
    ValueError
        If ``level`` is not 1 to 6, or the text is empty.

    Examples
    --------
    >>> heading("Who hosted #talks? ##\nnext", 3)
    '### Who hosted \\#talks? \\#\\# next'
    """
    if isinstance(level, bool) or level not in range(1, 7):
        raise ValueError(f"level must be 1, 2, 3, 4, 5 or 6; got {level!r}")
    content = escape(text)
    if not content:
        raise ValueError("a heading needs some text; got only whitespace")
    return f"{'#' * level} {content}"


def blockquote(text: str) -> str:
    r"""``text`` as a one-paragraph block quote (``> text``).

    Examples
    --------
    >>> blockquote("He said:\n> quoted")
    '> He said: \\> quoted'
    """
    return f"> {escape(text)}".rstrip()


def footnote_ref(label: str | int) -> Markdown:
    """A footnote reference, ``[^label]``.

    Raises
    ------
    ValueError
        If the label is not letters, digits and hyphens.

    Examples
    --------
    >>> footnote_ref(3)
    '[^3]'
    """
    return Markdown(f"[^{_footnote_label(label)}]")


def footnote(label: str | int, first: str, *blocks: str) -> str:
    """A footnote definition: a first paragraph, then further blocks indented under it.

    Parameters
    ----------
    label : str or int
        The label its references use.
    first : str
        The first paragraph (escaped unless it is :class:`Markdown`).
    *blocks : str
        Further Markdown blocks (a :func:`blockquote`, say), one line each.

    Examples
    --------
    >>> print(footnote(1, "Document a, characters 0–5:", blockquote("Hello")))
    [^1]: Document a, characters 0–5:
    <BLANKLINE>
        > Hello
    """
    lines = [f"[^{_footnote_label(label)}]: {escape(first)}"]
    for block in blocks:
        if "\n" in block:
            raise ValueError("a footnote block must be one line; got a newline in it")
        lines += ["", f"    {block}"]
    return "\n".join(lines)


def _footnote_label(label: str | int) -> str:
    text = str(label)
    if not _FOOTNOTE_LABEL.fullmatch(text):
        raise ValueError(f"a footnote label must be letters, digits or '-'; got {text!r}")
    return text


def image(alt: str, destination: str) -> Markdown:
    r"""An image, ``![alt](destination)``, the destination percent-encoded.

    Examples
    --------
    >>> image("Timeline [draft]", "my briefing (v2)-timeline.png")
    '![Timeline \\[draft\\]](my%20briefing%20%28v2%29-timeline.png)'
    """
    return Markdown(f"![{escape(alt)}]({quote(destination, safe='/')})")


def link(text: str, destination: str) -> Markdown:
    """A link, ``[text](destination)``: the text escaped, the destination percent-encoded.

    Examples
    --------
    >>> link(image("Timeline", "a b.png"), "a b.png")
    '[![Timeline](a%20b.png)](a%20b.png)'
    """
    return Markdown(f"[{escape(text)}]({quote(destination, safe='/')})")


def markdown_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    align: Sequence[str] | None = None,
    missing: str = "",
) -> str:
    r"""A pipe table; every cell is escaped, so source text cannot add or split a column.

    Parameters
    ----------
    columns : sequence of str
        The header cells.
    rows : iterable of sequences
        One value per column. Strings are escaped (a :class:`Markdown` value is
        kept as it is), ``None`` becomes ``missing``, anything else ``str(value)``.
    align : sequence of str, optional
        ``"left"``, ``"right"`` or ``"center"`` for each column; left by default.
    missing : str
        What a ``None`` cell shows.

    Returns
    -------
    str
        The table's lines, without a trailing newline.

    Raises
    ------
    ValueError
        If there are no columns, a row has another number of cells, an alignment is
        unknown, or a :class:`Markdown` cell holds a newline.

    Examples
    --------
    >>> rows = [["Moscow | Russia", 495]]
    >>> print(markdown_table(["host", "words"], rows, align=["left", "right"]))
    | host | words |
    | --- | ---: |
    | Moscow \| Russia | 495 |
    """
    if not columns:
        raise ValueError("a table needs at least one column")
    align = list(align) if align is not None else ["left"] * len(columns)
    if len(align) != len(columns):
        raise ValueError(f"align must give {len(columns)} alignments; got {len(align)}")
    unknown = [name for name in align if name not in ALIGNMENTS]
    if unknown:
        raise ValueError(f"alignment must be one of {', '.join(ALIGNMENTS)}; got {unknown[0]!r}")
    lines = [_row(columns, missing), _row([Markdown(ALIGNMENTS[name]) for name in align], missing)]
    for number, row in enumerate(rows, start=1):
        if len(row) != len(columns):
            raise ValueError(f"row {number} has {len(row)} cells; the table has {len(columns)}")
        lines.append(_row(row, missing))
    return "\n".join(lines)


def _row(values: Sequence[object], missing: str) -> str:
    return "| " + " | ".join(table_cell(value, missing=missing) for value in values) + " |"


def table_cell(value: object, *, missing: str = "") -> str:
    r"""One table cell's Markdown: escaped text, ``missing`` for ``None``.

    Raises
    ------
    ValueError
        If ``value`` is :class:`Markdown` with a newline (it would end the row).

    Examples
    --------
    >>> table_cell("a|b\nc"), table_cell(None, missing="—"), table_cell(12)
    ('a\\|b c', '—', '12')
    """
    if value is None:
        return escape(missing)
    if isinstance(value, Markdown):
        if "\n" in value or "\r" in value:
            raise ValueError(f"a Markdown table cell must be one line; got {value!r}")
        return value
    return escape(value if isinstance(value, str) else str(value))
