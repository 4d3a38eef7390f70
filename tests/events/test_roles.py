"""Who hosts, by the order of evidence; non-finite and passive forms; the dateline; traps.

Each test reads a text made here with the full spaCy pipeline (``full_nlp``), through
:func:`workbench.events.extract_events`. How the roles are read is described in
:mod:`workbench.events.mentions`; how mentions are linked, in :mod:`workbench.events.extract`.
"""

from __future__ import annotations

from datetime import date

import pytest
from events.made_events import events_of as made_events_of
from events.made_events import only

PUBLISHED = date(2016, 9, 1)  # a Thursday


def events_of(text, full_nlp, published=PUBLISHED):
    return made_events_of(text, full_nlp, published=published)


# --- The order of evidence --------------------------------------------------------------


def test_an_invitation_makes_the_inviter_the_host_of_the_visit(full_nlp):
    event = only(
        events_of("At the invitation of President Xi, Putin visited Beijing on Saturday.", full_nlp)
    )
    assert (event.host, event.place, event.evidence) == ("Xi", "Beijing", "invitation")
    assert "Putin" in event.participants
    assert event.date == date(2016, 8, 27)  # visited: the Saturday before publication


def test_guests_of_someone_are_received_by_them(full_nlp):
    event = only(events_of("The delegation were guests of the Emperor on Friday.", full_nlp))
    assert (event.host, event.evidence, event.family) == ("Emperor", "invitation", "visit")


def test_the_owner_of_the_event_phrase_hosts_a_passive_with_no_agent(full_nlp):
    event = only(events_of("OPEC's meeting will be convened in Vienna on Monday.", full_nlp))
    assert (event.host, event.place, event.evidence) == ("OPEC", "Vienna", "owner")
    assert event.date == date(2016, 9, 5)  # will be convened: the coming Monday


def test_a_meeting_of_a_body_is_that_bodys(full_nlp):
    text = "The prime minister faced critics at Monday's meeting of the Parliamentary Labour Party."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.evidence, event.when) == (
        "Parliamentary Labour Party",
        "owner",
        "Monday",
    )


def test_with_no_host_named_the_venue_hosts(full_nlp):
    event = only(
        events_of("A meeting of the two sides is to be held in Geneva next week.", full_nlp)
    )
    assert (event.host, event.place, event.evidence) == ("Geneva", "Geneva", "venue")


def test_an_explicit_host_outranks_the_venue_of_another_mention_of_the_event(full_nlp):
    text = "China will host the G20 summit on Sunday. The summit in Hangzhou is the first in China."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.evidence, event.also_in) == (
        "China",
        "Hangzhou",
        "explicit",
        (1,),
    )


# --- Visits -------------------------------------------------------------------------------


def test_a_state_visit_to_a_country_is_hosted_by_that_country(full_nlp):
    text = "Japanese Prime Minister Shinzo Abe will pay a state visit to China next month."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.family, event.evidence) == ("China", "visit", "venue")
    assert (event.date, event.granularity) == (date(2016, 10, 1), "month")
    assert "Shinzo Abe" in event.participants


def test_visiting_a_place_or_people_in_a_place(full_nlp):
    visit = only(events_of("Modi visited Washington on Tuesday.", full_nlp))
    assert (visit.host, visit.place, visit.date) == ("Washington", "Washington", date(2016, 8, 30))
    text = "He is due to visit the Pakistani community in Manchester on Tuesday afternoon."
    assert only(events_of(text, full_nlp)).place == "Manchester"


def test_arriving_for_a_summit_is_a_visit_and_a_summit_both_hosted_by_the_place(full_nlp):
    text = "Foreign Secretary Jack Straw arrives in Indonesia for a special summit meeting."
    summit, visit = events_of(text, full_nlp)
    assert (summit.family, summit.event, summit.host) == (
        "hosting",
        "a special summit meeting",
        "Indonesia",
    )
    assert (visit.family, visit.event, visit.host) == ("visit", "visit to Indonesia", "Indonesia")
    assert "Jack Straw" in visit.participants


