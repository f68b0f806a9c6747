"""Aligning a whole corpus, event by event: from tables in memory (:func:`align`) or from tables being
written (:func:`align_staged`, for :func:`framing.analysis.analyze_to`).

Both give the ``alignments`` and ``selection`` tables (see :mod:`framing.schemas`) and never look at
two events at once: the work and the memory of one event are those of its own articles. From staged
tables, the rows of the per-article tables are first sorted into buckets of whole events (at most
:data:`BUCKET_ARTICLES` articles each, unless one event is larger) and each bucket is read back
alone, so that memory is bounded by the largest bucket, not by the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from framing.alignment.events import events_of
from framing.alignment.pairing import Work, align_event
from framing.alignment.selection import selection_rows
from framing.alignment.similarity import DEFAULT, Measure
from framing.schemas import frame

#: The columns alignment reads from each per-article table.
COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": ("doc_id", "sent_id", "start_char", "end_char", "section", "text"),
    "quotes": ("doc_id", "quote_id", "sent_id", "kind", "start_char", "end_char", "text", "speaker",
               "speaker_resolved", "cue_start_char", "cue_end_char"),
    "mentions": ("doc_id", "sent_id", "start_char", "end_char", "text", "label", "actor"),
}
#: Articles per bucket when aligning staged tables (whole events: a larger event is a bucket alone).
BUCKET_ARTICLES = 2_000


@dataclass
class Alignment:
    """The cross-article tables of a corpus and what computing them compared."""

    alignments: pd.DataFrame
    selection: pd.DataFrame
    work: Work = field(default_factory=Work)
    events: int = 0


def _event_rows(event: str, articles: pd.DataFrame, parts: Mapping[str, pd.DataFrame], measure: Measure,
                work: Work) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    aligned = align_event(event, articles, parts["sentences"], parts["quotes"], parts["mentions"], measure=measure,
                          work=work)
    chosen = frame("alignments", aligned)
    return aligned, selection_rows(event, articles, parts["sentences"], parts["quotes"], chosen)


def _columns(table: pd.DataFrame, name: str) -> pd.DataFrame:
    wanted = COLUMNS[name]
    if table is None or table.empty:
        return frame(name)[list(wanted)]
    return table[[c for c in wanted if c in table.columns]].reindex(columns=list(wanted))


def align(tables: Mapping[str, pd.DataFrame], *, measure: Measure = DEFAULT,
          on_notice: Callable[[str], None] | None = None) -> Alignment:
    """The ``alignments`` and ``selection`` tables of ``tables`` (``articles``, ``sentences``, ``quotes``
    and ``mentions``; a missing one counts as empty), event by event (:func:`events_of`)."""
    articles = tables["articles"]
    parts = {name: _columns(tables.get(name), name) for name in COLUMNS}
    events = events_of(articles, parts["mentions"], on_notice=on_notice)
    found = articles[["doc_id", "outlet"]].assign(event=events.reindex(articles["doc_id"].astype(str)).to_numpy())
    by_doc = {name: dict(tuple(part.groupby("doc_id", sort=False))) for name, part in parts.items()}
    work, aligned, selected, n = Work(), [], [], 0
    for event, members in found.groupby("event", sort=True):
        if not str(event):
            continue
        n += 1
        ids = members["doc_id"].astype(str).tolist()
        event_parts = {name: _concat([by_doc[name].get(d) for d in ids], name) for name in COLUMNS}
        rows, selection = _event_rows(str(event), members, event_parts, measure, work)
        aligned.extend(rows)
        selected.extend(selection)
    return Alignment(frame("alignments", aligned), frame("selection", selected), work, n)


def _concat(parts: Iterable[pd.DataFrame | None], name: str) -> pd.DataFrame:
    found = [p for p in parts if p is not None and not p.empty]
    return pd.concat(found, ignore_index=True) if found else _columns(None, name)


def _buckets(events: pd.Series) -> dict[str, int]:
    """Event -> bucket number: events in sorted order, packed into buckets of whole events."""
    sizes = events[events != ""].value_counts().sort_index()
    out, bucket, filled = {}, 0, 0
    for event, size in sizes.items():
        if filled and filled + size > BUCKET_ARTICLES:
            bucket, filled = bucket + 1, 0
        out[str(event)] = bucket
        filled += int(size)
    return out


def align_staged(articles: pd.DataFrame, chunks: Callable[[str], Iterable[pd.DataFrame]], scratch: Path, *,
                 measure: Measure = DEFAULT, on_notice: Callable[[str], None] | None = None,
                 actors: Mapping[str, Iterable[str]] | None = None,
                 emit: Callable[[Mapping[str, list[dict[str, object]]]], None]) -> tuple[Work, int]:
    """Align a corpus whose per-article tables are on disk.

    ``articles``: doc_id, outlet and the columns that choose events (``event``, ``date``,
    ``event_date``); ``chunks(name)`` yields the staged rows of table ``name`` in chunks; ``scratch``:
    a folder for the buckets; ``actors``: the key actors of each article (for grouping a corpus without
    events). The rows of each event go to ``emit({"alignments": [...], "selection": [...]})``. Returns
    what was compared and the number of events.
    """
    events = events_of(articles, on_notice=on_notice, actors=actors or {})
    bucket_of = _buckets(events)
    doc_bucket = {doc: bucket_of.get(str(event)) for doc, event in events.items()}
    scratch.mkdir(parents=True, exist_ok=True)
    files: dict[tuple[int, str], list[Path]] = {}
    for name in COLUMNS:
        for i, chunk in enumerate(chunks(name)):
            chunk = _columns(chunk, name)
            bucket = chunk["doc_id"].astype(str).map(doc_bucket)
            for b, part in chunk.groupby(bucket, sort=True):
                path = scratch / f"{name}-{int(b):05d}-{i:06d}.parquet"
                part.reset_index(drop=True).to_parquet(path, index=False)
                files.setdefault((int(b), name), []).append(path)
    found = articles[["doc_id", "outlet"]].assign(event=events.reindex(articles["doc_id"].astype(str)).to_numpy())
    work, n = Work(), 0
    for b in sorted(set(bucket_of.values())):
        tables = {name: _concat((pd.read_parquet(p) for p in files.get((b, name), [])), name) for name in COLUMNS}
        in_bucket = {e for e, k in bucket_of.items() if k == b}
        members = found[found["event"].isin(in_bucket)]
        for event, part in members.groupby("event", sort=True):
            n += 1
            ids = set(part["doc_id"].astype(str))
            event_parts = {name: t[t["doc_id"].astype(str).isin(ids)] for name, t in tables.items()}
            rows, selection = _event_rows(str(event), part, event_parts, measure, work)
            emit({"alignments": rows, "selection": selection})
        for name in COLUMNS:
            for path in files.get((b, name), []):
                path.unlink(missing_ok=True)
    return work, n
