"""Faster stand-ins for two rule components of spaCy's English pipelines, with the same output.

In ``en_core_web_sm`` the ``attribute_ruler`` (parts of speech, morphology and some lemmas, from the
tags) and the rule ``lemmatizer`` take about a sixth of the parse: the ruler's Matcher calls a Python
predicate for every token and every pattern with a set or a regular expression, then makes a Span and
sets the attributes token by token; the lemmatizer makes a Token object for every token. What they
assign depends on a few attributes of each token, so it is worked out once per distinct combination
and written with one :meth:`Doc.from_array`:

- a one-token pattern of the ruler reads the token's LOWER, TAG, DEP, IS_SPACE...: which of these
  patterns match a token, and so what they assign, depends on those values alone. Patterns of several
  tokens ("gon na", "let 's", "there is": 8 in ``en_core_web_sm``) are matched by spaCy's Matcher as
  before. A token's assignments are applied in the ruler's order (a later rule wins), as the ruler
  applies them.
- the lemma the rule (or lookup) lemmatizer gives a token depends on its ORTH, part of speech and
  morphology (the lemmatizer's own cache is keyed by them); it is asked once per distinct triple, and
  its word index, which it keeps as lists and tests candidate forms against, gets a set beside each
  list (:class:`IndexedList`).

:func:`speed_up` swaps them in (by giving the two components these subclasses) when the components are
spaCy's own classes and their patterns and settings are of the kinds handled here; anything else is
left as it is. ``tests/pipeline/test_fastrules.py`` checks that the annotations are those of the stock
components, and ``benchmarks/fast_rules.py`` compares them on a whole corpus (identical on the 840
PolNeAR train articles and the 263 SemEval-2023 articles).

>>> speed_up(nlp)                              # doctest: +SKIP
['attribute_ruler', 'lemmatizer']
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

#: Token attributes a one-token pattern may read to be handled here (string-valued ones and IS_SPACE).
KEY_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "IS_SPACE")
#: Token attributes a rule may assign to be handled here.
ASSIGNED = {IDS[name] for name in ("POS", "TAG", "DEP", "MORPH", "LEMMA")}
#: Most distinct tokens remembered by each stand-in (about 200 bytes each); past it the memory starts
#: afresh, so that it stays bounded on any corpus.
MEMO_LIMIT = 200_000


def _predicate(value: object, flag: bool) -> tuple[Callable[[object], bool], frozenset | None] | None:
    """A test of one attribute's value (a string, or 0/1 for a flag) as spaCy's Matcher does it, and
    the values it accepts when they are a few strings (to index the rules by); None for a kind of
    value not handled here."""
    if flag:
        return ((lambda v, want=int(value): v == want), None) if isinstance(value, bool) else None
    if isinstance(value, str):
        return (lambda v, want=value: v == want), frozenset([value])
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
            if op == "IN":
                return (lambda v, want=frozenset(arg): v in want), frozenset(arg)
            return (lambda v, want=frozenset(arg): v not in want), None
        if op == "REGEX" and isinstance(arg, str):
            return (lambda v, want=re.compile(arg): bool(want.search(v))), None
    return None


class _Plan:
    """What the fast ruler needs, built once from the ruler's rules: the attributes its one-token
    patterns read, their tests by rule, a Matcher for the other patterns, and the assigned columns."""

    def __init__(self, ruler: AttributeRuler):
        self.rules = len(ruler.attrs)
        simple: list[tuple[int, list[tuple[str, Callable]]]] = []
        self.matcher = Matcher(ruler.vocab)
        self.complex = False
        keys: set[str] = set()
        for rule in range(self.rules):
            patterns = ruler.matcher.get(str(rule))[1]
            for pattern in patterns:
                tests = self._tests(pattern, ruler.indices[rule])
                if tests is None:
                    self.matcher.add(str(rule), [pattern])
                    self.complex = True
                else:
                    simple.append((rule, tests))
                    keys.update(name for name, _, _ in tests)
        self.key_names = tuple(sorted(keys))
        self.key_ids = [IDS[name] for name in self.key_names]
        self.flags = tuple(name == "IS_SPACE" for name in self.key_names)
        #: the one-token patterns, each as (rule, tests on the key's values), indexed by a value one of
        #: their tests requires (most patterns want one tag or one word); the others are always tried
        self.simple = []
        self.by_value: dict[tuple[int, str], list[int]] = {}
        self.always: list[int] = []
        for rule, tests in simple:
            checks = [(self.key_names.index(name), test) for name, test, _ in tests]
            anchor = next(((self.key_names.index(name), accepted) for name, _, accepted in tests if accepted), None)
            if anchor is None:
                self.always.append(len(self.simple))
            else:
                for value in anchor[1]:
                    self.by_value.setdefault((anchor[0], value), []).append(len(self.simple))
            self.simple.append((rule, checks))
        self.columns = sorted({attr for attrs in ruler.attrs for attr in attrs})
        self.attrs = [[(self.columns.index(a), v) for a, v in attrs.items()] for attrs in ruler.attrs]
        self.memo: dict[tuple, tuple[tuple[int, ...], tuple[tuple[int, int], ...]]] = {}

    @staticmethod
    def _tests(pattern: list[dict], index: int) -> list[tuple[str, Callable, frozenset | None]] | None:
        if len(pattern) != 1 or index not in (0, -1):
            return None
        tests = []
        for name, value in pattern[0].items():
            if name not in KEY_ATTRS:
                return None
            test = _predicate(value, name == "IS_SPACE")
            if test is None:
                return None
            tests.append((name, *test))
        return tests

    def effects(self, key: tuple, strings) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        """The one-token rules matching a token with attribute values ``key`` (hashes, or 0/1 for a
        flag), and what they assign, merged in rule order."""
        hit = self.memo.get(key)
        if hit is None:
            if len(self.memo) >= MEMO_LIMIT:
                self.memo.clear()
            values = [v if flag else strings[v] for v, flag in zip(key, self.flags)]
            candidates = set(self.always)
            for k, value in enumerate(values):
                candidates.update(self.by_value.get((k, value), ()))
            rules = tuple(sorted({self.simple[c][0] for c in candidates
                                  if all(test(values[k]) for k, test in self.simple[c][1])}))
            hit = self.memo[key] = (rules, self.merge(rules))
        return hit

    def merge(self, rules) -> tuple[tuple[int, int], ...]:
        assigned: dict[int, int] = {}
        for rule in sorted(rules):
            for column, value in self.attrs[rule]:
                assigned[column] = value
        return tuple(assigned.items())


class FastAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler, applying its rules per distinct token instead of per token (see the
    module docs); the rules, their order and the output are the ruler's own."""

    def __call__(self, doc: Doc) -> Doc:
        plan = self.__dict__.get("_framing_plan")
        if plan is None or plan.rules != len(self.attrs):  # built on first use, and again if rules are added
            plan = self.__dict__["_framing_plan"] = _Plan(self)
        n = len(doc)
        if not n or not plan.columns:
            return doc
        strings = doc.vocab.strings
        keys = doc.to_array(plan.key_ids).reshape(n, len(plan.key_ids)).tolist() if plan.key_ids else [[]] * n
        local: dict[tuple, int] = {}
        codes = numpy.fromiter((local.setdefault(tuple(k), len(local)) for k in keys), dtype=numpy.intp, count=n)
        width = len(plan.columns)
        values = numpy.zeros((len(local), width), dtype=numpy.uint64)
        assigned = numpy.zeros((len(local), width), dtype=bool)
        rules_of = [()] * len(local)
        for key, j in local.items():
            rules, effects = plan.effects(key, strings)
            rules_of[j] = rules
            for column, value in effects:
                values[j, column] = value
                assigned[j, column] = True
        current = doc.to_array(plan.columns).reshape(n, width)
        out = numpy.where(assigned[codes], values[codes], current)
        if plan.complex:
            extra: dict[int, set[int]] = {}
            for match_id, start, end in plan.matcher(doc, allow_missing=True, as_spans=False):
                rule = int(strings[match_id])
                index = self.indices[rule]
                token = start + index if index >= 0 else end + index
                if not start <= token < end:  # what the ruler itself refuses
                    return super().__call__(doc)
                extra.setdefault(token, set()).add(rule)
            for token, rules in extra.items():
                row = current[token].copy()
                for column, value in plan.merge(set(rules_of[codes[token]]) | rules):
                    row[column] = value
                out[token] = row
        doc.from_array(plan.columns, out)
        return doc


