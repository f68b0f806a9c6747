"""framing.pipeline.engine: batches, processes, a Dask cluster and the parse cache change how fast a run
is, never what it finds. The fast tests run the engine on a pipeline without a model; the slow ones
compare engines on the trained pipeline."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.analysis import analyze
from framing.corpus import Article, read_corpus
from framing.errors import LexiconError, ModelError
from framing.options import Options as Settings
from framing.pipeline import engine
from framing.pipeline.engine import Analyzer
from framing.schemas import TABLES
from seeds import KRONE, ONEWORLD


@pytest.fixture(scope="module", autouse=True)
def one_pipeline_per_shape():
    """In this process, each shape of pipeline is loaded once for the module: the reference run, the
    runs with a cache and the batch-size run share one (the engine alone would load one per cache
    folder). Worker processes and Dask workers load their own, as in any run."""
    real, loaded = engine.load_pipeline, {}

    def load(*args, **kwargs):
        key = repr((args, sorted(kwargs.items())))
        if key not in loaded:
            loaded[key] = real(*args, **kwargs)
        return loaded[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "load_pipeline", load)
        yield


def _articles(ids: str, size: int = 1) -> list[Article]:
    return [Article(doc_id=i, text=i * size) for i in ids]


def test_chunks_keep_the_corpus_order():
    assert [[a.doc_id for a in c] for c in engine.chunks(_articles("abcde"), 2)] == [["a", "b"], ["c", "d"], ["e"]]
    assert list(engine.chunks([], 3)) == []


def test_chunks_hold_at_most_so_many_characters():
    chunks = engine.chunks(_articles("abcde", size=40), 10, max_chars=100)
    assert [[a.doc_id for a in c] for c in chunks] == [["a", "b"], ["c", "d"], ["e"]]
    longer = engine.chunks(_articles("ab", size=300), 10, max_chars=100)  # longer than the cap: alone
    assert [[a.doc_id for a in c] for c in longer] == [["a"], ["b"]]


class Submitted:
    """A chunk handed to a worker: its rows (one per article), and a note of when they are taken."""

    def __init__(self, chunk: list[Article], taken: list[str]):
        self.rows, self.taken = [{"doc_id": a.doc_id} for a in chunk], taken

    def result(self) -> list[dict]:
        self.taken.append("".join(row["doc_id"] for row in self.rows))
        return self.rows


def test_a_bounded_number_of_chunks_is_in_flight_and_rows_come_back_in_order():
    submitted, taken, in_flight = [], [], []

    def submit(chunk):
        submitted.append(chunk)
        in_flight.append(len(submitted) - len(taken))
        return Submitted(chunk, taken)

    pairs = list(engine._windowed(submit, engine.chunks(_articles("abcdefg"), 2), window=2))
    assert [(unit.doc_id, rows["doc_id"]) for unit, rows in pairs] == [(c, c) for c in "abcdefg"]
    assert taken == ["ab", "cd", "ef", "g"]
    assert in_flight == [1, 2, 2, 2]  # a chunk is sent only when the oldest one's rows are taken


def test_one_pipeline_per_process_for_each_shape_of_options(monkeypatch, blank_nlp):
    loaded = []
    monkeypatch.setattr(engine, "_ANALYZERS", {})
    monkeypatch.setattr(engine, "load_pipeline", lambda *args, **kwargs: loaded.append(kwargs) or blank_nlp)
    first = engine.analyzer_for(Settings(cache=False))
    assert engine.analyzer_for(Settings(cache=False, batch_size=8, progress=True)) is first
    assert len(loaded) == 1
    assert engine.analyzer_for(Settings(cache=False, families=["hedge"])) is not first
    assert [kwargs["families"] for kwargs in loaded] == [None, ("hedge",)]


def test_the_rows_of_every_article_come_in_corpus_order(corpus, blank_nlp):
    articles, _ = read_corpus(corpus)
    rows = list(engine.run(iter(articles), Settings(cache=False, batch_size=3), nlp=blank_nlp))
    assert [r["articles"][0]["doc_id"] for r in rows] == [a.doc_id for a in articles]
    wire = rows[[a.doc_id for a in articles].index("wire")]
    assert [(m["text"], m["family"]) for m in wire["markers"]] == [("so-called", "distancing")]
    assert wire["sentences"][0]["text"] == "Minister quits" and wire["quotes"] == []


@pytest.mark.parametrize("settings, error", [
    ({"model": "xx_missing"}, ModelError), ({"lexicon_paths": ["nowhere.csv"]}, LexiconError)])
def test_worker_processes_are_not_started_for_a_bad_model_or_lexicon(corpus, monkeypatch, settings, error):
    def pool(*args):
        raise AssertionError("worker processes started")

    monkeypatch.setattr(engine, "_run_pool", pool)
    with pytest.raises(error):
        engine.run(iter([]), Settings(n_process=2, **settings))


def _frames(tables) -> dict[str, pd.DataFrame]:
    return {name: tables[name] for name in TABLES}


def _same(left, right) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """One process, no cache: the reference result."""
    return _frames(analyze(corpus, cache=False, batch_size=2))


@pytest.mark.slow
def test_reference_finds_something_in_every_table(reference):
    assert len(reference["articles"]) == 4
    assert len(reference["sentences"]) > 40
    articles = reference["articles"].set_index("doc_id")
    assert sorted(articles.index) == sorted([KRONE, ONEWORLD, "blog", "wire"])
    assert (articles.loc["wire", "title"], articles.loc["blog", "outlet"]) == ("Minister quits", "Blog")
    for name in ("sentences", "markers", "quotes", "mentions"):
        table = reference[name]
        assert not table.empty, name
        # each row points at its own words in its article
        found = [articles.loc[r.doc_id, "text"][r.start_char:r.end_char] for r in table.itertuples()]
        assert found == table["text"].tolist(), name
    sentences = reference["sentences"]
    assert set(sentences["doc_id"]) == set(articles.index)
    assert sentences.query("doc_id == 'wire'")[["section", "text"]].iloc[0].tolist() == ["headline", "Minister quits"]
    markers = {(r.doc_id, r.text, r.family) for r in reference["markers"].itertuples()}
    assert {("wire", "so-called", "distancing"), ("wire", "told", "reporting_verb"),
            ("blog", "could", "hedge")} <= markers
    quotes = {(r.doc_id, r.kind, r.text) for r in reference["quotes"].itertuples()}
    assert ("wire", "direct", "I have done nothing wrong,") in quotes
    mentions = reference["mentions"]
    for doc_id in (KRONE, ONEWORLD):
        assert {"Vladimir Putin", "Kazakhstan"} <= set(mentions.query("doc_id == @doc_id")["actor"]), doc_id


@pytest.mark.slow
def test_batch_size_does_not_change_results(corpus, reference):
    _same(_frames(analyze(corpus, cache=False, batch_size=64)), reference)


@pytest.mark.slow
def test_cold_and_warm_cache_give_the_same_rows(corpus, reference, tmp_path):
    cold = _frames(analyze(corpus, cache_dir=tmp_path, batch_size=3))
    warm = _frames(analyze(corpus, cache_dir=tmp_path, batch_size=3))
    _same(cold, reference)
    _same(warm, reference)


@pytest.mark.slow
def test_a_warm_cache_keeps_the_sentence_scores(corpus, reference, tmp_path, monkeypatch):
    analyze(corpus, cache_dir=tmp_path)

    def not_again(text):
        raise AssertionError(f"scored again: {text!r}")

    monkeypatch.setattr("framing.pipeline.sentiment.sentiment", not_again)
    _same(_frames(analyze(corpus, cache_dir=tmp_path)), reference)


@pytest.mark.slow
def test_a_warm_cache_keeps_what_the_models_read_from_the_parse(corpus, reference, tmp_path, monkeypatch):
    # the loaded-language probabilities and the frames reading depend on the parse and the model
    # alone: kept with the parse, a rerun computes neither again, with the same rows; a cache filled
    # with the model off gets them on the first run that uses it
    from framing.frames.model import FramesModel
    from framing.loaded.model import LoadedModel

    analyze(corpus, cache_dir=tmp_path, loaded_model="off")
    _same(_frames(analyze(corpus, cache_dir=tmp_path)), reference)

    def not_again(self, *args):
        raise AssertionError("computed again")

    monkeypatch.setattr(LoadedModel, "probabilities", not_again)
    monkeypatch.setattr(FramesModel, "score", not_again)
    _same(_frames(analyze(corpus, cache_dir=tmp_path)), reference)


@pytest.mark.slow
def test_a_warm_cache_keeps_the_quotes_until_the_aliases_change(corpus, reference, tmp_path, monkeypatch):
    # the quotes depend on the parse, the sourcing word lists, the aliases and the code alone: kept
    # with the parse, a rerun finds none again; another alias table finds them again, and resolves by it
    import framing.sourcing.component as component

    analyze(corpus, cache_dir=tmp_path)
    found = component.attribute

    def not_again(*args):
        raise AssertionError("quotes found again")

    monkeypatch.setattr(component, "attribute", not_again)
    _same(_frames(analyze(corpus, cache_dir=tmp_path)), reference)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nAlzhanov,Dosym Alzhanov (renamed)\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="found again"):
        analyze(corpus, cache_dir=tmp_path, aliases=str(aliases))
    monkeypatch.setattr(component, "attribute", found)
    renamed = analyze(corpus, cache_dir=tmp_path, aliases=str(aliases)).quotes
    assert (renamed["speaker_resolved"] == "Dosym Alzhanov (renamed)").any()
    assert not (reference["quotes"]["speaker_resolved"] == "Dosym Alzhanov (renamed)").any()


@pytest.mark.slow
def test_two_processes_give_the_same_rows(corpus, reference):
    _same(_frames(analyze(corpus, cache=False, n_process=2, batch_size=1)), reference)


@pytest.mark.slow
def test_dask_cluster_gives_the_same_rows(corpus, reference):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = analyze(corpus, cache=False, engine="dask", scheduler=cluster.scheduler_address,
                         batch_size=1)
    _same(_frames(result), reference)


@pytest.mark.slow
def test_asking_for_sentences_only_skips_parser_and_extractors(corpus, tmp_path):
    analyzer = Analyzer(Settings(tables=("articles", "sentences"), cache_dir=str(tmp_path)))
    assert analyzer.nlp.pipe_names == []  # no framing component: the tokenizer, and the parser when needed
    names = analyzer.parser().pipe_names
    assert "parser" not in names and "ner" not in names and "senter" in names
    assert analyzer.parse_names == names == ["framing_paragraphs", "senter"]
    # without a cache every text is parsed: one pipeline, loaded once, is the parser
    analyzer = Analyzer(Settings(tables=("articles", "sentences"), cache=False))
    assert analyzer.nlp.pipe_names == analyzer.parse_names == ["framing_paragraphs", "senter"]
    assert analyzer.parser() is analyzer.nlp
    tables = analyze(corpus, tables=["sentences"], cache=False)
    assert len(tables.sentences) > 40 and tables.markers.empty and tables.quotes.empty


def test_dask_without_scheduler_is_a_clear_error(corpus):
    from framing.errors import FramingError

    with pytest.raises(FramingError, match="needs a scheduler address"):
        analyze(corpus, engine="dask")


@pytest.mark.slow
def test_a_run_whose_parses_are_all_cached_loads_no_parser(corpus, tmp_path):
    articles, _ = read_corpus(corpus)
    first = Analyzer(Settings(cache_dir=str(tmp_path)))
    rows = first.rows(articles)
    assert first._parser is not None  # parsed: the model was loaded
    assert first.parse_names == ["tok2vec", "tagger", "framing_paragraphs", "parser", "attribute_ruler",
                                 "lemmatizer", "ner"] == first.parser().pipe_names
    again = Analyzer(Settings(cache_dir=str(tmp_path)))
    assert again.rows(articles) == rows and again._parser is None  # every parse from the cache
    assert (again.cache.hits, again.cache.misses) == (len(articles), 0)


def test_a_run_keeps_its_pipeline_out_of_the_collector_and_gives_it_back():
    import gc

    assert gc.get_freeze_count() == 0
    rows = engine._frozen(iter([{"a": 1}, {"a": 2}]))
    assert next(rows) == {"a": 1} and gc.get_freeze_count() > 0  # during the run
    assert list(rows) == [{"a": 2}] and gc.get_freeze_count() == 0  # after it
    stopped = engine._frozen(iter([{"a": 1}, {"a": 2}]))
    next(stopped)
    stopped.close()  # a run abandoned half-way gives it back too
    assert gc.get_freeze_count() == 0
