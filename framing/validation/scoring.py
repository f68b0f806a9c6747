"""The tool scored against human codes: precision, recall and F1 per code, the confusion table, and
every disagreement in context.

For each coder and variable, a unit counts for a code as a true positive when both the tool and the
coder give it, a false positive when only the tool does, a false negative when only the coder does
(units the coder left uncoded are left out). In sentence and article units the spans are also scored
token by token (``level`` = ``token``). ``code`` = ``(all)`` adds up the codes of a variable (micro
average). Precision and recall have Wilson 95% intervals; F1 = 2J / (1 + J) with J = TP / (TP + FP +
FN), and its interval is J's Wilson interval mapped the same way. Tokens are not independent, so
token-level intervals are narrower than they should be: read them as a lower bound of the uncertainty.

On marker and quote units the tool is judged on what it found: recall there is only about those
units (a marker it missed altogether cannot be in the sample); sample sentences or articles for recall.

The confusion table pairs what the tool said with what the coder said: for spans, each tool span
with the coder's span it overlaps (``none`` when there is none) and each coder's span that no tool span
overlaps; for frames each frame of a unit; for marker and quote units the two values.

>>> result = validate("results/", read_coding(["anna.csv"]))               # doctest: +SKIP
>>> write_validation(result, "validation/")                                # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from framing.errors import InputError
from framing.measures.intervals import LEVEL, wilson_interval
from framing.validation.reliability import ALL, TOKEN_VARIABLES, token_offsets
from framing.validation.codes import NONE, SPAN_UNITS, CodedUnit, Span
from framing.validation.coding import Coding
from framing.validation.toolcodes import ToolUnit, check_texts, tool_units
from framing.validation.units import Results, load_results, UNIT_TABLES

SCORE_COLUMNS = ("coder", "level", "variable", "code", "units", "tp", "fp", "fn", "precision", "precision_low",
                 "precision_high", "recall", "recall_low", "recall_high", "f1", "f1_low", "f1_high")
CONFUSION_COLUMNS = ("coder", "variable", "tool", "human", "count")
#: ``file`` and ``line``: where the coder's code is (the file's name: the coder's files have names of their own).
DISAGREEMENT_COLUMNS = ("coder", "unit_id", "doc_id", "variable", "tool", "human", "text", "context", "file", "line")
#: Marks around the words in question in the context of a disagreement.
OPEN, CLOSE = "[[", "]]"
#: The names of the files :func:`write_validation` writes (the figure as PNG and SVG).
FILES = ("validation_scores.csv", "validation_confusion.csv", "validation_disagreements.csv",
         "lexicon_suggestions.csv", "validation.png", "validation.svg")


@dataclass
class Validation:
    """Scores, confusion table, disagreements and lexicon suggestions of one validation, and notes on
    what could not be scored."""

    scores: pd.DataFrame
    confusion: pd.DataFrame
    disagreements: pd.DataFrame
    suggestions: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def score_row(tp: int, fp: int, fn: int, *, level: float = LEVEL) -> dict[str, float]:
    """Precision, recall and F1 of counts, with Wilson intervals (F1 via J = TP / (TP + FP + FN))."""
    p_low, p_high = wilson_interval(tp, tp + fp, level=level)
    r_low, r_high = wilson_interval(tp, tp + fn, level=level)
    j_low, j_high = wilson_interval(tp, tp + fp + fn, level=level)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = tp / (tp + fp) if tp + fp else np.nan
        recall = tp / (tp + fn) if tp + fn else np.nan
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else np.nan
    return {"precision": precision, "precision_low": float(p_low), "precision_high": float(p_high),
            "recall": recall, "recall_low": float(r_low), "recall_high": float(r_high), "f1": f1,
            "f1_low": float(2 * j_low / (1 + j_low)), "f1_high": float(2 * j_high / (1 + j_high))}


def _count(pairs: Sequence[tuple[frozenset[str], frozenset[str]]]) -> dict[str, list[int]]:
    counts: dict[str, list[int]] = {}
    for tool, human in pairs:
        for code in (tool | human) - {NONE}:
            cell = counts.setdefault(code, [0, 0, 0])
            cell[0 if code in tool and code in human else 1 if code in tool else 2] += 1
    return counts


def _score_rows(coder: str, level: str, variable: str, pairs, units: int) -> list[dict[str, object]]:
    counts = _count(pairs)
    rows = []
    for code in sorted(counts):
        tp, fp, fn = counts[code]
        rows.append({"coder": coder, "level": level, "variable": variable, "code": code, "units": units,
                     "tp": tp, "fp": fp, "fn": fn, **score_row(tp, fp, fn)})
    if counts:
        tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
        rows.append({"coder": coder, "level": level, "variable": variable, "code": ALL, "units": units,
                     "tp": tp, "fp": fp, "fn": fn, **score_row(tp, fp, fn)})
    return rows


def _token_pairs(unit: CodedUnit, tool: ToolUnit, variable: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    def codes(spans: Sequence[Span], start: int, end: int) -> frozenset[str]:
        return frozenset((s.family if variable == "family" else s.category) for s in spans
                         if s.start < end and start < s.end)

    return [(codes(tool.spans, s, e), codes(unit.spans, s, e)) for s, e in token_offsets(unit.text)]


class _Context:
    """The sentence around a place in an article, with the words in question marked."""

    def __init__(self, tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str]):
        self.texts = texts
        self.sentences: dict[str, list[tuple[int, int]]] = {}
        for d, s, e in tables["sentences"][["doc_id", "start_char", "end_char"]].itertuples(index=False):
            self.sentences.setdefault(str(d), []).append((int(s), int(e)))

    def __call__(self, doc_id: str, start: int, end: int) -> str:
        text = self.texts[doc_id]
        around = [(s, e) for s, e in self.sentences.get(doc_id, []) if s < max(end, start + 1) and start < e]
        low = min([s for s, _ in around] + [start])
        high = max([e for _, e in around] + [end])
        return " ".join(f"{text[low:start]}{OPEN}{text[start:end]}{CLOSE}{text[end:high]}".split())


def _span_confusion(unit: CodedUnit, tool: ToolUnit):
    """(tool, human, span) triples from matching tool spans with the coder's spans by overlap."""
    out = []
    for t in tool.spans:
        overlapping = [h for h in unit.spans if h.start < t.end and t.start < h.end]
        same = [h for h in overlapping if h.family == t.family]
        if same:
            out.append((t.family, t.family, t, same[0]))
        elif overlapping:
            out.append((t.family, overlapping[0].family, t, overlapping[0]))
        else:
            out.append((t.family, NONE, t, None))
    for h in unit.spans:
        if not any(t.start < h.end and h.start < t.end for t in tool.spans):
            out.append((NONE, h.family, None, h))
    return out


