"""How to run an analysis: one set of options, defined once, checked once, sent to every worker.

:class:`Options` holds everything a run needs: what to compute (``tables``), with which model and
lexicons, how to read the corpus, how to cache parses and where to parse. It is frozen and picklable:
the engine sends it to worker processes and Dask workers as it is, and each process keeps one pipeline
per :attr:`Options.pipeline_key`.

A run's options can also come from a config file (:func:`read_config`): a TOML file whose keys are the
fields of :class:`Options` (``framing.toml`` in the working folder is read when present; ``--config
FILE`` names another). Options given on the command line or in Python win over the file.

>>> Options(tables=["sentences"]).tables                    # doctest: +SKIP
('articles', 'sentences')
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from framing.errors import FramingError
from framing.schemas import CROSS_TABLES, TABLES

#: Texts per ``nlp.pipe`` batch, and articles per chunk sent to a worker.
BATCH_SIZE = 64
#: Where the parsing happens: local processes, or a Dask cluster.
ENGINES = ("local", "dask")
#: The framing extractors, in pipeline order.
EXTRACTORS = ("markers", "loaded_spans", "sourcing", "actors", "frames")
#: Which framing extractors each table needs (markers need quotes for their voice).
TABLE_EXTRACTORS: dict[str, tuple[str, ...]] = {"articles": (), "sentences": (), "markers": ("markers", "loaded_spans", "sourcing"),
                                                "quotes": ("sourcing",), "mentions": ("actors",),
                                                "frames": ("markers", "frames"),
                                                "sentence_frames": ("markers", "frames"),
                                                # computed across articles from the tables they bring
                                                **{name: () for name in CROSS_TABLES}}


def _text(value: str | Path | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class Options:
    """How to run an analysis (every field has a default; lists may be given for tuples).

    - ``tables``: which of articles, sentences, markers, quotes, mentions, frames, sentence_frames,
      alignments, selection to compute. Articles are always computed; what is not asked for does not
      run (with articles and sentences only, the framing components, the parser and the entity
      recogniser are skipped). The tables across articles (alignments, selection) bring the tables
      they are computed from.
    - ``model``: the spaCy pipeline (None: see :func:`framing.pipeline.model.resolve_model`).
    - ``lexicon_paths`` / ``families``: extra lexicon files, and the marker families to keep (None: all).
    - ``aliases``: an alias table ``alias,canonical`` for speakers and actors (None: the
      ``aliases.csv`` of the input folder, if any).
    - ``manifest`` / ``text_column``: how to read the corpus (see :mod:`framing.corpus`).
    - ``batch_size``, ``cache`` / ``cache_dir`` (see :mod:`framing.pipeline.cache`), ``n_process``,
      ``engine`` (``local`` or ``dask``) and ``scheduler``: how and where to parse (see
      :mod:`framing.pipeline.engine`); ``progress``: show a progress bar.
    - ``frames_model``: the article frames model: ``default`` (shipped with the package), ``off`` (no
      article decisions: the ``frames`` table is empty, ``sentence_frames`` holds the cues alone), or
      the folder of a model trained with ``framing train frames``.
    - ``loaded_model``: the loaded-language span model, whose spans join the lexicon's ``loaded``
      markers: ``default`` (shipped with the package), ``off`` (the lexicons alone), or the folder of a
      model trained with ``framing train loaded``.

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
    frames_model: str = "default"
    loaded_model: str = "default"

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
            "frames_model": str(self.frames_model),
            "loaded_model": str(self.loaded_model),
        }
        for name, value in normal.items():
            object.__setattr__(self, name, value)

    @property
    def extractors(self) -> tuple[str, ...]:
        """The framing extractors the asked-for tables need, in pipeline order."""
        wanted = {name for table in self.tables for name in TABLE_EXTRACTORS[table]}
        if self.loaded_model == "off" or (self.families is not None and "loaded" not in self.families):
            wanted.discard("loaded_spans")
        return tuple(name for name in EXTRACTORS if name in wanted)

    @property
    def pipeline_key(self) -> tuple:
        """What shapes a process's pipeline and cache (options that only say where to run are left out)."""
        return (self.model, self.tables, self.lexicon_paths, self.families, self.aliases, self.cache,
                self.cache_dir, self.frames_model, self.loaded_model)





#: The config file read from the working folder when no other is named.
CONFIG_NAME = "framing.toml"


def read_config(path: str | Path | None = None) -> dict[str, object]:
    """The options set in a config file: ``path``, else ``framing.toml`` in the working folder if it exists
    (else none). Keys are :class:`Options` fields (``n-process`` or ``n_process``). Raises FramingError
    naming the file (and line) for a missing file, invalid TOML, an unknown key or a value of the wrong kind."""
    if path is None:
        path = Path(CONFIG_NAME)
        if not path.is_file():
            return {}
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FramingError(path, "config file not found", "check the path") from None
    except UnicodeDecodeError:
        raise FramingError(path, "the config file is not UTF-8 text", "save it as UTF-8") from None
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+)", str(error))
        raise FramingError(path, f"not valid TOML ({str(error).split(' (at line')[0]})",
                           "fix the line (key = value)", line=int(where.group(1)) if where else None) from None
    known = {f.name: f for f in fields(Options)}
    out: dict[str, object] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known:
            raise FramingError(path, f"unknown option {key!r}", f"use one of {', '.join(sorted(known))}")
        if isinstance(value, list):
            value = tuple(value)
        if isinstance(value, dict) or (isinstance(value, tuple) and not all(isinstance(v, str) for v in value)):
            raise FramingError(path, f"option {key!r} has a value of the wrong kind ({value!r})",
                               "give a string, a number, true/false or a list of strings")
        out[name] = value
    return out


def load_options(config: str | Path | None = None, **given: object) -> Options:
    """:class:`Options` from a config file (see :func:`read_config`) with ``given`` options winning over
    it; options given as None are taken from the file or the defaults. Raises FramingError."""
    from_file = read_config(config)
    if from_file:  # the file's own values are checked on their own, so that an error names the file
        where = config if config is not None else CONFIG_NAME
        try:
            Options(**from_file)  # type: ignore[arg-type]
        except FramingError as error:
            raise FramingError(where, error.problem, error.fix) from None
        except TypeError as error:
            raise FramingError(where, f"an option has a value of the wrong kind ({error})", "check the file") \
                from None
    settings = {**from_file, **{key: value for key, value in given.items() if value is not None}}
    return Options(**settings)  # type: ignore[arg-type]
