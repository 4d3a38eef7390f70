"""spaCy and what is read off its parses, shared by question answering and event extraction.

:mod:`~workbench.nlp.pipeline` loads the installed English pipeline and caches
each document's entities; :mod:`~workbench.nlp.syntax` reads dependency parses
(subjects, phrases, tense, pronouns); :mod:`~workbench.nlp.places` links the
places an article names to each other; :mod:`~workbench.nlp.names` completes a
name written short ("Democrats") from the article's full form ("Liberal
Democrats"); :mod:`~workbench.nlp.markup` keeps markup brackets out of entities;
:mod:`~workbench.nlp.coreference` reads a
sentence with the ones before it; :mod:`~workbench.nlp.lexicon` holds the word
lists about nouns that both consumers share.
"""

from workbench.nlp.pipeline import annotate, load_pipeline

__all__ = ["annotate", "load_pipeline"]
