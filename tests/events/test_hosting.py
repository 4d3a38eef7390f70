"""How one sentence is read as hosting: the host, the event, the place, the date, who took part.

Each test reads a text made here with the full spaCy pipeline (``full_nlp``).
"""

from __future__ import annotations

from datetime import date

import pytest
from events.made_events import events_of, only

from workbench.data import read_lines
from workbench.events.mentions import DEFINITE_DETERMINERS


def test_kenya_will_convene_a_summit_on_a_future_day(full_nlp):
    text = "Kenya will convene a summit on trade in Nairobi on 3 March."
    event = only(events_of(text, full_nlp, published=date(2024, 2, 10)))
    assert (event.host, event.event, event.place) == ("Kenya", "a summit on trade", "Nairobi")
    assert (event.when, event.date, event.verb) == ("3 March", date(2024, 3, 3), "convene")


def test_a_passive_agent_organised_the_meeting_last_tuesday(full_nlp):
    text = "The meeting was organised by the UN in Geneva last Tuesday."
    event = only(events_of(text, full_nlp, published=date(2023, 5, 18)))
    assert (event.host, event.place, event.when) == ("UN", "Geneva", "last Tuesday")
    assert event.date == date(2023, 5, 16)


def test_hosted_by_names_the_host_of_the_summit(full_nlp):
    event = only(events_of("The summit, hosted by Ethiopia, ended with a statement.", full_nlp))
    assert (event.host, event.event) == ("Ethiopia", "The summit")


def test_a_pronoun_host_is_the_subject_of_the_sentence_before(full_nlp):
    text = (
        "Norway has long backed the peace process in Colombia. "
        "It hosted a round of talks between the government and the rebels in Oslo on Saturday."
    )
    event = only(events_of(text, full_nlp, published=date(2016, 11, 9)))
    assert (event.host, event.place, event.date) == ("Norway", "Oslo", date(2016, 11, 5))
    assert event.confidence < 0.9  # a resolved pronoun is less direct than a name


def test_a_pronoun_after_said_is_the_speaker_and_will_host_looks_ahead(full_nlp):
    text = "Norway said on Monday it would host talks in Oslo next week."
    event = only(events_of(text, full_nlp, published=date(2019, 6, 5)))
    assert (event.host, event.when, event.date) == ("Norway", "next week", date(2019, 6, 10))


def test_the_country_as_subject_is_the_country_named_before(full_nlp):
    text = "Switzerland is neutral. The country will host a peace conference on Ukraine in June."
    event = only(events_of(text, full_nlp, published=date(2024, 4, 10)))
    assert (event.host, event.when, event.date) == ("Switzerland", "June", date(2024, 6, 1))


def test_a_capital_named_by_its_adjective_is_resolved_with_the_article_links(full_nlp):
    text = "Envoys arrived in Qatar's Doha. New talks opened in the Qatari capital on Monday."
    event = only(events_of(text, full_nlp, published=date(2020, 9, 16)))
    assert (event.host, event.place, event.verb) == ("Qatar", "Doha", "open")


def test_a_year_written_after_the_day_dates_the_event_in_that_year(full_nlp):
    text = "Ghana hosted a cocoa summit in Accra on 12 September in 2018."
    event = only(events_of(text, full_nlp, published=date(2023, 5, 14)))
    assert (event.when, event.date) == ("12 September in 2018", date(2018, 9, 12))


def test_an_undated_event_has_no_when_and_no_date(full_nlp):
    event = only(events_of("Ghana held a conference on cocoa prices.", full_nlp))
    assert (event.host, event.when, event.date) == ("Ghana", None, None)


def test_a_weekday_without_publication_date_keeps_its_text_but_no_date(full_nlp):
    event = only(events_of("Oman hosted talks between the envoys on Saturday.", full_nlp))
    assert (event.when, event.date) == ("Saturday", None)


@pytest.mark.parametrize(
    ("text", "published", "host", "verb", "when", "expected"),
    [
        (
            "Oman facilitated talks between Iran and the United States in Muscat last month.",
            date(2019, 6, 12), "Oman", "facilitate", "last month", date(2019, 5, 1),
        ),
        (
            "Egypt arranged a meeting between the two delegations in Cairo on Friday.",
            date(2021, 3, 10), "Egypt", "arrange", "Friday", date(2021, 3, 5),
        ),
        (
            "The African Union will hold a summit in Addis Ababa next Tuesday.",
            date(2022, 1, 5), "African Union", "hold", "next Tuesday", date(2022, 1, 11),
        ),
        (
            "Qatar will host a new round of talks later this week, officials said on Thursday.",
            date(2019, 12, 5), "Qatar", "host", "later this week", date(2019, 12, 2),
        ),
        (  # a request looks ahead: the coming Friday, and the one asked hosts
            "Japan asked the Security Council to hold urgent consultations on Friday.",
            date(2017, 9, 6), "Security Council", "hold", "Friday", date(2017, 9, 8),
        ),
    ],
)  # fmt: skip
def test_each_verb_of_the_family_gives_the_host_and_a_date_from_publication(
    full_nlp, text, published, host, verb, when, expected
):
    event = only(events_of(text, full_nlp, published=published))
    assert (event.host, event.verb, event.when, event.date) == (host, verb, when, expected)


