"""How often the date resolver gives the date people wrote down: the Giveme5W1H gold standard.

The Giveme5W1H gold standard (fhamborg/Giveme5W1H, Apache-2.0) has 96 news
articles with their publication date (``date_publish``) and, for "when",
human-annotated phrases with the date they mean (``fiveWoneH.when.annotated[]``,
``text`` and ``parsed``). Each annotated phrase with both a text and a parsed date
is one case: :func:`workbench.dates.resolve_date` gets the phrase and the
publication date (with its time of day), nothing else.

The annotations are themselves noisy (several ``parsed`` values are a day off
the phrase, e.g. a time-zone shift, or are the publication date whatever the
phrase says), so besides the exact day the score reports agreement within a day,
and agreement at the granularity the resolver claims (the gold date falls in the
week, month or year resolved). Noisy cases stay in every figure.

Two settings, each beside the **publication-day baseline** (every case answered
with its article's publication day):

- ``"phrase"``: the resolver is given the annotated phrase, and no context;
- ``"article"``: the pipeline finds the expression itself. The phrase is located
  in the article, the sentence holding it is parsed, and the date expression
  :func:`workbench.dates.find_time_expressions` finds there (overlapping the
  phrase) is resolved with the tense of its clause
  (:func:`workbench.nlp.syntax.tense_of` of its governing verb), as the event
  reader does. A case where the pipeline finds no expression there counts as
  unresolved.
"""

from __future__ import annotations

import html
import json
import os
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from workbench.config import DEFAULT_GIVEME5W1H
from workbench.dates import ResolvedDate, resolve_date
from workbench.errors import WorkbenchError

if TYPE_CHECKING:
    import pandas as pd
    from spacy.language import Language

#: Where the gold standard sits beside the project (see ``../shared/data/README.md``).


@dataclass(frozen=True)
class DateCase:
    """One annotated "when" phrase, the date annotators gave it, and what the resolver said."""

    doc_id: str
    text: str
    published: datetime | None
    expected: date
    resolved: ResolvedDate
    found: str | None = None

    @property
    def baseline(self) -> bool:
        """The publication day is the annotated day (what always answering it would score)."""
        return self.published is not None and self.published.date() == self.expected

    @property
    def miss(self) -> str | None:
        """Why the resolver's day is not the annotated one, by kind; ``None`` when it is.

        ``"no date in the phrase"`` (nothing to resolve: "lap 48"); ``"annotated as
        the publication day"`` (the phrase names another day, the annotation the
        publication day: noise in the annotation, or in the publication date);
        ``"a day off"`` (a time zone, or a clock time near midnight); ``"other"``.
        """
        if self.exact:
            return None
        if self.resolved.date is None and self.resolved.rule == "unresolved":
            return "no date in the phrase"
        if self.baseline:
            return "annotated as the publication day"
        if self.within_a_day:
            return "a day off"
        return "other"

    @property
    def exact(self) -> bool:
        """The resolver gives the annotated day."""
        return self.resolved.date == self.expected

    @property
    def within_a_day(self) -> bool:
        """The resolver's day is at most one day from the annotated one."""
        value = self.resolved.date
        return value is not None and abs((value - self.expected).days) <= 1

    @property
    def consistent(self) -> bool:
        """The annotated day falls in the period resolved (its day, week, month or year)."""
        value, granularity = self.resolved.date, self.resolved.granularity
        if value is None:
            return False
        if granularity == "week":
            return value <= self.expected < value + timedelta(days=7)
        if granularity == "month":
            return (value.year, value.month) == (self.expected.year, self.expected.month)
        if granularity == "year":
            return value.year == self.expected.year
        return value == self.expected

    def as_row(self) -> dict[str, object]:
        """The case as a table row."""
        return {
            "doc_id": self.doc_id,
            "text": self.text,
            "found": self.found,
            "published": self.published.isoformat(sep=" ") if self.published else None,
            "expected": self.expected.isoformat(),
            "resolved": self.resolved.iso,
            "granularity": self.resolved.granularity,
            "rule": self.resolved.rule,
            "exact": self.exact,
            "within_a_day": self.within_a_day,
            "consistent": self.consistent,
            "baseline": self.baseline,
            "miss": self.miss,
        }


