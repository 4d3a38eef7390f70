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
