"""What each article alone reports: its unique selection, from the ``alignments`` rows of its event.

A sentence is **shared** when an alignment of a kind in :data:`~framing.alignment.pairing.SAME_KINDS`
(``same_quote``, ``quote_paraphrase``, ``same_fact``) joins it to an article of another outlet; a
quotation's every sentence is shared with it. A quotation is shared when it is one side of such a
row. Everything else is **unique**: no other outlet in the event reports it (``related`` rows share a
topic, not a report, and do not count).

The ``selection`` table has one row per article: ``event, doc_id, outlet, compared`` (articles of
other outlets in the event), ``n_sentences``, ``unique_sentences``, ``unique_share`` (of the
sentences), ``unique_word_share`` (of the article's words, counted in its sentences), ``n_quotes``
(attributed quotations), ``unique_quotes``, ``unique_quote_share``, ``n_lead_sentences`` (headline and
lead, see :mod:`framing.tables`), ``unique_lead_sentences`` and ``unique_lead_share``. Shares are
empty (NaN) when there is nothing to share with (``compared`` is 0) or nothing to count.
:func:`unique_passages` lists the unique sentences and quotations themselves.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from framing.alignment.pairing import SAME_KINDS
from framing.measures.terms import tokenize
from framing.records import ATTRIBUTED_KINDS

#: Sections of an article's opening: what a reader sees first.
LEAD_SECTIONS = ("headline", "lead")


def quote_sentences(quotes: pd.DataFrame, sentences: pd.DataFrame) -> dict[tuple[str, int], list[int]]:
    """(doc_id, quote_id) -> the sentence ids its span overlaps (at least its own ``sent_id``)."""
    out: dict[tuple[str, int], list[int]] = {}
    spans = {str(d): (part["start_char"].to_numpy(), part["end_char"].to_numpy(), part["sent_id"].to_numpy())
             for d, part in sentences.sort_values(["doc_id", "sent_id"]).groupby("doc_id", sort=False)}
    empty = (np.zeros(0), np.zeros(0), np.zeros(0, dtype=int))
    for doc, qid, sent, start, end in zip(quotes["doc_id"].astype(str), quotes["quote_id"], quotes["sent_id"],
                                          quotes["start_char"], quotes["end_char"]):
        starts, ends, ids = spans.get(doc, empty)
        hit = ids[(starts < end) & (ends > start)].astype(int).tolist()
        out[(doc, int(qid))] = hit or [int(sent)]
    return out


def shared_units(alignments: pd.DataFrame, quotes: pd.DataFrame, sentences: pd.DataFrame
                 ) -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """The shared (doc_id, sent_id) and (doc_id, quote_id) of the alignments of a kind in SAME_KINDS."""
    same = alignments[alignments["kind"].isin(SAME_KINDS)]
    spans = quote_sentences(quotes, sentences)
    sents: set[tuple[str, int]] = set()
    quoted: set[tuple[str, int]] = set()
    for side in ("a", "b"):
        for doc, sent, qid in same[[f"doc_{side}", f"sent_{side}", f"quote_{side}"]].itertuples(index=False):
            doc = str(doc)
            sents.add((doc, int(sent)))
            if not pd.isna(qid):
                quoted.add((doc, int(qid)))
                sents.update((doc, s) for s in spans.get((doc, int(qid)), ()))
    return sents, quoted


def _share(part: int, whole: int, compared: int) -> float:
    return float(part) / whole if whole and compared else np.nan


def selection_rows(event: str, articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                   alignments: pd.DataFrame) -> list[dict[str, object]]:
    """The ``selection`` rows of the articles of one event (their rows of the other tables, and the
    event's alignments)."""
    sents, quoted = shared_units(alignments, quotes, sentences)
    attributed = quotes[quotes["kind"].isin(ATTRIBUTED_KINDS)]
    quote_ids = {str(d): part["quote_id"].tolist() for d, part in attributed.groupby("doc_id", sort=False)}
    by_doc = {str(d): part for d, part in sentences.groupby("doc_id", sort=False)}
    outlets = articles["outlet"].fillna("").astype(str)
    per_outlet = outlets.value_counts()
    rows = []
    for doc, outlet in sorted(zip(articles["doc_id"].astype(str), outlets)):
        compared = int(len(articles) - per_outlet.get(outlet, 0))
        mine = by_doc.get(doc, sentences.iloc[:0])
        flags = np.array([(doc, int(s)) not in sents for s in mine["sent_id"]], dtype=bool)
        words = np.array([len(tokenize(str(t))) for t in mine["text"]], dtype=int)
        lead = mine["section"].isin(LEAD_SECTIONS).to_numpy()
        own_quotes = quote_ids.get(doc, [])
        unique_quotes = sum((doc, int(q)) not in quoted for q in own_quotes)
        rows.append({
            "event": event, "doc_id": doc, "outlet": outlet, "compared": compared,
            "n_sentences": int(len(mine)), "unique_sentences": int(flags.sum()),
            "unique_share": _share(int(flags.sum()), len(mine), compared),
            "unique_word_share": _share(int(words[flags].sum()), int(words.sum()), compared),
            "n_quotes": int(len(own_quotes)), "unique_quotes": int(unique_quotes),
            "unique_quote_share": _share(unique_quotes, len(own_quotes), compared),
            "n_lead_sentences": int(lead.sum()), "unique_lead_sentences": int((flags & lead).sum()),
            "unique_lead_share": _share(int((flags & lead).sum()), int(lead.sum()), compared),
        })
    return rows


def unique_passages(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The passages no other outlet of the event reports: one row per unique sentence and per unique
    attributed quotation, with ``event, doc_id, outlet, unit`` (``sentence`` or ``quote``), ``sent_id``,
    ``quote_id`` (empty for sentences), ``section``, ``speaker`` (for quotations) and ``text``; sorted by
    event, doc_id, unit, sent_id and quote_id. Articles whose event has no other outlet are left out.
    ``tables`` needs ``articles``, ``sentences``, ``quotes``, ``alignments`` and ``selection``."""
    selection = tables["selection"]
    compared = selection[selection["compared"] > 0][["doc_id", "event", "outlet"]]
    sents, quoted = shared_units(tables["alignments"], tables["quotes"], tables["sentences"])
    sentences = tables["sentences"].merge(compared, on="doc_id")
    keep = [(d, int(s)) not in sents for d, s in zip(sentences["doc_id"].astype(str), sentences["sent_id"])]
    out_s = sentences[keep].assign(unit="sentence", quote_id=pd.NA, speaker="")
    quotes = tables["quotes"]
    quotes = quotes[quotes["kind"].isin(ATTRIBUTED_KINDS)].merge(compared, on="doc_id")
    keep = [(d, int(q)) not in quoted for d, q in zip(quotes["doc_id"].astype(str), quotes["quote_id"])]
    section = tables["sentences"][["doc_id", "sent_id", "section"]]
    out_q = quotes[keep].merge(section, on=["doc_id", "sent_id"], how="left").assign(
        unit="quote", speaker=lambda d: d["speaker_resolved"].where(d["speaker_resolved"] != "", d["speaker"]))
    columns = ["event", "doc_id", "outlet", "unit", "sent_id", "quote_id", "section", "speaker", "text"]
    out = pd.concat([out_s[columns], out_q[columns]], ignore_index=True)
    out["quote_id"] = out["quote_id"].astype("Int64")
    return out.sort_values(["event", "doc_id", "unit", "sent_id", "quote_id"]).reset_index(drop=True)


def aligned_passages(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The ``alignments`` rows with what they join, for reading: ``outlet_a``/``outlet_b``, the passage
    of each side (``text_a``/``text_b``: the quotation's words for a quotation pair, else the sentence),
    and for quotations their ``speaker_*`` (resolved), ``quote_kind_*`` (direct, indirect ...) and ``cue_*``
    (the reporting verb). ``tables`` needs ``articles``, ``sentences``, ``quotes`` and ``alignments``."""
    rows = tables["alignments"].copy()
    outlets = tables["articles"].set_index("doc_id")["outlet"].astype(str)
    sentences = tables["sentences"].set_index(["doc_id", "sent_id"])["text"].astype(str)
    quotes = tables["quotes"].set_index(["doc_id", "quote_id"])
    for side in ("a", "b"):
        doc, sent, qid = rows[f"doc_{side}"], rows[f"sent_{side}"], rows[f"quote_{side}"]
        rows[f"outlet_{side}"] = doc.map(outlets).fillna("")
        found = [quotes.loc[(d, int(q))] if not pd.isna(q) else None for d, q in zip(doc, qid)]
        rows[f"text_{side}"] = [str(q["text"]) if q is not None else sentences.get((d, int(s)), "")
                                for q, d, s in zip(found, doc, sent)]
        for column, source in (("speaker", "speaker_resolved"), ("quote_kind", "kind"), ("cue", "cue")):
            rows[f"{column}_{side}"] = ["" if q is None else str(q[source]) for q in found]
    return rows.reset_index(drop=True)
