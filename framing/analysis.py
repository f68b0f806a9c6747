"""Run the whole analysis: read the corpus, parse each text once, extract, and collect the tables.

Two entry points share one loop:

- :func:`analyze` returns the tables as DataFrames (for notebooks and small corpora);
- :func:`analyze_to` streams rows to disk and publishes the tables atomically (for the CLI and large
  corpora): memory holds one chunk of Docs and one chunk of rows at a time.

Both take the same options (:class:`Options`): the model, lexicons and families, which tables to
compute, the parse cache, and the engine (``n_process`` local processes, or a Dask cluster).

>>> tables = analyze()                         # the seed corpus            # doctest: +SKIP
>>> tables.quotes[["speaker_resolved", "cue", "text"]].head()              # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from spacy.language import Language

from framing.pipeline import engine
from framing.aliases import folder_aliases
from framing.corpus import Article, iter_articles
from framing.errors import InputError, Problem
from framing.io import StagedTables
from framing.options import Options, load_options
from framing.schemas import ARTICLE_TABLES, CROSS_TABLES, TABLES, Rows, frame

#: The repository the package was installed from (editable install), and its seed corpus (Krone and
#: OneWorld on the St. Petersburg exchange); article paths of the seed corpus are shown relative to it.
REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY / "data" / "corpus"

Inputs = str | Path | Sequence[str | Path] | None


def default_corpus() -> Path:
    """The repository's seed corpus folder; raises InputError when framing runs without its repository."""
    if DEFAULT_CORPUS.is_dir():
        return DEFAULT_CORPUS
    raise InputError(DEFAULT_CORPUS, "the seed corpus is not here (framing is installed without its "
                     "repository)", "give the folder of your articles as INPUT")


@dataclass
class Summary:
    """What a run did: counts, time, and the inputs it skipped or noted."""

    articles: int = 0
    sentences: int = 0
    words: int = 0
    seconds: float = 0.0
    alignment_seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.skipped]

    def line(self) -> str:
        """One line for the end of a run."""
        text = (f"{self.articles:,} articles, {self.sentences:,} sentences, {self.words:,} words "
                f"in {self.seconds:.1f} s")
        if self.skipped:
            text += f"; {len(self.skipped)} input(s) skipped"
        return text

    def count(self, rows: Rows) -> None:
        self.articles += len(rows["articles"])
        self.sentences += sum(int(row["n_sentences"]) for row in rows["articles"])
        self.words += sum(int(row["n_words"]) for row in rows["articles"])


