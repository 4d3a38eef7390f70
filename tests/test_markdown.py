"""Markdown helpers: whatever the source text, it renders literally and keeps the structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_reading import PARSER, inline_text, parse

from workbench.markdown import (
    Markdown,
    blockquote,
    code_span,
    escape,
    footnote,
    footnote_ref,
    heading,
    image,
    link,
    markdown_table,
    one_line,
    table_cell,
)

HOSTILE = [
    "<script>alert('x')</script> & <b>bold</b>",
    "# Not a heading ##",
    "| a | b |",
    "*stars* and _underscores_ and __double__ and ***triple***",
    "[x](http://example.com) ![img](y.png) [^1] [ref]: /url",
    "`code` and ``double`` and a lone ` backtick",
    "line one\nline two\r\n\n# heading after a blank line\n    indented code",
    "- a list item",
    "+ another",
    "1. ordered",
    "12) ordered too",
    "> a quote",
    "---",
    "===",
    "~~strike~~ and ~~~ fence",
    "trailing backslash \\",
    "&amp; &copy; &#169; &#xA9; AT&T",
    "<http://example.com> and <mail@example.com>",
    "\\*escaped already\\*",
    "  leading and trailing spaces  ",
    "tab\tseparated\x00nul\x7fdel",
]


def block_types(markdown: str) -> list[str]:
    return [token.type for token in PARSER.parse(markdown) if token.type != "inline"]


def paragraph_text(markdown: str) -> str:
    tokens = PARSER.parse(markdown)
    assert [token.type for token in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    return inline_text(tokens[1])


# --- escape ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_one_paragraph_of_exactly_the_text(text):
    assert paragraph_text(escape(text)) == one_line(text)
    assert "<script" not in PARSER.render(escape(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40))
def test_any_text_survives_escaping_unchanged(text):
    if one_line(text):
        assert paragraph_text(escape(text)) == one_line(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="*_`[]()<>!#|\\&;-+=.1 ~:^xa\n", min_size=1, max_size=30))
def test_markup_characters_in_any_order_survive_escaping(text):
    if one_line(text):
        assert paragraph_text(escape(text)) == one_line(text)


def test_words_joined_by_underscores_and_plain_punctuation_stay_readable():
    assert escape("doc 000_258fbde797f3b430 costs 0.88, not 1.5 (or so)!") == (
        "doc 000_258fbde797f3b430 costs 0.88, not 1.5 (or so)!"
    )


def test_text_already_marked_as_markdown_is_not_escaped_again():
    reference = footnote_ref(2)
    assert isinstance(reference, Markdown)
    assert escape(reference) == "[^2]"
    assert escape(escape("*a*")) == escape("*a*")


# --- headings, quotes, code, images -----------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_a_heading_holds_all_of_its_text_and_nothing_else(text):
    tokens = PARSER.parse(heading(text, 3) + "\n\nAfter.")
    assert [token.type for token in tokens[:3]] == ["heading_open", "inline", "heading_close"]
    assert tokens[0].tag == "h3"
    assert inline_text(tokens[1]) == one_line(text)
    assert paragraph_text("After.") == "After."


@pytest.mark.parametrize("level", [0, 7, True, "2"])
def test_a_heading_level_outside_one_to_six_is_refused(level):
    with pytest.raises(ValueError, match="level must be 1, 2, 3, 4, 5 or 6"):
        heading("Title", level)


def test_a_heading_without_text_is_refused():
    with pytest.raises(ValueError, match="a heading needs some text"):
        heading(" \n\t ")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_blockquote_quotes_the_text_in_one_paragraph(text):
    tokens = PARSER.parse(blockquote(text))
    assert [token.type for token in tokens] == [
        "blockquote_open", "paragraph_open", "inline", "paragraph_close", "blockquote_close",
    ]  # fmt: skip
    assert inline_text(tokens[2]) == one_line(text)


@pytest.mark.parametrize("text", ["doc[0:5]", "a`b", "`x", "x``", "a ``` b"])
def test_a_code_span_shows_its_text_even_with_backticks(text):
    tokens = PARSER.parse(code_span(text))
    children = tokens[1].children
    assert [child.type for child in children] == ["code_inline"]
    assert children[0].content == text


def test_a_linked_image_opens_its_own_file():
    tokens = PARSER.parse(link(image("Timeline", "a (b).png"), "a (b).png"))
    kinds = [child.type for child in tokens[1].children]
    assert kinds == ["link_open", "image", "link_close"]
    assert (
        tokens[1].children[0].attrs["href"]
        == tokens[1].children[1].attrs["src"]
        == "a%20%28b%29.png"
    )


def test_an_image_destination_is_percent_encoded():
    tokens = PARSER.parse(image("Timeline <of> [events]", "my briefing (v2)-timeline.png"))
    picture = tokens[1].children[0]
    assert picture.type == "image"
    assert picture.attrs["src"] == "my%20briefing%20%28v2%29-timeline.png"
    assert inline_text(picture) == "Timeline <of> [events]"


# --- footnotes ----------------------------------------------------------------------------------


def test_a_footnote_holds_its_first_paragraph_and_an_indented_quote():
    source = "Claim.[^7]\n\n" + footnote(7, "Document a|b, characters 0–5:", blockquote("<i>Hi"))
    tokens = PARSER.parse(source)
    types = [token.type for token in tokens]
    start, end = types.index("footnote_open"), types.index("footnote_close")
    inside = tokens[start:end]
    inlines = [inline_text(token) for token in inside if token.type == "inline"]
    assert inlines == ["Document a|b, characters 0–5:", "<i>Hi"]
    assert "blockquote_open" in [token.type for token in inside]


@pytest.mark.parametrize("label", ["a b", "x]", "", "^1"])
def test_a_footnote_label_with_other_characters_is_refused(label):
    with pytest.raises(ValueError, match="a footnote label must be"):
        footnote_ref(label)


def test_a_footnote_block_of_several_lines_is_refused():
    with pytest.raises(ValueError, match="a footnote block must be one line"):
        footnote(1, "First", "two\nlines")


# --- tables ---------------------------------------------------------------------------------------


def table_rows(markdown: str) -> list[list[str]]:
    (table,) = parse(markdown).tables
    return table


def test_a_table_keeps_every_cell_whatever_the_text_holds():
    rows = [[text, index, None] for index, text in enumerate(HOSTILE)]
    markdown = markdown_table(["text | pipe", "n", "missing"], rows, missing="—")
    parsed = table_rows(markdown)
    assert parsed[0] == ["text | pipe", "n", "missing"]
    assert parsed[1:] == [[one_line(text), str(index), "—"] for index, text in enumerate(HOSTILE)]
    assert "<script" not in PARSER.render(markdown)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=20), min_size=1, max_size=4))
def test_any_cells_make_one_row_of_the_same_cells(cells):
    parsed = table_rows(markdown_table([f"c{n}" for n in range(len(cells))], [cells]))
    assert parsed[1] == [one_line(cell) for cell in cells]


def test_markdown_cells_keep_their_markup():
    markdown = markdown_table(["answer"], [[Markdown("**Moscow**[^1]")]]) + "\n\n[^1]: Note."
    tokens = PARSER.parse(markdown)
    cell = next(t for t in tokens if t.type == "inline" and "Moscow" in t.content)
    kinds = [child.type for child in cell.children if child.content or child.type != "text"]
    assert kinds == ["strong_open", "text", "strong_close", "footnote_ref"]


def test_right_aligned_columns_are_marked_in_the_delimiter_row():
    markdown = markdown_table(["a", "b", "c"], [], align=["left", "right", "center"])
    assert markdown.splitlines()[1] == "| --- | ---: | :---: |"


@pytest.mark.parametrize(
    ("columns", "rows", "align", "message"),
    [
        ([], [], None, "a table needs at least one column"),
        (["a", "b"], [["only one"]], None, "row 1 has 1 cells; the table has 2"),
        (["a"], [], ["middle"], "alignment must be one of left, right, center"),
        (["a", "b"], [], ["left"], "align must give 2 alignments"),
        (["a"], [[Markdown("two\nlines")]], None, "a Markdown table cell must be one line"),
    ],
)
def test_a_malformed_table_is_refused(columns, rows, align, message):
    with pytest.raises(ValueError, match=message):
        markdown_table(columns, rows, align=align)


def test_a_cell_shows_numbers_and_missing_values_as_text():
    assert table_cell(3) == "3"
    assert table_cell(None) == ""
    assert table_cell(None, missing="n/a") == "n/a"
    assert block_types(markdown_table(["x"], [[None]])) == [
        "table_open", "thead_open", "tr_open", "th_open", "th_close", "tr_close", "thead_close",
        "tbody_open", "tr_open", "td_open", "td_close", "tr_close", "tbody_close", "table_close",
    ]  # fmt: skip
