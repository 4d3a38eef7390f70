"""The Markdown briefing: parsed back with a CommonMark parser, on the seeds and hostile texts.

The briefing is parsed with markdown-it (CommonMark, tables, footnotes) and its
headings, tables and footnotes are checked against what was meant: every footnote
reference has a definition that quotes the cited sentence, and the offsets it names
point at that sentence in ``document.raw``.
"""

from __future__ import annotations

import os
import re
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markdown_reading import PARSER, Parsed, parse

from workbench.cli import main
from workbench.columns import ANSWER_COLUMNS
from workbench.corpus.document import build_document
from workbench.errors import ExportError, QueryError
from workbench.export.briefing import (
    Briefing,
    build_briefing,
    timeline_path,
    write_briefing,
)
from workbench.markdown import one_line
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.question_file import DEFAULT_QUESTIONS, Question

SECTIONS = [
    "The articles",
    "Summary of all the articles",
    "Summary of each article",
    "Answers to the questions",
    "Who hosted what, where and when",
    "Sources",
]

#: Titles and sentences full of Markdown and HTML; ids too.
HOSTILE = {
    "talks|oslo": (
        "Peace | talks *in* <script>alert(1)</script> Oslo\n# not a heading",
        "Norway hosted peace talks in Oslo on 3 March 2024 between the | government and "
        "<b>rebels</b>. The delegation was led by `Jonas` Gahr *Store*, who called the talks "
        "[a start](http://example.com). # Officials said 1. the talks would resume\nin April "
        '& the &amp; "next round" ~~soon~~.',
    ),
    "summit`#2": (
        "Summit [x](y) & <i>more</i> ##",
        "Kenya will host a summit on trade in Nairobi in June 2025 | Uganda and Tanzania will "
        "attend. President William Ruto said the <summit> would *open* on June 3.\n\n"
        "- Not a list item, but a sentence about the __summit__ \\ and its 100% agenda.",
    ),
}

HOSTILE_QUESTIONS = (
    "Who hosted the peace | talks in <b>Oslo</b>?",
    "Who led the *delegation*?",
    "Who will host the `summit` on trade?",
    "Who won the football World Cup in 2018?",
)


# --- Checking the briefing against what it meant ----------------------------------------


def cited_sentences(parsed: Parsed, corpus: Corpus) -> dict[str, tuple[str, int, int, str]]:
    """Each footnote's document, offsets and quote, checked against the raw text."""
    assert set(parsed.references) == set(parsed.notes), "a reference without a note or back"
    assert list(parsed.notes) == [str(n) for n in range(1, len(parsed.notes) + 1)]
    cited = {}
    for label, (where, quote) in parsed.notes.items():
        match = re.fullmatch(r"Document (.+), characters (\d+)–(\d+):", where)
        assert match, where
        doc_id, start, end = match.group(1), int(match.group(2)), int(match.group(3))
        assert one_line(corpus[doc_id].raw[start:end]) == quote
        cited[label] = (doc_id, start, end, quote)
    return cited


def footnote_label(cell: str) -> str:
    labels = re.findall(r"\[\^(\d+)\]", cell)
    assert len(labels) == 1, cell
    return labels[0]


