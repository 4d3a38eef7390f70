"""Word lists about English nouns that question answering and event extraction share.

The lists say what kind of thing a common noun names, in spaCy's entity labels
("minister" a person, "ministry" an organisation, "capital" a place), so that a
question's focus noun gets an answer type and an event's host noun can be told
from an object that cannot host ("mobile devices").
"""

from __future__ import annotations


def _lexicon(groups: dict[tuple[str, ...], str]) -> dict[str, tuple[str, ...]]:
    return {noun: tuple(labels.split()) for nouns, labels in groups.items() for noun in nouns}


#: The entity labels a common noun stands for, by lemma: the answer type of "which X" /
#: "what X" in a question, and whether a noun names who can host an event.
NOUN_TYPES: dict[str, tuple[str, ...]] = _lexicon(
    {
        (
            "person", "man", "woman", "leader", "president", "minister", "official",
            "envoy", "spokesman", "spokeswoman", "spokesperson", "player", "author",
            "writer", "actor", "actress", "singer", "artist", "scientist", "politician",
            "king", "queen", "ruler", "emperor", "commander", "chief", "director",
            "founder", "chairman", "chairwoman", "coach", "manager", "representative",
            "ambassador", "diplomat", "journalist", "reporter", "candidate", "lawyer",
            "judge", "winner", "captain", "pope", "prince", "princess", "governor",
            "mayor", "senator", "secretary", "negotiator", "mediator", "composer",
            "poet", "inventor", "architect", "philosopher", "economist", "engineer",
            "doctor", "physician", "designer", "producer", "character", "general",
            "head", "premier", "chancellor", "monarch", "successor", "predecessor",
        ): "PERSON ORG",
        (
            "organisation", "organization", "company", "firm", "group", "party",
            "agency", "team", "club", "university", "college", "school", "institution",
            "bank", "newspaper", "network", "broadcaster", "ministry", "department",
            "union", "movement", "band", "corporation", "business", "airline",
            "publisher", "magazine", "militia", "alliance", "bloc", "council",
            "committee", "court", "parliament", "outlet", "foundation", "association",
            "federation", "society", "institute", "charity", "embassy", "commission",
            "board", "administration", "authority", "cabinet", "regime", "organiser",
            "organizer",
        ): "ORG",
        ("government", "host", "delegation"): "ORG GPE PERSON",
        (
            "country", "nation", "state", "city", "capital", "town", "village",
            "province", "county", "district", "territory", "municipality", "kingdom",
            "republic", "neighbour", "neighbor",
        ): "GPE",
        (
            "place", "location", "region", "area", "continent", "river", "mountain",
            "sea", "ocean", "lake", "island", "desert", "valley", "border",
        ): "LOC GPE",
        (
            "building", "airport", "stadium", "venue", "bridge", "hotel", "palace",
            "station", "facility", "museum", "port", "base",
        ): "FAC GPE",
        ("nationality", "religion", "ethnicity", "ethnic", "faith"): "NORP",
        ("language", "tongue"): "LANGUAGE NORP",
        ("year", "date", "day", "month", "decade", "century", "week", "season"): "DATE",
        ("time", "hour"): "TIME DATE",
        ("event", "war", "battle", "tournament", "championship", "summit"): "EVENT",
        ("law", "treaty", "act", "constitution", "bill"): "LAW",
        (
            "book", "film", "movie", "song", "album", "novel", "play", "show",
            "series", "painting", "opera",
        ): "WORK_OF_ART",
        ("product", "car", "vehicle", "aircraft", "plane", "ship", "weapon", "device"): "PRODUCT",
        (
            "price", "cost", "fee", "salary", "budget", "sum", "fine", "revenue", "deficit",
            "surplus", "profit", "loss", "income", "earnings", "debt", "dividend", "sales",
            "turnover", "investment", "value", "worth",
        ): "MONEY",
        ("percentage", "percent", "proportion", "share", "rate"): "PERCENT",
        ("number", "figure", "total", "count", "population", "amount"): "CARDINAL QUANTITY MONEY",
        (
            "distance", "length", "height", "weight", "size", "depth", "speed",
            "temperature",
        ): "QUANTITY",
    }
)  # fmt: skip
