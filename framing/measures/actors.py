"""The main actors: how often each group of articles names them, as subject or object, and the tone of
the sentences that name them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from framing.measures.groups import By, by_columns, check_columns, groups, with_groups
from framing.measures.intervals import LEVEL, mean_interval, rate_interval
from framing.records import ACTOR_LABELS, ROLES


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
    cols = by_columns(by)
    check_columns(mentions, ["doc_id", "sent_id", "label", "actor", "role", "text"], "mentions",
                   "the mentions table needs")
    grouped = groups(articles, cols)
    found = with_groups(mentions, articles, cols)
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
    out["rate"], out["rate_low"], out["rate_high"] = rate_interval(out["mentions"], out["words"], level=level)
    scored = found[list(dict.fromkeys([*cols, "actor", "doc_id", "sent_id"]))].drop_duplicates().merge(
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
