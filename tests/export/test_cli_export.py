"""``workbench export``: the same bytes as the Python API, every option, one-line errors."""

from __future__ import annotations

import pytest
from export.briefing_checks import HOSTILE
from markdown_reading import parse

from workbench.cli import main
from workbench.export.write import timeline_path


def test_cli_export_writes_the_same_bytes_as_the_python_api(seeds_briefing, tmp_path, capsys):
    out = tmp_path / "briefing.md"
    assert main(["export", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"briefing written to {out}\n"
    assert out.read_bytes() == seeds_briefing.to_markdown().encode("utf-8")

    assert main(["export", "--out", str(out)]) == 2  # exists, and no --force
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "already exists; use --force" in error


@pytest.fixture
def hostile_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number, (_, text) in enumerate(HOSTILE.values()):
        (folder / f"article-{number}.txt").write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # skipped, and the briefing says so
    return folder


def test_cli_export_with_every_option(hostile_folder, tmp_path, capsys):
    questions = tmp_path / "questions.jsonl"
    questions.write_text('{"id": "h", "question": "Who hosted the talks?"}\n', encoding="utf-8")
    out = tmp_path / "out" / "briefing.md"
    arguments = ["export", "--out", str(out), "--corpus", str(hostile_folder), "--questions",
                 str(questions), "--method", "lead", "--sentences", "1", "--timeline",
                 "--title", "Week | 12", "--timestamp", "--force"]  # fmt: skip
    assert main(arguments) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed == [f"briefing written to {out}", f"timeline written to {timeline_path(out)}"]
    markdown = out.read_text(encoding="utf-8")
    parsed = parse(markdown)
    assert parsed.headings[0] == (1, "Week | 12")
    assert f"1 — from the file {questions.as_posix()}" in markdown
    assert "- **Summaries:** lead method, 1 sentence each" in markdown
    assert f"- **Corpus:** {hostile_folder.as_posix()} (2 documents; 1 file skipped)" in markdown
    assert "- **Made:** " in markdown and parsed.images == ["briefing-timeline.png"]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--questions", "{folder}/absent.jsonl"], "cannot read the question file"),
        (["--corpus", "{folder}/absent"], "not found"),
        (["--title", " "], "--title is empty"),
    ],
)
def test_cli_export_errors_exit_2_with_one_line(tmp_path, capsys, arguments, message):
    out = tmp_path / "briefing.md"
    arguments = [value.format(folder=tmp_path) for value in arguments]
    assert main(["export", "--out", str(out), *arguments]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and message in error
    assert not out.exists()


def test_cli_export_to_an_unwritable_path_exits_2(hostile_folder, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    arguments = ["export", "--out", str(blocker / "b.md"), "--corpus", str(hostile_folder)]
    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "file is a file, not a folder" in error


def test_cli_export_refuses_a_bad_question_file_before_any_work(tmp_path, capsys):
    questions = tmp_path / "q.jsonl"
    questions.write_text('{"id": "a", "question": "Who?"}\nnot json\n', encoding="utf-8")
    out = tmp_path / "b.md"
    assert main(["export", "--out", str(out), "--questions", str(questions)]) == 2
    assert "q.jsonl, line 2: not JSON" in capsys.readouterr().err


def test_cli_export_needs_a_positive_number_of_sentences(tmp_path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["export", "--out", str(tmp_path / "b.md"), "--sentences", "0"])
    assert stopped.value.code == 2
    assert "must be a whole number of at least 1" in capsys.readouterr().err
