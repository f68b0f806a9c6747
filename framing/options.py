"""How to run an analysis: one set of options, defined once, checked once, sent to every worker.

:class:`Options` holds everything a run needs: what to compute (``tables``), with which model and
lexicons, how to read the corpus, how to cache parses and where to parse. It is frozen and picklable:
the engine sends it to worker processes and Dask workers as it is, and each process keeps one pipeline
per :attr:`Options.pipeline_key`.

>>> Options(tables=["sentences"]).tables                    # doctest: +SKIP
('articles', 'sentences')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from framing.errors import FramingError
from framing.schemas import CROSS_TABLES, TABLES

#: Texts per ``nlp.pipe`` batch, and articles per chunk sent to a worker.
BATCH_SIZE = 64
#: Where the parsing happens: local processes, or a Dask cluster.
ENGINES = ("local", "dask")
#: The framing extractors, in pipeline order.
EXTRACTORS = ("markers", "sourcing", "actors")
#: Which framing extractors each table needs (markers need quotes for their voice).
TABLE_EXTRACTORS: dict[str, tuple[str, ...]] = {"articles": (), "sentences": (), "markers": ("markers", "sourcing"),
                                                "quotes": ("sourcing",), "mentions": ("actors",)}


def _text(value: str | Path | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Options:
    """How to run an analysis (every field has a default; lists may be given for tuples).

    - ``tables``: which of articles, sentences, markers, quotes, mentions, alignments, selection to
      compute. Articles are always computed; what is not asked for does not run (with articles and
      sentences only, the framing components, the parser and the entity recogniser are skipped).
      The tables across articles (alignments, selection) bring the tables they are computed from.
    - ``model``: the spaCy pipeline (None: see :func:`framing.pipeline.model.resolve_model`).
    - ``lexicon_paths`` / ``families``: extra lexicon files, and the marker families to keep (None: all).
    - ``aliases``: an alias table ``alias,canonical`` for speakers and actors (None: the
      ``aliases.csv`` of the input folder, if any).
    - ``manifest`` / ``text_column``: how to read the corpus (see :mod:`framing.corpus`).
    - ``batch_size``, ``cache`` / ``cache_dir`` (see :mod:`framing.pipeline.cache`), ``n_process``,
      ``engine`` (``local`` or ``dask``) and ``scheduler``: how and where to parse (see
      :mod:`framing.pipeline.engine`); ``progress``: show a progress bar.

    Raises FramingError for an unknown table or engine, or a batch size or process count below 1.
    """

    model: str | None = None
    tables: tuple[str, ...] = TABLES
    lexicon_paths: tuple[str, ...] = ()
    families: tuple[str, ...] | None = None
    aliases: str | None = None
    manifest: str | None = None
    text_column: str | None = None
    batch_size: int = BATCH_SIZE
    cache: bool = True
    cache_dir: str | None = None
    n_process: int = 1
    engine: str = "local"
    scheduler: str | None = None
    progress: bool = False

    def __post_init__(self) -> None:
        unknown = sorted(set(self.tables) - set(TABLES))
        if unknown:
            raise FramingError(None, f"unknown table {', '.join(unknown)}", f"choose from {', '.join(TABLES)}")
        if self.batch_size < 1:
            raise FramingError(None, f"the batch size must be at least 1 (got {self.batch_size})",
                               "pass a positive --batch-size")
        if self.engine not in ENGINES:
            raise FramingError(None, f"unknown engine {self.engine!r}", f"choose from {', '.join(ENGINES)}")
        if self.n_process < 1:
            raise FramingError(None, f"--n-process must be at least 1 (got {self.n_process})", "pass 1 or more")
        wanted = set(self.tables) | {"articles"}
        wanted |= {need for name in wanted & set(CROSS_TABLES) for need in CROSS_TABLES[name]}
        normal = {
            "tables": tuple(name for name in TABLES if name in wanted),
            "lexicon_paths": tuple(str(p) for p in self.lexicon_paths),
            "families": None if self.families is None else tuple(self.families),
            "aliases": _text(self.aliases), "manifest": _text(self.manifest), "cache_dir": _text(self.cache_dir),
        }
        for name, value in normal.items():
            object.__setattr__(self, name, value)

    @property
    def extractors(self) -> tuple[str, ...]:
        """The framing extractors the asked-for tables need, in pipeline order."""
        wanted = {name for table in self.tables for name in TABLE_EXTRACTORS[table]}
        return tuple(name for name in EXTRACTORS if name in wanted)

    @property
    def pipeline_key(self) -> tuple:
        """What shapes a process's pipeline and cache (options that only say where to run are left out)."""
        return (self.model, self.tables, self.lexicon_paths, self.families, self.aliases, self.cache,
                self.cache_dir)



# The tables across articles need no extractor of their own: the tables they are computed from
# (framing.schemas.CROSS_TABLES) are added to ``tables`` and bring theirs.
TABLE_EXTRACTORS.update({name: () for name in CROSS_TABLES})
