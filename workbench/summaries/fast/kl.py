"""KL-Sum that picks exactly as sumy's ``KLSummarizer``, updating only what a pick changes.

sumy (``sumy/summarizers/kl.py``) adds sentences one at a time, each time the one
whose words, joined to the summary so far, give the smallest
``sum_w p(w) log(p(w) / q(w))`` over the joint words ``w`` with ``p(w) > 0``:
``p`` the document's word distribution, ``q`` the joint word distribution.
Its quirks are kept, since they decide which sentence wins: ``p`` drops stop
words before lower-casing (so a capitalised "The" counts as "the"), a
candidate's words are lower-cased and stop-word-free, but the summary's words
are taken raw (case and stop words kept); nothing is stemmed; the first
sentence with the smallest value wins; the rating is minus the step.

For a candidate ``s`` with ``L_s`` words and a summary ``S`` with ``L_S``, the
value splits into a part shared by all candidates and sums over ``s``'s own
words, which change only when a pick adds one of those words to the summary:

    G + log(L_s + L_S) (P_T + b_s) + a_s - d_s

with ``T`` the summary words with ``p > 0``, ``G = sum_T p (log p - log c_S)``,
``P_T = sum_T p``, and over ``s``'s words ``k`` counted ``c``: ``a_s = sum p (log p
- log c)`` and ``b_s = sum p`` for ``k`` not in ``T``, ``d_s = sum p (log(c_S + c) -
log c_S)`` for ``k`` in ``T``. A pick changes ``a, b, d`` only for the sentences
sharing a word with it, and only by that word's terms, so each step updates
those entries and takes one vectorised minimum over all candidates. The sums
are added in another order than sumy's, so values within a relative ``1e-10``
count as equal (the first one wins, as in sumy).
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import scipy.sparse

from workbench.summaries.ranking import TIE_TOLERANCE, Ranking
from workbench.summaries.tokens import STOP_WORDS, TokenTable, count_matrix


def rank(tokens: TokenTable) -> Ranking:
    """Rank sentences in the order sumy's KL-Sum picks them (score: minus the step)."""
    return Ranking.from_pick_order(pick_order(tokens))


def pick_order(tokens: TokenTable) -> np.ndarray:
    """Candidate positions in the order sumy's KL-Sum adds them to the summary."""
    count = len(tokens)
    if count == 0:
        return np.zeros(0, dtype=np.int64)
    document_words = Counter(
        word.lower() for words in tokens.words for word in words if word not in STOP_WORDS
    )
    total = sum(document_words.values())
    vocabulary: dict[str, int] = {}
    content, _ = count_matrix(tokens.content_words, vocabulary)
    raw, _ = count_matrix(tokens.words, vocabulary)
    content.resize((count, len(vocabulary)))
    raw.resize((count, len(vocabulary)))
    probability = np.zeros(len(vocabulary))
    for word, frequency in document_words.items():
        if word in vocabulary:
            probability[vocabulary[word]] = frequency / total
    return _Picker(content, raw, probability).run()


class _Picker:
    """The greedy loop, with each sentence's ``a, b, d`` updated word by word."""

    def __init__(
        self, content: scipy.sparse.csr_matrix, raw: scipy.sparse.csr_matrix, p: np.ndarray
    ) -> None:
        count = content.shape[0]
        by_word = content.tocsc()
        self.word_starts = by_word.indptr
        self.word_rows = by_word.indices
        self.word_counts = by_word.data
        self.raw = raw
        self.p = p
        self.lengths = np.asarray(content.sum(axis=1)).ravel()
        self.summary_counts = np.zeros(len(p))
        self.summary_length = 0.0
        self.shared = 0.0  # G
        self.shared_p = 0.0  # P_T
        rows = np.repeat(np.arange(count), np.diff(content.indptr))
        entry_p = p[content.indices]
        self.a = np.bincount(
            rows, entry_p * (np.log(entry_p) - np.log(content.data)), minlength=count
        )
        self.b = np.bincount(rows, entry_p, minlength=count)
        self.d = np.zeros(count)

    def run(self) -> np.ndarray:
        count = len(self.lengths)
        # few distinct lengths: take the logarithm of each once per step
        distinct, length_of = np.unique(self.lengths, return_inverse=True)
        removed = np.zeros(count)  # +inf once picked
        order = np.empty(count, dtype=np.int64)
        for step in range(count):
            with np.errstate(divide="ignore", invalid="ignore"):
                log_joint = np.log(distinct + self.summary_length)[length_of]
                values = self.shared + log_joint * (self.shared_p + self.b) + self.a - self.d
            if self.summary_length == 0:  # sumy's value for a sentence without words
                values[self.lengths == 0] = 0.0
            values += removed
            best = values.min()
            # the first of the smallest values, allowing for rounding (sumy: list.index(min))
            best = int(np.argmax(values <= best + TIE_TOLERANCE * max(abs(best), 1.0)))
            order[step] = best
            removed[best] = np.inf
            self._add_to_summary(best)
        return order

    def _add_to_summary(self, sentence: int) -> None:
        """Add a sentence's raw words to the summary; update the sums of the words it changes."""
        start, end = self.raw.indptr[sentence], self.raw.indptr[sentence + 1]
        words, added = self.raw.indices[start:end], self.raw.data[start:end]
        before = self.summary_counts[words]
        after = before + added
        self.summary_counts[words] = after
        self.summary_length += float(added.sum())
        present = self.p[words] > 0
        words, before, after = words[present], before[present], after[present]
        if words.size == 0:
            return
        p = self.p[words]
        new = before == 0
        self.shared += float((p * (np.log(p) - np.log(after))).sum())
        self.shared -= float((p[~new] * (np.log(p[~new]) - np.log(before[~new]))).sum())
        self.shared_p += float(p[new].sum())
        # every sentence holding a changed word: one entry per (sentence, word)
        starts, ends = self.word_starts[words], self.word_starts[words + 1]
        sizes = ends - starts
        entries = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
        which = np.repeat(np.arange(words.size), sizes)
        rows, counts = self.word_rows[entries], self.word_counts[entries]
        p, before, after = p[which], before[which], after[which]
        joint = np.log(after + counts) - np.log(after)
        joined = before > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            joint -= np.where(joined, np.log(before + counts) - np.log(before), 0.0)
        np.add.at(self.d, rows, p * joint)
        # a word new to the summary leaves the sums over words outside it
        left = ~joined
        np.subtract.at(self.a, rows[left], p[left] * (np.log(p[left]) - np.log(counts[left])))
        np.subtract.at(self.b, rows[left], p[left])