def check_briefing(briefing: Briefing, corpus: Corpus, markdown: str) -> Parsed:
    """Headings, tables and footnotes are what the briefing meant; no HTML got through."""
    parsed = parse(markdown)
    assert not parsed.html
    rendered = PARSER.render(markdown)
    assert "<script" not in rendered and "<b>" not in rendered and "<i>" not in rendered

    assert parsed.headings[0] == (1, one_line(briefing.title))
    assert [text for level, text in parsed.headings if level == 2] == SECTIONS
    assert [text for level, text in parsed.headings if level == 3] == [
        f"{document.id}: {one_line(document.title)}" if document.title else document.id
        for document in corpus
    ]
    articles, answers, events = parsed.tables
    assert articles[0] == ["document", "title", "source", "published", "sentences", "words"]
    assert [row[:2] for row in articles[1:]] == [
        [document.id, one_line(document.title or "—")] for document in corpus
    ]
    assert [row[4:] for row in articles[1:]] == [
        [str(len(document.sentences)), str(document.word_count)] for document in corpus
    ]

    cited = cited_sentences(parsed, corpus)
    assert answers[0] == ["no.", "question", "answer", "confidence"]
    assert len(answers) == len(briefing.questions) + 1
    for row, question, answer in zip(
        answers[1:], briefing.questions, briefing.answers, strict=True
    ):
        assert row[1] == one_line(question.question)
        assert row[3] == f"{answer.confidence:.2f}"
        if answer.answer is None:
            assert "no answer in the articles" in row[2]
        else:
            assert row[2].startswith(one_line(answer.answer))
        if answer.evidence:
            evidence = answer.evidence[0]
            doc_id, start, end, quote = cited[footnote_label(row[2])]
            assert (doc_id, start, end) == (evidence.doc_id, evidence.start, evidence.end)
            if answer.answer is not None:
                assert one_line(answer.answer) in quote

    assert events[0] == ["host", "event", "place", "when", "date", "source"]
    assert len(events) == len(briefing.events) + 1
    for row, event in zip(events[1:], briefing.events, strict=True):
        assert row[0] == one_line(event.host)
        assert cited[footnote_label(row[5])][:3] == (event.doc_id, event.start, event.end)
    return parsed


# --- Fixtures ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_briefing(seeds_corpus, full_nlp) -> Briefing:
    """The default briefing on the seeds, built once (QA, summaries and events take seconds)."""
    return build_briefing(seeds_corpus, answerer=QuestionAnswerer(seeds_corpus, nlp=full_nlp))


def hostile_corpus() -> Corpus:
    documents = [
        build_document(text, doc_id, title=title, published=date(2024, 3, 1))
        for doc_id, (title, text) in HOSTILE.items()
    ]
    return Corpus(tuple(documents))


@pytest.fixture(scope="module")
def hostile() -> Corpus:
    return hostile_corpus()


@pytest.fixture(scope="module")
def hostile_briefing(hostile, full_nlp) -> Briefing:
    return build_briefing(
        hostile,
        questions=HOSTILE_QUESTIONS,
        title="Briefing # on *talks* <b>x</b>\n# injected |",
        answerer=QuestionAnswerer(hostile, nlp=full_nlp),
        sentences=2,
    )


# --- What the briefing says ------------------------------------------------------------------


def test_the_seeds_briefing_parses_into_the_meant_headings_tables_and_footnotes(
    seeds_briefing, seeds_corpus
):
    markdown = seeds_briefing.to_markdown()
    parsed = check_briefing(seeds_briefing, seeds_corpus, markdown)
    assert seeds_briefing.questions == DEFAULT_QUESTIONS
    assert any(answer.answered for answer in seeds_briefing.answers)
    assert len(seeds_briefing.events) > 0 and parsed.notes
    assert "- **Corpus:** seeds (5 documents)" in markdown
    assert "Made" not in markdown  # no timestamp unless asked


def test_summaries_cite_their_document_and_offsets(seeds_briefing, seeds_corpus):
    markdown = seeds_briefing.to_markdown()
    for sentence in seeds_briefing.corpus_summary:
        assert f"({sentence.doc_id}, characters {sentence.start}–{sentence.end})" in markdown
        raw = seeds_corpus[sentence.doc_id].raw
        assert raw[sentence.start : sentence.end] == sentence.text
    for summary in seeds_briefing.document_summaries:
        for sentence in summary:
            assert f"(characters {sentence.start}–{sentence.end})" in markdown


def test_hostile_titles_sentences_questions_and_ids_stay_text(hostile_briefing, hostile):
    markdown = hostile_briefing.to_markdown()
    check_briefing(hostile_briefing, hostile, markdown)
    assert parse(markdown).headings[0] == (1, "Briefing # on *talks* <b>x</b> # injected |")
    assert "- **Corpus:** 2 documents given in Python\n" in markdown
    assert sum(answer.answered for answer in hostile_briefing.answers) >= 2
    assert hostile_briefing.answers[-1].answer is None  # the World Cup is not in the articles
    assert len(hostile_briefing.events) >= 2


