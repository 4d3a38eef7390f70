"""Plain-text tables for the terminal, shared by the command line and the evaluations' reports.

One function lays out every table the workbench prints, so the command line and
the measurement reports align, shorten and blank cells the same way.
"""

from __future__ import annotations

from collections.abc import Sequence


def format_table(
    rows: Sequence[Sequence[object]],
    columns: Sequence[str],
    max_width: dict[str, int] | None = None,
) -> str:
    """Format rows as a plain-text table with aligned columns; long cells are shortened."""
    limits = max_width or {}
    cells = [
        [_cell(value, limits.get(name)) for value, name in zip(row, columns, strict=True)]
        for row in rows
    ]
    widths = [max([len(name), *(len(row[i]) for row in cells)]) for i, name in enumerate(columns)]
    lines = [
        "  ".join(name.ljust(width) for name, width in zip(columns, widths, strict=True)).rstrip()
    ]
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in cells
    ]
    return "\n".join(lines)


def _cell(value: object, limit: int | None) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
