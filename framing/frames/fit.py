"""Fitting a frames model on featurised, labelled articles (scikit-learn), and measuring it.

The design, chosen by cross-validation on the SemEval-2023 Task 3 articles (see ``benchmarks/README.md``):

- features (:mod:`framing.frames.features`): sublinear TF-IDF over the lemmas found in at least
  :data:`MIN_DF` training articles, L2-normalised, next to the cue features (hits per 1,000 words and
  ``log(1 + hits)`` per frame), standardised on the training articles and scaled by a weight ``w``;
- one L2-regularised logistic regression per frame, with balanced class weights (liblinear);
- one threshold for all frames, tuned for micro-F1, and the rule that the ``min_k`` highest-scoring
  frames are always present;
- the regularisation ``C``, the weight ``w`` of the cue features and ``min_k`` are chosen from
  :data:`GRID` by an inner cross-validation on the training articles only (mean of micro- and
  macro-F1), and the threshold on the out-of-fold scores of the chosen setting.

Folds are made by iterative multi-label stratification (Sechidis, Tsoumakas & Vlahavas 2011), so that
rare frames fall into every fold. Everything is deterministic for a given ``seed``: the same articles
give the same model, byte for byte. scikit-learn is needed here only; reading and applying a model
needs NumPy alone (:mod:`framing.frames.model`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from framing.frames.features import DocFeatures, cue_features
from framing.frames.model import FramesModel, select, sigmoid

#: A term enters the vocabulary when it occurs in at least this many training articles.
MIN_DF = 2
#: Settings tried by the inner cross-validation; the first of equal scores wins.
GRID = tuple({"C": c, "w": w, "min_k": k} for c in (0.1, 0.3, 1.0) for w in (0.05, 0.1) for k in (0, 3))
#: Folds of the inner cross-validation.
INNER_FOLDS = 5
#: Score of a frame that no training article (or every one) carries: it is never (always) present.
CONSTANT = 10.0

Progress = Callable[[int], None]


def iterative_folds(Y: np.ndarray, k: int, seed: int) -> np.ndarray:
    """The fold (0..k-1) of each row of the 0/1 label matrix ``Y``, by iterative stratification:
    the rarest remaining label is dealt out first, each of its rows to the fold that most lacks it."""
    Y = np.asarray(Y, dtype=int)
    rng = np.random.RandomState(seed)
    n = len(Y)
    fold = -np.ones(n, dtype=int)
    desired = np.full(k, n / k)
    desired_label = np.tile(Y.sum(0) / k, (k, 1)).astype(float)
    remaining = np.ones(n, bool)
    while remaining.any():
        counts = Y[remaining].sum(0)
        if counts.sum() == 0:
            for i in rng.permutation(np.flatnonzero(remaining)):
                best = np.flatnonzero(desired == desired.max())
                f = best[rng.randint(len(best))]
                fold[i] = f
                desired[f] -= 1
                remaining[i] = False
            break
        rarest = np.flatnonzero(counts == counts[counts > 0].min())
        label = rarest[rng.randint(len(rarest))]
        for i in rng.permutation(np.flatnonzero(remaining & (Y[:, label] == 1))):
            want = desired_label[:, label]
            best = np.flatnonzero(want == want.max())
            if len(best) > 1:
                best = best[desired[best] == desired[best].max()]
            f = best[rng.randint(len(best))]
            fold[i] = f
            remaining[i] = False
            desired_label[f] -= Y[i]
            desired[f] -= 1
    return fold


def f1_scores(Y: np.ndarray, D: np.ndarray) -> tuple[float, float, np.ndarray]:
    """(micro-F1, macro-F1, F1 of each frame) of decisions ``D`` against labels ``Y`` (0/1 matrices).
    A frame with no true and no predicted article scores 0, as scikit-learn's ``zero_division=0``."""
    Y, D = np.asarray(Y, dtype=int), np.asarray(D, dtype=int)
    tp = (D & Y).sum(0)
    fp = (D & (1 - Y)).sum(0)
    fn = ((1 - D) & Y).sum(0)
    micro = 2 * tp.sum() / max(2 * tp.sum() + fp.sum() + fn.sum(), 1)
    per = np.where(2 * tp + fp + fn > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1), 0.0)
    return float(micro), float(per.mean()), per


