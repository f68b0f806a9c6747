"""Which frames each group of articles uses: the share of its articles in which the frames model finds
the frame (with an exact Clopper-Pearson interval), and the share of its sentences that evoke it (hold
one of its cue words)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.lexicons.definitions import frame_labels, frame_names
from framing.measures.groups import By, by_columns, groups, with_groups
from framing.measures.intervals import LEVEL, proportion_interval


def frame_shares(frames: pd.DataFrame, sentence_frames: pd.DataFrame, sentences: pd.DataFrame,
                 articles: pd.DataFrame, *, by: By = "outlet", level: float = LEVEL) -> pd.DataFrame:
    """One row per group of articles and frame (the 14 frames in the codebook's order, then any other
    frame found, sorted), with the ``by`` columns, ``frame``, ``label``, ``articles`` and ``words`` (of the group),
    ``scored`` (articles the frames model scored), ``present`` (articles it finds the frame in),
    ``article_share`` with ``article_low``/``article_high`` (``present / scored``, exact binomial
    interval at ``level``; NaN when no article was scored, as with the model off), ``sentences`` (of
    the group), ``evoking`` (sentences that hold a cue of the frame) and ``sentence_share``.

    The sentence share has no interval: sentences of one article are not independent draws, and a
    binomial interval over them would look more certain than two articles are. Rows of articles not in
    ``articles`` are ignored. Raises FramingError for an unknown ``by`` column.
    """
    cols = by_columns(by)
    base = groups(articles, cols)[[*cols, "articles", "words"]]
    names = list(frame_names())
    seen = set(frames["frame"].astype(str)) | set(sentence_frames["frame"].astype(str))
    names += sorted(seen - set(names))
    grid = base.merge(pd.DataFrame({"frame": names}), how="cross")
    keys = [*cols, "frame"]

    scored_rows = with_groups(frames[["doc_id", "frame", "present"]], articles, cols)
    scored = scored_rows.drop_duplicates("doc_id").groupby(cols, dropna=False).size().rename("scored")
    present = scored_rows[scored_rows["present"].astype(bool)].groupby(keys, dropna=False).size().rename("present")
    sents = with_groups(sentences[["doc_id", "sent_id"]], articles, cols).groupby(cols, dropna=False).size()
    evoking = (with_groups(sentence_frames[["doc_id", "sent_id", "frame"]], articles, cols)
               .drop_duplicates(["doc_id", "sent_id", "frame"]).groupby(keys, dropna=False).size().rename("evoking"))

    out = grid.merge(scored.reset_index(), on=cols, how="left")
    out = out.merge(present.reset_index(), on=keys, how="left")
    out = out.merge(sents.rename("sentences").reset_index(), on=cols, how="left")
    out = out.merge(evoking.reset_index(), on=keys, how="left")
    for column in ("scored", "present", "sentences", "evoking"):
        out[column] = out[column].fillna(0).astype("int64")
    with np.errstate(invalid="ignore", divide="ignore"):
        out["article_share"] = np.where(out["scored"] > 0, out["present"] / out["scored"].where(out["scored"] > 0),
                                        np.nan)
        out["sentence_share"] = np.where(out["sentences"] > 0,
                                         out["evoking"] / out["sentences"].where(out["sentences"] > 0), np.nan)
    low, high = proportion_interval(out["present"], out["scored"], level=level)
    out["article_low"], out["article_high"] = low, high
    labels = frame_labels()
    out["label"] = [labels.get(f, f.replace("_", " ")) for f in out["frame"]]
    order = {name: i for i, name in enumerate(names)}
    out = out.assign(_order=out["frame"].map(order)).sort_values([*cols, "_order"]).drop(columns="_order")
    columns = [*cols, "frame", "label", "articles", "words", "scored", "present", "article_share", "article_low",
               "article_high", "sentences", "evoking", "sentence_share"]
    return out[columns].reset_index(drop=True)
