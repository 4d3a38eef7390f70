"""The corpus: from a folder of files to documents whose sentences keep their offsets.

One module per step, in the order a file goes through them:
:mod:`~workbench.corpus.decoding` (bytes to text), :mod:`~workbench.corpus.readers`
(one reader per file format), :mod:`~workbench.corpus.clean` (what is not the
article), :mod:`~workbench.corpus.segment` (blocks and sentences),
:mod:`~workbench.corpus.document` (a :class:`~workbench.model.Document` from raw
text) and :mod:`~workbench.corpus.load` (a folder to a
:class:`~workbench.model.Corpus`, with entities from :mod:`workbench.nlp`);
:mod:`~workbench.corpus.records` holds the per-file and per-record steps a
load maps (over batches on Dask workers, :mod:`~workbench.corpus.distributed`);
:mod:`~workbench.corpus.dataframe` builds a corpus from a DataFrame's rows, as
:meth:`Corpus.from_frame <workbench.model.Corpus.from_frame>`;
:mod:`~workbench.corpus.duplicates` finds near-duplicate documents (the same
story twice); :mod:`~workbench.corpus.plots` draws how long the articles are.
"""

from workbench.corpus.dataframe import corpus_from_frame
from workbench.corpus.document import build_document
from workbench.corpus.duplicates import NearDuplicates, find_near_duplicates
from workbench.corpus.load import load_corpus
from workbench.corpus.plots import plot_lengths
from workbench.corpus.segment import SentenceTokenizer, split_sentences

__all__ = [
    "NearDuplicates",
    "SentenceTokenizer",
    "build_document",
    "corpus_from_frame",
    "find_near_duplicates",
    "load_corpus",
    "plot_lengths",
    "split_sentences",
]
