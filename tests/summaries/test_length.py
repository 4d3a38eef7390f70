"""Summary lengths: a share of the sentences, a word budget, and a budget too small."""

from __future__ import annotations

from summaries.seed_articles import seed

from workbench.summaries import summarise


def test_length_by_ratio_takes_that_share_of_the_sentences(seeds_corpus):
    document = seed(seeds_corpus, "000")
    summary = summarise(document, ratio=0.25)
    assert len(summary) == round(0.25 * len(document.body))
    assert summary.length == "25% of the sentences"


def test_length_by_words_stays_within_the_budget(seeds_corpus):
    from workbench.text import count_words

    summary = summarise(seed(seeds_corpus, "001"), words=60)
    assert 0 < sum(count_words(s.text) for s in summary) <= 60


def test_a_word_budget_too_small_for_any_sentence_gives_an_empty_summary_with_a_note(
    seeds_corpus,
):
    summary = summarise(seed(seeds_corpus, "000"), words=2)
    assert len(summary) == 0
    assert summary.note == "no sentence fits in at most 2 words"
