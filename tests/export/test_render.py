"""The briefing as Markdown, parsed back with a CommonMark parser: the seeds and hostile texts."""

from __future__ import annotations

from export.briefing_checks import check_briefing
from markdown_reading import parse

from workbench.corpus.document import build_document
from workbench.export import build_briefing
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer
from workbench.qa.corpus_questions import questions_from_events


def test_the_seeds_briefing_parses_into_the_meant_headings_tables_and_footnotes(
    seeds_briefing, seeds_corpus
):
    markdown = seeds_briefing.to_markdown()
    parsed = check_briefing(seeds_briefing, seeds_corpus, markdown)
    assert seeds_briefing.questions == questions_from_events(seeds_briefing.events)
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


def test_in_a_notebook_the_briefing_is_html_with_rendered_footnotes_and_quotes(seeds_briefing):
    shown = seeds_briefing._repr_html_()
    assert '<section class="footnotes">' in shown and "[^1]" not in shown
    notes = shown[shown.index('<section class="footnotes">') :]
    assert "<blockquote>" in notes and "<pre>" not in notes and "<code>" not in notes
    assert "<table>" in shown and "<script" not in shown


def test_html_in_the_markdown_is_shown_as_text_not_passed_through():
    from workbench.export.render import markdown_to_html

    rendered = markdown_to_html(
        "Hello <script>alert(1)</script> and a note[^1].\n\n[^1]: A note.\n"
    )
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert 'class="footnotes"' in rendered


def test_in_a_notebook_the_briefing_shows_the_first_rows_and_says_how_many_more(seeds_briefing):
    from dataclasses import replace

    from workbench.export.briefing import DocumentRow

    rows = [DocumentRow(f"doc-{n}", f"Title {n}", None, None, 1, 9) for n in range(1_995)]
    long = replace(seeds_briefing, documents=(*seeds_briefing.documents, *rows))
    shown = long._repr_html_()
    assert "doc-14" in shown and "doc-15" not in shown  # 5 seeds and 15 more: 20 rows
    assert "… and 1,980 more articles (20 of 2,000 shown here)" in shown
    assert "doc-1994" in long.to_markdown() and "shown here" not in long.to_markdown()
    events = len(seeds_briefing.events)
    few = seeds_briefing.to_markdown(rows=2)
    assert f"… and {events - 2} more events (2 of {events} shown here)" in few
    assert '<section class="footnotes">' in seeds_briefing.to_html(rows=2)
    assert seeds_briefing.to_html(rows=None) == seeds_briefing.to_html(rows=50)
