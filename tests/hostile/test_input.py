"""Hostile input: each case that once crashed or lost data, kept fixed (issue 11)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from workbench.corpus import load_corpus
from workbench.dates import resolve_date


def test_a_date_before_year_one_stays_unknown_instead_of_crashing():
    published = date(2020, 1, 1)
    for text in ("7000 YEARS AGO", "30000 months ago", "99999999 weeks ago"):
        resolved = resolve_date(text, published)
        assert resolved.iso is None, text
    assert resolve_date("3 years ago", published).iso == "2017-01-01"


def test_a_line_separator_inside_a_jsonl_record_does_not_split_it(tmp_path):
    records = [
        {"id": "a", "text": "The summit opened in Oslo.\u2028Delegates arrived on Monday."},
        {"id": "b", "text": "Talks resumed in Doha.\u2029They ended on Friday."},
    ]
    (tmp_path / "news.jsonl").write_text(
        "\r\n".join(json.dumps(record, ensure_ascii=False) for record in records),
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 2 and not corpus.skipped
    assert "Delegates arrived on Monday" in corpus[0].raw
    assert "They ended on Friday" in corpus[1].raw


def test_one_stray_nul_byte_keeps_the_article(tmp_path):
    body = "Norway hosted the climate summit in Bergen on Friday. " * 20
    data = body.encode("utf-8")
    (tmp_path / "stray.txt").write_bytes(data[:100] + b"\x00" + data[100:])
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("stray",)
    assert "\ufffd" in corpus["stray"].raw and "Bergen" in corpus["stray"].raw
    assert [Path(skipped.path).name for skipped in corpus.skipped] == ["binary.txt"]


def test_files_that_differ_only_by_suffix_are_both_kept(tmp_path):
    (tmp_path / "a.txt").write_text("Norway hosted the summit in Bergen.", encoding="utf-8")
    (tmp_path / "a.md").write_text("# Talks\n\nQatar hosted talks in Doha.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Chile hosted the conference in Santiago.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert sorted(corpus.ids) == ["a.md", "a.txt", "b"]
    assert not corpus.skipped
    assert "Doha" in corpus["a.md"].raw and "Bergen" in corpus["a.txt"].raw


def test_a_csv_that_repeats_its_text_column_is_skipped_with_the_column_named(tmp_path):
    (tmp_path / "twice.csv").write_text(
        "id,text,Text\nx,Norway hosted the summit.,Qatar hosted the talks.\n", encoding="utf-8"
    )
    (tmp_path / "good.txt").write_text("Chile hosted the conference.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    [skipped] = corpus.skipped
    assert "repeats the column 'text'" in skipped.reason
