"""The tables the commands print: :func:`workbench.terminal.format_table`."""

from __future__ import annotations

from workbench.terminal import format_table


def test_format_table_aligns_columns_and_shortens_long_cells():
    table = format_table(
        [["a", "short", None], ["bb", "a much longer cell", 3]],
        ["id", "text", "n"],
        max_width={"text": 8},
    )
    assert table.splitlines() == ["id  text      n", "a   short", "bb  a much …  3"]


def test_right_aligned_columns_line_up_their_digits_under_a_right_aligned_name():
    table = format_table([["lead", "0.5"], ["textrank", "12.25"]], ["method", "score"],
                         align_right={"score"})  # fmt: skip
    assert table.splitlines() == ["method    score", "lead        0.5", "textrank  12.25"]


def test_a_minimum_width_keeps_a_column_as_wide_whatever_its_cells():
    table = format_table([["a", "1"]], ["id", "n"], align_right={"n"}, min_width={"n": 4})
    assert table.splitlines() == ["id     n", "a      1"]


def test_the_gap_between_columns_and_a_title_line_can_be_given():
    table = format_table([["a", "b"]], ["x", "y"], gap=" | ", title="Two columns")
    assert table.splitlines() == ["Two columns", "x | y", "a | b"]


def test_a_table_without_rows_is_its_title_and_header():
    assert format_table([], ["id", "n"], title="none") == "none\nid  n"


def test_a_table_is_narrowed_to_the_width_it_must_fit_text_columns_first():
    from workbench.terminal import format_table

    rows = [["000_258fbde797f3b430", "Russia will host international talks on Afghanistan", 30]]
    columns = ["doc_id", "title", "sentences"]
    table = format_table(rows, columns, max_width={"title": 60}, width=50)
    assert all(len(line) <= 50 for line in table.splitlines())
    assert "000_258fbde797f3b430" in table and "…" in table  # the id is whole, the title cut
    assert format_table(rows, columns, max_width={"title": 60}, width=None).count("…") == 0


def test_output_to_a_pipe_is_not_narrowed(capsys):
    from workbench.terminal import terminal_width

    assert terminal_width() is None  # pytest's captured stdout is not a terminal