class Prepared:
    """The training articles in a form the fits share: term counts and raw cue features."""

    def __init__(self, features: Sequence[DocFeatures], n_frames: int):
        self.counts = [f.term_counts() for f in features]
        self.cues = np.array([cue_features(f.cue_counts(n_frames), f.n_words) for f in features]).reshape(
            len(features), 2 * n_frames)

    def vocabulary(self, rows: np.ndarray) -> tuple[list[str], np.ndarray]:
        """The terms of at least MIN_DF of ``rows`` (sorted) and their smoothed idf."""
        df: dict[str, int] = {}
        for i in rows:
            for term in self.counts[i]:
                df[term] = df.get(term, 0) + 1
        vocab = sorted(t for t, d in df.items() if d >= MIN_DF)
        n = len(rows)
        return vocab, np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab])

    def tfidf(self, rows: np.ndarray, index: dict[str, int], idf: np.ndarray):
        """Sparse L2-normalised sublinear TF-IDF rows."""
        from scipy import sparse

        data, columns, pointers = [], [], [0]
        for i in rows:
            items = sorted((index[t], c) for t, c in self.counts[i].items() if t in index)
            values = np.array([(1.0 + math.log(c)) * idf[j] for j, c in items])
            norm = float(np.sqrt((values ** 2).sum())) or 1.0
            data.extend((values / norm).tolist())
            columns.extend(j for j, _ in items)
            pointers.append(len(columns))
        return sparse.csr_matrix((data, columns, pointers), shape=(len(rows), len(idf)))


