"""Agreement between human coders: Krippendorff's alpha (nominal) and percent agreement, per code.

For each variable of the sample's units (see :mod:`framing.validation.codes`) and each code, every
coder's value on every unit is "has the code" or "has not" (missing when the coder did not code the
unit, or that variable of it); alpha and percent agreement are computed over the units that two coders
or more coded. ``code`` = ``(all)`` pools the codes of a variable: for a one-code variable (a marker's
family) the value is the code itself; for a set (the families of a sentence's spans) each pair of unit
and code is one binary value.

In sentence and article units the spans are also compared token by token (``level`` = ``token``): a
token has a code when a span with that code covers any of its characters (tokens of spaCy's blank
English tokenizer, white space left out).

Percent agreement is the share of agreeing pairs of coders among all pairs on the same unit (for two
coders, the share of units they code alike). The 95% intervals come from a bootstrap over units
(tokens are resampled with their unit, since they are not independent), seeded so that the same
coding gives the same numbers. Alpha is undefined (NaN) when the coders used one value only.

The point estimates come from the ``krippendorff`` package; the bootstrap replicates use the same
formula on coincidence matrices, vectorised over replicates
(``alpha = 1 - (n - 1) (n - sum_c o_cc) / (n^2 - sum_c n_c^2)``).

>>> agreement(read_coding(["anna.csv", "ben.csv"]))                      # doctest: +SKIP
"""

from __future__ import annotations

import warnings
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.measures.intervals import LEVEL
from framing.validation.codes import SINGLE, SPAN_UNITS, CodedUnit
from framing.validation.coding import Coding

#: Bootstrap replicates unless told otherwise.
N_BOOT = 1000
SEED = 1
ALL = "(all)"
#: Variables compared token by token in span units.
TOKEN_VARIABLES = ("family", "category")
COLUMNS = ("level", "variable", "code", "coders", "units", "values", "positive", "percent", "percent_low",
           "percent_high", "alpha", "alpha_low", "alpha_high")


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def token_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the tokens of ``text`` (spaCy's blank English tokenizer), white space left out."""
    return [(t.idx, t.idx + len(t)) for t in _tokenizer()(text) if not t.is_space]


@dataclass(frozen=True)
class Ratings:
    """Value counts of one code (or pooled codes): one row per item, one column per value, and the unit
    (cluster) each item belongs to; only items that two coders or more rated."""

    counts: np.ndarray
    cluster: np.ndarray
    coders: int
    positive: int


def krippendorff_alpha(counts: np.ndarray) -> float:
    """Nominal alpha of a value-counts matrix (items x values) by the ``krippendorff`` package; NaN
    when it is undefined (one value only, or nothing pairable)."""
    import krippendorff

    counts = np.asarray(counts, dtype=float)
    counts = counts[counts.sum(axis=1) >= 2]
    if len(counts) == 0 or (counts.sum(axis=0) > 0).sum() < 2:
        return float("nan")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))


def _coincidences(counts: np.ndarray, cluster: np.ndarray, n_clusters: int) -> tuple[np.ndarray, np.ndarray]:
    """Per cluster: the coincidence matrix (flattened) and (agreeing pairs, pairs)."""
    m = counts.sum(axis=1)
    outer = counts[:, :, None] * counts[:, None, :]
    values = counts.shape[1]
    outer[:, np.arange(values), np.arange(values)] -= counts
    per_item = outer.reshape(len(counts), -1) / (m - 1)[:, None]
    agree = (counts * (counts - 1) / 2).sum(axis=1)
    pairs = m * (m - 1) / 2
    coincidence = np.zeros((n_clusters, values * values))
    np.add.at(coincidence, cluster, per_item)
    pair_counts = np.zeros((n_clusters, 2))
    np.add.at(pair_counts, cluster, np.column_stack([agree, pairs]))
    return coincidence, pair_counts


