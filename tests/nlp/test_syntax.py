"""Reading dependency parses: the word lists and label sets load from the data folder."""

from __future__ import annotations

import pytest

from workbench.data import read_lines
from workbench.nlp import syntax
from workbench.nlp.syntax import ANAPHOR_LABELS, PLACE_LABELS


@pytest.mark.parametrize(
    ("name", "file", "count"),
    [
        ("ACTOR_LABELS", "nlp_actor_labels.txt", 6),
        ("PLACE_LABELS", "nlp_place_labels.txt", 3),
        ("REPORTING_VERBS", "nlp_reporting_verbs.txt", 10),
        ("FUTURE_GOVERNORS", "nlp_future_governors.txt", 23),
        ("ANAPHOR_LABELS", "nlp_anaphor_labels.tsv", 29),
    ],
)
def test_each_word_list_loads_once_each_word(name, file, count):
    assert len(getattr(syntax, name)) == count
    assert len(read_lines(file)) == count


def test_each_anaphor_stands_for_its_labels():
    assert ANAPHOR_LABELS["it"] == {"GPE", "ORG", "LOC", "FAC"}
    assert ANAPHOR_LABELS["they"] == {"GPE", "ORG", "NORP", "PERSON"}
    assert ANAPHOR_LABELS["country"] == {"GPE"}
    assert sorted(PLACE_LABELS) == ["FAC", "GPE", "LOC"]


def test_a_headline_in_capitals_names_no_antecedent(full_nlp):
    from workbench.nlp.syntax import SubjectTracker, is_shouted

    headline = full_nlp("MONTEDISON CONCLUDES TALKS WITH ANTIBIOTICOS")
    body = full_nlp("The Italian company said its negotiations had ended.")
    assert is_shouted(headline) and not is_shouted(body)
    assert not is_shouted(full_nlp("OPEC met in Vienna."))  # an acronym is no headline
    tracker = SubjectTracker()
    tracker.observe(headline)
    pronoun = next(token for token in body if token.lower_ == "its")
    found = tracker.resolve(pronoun)
    assert found is None or not found.text.isupper()


def test_the_events_of_a_wire_story_take_no_host_from_its_capitals_headline(full_nlp):
    from workbench.corpus.document import build_document
    from workbench.events.extract import extract_events

    text = (
        "MONTEDISON CONCLUDES TALKS WITH ANTIBIOTICOS\n\n"
        "Montedison SpA said it had concluded its negotiations with Spanish "
        "pharmaceuticals company Antibioticos SA. The Italian company will hold a "
        "press conference on its talks with Antibioticos on Thursday."
    )
    table = extract_events([build_document(text, "wire")], nlp=full_nlp)
    hosts = [event.host for event in table]
    assert hosts and not any(host and host.isupper() and " " in host for host in hosts)


def test_a_noun_phrase_mention_never_reaches_across_markup(full_nlp):
    doc = full_nlp("FIRST SAVINGS BANK FLORIDA <FSBF> SETS MEETING")
    for token in doc:
        if token.pos_ in {"NOUN", "PROPN"}:
            assert "<" not in syntax.mention_of(token).text
