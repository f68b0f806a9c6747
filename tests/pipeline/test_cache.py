"""framing.pipeline.cache: parsed Docs stored on disk as one-Doc DocBins, found again by their text,
and parsed again when an entry is damaged. The fast tests store parses of a pipeline without a model;
the slow ones those of the trained pipeline, through the engine."""

from __future__ import annotations

import hashlib

import pytest
from spacy.tokens import DocBin

from framing.corpus import read_corpus
from framing.options import Options as Settings
from framing.pipeline import cache as parse_cache
from framing.pipeline.cache import ATTRS, ParseCache, default_cache_dir, entry_bytes, entry_doc, parse_key
from framing.pipeline.engine import Analyzer
from framing.pipeline.model import EXTRACTORS
from framing.pipeline.sentiment import KEY, sentence_scores

TEXT = "Minister quits\n\nThe minister said it was a clear threat. Critics disagreed."


def parses(nlp, texts):
    """The parse alone, as the engine caches it (before the framing components)."""
    return list(nlp.pipe(texts, disable=[name for name in nlp.pipe_names if name in EXTRACTORS.values()]))


@pytest.fixture
def parsed(blank_nlp):
    """TEXT parsed without a model, with its sentence scores stored on the Doc."""
    [doc] = parses(blank_nlp, [TEXT])
    sentence_scores(doc)
    return doc


def test_a_stored_parse_is_found_again_by_its_text(tmp_path, blank_nlp, parsed):
    cache = ParseCache(tmp_path, parse_key(blank_nlp, blank_nlp.pipe_names))
    assert cache.get(TEXT, blank_nlp.vocab) is None and (cache.hits, cache.misses) == (0, 1)
    cache.put(TEXT, parsed)
    digest = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert [p.relative_to(cache.folder).as_posix() for p in cache.folder.rglob("*.spacy")] == [
        f"{digest[:2]}/{digest}.spacy"]
    again = cache.get(TEXT, blank_nlp.vocab)
    assert (cache.hits, cache.misses, cache.redone) == (1, 1, 0)
    assert again.text == TEXT and [t.text for t in again] == [t.text for t in parsed]
    assert [s.text for s in again.sents] == [s.text for s in parsed.sents]
    assert [list(scores) for scores in again.user_data[KEY]] == parsed.user_data[KEY]  # the scores come along
    assert parsed.user_data[KEY][1] == pytest.approx([0.1, 0.3833333])  # "a clear threat"
    assert cache.get("Another text.", blank_nlp.vocab) is None and cache.misses == 2


def test_an_entry_holding_another_text_is_parsed_again(tmp_path, blank_nlp, parsed):
    cache = ParseCache(tmp_path, "key")
    cache.put("Another text.", parses(blank_nlp, ["Another text."])[0])
    [entry] = cache.folder.rglob("*.spacy")
    cache._path(TEXT).parent.mkdir(parents=True, exist_ok=True)
    entry.rename(cache._path(TEXT))  # a file under TEXT's name that holds another parse
    assert cache.get(TEXT, blank_nlp.vocab) is None and (cache.redone, cache.misses) == (1, 1)


def test_a_cache_that_cannot_be_written_is_skipped(tmp_path, blank_nlp, parsed):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    cache = ParseCache(blocker, "key")
    cache.put(TEXT, parsed)  # no error: the run goes on without a cache
    assert cache.get(TEXT, blank_nlp.vocab) is None


def test_the_key_names_the_model_and_changes_with_what_parsed(blank_nlp):
    key = parse_key(blank_nlp, ["framing_paragraphs", "sentencizer"])
    meta = blank_nlp.meta
    assert key.startswith(f"{meta['lang']}_{meta['name']}-{meta['version']}-")
    assert key == parse_key(blank_nlp, ["framing_paragraphs", "sentencizer"])
    assert key != parse_key(blank_nlp, ["framing_paragraphs"])


def test_the_cache_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "framing"))
    assert default_cache_dir() == tmp_path / "framing"
    monkeypatch.delenv("FRAMING_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "framing"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "framing"


def test_an_entry_is_a_docbin_with_or_without_the_fast_packer(blank_nlp, parsed, monkeypatch):
    data = entry_bytes(parsed)
    assert data == DocBin(attrs=list(ATTRS), docs=[parsed], store_user_data=True).to_bytes()
    [theirs] = DocBin().from_bytes(data).get_docs(blank_nlp.vocab)
    assert theirs.text == TEXT and [list(scores) for scores in theirs.user_data[KEY]] == parsed.user_data[KEY]
    monkeypatch.setattr(parse_cache, "Packer", None)
    monkeypatch.setattr(parse_cache, "unpackb", None)
    assert entry_bytes(parsed) == data
    assert entry_doc(data, blank_nlp.vocab).text == TEXT


def test_cache_hits_on_rerun_and_redoes_a_corrupt_entry(corpus, tmp_path, nlp):
    articles, _ = read_corpus(corpus)
    settings = Settings(cache=True, cache_dir=str(tmp_path))
    first = Analyzer(settings, nlp=nlp)
    rows = first.rows(articles)
    assert (first.cache.hits, first.cache.misses) == (0, 4)
    entries = sorted(first.cache.folder.rglob("*.spacy"))
    assert len(entries) == 4
    entries[0].write_bytes(b"not a DocBin")
    again = Analyzer(settings, nlp=first.nlp)
    assert again.rows(articles) == rows
    assert (again.cache.hits, again.cache.redone) == (3, 1)


def test_cache_entries_are_docbins(seed_articles, nlp):
    for doc in parses(nlp, [article.text for article in seed_articles.values()]):
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
    cache = ParseCache(tmp_path, "key")
    text = "A clear threat. Nothing happened."
    cache.put(text, parses(nlp, [text])[0])
    [entry] = cache.folder.rglob("*.spacy")
    entry.write_bytes(DocBin(attrs=list(ATTRS), docs=parses(nlp, [text, "Other."])).to_bytes())
    assert cache.get(text, nlp.vocab) is None and cache.redone == 1


def test_cache_entries_are_the_same_without_the_fast_packer(nlp, monkeypatch):
    from framing.pipeline import cache

    [doc] = parses(nlp, ["Putin said: “Kazakhstan is a friend.” Tokayev did not agree."])
    sentence_scores(doc)
    fast = cache.entry_bytes(doc)
    monkeypatch.setattr(cache, "Packer", None)
    monkeypatch.setattr(cache, "unpackb", None)
    assert cache.entry_bytes(doc) == fast
    loaded = cache.entry_doc(fast, nlp.vocab)
    assert [list(scores) for scores in loaded.user_data[KEY]] == doc.user_data[KEY]
    assert [t.dep_ for t in loaded] == [t.dep_ for t in doc]
