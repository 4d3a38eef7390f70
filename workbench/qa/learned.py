"""Learned models stored as data: a linear model and an isotonic calibration.

Each is a frozen dataclass of named features and numpy arrays that reads and
writes plain JSON (:meth:`to_dict`, :meth:`from_dict`), so a fitted model is
data, never a pickle, and is checked when read: a missing part or a number
that is not one is a :class:`~workbench.errors.ModelFileError` naming how to
rebuild the file. scikit-learn fits them (:mod:`workbench.train.qa`); these
classes only predict, with numpy.

Rows are dicts of named features: a feature a row lacks counts 0, and a row's
feature the model does not know is ignored.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from workbench.errors import ModelFileError

#: The answer model's file in ``workbench/data``.
MODEL_FILE = "qa_model.json"

#: How to rebuild the model file, named in every error about it.
REBUILD = "rebuild it with `make model` (workbench train qa)"


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression stored as named coefficients: ``logit = w · x + b``.

    Attributes
    ----------
    features : tuple of str
        The feature names, in the order of ``coefficients``; a feature a row
        lacks counts 0, and a row's feature the model lacks is ignored.
    coefficients : numpy.ndarray
        One weight a feature.
    intercept : float
        The bias.
    """

    features: tuple[str, ...]
    coefficients: np.ndarray
    intercept: float
    _weights: dict[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        weights = dict(zip(self.features, self.coefficients.tolist(), strict=True))
        object.__setattr__(self, "_weights", weights)

    def logits(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Each row's logit (rows are dicts of named features, a few of many names)."""
        weights = self._weights
        return np.array(
            [
                self.intercept
                + sum(weights[name] * value for name, value in row.items() if name in weights)
                for row in rows
            ],
            dtype=float,
        )

    def to_dict(self) -> dict[str, object]:
        """The model as JSON-ready data: ``{"coefficients": {name: weight}, "intercept"}``."""
        return {
            "kind": "linear",
            "coefficients": {
                name: round(float(weight), 6)
                for name, weight in zip(self.features, self.coefficients, strict=True)
            },
            "intercept": round(float(self.intercept), 6),
        }

    @classmethod
    def from_dict(cls, data: object, part: str) -> LinearModel:
        """Read what :meth:`to_dict` wrote; ``part`` names it in errors."""
        if not isinstance(data, Mapping):
            raise ModelFileError(f"{MODEL_FILE}: {part!r} is not an object; {REBUILD}")
        weights = data.get("coefficients")
        intercept = data.get("intercept")
        if not isinstance(weights, Mapping) or not weights or not is_number(intercept):
            raise ModelFileError(
                f"{MODEL_FILE}: {part!r} needs 'coefficients' (name -> number) and "
                f"'intercept'; {REBUILD}"
            )
        if not all(isinstance(name, str) and is_number(w) for name, w in weights.items()):
            raise ModelFileError(f"{MODEL_FILE}: {part!r} has a weight that is not a number")
        return cls(
            tuple(weights),
            np.array([float(w) for w in weights.values()]),
            float(intercept),  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Calibration:
    """An isotonic map from a raw confidence to a measured one, by linear interpolation.

    ``raw`` and ``measured`` are the increasing thresholds scikit-learn's
    :class:`~sklearn.isotonic.IsotonicRegression` fitted (``X_thresholds_`` and
    ``y_thresholds_``); outside them the ends hold.
    """

    raw: np.ndarray
    measured: np.ndarray

    def __call__(self, value: float) -> float:
        """The measured chance of being right for a raw confidence ``value``."""
        return float(np.interp(value, self.raw, self.measured))

    @classmethod
    def from_dict(cls, data: object) -> Calibration:
        """Read ``{"raw": [...], "measured": [...]}``."""
        if not isinstance(data, Mapping):
            raise ModelFileError(f"{MODEL_FILE}: 'calibration' is not an object; {REBUILD}")
        raw, measured = data.get("raw"), data.get("measured")
        if (
            not isinstance(raw, list)
            or not isinstance(measured, list)
            or len(raw) != len(measured)
            or not raw
            or not all(is_number(value) for value in [*raw, *measured])
        ):
            raise ModelFileError(
                f"{MODEL_FILE}: 'calibration' needs 'raw' and 'measured' lists of numbers of "
                f"one length; {REBUILD}"
            )
        raw_array, measured_array = np.array(raw, float), np.array(measured, float)
        if np.any(np.diff(raw_array) < 0) or np.any(np.diff(measured_array) < 0):
            raise ModelFileError(f"{MODEL_FILE}: 'calibration' must increase; {REBUILD}")
        return cls(raw_array, measured_array)


def is_number(value: object) -> bool:
    """Whether ``value`` is a finite int or float (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
