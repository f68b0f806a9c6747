"""Write outputs atomically: all files of a run appear together, or none does.

Rows are streamed to Parquet parts in a staging folder inside the output folder (so memory does not
grow with the corpus); :meth:`StagedTables.commit` assembles each table (CSV or Parquet) in the
staging folder and only then moves the finished files into place with ``os.replace``. A run that fails
or is interrupted removes its staging folder and leaves earlier results untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from framing.errors import OutputError
from framing.schemas import SCHEMAS, conform, frame

FORMATS = ("csv", "parquet")
#: Rows per table buffered in memory before they go to a Parquet part (articles carry their whole text).
CHUNK_ROWS = 20_000
CHUNK_ROWS_BY_TABLE = {"articles": 1_000}
STAGING_PREFIX = ".framing-staging-"


def prepare_dir(path: str | Path) -> Path:
    """Create ``path`` if needed and check it can be written; raise OutputError if not."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=path, prefix=STAGING_PREFIX, delete=True)
        probe.close()
    except FileExistsError:
        raise OutputError(path, "the output path exists and is not a folder", "choose another --out") from None
    except OSError as error:
        raise OutputError(path, f"the output folder cannot be written ({error.strerror})",
                          "choose another --out or fix its permissions") from None
    return path


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


#: Permissions of written files: what ``open()`` would give them (temporary files are private).
FILE_MODE = 0o666 & ~_umask()


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    prepare_dir(path.parent)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=STAGING_PREFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_files(out_dir: str | Path, files: Mapping[str, bytes], names: Iterable[str] | None = None) -> list[Path]:
    """Write ``files`` (file name -> bytes, all rendered beforehand) into ``out_dir``, each atomically,
    in the order of ``names`` (default: as given); return their paths. Raises OutputError when the folder
    cannot be written."""
    out = prepare_dir(out_dir)
    written = []
    for name in files if names is None else names:
        write_atomic(out / name, files[name])
        written.append(out / name)
    return written


class StagedTables:
    """Collect table rows in chunks and publish the tables together.

    >>> with StagedTables("out", fmt="csv") as staged:     # doctest: +SKIP
    ...     staged.add({"articles": [...], "sentences": [...]})
    ...     staged.commit()
    """

    def __init__(self, out_dir: str | Path, *, fmt: str = "csv", names: Iterable[str] = SCHEMAS,
                 chunk_rows: int = CHUNK_ROWS):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        self.out_dir = prepare_dir(out_dir)
        self.fmt = fmt
        self.names = tuple(names)
        self.chunk_rows = chunk_rows
        self.staging = Path(tempfile.mkdtemp(dir=self.out_dir, prefix=STAGING_PREFIX))
        self._buffers: dict[str, list[Mapping[str, object]]] = {name: [] for name in self.names}
        self._parts: dict[str, list[Path]] = {name: [] for name in self.names}
        self.committed = False

    def __enter__(self) -> StagedTables:
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)

    def add(self, rows: Mapping[str, Iterable[Mapping[str, object]]]) -> None:
        """Add rows by table name; full buffers are flushed to a Parquet part."""
        for name, table_rows in rows.items():
            buffer = self._buffers[name]
            buffer.extend(table_rows)
            if len(buffer) >= CHUNK_ROWS_BY_TABLE.get(name, self.chunk_rows):
                self._flush(name)

    def _flush(self, name: str) -> None:
        buffer = self._buffers[name]
        if not buffer:
            return
        part = self.staging / f"{name}-{len(self._parts[name]):06d}.parquet"
        pq.write_table(pa.Table.from_pandas(frame(name, buffer), preserve_index=False), part)
        self._parts[name].append(part)
        buffer.clear()

    def chunks(self, name: str) -> Iterable[pd.DataFrame]:
        """The rows added so far to table ``name``, in chunks of at most a Parquet part each."""
        return self._chunks(name)

    def _chunks(self, name: str) -> Iterable[pd.DataFrame]:
        """The table in chunks, each with the union of all chunks' columns."""
        self._flush(name)
        parts = self._parts[name]
        columns: list[str] = []
        for part in parts:
            for column in pq.read_schema(part).names:
                if column not in columns:
                    columns.append(column)
        template = conform(name, pd.DataFrame(columns=columns)).columns
        if not parts:
            yield conform(name, pd.DataFrame())
        for part in parts:
            yield conform(name, pd.read_parquet(part).reindex(columns=template))

    def commit(self) -> list[Path]:
        """Assemble every table and move them into the output folder; return the written paths."""
        finished = []
        try:
            for name in self.names:
                target = self.staging / f"{name}.{self.fmt}"
                if self.fmt == "csv":
                    for i, chunk in enumerate(self._chunks(name)):
                        chunk.to_csv(target, mode="w" if i == 0 else "a", header=i == 0, index=False,
                                     lineterminator="\n")
                else:
                    writer = None
                    for chunk in self._chunks(name):
                        table = pa.Table.from_pandas(chunk, preserve_index=False)
                        writer = writer or pq.ParquetWriter(target, table.schema)
                        writer.write_table(table)
                    if writer is not None:
                        writer.close()
                finished.append(target)
            written = []
            for target in finished:
                final = self.out_dir / target.name
                os.replace(target, final)
                written.append(final)
        except OSError as error:
            raise OutputError(self.out_dir, f"the tables could not be written ({error.strerror})",
                              "check free space and permissions, then run again") from None
        self.committed = True
        return written
