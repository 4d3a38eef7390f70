"""What a summary is chosen from: sentences that stand alone out of their article."""

from __future__ import annotations

import pytest

from workbench.corpus.document import build_document
from workbench.summaries import summarise
from workbench.summaries.source import build_input, stands_alone


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ('We can produce more," he said.', False),  # the tail of an earlier quotation
        ('"We can produce more," he said.', True),
        ("and then the talks went on for hours.", False),
        ("The case continues.", False),
        ("Talks resumed on Monday.", True),
        ('"2005 offers the chance for a breakthrough," the director added.', True),
        (
            'People want a government that upholds the rules and does not bend them," he said.',
            True,  # a long tail reads as a statement
        ),
    ],
)
def test_a_sentence_stands_alone_unless_it_is_a_fragment(text, alone):
    assert stands_alone(text) is alone


def test_fragments_are_never_chosen_even_when_they_repeat_the_topic():
    text = (
        "Oil ministers met in Vienna on Monday to discuss output quotas for the cartel. "
        '"The market is short of oil and we are ready to pump. We can produce more oil," he said. '
        "Saudi Arabia said output quotas would stay unchanged until the next meeting in June. "
        "Oil prices fell."
    )
    document = build_document(text, "oil")
    candidates = [sentence.text for sentence in build_input([document]).candidates]
    assert 'We can produce more oil," he said.' not in candidates
    assert "Oil prices fell." not in candidates
    chosen = [sentence.text for sentence in summarise(document, sentences=3).sentences]
    assert chosen and all(stands_alone(sentence) for sentence in chosen)


def test_an_article_of_fragments_is_still_summarised():
    document = build_document("Talks ended. He left. Rain fell.", "short")
    assert len(summarise(document, sentences=1)) == 1
