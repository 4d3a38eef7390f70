"""Splitting raw article text into blocks and sentences, keeping exact offsets.

Nothing here copies or normalises text: every function returns ``(start, end)``
character offsets into the string it was given, so a sentence can always be cited
as ``raw[start:end]``. The rules are written for news text and need no NLTK data:

* **Blocks.** Blank lines separate paragraphs. Inside a paragraph, single line
  breaks are read two ways: in hard-wrapped text (newswire, e-mail) they are
  spaces and an indented line starts a new paragraph; in text with one paragraph
  a line they end the paragraph.
* **Headings.** A one-line block that is short and does not end like a sentence
  is a headline or sub-headline, never glued to the sentence after it.
* **Sentences.** A full stop, question or exclamation mark (with any closing
  quotes or brackets) ends a sentence when the next word could start one: not
  after titles such as "Dr." or initialisms such as "U.S." unless a word that
  only starts sentences follows. A capitalised function word after a lower-case
  word ("a chimera In recent months") marks a missing full stop.

:class:`SentenceTokenizer` adapts these rules to sumy's tokenizer interface.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from workbench.data import read_lines, word_set
from workbench.dates import names as calendar_names
from workbench.text import LETTER_WORD

#: Titles and abbreviations after which a full stop never ends a sentence.
NON_TERMINAL_ABBREVIATIONS = word_set("corpus_non_terminal_abbreviations.txt")
#: Abbreviations that may end a sentence; they do when a sentence-only word follows.
AMBIGUOUS_ABBREVIATIONS = word_set("corpus_ambiguous_abbreviations.txt")
#: Month abbreviations: a full stop after them does not end a sentence before a day number.
MONTH_ABBREVIATIONS = frozenset(calendar_names.MONTH_ABBREVIATIONS)
#: Words that, capitalised, almost always begin a sentence rather than a name.
SENTENCE_STARTERS = word_set("corpus_sentence_starters.txt")
#: The subset of starters that mark a missing full stop after a lower-case word.
_MISSING_STOP_STARTERS = "|".join(read_lines("corpus_missing_stop_starters.txt"))

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
_CANDIDATE_END = re.compile(r"(?:[.!?…]+|\.\.\.)[\"'”’)\]]*(?=\s)")
_MISSING_STOP = re.compile(rf"(?<=[a-z]{{2}}) +(?=(?:{_MISSING_STOP_STARTERS}) +[a-z])")
_LAST_TOKEN = re.compile(r"[\"'“‘(\[]*([^\s\"'“‘(\[]*)$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]*([^\s.,;:!?\"'”’)\]]*)")
_INITIALISM = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")
_SENTENCE_OPENERS = frozenset("\"'“‘([—–-•")
_TERMINAL_CHARS = frozenset(".!?…:;,")
_CLOSING_QUOTES = "\"'”’)]"
#: Quotes, brackets and markup a headline may open with ("<ACME CORP> YEAR LOSS").
_HEADING_OPENERS = "<\"'“‘(["
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")

#: A heading has at most this many words (set by hand).
MAX_HEADING_WORDS = 20
#: A heading has at most this many characters (set by hand).
MAX_HEADING_CHARS = 160
# A block is hard-wrapped (newswire, e-mail) when no line is longer than MAX_WRAP_WIDTH,
# at least MIN_WRAPPED_SHARE of its inner lines are MIN_WRAP_WIDTH to MAX_WRAP_WIDTH
# characters long, and at most MAX_SENTENCE_END_SHARE of them end like a sentence.
# The four numbers are set by hand.
#: Hard-wrapped text is broken at or below this many characters a line.
MAX_WRAP_WIDTH = 100
MIN_WRAP_WIDTH = 30
MIN_WRAPPED_SHARE = 0.6
MAX_SENTENCE_END_SHARE = 0.5
#: How far before a full stop to look for the word it follows, in characters: longer
#: than any abbreviation (set by hand).
_LAST_TOKEN_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or heading: ``text[start:end]`` with surrounding space trimmed."""

    start: int
    end: int
    is_heading: bool = False


def split_blocks(text: str, start: int = 0, end: int | None = None) -> list[Block]:
    """Split ``text[start:end]`` into paragraphs and headings.

    Parameters
    ----------
    text : str
        The raw document text.
    start, end : int
        The region to split; offsets in the result are into ``text`` itself.

    Returns
    -------
    list of Block
        Non-empty blocks in reading order, whitespace trimmed.
    """
    end = len(text) if end is None else end
    blocks: list[Block] = []
    for chunk in _chunks(text, start, end):
        wrapped = len(chunk) > 1 and _is_hard_wrapped(text, chunk)
        paragraphs = _wrapped_paragraphs(text, chunk) if wrapped else _line_paragraphs(text, chunk)
        for line_start, line_end in paragraphs:
            span = _trimmed(text, line_start, line_end)
            if span is not None:
                line = text[span[0] : span[1]]
                heading = not wrapped and "\n" not in line and looks_like_heading(line)
                blocks.append(Block(span[0], span[1], heading))
    return blocks


