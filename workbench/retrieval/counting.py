"""Counting an index's terms: scikit-learn's ``CountVectorizer.fit_transform``, faster.

An index counts the unigrams and bigrams of a hundred thousand sentences.
scikit-learn's ``CountVectorizer`` builds every n-gram as a string, looks each
up in a dict in a Python loop, and then sorts the vocabulary's strings and
renumbers the matrix; on Reuters-21578 that was three quarters of the index's
build. :func:`count_terms` gives the same vocabulary and the same counts with
the same counter's own preprocessor, tokenizer and stop words, but turns each
distinct word into an integer once and does the rest with numpy:

1. every word kept (not a stop word) gets its rank among the distinct words in
   sorted order;
2. an n-gram of ranks ``(r1, ..., rn)`` becomes one integer key,
   ``r1 * B**(N-1) + (r2 + 1) * B**(N-2) + ...`` with ``B`` the number of
   distinct words plus one and ``N`` the longest n: keys sort as the n-grams'
   strings sort (see :func:`_keys_sort_as_strings`), so the sorted distinct
   keys are the vocabulary in scikit-learn's order, and a key's position among
   them is its column;
3. sorted ``row * n_terms + column`` codes give the counts, already in
   canonical CSR order (rows in order, each row's columns sorted, no duplicates);
4. only the distinct keys are turned back into strings, for the vocabulary.

Settings it does not implement (another analyzer, a fixed vocabulary,
``binary``, ``max_features``, keys that would overflow 64 bits) are counted by
the counter itself, so the result is scikit-learn's in every case; a test holds
the two equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import count, groupby

import numpy as np
import scipy.sparse
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer

from workbench.retrieval.weights import document_frequencies, kept_terms
from workbench.text import TOKEN_PATTERN

#: The largest key an n-gram may need: keys are int64.
_KEY_LIMIT = np.iinfo(np.int64).max

#: Marks the end of a text among the runs of all texts (texts holding it are read one by one).
_END = "\x00"
_SPACE = ord(" ")


@dataclass(frozen=True, eq=False)
class TermCounts:
    """The terms of some texts and how often each text holds each.

    Attributes
    ----------
    terms : tuple of str
        The vocabulary, sorted as scikit-learn sorts it (by code point): column order.
    counts : scipy.sparse.csr_matrix of shape (n_texts, n_terms)
        The counts, in the counter's ``dtype``, in canonical form (sorted
        indices, no duplicates).
    """

    terms: tuple[str, ...]
    counts: scipy.sparse.csr_matrix

    @property
    def vocabulary(self) -> dict[str, int]:
        """Term to column, as a fitted counter's ``vocabulary_``."""
        return dict(zip(self.terms, range(len(self.terms)), strict=True))


def count_terms(texts: Sequence[str], counter: CountVectorizer) -> TermCounts:
    """The vocabulary and counts ``counter.fit_transform(texts)`` gives, computed faster.

    ``counter`` is an unfitted counter (:func:`~workbench.retrieval.settings.new_counter`)
    whose settings say how to count; it is left unfitted.

    Raises
    ------
    ValueError
        As scikit-learn raises it: if no text holds a term ("empty vocabulary"),
        ``max_df`` allows fewer units than ``min_df``, or the limits leave no term.
    """
    keyed = _keyed_ngrams(texts, counter)
    if keyed is None:
        return _reference_counts(texts, counter)
    words, rows, keys, base = keyed
    if not len(keys):
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    distinct, columns = _distinct(keys)
    counts = _csr_counts(rows, columns, len(texts), len(distinct), counter.dtype)
    keep = kept_terms(document_frequencies(counts), len(texts), counter)
    if not keep.all():
        if not keep.any():
            raise ValueError(
                "After pruning, no terms remain. Try a lower min_df or a higher max_df."
            )
        distinct = distinct[keep]
        counts = scipy.sparse.csr_matrix(counts[:, np.flatnonzero(keep)])
        counts.sort_indices()
    terms = _key_strings(distinct, words, base, counter.ngram_range[1])
    return TermCounts(terms, counts)


