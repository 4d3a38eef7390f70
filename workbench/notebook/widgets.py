"""A question box for notebooks: type a question, see the answer card.

:func:`question_box` returns a :class:`QuestionBox` (an ipywidgets text box, an
*Ask* button and the answer card below them) over one corpus, answered by one
:class:`~workbench.qa.answerer.QuestionAnswerer`, so the index is built and spaCy loaded
once, on the first question. Where ipywidgets is not installed it returns a
:class:`WidgetsUnavailable` note saying to call :func:`workbench.ask` instead;
a front end that cannot draw widgets (a plain console, an executed copy read
later) shows the same advice as the box's text form. Either way a notebook cell
that calls ``question_box(corpus)`` never fails.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    from workbench.model import Corpus
    from workbench.qa.answer import Answer

#: What to do without widgets, shown wherever the box cannot be drawn.
FALLBACK_ADVICE = "call ask(corpus, question) in a cell to see the answer card instead"


@dataclass(frozen=True)
class WidgetsUnavailable:
    """Shown in place of the question box when ipywidgets cannot be imported.

    Attributes
    ----------
    reason : str
        Why there is no box (the import error).
    """

    reason: str

    def __repr__(self) -> str:
        return f"<No question box: {self.reason}; {FALLBACK_ADVICE}>"

    def _repr_html_(self) -> str:
        return (
            f"<p><em>No question box: {html.escape(self.reason)}.</em> "
            f"{html.escape(FALLBACK_ADVICE.capitalize())}.</p>"
        )


class QuestionBox:
    """A text box and an *Ask* button; the answer card of the last question shows below.

    Parameters
    ----------
    corpus : Corpus
        The articles to answer from.
    evidence : int, default 3
        Evidence sentences on each card.
    placeholder : str
        The hint shown in the empty box.

    Attributes
    ----------
    text, button, output : ipywidgets widgets
        The box's parts; ``output`` holds the card (or a message).
    widget : ipywidgets.VBox
        All of them, as displayed.
    answer : Answer or None
        The last answer shown.
    """

    def __init__(
        self,
        corpus: Corpus,
        *,
        evidence: int = 3,
        placeholder: str = "Ask a question, e.g. Who hosted the talks?",
    ) -> None:
        import ipywidgets as widgets

        from workbench.qa.answerer import QuestionAnswerer

        self.answerer = QuestionAnswerer(corpus, evidence=evidence)
        self.text = widgets.Text(
            placeholder=placeholder,
            continuous_update=False,  # the value changes on Enter, not on every key
            layout=widgets.Layout(width="60%"),
        )
        self.button = widgets.Button(description="Ask", button_style="primary")
        self.output = widgets.Output()
        self.widget = widgets.VBox([widgets.HBox([self.text, self.button]), self.output])
        self.answer: Answer | None = None
        self.text.observe(lambda change: self.submit(), names="value")
        self.button.on_click(lambda button: self.submit())

    def submit(self, question: str | None = None) -> Answer | None:
        """Answer ``question`` (default: the box's text) and show its card below the box.

        An empty question or one of only stop words shows a message instead of
        raising, so a slip at the keyboard does not print a traceback.

        Returns
        -------
        Answer or None
            ``None`` when there was nothing to answer.
        """
        question = self.text.value if question is None else question
        if not question.strip():
            self._show_text("Type a question in the box, then press Enter or Ask.")
            return None
        if self.answer is not None and question == self.answer.question:
            return self.answer  # Enter then Ask: the card already shows this question
        try:
            answer = self.answerer.ask(question)
        except WorkbenchError as error:
            self._show_text(str(error))
            return None
        self.answer = answer
        bundle = {"text/html": answer._repr_html_(), "text/plain": str(answer)}
        self.output.outputs = ({"output_type": "display_data", "data": bundle, "metadata": {}},)
        return answer

    def _show_text(self, message: str) -> None:
        self.answer = None
        self.output.outputs = ({"output_type": "stream", "name": "stdout", "text": message + "\n"},)

    def _repr_mimebundle_(self, **kwargs: Any) -> dict[str, Any]:
        bundle = dict(self.widget._repr_mimebundle_(**kwargs) or {})
        bundle["text/plain"] = f"Question box (needs a front end that shows widgets): {self!r}"
        # where the widget cannot be drawn (an executed copy read later), a paragraph that
        # wraps between words, as the plain text JupyterLab shows does not
        bundle["text/html"] = (
            f"<p><em>Question box over {len(self.answerer.corpus)} documents</em> (it needs a "
            f"running kernel and a front end that shows widgets): "
            f"{html.escape(FALLBACK_ADVICE)}.</p>"
        )
        return bundle

    def __repr__(self) -> str:
        return f"<QuestionBox over {len(self.answerer.corpus)} documents; {FALLBACK_ADVICE}>"


def question_box(corpus: Corpus, *, evidence: int = 3) -> QuestionBox | WidgetsUnavailable:
    """A box to type questions about ``corpus`` and see each answer card, if widgets work.

    Parameters
    ----------
    corpus : Corpus
        The articles to answer from.
    evidence : int, default 3
        Evidence sentences on each card.

    Returns
    -------
    QuestionBox or WidgetsUnavailable
        The box, or, when ipywidgets cannot be imported, a note that displays the
        plain-call alternative.
    """
    try:
        import ipywidgets  # noqa: F401 (only whether it imports)
    except ImportError as error:
        return WidgetsUnavailable(f"ipywidgets cannot be imported ({error})")
    return QuestionBox(corpus, evidence=evidence)