def looks_like_heading(line: str) -> bool:
    """Whether a one-line block reads as a headline rather than a sentence.

    Examples
    --------
    >>> looks_like_heading("Taliban agrees to ceasefire for 3 months")
    True
    >>> looks_like_heading("The talks are scheduled later this week.")
    False
    >>> looks_like_heading("<PRECAMBRIAN SHIELD RESOURCES LTD> YEAR LOSS")
    True
    """
    line = line.strip()
    if _MARKDOWN_HEADING.match(line):
        return True
    unquoted = line.rstrip(_CLOSING_QUOTES)
    if not unquoted or len(line) > MAX_HEADING_CHARS or unquoted[-1] in _TERMINAL_CHARS:
        return False
    words = line.split()
    opening = line.lstrip(_HEADING_OPENERS)[:1]
    if len(words) > MAX_HEADING_WORDS or not (opening.isupper() or opening.isdigit()):
        return False
    return any(char.isalpha() for char in line)


#: The longest sentence kept whole, in characters: longer runs without a sentence end are
#: cut at spaces (news sentences are far shorter; spaCy refuses texts over 1,000,000).
MAX_SENTENCE_CHARACTERS = 5_000


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split the prose in ``text[start:end]`` into sentences.

    Returns
    -------
    list of (int, int)
        ``(start, end)`` offsets into ``text``; each span is trimmed of spaces and
        ``text[start:end]`` is the sentence exactly as written.

    Examples
    --------
    >>> text = "Dr. Smith met U.S. officials. They talked."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Dr. Smith met U.S. officials.', 'They talked.']
    """
    end = len(text) if end is None else end
    cuts = sorted(set(_boundaries(text, start, end)))
    spans: list[tuple[int, int]] = []
    previous = start
    for cut in [*cuts, end]:
        span = _trimmed(text, previous, cut)
        if span is not None:
            spans += _bounded(text, *span)
        previous = cut
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span longer than :data:`MAX_SENTENCE_CHARACTERS` cut at spaces into shorter ones.

    A text with no full stops (a log, a table dumped as one line) would otherwise
    be one sentence of megabytes, which spaCy refuses and the readers crawl over.
    Each piece is cut at the last space before the limit (or at the limit, when
    there is none), so the offsets stay exact.
    """
    pieces = []
    while end - start > MAX_SENTENCE_CHARACTERS:
        limit = start + MAX_SENTENCE_CHARACTERS
        space = max(text.rfind(" ", start, limit), text.rfind("\n", start, limit))
        cut = space if space > start else limit
        span = _trimmed(text, start, cut)
        if span is not None:
            pieces.append(span)
        start = cut
    span = _trimmed(text, start, end)
    return [*pieces, span] if span is not None else pieces


def _boundaries(text: str, start: int, end: int) -> Iterator[int]:
    region = text[start:end]
    for match in _CANDIDATE_END.finditer(region):
        next_start = _skip_space(region, match.end())
        if next_start < len(region) and _ends_sentence(region, match, next_start):
            yield start + match.end()
    for match in _MISSING_STOP.finditer(region):
        yield start + match.start()


