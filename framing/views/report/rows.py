"""What the report shows of each table row: its highlight in the article, the note shown when the
highlight has focus, and its keyword-in-context line.

Markers are drawn by ``family`` and quotations by ``kind``, in the colours of the figures
(:func:`framing.figures.style.span_colors`). Families and columns the report does not know are shown all
the same: a family without a colour of its own gets :data:`FALLBACK_COLOR`, and a ``score`` column (rows
found by a model) is shown with each row that has one. Row ids are stable: ``m1, m2, ...`` for an
article's markers in the order of their offsets, ``q`` and the ``quote_id`` for its quotations.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.figures.style import FAMILY_COLORS, FAMILY_LABELS, KIND_LABELS, TYPE_LABELS, span_colors, tint
from framing.records import QUOTE_KINDS
from framing.schemas import cell_text
from framing.views.report.spans import Span

#: Colour of a marker family that has none of its own (Paul Tol's grey of the "vibrant" palette).
FALLBACK_COLOR = "#BBBBBB"
#: How light the highlight of a family is (share of its colour mixed with white), as in span_colors().
FAMILY_TINT = 0.45
#: The family under which quotations are switched on and off.
QUOTATION = "quotation"
#: Characters of context on each side of a keyword-in-context line.
CONTEXT = 60
#: Longest quotation text shown in a keyword-in-context line (the rest is cut with an ellipsis).
MATCH_LIMIT = 160
VOICE_LABELS = {"author": "in the outlet's own words", "quoted": "inside a quotation"}


@dataclass(frozen=True)
class Row:
    """One table row as the report shows it: highlight, note and keyword-in-context line."""

    id: str
    start: int
    end: int
    family: str
    key: str  # the colour key: the family of a marker, the kind of a quotation
    category: str
    text: str
    notes: tuple[str, ...]
    detail: str  # voice of a marker, speaker and cue of a quotation (one line)
    model: bool

    def span(self) -> Span:
        attrs = {"data-family": self.family}
        if self.family == QUOTATION:
            attrs["data-kind"] = self.key
        if self.model:
            attrs["data-origin"] = "model"
        return Span(self.start, self.end, self.id, attrs)


def family_label(family: str) -> str:
    """The name of a family as people read it ("reporting_verb" -> "Reporting verb")."""
    return FAMILY_LABELS.get(family) or family.replace("_", " ").capitalize()


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind) or f"{kind.replace('_', ' ').capitalize()} quotation"


def highlight_colors(keys: Iterable[str]) -> dict[str, str]:
    """Highlight colour of each key (marker family or quotation kind), in the order given: the views'
    colours, :data:`FALLBACK_COLOR` lightened for a family without one."""
    known = span_colors()
    return {key: known.get(key) or tint(FAMILY_COLORS.get(key, FALLBACK_COLOR), FAMILY_TINT) for key in keys}


def strong_color(family: str) -> str:
    """The figures' colour of a family (:data:`FALLBACK_COLOR` for one without)."""
    return FAMILY_COLORS.get(family, FALLBACK_COLOR)


def _flag(value: object) -> bool:
    """True for a true boolean cell (False for false, missing or text)."""
    return isinstance(value, bool | np.bool_) and bool(value)


def _score(value: object) -> str:
    text = cell_text(value).strip()
    try:
        return f"{float(text):.3g}" if text else ""
    except ValueError:
        return text


#: Rows of a table: a DataFrame, or its records (column -> value), as the builder passes them.
Records = pd.DataFrame | Sequence[Mapping[str, object]]


def _records(rows: Records) -> list[Mapping[str, object]]:
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)


