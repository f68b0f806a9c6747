"""The numbers of the report's overview: the corpus in counts, the key rates per outlet with their 95%
intervals, and a text alternative for each figure (its caption and the numbers it shows)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd

from framing import measures
from framing.measures import By, by_columns
from framing.views.report.rows import QUOTATION, family_label, family_order

#: Groups named in a figure's text alternative; the rest are counted ("and 4 more outlets").
ALT_GROUPS = 8


@dataclass(frozen=True)
class Cell:
    """A number of the key-numbers table with its interval (empty when it has none)."""

    value: str
    low: str = ""
    high: str = ""

    @property
    def interval(self) -> str:
        return f"{self.low}\u2013{self.high}" if self.low or self.high else ""


@dataclass(frozen=True)
class KeyNumbers:
    """The key-numbers table: its column titles and, per group, its label and cells."""

    columns: list[str]
    rows: list[tuple[str, list[Cell]]]


def _group(row: Mapping[str, object], cols: list[str]) -> str:
    return " / ".join(str(row[c]) for c in cols)


def _rate(value: float) -> str:
    return f"{value:.1f}"


def _plural(label: str) -> str:
    return label if label.endswith(("ing", "s")) else label + "s"


def key_numbers(tables: Mapping[str, pd.DataFrame], by: By = "outlet") -> KeyNumbers:
    """Per group of articles: articles, words, each marker family and quotations per 1,000 words, and the
    share of attributed quotations whose speaker is a named person, each with its 95% interval (exact
    Poisson for rates, Clopper-Pearson for the share)."""
    cols = by_columns(by)
    articles, markers, quotes = tables["articles"], tables["markers"], tables["quotes"]
    families = [f for f in family_order(markers["family"].astype(str).unique()) if f != QUOTATION]
    rates = measures.rates(markers, articles, by=by, keys=("family",), levels={"family": families})
    quoted = measures.rates(quotes[["doc_id"]], articles, by=by, keys=())
    profile = measures.sourcing_profile(quotes, articles, by=by)
    named = profile[(profile["dimension"] == "speaker_type") & (profile["value"] == "named_person")]
    columns = ["Articles", "Words", *(_plural(family_label(f)) for f in families), "Quotations",
               "Named speakers (% of attributed quotations)"]
    rows = []
    for group in measures.groups(articles, by).to_dict("records"):
        label = _group(group, cols)
        cells = [Cell(f"{group['articles']:,}"), Cell(f"{group['words']:,}")]
        mine = rates[(rates[cols].astype(str) == pd.Series({c: str(group[c]) for c in cols})).all(axis=1)]
        for family in families:
            r = mine[mine["family"] == family].iloc[0]
            cells.append(Cell(_rate(r["rate"]), _rate(r["rate_low"]), _rate(r["rate_high"])))
        q = quoted[(quoted[cols].astype(str) == pd.Series({c: str(group[c]) for c in cols})).all(axis=1)].iloc[0]
        cells.append(Cell(_rate(q["rate"]), _rate(q["rate_low"]), _rate(q["rate_high"])))
        share = named[(named[cols].astype(str) == pd.Series({c: str(group[c]) for c in cols})).all(axis=1)]
        if share.empty or not share.iloc[0]["total"]:
            cells.append(Cell("\u2013"))
        else:
            s = share.iloc[0]
            cells.append(Cell(f"{100 * s['share']:.0f}", f"{100 * s['share_low']:.0f}", f"{100 * s['share_high']:.0f}"))
        rows.append((label, cells))
    return KeyNumbers(columns, rows)


# Text alternatives of the figures: the caption, then what the figure shows per group, from its table.

def _per_group(table: pd.DataFrame, cols: list[str], describe: Callable[[pd.DataFrame], str]) -> str:
    parts = []
    grouped = list(table.groupby(cols, sort=True, dropna=False)) if not table.empty else []
    for key, part in grouped[:ALT_GROUPS]:
        label = " / ".join(map(str, key if isinstance(key, tuple) else (key,)))
        parts.append(f"{label}: {describe(part)}")
    if len(grouped) > ALT_GROUPS:
        parts.append(f"and {len(grouped) - ALT_GROUPS} more groups (see the table)")
    return "; ".join(parts)


def _per_1000(part: pd.DataFrame) -> float:
    words = part["words"].iloc[0]
    return part["count"].sum() / words * 1000 if words else 0.0


def _loaded(part: pd.DataFrame) -> str:
    top = part.groupby("category")["count"].sum().sort_values(ascending=False, kind="stable")
    text = f"{int(part['count'].sum())} loaded terms, {_per_1000(part):.1f} per 1,000 words"
    return text + (f", most in {top.index[0]} ({int(top.iloc[0])})" if len(top) and top.iloc[0] > 0 else "")


def _stance(part: pd.DataFrame) -> str:
    by_family = part.groupby("family")["count"].sum()
    words = part["words"].iloc[0]
    return ", ".join(f"{family}s {by_family.get(family, 0) / words * 1000:.1f}" for family in ("hedge", "booster")
                     if words) + " per 1,000 words"


def _sourcing(part: pd.DataFrame) -> str:
    kinds = part[part["dimension"] == "kind"]
    total = int(kinds["total"].iloc[0]) if len(kinds) else 0
    direct = kinds[kinds["value"] == "direct"]
    share = f", {100 * direct['share'].iloc[0]:.0f}% direct" if total and len(direct) else ""
    return f"{total} quotations{share}"


def _verbs(part: pd.DataFrame) -> str:
    top = part.sort_values("count", ascending=False, kind="stable")
    text = f"{int(part['count'].sum())} reporting verbs, {_per_1000(part):.1f} per 1,000 words"
    return text + (f", most {top['category'].iloc[0]}" if len(top) and top["count"].iloc[0] > 0 else "")


def _strip(part: pd.DataFrame) -> str:
    marked = part.drop(columns=[c for c in ("doc_id", "sent_id", "section") if c in part.columns])
    counts = marked.select_dtypes("number")
    with_any = int((counts.sum(axis=1) > 0).sum())
    return f"{part['doc_id'].nunique()} articles, {with_any} of {len(part)} sentences hold a marker or quotation"


def _terms(part: pd.DataFrame) -> str:
    return ", ".join(part.sort_values("z", ascending=False, kind="stable")["term"].astype(str).head(5))


def _actors(part: pd.DataFrame) -> str:
    top = part.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").head(3)
    return ", ".join(f"{a} ({int(m)} mentions)" for a, m in zip(top["actor"], top["mentions"]))


_DESCRIBE: dict[str, Callable[[pd.DataFrame], str]] = {
    "01_loaded_terms": _loaded, "02_epistemic_stance": _stance, "03_sourcing": _sourcing,
    "04_reporting_verbs": _verbs, "05_framing_strip": _strip, "06_distinctive_terms": _terms,
    "07_actors": _actors,
}


def alt_text(name: str, caption: str, table: pd.DataFrame, by: By = "outlet") -> str:
    """The text alternative of figure ``name``: its caption and, per group, the numbers it shows (a
    figure this module does not know gets its caption and a pointer to its table)."""
    cols = by_columns(by)
    describe = _DESCRIBE.get(name)
    summary = ""
    if describe is not None and not table.empty and all(c in table.columns for c in cols):
        try:
            summary = _per_group(table, cols, describe)
        except (KeyError, IndexError, ValueError, ZeroDivisionError):
            summary = ""
    text = caption.rstrip(".") + "."
    return f"{text} {summary}." if summary else f"{text} The numbers are in the table {name}.csv."
