"""Labelled articles to train or test a frames model on: read, and checked line by line.

Two layouts are read:

- **A SemEval-2023 Task 3 folder**: ``frames.tsv`` (tab-separated, header ``id<TAB>frames``; ``frames``
  is a comma-separated list of frame names) and ``text/ID.txt`` for each id (the article: the headline,
  a blank line, the body). Articles in ``text/`` without a row are not used.
- **A CSV file** (what the validation workflow exports): a header row with the columns ``doc_id``,
  ``text`` and ``frames``, one coded article per row; ``frames`` is a comma-separated list of frame
  names (quote the cell: ``"Political,Economic"``). Other columns are ignored. Example::

      doc_id,text,frames
      krone/2022-06-17,"Putin threatens Kazakhstan ...","Security_and_defense,Political"

Frame names are those of :func:`framing.lexicons.definitions.frame_names` (``Security_and_defense``,
``External_regulation_and_reputation``...); spaces may stand for underscores and case does not matter.
A row whose ``frames`` cell is empty has not been coded and is left out.

Every problem is a one-line :class:`~framing.errors.InputError` naming the file and line: an empty
file, a missing column, an unknown frame name, an article whose text is missing or empty, an id given
twice, text that is not UTF-8.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.tabular import read_header
from framing.lexicons.definitions import frame_names

#: The file of frames in a SemEval-2023 Task 3 folder, and the folder of its texts.
SEMEVAL_LABELS, SEMEVAL_TEXTS = "frames.tsv", "text"
#: The columns of a CSV export.
CSV_COLUMNS = ("doc_id", "text", "frames")


@dataclass(frozen=True)
class Labelled:
    """Coded articles: ``ids``, ``texts`` and the frames of each (``labels``), read from ``source``."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    labels: tuple[frozenset[str], ...]
    source: str

    def __len__(self) -> int:
        return len(self.ids)


def _frame_lookup() -> dict[str, str]:
    return {name.lower(): name for name in frame_names()}


def parse_frames(cell: str, path: Path, line: int) -> frozenset[str]:
    """The frames of a comma-separated ``cell``; raises InputError for an unknown name."""
    lookup = _frame_lookup()
    out = set()
    for part in cell.split(","):
        name = "_".join(part.strip().split())
        if not name:
            continue
        frame = lookup.get(name.lower())
        if frame is None:
            raise InputError(path, f"unknown frame {part.strip()!r}", f"use the names {', '.join(frame_names())}",
                             line=line)
        out.add(frame)
    return frozenset(out)


def read_labelled(path: str | Path) -> Labelled:
    """The coded articles of a SemEval folder or a CSV export (see the module docs).
    Raises InputError naming the file and line for every problem."""
    path = Path(path)
    if path.is_dir():
        return _read_semeval(path)
    if not path.is_file():
        raise InputError(path, "no such file or folder", "give a SemEval folder (frames.tsv, text/) or a CSV "
                         "file with the columns doc_id,text,frames")
    return _read_csv(path)


def _text(path: Path) -> str:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            text = handle.read()
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", "save the file as UTF-8") from None
    if not text.strip():
        raise InputError(path, "empty file", "write a header row and one row per coded article", line=1)
    return text


def _read_semeval(folder: Path) -> Labelled:
    labels_path = folder / SEMEVAL_LABELS
    if not labels_path.is_file():
        raise InputError(folder, f"no {SEMEVAL_LABELS} here", "give a SemEval folder (frames.tsv and text/ID.txt) "
                         "or a CSV file with the columns doc_id,text,frames")
    lines = _text(labels_path).splitlines()
    header = [h.strip().lower() for h in lines[0].split("\t")]
    if header[:2] != ["id", "frames"]:
        raise InputError(labels_path, "the first row must be the header id<TAB>frames", "add the header", line=1)
    ids, texts, labels, seen = [], [], [], {}
    for number, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        cells = raw.split("\t")
        doc_id = cells[0].strip()
        frames = parse_frames(cells[1] if len(cells) > 1 else "", labels_path, number)
        if not frames:
            continue
        _once(seen, doc_id, labels_path, number)
        text_path = folder / SEMEVAL_TEXTS / f"{doc_id}.txt"
        if not text_path.is_file():
            raise InputError(labels_path, f"missing article {doc_id!r}: no {SEMEVAL_TEXTS}/{doc_id}.txt",
                             "add the text or remove the row", line=number)
        try:
            text = text_path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise InputError(text_path, "not UTF-8 text", "save the file as UTF-8") from None
        _not_empty(text, doc_id, labels_path, number)
        ids.append(doc_id)
        texts.append(text)
        labels.append(frames)
    return _checked(Labelled(tuple(ids), tuple(texts), tuple(labels), str(folder)), labels_path)


def _once(seen: dict[str, int], doc_id: str, path: Path, number: int) -> None:
    """Note that ``doc_id`` is labelled on line ``number``; raise InputError when it already was."""
    if doc_id in seen:
        raise InputError(path, f"article {doc_id!r} is listed twice (also on line {seen[doc_id]})",
                         "keep one row per article", line=number)
    seen[doc_id] = number


def _not_empty(text: str, doc_id: str, path: Path, number: int) -> None:
    """Raise InputError when the text of a labelled article is empty."""
    if not text.strip():
        raise InputError(path, f"missing article {doc_id!r}: its text is empty", "add the text or remove the row",
                         line=number)


def _read_csv(path: Path) -> Labelled:
    text = _text(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # whole articles in one cell
    reader = csv.DictReader(io.StringIO(text, newline=""))
    read_header(reader, path, CSV_COLUMNS)
    ids, texts, labels, seen = [], [], [], {}
    try:
        for row in reader:
            number = reader.line_num
            if None in row:
                raise InputError(path, "more cells than the header has", "quote cells that contain commas",
                                 line=number)
            doc_id = (row["doc_id"] or "").strip()
            frames = parse_frames(row["frames"] or "", path, number)
            if not doc_id and not (row["text"] or "").strip() and not frames:
                continue
            if not frames:
                continue
            if not doc_id:
                raise InputError(path, "empty doc_id", "give every coded article an id", line=number)
            _once(seen, doc_id, path, number)
            text = row["text"] or ""
            _not_empty(text, doc_id, path, number)
            ids.append(doc_id)
            texts.append(text)
            labels.append(frames)
    except csv.Error as error:
        raise InputError(path, f"not a readable CSV file ({error})", "check the quoting",
                         line=reader.line_num) from None
    return _checked(Labelled(tuple(ids), tuple(texts), tuple(labels), str(path)), path)


def _checked(data: Labelled, path: Path) -> Labelled:
    if not len(data):
        raise InputError(path, "no coded article (every frames cell is empty)", "code some articles first")
    return data
