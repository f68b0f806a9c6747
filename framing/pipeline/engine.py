"""Where the parsing happens: in this process, in N local processes, or on a Dask cluster.

Whatever the engine, articles go through the same function, :func:`process_chunk`: a chunk of articles
is parsed once (``nlp.pipe``, one batch; parses found in the cache are reused), the framing components
run on the Docs, and the table rows of each article come back, in corpus order. Each process loads the
pipeline once. Only a bounded number of chunks is in flight at any time, so memory does not grow with
the corpus, and the rows are the same whatever the engine, process count or cache state.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from framing.pipeline.cache import ParseCache, default_cache_dir, parse_key
from framing.corpus import Article
from framing.errors import FramingError
from framing.options import Options
from framing.pipeline.model import EXTRACTORS, load_model, load_pipeline, needs_for, parse_components
from framing.pipeline.pieces import QUOTE_COUNT, Piece, join, pieces
from framing.pipeline.sentiment import KEY as SENTIMENT_KEY, sentence_scores
from framing.schemas import Rows

#: What the engine parses: an article, or a piece of a long one.
Unit = Article | Piece
#: Most characters of text in one chunk (one ``nlp.pipe`` batch): with pieces of long texts, or very
#: long articles, a chunk holds fewer than ``batch_size`` of them, so memory stays that of a batch of
#: ordinary articles.
MAX_CHUNK_CHARS = 500_000
#: Most articles in one chunk sent to a worker process: small enough that the workers share even a
#: small corpus evenly, large enough that ``nlp.pipe`` batches well.
PARALLEL_CHUNK = 16


@dataclass
class Analyzer:
    """One process's pipeline and cache; :meth:`rows` turns a chunk of articles into table rows."""

    settings: Options
    nlp: Language | None = None
    cache: ParseCache | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        settings = self.settings
        self.needs = needs_for(settings.extractors)
        if self.nlp is None:  # with a cache, the parser itself is loaded when a text is not found in it;
            # without one every text is parsed: one pipeline, loaded once, parses and runs the components
            self.nlp = load_pipeline(settings.model, extractors=settings.extractors,
                                     lexicon_paths=settings.lexicon_paths, families=settings.families,
                                     aliases=settings.aliases, weights=not settings.cache,
                                     frames_model=settings.frames_model, loaded_model=settings.loaded_model)
        extractor_names = set(EXTRACTORS.values())
        self.extract_names = [n for n in self.nlp.pipe_names if n in extractor_names]
        own = [n for n in self.nlp.pipe_names if n not in extractor_names]
        self._parser: Language | None = self.nlp if own else None  # a whole pipeline given: it parses
        self.parse_names = own or parse_components(settings.model, needs=self.needs)
        #: components whose output depends on the parse and their model alone: they keep it with the parse
        self._storing = [pipe for name in self.extract_names if hasattr(pipe := self.nlp.get_pipe(name), "store")]
        if settings.cache:
            root = Path(settings.cache_dir) if settings.cache_dir else default_cache_dir()
            self.cache = ParseCache(root, parse_key(self.nlp, self.parse_names))

    def parser(self) -> Language:
        """The model that parses texts missing from the cache (loaded on first use, sharing the vocabulary)."""
        if self._parser is None:
            self._parser = load_model(self.settings.model, needs=self.needs, vocab=self.nlp.vocab)
        return self._parser

    def docs(self, texts: list[str]) -> list[Doc]:
        """The parses of ``texts`` (one batch), from the cache where it has them; the framing components
        have not run on them."""
        nlp = self.nlp
        docs = [self.cache.get(text, nlp.vocab) if self.cache else None for text in texts]
        missing = [i for i, doc in enumerate(docs) if doc is None]
        fresh = set(missing)
        parser = self.parser() if missing else nlp
        parsed = parser.pipe((texts[i] for i in missing), batch_size=max(len(missing), 1),
                             disable=[n for n in self.extract_names if n in parser.pipe_names])
        for i, doc in zip(missing, parsed):
            docs[i] = doc
            self._store(doc)
            if self.cache is not None:
                self.cache.put(texts[i], doc)
        if self.cache is not None:  # a cached parse without them (another run's tables or model) gets them
            for i, doc in enumerate(docs):
                if i not in fresh and self._store(doc):
                    self.cache.put(texts[i], doc)
        return docs

    def _store(self, doc: Doc) -> bool:
        """Compute what is kept with the parse (in ``doc.user_data``, and so in the cache) and is not
        there yet: the sentence scores, and what the model components (the loaded-language spans, the
        frames) compute from the parse and their model alone. True when something was added; the
        components read it back, so a rerun on cached parses computes none of it again."""
        added = False
        if "sentences" in self.settings.tables:
            before = doc.user_data.get(SENTIMENT_KEY)
            added = sentence_scores(doc) is not before
        for pipe in self._storing:
            added = pipe.store(doc) or added
        return added

    def rows(self, units: list[Unit]) -> list[Rows]:
        """Table rows of each article or piece of a long article (see :mod:`framing.pipeline.pieces`)
        of the chunk, in order; a piece's rows count its quotations under ``QUOTE_COUNT``."""
        from framing.tables import doc_rows

        nlp = self.nlp
        articles = [unit.article if isinstance(unit, Piece) else unit for unit in units]
        docs = self.docs([article.text for article in articles])
        results = []
        for unit, article, doc in zip(units, articles, docs):
            for name in self.extract_names:
                doc = nlp.get_pipe(name)(doc)
            rows = doc_rows(article, doc, tables=self.settings.tables)
            if isinstance(unit, Piece):
                rows[QUOTE_COUNT] = len(doc._.framing_quotes or [])
            results.append(rows)
        return results


