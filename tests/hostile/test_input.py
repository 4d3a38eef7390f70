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


def test_a_quoted_paywall_phrase_mid_article_cuts_nothing():
    from workbench.corpus.document import build_document

    middle = 'The minister said: "You have reached the limit of our patience."'
    body = " ".join(f"Talks went on in Doha for day {n} of the round." for n in range(12))
    text = f"Envoys met in Doha on Monday.\n\n{middle}\n\n{body}\n"
    document = build_document(text, "quoted")
    assert document.sentences[-1].text.endswith("day 11 of the round.")
    assert all(span.reason != "paywall block" for span in document.removed)


def test_a_paywall_line_at_the_end_still_cuts_the_block_after_it():
    from workbench.corpus.document import build_document

    text = (
        "Envoys met in Doha on Monday to discuss a ceasefire.\n\n"
        "The talks lasted until late in the evening, officials said.\n\n"
        "You have reached the limit of free articles this month.\nSubscribe for $1\n"
    )
    document = build_document(text, "walled")
    assert len(document.sentences) == 2
    assert document.removed[-1].reason == "paywall block"


def test_a_paywall_written_with_a_straight_apostrophe_is_still_a_paywall():
    from workbench.corpus.document import build_document

    text = (
        "Envoys met in Doha on Monday to discuss a ceasefire.\n\n"
        "The talks lasted until late in the evening, officials said.\n\n"
        "You've reached your limit of 5 free articles.\nIt is great.\n"
    )
    assert [s.text for s in build_document(text, "w").sentences][-1].startswith("The talks")


def test_a_text_without_full_stops_is_cut_into_bounded_sentences_with_exact_offsets():
    from workbench.corpus.document import build_document
    from workbench.corpus.segment import MAX_SENTENCE_CHARACTERS

    text = "Qatar hosted talks in Doha " + "and the envoys spoke at length " * 40_000
    document = build_document(text, "no-stops")  # 1.2 million characters, one "sentence"
    assert max(len(s.text) for s in document.sentences) <= MAX_SENTENCE_CHARACTERS
    assert all(document.raw[s.start : s.end] == s.text for s in document.sentences)
    assert "".join(s.text for s in document.sentences).replace(" ", "") == text.replace(" ", "")


def test_events_read_a_long_run_on_text(full_nlp):
    from workbench.corpus.document import build_document
    from workbench.events import extract_events

    text = "Qatar hosted talks in Doha on Monday with " + "envoys of Oman and Iran " * 2_500
    events = extract_events([build_document(text, "run-on")], nlp=full_nlp)
    assert {event.doc_id for event in events} == {"run-on"}  # read, not refused


