"""Views for exploring results in JupyterLab: a highlighted article, keyword-in-context, and the small
views the notebooks are made of.

All read the tables of a run (never the parse): :func:`highlight` re-tokenises the article's text with
a blank English tokenizer (no model) only to hand displaCy token boundaries, and draws every marker
and quote with displaCy's span renderer; :func:`kwic` lists every occurrence of a term, category or
family with its sentence; :func:`vocabulary` lists the words each outlet uses in each category;
:func:`show_figure` shows a figure exactly as ``make figures`` writes it; :func:`describe` turns rows
of a measure into one line of text, so that prose quotes numbers computed from the tables;
:func:`problems_table` lists what reading the corpus skipped or noted. Frame cues (family ``frame``)
are highlighted by their frame, each frame in its colour; :func:`frame_evidence` lists the sentences
that carry each frame of an article and :func:`evidence_html` shows them with their cues highlighted.

>>> tables = framing.analyze()                                 # doctest: +SKIP
>>> highlight(tables, "004_0dd5b71927f9dee2")                   # doctest: +SKIP
>>> kwic(tables, category="delegitimising")                    # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from framing.errors import Problem
from framing.figures.style import FRAME_COLORS, span_colors, tint
from framing.records import FAMILIES, FRAME_FAMILY, QUOTE_KINDS

#: Span colours: marker families, then quotation kinds (the figures' colours, lightened).
COLORS = span_colors()
LABELS = {**{family: family.replace("_", " ") for family in FAMILIES},
          **{kind: f"{kind.replace('_', ' ')} quote" for kind in QUOTE_KINDS}}
#: Frame cues are highlighted by their frame: label -> colour (light tints of the frame colours).
FRAME_SPAN_COLORS = {name.replace("_", " "): tint(color, 0.55) for name, color in FRAME_COLORS.items()}
SPANS_KEY = "framing"
#: Screen pixels per inch of figure width when a figure is shown in a notebook.
PIXELS_PER_INCH = 120


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

    colors = {**{LABELS[key]: value for key, value in COLORS.items()}, **FRAME_SPAN_COLORS}
    return displacy.render(doc, style="span", jupyter=False,
                           options={"spans_key": SPANS_KEY, "colors": colors})


def frame_label(frame: str) -> str:
    """The highlight label of a frame's cues: its name with spaces ("Security and defense")."""
    return frame.replace("_", " ")


def legend_html(keys: Iterable[str] | None = None, *, frames: Iterable[str] = ()) -> str:
    """A legend drawn with the same renderer: each label highlighted in its colour.

    ``keys``: the marker families and quote kinds to list (default: all, in the order of
    :data:`COLORS`); ``frames``: frames whose cue colour to list too."""
    wanted = set(COLORS if keys is None else keys)
    names = [LABELS[key] for key in COLORS if key in wanted] + [frame_label(f) for f in frames]
    text = "   ".join(names)
    spans, position = [], 0
    for name in names:
        spans.append((position, position + len(name), name))
        position += len(name) + 3
    return _render(_doc_with_spans(text, spans))


def highlight_html(tables, doc_id: str, *, families=FAMILIES, kinds=QUOTE_KINDS, frames: Iterable[str] | None = None,
                   legend: bool = True) -> str:
    """HTML of one article with its markers (by family; frame cues by frame) and quotes (by kind)
    highlighted.

    ``tables`` is a :class:`framing.analysis.Tables` (or anything indexable by table name);
    ``families``/``kinds`` say which markers and quotes to draw, ``frames`` which frames' cues (None:
    all, when ``frame`` is among the families), and the legend names just those.
    Raises KeyError when ``doc_id`` is not in the articles table.
    """
    articles = tables["articles"]
    match = articles[articles["doc_id"] == doc_id]
    if match.empty:
        raise KeyError(f"no article {doc_id!r}; known: {', '.join(articles['doc_id'].head(10))}")
    text = match["text"].iloc[0]
    markers = tables["markers"]
    quotes = tables["quotes"]
    own = markers[(markers["doc_id"] == doc_id) & markers["family"].isin(families)]
    cues = own[own["family"] == FRAME_FAMILY]
    if frames is not None:
        cues = cues[cues["category"].isin(list(frames))]
    spans = [(int(r.start_char), int(r.end_char), LABELS[r.family])
             for r in own[own["family"] != FRAME_FAMILY].itertuples()]
    spans += [(int(r.start_char), int(r.end_char), frame_label(r.category)) for r in cues.itertuples()]
    spans += [(int(r.start_char), int(r.end_char), LABELS[r.kind])
              for r in quotes[(quotes["doc_id"] == doc_id) & quotes["kind"].isin(kinds)].itertuples()]
    html = _render(_doc_with_spans(text, spans))
    shown = [f for f in FRAME_COLORS if f in set(cues["category"])]
    return (legend_html([f for f in [*families, *kinds] if f != FRAME_FAMILY], frames=shown) + html) if legend \
        else html


