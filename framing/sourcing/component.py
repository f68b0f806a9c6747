"""The ``framing_sourcing`` spaCy component and :func:`find_quotes`, its plain-function form.

>>> nlp.add_pipe("framing_sourcing")                                       # doctest: +SKIP
>>> [(q.kind, q.speaker, q.cue) for q in nlp("“No,” Smith said.")._.framing_quotes]   # doctest: +SKIP
[('direct', 'Smith', 'said')]
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from framing import extensions  # noqa: F401  (registers doc._.framing_quotes)
from framing.aliases import read_aliases
from framing.records import Quote
from framing.sourcing.attribution import attribute
from framing.sourcing.lexicon import SourcingLexicon, load_sourcing_lexicon


class SourcingExtractor:
    """The component: finds quotations and attributions in a Doc and sets ``doc._.framing_quotes``,
    nothing else. Built once (word lists and aliases loaded)."""

    def __init__(self, lexicon: SourcingLexicon | None = None, aliases: dict[str, str] | None = None):
        self.lexicon = lexicon or load_sourcing_lexicon()
        self.aliases = aliases or {}

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing_quotes = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        """The quotes of ``doc``, sorted by start_char and numbered from 1 (the Doc is not changed)."""
        return attribute(doc, self.lexicon, self.aliases)


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