def test_facilitated_talks_between_two_sides_list_both_as_participants(full_nlp):
    text = "Oman facilitated talks between Iran and the United States in Muscat last month."
    event = only(events_of(text, full_nlp, published=date(2019, 6, 12)))
    assert (event.place, event.granularity) == ("Muscat", "month")
    assert event.participants == ("Iran", "the United States")


def test_a_gathering_hosted_by_an_association_does_not_repeat_the_verb(full_nlp):
    text = "Some 1,200 officials will attend the annual gathering hosted by the Futures Industry\n"
    text += "Association."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.event) == ("Futures Industry Association", "the annual gathering")


@pytest.mark.parametrize(
    ("text", "host", "event"),
    [
        ("Seoul's offer to hold talks on January 9 was welcomed.", "Seoul", "talks"),
        (
            "Prince Khaled, governor of the Asir region hosting the four-day conference, spoke.",
            "Asir region",
            "the four-day conference",
        ),
        (
            "The minister called on the ICO to convene another meeting within two months.",
            "ICO",
            "another meeting",
        ),
        (
            "Delegates attended the opening of the talks, convened by the Cocoa Organization.",
            "Cocoa Organization",
            "the talks",
        ),
        ("Weizsaecker is hosting a dinner tonight for the president.", "Weizsaecker", "a dinner"),
    ],
)
def test_the_host_is_found_however_the_sentence_is_built(text, host, event, full_nlp):
    found = only(events_of(text, full_nlp))
    assert (found.host, found.event) == (host, event)


def test_a_body_named_by_a_common_noun_can_host(full_nlp):
    text = "The Obama administration will host two workshops for the transition team."
    event = only(events_of(text, full_nlp))
    assert (event.host, event.event) == ("Obama administration", "two workshops")


@pytest.mark.parametrize(
    "text",
    [
        "Jordan hosts more than a million refugees.",
        "The new planets may host intelligent life.",
        "The new devices will hold a meeting of engineers.",
        "Police held the suspect for questioning in Kabul on Monday.",
        "Officials met with the minister in Kabul on Wednesday.",
        "George Bush opened the meeting to the press.",
        "The conference was held earlier.",
    ],
)
def test_hosting_without_an_event_or_visitors_or_without_a_possible_host_is_not_an_event(
    text, full_nlp
):
    assert events_of(text, full_nlp) == []


def test_the_definite_determiners_load_from_the_data_folder():
    assert sorted(DEFINITE_DETERMINERS) == ["that", "the", "these", "this", "those"]
    assert len(read_lines("events_definite_determiners.txt")) == 5


def test_the_company_hosts_as_the_firm_the_article_named_before(full_nlp):
    text = (
        "Acme Corp said on Monday it would open a plant. "
        "The company will host a meeting of its suppliers in Denver on Friday."
    )
    assert only(events_of(text, full_nlp)).host == "Acme Corp"


def test_a_body_the_article_never_names_hosts_as_its_description(full_nlp):
    text = "The union said its members were angry. The union organised a march in Leeds."
    assert only(events_of(text, full_nlp)).host == "union"


def test_a_host_written_short_takes_the_full_name_the_article_gives_it(full_nlp):
    text = (
        "The Liberal Democrats unveiled a slogan on Friday. "
        "The Democrats will hold their spring conference in Harrogate next month."
    )
    assert only(events_of(text, full_nlp)).host == "Liberal Democrats"


def test_a_host_wrapped_over_two_lines_reads_on_one(full_nlp):
    text = (
        "TALKS\n\nBelgian Foreign Trade Minister Herman\nDe Croo said he believed there "
        "would be a compromise within the\nEuropean Community on its proposed tax on "
        "vegetable fats.\n    De Croo told a news conference that the United States "
        "would\nrespond.\n"
    )
    assert only(events_of(text, full_nlp)).host == "Herman De Croo"


def test_a_date_the_event_comes_before_is_a_bound_not_its_date(full_nlp):
    event = only(events_of("Mizrahi expects OPEC to meet before June.", full_nlp))
    assert (event.when, event.date) == ("before June", None)
    dated = only(events_of("OPEC will meet in Vienna on June 25.", full_nlp, published=None))
    assert dated.when == "June 25"
