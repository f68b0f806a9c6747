"""Read the tables that ``framing analyze`` wrote, so that a report can be built without analysing again.

A results folder is one that holds ``articles.csv`` or ``articles.parquet``; every table of
:data:`framing.schemas.SCHEMAS` found beside it is read with :func:`framing.schemas.read_table`, and a
table that is missing is empty (a run with ``--tables articles,sentences`` has no markers).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing.errors import InputError
from framing.io import FORMATS
from framing.schemas import SCHEMAS, frame, read_table


#: Columns a table must have for the report to draw it (the others are filled in empty when missing).
REQUIRED = {"articles": ("doc_id", "text"), "sentences": ("doc_id", "sent_id", "start_char", "end_char", "text"),
            "markers": ("doc_id", "start_char", "end_char", "family"),
            "quotes": ("doc_id", "start_char", "end_char", "kind"), "mentions": ("doc_id",)}


def _columns(path: Path) -> list[str]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    return list(pd.read_csv(path, nrows=0, dtype=str).columns)


def _table_path(folder: Path, name: str) -> Path | None:
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        if path.is_file():
            return path
    return None


def is_results_folder(path: str | Path) -> bool:
    """Whether ``path`` is a folder of tables written by ``framing analyze`` (it holds the articles table)."""
    folder = Path(path)
    return folder.is_dir() and _table_path(folder, "articles") is not None


def read_results(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of ``folder`` by name, with the columns and types of its schema (empty when missing).

    Raises InputError naming the file when a table cannot be read (not CSV/Parquet, not UTF-8, broken
    rows) or lacks the columns the report needs."""
    folder = Path(folder)
    tables = {}
    for name in SCHEMAS:
        path = _table_path(folder, name)
        if path is None:
            tables[name] = frame(name)
            continue
        try:
            missing = [c for c in REQUIRED.get(name, ()) if c not in _columns(path)]
            if missing:
                raise InputError(path, f"the {name} table has no column {', '.join(missing)}",
                                 "give the folder written by framing analyze")
            table = read_table(str(path), name)
        except UnicodeDecodeError:
            raise InputError(path, "not UTF-8 text", "write the table again with framing analyze") from None
        except (ValueError, TypeError, OSError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            reason = " ".join(str(error).split())[:200]
            raise InputError(path, f"cannot be read as the {name} table ({reason})",
                             "write the table again with framing analyze") from None
        if name != "articles" and "doc_id" in SCHEMAS[name] and not table.empty \
                and not table["doc_id"].astype(bool).all():
            raise InputError(path, f"rows without a doc_id in the {name} table",
                             "write the table again with framing analyze")
        tables[name] = table
    if tables["articles"].empty:
        raise InputError(_table_path(folder, "articles"), "no article in the articles table",
                         "give a results folder of a run that analysed at least one article")
    return tables
