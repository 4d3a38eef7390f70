"""sumy's own summarizers run on the workbench's sentences, the random one seeded."""

from __future__ import annotations

from workbench.summaries import summarise


def test_the_random_baseline_is_the_same_draw_every_time(seeds_corpus):
    first = summarise(seeds_corpus, method="random", sentences=3)
    again = summarise(seeds_corpus, method="random", sentences=3)
    assert [s.start for s in first.sentences] == [s.start for s in again.sentences]
