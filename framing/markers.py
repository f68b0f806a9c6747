"""The ``framing_markers`` component: loaded terms, hedges, boosters, distancing devices and reporting
verbs found by matching the lexicons (:mod:`framing.lexicon`) against a Doc.

Matching. Each entry is matched by a PhraseMatcher on LOWER (its regular inflected forms, so it works on
a tokenizer-only pipeline), a PhraseMatcher on LEMMA (irregular forms: ``spoke`` -> ``speak the
truth``), and, for entries with gaps, alternatives or JSON token patterns, a Matcher. All patterns are
compiled once, when the component is made. Where matches overlap, the longest wins (then the earlier,
then an exact-form match over an inflected one, then the entry read first).

Context rules, each applied only where the pipeline annotates what it needs:

- reporting verbs: the first word must be tagged as a verb (``claimed`` yes, ``expansionist claims`` no).
- modals, by category: ``epistemic modal`` (might, may) counts wherever the word is a modal auxiliary
  (tag ``MD``); ``possibility modal`` (could) and ``necessity modal`` (must) count only when the next
  verb, past adverbs and negation, is ``be`` or perfect ``have``: "could have happened", "could be
  Russia's next prey", "could even be used" are epistemic; "could simply move", "can't be trusted"
  (``can`` is not listed) are ability or permission and are left out.
- ``negated`` is True when a negation governs the marker: a ``neg`` dependent (``not``, ``n't``,
  ``never``) or a negative determiner/object (``no``, ``nothing``, ``none``) attached to a word of the
  marker or to the word the marker completes ("is not a threat"), or the preposition ``without``. Words
  inside the marker itself ("no factual basis") do not negate it. Without a parse: a negation among the
  three words before the marker, within the clause.

The component only sets ``doc._.framing_markers`` (a list of :class:`~framing.records.Marker` sorted by
``start_char``); it never changes tokens.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from framing import extensions  # noqa: F401  (registers doc._.framing_markers)
from framing.lexicon import Entry, Tokenizer, build_patterns, load_lexicon
from framing.records import Marker

#: Modal categories and whether the modal needs a following ``be``/perfect ``have`` to count.
MODAL_CATEGORIES = {"epistemic modal": False, "possibility modal": True, "necessity modal": True}
#: Words that negate what they govern.
NEGATORS = frozenset({"not", "n't", "never", "no", "nothing", "none", "nobody", "neither", "nor", "without",
                      "nowhere", "hardly", "barely", "scarcely", "cannot"})
#: Dependency labels by which a marker completes the word it hangs on ("is not a threat").
COMPLEMENT_DEPS = frozenset({"attr", "acomp", "dobj", "xcomp", "oprd", "pobj", "ccomp", "nsubjpass"})
#: Words that may stand between a modal and its verb.
MODAL_GAP = frozenset({"not", "n't", "even", "also", "well", "still", "easily", "never", "only", "just",
                       "already", "very", "really", "all", "certainly", "surely", "possibly", "probably",
                       "quite", "simply", "eventually", "soon", "ever", "indeed", "yet"})
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "\u201c", "\u201d", '"'})


class MarkerFinder:
    """Finds lexicon markers in a Doc; built once from validated entries."""

    def __init__(self, vocab: Vocab, tokenize: Tokenizer, entries: Sequence[Entry]):
        self.entries = list(entries)
        self.phrase_lower = PhraseMatcher(vocab, attr="LOWER")
        self.phrase_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.token_lower = Matcher(vocab)
        self.token_lemma = Matcher(vocab)
        self._by_id: dict[int, tuple[int, Entry]] = {}
        for order, entry in enumerate(self.entries):
            key = f"framing_marker_{order}"
            self._by_id[vocab.strings.add(key)] = (order, entry)
            patterns = build_patterns(entry, tokenize)
            if patterns.lower:
                self.phrase_lower.add(key, [Doc(vocab, words=list(w)) for w in patterns.lower])
            if patterns.lemma:
                self.phrase_lemma.add(key, [Doc(vocab, words=list(w), lemmas=list(w))
                                            for w in patterns.lemma])
            if patterns.token_lower:
                self.token_lower.add(key, list(patterns.token_lower))
            if patterns.token_lemma:
                self.token_lemma.add(key, list(patterns.token_lemma))

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing_markers = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Marker]:
        """The markers of ``doc``, sorted by start_char (the Doc is not changed)."""
        tagged = doc.has_annotation("TAG")
        parsed = doc.has_annotation("DEP")
        matches = list(self.phrase_lower(doc))
        if len(self.token_lower):
            matches += self.token_lower(doc)
        if doc.has_annotation("LEMMA"):
            matches += self.phrase_lemma(doc)
            if len(self.token_lemma):
                matches += self.token_lemma(doc)
        candidates = []
        for match_id, start, end in matches:
            order, entry = self._by_id[match_id]
            if not _fits_context(doc, start, end, entry, tagged):
                continue
            exact = doc[start:end].text.lower() == entry.key
            candidates.append((-(end - start), start, not exact, order, end, entry))
        candidates.sort(key=lambda c: c[:4])
        taken = bytearray(len(doc))
        kept: list[tuple[int, int, Entry]] = []
        for _, start, _, _, end, entry in candidates:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, entry))
        kept.sort(key=lambda k: k[0])
        markers = []
        for start, end, entry in kept:
            span = doc[start:end]
            markers.append(Marker(
                start_char=span.start_char, end_char=span.end_char, text=span.text,
                lemma=" ".join(t.lemma_.lower() or t.lower_ for t in span),
                family=entry.family, category=entry.category, entry=entry.entry, source=entry.source,
                negated=is_negated(span, parsed)))
        return markers


def find_markers(doc: Doc, *, lexicon_paths: Sequence[str] = (), families: Sequence[str] | None = None,
                 finder: MarkerFinder | None = None) -> list[Marker]:
    """The markers in ``doc`` (sorted by start_char), with the shipped lexicons plus ``lexicon_paths``,
    keeping ``families`` (None: all); pass a prebuilt ``finder`` to skip compiling the patterns.
    Raises LexiconError for a bad lexicon file.
    """
    if finder is None:
        finder = _finder_for(doc.vocab, tuple(lexicon_paths), None if families is None else tuple(families))
    return finder.find(doc)


_FINDERS: dict[tuple, MarkerFinder] = {}


def _finder_for(vocab: Vocab, paths: tuple[str, ...], families: tuple[str, ...] | None) -> MarkerFinder:
    from spacy.lang.en import English

    key = (id(vocab), paths, families)
    if key not in _FINDERS:
        tokenizer = English(vocab=vocab).tokenizer
        _FINDERS[key] = MarkerFinder(vocab, tokenizer, load_lexicon(paths, families=families))
    return _FINDERS[key]


def _fits_context(doc: Doc, start: int, end: int, entry: Entry, tagged: bool) -> bool:
    first = doc[start]
    if entry.family == "reporting_verb":
        return not tagged or (first.pos_ == "VERB" and first.dep_ not in {"amod", "compound"})
    needs_verb = MODAL_CATEGORIES.get(entry.category)
    if needs_verb is None:
        return True
    if tagged and first.tag_ != "MD":
        return False
    if not tagged and first.text[:1].isupper() and not first.is_sent_start:  # "May" the month or a name
        return False
    return not needs_verb or _modal_verb(doc, end) in {"be", "have", "'ve"}


def _modal_verb(doc: Doc, index: int) -> str:
    """The lower-case lemma of the first word after a modal that is not an adverb or negation."""
    for token in doc[index:index + 4]:
        if token.lower_ in MODAL_GAP or (token.pos_ in {"ADV", "PART"} and token.lower_ not in {"to"}):
            continue
        return token.lemma_.lower() or token.lower_
    return ""


def is_negated(span: Span, parsed: bool) -> bool:
    """True when a negation governs ``span`` (see the module docs for the rule)."""
    inside = range(span.start, span.end)
    if not parsed:
        return _negated_by_window(span)
    root = span.root
    governors: list[Token] = list(span)
    if root.dep_ in COMPLEMENT_DEPS and root.head.i not in inside:
        governors.append(root.head)
        if root.head.lower_ in NEGATORS:
            return True
    for token in governors:
        for child in token.children:
            if child.i in inside:
                continue
            if child.dep_ == "neg" or (child.lower_ in NEGATORS and child.dep_ in {"det", "dobj", "advmod",
                                                                                   "nsubj", "prep"}):
                return True
    return False


def _negated_by_window(span: Span) -> bool:
    doc = span.doc
    for token in reversed(doc[max(0, span.start - 3):span.start]):
        if token.text in CLAUSE_BREAKS or token.is_space:
            return False
        if token.lower_ in NEGATORS:
            return True
    return False


@Language.factory(
    "framing_markers",
    default_config={"lexicon_paths": [], "families": None},
    requires=["token.lemma", "token.tag", "token.pos", "token.dep"],
    assigns=["doc._.framing_markers"],
)
def make_markers(nlp: Language, name: str, lexicon_paths: list[str],
                 families: list[str] | None) -> MarkerFinder:
    """Make the ``framing_markers`` component from the shipped lexicons plus ``lexicon_paths``, keeping
    ``families`` (None: all). Raises LexiconError for a bad lexicon file or an unknown family."""
    entries = load_lexicon(lexicon_paths, families=families)
    return MarkerFinder(nlp.vocab, nlp.tokenizer, entries)


__all__: Iterable[str] = ("MarkerFinder", "find_markers", "make_markers", "is_negated")
