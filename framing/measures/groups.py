"""Groups of articles: every measure compares groups of the ``articles`` table formed by one or more of
its columns (``by``: ``"outlet"`` by default, any metadata column, a list of columns, or ``"doc_id"``).
:func:`by_columns` reads ``by`` the same way everywhere."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from framing.errors import FramingError

#: How a measure is told to group articles: a column name or a list of them.
By = str | Sequence[str]


def by_columns(by: By) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def check_columns(table: pd.DataFrame, columns: Iterable[str], name: str, what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise FramingError(None, f"no column {', '.join(map(repr, missing))} in the {name} table",
                           f"{what} one of: {', '.join(map(str, table.columns))}")


def groups(articles: pd.DataFrame, by: By = "outlet") -> pd.DataFrame:
    """One row per group of articles: the ``by`` columns, ``articles`` (how many) and ``words`` (their
    ``n_words`` summed), sorted by the ``by`` columns. Raises FramingError for an unknown column."""
    cols = by_columns(by)
    check_columns(articles, cols, "articles", "group by")
    table = articles[list(dict.fromkeys(["doc_id", *cols, "n_words"]))]
    out = (table.groupby(cols, dropna=False, sort=True)
           .agg(articles=("doc_id", "nunique"), words=("n_words", "sum")).reset_index())
    out["words"] = out["words"].astype("int64")
    return out


def with_groups(table: pd.DataFrame, articles: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """``table`` rows of the given articles, with their group columns (rows of other articles dropped)."""
    keys = articles[list(dict.fromkeys(["doc_id", *cols]))]
    extra = [c for c in cols if c != "doc_id"]
    left = table.drop(columns=[c for c in extra if c in table.columns])
    return left.merge(keys, on="doc_id", how="inner")


def levels_of(observed: pd.Series, fixed: Sequence[str]) -> list[str]:
    """The fixed levels in their order, then any other observed value, sorted."""
    seen = sorted(set(observed.dropna().astype(str)) - set(fixed))
    return [*fixed, *seen]


def key_combinations(table: pd.DataFrame, keys: list[str], levels: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    """Every key combination to report: observed combinations of the free keys times every level of
    the keys with fixed levels."""
    free = [k for k in keys if k not in levels]
    fixed = {k: levels_of(table[k], levels[k]) for k in keys if k in levels}
    if free:
        combos = table[free].astype(str).drop_duplicates().sort_values(free).reset_index(drop=True)
        if combos.empty:
            return pd.DataFrame(columns=keys)
    else:
        combos = pd.DataFrame(index=[0])
    for key, values in fixed.items():
        combos = combos.merge(pd.DataFrame({key: values}), how="cross")
    return combos[keys] if keys else combos
