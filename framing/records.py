"""The plain records the framing components produce, one per thing found.

Components store lists of these on the Doc (``doc._.framing_markers``, ``doc._.framing_quotes``, see
:mod:`framing.extensions`); :mod:`framing.tables` turns them into table rows. Offsets are character
offsets into ``doc.text``.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Marker families (see ``framing/lexicons/``).
FAMILIES = ("loaded", "hedge", "booster", "distancing", "reporting_verb", "frame")
#: The family of the frame cues: words that evoke one of the 14 generic frames (the category names
#: the frame). Frame cues are matched apart from the other families (see :mod:`framing.pipeline.markers`).
FRAME_FAMILY = "frame"
#: Named-entity types whose words are names, not wording.
NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
#: Kinds of quotation found by the sourcing component.
QUOTE_KINDS = ("direct", "indirect", "according_to", "scare")
#: Quote kinds whose words are someone else's (markers inside them get voice "quoted").
QUOTED_KINDS = ("direct", "scare")
#: Quote kinds that attribute words to a speaker (scare quotes have none).
ATTRIBUTED_KINDS = ("direct", "indirect", "according_to")
#: Who a quotation is attributed to.
SPEAKER_TYPES = ("named_person", "anonymous", "organization", "media", "group", "unknown")
#: Classes of reporting (cue) verbs.
CUE_CLASSES = ("neutral", "assertive", "distancing", "emotive", "endorsing")
#: Whose words a marker is.
VOICES = ("author", "quoted")
#: Grammatical roles of an actor's mention.
ROLES = ("subject", "object", "other")
#: Entity labels counted as actors by default: people, groups, organisations and places.
ACTOR_LABELS = ("PERSON", "NORP", "ORG", "GPE", "LOC")
#: Marker categories with rules of their own (see :mod:`framing.pipeline.markers`):
#: entries that count only in their epistemic use ("could be", not "could move"),
EPISTEMIC_MODAL = "epistemic modal"
#: evaluative adjectives, matched with their manner adverbs and only as modifiers,
EVALUATIVE_MODIFIER = "evaluative modifier"
#: amplifiers ("very", "too") that count only on the adjective or adverb right after them.
DEGREE_MODIFIER = "degree modifier"


@dataclass(frozen=True, slots=True)
class Marker:
    """A lexicon match: a loaded term, hedge, booster, distancing device or reporting verb; or a span a
    learned model found (``score``: its probability; None for a lexicon match)."""

    start_char: int
    end_char: int
    text: str
    lemma: str
    family: str
    category: str
    entry: str
    source: str
    negated: bool = False
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or attribution; ``quote_id`` numbers them from 1 within a document.

    ``start_char``/``end_char``/``text`` cover the quoted content (without its quotation marks) or the
    reported content of indirect speech. Speaker and cue fields are empty ("" and -1 offsets) when
    there is none (scare quotes, quotes with no cue). ``speaker_inherited`` / ``cue_inherited``: the
    speaker / the cue is that of another quotation (a quotation that goes on after its attribution:
    "“A,” he said. “B.”"); every quote with a speaker has the cue that credits that speaker.
    """

    quote_id: int
    kind: str
    start_char: int
    end_char: int
    text: str
    speaker: str = ""
    speaker_start_char: int = -1
    speaker_end_char: int = -1
    speaker_resolved: str = ""
    speaker_type: str = "unknown"
    speaker_descriptor: str = ""
    cue: str = ""
    cue_lemma: str = ""
    cue_start_char: int = -1
    cue_end_char: int = -1
    cue_class: str = ""
    speaker_inherited: bool = False
    cue_inherited: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity (person, organisation, place...) with the actor it refers to and its role."""

    start_char: int
    end_char: int
    text: str
    label: str
    actor: str
    role: str


@dataclass(frozen=True, slots=True)
class ArticleFrames:
    """The frames model's reading of one document (set by ``framing_frames``).

    ``frames``: the frame names, in the model's order; ``scores``: the probability of each;
    ``present``: the model's decision for each; ``contributions``: for each sentence (in the order of
    the sentences table, so by ``sent_id``), its part in each frame's decision value (log-odds units;
    with the model's bias they add up to it); ``source``: the model's name and version.
    """

    source: str
    frames: tuple[str, ...]
    scores: tuple[float, ...]
    present: tuple[bool, ...]
    contributions: tuple[tuple[float, ...], ...]