#: The Analyzers of this process, by the options that shape the pipeline (a worker loads it once).
_ANALYZERS: dict[tuple, Analyzer] = {}


def analyzer_for(settings: Options) -> Analyzer:
    """This process's Analyzer for ``settings`` (its pipeline is loaded on first use)."""
    key = settings.pipeline_key
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(settings)
    return analyzer


def process_chunk(units: list[Unit], settings: Options) -> list[Rows]:
    """Rows of a chunk of articles (or pieces), using this process's pipeline (loaded on first use)."""
    return analyzer_for(settings).rows(units)


def chunks(items: Iterable[Unit], size: int, *, max_chars: int = MAX_CHUNK_CHARS) -> Iterator[list[Unit]]:
    """Consecutive lists of at most ``size`` items holding at most ``max_chars`` characters of text
    (a longer item is a chunk of its own)."""
    chunk: list[Unit] = []
    chars = 0
    for item in items:
        length = len(item.article.text if isinstance(item, Piece) else item.text)
        if chunk and (len(chunk) >= size or chars + length > max_chars):
            yield chunk
            chunk, chars = [], 0
        chunk.append(item)
        chars += length
    if chunk:
        yield chunk


def _windowed(submit: Callable[[list[Unit]], Future], work: Iterator[list[Unit]], window: int
              ) -> Iterator[tuple[Unit, Rows]]:
    """Submit chunks with at most ``window`` in flight; yield each unit with its rows, in order."""
    pending: deque[tuple[list[Unit], Future]] = deque()
    for chunk in work:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield from zip(done, future.result())
    while pending:
        done, future = pending.popleft()
        yield from zip(done, future.result())


