"""The fast engines choose the sentences sumy's own summarizers choose, up to exact ties."""

from __future__ import annotations

import numpy as np
import pytest

from workbench.config import PROJECT_ROOT
from workbench.corpus.decoding import decode_bytes
from workbench.corpus.document import build_document
from workbench.summaries.api import rank
from workbench.summaries.fast import FAST_RANKERS
from workbench.summaries.source import SummaryInput, build_input
from workbench.summaries.sumy_engine import build_summarizer, document_model

BBC_ALIGNED = PROJECT_ROOT.parent / "shared" / "data" / "bbc_news_summary_100_sentence_aligned"
FAST_METHODS = sorted(FAST_RANKERS)
#: Methods that pick sentences one at a time (the score is minus the step).
STEPWISE = ("kl", "sumbasic")


def assert_engines_agree(method: str, source: SummaryInput) -> None:
    """The fast engine chooses what sumy's does, at every length, except where scores tie.

    For the rankers, at every count the two top sets are equal, or differ only in
    sentences whose scores tie with the last one chosen (on both engines' scores).
    KL and SumBasic pick step by step: their pick orders must be equal, up to a
    first step where two candidates tie in sumy's own KL values (SumBasic's
    fast engine repeats sumy's arithmetic, so it may not differ at all).
    """
    fast, sumy = rank(method, "fast", source), rank(method, "sumy", source)
    assert len(fast.order) == len(sumy.order)
    if method in STEPWISE:
        differ = np.flatnonzero(fast.order != sumy.order)
        if differ.size:
            step = int(differ[0])
            assert method == "kl", (method, step)
            values = sumy_kl_values(source, sumy.order[:step])
            chosen, sumys = values[int(fast.order[step])], values[int(sumy.order[step])]
            assert abs(chosen - sumys) <= 1e-9 * abs(sumys), (step, chosen, sumys)
        return
    for count in range(1, len(sumy.order) + 1):
        differ = set(fast.order[:count].tolist()) ^ set(sumy.order[:count].tolist())
        for ranking in (fast, sumy):
            boundary = ranking.scores[ranking.order[count - 1]]
            scale = max(float(np.abs(ranking.scores).max()), 1e-300)
            tied = [abs(ranking.scores[i] - boundary) <= 1e-9 * scale for i in differ]
            assert all(tied), (method, count, sorted(differ))


def sumy_kl_values(source: SummaryInput, summary: np.ndarray) -> dict[int, float]:
    """sumy's KL divergence for each candidate not in ``summary``, after those picks."""
    summarizer = build_summarizer("kl")
    sentences = list(document_model(source).sentences)
    document_frequency = summarizer.compute_tf(sentences)
    summary_words = summarizer._get_all_words_in_doc([sentences[i] for i in summary])
    return {
        position: summarizer._kl_divergence(
            summarizer._joint_freq(
                summarizer._get_content_words_in_sentence(sentences[position]), summary_words
            ),
            document_frequency,
        )
        for position in range(len(sentences))
        if position not in set(summary.tolist())
    }


@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_choose_the_same_sentences_on_each_seed_and_on_all_five(
    seeds_corpus, method
):
    for document in seeds_corpus:
        assert_engines_agree(method, build_input([document]))
    assert_engines_agree(method, build_input(seeds_corpus))


@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_agree_on_awkward_sentences(method):
    raw = (
        "Results\n\nArsenal 2-1 Chelsea. It is. Talks on Talks on talks. Moscow. Moscow. "
        "Kabul hosts talks with Moscow envoys. The the and of. 12 34."
    )
    assert_engines_agree(method, build_input([build_document(raw, "x")]))


@pytest.mark.skipif(not BBC_ALIGNED.is_dir(), reason=f"needs {BBC_ALIGNED}")
@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_choose_the_same_sentences_on_the_100_bbc_articles(method):
    paths = sorted((BBC_ALIGNED / "article").glob("*/*.txt"))
    assert len(paths) == 100
    for path in paths:
        raw = decode_bytes(path.read_bytes()).text
        source = build_input([build_document(raw, f"{path.parent.name}/{path.stem}")])
        assert_engines_agree(method, source)