def test_a_corpus_of_one_article_has_no_separate_corpus_summary(full_nlp):
    corpus = Corpus((build_document("Chile hosted a summit in Santiago on Monday.", "chile"),))
    briefing = build_briefing(
        corpus,
        questions=["Who hosted the summit?"],
        answerer=QuestionAnswerer(corpus, nlp=full_nlp),
    )
    levels = [text for level, text in parse(briefing.to_markdown()).headings if level == 2]
    assert "Summary of all the articles" not in levels and "Summary of each article" in levels


def test_the_answers_table_is_a_dataframe_citing_the_evidence(seeds_briefing):
    frame = seeds_briefing.to_frame()
    assert list(frame.columns) == list(ANSWER_COLUMNS)
    assert list(frame["question"]) == [question.question for question in DEFAULT_QUESTIONS]
    answered = frame.dropna(subset=["answer"])
    assert len(answered) and all(
        answer in text for answer, text in zip(answered["answer"], answered["text"], strict=True)
    )
    assert seeds_briefing._repr_markdown_() == seeds_briefing.to_markdown()
    assert repr(seeds_briefing).startswith("<Briefing 'Briefing: 5 articles from seeds': 5 docu")


def test_a_timestamp_is_shown_only_when_asked(hostile, full_nlp):
    made = datetime(2024, 3, 2, 9, 30, 5, tzinfo=UTC)
    briefing = build_briefing(
        hostile,
        questions=[Question("a", "Who hosted the talks?")],
        timestamp=made,
        answerer=QuestionAnswerer(hostile, nlp=full_nlp),
    )
    assert "- **Made:** 2024-03-02 09:30:05+00:00\n" in briefing.to_markdown()
    later = build_briefing(hostile, questions=["Who hosted the talks?"], timestamp=True)
    assert later.timestamp is not None and later.timestamp.tzinfo is UTC


def test_a_string_is_one_question_and_a_file_comes_by_question_file(hostile, full_nlp, tmp_path):
    answerer = QuestionAnswerer(hostile, nlp=full_nlp)
    one = build_briefing(hostile, questions="Who hosted the talks?", answerer=answerer)
    assert [item.question for item in one.questions] == ["Who hosted the talks?"]
    assert one.question_source == "given by the caller"
    path = tmp_path / "questions.jsonl"
    path.write_text('{"id": "h1", "question": "Who hosted the summit?"}\n', encoding="utf-8")
    from_file = build_briefing(hostile, question_file=path, answerer=answerer)
    assert [item.id for item in from_file.questions] == ["h1"]
    assert from_file.question_source.startswith("from the file ")


def test_the_same_corpus_and_options_give_the_same_bytes(hostile_briefing, full_nlp):
    corpus = hostile_corpus()  # a new corpus and answerer: nothing is shared with the fixture
    again = build_briefing(
        corpus,
        questions=HOSTILE_QUESTIONS,
        title="Briefing # on *talks* <b>x</b>\n# injected |",
        answerer=QuestionAnswerer(corpus, nlp=full_nlp),
        sentences=2,
    )
    assert again.to_markdown().encode() == hostile_briefing.to_markdown().encode()


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"method": "best"}, ValueError, "method must be one of textrank-cosine, luhn"),
        ({"sentences": 0}, ValueError, "sentences must be a positive whole number"),
        ({"title": " \n "}, ValueError, "title must have some text"),
        ({"questions": []}, ValueError, "questions is empty"),
        ({"questions": ["Who?"], "question_file": "q.jsonl"}, ValueError, "not both"),
        ({"questions": ["Who?", "  "]}, QueryError, "question 2 is empty"),
        ({"questions": [3]}, ValueError, "item 1 is a int"),
        ({"timestamp": "now"}, ValueError, "timestamp must be a datetime"),
    ],
)
def test_invalid_options_are_refused(hostile, options, error, message):
    with pytest.raises(error, match=message):
        build_briefing(hostile, **options)


