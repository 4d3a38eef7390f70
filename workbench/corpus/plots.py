"""How long the articles are, drawn so that it reads for five articles or five thousand.

:func:`plot_lengths` draws one bar a document while the documents are few enough
to name (:data:`MAX_BARS`), and a histogram of the lengths past that, where a bar
a document would be a smear of unreadable labels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from workbench.model import Corpus

#: Most documents drawn one bar each; more get a histogram.
MAX_BARS = 40

#: Bins of the histogram, at most (fewer when there are few documents).
MAX_BINS = 30


def plot_lengths(corpus: Corpus, *, ax: Axes | None = None) -> Axes:
    """Words per document: a bar a document up to :data:`MAX_BARS`, else a histogram.

    Parameters
    ----------
    corpus : Corpus
        The articles.
    ax : matplotlib.axes.Axes, optional
        Where to draw; by default a new figure's axes.

    Returns
    -------
    matplotlib.axes.Axes
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3 if len(corpus) > MAX_BARS else 0.3 * len(corpus) + 1.5))
    words = [document.word_count for document in corpus]
    if len(corpus) <= MAX_BARS:
        ax.barh(list(corpus.ids), words)
        ax.invert_yaxis()
        ax.set_xlabel("words")
        ax.set_title("Words per document")
    else:
        ax.hist(words, bins=min(MAX_BINS, max(len(set(words)), 1)))
        ax.set_xlabel("words in a document")
        ax.set_ylabel("documents")
        ax.set_title(f"Words per document, {len(corpus):,} documents")
    return ax
