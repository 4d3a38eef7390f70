"""The notebook question box: answers on Enter or Ask, never a traceback, and a fallback."""

from __future__ import annotations

import sys

import pytest

from workbench.notebook.widgets import QuestionBox, WidgetsUnavailable, question_box


@pytest.fixture(scope="module")
def box(seeds_corpus, full_nlp) -> QuestionBox:
    made = question_box(seeds_corpus, evidence=2)
    made.answerer.nlp = full_nlp  # the session's pipeline, not a second load
    return made


def _shown(box: QuestionBox) -> dict:
    [output] = box.output.outputs
    return output


def test_typing_a_question_and_pressing_enter_shows_the_answer_card(box):
    box.text.value = "Who is the Russian Foreign Minister?"
    assert box.answer is not None and box.answer.answer == "Sergei Lavrov"
    card = _shown(box)["data"]["text/html"]
    assert "<mark>Sergei Lavrov</mark>" in card
    assert "003_daaee59f7b39963c[" in card
    assert len(box.answer.evidence) == 2


def test_the_ask_button_answers_the_text_in_the_box(box):
    box.text.value = "Where are the talks between the Afghanistan government and the Taliban?"
    box.text.value = ""  # shows the hint, forgets the answer
    assert "Type a question" in _shown(box)["text"]
    box.text.value = "Who hosted the talks?"
    first = box.answer
    box.button.click()  # the same question again: the card stays, nothing is recomputed
    assert box.answer is first
    assert "text/html" in _shown(box)["data"]


def test_a_question_of_only_stop_words_shows_the_message_not_a_traceback(box):
    assert box.submit("the of and") is None
    assert "stop words" in _shown(box)["text"]
    assert box.answer is None


def test_the_box_displays_as_a_widget_with_advice_for_plain_viewers(box):
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "ask(corpus, question)" in bundle["text/plain"]
    assert "ask(corpus, question)" in bundle["text/html"]  # wraps between words
    assert bundle["text/html"].startswith("<p><em>Question box over 5 documents</em>")
    assert repr(box).startswith("<QuestionBox over 5 documents")


def test_without_ipywidgets_the_box_is_a_note_pointing_to_the_plain_call(seeds_corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # makes the import fail
    note = question_box(seeds_corpus)
    assert isinstance(note, WidgetsUnavailable)
    assert "ipywidgets cannot be imported" in note.reason
    assert "Call ask(corpus, question)" in note._repr_html_()
    assert "call ask(corpus, question)" in repr(note)