def run(articles: Iterable[Article], settings: Options, *, nlp: Language | None = None) -> Iterable[Rows]:
    """Rows of every article, in corpus order, computed by the engine ``settings`` name.

    ``settings.n_process`` > 1 uses that many local processes; ``settings.engine == "dask"`` sends
    chunks to the Dask scheduler at ``settings.scheduler`` (an address such as
    ``tcp://10.0.0.5:8786``). ``nlp`` (single local process only) uses an already loaded pipeline.
    Raises FramingError for a missing scheduler, ModelError/LexiconError for a bad model or lexicon:
    before the first article is read.
    """
    size = settings.batch_size if settings.n_process == 1 else min(settings.batch_size, PARALLEL_CHUNK)
    work = chunks(pieces(articles), size)
    if settings.engine == "dask":
        client = _dask_client(settings.scheduler)
        return _frozen(join(_run_dask(client, work, settings)))
    if settings.n_process == 1:
        analyzer = Analyzer(settings, nlp=nlp) if nlp is not None else analyzer_for(settings)
        return _frozen(join(unit_rows for chunk in work for unit_rows in zip(chunk, analyzer.rows(chunk))))
    check_settings(settings)
    return _frozen(join(_run_pool(work, settings, settings.n_process)))


def _frozen(rows: Iterator[Rows]) -> Iterator[Rows]:
    """``rows``, with what is alive when the run starts (the pipeline, its models and lexicons) left out
    of Python's cyclic garbage collector until the run ends: a run makes and frees many small objects,
    and each full collection would walk the whole pipeline again (a sixth of a cached rerun)."""
    gc.freeze()
    try:
        yield from rows
    finally:
        gc.unfreeze()


def _worker_start(settings: Options) -> None:
    """A worker process shares the cores with the others in the encoder stage of the loaded-language
    model (two processes of two BLAS threads on two cores run slower than one; see
    :data:`framing.loaded.encoder.THREADS`), loads its pipeline, then keeps it out of the cyclic collector
    for good."""
    from framing.loaded import encoder

    encoder.THREADS = max(1, (os.cpu_count() or 1) // settings.n_process)
    analyzer_for(settings)
    gc.freeze()


def check_settings(settings: Options) -> None:
    """Raise the error a worker would raise for a missing model or a bad lexicon, before any work."""
    from framing.pipeline.model import resolve_model

    resolve_model(settings.model)
    if "markers" in settings.extractors:
        from framing.lexicons.entries import load_lexicon

        load_lexicon(settings.lexicon_paths, families=settings.families)
    if "frames" in settings.extractors:
        from framing.frames.model import load_frames_model

        load_frames_model(settings.frames_model)
    if "loaded_spans" in settings.extractors:
        from framing.loaded.model import load_loaded_model

        load_loaded_model(settings.loaded_model)


def _run_pool(work: Iterator[list[Unit]], settings: Options, n_process: int) -> Iterator[tuple[Unit, Rows]]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=n_process, mp_context=context, initializer=_worker_start,
                               initargs=(settings,))
    try:
        for _ in range(n_process):  # start the workers, and their pipelines, while the corpus is read
            pool.submit(int)
        yield from _windowed(lambda chunk: pool.submit(process_chunk, chunk, settings), work, 2 * n_process)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    # every result is in: the workers exit (freeing their pipelines takes them most of a second) while
    # the rows are written and the tables across articles computed
    pool.shutdown(wait=False)


def _dask_client(scheduler: str | None):
    if not scheduler:
        raise FramingError(None, "the dask engine needs a scheduler address", "pass --scheduler "
                           "tcp://HOST:8786 (the address `dask scheduler` prints)")
    try:
        from distributed import Client
    except ImportError:
        raise FramingError(None, "the dask engine needs dask.distributed", "pip install 'framing[dask]'") from None
    try:
        client = Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise FramingError(None, f"cannot reach the Dask scheduler at {scheduler} ({error})",
                           "check the address and that the scheduler is running") from None
    return client


def _run_dask(client, work: Iterator[list[Unit]], settings: Options) -> Iterator[tuple[Unit, Rows]]:
    with client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _windowed(lambda chunk: client.submit(process_chunk, chunk, settings, pure=False),
                             work, 2 * workers)
