"""A small corpus for the engine and the cache: two short passages of other formats beside the two seed
articles."""

from __future__ import annotations

import pytest

from seeds import CORPUS

PASSAGES = {
    "wire.txt": "Minister quits\n\nThe minister resigned on Monday, officials said. “I have done nothing "
                "wrong,” she told reporters. Critics called it a so-called apology.",
    "blog.md": "---\ntitle: A quiet week\noutlet: Blog\n---\nNothing happened, according to the mayor. "
               "It could be worse, he added.",
}


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in PASSAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    for path in CORPUS.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    return folder