@dataclass(frozen=True)
class DateResolutionScore:
    """The resolver's agreement with annotated dates, overall and by granularity."""

    cases: tuple[DateCase, ...]
    documents: int
    skipped: int
    setting: str = "phrase"

    def _share(self, count: int) -> float:
        return count / len(self.cases) if self.cases else 0.0

    @property
    def resolved(self) -> int:
        """Cases the resolver gave a date for."""
        return sum(case.resolved.date is not None for case in self.cases)

    @property
    def exact(self) -> int:
        """Cases resolved to the annotated day."""
        return sum(case.exact for case in self.cases)

    @property
    def exact_rate(self) -> float:
        """Share of all cases resolved to the annotated day."""
        return self._share(self.exact)

    @property
    def baseline_rate(self) -> float:
        """Share of all cases whose annotated day is the publication day."""
        return self._share(sum(case.baseline for case in self.cases))

    @property
    def within_a_day_rate(self) -> float:
        """Share of all cases resolved to within a day of the annotated day."""
        return self._share(sum(case.within_a_day for case in self.cases))

    @property
    def consistent_rate(self) -> float:
        """Share of all cases whose resolved period contains the annotated day."""
        return self._share(sum(case.consistent for case in self.cases))

    def to_frame(self) -> pd.DataFrame:
        """One row per case: doc_id, text, published, expected, resolved, granularity, rule, ..."""
        import pandas as pd

        return pd.DataFrame([case.as_row() for case in self.cases])

    def by_granularity(self) -> pd.DataFrame:
        """Cases, exact, within-a-day and consistent counts for each resolved granularity."""
        frame = self.to_frame()
        frame["granularity"] = [
            case.resolved.granularity if case.resolved.date else "unresolved" for case in self.cases
        ]
        table = frame.groupby("granularity", sort=False).agg(
            cases=("text", "size"),
            exact=("exact", "sum"),
            within_a_day=("within_a_day", "sum"),
            consistent=("consistent", "sum"),
        )
        order = ["day", "week", "month", "year", "unresolved"]
        return table.reindex([name for name in order if name in table.index])

    def misses(self) -> dict[str, int]:
        """How many cases miss the annotated day, by kind (see :attr:`DateCase.miss`)."""
        counts: dict[str, int] = {}
        for case in self.cases:
            if case.miss is not None:
                counts[case.miss] = counts.get(case.miss, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: -item[1]))

    def as_dict(self) -> dict[str, object]:
        """Counts and rates, and the table by granularity."""
        return {
            "setting": self.setting,
            "documents": self.documents,
            "cases": len(self.cases),
            "skipped_annotations": self.skipped,
            "resolved": self.resolved,
            "exact": self.exact,
            "exact_rate": self.exact_rate,
            "baseline_rate": self.baseline_rate,
            "within_a_day_rate": self.within_a_day_rate,
            "consistent_rate": self.consistent_rate,
            "by_granularity": self.by_granularity().reset_index().to_dict(orient="records"),
            "misses": self.misses(),
        }

    def __str__(self) -> str:
        how = "the annotated phrase given" if self.setting == "phrase" else "found in the article"
        return (
            f"date resolution on {len(self.cases)} annotated 'when' phrases "
            f"({self.documents} articles, {how}): exact day {self.exact} "
            f"({self.exact_rate:.1%}; publication-day baseline {self.baseline_rate:.1%}), "
            f"within a day {self.within_a_day_rate:.1%}, "
            f"consistent at the resolved granularity {self.consistent_rate:.1%}; "
            f"{self.resolved} given a date, {self.skipped} annotations without text or date skipped"
        )

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(str(self))}</p>" + self.by_granularity().to_html()


