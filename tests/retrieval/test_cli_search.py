"""``workbench search``: a table or JSON hits, and one-line errors."""

from __future__ import annotations

import json

from retrieval.moscow_articles import MOSCOW_ARTICLES

from workbench.cli import main


def test_the_search_command_prints_a_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "talks in Moscow", "--level", "passage", "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rank", "doc_id", "score", "start-end", "text", "also", "in"]
    assert len(lines) == 4 and {line.split()[1][:3] for line in lines[1:]} <= MOSCOW_ARTICLES


def test_the_search_command_names_the_overlapping_passages_it_folded(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "talks in Moscow", "--level", "passage", "--top", "3"]) == 0
    second = capsys.readouterr().out.splitlines()[2]
    assert second.split()[1] == "000_258fbde797f3b430"
    assert second.endswith("000_258fbde797f3b430[344:925]")


def test_the_search_command_keeps_duplicates_when_asked(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    arguments = ["search", "talks in Moscow", "--level", "passage", "--top", "3"]
    assert main([*arguments, "--keep-duplicates"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rank", "doc_id", "score", "start-end", "text"]
    assert [line.split()[1][:3] for line in lines[1:]] == ["001", "000", "000"]


def test_the_search_command_prints_json_hits_with_every_field(
    seeds_corpus, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "talks in Moscow", "--level", "document", "--top", "3", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["query"] == "talks in Moscow" and shown["level"] == "document"
    hits = shown["hits"]
    assert {hit["doc_id"][:3] for hit in hits} == MOSCOW_ARTICLES
    assert all(hit["score"] == round(hit["score"], 4) for hit in hits)
    assert set(hits[0]) == {
        "doc_id",
        "rank",
        "score",
        "text",
        "start",
        "end",
        "sentences",
        "matched_terms",
        "duplicates",
    }
    raw = seeds_corpus[hits[0]["doc_id"]].raw
    assert raw[hits[0]["start"] : hits[0]["end"]] == hits[0]["text"]


def test_the_search_command_reports_a_stop_word_query_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "the of"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("workbench: error: query 'the of' has only stop words")
    assert error.count("\n") == 1


def test_the_search_command_says_when_nothing_matches(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "zeppelin", "--doc", "000_258fbde797f3b430"]) == 0
    assert capsys.readouterr().out.strip() == "No sentence matches 'zeppelin'."
