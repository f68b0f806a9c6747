"""Markers per 1,000 words by group and by any marker columns, zero counts included, with an exact
Poisson (Garwood) or an article-bootstrap interval."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.measures.groups import By, by_columns, check_columns, groups, key_combinations, with_groups
from framing.measures.intervals import LEVEL, PER_WORDS, rate_interval
from framing.records import VOICES


def rates(markers: pd.DataFrame, articles: pd.DataFrame, *, by: By = "outlet",
          keys: Sequence[str] = ("family", "category"), levels: Mapping[str, Sequence[str]] | None = None,
          level: float = LEVEL, method: str = "poisson", n_boot: int = 2000, seed: int = 0) -> pd.DataFrame:
    """Markers per 1,000 words for every group of articles and every combination of ``keys``.

    Returns one row per group and key combination with the ``by`` columns, the ``keys``, ``articles``,
    ``words`` (of the whole group, with or without markers), ``count``, ``rate`` (``count / words *
    1000``) and ``rate_low``/``rate_high``. Zero counts are rows too: a category one outlet never uses
    has rate 0 and an interval. The combinations are those of the keys without ``levels`` found
    anywhere in ``markers``, crossed with every value of the keys with ``levels`` (key -> values that
    always appear, in this order, then any other value found; ``voice`` defaults to author, quoted).
    Filter ``markers`` first to restrict (e.g. to one family).

    ``method="poisson"``: exact Garwood interval of the count, scaled by the words; it treats the
    group's words as one text, so it is right for one article per group and too narrow when articles
    differ a lot. ``method="bootstrap"``: percentile interval over ``n_boot`` resamples of the group's
    articles (seeded; groups of one article fall back to the Poisson interval).

    Markers of articles not in ``articles`` are ignored. Raises FramingError for an unknown column.
    """
    cols, keys = by_columns(by), list(keys)
    check_columns(markers, ["doc_id", *keys], "markers", "count by")
    if method not in ("poisson", "bootstrap"):
        raise FramingError(None, f"unknown interval method {method!r}", "choose poisson or bootstrap")
    levels = {"voice": VOICES, **(levels or {})}
    levels = {k: v for k, v in levels.items() if k in keys}
    grouped = groups(articles, cols)
    found = with_groups(markers[["doc_id", *keys]], articles, cols)
    combos = key_combinations(found, keys, levels)
    out = grouped.merge(combos, how="cross")
    if keys:
        found[keys] = found[keys].astype(str)
    counts = found.groupby(cols + keys, dropna=False).size().rename("count").reset_index()
    if keys and not out.empty:
        out[keys] = out[keys].astype(str)
    out = out.merge(counts, on=cols + keys, how="left")
    out["count"] = out["count"].fillna(0).astype("int64")
    out["rate"], out["rate_low"], out["rate_high"] = rate_interval(out["count"], out["words"], level=level)
    if method == "bootstrap" and not out.empty:
        _bootstrap(out, found, articles, cols, keys, level=level, n_boot=n_boot, seed=seed)
    return out[[*cols, *keys, "articles", "words", "count", "rate", "rate_low", "rate_high"]]


def _bootstrap(out: pd.DataFrame, found: pd.DataFrame, articles: pd.DataFrame, cols: list[str],
               keys: list[str], *, level: float, n_boot: int, seed: int) -> None:
    """Replace the intervals of ``out`` (in place) by article-bootstrap percentile intervals."""
    rng = np.random.default_rng(seed)
    docs = articles[list(dict.fromkeys(["doc_id", *cols, "n_words"]))]
    combo_index = out[keys].drop_duplicates().reset_index(drop=True) if keys else pd.DataFrame(index=[0])
    combo_index["_combo"] = range(len(combo_index))
    hit = found.merge(combo_index, on=keys, how="inner") if keys else found.assign(_combo=0)
    q = [100 * (1 - level) / 2, 100 * (1 + level) / 2]
    for group_values, members in docs.groupby(cols, dropna=False, sort=True):
        if len(members) < 2:
            continue
        ids = members["doc_id"].tolist()
        position = {doc_id: i for i, doc_id in enumerate(ids)}
        matrix = np.zeros((len(ids), len(combo_index)))
        here = hit[hit["doc_id"].isin(position)]
        np.add.at(matrix, (here["doc_id"].map(position).to_numpy(), here["_combo"].to_numpy()), 1)
        weights = rng.multinomial(len(ids), np.full(len(ids), 1 / len(ids)), size=n_boot)
        words = weights @ members["n_words"].to_numpy(dtype=float)
        with np.errstate(invalid="ignore", divide="ignore"):
            draws = (weights @ matrix) / words[:, None] * PER_WORDS
        low, high = np.nanpercentile(draws, q, axis=0)
        key = group_values if isinstance(group_values, tuple) else (group_values,)
        rows = np.logical_and.reduce([out[c] == v for c, v in zip(cols, key)])
        combo_of_row = out.loc[rows, keys].merge(combo_index, on=keys, how="left")["_combo"].to_numpy() \
            if keys else np.zeros(int(rows.sum()), dtype=int)
        out.loc[rows, "rate_low"] = low[combo_of_row]
        out.loc[rows, "rate_high"] = high[combo_of_row]
