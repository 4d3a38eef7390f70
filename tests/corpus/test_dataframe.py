"""A DataFrame of articles as a corpus: columns, dtypes, skipped rows, errors, the round trip."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from corpus.corpus_checks import assert_offsets_hold, sentence_texts

from workbench import Corpus, CorpusError, build_document
from workbench.columns import DOCUMENT_COLUMNS
from workbench.corpus import corpus_from_frame

KABUL = (
    "KABUL - Afghan envoys met Taliban negotiators in Doha on Monday. "
    "They agreed to meet again next week."
)
MOSCOW = "Talks in Moscow\n\nRussia will host a conference on Afghanistan in mid-April."


def articles(**columns: object) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": ["kabul", "moscow"], "text": [KABUL, MOSCOW], **columns})


# --- Rows into documents ---------------------------------------------------------------


def test_each_row_is_a_document_built_as_a_file_is():
    corpus = Corpus.from_frame(articles())
    assert corpus.ids == ("kabul", "moscow")
    assert corpus.root is None and corpus.skipped == ()
    expected = build_document(KABUL, "kabul")
    assert corpus["kabul"].sentences == expected.sentences
    assert corpus["kabul"].dateline == "KABUL"
    assert corpus["moscow"].title == "Talks in Moscow"
    assert_offsets_hold(corpus)


def test_the_classmethod_is_the_corpus_layers_function():
    frame = articles()
    assert Corpus.from_frame(frame) == corpus_from_frame(frame)


def test_metadata_columns_fill_title_source_and_url():
    frame = articles(
        title=["Envoys meet", None],
        source=["Anadolu", "TASS"],
        url=["https://example.org/kabul", np.nan],
    )
    corpus = Corpus.from_frame(frame)
    assert corpus["kabul"].title == "Envoys meet"
    assert corpus["moscow"].title == "Talks in Moscow"  # a missing title falls back to the heading
    assert [document.source for document in corpus] == ["Anadolu", "TASS"]
    assert corpus["moscow"].url is None


def test_columns_can_be_named_otherwise():
    frame = pd.DataFrame(
        {"uid": [7, 8], "body": [KABUL, MOSCOW], "headline": ["A", "B"], "when": ["", None]}
    )
    corpus = Corpus.from_frame(frame, text="body", id="uid", title="headline", published="when")
    assert corpus.ids == ("7", "8")
    assert [document.title for document in corpus] == ["A", "B"]
    assert [document.published for document in corpus] == [None, None]


def test_without_an_id_column_the_row_labels_are_the_ids():
    frame = pd.DataFrame({"text": [KABUL, MOSCOW]}, index=["first", "second"])
    assert Corpus.from_frame(frame).ids == ("first", "second")
    assert Corpus.from_frame(frame.reset_index(drop=True)).ids == ("0", "1")


def test_integer_ids_with_a_gap_are_read_as_whole_numbers():
    frame = pd.DataFrame({"doc_id": [3, None, 5], "text": [KABUL, MOSCOW, KABUL]})
    with pytest.raises(CorpusError, match="row 1: the id column 'doc_id' is empty"):
        Corpus.from_frame(frame)
    assert Corpus.from_frame(frame.dropna()).ids == ("3", "5")


# --- Dates -----------------------------------------------------------------------------


def test_dates_are_read_from_datetime64_with_time_and_zone():
    stamps = pd.to_datetime(["2021-07-17 23:30", None]).tz_localize("Asia/Kabul")
    corpus = Corpus.from_frame(articles(published=stamps))
    assert corpus["kabul"].published == date(2021, 7, 17)
    assert corpus["moscow"].published is None


def test_dates_are_read_from_strings_in_the_readers_forms():
    corpus = Corpus.from_frame(articles(published=["2021-07-17T10:00:00Z", "July 18, 2021"]))
    assert [document.published for document in corpus] == [date(2021, 7, 17), date(2021, 7, 18)]


def test_dates_are_read_from_date_objects():
    corpus = Corpus.from_frame(articles(published=[date(2021, 7, 17), pd.NaT]))
    assert [document.published for document in corpus] == [date(2021, 7, 17), None]


def test_an_unreadable_date_is_an_error_naming_its_row():
    with pytest.raises(CorpusError, match=r"row 1: cannot read a date .* 'next Tuesday'"):
        Corpus.from_frame(articles(published=["2021-07-17", "next Tuesday"]))
    with pytest.raises(CorpusError, match="row 0: cannot read a date"):
        Corpus.from_frame(articles(published=[20210717, None]))


def test_the_date_filter_works_on_a_frames_corpus():
    corpus = Corpus.from_frame(articles(published=["2021-07-17", "2021-08-01"]))
    assert corpus.filter(published_from="2021-07-20").ids == ("moscow",)


# --- Skipped rows and errors -----------------------------------------------------------


def test_rows_without_text_are_skipped_with_a_reason_like_a_bad_file():
    frame = pd.DataFrame(
        {
            "doc_id": ["kabul", "blank", "missing", "furniture"],
            "text": [KABUL, "   \n", None, "Subscribe now for unlimited access."],
        }
    )
    corpus = Corpus.from_frame(frame)
    assert corpus.ids == ("kabul",)
    reasons = {item.path: item.reason for item in corpus.skipped}
    assert reasons == {
        "row 1": "no text",
        "row 2": "no text",
        "row 3": "no article text after cleaning",
    }
    assert list(corpus.skipped_frame()["path"]) == ["row 1", "row 2", "row 3"]


def test_a_frame_with_no_article_text_is_an_error():
    with pytest.raises(CorpusError, match=r"no row of the frame holds article text \(2 rows"):
        Corpus.from_frame(pd.DataFrame({"text": ["", None]}))


def test_a_missing_text_column_is_an_error_naming_the_columns():
    frame = pd.DataFrame({"doc_id": ["a"], "body": [KABUL]})
    with pytest.raises(CorpusError, match=r"no text column 'text' \(columns: doc_id, body\)"):
        Corpus.from_frame(frame)


def test_a_metadata_column_named_but_missing_is_an_error():
    with pytest.raises(CorpusError, match="no published column 'date'"):
        Corpus.from_frame(articles(), published="date")


def test_text_that_is_not_a_string_is_an_error():
    frame = pd.DataFrame({"doc_id": ["a", "b"], "text": [KABUL, 42]})
    with pytest.raises(CorpusError, match=r"row 1: the text column 'text' holds a int"):
        Corpus.from_frame(frame)


def test_repeated_ids_are_an_error():
    frame = pd.DataFrame({"doc_id": ["a", "a"], "text": [KABUL, MOSCOW]})
    with pytest.raises(CorpusError, match=r"document ids must be unique; .* repeats 'a'"):
        Corpus.from_frame(frame)
    labelled = pd.DataFrame({"text": [KABUL, MOSCOW]}, index=[1, 1])
    with pytest.raises(CorpusError, match="the row label repeats '1'"):
        Corpus.from_frame(labelled)


def test_a_table_of_sentences_is_refused_with_the_table_to_give(seeds_corpus):
    with pytest.raises(CorpusError, match=r"one row a sentence: .* corpus.documents_frame\(\)"):
        Corpus.from_frame(seeds_corpus.to_frame())


def test_something_other_than_a_frame_is_a_type_error():
    with pytest.raises(TypeError, match="needs a pandas DataFrame; got list"):
        Corpus.from_frame([KABUL])


# --- The round trip --------------------------------------------------------------------


def test_documents_frame_has_one_typed_row_a_document(seeds_corpus):
    frame = seeds_corpus.documents_frame()
    assert tuple(frame.columns) == DOCUMENT_COLUMNS
    assert list(frame["doc_id"]) == list(seeds_corpus.ids)
    assert str(frame["doc_id"].dtype) == "string"
    assert str(frame["published"].dtype) == "datetime64[ns]"
    assert frame["text"].iloc[0] == seeds_corpus[0].raw


def test_the_seeds_come_back_from_their_documents_frame(seeds_corpus):
    again = Corpus.from_frame(seeds_corpus.documents_frame())
    assert again.ids == seeds_corpus.ids
    for before, after in zip(seeds_corpus, again, strict=True):
        assert after.raw == before.raw
        assert sentence_texts(after) == sentence_texts(before)
        assert (after.title, after.published, after.source, after.dateline) == (
            before.title,
            before.published,
            before.source,
            before.dateline,
        )


def test_a_frame_corpus_is_annotated_through_the_entity_cache(tmp_path):
    corpus = Corpus.from_frame(articles(), annotate=True, cache_dir=tmp_path)
    labels = {entity.text: entity.label for entity in corpus["kabul"].entities}
    assert labels.get("Doha") == "GPE"
    assert any(tmp_path.rglob("*")), "the annotations were cached"
