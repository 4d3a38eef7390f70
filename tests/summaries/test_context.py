"""A summary of several articles prefers sentences that read without the one before them."""

from __future__ import annotations

import pytest

from workbench.corpus.document import build_document
from workbench.summaries import summarise
from workbench.summaries.context import needs_context

#: Two wire stories on cocoa in Reuters' manner: the sentences richest in the shared
#: words lean on the ones before them ("He said", "But", "..., they said").
GHANA = (
    "Ghana's Cocoa Marketing Board expects the 1987 cocoa crop to rise to 250,000 tonnes.\n"
    "He said cocoa exports and cocoa prices would rise in 1987 as cocoa output\n"
    "recovered from the drought, and cocoa farmers would be paid more.\n"
    "Farmers in the Ashanti region planted new trees last year.\n"
)
IVORY_COAST = (
    "Ivory Coast will sell more cocoa abroad this season, trade sources in Abidjan said.\n"
    "But cocoa exports and cocoa prices will fall in 1987 if cocoa output\n"
    "stays high, they said, as cocoa stocks are large.\n"
    "The cocoa harvest in the west of the country began in October.\n"
)


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("He\nsaid about 300 lawsuits are pending.", True),  # who is he?
        ("Its profits fell 12 pct in 1986.", True),
        ("However, the talks broke down.", True),
        ("On the other hand, output rose.", True),
        ("Kuwait, they said, was pumping 1.2 mln bpd.", True),
        ('"You can wipe that off your slate," he said.', True),
        ('"We will sell more," the Ghana Cocoa Board said.', False),  # its own speaker
        ("Ghana's cocoa board said exports would rise in 1987.", False),
        ("Butter prices rose in Europe.", False),  # "Butter" is not "But"
        ("Heavy rains delayed the harvest, the ministry said.", False),
    ],
)
def test_a_sentence_needs_context_when_it_leans_on_the_one_before(text, leans):
    assert needs_context(text) is leans


def test_a_summary_of_several_articles_prefers_sentences_that_stand_alone():
    ghana, ivory_coast = build_document(GHANA, "ghana"), build_document(IVORY_COAST, "ivory")
    chosen = [s.text for s in summarise([ghana, ivory_coast], sentences=2)]
    assert len(chosen) == 2
    assert not [text for text in chosen if needs_context(text)], chosen


def test_sentences_that_need_context_are_still_chosen_when_the_others_run_out():
    ghana, ivory_coast = build_document(GHANA, "ghana"), build_document(IVORY_COAST, "ivory")
    chosen = [s.text for s in summarise([ghana, ivory_coast], sentences=6)]
    assert any(text.startswith("He said") for text in chosen)


def test_a_summary_of_one_article_keeps_its_ranking():
    ghana = build_document(GHANA, "ghana")
    chosen = [s.text for s in summarise(ghana, sentences=1)]
    assert chosen[0].startswith("He said")  # read after the sentence naming the board