@dataclass
class Tables:
    """The tables of a run, as DataFrames, and the inputs that were skipped or noted."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    markers: pd.DataFrame
    quotes: pd.DataFrame
    mentions: pd.DataFrame
    frames: pd.DataFrame = field(default_factory=lambda: frame("frames"))
    sentence_frames: pd.DataFrame = field(default_factory=lambda: frame("sentence_frames"))
    problems: list[Problem] = field(default_factory=list)
    alignments: pd.DataFrame = field(default_factory=lambda: frame("alignments"))
    selection: pd.DataFrame = field(default_factory=lambda: frame("selection"))

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return getattr(self, name)



def _notices(summary: Summary, on_problem: Callable[[Problem], None] | None) -> Callable[[str], None]:
    """A callback that reports a one-line notice of the run (not about one input) as a Problem."""
    def notice(text: str) -> None:
        problem = Problem("", None, text, "", skipped=False)
        summary.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    return notice


def _articles(inputs: Inputs, options: Options, report: Callable[[Problem], None]) -> Iterable[Article]:
    if inputs is None:  # the seed corpus: paths shown relative to the repository, in tables and messages
        def relative(problem: Problem) -> None:
            report(replace(problem, path=os.path.relpath(problem.path, REPOSITORY)) if problem.path else problem)

        return (replace(a, path=os.path.relpath(a.path, REPOSITORY))
                for a in iter_articles(default_corpus(), manifest=options.manifest,
                                       text_column=options.text_column, on_problem=relative))
    return iter_articles(inputs, manifest=options.manifest, text_column=options.text_column, on_problem=report)


def _run(inputs: Inputs, consume: Callable[[Rows], None], options: Options, nlp: Language | None,
         on_problem: Callable[[Problem], None] | None) -> Summary:
    summary = Summary()

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    if options.aliases is None:  # the corpus folder's own alias table, if it has one
        options = replace(options, aliases=folder_aliases(default_corpus() if inputs is None else inputs))
    rows_iter = engine.run(_articles(inputs, options, report), options, nlp=nlp)
    bar = None
    if options.progress:
        from tqdm.auto import tqdm

        bar = tqdm(unit=" articles", desc="analysing", disable=None, leave=False)
    try:
        for rows in rows_iter:
            consume(rows)
            summary.count(rows)
            if bar is not None:
                bar.update(1)
                bar.set_postfix(words=f"{summary.words:,}", refresh=False)
    finally:
        if bar is not None:
            bar.close()
    if summary.articles == 0:
        where = default_corpus() if inputs is None else inputs
        raise InputError(str(where) if isinstance(where, str | Path) else ", ".join(map(str, where)),
                         "no article could be read", "check the paths and the messages above")
    return summary


def analyze(inputs: Inputs = None, *, nlp: Language | None = None,
            on_problem: Callable[[Problem], None] | None = None, config: str | Path | None = None,
            **options) -> Tables:
    """Analyse a corpus (default: the seed corpus) and return its tables as DataFrames.

    ``options`` are the fields of :class:`Options` (winning over those of ``config``, a TOML file, else
    ``framing.toml`` in the working folder if there is one); ``nlp`` runs an already loaded pipeline (one
    process; its lexicons and aliases are those it was loaded with). Bad inputs are skipped and listed in ``Tables.problems``; raises InputError when nothing
    could be read, ModelError/LexiconError/FramingError for bad settings.
    """
    collected: dict[str, list[dict[str, object]]] = {name: [] for name in ARTICLE_TABLES}

    def keep(rows: Rows) -> None:
        for name in ARTICLE_TABLES:
            collected[name].extend(rows[name])

    settings = load_options(config, **options)
    summary = _run(inputs, keep, settings, nlp, on_problem)
    tables = {name: frame(name, collected[name]) for name in ARTICLE_TABLES}
    if set(settings.tables) & set(CROSS_TABLES):
        from framing.alignment import align

        result = align(tables, on_notice=_notices(summary, on_problem))
        tables.update({name: getattr(result, name) for name in CROSS_TABLES if name in settings.tables})
    return Tables(**tables, problems=summary.problems)


def analyze_to(out_dir: str | Path, inputs: Inputs = None, *, fmt: str = "csv", nlp: Language | None = None,
               on_problem: Callable[[Problem], None] | None = None, config: str | Path | None = None,
               **options) -> Summary:
    """Analyse a corpus and write its tables (``articles``, ``sentences``, ``markers``, ``quotes``,
    ``mentions``, ``frames``, ``sentence_frames``, ``alignments``, ``selection``) to ``out_dir`` (``NAME.csv``, or ``NAME.parquet`` with
    ``fmt="parquet"``), all together or not at all. The tables across articles are computed after the
    last article, event by event, from the staged rows (memory: the largest event, not the corpus).

    ``options`` and ``config`` as in :func:`analyze`. Returns the run's Summary; raises OutputError when
    the folder cannot be written, and what :func:`analyze` raises.
    """
    started = time.perf_counter()
    settings = load_options(config, **options)
    cross = bool(set(settings.tables) & set(CROSS_TABLES))
    with StagedTables(out_dir, fmt=fmt) as staged:
        index = _EventIndex()

        def add(rows: Rows) -> None:
            staged.add(rows)
            if cross:
                index.add(rows)

        summary = _run(inputs, add, settings, nlp, on_problem)
        if cross:
            from framing.alignment import align_staged

            aligning = time.perf_counter()
            align_staged(index.frame(), staged.chunks, staged.staging / "alignment", actors=index.actors,
                         on_notice=_notices(summary, on_problem),
                         emit=lambda rows: staged.add({n: r for n, r in rows.items() if n in settings.tables}))
            summary.alignment_seconds = time.perf_counter() - aligning
        summary.written = staged.commit()
    summary.seconds = time.perf_counter() - started
    return summary


class _EventIndex:
    """What choosing events needs of each article, kept while the rows stream to disk: its doc_id,
    outlet, event and dates, and its key actors (a few names), so that memory stays small."""

    COLUMNS = ("doc_id", "outlet", "event", "date", "event_date")

    def __init__(self) -> None:
        self.rows: list[dict[str, object]] = []
        self.actors: dict[str, tuple[str, ...]] = {}

    def add(self, rows: Rows) -> None:
        from framing.alignment.events import key_actors

        for article in rows["articles"]:
            self.rows.append({c: article.get(c, "") for c in self.COLUMNS})
        if rows["mentions"]:
            self.actors.update(key_actors(rows["mentions"]))

    def frame(self) -> pd.DataFrame:
        data = pd.DataFrame(self.rows, columns=list(self.COLUMNS))
        if not (data["event"].fillna("").astype(str).str.strip() != "").any():
            data = data.drop(columns="event")
        return data
