"""Who speaks: shares of quote kinds, speaker types and cue classes with exact intervals, and the
most-quoted speakers."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.measures.groups import By, by_columns, check_columns, groups, levels_of, with_groups
from framing.measures.intervals import LEVEL, proportion_interval
from framing.records import ATTRIBUTED_KINDS, CUE_CLASSES, QUOTE_KINDS, SPEAKER_TYPES


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
    cols = by_columns(by)
    check_columns(quotes, ["doc_id", "kind", "speaker_type", "cue_class", "speaker", "speaker_resolved"],
                   "quotes", "the quotes table needs")
    grouped = groups(articles, cols)
    found = with_groups(quotes, articles, cols)
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
        values = levels_of(subset[column], values) if open_ended else values
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
