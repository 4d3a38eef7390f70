"""Training the answer model: the candidate ranker, the answer confidence and its calibration.

``workbench train qa`` (:func:`train_answer_model`) rebuilds
``workbench/data/qa_model.json`` (:mod:`workbench.qa.ranker`) from data:

- **Questions.** SQuAD v1.1 dev articles 0-14 and 30-47 (never 15-29, the
  held-out report), each asked of its own paragraph, as ``workbench eval
  squad`` asks; every fourth of them also asked of a paragraph of another
  article, where every answer is wrong (an unanswerable question); and the
  splits of the news question set that :data:`NEWS_SPLITS` names
  (``benchmarks/data/news_questions.jsonl``) over its corpus, its unanswerable
  questions included. The ``test``, ``probe`` and ``blind`` splits are never read.
- **Splits, by article.** SQuAD articles 40-47 and every other article of the
  news set's ``dev`` split are the *validation* questions; the rest (with all of
  the news ``train`` split) are the *fitting* questions.
- **The ranker**: a listwise log-linear model (:func:`fit_ranker`): a softmax
  over each question's candidate rows (:mod:`workbench.qa.table`), fitted so
  that the gold candidates (SQuAD's normalised exact match, or the news
  answers) get the most of it. Its L2 penalty is chosen on the validation
  questions, by how often the top candidate is a gold answer. (A pointwise
  logistic regression on the same rows scored 3.5 points lower there.)
- **The answer confidence**: gradient-boosted trees (scikit-learn's
  :class:`~sklearn.ensemble.HistGradientBoostingClassifier`, :func:`fit_confidence`)
  on the fitting questions' top answers, each chosen by a ranker fitted on the
  other fold (:data:`FOLDS`), over their answer features
  (:func:`~workbench.qa.ranker.answer_features`) found in at least
  :data:`MIN_CONFIDENCE_ROWS` of them, as a dense matrix; right or wrong by the
  rule of each evaluation (SQuAD: token F1 at least
  :data:`~workbench.evaluate.squad.RIGHT_F1`; news: the rule of
  :func:`~workbench.evaluate.qa.is_correct`). Its leaves a tree
  (:data:`CONFIDENCE_LEAVES`) are chosen on the validation questions, by the
  log loss of its confidence in their top answers. The trees are stored as
  arrays (:class:`~workbench.qa.learned.TreeEnsemble`). (The logistic regression
  it replaced, over the same answers, ranked right answers above wrong ones
  less well there: ROC AUC 0.790 against 0.804; at the threshold each chose,
  1098 against 1187 of the 2319 SQuAD validation questions answered, and 50
  against 55 of the 75 news validation questions right.)
- **The calibration**: an isotonic regression (scikit-learn) of right on the
  confidence, over the validation questions; and the **threshold**, the least
  calibrated confidence at which an answer is given (:func:`choose_threshold`):
  the one of :data:`THRESHOLDS` that gets the most validation news questions
  right while the SQuAD validation answers stay exact at least
  :data:`TARGET_PRECISION` of the time.

The record written beside the numbers says what it was trained on, with which
command, settings and library versions, and what it scored on the validation
questions.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from workbench.evaluate.calibration import reliability
from workbench.evaluate.squad import RIGHT_F1
from workbench.evaluate.squad_files import read_squad_data, select_articles
from workbench.evaluate.squad_metric import best_scores, normalise_answer
from workbench.qa.learned import Calibration, LinearModel, TreeEnsemble, dense_matrix
from workbench.qa.ranker import (
    AnswerModel,
    answer_features,
    ranking,
    softmax,
    within_document,
)

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from workbench.qa.analysis import QuestionAnalysis
    from workbench.qa.answerer import QuestionAnswerer
    from workbench.qa.candidates import Candidate

#: SQuAD dev articles the ranker and confidence are fitted on.
FIT_ARTICLES = (*range(0, 15), *range(30, 40))

#: SQuAD dev articles the settings, calibration and threshold are chosen on.
VALIDATION_ARTICLES = tuple(range(40, 48))

#: Every n-th SQuAD question is also asked of another article's paragraph (unanswerable).
NEGATIVE_EVERY = 4

#: Every n-th SQuAD question is also asked of the whole corpus, its paragraph not given.
OPEN_EVERY = 4

#: L2 penalties tried for the ranker, each fitted on the fitting questions and scored on the
#: validation ones.
RANKER_PENALTIES = (3.0, 10.0, 30.0)

#: Least number of fitting rows a feature must occur in to get a weight.
MIN_FEATURE_ROWS = 5

#: Smallest ranker weight kept: smaller ones change no ranking and only fill the file.
MIN_WEIGHT = 1e-3

#: Most L-BFGS iterations of the ranker's fit.
RANKER_ITERATIONS = 500

#: How many times more a news question weighs than a SQuAD one in fitting the ranker, the
#: confidence and its calibration: the workbench answers news, and news questions are few.
NEWS_WEIGHT = 10.0

#: Folds of the fitting questions (by article) for the confidence's out-of-fold answers.
FOLDS = 2

#: Least number of fitting top answers an answer feature must occur in to be a column of the
#: confidence's trees.
MIN_CONFIDENCE_ROWS = 20

#: Leaves a tree tried for the confidence, each fitted on the fitting questions and scored on
#: the validation ones.
CONFIDENCE_LEAVES = (7, 15, 31)

#: The confidence's boosting: how many trees, the shrinkage of each, the L2 penalty on leaves.
CONFIDENCE_TREES = 100
CONFIDENCE_LEARNING_RATE = 0.05
CONFIDENCE_L2 = 1.0

#: Thresholds tried, lowest first.
THRESHOLDS = tuple(round(0.3 + 0.025 * step, 3) for step in range(21))

#: The splits of the news question set that are read (``test`` never is): the ``train``
#: split's questions are all fitting questions; the ``dev`` split's articles, sorted,
#: alternate between fitting and validation, so that the threshold is chosen on questions
#: of the same writing as the held-out ``test`` split. (Validating on ``dev`` as a whole
#: instead, with the calibration cross-fitted over both folds, answered 5 points fewer
#: ``test`` questions rightly.)
NEWS_SPLITS = ("train", "dev")

#: The split whose articles alternate between fitting and validation.
NEWS_VALIDATION_SPLIT = "dev"

#: Where training questions come from: SQuAD paragraphs, the news question set.
SOURCES = ("squad", "news")

#: Share of the SQuAD validation answers (asked of their own paragraph) that must be a gold
#: answer exactly at the chosen threshold.
TARGET_PRECISION = 0.72

#: The random seed of sampling.
SEED = 0


@dataclass
class TrainingQuestion:
    """One question's candidates, as feature rows, and whether each is a gold answer.

    ``right`` is, per candidate, whether giving it would be right by the
    evaluation's rule; ``gold`` whether it is exactly a gold answer.
    ``setting`` says how it was asked: ``"paragraph"`` (a SQuAD question of its
    own paragraph, as ``workbench eval squad`` asks), ``"other"`` (of another
    article's paragraph), ``"open"`` (of the whole corpus) or ``"news"``;
    ``answerable`` whether the articles hold an answer.
    """

    source: str
    split: str
    setting: str
    answerable: bool
    analysis: QuestionAnalysis
    candidates: list[Candidate]
    sentences: list[int]
    documents: list[str]
    features: list[dict[str, float]]
    gold: np.ndarray
    right: np.ndarray


def squad_questions(
    answerer: QuestionAnswerer,
    items: Sequence,
    split: str,
    other_paragraphs: Sequence[str],
    progress: Callable[[str], None],
) -> list[TrainingQuestion]:
    """Each SQuAD question asked of its own paragraph; some of every paragraph, some of another.

    Every :data:`NEGATIVE_EVERY`-th question is also asked of another article's
    paragraph, where no answer is right; every :data:`OPEN_EVERY`-th one (offset
    by one) of the whole corpus, as an analyst asks, where only candidates of
    its own paragraph are right.
    """
    from workbench.errors import QueryError

    found = []
    for number, item in enumerate(items):
        asks: list[tuple[str | None, bool, str]] = [(item.doc_id, True, "paragraph")]
        if number % NEGATIVE_EVERY == 0 and other_paragraphs:
            asks.append((other_paragraphs[number % len(other_paragraphs)], False, "other"))
        if number % OPEN_EVERY == 1:
            asks.append((None, True, "open"))
        for doc_id, answerable, setting in asks:
            try:
                table = answerer.table(item.question, doc_ids=doc_id)
            except QueryError:
                continue
            if not table.rows:
                continue
            gold, right = [], []
            for row in table.rows:
                own = table.sentences[row.sentence][0].doc_id == item.doc_id
                em, f1 = best_scores(row.candidate.text, item.answers)
                gold.append(answerable and own and bool(em))
                right.append(answerable and own and f1 >= RIGHT_F1)
            found.append(_question("squad", split, setting, answerable, table, gold, right))
        if number % 500 == 0:
            progress(f"squad {split}: {number} of {len(items)} questions")
    return found


def news_questions(
    answerer: QuestionAnswerer,
    items: Sequence,
    split_of: Callable[[object], str],
) -> list[TrainingQuestion]:
    """Each news question over the whole news corpus, right by ``workbench eval qa``'s rule."""
    from workbench.evaluate.qa import MAX_ANSWER_WORDS

    found = []
    for item in items:
        table = answerer.table(item.question)
        if not table.rows:
            continue
        golds = [answer.lower() for answer in item.answers]
        normalised = {normalise_answer(answer) for answer in item.answers}
        gold, right = [], []
        for row in table.rows:
            doc_id = table.sentences[row.sentence][0].doc_id
            text = row.candidate.text
            in_doc = doc_id in item.docs or (
                row.named_in is not None and row.named_in.doc_id in item.docs
            )
            contains = any(answer in text.lower() for answer in golds)
            short = len(text.split()) <= MAX_ANSWER_WORDS
            gold.append(bool(golds) and in_doc and normalise_answer(text) in normalised)
            right.append(bool(golds) and in_doc and contains and short)
        found.append(_question("news", split_of(item), "news", bool(golds), table, gold, right))
    return found


def _question(source, split, setting, answerable, table, gold, right) -> TrainingQuestion:
    return TrainingQuestion(
        source,
        split,
        setting,
        answerable,
        table.analysis,
        [row.candidate for row in table.rows],
        [row.sentence for row in table.rows],
        [table.sentences[row.sentence][0].doc_id for row in table.rows],
        [row.features for row in table.rows],
        np.array(gold, bool),
        np.array(right, bool),
    )


class FeatureSpace:
    """Feature names to matrix columns, fixed by the fitting rows.

    A name must occur in at least ``min_count`` rows to get a column: rarer
    indicator features cannot be weighed reliably and would only bloat the model.
    """

    def __init__(self, rows: Iterable[dict[str, float]], min_count: int = 1) -> None:
        counts: Counter[str] = Counter()
        for row in rows:
            counts.update(name for name, value in row.items() if value)
        self.names = tuple(sorted(name for name, count in counts.items() if count >= min_count))
        self.columns = {name: i for i, name in enumerate(self.names)}

    def matrix(self, rows: Sequence[dict[str, float]]) -> csr_matrix:
        """The rows as a sparse matrix; names outside the space are dropped."""
        from scipy.sparse import csr_matrix

        data, indices, pointers = [], [], [0]
        for row in rows:
            for name, value in row.items():
                column = self.columns.get(name)
                if column is not None and value:
                    indices.append(column)
                    data.append(value)
            pointers.append(len(indices))
        return csr_matrix(
            (np.array(data, dtype=float), np.array(indices, dtype=np.int32), np.array(pointers)),
            shape=(len(rows), len(self.names)),
        )


def fit_ranker(questions: Sequence[TrainingQuestion], penalty: float) -> LinearModel:
    """A listwise ranker: the weights that make each question's gold candidates likeliest.

    The model is a softmax over one question's candidates, ``p_i = exp(w · x_i) /
    sum_j exp(w · x_j)``; the weights maximise, over the fitting questions that
    have a gold candidate, the log of the chance the softmax gives their gold
    candidates, less ``penalty * |w|^2`` (L2), minimised with scipy's L-BFGS (the
    solver of scikit-learn's logistic regression, here on the softmax's own
    likelihood: every candidate of a question competes with the others, as at
    answering time). Features in fewer than :data:`MIN_FEATURE_ROWS` rows are
    left out, and so are weights below :data:`MIN_WEIGHT` once fitted. A softmax
    does not depend on an intercept, so it is 0.
    """
    from scipy.optimize import minimize
    from scipy.sparse import vstack

    answerable = [question for question in questions if question.gold.any()]
    space = FeatureSpace(
        (row for question in answerable for row in question.features), MIN_FEATURE_ROWS
    )
    blocks = [space.matrix(question.features) for question in answerable]
    matrix = vstack(blocks).tocsr()
    bounds = np.cumsum([0] + [block.shape[0] for block in blocks])
    starts = bounds[:-1]
    owner = np.repeat(np.arange(len(blocks)), np.diff(bounds))
    gold = np.concatenate([question.gold for question in answerable]).astype(float)
    weights_of = _weights(answerable)

    def loss(weights: np.ndarray) -> tuple[float, np.ndarray]:
        scores = matrix @ weights
        exp = np.exp(scores - np.maximum.reduceat(scores, starts)[owner])
        total = np.add.reduceat(exp, starts)
        exp_gold = exp * gold
        total_gold = np.add.reduceat(exp_gold, starts)
        log_chance = np.log(total_gold) - np.log(total)
        value = -np.sum(weights_of * log_chance) + penalty * weights @ weights
        scale = weights_of[owner]
        gradient = matrix.T @ (scale * (exp / total[owner] - exp_gold / total_gold[owner]))
        return float(value), gradient + 2.0 * penalty * weights

    fitted = minimize(
        loss,
        np.zeros(len(space.names)),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": RANKER_ITERATIONS},
    )
    kept = np.abs(fitted.x) >= MIN_WEIGHT
    names = tuple(name for name, keep in zip(space.names, kept, strict=True) if keep)
    return LinearModel(names, fitted.x[kept], 0.0)


def chosen_answers(
    questions: Sequence[TrainingQuestion], ranker: LinearModel
) -> list[tuple[dict[str, float], bool, bool]]:
    """Each question's top answer by ``ranker``: its answer features, whether right and gold."""
    chosen = []
    for question in questions:
        scores = ranker.logits(question.features)
        order = ranking(question.candidates, scores, question.sentences)
        best = order[0]
        mass, margin, region = within_document(
            best,
            order,
            question.candidates,
            question.sentences,
            question.documents,
            scores,
            softmax(scores),
        )
        features = answer_features(
            question.analysis,
            question.features[best],
            float(scores[best]),
            margin,
            mass,
            len(question.candidates),
            region,
        )
        chosen.append((features, bool(question.right[best]), bool(question.gold[best])))
    return chosen


def collect_questions(
    squad: Path,
    news_questions_file: Path | None,
    news_corpus: Path | None,
    *,
    progress: Callable[[str], None] = print,
) -> tuple[list[TrainingQuestion], dict[str, int], str]:
    """Every training question's feature table, with its split and labels.

    Returns
    -------
    (list of TrainingQuestion, dict, str)
        The questions, how many news questions each split holds, and the spaCy
        pipeline's name and version.
    """
    from workbench.model import Corpus
    from workbench.qa.answerer import QuestionAnswerer

    started = time.perf_counter()
    data = read_squad_data(squad)
    questions: list[TrainingQuestion] = []
    nlp = None
    for split, positions in (("fit", FIT_ARTICLES), ("validation", VALIDATION_ARTICLES)):
        chosen = select_articles(data, positions)
        rest = [p for p in (*FIT_ARTICLES, *VALIDATION_ARTICLES) if p not in positions]
        others = select_articles(data, rest[:: max(len(rest) // 6, 1)])
        merged = Corpus((*chosen.corpus, *others.corpus))
        answerer = QuestionAnswerer(merged, nlp=nlp, threshold=0.0, min_coverage=0.0)
        nlp = answerer.nlp_
        other_ids = [document.id for document in others.corpus]
        questions += squad_questions(answerer, chosen.questions, split, other_ids, progress)
    news_counts = {"fit": 0, "validation": 0}
    if news_questions_file is not None and news_corpus is not None:
        from workbench.corpus import load_corpus
        from workbench.qa.question_file import load_questions

        split_of_id = _news_splits(news_questions_file)
        items = [item for item in load_questions(news_questions_file) if item.id in split_of_id]
        shared = sorted(
            {
                doc
                for item in items
                if split_of_id[item.id] == NEWS_VALIDATION_SPLIT
                for doc in item.docs
            }
        )
        validation_docs = frozenset(shared[1::2])

        def split_of(item) -> str:
            if split_of_id[item.id] != NEWS_VALIDATION_SPLIT:
                return "fit"
            return "validation" if validation_docs.intersection(item.docs) else "fit"

        answerer = QuestionAnswerer(
            load_corpus(news_corpus), nlp=nlp, threshold=0.0, min_coverage=0.0
        )
        for question in news_questions(answerer, items, split_of):
            questions.append(question)
            news_counts[question.split] += 1
    progress(f"{len(questions)} question tables in {time.perf_counter() - started:.0f} s")
    pipeline = f"{nlp.meta['name']}-{nlp.meta['version']}" if nlp is not None else ""
    return questions, news_counts, pipeline


def train_answer_model(
    squad: Path,
    news_questions_file: Path | None,
    news_corpus: Path | None,
    *,
    command: str,
    progress: Callable[[str], None] = print,
) -> tuple[AnswerModel, list[str]]:
    """Fit the answer model from the data (see the module docstring).

    Returns
    -------
    (AnswerModel, list of str)
        The model, and a report of what was fitted and how it scored on the
        validation questions.
    """
    questions, news_counts, pipeline = collect_questions(
        squad, news_questions_file, news_corpus, progress=progress
    )
    return fit_answer_model(
        questions,
        news_counts,
        pipeline,
        squad=squad,
        news_questions_file=news_questions_file,
        command=command,
        progress=progress,
    )


def fit_answer_model(
    questions: Sequence[TrainingQuestion],
    news_counts: dict[str, int],
    pipeline: str,
    *,
    squad: Path,
    news_questions_file: Path | None,
    command: str,
    progress: Callable[[str], None] = print,
) -> tuple[AnswerModel, list[str]]:
    """Fit the ranker, the confidence and the calibration on collected questions."""
    import scipy
    import sklearn
    import spacy
    from sklearn.isotonic import IsotonicRegression

    fitting = [q for q in questions if q.split == "fit"]
    validation = [q for q in questions if q.split == "validation"]
    report = []
    best = None
    for penalty in RANKER_PENALTIES:
        ranker = fit_ranker(fitting, penalty)
        top = chosen_answers([q for q in validation if q.gold.any()], ranker)
        accuracy = float(np.mean([gold for _, _, gold in top]))
        report.append(
            f"ranker L2 penalty {penalty}: {len(ranker.features)} features, validation top-1 "
            f"exact match {accuracy:.3f} (questions with a gold candidate)"
        )
        progress(report[-1])
        if best is None or accuracy > best[0]:
            best = (accuracy, penalty, ranker)
    assert best is not None
    _, penalty, ranker = best
    # The confidence learns from answers the ranker chose without having seen them: each
    # fold of the fitting questions (consecutive, so by article) is ranked by a ranker
    # fitted on the other folds.
    fit_chosen = []
    size = math.ceil(len(fitting) / FOLDS)
    for fold in range(FOLDS):
        held = fitting[fold * size : (fold + 1) * size]
        rest = fitting[: fold * size] + fitting[(fold + 1) * size :]
        fit_chosen += chosen_answers(held, fit_ranker(rest, penalty))
    validation_chosen = chosen_answers(validation, ranker)
    right = np.array([r for _, r, _ in validation_chosen])
    weights = _weights(validation)
    best_confidence = None
    for leaves in CONFIDENCE_LEAVES:
        confidence = fit_confidence(fit_chosen, _weights(fitting), leaves)
        raw = _sigmoid(confidence.logits([f for f, _, _ in validation_chosen]))
        loss = log_loss(raw, right, weights)
        report.append(
            f"confidence trees of {leaves} leaves: {len(confidence.features)} features, "
            f"validation log loss {loss:.4f}, ROC AUC {roc_auc(raw, right):.3f}"
        )
        progress(report[-1])
        if best_confidence is None or loss < best_confidence[0]:
            best_confidence = (loss, leaves, confidence, raw)
    assert best_confidence is not None
    _, leaves, confidence, raw = best_confidence
    isotonic = IsotonicRegression(out_of_bounds="clip", y_min=0.0, y_max=1.0).fit(
        raw, right, sample_weight=weights
    )
    calibration = Calibration(isotonic.X_thresholds_, isotonic.y_thresholds_)
    calibrated = np.array([calibration(value) for value in raw])
    # Exact: SQuAD's exact match (the answered-EM goal), the news rule for news questions.
    exact = np.array(
        [
            gold if question.source == "squad" else right
            for question, (_, right, gold) in zip(validation, validation_chosen, strict=True)
        ]
    )
    for source in SOURCES:
        chosen = np.array([question.source == source for question in validation])
        if chosen.any():
            report.append(
                f"{source} validation: {int(chosen.sum())} questions, forced answer right "
                f"{right[chosen].mean():.3f}, exact {exact[chosen].mean():.3f}"
            )
    report.append(
        f"confidence of the validation top answers: ROC AUC {roc_auc(raw, right):.3f}; "
        f"calibrated, expected calibration error {reliability(calibrated, right).ece:.3f} "
        "(unweighted)"
    )
    threshold, table = choose_threshold(validation, calibrated, right, exact)
    report += table
    trained = {
        "about": (
            "The answer model of workbench.qa.ranker: a logistic-regression ranker over the "
            "candidate feature table, a gradient-boosted-trees answer confidence, its "
            "isotonic calibration and the answer threshold. Fitted, not written by hand."
        ),
        "command": command,
        "fitted": date.today().isoformat(),
        "data": {
            "squad": {
                "file": squad.name,
                "fit_articles": list(FIT_ARTICLES),
                "validation_articles": list(VALIDATION_ARTICLES),
                "held_out_never_read": "15-29",
                "unanswerable": f"every {NEGATIVE_EVERY}th question asked of another article",
                "open": f"every {OPEN_EVERY}th question (offset 1) asked of the whole corpus",
            },
            "news": {
                "file": news_questions_file.name if news_questions_file else None,
                "splits_read": list(NEWS_SPLITS),
                "validation": f"every other article of the {NEWS_VALIDATION_SPLIT} split",
                "questions": news_counts,
            },
        },
        "settings": {
            "ranker_penalties_tried": list(RANKER_PENALTIES),
            "ranker_penalty": penalty,
            "min_feature_rows": MIN_FEATURE_ROWS,
            "min_weight": MIN_WEIGHT,
            "news_weight": NEWS_WEIGHT,
            "folds": FOLDS,
            "confidence": {
                "model": "HistGradientBoostingClassifier",
                "min_feature_rows": MIN_CONFIDENCE_ROWS,
                "max_leaf_nodes_tried": list(CONFIDENCE_LEAVES),
                "max_leaf_nodes": leaves,
                "max_iter": CONFIDENCE_TREES,
                "learning_rate": CONFIDENCE_LEARNING_RATE,
                "l2_regularization": CONFIDENCE_L2,
            },
            "seed": SEED,
            "target_precision": TARGET_PRECISION,
        },
        "counts": {
            "fitting_questions": len(fitting),
            "validation_questions": len(validation),
            "fitting_candidates": sum(len(q.candidates) for q in fitting),
        },
        "validation": report,
        "versions": {
            "scikit-learn": sklearn.__version__,
            "scipy": scipy.__version__,
            "spacy": spacy.__version__,
            "pipeline": pipeline,
        },
    }
    model = AnswerModel(ranker, confidence, calibration, threshold, trained)
    return model, report


def fit_confidence(
    chosen: Sequence[tuple[dict[str, float], bool, bool]], weights: np.ndarray, leaves: int
) -> TreeEnsemble:
    """The answer confidence: boosted trees fitted on whether each chosen answer is right.

    ``chosen`` holds :func:`chosen_answers`' answers, ``weights`` each one's
    weight; the features are those of at least :data:`MIN_CONFIDENCE_ROWS`
    answers (of all of them, when there are fewer), a lacking one counting 0,
    and each tree has at most ``leaves`` leaves.
    """
    from sklearn.ensemble import HistGradientBoostingClassifier

    counts = Counter(name for features, _, _ in chosen for name in features)
    least = min(MIN_CONFIDENCE_ROWS, len(chosen))
    names = tuple(sorted(name for name, count in counts.items() if count >= least))
    dense = dense_matrix([f for f, _, _ in chosen], {name: i for i, name in enumerate(names)})
    model = HistGradientBoostingClassifier(
        learning_rate=CONFIDENCE_LEARNING_RATE,
        max_iter=CONFIDENCE_TREES,
        max_leaf_nodes=leaves,
        l2_regularization=CONFIDENCE_L2,
        early_stopping=False,
        random_state=SEED,
    ).fit(dense, np.array([right for _, right, _ in chosen]), sample_weight=weights)
    return trees_of(model, names)


def trees_of(model, names: Sequence[str]) -> TreeEnsemble:
    """A fitted binary ``HistGradientBoostingClassifier`` as a :class:`TreeEnsemble`.

    Its ``decision_function`` on a matrix whose columns are ``names`` is the
    ensemble's :meth:`~TreeEnsemble.logits` on the same rows as dicts. Reads the
    trees scikit-learn keeps (``_predictors``, ``_baseline_prediction``): there
    is no public accessor. A split on missing values only (threshold infinity)
    becomes the largest float, which every number is at most.
    """
    if getattr(model, "n_trees_per_iteration_", None) != 1:
        raise ValueError("trees_of needs a fitted binary HistGradientBoostingClassifier")
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        if nodes["is_categorical"].any():
            raise ValueError("trees_of reads numeric splits only, not categorical ones")
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": np.where(leaf, -1, nodes["feature_idx"].astype(np.intp)),
                "threshold": np.where(
                    leaf, 0.0, np.minimum(nodes["num_threshold"], np.finfo(float).max)
                ),
                "left": np.where(leaf, -1, nodes["left"].astype(np.intp)),
                "right": np.where(leaf, -1, nodes["right"].astype(np.intp)),
                "value": np.where(leaf, nodes["value"], 0.0),
                "missing_left": ~leaf & nodes["missing_go_to_left"].astype(bool),
            }
        )
    return TreeEnsemble(tuple(names), float(model._baseline_prediction[0, 0]), tuple(trees))


def log_loss(chances: np.ndarray, right: np.ndarray, weights: np.ndarray) -> float:
    """The weighted mean negative log chance given to what happened (lower is better)."""
    chances = np.clip(chances, 1e-12, 1.0 - 1e-12)
    losses = -np.where(right, np.log(chances), np.log(1.0 - chances))
    return float(np.sum(weights * losses) / np.sum(weights))


def roc_auc(scores: np.ndarray, right: np.ndarray) -> float:
    """The chance that a right answer scores above a wrong one (ties count half)."""
    from sklearn.metrics import roc_auc_score

    if right.all() or not right.any():
        return 0.5
    return float(roc_auc_score(right, scores))


def _sigmoid(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logits))


def choose_threshold(
    validation: Sequence[TrainingQuestion],
    calibrated: np.ndarray,
    right: np.ndarray,
    exact: np.ndarray,
) -> tuple[float, list[str]]:
    """The answer threshold, and the table of what each threshold of :data:`THRESHOLDS` gives.

    For each threshold: the SQuAD questions asked of their own paragraph that
    get an answer and how many of those answers are exact (the answered exact
    match of ``workbench eval squad``), and the news questions answered rightly
    by the rule of ``workbench eval qa`` (an answer that is right, or no answer
    to an unanswerable question). The threshold chosen is the one with the most
    news questions right among those whose SQuAD answers are exact at least
    :data:`TARGET_PRECISION` of the time; a tie goes to the lower threshold, which
    answers more.
    ``calibrated`` holds each validation question's confidence, ``right`` and
    ``exact`` whether its best answer is right and exact.
    """
    paragraph = np.array([q.setting == "paragraph" for q in validation])
    news = np.array([q.source == "news" for q in validation])
    answerable = np.array([q.answerable for q in validation])
    table, best = [], None
    for candidate in THRESHOLDS:
        given = calibrated >= candidate
        squad_given = given & paragraph
        precision = float(exact[squad_given].mean()) if squad_given.any() else 0.0
        news_right = np.where(answerable, given & right, ~given)[news]
        accuracy = float(news_right.mean()) if news.any() else 0.0
        table.append(
            f"threshold {candidate:.3f}: SQuAD {int(squad_given.sum())} of "
            f"{int(paragraph.sum())} answered, exact {precision:.3f}; news right "
            f"{accuracy:.3f} of {int(news.sum())}"
        )
        if precision >= TARGET_PRECISION and (best is None or accuracy > best[0]):
            best = (accuracy, candidate)
    threshold = best[1] if best is not None else THRESHOLDS[-1]
    table.append(
        f"chosen threshold {threshold} (most news questions right with SQuAD answers exact "
        f">= {TARGET_PRECISION})"
    )
    return threshold, table


def _weights(questions: Sequence[TrainingQuestion]) -> np.ndarray:
    """Each question's weight in fitting the confidence: :data:`NEWS_WEIGHT` for news."""
    return np.array([NEWS_WEIGHT if q.source == "news" else 1.0 for q in questions])


def _news_splits(path: Path) -> dict[str, str]:
    """The split of each line whose ``split`` is in :data:`NEWS_SPLITS`; others are never read."""
    splits = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            if record.get("split") in NEWS_SPLITS:
                splits[record["id"]] = record["split"]
    return splits
