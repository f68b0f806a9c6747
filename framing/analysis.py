"""Run the whole analysis: read the corpus, parse each text once, extract, and collect the tables.

Two entry points share one loop:

- :func:`analyze` returns the four tables as DataFrames (for notebooks and small corpora);
- :func:`analyze_to` streams rows to disk and publishes the tables atomically (for the CLI and large
  corpora): memory holds one batch of Docs and one chunk of rows at a time.

>>> tables = analyze()                         # the seed corpus            # doctest: +SKIP
>>> tables.quotes[["speaker_resolved", "cue", "text"]].head()              # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from framing.corpus import Article, iter_articles
from framing.errors import InputError, Problem
from framing.io import StagedTables
from framing.nlp import BATCH_SIZE, load_pipeline
from framing.tables import TABLES, frame

#: The repository the package was installed from (editable install), and its seed corpus (Krone and
#: OneWorld on the St. Petersburg exchange); article paths of the seed corpus are shown relative to it.
REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPOSITORY / "data" / "corpus"

Rows = Mapping[str, list[dict[str, object]]]


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
        self.sentences += len(rows["sentences"])
        self.words += sum(int(row["n_words"]) for row in rows["articles"])


@dataclass
class Tables:
    """The four tables of a run, as DataFrames, and the inputs that were skipped or noted."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    markers: pd.DataFrame
    quotes: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in TABLES:
            raise KeyError(f"no table {name!r}; the tables are {', '.join(TABLES)}")
        return getattr(self, name)


def parse(articles: Iterable[Article], nlp: Language, *, batch_size: int = BATCH_SIZE
          ) -> Iterator[tuple[Article, Doc]]:
    """Parse each article's text once with ``nlp.pipe``, in batches, yielding ``(article, doc)``."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield article, doc


def iter_rows(articles: Iterable[Article], nlp: Language, *, batch_size: int = BATCH_SIZE) -> Iterator[Rows]:
    """Table rows of each article, in corpus order."""
    from framing.tables import doc_rows

    for article, doc in parse(articles, nlp, batch_size=batch_size):
        yield doc_rows(article, doc)


def _run(inputs: str | Path | Sequence[str | Path] | None, consume: Callable[[Rows], None], *,
         nlp: Language | None, model: str | None, extractors: Iterable[str],
         lexicon_paths: Sequence[str | Path], families: Sequence[str] | None, aliases: str | Path | None,
         manifest: str | Path | None, text_column: str | None, batch_size: int, progress: bool,
         on_problem: Callable[[Problem], None] | None) -> Summary:
    started = time.perf_counter()
    summary = Summary()

    def report(problem: Problem) -> None:
        summary.problems.append(problem)
        if on_problem is not None:
            on_problem(problem)

    if nlp is None:
        nlp = load_pipeline(model, extractors=extractors, lexicon_paths=lexicon_paths, families=families,
                            aliases=aliases)
    if inputs is None:
        articles: Iterable[Article] = (replace(a, path=os.path.relpath(a.path, REPOSITORY))
                                       for a in iter_articles(default_corpus(), manifest=manifest,
                                                                    text_column=text_column, on_problem=report))
    else:
        articles = iter_articles(inputs, manifest=manifest, text_column=text_column, on_problem=report)
    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(unit=" articles", desc="analysing", disable=None, leave=False)
    for rows in iter_rows(articles, nlp, batch_size=batch_size):
        consume(rows)
        summary.count(rows)
        if bar is not None:
            bar.update(1)
            bar.set_postfix(words=f"{summary.words:,}", refresh=False)
    if bar is not None:
        bar.close()
    if summary.articles == 0:
        where = default_corpus() if inputs is None else inputs
        raise InputError(str(where) if isinstance(where, str | Path) else ", ".join(map(str, where)),
                         "no article could be read", "check the paths and the messages above")
    summary.seconds = time.perf_counter() - started
    return summary


def analyze(inputs: str | Path | Sequence[str | Path] | None = None, *, nlp: Language | None = None,
            model: str | None = None, extractors: Iterable[str] = ("markers", "sourcing"),
            lexicon_paths: Sequence[str | Path] = (), families: Sequence[str] | None = None,
            aliases: str | Path | None = None, manifest: str | Path | None = None,
            text_column: str | None = None, batch_size: int = BATCH_SIZE, progress: bool = False,
            on_problem: Callable[[Problem], None] | None = None) -> Tables:
    """Analyse a corpus (default: the seed corpus) and return its four tables as DataFrames.

    Bad inputs are skipped and listed in ``Tables.problems``; raises InputError when nothing could be
    read, ModelError/LexiconError for bad settings.
    """
    collected: dict[str, list[dict[str, object]]] = {name: [] for name in TABLES}

    def keep(rows: Rows) -> None:
        for name in TABLES:
            collected[name].extend(rows[name])

    summary = _run(inputs, keep, nlp=nlp, model=model, extractors=extractors, lexicon_paths=lexicon_paths,
                   families=families, aliases=aliases, manifest=manifest, text_column=text_column,
                   batch_size=batch_size, progress=progress, on_problem=on_problem)
    return Tables(**{name: frame(name, collected[name]) for name in TABLES}, problems=summary.problems)


def analyze_to(out_dir: str | Path, inputs: str | Path | Sequence[str | Path] | None = None, *,
               fmt: str = "csv", nlp: Language | None = None, model: str | None = None,
               extractors: Iterable[str] = ("markers", "sourcing"), lexicon_paths: Sequence[str | Path] = (),
               families: Sequence[str] | None = None, aliases: str | Path | None = None,
               manifest: str | Path | None = None, text_column: str | None = None,
               batch_size: int = BATCH_SIZE, progress: bool = False,
               on_problem: Callable[[Problem], None] | None = None) -> Summary:
    """Analyse a corpus and write ``articles``, ``sentences``, ``markers``, ``quotes`` to ``out_dir``
    (``NAME.csv``, or ``NAME.parquet`` with ``fmt="parquet"``), all together or not at all.

    Returns the run's Summary; raises OutputError when the folder cannot be written.
    """
    started = time.perf_counter()
    with StagedTables(out_dir, fmt=fmt) as staged:
        summary = _run(inputs, staged.add, nlp=nlp, model=model, extractors=extractors,
                       lexicon_paths=lexicon_paths, families=families, aliases=aliases, manifest=manifest,
                       text_column=text_column, batch_size=batch_size, progress=progress,
                       on_problem=on_problem)
        summary.written = staged.commit()
    summary.seconds = time.perf_counter() - started
    return summary