def load_when_annotations(
    folder: str | os.PathLike[str] = DEFAULT_GIVEME5W1H,
) -> tuple[list[tuple[str, str, datetime | None, date]], int, int]:
    """Read ``(doc_id, text, published, expected)`` for every usable "when" annotation.

    Returns the cases, the number of articles, and the number of annotations
    skipped for lacking a text or a parsed date.

    Raises
    ------
    WorkbenchError
        If the folder holds no ``.json`` article (``data/*.json`` or ``*.json``).
    """
    root = Path(folder)
    files = sorted((root / "data").glob("*.json")) or sorted(root.glob("*.json"))
    if not files:
        raise WorkbenchError(
            f"No Giveme5W1H articles (*.json) under {root}; "
            "pass --data ../shared/data/giveme5w1h_gold_standard"
        )
    cases = []
    skipped = 0
    for path in files:
        article = _article(path)
        published = _published(article.get("date_publish"))
        when = article.get("fiveWoneH", {}).get("when", {})
        for annotation in when.get("annotated", []):
            text, parsed = annotation.get("text"), annotation.get("parsed")
            if not text or not parsed:
                skipped += 1
                continue
            cases.append((path.stem, text, published, date.fromisoformat(parsed[:10])))
    return cases, len(files), skipped


def evaluate_date_resolution(
    folder: str | os.PathLike[str] = DEFAULT_GIVEME5W1H,
    *,
    setting: str = "phrase",
    nlp: Language | None = None,
) -> DateResolutionScore:
    """Resolve every annotated "when" phrase against its article's publication date and score it.

    Parameters
    ----------
    folder : path-like
        The Giveme5W1H gold standard (``data/*.json``).
    setting : {"phrase", "article"}
        Give the resolver the annotated phrase, or let the pipeline find the
        expression in the article and its clause's tense (see the module notes).
    nlp : spacy.language.Language, optional
        The parsing pipeline for ``"article"``; by default ``load_pipeline("full")``.

    Raises
    ------
    WorkbenchError
        If the folder holds no Giveme5W1H article.
    ValueError
        If ``setting`` is neither ``"phrase"`` nor ``"article"``.
    """
    if setting not in ("phrase", "article"):
        raise ValueError(f"setting must be 'phrase' or 'article', not {setting!r}")
    cases, documents, skipped = load_when_annotations(folder)
    if setting == "phrase":
        scored = tuple(
            DateCase(doc_id, text, published, expected, resolve_date(text, published), text)
            for doc_id, text, published, expected in cases
        )
    else:
        from workbench.evaluate.dates_in_article import resolve_in_articles

        readings = resolve_in_articles(cases, _article_texts(folder), nlp)
        scored = tuple(
            DateCase(doc_id, text, published, expected, resolved, found)
            for (doc_id, text, published, expected), (found, resolved) in zip(
                cases, readings, strict=True
            )
        )
    return DateResolutionScore(scored, documents, skipped, setting)


def _article_texts(folder: str | os.PathLike[str]) -> dict[str, str]:
    """Each article's body text (``text``), by file stem."""
    root = Path(folder)
    files = sorted((root / "data").glob("*.json")) or sorted(root.glob("*.json"))
    texts = {}
    for path in files:
        texts[path.stem] = str(_article(path).get("text") or "")
    return texts


def _article(path: Path) -> dict:
    """One gold-standard article, or a one-line error naming the file."""
    try:
        article = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as error:
        raise WorkbenchError(f"cannot read the Giveme5W1H article {path}: {error}") from None
    if not isinstance(article, dict):
        raise WorkbenchError(f"{path} is not a Giveme5W1H article (a JSON object)")
    return article


def _published(value: object) -> datetime | None:
    if not isinstance(value, str) or value in {"", "None"}:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
