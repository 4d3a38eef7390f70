"""Token arrays: every list holds what spaCy's tokens and spans give."""

from __future__ import annotations

from workbench.nlp.arrays import TokenArrays, token_arrays
from workbench.text import term_key

SENTENCES = (
    "On Saturday, Moscow said it would host the talks (in mid-April) with 12 delegations.",
    '"We are ready," the U.S. envoy, Zalmay Khalilzad, told reporters in Doha\'s hotel.',
)


def test_the_arrays_hold_the_tokens_attributes(full_nlp):
    for doc in full_nlp.pipe(SENTENCES):
        arrays = TokenArrays(doc)
        assert len(arrays) == len(doc)
        assert arrays.string == doc.text
        for token in doc:
            i = token.i
            assert (arrays.text[i], arrays.lower[i], arrays.lemma[i]) == (
                token.text,
                token.lower_,
                token.lemma_,
            )
            assert (arrays.tag[i], arrays.pos[i], arrays.dep[i], arrays.ent_type[i]) == (
                token.tag_,
                token.pos_,
                token.dep_,
                token.ent_type_,
            )
            assert (arrays.idx[i], arrays.head[i]) == (token.idx, token.head.i)
            assert (arrays.left_edge[i], arrays.right_edge[i]) == (
                token.left_edge.i,
                token.right_edge.i,
            )
            assert (arrays.is_punct[i], arrays.is_stop[i]) == (token.is_punct, token.is_stop)
            assert (arrays.like_num[i], arrays.is_title[i]) == (token.like_num, token.is_title)
            assert arrays.children[i] == [child.i for child in token.children]
            assert arrays.lefts(i) == [child.i for child in token.lefts]
            assert arrays.rights(i) == [child.i for child in token.rights]
        assert arrays.ents == [(e.start, e.end, e.label_, e.root.i) for e in doc.ents]
        assert arrays.noun_chunks == [(c.start, c.end, c.root.i) for c in doc.noun_chunks]


def test_spans_read_from_the_arrays_are_spacys(full_nlp):
    doc = full_nlp(SENTENCES[1])
    arrays = token_arrays(doc)
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            assert arrays.span_text(start, end) == span.text
            assert (arrays.idx[start], arrays.end_char(end)) == (span.start_char, span.end_char)
            assert arrays.root(start, end) == span.root.i


def test_the_arrays_are_read_once_per_parse(full_nlp):
    doc = full_nlp(SENTENCES[0])
    assert token_arrays(doc) is token_arrays(doc)


def test_the_term_keys_are_those_of_the_words_and_lemmas(full_nlp):
    doc = full_nlp(SENTENCES[0])
    texts, lemmas = token_arrays(doc).keys
    assert texts == [term_key(token.text) for token in doc]
    assert lemmas == [term_key(token.lemma_) for token in doc]
