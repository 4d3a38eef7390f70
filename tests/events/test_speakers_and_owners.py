"""Events whose host is their speaker, their owner or the place after the people met.

Each test reads sentences written here with the full spaCy pipeline (``full_nlp``).
"""

from __future__ import annotations

from events.made_events import events_of, only


def test_a_news_conference_with_no_owner_or_venue_is_held_by_its_speaker(full_nlp):
    text = "At a news conference on the budget, Ms Okafor insisted the figures were sound."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.event, event.evidence) == (
        "Ms Okafor",
        "a news conference on the budget",
        "owner",
    )


def test_a_place_before_news_conference_is_its_venue_not_a_topic(full_nlp):
    text = "The minister told a Nairobi press conference that the deal was done."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.evidence) == ("Nairobi", "Nairobi", "venue")


def test_an_ordinary_conference_is_not_held_by_whoever_speaks_at_it(full_nlp):
    text = "Ms Okafor told the conference that the figures were sound."
    assert events_of(text, full_nlp) == []


def test_his_binds_the_named_subject_of_its_own_clause(full_nlp):
    text = (
        "The Lions dismissed their coach on Monday. "
        "Del Rio announced his exit at his post-match press conference."
    )
    event = only(events_of(text, full_nlp))
    assert event.host == "Del Rio"


def test_the_place_after_the_people_met_is_where_they_met(full_nlp):
    text = "Mr Haddad met his EU counterparts in Luxembourg on Monday to discuss asylum rules."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.when) == ("Luxembourg", "Luxembourg", "Monday")


def test_two_owned_definite_meetings_of_a_listing_stay_two_events(full_nlp):
    text = (
        "Where to look up this month.\n\n"
        "She speaks at the Lakeside Astronomy Club's regular meeting. "
        "He speaks at the Harbour Stargazers Society's regular meeting."
    )
    hosts = {event.host for event in events_of(text, full_nlp)}
    assert hosts == {"Lakeside Astronomy Club", "Harbour Stargazers Society"}


def test_a_press_conference_the_speakers_talk_after_is_not_theirs(full_nlp):
    text = "Range Rover executives told Reuters after a press conference they expect more sales."
    assert events_of(text, full_nlp) == []
    held = only(events_of("At a news conference, Mr Howard insisted he would win.", full_nlp))
    assert held.host == "Howard"


def test_people_from_a_place_are_no_body_but_countries_and_ministers_of_one_are(full_nlp):
    text = "In a speech to a meeting of south Florida business executives, Mercer lashed out."
    assert events_of(text, full_nlp) == []
    text = "Ministers met at a meeting of the 12 Eurozone finance ministers in Brussels."
    assert only(events_of(text, full_nlp)).host == "Eurozone"
