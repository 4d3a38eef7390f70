"""Cleaning rules: each kind of page furniture goes; news sentences that look alike stay."""

from __future__ import annotations

from datetime import date

import pytest

from workbench.corpus.clean import boilerplate_reason, is_paywall_start, read_dateline, read_header
from workbench.corpus.document import build_document

ARTICLE = (
    "Envoys met in Doha on Monday to discuss a ceasefire. "
    "The talks lasted until late in the evening, officials said.\n"
)


def kept_texts(text: str) -> list[str]:
    return [sentence.text for sentence in build_document(text, "test").sentences]


def removed_reasons(text: str) -> list[str]:
    return [span.reason for span in build_document(text, "test").removed]


# --- One rule at a time: what it removes and what it keeps -----------------------------

FURNITURE = {
    "licence notice": [
        "© 2021 Reuters",
        "Copyright 2021 The Associated Press. All rights reserved.",
        "Copyright © 2021 Mehr News Agency",
        "(c) 2019 Example Media",
        "All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 "
        "International License.",
        "This work is available under CC-BY-SA.",
    ],
    "disclaimer": [
        "Disclaimer: No journalist was involved in creation of this content",
        "The views expressed here are the author's own.",
        "Opinions expressed in this column are solely those of the writer.",
        "This story has not been edited by our staff and is auto-generated from a syndicated feed.",
    ],
    "subscription or account prompt": [
        "Log in",
        "Sign in to comment",
        "Subscribe",
        "Subscribe to our newsletter",
        "Register now",
        "Create a free account",
        "Renews automatically, cancel anytime",
        "Here’s what’s included in our digital subscription plans",
    ],
    "price or plan line": ["₹900", "$4.99/month", "₹300/Month", "Rs. 300", "3 Months", "1 Year"],
    "navigation or sharing prompt": [
        "Click here to read more",
        "Read more: Taliban talks resume in Doha",
        "Also read: Moscow hosts talks",
        "Follow us on Twitter",
        "Advertisement",
    ],
    "byline": [
        "— dpa/IANS",
        "- Reuters",
        "-- AFP",
        "— The Associated Press",
        "Reuters",
        "Reporting by John Smith; Editing by Jane Doe",
        "(Reporting by John Smith; Editing by Jane Doe)",
        "(With inputs from PTI)",
    ],
}

NEWS_THAT_LOOKS_LIKE_FURNITURE = [
    "He said the subscription fees rose.",
    "Subscribers to the service complained about the price.",
    "Subscriptions rose 5 percent in March.",
    "He said there was a subscribe button on the site.",
    "The company said its digital subscription plans would cost more.",
    "Users can cancel anytime, the company said.",
    "The contract renews automatically each year, the lawyer said.",
    "Register to vote by Friday, officials urged.",
    "Register of births shows a decline.",
    "Registered voters went to the polls.",
    "Log files showed the attack began at midnight.",
    "Signing in to the system failed, officials said.",
    "Copyright law was changed by parliament in 2019.",
    "Copyright holders sued the company.",
    "The views expressed in the letter were shared by many.",
    "The disclaimer was added by lawyers after the ruling.",
    "Editing by hand is slow, the editor said.",
    "Reported by the ministry, the figure rose.",
    "$5 billion was pledged.",
    "10 days later, the troops withdrew.",
    "Follow-up talks will take place in Doha.",
    "Advertisements for the event appeared in Kabul.",
    "Reading the statement, the minister paused.",
    "Reuters reported the deal on Monday.",
    "The army said 41 soldiers were killed — the highest toll this year.",
    "- Moscow hosted the talks in November",
    "— The talks will resume on Monday",
    "Kabul - Kandahar highway was closed",
    "The CC members met in Beijing.",
    "Rebels were involved in the creation of this plan.",
    "(C) - Sales made on exporters' own account.",
]


@pytest.mark.parametrize(
    ("line", "reason"),
    [(line, reason) for reason, lines in FURNITURE.items() for line in lines],
)
def test_page_furniture_is_named_by_its_rule(line, reason):
    assert boilerplate_reason(line) == reason


@pytest.mark.parametrize("sentence", NEWS_THAT_LOOKS_LIKE_FURNITURE)
def test_a_news_sentence_with_furniture_words_is_kept(sentence):
    assert boilerplate_reason(sentence) is None
    assert not is_paywall_start(sentence)


@pytest.mark.parametrize("sentence", NEWS_THAT_LOOKS_LIKE_FURNITURE)
def test_a_news_sentence_with_furniture_words_survives_in_a_document(sentence):
    assert sentence in kept_texts(ARTICLE + sentence + "\n" + ARTICLE)


def test_the_seed_sentences_are_never_taken_for_furniture(seeds_corpus):
    for sentence in seeds_corpus.sentences():
        assert boilerplate_reason(sentence.text) is None, sentence


def test_furniture_lines_inside_an_article_are_left_out_with_their_reasons():
    text = "Talks resume\n\nAdvertisement\n" + ARTICLE + "Follow us on Twitter\n© 2021 Reuters\n"
    assert kept_texts(text) == [
        "Talks resume",
        "Envoys met in Doha on Monday to discuss a ceasefire.",
        "The talks lasted until late in the evening, officials said.",
    ]
    assert removed_reasons(text) == [
        "navigation or sharing prompt",
        "navigation or sharing prompt",
        "licence notice",
    ]


