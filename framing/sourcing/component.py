"""The ``framing_sourcing`` spaCy component and :func:`find_quotes`, its plain-function form.

The quotes of a Doc depend on its parse, the sourcing word lists, the alias table and the code alone (not
on the lexicons a user edits between two runs), so the component keeps them with the parse
(:meth:`SourcingExtractor.store`, called before a parse goes to the parse cache) under a digest of those
inputs: a rerun on cached parses reads them back instead of finding them again.

>>> nlp.add_pipe("framing_sourcing")                                       # doctest: +SKIP
>>> [(q.kind, q.speaker, q.cue) for q in nlp("“No,” Smith said.")._.framing_quotes]   # doctest: +SKIP
[('direct', 'Smith', 'said')]
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import fields
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from framing import extensions  # noqa: F401  (registers doc._.framing_quotes)
from framing.aliases import read_aliases
from framing.models import keep, kept
from framing.records import Quote
from framing.sourcing.attribution import attribute
from framing.sourcing.lexicon import SourcingLexicon, load_sourcing_lexicon


#: The name under which :meth:`SourcingExtractor.store` keeps the quotes with the parse.
STORED = "framing_quotes_found"
_FIELDS = tuple(f.name for f in fields(Quote))


@functools.cache
def code_digest() -> str:
    """A digest of the package's Python code: quotes kept with a parse by another version of the code
    are found again."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _digest(lexicon: SourcingLexicon, aliases: dict[str, str]) -> str:
    """What the quotes of a parse depend on besides the parse: the code, the word lists, the aliases."""
    def plain(value):
        if isinstance(value, dict):
            return sorted((str(k), plain(v)) for k, v in value.items())
        if isinstance(value, (set, frozenset, list, tuple)):
            return sorted(plain(v) for v in value)
        return value

    lists = {f.name: plain(getattr(lexicon, f.name)) for f in fields(lexicon)}
    described = json.dumps([code_digest(), lists, sorted(aliases.items()), _FIELDS], ensure_ascii=True)
    return hashlib.sha256(described.encode("utf-8")).hexdigest()[:16]


class SourcingExtractor:
    """The component: finds quotations and attributions in a Doc and sets ``doc._.framing_quotes``,
    nothing else. Built once (word lists and aliases loaded)."""

    def __init__(self, lexicon: SourcingLexicon | None = None, aliases: dict[str, str] | None = None):
        self.lexicon = lexicon or load_sourcing_lexicon()
        self.aliases = aliases or {}
        self.version = _digest(self.lexicon, self.aliases)

    def __call__(self, doc: Doc) -> Doc:
        stored = kept(doc, STORED, self.version)
        doc._.framing_quotes = self.find(doc) if stored is None else [Quote(*row) for row in stored]
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        """The quotes of ``doc``, sorted by start_char and numbered from 1 (the Doc is not changed)."""
        return attribute(doc, self.lexicon, self.aliases)

    def store(self, doc: Doc) -> bool:
        """Keep the quotes of ``doc`` with its parse (see the module docs); True when they were found
        now, False when already kept."""
        if kept(doc, STORED, self.version) is not None:
            return False
        keep(doc, STORED, self.version, [[getattr(q, name) for name in _FIELDS] for q in self.find(doc)])
        return True


def find_quotes(doc: Doc, *, aliases: str | Path | dict[str, str] | None = None) -> list[Quote]:
    """The quotations and attributions of a parsed ``doc``, sorted by start_char and numbered from 1.

    ``aliases`` is an alias CSV (``alias,canonical``) or a ready map. Raises InputError for a bad alias
    file; never raises on the text.
    """
    table = aliases if isinstance(aliases, dict) else (read_aliases(aliases) if aliases else {})
    return SourcingExtractor(aliases=table).find(doc)


@Language.factory(
    "framing_sourcing",
    default_config={"aliases": None},
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.framing_quotes"],
)
def make_sourcing(nlp: Language, name: str, aliases: str | None) -> SourcingExtractor:
    """Make the ``framing_sourcing`` component; ``aliases`` is the path of an alias CSV
    (``alias,canonical``) or None. Raises InputError for a bad alias file."""
    return SourcingExtractor(aliases=read_aliases(aliases) if aliases else {})