def test_an_answerer_of_another_corpus_is_refused(hostile, seeds_corpus):
    with pytest.raises(ValueError, match="answerer answers from another corpus"):
        build_briefing(hostile, answerer=QuestionAnswerer(seeds_corpus))


# --- Writing --------------------------------------------------------------------------------------


def test_the_briefing_and_its_timeline_are_written_side_by_side(
    hostile_briefing, hostile, tmp_path
):
    path = write_briefing(hostile_briefing, tmp_path / "my briefing.md", timeline=True)
    image = tmp_path / "my briefing-timeline.png"
    assert timeline_path(path) == image
    assert image.read_bytes().startswith(b"\x89PNG")
    markdown = path.read_text(encoding="utf-8")
    assert markdown == hostile_briefing.to_markdown(timeline_link=image.name)
    assert parse(markdown).images == ["my%20briefing-timeline.png"]
    check_briefing(hostile_briefing, hostile, markdown)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(item.name for item in tmp_path.iterdir()) == [image.name, path.name]


def test_an_existing_file_is_replaced_only_when_forced(hostile_briefing, tmp_path):
    path = tmp_path / "briefing.md"
    path.write_text("the previous briefing", encoding="utf-8")
    with pytest.raises(ExportError, match=r"briefing\.md already exists; use force=True"):
        write_briefing(hostile_briefing, path)
    assert path.read_text(encoding="utf-8") == "the previous briefing"
    write_briefing(hostile_briefing, path, force=True)
    assert path.read_text(encoding="utf-8") == hostile_briefing.to_markdown()


def test_an_existing_timeline_is_replaced_only_when_forced(hostile_briefing, tmp_path):
    (tmp_path / "briefing-timeline.png").write_bytes(b"old")
    with pytest.raises(ExportError, match=r"briefing-timeline\.png already exists"):
        write_briefing(hostile_briefing, tmp_path / "briefing.md", timeline=True)
    assert not (tmp_path / "briefing.md").exists()


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary_file(
    hostile_briefing, tmp_path, monkeypatch
):
    path = tmp_path / "briefing.md"
    path.write_text("the previous briefing", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workbench.atomic.os.fsync", disk_full)
    with pytest.raises(ExportError, match=r"cannot write the briefing to .*No space left"):
        write_briefing(hostile_briefing, path, force=True)
    assert path.read_text(encoding="utf-8") == "the previous briefing"
    assert [item.name for item in tmp_path.iterdir()] == ["briefing.md"]


def test_an_unwritable_path_is_a_clear_error(hostile_briefing, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match=r"not-a-folder is a file, not a folder"):
        write_briefing(hostile_briefing, blocker / "week 1" / "briefing.md")

    with pytest.raises(ExportError, match="is a folder; give a file name"):
        write_briefing(hostile_briefing, tmp_path)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_takes_no_new_file_is_a_clear_error(hostile_briefing):
    with pytest.raises(ExportError, match=r"cannot write the briefing to /proc/briefing\.md: "):
        write_briefing(hostile_briefing, "/proc/briefing.md")


def test_a_folder_that_cannot_be_made_is_a_clear_error(hostile_briefing, tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ExportError, match=r"cannot make the folder .*new: Permission denied"):
        write_briefing(hostile_briefing, tmp_path / "new" / "briefing.md")


def test_missing_folders_are_made(hostile_briefing, tmp_path):
    path = write_briefing(hostile_briefing, tmp_path / "reports" / "week 1" / "briefing.md")
    assert path.is_file()


# --- Command line -----------------------------------------------------------------------------


def test_cli_export_writes_the_same_bytes_as_the_python_api(seeds_briefing, tmp_path, capsys):
    out = tmp_path / "briefing.md"
    assert main(["export", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"briefing written to {out}\n"
    assert out.read_bytes() == seeds_briefing.to_markdown().encode("utf-8")

    assert main(["export", "--out", str(out)]) == 2  # exists, and no --force
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "already exists; use force=True" in error


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
