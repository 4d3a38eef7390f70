"""Hostile input: past the stated size limits, inputs are refused or skipped, never run for long."""

from __future__ import annotations

import pytest

from workbench.cli import main
from workbench.config import MAX_CORPUS_BYTES_ENV_VAR, MAX_FILE_BYTES_ENV_VAR
from workbench.corpus import load_corpus
from workbench.errors import CorpusError


def _article(place: str) -> str:
    return f"{place} hosted the summit on Friday. Delegates arrived in {place} on Monday.\n"


def _folder(tmp_path):
    for name, place in (("a.txt", "Bergen"), ("b.txt", "Doha"), ("c.txt", "Oslo")):
        (tmp_path / name).write_text(_article(place), encoding="utf-8")
    return tmp_path


def test_files_past_the_total_corpus_size_are_skipped_with_a_reason(tmp_path):
    folder = _folder(tmp_path)
    size = (folder / "a.txt").stat().st_size
    corpus = load_corpus(folder, max_corpus_bytes=2 * size + 1)
    assert corpus.ids == ("a", "b")
    [skipped] = corpus.skipped
    assert skipped.path == "c.txt"
    assert "past the corpus size limit" in skipped.reason
    assert MAX_CORPUS_BYTES_ENV_VAR in skipped.reason


def test_the_total_corpus_size_limit_is_read_from_the_environment(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    size = (folder / "a.txt").stat().st_size
    monkeypatch.setenv(MAX_CORPUS_BYTES_ENV_VAR, str(size))
    assert load_corpus(folder).ids == ("a",)
    assert load_corpus(folder, max_corpus_bytes=10 * size).ids == ("a", "b", "c")


def test_the_per_file_limit_is_read_from_the_environment_too(tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    (folder / "big.txt").write_text(_article("Santiago") * 20, encoding="utf-8")
    monkeypatch.setenv(MAX_FILE_BYTES_ENV_VAR, "1000")
    corpus = load_corpus(folder)
    assert corpus.ids == ("a", "b", "c")
    assert [(item.path, item.reason.split(":")[0]) for item in corpus.skipped] == [
        ("big.txt", "too large")
    ]


@pytest.mark.parametrize("value", ["lots", "0", "-5", "1.5"])
def test_a_size_limit_in_the_environment_that_is_not_a_whole_number_is_a_clear_error(
    tmp_path, monkeypatch, value
):
    monkeypatch.setenv(MAX_CORPUS_BYTES_ENV_VAR, value)
    with pytest.raises(CorpusError, match=f"{MAX_CORPUS_BYTES_ENV_VAR} must be a whole number"):
        load_corpus(_folder(tmp_path))


def test_the_command_line_lists_the_files_past_the_total_and_rejects_a_bad_limit(
    tmp_path, monkeypatch, capsys
):
    folder = _folder(tmp_path)
    monkeypatch.setenv(MAX_CORPUS_BYTES_ENV_VAR, str((folder / "a.txt").stat().st_size))
    assert main(["corpus", "--corpus", str(folder)]) == 0
    printed = capsys.readouterr().out
    assert "2 skipped" in printed and "past the corpus size limit" in printed
    monkeypatch.setenv(MAX_CORPUS_BYTES_ENV_VAR, "a lot")
    assert main(["corpus", "--corpus", str(folder)]) == 2
    error = capsys.readouterr().err
    assert len(error.strip().splitlines()) == 1 and MAX_CORPUS_BYTES_ENV_VAR in error
