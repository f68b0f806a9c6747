"""A linear-chain conditional random field over sequences of feature strings: training and marginals.

The model scores a labelling ``y`` of a sequence as the sum of the weights of (feature, label) pairs of
its tokens plus the weights of its label transitions; ``P(y | x)`` is that score's softmax over all
labellings. :func:`fit` maximises the log-likelihood of the training labels with an L1 and an L2
penalty (``c1 * |w|_1 + c2 * |w|^2``), by L-BFGS-B on the weights split into positive and negative
parts (so that the L1 penalty is smooth and drives most weights to exactly zero). As in CRFsuite
(Okazaki 2007), whose defaults these follow, only (feature, label) pairs seen in the training data get
a weight. :meth:`CRF.marginals` gives each token's probability of each label (forward-backward).

Sequences are processed in batches of similar length, padded, with the recursions vectorised over the
batch (numpy); with the three labels of the loaded-language detector a batch step is a few small array
operations, so sentences rather than whole articles are the sequences.

A model is plain data (:meth:`CRF.to_json` / :meth:`CRF.from_json`): the labels, the transition weights
and the non-zero weights of each feature; the same data and settings give the same bytes.

>>> crf = fit([[["w=vile"], ["w=lie"]]], [["LL", "O"]], c1=0.0, c2=0.1)     # doctest: +SKIP
>>> crf.marginals([["w=vile"], ["w=lie"]]).round(2)                         # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # SciPy is imported where a model is trained: applying one needs NumPy alone
    from scipy import sparse

#: A sequence: one list of feature strings per token.
Sequence_ = Sequence[Sequence[str]]
#: Sequences of at most this many tokens per padded batch step group (longer ones go in batches of
#: their own length class): keeps padding, hence wasted work, small.
BATCH_TOKENS = 20_000
#: Significant digits of the weights written to a model file (enough that the marginals do not change
#: in the fourth decimal).
DIGITS = 6


class CRF:
    """A trained linear-chain CRF: ``labels``, ``transitions[i, j]`` (weight of label i followed by j)
    and ``weights`` (feature string -> row of ``state``, one weight per label)."""

    def __init__(self, labels: Sequence[str], features: dict[str, int], state: np.ndarray,
                 transitions: np.ndarray):
        self.labels = tuple(labels)
        self.features = features
        self.state = np.asarray(state, dtype=np.float64)
        self.transitions = np.asarray(transitions, dtype=np.float64)

    def emissions(self, sequence: Sequence_) -> np.ndarray:
        """``(n, labels)`` summed state weights of each token's known features."""
        index = self.features
        rows, lengths = [], []
        for token in sequence:
            found = {index[f] for f in token if f in index}
            rows += found
            lengths.append(len(found))
        return _token_sums(self.state, np.asarray(rows, dtype=np.int64), np.asarray(lengths, dtype=np.int64))

    def marginals(self, sequence: Sequence_, starts: Sequence[int] = (0,)) -> np.ndarray:
        """``(n, labels)``: each token's probability of each label. ``starts`` cut the tokens into
        independent sequences (sentence starts; the first must be 0)."""
        n = len(sequence)
        if not n:
            return np.zeros((0, len(self.labels)))
        return chain_marginals(self.emissions(sequence), self.transitions, _bounds(starts, n))

    def size(self) -> int:
        """The number of non-zero state weights."""
        return int(np.count_nonzero(self.state))

    def to_json(self) -> str:
        """The model as JSON: labels, transitions and the non-zero weights by feature (sorted)."""
        kept = {f: [_round(w) for w in self.state[i]] for f, i in sorted(self.features.items())
                if np.any(self.state[i] != 0)}
        data = {"labels": list(self.labels), "transitions": [[_round(w) for w in row] for row in self.transitions],
                "weights": kept}
        return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str) -> "CRF":
        """A model written by :meth:`to_json`. Raises ValueError (or KeyError) for other data."""
        data = json.loads(text)
        labels = data["labels"]
        weights = data["weights"]
        features = {f: i for i, f in enumerate(weights)}
        state = np.array(list(weights.values()), dtype=np.float64).reshape(len(weights), len(labels))
        transitions = np.array(data["transitions"], dtype=np.float64)
        if transitions.shape != (len(labels), len(labels)):
            raise ValueError("transitions do not match the labels")
        return cls(labels, features, state, transitions)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def _token_sums(state: np.ndarray, rows: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Per token, the sum of the ``state`` rows listed for it (``lengths[k]`` rows for token ``k``)."""
    out = np.zeros((len(lengths), state.shape[1]))
    if len(rows):
        owners = np.repeat(np.arange(len(lengths)), lengths)
        np.add.at(out, owners, state[rows])
    return out


def _bounds(starts: Sequence[int], n: int) -> list[tuple[int, int]]:
    cuts = sorted({0, *(s for s in starts if 0 < s < n)})
    return list(zip(cuts, [*cuts[1:], n]))


def _batches(bounds: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Sequences grouped by length (sorted), each group at most :data:`BATCH_TOKENS` padded tokens."""
    ordered = sorted(bounds, key=lambda b: (b[1] - b[0], b[0]))
    groups: list[list[tuple[int, int]]] = []
    for bound in ordered:
        length = bound[1] - bound[0]
        if groups and (len(groups[-1]) + 1) * length <= BATCH_TOKENS:
            groups[-1].append(bound)
        else:
            groups.append([bound])
    return groups


def _forward_backward(emit: np.ndarray, mask: np.ndarray, transitions: np.ndarray
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Scaled forward-backward over a padded batch: ``emit`` (B, T, L) scores, ``mask`` (B, T) true on
    real tokens (a prefix of each row). Returns node marginals (B, T, L), the summed pair marginals
    (L, L) and log Z of each sequence (B,)."""
    n_batch, length, n_labels = emit.shape
    top = emit.max(axis=2, keepdims=True)
    potential = np.exp(emit - top) * mask[:, :, None]  # padded positions: zero (never reached)
    expt = np.exp(transitions - transitions.max())
    alpha = np.empty_like(potential)
    scale = np.ones((n_batch, length))
    a = potential[:, 0]
    scale[:, 0] = a.sum(axis=1)
    alpha[:, 0] = a / scale[:, 0, None]
    for t in range(1, length):
        a = (alpha[:, t - 1] @ expt) * potential[:, t]
        s = a.sum(axis=1)
        live = mask[:, t]
        s = np.where(live, s, 1.0)
        alpha[:, t] = np.where(live[:, None], a / s[:, None], 0.0)
        scale[:, t] = s
    beta = np.zeros_like(potential)
    lengths = mask.sum(axis=1)
    beta[np.arange(n_batch), lengths - 1] = 1.0
    pairs = np.zeros((n_labels, n_labels))
    for t in range(length - 2, -1, -1):
        live = mask[:, t + 1]
        nxt = potential[:, t + 1] * beta[:, t + 1] / scale[:, t + 1, None]
        b = nxt @ expt.T
        beta[:, t] = np.where(live[:, None], b, beta[:, t])
        pairs += expt * (alpha[:, t].T @ nxt)  # padded rows have nxt = 0
    marg = alpha * beta
    log_scale = np.log(scale).sum(axis=1) + (top[:, :, 0] * mask).sum(axis=1)
    log_z = log_scale + (lengths - 1) * transitions.max()
    return marg, pairs, log_z


def chain_marginals(emit: np.ndarray, transitions: np.ndarray, bounds: Sequence[tuple[int, int]]) -> np.ndarray:
    """Per-token label probabilities for the sequences ``bounds`` (start, end) of the token scores ``emit``."""
    out = np.zeros_like(emit)
    for group in _batches(bounds):
        batch, mask = _pad(emit, group)
        marg, _, _ = _forward_backward(batch, mask, transitions)
        for k, (start, end) in enumerate(group):
            out[start:end] = marg[k, :end - start]
    return out


def _pad(values: np.ndarray, group: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    length = max(end - start for start, end in group)
    batch = np.zeros((len(group), length, values.shape[1]))
    mask = np.zeros((len(group), length), dtype=bool)
    for k, (start, end) in enumerate(group):
        batch[k, :end - start] = values[start:end]
        mask[k, :end - start] = True
    return batch, mask


@dataclass
class Encoded:
    """Sequences as a sparse matrix: ``x`` (tokens x features, 0/1), the ``gold`` label code of each
    token, the ``bounds`` (start, end) of each sequence in the rows, and the feature names by column."""

    x: sparse.csr_matrix
    gold: np.ndarray
    bounds: list[tuple[int, int]]
    names: list[str]


def encode(sequences: Sequence[Sequence_], labels: Sequence[Sequence[str]], label_names: Sequence[str],
           index: dict[str, int] | None = None) -> Encoded:
    """Encode ``sequences`` and their ``labels`` (one per token); ``index`` (feature -> column) is
    extended with new features, so that several calls share columns. Raises ValueError for a sequence
    and labels of different lengths, or an unknown label."""
    index = {} if index is None else index
    code = {name: k for k, name in enumerate(label_names)}
    cols: list[int] = []
    lengths: list[int] = []
    gold: list[int] = []
    bounds = []
    for sequence, tags in zip(sequences, labels):
        if len(sequence) != len(tags):
            raise ValueError("a sequence and its labels differ in length")
        start = len(gold)
        for token, tag in zip(sequence, tags):
            found = {index.setdefault(f, len(index)) for f in token}
            cols += sorted(found)
            lengths.append(len(found))
            if tag not in code:
                raise ValueError(f"unknown label {tag!r}")
            gold.append(code[tag])
        if len(sequence):
            bounds.append((start, len(gold)))
    from scipy import sparse

    indptr = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
    x = sparse.csr_matrix((np.ones(len(cols)), np.asarray(cols, dtype=np.int64), indptr),
                          shape=(len(gold), len(index)))
    names = [""] * len(index)
    for name, j in index.items():
        names[j] = name
    return Encoded(x, np.asarray(gold, dtype=np.int64), bounds, names)


class _Problem:
    """The training objective over encoded sequences, its gradient, and the parameter layout."""

    def __init__(self, data: Encoded, n_labels: int):
        x, gold = data.x, data.gold
        self.x, self.gold, self.n_labels = x, gold, n_labels
        self.batches = _batches(data.bounds)
        from scipy import sparse

        n_tokens = len(gold)
        onehot = sparse.csr_matrix((np.ones(n_tokens), (np.arange(n_tokens), gold)), shape=(n_tokens, n_labels))
        observed = (x.T @ onehot).toarray()  # how often each feature is seen with each label
        self.allowed = np.flatnonzero(observed.ravel() > 0)  # the (feature, label) pairs with a weight
        self.observed = observed.ravel()[self.allowed]
        self.gold_pairs = np.zeros((n_labels, n_labels))
        inner = np.ones(n_tokens, dtype=bool)
        inner[[start for start, _ in data.bounds]] = False
        np.add.at(self.gold_pairs, (gold[:-1][inner[1:]], gold[1:][inner[1:]]), 1.0)

    def state(self, weights: np.ndarray) -> np.ndarray:
        full = np.zeros(self.x.shape[1] * self.n_labels)
        full[self.allowed] = weights
        return full.reshape(self.x.shape[1], self.n_labels)

    def loss(self, weights: np.ndarray, transitions: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
        """Negative log-likelihood and its gradients (state pairs, transitions)."""
        emit = np.asarray(self.x @ self.state(weights))
        marg = np.zeros_like(emit)
        pairs = np.zeros_like(transitions)
        log_z = 0.0
        for group in self.batches:
            batch, mask = _pad(emit, group)
            m, p, z = _forward_backward(batch, mask, transitions)
            for k, (start, end) in enumerate(group):
                marg[start:end] = m[k, :end - start]
            pairs += p
            log_z += z.sum()
        gold_score = emit[np.arange(len(self.gold)), self.gold].sum() + (self.gold_pairs * transitions).sum()
        expected = np.asarray(self.x.T @ marg).ravel()[self.allowed]
        return log_z - gold_score, expected - self.observed, pairs - self.gold_pairs


def fit_encoded(data: Encoded, label_names: Sequence[str], *, c1: float = 0.5, c2: float = 0.01,
                max_iterations: int = 200, progress: Callable[[int], None] | None = None) -> CRF:
    """Train a CRF on ``data`` (see :func:`fit`); its features are all the columns of ``data`` (those
    never seen in it keep a zero weight, and :meth:`CRF.to_json` leaves them out)."""
    from scipy.optimize import minimize

    names = tuple(label_names)
    n_labels = len(names)
    problem = _Problem(data, n_labels)
    n_pairs = len(problem.allowed)

    def objective(z: np.ndarray) -> tuple[float, np.ndarray]:
        positive, negative = z[:n_pairs], z[n_pairs:2 * n_pairs]
        weights = positive - negative
        transitions = z[2 * n_pairs:].reshape(n_labels, n_labels)
        value, grad_w, grad_t = problem.loss(weights, transitions)
        value += c1 * (positive.sum() + negative.sum()) + c2 * (weights @ weights + (transitions ** 2).sum())
        grad_w = grad_w + 2 * c2 * weights
        grad_t = grad_t + 2 * c2 * transitions
        return value, np.concatenate([grad_w + c1, -grad_w + c1, grad_t.ravel()])

    start = np.zeros(2 * n_pairs + n_labels * n_labels)
    bounds = [(0.0, None)] * (2 * n_pairs) + [(None, None)] * (n_labels * n_labels)
    iteration = [0]

    def step(_: np.ndarray) -> None:
        iteration[0] += 1
        if progress is not None:
            progress(iteration[0])

    result = minimize(objective, start, jac=True, method="L-BFGS-B", bounds=bounds, callback=step,
                      options={"maxiter": max_iterations, "maxcor": 10})
    z = result.x
    state = problem.state(z[:n_pairs] - z[n_pairs:2 * n_pairs])
    transitions = z[2 * n_pairs:].reshape(n_labels, n_labels)
    return CRF(names, {name: j for j, name in enumerate(data.names)}, state, transitions)


def fit(sequences: Sequence[Sequence_], labels: Sequence[Sequence[str]], *, c1: float = 0.5, c2: float = 0.01,
        max_iterations: int = 200, label_names: Sequence[str] | None = None,
        progress: Callable[[int], None] | None = None) -> CRF:
    """Train a CRF on ``sequences`` (lists of tokens' feature strings) and their ``labels`` (one label
    per token). ``c1``/``c2``: L1/L2 penalty; ``max_iterations`` of L-BFGS-B; ``label_names`` fixes the
    label order (default: sorted labels seen); ``progress(i)`` is called after each iteration.
    Deterministic: the same input gives the same weights. Raises ValueError for mismatched lengths."""
    names = tuple(label_names) if label_names is not None else tuple(sorted({t for tags in labels for t in tags}))
    return fit_encoded(encode(sequences, labels, names), names, c1=c1, c2=c2, max_iterations=max_iterations,
                       progress=progress)
