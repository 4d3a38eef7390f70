"""A parse's token attributes as plain lists, read from spaCy once per ``Doc``.

Each access to a spaCy token (``doc[i]``, iterating a ``Doc`` or a ``Span``)
makes a new ``Token`` object, and each of its string attributes (``dep_``,
``lemma_``, ...) is a look-up in the string store. The question-answering
features read the same few attributes of the same tokens many times over (every
candidate span, every role check), so :func:`token_arrays` reads them once per
parse into lists indexed by token position, kept in the ``Doc``'s ``user_data``
(spaCy's place for it). The lists hold exactly what spaCy gives: code that reads
them computes what it computed from the tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.text import term_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The ``user_data`` key the arrays are kept under.
_KEY = "workbench.nlp.arrays"


class TokenArrays:
    """The attributes of each token of one parse, by position.

    Attributes
    ----------
    doc : spacy.tokens.Doc
        The parse.
    string : str
        ``doc.text``, which spaCy joins from the tokens at each access.
    text, lower, lemma, tag, pos, dep, ent_type : list of str
        ``token.text``, ``lower_``, ``lemma_``, ``tag_``, ``pos_``, ``dep_``, ``ent_type_``.
    idx : list of int
        Character offset of each token in ``doc.text``.
    head, left_edge, right_edge : list of int
        Positions of ``token.head``, ``token.left_edge`` and ``token.right_edge``.
    is_punct, is_stop, like_num, is_title : list of bool
        spaCy's lexical flags.
    children : list of list of int
        The positions of ``token.children``, in order.
    """

    __slots__ = (
        "_chunks",
        "_ents",
        "_keys",
        "_roots",
        "children",
        "dep",
        "doc",
        "ent_type",
        "head",
        "idx",
        "is_punct",
        "is_stop",
        "is_title",
        "left_edge",
        "lemma",
        "like_num",
        "lower",
        "pos",
        "right_edge",
        "string",
        "tag",
        "text",
    )

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.string = doc.text
        self.text: list[str] = []
        self.lower: list[str] = []
        self.lemma: list[str] = []
        self.tag: list[str] = []
        self.pos: list[str] = []
        self.dep: list[str] = []
        self.ent_type: list[str] = []
        self.idx: list[int] = []
        self.head: list[int] = []
        self.left_edge: list[int] = []
        self.right_edge: list[int] = []
        self.is_punct: list[bool] = []
        self.is_stop: list[bool] = []
        self.like_num: list[bool] = []
        self.is_title: list[bool] = []
        for token in doc:
            self.text.append(token.text)
            self.lower.append(token.lower_)
            self.lemma.append(token.lemma_)
            self.tag.append(token.tag_)
            self.pos.append(token.pos_)
            self.dep.append(token.dep_)
            self.ent_type.append(token.ent_type_)
            self.idx.append(token.idx)
            self.head.append(token.head.i)
            self.left_edge.append(token.left_edge.i)
            self.right_edge.append(token.right_edge.i)
            self.is_punct.append(token.is_punct)
            self.is_stop.append(token.is_stop)
            self.like_num.append(token.like_num)
            self.is_title.append(token.is_title)
        # a token's children are the tokens whose head it is, in order (as spaCy yields them)
        self.children: list[list[int]] = [[] for _ in self.head]
        for i, head in enumerate(self.head):
            if head != i:
                self.children[head].append(i)
        self._ents: list[tuple[int, int, str, int]] | None = None
        self._chunks: list[tuple[int, int, int]] | None = None
        self._roots: dict[tuple[int, int], int] = {}
        self._keys: tuple[list[str], list[str]] | None = None

    def __len__(self) -> int:
        return len(self.text)

    @property
    def ents(self) -> list[tuple[int, int, str, int]]:
        """``(start, end, label, root)`` of each of ``doc.ents``, in order."""
        if self._ents is None:
            self._ents = [(ent.start, ent.end, ent.label_, ent.root.i) for ent in self.doc.ents]
        return self._ents

    @property
    def noun_chunks(self) -> list[tuple[int, int, int]]:
        """``(start, end, root)`` of each of ``doc.noun_chunks``, in order."""
        if self._chunks is None:
            self._chunks = [
                (chunk.start, chunk.end, chunk.root.i) for chunk in self.doc.noun_chunks
            ]
        return self._chunks

    @property
    def keys(self) -> tuple[list[str], list[str]]:
        """The :func:`~workbench.text.term_key` of each token's text, and of its lemma."""
        if self._keys is None:
            self._keys = ([term_key(t) for t in self.text], [term_key(t) for t in self.lemma])
        return self._keys

    def root(self, start: int, end: int) -> int:
        """The position of ``doc[start:end].root`` (spaCy's own choice, kept per span)."""
        found = self._roots.get((start, end))
        if found is None:
            found = self._roots[start, end] = self.doc[start:end].root.i
        return found

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``: the tokens' characters without the last one's space."""
        return self.string[self.idx[start] : self.end_char(end)]

    def end_char(self, end: int) -> int:
        """``doc[start:end].end_char``: where the span's last token ends in ``doc.text``."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def lefts(self, i: int) -> list[int]:
        """The positions of ``doc[i].lefts``."""
        return [child for child in self.children[i] if child < i]

    def rights(self, i: int) -> list[int]:
        """The positions of ``doc[i].rights``."""
        return [child for child in self.children[i] if child > i]


def token_arrays(doc: Doc) -> TokenArrays:
    """The :class:`TokenArrays` of ``doc``, read once and kept in its ``user_data``."""
    found = doc.user_data.get(_KEY)
    if found is None:
        found = doc.user_data[_KEY] = TokenArrays(doc)
    return found
