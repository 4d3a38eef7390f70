"""summarise(): one document's summary cites its sentences, and bad arguments are refused."""

from __future__ import annotations

import pytest
from summaries.seed_articles import seed

from workbench.corpus.document import build_document
from workbench.summaries import summarise


def test_a_three_sentence_summary_of_000_returns_three_of_its_sentences_with_offsets(
    seeds_corpus,
):
    document = seed(seeds_corpus, "000")
    summary = summarise(document, sentences=3)
    assert len(summary) == 3
    body = {(s.index, s.start, s.end, s.text) for s in document.body}
    for sentence in summary:
        assert sentence.doc_id == document.id
        assert document.raw[sentence.start : sentence.end] == sentence.text
        assert (sentence.sentence, sentence.start, sentence.end, sentence.text) in body


def test_summary_sentences_are_in_document_order_and_documents_in_corpus_order(seeds_corpus):
    summary = summarise(seeds_corpus, sentences=8)
    positions = [(seeds_corpus.ids.index(s.doc_id), s.sentence) for s in summary]
    assert positions == sorted(positions)
    assert len(summary) == 8


def test_the_ranking_lists_every_candidate_best_first_and_marks_the_chosen(seeds_corpus):
    document = seed(seeds_corpus, "002")
    summary = summarise(document, method="textrank", sentences=2)
    frame = summary.ranking_frame()
    assert len(frame) == len(document.body)
    assert frame["chosen"].sum() == 2
    assert frame["score"].is_monotonic_decreasing
    assert list(summary.to_frame().columns) == [
        "doc_id",
        "sentence",
        "start",
        "end",
        "score",
        "text",
    ]


def test_headings_are_never_chosen():
    raw = (
        "Talks open in Moscow\n\nEnvoys met in Moscow. They agreed to meet again.\n\n"
        "Next steps\n\nA second round is due."
    )
    document = build_document(raw, "x")
    summary = summarise(document, ratio=1.0)
    assert [s.text for s in summary] == [s.text for s in document.body]
    assert all(not document.sentences[s.sentence].is_heading for s in summary)


def test_a_sentence_repeated_word_for_word_is_summarised_once():
    raw = (
        "Talks began in Moscow. Talks began in Moscow. Envoys came from Kabul. "
        "Talks went on for days."
    )
    summary = summarise(build_document(raw, "x"), ratio=1.0)
    assert [s.text for s in summary].count("Talks began in Moscow.") == 1
    assert len(summary.ranking) == 3


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"method": "bart"}, r"method must be one of textrank-cosine, luhn, .*lead; got 'bart'"),
        ({"engine": "gpu"}, r"engine must be one of fast, sumy; got 'gpu'"),
        ({"sentences": 2, "ratio": 0.5}, r"give only one of sentences, ratio and words"),
        ({"sentences": 0}, r"sentences must be a whole number of at least 1; got 0"),
        ({"words": 2.5}, r"words must be a whole number of at least 1; got 2.5"),
        ({"ratio": 1.5}, r"ratio must be a number in \(0, 1\]; got 1.5"),
        ({"ratio": 0}, r"ratio must be a number in \(0, 1\]; got 0"),
    ],
)
def test_invalid_arguments_raise_value_errors_naming_what_is_allowed(
    seeds_corpus, arguments, message
):
    with pytest.raises(ValueError, match=message):
        summarise(seeds_corpus, **arguments)


def test_a_target_that_is_not_documents_raises_type_error():
    with pytest.raises(TypeError, match="target must be a Document, a Corpus or an iterable"):
        summarise("Moscow hosts talks.")
    with pytest.raises(TypeError, match="target must hold only Documents; got a int"):
        summarise([1, 2])


def test_nothing_to_summarise_gives_an_empty_summary_with_a_note():
    summary = summarise([])
    assert len(summary) == 0
    assert summary.note == "there is no body sentence to summarise"


def test_a_story_of_one_line_figures_says_why_nothing_is_summarised():
    text = (
        "ACME CORP YEAR LOSS\n\nShr loss 1.93 dlrs vs profit 16 cts\n\nRevs 24.8 mln vs 32.7 mln\n"
    )
    summary = summarise(build_document(text, "acme"))
    assert len(summary) == 0
    assert summary.note == (
        "there is no body sentence to summarise: its 3 sentences are all headlines or "
        "one-line items, as in a table"
    )
