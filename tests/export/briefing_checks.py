"""Checking a briefing against what it meant, and the hostile texts the export tests use.

The briefing is parsed with markdown-it (CommonMark, tables, footnotes) and its
headings, tables and footnotes are checked against what was meant: every footnote
reference has a definition that quotes the cited sentence, and the offsets it names
point at that sentence in ``document.raw``.
"""

from __future__ import annotations

import re
from datetime import date

from markdown_reading import PARSER, Parsed, parse

from workbench.corpus.document import build_document
from workbench.events import EVIDENCE_WORDS
from workbench.export import Briefing
from workbench.markdown import one_line
from workbench.model import Corpus

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
    listed = corpus.by_date()  # the articles by publication date, the undated last
    assert [text for level, text in parsed.headings if level == 2] == SECTIONS
    assert [text for level, text in parsed.headings if level == 3] == [
        f"{document.id}: {one_line(document.title)}" if document.title else document.id
        for document in listed
    ]
    articles, answers, events = parsed.tables
    assert articles[0] == ["document", "title", "source", "published", "sentences", "words"]
    assert [row[:2] for row in articles[1:]] == [
        [document.id, one_line(document.title or "—")] for document in listed
    ]
    assert [row[4:] for row in articles[1:]] == [
        [str(len(document.sentences)), str(document.word_count)] for document in listed
    ]

    cited = cited_sentences(parsed, corpus)
    assert answers[0] == ["no.", "question", "answer", "confidence"]
    assert len(answers) == len(briefing.questions) + 1
    for row, question, answer in zip(
        answers[1:], briefing.questions, briefing.answers, strict=True
    ):
        assert row[1] == one_line(question.question)
        assert row[3] == f"{answer.confidence:.2f}"
        if answer.events:  # rows: each shown host cites its row's sentence, by date
            assert row[2].startswith(f"{len(answer.events)} event")
            labels = re.findall(r"\[\^(\d+)\]", row[2])
            assert labels and len(labels) <= len(answer.events)
            for label, event in zip(labels, answer.events, strict=False):
                assert cited[label][:3] == (event.doc_id, event.start, event.end)
                assert event.host in row[2]
            continue
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

    assert events[0] == ["kind", "host", "host is", "event", "place", "when", "date", "source"]
    assert len(events) == len(briefing.events) + 1
    for row, event in zip(events[1:], briefing.events, strict=True):
        assert (row[0], row[1]) == (event.family, one_line(event.host))
        assert row[2] == EVIDENCE_WORDS[event.evidence]
        assert cited[footnote_label(row[7])][:3] == (event.doc_id, event.start, event.end)
    return parsed


# --- A corpus of hostile texts --------------------------------------------------------------


def hostile_corpus() -> Corpus:
    documents = [
        build_document(text, doc_id, title=title, published=date(2024, 3, 1))
        for doc_id, (title, text) in HOSTILE.items()
    ]
    return Corpus(tuple(documents))
