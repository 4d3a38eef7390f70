"""Hostile input found by a second round of hostile runs (issue 11), each kept fixed.

Undecodable bytes in a question or a corpus path, question and gold files with JSON
past Python's limits or no end (``/dev/zero``), an over-long question, Ctrl-C while
the package is still loading, a document too long for the events pass, and the
"exists" error of a racing export naming the file it was about.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.corpus.document import build_document
from workbench.errors import QueryError, QuestionFileError
from workbench.events import extract_events
from workbench.qa.analysis import MAX_QUESTION_CHARS, analyse_question
from workbench.qa.question_file import load_questions
from workbench.reading import JSONLimitError, loads_json, read_bounded_text


def one_line_error(capsys) -> str:
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "Traceback" not in error, error
    return error


# --- Text UTF-8 cannot encode ------------------------------------------------------------


def test_a_question_with_undecodable_bytes_is_answered(seeds_answerer):
    # what Python makes of the bytes \xff\xfe on a command line: lone surrogates
    answer = seeds_answerer.ask("Who hosted the \udcff\udcfe talks?")
    answer.question.encode("utf-8")  # printable, as the rest of the answer
    assert "\ufffd" in answer.question
    assert "\ufffd" in analyse_question("Where \ud800 were the talks?").question


def test_a_question_file_with_a_lone_surrogate_reads_as_u_fffd(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "q\\udc80", "question": "Where \\ud800 talks?"}\n', encoding="utf-8")
    (question,) = load_questions(path)
    assert (question.id, question.question) == ("q\ufffd", "Where \ufffd talks?")


def test_a_briefing_of_a_folder_with_undecodable_bytes_in_its_name_is_written(
    tmp_path, seeds_corpus
):
    from workbench.export import build_briefing
    from workbench.export.write import write_briefing
    from workbench.model import Corpus

    folder = Path(os.fsdecode(bytes(tmp_path) + b"/dir\xff"))
    moved = Corpus(seeds_corpus.documents, (), folder)
    briefing = build_briefing(moved, questions=["Who hosted the talks?"], max_articles=1)
    written = write_briefing(briefing, tmp_path / "b.md")
    text = written.read_text(encoding="utf-8")
    assert "dir\ufffd" in text


# --- Question and gold files past Python's limits ---------------------------------------


def test_json_past_pythons_limits_is_one_clear_error():
    with pytest.raises(JSONLimitError, match="nested too deeply"):
        loads_json("[" * 100_000 + "]" * 100_000)
    with pytest.raises(JSONLimitError, match="too many digits"):
        loads_json('{"n": ' + "9" * 5000 + "}")
    with pytest.raises(json.JSONDecodeError):
        loads_json("{bad")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "q2", "question": "x", "n": ' + "9" * 5000 + "}", "a number with too many digits"),
        ('{"id": "q3", "question": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ],
)
def test_a_question_file_line_past_pythons_limits_is_named(tmp_path, line, reason):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "q1", "question": "Who hosted the talks?"}\n' + line + "\n")
    with pytest.raises(QuestionFileError, match=f"line 2: unreadable JSON \\({reason}\\)"):
        load_questions(path)


def test_eval_files_past_pythons_limits_give_one_line(tmp_path, capsys):
    deep = "[" * 100_000 + "]" * 100_000
    (tmp_path / "ev.jsonl").write_text('{"doc_id": "x", "host": ' + deep + "}\n")
    (tmp_path / "qa.jsonl").write_text('{"id": "q", "question": ' + deep + "}\n")
    (tmp_path / "sq.json").write_text(deep)
    for argv in (
        ["eval", "events", str(tmp_path / "ev.jsonl"), "--corpus", str(tmp_path)],
        ["eval", "qa", str(tmp_path / "qa.jsonl"), "--corpus", str(tmp_path)],
        ["eval", "squad", "--data", str(tmp_path / "sq.json")],
    ):
        assert main(argv) == 2, argv
        assert "nested too deeply" in one_line_error(capsys)


def test_a_question_file_without_end_is_refused_not_read_into_memory(tmp_path):
    with pytest.raises(ValueError, match="larger than 100 bytes"):
        read_bounded_text("/dev/zero", limit=100)
    path = tmp_path / "q.txt"
    path.write_text("Who hosted the talks?\n" * 10)
    assert read_bounded_text(path, limit=1000).count("\n") == 10
    with pytest.raises(ValueError, match="larger than"):
        read_bounded_text(path, limit=100)


def test_ask_with_questions_from_dev_zero_is_one_line(capsys):
    assert main(["ask", "--questions", "/dev/zero"]) == 2
    assert "cannot read the question file /dev/zero" in one_line_error(capsys)


def test_a_question_longer_than_any_question_is_refused_before_parsing():
    with pytest.raises(QueryError, match="at most 1,000"):
        analyse_question("[" * 100_000 + "]" * 100_000)
    assert len("Who hosted the talks? " * 40) < MAX_QUESTION_CHARS
    analyse_question("Who hosted the talks? " * 40)


# --- Ctrl-C while the package loads -------------------------------------------------------


#: A run of the workbench command in which Ctrl-C lands while the command line is still
#: being imported: a finder on sys.meta_path raises it at the import of workbench.cli.
_INTERRUPTED_WHILE_LOADING = """
import sys