def test_one_person_by_title_travelling_somewhere_visits_it_but_a_crowd_does_not(full_nlp):
    text = "The chancellor is travelling to America next week as part of his drive."
    visit = only(events_of(text, full_nlp))
    assert (visit.family, visit.host, visit.participants) == ("visit", "America", ("chancellor",))
    assert events_of("Tourists flew to Bali on Monday.", full_nlp) == []


def test_goods_a_name_owns_do_not_visit_but_a_team_a_body_names_does(full_nlp):
    text = "He added that 80 pct of Spain's exports went to OECD countries."
    assert events_of(text, full_nlp) == []
    text = "A World Bank team led by Katrine Saito arrived in Uganda for talks."
    assert "visit" in {event.family for event in events_of(text, full_nlp)}


def test_a_tour_that_is_no_ones_visit_takes_no_place_from_its_clause(full_nlp):
    text = (
        "Disney intends to build a new attraction in the Los Angeles area, possibly a studio tour."
    )
    assert events_of(text, full_nlp) == []


def test_a_person_in_a_place_is_visiting_it(full_nlp):
    text = "When Jack Straw was in Tokyo earlier this week, he met the foreign minister."
    visit = next(e for e in events_of(text, full_nlp) if e.family == "visit")
    assert (visit.host, visit.when) == ("Tokyo", "earlier this week")
    assert events_of("The economy is in recession in France.", full_nlp) == []


# --- Talks held with someone ----------------------------------------------------------------


def test_talks_held_with_someone_at_a_venue_are_hosted_by_the_venue(full_nlp):
    event = only(events_of("Blair holds talks with Bush at the White House on Thursday.", full_nlp))
    assert (event.host, event.evidence) == ("the White House", "venue")
    assert "Blair" in event.participants


def test_talks_held_with_no_venue_are_the_holders(full_nlp):
    text = "Mr Prescott held a private meeting with senior union figures last week."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.evidence) == ("Prescott", "explicit")


def test_talks_a_visitor_holds_are_hosted_by_the_country_visited(full_nlp):
    text = "Tony Blair arrived in Israel on Sunday. Tony Blair held talks with Ariel Sharon."
    talks = [event for event in events_of(text, full_nlp) if event.event and "talks" in event.event]
    assert [(event.host, event.evidence) for event in talks] == [("Israel", "venue")]


def test_a_body_that_meets_holds_its_own_session(full_nlp):
    event = only(
        events_of("Towards the end of February, the council will meet to decide.", full_nlp)
    )
    assert (event.host, event.family, event.evidence) == ("council", "meeting", "owner")


# --- Non-finite and passive forms: one rule each ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "host"),
    [
        # a gerund after a preposition borrows the subject of its clause
        ("Kenya met China in May before hosting a meeting of African ministers.", "Kenya"),
        # a gerund clause of its own
        ("Kenya ended the year hosting a summit on trade.", "Kenya"),
        # a reduced relative in the passive: the venue, as no one is said to host
        ("It will be the first such meeting to be held in Norway.", "Norway"),
        # a passive whose agent the parser hangs on the object
        ("The ministers were invited for talks in Berlin by Chancellor Merkel.", "Merkel"),
        # "the city of X" names the host
        ("The Brazilian city of Porto Alegre will host the World Social Forum.", "Porto Alegre"),
        # a relative clause on a noun in apposition to a name: the name holds them
        (
            "Stephen Schechter, a UK investment banker who has held talks with Borussia "
            "Dortmund, said the club needs cash.",
            "Stephen Schechter",
        ),
        # a perfect participle the parser hangs on a noun ("reports that ...") is active
        ("He denied reports that Barclays had held merger talks with Wells Fargo.", "Barclays"),
    ],
)
def test_non_finite_and_passive_forms(text, host, full_nlp):
    assert only(events_of(text, full_nlp)).host == host


