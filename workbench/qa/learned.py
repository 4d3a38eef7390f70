"""Learned models stored as data: a linear model, boosted trees and an isotonic calibration.

Each is a frozen dataclass of named features and numpy arrays that reads and
writes plain JSON (:meth:`to_dict`, :meth:`from_dict`), so a fitted model is
data, never a pickle, and is checked when read: a missing part or a number
that is not one is a :class:`~workbench.errors.ModelFileError` naming how to
rebuild the file. scikit-learn fits them (:mod:`workbench.train.qa`); these
classes only predict, with numpy.

Rows are dicts of named features: a feature a row lacks counts 0, and a row's
feature the model does not know is ignored. :func:`read_scorer` reads either
kind of scorer (:class:`LinearModel`, :class:`TreeEnsemble`) by its ``"kind"``.
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
        weight = self._weights.get
        return np.array(
            [
                self.intercept
                + sum(w * value for name, value in row.items() if (w := weight(name)) is not None)
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


#: The arrays of one stored tree, one entry a node; node 0 is the root.
TREE_ARRAYS = ("feature", "threshold", "left", "right", "value", "missing_left")


@dataclass(frozen=True)
class TreeEnsemble:
    """Gradient-boosted regression trees stored as arrays: ``logit = baseline + sum of leaves``.

    What scikit-learn's
    :class:`~sklearn.ensemble.HistGradientBoostingClassifier` fits, as plain
    numbers: each row goes down every tree from its root (node 0), left when its
    value of the node's feature is at most the node's threshold (a missing value,
    NaN, goes the way ``missing_left`` says), and the values of the leaves it
    reaches add to the baseline, as ``decision_function`` adds them.

    Attributes
    ----------
    features : tuple of str
        The feature names: node ``feature`` numbers index them. A feature a row
        lacks counts 0, and a row's feature the model lacks is ignored.
    baseline : float
        The logit before any tree (the training rows' log-odds).
    trees : tuple of dict of str to numpy.ndarray
        At least one; per tree, the node arrays of :data:`TREE_ARRAYS`: ``feature`` (-1 at a
        leaf), ``threshold``, ``left`` and ``right`` (child node numbers, -1 at a
        leaf), ``value`` (a leaf's logit; 0 elsewhere) and ``missing_left``.

    Examples
    --------
    >>> import numpy as np
    >>> stump = {
    ...     "feature": np.array([0, -1, -1]), "threshold": np.array([0.5, 0.0, 0.0]),
    ...     "left": np.array([1, -1, -1]), "right": np.array([2, -1, -1]),
    ...     "value": np.array([0.0, -1.0, 2.0]), "missing_left": np.array([True, False, False]),
    ... }
    >>> TreeEnsemble(("mass",), 0.25, (stump,)).logits([{"mass": 0.9}, {}]).tolist()
    [2.25, -0.75]
    """

    features: tuple[str, ...]
    baseline: float
    trees: tuple[dict[str, np.ndarray], ...]
    _columns: dict[str, int] = field(init=False, repr=False, compare=False)
    _nodes: dict[str, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_columns", {name: i for i, name in enumerate(self.features)})
        # Every tree's nodes in one set of arrays, children renumbered, so that a row goes
        # down all the trees at once: one step a level, not one a node.
        sizes = [len(tree["feature"]) for tree in self.trees]
        starts = np.cumsum([0, *sizes[:-1]]).astype(np.intp)
        nodes = {name: np.concatenate([tree[name] for tree in self.trees]) for name in TREE_ARRAYS}
        for child in ("left", "right"):
            shifted = [
                np.where(tree[child] >= 0, tree[child] + start, -1)
                for tree, start in zip(self.trees, starts, strict=True)
            ]
            nodes[child] = np.concatenate(shifted).astype(np.intp)
        nodes["roots"] = starts
        nodes["depth"] = np.array(max(_depth(tree) for tree in self.trees))
        object.__setattr__(self, "_nodes", nodes)

    def logits(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Each row's logit: the baseline plus the leaf it reaches in every tree."""
        nodes = self._nodes
        matrix = dense_matrix(rows, self._columns)
        node = np.tile(nodes["roots"], (len(rows), 1))  # rows x trees
        every = np.arange(len(rows))[:, np.newaxis]
        for _ in range(int(nodes["depth"])):
            inner = nodes["left"][node] >= 0
            if not inner.any():
                break
            value = matrix[every, np.maximum(nodes["feature"][node], 0)]
            left = np.where(
                np.isnan(value), nodes["missing_left"][node], value <= nodes["threshold"][node]
            )
            node = np.where(inner, np.where(left, nodes["left"][node], nodes["right"][node]), node)
        leaves = np.concatenate([np.full((len(rows), 1), self.baseline), nodes["value"][node]], 1)
        # Added one tree after another, as scikit-learn adds them, so the sums agree exactly.
        return np.cumsum(leaves, axis=1)[:, -1]

    def to_dict(self) -> dict[str, object]:
        """The model as JSON-ready data: features, baseline and every tree's node arrays.

        Thresholds, values and the baseline are written in full, so the trees read
        back predict exactly what was fitted.
        """
        return {
            "kind": "trees",
            "features": list(self.features),
            "baseline": float(self.baseline),
            "trees": [
                {
                    "feature": tree["feature"].tolist(),
                    "threshold": tree["threshold"].tolist(),
                    "left": tree["left"].tolist(),
                    "right": tree["right"].tolist(),
                    "value": tree["value"].tolist(),
                    "missing_left": tree["missing_left"].tolist(),
                }
                for tree in self.trees
            ],
        }

    @classmethod
    def from_dict(cls, data: object, part: str) -> TreeEnsemble:
        """Read and check what :meth:`to_dict` wrote; ``part`` names it in errors."""
        if not isinstance(data, Mapping):
            raise ModelFileError(f"{MODEL_FILE}: {part!r} is not an object; {REBUILD}")
        names, baseline, trees = data.get("features"), data.get("baseline"), data.get("trees")
        if (
            not isinstance(names, list)
            or not all(isinstance(name, str) for name in names)
            or not is_number(baseline)
            or not isinstance(trees, list)
            or not trees
        ):
            raise ModelFileError(
                f"{MODEL_FILE}: {part!r} needs 'features' (names), 'baseline' (a number) and "
                f"'trees' (a list); {REBUILD}"
            )
        read = tuple(
            _tree(tree, len(names), f"{part!r} tree {number}") for number, tree in enumerate(trees)
        )
        return cls(tuple(names), float(baseline), read)  # type: ignore[arg-type]


def dense_matrix(rows: Sequence[Mapping[str, float]], columns: Mapping[str, int]) -> np.ndarray:
    """Rows of named features as a matrix, ``columns`` naming each name's column.

    A feature a row lacks is 0; a name without a column is ignored.

    Examples
    --------
    >>> dense_matrix([{"b": 2.0, "z": 9.0}, {}], {"a": 0, "b": 1}).tolist()
    [[0.0, 2.0], [0.0, 0.0]]
    """
    matrix = np.zeros((len(rows), len(columns)))
    for number, row in enumerate(rows):
        for name, value in row.items():
            column = columns.get(name)
            if column is not None:
                matrix[number, column] = value
    return matrix


def _tree(data: object, features: int, where: str) -> dict[str, np.ndarray]:
    """One tree's node arrays, checked: one length, children and features in range."""
    lists = [data.get(name) if isinstance(data, Mapping) else None for name in TREE_ARRAYS]
    if (
        not all(isinstance(values, list) and values for values in lists)
        or len({len(values) for values in lists}) != 1  # type: ignore[arg-type]
    ):
        raise ModelFileError(
            f"{MODEL_FILE}: {where} needs the node lists {', '.join(TREE_ARRAYS)}, of one "
            f"length; {REBUILD}"
        )
    feature, threshold, left, right, value, missing = lists
    integers = [*feature, *left, *right]  # type: ignore[misc]
    if not all(isinstance(item, int) and not isinstance(item, bool) for item in integers):
        raise ModelFileError(
            f"{MODEL_FILE}: {where} has a node number that is not an integer; {REBUILD}"
        )
    if not all(is_number(item) for item in [*threshold, *value]):  # type: ignore[misc]
        raise ModelFileError(
            f"{MODEL_FILE}: {where} has a threshold or value that is not a number; {REBUILD}"
        )
    if not all(isinstance(item, bool) for item in missing):  # type: ignore[union-attr]
        raise ModelFileError(
            f"{MODEL_FILE}: {where} has a 'missing_left' that is not true/false; {REBUILD}"
        )
    tree = {
        "feature": np.array(feature, dtype=np.intp),
        "threshold": np.array(threshold, dtype=float),
        "left": np.array(left, dtype=np.intp),
        "right": np.array(right, dtype=np.intp),
        "value": np.array(value, dtype=float),
        "missing_left": np.array(missing, dtype=bool),
    }
    nodes = len(tree["feature"])
    inner = tree["left"] >= 0
    if (
        np.any(inner != (tree["right"] >= 0))
        or np.any(tree["left"][inner] <= np.flatnonzero(inner))
        or np.any(tree["right"][inner] <= np.flatnonzero(inner))
        or np.any(tree["left"] >= nodes)
        or np.any(tree["right"] >= nodes)
        or np.any((tree["feature"][inner] < 0) | (tree["feature"][inner] >= features))
    ):
        raise ModelFileError(
            f"{MODEL_FILE}: {where} has a child or feature number out of range; {REBUILD}"
        )
    return tree


def _depth(tree: Mapping[str, np.ndarray]) -> int:
    """The most splits from the root to a leaf (children come after their parent)."""
    depth = np.zeros(len(tree["left"]), dtype=int)
    for node in np.flatnonzero(tree["left"] >= 0):
        depth[tree["left"][node]] = depth[tree["right"][node]] = depth[node] + 1
    return int(depth.max())


def read_scorer(data: object, part: str) -> LinearModel | TreeEnsemble:
    """A :class:`LinearModel` or :class:`TreeEnsemble` by its ``"kind"`` (linear when absent)."""
    kind = data.get("kind", "linear") if isinstance(data, Mapping) else "linear"
    if kind == "trees":
        return TreeEnsemble.from_dict(data, part)
    if kind == "linear":
        return LinearModel.from_dict(data, part)
    raise ModelFileError(
        f"{MODEL_FILE}: {part!r} has kind {kind!r}, not 'linear' or 'trees'; {REBUILD}"
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
