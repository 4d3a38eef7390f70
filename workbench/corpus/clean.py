"""General rules that tell the article from what surrounds it on the page.

Scraped news carries paywall blocks, price lists, "log in" and "subscribe" lines,
licence and disclaimer notes, agency bylines, and header lines such as
``date 2021-07-17``. None of it is the article, so none of it should be
summarised, searched or cited. The rules here look at the words only, never at
the file name or publisher, so they hold for articles the workbench has not seen.

Three kinds of rule:

* :func:`read_header` finds a metadata header at the top (a date line) and says
  where the body starts, returning the date it names.
* :func:`read_dateline` finds a dateline ("TEHRAN -", "Kabul:",
  "WASHINGTON, March 3 (Reuters) -") at the start of the body: metadata, not
  part of the first sentence.
* :func:`boilerplate_reason` says why one sentence or line is not article text,
  and :func:`is_paywall_start` marks where a paywall begins: from there on,
  everything is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from workbench.data import word_set
from workbench.dates.explicit import find_date

_HEADER = re.compile(
    r"\A\s*(?:date|dated|published|posted|updated|last updated)\s*(?:on|at)?\s*[:\-–]?\s*",
    re.IGNORECASE,
)
#: A header's date starts right after its label and is read from this many characters
#: (set by hand: room for a date written out in full, "12th of September, 2019").
_HEADER_DATE_CHARS = 40
#: A time of day after a header's date ("July 17, 2021, 10:04 IST"): part of the header.
_HEADER_TIME = re.compile(
    r"(?:[ \t,]*(?:at[ \t]+)?|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]*(?:Z|[+-]\d{2}:?\d{2}"
    r"|\(?(?-i:[A-Z]{1,4}T|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?(?!\w)))?",
    re.IGNORECASE,
)

#: Words that end in a colon at the start of an article but are labels, not places.
_LABEL_WORDS = word_set("corpus_dateline_labels.txt")
#: A dateline in capitals names a place of at least this many characters (set by hand).
_MIN_CAPS_PLACE_CHARS = 3

_CAPS_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}"
    r"(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?)"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Za-z .&/]+)\))?"
    # A hyphen touching words on both sides joins a compound ("U.S.-backed"), so a
    # hyphen needs a space on one side; dashes and a colon followed by a space end a dateline.
    r"(?:\s*[–—]+|\s+-+|-+(?=\s)|\s*:(?=\s))\s*(?=\S)"
)
_TITLE_DATELINE = re.compile(r"(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}):\s+(?=[A-Z\"“‘'])")
_AGENCY_DATELINE = re.compile(r"\((?P<agency>[A-Z][A-Za-z .&/]+)\)\s*[-–—]+\s*(?=\S)")

_PAYWALL = re.compile(
    r"you(?:'|’)ve reached (?:your|the) (?:limit|maximum)"
    r"|you have reached (?:your|the) (?:limit|maximum)"
    r"|^\W*(?:please )?subscribe (?:now |today )?"
    r"(?:to (?:read|continue|unlock)|for (?:unlimited|full) access)"
    r"|(?:to continue reading|continue reading with)\b.{0,40}(?:subscri|sign in|log in)"
    r"|this (?:article|story|content) is (?:only )?(?:for|available to) (?:subscribers|members)"
    r"|already (?:a )?subscri(?:bed|ber)\?"
    r"|^\W*(?:please )?(?:register|sign up|create a free account)(?: now| for free)?"
    r" to (?:read|continue)",
    re.IGNORECASE,
)
#: Lower-case words one of which every paywall marker contains: a cheap test run first.
_PAYWALL_TRIGGERS = ("reached", "subscri", "continue reading", "register", "sign up", "account")

_BYLINE_WORD = r"(?:[A-Z][\w.&'’-]*|[a-z]{2,5})"
_BYLINE_NAME = rf"(?:{_BYLINE_WORD}(?:/{_BYLINE_WORD})+|[A-Z][\w.&'’-]*)"

#: Rules for a whole short line (matched from its first character): reason and pattern.
_LINE_RULES: tuple[tuple[str, str], ...] = (
    (
        "licence notice",
        r"(?:©|\(c\)(?=\s*(?:19|20)\d\d\b)|copyright(?:\s*(?:©|\(c\)|(?:19|20)\d\d\b)|\W*$))",
    ),
    (
        "disclaimer",
        r"(?:disclaimer\b|(?:the )?(?:views|opinions) expressed\b.{0,80}?"
        r"\b(?:author|writer|contributor|personal|own|necessarily|solely)\b)",
    ),
    (
        # A prompt is the verb alone or followed by a prompt's words, and never
        # reports speech ("Register to vote, officials urged" is news).
        "subscription or account prompt",
        r"(?!.*\b(?:said|says|told|urged|according)\b)"
        r"(?:(?:log ?in|sign ?in|sign ?up|subscribe|register|create (?:a|an) (?:free )?account)"
        r"(?:\W*$|\s+(?:now|here|today|free|for|to|with|or|and|using|via)\b.{0,60}$)"
        r"|(?:renews automatically|cancel any ?time)\b.{0,60}$)",
    ),
    (
        "price or plan line",
        r"\W*(?:[₹$€£¥]|rs\.?|usd|inr|eur)\s?\d[\d,.]*(?:\s?/\s?\w+)?\W*$"
        r"|\d+\s+(?:months?|years?|weeks?|days?)\W*$",
    ),
    (
        "navigation or sharing prompt",
        r"(?:click here|read more|also read|read also|follow us|share this|share on"
        r"|advertisement|related:|recommended:|you may also like)\b.{0,80}$",
    ),
    (
        "byline",
        # A dash and an agency's or reporter's name ("— dpa/IANS", "- The Associated
        # Press"): capitalised words, or short lower-case acronyms joined by "/". A
        # dash before lower-case words is a list item or an aside, not a byline.
        rf"(?-i:[—–-]+\s*{_BYLINE_NAME}(?:\s+{_BYLINE_NAME}){{0,4}})\W*$"
        r"|\(?(?:reporting|writing|editing|additional reporting) by\s+(?-i:[A-Z])"
        r"|\(?with inputs from\b"
        r"|(?:reuters?|ap|afp|pti|ians|dpa|upi|xinhua|efe|anadolu|bernama)\W*$",
    ),
)
#: Only lines up to this long are tested against the line rules: page furniture is short
#: (set by hand).
MAX_FURNITURE_CHARS = 160

#: Rules for a phrase anywhere in a sentence: reason, pattern, and lower-case trigger
#: words of which any match contains one (tested first, because most sentences have none).
_PHRASE_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "licence notice",
        r"licensed under (?:a|the) creative commons|\bcc[- ]by(?:[- ][a-z]{2})*\b"
        r"|all rights reserved",
        ("licen", "cc", "rights reserved"),
    ),
    (
        "disclaimer",
        r"was involved in (?:the )?creation of this content|(?:has|have) not been edited by\b"
        r"|auto-generated from a syndicated feed",
        ("creation of this content", "edited by", "syndicated"),
    ),
    (
        "subscription or account prompt",
        r"\bsubscribe (?:now|today|here)\b|\b(?:our|your) (?:digital )?subscription plans?\b",
        ("subscri",),
    ),
)


def _named_alternatives(patterns: list[str]) -> re.Pattern[str]:
    """One pattern whose group ``rule<N>`` matches when the N-th pattern does."""
    return re.compile(
        "|".join(f"(?P<rule{number}>{pattern})" for number, pattern in enumerate(patterns)),
        re.IGNORECASE,
    )


_LINE = _named_alternatives([pattern for _, pattern in _LINE_RULES])
_PHRASE = _named_alternatives([pattern for _, pattern, _ in _PHRASE_RULES])
_PHRASE_TRIGGERS = tuple(trigger for *_, triggers in _PHRASE_RULES for trigger in triggers)


@dataclass(frozen=True, slots=True)
class Header:
    """A metadata header at the top of a document."""

    end: int
    published: date | None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline at the start of an article: where it was filed (and by whom)."""

    start: int
    end: int
    place: str | None
    agency: str | None


