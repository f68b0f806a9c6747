"""The one reader of word-list files: the shipped ones in ``framing/lexicons/`` and the user's own.

A word-list file is a table with one row per entry and the columns ``entry, family, category, note,
source``: a CSV file with a header row, or a YAML file holding a list of mappings with these keys.
Rows whose cells are all empty, and rows whose entry starts with ``#``, are skipped. Every problem
(a missing file or column, text that is not UTF-8, a row with more cells than the header, YAML that
does not parse, an empty entry) is a :class:`~framing.errors.LexiconError` naming the file and line.

What the columns mean depends on the file: for marker lexicons ``family`` is a marker family (see
:mod:`framing.lexicons.entries`); for the sourcing lists a cue family or a kind of speaker word; for
the plain word lists of :mod:`framing.lexicons.words` the name of the list.

>>> rows = read_rows(shipped("words") / "pronouns.csv")     # doctest: +SKIP
>>> rows[0].entry, rows[0].family                           # doctest: +SKIP
('he', 'person')
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from framing.errors import LexiconError
from framing.tabular import read_header

#: The columns every word-list file has.
COLUMNS = ("entry", "family", "category", "note", "source")
#: The folder of the shipped word lists (this package's own folder).
FOLDER = Path(__file__).resolve().parent
#: File suffixes read as YAML; every other file is read as CSV.
YAML_SUFFIXES = (".yml", ".yaml")
#: File suffixes of word-list files.
SUFFIXES = (".csv", *YAML_SUFFIXES)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a word-list file, its cells stripped of surrounding white space."""

    entry: str
    family: str
    category: str
    note: str
    source: str
    path: str
    line: int


def shipped(subfolder: str) -> Path:
    """The folder of one kind of shipped word list (``markers``, ``sourcing``, ``words``...)."""
    return FOLDER / subfolder


def files(folder: Path) -> list[Path]:
    """The word-list files of ``folder``, in name order."""
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES)


def read_rows(path: str | Path, *, required: tuple[str, ...] = COLUMNS) -> list[Row]:
    """The rows of one word-list file (CSV, or YAML by suffix), blank and ``#`` rows left out.

    ``required``: the columns (keys) the file must have; the others are empty when missing. Raises
    LexiconError for a missing file, a missing column, undecodable text, a row with too many cells,
    unparsable YAML or an empty entry in a row that has other cells.
    """
    path = Path(path)
    if not path.is_file():
        raise LexiconError(path, "lexicon file not found", "check the path")
    cells = _yaml_cells(path, required) if path.suffix.lower() in YAML_SUFFIXES else _csv_cells(path, required)
    rows = []
    for line, row in cells:
        values = [row.get(column, "").strip() for column in COLUMNS]
        entry = values[0]
        if entry.startswith("#") or not any(values):
            continue
        if not entry:
            raise LexiconError(path, "empty entry", "write the word or phrase in the entry column, or delete "
                               "the row", line=line)
        rows.append(Row(*values, path=str(path), line=line))
    return rows


def _csv_cells(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = read_header(reader, path, required, columns=COLUMNS, error=LexiconError)
            rows = []
            for row in reader:
                if None in row:
                    raise LexiconError(path, f"{len(header) + len(row[None])} cells where the header has "
                                       f"{len(header)}", "quote cells that contain commas",
                                       line=reader.line_num)
                rows.append((reader.line_num, {k: (v or "") for k, v in row.items()}))
            return rows
    except UnicodeDecodeError:
        raise LexiconError(path, "not UTF-8 text", "save the file as UTF-8") from None
    except csv.Error as error:
        raise LexiconError(path, f"not a readable CSV file ({error})", "check the quoting") from None


def _yaml_cells(path: Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    import yaml

    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        raise LexiconError(path, f"not readable as YAML ({type(error).__name__})",
                           "check the indentation and quoting", line=None if line is None else line + 1)
    if node is None:
        return []
    if not isinstance(node, yaml.SequenceNode):
        raise LexiconError(path, "the YAML file is not a list of entries",
                           f"write a list of mappings with the keys {', '.join(COLUMNS)}", line=1)
    rows = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            raise LexiconError(path, "an item is not a mapping",
                               f"write each entry as a mapping with the keys {', '.join(COLUMNS)}", line=line)
        row = {str(k.value).strip().lower(): ("" if v.value is None else str(v.value)) for k, v in item.value
               if isinstance(v, yaml.ScalarNode)}
        missing = [c for c in required if c not in row and c in ("entry", "family", "category")]
        if missing:
            raise LexiconError(path, f"missing key(s) {', '.join(missing)}",
                               f"give every entry the keys {', '.join(COLUMNS)}", line=line)
        rows.append((line, row))
    return rows
