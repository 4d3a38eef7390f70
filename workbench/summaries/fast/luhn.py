"""Luhn's method, rating exactly as sumy's ``LuhnSummarizer`` with cached stems.

sumy (``sumy/summarizers/luhn.py``) calls a stem "significant" when, among the
stop-word-free stems of the whole document (headings included), it occurs more
than once. A sentence's rating is its best chunk's ``significant^2 / length``,
where a chunk starts at a significant stem (of any word, stop words included)
and ends before a run of four insignificant ones; a chunk with one significant
word rates 0. The work is linear already; sumy's cost is stemming every word
twice, which :class:`~workbench.summaries.tokens.TokenTable` does once per
distinct word.
"""

from __future__ import annotations

from collections import Counter

import numpy as np

from workbench.summaries.tokens import TokenTable

#: sumy's Luhn gap between significant words in one cluster, kept so both engines agree.
MAX_GAP_SIZE = 4


def scores(tokens: TokenTable) -> np.ndarray:
    """The Luhn rating sumy gives every sentence."""
    frequency = Counter(tokens.heading_content_stems)
    for stems in tokens.content_stems:
        frequency.update(stems)
    significant = {stem for stem, count in frequency.items() if count > 1}
    return np.array([_rating(stems, significant) for stems in tokens.stems], dtype=np.float64)


def _rating(stems: tuple[str, ...], significant: set[str]) -> float:
    """The best chunk rating of one sentence (0 without a chunk)."""
    best = 0.0
    chunk_significant = chunk_length = gap = 0
    in_chunk = False
    for stem in stems:
        is_significant = stem in significant
        if is_significant and not in_chunk:
            in_chunk = True
            chunk_significant, chunk_length, gap = 1, 1, 0
        elif in_chunk:
            chunk_length += 1
            if is_significant:
                chunk_significant += 1
                gap = 0
            else:
                gap += 1
        if in_chunk and gap == MAX_GAP_SIZE:
            in_chunk = False
            best = max(best, _chunk_rating(chunk_significant, chunk_length - gap))
    if in_chunk:
        best = max(best, _chunk_rating(chunk_significant, chunk_length - gap))
    return best


def _chunk_rating(significant: int, length: int) -> float:
    return 0.0 if significant == 1 else significant**2 / length
