"""Engines, processes and the parse cache change how fast a run is, never what it finds."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import CORPUS
from framing.analysis import analyze
from framing.pipeline.cache import ParseCache
from framing.options import Options as Settings
from framing.pipeline.engine import Analyzer
from framing.schemas import TABLES

PASSAGES = {
    "wire.txt": "Minister quits\n\nThe minister resigned on Monday, officials said. “I have done nothing "
                "wrong,” she told reporters. Critics called it a so-called apology.",
    "blog.md": "---\ntitle: A quiet week\noutlet: Blog\n---\nNothing happened, according to the mayor. "
               "It could be worse, he added.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in PASSAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for path in CORPUS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _frames(tables) -> dict[str, pd.DataFrame]:
    return {name: tables[name] for name in TABLES}


def _same(left, right) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """One process, no cache: the reference result."""
    return _frames(analyze(corpus, cache=False, batch_size=2))


def test_reference_finds_something_in_every_table(reference):
    assert len(reference["articles"]) == 4
    assert len(reference["sentences"]) > 40


def test_batch_size_does_not_change_results(corpus, reference):
    _same(_frames(analyze(corpus, cache=False, batch_size=64)), reference)


def test_cold_and_warm_cache_give_the_same_rows(corpus, reference, tmp_path):
    cold = _frames(analyze(corpus, cache_dir=tmp_path, batch_size=3))
    warm = _frames(analyze(corpus, cache_dir=tmp_path, batch_size=3))
    _same(cold, reference)
    _same(warm, reference)


def test_cache_hits_on_rerun_and_redoes_a_corrupt_entry(corpus, tmp_path):
    from framing.corpus import read_corpus

    articles, _ = read_corpus(corpus)
    settings = Settings(cache=True, cache_dir=str(tmp_path))
    first = Analyzer(settings)
    rows = first.rows(articles)
    assert (first.cache.hits, first.cache.misses) == (0, 4)
    entries = sorted(first.cache.folder.rglob("*.spacy"))
    assert len(entries) == 4
    entries[0].write_bytes(b"not a DocBin")
    again = Analyzer(settings, nlp=first.nlp)
    assert again.rows(articles) == rows
    assert (again.cache.hits, again.cache.redone) == (3, 1)


def test_a_warm_cache_keeps_the_sentence_scores(corpus, reference, tmp_path, monkeypatch):
    analyze(corpus, cache_dir=tmp_path)

    def not_again(text):
        raise AssertionError(f"scored again: {text!r}")

    monkeypatch.setattr("framing.pipeline.sentiment.sentiment", not_again)
    _same(_frames(analyze(corpus, cache_dir=tmp_path)), reference)


def test_stored_scores_that_do_not_fit_the_sentences_are_computed_again(nlp):
    from framing.corpus import Article
    from framing.pipeline.sentiment import KEY, sentence_scores, sentiment
    from framing.tables import sentence_rows

    text = "A clear threat. Nothing happened."
    doc = nlp(text)
    sentence_scores(doc)
    assert doc.user_data[KEY] == [list(sentiment("A clear threat.")), list(sentiment("Nothing happened."))]
    doc.user_data[KEY] = [[0.5, 0.5]]  # one score for two sentences: not used
    rows = sentence_rows(Article(doc_id="a", text=text, path="a.txt"), doc)
    assert [(r["polarity"], r["subjectivity"]) for r in rows] == [sentiment("A clear threat."),
                                                                 sentiment("Nothing happened.")]


def test_two_processes_give_the_same_rows(corpus, reference):
    _same(_frames(analyze(corpus, cache=False, n_process=2, batch_size=1)), reference)


def test_dask_cluster_gives_the_same_rows(corpus, reference):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        result = analyze(corpus, cache=False, engine="dask", scheduler=cluster.scheduler_address,
                         batch_size=1)
    _same(_frames(result), reference)


def test_asking_for_sentences_only_skips_parser_and_extractors(corpus):
    analyzer = Analyzer(Settings(tables=("articles", "sentences"), cache=False))
    names = analyzer.parse_names  # the model is loaded only for texts the cache lacks: what it would run
    assert "parser" not in names and "ner" not in names and "senter" in names
    extractors = {"framing_markers", "framing_sourcing", "framing_actors", "framing_frames"}
    assert not extractors & set(analyzer.nlp.pipe_names)
    tables = analyze(corpus, tables=["sentences"], cache=False)
    assert len(tables.sentences) > 40 and tables.markers.empty and tables.quotes.empty


def test_dask_without_scheduler_is_a_clear_error(corpus):
    from framing.errors import FramingError

    with pytest.raises(FramingError, match="needs a scheduler address"):
        analyze(corpus, engine="dask")


def _parses(nlp, texts):
    """The parse alone, as the engine caches it (before the framing components)."""
    return list(nlp.pipe(texts, disable=[name for name in nlp.pipe_names if name.startswith("framing_")]))


def test_cache_entries_are_docbins(seed_articles, nlp):
    from spacy.tokens import DocBin

    from framing.pipeline.cache import ATTRS, entry_bytes, entry_doc
    from framing.pipeline.sentiment import KEY, sentence_scores

    for doc in _parses(nlp, [article.text for article in seed_articles.values()]):
        sentence_scores(doc)
        data = entry_bytes(doc)
        assert data == DocBin(attrs=list(ATTRS), docs=[doc], store_user_data=True).to_bytes()
        ours, [theirs] = entry_doc(data, nlp.vocab), list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        assert ours.text == theirs.text == doc.text
        assert (ours.to_array(list(ATTRS)) == theirs.to_array(list(ATTRS))).all()
        assert ours.user_data == theirs.user_data and len(ours.user_data[KEY]) == len(list(doc.sents))
        assert [e.text for e in ours.ents] == [e.text for e in doc.ents]
        assert [t.morph for t in ours] == [t.morph for t in doc]


def test_a_cache_entry_with_two_docs_is_parsed_again(tmp_path, nlp):
    from spacy.tokens import DocBin

    from framing.pipeline.cache import ATTRS

    cache = ParseCache(tmp_path, "key")
    text = "A clear threat. Nothing happened."
    cache.put(text, _parses(nlp, [text])[0])
    [entry] = cache.folder.rglob("*.spacy")
    entry.write_bytes(DocBin(attrs=list(ATTRS), docs=_parses(nlp, [text, "Other."])).to_bytes())
    assert cache.get(text, nlp.vocab) is None and cache.redone == 1


def test_cache_entries_are_the_same_without_the_fast_packer(nlp, monkeypatch):
    from framing.pipeline import cache
    from framing.pipeline.sentiment import KEY, sentence_scores

    [doc] = _parses(nlp, ["Putin said: “Kazakhstan is a friend.” Tokayev did not agree."])
    sentence_scores(doc)
    fast = cache.entry_bytes(doc)
    monkeypatch.setattr(cache, "Packer", None)
    monkeypatch.setattr(cache, "unpackb", None)
    assert cache.entry_bytes(doc) == fast
    loaded = cache.entry_doc(fast, nlp.vocab)
    assert [list(scores) for scores in loaded.user_data[KEY]] == doc.user_data[KEY]
    assert [t.dep_ for t in loaded] == [t.dep_ for t in doc]
