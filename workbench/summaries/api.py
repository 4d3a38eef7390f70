"""The front door: ``summarise(target, ...)`` over a document, several, or a corpus."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from workbench.model import Corpus, Document
from workbench.summaries import mmr, sumy_engine
from workbench.summaries import query as query_step
from workbench.summaries.context import prefer_standalone
from workbench.summaries.length import Length
from workbench.summaries.methods import (
    BY_NAME,
    DEFAULT_METHOD,
    ENGINES,
    METHODS,
    check_engine,
    method_named,
)
from workbench.summaries.ranking import Ranking
from workbench.summaries.result import Summary, SummarySentence
from workbench.summaries.source import SummaryInput, build_input

__all__ = ["DEFAULT_METHOD", "ENGINES", "METHODS", "engine_used", "rank", "summarise"]


def summarise(
    target: Document | Corpus | Iterable[Document],
    *,
    method: str = DEFAULT_METHOD,
    engine: str = "fast",
    sentences: int | None = None,
    ratio: float | None = None,
    words: int | None = None,
    query: str | None = None,
) -> Summary:
    """Summarise one document, several, or a corpus by choosing its most telling sentences.

    Parameters
    ----------
    target : Document, Corpus or iterable of Document
        What to summarise. Several documents are summarised together, with
        redundancy control so that two articles' versions of one sentence are
        not both chosen (:mod:`workbench.summaries.mmr`), preferring sentences
        that read without the sentence before them in their article ("He said
        ...", "But ...": :mod:`workbench.summaries.context`).
    method : str, default "textrank-cosine"
        One of :data:`METHODS`: ``textrank-cosine`` (the workbench's TextRank over
        cosine similarity, :mod:`workbench.summaries.textrank_cosine`: the best
        measured), sumy's ``luhn``, ``edmundson``, ``lsa``, ``lexrank``,
        ``textrank``, ``reduction``, ``sumbasic``, ``kl``, ``random``, or ``lead``
        (the first sentences of each article).
    engine : {"fast", "sumy"}, default "fast"
        ``"fast"`` runs the workbench's vectorised versions, which choose the same
        sentences as sumy's (up to exact ties in score); ``edmundson`` and
        ``random`` have none, so they run sumy's code either way. ``"sumy"`` runs
        sumy's own code for every sumy method (``textrank-cosine`` and ``lead`` are
        the workbench's only). ``Summary.engine`` says which ran.
    sentences, ratio, words : optional
        The length: a number of sentences, a share of the candidates in (0, 1],
        or a word budget. At most one; 3 sentences by default.
    query : str, optional
        Summarise only what concerns this question: the sentences matching it
        (:mod:`workbench.summaries.query`), ranked by the method and by relevance.

    Returns
    -------
    Summary
        Sentences in document order (documents in corpus order), each citing its
        article by raw-text offsets; headings are never chosen. Empty, with a
        ``note``, when nothing can be summarised or nothing concerns the query.

    Raises
    ------
    ValueError
        If ``method``, ``engine`` or the length is invalid.
    TypeError
        If ``target`` is not a document, a corpus or documents.
    workbench.errors.QueryError
        If the query is empty or has only stop words.
    workbench.errors.InputTooLargeError
        If the sentences to rank are more than ``method`` ranks on its engine:
        LexRank and KL-Sum, and sumy's own graph, LSA, SumBasic and KL methods,
        are quadratic and state a limit (:mod:`workbench.summaries.methods`).

    Examples
    --------
    >>> from workbench import load_corpus
    >>> corpus = load_corpus()
    >>> summary = summarise(corpus["000_258fbde797f3b430"], sentences=2)
    >>> len(summary), summary.method, summary.engine
    (2, 'textrank-cosine', 'fast')
    >>> first = summary.sentences[0]
    >>> corpus[first.doc_id].raw[first.start : first.end] == first.text
    True
    """
    method_named(method)
    check_engine(engine)
    length = Length.from_arguments(sentences, ratio, words)
    documents = _documents(target)
    source = build_input(documents)
    relevance = None
    if query is not None:
        source, relevance = _focus(documents, source, query, length)
    describe = {
        "method": method,
        "engine": engine_used(method, engine),
        "query": query,
        "length": str(length),
    }
    if not len(source):
        if query is not None:
            return Summary((), (), note=f"no sentence concerns the query {query!r}", **describe)
        return Summary((), (), note=_nothing_to_summarise(documents), **describe)
    ranking = rank(method, describe["engine"], source, query)
    if relevance is not None:
        ranking = query_step.blend(ranking, relevance)
    if source.document_count > 1:
        order = prefer_standalone(ranking.order, source.candidates)
        picked = mmr.choose(order, source.tokens, source.word_counts, length)
    else:
        picked = length.choose(ranking.order, source.word_counts)
    cited = {int(position): _cite(source, ranking, position) for position in ranking.order}
    chosen = tuple(cited[position] for position in sorted(picked))
    note = _shortfall(chosen, length, ranking)
    return Summary(chosen, tuple(cited.values()), note=note, **describe)


def _focus(
    documents: list[Document], source: SummaryInput, query: str, length: Length
) -> tuple[SummaryInput, np.ndarray]:
    """Only the candidates that concern ``query``, and their relevance to it."""
    scores = query_step.relevance(documents, source, query)
    kept = query_step.retrieved(scores, length.sentences)
    wanted = {id(source.candidates[position]) for position in kept}
    return source.subset(lambda sentence: id(sentence) in wanted), scores[kept]


def rank(method: str, engine: str, source: SummaryInput, query: str | None = None) -> Ranking:
    """Rank the candidates of ``source`` with ``method`` on ``engine`` ("fast" or "sumy").

    The registry (:mod:`workbench.summaries.methods`) says which code runs: the
    workbench's ranker, or sumy's summarizer through
    :mod:`workbench.summaries.sumy_engine` (which alone reads ``query``: Edmundson
    takes its words as bonus words).

    Raises
    ------
    workbench.errors.InputTooLargeError
        If ``source`` has more candidates than the method ranks on that engine
        (:meth:`~workbench.summaries.methods.Method.limit_on`).
    """
    known = BY_NAME.get(method)
    if known is not None:
        known.check_size(engine, len(source))
    if known is not None and known.fast is not None and known.engine_for(engine) == "fast":
        return known.fast(source)
    return sumy_engine.rank(method, source, query)


def engine_used(method: str, engine: str) -> str:
    """The engine that really runs ``method`` when ``engine`` is asked for.

    Read from the registry (:meth:`workbench.summaries.methods.Method.engine_for`);
    a name it lacks is left to sumy, as :func:`rank` leaves it.

    Examples
    --------
    >>> engine_used("edmundson", "fast"), engine_used("lead", "sumy"), engine_used("kl", "fast")
    ('sumy', 'fast', 'fast')
    """
    known = BY_NAME.get(method)
    return known.engine_for(engine) if known is not None else "sumy"


def _documents(target: Document | Corpus | Iterable[Document]) -> list[Document]:
    if isinstance(target, Document):
        return [target]
    if isinstance(target, str | bytes) or not isinstance(target, Corpus | Iterable):
        raise TypeError(
            f"target must be a Document, a Corpus or an iterable of Documents; "
            f"got {type(target).__name__}"
        )
    documents = list(target)
    for item in documents:
        if not isinstance(item, Document):
            raise TypeError(f"target must hold only Documents; got a {type(item).__name__}")
    return documents


def _cite(source: SummaryInput, ranking: Ranking, position: int) -> SummarySentence:
    sentence = source.candidates[position]
    return SummarySentence(
        doc_id=sentence.doc_id,
        sentence=sentence.index,
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        score=float(ranking.scores[position]),
    )


def _shortfall(chosen: tuple[SummarySentence, ...], length: Length, ranking: Ranking) -> str | None:
    if not chosen:
        if not len(ranking):
            return "the method found no word to rank the sentences by"
        return f"no sentence fits in {length}"
    if length.sentences is not None and len(chosen) < length.sentences:
        return f"only {len(chosen)} of the {length.sentences} sentences asked for could be chosen"
    return None


def _nothing_to_summarise(documents: list[Document]) -> str:
    """Why no sentence could be summarised: none at all, or only headlines and one-line items.

    A wire story of figures ("Shr loss 1.93 dlrs" a line) has sentences but, each a
    line of its own, they read as headlines: say so rather than that there are none.
    """
    count = sum(len(document.sentences) for document in documents)
    if not count:
        return "there is no body sentence to summarise"
    whose = "its" if len(documents) == 1 else "their"
    return (
        f"there is no body sentence to summarise: {whose} {count} sentence"
        f"{'s are' if count != 1 else ' is'} all headlines or one-line items, as in a table"
    )
