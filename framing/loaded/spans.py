"""From token probabilities to spans, the rule that merges model spans with lexicon matches, and the
span scores of the SemEval-2023 Task 3 / Propaganda Techniques Corpus evaluation.

Decoding (:func:`decode`). A token is inside loaded language when its probability of being inside
(either label) exceeds the model's threshold; a run of such tokens within one line is a span, with
punctuation and spaces trimmed from its ends. Punctuation inside a word between two such tokens counts
as inside, whatever its own probability: "so-called" is one span, not "so" and "called". Its label is the one with the larger summed probability
over the run ("loaded language" or "name calling"), its score the mean probability of being inside.

Names (:func:`is_name`). A span whose words all lie inside named entities (people, organisations,
places, laws, works...) is a name, not wording, and is dropped, as the lexicon matcher does.

Merging (:func:`merge`, :func:`combine`). A model carries one of three rules, chosen when it is
trained (``framing train loaded --rule``); none counts words twice:

- ``lexicon`` (the shipped model's): every lexicon match of family ``loaded`` stays, with its entry,
  category and citation; a model span stays only where it overlaps no lexicon match. The lexicons are
  the codebook a user can read and cite; the model adds what they miss.
- ``longer``: where a lexicon match and a model span overlap, the longer one stays and the other goes
  (on equal length, the lexicon match).
- ``gated``: first the gate: a lexicon match of an entry the model learnt from stays only if the model
  gives at least one of its tokens a probability of being inside of at least the model's ``gate`` (a
  small value, chosen by cross-validation with the threshold), so that in context the model vetoes
  matches it finds very unlikely; matches of the user's own lexicon files are never gated. Then
  ``longer``. On SemEval-2023 Task 3 this scores best, but it also vetoes most threat vocabulary
  ("threat", "clear threat", "nuclear war"), which the SemEval annotators do not count as loaded
  language and the toolkit's lexicons do: use it when the SemEval notion is the one you want.

Scores (:func:`span_scores`). Partial overlap (Da San Martino et al. 2019): precision credits each
predicted span with the share of its characters inside gold spans, recall credits each gold span with
the share of its characters covered by predictions; any overlap: a predicted span is right, and a gold
span found, when they share a character. Micro over spans, pooled over documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from framing.pipeline.markers import NAME_ENTITIES

#: The two kinds of loaded language the model tells apart, as marker categories.
LOADED_LANGUAGE, NAME_CALLING = "loaded language", "name calling"
CATEGORIES = (LOADED_LANGUAGE, NAME_CALLING)


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """A span the model found: token range, character range, category, score (mean P(inside))."""

    start: int
    end: int
    start_char: int
    end_char: int
    category: str
    score: float


@dataclass(frozen=True)
class Tokens:
    """What decoding and merging read of a Doc's tokens, as arrays (so that they outlive the Doc):
    character offsets, punctuation or space, line breaks, and words inside names."""

    starts: np.ndarray
    ends: np.ndarray
    skip: np.ndarray
    space: np.ndarray
    breaks: np.ndarray
    name: np.ndarray

    @classmethod
    def of(cls, doc: Doc) -> "Tokens":
        """The arrays of ``doc``'s tokens (read from the Doc's own arrays, no Token objects)."""
        n = len(doc)
        if not n:
            empty = np.zeros(0, dtype=np.int64)
            flags = np.zeros(0, dtype=bool)
            return cls(starts=empty, ends=empty, skip=flags, space=flags, breaks=flags, name=flags)
        columns = doc.to_array(["IDX", "LENGTH", "IS_PUNCT", "IS_SPACE", "ORTH", "ENT_TYPE"]).reshape(n, 6)
        starts = columns[:, 0].astype(np.int64)
        space = columns[:, 3].astype(bool)
        strings = doc.vocab.strings
        names = {strings[label] for label in NAME_ENTITIES if label in strings}
        newline = {orth: "\n" in strings[orth] for orth in set(columns[space, 4].tolist())}
        return cls(starts=starts, ends=starts + columns[:, 1].astype(np.int64),
                   skip=columns[:, 2].astype(bool) | space, space=space,
                   breaks=np.fromiter((newline.get(orth, False) for orth in columns[:, 4].tolist()), dtype=bool,
                                      count=n),
                   name=np.isin(columns[:, 5], np.fromiter(names, dtype=np.uint64, count=len(names))))

    def __len__(self) -> int:
        return len(self.starts)

    def token_range(self, start_char: int, end_char: int) -> tuple[int, int]:
        """The tokens that share a character with ``start_char:end_char`` (start, end)."""
        return (int(np.searchsorted(self.ends, start_char, side="right")),
                int(np.searchsorted(self.starts, end_char, side="left")))


def decode(tokens: Tokens, probabilities: np.ndarray, threshold: float) -> list[ModelSpan]:
    """The spans of a Doc's ``tokens`` from their ``probabilities`` (columns: outside, loaded language,
    name calling), see the module docs."""
    inside = probabilities[:, 1] + probabilities[:, 2]
    above = (inside > threshold).tolist()
    skip, space, breaks = tokens.skip.tolist(), tokens.space.tolist(), tokens.breaks.tolist()
    spans = []
    n = len(above)
    starts, ends = tokens.starts.tolist(), tokens.ends.tolist()
    for k in range(1, n - 1):  # a hyphen or slash inside a word joins its two halves ("so-called")
        if (skip[k] and not space[k] and not above[k] and above[k - 1] and above[k + 1]
                and ends[k - 1] == starts[k] and ends[k] == starts[k + 1]):
            above[k] = True
    i = 0
    while i < n:
        if not above[i] or space[i]:
            i += 1
            continue
        j = i + 1
        while j < n and above[j] and not breaks[j]:
            j += 1
        a, b = i, j
        while a < b and skip[a]:
            a += 1
        while b > a and skip[b - 1]:
            b -= 1
        if b > a:
            part = probabilities[a:b]
            category = LOADED_LANGUAGE if part[:, 1].sum() >= part[:, 2].sum() else NAME_CALLING
            spans.append(ModelSpan(a, b, int(tokens.starts[a]), int(tokens.ends[b - 1]), category,
                                   round(float(inside[a:b].mean()), 4)))
        i = j
    return spans


def is_name(tokens: Tokens, start: int, end: int) -> bool:
    """True when every token of ``start:end`` lies inside a named entity of a name type."""
    return bool(tokens.name[start:end].all())


def gate_passes(inside: np.ndarray, start: int, end: int, gate: float) -> bool:
    """True when some token of ``start:end`` has a probability of being inside of at least ``gate``."""
    return end > start and float(inside[start:end].max()) >= gate


#: How model spans and lexicon matches are merged (see the module docs).
RULES = ("lexicon", "longer", "gated")


def merge(lexicon: Sequence[tuple[int, int]], model: Sequence[tuple[int, int]], rule: str = "lexicon"
          ) -> tuple[list[int], list[int]]:
    """Indices of the ``lexicon`` and ``model`` spans (character ranges) that stay, each list in input
    order: under ``lexicon`` every lexicon span, and the model spans that overlap none; under
    ``longer`` (and ``gated``) the longer of two overlapping spans (on equal length the lexicon's)."""
    if rule == "lexicon":
        return (list(range(len(lexicon))),
                [k for k, (s, e) in enumerate(model) if not any(s < le and ls < e for ls, le in lexicon)])
    order = sorted([(-(e - s), 0, s, k) for k, (s, e) in enumerate(lexicon)]
                   + [(-(e - s), 1, s, k) for k, (s, e) in enumerate(model)])
    kept: list[tuple[int, int]] = []
    out: tuple[list[int], list[int]] = ([], [])
    for _, which, _, k in order:
        start, end = (lexicon, model)[which][k]
        if any(start < e and s < end for s, e in kept):
            continue
        kept.append((start, end))
        out[which].append(k)
    return sorted(out[0]), sorted(out[1])


@dataclass(frozen=True, slots=True)
class LexiconSpan:
    """A lexicon match of family ``loaded``: characters, and whether the gate applies to it (an entry the
    model learnt from)."""

    start_char: int
    end_char: int
    gated: bool = True


def combine(tokens: Tokens, probabilities: np.ndarray, lexicon: Sequence[LexiconSpan], threshold: float,
            rule: str = "lexicon", gate: float = 0.0) -> tuple[list[int], list[ModelSpan]]:
    """The indices of the ``lexicon`` matches that stay, and the model spans that stay (names dropped),
    under ``rule`` (see the module docs; ``gate`` for the rule ``gated``)."""
    inside = probabilities[:, 1] + probabilities[:, 2]
    spans = [s for s in decode(tokens, probabilities, threshold) if not is_name(tokens, s.start, s.end)]
    passed = []
    for k, match in enumerate(lexicon):
        if rule == "gated" and match.gated:
            start, end = tokens.token_range(match.start_char, match.end_char)
            if not gate_passes(inside, start, end, gate):
                continue
        passed.append(k)
    keep_lexicon, keep_model = merge([(lexicon[k].start_char, lexicon[k].end_char) for k in passed],
                                     [(s.start_char, s.end_char) for s in spans], rule)
    return [passed[i] for i in keep_lexicon], [spans[i] for i in keep_model]


# --- scores ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SpanScores:
    """Partial-overlap and any-overlap precision, recall and F1, and the span counts."""

    precision: float
    recall: float
    f1: float
    any_precision: float
    any_recall: float
    any_f1: float
    predicted: int
    gold: int

    def line(self) -> str:
        return (f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} | any overlap P "
                f"{self.any_precision:.3f} R {self.any_recall:.3f} F1 {self.any_f1:.3f} "
                f"({self.predicted} predicted, {self.gold} gold)")


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def span_scores(predicted: Mapping[str, Iterable[tuple[int, int]]], gold: Mapping[str, Iterable[tuple[int, int]]],
                ids: Iterable[str]) -> SpanScores:
    """Scores of the ``predicted`` character spans against the ``gold`` ones, by document id, over the
    documents ``ids`` (see the module docs; gold spans given twice count once)."""
    p_sum = r_sum = 0.0
    n_pred = n_gold = hit_pred = hit_gold = 0
    for doc_id in ids:
        pred = [(s, e) for s, e in predicted.get(doc_id, ()) if e > s]
        true = sorted({(s, e) for s, e in gold.get(doc_id, ()) if e > s})
        size = max([e for _, e in pred + true], default=0)
        in_gold = np.zeros(size, dtype=bool)
        in_pred = np.zeros(size, dtype=bool)
        for s, e in true:
            in_gold[s:e] = True
        for s, e in pred:
            in_pred[s:e] = True
        for s, e in pred:
            p_sum += in_gold[s:e].mean()
            hit_pred += any(s < ge and gs < e for gs, ge in true)
        for s, e in true:
            r_sum += in_pred[s:e].mean()
            hit_gold += any(s < pe and ps < e for ps, pe in pred)
        n_pred += len(pred)
        n_gold += len(true)
    p = p_sum / n_pred if n_pred else 0.0
    r = r_sum / n_gold if n_gold else 0.0
    ap = hit_pred / n_pred if n_pred else 0.0
    ar = hit_gold / n_gold if n_gold else 0.0
    return SpanScores(p, r, _f1(p, r), ap, ar, _f1(ap, ar), n_pred, n_gold)
