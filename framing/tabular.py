"""Small helpers shared by the readers of the user's CSV files (lexicons, labels, coded samples)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from framing.errors import FramingError, InputError


def read_header(reader: csv.DictReader, path: str | Path, required: Sequence[str], *,
                columns: Sequence[str] | None = None, error: type[FramingError] = InputError) -> list[str]:
    """Normalise the header of ``reader`` (stripped, lower case: cells are then read by these names) and
    return it. Raises ``error`` naming the file and line 1 when a ``required`` column is missing; the
    message lists ``columns`` (default: ``required``) as the header to write."""
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in required if c not in header]
    if missing:
        raise error(path, f"missing column(s) {', '.join(missing)}",
                    f"the first row must name the columns {','.join(columns or required)}", line=1)
    reader.fieldnames = header
    return header
