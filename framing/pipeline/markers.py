"""The ``framing_markers`` component: loaded terms, hedges, boosters, distancing devices and reporting
verbs found by matching the lexicons (:mod:`framing.lexicons.entries`) against a Doc.

Matching. A plain phrase is matched by a PhraseMatcher on LOWER (its regular inflected forms, so it
works on a tokenizer-only pipeline) and one on LEMMA (irregular forms: ``spoke`` -> ``speak the
truth``). A phrase with gaps or alternatives is found from its first word by PhraseMatchers and
then checked slot by slot; a JSON entry goes to a spaCy Matcher. All patterns are compiled once, when the
component is made (the Matcher tests every pattern at every token, the PhraseMatchers only hash lookups,
hence the split). Where matches overlap, the longest wins (then the earlier, then an exact-form match
over an inflected one, then the entry read first).

Frame cues (family ``frame``) are matched in layers of their own, one per frame: they never hide, and
are never hidden by, a loaded term or a cue of another frame on the same words ("threat" is a loaded
term and a cue of the security frame). Only the name rule below applies to them, in a narrower form.

Context rules, each applied only where the pipeline annotates what it needs:

- words inside a named entity (a person, organisation, place, law, work...) are names, not wording:
  "Freedom Caucus" and "International Crisis Group" give no marker. Frame cues count inside names
  other than people's: "Supreme Court" evokes the legal frame, "Mark Judge" does not.
- reporting verbs: the first word must be tagged as a verb (``claimed`` yes, ``expansionist claims`` no).
- evaluative modifiers (category ``evaluative modifier``: an adjective, matched with its ``-ly`` adverb)
  count only as an adjective or adverb, or a participle used as one: "a twisted logic", "acted
  foolishly", not "he twisted his ankle".
- degree modifiers (category ``degree modifier``: "very", "too", "so"...) count only on the adjective or
  adverb right after them that they modify, and not on words of quantity, size, time or likelihood
  (:data:`PLAIN_DEGREE_HEADS`): "very troubling", "too generous", not "too much", "so far", "very
  recent". They need tags and a parse; on a tokenizer-only pipeline they give no marker.
- modals (category ``epistemic modal``) count only as modal auxiliaries (tag ``MD``: not "May" the
  month). ``might`` and ``may`` are read as epistemic; modals with a common root reading (ability,
  obligation: :data:`ROOT_MODALS`, e.g. ``could``, ``must``) count only when the next verb, past adverbs
  and negation, is ``be`` or perfect ``have``: "could have happened", "could be Russia's next prey",
  "could even be used" are epistemic; "could simply move" (ability) is left out, and ``can`` is not in
  the lexicon ("can't be trusted" is a root use). Without tags, the same word test is applied.
- ``negated`` is True when a negation governs the marker: a ``neg`` dependent or a negative word
  (``not``, ``n't``, ``never``, ``no``, ``nothing``...) attached to a word of the marker, to the head of
  the phrase it modifies or is conjoined in ("so-called fifth column", "problematic or treasonous"), to
  the verb it completes ("is not a threat", "don't function as a fifth column"), or to that verb's
  auxiliary ("Didn't just threaten"); or the marker is the object of ``without``. Words inside the
  marker ("no factual basis") do not negate it. Without a parse: a negation among the three words
  before the marker, within the clause.

The component only sets ``doc._.framing_markers`` (a list of :class:`~framing.records.Marker` sorted by
``start_char``); it never changes tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from framing import extensions  # noqa: F401  (registers doc._.framing_markers)
from framing.lexicons.entries import Entry, load_lexicon
from framing.lexicons.patterns import TokenSlot, Tokenizer, build_patterns
from framing.lexicons.words import word_list
from framing.pipeline.phrases import widen_loaded
from framing.records import (DEGREE_MODIFIER, EPISTEMIC_MODAL, EVALUATIVE_MODIFIER, FRAME_FAMILY, NAME_ENTITIES,
                             Marker)

#: Modals whose root reading (ability, obligation) is common: epistemic only before ``be``/perfect ``have``.
ROOT_MODALS = word_list("markers", "root_modal")
#: Words that negate what they govern.
NEGATORS = word_list("markers", "negator")
#: Dependency labels by which a marker completes the word it hangs on ("is not a threat").
COMPLEMENT_DEPS = frozenset({"attr", "acomp", "dobj", "oprd", "nsubjpass"})
#: Dependency labels climbed to reach the head of the phrase a marker sits in.
NP_DEPS = frozenset({"conj", "amod", "compound", "nmod"})
#: Words that may stand between a modal and its verb.
MODAL_GAP = word_list("markers", "modal_gap")
#: Adjectives and adverbs of quantity, size, time, likelihood and sameness: an amplifier on them
#: ("too much", "very recent", "so far") grades an amount, not an evaluation; and the heads of an
#: anaphoric "so" ("if they were so inclined").
PLAIN_DEGREE_HEADS = word_list("markers", "plain_degree_head")
#: Dependency labels of a participle used as an adjective.
MODIFIER_DEPS = frozenset({"amod", "acomp", "oprd", "conj"})
#: Token attributes that only a trained pipeline sets (JSON patterns using them skip unparsed Docs).
ANNOTATION_KEYS = frozenset({"LEMMA", "POS", "TAG", "MORPH", "DEP", "ENT_TYPE"})
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", "\u201c", "\u201d", '"'})


class MarkerFinder:
    """Finds lexicon markers in a Doc; built once from validated entries."""

    def __init__(self, vocab: Vocab, tokenize: Tokenizer, entries: Sequence[Entry]):
        self.entries = list(entries)
        self.phrase_lower = PhraseMatcher(vocab, attr="LOWER")
        self.phrase_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.anchor_lower = PhraseMatcher(vocab, attr="LOWER")  # first slot of gapped patterns
        self.anchor_lemma = PhraseMatcher(vocab, attr="LEMMA")
        self.json = Matcher(vocab)
        self._by_id: dict[int, tuple[int, Entry, tuple[TokenSlot, ...]]] = {}
        self._json_needs_annotation = False
        for order, entry in enumerate(self.entries):
            key = f"framing_marker_{order}"
            patterns = build_patterns(entry, tokenize)
            self._by_id[vocab.strings.add(key)] = (order, entry, patterns.slots)
            if patterns.lower:
                self.phrase_lower.add(key, [Doc(vocab, words=list(w)) for w in patterns.lower])
            if patterns.lemma:
                self.phrase_lemma.add(key, [Doc(vocab, words=list(w), lemmas=list(w))
                                            for w in patterns.lemma])
            if patterns.slots:
                first = patterns.slots[0]
                self.anchor_lower.add(key, [Doc(vocab, words=[w]) for w in sorted(first.forms)])
                if first.lemmas:
                    self.anchor_lemma.add(key, [Doc(vocab, words=[w], lemmas=[w])
                                                for w in sorted(first.lemmas)])
            if patterns.json:
                self.json.add(key, [list(patterns.json)])
                self._json_needs_annotation |= any(str(k).upper() in ANNOTATION_KEYS
                                                   for token in patterns.json for k in token)

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing_markers = widen_loaded(doc, self.find(doc))
        return doc

    def find(self, doc: Doc) -> list[Marker]:
        """The lexicon matches in ``doc``, sorted by start_char (the Doc is not changed); the component
        then widens the loaded terms to their phrases (:func:`framing.pipeline.phrases.widen_loaded`)."""
        tagged = doc.has_annotation("TAG")
        parsed = doc.has_annotation("DEP")
        lemmatized = doc.has_annotation("LEMMA")
        matches = list(self.phrase_lower(doc))
        anchors = set(self.anchor_lower(doc))
        if lemmatized:
            matches += self.phrase_lemma(doc)
            anchors.update(self.anchor_lemma(doc))
        for match_id, start, _ in anchors:
            slots = self._by_id[match_id][2]
            matches.extend((match_id, start, end) for end in _slot_ends(doc, slots, 1, start + 1))
        if len(self.json) and (lemmatized or not self._json_needs_annotation):
            matches += self.json(doc)
        candidates = []
        for match_id, start, end in matches:
            order, entry, _ = self._by_id[match_id]
            if not _fits_context(doc, start, end, entry, tagged):
                continue
            exact = doc[start:end].text.lower() == entry.key
            candidates.append((-(end - start), start, not exact, order, end, entry))
        candidates.sort(key=lambda c: c[:4])
        layers: dict[str, bytearray] = {}
        kept: list[tuple[int, int, Entry]] = []
        for _, start, _, _, end, entry in candidates:
            taken = layers.setdefault(_layer(entry), bytearray(len(doc)))
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


def _slot_ends(doc: Doc, slots: Sequence[TokenSlot], i: int, pos: int) -> list[int]:
    """End positions at which ``slots[i:]`` match ``doc`` from token ``pos`` (gaps stay in the sentence)."""
    if i == len(slots):
        return [pos]
    slot = slots[i]
    if slot.gap is not None:
        low, high = slot.gap
        ends: list[int] = []
        for k in range(low, high + 1):
            if pos + k > len(doc) or (k and doc[pos + k - 1].is_sent_start):
                break
            ends.extend(_slot_ends(doc, slots, i + 1, pos + k))
        return ends
    if pos >= len(doc):
        return []
    token = doc[pos]
    if token.is_sent_start and i:
        return []  # a phrase does not run into the next sentence
    if token.lower_ in slot.forms or token.lemma_.lower() in slot.lemmas:
        return _slot_ends(doc, slots, i + 1, pos + 1)
    return []


def find_markers(doc: Doc, *, lexicon_paths: Sequence[str] = (), families: Sequence[str] | None = None,
                 finder: MarkerFinder | None = None) -> list[Marker]:
    """The markers in ``doc`` (sorted by start_char), as the ``framing_markers`` component finds them
    (loaded terms widened to their phrases), with the shipped lexicons plus ``lexicon_paths``,
    keeping ``families`` (None: all); pass a prebuilt ``finder`` to skip compiling the patterns.
    Raises LexiconError for a bad lexicon file.
    """
    if finder is None:
        finder = _finder_for(doc.vocab, tuple(lexicon_paths), None if families is None else tuple(families))
    return widen_loaded(doc, finder.find(doc))


_FINDERS: dict[tuple, MarkerFinder] = {}


def _finder_for(vocab: Vocab, paths: tuple[str, ...], families: tuple[str, ...] | None) -> MarkerFinder:
    from spacy.lang.en import English

    key = (id(vocab), paths, families)
    if key not in _FINDERS:
        tokenizer = English(vocab=vocab).tokenizer
        _FINDERS[key] = MarkerFinder(vocab, tokenizer, load_lexicon(paths, families=families))
    return _FINDERS[key]


def _layer(entry: Entry) -> str:
    """Matches overlap only within a layer: the families other than frame cues share one, and the cues
    of each frame have their own (a word can be a loaded term and evoke two frames at once)."""
    return f"{FRAME_FAMILY}:{entry.category}" if entry.family == FRAME_FAMILY else ""


def _fits_context(doc: Doc, start: int, end: int, entry: Entry, tagged: bool) -> bool:
    first = doc[start]
    if entry.family == FRAME_FAMILY:  # a name evokes its topic ("Supreme Court"), a person's name does not
        return not all(t.ent_type_ == "PERSON" for t in doc[start:end])
    if all(t.ent_type_ in NAME_ENTITIES for t in doc[start:end]):
        return False  # part of a name ("Freedom Caucus", "Crisis Group"), not the writer's wording
    if entry.family == "reporting_verb":
        return not tagged or (first.pos_ == "VERB" and first.dep_ not in {"amod", "compound"})
    if entry.category == EVALUATIVE_MODIFIER:
        return not tagged or _is_modifier(first)
    if entry.category == DEGREE_MODIFIER:
        return tagged and _amplifies_next(doc, first)
    if entry.category != EPISTEMIC_MODAL:
        return True
    if tagged and first.tag_ != "MD":
        return False
    if not tagged and first.text[:1].isupper() and not first.is_sent_start:  # "May" the month or a name
        return False
    return first.lower_ not in ROOT_MODALS or _modal_verb(doc, end) in {"be", "have", "'ve", "\u2019ve"}


def _is_modifier(token: Token) -> bool:
    """An adjective or adverb, or a participle used as one ("a biased report", "disturbing news")."""
    if token.pos_ in {"ADJ", "ADV"}:
        return True
    return token.tag_ in {"VBN", "VBG"} and token.dep_ in MODIFIER_DEPS


def _amplifies_next(doc: Doc, token: Token) -> bool:
    """``token`` modifies the next word, an adjective or adverb that is not a quantity, size, time or
    likelihood word: "very troubling", "too generous", not "too much", "very recent", "so far"."""
    if token.i + 1 >= len(doc) or token.dep_ != "advmod" or token.head.i != token.i + 1:
        return False
    head = token.head
    return head.tag_ in {"JJ", "JJR", "RB", "RBR"} and head.lower_ not in PLAIN_DEGREE_HEADS


def _modal_verb(doc: Doc, index: int) -> str:
    """The lower-case lemma of the first word after a modal that is not an adverb or negation."""
    for token in doc[index:index + 4]:
        if token.lower_ in MODAL_GAP or (token.pos_ in {"ADV", "PART"} and token.lower_ not in {"to"}):
            continue
        return token.lemma_.lower() or token.lower_
    return ""


def is_negated(span: Span, parsed: bool) -> bool:
    """True when a negation governs ``span`` (see the module docs for the rule)."""
    if not parsed:
        return _negated_by_window(span)
    inside = range(span.start, span.end)
    governors = list(span)
    word = span.root
    while (word.dep_ in NP_DEPS and word.head.i not in inside and word.head is not word
           and not (word.dep_ == "conj" and word.pos_ in {"VERB", "AUX"})):
        word = word.head  # "so-called" -> "column"; "treasonous" (conj) -> "problematic"
        governors.append(word)
    if word.dep_ == "pobj" and word.head.lower_ == "without":
        return True
    predicative = word.dep_ == "pobj" and word.head.lower_ in {"as", "like"}
    if predicative and word.head.head.pos_ in {"VERB", "AUX"}:
        word = word.head.head  # "(don't) function as a fifth column"
        governors.append(word)
    elif word.dep_ in COMPLEMENT_DEPS and word.head.i not in inside:
        word = word.head  # "is not a threat"
        governors.append(word)
    if any(_is_negator(w) for w in governors if w.i not in inside):
        return True
    for token in governors:
        for child in token.children:
            if child.i in inside:
                continue
            if _is_negator(child):
                return True
            if child.dep_ in {"aux", "auxpass"} and any(_is_negator(c) for c in child.children):
                return True  # "Did n't ... Threaten": the negation hangs on the auxiliary
    return False


def _is_negator(token: Token) -> bool:
    """A ``neg`` dependent, or a negative word in any role but a preposition ("without evidence")."""
    word = token.lower_.replace("\u2019", "'")
    return token.dep_ == "neg" or (token.dep_ != "prep" and word in NEGATORS)


def _negated_by_window(span: Span) -> bool:
    doc = span.doc
    for token in reversed(doc[max(0, span.start - 3):span.start]):
        if token.text in CLAUSE_BREAKS or token.is_space:
            return False
        if token.lower_.replace("\u2019", "'") in NEGATORS:
            return True
    return False


@Language.factory(
    "framing_markers",
    default_config={"lexicon_paths": [], "families": None},
    requires=["token.lemma", "token.tag", "token.pos", "token.dep", "token.ent_type"],
    assigns=["doc._.framing_markers"],
)
def make_markers(nlp: Language, name: str, lexicon_paths: list[str],
                 families: list[str] | None) -> MarkerFinder:
    """Make the ``framing_markers`` component from the shipped lexicons plus ``lexicon_paths``, keeping
    ``families`` (None: all). Raises LexiconError for a bad lexicon file or an unknown family."""
    entries = load_lexicon(lexicon_paths, families=families)
    return MarkerFinder(nlp.vocab, nlp.tokenizer, entries)


