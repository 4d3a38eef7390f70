"""The summary methods: one registry entry each, from which every dispatch is read.

Each method the workbench offers is one :class:`Method` in :data:`REGISTRY`:
its name, what it does in a line, the workbench's ranker for it (the fast
engine) if there is one, and sumy's summarizer for it (the sumy engine) if
there is one. A method with no sumy summarizer is the workbench's own, and
either engine runs the workbench's code; a method with no workbench ranker runs
sumy's code on either engine. :data:`METHODS`, the engine that really runs a
method (:meth:`Method.engine_for`), :func:`workbench.summaries.api.rank` and
:mod:`workbench.summaries.sumy_engine` all read this one table, so they cannot
disagree.

Adding a summariser means writing its module (a ranker of the candidates, in
this package or in :mod:`workbench.summaries.fast`; or a sumy summarizer class)
and adding one :class:`Method` entry here; nothing else changes. The order of
:data:`REGISTRY` is the order of :data:`METHODS`, which the command line lists
in its help and the evaluation in its table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.errors import InputTooLargeError
from workbench.summaries import lead, textrank_cosine
from workbench.summaries.fast import kl, lexrank, lsa, luhn, reduction, sumbasic, textrank
from workbench.summaries.ranking import Ranking, ranked_by
from workbench.summaries.source import SummaryInput
from workbench.summaries.tokens import TokenTable

#: ``"fast"``: the workbench's vectorised code (sumy's for methods without it); ``"sumy"``: sumy's.
ENGINES = ("fast", "sumy")

#: Most sentences the fast LexRank ranks: it keeps every link between two similar
#: sentences, and their number grows with the square of the sentences' (about 0.5 GB
#: for 20,000 news sentences, far more for text that repeats its words). Set by hand.
LEXRANK_MAX_SENTENCES = 20_000
#: Most sentences the fast KL-Sum ranks: each pick scans every sentence, so its time grows
#: with the square of their number (about half a minute for 100,000). Set by hand.
KL_MAX_SENTENCES = 100_000
#: Most sentences sumy's own graph, LSA, SumBasic and KL summarizers rank: pure Python
#: over every pair of sentences (LexRank and TextRank hold an n x n matrix, LSA a dense
#: terms x sentences one), minutes and gigabytes past this. Set by hand.
SUMY_MAX_SENTENCES = 5_000


@dataclass(frozen=True)
class OnTokens:
    """A ranker of the candidates' words, called on the whole summary input.

    Most rankers read only :attr:`SummaryInput.tokens
    <workbench.summaries.source.SummaryInput.tokens>`; this wraps one so that
    every :attr:`Method.fast` takes the same argument.

    Attributes
    ----------
    ranker : callable
        Ranks a :class:`~workbench.summaries.tokens.TokenTable`.
    """

    ranker: Callable[[TokenTable], Ranking]

    def __call__(self, source: SummaryInput) -> Ranking:
        """Rank the candidates of ``source`` by their words."""
        return self.ranker(source.tokens)


@dataclass(frozen=True)
class Method:
    """One summary method and the code that runs it on each engine.

    Attributes
    ----------
    name : str
        What ``summarise(method=...)`` and ``--method`` call it.
    description : str
        What it does, in a line.
    fast : callable, optional
        The workbench's ranker of a :class:`~workbench.summaries.source.SummaryInput`:
        the method itself for the workbench's own, a vectorised version that
        chooses the same sentences as sumy's otherwise. None when sumy's code
        is fast enough (Edmundson and Random are linear in sumy already).
    sumy : (str, str), optional
        sumy's summarizer: the module in ``sumy.summarizers`` and the class.
        None for the workbench's own methods.
    max_sentences : int, optional
        Most candidate sentences the workbench's ranker takes; None: no limit
        (its cost grows linearly).
    sumy_max_sentences : int, optional
        Most candidate sentences sumy's summarizer takes; None: no limit.

    Raises
    ------
    ValueError
        If neither ``fast`` nor ``sumy`` is given: the method could not run.
    """

    name: str
    description: str
    fast: Callable[[SummaryInput], Ranking] | None = None
    sumy: tuple[str, str] | None = None
    max_sentences: int | None = None
    sumy_max_sentences: int | None = None

    def __post_init__(self) -> None:
        if self.fast is None and self.sumy is None:
            raise ValueError(
                f"method {self.name!r} needs a fast ranker, a sumy summarizer or both; got neither"
            )

    @property
    def own(self) -> bool:
        """Whether only the workbench implements it (either engine runs the workbench's code)."""
        return self.sumy is None

    def engine_for(self, engine: str) -> str:
        """The engine that really runs this method when ``engine`` is asked for.

        The workbench's ranker runs when it is asked for or is the only one;
        sumy's summarizer runs otherwise.

        Examples
        --------
        >>> method_named("kl").engine_for("fast"), method_named("kl").engine_for("sumy")
        ('fast', 'sumy')
        >>> method_named("edmundson").engine_for("fast"), method_named("lead").engine_for("sumy")
        ('sumy', 'fast')
        """
        if self.fast is not None and (engine == "fast" or self.sumy is None):
            return "fast"
        return "sumy"

    def limit_on(self, engine: str) -> int | None:
        """Most candidate sentences the code that runs on ``engine`` ranks (None: no limit).

        Examples
        --------
        >>> method_named("kl").limit_on("fast"), method_named("kl").limit_on("sumy")
        (100000, 5000)
        >>> method_named("lead").limit_on("sumy") is None
        True
        """
        if self.engine_for(engine) == "fast":
            return self.max_sentences
        return self.sumy_max_sentences

    def check_size(self, engine: str, sentences: int) -> None:
        """Refuse an input of more ``sentences`` than the method ranks on ``engine``.

        Raises
        ------
        workbench.errors.InputTooLargeError
            If the input is past :meth:`limit_on`; the message says what to do
            instead: a smaller input, or a method (or engine) that takes it.
        """
        limit = self.limit_on(engine)
        if limit is None or sentences <= limit:
            return
        running = self.engine_for(engine)
        instead = []
        if running == "sumy" and (self.max_sentences is None or sentences <= self.max_sentences):
            instead.append("the fast engine (engine='fast', --engine fast)")
        unlimited = [method.name for method in REGISTRY if method.limit_on(engine) is None]
        instead.append(f"a method whose cost grows linearly ({', '.join(unlimited)})")
        raise InputTooLargeError(
            f"{self.name} on the {running} engine ranks at most {limit:,} sentences and this "
            f"input has {sentences:,}: summarise fewer documents (a smaller folder, --from and "
            f"--to, or a query), or use {' or '.join(instead)}"
        )


#: Every method, in the order :data:`METHODS` lists them: the workbench's TextRank
#: over cosine similarity, sumy's nine, the lead baseline.
REGISTRY: tuple[Method, ...] = (
    Method(
        "textrank-cosine",
        "PageRank over the cosine similarity of the sentences' word counts (the default)",
        fast=OnTokens(textrank_cosine.rank),
    ),
    Method(
        "luhn",
        "Luhn: sentences with the densest clusters of frequent words",
        fast=OnTokens(ranked_by(luhn.scores)),
        sumy=("luhn", "LuhnSummarizer"),
    ),
    Method(
        "edmundson",
        "Edmundson: cue words, title words and location",
        sumy=("edmundson", "EdmundsonSummarizer"),
    ),
    Method(
        "lsa",
        "LSA: sentences weighing most in the singular vectors of the term-sentence matrix",
        fast=OnTokens(lsa.rank),
        sumy=("lsa", "LsaSummarizer"),
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "lexrank",
        "LexRank: PageRank over the sentences' tf-idf cosine similarity, thresholded",
        fast=OnTokens(ranked_by(lexrank.scores)),
        sumy=("lex_rank", "LexRankSummarizer"),
        max_sentences=LEXRANK_MAX_SENTENCES,
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "textrank",
        "TextRank: PageRank over the stems two sentences share",
        fast=OnTokens(ranked_by(textrank.scores)),
        sumy=("text_rank", "TextRankSummarizer"),
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "reduction",
        "Reduction: sentences sharing the most stems with all the others",
        fast=OnTokens(ranked_by(reduction.scores)),
        sumy=("reduction", "ReductionSummarizer"),
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "sumbasic",
        "SumBasic: sentences of the most frequent stems, each pick discounting its own",
        fast=OnTokens(sumbasic.rank),
        sumy=("sum_basic", "SumBasicSummarizer"),
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "kl",
        "KL-Sum: sentences keeping the summary's words closest to the text's",
        fast=OnTokens(kl.rank),
        sumy=("kl", "KLSummarizer"),
        max_sentences=KL_MAX_SENTENCES,
        sumy_max_sentences=SUMY_MAX_SENTENCES,
    ),
    Method(
        "random",
        "random order, a fixed draw: the floor every method must beat",
        sumy=("random", "RandomSummarizer"),
    ),
    Method(
        "lead",
        "the first sentences of each article: the baseline every method must beat",
        fast=lead.rank,
    ),
)

#: Method name to its registry entry.
BY_NAME: dict[str, Method] = {method.name: method for method in REGISTRY}

#: Every method's name, in registry order.
METHODS: tuple[str, ...] = tuple(BY_NAME)

#: The method used when none is given (see the package docstring for why).
DEFAULT_METHOD = "textrank-cosine"

#: Method name to the fast ranker (of a token table) that reproduces sumy's, in
#: registry order. Kept for the code that imported it from
#: :mod:`workbench.summaries.fast` before the registry.
FAST_RANKERS: dict[str, Callable[[TokenTable], Ranking]] = {
    method.name: method.fast.ranker
    for method in REGISTRY
    if isinstance(method.fast, OnTokens) and not method.own
}


def method_named(name: str) -> Method:
    """The registry entry of the method called ``name``.

    Raises
    ------
    ValueError
        If no method has that name; the message lists the methods.

    Examples
    --------
    >>> method_named("lead").own, method_named("luhn").sumy
    (True, ('luhn', 'LuhnSummarizer'))
    """
    if name not in METHODS:
        raise ValueError(f"method must be one of {', '.join(METHODS)}; got {name!r}")
    return BY_NAME[name]


def check_engine(engine: str) -> str:
    """``engine`` if it is one of :data:`ENGINES`.

    Raises
    ------
    ValueError
        If it is not; the message lists the engines.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}; got {engine!r}")
    return engine
