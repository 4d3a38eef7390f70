"""Sentence splitting on news text: abbreviations, quotes, headings, wrapped lines, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.corpus.document import build_document
from workbench.corpus.segment import (
    SentenceTokenizer,
    looks_like_heading,
    split_blocks,
    split_sentences,
)


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def document_sentences(text: str) -> list[str]:
    return [sentence.text for sentence in build_document(text, "test").sentences]


# --- Abbreviations ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Smith arrived in Kabul on Monday.",
        "Mr. Jones met Mrs. Lee and Prof. Khan at the embassy.",
        "Officials in the U.S. said on Monday they agreed.",
        "The U.S. Secretary of State Mike Pompeo arrived.",
        "The deal was signed on Feb. 26 in Moscow.",
        "Shares of Acme Inc. rose 3 percent.",
        "He ranked as No. 5 on the list.",
        "Prices rose 3.5 percent by the end of the day.",
    ],
)
def test_an_abbreviation_inside_a_sentence_does_not_end_it(text):
    assert sentences_of(text) == [text]


def test_an_initialism_ends_a_sentence_when_a_sentence_opener_follows():
    text = "He lives in the U.S. Then he moved to Canada."
    assert sentences_of(text) == ["He lives in the U.S.", "Then he moved to Canada."]


def test_a_company_suffix_ends_a_sentence_before_the():
    text = "He works for Acme Inc. The company grew fast."
    assert sentences_of(text) == ["He works for Acme Inc.", "The company grew fast."]


def test_a_title_before_a_name_never_ends_a_sentence():
    assert sentences_of("Dr. Smith met U.S. officials. They talked.") == [
        "Dr. Smith met U.S. officials.",
        "They talked.",
    ]


def test_a_month_abbreviation_ends_a_sentence_when_no_day_follows():
    text = "It was signed in Feb. The talks then stalled."
    assert sentences_of(text) == ["It was signed in Feb.", "The talks then stalled."]


def test_a_sentence_may_start_with_a_number():
    text = "He said the fighters were near. 41 soldiers were killed."
    assert sentences_of(text) == ["He said the fighters were near.", "41 soldiers were killed."]


# --- Quotes ----------------------------------------------------------------------------


def test_a_quotation_opening_after_a_full_stop_starts_a_sentence():
    text = 'The minister spoke. "We will fight on," he said.'
    assert sentences_of(text) == ["The minister spoke.", '"We will fight on," he said.']


def test_curly_quotes_open_sentences_too():
    text = "The minister spoke. “We will fight on,” he said."
    assert sentences_of(text) == ["The minister spoke.", "“We will fight on,” he said."]


def test_a_comma_before_a_closing_quote_never_ends_a_sentence():
    text = '"We will win," he said, "and soon." Then he left.'
    assert sentences_of(text) == ['"We will win," he said, "and soon."', "Then he left."]


def test_a_closing_quote_stays_with_the_sentence_it_ends():
    text = "“We will fight on.” The minister left."
    assert sentences_of(text) == ["“We will fight on.”", "The minister left."]


@pytest.mark.parametrize(
    "text",
    [
        '"Will they come?" he asked.',
        "“Is it over?” asked the reporter.",
        '"Stop!" she shouted at the crowd.',
        "“Enough!” he said, and left.",
    ],
)
def test_a_question_or_exclamation_in_quotes_followed_by_lower_case_does_not_end_it(text):
    assert sentences_of(text) == [text]


def test_a_question_in_quotes_followed_by_a_capital_ends_the_sentence():
    text = '"Why now?" The crowd was silent.'
    assert sentences_of(text) == ['"Why now?"', "The crowd was silent."]


# --- Datelines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place", "first_sentence"),
    [
        ("TEHRAN -In a bid to broker peace, Moscow will host talks.", "TEHRAN", "In a bid"),
        ("Kabul: The talks resumed on Monday.", "Kabul", "The talks resumed"),
        (
            "WASHINGTON, March 3 (Reuters) - The Federal Reserve held rates.",
            "WASHINGTON",
            "The Federal Reserve",
        ),
        ("NEW YORK (AP) — Stocks fell on Monday.", "NEW YORK", "Stocks fell"),
        ("LONDON, Feb 26 - Sterling fell sharply.", "LONDON", "Sterling fell"),
        ("BEIRUT—Lebanese officials met on Monday.", "BEIRUT", "Lebanese officials"),
        ("KABUL -- The talks resumed on Monday.", "KABUL", "The talks resumed"),
    ],
)
def test_a_dateline_is_metadata_and_the_first_sentence_starts_after_it(text, place, first_sentence):
    document = build_document(text + " Envoys met.", "test")
    assert document.dateline == place
    assert document.sentences[0].text.startswith(first_sentence)
    assert any(span.reason == "dateline" for span in document.removed)


@pytest.mark.parametrize(
    "text",
    [
        "Update: the talks resumed on Monday.",
        "Update: The talks resumed on Monday.",
        "Breaking: The talks collapsed overnight.",
        "NATO allies met on Monday.",
        "The talks collapsed - envoys left.",
        "U.S.-backed Contra rebels tried to blow up a pylon.",
        "ADVO-System Inc said it could report a profit.",
        "NOTES: full name of the company is Acme.",
    ],
)
def test_a_label_or_an_ordinary_opening_is_not_a_dateline(text):
    document = build_document(text, "test")
    assert document.dateline is None
    assert document.sentences[0].text == text


def test_only_the_first_paragraph_can_hold_a_dateline():
    document = build_document("Envoys met on Monday.\n\nKabul: The talks resumed.", "test")
    assert document.dateline is None
    assert document.sentences[1].text == "Kabul: The talks resumed."


def test_a_dateline_after_a_headline_is_still_found():
    document = build_document("Summit ends\n\nGENEVA - Leaders met. They agreed.", "test")
    assert document.dateline == "GENEVA"
    assert [s.text for s in document.sentences] == ["Summit ends", "Leaders met.", "They agreed."]


# --- Missing full stops ----------------------------------------------------------------


def test_a_capitalised_sentence_opener_after_a_lower_case_word_marks_a_missing_full_stop():
    text = "It turned out a chimera In recent months, the U.S. acted."
    assert sentences_of(text) == ["It turned out a chimera", "In recent months, the U.S. acted."]


@pytest.mark.parametrize(
    "text",
    [
        "The New York Times reported it on Monday.",
        "He visited Washington In October.",
        "They met in the Hall Of Fame In Ohio.",
        "Talks were held in the capital by the Taliban.",
    ],
)
def test_a_name_or_a_lower_case_preposition_is_not_a_missing_full_stop(text):
    assert sentences_of(text) == [text]


# --- Headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Taliban agrees to ceasefire for 3 months",
        "Russia hosts Afghan peace talks with Taliban, vows Tajikistan aid",
        "## Background",
        "41 Afghan soldiers killed in Kunduz",
        "Taliban says talks made ‘no progress’",
    ],
)
def test_a_short_line_that_does_not_end_like_a_sentence_is_a_heading(line):
    assert looks_like_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "The talks are scheduled later this week.",
        "What happens next?",
        "officials said on Monday",
        "Envoys met on Monday, and then,",
        " ".join(["word"] * 30).capitalize(),
        "2021",
    ],
)
def test_a_sentence_or_a_fragment_is_not_a_heading(line):
    assert not looks_like_heading(line)


def test_headings_stand_alone_and_prose_around_them_is_split_into_sentences():
    text = (
        "Taliban agrees to ceasefire\n\n"
        "The talks began in Doha on Monday. Envoys met.\n\n"
        "## Background\n\n"
        "The war began in 2001."
    )
    sentences = build_document(text, "test").sentences
    assert [(s.is_heading, s.text) for s in sentences] == [
        (True, "Taliban agrees to ceasefire"),
        (False, "The talks began in Doha on Monday."),
        (False, "Envoys met."),
        (True, "Background"),
        (False, "The war began in 2001."),
    ]


def test_a_headline_directly_above_a_paragraph_line_is_not_glued_to_it():
    text = (
        "Russia hosts Afghan peace talks with Taliban, vows Tajikistan aid\n"
        "Russia promised military assistance to help Tajikistan deal with threats from "
        "neighbouring Afghanistan on Tuesday, as Moscow hosted Afghan peace talks."
    )
    sentences = build_document(text, "test").sentences
    assert sentences[0].is_heading
    assert sentences[0].text == "Russia hosts Afghan peace talks with Taliban, vows Tajikistan aid"
    assert sentences[1].text.startswith("Russia promised military assistance")


# --- Line breaks -----------------------------------------------------------------------

REUTERS_STYLE = """\
Showers continued throughout the week in the Bahia cocoa zone,
alleviating the drought since early January and improving
prospects for the coming temporao, Comissaria Smith said.
    The dry period means the temporao will be late this year. Arrivals
