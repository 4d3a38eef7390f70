"""Extractive summaries of one article, several, or only what concerns a question.

``summarise(target, method=..., engine=..., sentences=... | ratio=... | words=...,
query=...)`` ranks the candidate sentences (body sentences, never headings) with
one of :data:`METHODS` (sumy's nine, the workbench's ``textrank-cosine``, the
``lead`` baseline) and returns a :class:`Summary` whose sentences cite their
articles by raw-text offsets. Several documents are summarised together with
redundancy control (:mod:`~workbench.summaries.mmr`); ``query=`` summarises
only what concerns a question (:mod:`~workbench.summaries.query`).

Engines. sumy's graph and KL methods are pure Python and quadratic or worse
(sumy's LexRank takes about 14 s for 1,500 sentences, its KL more than a
minute). :mod:`workbench.summaries.fast` reproduces sumy's scoring for Luhn,
LSA, LexRank, TextRank, Reduction, SumBasic and KL with sparse matrices and
numpy, and chooses the same sentences except where scores tie exactly; it is
the default engine. ``engine="sumy"`` runs sumy's own code
(:mod:`workbench.summaries.sumy_engine`); Edmundson and Random always do.

Default method: ``textrank-cosine``, PageRank over the cosine similarity of
the sentences' word counts (:mod:`workbench.summaries.textrank_cosine`). Chosen
by ROUGE F1 (``rouge-score``, stemming on) against the extractive references of
the BBC News Summary data at the reference's length in sentences (``workbench
eval summaries``, :mod:`workbench.evaluate.summaries`). Its settings were
chosen on the validation split (445 articles: R1 0.864 / R2 0.810 against
Reduction's 0.822 / 0.760); on the 445 test articles, untouched until then:

=================  =====  =====  =====
method             R1     R2     RL
=================  =====  =====  =====
textrank-cosine    0.862  0.808  0.525
reduction          0.820  0.758  0.510
textrank           0.783  0.711  0.490
luhn               0.729  0.629  0.458
edmundson          0.696  0.588  0.440
lexrank            0.680  0.561  0.427
lsa                0.644  0.508  0.403
lead               0.642  0.509  0.407
random             0.603  0.448  0.375
sumbasic           0.563  0.379  0.346
kl                 0.536  0.356  0.343
=================  =====  =====  =====

It is the only method above sumy's best figure quoted for this data (Reduction,
R1 0.834 / R2 0.776 on the 100 sentence-aligned articles; the workbench's
Reduction scores 0.840 / 0.784 there, and ``textrank-cosine`` 0.850 / 0.794).
It is also linear in the corpus size. Caveat: the references list their
sentences in an order closer to this method's ranking than to Reduction's, so
they were likely chosen by a centrality method of the same family; on other
news the margin may be smaller.

Modules: :mod:`~workbench.summaries.source` (candidates),
:mod:`~workbench.summaries.tokens` (sumy's tokenisation),
:mod:`~workbench.summaries.fast` (fast engines),
:mod:`~workbench.summaries.textrank_cosine` (the default method),
:mod:`~workbench.summaries.sumy_engine`, :mod:`~workbench.summaries.lead`,
:mod:`~workbench.summaries.mmr` (multi-document redundancy),
:mod:`~workbench.summaries.query` (query focus),
:mod:`~workbench.summaries.length`, :mod:`~workbench.summaries.result`.
"""

from workbench.summaries.api import DEFAULT_METHOD, ENGINES, METHODS, summarise
from workbench.summaries.result import Summary, SummarySentence

__all__ = ["DEFAULT_METHOD", "ENGINES", "METHODS", "Summary", "SummarySentence", "summarise"]
