"""What a retrieved sentence means: pronouns and the names of the question it speaks of."""

from __future__ import annotations

from workbench.corpus.document import build_document
from workbench.nlp.coreference import SentenceContext
from workbench.qa.analysis import analyse_question
from workbench.qa.reading import question_names, term_weights


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


def test_the_names_a_question_asks_about_come_with_the_positions_of_their_terms(full_nlp):
    analysis = analyse_question("When will Peru host the mining conference?", nlp=full_nlp)
    assert question_names(analysis) == [("Peru", "GPE", [analysis.terms.index("peru")])]
    assert question_names(analyse_question("When did the talks open?", nlp=full_nlp)) == []


def test_a_term_the_corpus_lacks_weighs_most(harbour_answerer, full_nlp):
    analysis = analyse_question("Who hosted the climate summit in Tromso?", nlp=full_nlp)
    weights = term_weights(harbour_answerer.index_, analysis)
    weights = dict(zip(analysis.terms, weights, strict=True))
    assert weights["tromso"] == max(weights.values()) > weights["summit"]