class Interrupt:
    def find_spec(self, name, path=None, target=None):
        if name == "workbench.cli.answers":
            raise KeyboardInterrupt
        return None

sys.meta_path.insert(0, Interrupt())
sys.argv = ["workbench", "corpus"]
from workbench.__main__ import run
run()
"""


def test_ctrl_c_while_the_command_line_is_still_loading_is_one_line():
    done = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_WHILE_LOADING],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 130, done.stderr
    assert done.stderr == "workbench: interrupted\n"


# --- A document too long for the events pass ----------------------------------------------


def test_a_document_past_the_events_limit_is_listed_not_read(full_nlp, capsys):
    short = build_document("Kenya hosted a summit on trade in Nairobi.", "short")
    long = build_document("Oman hosted talks in Muscat. " * 40, "long")
    table = extract_events([short, long], nlp=full_nlp, progress=False, max_chars=500)
    assert {event.doc_id for event in table} == {"short"}
    ((doc_id, reason),) = table.skipped
    assert doc_id == "long" and "1,160 characters, past the events limit of 500" in reason
    read = extract_events([short, long], nlp=full_nlp, progress=False, max_chars=None)
    assert {event.doc_id for event in read} == {"short", "long"} and not read.skipped


def test_the_events_command_says_which_document_it_did_not_read(tmp_path, capsys, monkeypatch):
    from workbench.events import extract as extract_module

    (tmp_path / "short.txt").write_text("Kenya hosted a summit on trade in Nairobi.\n")
    (tmp_path / "long.txt").write_text("Oman hosted talks in Muscat. " * 40 + "\n")
    # the limit as if it were 500 characters, so that a short file is past it
    monkeypatch.setitem(extract_module.extract_events.__kwdefaults__, "max_chars", 500)
    assert main(["events", "--corpus", str(tmp_path), "--json"]) == 0
    captured = capsys.readouterr()
    assert "not read for events: long:" in captured.err
    assert json.loads(captured.out)["skipped"][0]["doc_id"] == "long"


# --- A racing export's error names the file it was about -----------------------------------


def test_a_name_taken_meanwhile_is_reported_by_its_own_name(tmp_path, monkeypatch):
    from workbench import atomic

    target = tmp_path / "briefing.md"
    real_link = os.link

    def taken(source, destination, *args, **kwargs):  # another export got there first
        Path(destination).write_text("theirs")
        return real_link(source, destination, *args, **kwargs)

    monkeypatch.setattr(atomic.os, "link", taken)
    with pytest.raises(FileExistsError) as raised:
        atomic.atomic_write_files([(target, b"ours")], replace=False)
    assert raised.value.filename == str(target)
    assert target.read_text() == "theirs"
    assert [path.name for path in tmp_path.iterdir()] == ["briefing.md"]  # no temporary left


# --- An export into a folder that takes no file ---------------------------------------------


def test_an_export_into_a_folder_that_takes_no_file_fails_before_any_work(capsys, monkeypatch):
    import workbench.export

    def never(*arguments, **options):
        raise AssertionError("the briefing was built before the target was checked")

    monkeypatch.setattr(workbench.export, "build_briefing", never)
    assert main(["export", "--out", "/proc/briefing.md"]) == 2
    assert "cannot write the briefing to /proc/briefing.md" in one_line_error(capsys)


# --- An article of many megabytes in a briefing ---------------------------------------------


def test_a_briefing_does_not_summarise_a_huge_article_on_its_own(
    seeds_corpus, seeds_answerer, monkeypatch
):
    from workbench.export import briefing as briefing_module

    monkeypatch.setattr(briefing_module, "MAX_SUMMARISED_CHARS", 3_000)
    briefing = briefing_module.build_briefing(
        seeds_corpus, questions=["Who hosted the talks?"], answerer=seeds_answerer
    )
    long = [
        summary
        for row, summary in zip(briefing.documents, briefing.document_summaries, strict=False)
        if len(seeds_corpus[row.doc_id].raw) > 3_000
    ]
    assert long and all(not summary.sentences for summary in long)
    assert "past the 3,000 an article is summarised on its own" in briefing.to_markdown()
    assert briefing.corpus_summary.sentences  # the summary of all the articles covers them