def highlight(tables, doc_id: str, **options):
    """Show one article highlighted in Jupyter (an ``IPython.display.HTML``); see :func:`highlight_html`."""
    from IPython.display import HTML

    return HTML(highlight_html(tables, doc_id, **options))


def frame_evidence(tables, doc_id: str, *, frames: Iterable[str] | None = None) -> pd.DataFrame:
    """The evidence sentences of each frame of one article: for the frames the model finds present (or
    ``frames``), highest score first, the sentences of the ``frames`` table's ``evidence`` in their
    order, with the frame's ``score``, the sentence's ``part`` in it and its ``cues`` (from
    ``sentence_frames``; empty when the sentence holds no cue of the frame) and ``text``.

    Columns: ``frame``, ``score``, ``rank`` (1 = carries the frame most), ``sent_id``, ``part``,
    ``cues``, ``text``. Empty when the frames model did not run.
    """
    columns = ["frame", "score", "rank", "sent_id", "part", "cues", "text"]
    found = tables["frames"]
    found = found[found["doc_id"] == doc_id]
    found = found[found["present"]] if frames is None else found[found["frame"].isin(list(frames))]
    found = found.sort_values(["score", "frame"], ascending=[False, True])
    sentences = tables["sentences"]
    texts = sentences[sentences["doc_id"] == doc_id].set_index("sent_id")["text"]
    evoked = tables["sentence_frames"]
    evoked = evoked[evoked["doc_id"] == doc_id].set_index(["sent_id", "frame"])
    rows = []
    for r in found.itertuples():
        ids = [int(s) for s in str(r.evidence).split(";") if s]
        for rank, sent_id in enumerate(ids, start=1):
            hit = evoked.loc[(sent_id, r.frame)] if (sent_id, r.frame) in evoked.index else None
            rows.append({"frame": r.frame, "score": r.score, "rank": rank, "sent_id": sent_id,
                         "part": float("nan") if hit is None else hit["score"],
                         "cues": "" if hit is None else hit["cues"], "text": texts.get(sent_id, "")})
    return pd.DataFrame(rows, columns=columns)


def evidence_html(tables, doc_id: str, *, frames: Iterable[str] | None = None) -> str:
    """HTML of the evidence sentences of each frame of one article (see :func:`frame_evidence`), each
    sentence with the cue words of that frame highlighted in the frame's colour."""
    from html import escape

    evidence = frame_evidence(tables, doc_id, frames=frames)
    markers = tables["markers"]
    cues = markers[(markers["doc_id"] == doc_id) & (markers["family"] == FRAME_FAMILY)]
    sentences = tables["sentences"]
    starts = sentences[sentences["doc_id"] == doc_id].set_index("sent_id")["start_char"]
    parts = []
    for frame, rows in evidence.groupby("frame", sort=False):
        score = float(rows["score"].iloc[0])
        parts.append(f"<p><b>{escape(frame_label(frame))}</b> (score {score:.2f})</p>")
        for r in rows.itertuples():
            start = int(starts.get(r.sent_id, 0))
            own = cues[(cues["category"] == frame) & (cues["start_char"] >= start)
                       & (cues["end_char"] <= start + len(r.text))]
            spans = [(int(c.start_char) - start, int(c.end_char) - start, frame_label(frame)) for c in own.itertuples()]
            parts.append(_render(_doc_with_spans(r.text, spans)) if spans
                         else f'<div class="spans" style="line-height: 2.5">{escape(r.text)}</div>')
    return "".join(parts)


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