def _disagreement(coder, unit, variable, tool, human, start, end, context, texts) -> dict[str, object]:
    begin, finish = unit.start_char + start, unit.start_char + end
    return {"coder": coder, "unit_id": unit.unit_id, "doc_id": unit.doc_id, "variable": variable, "tool": tool,
            "human": human, "text": texts[unit.doc_id][begin:finish], "context": context(unit.doc_id, begin, finish),
            "file": Path(unit.path).name, "line": unit.line}


def _joined(values: frozenset[str] | None) -> str:
    return ";".join(sorted(values)) if values else NONE


def _coder_results(coder: str, units: list[CodedUnit], tool: Mapping[str, ToolUnit], variables: Sequence[str],
                   context: _Context, texts: Mapping[str, str]):
    scores, confusion, disagreements = [], [], []
    for variable in variables:
        coded = [u for u in units if variable in u.codes and variable in tool[u.unit_id].codes]
        if not coded:
            continue
        pairs = [(tool[u.unit_id].codes[variable], u.codes[variable]) for u in coded]
        scores += _score_rows(coder, "unit", variable, pairs, len(coded))
        if coded[0].unit in SPAN_UNITS and variable in TOKEN_VARIABLES:
            token_pairs = [p for u in coded for p in _token_pairs(u, tool[u.unit_id], variable)]
            scores += _score_rows(coder, "token", variable, token_pairs, len(coded))
        for u in coded:
            t = tool[u.unit_id]
            if u.unit in SPAN_UNITS and variable == "family":
                for tool_code, human_code, ts, hs in _span_confusion(u, t):
                    confusion.append((variable, tool_code, human_code))
                    if tool_code != human_code:
                        where = ts or hs
                        disagreements.append(_disagreement(coder, u, variable, tool_code, human_code, where.start,
                                                           where.end, context, texts))
            elif u.unit in SPAN_UNITS and variable == "category":
                for tool_code, human_code, ts, hs in _span_confusion(u, t):
                    if ts and hs and tool_code == human_code and ts.category != hs.category:
                        disagreements.append(_disagreement(coder, u, variable, ts.category, hs.category,
                                                           ts.start, ts.end, context, texts))
            elif u.unit in SPAN_UNITS:
                tool_codes, human_codes = t.codes[variable], u.codes[variable]
                for code in sorted(tool_codes | human_codes):
                    pair = (code if code in tool_codes else NONE, code if code in human_codes else NONE)
                    confusion.append((variable, *pair))
                    if pair[0] != pair[1]:
                        disagreements.append(_disagreement(coder, u, variable, *pair, 0, len(u.text), context, texts))
            else:
                pair = (_joined(t.codes[variable]), _joined(u.codes[variable]))
                confusion.append((variable, *pair))
                if t.codes[variable] != u.codes[variable]:
                    disagreements.append(_disagreement(coder, u, variable, *pair, 0, len(u.text), context, texts))
    return scores, confusion, disagreements


