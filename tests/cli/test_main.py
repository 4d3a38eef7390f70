"""The ``workbench`` command as a whole: help, usage errors, one-line errors, ``python -m``,
and the table function it shares with :mod:`workbench.terminal`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbench.cli import EXIT_USAGE, format_table, main


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


def test_the_command_line_prints_tables_with_the_terminal_module_function():
    from workbench import terminal

    assert format_table is terminal.format_table


def test_version_prints_the_package_version(capsys):
    from workbench.config import VERSION

    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.strip() == f"workbench {VERSION}"


def test_summarize_is_summarise(capsys):
    assert main(["summarize", "--doc", "000_258fbde797f3b430", "--sentences", "1"]) == 0
    spelled = capsys.readouterr().out
    assert main(["summarise", "--doc", "000_258fbde797f3b430", "--sentences", "1"]) == 0
    assert capsys.readouterr().out == spelled


def test_ask_without_a_question_says_how_to_give_one(capsys):
    assert main(["ask"]) == 2
    error = capsys.readouterr().err
    assert "give either a QUESTION" in error and "--questions FILE" in error
    assert "not both" not in error


def test_ask_takes_a_plain_text_file_of_questions(capsys, tmp_path):
    questions = tmp_path / "questions.txt"
    questions.write_text(
        "# what the analyst asks\nWho is the Russian Foreign Minister?\n\nWho hosted the talks?\n"
    )
    assert main(["ask", "--questions", str(questions), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [record["id"] for record in records] == ["line-2", "line-4"]
    assert records[0]["answer"] == "Sergei Lavrov"


def test_search_date_errors_name_the_options(capsys):
    assert main(["search", "talks", "--from", "2020-01-02", "--to", "2020-01-01"]) == 2
    assert "--from 2020-01-02 is after --to 2020-01-01" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stopped:
        main(["search", "talks", "--from", "yesterday"])
    assert stopped.value.code == 2
    assert "argument --from: must be a date written YYYY-MM-DD" in capsys.readouterr().err


def test_ask_summarise_and_events_look_only_within_the_dates(capsys):
    assert main(["events", "--from", "2021-01-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["events"]
    assert rows and {row["doc_id"] for row in rows} == {"004_55b560d3e012caba"}
    assert main(["ask", "Who hosted the talks?", "--from", "2021-01-01", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert {item["doc_id"] for item in answer["evidence"]} <= {"004_55b560d3e012caba"}
    assert main(["summarise", "--to", "2000-01-01"]) == 2
    error = capsys.readouterr().err
    assert "no document was published within" in error and "1 of 5 documents" in error