def test_text_utf8_cannot_encode_is_read_searched_asked_and_exported(tmp_path, capsys):
    import json
    import os

    from workbench.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "Qatar hosted talks in Doha on Monday. The envoy \ud800 spoke at length."
    record = {"id": "a", "text": text}
    line = json.dumps(record)  # ASCII, with the lone surrogate written as \ud800
    (folder / "records.jsonl").write_text(line + "\n", encoding="utf-8")
    name = os.path.join(os.fsencode(folder), b"caf\xe9.txt")  # not UTF-8
    with open(name, "w", encoding="utf-8") as handle:
        handle.write("Oman hosted talks in Muscat on Friday. They ended.")

    assert main(["corpus", "--corpus", str(folder), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert sorted(row["doc_id"] for row in shown["documents"]) == ["a", "caf%E9"]
    assert main(["search", "Muscat", "--corpus", str(folder)]) == 0
    assert "caf%E9" in capsys.readouterr().out
    assert main(["ask", "Who hosted talks in Muscat?", "--corpus", str(folder)]) == 0
    assert "Oman" in capsys.readouterr().out
    out = tmp_path / "briefing.md"
    assert main(["export", "--corpus", str(folder), "--out", str(out)]) == 0
    assert "\ufffd" in out.read_text(encoding="utf-8")  # the surrogate, made U+FFFD
    from workbench.corpus import load_corpus

    reasons = [span.reason for span in load_corpus(folder)["a"].removed]
    assert "characters UTF-8 cannot encode (shown as U+FFFD)" in reasons


def test_links_outside_the_corpus_pdfs_huge_numbers_deep_json_and_deep_folders(tmp_path):
    from workbench.corpus.load import load_corpus

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "ok.txt").write_text("Oman hosted talks in Muscat. They ended.", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("a password file outside the corpus", encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    (folder / "report.pdf.txt").write_bytes(b"%PDF-1.4\nstream of text-like bytes\n")
    (folder / "big.jsonl").write_text('{"text": "Talks.", "n": ' + "9" * 5000 + "}\n", "utf-8")
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    deep = folder
    for level in range(300):  # deeper than the recursion a recursive walk would allow
        deep = deep / f"d{level % 10}"
    deep.mkdir(parents=True)
    (deep / "bottom.txt").write_text("Qatar hosted talks in Doha. They ended.", encoding="utf-8")

    corpus = load_corpus(folder)
    assert set(corpus.ids) == {"ok", "bottom"}
    reasons = {item.path: item.reason for item in corpus.skipped}
    assert reasons["link.txt"] == "symbolic link to outside the corpus folder (not followed)"
    assert reasons["report.pdf.txt"].startswith("a PDF document")
    assert "too many digits" in reasons["big.jsonl#1"]
    assert "nested too deeply" in reasons["deep.json"]
    assert "outside the corpus" in load_corpus(folder, follow_links=True)["link"].raw


def test_an_empty_corpus_option_and_ctrl_c_give_one_line(capsys, monkeypatch):
    import argparse

    import pytest

    from workbench import cli

    with pytest.raises(SystemExit):
        cli.main(["corpus", "--corpus", ""])
    assert "is empty" in capsys.readouterr().err

    def interrupted(arguments):
        raise KeyboardInterrupt

    parser = argparse.ArgumentParser()
    parser.set_defaults(command=interrupted)
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    assert cli.main([]) == 130
    assert capsys.readouterr().err == "workbench: interrupted\n"


def test_eval_commands_on_bad_data_give_one_line(tmp_path, capsys):
    from workbench.cli import main

    (tmp_path / "dates" / "data").mkdir(parents=True)
    (tmp_path / "dates" / "data" / "a.json").write_text("{bad", encoding="utf-8")
    (tmp_path / "summaries").mkdir()
    (tmp_path / "summaries" / "manifest.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    for argv, message in [
        (["eval", "dates", "--data", str(tmp_path / "dates")], "cannot read the Giveme5W1H"),
        (["eval", "summaries", "--data", str(tmp_path / "summaries")], "is not a manifest"),
    ]:
        assert main(argv) == 2
        error = capsys.readouterr().err
        assert message in error and error.count("\n") == 1


def test_escape_codes_in_file_names_and_questions_never_reach_the_terminal(tmp_path, capsys):
    from workbench.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "evil\x1b[31mred.txt").write_text("Qatar hosted talks in Doha.", encoding="utf-8")
    assert main(["corpus", "--corpus", str(folder)]) == 0
    assert main(["ask", "Who hosted \x1b[2J talks?", "--corpus", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "evil\\x1b[31mred" in out and "\\x1b[2J" in out


def test_an_html_page_is_decoded_in_the_charset_it_declares(tmp_path):
    from workbench.corpus.load import load_corpus

    page = (
        '<html><head><meta charset="shift_jis"><title>会談</title></head>'
        "<body><p>東京で会談が開かれた。Talks were held in Tokyo on Monday.</p></body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode("shift_jis"))
    document = load_corpus(tmp_path)["page"]
    assert "東京で会談" in document.raw
    assert document.encoding == "shift_jis"


def test_a_corpus_path_longer_than_the_system_allows_is_one_line(capsys):
    from workbench.cli import main

    assert main(["corpus", "--corpus", "a/" * 2100]) == 2
    error = capsys.readouterr().err
    assert "cannot open the corpus" in error and error.count("\n") == 1 and len(error) < 200


def test_an_os_error_nothing_foresaw_is_one_line(capsys, monkeypatch):
    import argparse
    import errno

    from workbench import cli

    def refused(arguments):
        raise OSError(errno.EACCES, "Permission denied", "/some/where")

    parser = argparse.ArgumentParser()
    parser.set_defaults(command=refused)
    monkeypatch.setattr(cli, "build_parser", lambda: parser)
    assert cli.main([]) == 2
    assert capsys.readouterr().err == "workbench: error: Permission denied (/some/where)\n"
