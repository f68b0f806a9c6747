"""What each sentence contains: marker counts by family and voice, and the quotations that overlap it
(the data of the framing strip)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.measures.groups import By, by_columns, with_groups
from framing.records import ATTRIBUTED_KINDS, VOICES

#: Marker families shown as lanes of the framing strip, then the quotation lane.
STRIP_FAMILIES = ("loaded", "hedge", "booster", "distancing")


def sentence_features(sentences: pd.DataFrame, markers: pd.DataFrame, quotes: pd.DataFrame,
                      articles: pd.DataFrame, *, by: By = "outlet") -> pd.DataFrame:
    """What each sentence contains, for the framing strip.

    Returns one row per sentence with the ``by`` columns, ``doc_id``, ``sent_id``, ``section``; for
    each family in :data:`STRIP_FAMILIES` the number of its markers in the author's own words
    (``FAMILY_author``; markers of unknown voice count here) and inside quotations (``FAMILY_quoted``);
    ``scare_quotes`` and ``quotations`` (attributed quotes: direct, indirect, according_to) that
    overlap the sentence. Sorted by the ``by`` columns, ``doc_id`` and ``sent_id``.
    """
    cols = by_columns(by)
    key = ["doc_id", "sent_id"]
    base = with_groups(sentences[[*key, "start_char", "end_char", "section"]], articles, cols)
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
