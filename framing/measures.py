"""Measures on the tables: rates per 1,000 words with intervals, sourcing profiles, distinctive terms
and actors. Pure functions on DataFrames: they never parse text (distinctive terms split sentence
text with a regular expression, nothing more) and never change the tables they are given.

Every measure groups articles by a column of the ``articles`` table (``by="outlet"`` by default; any
metadata column, a list of columns, or ``"doc_id"`` for one group per article) and reports how many
articles and words each group rests on, so that a comparison of two articles does not look more
certain than it is.

- :func:`rates`: markers per 1,000 words by group and by any marker columns (family, category, voice),
  zero counts included, with an exact Poisson (Garwood) or an article-bootstrap interval.
- :func:`sourcing_profile`: shares of quote kinds, speaker types and cue classes with exact binomial
  (Clopper-Pearson) intervals, and the most-quoted speakers.
- :func:`distinctive_terms`: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi &
  Quinn 2008), one group against the rest, as z-scores.
- :func:`actor_profile`: mentions of the main actors per 1,000 words, as subject or object, and the mean
  polarity and subjectivity of the sentences that mention them.
- :func:`sentence_features`: what each sentence contains (for the framing strip).

>>> tables = framing.analyze()                                                 # doctest: +SKIP
>>> rates(tables.markers, tables.articles, keys=("family", "voice"))          # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats

from framing.errors import FramingError
from framing.records import CUE_CLASSES, QUOTE_KINDS, SPEAKER_TYPES, VOICES

#: Rates are given per this many words.
PER_WORDS = 1000
#: Coverage of every interval unless a function is told otherwise.
LEVEL = 0.95
#: Roles a mention can have in its clause.
ROLES = ("subject", "object", "other")
#: Entity labels counted as actors by default: people, groups, organisations and places.
ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC")
#: Word tokens for distinctive terms: runs of letters, joined by inner apostrophes or hyphens
#: ("didn't", "so-called"); digits and punctuation are not terms.
TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
#: Quote kinds that attribute words to a speaker (scare quotes have none).
ATTRIBUTED_KINDS = ("direct", "indirect", "according_to")
#: Marker families shown as lanes of the framing strip, then the quotation lane.
STRIP_FAMILIES = ("loaded", "hedge", "booster", "distancing")

By = str | Sequence[str]


# -- intervals ---------------------------------------------------------------------------------------

def poisson_interval(count: int | Iterable[int] | np.ndarray, *, level: float = LEVEL
                     ) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Garwood) interval for a Poisson mean given observed ``count``\\ s.

    Returns ``(low, high)`` arrays: ``low = chi2.ppf(a/2, 2k) / 2`` (0 when k = 0) and
    ``high = chi2.ppf(1 - a/2, 2k + 2) / 2`` with ``a = 1 - level``. Divide by the words and multiply
    by 1,000 for a rate interval.

    >>> poisson_interval(0)     # (array(0.), array(3.689))                     # doctest: +SKIP
    """
    k = np.asarray(count, dtype=float)
    alpha = 1.0 - level
    low = np.where(k > 0, stats.chi2.ppf(alpha / 2, 2 * k) / 2, 0.0)
    high = stats.chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2
    return low, np.asarray(high, dtype=float)


def proportion_interval(count: int | Iterable[int] | np.ndarray, total: int | Iterable[int] | np.ndarray,
                        *, level: float = LEVEL) -> tuple[np.ndarray, np.ndarray]:
    """Exact (Clopper-Pearson) interval for a proportion ``count / total``.

    Returns ``(low, high)`` arrays; NaN where ``total`` is 0.
    """
    k = np.asarray(count, dtype=float)
    n = np.asarray(total, dtype=float)
    alpha = 1.0 - level
    with np.errstate(invalid="ignore", divide="ignore"):
        low = np.where(k > 0, stats.beta.ppf(alpha / 2, k, n - k + 1), 0.0)
        high = np.where(k < n, stats.beta.ppf(1 - alpha / 2, k + 1, n - k), 1.0)
    empty = n <= 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def mean_interval(values: Sequence[float] | np.ndarray, *, level: float = LEVEL) -> tuple[float, float, float]:
    """``(mean, low, high)`` of ``values`` with a Student-t interval; bounds are NaN below two values."""
    x = np.asarray(values, dtype=float)
    x = x[~np.isnan(x)]
    if len(x) == 0:
        return np.nan, np.nan, np.nan
    mean = float(x.mean())
    if len(x) < 2:
        return mean, np.nan, np.nan
    half = float(stats.t.ppf(0.5 + level / 2, len(x) - 1) * x.std(ddof=1) / np.sqrt(len(x)))
    return mean, mean - half, mean + half