def _ends_sentence(region: str, match: re.Match[str], next_start: int) -> bool:
    """Decide whether the punctuation in ``match`` ends a sentence."""
    next_char = region[next_start]
    if not (next_char.isupper() or next_char.isdigit() or next_char in _SENTENCE_OPENERS):
        return False
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith("..."):
        return True
    window_start = max(0, match.start() - _LAST_TOKEN_WINDOW)
    token = _LAST_TOKEN.search(region, window_start, match.start()).group(1)
    word = token.lower()
    next_word = _NEXT_WORD.match(region, next_start).group(1)
    if word in NON_TERMINAL_ABBREVIATIONS or (word == "no" and next_char.isdigit()):
        return False
    if word in MONTH_ABBREVIATIONS and next_char.isdigit():
        return False
    if word in AMBIGUOUS_ABBREVIATIONS or _INITIALISM.match(token):
        return next_word in SENTENCE_STARTERS
    return True


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _chunks(text: str, start: int, end: int) -> Iterator[list[tuple[int, int]]]:
    """Yield runs of non-blank lines, each line as ``(start, end)`` without its newline."""
    chunk: list[tuple[int, int]] = []
    for match in _LINE.finditer(text, start, end):
        if match.start() == match.end():
            break
        line_end = match.end()
        while line_end > match.start() and text[line_end - 1] in "\r\n":
            line_end -= 1
        if text[match.start() : line_end].strip():
            chunk.append((match.start(), line_end))
        elif chunk:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _is_hard_wrapped(text: str, chunk: list[tuple[int, int]]) -> bool:
    """Whether the lines of ``chunk`` are one paragraph broken at a fixed width.

    No line of wrapped text is longer than the width it was wrapped at, so one
    long line (a paragraph on a line of its own, say under a headline) rules it out.
    """
    inner = [text[s:e].strip() for s, e in chunk[:-1]]
    if not inner or any(len(text[s:e].strip()) > MAX_WRAP_WIDTH for s, e in chunk):
        return False
    wrapped_width = sum(1 for line in inner if MIN_WRAP_WIDTH <= len(line) <= MAX_WRAP_WIDTH)
    ending_sentences = sum(
        _line_ends_sentence(text, line, following) for line, following in pairwise(chunk)
    )
    enough_wrapped = wrapped_width >= MIN_WRAPPED_SHARE * len(inner)
    return enough_wrapped and ending_sentences <= MAX_SENTENCE_END_SHARE * len(inner)


def _line_ends_sentence(text: str, line: tuple[int, int], following: tuple[int, int]) -> bool:
    """Whether ``line`` ends a sentence that the next line does not continue.

    A full stop ends a sentence only where the sentence rules say so: "the U.S."
    before "Federal Reserve" on the next line does not. A sentence that ends before
    an indented line ends a paragraph, which wrapped text does too, so it does not count.
    """
    line_text = text[line[0] : line[1]].rstrip()
    if not line_text or line_text[-1] not in '.!?"”':
        return False
    if text[following[0]] in " \t" and text[line[0]] not in " \t":
        return False
    region = text[line[0] : following[1]]
    match = _CANDIDATE_END.search(region, max(0, len(line_text) - _LAST_TOKEN_WINDOW))
    while match is not None and match.end() < len(line_text):
        match = _CANDIDATE_END.search(region, match.end())
    if match is None or match.end() != len(line_text):
        return True
    next_start = _skip_space(region, match.end())
    return next_start >= len(region) or _ends_sentence(region, match, next_start)


def _wrapped_paragraphs(text: str, chunk: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join wrapped lines; an indented line starts a new paragraph."""
    indented = [text[s] in " \t" for s, _ in chunk]
    paragraphs: list[tuple[int, int]] = []
    for (line_start, line_end), starts_paragraph in zip(chunk, indented, strict=True):
        if paragraphs and not (starts_paragraph and not all(indented)):
            paragraphs[-1] = (paragraphs[-1][0], line_end)
        else:
            paragraphs.append((line_start, line_end))
    return paragraphs


def _line_paragraphs(text: str, chunk: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One paragraph a line, except that a line starting in lower case continues the last.

    A line that ends without sentence punctuation and is followed by a lower-case
    start was broken mid-sentence, even in text that is not wrapped at a fixed width.
    """
    paragraphs: list[tuple[int, int]] = []
    for line_start, line_end in chunk:
        first = _skip_space(text, line_start)
        if paragraphs and first < line_end and text[first].islower():
            previous = text[paragraphs[-1][0] : paragraphs[-1][1]].rstrip()
            if previous and previous[-1] not in ".!?…":
                paragraphs[-1] = (paragraphs[-1][0], line_end)
                continue
        paragraphs.append((line_start, line_end))
    return paragraphs


class SentenceTokenizer:
    """sumy's tokenizer interface on the workbench's own rules: no NLTK data needed.

    sumy calls ``to_sentences(paragraph)`` and ``to_words(sentence)``; its default
    tokenizer needs NLTK's ``punkt_tab`` download, which the workbench must not
    fetch at run time. Words are runs of letters (with inner apostrophes), so
    numbers and punctuation never reach sumy's scoring.

    Examples
    --------
    >>> tokenizer = SentenceTokenizer()
    >>> tokenizer.to_sentences("It rained. Mr. Lee stayed in.")
    ('It rained.', 'Mr. Lee stayed in.')
    >>> tokenizer.to_words("Talks on Nov. 9, 2018 -- in Moscow!")
    ('Talks', 'on', 'Nov', 'in', 'Moscow')
    """

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Split a paragraph into sentence strings."""
        return tuple(paragraph[s:e] for s, e in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Split a sentence into words, dropping numbers and punctuation."""
        return tuple(match.group() for match in LETTER_WORD.finditer(sentence))