def vocabulary(tables, *, family: str | None = None, category: str | None = None,
               keys: Sequence[str] = ("category",), by: str = "outlet") -> pd.DataFrame:
    """The words behind the counts: for each value of ``keys`` (e.g. category, or category and voice)
    and each group of articles, how many markers were found and which words they are.

    Markers are restricted to ``family`` and/or ``category`` when given. Returns one row per key
    combination and group that has markers: the ``keys``, ``by``, ``count`` and ``words`` (the
    lower-cased matches, most frequent first, ``×n`` after those found more than once). Rows are
    ordered by the key's total count over all groups (largest first), then by key and group.

    >>> vocabulary(tables, family="loaded")             # doctest: +SKIP
           category    outlet  count                                   words
    threat and fear     Krone     16  threat ×4, clear threat ×3, threatening ×2, ...
    """
    keys = list(keys)
    markers = tables["markers"]
    keep = pd.Series(True, index=markers.index)
    if family is not None:
        keep &= markers["family"].eq(family)
    if category is not None:
        keep &= markers["category"].eq(category)
    groups = tables["articles"][["doc_id", by]].drop_duplicates("doc_id")
    found = markers.loc[keep, ["doc_id", *keys, "text"]].merge(groups, on="doc_id", how="inner")
    columns = [*keys, by, "count", "words"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    found = found.assign(word=found["text"].astype(str).str.split().str.join(" ").str.lower())
    found[[*keys, by]] = found[[*keys, by]].astype(str)
    rows = []
    for key, part in found.groupby([*keys, by], sort=True):
        counts = part["word"].value_counts()
        order = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        words = ", ".join(word if n == 1 else f"{word} \u00d7{n}" for word, n in order)
        rows.append((*key, len(part), words))
    out = pd.DataFrame(rows, columns=columns)
    total = out.groupby(keys)["count"].transform("sum")
    out = out.assign(_total=total).sort_values(["_total", *keys, by], ascending=[False] + [True] * (len(keys) + 1))
    return out.drop(columns="_total").reset_index(drop=True)


def describe(table: pd.DataFrame, template: str, *, by: str | Sequence[str] | None = None,
             sep: str = "; ") -> str:
    """One line of text from the rows of ``table``: ``template`` filled with each row's columns
    (``str.format`` fields), joined by ``sep``. With ``by``, ``{group}`` is the row's group label
    (the ``by`` values joined by " / "), so that one template serves any grouping column.

    >>> describe(rates, "{group}: {rate:.1f} per 1,000 words", by="outlet")   # doctest: +SKIP
    'Krone: 45.1 per 1,000 words; OneWorld: 66.1 per 1,000 words'
    """
    cols = [] if by is None else ([by] if isinstance(by, str) else list(by))
    parts = []
    for row in table.to_dict("records"):
        fields = {str(k): v for k, v in row.items()}
        if cols:
            fields["group"] = " / ".join(str(row[c]) for c in cols)
        parts.append(template.format(**fields))
    return sep.join(parts)


def linked_figure(name: str, tables, folder: str | Path, *, by: str | Sequence[str] = "outlet"):
    """Draw figure ``name`` (one of :data:`framing.figures.NAMES`) as ``make figures`` does, write its PNG,
    SVG and CSV into ``folder`` and return ``(table, link)``: the figure's table and a Markdown image
    link to the PNG, with the figure's caption as its text. ``folder`` is written as given in the link,
    so give it relative to the notebook ("../figures"). The notebook keeps a link, not the image."""
    from IPython.display import Markdown

    from framing.figures import BY_NAME, write_figure

    table, _ = write_figure(name, tables, folder, by=by)
    path = Path(folder, f"{name}.png").as_posix()
    return table, Markdown(f"![{BY_NAME[name].caption}]({path})")


def show_figure(fig: Figure, *, width: int | None = None):
    """Show ``fig`` in a notebook as the PNG that ``make figures`` would write (the same bytes on every
    run), ``width`` screen pixels wide (default: :data:`PIXELS_PER_INCH` per inch of the figure).
    Returns an ``IPython.display.Image``."""
    from IPython.display import Image

    from framing.figures import figure_bytes

    pixels = width if width is not None else round(fig.get_figwidth() * PIXELS_PER_INCH)
    return Image(data=figure_bytes(fig, "png"), format="png", width=pixels)


def problems_table(problems: Iterable[Problem], *, root: str | Path | None = None) -> pd.DataFrame:
    """What reading skipped or noted (``Tables.problems``) as a table: ``path`` (relative to ``root``
    when it lies inside it), ``line``, ``problem``, ``fix``, ``skipped`` (False: only a note)."""
    base = None if root is None else Path(root).resolve()
    rows = []
    for problem in problems:
        path = problem.path
        if base is not None and path:
            resolved = Path(path).resolve()
            if resolved.is_relative_to(base):
                path = resolved.relative_to(base).as_posix()
        rows.append({"path": path, "line": problem.line, "problem": problem.problem, "fix": problem.fix,
                     "skipped": problem.skipped})
    out = pd.DataFrame(rows, columns=["path", "line", "problem", "fix", "skipped"])
    out["line"] = out["line"].astype("Int64")
    return out
