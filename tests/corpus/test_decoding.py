"""Decoding files: Latin-1, UTF-16 and UTF-8 with a byte-order mark, and undecodable bytes."""

from __future__ import annotations

import codecs

import pytest
from corpus.corpus_checks import folder_with_good_article, sentence_texts, skip_reasons

from workbench import load_corpus


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n  ", "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00", "a PNG image"),
        (b"\x00\x01\x02\x03" * 64, "binary file"),
        (bytes(range(1, 32)) * 20, "binary file"),
        (codecs.BOM_UTF16_LE + b"A\x00B", "invalid UTF-16"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "invalid UTF-16"),
    ],
    ids=[
        "empty",
        "whitespace",
        "png",
        "nul-bytes",
        "control-chars",
        "utf16-odd-bytes",
        "utf16-lone-surrogate",
    ],
)
def test_an_unreadable_file_is_skipped_with_its_reason_and_the_rest_loads(
    tmp_path, content, reason
):
    folder_with_good_article(tmp_path)
    (tmp_path / "bad.txt").write_bytes(content)
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ("good",)
    assert reason in skip_reasons(corpus)["bad.txt"]


def test_a_latin_1_file_is_decoded(tmp_path):
    text = "Café owners in São Paulo met on Monday. The façade of the Müller hall was lit."
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    document = load_corpus(tmp_path)["latin"]
    assert document.raw == text
    assert sentence_texts(document) == [
        "Café owners in São Paulo met on Monday.",
        "The façade of the Müller hall was lit.",
    ]


def test_a_utf_16_file_with_a_byte_order_mark_is_decoded(tmp_path):
    text = "Café talks in Köln ended. Envoys left — happy “at last”."
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    document = load_corpus(tmp_path)["wide"]
    assert document.encoding == "utf-16"
    assert sentence_texts(document) == [
        "Café talks in Köln ended.",
        "Envoys left — happy “at last”.",
    ]


def test_a_utf_8_file_with_a_byte_order_mark_keeps_no_mark(tmp_path):
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + b"Envoys met. Talks went on.")
    assert load_corpus(tmp_path)["bom"].raw == "Envoys met. Talks went on."
