"""How an answer shows: as text, as a card in a notebook and as Markdown.

:class:`~workbench.qa.answer.Answer` keeps what was found; the functions here
lay it out, the answer marked in the sentence that gives it, the confidence as
a bar against the threshold, the answer type in words and the evidence in the
order the card and the frame share (:meth:`~workbench.qa.answer.Answer.evidence_by_score`).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from workbench.data import read_table
from workbench.display import code
from workbench.markdown import code_span, escape

if TYPE_CHECKING:
    from workbench.events.table import Event
    from workbench.qa.answer import Answer, Evidence

#: Why the card gives each alternative's score beside its confidence (its tooltip).
TIED_NOTE = (
    "The confidence is calibrated in steps, so candidates often share one; "
    "the ranker's score orders them."
)


def answer_text(answer: Answer) -> str:
    """The answer as plain text: answer, source, events or other answers, evidence."""
    lines = [f"Q: {answer.question}"]
    if answer.answered:
        lines.append(
            f"A: {' '.join(str(answer.answer).split())}  "
            f"(confidence {answer.confidence:.2f}, {answer.label}; "
            f"{answer.doc_id}[{answer.start}:{answer.end}])"
        )
    else:
        lines.append(f"A: no answer  (confidence {answer.confidence:.2f})")
    if answer.events:
        lines.append(f"   {len(answer.events)} events answer it, by date:")
        lines += [f"   - {_event_line(event)}" for event in answer.events]
    else:
        lines += [
            f"   also: {item.answer}  (confidence {item.confidence:.2f}; "
            f"{item.doc_id}[{item.start}:{item.end}])"
            for item in answer.answers
        ]
    if answer.unsupported_note:
        lines.append(f"   {answer.unsupported_note}")
    for rank, item in enumerate(answer.evidence_by_score(), start=1):
        text = " ".join(item.text.split())
        lines.append(
            f"  {rank}. {item.doc_id}[{item.start}:{item.end}] score {item.score:.3f}: {text}"
        )
    return "\n".join(lines)


def answer_html(answer: Answer) -> str:
    """The answer card as HTML, for a notebook."""
    if answer.answer is not None:
        shown = (
            f"<strong>{html.escape(answer.answer)}</strong> "
            f"{code(f'{answer.doc_id}[{answer.start}:{answer.end}]')}"
        )
        if answer.date:
            shown += f" <small>(resolved: {html.escape(answer.date_shown or answer.date)})</small>"
    else:
        shown = "<strong>No answer</strong>"
    items = "".join(
        f"<li>{code(f'{item.doc_id}[{item.start}:{item.end}]')} "
        f"<small>score {item.score:.3f}</small><br>{_marked(answer, item)}</li>"
        for item in answer.evidence_by_score()
    )
    considered = _alternatives_html(answer)
    listed = "".join(
        f"<li><strong>{html.escape(item.answer)}</strong> "
        f"{code(f'{item.doc_id}[{item.start}:{item.end}]')} "
        f"<small>confidence {item.confidence:.2f}</small><br>"
        f"{html.escape(item.evidence.text)}</li>"
        for item in answer.answers
    )
    return (
        f'<div class="workbench-answer"><p><em>{html.escape(answer.question)}</em></p>'
        f"<p>{shown}</p><p>{_confidence_bar(answer.confidence, answer.threshold)} "
        f"<small>expected {html.escape(answer.expected_words)}</small></p>"
        + (f"<p>{html.escape(answer.unsupported_note)}</p>" if answer.unsupported_note else "")
        + (answer.event_table()._repr_html_() if answer.events else "")
        + (f"<p>Also answered:</p><ul>{listed}</ul>" if listed and not answer.events else "")
        + (f"<p><small>{considered}</small></p>" if considered else "")
        + (f"<ol>{items}</ol>" if items else "<p><small>No sentence matched.</small></p>")
        + "</div>"
    )


def answer_markdown(answer: Answer) -> str:
    """The answer as Markdown: answer, confidence, other answers or events, the evidence."""
    shown = f"**{escape(answer.answer)}**" if answer.answer is not None else "**No answer**"
    lines = [f"*{escape(answer.question)}*", "", f"{shown} (confidence {answer.confidence:.2f})"]
    if answer.events:
        lines += ["", f"{len(answer.events)} events answer it, by date:", ""]
        lines += [f"- {escape(_event_line(event))}" for event in answer.events]
    elif answer.answers:
        lines += ["", "Also answered:", ""]
        lines += [
            f"- **{escape(item.answer)}** (confidence {item.confidence:.2f}, "
            f"{code_span(f'{item.doc_id}[{item.start}:{item.end}]')})"
            for item in answer.answers
        ]
    if answer.unsupported_note:
        lines += ["", escape(answer.unsupported_note)]
    lines += [""] if answer.evidence else []
    lines += [
        f"{rank}. {code_span(f'{item.doc_id}[{item.start}:{item.end}]')} {escape(item.text)}"
        for rank, item in enumerate(answer.evidence, start=1)
    ]
    return "\n".join(lines)


def _marked(answer: Answer, item: Evidence) -> str:
    """The evidence text as HTML, the answer in ``<mark>`` when it lies in this sentence."""
    if (
        answer.answered
        and item.doc_id == answer.doc_id
        and answer.start is not None
        and answer.end is not None
        and item.start <= answer.start < answer.end <= item.end
    ):
        head = item.text[: answer.start - item.start]
        body = item.text[answer.start - item.start : answer.end - item.start]
        tail = item.text[answer.end - item.start :]
        return f"{html.escape(head)}<mark>{html.escape(body)}</mark>{html.escape(tail)}"
    return html.escape(item.text)


def _alternatives_html(answer: Answer) -> str:
    """The card's "Also considered" line: each alternative's confidence, and score if known."""
    scored = answer.alternatives_scored()
    if not scored:
        return ""
    with_scores = all(score is not None for _, _, score in scored)
    shown = ", ".join(
        f"{html.escape(text)} ({confidence:.2f}" + (f", {score:.2f})" if with_scores else ")")
        for text, confidence, score in scored
    )
    if not with_scores:
        return f"Also considered: {shown}"
    return (
        f'<span title="{html.escape(TIED_NOTE)}">'
        f"Also considered (confidence, ranker's score): {shown}</span>"
    )


def _event_line(event: Event) -> str:
    """One event row in a line: host, what, where, when, and its source."""
    parts = [event.host, event.event or event.verb]
    if event.place and event.place != event.host:
        parts.append(f"in {event.place}")
    when = event.date_shown() or event.when
    if when:
        parts.append(when)
    return f"{' | '.join(parts)}  ({event.doc_id}[{event.start}:{event.end}])"


#: Each answer type in words, from ``data/qa_label_words.tsv``.
LABEL_WORDS: dict[str, str] = dict(read_table("qa_label_words.tsv"))  # type: ignore[arg-type]


def type_in_words(answer_type: str) -> str:
    """``"PERSON/ORG"`` -> ``"a person or an organisation"``; unknown labels as written.

    Examples
    --------
    >>> type_in_words("PERSON/ORG/GPE")
    'a person, an organisation or a country, city or state'
    >>> type_in_words("phrase")
    'a phrase'
    """
    words = [LABEL_WORDS.get(label, label) for label in answer_type.split("/") if label]
    if len(words) <= 1:
        return words[0] if words else "anything"
    return f"{', '.join(words[:-1])} or {words[-1]}"


def _confidence_bar(confidence: float, threshold: float | None) -> str:
    """The confidence as a bar, with the threshold marked on it and said in words."""
    width = 120
    filled = round(width * max(0.0, min(1.0, confidence)))
    given = threshold is None or confidence >= threshold
    colour = "#2e7d32" if given else "#9e9e9e"
    marker = ""
    said = f"confidence {confidence:.2f}"
    if threshold is not None:
        at = round(width * threshold)
        marker = (
            f'<span style="position:absolute;left:{at}px;top:-2px;width:2px;height:14px;'
            f'background:#c62828" title="threshold {threshold:.2f}"></span>'
        )
        said += f" (answers from {threshold:.2f})"
    return (
        f'<span style="display:inline-block;position:relative;width:{width}px;height:10px;'
        f'background:#e0e0e0;vertical-align:middle" role="meter" aria-valuenow="{confidence:.2f}">'
        f'<span style="display:block;width:{filled}px;height:10px;background:{colour}"></span>'
        f"{marker}</span> <small>{said}</small>"
    )
