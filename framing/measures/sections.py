"""Headline against body: what an outlet puts in its opening (headline and lead) and what in the rest.

A headline frames the story before the reader meets the facts (Entman 1993: salience). For each group
of articles and each item, the share of its opening sentences (``section`` headline or lead, see
:mod:`framing.tables`) that carry the item, against the share of its other sentences: marker families
(in the outlet's own words or quoted), frames (when a ``sentence_frames`` table is given) and the most
named actors. ``opening_share`` well above ``rest_share``: the outlet puts that item up front.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from framing.measures.actors import ACTOR_LABELS
from framing.measures.groups import By, by_columns, with_groups
from framing.measures.sentences import STRIP_FAMILIES

#: The sections of an article's opening.
OPENING = ("headline", "lead")
#: What is compared, in this order.
DIMENSIONS = ("marker", "frame", "actor")


def _has(rows: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per sentence and value of ``column`` found in it (0/1 per sentence)."""
    found = rows[["doc_id", "sent_id", column]].drop_duplicates()
    return found.rename(columns={column: "value"})


def section_contrast(sentences: pd.DataFrame, markers: pd.DataFrame, mentions: pd.DataFrame,
                     articles: pd.DataFrame, *, by: By = "outlet", sentence_frames: pd.DataFrame | None = None,
                     families: Sequence[str] = STRIP_FAMILIES, top_actors: int = 4) -> pd.DataFrame:
    """The share of opening and of other sentences that carry each item, per group.

    Returns one row per group, ``dimension`` (``marker``: a marker family; ``frame``: a frame of
    ``sentence_frames``, a table with ``doc_id, sent_id, frame``, skipped when None or empty;
    ``actor``: the ``top_actors`` most named actors of the corpus) and ``value``, with
    ``opening_sentences`` / ``opening_with`` / ``opening_share`` (headline and lead sentences, those
    carrying the item, the share) and the same for ``rest``, and ``difference`` (opening minus rest
    share; NaN when a part has no sentences). Sorted by group, dimension (in :data:`DIMENSIONS` order)
    and value.
    """
    cols = by_columns(by)
    sents = with_groups(sentences[["doc_id", "sent_id", "section"]], articles, cols)
    sents = sents.assign(part=np.where(sents["section"].isin(OPENING), "opening", "rest"))
    found = [_has(markers[markers["family"].isin(tuple(families))], "family").assign(dimension="marker")]
    if sentence_frames is not None and not sentence_frames.empty and "frame" in sentence_frames.columns:
        found.append(_has(sentence_frames, "frame").assign(dimension="frame"))
    if not mentions.empty:
        named = mentions[mentions["label"].isin(ACTOR_LABELS)]
        actor = named["actor"].astype(str).str.strip()
        named = named.assign(actor=actor.where(actor != "", named["text"].astype(str)))
        counts = named["actor"].value_counts()
        top = sorted(counts.index, key=lambda a: (-counts[a], a))[:top_actors]
        found.append(_has(named[named["actor"].isin(top)], "actor").assign(dimension="actor"))
    items = pd.concat(found, ignore_index=True)
    items = items.astype({"doc_id": sents["doc_id"].dtype, "sent_id": "int64"})
    sizes = sents.groupby([*cols, "part"]).size().unstack("part").reindex(columns=["opening", "rest"]).fillna(0)
    carrying = sents.merge(items, on=["doc_id", "sent_id"])
    counted = carrying.groupby([*cols, "dimension", "value", "part"]).size().unstack("part")
    counted = counted.reindex(columns=["opening", "rest"]).fillna(0).astype(int).reset_index()
    keys = counted[["dimension", "value"]].drop_duplicates()
    groups = sizes.reset_index()[cols]
    table = groups.merge(keys, how="cross").merge(counted, on=[*cols, "dimension", "value"], how="left")
    table = table.merge(sizes.reset_index(), on=cols, suffixes=("_with", "_sentences"))
    out = table[cols + ["dimension", "value"]].copy()
    for part in ("opening", "rest"):
        n = table[f"{part}_sentences"].astype(int)
        k = table[f"{part}_with"].fillna(0).astype(int)
        out[f"{part}_sentences"] = n
        out[f"{part}_with"] = k
        out[f"{part}_share"] = np.where(n > 0, k / n.where(n > 0, 1), np.nan)
    out["difference"] = out["opening_share"] - out["rest_share"]
    out["_order"] = out["dimension"].map({d: i for i, d in enumerate(DIMENSIONS)})
    out = out.sort_values([*cols, "_order", "value"]).drop(columns="_order").reset_index(drop=True)
    out.columns.name = None
    return out
