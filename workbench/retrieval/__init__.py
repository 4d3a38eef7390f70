"""TF-IDF search over documents, passages and sentences, every hit cited by offsets.

:mod:`~workbench.retrieval.index` holds :class:`TfidfIndex` and :func:`search`;
:mod:`~workbench.retrieval.settings` its parameters' checks and fixed vectorizer
settings; :mod:`~workbench.retrieval.units` what a hit can be (a document, a
window of sentences, a sentence); :mod:`~workbench.retrieval.query` a query's
terms, vector and best units; :mod:`~workbench.retrieval.filters` the document
and date filters; :mod:`~workbench.retrieval.hits` the results;
:mod:`~workbench.retrieval.collapse` folds the hits that repeat a better one into it;
:mod:`~workbench.retrieval.cache` saving, loading and the content-keyed cache;
:mod:`~workbench.retrieval.store` the on-disk format (``.npz`` and JSON, never
pickle); :mod:`~workbench.retrieval.weights` the TF-IDF arithmetic, shared with
:mod:`~workbench.retrieval.sharded`, whose :class:`ShardedTfidfIndex` holds an
index in shards on Dask workers and gives the single index's hits.

The package is named for the concept, not the verb, so that importing it never
hides the function :func:`workbench.search`.
"""

from workbench.retrieval.hits import Hit, SearchResult
from workbench.retrieval.index import TfidfIndex, search
from workbench.retrieval.sharded import ShardedTfidfIndex
from workbench.retrieval.units import LEVELS

__all__ = ["LEVELS", "Hit", "SearchResult", "ShardedTfidfIndex", "TfidfIndex", "search"]
