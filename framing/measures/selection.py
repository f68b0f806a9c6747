"""Selection, sentence by sentence: which sentences of each article another outlet also reports, which
only it reports, and what markers they carry (the data of figure 9, with the headline-against-body
contrast of :func:`framing.measures.sections.section_contrast`)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.measures.groups import By, by_columns, with_groups
from framing.measures.sentences import STRIP_FAMILIES

#: Priority of marker families when one colour stands for a sentence (the first present wins).
FAMILY_ORDER = ("loaded", "distancing", "hedge", "booster")


def _family(markers: pd.DataFrame) -> pd.DataFrame:
    """doc_id, sent_id -> the first family of :data:`FAMILY_ORDER` among the sentence's markers."""
    found = markers.loc[markers["family"].isin(STRIP_FAMILIES), ["doc_id", "sent_id", "family"]]
    if found.empty:
        return pd.DataFrame(columns=["doc_id", "sent_id", "family"])
    rank = found["family"].map({f: i for i, f in enumerate(FAMILY_ORDER)})
    found = found.assign(_rank=rank).sort_values(["doc_id", "sent_id", "_rank"])
    return found.drop_duplicates(["doc_id", "sent_id"])[["doc_id", "sent_id", "family"]]


def _links(alignments: pd.DataFrame, quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence and the sentence of another article an alignment joins it to (both
    directions; a quotation's every sentence takes part)."""
    from framing.alignment.selection import quote_sentences  # framing.alignment uses framing.measures

    spans = quote_sentences(quotes, sentences)
    rows = []
    for r in alignments.itertuples(index=False):
        side_a = spans.get((str(r.doc_a), int(r.quote_a)), [int(r.sent_a)]) if not pd.isna(r.quote_a) else [int(r.sent_a)]
        side_b = spans.get((str(r.doc_b), int(r.quote_b)), [int(r.sent_b)]) if not pd.isna(r.quote_b) else [int(r.sent_b)]
        for me, mine, other, theirs in ((r.doc_a, side_a, r.doc_b, side_b), (r.doc_b, side_b, r.doc_a, side_a)):
            for s in mine:
                rows.append({"doc_id": str(me), "sent_id": s, "kind": r.kind, "partner_doc": str(other),
                             "partner_sent": theirs[0], "score": float(r.score)})
    columns = ["doc_id", "sent_id", "kind", "partner_doc", "partner_sent", "score"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["doc_id", "sent_id", "partner_doc", "partner_sent", "kind"]).drop_duplicates(
        ["doc_id", "sent_id", "partner_doc", "partner_sent"])


def selection_view(sentences: pd.DataFrame, markers: pd.DataFrame, quotes: pd.DataFrame, alignments: pd.DataFrame,
                   articles: pd.DataFrame, events: pd.Series, *, by: By = "outlet") -> pd.DataFrame:
    """One row per sentence and alignment it takes part in (one row with an empty ``kind`` for a
    sentence with none): ``event``, the ``by`` columns, ``doc_id``, ``sent_id``, ``section``,
    ``family`` (the first of :data:`FAMILY_ORDER` among its markers, empty when none), ``unique``
    (no alignment of a kind in SAME_KINDS), ``kind``, ``partner_doc``, ``partner_sent``, ``partner``
    (the partner article's group label) and ``score``. ``events``: the event of each doc_id."""
    from framing.alignment.pairing import SAME_KINDS

    cols = by_columns(by)
    base = with_groups(sentences[["doc_id", "sent_id", "section"]], articles, cols)
    base = base.assign(event=base["doc_id"].astype(str).map(events).fillna("").astype(str))
    base = base.merge(_family(markers).astype({"sent_id": "int64"}), on=["doc_id", "sent_id"], how="left")
    links = _links(alignments, quotes, sentences)
    out = base.merge(links.astype({"sent_id": "int64"}), on=["doc_id", "sent_id"], how="left")
    shared = out[out["kind"].isin(SAME_KINDS)][["doc_id", "sent_id"]].drop_duplicates().assign(_shared=True)
    out = out.merge(shared, on=["doc_id", "sent_id"], how="left")
    out["unique"] = ~out["_shared"].fillna(False).astype(bool)
    labels = articles.set_index(articles["doc_id"].astype(str))[cols].astype(str).agg(" / ".join, axis=1)
    out["partner"] = out["partner_doc"].map(labels).fillna("")
    out["partner_sent"] = out["partner_sent"].astype("Int64")
    for column in ("family", "kind", "partner_doc"):
        out[column] = out[column].fillna("").astype(str)
    columns = ["event", *cols, "doc_id", "sent_id", "section", "family", "unique", "kind", "partner_doc",
               "partner_sent", "partner", "score"]
    out = out[list(dict.fromkeys(columns))]
    return out.sort_values(["event", *cols, "doc_id", "sent_id", "partner_doc", "partner_sent"]).reset_index(drop=True)


def shared_matrix(view: pd.DataFrame, *, by: By = "outlet") -> pd.DataFrame:
    """Outlet by outlet: the share of each group's sentences that an article of the other group
    reports too (an alignment of a kind in SAME_KINDS): columns ``group``, ``partner``, ``sentences``
    (the group's), ``shared`` and ``share``. ``view``: :func:`selection_view`."""
    from framing.alignment.pairing import SAME_KINDS

    cols = by_columns(by)
    labels = view[cols].astype(str).agg(" / ".join, axis=1)
    view = view.assign(group=labels)
    sizes = view.drop_duplicates(["doc_id", "sent_id"]).groupby("group").size()
    same = view[view["kind"].isin(SAME_KINDS)].drop_duplicates(["doc_id", "sent_id", "partner"])
    counts = same.groupby(["group", "partner"]).size()
    names = sorted(sizes.index)
    rows = [{"group": g, "partner": p, "sentences": int(sizes[g]), "shared": int(counts.get((g, p), 0)),
             "share": float(counts.get((g, p), 0)) / sizes[g] if sizes[g] else np.nan}
            for g in names for p in names]
    return pd.DataFrame(rows, columns=["group", "partner", "sentences", "shared", "share"])


#: Figure 9 draws the articles of one event side by side up to this many; beyond, the outlet matrix.
MAX_COLUMNS = 6
#: Characters of each sentence kept in the figure's table (the figure shows the start of each sentence).
SNIPPET_CHARS = 90


def largest_event(events: pd.Series) -> str:
    """The event with the most articles (ties: the first by name); empty when there is none."""
    counts = events[events.astype(str) != ""].astype(str).value_counts()
    if counts.empty:
        return ""
    return sorted(counts.index, key=lambda e: (-counts[e], e))[0]


def selection_figure(sentences: pd.DataFrame, markers: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame,
                     alignments: pd.DataFrame, articles: pd.DataFrame, events: pd.Series, *, by: By = "outlet",
                     sentence_frames: pd.DataFrame | None = None, max_columns: int = MAX_COLUMNS) -> pd.DataFrame:
    """The table of figure 9, one ``panel`` per kind of row:

    - ``selection``: the sentences of the largest event (:func:`largest_event`) and their links
      (:func:`selection_view`, with ``text``: the start of each sentence), when it has at most
      ``max_columns`` articles;
    - ``matrix``: otherwise, :func:`shared_matrix` over all events;
    - ``headline``: :func:`framing.measures.sections.section_contrast` over all articles.
    """
    from framing.measures.sections import section_contrast

    cols = by_columns(by)
    view = selection_view(sentences, markers, quotes, alignments, articles, events, by=cols)
    event = largest_event(events)
    members = set(events[events.astype(str) == event].index.astype(str))
    if event and len(members) <= max_columns:
        part = view[view["event"] == event]
        text = sentences.set_index(["doc_id", "sent_id"])["text"].astype(str).str.slice(0, SNIPPET_CHARS)
        part = part.assign(text=[text.get((d, s), "") for d, s in zip(part["doc_id"], part["sent_id"])])
        shown = part.assign(panel="selection")
    else:
        shown = shared_matrix(view, by=cols).assign(panel="matrix")
    contrast = section_contrast(sentences, markers, mentions, articles, by=cols,
                                sentence_frames=sentence_frames).assign(panel="headline")
    out = pd.concat([shown, contrast], ignore_index=True)
    for column in ("sent_id", "partner_sent", "sentences", "shared", "opening_sentences", "opening_with",
                   "rest_sentences", "rest_with"):
        if column in out.columns:
            out[column] = out[column].astype("Int64")
    first = ["panel", *[c for c in out.columns if c != "panel"]]
    return out[first]
