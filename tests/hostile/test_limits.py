"""Hostile input: past the stated size limits, inputs are refused or skipped, never run for long."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.cli import main
from workbench.config import MAX_CORPUS_BYTES_ENV_VAR, MAX_FILE_BYTES_ENV_VAR
from workbench.corpus import load_corpus
from workbench.errors import CorpusError, InputTooLargeError
from workbench.summaries import summarise
from workbench.summaries.methods import BY_NAME, REGISTRY, SUMY_MAX_SENTENCES, method_named


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


def _many_sentences(folder, count: int):
    lines = [f"Delegate number {n} arrived in Bergen for talks on day {n}." for n in range(count)]
    paragraphs = ["Arrivals", *(" ".join(lines[i : i + 10]) for i in range(0, count, 10))]
    (folder / "long.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    return load_corpus(folder)


@pytest.mark.parametrize("method", ["lexrank", "kl"])
def test_a_quadratic_fast_method_refuses_an_input_past_its_stated_size(
    tmp_path, monkeypatch, method
):
    corpus = _many_sentences(tmp_path, 40)
    monkeypatch.setitem(BY_NAME, method, replace(BY_NAME[method], max_sentences=30))
    with pytest.raises(
        InputTooLargeError, match=f"{method} on the fast engine ranks at most 30 sentences"
    ) as raised:
        summarise(corpus, method=method)
    assert "textrank-cosine" in str(raised.value) and "lead" in str(raised.value)
    assert summarise(corpus, method=method, query="delegate number 7 arrived").sentences


def test_sumys_own_graph_methods_refuse_past_their_size_and_point_to_the_fast_engine(tmp_path):
    corpus = _many_sentences(tmp_path, SUMY_MAX_SENTENCES + 10)
    with pytest.raises(InputTooLargeError, match="the fast engine") as raised:
        summarise(corpus, method="lexrank", engine="sumy")
    assert f"at most {SUMY_MAX_SENTENCES:,} sentences" in str(raised.value)
    assert len(summarise(corpus, method="lexrank")) == 3  # the fast engine takes it


def test_the_command_line_says_in_one_line_that_an_input_is_too_large(
    tmp_path, monkeypatch, capsys
):
    _many_sentences(tmp_path, 40)
    monkeypatch.setitem(BY_NAME, "kl", replace(BY_NAME["kl"], max_sentences=30))
    assert main(["summarise", "--corpus", str(tmp_path), "--method", "kl"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "ranks at most 30 sentences" in error


def test_methods_without_a_stated_size_are_the_linear_ones():
    limited = {method.name for method in REGISTRY if method.max_sentences is not None}
    assert limited == {"lexrank", "kl"}
    assert method_named("luhn").limit_on("sumy") is None
    assert method_named("textrank").limit_on("fast") is None
    assert method_named("textrank").limit_on("sumy") == SUMY_MAX_SENTENCES