def test_where_in_a_relative_clause_is_its_antecedent_place(full_nlp):
    text = "He flew in from the United States, where he met President George W Bush."
    meeting = next(e for e in events_of(text, full_nlp) if e.family == "meeting")
    assert (meeting.host, meeting.place) == ("the United States", "the United States")


# --- The dateline ----------------------------------------------------------------------------


def test_here_is_the_dateline_place(full_nlp):
    text = "MOSCOW (Reuters) - Diplomats met here on Monday for talks on Syria."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place) == ("Moscow", "Moscow")


def test_an_event_hosted_by_the_dateline_city_takes_it_as_place(full_nlp):
    text = "MOSCOW (Reuters) - Moscow hosted talks on Syria on Monday."
    assert only(events_of(text, full_nlp)).place == "Moscow"


# --- Linking mentions of one event -----------------------------------------------------------


def test_a_finer_date_of_the_same_event_is_kept(full_nlp):
    text = (
        "Moscow will host a conference on Afghanistan in mid-April. "
        "Karzai will lead a delegation to the conference in Moscow on April 14."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.when, event.date, event.also_in) == (
        "Moscow",
        "April 14",
        date(2017, 4, 14) if PUBLISHED.month > 4 else date(2016, 4, 14),
        (0,),
    )


def test_they_are_the_hosts_joins_the_event_reported_before(full_nlp):
    text = "The talks will take place in Oslo on Friday. The Norwegians are the hosts."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.also_in) == ("Norwegians", "Oslo", (1,))


def test_a_date_that_belongs_to_another_noun_is_not_the_events(full_nlp):
    event = only(events_of("Qatar hosted talks on the April agreement.", full_nlp))
    assert event.when is None


# --- Other senses of "host" --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A host of problems awaits the new minister.",  # a quantity
        "The chat show host interviewed the minister on Tuesday.",  # a presenter
        "The company hosts websites for small firms in Dublin.",  # web hosting
        "Brazil hosted the World Cup in 2014.",  # a host nation of sport
        "The virus needs a host cell to multiply.",  # biology
        "Lebanon hosts more than a million refugees.",  # residence
        "George Bush opened the meeting to the press.",  # opening a meeting to someone
    ],
)
def test_other_senses_of_host_are_not_events(text, full_nlp):
    assert events_of(text, full_nlp) == []


# --- Dates take the tense of their own clause -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Obama is due to attend the G20 summit in Hangzhou on Sunday.", date(2016, 9, 4)),
        ("China is hosting the G20 summit on Sunday.", date(2016, 9, 4)),  # an arrangement
        ("Leaders will attend talks convened in Geneva on Monday.", date(2016, 9, 5)),
        ("The meeting is scheduled for Friday in Vienna.", date(2016, 9, 2)),
        ("Qatar hosted talks on Tuesday.", date(2016, 8, 30)),
        ("Talks began in Doha at 10am on Monday.", date(2016, 8, 29)),  # the day, not the hour
    ],
)
def test_a_date_takes_the_tense_of_the_clause_it_hangs_from(text, expected, full_nlp):
    assert only(events_of(text, full_nlp)).date == expected


# --- A named body's meeting --------------------------------------------------------------------


def test_a_named_bodys_meeting_is_its_own_without_a_venue_and_the_venues_with_one(full_nlp):
    alone = only(events_of("The G7 meeting ended on Saturday with a statement.", full_nlp))
    assert (alone.host, alone.evidence) == ("G7", "body")
    placed = only(events_of("The EU summit in Brussels opened on Thursday.", full_nlp))
    assert (placed.host, placed.evidence, placed.participants) == ("Brussels", "venue", ("EU",))


def test_a_venue_after_at_may_be_a_name_the_tagger_does_not_call_a_place(full_nlp):
    event = only(events_of("The G8 summit will be held at Gleneagles in July.", full_nlp))
    assert (event.host, event.place) == ("Gleneagles", "Gleneagles")


