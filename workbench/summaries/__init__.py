"""Extractive summaries of one article, several, or only what concerns a question.

``summarise(target, method=..., engine=..., sentences=... | ratio=... | words=...,
query=...)`` ranks the candidate sentences (body sentences, never headings) with
one of :data:`METHODS` (sumy's nine, the workbench's ``textrank-cosine``, the
``lead`` baseline) and returns a :class:`Summary` whose sentences cite their
articles by raw-text offsets. Several documents are summarised together with
redundancy control (:mod:`~workbench.summaries.mmr`), preferring sentences
that read without the one before them (:mod:`~workbench.summaries.context`);
``query=`` summarises only what concerns a question
(:mod:`~workbench.summaries.query`).

Methods. Each method is one entry in the registry
(:mod:`~workbench.summaries.methods`), which says what it does and which code
runs it on each engine; :data:`METHODS` lists them in registry order.

Engines. sumy's graph and KL methods are pure Python and quadratic or worse,
too slow for a corpus of thousands of sentences.
:mod:`workbench.summaries.fast` reproduces sumy's scoring for Luhn, LSA,
LexRank, TextRank, Reduction, SumBasic and KL with sparse matrices and numpy,
and chooses the same sentences except where scores tie exactly; it is the
default engine. ``engine="sumy"`` runs sumy's own code
(:mod:`workbench.summaries.sumy_engine`); Edmundson and Random always do.

Default method: ``textrank-cosine``, PageRank over the cosine similarity of
the sentences' word counts (:mod:`workbench.summaries.textrank_cosine`). It was
chosen by ROUGE F1 (``rouge-score``, stemming on) against the extractive
references of the BBC News Summary data at the reference's length in
sentences (:mod:`workbench.evaluate.summaries`): its settings were chosen on
the validation split, and on the test split, untouched until then, it scores
above every other method, sumy's best (Reduction) included. It is also linear
in the corpus size. Caveat: the references list their sentences in an order
closer to this method's ranking than to Reduction's, so they were likely chosen
by a centrality method of the same family; on other news the margin may be
smaller. The measured scores are in README's "Summaries" section and its
measurements table, where they are re-measured with ``workbench eval summaries
--data ../shared/data/bbc_news_summary_reconstructed``.

Modules: :mod:`~workbench.summaries.methods` (the method registry),
:mod:`~workbench.summaries.source` (candidates),
:mod:`~workbench.summaries.tokens` (sumy's tokenisation),
:mod:`~workbench.summaries.fast` (fast engines),
:mod:`~workbench.summaries.textrank_cosine` (the default method),
:mod:`~workbench.summaries.sumy_engine`, :mod:`~workbench.summaries.lead`,
:mod:`~workbench.summaries.mmr` (multi-document redundancy),
:mod:`~workbench.summaries.context` (sentences that lean on the one before),
:mod:`~workbench.summaries.query` (query focus),
:mod:`~workbench.summaries.length`, :mod:`~workbench.summaries.result`.
"""

from workbench.summaries.api import DEFAULT_METHOD, ENGINES, METHODS, summarise
from workbench.summaries.result import Summary, SummarySentence

__all__ = ["DEFAULT_METHOD", "ENGINES", "METHODS", "Summary", "SummarySentence", "summarise"]
