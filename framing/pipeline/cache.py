"""A cache of parsed documents, so that editing a lexicon or a rule does not mean parsing again.

Each parsed text is stored as a spaCy ``DocBin`` in its own file, named by the SHA-256 of the text, in
a folder named after everything that shapes the parse: the model's name and version, the spaCy version,
the model components that ran, and :data:`PARSE_VERSION`. With the parse go the ``doc.user_data`` set
before :meth:`ParseCache.put`: the sentence scores of :func:`framing.pipeline.sentiment.sentence_scores` (the TextBlob
version is part of the key too), and what the model components compute from the parse and their
model alone (the loaded-language model's token probabilities, the frames model's reading), each
under a key naming its model version, so that another model computes its own. The framing
components (markers, sourcing) are not part of the key: they run again on the cached parse, which is
the point (a lexicon edited between two runs is read by the second).

Location: ``--cache-dir`` / ``cache_dir=``, else ``$FRAMING_CACHE_DIR``, else
``$XDG_CACHE_HOME/framing`` (``~/.cache/framing``). Entries are written atomically; an entry that cannot
be read back, or whose text differs from the text asked for, is treated as missing and parsed again.
Delete the folder to empty the cache.

An entry is the bytes of a one-Doc ``DocBin`` (``DocBin().from_bytes`` reads it). They are written and
read here rather than through ``DocBin``, for speed: ``DocBin.add`` looks up nine strings per token,
where the unique values of the array columns give the same strings, and each ``srsly`` msgpack call
scans the installed packages' entry points for encoders, which is done once here. The bytes are the
same as ``DocBin(attrs=ATTRS, docs=[doc], store_user_data=True).to_bytes()`` (a test checks it).
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, ENT_TYPE, LEMMA, MORPH, NORM, ORTH, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc, DocBin
import srsly
from srsly.msgpack import msgpack_decoders, msgpack_encoders

try:  # srsly's compiled packer and unpacker, without the per-call registry scan of its wrappers
    from srsly.msgpack._packer import Packer
    from srsly.msgpack._unpacker import unpackb
except ImportError:  # another srsly layout: its public functions (slower, same bytes)
    Packer = unpackb = None

from framing.pipeline.sentiment import VERSION as SENTIMENT_VERSION

#: Bump when the parse stage changes in a way the model key does not show (e.g. framing_paragraphs).
PARSE_VERSION = "3"
#: Token attributes kept in the cache (what the framing components and tables read).
ATTRS = ("ORTH", "NORM", "TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE",
         "ENT_KB_ID", "SENT_START", "SPACY")


#: The attribute ids of an entry, in DocBin's order (ORTH first).
_ATTR_IDS: list[int] = DocBin(attrs=list(ATTRS)).attrs
#: Columns whose values are string hashes (DocBin stores their strings), and MORPH (hash of a feature string).
_STRING_COLUMNS = [_ATTR_IDS.index(a) for a in (ORTH, NORM, TAG, LEMMA, DEP, ENT_TYPE, ENT_KB_ID)]
_MORPH_COLUMN = _ATTR_IDS.index(MORPH)


@functools.cache
def _msgpack() -> tuple[object, object]:
    """A msgpack packer and the unpacking hook with srsly's registered encoders/decoders, built once."""
    encode = decode = None
    for encoder in msgpack_encoders.get_all().values():
        encode = functools.partial(encoder, chain=encode)
    for decoder in msgpack_decoders.get_all().values():
        decode = functools.partial(decoder, chain=decode)
    return Packer(use_bin_type=True, default=encode), decode


def _dumps(data: object) -> bytes:
    if Packer is None:
        return srsly.msgpack_dumps(data)
    return _msgpack()[0].pack(data)


def _loads(data: bytes, use_list: bool = True) -> object:
    if unpackb is None:
        return srsly.msgpack_loads(data, use_list=use_list)
    return unpackb(data, raw=False, use_list=use_list, object_hook=_msgpack()[1])


def entry_bytes(doc: Doc) -> bytes:
    """``doc`` as the bytes of a one-Doc DocBin with :data:`ATTRS` and its user data."""
    tokens = doc.to_array(_ATTR_IDS).reshape(len(doc), len(_ATTR_IDS))
    strings: set[str] = set()
    if len(doc):
        store = doc.vocab.strings
        strings.update(store[key] for key in numpy.unique(tokens[:, _STRING_COLUMNS]).tolist())
        strings.update(store[key] for key in numpy.unique(doc.to_array(ENT_ID)).tolist())
        # an empty analysis is "" for DocBin (str(token.morph)) but "_" in the string store
        strings.update("" if (feats := store[key]) == "_" else feats
                       for key in numpy.unique(tokens[:, _MORPH_COLUMN]).tolist())
    spaces = doc.to_array(SPACY).reshape(len(doc), 1).astype(bool)
    message = {
        "version": "0.1",
        "attrs": _ATTR_IDS,
        "tokens": tokens.tobytes("C"),
        "spaces": spaces.tobytes("C"),
        "lengths": numpy.asarray([len(doc)], dtype="int32").tobytes("C"),
        "strings": sorted(strings),
        "cats": [doc.cats],
        "flags": [{"has_unknown_spaces": doc.has_unknown_spaces}],
        "span_groups": [doc.spans.to_bytes()],
        "user_data": [_dumps(doc.user_data)],
    }
    return zlib.compress(_dumps(message))


def entry_doc(data: bytes, vocab) -> Doc:
    """The Doc of :func:`entry_bytes` (or of any one-Doc DocBin); raises ValueError on bad data."""
    message = _loads(zlib.decompress(data))
    attrs = message["attrs"]
    lengths = numpy.frombuffer(message["lengths"], dtype="int32")
    if len(lengths) != 1:
        raise ValueError(f"a cache entry holds one Doc, not {len(lengths)}")
    for string in message["strings"]:
        vocab.strings.add(string)
    tokens = numpy.frombuffer(message["tokens"], dtype="uint64").reshape(int(lengths[0]), len(attrs))
    spaces = numpy.frombuffer(message["spaces"], dtype=bool).tolist()
    flags = message.get("flags", [{}])[0]
    doc = Doc(vocab, words=tokens[:, attrs.index(ORTH)], spaces=None if flags.get("has_unknown_spaces") else spaces)
    doc = doc.from_array(attrs, tokens)
    doc.cats = message["cats"][0]
    spans = message.get("span_groups", [b""])[0]
    if spans and spans != doc.spans._EMPTY_BYTES:
        doc.spans.from_bytes(spans)
    user_data = message.get("user_data", [None])[0]
    if user_data is not None:
        doc.user_data.update(_loads(user_data, use_list=False))
    return doc


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
            doc = entry_doc(data, vocab)
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
        data = entry_bytes(doc)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            return
