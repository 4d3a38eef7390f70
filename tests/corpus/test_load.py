"""Loading a corpus: the seeds, ids, errors, skipped files, progress and display."""

from __future__ import annotations

import itertools
import os
from datetime import date

import pytest
from corpus.corpus_checks import (
    GOOD_ARTICLE,
    assert_offsets_hold,
    folder_with_good_article,
    sentence_texts,
    skip_reasons,
)

from workbench import CorpusError, load_corpus

SEED_IDS = (
    "000_258fbde797f3b430",
    "001_30f9a38c05a6a4cc",
    "002_2d519cff5749e0aa",
    "003_daaee59f7b39963c",
    "004_55b560d3e012caba",
)

# --- The seeds -------------------------------------------------------------------------


def test_the_seeds_are_five_documents_named_by_file_stem(seeds_corpus):
    assert len(seeds_corpus) == 5
    assert seeds_corpus.ids == SEED_IDS
    assert seeds_corpus.skipped == ()


def test_every_seed_sentence_cites_its_raw_text_exactly(seeds_corpus):
    assert_offsets_hold(seeds_corpus)
    for document in seeds_corpus:
        indexes = [sentence.index for sentence in document.sentences]
        assert indexes == list(range(len(document.sentences)))
        ends = [(sentence.start, sentence.end) for sentence in document.sentences]
        assert ends == sorted(ends)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))


def test_the_paywall_block_of_001_is_left_out(seeds_corpus):
    document = seeds_corpus["001_30f9a38c05a6a4cc"]
    for sentence in document.sentences:
        assert "reached your limit" not in sentence.text
        assert "Subscribe" not in sentence.text
        assert "₹" not in sentence.text
    assert any(span.reason == "paywall block" for span in document.removed)
    assert document.sentences[-1].text.startswith('"The best way to deal with these threats')


def test_the_creative_commons_line_of_000_is_left_out(seeds_corpus):
    document = seeds_corpus["000_258fbde797f3b430"]
    assert not any("Creative Commons" in text for text in sentence_texts(document))
    assert sentence_texts(document)[-1].endswith("virtually sidelined in Afghanistan.")


def test_the_date_header_of_004_becomes_its_published_date(seeds_corpus):
    document = seeds_corpus["004_55b560d3e012caba"]
    assert document.published == date(2021, 7, 17)
    assert not any("2021-07-17" in text for text in sentence_texts(document))
    assert sentence_texts(document)[0].startswith("As talks between the Afghanistan government")


def test_the_dateline_of_000_is_metadata_and_the_first_sentence_starts_at_in_a_bid(seeds_corpus):
    document = seeds_corpus["000_258fbde797f3b430"]
    assert document.dateline == "TEHRAN"
    assert document.sentences[0].text.startswith("In a bid to broker peace")


def test_the_missing_full_stop_in_000_gives_two_sentences(seeds_corpus):
    texts = sentence_texts(seeds_corpus["000_258fbde797f3b430"])
    assert any(text.endswith("but it turned out a chimera") for text in texts)
    assert any(text.startswith("In recent months, the U.S. has also renewed") for text in texts)


def test_the_headline_of_003_is_a_heading_of_its_own(seeds_corpus):
    document = seeds_corpus["003_daaee59f7b39963c"]
    headline = document.sentences[0]
    assert headline.is_heading
    assert headline.text == "Russia hosts Afghan peace talks with Taliban, vows Tajikistan aid"
    assert document.title == headline.text
    assert not document.sentences[1].is_heading
    assert document.sentences[1].text.startswith("Russia promised military assistance")
    assert headline not in document.body


def test_the_agency_byline_of_003_is_left_out(seeds_corpus):
    document = seeds_corpus["003_daaee59f7b39963c"]
    assert not any("dpa/IANS" in text for text in sentence_texts(document))
    assert (
        sentence_texts(document)[-1]
        == "They were armed with modern weapons to launch quick attacks, he added."
    )


def test_the_corpus_overview_has_one_row_per_seed(seeds_corpus):
    overview = seeds_corpus.overview()
    assert list(overview["doc_id"]) == list(SEED_IDS)
    assert (overview["sentences"] > 5).all()
    assert (overview["words"] > 100).all()
    frame = seeds_corpus.to_frame()
    assert {"doc_id", "sentence", "start", "end", "text"} <= set(frame.columns)
    assert len(frame) == sum(len(document.sentences) for document in seeds_corpus)


def test_an_unknown_document_id_names_some_known_ones(seeds_corpus):
    with pytest.raises(KeyError, match=r"no document 'nope'.*000_258fbde797f3b430"):
        seeds_corpus["nope"]


# --- Ids -------------------------------------------------------------------------------


