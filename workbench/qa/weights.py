"""The fitted weights of the answer ranker and of its confidence, read from package data.

A candidate's score is a logit: :data:`FEATURE_WEIGHTS` times its features plus
:data:`SCORE_INTERCEPT`. An answer's confidence is a logistic of the best
candidate's score, its margin over the best different answer and its sentence's
coverage (:data:`CONFIDENCE_WEIGHTS`, :data:`CONFIDENCE_INTERCEPT`).
:mod:`workbench.qa.scoring` computes both.

The numbers are fitted, not written by hand: ``python benchmarks/bench_qa.py
calibrate`` fits them by logistic regression on SQuAD questions and writes
``workbench/data/qa_weights.json`` (:data:`WEIGHTS_FILE`), which records beside
them the command, the data, the model and the date (:data:`FITTED`). The file is
read once, when this module is first imported.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.data import read_json

#: The data file (in ``workbench/data``) that holds the weights and how they were fitted.
WEIGHTS_FILE = "qa_weights.json"

#: The candidate features a score weighs, in the order the score adds them up.
SCORE_FEATURES = ("coverage", "retrieval", "fit", "slot", "closeness", "agreement")

#: What an answer's confidence weighs, in the order it adds them up.
CONFIDENCE_FEATURES = ("score", "margin", "coverage")


def fitted_weights(
    record: Mapping[str, object], part: str, names: Sequence[str]
) -> tuple[dict[str, float], float]:
    """The weights (in the order of ``names``) and the intercept of ``record[part]``.

    Parameters
    ----------
    record : mapping
        The contents of :data:`WEIGHTS_FILE`.
    part : str
        ``"score"`` or ``"confidence"``: an object with ``weights`` (name -> number)
        and ``intercept``.
    names : sequence of str
        The names the weights must have.

    Raises
    ------
    ValueError
        If the part is missing or its weights are not exactly ``names``.

    Examples
    --------
    >>> fitted_weights({"score": {"weights": {"a": 1, "b": 2.5}, "intercept": -3}},
    ...                "score", ("b", "a"))
    ({'b': 2.5, 'a': 1.0}, -3.0)
    """
    section = record.get(part)
    if not isinstance(section, Mapping) or "weights" not in section or "intercept" not in section:
        raise ValueError(
            f"{WEIGHTS_FILE} needs a {part!r} object with 'weights' and 'intercept'; "
            "rerun python benchmarks/bench_qa.py calibrate to write it"
        )
    weights = section["weights"]
    if not isinstance(weights, Mapping) or set(weights) != set(names):
        found = ", ".join(weights) if isinstance(weights, Mapping) else repr(weights)
        raise ValueError(
            f"the {part} weights in {WEIGHTS_FILE} must be named {', '.join(names)}; got {found}"
        )
    return {name: float(weights[name]) for name in names}, float(section["intercept"])


_RECORD = read_json(WEIGHTS_FILE)

#: Weights of the candidate features in a candidate's score (a logit), and its intercept.
FEATURE_WEIGHTS: dict[str, float]
SCORE_INTERCEPT: float
FEATURE_WEIGHTS, SCORE_INTERCEPT = fitted_weights(_RECORD, "score", SCORE_FEATURES)

#: Weights of the best candidate's score, its margin and its sentence's coverage in an
#: answer's confidence (a logit), and its intercept.
CONFIDENCE_WEIGHTS: dict[str, float]
CONFIDENCE_INTERCEPT: float
CONFIDENCE_WEIGHTS, CONFIDENCE_INTERCEPT = fitted_weights(
    _RECORD, "confidence", CONFIDENCE_FEATURES
)

#: How the weights were fitted: everything in :data:`WEIGHTS_FILE` but the numbers.
FITTED: dict[str, object] = {
    key: value for key, value in _RECORD.items() if key not in {"score", "confidence"}
}
