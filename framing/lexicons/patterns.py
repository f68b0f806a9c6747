"""Lexicon entries -> spaCy match patterns.

How an ``entry`` is written (all matching is case-insensitive):

- ``backstab``, ``hit back``, ``war of aggression``: a phrase, its words written as lemmas. A word matches
  its lemma (``spoke`` -> ``speak the truth``) and its regular inflections (``backstabbing``,
  ``fearmongers``, ``quipped``), so the match works on a tokenizer-only pipeline too.
- ``so-called``: words are split by the spaCy tokenizer, like the text, so punctuation inside a word is
  fine.
- ``=could``: a word preceded by ``=`` matches that exact form only (no lemma, no inflection).
- ``objectively|frankly speaking``: ``|`` between alternatives for one word.
- ``what *{1,3} call``: ``*`` is any one token, ``*{m,n}`` between m and n tokens (0 <= m <= n <= 6),
  within one sentence. In a CSV file, quote such an entry: ``"what *{1,3} call",distancing,...``.
- ``[{"LOWER": "at"}, {"LOWER": "all"}]``: an entry starting with ``[`` is a spaCy ``Matcher`` pattern
  in JSON (a list of token dicts), for what the phrase syntax cannot say.

A phrase becomes the inputs of spaCy's PhraseMatchers (its surface forms on LOWER, its lemmas on
LEMMA); a phrase with gaps or alternatives becomes token slots checked one by one; a JSON entry is a
``Matcher`` pattern as written (see :func:`build_patterns`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from framing.lexicons.words import word_list
from framing.records import EVALUATIVE_MODIFIER

if TYPE_CHECKING:
    from framing.lexicons.entries import Entry

#: Longest gap a ``*{m,n}`` wildcard may span.
MAX_GAP = 6
#: Token attributes a JSON pattern may use.
PATTERN_KEYS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "LEMMA", "POS", "TAG", "MORPH", "DEP",
                          "IS_ALPHA", "IS_PUNCT", "IS_DIGIT", "IS_TITLE", "IS_LOWER", "IS_UPPER",
                          "IS_SENT_START", "LIKE_NUM", "ENT_TYPE", "LENGTH", "OP"})

Tokenizer = Callable[[str], Iterable[object]]

_GAP = re.compile(r"^\*(?:\{(\d+),(\d+)\})?$")


@dataclass(frozen=True, slots=True)
class Slot:
    """One position of a phrase entry: alternatives (words), ``exact`` forms, or a gap of m..n tokens."""

    words: tuple[str, ...] = ()
    exact: bool = False
    gap: tuple[int, int] | None = None


def parse_phrase(text: str) -> list[Slot]:
    """The slots of a phrase entry (see the module docs). Raises ValueError for a bad entry."""
    slots: list[Slot] = []
    for part in text.split():
        gap = _GAP.match(part)
        if gap:
            low, high = (1, 1) if gap.group(1) is None else (int(gap.group(1)), int(gap.group(2)))
            if not 0 <= low <= high <= MAX_GAP or high == 0:
                raise ValueError(f"a gap {part!r} must have 0 <= m <= n <= {MAX_GAP} and n > 0")
            slots.append(Slot(gap=(low, high)))
            continue
        if any(ch in part for ch in "*{}[]"):
            raise ValueError(f"{part!r} mixes a wildcard or bracket with a word")
        exact = part.startswith("=")
        words = tuple(w for w in part.lstrip("=").lower().split("|"))
        if not all(words):
            raise ValueError(f"{part!r} has an empty alternative")
        slots.append(Slot(words=words, exact=exact))
    if not slots or all(s.gap is not None for s in slots):
        raise ValueError("no word to match")
    if slots[0].gap is not None or slots[-1].gap is not None:
        raise ValueError("a phrase cannot start or end with a wildcard")
    return slots


def parse_json_pattern(text: str) -> list[dict]:
    """A JSON Matcher pattern: a non-empty list of token dicts. Raises ValueError for a bad one."""
    try:
        pattern = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(pattern, list) or not pattern or not all(isinstance(t, dict) for t in pattern):
        raise ValueError("a JSON pattern is a non-empty list of token objects")
    for token in pattern:
        bad = sorted(set(map(str, token)) - PATTERN_KEYS)
        if bad:
            raise ValueError(f"unknown token attribute(s) {', '.join(bad)}")
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", [pattern])
    except (ValueError, TypeError, KeyError) as error:
        raise ValueError(" ".join(str(error).split())[:200]) from None
    return pattern


#: Closed-class words that are never inflected when patterns are built.
FUNCTION_WORDS = word_list("patterns", "function_word")


def inflections(word: str) -> set[str]:
    """``word`` and its regular inflected forms (plural/3rd person, past, -ing), over-generated on
    purpose: ``backstab`` -> backstabs, backstabbed, backstabbing; ``manufacture`` -> manufacturing."""
    forms = {word}
    adverb = word.endswith("ly") and len(word) > 5
    if not word.isalpha() or len(word) < 3 or word in FUNCTION_WORDS or adverb:
        return forms
    stem = word[:-1] if word.endswith("e") else word
    forms |= {word + "s", word + "es", stem + "ed", stem + "ing"}
    if word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("ie"):
        forms.add(word[:-2] + "ying")
    if word.endswith("sis"):
        forms.add(word[:-3] + "ses")
    if word.endswith("c"):
        forms |= {word + "ked", word + "king"}
    last, before = word[-1], word[-2]
    if last not in "aeiouwxy" and before in "aeiou" and (word[-3] not in "aeiou" or word[-4:-2] == "qu"):
        forms |= {word + last + "ed", word + last + "ing", word + last + "er", word + last + "ers"}
    if word.endswith("monger"):  # fearmonger -> fearmongerer
        forms |= {word + "er", word + "ers"}
    return forms


def manner_adverbs(adjective: str) -> set[str]:
    """The ``-ly`` adverb of an adjective, by the regular spelling rules: ``cruel`` -> cruelly,
    ``terrible`` -> terribly, ``shoddy`` -> shoddily, ``idiotic`` -> idiotically; none for a word that
    already ends in ``-ly`` (``cowardly``) or is not one alphabetic word."""
    word = adjective.lower()
    if not word.isalpha() or len(word) < 3 or word.endswith("ly"):
        return set()
    if word.endswith("ic"):
        return {word + "ally"}
    if word.endswith("le") and word[-3] not in "aeiou":
        return {word[:-1] + "y"}
    if word.endswith("y") and word[-2] not in "aeiou":
        return {word[:-1] + "ily"}
    if word.endswith(("ue", "ll")):
        return {word[:-1] + "ly" if word.endswith("ue") else word + "y"}
    return {word + "ly"}


@dataclass(frozen=True, slots=True)
class TokenSlot:
    """One position of a gapped pattern: a token matches when its lower-case form is in ``forms`` or
    its lemma is in ``lemmas``; or, when ``gap`` is set, any ``gap[0]``..``gap[1]`` tokens."""

    forms: frozenset[str] = frozenset()
    lemmas: frozenset[str] = frozenset()
    gap: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Patterns:
    """Match patterns for one entry.

    ``lower``/``lemma``: word tuples for a PhraseMatcher on LOWER / on LEMMA (plain phrases);
    ``slots``: a gapped pattern (phrases with ``*`` or ``|``), found from its first slot and checked
    token by token; ``json``: a spaCy Matcher pattern, as written in the lexicon.
    """

    lower: tuple[tuple[str, ...], ...] = ()
    lemma: tuple[tuple[str, ...], ...] = ()
    slots: tuple[TokenSlot, ...] = ()
    json: tuple[dict, ...] = ()


def build_patterns(entry: Entry, tokenize: Tokenizer) -> Patterns:
    """Match patterns for ``entry``; ``tokenize`` splits words as the pipeline does (``nlp.tokenizer``).

    A plain phrase gives its surface forms for a PhraseMatcher on LOWER (each word in its inflected
    forms, one word varied at a time, and a phrase of several words also hyphenated: ``over the top`` ->
    ``over-the-top``) and its lemma phrase for a PhraseMatcher on LEMMA; a one-word
    ``evaluative modifier`` gives the adjective and its manner adverb instead. A phrase with
    gaps or alternatives gives token slots (each word: its inflected forms or its lemma). A JSON entry is
    used as written. Raises ValueError for an entry that does not parse.
    """
    if entry.is_json:
        return Patterns(json=tuple(parse_json_pattern(entry.entry)))
    slots = parse_phrase(entry.entry)
    split = [[tuple(str(t).lower() for t in tokenize(word)) for word in slot.words] for slot in slots]
    if all(s.gap is None and len(s.words) == 1 for s in slots):
        tokens = [(t, slot.exact) for slot, words in zip(slots, split) for t in words[0]]
        base = tuple(t for t, _ in tokens)
        if entry.category == EVALUATIVE_MODIFIER and len(tokens) == 1 and not tokens[0][1]:
            forms = {base} | {(adverb,) for adverb in manner_adverbs(base[0])}
            return Patterns(lower=tuple(sorted(forms)), lemma=(base,))
        lower = {base}
        for i, (token, exact) in enumerate(tokens):
            if not exact:
                lower.update(base[:i] + (form,) + base[i + 1:] for form in inflections(token))
        exact_form = any(exact for _, exact in tokens)
        if len(slots) > 1 and not exact_form:  # "over the top" also as "over-the-top"
            lower.add(tuple(str(t).lower() for t in tokenize("-".join(slot.words[0] for slot in slots))))
        lemma = () if exact_form else (base,)
        return Patterns(lower=tuple(sorted(lower)), lemma=lemma)
    token_slots: list[TokenSlot] = []
    for slot, words in zip(slots, split):
        if slot.gap is not None:
            token_slots.append(TokenSlot(gap=slot.gap))
            continue
        if len(words) > 1 and any(len(w) != 1 for w in words):
            raise ValueError("alternatives must each be one token")
        columns = [[w[0] for w in words]] if len(words) > 1 else [[t] for t in words[0]]
        for alternatives in columns:
            if slot.exact:
                token_slots.append(TokenSlot(forms=frozenset(alternatives)))
            else:
                forms = {f for w in alternatives for f in inflections(w)}
                token_slots.append(TokenSlot(forms=frozenset(forms), lemmas=frozenset(alternatives)))
    return Patterns(slots=tuple(token_slots))