def test_ids_are_file_stems_and_colliding_stems_use_the_relative_path(tmp_path):
    for folder in ("africa", "asia"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "talks.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "summit.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    assert load_corpus(tmp_path).ids == ("africa/talks", "asia/talks", "summit")


def test_ids_are_stable_across_loads(tmp_path):
    (tmp_path / "b.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    assert load_corpus(tmp_path).ids == load_corpus(tmp_path).ids == ("a", "b")


# --- Bad input: errors -----------------------------------------------------------------


def test_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match=r"Corpus folder not found: .*no-such-folder"):
        load_corpus(tmp_path / "no-such-folder")


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match=r"not found: .*gone\.txt"):
        load_corpus(tmp_path / "gone.txt")


def test_an_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="the folder is empty"):
        load_corpus(tmp_path)


def test_a_folder_of_only_unreadable_files_is_an_error_that_gives_the_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n ", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"No readable documents .*2 skipped.*empty file"):
        load_corpus(tmp_path)


# --- Bad input: skipped files ----------------------------------------------------------


def test_a_file_over_the_size_limit_is_skipped_with_its_reason(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "big.txt").write_text(GOOD_ARTICLE * 100, encoding="utf-8")
    corpus = load_corpus(tmp_path, max_file_bytes=1_000)
    assert corpus.ids == ("good",)
    assert skip_reasons(corpus)["big.txt"] == "too large: 6,700 bytes, over the 1,000 bytes limit"


@pytest.mark.slow
def test_a_50_megabyte_file_loads(tmp_path):
    paragraph = (
        "Envoys met in Doha on Monday to discuss a ceasefire, officials said. "
        "The talks, which Dr. Smith of the U.S. attended, lasted until the evening.\n\n"
    )
    (tmp_path / "big.txt").write_text(paragraph * (50_000_000 // len(paragraph) + 1))
    assert (tmp_path / "big.txt").stat().st_size >= 50_000_000
    document = load_corpus(tmp_path)["big"]
    assert len(document.sentences) > 600_000
    last = document.sentences[-1]
    assert document.raw[last.start : last.end] == last.text
    assert last.text == "The talks, which Dr. Smith of the U.S. attended, lasted until the evening."


def test_hidden_files_and_folders_are_skipped_and_listed(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / ".draft.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert skip_reasons(corpus) == {".draft.txt": "hidden file", ".git": "hidden folder"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_loop_is_listed_and_the_rest_loads(tmp_path):
    (tmp_path / "world").mkdir()
    (tmp_path / "world" / "talks.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "world" / "back-up").symlink_to("..", target_is_directory=True)
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("talks",)
    assert "symbolic link loop" in skip_reasons(corpus)["world/back-up"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_that_lead_only_to_each_other_are_listed_as_a_loop(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    reasons = skip_reasons(load_corpus(tmp_path))
    assert "symbolic link loop" in reasons["a.txt"]
    assert "symbolic link loop" in reasons["b.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_broken_symbolic_link_is_listed(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "moved.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert "broken symbolic link" in skip_reasons(corpus)["moved.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_linked_file_is_read_through_its_link(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "original.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "store" / "original.txt")
    assert load_corpus(tmp_path).ids == ("alias", "original")


def test_a_file_of_an_unsupported_type_is_listed(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert skip_reasons(corpus) == {"report.pdf": "unsupported file type '.pdf'"}


def test_a_file_with_only_boilerplate_is_skipped(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "furniture.txt").write_text("Subscribe\nLog in\n₹900\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert skip_reasons(corpus)["furniture.txt"] == "no article text after cleaning"


# --- Progress and display --------------------------------------------------------------


def test_a_progress_bar_is_shown_on_request_and_hidden_otherwise(tmp_path, capsys):
    folder_with_good_article(tmp_path)
    load_corpus(tmp_path, progress=True)
    assert "Reading" in capsys.readouterr().err
    load_corpus(tmp_path, progress=False)
    load_corpus(tmp_path)  # standard error is not a terminal under pytest
    assert capsys.readouterr().err == ""


def test_a_corpus_shows_itself_with_its_skipped_files(tmp_path):
    folder_with_good_article(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    corpus = load_corpus(tmp_path)
    assert repr(corpus) == f"<Corpus of 1 document, 1 skipped from {tmp_path}>"
    shown = corpus._repr_html_()
    assert "good" in shown and "empty.txt" in shown and "empty file" in shown
    assert list(corpus.skipped_frame().columns) == ["path", "reason"]


def test_files_load_in_natural_name_order(tmp_path):
    for number in (10, 2, 1, 100):
        (tmp_path / f"wire-{number}.txt").write_text(f"Story {number}\n\nIt rained.\n")
    corpus = load_corpus(tmp_path, cache_dir="", progress=False)
    assert [document.id for document in corpus] == ["wire-1", "wire-2", "wire-10", "wire-100"]