def validate(results: Results, coding: Coding, *, evidence: str = "all", coders: Sequence[str] | None = None,
             suggestions: bool = True) -> Validation:
    """Score the tool's results against each coder of ``coding`` (or ``coders``).

    Returns a :class:`Validation`. Raises InputError naming the coded file and line when the coding
    was sampled from other texts, and naming the results folder when a table is missing."""
    tables = load_results(results, need=UNIT_TABLES[coding.unit])
    texts = check_texts(tables, coding)
    tool, has_frames = tool_units(tables, coding, evidence=evidence)
    notes = []
    if coding.unit in SPAN_UNITS and not has_frames:
        notes.append(f"frames not scored: the results have no {'sentence_frames' if coding.unit == 'sentence' else 'frames'} table")
    chosen = coding.coders if coders is None else tuple(coders)
    unknown = sorted(set(chosen) - set(coding.coders))
    if unknown:
        raise InputError(None, f"no coder {', '.join(unknown)}", f"choose from {', '.join(coding.coders)}")
    context = _Context(tables, texts)
    scores, confusion, disagreements = [], [], []
    for coder in chosen:
        units = sorted(coding.by_coder(coder).values(), key=lambda u: (u.doc_id, u.start_char, u.end_char))
        s, c, d = _coder_results(coder, units, tool, coding.variables, context, texts)
        scores += s
        confusion += [(coder, *row) for row in c]
        disagreements += d
    confusion_table = (pd.DataFrame(confusion, columns=list(CONFUSION_COLUMNS[:-1])).value_counts(sort=False)
                       .rename("count").reset_index() if confusion else pd.DataFrame(columns=list(CONFUSION_COLUMNS)))
    confusion_table = confusion_table.sort_values(list(CONFUSION_COLUMNS[:-1]), kind="stable").reset_index(drop=True)
    from framing.validation.training import SUGGESTION_COLUMNS, lexicon_suggestions

    found = pd.DataFrame(columns=list(SUGGESTION_COLUMNS))
    if suggestions and coding.unit in SPAN_UNITS:
        found = lexicon_suggestions(coding, tables, coders=chosen)
    return Validation(pd.DataFrame(scores, columns=list(SCORE_COLUMNS)), confusion_table,
                      pd.DataFrame(disagreements, columns=list(DISAGREEMENT_COLUMNS)), found, notes)


def render_validation(result: Validation) -> dict[str, bytes]:
    """The files of :data:`FILES` as bytes (the same result gives the same bytes)."""
    from framing.figures.output import figure_bytes
    from framing.figures.registry import table_bytes
    from framing.figures.validation import plot_validation

    figure = plot_validation(result.scores)
    return {"validation_scores.csv": table_bytes(result.scores),
            "validation_confusion.csv": table_bytes(result.confusion),
            "validation_disagreements.csv": table_bytes(result.disagreements),
            "lexicon_suggestions.csv": table_bytes(result.suggestions),
            "validation.png": figure_bytes(figure, "png"), "validation.svg": figure_bytes(figure, "svg")}


def write_validation(result: Validation, out_dir: str | Path) -> list[Path]:
    """Write the files of :data:`FILES` to ``out_dir``, all rendered first and each atomically; return
    their paths. Raises OutputError when the folder cannot be written."""
    from framing.io import write_files

    return write_files(out_dir, render_validation(result), FILES)