def read_header(text: str) -> Header | None:
    """Find a date header at the very top of ``text``.

    Returns
    -------
    Header or None
        Where the body starts after the header and the date it names, or
        ``None`` when the text does not open with a date header.

    Examples
    --------
    >>> read_header(" date 2021-07-17 As talks began")
    Header(end=17, published=datetime.date(2021, 7, 17))
    """
    label = _HEADER.match(text)
    if not label:
        return None
    found = find_date(text[label.end() : label.end() + _HEADER_DATE_CHARS])
    if found is None or found[1].start() != 0:
        return None
    end = label.end() + found[1].end()
    time = _HEADER_TIME.match(text, end)
    if time:
        end = time.end()
    while end < len(text) and text[end] in " \t,;:-–—|":
        end += 1
    return Header(end=end, published=found[0])


def read_dateline(text: str, start: int, end: int) -> Dateline | None:
    """Find a dateline at ``text[start:end]``'s start ("TEHRAN -In a bid ...").

    The dateline is where the story was filed, not part of its first sentence, so
    the caller starts that sentence after ``Dateline.end``.

    Examples
    --------
    >>> line = read_dateline("TEHRAN -In a bid to broker peace", 0, 32)
    >>> line.place, line.end
    ('TEHRAN', 8)
    >>> read_dateline("Update: the talks resumed", 0, 25) is None
    True
    """
    for pattern in (_CAPS_DATELINE, _TITLE_DATELINE, _AGENCY_DATELINE):
        match = pattern.match(text, start, end)
        if not match:
            continue
        groups = match.groupdict()
        place = groups.get("place")
        if place and (place.lower() in _LABEL_WORDS or place.split()[0].lower() in _LABEL_WORDS):
            continue
        if pattern is _CAPS_DATELINE and len(place or "") < _MIN_CAPS_PLACE_CHARS:
            continue
        return Dateline(match.start(), match.end(), place, groups.get("agency"))
    return None


def boilerplate_reason(sentence: str) -> str | None:
    """Say why ``sentence`` is page furniture rather than article text, or ``None``.

    Examples
    --------
    >>> boilerplate_reason("— dpa/IANS")
    'byline'
    >>> boilerplate_reason("Moscow will host the talks.") is None
    True
    """
    text = sentence.strip()
    if len(text) <= MAX_FURNITURE_CHARS:
        match = _LINE.match(text)
        if match:
            return _LINE_RULES[_rule_number(match)][0]
    lowered = text.lower()
    if any(trigger in lowered for trigger in _PHRASE_TRIGGERS):
        match = _PHRASE.search(text)
        if match:
            return _PHRASE_RULES[_rule_number(match)][0]
    return None


def _rule_number(match: re.Match[str]) -> int:
    return int((match.lastgroup or "rule0").removeprefix("rule"))


def is_paywall_start(line: str) -> bool:
    """Whether ``line`` opens a paywall or subscription block.

    Examples
    --------
    >>> is_paywall_start("You’ve reached your limit of 5 free articles this month.")
    True
    """
    lowered = line.lower()
    return (
        any(trigger in lowered for trigger in _PAYWALL_TRIGGERS)
        and _PAYWALL.search(line) is not None
    )
