"""Texts with annotated loaded-language spans, to train or test the span model: read, checked line by line.

The layout is that of the SemEval-2023 Task 3 data, which the validation workflow also writes
(``framing validate --training-data DIR`` puts it in ``DIR/loaded/``):

- ``text/ID.txt``: one text per file (UTF-8). Every text is used, with or without spans: a text with
  none teaches what is not loaded.
- ``spans.tsv``: tab-separated, header ``id<TAB>technique<TAB>start<TAB>end``, one annotated span a
  line; ``start``/``end`` are character offsets into ``text/ID.txt`` (end exclusive). The techniques
  ``Loaded_Language`` and ``Name_Calling-Labeling`` are read (as the categories ``loaded language``
  and ``name calling``); the other techniques of the SemEval data are skipped.

Every problem is a one-line :class:`~framing.errors.InputError` naming the file and line: a missing
folder or ``spans.tsv``, an empty file, a missing header, a line with too few cells, offsets that are
not numbers or fall outside the text, a span of an id with no ``text/ID.txt``, text that is not UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from framing.errors import InputError
from framing.loaded.spans import LOADED_LANGUAGE, NAME_CALLING

SPANS_FILE, TEXTS = "spans.tsv", "text"
HEADER = ("id", "technique", "start", "end")
#: SemEval techniques read, and the categories they become.
TECHNIQUES = {"Loaded_Language": LOADED_LANGUAGE, "Name_Calling-Labeling": NAME_CALLING}
LAYOUT = "give a folder with text/ID.txt and spans.tsv (id, technique, start, end)"


@dataclass(frozen=True)
class Annotated:
    """Texts and their loaded-language spans ``(start, end, category)``, by id, read from ``source``."""

    ids: tuple[str, ...]
    texts: tuple[str, ...]
    spans: tuple[tuple[tuple[int, int, str], ...], ...]
    source: str

    def __len__(self) -> int:
        return len(self.ids)

    def counts(self) -> dict[str, int]:
        """Spans per category."""
        out = {category: 0 for category in TECHNIQUES.values()}
        for spans in self.spans:
            for _, _, category in spans:
                out[category] += 1
        return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "not UTF-8 text", "save the file as UTF-8") from None


def read_annotated(folder: str | Path) -> Annotated:
    """The texts and spans of a SemEval-style folder (see the module docs). Raises InputError naming the
    file and line for every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "no such folder", LAYOUT)
    spans_path = folder / SPANS_FILE
    if not spans_path.is_file():
        raise InputError(folder, f"no {SPANS_FILE} here", LAYOUT)
    text_dir = folder / TEXTS
    files = sorted(text_dir.glob("*.txt")) if text_dir.is_dir() else []
    if not files:
        raise InputError(folder, f"no texts in {TEXTS}/", LAYOUT)
    texts = {}
    for path in files:
        text = _read(path)
        if not text.strip():
            raise InputError(path, "empty text", "add the text or remove the file")
        texts[path.stem] = text
    lines = _read(spans_path).splitlines()
    if not lines:
        raise InputError(spans_path, "empty file", "write the header id<TAB>technique<TAB>start<TAB>end", line=1)
    if tuple(cell.strip().lower() for cell in lines[0].split("\t")) != HEADER:
        raise InputError(spans_path, "the first line must be the header id<TAB>technique<TAB>start<TAB>end",
                         "add the header", line=1)
    spans: dict[str, set[tuple[int, int, str]]] = {doc_id: set() for doc_id in texts}
    for number, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if len(cells) < len(HEADER):
            raise InputError(spans_path, f"{len(cells)} cell(s), expected 4 (id, technique, start, end)",
                             "separate the cells with tabs", line=number)
        doc_id, technique, start, end = cells[:4]
        category = TECHNIQUES.get(technique)
        if category is None:
            continue
        text = texts.get(doc_id)
        if text is None:
            raise InputError(spans_path, f"no text for id {doc_id!r} (expected {TEXTS}/{doc_id}.txt)",
                             "add the text or remove the line", line=number)
        try:
            begin, finish = int(start), int(end)
        except ValueError:
            raise InputError(spans_path, f"start and end must be whole numbers (got {start!r}, {end!r})",
                             "give character offsets", line=number) from None
        if not 0 <= begin < finish <= len(text):
            raise InputError(spans_path, f"offsets {begin}-{finish} are outside the text of {doc_id!r} "
                             f"({len(text)} characters)", "give character offsets into text/ID.txt, start "
                             "before end", line=number)
        spans[doc_id].add((begin, finish, category))
    ids = tuple(sorted(texts))
    return Annotated(ids, tuple(texts[i] for i in ids), tuple(tuple(sorted(spans[i])) for i in ids), str(folder))