def _fit_linear(prep: Prepared, Y: np.ndarray, rows: np.ndarray, C: float, w: float, seed: int):
    """One logistic regression per frame on ``rows``: (vocab, idf, W, Wcue on raw cue features, bias)."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    vocab, idf = prep.vocabulary(rows)
    X = prep.tfidf(rows, {t: j for j, t in enumerate(vocab)}, idf)
    raw = prep.cues[rows]
    mean, sd = raw.mean(0), raw.std(0) + 1e-9
    XZ = sparse.hstack([X, sparse.csr_matrix(w * (raw - mean) / sd)]).tocsr()
    n_frames, n_terms = Y.shape[1], len(vocab)
    W = np.zeros((n_frames, n_terms))
    Wcue = np.zeros((n_frames, raw.shape[1]))
    bias = np.zeros(n_frames)
    for j in range(n_frames):
        y = Y[rows, j]
        if y.min() == y.max():  # no article (or every one) has this frame
            bias[j] = CONSTANT if y[0] else -CONSTANT
            continue
        fitted = LogisticRegression(C=C, class_weight="balanced", solver="liblinear", max_iter=2000,
                                    random_state=seed).fit(XZ, y)
        coef = fitted.coef_[0]
        W[j] = coef[:n_terms]
        Wcue[j] = coef[n_terms:] * w / sd  # the standardisation folded into the raw-feature weights
        bias[j] = fitted.intercept_[0] - (coef[n_terms:] * w * mean / sd).sum()
    return vocab, idf, W, Wcue, bias


def _decision_rows(prep: Prepared, rows: np.ndarray, vocab, idf, W, Wcue, bias) -> np.ndarray:
    X = prep.tfidf(rows, {t: j for j, t in enumerate(vocab)}, idf)
    return np.asarray(X @ W.T) + prep.cues[rows] @ Wcue.T + bias


def tune_threshold(P: np.ndarray, Y: np.ndarray, min_k: int) -> float:
    """The threshold (among quantiles of the scores ``P``) with the best micro-F1; the lowest of equals."""
    candidates = np.unique(np.round(np.quantile(P, np.linspace(0.02, 0.98, 97)), 6))
    best, chosen = -1.0, 0.5
    for t in candidates:
        micro = f1_scores(Y, select(P, t, min_k))[0]
        if micro > best + 1e-12:
            best, chosen = micro, float(t)
    return chosen


def fit(features: Sequence[DocFeatures], Y: np.ndarray, frames: Sequence[str], cues: Sequence[tuple[str, str]],
        *, seed: int = 0, grid: Sequence[dict] = GRID, inner_folds: int = INNER_FOLDS,
        progress: Progress | None = None, meta: dict | None = None) -> FramesModel:
    """A frames model fitted on ``features`` with labels ``Y`` (articles x frames, 0/1); the setting
    of :data:`GRID` is chosen by inner cross-validation (see the module docs). ``cues``: the (entry,
    frame) pairs the cue features were found with, stored in the model. ``progress`` is called with 1
    after each fit."""
    Y = np.asarray(Y, dtype=int)
    prep = Prepared(features, len(frames))
    n = len(features)
    rows = np.arange(n)
    inner = iterative_folds(Y, min(inner_folds, n), seed + 1)
    scores: dict[tuple[float, float], np.ndarray] = {}
    results = []
    for setting in grid:
        key = (setting["C"], setting["w"])
        if key not in scores:
            P = np.zeros(Y.shape)
            for f in range(inner.max() + 1):
                train, test = rows[inner != f], rows[inner == f]
                P[test] = sigmoid(_decision_rows(prep, test, *_fit_linear(prep, Y, train, setting["C"],
                                                                           setting["w"], seed)))
                if progress:
                    progress(1)
            scores[key] = P
        threshold = tune_threshold(scores[key], Y, setting["min_k"])
        micro, macro, _ = f1_scores(Y, select(scores[key], threshold, setting["min_k"]))
        results.append(((micro + macro) / 2, micro, macro, threshold, setting))
    _, micro, macro, threshold, setting = max(results, key=lambda r: r[0])  # max keeps the first of equals
    vocab, idf, W, Wcue, bias = _fit_linear(prep, Y, rows, setting["C"], setting["w"], seed)
    if progress:
        progress(1)
    info = {**(meta or {}), "setting": dict(setting), "inner_micro_f1": round(micro, 4),
            "inner_macro_f1": round(macro, 4), "seed": seed, "articles": n,
            "articles_per_frame": {f: int(c) for f, c in zip(frames, Y.sum(0))}}
    return FramesModel(frames=tuple(frames), vocab=tuple(vocab), idf=idf.astype(np.float32),
                       W=W.astype(np.float32), Wcue=Wcue.astype(np.float32), bias=bias.astype(np.float32),
                       threshold=threshold, min_k=int(setting["min_k"]), cues=tuple(cues), meta=info)


def fits_per_model(grid: Sequence[dict] = GRID, inner_folds: int = INNER_FOLDS) -> int:
    """How many fits :func:`fit` makes (for a progress bar)."""
    return len({(s["C"], s["w"]) for s in grid}) * inner_folds + 1


@dataclass(frozen=True)
class Evaluation:
    """Held-out scores of k-fold cross-validation: micro- and macro-F1 of each test fold, pooled over
    all out-of-fold decisions, and per frame (pooled); ``labels_per_article``: predicted, on average."""

    folds: int
    seed: int
    micro: tuple[float, ...]
    macro: tuple[float, ...]
    pooled_micro: float
    pooled_macro: float
    per_frame: dict[str, float]
    labels_per_article: float

    @property
    def mean_micro(self) -> float:
        return float(np.mean(self.micro))

    @property
    def mean_macro(self) -> float:
        return float(np.mean(self.macro))

    def line(self) -> str:
        return (f"micro-F1 {self.mean_micro:.3f} ± {np.std(self.micro):.3f}, macro-F1 {self.mean_macro:.3f} ± "
                f"{np.std(self.macro):.3f} (mean ± sd over {self.folds} folds; pooled {self.pooled_micro:.3f} / "
                f"{self.pooled_macro:.3f})")


def evaluate(decide: Callable[[np.ndarray, np.ndarray], np.ndarray], Y: np.ndarray, frames: Sequence[str], *,
             folds: int = 5, seed: int = 0) -> Evaluation:
    """k-fold cross-validation of ``decide(train_rows, test_rows) -> 0/1 decisions of the test rows``
    against the labels ``Y`` (folds by :func:`iterative_folds`)."""
    Y = np.asarray(Y, dtype=int)
    fold = iterative_folds(Y, folds, seed)
    D = np.zeros_like(Y)
    micro, macro = [], []
    for f in range(folds):
        train, test = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        D[test] = decide(train, test)
        a, b, _ = f1_scores(Y[test], D[test])
        micro.append(a)
        macro.append(b)
    pooled_micro, pooled_macro, per = f1_scores(Y, D)
    return Evaluation(folds, seed, tuple(micro), tuple(macro), pooled_micro, pooled_macro,
                      {f: float(v) for f, v in zip(frames, per)}, float(D.sum(1).mean()))


def cross_validate(features: Sequence[DocFeatures], Y: np.ndarray, frames: Sequence[str],
                   cues: Sequence[tuple[str, str]], *, folds: int = 5, seed: int = 0,
                   progress: Progress | None = None) -> Evaluation:
    """Held-out scores of the whole training procedure (:func:`fit`, its inner search included): in
    each of ``folds`` folds a model is fitted on the other folds and decides the articles of this one."""
    def decide(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        model = fit([features[i] for i in train], Y[train], frames, cues, seed=seed, progress=progress)
        return np.array([model.score(features[i])[1] for i in test], dtype=int)

    return evaluate(decide, Y, frames, folds=folds, seed=seed)