def marker_rows(markers: Records) -> list[Row]:
    """The report rows of one article's markers, ordered by offsets (then family, category, entry)."""
    records = _records(markers)
    if not records:
        return []
    has_score = "score" in records[0]
    ordered = sorted(records, key=lambda r: (int(r["start_char"]), int(r["end_char"]), cell_text(r["family"]),
                                             cell_text(r.get("category")), cell_text(r.get("entry")), cell_text(r["text"])))
    rows = []
    for i, r in enumerate(ordered, start=1):
        family, category = cell_text(r["family"]), cell_text(r["category"])
        score = _score(r.get("score")) if has_score else ""
        notes = [f"{family_label(family)}: {category}" if category else family_label(family)]
        entry, source = cell_text(r.get("entry")), cell_text(r.get("source"))
        if entry and entry.lower() != cell_text(r["text"]).lower():
            notes.append(f"Entry: {entry}")
        if source:
            learned = source.startswith("model:")
            notes.append(f"Model: {source.removeprefix('model:').strip()}" if learned or score else f"Source: {source}")
        if score:
            notes.append(f"Score: {score}")
        voice = VOICE_LABELS.get(cell_text(r.get("voice")), cell_text(r.get("voice")))
        quote_id = cell_text(r.get("quote_id"))
        if voice:
            notes.append(f"Voice: {voice}" + (f" (quotation {quote_id})" if quote_id else ""))
        if _flag(r.get("negated")):
            notes.append("Negated")
        rows.append(Row(f"m{i}", int(r["start_char"]), int(r["end_char"]), family, family, category,
                        cell_text(r["text"]), tuple(notes), voice, bool(score)))
    return rows


def _attribution(r: Mapping[str, object]) -> str:
    speaker, resolved = cell_text(r.get("speaker")), cell_text(r.get("speaker_resolved"))
    if not speaker and not resolved:
        return ""
    who = speaker if not resolved or resolved == speaker else f"{speaker} ({resolved})"
    return who


def quote_rows(quotes: Records) -> list[Row]:
    """The report rows of one article's quotations, ordered by offsets (then quote_id)."""
    records = _records(quotes)
    ordered = sorted(records, key=lambda r: (int(r["start_char"]), int(r["end_char"]), int(r["quote_id"])
                                             if cell_text(r.get("quote_id")) else -1))
    rows = []
    for r in ordered:
        kind = cell_text(r["kind"])
        notes = [kind_label(kind)]
        who = _attribution(r)
        if who:
            kind_of = TYPE_LABELS.get(cell_text(r.get("speaker_type")), cell_text(r.get("speaker_type")))
            notes.append(f"Speaker: {who}" + (f", {kind_of.lower()}" if kind_of else "")
                         + (" (from an earlier quotation)" if _flag(r.get("speaker_inherited")) else ""))
        if cell_text(r.get("speaker_descriptor")):
            notes.append(f"Described as: {cell_text(r['speaker_descriptor'])}")
        cue, cue_class = cell_text(r.get("cue")), cell_text(r.get("cue_class"))
        if cue:
            notes.append(f"Cue: {cue}" + (f" ({cue_class})" if cue_class else "")
                         + (" (from an earlier quotation)" if _flag(r.get("cue_inherited")) else ""))
        elif kind != "scare":
            notes.append("No cue found")
        detail = "; ".join(part for part in (who and f"speaker: {who}", cue and f"cue: {cue}") if part)
        rows.append(Row(f"q{cell_text(r['quote_id'])}", int(r["start_char"]), int(r["end_char"]), QUOTATION, kind,
                        kind, cell_text(r["text"]), tuple(notes), detail, False))
    return rows


def article_rows(markers: Records, quotes: Records) -> list[Row]:
    """Every report row of one article: its quotations first (outer bands), then its markers."""
    return [*quote_rows(quotes), *marker_rows(markers)]


def _context(text: str) -> str:
    return " ".join(text.split())


def kwic_line(text: str, row: Row, width: int = CONTEXT) -> tuple[str, str, str]:
    """``(left, match, right)`` of ``row`` in the article ``text``: ``width`` characters of context on
    each side (whitespace collapsed), a quotation's text cut at :data:`MATCH_LIMIT` characters."""
    match = _context(row.text)
    if len(match) > MATCH_LIMIT:
        match = match[:MATCH_LIMIT - 1].rstrip() + "\u2026"
    left = _context(text[max(0, row.start - width):max(0, row.start)])
    right = _context(text[row.end:row.end + width])
    return left, match, right


def family_order(families: Iterable[str]) -> list[str]:
    """Families in the order of the figures' palette, then any other family by name, quotations last."""
    found = set(families) - {QUOTATION}
    known = [f for f in FAMILY_COLORS if f in found and f != QUOTATION]
    return [*known, *sorted(found - set(known)), QUOTATION]


def kind_order(kinds: Iterable[str]) -> list[str]:
    """Quotation kinds in the schema's order, then any other kind by name."""
    found = set(kinds)
    return [*(k for k in QUOTE_KINDS if k in found), *sorted(found - set(QUOTE_KINDS))]
