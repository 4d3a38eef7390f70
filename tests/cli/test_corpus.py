"""The ``workbench corpus`` command: the overview, JSON output, and the files skipped."""

from __future__ import annotations

import json

from workbench.cli import main


def test_corpus_prints_the_five_seeds_with_the_date_of_004(capsys):
    assert main(["corpus"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("5 documents in ")
    for doc_id in ("000_258fbde797f3b430", "003_daaee59f7b39963c", "004_55b560d3e012caba"):
        assert doc_id in out
    assert "2021-07-17" in out
    assert "Russia hosts Afghan peace talks with Taliban" in out
    assert "skipped" not in out


def test_corpus_json_lists_documents_and_skipped_files(capsys, tmp_path):
    (tmp_path / "talks.txt").write_text("Envoys met in Doha. They agreed.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["corpus", "--corpus", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"documents", "skipped"}
    [document] = data["documents"]
    assert document["doc_id"] == "talks"
    assert document["sentences"] == 2
    assert data["skipped"] == [{"path": "empty.txt", "reason": "empty file"}]


def test_corpus_json_of_the_seeds_gives_iso_dates(capsys):
    assert main(["corpus", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    published = {row["doc_id"]: row["published"] for row in data["documents"]}
    assert published["004_55b560d3e012caba"] == "2021-07-17"
    assert published["000_258fbde797f3b430"] is None
    assert data["skipped"] == []


def test_corpus_lists_skipped_files_with_their_reasons_under_the_table(capsys, tmp_path):
    (tmp_path / "talks.txt").write_text("Envoys met in Doha. They agreed.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    assert main(["corpus", "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 skipped:" in out
    assert "photo.png  unsupported file type '.png'" in out


def test_corpus_lists_dated_articles_by_date_and_json_keeps_the_file_order(capsys, tmp_path):
    (tmp_path / "a.md").write_text(
        "---\ndate: 2026-03-09\n---\nOslo hosted fisheries talks in March.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Bergen will host a summit on fisheries.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(
        "---\ndate: 2026-01-12\n---\nNorway opened fisheries talks in January.\n", encoding="utf-8"
    )
    assert main(["corpus", "--corpus", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith(", by publication date (undated last)")
    assert out.index("2026-01-12") < out.index("2026-03-09") < out.index("\nb ")
    assert main(["corpus", "--corpus", str(tmp_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [row["doc_id"] for row in data["documents"]] == ["a", "b", "c"]