# --- Paywalls --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "You’ve reached your limit of 5 free articles this month.",
        "You have reached the maximum number of free stories.",
        "Subscribe now for unlimited access.",
        "Subscribe to read the full story →",
        "Please subscribe to continue reading.",
        "Already subscribed? Log in",
        "Already a subscriber? Sign in",
        "To continue reading, please subscribe.",
        "This article is only available to subscribers.",
        "Register to continue reading.",
        "Sign up to read this story.",
    ],
)
def test_a_paywall_marker_is_recognised(line):
    assert is_paywall_start(line)


@pytest.mark.parametrize(
    "sentence",
    [
        "He said they had reached the limit of their patience.",
        "The party had already subscribed to the plan.",
        "Voters must register to vote.",
        "Members had to sign up to read the documents, the ministry said.",
        "Readers can subscribe for full access, the company said.",
        "The account holders continue reading the terms.",
    ],
)
def test_a_news_sentence_is_not_a_paywall_marker(sentence):
    assert not is_paywall_start(sentence)


def test_everything_from_a_paywall_marker_on_is_left_out():
    text = (
        ARTICLE + "You’ve reached your limit of 5 free articles.\nSmart Quarterly\nIt is great.\n"
    )
    assert kept_texts(text) == [
        "Envoys met in Doha on Monday to discuss a ceasefire.",
        "The talks lasted until late in the evening, officials said.",
    ]
    document = build_document(text, "test")
    paywall = document.removed[-1]
    assert paywall.reason == "paywall block"
    assert text[paywall.start : paywall.end].startswith("You’ve reached your limit")
    assert text[paywall.start : paywall.end].endswith("It is great.")


def test_a_subscribe_prompt_above_the_article_does_not_take_the_article_with_it():
    text = "Subscribe now for unlimited access.\n\n" + ARTICLE
    assert kept_texts(text) == [
        "Envoys met in Doha on Monday to discuss a ceasefire.",
        "The talks lasted until late in the evening, officials said.",
    ]
    assert removed_reasons(text) == ["subscription or account prompt"]


# --- Date headers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (" date 2021-07-17 Talks began", date(2021, 7, 17)),
        ("Published: July 17, 2021\nTalks began.", date(2021, 7, 17)),
        ("Updated on 17 July 2021 | Talks began.", date(2021, 7, 17)),
        ("Date: 2020/02/29 - Talks began.", date(2020, 2, 29)),
        ("Published: July 17, 2021, 10:04 IST\nTalks began.", date(2021, 7, 17)),
        ("Last updated on July 17, 2021 at 9:30 a.m. (EDT) Talks began.", date(2021, 7, 17)),
        ("Updated: 2021-07-17T10:04:00+05:30 Talks began.", date(2021, 7, 17)),
    ],
)
def test_a_date_header_gives_the_published_date_and_where_the_body_starts(text, published):
    header = read_header(text)
    assert header is not None
    assert header.published == published
    assert text[header.end :].lstrip() == "Talks began" + text.rpartition("began")[2]


def test_a_capitalised_word_after_a_header_time_is_not_a_time_zone():
    text = "Updated: 2021-07-17 10:04 UN envoys met in Doha."
    assert text[read_header(text).end :] == "UN envoys met in Doha."


@pytest.mark.parametrize(
    "text",
    [
        "Dated agreements were signed in 2021.",
        "The date of the talks is 2021-07-17.",
        "date unknown. Talks began.",
        "Published reports say the talks began.",
    ],
)
def test_text_that_does_not_open_with_a_date_header_has_none(text):
    assert read_header(text) is None


def test_a_date_header_is_left_out_of_the_sentences_and_recorded():
    document = build_document("date 2021-07-17\n\n" + ARTICLE, "test")
    assert document.published == date(2021, 7, 17)
    assert document.sentences[0].text.startswith("Envoys met")
    assert document.removed[0].reason == "date header"


def test_a_date_from_metadata_wins_over_a_date_header():
    document = build_document("date 2021-07-17 " + ARTICLE, "test", published=date(2020, 1, 1))
    assert document.published == date(2020, 1, 1)


# --- Datelines -------------------------------------------------------------------------


def test_a_dateline_names_its_place_and_agency():
    text = "WASHINGTON, March 3 (Reuters) - The Federal Reserve held rates."
    dateline = read_dateline(text, 0, len(text))
    assert (dateline.place, dateline.agency) == ("WASHINGTON", "Reuters")
    assert text[dateline.end :].startswith("The Federal Reserve")


@pytest.mark.parametrize(
    "text",
    [
        "Update: the talks resumed on Monday.",
        "Note: The talks collapsed.",
        "Exclusive: Taliban leaders met in secret.",
        "US: The talks collapsed.",
        "The talks collapsed - envoys left.",
    ],
)
def test_a_label_is_not_a_dateline(text):
    assert read_dateline(text, 0, len(text)) is None