for the week ended February 22 were 155,221 bags of 60 kilos making
a cumulative total for the season of 5.93 mln.
    Comissaria Smith said there is still some doubt as to how much
old crop cocoa is still available as harvesting has practically
come to an end.
"""


def test_hard_wrapped_lines_are_joined_and_indented_lines_start_paragraphs():
    sentences = build_document(REUTERS_STYLE, "reuters").sentences
    flattened = [(s.paragraph, " ".join(s.text.split())) for s in sentences]
    assert flattened == [
        (
            0,
            "Showers continued throughout the week in the Bahia cocoa zone, alleviating the "
            "drought since early January and improving prospects for the coming temporao, "
            "Comissaria Smith said.",
        ),
        (1, "The dry period means the temporao will be late this year."),
        (
            1,
            "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos making a "
            "cumulative total for the season of 5.93 mln.",
        ),
        (
            2,
            "Comissaria Smith said there is still some doubt as to how much old crop cocoa is "
            "still available as harvesting has practically come to an end.",
        ),
    ]
    assert not any(s.is_heading for s in sentences)


SHORT_WIRE = """\
Coastal Bancorp said the U.S.
Federal Reserve Board approved the acquisition of Coastal by
Suffield Financial Corp <SSBK>.
    The acquisition still requires approval from the Banking
