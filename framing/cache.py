"""A cache of parsed documents, so that editing a lexicon or a rule does not mean parsing again.

Each parsed text is stored as a spaCy ``DocBin`` in its own file, named by the SHA-256 of the text, in
a folder named after everything that shapes the parse: the model's name and version, the spaCy version,
the model components that ran, and :data:`PARSE_VERSION`. With the parse go the ``doc.user_data`` set
before :meth:`ParseCache.put` (the sentence scores of :func:`framing.sentiment.annotate`; the TextBlob
version is part of the key too). The framing components (markers, sourcing) are
not part of the key: they run again on the cached parse, which is the point.

Location: ``--cache-dir`` / ``cache_dir=``, else ``$FRAMING_CACHE_DIR``, else
``$XDG_CACHE_HOME/framing`` (``~/.cache/framing``). Entries are written atomically; an entry that cannot
be read back, or whose text differs from the text asked for, is treated as missing and parsed again.
Delete the folder to empty the cache.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from framing.sentiment import VERSION as SENTIMENT_VERSION

#: Bump when the parse stage changes in a way the model key does not show (e.g. framing_paragraphs).
PARSE_VERSION = "2"
#: Token attributes kept in the cache (what the framing components and tables read).
ATTRS = ("ORTH", "NORM", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
         "ENT_KB_ID", "SENT_START", "SPACY")


def default_cache_dir() -> Path:
    """``$FRAMING_CACHE_DIR``, else ``$XDG_CACHE_HOME/framing``, else ``~/.cache/framing``."""
    if os.environ.get("FRAMING_CACHE_DIR"):
        return Path(os.environ["FRAMING_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "framing"


def parse_key(nlp: Language, components: Sequence[str]) -> str:
    """A folder name identifying the parse: model, versions and the components that ran."""
    meta = nlp.meta
    described = "|".join([meta.get("lang", ""), meta.get("name", ""), meta.get("version", ""),
                          spacy.__version__, f"textblob {SENTIMENT_VERSION}", PARSE_VERSION, *components])
    digest = hashlib.sha256(described.encode("utf-8")).hexdigest()[:16]
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}-{digest}"


class ParseCache:
    """Parsed Docs on disk, keyed by text, for one parse configuration.

    >>> cache = ParseCache(default_cache_dir(), parse_key(nlp, nlp.pipe_names))   # doctest: +SKIP
    >>> cache.get(text) or cache.put(text, nlp(text))                             # doctest: +SKIP
    """

    def __init__(self, root: str | Path, key: str):
        self.folder = Path(root) / key
        self.hits = 0
        self.misses = 0
        self.redone = 0  # corrupt entries parsed again

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / f"{digest}.spacy"

    def get(self, text: str, vocab) -> Doc | None:
        """The cached Doc of ``text``, or None (missing or corrupt)."""
        path = self._path(text)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            [doc] = DocBin().from_bytes(data).get_docs(vocab)
        except Exception:  # any damage to the file: parse again
            doc = None
        if doc is None or doc.text != text:
            self.redone += 1
            self.misses += 1
            return None
        self.hits += 1
        return doc

    def put(self, text: str, doc: Doc) -> None:
        """Store ``doc`` (the parse of ``text``); a cache that cannot be written is silently skipped."""
        path = self._path(text)
        data = DocBin(attrs=list(ATTRS), docs=[doc], store_user_data=True).to_bytes()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            return
