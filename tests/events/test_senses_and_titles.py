"""Titles with their owner, longer and shorter names, and words of another sense.

Each test reads a text made here with the full spaCy pipeline (``full_nlp``): a title
qualified by whose it is ("Iraq's prime minister") links only to that person, names of
one person written longer and shorter count once, a capitalised title links too; a
trigger verb in a phrase of another sense ("held the party together", "called the
debate a farce", "held up"), a group ("a party of tourists"), a topic before an event
noun ("a business dinner") and a monument's or a company's name are not events or hosts;
an event in a phrase of its setting ("not present at the Cabinet meeting") took place,
one only hoped for did not.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from events.made_events import events_of, only

from workbench.corpus.document import build_document
from workbench.events import extract_events
from workbench.events.families import is_candidate
from workbench.nlp.lexicon import NOUN_TYPES, noun_types_of
from workbench.nlp.titles import TitleLinks, one_person

# --- Titles --------------------------------------------------------------------------------


def test_a_title_of_another_country_is_not_the_articles_titled_person(full_nlp):
    text = (
        "Prime Minister Tony Blair flew to Washington.\n\n"
        "Later, Iraq's prime minister held a news conference in Baghdad."
    )
    hosts = {event.host for event in events_of(text, full_nlp)}
    assert "Tony Blair" not in hosts
    docs = [
        full_nlp("Prime Minister Tony Blair spoke."),
        full_nlp("The prime minister of Iraq left."),
    ]
    assert TitleLinks.from_docs(docs).person_for(docs[1][2]) is None


def test_a_title_given_with_its_owner_links_to_the_same_owner_only(full_nlp):
    docs = [
        full_nlp("Iraq's prime minister, Ayad Allawi, arrived."),
        full_nlp("Iraq's prime minister spoke."),
        full_nlp("Syria's prime minister spoke."),
    ]
    links = TitleLinks.from_docs(docs)
    assert links.person_for(docs[1][3]) == "Ayad Allawi"
    assert links.person_for(docs[2][3]) is None


def test_longer_and_shorter_names_of_one_person_are_one_person(full_nlp):
    text = (
        "President George W. Bush arrived in Ottawa on Monday.\n\n"
        "President Bush praised the Canadian leader.\n\n"
        "The president hosted a dinner for reporters."
    )
    event = only([e for e in events_of(text, full_nlp) if e.event == "a dinner for reporters"])
    assert (event.host, event.evidence) == ("George W. Bush", "explicit")


def test_one_person_takes_the_longest_name_and_refuses_two_people():
    assert one_person(["Bush", "George W. Bush", "George Bush"]) == "George W. Bush"
    assert one_person(["Tony Blair", "Blair"]) == "Tony Blair"
    assert one_person(["Bush", "Chirac"]) is None
    assert one_person(["Laura Bush", "George Bush"]) is None
    assert one_person([]) is None


def test_a_capitalised_title_links_to_its_person(full_nlp):
    text = (
        "Tony Blair, the prime minister, spoke on Monday.\n\n"
        "The Prime Minister hosted a reception at Downing Street on Tuesday."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place) == ("Tony Blair", "Downing Street")


# --- Words of another sense ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Howard said the shadow chancellor had held the party together during the crisis.",
        "The Labour leader called the debate a farce.",
        "Talks were held up by a strike in Paris.",
        "The minister held the talks up as a model of diplomacy.",
        "The firm met its sales forecasts in Paris last year.",
        "The plan met the deadline in Brussels on Friday.",
    ],
)
def test_a_trigger_verb_in_a_phrase_of_another_sense_is_no_event(sentence, full_nlp):
    assert events_of(sentence, full_nlp) == []


@pytest.mark.parametrize(
    ("sentence", "family"),
    [
        ("The two leaders held talks together in Geneva on Monday.", "hosting"),
        ("The two leaders met together in Geneva on Monday.", "meeting"),
        ("Joschka Fischer went on to Paris on Tuesday.", "visit"),
    ],
)
def test_other_particles_and_talks_held_together_are_still_events(sentence, family, full_nlp):
    assert only(events_of(sentence, full_nlp)).family == family


def test_a_meeting_called_off_is_no_event_at_all(full_nlp):
    assert events_of("The union called off the meeting in London.", full_nlp) == []


def test_a_party_of_people_is_a_group_not_a_gathering(full_nlp):
    assert events_of("Soldiers held a party of journalists in Kabul for a week.", full_nlp) == []
    hosted = only(events_of("Mr Smith hosted a party for journalists at his home.", full_nlp))
    assert hosted.host == "Smith"


def test_a_topic_before_an_event_noun_is_no_body_of_it(full_nlp):
    dinner = only(events_of("The two sides held a business dinner in Paris.", full_nlp))
    talks = only(events_of("Airline talks were held in London last week.", full_nlp))
    assert (dinner.host, dinner.participants) == ("Paris", ())
    assert (talks.host, talks.participants) == ("London", ())
    cabinet = only(events_of("A cabinet meeting was held in Downing Street.", full_nlp))
    assert "cabinet" in cabinet.participants


def test_a_monuments_or_a_companys_name_is_no_event(full_nlp):
    toured = only(events_of("She toured the Children's Television Workshop.", full_nlp))
    assert toured.family == "visit"
    visited = only(events_of("The minister visited the Lincoln Memorial on Friday.", full_nlp))
    assert visited.family == "visit"


# --- Word forms ----------------------------------------------------------------------------


def test_plurals_in_ies_pass_the_quick_test():
    # "held" needs an event word or a hosted noun: here only the plural "parties"
    assert is_candidate(SimpleNamespace(text="They held two parties at the embassy."))
    assert not is_candidate(SimpleNamespace(text="They held two parcels at the embassy."))


def test_a_hyphenated_noun_is_looked_up_whole(full_nlp, monkeypatch):
    monkeypatch.setitem(NOUN_TYPES, "stand-in", ("PERSON",))
    doc = full_nlp("The stand-in spoke.")
    assert doc[1].lower_ == "stand"
    assert noun_types_of(doc[1]) == ("PERSON",)


# --- What the clause says of an event in its setting ----------------------------------------


def test_an_event_in_a_phrase_of_its_setting_happened_whatever_the_clause_denies(full_nlp):
    text = "The chancellor was not present at the Cabinet meeting in Downing Street on Monday."
    event = only(events_of(text, full_nlp))
    assert (event.event, event.place) == ("the Cabinet meeting", "Downing Street")
    assert events_of("The unions did not hold a meeting in Downing Street.", full_nlp) == []
    assert events_of("The unions hope for a meeting in Downing Street.", full_nlp) == []
    # a modal leaves the setting in doubt; a summit that tries something took place
    maybe = "Officials said the leaders might meet at a summit in Geneva next month."
    assert events_of(maybe, full_nlp) == []
    summit = only(events_of("The summit in Geneva on Monday sought to end it.", full_nlp))
    assert (summit.host, summit.place) == ("Geneva", "Geneva")


# --- Visitors named before ----------------------------------------------------------------


def test_a_visitor_in_a_place_is_one_participant_not_the_letters_of_a_name(full_nlp):
    text = "Tony Blair spoke on Monday.\n\nWhen he was in Tokyo earlier this week, he praised it."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.participants) == ("Tokyo", ("Tony Blair",))


def test_a_journey_by_a_pronoun_or_a_title_is_a_visit_by_whom_they_stand_for(full_nlp):
    text = (
        "Gordon Brown, the chancellor, spoke on Monday.\n\n"
        "The chancellor is travelling to America next week."
    )
    event = only(events_of(text, full_nlp))
    assert (event.family, event.host, event.participants) == ("visit", "America", ("Gordon Brown",))
    assert events_of("The goods arrived in Hamburg on Monday.", full_nlp) == []


# --- Receiving and organising ---------------------------------------------------------------


def test_who_greets_a_visitor_the_article_names_receives_them(full_nlp):
    text = "President George Bush flew to London.\n\nThe queen greeted the president at Windsor."
    greeted = only([e for e in events_of(text, full_nlp) if e.verb == "greet"])
    assert (greeted.host, greeted.participants) == ("queen", ("George Bush",))
    assert events_of("The minister greeted the decision in London.", full_nlp) == []


def test_a_march_is_an_event_when_someone_organises_it(full_nlp):
    march = only(events_of("The union organised a march in Leeds on Saturday.", full_nlp))
    assert (march.host, march.event, march.place) == ("union", "a march", "Leeds")
    assert events_of("Thousands joined the march in Leeds on Saturday.", full_nlp) == []


# --- Second thoughts: owners that are no names, holders in lower case, unread documents ----


def test_a_title_whose_owner_is_a_description_links_as_a_bare_title(full_nlp):
    text = (
        "Prime Minister Tony Blair arrived on Monday.\n\n"
        "The country's prime minister hosted a dinner in London."
    )
    assert only(events_of(text, full_nlp)).host == "Tony Blair"
    assert one_person(["Tony Blair", "Blair", "BLAIR"]) == "Tony Blair"


def test_a_lower_case_workshop_is_still_a_bodys_gathering(full_nlp):
    workshop = only(events_of("The board workshop was held in Leeds on Monday.", full_nlp))
    assert "board" in workshop.participants


def test_an_event_table_says_which_documents_it_did_not_read(full_nlp):
    long = build_document("Oman hosted talks in Muscat. " * 40, "long")
    table = extract_events([long], nlp=full_nlp, progress=False, max_chars=500)
    assert "1 documents not read" in repr(table)
    assert "Not read for events: long" in table._repr_html_()


def test_a_phrase_of_another_sense_leaves_the_events_of_its_other_clauses(full_nlp):
    text = (
        "Asked about it at a Foreign Ministry news conference in Beijing, a spokesman "
        "called the report a fabrication."
    )
    event = only(events_of(text, full_nlp))
    assert (event.event, event.place) == ("a Foreign Ministry news conference", "Beijing")


def test_a_lower_case_word_after_at_is_no_venue_whatever_its_tag(full_nlp):
    text = "Talks on coffee quotas will resume at noon gmt today, delegates said."
    assert all(event.place != "noon gmt" for event in events_of(text, full_nlp))