Department in Maine, the company noted.
"""


def test_a_short_wire_story_is_wrapped_although_its_lines_end_in_full_stops():
    # Three of its five inner lines end in a full stop, but "U.S." goes on into
    # "Federal Reserve" and "<SSBK>." ends a paragraph (the next line is indented).
    sentences = build_document(SHORT_WIRE, "wire").sentences
    assert [" ".join(s.text.split()) for s in sentences] == [
        "Coastal Bancorp said the U.S. Federal Reserve Board approved the acquisition of "
        "Coastal by Suffield Financial Corp <SSBK>.",
        "The acquisition still requires approval from the Banking Department in Maine, "
        "the company noted.",
    ]


def test_lines_of_whole_sentences_stay_a_paragraph_each():
    text = "The talks began on Monday.\nThey ended on Tuesday evening.\nNo one spoke after.\n"
    sentences = build_document(text, "lines").sentences
    assert [s.paragraph for s in sentences] == [0, 1, 2]


def test_wrapped_blocks_keep_their_line_breaks_in_the_cited_text():
    document = build_document(REUTERS_STYLE, "reuters")
    first = document.sentences[0]
    assert "\n" in first.text
    assert document.raw[first.start : first.end] == first.text


def test_text_with_one_paragraph_a_line_gives_a_paragraph_per_line():
    text = (
        "The first paragraph is a single line, and it ends here.\n"
        "The second paragraph is another line that ends with a full stop.\n"
        "Short line.\n"
    )
    sentences = build_document(text, "test").sentences
    assert [(s.paragraph, s.text) for s in sentences] == [
        (0, "The first paragraph is a single line, and it ends here."),
        (1, "The second paragraph is another line that ends with a full stop."),
        (2, "Short line."),
    ]


def test_a_line_broken_mid_sentence_continues_on_the_next_line():
    text = "Envoys met in Doha on Monday and\nagreed to meet again.\nThe talks ended."
    assert document_sentences(text) == [
        "Envoys met in Doha on Monday and\nagreed to meet again.",
        "The talks ended.",
    ]


def test_windows_line_endings_split_the_same_way():
    unix = "Talks open\n\nEnvoys met. They agreed.\n\nNothing else happened."
    windows = unix.replace("\n", "\r\n")
    assert document_sentences(windows) == document_sentences(unix)


def test_blocks_cover_only_non_blank_text():
    text = "\n\n  Title here  \n\n\n  Body text. More text.  \n"
    blocks = split_blocks(text)
    assert [(text[b.start : b.end], b.is_heading) for b in blocks] == [
        ("Title here", True),
        ("Body text. More text.", False),
    ]


def test_split_sentences_reads_only_the_region_it_is_given():
    text = "Ignore this. Read this one. And this. Not this."
    start, end = text.index("Read"), text.index(" Not")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == [
        "Read this one.",
        "And this.",
    ]


# --- The sumy tokenizer ----------------------------------------------------------------


def test_the_sumy_tokenizer_splits_sentences_with_the_same_rules():
    tokenizer = SentenceTokenizer()
    assert tokenizer.language == "english"
    assert tokenizer.to_sentences("It rained. Mr. Lee stayed in. He read.") == (
        "It rained.",
        "Mr. Lee stayed in.",
        "He read.",
    )


def test_the_sumy_tokenizer_drops_numbers_and_punctuation_from_words():
    words = SentenceTokenizer().to_words(
        "On Nov. 9, 2018, 3,000 troops -- and Karzai’s aides -- left!"
    )
    assert words == ("On", "Nov", "troops", "and", "Karzai’s", "aides", "left")
    assert not any(char.isdigit() for word in words for char in word)


def test_the_sumy_tokenizer_works_with_sumy_without_nltk_data():
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    text = (
        "Envoys met in Doha on Monday. The talks lasted all day. Mr. Khalilzad said progress "
        "was made.\n\nThe Taliban agreed to meet again. Officials in Kabul welcomed the news."
    )
    parser = PlaintextParser.from_string(text, SentenceTokenizer())
    summary = LexRankSummarizer(Stemmer("english"))(parser.document, 2)
    assert len(summary) == 2
    assert all(str(sentence) in text for sentence in summary)


# --- Properties that hold for any text -------------------------------------------------

_TOKENS = st.sampled_from(
    [
        "the",
        "talks",
        "Moscow",
        "Taliban",
        "In",
        "The",
        "U.S.",
        "Dr.",
        "Mr.",
        "Inc.",
        "Feb.",
        "No.",
        "e.g.",
        "3.5",
        "1987",
        ".",
        "...",
        "…",
        "?",
        "!",
        ",",
        ";",
        ":",
        "-",
        "—",
        '"',
        "“",
        "”",
        "‘",
        "’",
        "(",
        ")",
        "#",
        "café",
        "Köln",
        "₹900",
        "東京",
        "😀",
        "TEHRAN -",
        "Kabul:",
        "date 2021-07-17",
        "Subscribe",
        "— dpa/IANS",
        "You’ve reached your limit",
    ]
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "\n\n", "  ", "\t", "\r\n", "\u00a0"])
_TEXTS = st.lists(st.tuples(_TOKENS | st.text(max_size=4), _SEPARATORS), max_size=60).map(
    lambda pairs: "".join(token + separator for token, separator in pairs)
)


def _assert_spans_are_sound(text: str, spans: list[tuple[int, int]]) -> None:
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        piece = text[start:end]
        assert piece and piece == piece.strip()
        previous_end = end


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_sentence_spans_are_ordered_non_empty_trimmed_and_exact_for_any_text(text):
    spans = split_sentences(text)
    _assert_spans_are_sound(text, spans)
    if text.strip():
        assert spans


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_document_sentences_cite_the_raw_text_exactly_for_any_text(text):
    document = build_document(text, "generated")
    assert document.raw == text
    _assert_spans_are_sound(text, [(s.start, s.end) for s in document.sentences])
    for index, sentence in enumerate(document.sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
    for span in document.removed:
        assert 0 <= span.start <= span.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_blocks_are_ordered_trimmed_and_disjoint_for_any_text(text):
    _assert_spans_are_sound(text, [(block.start, block.end) for block in split_blocks(text)])
