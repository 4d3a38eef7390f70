"""A spaCy component that keeps markup characters out of entity names.

Newswire marks company names with angle brackets (Reuters: ``<PANTRY INC> INB
TALKS``), and spaCy's recogniser, trained on text without them, lets an entity
run across the bracket ("PANTRY INC> INB", "Suffield Financial Corp>"). No name
holds a bracket, so :func:`split_at_markup` cuts every entity at its bracket
tokens and keeps the pieces that hold a letter, each with the entity's label. A
parenthesis the entity opens but does not close ("International Coffee
Organization (ICO" before ") council") ends it there too; one it closes without
opening starts it after.
:func:`~workbench.nlp.pipeline.load_pipeline` adds it after the recogniser, so
annotation, answering and event extraction all see the same entities.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Span

from workbench.nlp.syntax import MARKUP_TOKENS

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The component's registered name.
COMPONENT = "workbench_markup_entities"


@Language.component(COMPONENT)
def split_at_markup(doc: Doc) -> Doc:
    """Cut each entity of ``doc`` at its markup tokens, keeping the pieces with letters.

    Examples
    --------
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("<PANTRY INC> INB TALKS")
    >>> doc.ents = [Span(doc, 1, 5, label="ORG")]
    >>> [(ent.text, ent.label_) for ent in split_at_markup(doc).ents]
    [('PANTRY INC', 'ORG'), ('INB', 'ORG')]
    >>> doc = nlp("the International Coffee Organization (ICO) council")
    >>> doc.ents = [Span(doc, 1, 6, label="ORG")]
    >>> [ent.text for ent in split_at_markup(doc).ents]
    ['International Coffee Organization', 'ICO']
    """
    if not any(token.text in MARKUP_TOKENS or token.text in "()" for token in doc):
        return doc
    entities: list[Span] = []
    for entity in doc.ents:
        cuts = set(_unbalanced_parentheses(entity))
        start = entity.start
        for position in range(entity.start, entity.end + 1):
            if position == entity.end or position in cuts or doc[position].text in MARKUP_TOKENS:
                piece = doc[start:position]
                if any(token.is_alpha for token in piece):
                    entities.append(Span(doc, start, position, label=entity.label_))
                start = position + 1
    doc.ents = entities
    return doc


def _unbalanced_parentheses(entity: Span) -> list[int]:
    """Positions of the parentheses inside ``entity`` that it does not also close or open."""
    opened: list[int] = []
    unbalanced: list[int] = []
    for token in entity:
        if token.text == "(":
            opened.append(token.i)
        elif token.text == ")":
            if opened:
                opened.pop()
            else:
                unbalanced.append(token.i)
    return unbalanced + opened
