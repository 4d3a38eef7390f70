"""Hosts named by the article's other sentences, event names, bodies and hosted nouns.

Each test reads a text made here with the full spaCy pipeline (``full_nlp``), through
:func:`workbench.events.extract_events`: a title read as the person the article gives it
to, "the party's conference" read as the venue's or the party's, a named event ("the
Conservative Party Conference"), a body's meeting ("a cabinet meeting"), nouns that are
events only when hosted ("a party hosted by"), and venues outside a building.
"""

from __future__ import annotations

from events.made_events import events_of, only

from workbench.nlp.titles import TitleLinks

# --- Titles --------------------------------------------------------------------------------


def test_a_title_is_the_person_the_article_writes_it_with(full_nlp):
    text = (
        "Prime Minister Tony Blair will face reporters.\n\n"
        "The prime minister's monthly news conference is on Tuesday."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.evidence) == ("Tony Blair", "owner")


def test_a_title_written_with_two_people_names_neither(full_nlp):
    docs = [full_nlp("President Bush met President Chirac."), full_nlp("The president spoke.")]
    links = TitleLinks.from_docs(docs)
    assert links.person_for(docs[1][1]) is None
    one = [full_nlp("Gordon Brown, the chancellor, spoke."), full_nlp("The chancellor left.")]
    assert TitleLinks.from_docs(one).person_for(one[1][1]) == "Gordon Brown"


# --- A body named by a description ---------------------------------------------------------


def test_the_venue_outranks_a_party_known_only_from_the_sentences_before(full_nlp):
    text = (
        "Michael Howard attacked the government.\n\n"
        "In an upbeat speech to his party's spring conference in Brighton, he said the "
        "Tories were hitting home."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.evidence) == ("Brighton", "Brighton", "venue")


def test_a_named_conference_is_an_event_with_its_body_and_venue(full_nlp):
    text = (
        "The Conservative Party chose a new leader.\n\n"
        "Mrs Howard made her debut speech at the Conservative Party Conference in "
        "Bournemouth last October."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.when) == ("Bournemouth", "Bournemouth", "last October")
    assert "Conservative Party" in event.participants


def test_a_name_ending_in_a_body_noun_is_not_an_event(full_nlp):
    assert (
        events_of("The London Assembly voted on the budget in London on Tuesday.", full_nlp) == []
    )


def test_an_event_that_is_one_name_with_its_place_is_not_its_own_venue(full_nlp):
    assert [e.host for e in events_of("He spoke at the G20 Summit.", full_nlp)] == []
    event = only(events_of("He spoke at the G20 Summit in Osaka.", full_nlp))
    assert (event.host, event.place) == ("Osaka", "Osaka")


def test_a_cabinet_meeting_is_the_cabinets_and_a_court_session_is_no_event(full_nlp):
    event = only(
        events_of("The announcement followed a cabinet meeting on Wednesday morning.", full_nlp)
    )
    assert (event.host, event.evidence) == ("cabinet", "body")
    assert events_of("The trial resumed after a court session on Monday.", full_nlp) == []


def test_in_the_event_of_is_no_event(full_nlp):
    assert events_of("In the event of a hung Parliament, the party would not join.", full_nlp) == []


# --- Hosted nouns, hyphenated hosts and venues outside -------------------------------------


def test_nouns_that_are_events_only_when_hosted(full_nlp):
    event = only(
        events_of(
            "The Catholic aid agency Cafod will host Mr Brown's speech on Wednesday.", full_nlp
        )
    )
    assert (event.host, event.event, event.evidence) == ("Cafod", "Mr Brown's speech", "explicit")
    hearing = only(events_of("The committee will hold a hearing on the bill next week.", full_nlp))
    assert (hearing.host, hearing.event) == ("committee", "a hearing on the bill")
    assert events_of("The party in Scotland chose a new leader.", full_nlp) == []


def test_a_passive_party_is_hosted_by_the_agent_with_a_hyphenated_name(full_nlp):
    event = only(
        events_of(
            "WikiLeaks told the story of a lavish party in Tunisia hosted by the President's "
            "son-in-law, with ice cream flown in from France.",
            full_nlp,
        )
    )
    assert (event.host, event.event, event.place) == (
        "President's son-in-law",
        "a lavish party",
        "Tunisia",
    )


def test_unnamed_holders_leave_the_venue_outside_a_building_to_host(full_nlp):
    event = only(
        events_of(
            "Five of the eight men held an impromptu news conference outside Charing Cross "
            "Police Station on Monday evening.",
            full_nlp,
        )
    )
    assert (event.host, event.place, event.evidence) == (
        "Charing Cross Police Station",
        "Charing Cross Police Station",
        "venue",
    )


# --- Who holds shared talks ----------------------------------------------------------------


def test_talks_in_a_phrase_of_time_are_held_by_who_acts_in_the_clause(full_nlp):
    event = only(
        events_of(
            "The package was announced by agriculture minister Dominique Bussereau after "
            "talks with vintners' representatives.",
            full_nlp,
        )
    )
    assert (event.host, event.evidence) == ("Dominique Bussereau", "explicit")
    assert events_of("Prices rose after talks with the union.", full_nlp) == []


def test_each_coordinated_holder_holds_the_talks(full_nlp):
    events = events_of(
        "Both Deutsche Boerse and rival Euronext held talks with the London market last week.",
        full_nlp,
    )
    assert sorted(e.host for e in events) == ["Deutsche Boerse", "Euronext"]
