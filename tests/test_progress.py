"""Progress bars show in a terminal or a notebook, and never in a pipe or a file."""

from __future__ import annotations

import io
import sys

from workbench.terminal import progress_wanted


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_explicit_choice_wins(monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert progress_wanted(False) is False
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_wanted(True) is True


def test_by_default_a_terminal_shows_bars_and_a_pipe_does_not(monkeypatch):
    monkeypatch.setattr(sys, "stderr", _Terminal())
    assert progress_wanted(None) is True
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert progress_wanted(None) is False


def test_the_events_pass_draws_its_bar_only_when_asked(capsys, full_nlp):
    from workbench.corpus.document import build_document
    from workbench.events import extract_events

    documents = [build_document("Kenya hosted a summit on trade in Nairobi.", "k")]
    extract_events(documents, nlp=full_nlp, progress=True)
    assert "Reading events" in capsys.readouterr().err
    extract_events(documents, nlp=full_nlp, progress=False)
    assert "Reading events" not in capsys.readouterr().err


def test_the_events_bar_counts_sentences_so_one_long_article_moves_it(capsys, full_nlp):
    from workbench.corpus.document import build_document
    from workbench.events import extract_events

    text = "Kenya hosted a summit on trade in Nairobi. " + "Talks went on. " * 40
    extract_events([build_document(text, "k")], nlp=full_nlp, progress=True)
    shown = capsys.readouterr().err
    assert "/41" in shown and "sentence" in shown  # a bar over 41 sentences, not 1 doc


def test_a_briefing_shows_its_questions_and_summaries_progress_only_when_asked(
    capsys, seeds_corpus, seeds_answerer
):
    from workbench.export import build_briefing

    def shown_with(progress: bool) -> str:
        build_briefing(
            seeds_corpus,
            questions=["Who hosted the talks?"],
            max_articles=2,
            answerer=seeds_answerer,
            progress=progress,
        )
        return capsys.readouterr().err

    shown = shown_with(True)
    assert "Answering" in shown and "/1 " in shown
    assert "Summarising" in shown and "/2 " in shown
    shown = shown_with(False)
    assert "Answering" not in shown and "Summarising" not in shown


def test_a_bar_yields_every_item_shown_or_not(capsys):
    from workbench.terminal import progress_bar

    assert list(progress_bar(range(4), desc="Counting", unit="item", progress=False)) == [
        0,
        1,
        2,
        3,
    ]
    assert "Counting" not in capsys.readouterr().err
    assert list(progress_bar(iter("ab"), desc="Counting", unit="item", progress=True)) == ["a", "b"]
    assert "Counting" in capsys.readouterr().err


def test_an_executed_notebook_keeps_the_bar_s_last_state_not_its_first(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from workbench.notebook.run import CLEAN_KERNELSPEC, run_notebook

    source = "from workbench.terminal import progress_bar\n"
    source += "items = list(progress_bar(range(3), desc='Counting', unit='item'))"
    notebook = new_notebook(
        cells=[new_code_cell(source)], metadata={"kernelspec": dict(CLEAN_KERNELSPEC)}
    )
    nbformat.write(notebook, tmp_path / "bar.ipynb")
    run = run_notebook(tmp_path / "bar.ipynb", tmp_path / "bar-out.ipynb")
    outputs = nbformat.read(run.output, as_version=4).cells[0].outputs
    shown = [output.data["text/plain"] for output in outputs if "data" in output]
    assert len(shown) == 1, outputs
    assert "Counting: 100%" in shown[0] and "3/3" in shown[0]
    assert "0/3" not in shown[0]