def _keyed_ngrams(
    texts: Sequence[str], counter: CountVectorizer
) -> tuple[list[str], np.ndarray, np.ndarray, int] | None:
    """Every n-gram occurrence of ``texts`` as ``(row, key)``, or None when unsupported.

    Returns the kept words in sorted order, the row and the key of every
    occurrence (rows in order), and the key's base ``B``.
    """
    if not _supported(texts, counter):
        return None
    tokens, end, is_word = _tokens(texts, counter)
    # Ids: 0 for a stop word, 1 for the end of a text, then each new word the next one.
    ids_of: defaultdict[str | None, int] = defaultdict(count(2).__next__)
    ids_of.update(dict.fromkeys(counter.get_stop_words() or (), 0))
    ids_of[end] = 1
    ids = np.fromiter(map(ids_of.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    seen = [word for word, number in ids_of.items() if number >= 2]
    words = [word for word in seen if is_word(word)]
    if not _keys_sort_as_strings(words):
        return None
    low, high = counter.ngram_range
    base = len(words) + 1
    if base**high > _KEY_LIMIT:
        return None
    order = sorted(range(len(words)), key=words.__getitem__)
    rank_of_word = np.empty(len(words), dtype=np.int64)
    rank_of_word[order] = np.arange(len(words), dtype=np.int64)
    # -1 for a stop word or a run that is no token, -2 for the end of a text.
    rank_of_id = np.full(len(seen) + 2, -1, dtype=np.int64)
    rank_of_id[1] = -2
    rank_of_id[2:][np.fromiter(map(is_word, seen), dtype=bool, count=len(seen))] = rank_of_word
    ranks = rank_of_id[ids]
    ends = ranks == -2
    token_rows = np.cumsum(ends) - ends
    kept = ranks >= 0
    ranks, token_rows = ranks[kept], token_rows[kept]
    rows, keys = [], []
    for n in range(low, high + 1):
        starts = np.flatnonzero(token_rows[: len(ranks) - n + 1] == token_rows[n - 1 :])
        key = ranks[starts] * base ** (high - 1)
        for offset in range(1, n):
            key += (ranks[starts + offset] + 1) * base ** (high - 1 - offset)
        rows.append(token_rows[starts])
        keys.append(key)
    return [words[i] for i in order], np.concatenate(rows), np.concatenate(keys), base


def _tokens(
    texts: Sequence[str], counter: CountVectorizer
) -> tuple[list[str | None], str | None, Callable[[str], bool]]:
    """The tokens of every text in order, each text followed by an end mark, stop words in.

    Returns the tokens, the end mark, and which of the distinct tokens are
    tokens: with the index's token pattern the texts are read in one pass
    (:func:`_word_runs`), and a run of one letter is not a token. Otherwise the
    counter's own tokenizer reads each text, and the end mark is None.
    """
    preprocess = counter.build_preprocessor()
    prepared = [preprocess(text) for text in texts]
    if counter.token_pattern == TOKEN_PATTERN and not any(_END in text for text in prepared):
        return _word_runs(prepared), _END, is_token
    tokenize = counter.build_tokenizer()
    tokens: list[str | None] = []
    for text in prepared:
        tokens += tokenize(text)
        tokens.append(None)
    return tokens, None, _always


def _word_runs(texts: list[str]) -> list[str]:
    r"""The runs of letters and digits of ``texts``, in order, each text followed by :data:`_END`.

    :data:`~workbench.text.TOKEN_PATTERN` matches runs of ``[^\W_]`` of two
    characters or more, and a run of one that is a digit (``\d``); for ``str``
    patterns ``re`` defines ``[^\W_]`` as :meth:`str.isalnum` and ``\d`` as
    :meth:`str.isdecimal`, and no such character is white space. So the runs are
    the words of the texts with every other character made a space, which
    :meth:`str.translate` and :meth:`str.split` find in about half the time
    ``re.findall`` takes (consecutive ASCII texts are read in one call, which
    ``translate`` does fastest).
    Filtering the runs with :func:`is_token` gives the tokens.
    """
    table = _RunTable({ord(_END): ord(_END)})
    runs: list[str] = []
    for _, group in groupby(texts, key=str.isascii):
        runs += f" {_END} ".join([*group, ""]).translate(table).split()
    return runs


class _RunTable(dict[int, int]):
    """A :meth:`str.translate` table keeping letters and digits and making the rest spaces."""

    def __missing__(self, code: int) -> int:
        kept = code if chr(code).isalnum() else _SPACE
        self[code] = kept
        return kept


def is_token(run: str) -> bool:
    """Whether a run of letters and digits is a token of :data:`~workbench.text.TOKEN_PATTERN`.

    Examples
    --------
    >>> [is_token(run) for run in ("talks", "s", "3")]
    [True, False, True]
    """
    return len(run) > 1 or run.isdecimal()


def _always(token: str) -> bool:
    return True


def _supported(texts: Sequence[str], counter: CountVectorizer) -> bool:
    """Whether :func:`count_terms` counts with ``counter``'s settings itself."""
    params = counter.get_params()
    return (
        params["analyzer"] == "word"
        and params["input"] == "content"
        and params["vocabulary"] is None
        and not params["binary"]
        and params["max_features"] is None
        and all(isinstance(text, str) for text in texts)
    )


def _keys_sort_as_strings(words: list[str]) -> bool:
    """Whether n-gram keys sort as the n-grams' strings (words joined by spaces) sort.

    They do when no word is empty and every character of every word sorts after
    the space: then ``"a b"`` sorts before ``"ab"`` as ``("a", "b")`` before
    ``("ab",)``, a word before every n-gram it starts, and strings of n-grams
    compare word by word, as the keys' digits do. The index's token pattern
    (runs of letters and digits) guarantees it; another pattern might not.
    """
    return all(words) and (not words or min(map(min, words)) > " ")


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct ``values`` (non-negative), sorted, and each value's position among them.

    ``np.unique(values, return_inverse=True)``, in one plain sort: each value
    carries its position in its low bits, where the values leave room, which
    numpy sorts several times faster than it argsorts.
    """
    shift = (len(values) - 1).bit_length()
    if int(values.max()) < 1 << (63 - shift):
        packed = np.sort((values << shift) | np.arange(len(values), dtype=np.int64))
        order, ordered = packed & ((1 << shift) - 1), packed >> shift
    else:
        order = np.argsort(values, kind="stable")
        ordered = values[order]
    first = _firsts(ordered)
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(first) - 1
    return ordered[first], inverse


def _firsts(ordered: np.ndarray) -> np.ndarray:
    """A mask of the first of each run of equal values in the sorted ``ordered``."""
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first


def _csr_counts(
    rows: np.ndarray, columns: np.ndarray, n_rows: int, n_columns: int, dtype: type
) -> scipy.sparse.csr_matrix:
    """How often each ``(row, column)`` pair occurs, as a canonical CSR matrix.

    Each pair is one integer, ``row * n_columns + column``: sorted, they are in
    CSR order, and a run of equal ones is a cell and its count. scikit-learn's
    index dtype: int32 while the non-zeros fit it.
    """
    cells = np.sort(rows * n_columns + columns)
    starts = np.flatnonzero(_firsts(cells))
    counts = np.diff(starts, append=len(cells))
    cell_rows, indices = np.divmod(cells[starts], n_columns)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(cell_rows, minlength=n_rows), out=indptr[1:])
    index_dtype = np.int32 if max(len(starts), n_columns) <= np.iinfo(np.int32).max else np.int64
    matrix = scipy.sparse.csr_matrix(
        (counts.astype(dtype), indices.astype(index_dtype), indptr.astype(index_dtype)),
        shape=(n_rows, n_columns),
    )
    matrix.has_canonical_format = True
    return matrix


def _key_strings(keys: np.ndarray, words: list[str], base: int, high: int) -> tuple[str, ...]:
    """The n-grams' strings of ``keys``: their words joined by single spaces.

    Built as one string, each n-gram's words, spaces and a newline (which no
    word holds, see :func:`_keys_sort_as_strings`), split at the newlines: one
    pass in C instead of a string operation per n-gram.
    """
    word_of = np.array([*words, ""], dtype=object)  # digit -1, no word there: ""
    space_of = np.array(["", " "], dtype=object)
    parts = np.empty((len(keys), 2 * high), dtype=object)
    place = base ** (high - 1)
    parts[:, 0] = word_of[keys // place]
    rest = keys % place
    for position in range(1, high):
        place //= base
        digit, rest = np.divmod(rest, place)
        parts[:, 2 * position - 1] = space_of[(digit > 0).view(np.int8)]
        parts[:, 2 * position] = word_of[digit - 1]
    parts[:, -1] = "\n"
    return tuple("".join(parts.ravel().tolist()).split("\n")[:-1])


def _reference_counts(texts: Sequence[str], counter: CountVectorizer) -> TermCounts:
    """scikit-learn's own count, for the settings :func:`count_terms` does not implement."""
    counter = clone(counter)
    counts = scipy.sparse.csr_matrix(counter.fit_transform(texts))
    counts.sort_indices()
    return TermCounts(tuple(counter.get_feature_names_out().tolist()), counts)
