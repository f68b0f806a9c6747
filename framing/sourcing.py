"""The ``framing_sourcing`` component (work in progress)."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("framing_sourcing", default_config={"aliases": None})
def make_sourcing(nlp: Language, name: str, aliases: str | None):
    def component(doc: Doc) -> Doc:
        doc._.framing_quotes = []
        return doc
    return component
