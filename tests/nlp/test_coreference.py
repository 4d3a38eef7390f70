"""A sentence read with the ones before it: pronouns, adjectives and linked places, and the
word lists that load from the data folder."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.data import read_lines
from workbench.nlp.coreference import NAME_FILLERS, STEM_LABELS, SentenceContext, names_in_text


def test_the_name_fillers_and_stem_labels_load():
    assert len(NAME_FILLERS) == len(read_lines("nlp_name_fillers.txt")) == 10
    assert {"the", "of"} <= NAME_FILLERS
    assert sorted(STEM_LABELS) == ["GPE", "LOC", "NORP"]


def test_a_filler_does_not_have_to_be_in_the_text():
    assert names_in_text("the Taliban", "ORG", "Taliban envoys arrived.")


def contexts_of(text, nlp):
    """``context(i)``: sentence ``i`` of ``text`` read with the ones before (parsed once)."""
    document = build_document(text, "made")
    docs = list(nlp.pipe([sentence.text for sentence in document.sentences]))

    def parse(sentences):
        return [docs[sentence.index] for sentence in sentences]

    def context(index):
        sentences = document.sentences
        return SentenceContext(
            sentences[index], docs[index], sentences[:index], sentences[:1], parse
        )

    return context


def test_a_pronoun_after_a_sentence_naming_two_people_stands_for_neither(full_nlp):
    text = (
        "Annabel Mwangi was re-elected, with party leader Grace Otieno saying the vote held. "
        "Later, she announced she would step down as chair."
    )
    context = contexts_of(text, full_nlp)(1)
    she = context.doc[2]
    assert context.tracker.resolve(she) is not None  # the tracker's best guess ...
    assert context.antecedent(she) is None  # ... is not an answer: no guessing


def test_a_sentence_means_a_name_by_its_adjective_a_linked_place_or_a_pronoun(full_nlp):
    text = (
        "Envoys met in Qatar's Doha. Talks opened in Doha on Monday. "
        "The Qatari capital was calm. Uganda urged a truce. It sent envoys."
    )
    context = contexts_of(text, full_nlp)
    assert context(1).means("Qatar", "GPE")  # Doha, which the article puts in Qatar
    assert context(2).means("Qatar", "GPE")  # "Qatari"
    assert context(4).means("Uganda", "GPE") and not context(4).means("Qatar", "GPE")
    assert context(4).speaks_of("Qatar", "GPE") == 1.0  # the article's lead names it