class _FastLemmatize:
    """The ``__call__`` of the lemmatizer stand-ins: spaCy's lemmatizer asked once per distinct (ORTH,
    POS, MORPH) of a run (its lemma depends on nothing else), the lemmas written with one
    ``Doc.from_array``."""

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            return Lemmatizer.__call__(self, doc)  # the stock path reports missing tables
        n = len(doc)
        if not n:
            return doc
        memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_framing_lemmas", {})
        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        lemmas = rows[:, 3].copy()
        overwrite = self.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                value = memo.get(key)
                if value is None:
                    if len(memo) >= MEMO_LIMIT:
                        memo.clear()
                    value = memo[key] = strings.add(self.lemmatize(doc[i])[0])
                lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(n, 1))
        return doc


class FastLemmatizer(_FastLemmatize, Lemmatizer):
    """spaCy's Lemmatizer (rule or lookup mode), asking for each distinct (ORTH, POS, MORPH) once."""


class FastEnglishLemmatizer(_FastLemmatize, EnglishLemmatizer):
    """spaCy's English Lemmatizer (rule or lookup mode), asking for each distinct (ORTH, POS, MORPH) once."""


class IndexedList(list):
    """A list with a set beside it for ``in``: the rule lemmatizer's word index per part of speech is a
    list (thousands of words) that it tests candidate forms against, a scan per test. Still a list for
    everything else (iteration, serialisation)."""

    def __init__(self, items=()):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def _index_as_sets(lemmatizer: Lemmatizer) -> None:
    """Give the rule lemmatizer's word index, part of speech by part of speech, fast membership tests."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key in list(table.keys()):
        words = table[key]
        if isinstance(words, list) and not isinstance(words, IndexedList):
            table[key] = IndexedList(words)


#: The stock classes replaced, and their stand-ins.
_FAST = {AttributeRuler: FastAttributeRuler, Lemmatizer: FastLemmatizer, EnglishLemmatizer: FastEnglishLemmatizer}


def speed_up(nlp: Language) -> list[str]:
    """Give the pipeline's attribute ruler and rule/lookup lemmatizer their fast stand-ins (in place)
    where they are spaCy's own classes with patterns and settings handled here; returns the names of
    the components swapped."""
    swapped = []
    for name, component in nlp.pipeline:
        fast = _FAST.get(type(component))
        if fast is None:
            continue
        if isinstance(component, AttributeRuler):
            if any(attr not in ASSIGNED for attrs in component.attrs for attr in attrs):
                continue
        elif component.mode not in ("rule", "lookup"):
            continue
        else:
            _index_as_sets(component)
        component.__class__ = fast
        swapped.append(name)
    return swapped
