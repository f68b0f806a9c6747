"""Alias tables: one canonical name for the spellings of an actor ("Tokaev" -> "Kassym-Jomart Tokayev").

An alias table is a CSV file with the header ``alias,canonical``, one spelling a line. A corpus folder
may hold one (``aliases.csv``, found by :func:`folder_aliases`); ``--aliases FILE`` names another. The
sourcing and actors components read it when the pipeline is built (:func:`read_aliases`) and merge
speakers and actors with it as they find them; :func:`apply` merges the actors of finished tables, for
tables made elsewhere or with another table.

>>> names = read_aliases("data/corpus/aliases.csv")          # doctest: +SKIP
>>> canonical(names, "Tokaev")                               # doctest: +SKIP
'Kassym-Jomart Tokayev'
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

#: File name of a corpus folder's alias table; like the manifest, it is not an article.
ALIASES_NAME = "aliases.csv"
#: An alias table given by the user: a mapping alias -> canonical name, or the path of an alias CSV.
Aliases = Mapping[str, str] | str | Path | None


def read_aliases(path: str | Path) -> dict[str, str]:
    """The alias table at ``path`` (CSV with the header ``alias,canonical``) as a map from the lower-case
    alias to the canonical name. Raises :class:`~framing.errors.InputError` naming the file and line for a
    missing file, a missing column, an empty cell, or an alias given two different canonical names."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "alias file not found", "check the path (a CSV with the columns alias,canonical)")
    aliases: dict[str, str] = {}
    lines: dict[str, int] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [h.strip().lower() for h in next(reader, [])]
            if "alias" not in header or "canonical" not in header:
                raise InputError(path, "the first row must be the header alias,canonical",
                                 "add the header row alias,canonical", line=1)
            a, c = header.index("alias"), header.index("canonical")
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) <= max(a, c):
                    raise InputError(path, f"{len(row)} cell(s) where 2 are needed",
                                     "write one alias and its canonical name a line", line=line)
                alias, canonical = " ".join(row[a].split()), " ".join(row[c].split())
                if alias.startswith("#"):
                    continue
                if not alias or not canonical:
                    raise InputError(path, "empty alias or canonical name", "fill both cells or delete the "
                                     "row", line=line)
                key = alias.lower()
                if key in aliases and aliases[key] != canonical:
                    raise InputError(path, f"alias {alias!r} is given two canonical names ({aliases[key]!r} on "
                                     f"line {lines[key]}, {canonical!r} here)", "keep one row per alias",
                                     line=line)
                aliases[key] = canonical
                lines[key] = line
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", "save the file as UTF-8") from None
    except csv.Error as error:
        raise InputError(path, f"not a readable CSV file ({error})", "check the quoting") from None
    # The canonical names are aliases of themselves, so "Tokayev" and "Tokaev" meet.
    for canonical in list(aliases.values()):
        aliases.setdefault(canonical.lower(), canonical)
    return aliases


def folder_aliases(inputs: str | Path | Iterable[str | Path]) -> Path | None:
    """The alias table (``aliases.csv``) of the first input folder that has one, else None."""
    paths = [Path(inputs)] if isinstance(inputs, str | Path) else [Path(p) for p in inputs]
    for root in paths:
        if root.is_dir() and (root / ALIASES_NAME).is_file():
            return root / ALIASES_NAME
    return None


def as_map(aliases: Aliases) -> dict[str, str]:
    """Lower-case alias -> canonical name, from a mapping or an alias CSV (canonical names are aliases of
    themselves). Raises InputError for a bad file."""
    if aliases is None:
        return {}
    if isinstance(aliases, Mapping):
        names = {str(k).strip().lower(): str(v).strip() for k, v in aliases.items()}
        return {**{v.lower(): v for v in names.values()}, **names}
    return read_aliases(aliases)


def canonical(names: Mapping[str, str], value: str) -> str:
    """The canonical name of ``value`` in ``names`` (from :func:`as_map`), else ``value`` itself."""
    return names.get(value.strip().lower(), value)


def apply(tables: Mapping[str, pd.DataFrame], aliases: Aliases) -> dict[str, pd.DataFrame]:
    """The tables with ``mentions.actor`` and ``quotes.speaker_resolved`` merged by ``aliases`` (the
    other tables as given)."""
    names = as_map(aliases)
    out = dict(tables)
    if not names:
        return out

    def merge(value: object) -> object:
        return canonical(names, value) if isinstance(value, str) else value

    for name, column in (("mentions", "actor"), ("quotes", "speaker_resolved")):
        if name in out:
            out[name] = out[name].assign(**{column: out[name][column].map(merge)})
    return out