def test_a_body_named_like_an_event_is_not_an_event(full_nlp):
    assert (
        events_of("The London Assembly criticised the mayor's plans for the Thames.", full_nlp)
        == []
    )


def test_the_owner_of_the_event_a_visitor_arrives_for_hosts_it(full_nlp):
    text = "Leaders are arriving in Davos for the World Economic Forum's annual meeting."
    hosted = next(e for e in events_of(text, full_nlp) if e.family == "hosting")
    assert (hosted.host, hosted.place, hosted.evidence) == (
        "World Economic Forum",
        "Davos",
        "owner",
    )


# --- More ways news writes who hosted ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "family", "host"),
    [
        ("Finance ministers from the G7 gathered in London on Friday.", "meeting", "London"),
        ("Russia played host to the talks.", "hosting", "Russia"),
        ("The leaders held a summit at Camp David last year.", "hosting", "Camp David"),
        ("He is on a three-day visit to India.", "visit", "India"),
        (
            "Mr Brown will host a meeting of the Commission for Africa in London.",
            "hosting",
            "Brown",
        ),
    ],
)
def test_more_ways_of_writing_who_hosted(text, family, host, full_nlp):
    event = only(events_of(text, full_nlp))
    assert (event.family, event.host) == (family, host)


def test_a_person_in_a_place_for_talks_is_on_a_visit_and_the_place_hosts_the_talks(full_nlp):
    text = "Japan's prime minister is in Washington for talks with President Bush."
    assert sorted((e.family, e.host) for e in events_of(text, full_nlp)) == [
        ("hosting", "Washington"),
        ("visit", "Washington"),
    ]


def test_a_timetable_in_the_present_looks_ahead_but_a_headline_does_not(full_nlp):
    body = "The conference, which opens in Brighton on Sunday, will debate the economy."
    assert only(events_of(body, full_nlp)).date == date(2016, 9, 4)
    headline = "Russia hosts Afghan peace talks on Tuesday"
    assert only(events_of(headline, full_nlp)).date == date(2016, 8, 30)


@pytest.mark.parametrize(
    ("text", "family", "host"),
    [
        ("On the fourth day of his tour of Africa, Gordon Brown spoke.", "visit", "Africa"),
        ("Gordon Brown spent two days in Tanzania.", "visit", "Tanzania"),
        ("Heyward called a meeting with his teammates in the weight room.", "hosting", "Heyward"),
        ("The following year Bournemouth hosted the event.", "hosting", "Bournemouth"),
        # a possessive pronoun stands for its own clause's subject
        ("Reliance Industries has its board meeting on Friday.", "hosting", "Reliance Industries"),
        ("Markets fell ahead of a meeting of the G7 countries next week.", "hosting", "G7"),
    ],
)
def test_tours_stays_calls_and_owners(text, family, host, full_nlp):
    event = only(events_of(text, full_nlp))
    assert (event.family, event.host) == (family, host)


def test_each_of_two_places_visited_is_a_visit(full_nlp):
    text = "He will visit an orphanage in Tanzania and a credit union in Mozambique."
    assert sorted(e.host for e in events_of(text, full_nlp)) == ["Mozambique", "Tanzania"]


def test_being_a_regular_somewhere_or_heading_a_body_is_not_a_visit(full_nlp):
    assert events_of("He was a regular at the Eureka Casino Resort in Mesquite.", full_nlp) == []
    assert events_of("Karzai headed the Center for Peace Studies in Afghanistan.", full_nlp) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr Gates is said to be trying to arrange a meeting with President Lula.",
        "Seoul offered to host talks with Pyongyang in March.",
        "Qatar could host the talks in Doha.",
        "Norway did not host the talks.",
        "Aides say there are no plans for Mr Blair to hold a daily news conference.",
    ],
)
def test_events_that_are_wanted_offered_possible_or_denied_are_not_events(text, full_nlp):
    assert events_of(text, full_nlp) == []


