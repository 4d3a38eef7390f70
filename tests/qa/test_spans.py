from __future__ import annotations

import pytest

from workbench.qa import analyse_question
from workbench.qa.spans import MAX_SPAN_WORDS, broad_candidates


@pytest.fixture(scope="module")
def candidates_of(full_nlp):
    """The broad candidates of ``sentence`` for ``question``, the sentence at ``offset``."""

    def candidates(sentence: str, question: str, offset: int = 0):
        analysis = analyse_question(question, nlp=full_nlp)
        return broad_candidates(full_nlp(sentence), offset, analysis)

    return candidates


def texts(candidates) -> set[str]:
    return {candidate.text for candidate in candidates}


def test_the_clause_that_answers_why_is_a_candidate(candidates_of):
    found = candidates_of(
        "The company closed the factory because of the rising costs.",
        "Why did the company close the factory?",
    )
    assert "because of the rising costs" in texts(found)
    assert "the rising costs" in texts(found)


def test_a_to_infinitive_is_a_candidate_with_and_without_its_to(candidates_of):
    found = candidates_of(
        "She moved to Paris in 2019 to study medicine.", "Why did she move to Paris?"
    )
    assert {"to study medicine", "study medicine"} <= texts(found)


def test_a_verb_phrase_answering_how_is_a_candidate(candidates_of):
    found = candidates_of(
        "The government reduced the deficit by cutting public spending.",
        "How did the government reduce the deficit?",
    )
    assert {"by cutting public spending", "cutting public spending"} <= texts(found)


def test_a_number_comes_with_its_unit(candidates_of):
    found = candidates_of("The new road is 15 kilometres long.", "How long is the new road?")
    assert "15 kilometres" in texts(found)


def test_the_object_of_a_preposition_is_a_candidate(candidates_of):
    found = candidates_of(
        "The delegates met in the old town hall on Friday.", "Where did the delegates meet?"
    )
    assert "the old town hall" in texts(found)
    assert "Friday" in texts(found)


def test_offsets_cite_the_raw_text(candidates_of):
    opening = "Officials spoke on Monday. "
    sentence = "The bridge, which cost 4 billion euros, was opened by the mayor of Lyon."
    raw = opening + sentence + " Nothing else happened."
    found = candidates_of(sentence, "Who opened the bridge?", offset=len(opening))
    assert found
    for candidate in found:
        assert raw[candidate.start : candidate.end] == candidate.text


def test_no_candidate_is_longer_than_the_bound(candidates_of):
    sentence = (
        "After months of talks in Geneva and Vienna, the negotiators of the seven countries "
        "finally agreed on a long and detailed plan to reduce the emissions of their heavy "
        "industries by a third before the end of the next decade."
    )
    found = candidates_of(sentence, "What did the negotiators agree on?")
    assert found
    assert all(len(candidate.text.split()) <= MAX_SPAN_WORDS for candidate in found)
    assert sentence.rstrip(".") not in texts(found)


def test_each_span_is_a_candidate_once(candidates_of):
    found = candidates_of(
        "The Amazon rainforest covers most of the Amazon basin of South America.",
        "What does the Amazon rainforest cover?",
    )
    spans = [(candidate.start, candidate.end) for candidate in found]
    assert len(spans) == len(set(spans))


def test_the_question_s_own_words_are_no_candidate(candidates_of):
    found = candidates_of(
        "The company closed the factory because of the rising costs.",
        "Why did the company close the factory?",
    )
    assert not texts(found) & {"The company", "company", "the factory", "factory", "closed"}


def test_labels_say_where_a_span_comes_from(candidates_of):
    found = candidates_of(
        "The delegates met in the old town hall on Friday.", "Where did the delegates meet?"
    )
    labels = {candidate.text: candidate.label for candidate in found}
    assert labels["Friday"] == "DATE"
    assert labels["in the old town hall"] == "PP"
