"""framing.pipeline.cache: parsed Docs stored on disk as one-Doc DocBins, found again by their text,
and parsed again when an entry is damaged."""

from __future__ import annotations

from framing.options import Options as Settings
from framing.pipeline.cache import ParseCache
from framing.pipeline.engine import Analyzer


def test_cache_hits_on_rerun_and_redoes_a_corrupt_entry(corpus, tmp_path, nlp):
    from framing.corpus import read_corpus

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
