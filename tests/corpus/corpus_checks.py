"""What the corpus tests share: a good article to load beside bad files, and checks on a load."""

from __future__ import annotations

from pathlib import Path

from workbench.model import Corpus, Document

GOOD_ARTICLE = "Envoys met in Doha on Monday. They agreed to meet again next week.\n"


def sentence_texts(document: Document) -> list[str]:
    """The text of each of the document's sentences, in order."""
    return [sentence.text for sentence in document.sentences]


def skip_reasons(corpus: Corpus) -> dict[str, str]:
    """Each skipped file's path and the reason it was skipped."""
    return {item.path: item.reason for item in corpus.skipped}


def folder_with_good_article(tmp_path: Path) -> Path:
    """``tmp_path`` with ``good.txt`` in it, so a load has something to read."""
    (tmp_path / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    return tmp_path


def assert_offsets_hold(corpus: Corpus) -> None:
    """Every sentence is its document's raw text between its offsets, stripped and non-empty."""
    for document in corpus:
        for sentence in document.sentences:
            assert document.raw[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() and sentence.text