def test_plans_that_no_one_denies_are_an_event(full_nlp):
    text = "There are plans for Mr Blair to hold a daily news conference in London."
    assert only(events_of(text, full_nlp)).place == "London"


def test_two_hosts_named_in_one_sentence_are_two_events(full_nlp):
    text = (
        "Bournemouth hosted the event before the party signed a deal for Brighton to host "
        "the autumn conference."
    )
    assert sorted(e.host for e in events_of(text, full_nlp)) == ["Bournemouth", "Brighton"]


def test_a_name_in_apposition_or_the_body_of_members_is_the_host(full_nlp):
    text = "The group's flagship company, Reliance Industries, has its board meeting on Friday."
    assert only(events_of(text, full_nlp)).host == "Reliance Industries"
    members = only(
        events_of("At their meeting in London, G7 finance ministers backed the plan.", full_nlp)
    )
    assert (members.host, members.place) == ("G7", "London")


def test_a_meeting_placed_in_one_sentence_and_hosted_in_the_next_is_one_event(full_nlp):
    text = (
        "Abbas spoke ahead of a meeting in London on reform. "
        "Tuesday's meeting is being hosted by Prime Minister Tony Blair."
    )
    event = only(events_of(text, full_nlp))
    assert (event.host, event.place, event.when) == ("Tony Blair", "London", "Tuesday")


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Amicus's executive was due to meet on Wednesday.", "Amicus"),
        # "their" is the MPs', not the subject Blair's: the MPs' party owns the meeting
        (
            "Blair will seek to reassure Labour MPs at their first meeting at Westminster.",
            "Labour",
        ),
        ("Rihanna visited Alleyne and other family members in Barbados.", "Barbados"),
        ("The pair met on the platform at Sunderland station on Thursday.", "Sunderland station"),
        # a person met by title, the place hung on that title by the parser
        ("In 2012 she met its president, Tayyip Erdogan, in Turkey.", "Turkey"),
        ("He met his counterpart in Paris on Monday.", "Paris"),
        # a verb conjoined to one with a place shares it
        (
            "In 2012 she was given an award in Turkey and met its president, Tayyip Erdogan.",
            "Turkey",
        ),
        (
            "He spoke at the first conference of his party, the Respect Coalition.",
            "Respect Coalition",
        ),
    ],
)
def test_bodies_their_meetings_and_the_places_people_are_visited_in(text, host, full_nlp):
    assert only(events_of(text, full_nlp)).host == host


def test_whose_home_his_stands_for_hosts_but_his_absence_says_nothing(full_nlp):
    text = "Harvey Weinstein called her on Monday. He asked for a meeting in his Paris hotel room."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.evidence) == ("Harvey Weinstein", "owner")
    absent = "Putin spoke on Monday. The talks took place in his absence in Moscow."
    assert only(events_of(absent, full_nlp)).host == "Moscow"


def test_whose_home_the_venue_is_hosts_and_a_country_before_peace_talks_is_the_topic(full_nlp):
    text = "Details were hammered out at a meeting at Mr Kilroy-Silk's home on Sunday."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.evidence) == ("Mr Kilroy-Silk", "owner")
    assert events_of("Leaders backed the Ivory Coast peace talks.", full_nlp) == []
    assert events_of("Blunkett won the first round of a High Court battle.", full_nlp) == []


def test_welcomed_by_tours_and_assembled_people_but_not_assembled_cars(full_nlp):
    welcomed = only(events_of("Blair was welcomed by Bush at the White House.", full_nlp))
    assert (welcomed.host, welcomed.evidence) == ("Bush", "explicit")
    assert only(events_of("Ministers assembled in Brussels on Friday.", full_nlp)).host == (
        "Brussels"
    )
    assert only(events_of("Gordon Brown toured Tanzania last week.", full_nlp)).host == "Tanzania"
    assert events_of("The first Model T was assembled in Detroit in 1908.", full_nlp) == []