# -- grouping ----------------------------------------------------------------------------------------

def _by(by: By) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def _check_columns(table: pd.DataFrame, columns: Iterable[str], name: str, what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise FramingError(None, f"no column {', '.join(map(repr, missing))} in the {name} table",
                           f"{what} one of: {', '.join(map(str, table.columns))}")


def groups(articles: pd.DataFrame, by: By = "outlet") -> pd.DataFrame:
    """One row per group of articles: the ``by`` columns, ``articles`` (how many) and ``words`` (their
    ``n_words`` summed), sorted by the ``by`` columns. Raises FramingError for an unknown column."""
    cols = _by(by)
    _check_columns(articles, cols, "articles", "group by")
    table = articles[list(dict.fromkeys(["doc_id", *cols, "n_words"]))]
    out = (table.groupby(cols, dropna=False, sort=True)
           .agg(articles=("doc_id", "nunique"), words=("n_words", "sum")).reset_index())
    out["words"] = out["words"].astype("int64")
    return out


def _with_groups(table: pd.DataFrame, articles: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """``table`` rows of the given articles, with their group columns (rows of other articles dropped)."""
    keys = articles[list(dict.fromkeys(["doc_id", *cols]))]
    extra = [c for c in cols if c != "doc_id"]
    left = table.drop(columns=[c for c in extra if c in table.columns])
    return left.merge(keys, on="doc_id", how="inner")


def _levels(observed: pd.Series, fixed: Sequence[str]) -> list[str]:
    """The fixed levels in their order, then any other observed value, sorted."""
    seen = sorted(set(observed.dropna().astype(str)) - set(fixed))
    return [*fixed, *seen]


def _combos(table: pd.DataFrame, keys: list[str], levels: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Every key combination to report: observed combinations of the free keys times every level of
    the keys with fixed levels."""
    free = [k for k in keys if k not in levels]
    fixed = {k: _levels(table[k], levels[k]) for k in keys if k in levels}
    if free:
        combos = table[free].astype(str).drop_duplicates().sort_values(free).reset_index(drop=True)
        if combos.empty:
            return pd.DataFrame(columns=keys)
    else:
        combos = pd.DataFrame(index=[0])
    for key, values in fixed.items():
        combos = combos.merge(pd.DataFrame({key: values}), how="cross")
    return combos[keys] if keys else combos


# -- rates -------------------------------------------------------------------------------------------

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
    cols, keys = _by(by), list(keys)
    _check_columns(markers, ["doc_id", *keys], "markers", "count by")
    if method not in ("poisson", "bootstrap"):
        raise FramingError(None, f"unknown interval method {method!r}", "choose poisson or bootstrap")
    levels = {"voice": VOICES, **(levels or {})}
    levels = {k: v for k, v in levels.items() if k in keys}
    grouped = groups(articles, cols)
    found = _with_groups(markers[["doc_id", *keys]], articles, cols)
    combos = _combos(found, keys, levels)
    out = grouped.merge(combos, how="cross")
    if keys:
        found[keys] = found[keys].astype(str)
    counts = found.groupby(cols + keys, dropna=False).size().rename("count").reset_index()
    if keys and not out.empty:
        out[keys] = out[keys].astype(str)
    out = out.merge(counts, on=cols + keys, how="left")
    out["count"] = out["count"].fillna(0).astype("int64")
    words = out["words"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(words > 0, PER_WORDS / words, np.nan)
    out["rate"] = out["count"] * scale
    low, high = poisson_interval(out["count"].to_numpy(), level=level)
    out["rate_low"], out["rate_high"] = low * scale, high * scale
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


# -- sourcing ----------------------------------------------------------------------------------------

def speaker_name(quotes: pd.DataFrame) -> pd.Series:
    """Who each quote is attributed to: ``speaker_resolved``, else the mention as written, else ''."""
    resolved = quotes["speaker_resolved"].fillna("").astype(str).str.strip()
    written = quotes["speaker"].fillna("").astype(str).str.strip()
    return resolved.where(resolved != "", written)


def sourcing_profile(quotes: pd.DataFrame, articles: pd.DataFrame, *, by: By = "outlet",
                     top_speakers: int = 8, level: float = LEVEL) -> pd.DataFrame:
    """How each group of articles gives voice to others, as shares with exact intervals.

    Returns one row per group, ``dimension`` and ``value``, with ``articles``, ``words``, ``count``,
    ``total`` (the quotes the share is of), ``share`` and ``share_low``/``share_high`` (Clopper-Pearson).
    Dimensions (every value listed, zero counts included):

    - ``kind``: direct, indirect, according_to, scare, of all quotes;
    - ``speaker_type``: named_person, anonymous, organization, media, group, unknown, of attributed
      quotes (not scare quotes);
    - ``cue_class``: neutral, assertive, distancing, emotive, endorsing, of quotes with a cue;
    - ``speaker``: the ``top_speakers`` most-quoted speakers of the whole corpus (by resolved name),
      of attributed quotes with a speaker.
    """
    cols = _by(by)
    _check_columns(quotes, ["doc_id", "kind", "speaker_type", "cue_class", "speaker", "speaker_resolved"],
                   "quotes", "the quotes table needs")
    grouped = groups(articles, cols)
    found = _with_groups(quotes, articles, cols)
    found = found.assign(speaker_name=speaker_name(found) if not found.empty else pd.Series(dtype=str))
    attributed = found[found["kind"].isin(ATTRIBUTED_KINDS)]
    named = attributed[attributed["speaker_name"] != ""]
    ranking = named.groupby("speaker_name").size().reset_index(name="n")
    ranking = ranking.sort_values(["n", "speaker_name"], ascending=[False, True]).head(top_speakers)
    parts = [
        ("kind", found, "kind", list(QUOTE_KINDS), True),
        ("speaker_type", attributed, "speaker_type", list(SPEAKER_TYPES), True),
        ("cue_class", found[found["cue_class"].fillna("") != ""], "cue_class", list(CUE_CLASSES), True),
        ("speaker", named, "speaker_name", ranking["speaker_name"].tolist(), False),
    ]
    frames = []
    for dimension, subset, column, values, open_ended in parts:
        values = _levels(subset[column], values) if open_ended else values
        frame = grouped.merge(pd.DataFrame({"dimension": dimension, "value": values}, dtype=object),
                              how="cross")
        counts = subset.groupby(cols + [column], dropna=False).size().rename("count").reset_index()
        counts = counts.rename(columns={column: "value"})
        totals = subset.groupby(cols, dropna=False).size().rename("total").reset_index()
        frame = frame.merge(counts, on=cols + ["value"], how="left").merge(totals, on=cols, how="left")
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    for column in ("count", "total"):
        out[column] = out[column].fillna(0).astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share"] = np.where(out["total"] > 0, out["count"] / out["total"].where(out["total"] > 0), np.nan)
    out["share_low"], out["share_high"] = proportion_interval(out["count"], out["total"], level=level)
    out["value"] = out["value"].astype(str)
    return out[[*cols, "dimension", "value", "articles", "words", "count", "total", "share", "share_low",
                "share_high"]]


# -- distinctive terms -------------------------------------------------------------------------------

def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (curly apostrophes made straight): the terms counted by
    :func:`term_counts`."""
    return [t.replace("\u2019", "'") for t in TOKEN.findall(text.lower())]


def term_counts(sentences: pd.DataFrame, articles: pd.DataFrame, *, by: By = "outlet",
                stop_words: Iterable[str] = ()) -> pd.DataFrame:
    """How often each term occurs in each group's sentences: columns ``by``, ``term``, ``count``
    (terms in ``stop_words`` left out)."""
    cols = _by(by)
    skip = frozenset(stop_words)
    found = _with_groups(sentences[["doc_id", "text"]], articles, cols)
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
    cols = _by(by)
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


# -- actors ------------------------------------------------------------------------------------------

def actor_profile(mentions: pd.DataFrame, sentences: pd.DataFrame, articles: pd.DataFrame, *,
                  by: By = "outlet", labels: Sequence[str] | None = ACTOR_LABELS, top: int = 8,
                  level: float = LEVEL) -> pd.DataFrame:
    """The main actors and how each group of articles treats them.

    ``mentions`` has one row per entity mention (``doc_id, sent_id, start_char, end_char, text, label,
    actor, role``); ``actor`` is the canonical name (the mention's text where it is empty). The
    ``top`` actors with the most mentions in the whole corpus among ``labels`` (None: all labels) are
    kept. Returns one row per group and actor (zero mentions included) with the ``by`` columns,
    ``actor``, ``label`` (its most frequent entity label), ``articles``, ``words``, ``mentions``,
    ``rate``/``rate_low``/``rate_high`` (mentions per 1,000 words, Garwood interval), ``subject``,
    ``object``, ``other`` (mentions by role), ``sentences`` (distinct sentences naming the actor) and
    the mean ``polarity`` and ``subjectivity`` of those sentences with t-interval bounds
    (``polarity_low`` ... ``subjectivity_high``, clipped to the scales [-1, 1] and [0, 1]; NaN with
    fewer than two sentences).
    """
    cols = _by(by)
    _check_columns(mentions, ["doc_id", "sent_id", "label", "actor", "role", "text"], "mentions",
                   "the mentions table needs")
    grouped = groups(articles, cols)
    found = _with_groups(mentions, articles, cols)
    actor = found["actor"].fillna("").astype(str).str.strip()
    found = found.assign(actor=actor.where(actor != "", found["text"].astype(str).str.strip()),
                         label=found["label"].astype(str), role=found["role"].astype(str))
    if labels is not None:
        found = found[found["label"].isin(labels)]
    ranking = found.groupby("actor").size().reset_index(name="n")
    ranking = ranking.sort_values(["n", "actor"], ascending=[False, True]).head(top)
    actors = ranking["actor"].tolist()
    found = found[found["actor"].isin(actors)]
    label = (found.groupby(["actor", "label"]).size().reset_index(name="n")
             .sort_values(["actor", "n", "label"], ascending=[True, False, True])
             .drop_duplicates("actor").set_index("actor")["label"])
    out = grouped.merge(pd.DataFrame({"actor": actors}, dtype=object), how="cross")
    out["label"] = out["actor"].map(label).fillna("")
    counts = found.groupby(cols + ["actor"]).size().rename("mentions").reset_index()
    roles = (found.assign(role=found["role"].where(found["role"].isin(ROLES), "other"))
             .groupby(cols + ["actor", "role"]).size().unstack("role")
             .reindex(columns=list(ROLES)).reset_index())
    roles.columns.name = None
    out = out.merge(counts, on=cols + ["actor"], how="left").merge(roles, on=cols + ["actor"], how="left")
    for column in ("mentions", *ROLES):
        out[column] = out[column].fillna(0).astype("int64")
    words = out["words"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        scale = np.where(words > 0, PER_WORDS / words, np.nan)
    out["rate"] = out["mentions"] * scale
    low, high = poisson_interval(out["mentions"].to_numpy(), level=level)
    out["rate_low"], out["rate_high"] = low * scale, high * scale
    scored = found[cols + ["actor", "doc_id", "sent_id"]].drop_duplicates().merge(
        sentences[["doc_id", "sent_id", "polarity", "subjectivity"]], on=["doc_id", "sent_id"], how="inner")
    summary = []
    for key, part in scored.groupby(cols + ["actor"], sort=True):
        row = dict(zip(cols + ["actor"], key))
        row["sentences"] = len(part)
        for measure in ("polarity", "subjectivity"):
            row[measure], row[f"{measure}_low"], row[f"{measure}_high"] = mean_interval(part[measure], level=level)
        summary.append(row)
    scores = ["polarity", "polarity_low", "polarity_high", "subjectivity", "subjectivity_low", "subjectivity_high"]
    summary_frame = pd.DataFrame(summary, columns=[*cols, "actor", "sentences", *scores])
    out = out.merge(summary_frame, on=cols + ["actor"], how="left")
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    out[scores] = out[scores].astype(float)
    for measure, (lowest, highest) in (("polarity", (-1.0, 1.0)), ("subjectivity", (0.0, 1.0))):
        for bound in (f"{measure}_low", f"{measure}_high"):  # t-intervals stay inside the scale
            out[bound] = out[bound].clip(lowest, highest)
    order = {name: i for i, name in enumerate(actors)}
    out = out.assign(_order=out["actor"].map(order)).sort_values([*cols, "_order"]).drop(columns="_order")
    return out[[*cols, "actor", "label", "articles", "words", "mentions", "rate", "rate_low", "rate_high",
                *ROLES, "sentences", *scores]].reset_index(drop=True)


# -- sentences ---------------------------------------------------------------------------------------

def sentence_features(sentences: pd.DataFrame, markers: pd.DataFrame, quotes: pd.DataFrame,
                      articles: pd.DataFrame, *, by: By = "outlet") -> pd.DataFrame:
    """What each sentence contains, for the framing strip.

    Returns one row per sentence with the ``by`` columns, ``doc_id``, ``sent_id``, ``section``; for
    each family in :data:`STRIP_FAMILIES` the number of its markers in the author's own words
    (``FAMILY_author``; markers of unknown voice count here) and inside quotations (``FAMILY_quoted``);
    ``scare_quotes`` and ``quotations`` (attributed quotes: direct, indirect, according_to) that
    overlap the sentence. Sorted by the ``by`` columns, ``doc_id`` and ``sent_id``.
    """
    cols = _by(by)
    key = ["doc_id", "sent_id"]
    base = _with_groups(sentences[[*key, "start_char", "end_char", "section"]], articles, cols)
    base = base.sort_values([*cols, *key]).reset_index(drop=True)
    out = base[list(dict.fromkeys([*cols, *key, "section"]))].copy()
    tagged = markers.loc[markers["family"].isin(STRIP_FAMILIES), [*key, "family", "voice"]]
    tagged = tagged.assign(column=tagged["family"].astype(str) + "_"
                           + np.where(tagged["voice"].astype(str) == "quoted", "quoted", "author"))
    wide = tagged.groupby([*key, "column"]).size().unstack("column")
    columns = [f"{family}_{voice}" for family in STRIP_FAMILIES for voice in VOICES]
    if wide.empty:
        wide = pd.DataFrame(columns=[*key, *columns])
    else:
        wide = wide.reindex(columns=columns).reset_index()
    wide.columns.name = None
    wide = wide.astype({"doc_id": out["doc_id"].dtype, "sent_id": "int64"})
    out = out.merge(wide, on=key, how="left")
    out[columns] = out[columns].fillna(0).astype("int64")
    spans = quotes[["doc_id", "kind", "start_char", "end_char"]]
    out["scare_quotes"] = _overlaps(base, spans[spans["kind"] == "scare"])
    out["quotations"] = _overlaps(base, spans[spans["kind"].isin(ATTRIBUTED_KINDS)])
    return out


def _overlaps(sents: pd.DataFrame, spans: pd.DataFrame) -> np.ndarray:
    """For each sentence, how many ``spans`` of its article overlap it."""
    counts = np.zeros(len(sents), dtype="int64")
    if spans.empty or sents.empty:
        return counts
    by_doc = {doc: part[["start_char", "end_char"]].to_numpy() for doc, part in spans.groupby("doc_id")}
    for i, (doc, start, end) in enumerate(sents[["doc_id", "start_char", "end_char"]].itertuples(index=False)):
        found = by_doc.get(doc)
        if found is not None:
            counts[i] = int(((found[:, 0] < end) & (found[:, 1] > start)).sum())
    return counts
