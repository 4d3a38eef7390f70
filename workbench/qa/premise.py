"""The premise check: whether the answer's article says what the question takes for granted.

A question states things it does not ask about: "How many were wounded in the
attack in Kandahar?" takes an attack in Kandahar for granted. An answer taken
from an article about an attack in Kabul answers another question, however well
its words match. :func:`question_premises` reads the question's own names,
places, nationalities, dates and numbers off its analysis;
:func:`check_premises` says whether the answer's evidence sentence or its
document states each of them, and returns a :class:`PremiseCheck`.

A premise is stated when the document writes it, case and accents folded
(:func:`workbench.text.normalise`), or writes a form that names the same thing:

- a person by the last name ("Khalilzad" for "Zalmay Khalilzad"), a name by its
  initials ("UN", "U.S.") and initials by the capitalised words they stand for
  (:func:`workbench.nlp.coreference.names_in_text`, :func:`initials_in`);
- a nationality by its country and a country by its nationality, through their
  shared stem ("Russian" - "Russia": :func:`workbench.nlp.places.demonym_matches`)
  or, for names that share none ("Dutch" - "Netherlands"), :data:`DEMONYMS`;
- a number as digits or as words ("15", "fifteen": :func:`workbench.text.term_key`);
- a date by its own words: its year and day numbers, month and weekday names
  ("in 2017", "on Monday"), as written, not resolved.

The document is the evidence sentence's own: a name written only in another
article does not support the answer. A place linked to the question's place
(Doha for Qatar) counts only when the article states the link, and an article
that states "Qatar's Doha" or "the Qatari capital" writes the country's name or
its nationality, which the checks above find. The wh-phrase ("how many years"),
generic nouns and ordinals ("first", often an adverb) are no premises, nor are
date expressions without a number, month or weekday ("each year").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.data import read_table, word_set
from workbench.dates.names import MONTH_NUMBERS, WEEKDAY_NAMES
from workbench.nlp.coreference import NAME_FILLERS, STEM_LABELS, names_in_text
from workbench.qa.analysis import NUMERIC_LABELS, WH_WORDS, QuestionAnalysis
from workbench.qa.candidates import NAME_LABELS
from workbench.text import normalise, term_key

if TYPE_CHECKING:
    from workbench.model import Document, Sentence

#: Entity labels of dates and times: premises checked by their specific words.
DATE_LABELS: frozenset[str] = word_set("qa_date_labels.txt")

#: Labels of nationalities, religious and political groups ("Russian", "Afghan").
NATIONALITY_LABELS: frozenset[str] = frozenset({"NORP"})


def _demonym_table() -> dict[str, frozenset[str]]:
    """Each name of :file:`qa_demonyms.txt`, case-folded, -> every name of its line."""
    table: dict[str, frozenset[str]] = {}
    for row in read_table("qa_demonyms.txt"):
        names = frozenset(row)
        for name in row:
            table[normalise(name)] = table.get(normalise(name), frozenset()) | names
    return table


#: Names of a nation that share no stem ("Dutch", "Netherlands", "Holland"): each
#: case-folded name -> all the names of its nation, itself included.
DEMONYMS: dict[str, frozenset[str]] = _demonym_table()

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_DECADE = re.compile(r"\b(?:\d\d)?(\d0)['’]?s\b")  # "1950s", "50s", "'50s" -> "50"
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,6}")
#: Words that state a number without writing it ("both" parties are two), -> its digits.
NUMBER_ALIASES: dict[str, str] = dict(read_table("qa_number_aliases.txt"))

#: Tens that :func:`workbench.text.term_key` leaves as words, as digits.
_TENS = {"sixty": "60", "seventy": "70", "eighty": "80", "ninety": "90"}
_TENS |= {term_key(word): term_key(word) for word in ("twenty", "thirty", "forty", "fifty")}


@dataclass(frozen=True)
class Premise:
    """One thing a question states: a name, a nationality, a date or a number.

    Attributes
    ----------
    text : str
        As the question writes it ("Kandahar", "in 2017" is ``"2017"``).
    kind : str
        ``"name"``, ``"nationality"``, ``"date"`` or ``"number"``.
    label : str
        Its entity label (``"NUM"`` for a number spaCy left untagged).
    """

    text: str
    kind: str
    label: str


@dataclass(frozen=True)
class PremiseCheck:
    """Whether an answer's article states every premise of the question.

    Attributes
    ----------
    supported : bool
        True when every premise is stated (or the question states none).
    unsupported : tuple of str
        The premises the article does not state, as the question writes them.
    reason : str
        Why, in a sentence an analyst can read.
    checked : tuple of str
        Every premise checked, as the question writes it.
    """

    supported: bool
    unsupported: tuple[str, ...] = ()
    reason: str = ""
    checked: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.supported

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.reason)}</p>"


def question_premises(analysis: QuestionAnalysis) -> tuple[Premise, ...]:
    """The names, nationalities, dates and numbers the question states, in question order.

    From the question's named entities, and the numbers it writes outside them
    ("from 66-34" gives "34" as well as spaCy's "66"). Left out: entities of the
    wh-phrase ("how many years"), ordinals, the word "one" (in "one of the ..." a
    pronoun more often than a count), and
    dates without a number, month or weekday ("each year", "recent months").

    Examples
    --------
    >>> from workbench.qa.analysis import QuestionAnalysis
    >>> analysis = QuestionAnalysis(
    ...     "Who met the Russian envoy in 2017?", "who", ("PERSON",),
    ...     entities=(("Russian", "NORP"), ("2017", "DATE")),
    ... )
    >>> [(p.text, p.kind) for p in question_premises(analysis)]
    [('Russian', 'nationality'), ('2017', 'date')]
    """
    found: list[Premise] = []
    for text, label in analysis.entities:
        premise = _premise(text, label)
        if premise is not None and premise not in found:
            found.append(premise)
    written = [text for text, _ in analysis.entities]
    for match in _NUMBER.finditer(analysis.question):
        number = match.group()
        if not any(number in text for text in written):
            found.append(Premise(number, "number", "NUM"))
    for name in _untagged_names(analysis.question, written):
        premise = Premise(name, "name", "")
        if premise not in found:
            found.append(premise)
    return tuple(found)


def _untagged_names(question: str, entities: list[str]) -> list[str]:
    """Runs of capitalised words the tagger took for no entity: "the Birmingham Six".

    A name is a premise whether or not spaCy labels it; a question about "the
    Birmingham Six" asked of an article about the Guildford Four is about
    something the article does not say. Left out: the question's first word
    (capitalised as a sentence starts), question words, "I", words in capitals
    alone, and runs that are, hold or lie inside an entity of the question.
    """
    names = []
    for match in _CAPITALISED_RUN.finditer(question):
        words = match.group().split()[1 if match.start() == 0 else 0 :]
        # Capitals alone ("TV", "MP") are more often a common noun than a name the
        # tagger missed: they end a run, as a possessive does ("BBC1's Breakfast").
        words = [
            word if word.lower() not in WH_WORDS and word != "I" and not word.isupper() else "|"
            for word in words
        ]
        for part in re.split(r"['’]s\s+|\s*\|\s*", " ".join(words)):
            text = _without_fillers(part)
            folded = text.lower()
            if not text or any(folded in e.lower() or e.lower() in folded for e in entities):
                continue
            names.append(text)
    return names


def _premise(text: str, label: str) -> Premise | None:
    """The premise an entity of the question states, or ``None`` if it is none."""
    words = _WORD.findall(text)
    if not words or any(word.lower() in WH_WORDS for word in words):
        return None  # the wh-phrase, tagged as an entity: "how many years"
    text = _without_fillers(text)
    if label in NATIONALITY_LABELS:
        return Premise(text, "nationality", label)
    if label in NAME_LABELS:
        return Premise(text, "name", label)
    if label in DATE_LABELS:
        return Premise(text, "date", label) if _date_keys(text) else None
    if label in NUMERIC_LABELS:
        keys = _number_keys(text)
        return Premise(text, "number", label) if keys and text.lower() != "one" else None
    return None  # ordinals ("first" is often an adverb), languages


def _without_fillers(text: str) -> str:
    """``text`` without a leading article or a possessive: "the Taliban's" -> "Taliban"."""
    text = re.sub(r"['’]s?$", "", text)
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in NAME_FILLERS else text


def check_premises(
    analysis: QuestionAnalysis, sentence: Sentence, document: Document
) -> PremiseCheck:
    """Whether ``sentence`` or its ``document`` states every premise of the question.

    Parameters
    ----------
    analysis : QuestionAnalysis
        The question (:func:`~workbench.qa.analysis.analyse_question`).
    sentence : Sentence
        The sentence the answer comes from.
    document : Document
        Its document: a premise may be stated anywhere in it (its title and
        dateline included), but not in another document.

    Returns
    -------
    PremiseCheck
        ``supported`` is False when a premise is stated neither in the sentence
        nor in its document; ``unsupported`` names those premises.

    Raises
    ------
    ValueError
        If ``sentence`` is not a sentence of ``document``.
    """
    if sentence.doc_id != document.id:
        raise ValueError(
            f"the sentence is from document {sentence.doc_id!r}, not {document.id!r}: "
            "pass the evidence sentence's own document"
        )
    premises = question_premises(analysis)
    checked = tuple(premise.text for premise in premises)
    if not premises:
        return PremiseCheck(True, (), "the question states no name, place, date or number")
    article = "\n".join(
        part
        for part in (document.title, document.dateline, *(s.text for s in document.sentences))
        if part
    )
    missing = tuple(
        premise.text
        for premise in premises
        if not (states(sentence.text, premise) or states(article, premise))
    )
    if not missing:
        return PremiseCheck(
            True, (), f"document {document.id!r} states {', '.join(checked)}", checked
        )
    return PremiseCheck(
        False,
        missing,
        f"document {document.id!r}, where the answer was found, does not mention "
        f"{', '.join(missing)}",
        checked,
    )


def states(text: str, premise: Premise) -> bool:
    """Whether ``text`` states ``premise`` as written or in a form that names the same.

    Examples
    --------
    >>> states("Fifteen soldiers were hurt.", Premise("15", "number", "CARDINAL"))
    True
    >>> states("Russia's foreign minister spoke.", Premise("Russian", "nationality", "NORP"))
    True
    >>> states("The attack in Kabul killed 12.", Premise("Kandahar", "name", "GPE"))
    False
    """
    if premise.kind == "number":
        return _number_keys(premise.text) <= _number_keys(text)
    if premise.kind == "date":
        return _date_keys(premise.text) <= _date_keys(text)
    return any(
        _names(name, premise.label, text) for name in DEMONYMS.get(normalise(premise.text), ())
    ) or _names(premise.text, premise.label, text)


def _names(name: str, label: str, text: str) -> bool:
    """Whether ``text`` names ``name``: its words, last name, initials or stem."""
    if _ACRONYM.fullmatch(name):
        return initials_in(name.replace(".", ""), text)
    capitalised = [word for word in name.split() if word[:1].isupper()]
    if len(capitalised) >= 2:  # its initials count only when written in capitals, not "us"
        text = _drop_lowercase(("".join(word[0] for word in capitalised)), text)
    if names_in_text(name, label, text):
        return True
    parts = [word for word in name.split() if word.lower() not in NAME_FILLERS]
    if label not in STEM_LABELS or len(parts) < 2:
        return False
    # "North America" is stated by "North American": each word, or its stem, is written
    return all(names_in_text(word, label, text) for word in parts)


def _drop_lowercase(initials: str, text: str) -> str:
    """``text`` without the words that spell ``initials`` but not in capitals ("us")."""
    return re.sub(
        rf"\b{re.escape(initials)}\b",
        lambda match: match.group() if match.group().isupper() else " ",
        text,
        flags=re.IGNORECASE,
    )


def initials_in(initials: str, text: str) -> bool:
    """Whether ``text`` writes ``initials`` ("US", "U.S.") or the capitalised words they stand for.

    Case matters, so that the pronoun "us" does not stand for "US"; fillers such
    as "of" are skipped in the words ("Bank of Japan" for "BOJ").

    Examples
    --------
    >>> initials_in("US", "The United States and Qatar signed."), initials_in("US", "Tell us.")
    (True, False)
    """
    written = {word.replace(".", "") for word in re.findall(r"[A-Z][A-Z.]+", text)}
    if initials in written:
        return True
    capitalised = [
        word for word in re.findall(r"[^\W\d_]+", text) if word.lower() not in NAME_FILLERS
    ]
    size = len(initials)
    for start in range(len(capitalised) - size + 1):
        run = capitalised[start : start + size]
        if all(word[0].isupper() for word in run) and "".join(w[0] for w in run) == initials:
            return True
    return False


def _number_key(number: str) -> str:
    """A written number as compared: digits without thousands commas ("7,000" -> "7000")."""
    return number.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) else number


def _number_keys(text: str) -> set[str]:
    """Every number ``text`` writes, as digits or in words ("twenty-five" -> "25")."""
    keys = {_number_key(match.group()) for match in _NUMBER.finditer(text)}
    words = [
        NUMBER_ALIASES.get(key, _TENS.get(key, key))
        for key in map(term_key, re.findall(r"[^\W\d_]+", text))
    ]
    for position, word in enumerate(words):
        if not word.isdigit():
            continue
        keys.add(word)
        following = words[position + 1] if position + 1 < len(words) else ""
        if word in _TENS.values() and following.isdigit() and int(following) < 10:
            keys.add(str(int(word) + int(following)))
    return keys


def _date_keys(text: str) -> set[str]:
    """The words that pin a date: numbers, month names (as their number), weekday names.

    Month names count only when capitalised, so that the verb "may" is not May. A
    decade is its tens, so that "the 50s" is stated by "the 1950s" and by "1955".
    """
    decades = _DECADE.findall(text)
    keys = {f"decade {tens}" for tens in decades} | _number_keys(_DECADE.sub(" ", text))
    keys |= {f"decade {key[2]}0" for key in keys if re.fullmatch(r"1\d{3}|20\d\d", key)}
    for word in re.findall(r"[^\W\d_]+", text):
        folded = normalise(word)
        if word[0].isupper() and folded in MONTH_NUMBERS:
            keys.add(f"month {MONTH_NUMBERS[folded]}")
        elif folded in WEEKDAY_NAMES:
            keys.add(folded)
    return keys
