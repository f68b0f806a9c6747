"""Distinctive terms: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008), one group against the rest, as z-scores. Sentence text is split by a regular expression, nothing
more: measures never parse."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from framing.measures.groups import By, by_columns, groups, with_groups

#: Word tokens for distinctive terms: runs of letters, joined by inner apostrophes or hyphens
#: ("didn't", "so-called"); digits and punctuation are not terms.
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (curly apostrophes made straight): the terms counted by
    :func:`term_counts`."""
    return [t.replace("\u2019", "'") for t in TOKEN.findall(text.lower())]


def term_counts(sentences: pd.DataFrame, articles: pd.DataFrame, *, by: By = "outlet",
                stop_words: Iterable[str] = ()) -> pd.DataFrame:
    """How often each term occurs in each group's sentences: columns ``by``, ``term``, ``count``
    (terms in ``stop_words`` left out)."""
    cols = by_columns(by)
    skip = frozenset(stop_words)
    found = with_groups(sentences[["doc_id", "text"]], articles, cols)
    rows = []
    for key, texts in found.groupby(cols, dropna=False, sort=True)["text"]:
        key = key if isinstance(key, tuple) else (key,)
        counts: dict[str, int] = {}
        for text in texts:
            for term in tokenize(str(text)):
                if term not in skip:
                    counts[term] = counts.get(term, 0) + 1
        rows.extend((*key, term, n) for term, n in counts.items())
    out = pd.DataFrame(rows, columns=[*cols, "term", "count"])
    out["count"] = out["count"].astype("int64")
    return out.sort_values([*cols, "term"]).reset_index(drop=True)


def log_odds_z(counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weighted log-odds ratio of each term in ``i`` against ``j`` with a Dirichlet prior (Monroe,
    Colaresi & Quinn 2008, eqs. 16, 20, 22); the three arrays are aligned term by term.

    With ``a0 = sum(prior)``, ``n_i = sum(counts_i)``:
    ``delta = log((y_i + a) / (n_i + a0 - y_i - a)) - log((y_j + a) / (n_j + a0 - y_j - a))``,
    ``var = 1 / (y_i + a) + 1 / (y_j + a)``, ``z = delta / sqrt(var)``. Returns ``(delta, var, z)``.
    """
    y_i, y_j, a = (np.asarray(x, dtype=float) for x in (counts_i, counts_j, prior))
    a0, n_i, n_j = a.sum(), y_i.sum(), y_j.sum()
    delta = np.log((y_i + a) / (n_i + a0 - y_i - a)) - np.log((y_j + a) / (n_j + a0 - y_j - a))
    var = 1 / (y_i + a) + 1 / (y_j + a)
    return delta, var, delta / np.sqrt(var)


def distinctive_terms(sentences: pd.DataFrame, articles: pd.DataFrame, *, by: By = "outlet",
                      prior_size: float | None = None, min_count: int = 1,
                      stop_words: Iterable[str] = ()) -> pd.DataFrame:
    """Terms that set each group apart from all the others, as log-odds z-scores.

    Terms are the lower-cased word tokens of ``sentences.text`` (:func:`tokenize`), without
    ``stop_words`` (none by default: the prior and the variance already keep frequent function words
    from dominating large corpora; small ones read better without them). Each group is compared
    with the pooled rest of the corpus (with two groups: one with the other) by :func:`log_odds_z`; the
    informative prior is the pooled corpus' term distribution scaled to ``prior_size`` pseudo-words
    (default: the corpus size, i.e. the prior counts are the corpus counts, as in tidylo).

    Returns one row per group and term with the ``by`` columns, ``articles`` and ``words`` (the
    group's articles and the word tokens counted in them), ``term``, ``count`` (in the group),
    ``count_rest``, ``delta``, ``var`` and ``z`` (positive: typical of the group), sorted by group and
    descending ``z``; terms with fewer than ``min_count`` uses in the whole corpus are left out.
    """
    cols = by_columns(by)
    counts = term_counts(sentences, articles, by=cols, stop_words=stop_words)
    columns = [*cols, "articles", "words", "term", "count", "count_rest", "delta", "var", "z"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    wide = counts.pivot_table(index="term", columns=cols, values="count", aggfunc="sum", fill_value=0)
    wide = wide.sort_index()
    if len(wide.columns) < 2:  # one group has nothing to be compared with
        return pd.DataFrame(columns=columns)
    total = wide.sum(axis=1).to_numpy(dtype=float)
    size = total.sum() if prior_size is None else float(prior_size)
    prior = total / total.sum() * size
    keep = total >= min_count
    frames = []
    for key in wide.columns:
        y_i = wide[key].to_numpy(dtype=float)
        y_j = total - y_i
        delta, var, z = log_odds_z(y_i, y_j, prior)
        key = key if isinstance(key, tuple) else (key,)
        frame = pd.DataFrame({"words": int(y_i.sum()), "term": wide.index, "count": y_i.astype("int64"),
                              "count_rest": y_j.astype("int64"), "delta": delta, "var": var, "z": z})[keep]
        for position, (column, value) in enumerate(zip(cols, key)):
            frame.insert(position, column, value)
        frames.append(frame.sort_values(["z", "term"], ascending=[False, True]))
    sizes = groups(articles, cols)[[*cols, "articles"]]
    return pd.concat(frames, ignore_index=True).merge(sizes, on=cols, how="left")[columns]