def _alpha_from(coincidence: np.ndarray, values: int) -> np.ndarray:
    o = coincidence.reshape(-1, values, values)
    n_c = o.sum(axis=2)
    n = n_c.sum(axis=1)
    observed = n - np.trace(o, axis1=1, axis2=2)
    expected = n**2 - (n_c**2).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        alpha = 1 - (n - 1) * observed / expected
    return np.where(((n_c > 0).sum(axis=1) >= 2) & (expected > 0), alpha, np.nan)


def estimate(ratings: Ratings, *, n_boot: int = N_BOOT, rng: np.random.Generator, level: float = LEVEL
             ) -> dict[str, float]:
    """Alpha and percent agreement of ``ratings`` with bootstrap intervals over clusters."""
    counts = ratings.counts
    out = {"units": len(np.unique(ratings.cluster)), "values": int(counts.sum()), "positive": ratings.positive}
    if len(counts) == 0:
        return {**out, **dict.fromkeys(("percent", "percent_low", "percent_high", "alpha", "alpha_low",
                                        "alpha_high"), float("nan"))}
    clusters, cluster = np.unique(ratings.cluster, return_inverse=True)
    coincidence, pairs = _coincidences(counts, cluster, len(clusters))
    out["alpha"] = krippendorff_alpha(counts)
    out["percent"] = float(pairs[:, 0].sum() / pairs[:, 1].sum())
    weights = np.stack([np.bincount(rng.integers(0, len(clusters), len(clusters)), minlength=len(clusters))
                        for _ in range(n_boot)]).astype(float) if n_boot else np.zeros((0, len(clusters)))
    alphas = _alpha_from(weights @ coincidence, counts.shape[1])
    boot_pairs = weights @ pairs
    with np.errstate(invalid="ignore", divide="ignore"):
        percents = boot_pairs[:, 0] / boot_pairs[:, 1]
    tail = (1 - level) / 2 * 100
    for name, sample in (("alpha", alphas), ("percent", percents)):
        finite = sample[np.isfinite(sample)]
        low, high = np.percentile(finite, [tail, 100 - tail]) if len(finite) else (np.nan, np.nan)
        out[f"{name}_low"], out[f"{name}_high"] = float(low), float(high)
    return out


def _check_coders(coding: Coding) -> None:
    coders = coding.coders
    if len(coders) < 2:
        raise InputError(", ".join(coding.files), f"only one coder ({coders[0] if coders else 'none'})",
                         "give the coded files of two coders or more")
    units = {c: set(coding.by_coder(c)) for c in coders}
    for coder in coders:
        others = set().union(*(units[o] for o in coders if o != coder))
        if not units[coder] & others:
            other_files = ", ".join(f for o in coders if o != coder for f in coding.files_of(o))
            raise InputError(", ".join(coding.files_of(coder)), f"coder {coder!r} shares no coded unit with "
                             f"the other coders ({other_files})", "code some of the same units (the same sample "
                             "rows) in every file")


def _texts(coding: Coding) -> dict[str, str]:
    texts: dict[str, CodedUnit] = {}
    for unit in coding.units:
        first = texts.setdefault(unit.unit_id, unit)
        if first.text != unit.text:
            raise InputError(unit.path, f"unit {unit.unit_id} has another text than in {first.path}:{first.line}",
                             "code the texts as the sample wrote them", line=unit.line)
    return {k: v.text for k, v in texts.items()}


def _matrix(items: Sequence[tuple[int, Mapping[str, object | None]]], coders: Sequence[str], values: Sequence[object],
            positive_value: object = None) -> Ratings:
    """Ratings from items ``(cluster, {coder: value or None})``."""
    index = {v: i for i, v in enumerate(values)}
    counts = np.zeros((len(items), len(values)))
    cluster = np.zeros(len(items), dtype=int)
    for row, (unit, by_coder) in enumerate(items):
        cluster[row] = unit
        for coder in coders:
            value = by_coder.get(coder)
            if value is not None:
                counts[row, index[value]] += 1
    keep = counts.sum(axis=1) >= 2
    positive = int(counts[keep][:, index[positive_value]].sum()) if positive_value in index else 0
    return Ratings(counts[keep], cluster[keep], len(coders), positive)


