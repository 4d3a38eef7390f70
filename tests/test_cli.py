"""The ``workbench corpus`` command: the overview, JSON output, and clean errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import EXIT_USAGE, format_table, main


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


def test_a_missing_corpus_folder_exits_2_with_one_line_on_stderr(capsys, tmp_path):
    assert main(["corpus", "--corpus", str(tmp_path / "missing")]) == EXIT_USAGE == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("workbench: error: Corpus folder not found:")
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_an_empty_corpus_folder_exits_2_with_one_line_on_stderr(capsys, tmp_path):
    assert main(["corpus", "--corpus", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"workbench: error: No documents in {tmp_path}: the folder is empty.\n"


def test_no_command_prints_the_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "corpus" in capsys.readouterr().out


def test_an_unknown_option_is_a_usage_error(capsys):
    with pytest.raises(SystemExit, match="2"):
        main(["corpus", "--no-such-option"])
    assert "unrecognized arguments" in capsys.readouterr().err


def test_python_dash_m_workbench_runs_the_corpus_command():
    completed = subprocess.run(
        [sys.executable, "-m", "workbench", "corpus", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout)
    assert len(data["documents"]) == 5
    assert completed.stderr == ""  # no progress bar when standard error is not a terminal


def test_format_table_aligns_columns_and_shortens_long_cells():
    table = format_table(
        [["a", "short", None], ["bb", "a much longer cell", 3]],
        ["id", "text", "n"],
        max_width={"text": 8},
    )
    assert table.splitlines() == ["id  text      n", "a   short", "bb  a much …  3"]
