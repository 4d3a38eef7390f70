"""Reading each file format: Markdown, HTML, JSON, JSON Lines and CSV."""

from __future__ import annotations

import json
from datetime import date

from corpus.corpus_checks import (
    assert_offsets_hold,
    folder_with_good_article,
    sentence_texts,
    skip_reasons,
)

from workbench import load_corpus


def test_markdown_front_matter_gives_title_and_date(tmp_path):
    (tmp_path / "talks.md").write_text(
        '---\ntitle: "Talks in Doha"\ndate: 2021-07-17\n---\n'
        "# Envoys meet\n\nEnvoys met in Doha on Monday. They agreed to meet again.\n",
        encoding="utf-8",
    )
    document = load_corpus(tmp_path)["talks"]
    assert document.title == "Talks in Doha"
    assert document.published == date(2021, 7, 17)
    assert not any("title:" in text or "---" in text for text in sentence_texts(document))
    assert document.sentences[0].is_heading and document.sentences[0].text == "Envoys meet"
    assert sentence_texts(document)[1:] == [
        "Envoys met in Doha on Monday.",
        "They agreed to meet again.",
    ]
    assert_offsets_hold(load_corpus(tmp_path))


def test_html_keeps_the_main_text_and_reads_title_and_date_from_meta_tags(tmp_path):
    (tmp_path / "page.html").write_text(
        "<!doctype html><html><head><title>Page | Site</title>"
        '<meta property="og:title" content="Envoys meet in Doha">'
        '<meta property="article:published_time" content="2020-02-29T10:00:00Z">'
        '<script>var prompt = "Subscribe now";</script></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World news menu</a></nav>'
        "<article><h1>Envoys meet in Doha</h1>"
        "<p>Envoys met in Doha on Monday. They agreed to meet again.</p>"
        "<p>The talks will resume next week.</p></article>"
        "<footer>Contact us about our cookie policy</footer></body></html>",
        encoding="utf-8",
    )
    document = load_corpus(tmp_path)["page"]
    assert document.title == "Envoys meet in Doha"
    assert document.published == date(2020, 2, 29)
    text = " ".join(sentence_texts(document))
    for furniture in ("Home", "World news menu", "prompt", "cookie"):
        assert furniture not in text
    assert sentence_texts(document)[1:] == [
        "Envoys met in Doha on Monday.",
        "They agreed to meet again.",
        "The talks will resume next week.",
    ]


def test_a_json_file_may_hold_one_record(tmp_path):
    record = {"text": "Envoys met in Doha. They agreed.", "title": "Doha", "date": "2020-01-02"}
    (tmp_path / "single.json").write_text(json.dumps(record), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("single",)
    assert corpus["single"].title == "Doha"
    assert corpus["single"].published == date(2020, 1, 2)


def test_a_json_list_gives_numbered_ids_unless_a_record_has_its_own(tmp_path):
    records = [{"text": "First record here. It continues."}, {"text": "Second.", "id": "rec-2"}]
    (tmp_path / "many.json").write_text(json.dumps(records), encoding="utf-8")
    assert load_corpus(tmp_path).ids == ("many:1", "rec-2")


def test_a_json_object_with_a_documents_list_is_read_as_records(tmp_path):
    data = {"documents": [{"text": "Wrapped record text. Indeed it is.", "source": "Wire"}]}
    (tmp_path / "wrapped.json").write_text(json.dumps(data), encoding="utf-8")
    document = load_corpus(tmp_path)["wrapped:1"]
    assert document.source == "Wire"
    assert sentence_texts(document) == ["Wrapped record text.", "Indeed it is."]


def test_a_bad_jsonl_line_is_skipped_with_its_reason_while_the_others_load(tmp_path):
    (tmp_path / "lines.jsonl").write_text(
        '{"text": "Line one record. Fine."}\n'
        "{not json\n"
        '{"text": "Line three record.", "id": "custom"}\n',
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("lines:1", "custom")
    assert "invalid JSON" in skip_reasons(corpus)["lines.jsonl#2"]


def test_a_record_without_text_is_skipped(tmp_path):
    lines = ['{"title": "No body"}', '{"text": "Body here. Good."}', "[1, 2]"]
    (tmp_path / "mixed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("mixed:2",)
    reasons = skip_reasons(corpus)
    assert reasons["mixed.jsonl#1"] == "record has no text"
    assert reasons["mixed.jsonl#3"] == "record is not a JSON object"


def test_csv_reads_the_text_column_and_optional_columns(tmp_path):
    (tmp_path / "table.csv").write_text(
        "title,text,date,url\n"
        'Doha talks,"Envoys met in Doha. They agreed.",2021-01-05,https://example.org/a\n'
        "Moscow talks,Talks resumed in Moscow.,,\n",
        encoding="utf-8",
    )
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("table:1", "table:2")
    first, second = corpus
    assert (first.title, first.published, first.url) == (
        "Doha talks",
        date(2021, 1, 5),
        "https://example.org/a",
    )
    assert second.published is None
    assert sentence_texts(first) == ["Envoys met in Doha.", "They agreed."]


def test_a_csv_without_a_text_column_is_skipped_with_its_reason(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "table.csv").write_text("headline,summary\nX,Y\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert "no 'text' column" in skip_reasons(corpus)["table.csv"]


def test_an_invalid_json_file_is_skipped_with_its_reason(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    assert "invalid JSON" in skip_reasons(load_corpus(tmp_path))["broken.json"]


def test_a_single_file_can_be_loaded_as_a_corpus(tmp_path):
    path = folder_with_good_article(tmp_path) / "good.txt"
    assert load_corpus(path).ids == ("good",)
