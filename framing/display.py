"""Views for exploring results in JupyterLab: a highlighted article and keyword-in-context.

Both read the tables of a run (never the parse): :func:`highlight` re-tokenises the article's text with
a blank English tokenizer (no model) only to hand displaCy token boundaries, and draws every marker
and quote with displaCy's span renderer; :func:`kwic` lists every occurrence of a term, category or
family with its sentence.

>>> tables = framing.analyze()                                 # doctest: +SKIP
>>> highlight(tables, "004_0dd5b71927f9dee2")                   # doctest: +SKIP
>>> kwic(tables, category="delegitimising")                    # doctest: +SKIP
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from framing.records import FAMILIES, QUOTE_KINDS

#: Span colours: marker families, then quotation kinds (Okabe-Ito and their light tints).
COLORS = {
    "loaded": "#E69F00", "hedge": "#56B4E9", "booster": "#D55E00", "distancing": "#CC79A7",
    "reporting_verb": "#F0E442", "direct": "#B9E3C6", "indirect": "#DDDDDD", "according_to": "#C9C3E6",
    "scare": "#F6C6DA",
}
LABELS = {**{family: family.replace("_", " ") for family in FAMILIES},
          **{kind: f"{kind.replace('_', ' ')} quote" for kind in QUOTE_KINDS}}
SPANS_KEY = "framing"


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en")


def _doc_with_spans(text: str, spans: list[tuple[int, int, str]]):
    doc = _tokenizer()(text)
    kept = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            kept.append(span)
    doc.spans[SPANS_KEY] = sorted(kept, key=lambda s: (s.start, -s.end, s.label_))
    return doc


def _render(doc) -> str:
    from spacy import displacy

    colors = {LABELS[key]: value for key, value in COLORS.items()}
    return displacy.render(doc, style="span", jupyter=False,
                           options={"spans_key": SPANS_KEY, "colors": colors})


def legend_html() -> str:
    """A legend drawn with the same renderer: each label highlighted in its colour."""
    names = list(LABELS.values())
    text = "   ".join(names)
    spans, position = [], 0
    for name in names:
        spans.append((position, position + len(name), name))
        position += len(name) + 3
    return _render(_doc_with_spans(text, spans))


def highlight_html(tables, doc_id: str, *, families=FAMILIES, kinds=QUOTE_KINDS, legend: bool = True) -> str:
    """HTML of one article with its markers (by family) and quotes (by kind) highlighted.

    ``tables`` is a :class:`framing.analysis.Tables` (or anything indexable by table name). Raises
    KeyError when ``doc_id`` is not in the articles table.
    """
    articles = tables["articles"]
    match = articles[articles["doc_id"] == doc_id]
    if match.empty:
        raise KeyError(f"no article {doc_id!r}; known: {', '.join(articles['doc_id'].head(10))}")
    text = match["text"].iloc[0]
    markers = tables["markers"]
    quotes = tables["quotes"]
    spans = [(int(r.start_char), int(r.end_char), LABELS[r.family])
             for r in markers[(markers["doc_id"] == doc_id) & markers["family"].isin(families)].itertuples()]
    spans += [(int(r.start_char), int(r.end_char), LABELS[r.kind])
              for r in quotes[(quotes["doc_id"] == doc_id) & quotes["kind"].isin(kinds)].itertuples()]
    html = _render(_doc_with_spans(text, spans))
    return (legend_html() + html) if legend else html


def highlight(tables, doc_id: str, **options):
    """Show one article highlighted in Jupyter (an ``IPython.display.HTML``); see :func:`highlight_html`."""
    from IPython.display import HTML

    return HTML(highlight_html(tables, doc_id, **options))


def kwic(tables, term: str | None = None, *, category: str | None = None, family: str | None = None,
         width: int = 50, by: str = "outlet") -> pd.DataFrame:
    """Every marker occurrence matching ``term`` (its lemma, entry or text, case-insensitive),
    ``category`` and/or ``family``, with ``width`` characters of context on each side and its sentence.

    Columns: ``doc_id``, ``by`` (e.g. outlet), ``family``, ``category``, ``voice``, ``left``, ``match``,
    ``right``, ``sentence``, ``start_char``. Sorted by document and position.
    """
    markers = tables["markers"]
    keep = pd.Series(True, index=markers.index)
    if term is not None:
        needle = term.lower()
        keep &= (markers["lemma"].str.lower().eq(needle) | markers["entry"].str.lower().eq(needle)
                 | markers["text"].str.lower().eq(needle))
    if category is not None:
        keep &= markers["category"].eq(category)
    if family is not None:
        keep &= markers["family"].eq(family)
    found = markers[keep]
    articles = tables["articles"].set_index("doc_id")
    sentences = tables["sentences"].set_index(["doc_id", "sent_id"])["text"]
    rows = []
    for r in found.itertuples():
        text = articles.at[r.doc_id, "text"]
        rows.append({
            "doc_id": r.doc_id, by: articles.at[r.doc_id, by] if by in articles.columns else "",
            "family": r.family, "category": r.category, "voice": r.voice,
            "left": " ".join(text[max(0, r.start_char - width):r.start_char].split()),
            "match": r.text,
            "right": " ".join(text[r.end_char:r.end_char + width].split()),
            "sentence": sentences.get((r.doc_id, r.sent_id), ""), "start_char": r.start_char,
        })
    columns = ["doc_id", by, "family", "category", "voice", "left", "match", "right", "sentence", "start_char"]
    return pd.DataFrame(rows, columns=columns).sort_values(["doc_id", "start_char"], ignore_index=True)