def _unit_items(coding: Coding, variable: str, unit_ids: list[str]) -> list[dict[str, frozenset | None]]:
    coded = {c: coding.by_coder(c) for c in coding.coders}
    out = []
    for unit_id in unit_ids:
        row = {}
        for coder, units in coded.items():
            unit = units.get(unit_id)
            row[coder] = None if unit is None else unit.codes.get(variable)
        out.append(row)
    return out


def _token_items(coding: Coding, variable: str, unit_ids: list[str], texts: Mapping[str, str]
                 ) -> list[tuple[int, dict[str, frozenset | None]]]:
    coded = {c: coding.by_coder(c) for c in coding.coders}
    out = []
    for number, unit_id in enumerate(unit_ids):
        tokens = token_offsets(texts[unit_id])
        for start, end in tokens:
            row: dict[str, frozenset | None] = {}
            for coder, units in coded.items():
                unit = units.get(unit_id)
                if unit is None or variable not in unit.codes:
                    row[coder] = None
                    continue
                row[coder] = frozenset((s.family if variable == "family" else s.category) for s in unit.spans
                                       if s.start < end and start < s.end)
            out.append((number, row))
    return out


def _rows_for(items: list[tuple[int, dict[str, frozenset | None]]], coders: Sequence[str], single: bool
              ) -> list[tuple[str, Ratings]]:
    used = sorted({code for _, row in items for value in row.values() if value for code in value})
    out = []
    for code in used:
        binary = [(u, {c: (None if v is None else code in v) for c, v in row.items()}) for u, row in items]
        out.append((code, _matrix(binary, coders, (False, True), True)))
    if used:
        if single:
            nominal = [(u, {c: (sorted(v)[0] if v else None) for c, v in row.items()}) for u, row in items]
            out.append((ALL, _matrix(nominal, coders, used)))
        else:
            pooled = [(u, {c: (None if v is None else code in v) for c, v in row.items()})
                      for u, row in items for code in used]
            out.append((ALL, _matrix(pooled, coders, (False, True), True)))
    return out


def agreement(coding: Coding, *, n_boot: int = N_BOOT, seed: int = SEED, level: float = LEVEL,
              tokens: bool = True) -> pd.DataFrame:
    """Agreement between the coders of ``coding``, one row per level (``unit`` / ``token``), variable
    and code (codes no coder used are left out; ``(all)`` pools them): the number of ``coders``, the
    ``units`` two or more coded, the ``values`` they gave and how many were the code (``positive``),
    ``percent`` agreement and Krippendorff's ``alpha`` (nominal), each with a bootstrap interval.

    Raises InputError when there is one coder only, when a coder shares no unit with the others, or
    when two files give one unit different texts."""
    _check_coders(coding)
    texts = _texts(coding)
    unit_ids = sorted(texts)
    coders = coding.coders
    rows = []
    for variable in coding.variables:
        single = variable in SINGLE.get(coding.unit, ())
        items = list(enumerate(_unit_items(coding, variable, unit_ids)))
        levels = [("unit", items)]
        if tokens and coding.unit in SPAN_UNITS and variable in TOKEN_VARIABLES:
            levels.append(("token", _token_items(coding, variable, unit_ids, texts)))
        for level_name, level_items in levels:
            for code, ratings in _rows_for(level_items, coders, single):
                rng = np.random.default_rng([seed, zlib.crc32(f"{level_name}|{variable}|{code}".encode())])
                result = estimate(ratings, n_boot=n_boot, rng=rng, level=level)
                rows.append({"level": level_name, "variable": variable, "code": code, "coders": len(coders), **result})
    return pd.DataFrame(rows, columns=list(COLUMNS))
