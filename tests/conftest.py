"""Shared fixtures: the trained pipeline is loaded once per session; the seed articles come from data/."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Parses cached by the tests go to a folder of their own, never to the user's cache.
os.environ["FRAMING_CACHE_DIR"] = tempfile.mkdtemp(prefix="framing-test-cache-")
atexit.register(shutil.rmtree, os.environ["FRAMING_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
ANNOTATIONS = ROOT / "data" / "annotations"
KRONE = "000_c0858dbfd52112ba"
ONEWORLD = "004_0dd5b71927f9dee2"


@pytest.fixture(scope="session")
def nlp():
    """The full pipeline (model + framing components), loaded once."""
    from framing.pipeline.model import load_pipeline

    return load_pipeline()


@pytest.fixture
def quick(monkeypatch, nlp):
    """Run the CLI in-process with the session's pipeline (without the corpus's aliases) instead of
    loading it again; the engine's per-process pipelines are set aside so that none outlives the test."""
    monkeypatch.setattr("framing.pipeline.engine.load_pipeline", lambda *args, **kwargs: nlp)
    monkeypatch.setattr("framing.pipeline.engine._ANALYZERS", {})


@pytest.fixture(scope="session")
def seed_articles():
    """The two seed articles by doc_id, read through framing.corpus."""
    from framing.corpus import read_corpus

    articles, problems = read_corpus(CORPUS)
    assert not [p for p in problems if p.skipped]
    return {article.doc_id: article for article in articles}


@pytest.fixture(scope="session")
def seed_docs(nlp, seed_articles):
    """The seed articles parsed by the full pipeline, by doc_id."""
    ids = list(seed_articles)
    docs = nlp.pipe(seed_articles[i].text for i in ids)
    return dict(zip(ids, docs))


@pytest.fixture(scope="session")
def seed_tables(nlp):
    """The tables of the seed corpus, analysed once with the session's pipeline."""
    from framing.analysis import analyze

    return analyze(nlp=nlp, progress=False)
