"""The ``framing_sourcing`` component: who is quoted, directly or not, named or anonymous, with which
reporting verb and credential.

It finds, in a parsed Doc, a list of :class:`~framing.records.Quote` (``doc._.framing_quotes``, sorted by
``start_char``, numbered from 1, never overlapping):

- ``direct``: words between quotation marks that someone is said to have said or written. Marks: curly
  and straight double quotes, single quotes (‘…’, '…'), «guillemets» and »reversed«, „low-high“. A quote
  nested in another stays part of the outer one. A quote left open at the end of a paragraph continues
  when the next paragraph opens with a quotation mark (the usual way of quoting several paragraphs);
  otherwise it ends with its paragraph, so a stray mark never swallows the rest of the article. An
  apostrophe (you’re, players') is never taken for a closing mark; two apostrophes (``''``) count as a
  double mark, as in some newswire text.
- ``indirect``: a reported clause ("told the forum that he does not recognise ..."), the object of
  "accuse X of Y" / "interpret X as Y", an infinitive ("urged Congress to act"), or the noun phrase
  object of verbs that report a position ("rejected this intention"); also a headline ``Name: words``.
  Intentions ("want to", "plan to") are not sourcing and are left out.
- ``according_to``: the clause an "according to X" phrase attaches to.
- ``scare``: a short quoted phrase with no speaker and no cue ("politically inconvenient", a so-called
  "fifth column"): the author's distance from a word, not a quotation of anyone.

The cue of a direct quote is found, in this order: a trailing cue after a quote ending in a comma, a
question or exclamation mark (``“…,” Alzhanov said``); a lead-in ending in a colon, comma or dash, or a
cue verb right before the marks (``Putin points out: “…”``, ``also said, “…”``, a split quote's second
half); the reporting verb the quoted words depend on (``interpreted by experts as a “clear threat”``) or
a "like/as X claims" clause next to them; a trailing cue after a quote ending in a full stop
(``“…” he said.``); the same words read without the parse when it goes astray. A noun that names an
utterance, with a possessor or a ``by`` agent, is the cue of a quote in its "that" clause or after it and
a colon (``her remark that “…”``: cue "remark", speaker "her"). A quote in the clause reported by a verb
of saying is credited to that verb's speaker (``critics say he had proposed to “…”``). A colon after a clause
whose subject is a person or an organisation ("Trump issued the following statement:") makes that verb
the cue; in a headline, ``Name: “…”`` gives the speaker with the colon as cue. The second half of a
split quote (``“…,” she said. “…”``) shares the first half's speaker and cue. Another quote with no cue
inherits the speaker of the attribution just before it (same or previous paragraph), marked
``speaker_inherited``; a quote that makes up a subheading takes the speaker of the first
attribution of the section under it (also marked inherited); the article's headline quote keeps no
speaker. A cue-less quote of at most six words inside a sentence is a scare quote, as is any quote
after "so-called", "the term", "the word", "the phrase". Indirect speech and according-to phrases that
overlap a quotation are dropped (the quotation carries the attribution).

Speakers: the subject of the cue (through coordinated verbs, participles and relative clauses), the
``by`` agent of a passive, the object of "according to". Their name is the noun phrase without
appositions and relative clauses; the credential is the apposition or the title before a name. Names
are resolved to the fullest form in the document ("Putin" -> "Vladimir Putin"), pronouns to the last
person speaking or named as a subject, "the outlet" to the last outlet, all through the alias table.
The word lists are in ``framing/lexicons/sourcing/`` (see :mod:`framing.sourcing.speakers`); the cue class
comes from the reporting-verb lexicon.

The component never changes the Doc except to set ``doc._.framing_quotes``. Without a dependency
parse (a blank pipeline) it still finds quotations and tells direct from scare quotes by their shape,
with no speaker or cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from framing import extensions  # noqa: F401  (registers doc._.framing_quotes)
from framing.records import Quote
from framing.aliases import read_aliases
from framing.sourcing.lexicon import (COMPARISONS, COORDINATORS, HEADLINE_NAME_WORDS, NEEDS_IT,
                                      NOT_CUE_WITH_COMPLEMENT, OF_COMPLEMENTS, QUOTE_ONLY, READ_SUBJECTS,
                                      RELATIVE_OPENERS, RELATIVE_PRONOUNS, SCARE_BEFORE, SPEAKING_SUBJECTS,
                                      SPEECH_NOUNS, THIRD_PERSON_SUBJECTS, SourcingLexicon,
                                      load_sourcing_lexicon)
from framing.sourcing.marks import ALL_MARKS, DOUBLE_CLOSE, DOUBLE_OPEN, QuoteMarks, find_quotation_marks, is_heading, lines
from framing.sourcing.resolver import NameResolver, speaker_of
from framing.sourcing.speakers import Speaker

# ---------------------------------------------------------------------------------------------------
# Cues

#: Tokens that end the window searched for a cue.
STOPS = frozenset({".", "!", "?", ";", "\n"})
#: Punctuation that ends a lead-in ("said:", "said,").
LEAD_PUNCT = frozenset({":", ",", "\u2014", "\u2013", "-", "\u2026"})
#: Dependency labels climbed from a cue with no subject to the verb that has one.
CLIMB = frozenset({"conj", "advcl", "pcomp", "prep", "acomp", "xcomp"})
#: Dependency labels of a cue's subject: quoted words inside it are not what the cue reports.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "npadvmod", "expl"})
#: Maximum tokens between a closing mark and a trailing cue.
TRAIL_WINDOW = 30
#: Maximum tokens searched back from an opening mark for a lead-in cue.
LEAD_WINDOW = 30
#: A cue-less quote of at most this many words, inside a sentence, is a scare quote.
SCARE_WORDS = 6
#: A dash after a closing mark, before a credit (``“…” ― Jane Doe``); the cue lemma of such credits.
_CREDIT_DASH = re.compile("[ \t\u00a0]*(\u2015|\u2014|\u2013|--|-)[ \t\u00a0]*")
DASH = "\u2014"


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in the Doc: tokens ``start:end``, its lemma (phrase), families, and the token whose
    subject is the speaker."""

    start: int
    end: int
    lemma: str
    families: frozenset[str]
    verb: int


@dataclass
class _Found:
    """A quotation or attribution while it is being built."""

    kind: str
    start: int
    end: int
    cue: Cue | None = None
    speaker_head: int = -1
    speaker: Speaker | None = None
    inherited: bool = False
    marks: QuoteMarks | None = None
    heading: str = ""  # "headline" | "subhead" | ""
    cue_text: tuple[int, int] | None = None


class SourcingExtractor:
    """Finds quotations and attributions in a Doc; built once (word lists and aliases loaded)."""

    def __init__(self, lexicon: SourcingLexicon | None = None, aliases: dict[str, str] | None = None):
        self.lexicon = lexicon or load_sourcing_lexicon()
        self.aliases = aliases or {}

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing_quotes = self.find(doc)
        return doc

    # --- the whole document --------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Quote]:
        """The quotes of ``doc``, sorted by start_char and numbered from 1 (the Doc is not changed)."""
        if not len(doc):
            return []
        text = doc.text
        marks = find_quotation_marks(text)
        parsed = doc.has_annotation("DEP")
        ctx = _Context(doc, marks, text)
        found: list[_Found] = []
        for index, quote in enumerate(marks):
            found.append(self._direct(ctx, index, quote, parsed))
        if parsed:
            found.extend(self._indirect(ctx))
        found = _no_overlaps(found)
        if parsed:
            self._speakers(ctx, found)
        self._inherit(ctx, found)
        return [self._record(doc, text, i + 1, f) for i, f in enumerate(found)]

    # --- direct quotations ---------------------------------------------------------------------------

    def _direct(self, ctx: "_Context", index: int, quote: QuoteMarks, parsed: bool) -> _Found:
        doc, text = ctx.doc, ctx.text
        found = _Found("direct", quote.start, quote.end, marks=quote)
        line_start = text.rfind("\n", 0, quote.open) + 1
        line_end = text.find("\n", quote.open)
        line_end = len(text) if line_end < 0 else line_end
        line = text[line_start:line_end].strip()
        before = text[line_start:quote.open].strip()
        after = text[(quote.close + quote.close_size if quote.close >= 0 else quote.end):line_end].strip()
        heading = is_heading(line, line_start == 0)
        if heading and not before:
            found.heading = "headline" if line_start == 0 else "subhead"
        lowered = text[max(0, quote.open - 20):quote.open].lower().rstrip()
        if lowered.endswith(SCARE_BEFORE):
            found.kind = "scare"
            return found
        if parsed:
            cue = self._find_cue(ctx, index, quote)
            if cue is not None:
                found.cue, found.speaker_head, found.cue_text = cue
                return found
        if found.heading:
            return found
        words = len(re.findall(r"\w+", text[quote.start:quote.end]))
        starts_sentence = not before or before[-1] in ".!?:;\u2014\u2013-" or \
            (parsed and ctx.starts_sentence(quote.open))
        sentence_like = text[quote.start:quote.end].rstrip()[-1:] in {".", "!", "?", ","} and words > 1
        if words <= SCARE_WORDS and not (starts_sentence and (sentence_like or not after)):
            found.kind = "scare"
        return found

    def _find_cue(self, ctx: "_Context", index: int, quote: QuoteMarks):
        """(cue, speaker token, cue span) for a quotation, or None."""
        doc, text = ctx.doc, ctx.text
        q_start, q_end = ctx.token_range(quote.start, quote.end)
        open_tok = ctx.token_at(quote.open)
        close_tok = ctx.token_at(quote.close) if quote.close >= 0 else -1
        ending = text[quote.start:quote.end].rstrip("\u2019'\" ")[-1:]
        soft_end = ending not in {"."}
        if close_tok >= 0:
            credit = self._dash_credit(ctx, quote)
            if credit is not None:
                return credit
        trailing = self._trailing(ctx, close_tok) if close_tok >= 0 else None
        # “Why now?” … Mills then writes back, “You look cute.”: a cue after a quote that ends its sentence
        # and introduces the next quote belongs to the next one when this one has a lead-in of its own
        leads_next = trailing is not None and ending in {"?", "!"} and self._opens_next(ctx, trailing[0])
        if trailing is not None and soft_end and not leads_next:
            return trailing
        lead = self._lead_in(ctx, open_tok)
        if lead is not None:
            return self._outer_saying(ctx, lead)
        if trailing is not None and soft_end:
            return trailing
        if close_tok >= 0:
            like = self._like_clause(ctx, close_tok)
            if like is not None:
                return like
        embedded = self._embedded(ctx, q_start, q_end)
        if embedded is not None:
            return self._outer_saying(ctx, embedded)
        if trailing is not None and self._bare_trailing(ctx, trailing[0]):
            return trailing
        if trailing is None and soft_end and close_tok >= 0:
            return self._trailing_words(ctx, close_tok)
        return None

    @staticmethod
    def _noun_cue(ctx: "_Context", token: Token):
        """(cue, speaker token, None) for a noun naming an utterance ("her remark", "Clinton's statement",
        "a warning by the agency"), or None. The speaker is the possessor or the ``by`` agent; without one
        the noun is no cue ("said in a statement: “…”" keeps its verb)."""
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or lemma not in SPEECH_NOUNS or ctx.in_quote(token.i):
            return None
        speaker = next((c.i for c in token.children if c.dep_ == "poss" and not ctx.in_quote(c.i)), -1)
        if speaker < 0:
            by = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
            speaker = agent.i if agent is not None and not ctx.in_quote(agent.i) else -1
        if speaker < 0:
            return None
        return Cue(token.i, token.i + 1, lemma, frozenset({"speech"}), token.i), speaker, None

    def _outer_saying(self, ctx: "_Context", found):
        """``found`` (cue, speaker token, cue span), or the verb of saying whose reported clause holds
        its cue: in "critics say he had proposed to “…”" or "Clinton said she opposes “…”" the quoted
        words come to the reader through the outer speaker, who is credited with them. Only reported
        clauses (``ccomp``) are climbed, through verbs that are not of saying ("X said Y thinks Z
        called it “…”"); the outer verb needs a speaker of its own."""
        doc = ctx.doc
        node = doc[found[0].verb]
        for _ in range(4):
            if node.dep_ != "ccomp" or node.head.i == node.i or ctx.in_quote(node.head.i):
                break
            node = node.head
            cue = self.cue_at(node)
            if cue is not None and "speech" in cue.families:
                speaker = self._speaker_head(ctx, cue)
                if speaker >= 0:
                    return cue, speaker, None
        return found

    def _dash_credit(self, ctx: "_Context", quote: QuoteMarks):
        """``“…” ― Jane Doe`` / ``“…” — Jane Doe, 34, a teacher``: a quotation that opens its line,
        credited after a dash to a person whose name ends the line or is followed by a credential."""
        text, doc = ctx.text, ctx.doc
        line_start = text.rfind("\n", 0, quote.open) + 1
        if text[line_start:quote.open].strip():
            return None
        dash = _CREDIT_DASH.match(text, quote.close + quote.close_size)
        if dash is None:
            return None
        name_start = dash.end()
        line_end = text.find("\n", name_start)
        line_end = len(text) if line_end < 0 else line_end
        first = ctx.token_at(name_start)
        if doc[first].idx != name_start:
            return None
        name = next((ent for ent in ctx.ents if ent.start == first and ent.label_ == "PERSON"), None)
        if name is not None:
            head, end_char = name.root.i, name.end_char
        else:  # a name the entity recogniser missed: two to four capitalised proper nouns
            last = first
            while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
                last += 1
            if not (1 <= last - first <= 3 and doc[first].pos_ == "PROPN" and doc[first].text[:1].isupper()):
                return None
            head, end_char = last, doc[last].idx + len(doc[last])
        rest = text[end_char:line_end].strip()
        if rest not in {"", "."} and not rest.startswith((",", "(")):
            return None
        cue_tok = ctx.token_at(dash.start(1))
        return Cue(cue_tok, cue_tok + 1, DASH, frozenset({"speech"}), head), head, (dash.start(1), dash.end(1))

    def _trailing(self, ctx: "_Context", close_tok: int):
        doc = ctx.doc
        for i in range(close_tok + 1, min(len(doc), close_tok + 1 + TRAIL_WINDOW)):
            token = doc[i]
            if token.text in STOPS or "\n" in token.text or ctx.in_quote(i) or token.text in DOUBLE_OPEN:
                break
            cue = self.cue_at(token)
            if cue is None or not cue.families & {"speech", "thought", "according"}:
                continue
            if any(c.dep_ == "ccomp" and c.i > cue.end and not ctx.in_quote(c.i)
                   for c in doc[cue.verb].children):
                return None
            speaker = self._speaker_head(ctx, cue)
            if speaker < 0:
                return None
            left, right = doc[speaker].left_edge.i, doc[speaker].right_edge.i
            while left <= close_tok and doc[left].is_punct:  # the parse hung the closing ”, on the name
                left += 1
            between = close_tok < left and right < cue.start
            inverted = cue.end <= speaker <= cue.end + 3 or (
                cue.end < speaker <= cue.end + 9 and all(doc[k].pos_ in {"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT"}
                                                        for k in range(cue.end, speaker)))
            if not (between or inverted) or _clause_joined(doc, close_tok + 1, cue.start):
                return None
            return cue, speaker, None
        return None

    def _opens_next(self, ctx: "_Context", cue: Cue) -> bool:
        """True when ``cue`` ends a lead-in: a comma or colon, then an opening quotation mark."""
        doc = ctx.doc
        i = cue.end
        while i < len(doc) and (doc[i].pos_ in {"ADV", "ADP", "PART"} and doc[i].dep_ in {"advmod", "prt"}
                                or doc[i].is_space and "\n" not in doc[i].text):
            i += 1
        if i + 1 >= len(doc) or doc[i].text not in {",", ":"}:
            return False
        following = doc[i + 1]
        return following.is_quote and ctx.in_quote(following.i) and \
            ctx.text[following.idx - 1:following.idx] != "\n"

    def _like_clause(self, ctx: "_Context", close_tok: int):
        """``“problematic” or “treasonous” like Kiev claims`` / ``as he put it``: the cue after the quote."""
        doc = ctx.doc
        i = close_tok + 1
        limit = min(len(doc), close_tok + 14)
        while i < limit and (ctx.in_quote(i) or doc[i].lower_ in COORDINATORS or doc[i].text == "," or doc[i].is_quote):
            i += 1
        if i >= limit or doc[i].lower_ not in COMPARISONS:
            return None
        for j in range(i + 2, min(len(doc), i + 6)):
            word = doc[j]
            if word.is_punct or ctx.in_quote(j):
                return None
            lemma = word.lemma_.lower()
            families = self.lexicon.families(lemma) & {"speech", "thought"}
            if families and all(t.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ", "PART"} for t in doc[i + 1:j]):
                if lemma in NEEDS_IT and not (j + 1 < len(doc) and doc[j + 1].lower_ == "it"):
                    return None
                return Cue(j, j + 1, lemma, families, j), j - 1, None
        return None

    def _trailing_words(self, ctx: "_Context", close_tok: int):
        """``“…?” the 43-year-old asked``, ``“…,” a voice-over in the ad states``, read from the words
        when the parse goes astray: a noun phrase (with its apposition), then a reporting verb form."""
        doc = ctx.doc
        head = -1
        for j in range(close_tok + 1, min(len(doc), close_tok + 25)):
            token = doc[j]
            if ctx.in_quote(j) or "\n" in token.text or token.text in STOPS or token.is_quote:
                return None
            lemma = token.lemma_.lower()
            families = self.lexicon.families(lemma) & {"speech", "thought"}
            if head >= 0 and families and (token.tag_.startswith("VB") or j + 1 >= len(doc) or
                                           doc[j + 1].pos_ not in {"NOUN", "PROPN"}):
                if any(c.dep_ == "ccomp" and c.i > j for c in token.children) or \
                        _clause_joined(doc, close_tok + 1, j):
                    return None
                return Cue(j, j + 1, lemma, families, j), head, None
            if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"}:
                return None
            if head < 0 and (token.pos_ in {"PROPN", "NOUN"} or token.lower_ in SPEAKING_SUBJECTS):
                head = j
                while head + 1 < len(doc) and doc[head + 1].pos_ in {"PROPN", "NOUN"} and \
                        not (self.lexicon.families(doc[head + 1].lemma_.lower()) & {"speech", "thought"}):
                    head += 1
        return None

    def _bare_trailing(self, ctx: "_Context", cue: Cue) -> bool:
        """A trailing cue after a quote ending in a full stop counts when it ends its sentence."""
        doc = ctx.doc
        for i in range(cue.end, min(len(doc), cue.end + 8)):
            if doc[i].text in STOPS or "\n" in doc[i].text:
                return True
            if ctx.in_quote(i) or doc[i].text in DOUBLE_OPEN or doc[i].text == '"':
                return False
        return False

    def _lead_in(self, ctx: "_Context", open_tok: int):
        doc = ctx.doc
        prev = open_tok - 1
        while prev >= 0 and doc[prev].is_space and "\n" not in doc[prev].text:
            prev -= 1
        if prev < 0:
            return None
        if "\n" in doc[prev].text:  # a quote opening a paragraph, after "... declared:" ending the last one
            prev -= 1
            while prev >= 0 and doc[prev].is_space and "\n" not in doc[prev].text:
                prev -= 1
            if prev < 0 or doc[prev].text != ":":
                return None
        prev_token = doc[prev]
        direct_cue = self.cue_at(prev_token) if prev_token.text not in LEAD_PUNCT else None
        if prev_token.text not in LEAD_PUNCT and prev_token.lower_ != "that" and direct_cue is None:
            return None
        if direct_cue is not None:
            return direct_cue, self._speaker_head(ctx, direct_cue), None
        clause_or_colon = prev_token.lower_ == "that" or prev_token.text == ":"  # "her remark that “…”"
        for i in range(prev - 1, max(-1, prev - LEAD_WINDOW), -1):
            token = doc[i]
            if token.text in STOPS or "\n" in token.text or token.text in DOUBLE_CLOSE:
                break
            if ctx.in_quote(i) or (token.text == '"' and i != open_tok):
                break
            noun = self._noun_cue(ctx, token) if clause_or_colon else None
            if noun is not None:
                return noun
            cue = self.cue_at(token)
            if cue is not None and cue.families & {"speech", "thought", "according"}:
                return cue, self._speaker_head(ctx, cue), None
            if i > 0 and token.lower_ == "to" and doc[i - 1].lower_ == "according":
                cue = self.cue_at(doc[i - 1])
                if cue is not None:
                    return cue, self._speaker_head(ctx, cue), None
        if prev_token.text == ":":
            return self._name_colon(ctx, prev) or self._clause_colon(ctx, prev, open_tok)
        return None

    def _clause_colon(self, ctx: "_Context", colon: int, open_tok: int):
        """``Trump issued the following statement: “…”``: the clause before a colon, when its subject
        is a person, an organisation or a source noun (any noun when the quote opens on the colon's
        line), introduces the quote (its verb is the cue)."""
        doc = ctx.doc
        if colon < 1:
            return None
        verb = doc[colon].head
        for _ in range(4):  # "delivered a blunt message to Trump:": from the noun up to its verb
            if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon or ctx.in_quote(verb.i):
            verb = doc[colon - 1].sent.root
        # the clause the colon ends, when the quote follows on the same line: any noun subject speaks
        # ("A footnote in the report makes that clear: “…”")
        own = "\n" not in doc[colon:open_tok].text
        subject = None
        for level in range(4):  # from the verb the colon hangs on up to its main clause
            if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon or ctx.in_quote(verb.i):
                return None
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(c.i)), None)
            if subject is not None and (subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or
                                        subject.lower_ in SPEAKING_SUBJECTS or
                                        subject.lemma_.lower() in self.lexicon.speaker_nouns or
                                        own and level == 0 and subject.pos_ in {"NOUN", "PROPN"}):
                break
            subject = None
            if verb.head.i == verb.i:
                break
            verb = verb.head
        if subject is None:
            return None
        lemma = verb.lemma_.lower()
        return Cue(verb.i, verb.i + 1, lemma, self.lexicon.families(lemma) or frozenset({"speech"}), verb.i), \
            subject.i, None

    def _name_colon(self, ctx: "_Context", colon: int):
        """``Trump: “…”`` (headline style): a name ending right before the colon, starting its clause."""
        doc = ctx.doc
        for ent in ctx.ents:
            if ent.end == colon and ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
                first = ent.start - 1
                while first >= 0 and doc[first].is_space and "\n" not in doc[first].text:
                    first -= 1
                if first < 0 or "\n" in doc[first].text or doc[first].text in STOPS | {"\u2013", "\u2014"}:
                    cue = Cue(colon, colon + 1, ":", frozenset({"speech"}), ent.root.i)
                    return cue, ent.root.i, None
        return None

    def _embedded(self, ctx: "_Context", q_start: int, q_end: int):
        """The cue the quoted words depend on, or a "like/as X claims" clause next to them.

        Climbing from the quoted words, a cue is skipped when the words sit in its subject ("the
        “Avatar” star posted"); when a
        thought or evidence verb is met first and a verb of saying governs it ("said allies wanted to
        know if the U.S. is “still in the game”"), the verb of saying is the cue.
        """
        doc = ctx.doc
        inside = range(q_start, q_end)
        root = next((t for t in doc[q_start:q_end] if t.head.i not in inside or t.head.i == t.i), None)
        if root is None:
            return None
        found = []
        according = None
        node = root
        for _ in range(12):
            for child in node.children:
                if child.i in inside:
                    continue
                if child.lower_ == "according" and child.dep_ == "prep" and according is None:
                    according = self.cue_at(child)  # "According to X, he is now “the worst …”"
                if child.dep_ == "parataxis" or (child.dep_ == "advcl" and
                        any(m.lower_ in COMPARISONS for m in child.children if m.dep_ in {"mark", "advmod"})):
                    cue = self.cue_at(child)
                    if cue is not None and cue.families & {"speech", "thought"}:
                        return cue, self._speaker_head(ctx, cue), None
            head = node.head
            if head.i == node.i or ctx.in_quote(head.i) and head.i not in inside:
                break
            if head.i not in inside:
                if node.dep_ in SUBJECT_DEPS:
                    if found:
                        break
                    node = head
                    continue
                if node.dep_ in {"acl", "ccomp", "appos"}:
                    noun = self._noun_cue(ctx, head)
                    if noun is not None and not found:
                        return noun
                cue = self.cue_at(head)
                if cue is not None and cue.families & {"speech", "thought", "according", "evidence"}:
                    speaker = self._speaker_head(ctx, cue)
                    weak = not cue.families & {"speech", "according"}
                    if not ("evidence" in cue.families and weak and (speaker < 0 or doc[speaker].pos_ == "PRON")):
                        found.append((cue, speaker, weak))
                    if not weak:
                        break
            node = head
        if not found:
            if according is not None:
                return according, self._speaker_head(ctx, according), None
            return None
        first = found[0]
        outer = next((f for f in found[1:] if not f[2] and f[1] >= 0), None)
        chosen = outer if first[2] and outer is not None else first
        return chosen[0], chosen[1], None

    # --- indirect speech -----------------------------------------------------------------------------

    def _indirect(self, ctx: "_Context") -> list[_Found]:
        doc = ctx.doc
        out = []
        for i in self._candidates(doc):
            if ctx.in_quote(i):
                continue
            token = doc[i]
            cue = self.cue_at(token)
            if cue is None or cue.lemma in NEEDS_IT or cue.lemma in QUOTE_ONLY:
                continue
            if cue.lemma == "according to":
                content = _according_content(doc, token)
                speaker = self._speaker_head(ctx, cue)
                kind = "according_to"
            else:
                content = self._content(doc[cue.verb], cue, ctx)
                if content is None:
                    continue
                speaker = self._speaker_head(ctx, cue)
                kind = "indirect"
            if content is None or speaker < 0:
                continue
            start, end = content
            if start <= speaker < end or start <= token.i < end:
                continue
            if "evidence" in cue.families and not cue.families & {"speech", "thought"} and \
                    doc[speaker].pos_ == "PRON":
                continue
            found = _Found(kind, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), cue, speaker)
            out.append(found)
        headline = self._headline_colon(ctx)
        if headline is not None:
            out.append(headline)
        return out

    def _headline_colon(self, ctx: "_Context") -> _Found | None:
        """``Marco Rubio: I’m Not Interested In Being Vice President`` (a headline): the name before the
        colon speaks the rest of the line."""
        doc, text = ctx.doc, ctx.text
        end = text.find("\n")
        end = len(text) if end < 0 else end
        colon = text.find(":", 0, end)
        if colon < 0 or colon > 60:
            return None
        before = doc[:ctx.token_at(colon)]
        if not 0 < len(before) <= 6 or not all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in HEADLINE_NAME_WORDS
                                               for t in before):
            return None
        first = ctx.token_at(colon) + 1
        last = ctx.token_at(max(end - 1, 0)) + 1
        span = _trim(doc, first, last)
        if span is None:
            return None
        head = max((t for t in before if t.pos_ == "PROPN"), key=lambda t: t.i, default=None)
        if head is None:
            return None
        colon_tok = ctx.token_at(colon)
        cue = Cue(colon_tok, colon_tok + 1, ":", frozenset({"speech"}), head.i)
        return _Found("indirect", doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1]), cue, head.i)

    def _content(self, verb: Token, cue: Cue, ctx: "_Context") -> tuple[int, int] | None:
        """The reported content of a cue verb: its clause, "X of/for Y", "X as Y", its object, or the
        clause before ", X said"."""
        doc = verb.doc
        children = list(verb.children)
        clause = next((c for c in children if c.dep_ == "ccomp" and not ctx.in_quote(c.i)), None)
        if clause is not None:
            start, end = clause.left_edge.i, clause.right_edge.i + 1
            if start < verb.i < end:  # "X, Trump said, Y": keep the side after the verb
                start = verb.i + 1
            for child in clause.children:  # "said X happened and said Y": stop before the second cue
                if child.dep_ == "conj" and child.i > clause.i and self.cue_at(child) is not None:
                    end = min(end, child.left_edge.i)
            while end > start and doc[end - 1].dep_ == "cc":
                end -= 1
            return _trim(doc, start, end)
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None:
            for prep in children:
                if prep.dep_ != "prep" or prep.i < obj.i:
                    continue
                if (prep.lower_ in OF_COMPLEMENTS and "of_object" in cue.families) or \
                        (prep.lower_ == "as" and "as_object" in cue.families):
                    return _trim(doc, obj.left_edge.i, prep.right_edge.i + 1)
            if "as_object" in cue.families:
                limit = min(len(doc), verb.sent.end, obj.right_edge.i + 16)
                for i in range(obj.i + 1, limit):  # "interpreted X ... as Y" with "as" parsed lower down
                    token = doc[i]
                    if token.lower_ == "as" and token.dep_ == "prep" and verb.i < token.head.i < i:
                        return _trim(doc, obj.left_edge.i, token.right_edge.i + 1)
                    if token.text in {";", ":"} or token.dep_ == "mark":
                        break
        if "infinitive" in cue.families:
            infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i and
                               any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)
            if infinitive is not None:
                start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else infinitive.left_edge.i
                return _trim(doc, start, infinitive.right_edge.i + 1)
        if "object" in cue.families:
            if cue.end - cue.start > 1 and doc[cue.end - 1].pos_ == "ADP":  # "called for X", "referring to X"
                obj = next((c for c in doc[cue.end - 1].children if c.dep_ == "pobj"), obj)
            if obj is not None and obj.pos_ not in {"PRON"}:
                return _trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
        if cue.families & {"speech"}:
            subject = next((c for c in children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i < verb.i:
                comma = subject.left_edge.i - 1
                if comma > 0 and doc[comma].text == ",":  # "X happened, Putin said"
                    for child in children:
                        if child.i < comma and child.dep_ in {"advcl", "ccomp", "parataxis", "dep"} and \
                                child.right_edge.i == comma - 1 and child.pos_ in {"VERB", "AUX"}:
                            return _trim(doc, child.left_edge.i, comma)
        if verb.dep_ == "parataxis" and cue.families & {"speech"}:
            head = verb.head
            start, end = head.left_edge.i, head.right_edge.i + 1
            left, right = verb.left_edge.i, verb.right_edge.i + 1
            if left - start >= end - right:
                return _trim(doc, start, left)
            return _trim(doc, right, end)
        return None

    # --- cue words -----------------------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[int]:
        """Indexes of the tokens whose lemma or form can start a cue (read from arrays, so that Token
        objects are made only for these)."""
        keys = self.lexicon.cue_keys
        lemmas = doc.to_array("LEMMA") if doc.has_annotation("LEMMA") else doc.to_array("LOWER")
        lowers = doc.to_array("LOWER")
        return [i for i in range(len(doc)) if lemmas[i] in keys or lowers[i] in keys]

    def cue_at(self, token: Token) -> Cue | None:
        """The cue starting or carried by ``token`` (a reporting verb, "according to", a verb with its
        particle: "hit back", "point out"), or None."""
        lexicon = self.lexicon
        doc = token.doc
        lower = token.lower_
        if lower == "according":
            if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                return Cue(token.i, token.i + 2, "according to", lexicon.families("according to"), token.i)
            return None
        pos = token.pos_
        if pos not in {"VERB", "ADJ"} and not (pos == "AUX" and token.tag_.startswith("VB") and
                                                token.dep_ not in {"aux", "auxpass"}):
            return None
        lemma = token.lemma_.lower() or lower
        if lemma in lexicon.phrase_heads:
            for child in token.children:
                if child.i > token.i and child.i - token.i <= 2 and child.dep_ in {"prt", "advmod", "prep"}:
                    phrase = f"{lemma} {child.lower_}"
                    if phrase in lexicon.cue_families:  # "call on" is still a verb of saying, like "call"
                        return Cue(token.i, child.i + 1, phrase, lexicon.families(phrase) | lexicon.families(lemma),
                                   token.i)
        families = lexicon.families(lemma)
        if not families and pos == "ADJ" and lower.endswith("ed"):  # "concerned" -> concern
            for verb in (lower[:-1], lower[:-2], lower[:-3] + "y"):
                if "thought" in lexicon.families(verb):
                    lemma, families = verb, lexicon.families(verb)
                    break
        elif not families and pos == "ADJ":
            families = lexicon.families(lower)
            lemma = lower if families else lemma
        if not families:
            return None
        if pos == "ADJ" and "thought" not in families:
            return None
        if pos == "ADJ":
            families = frozenset({"thought"})
        if lemma in NEEDS_IT and not any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
            return None
        if lemma == "read":
            inverted = token.i > 0 and doc[token.i - 1].is_quote  # “…,” read the email
            subject = next((c for c in token.children if c.dep_ == "nsubj" or
                            (inverted and c.dep_ == "dobj" and c.i <= token.i + 3)), None)
            if subject is None or subject.lemma_.lower() not in READ_SUBJECTS:
                return None
        if any(c.dep_ == "xcomp" for c in token.children) and lemma in NOT_CUE_WITH_COMPLEMENT:
            return None
        return Cue(token.i, token.i + 1, lemma, families, token.i)

    def _speaker_head(self, ctx: "_Context", cue: Cue) -> int:
        """The token heading the speaker of ``cue`` (-1 when none)."""
        doc = ctx.doc
        if cue.lemma == "according to":
            to = doc[cue.start + 1]
            obj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if obj is None and cue.start + 2 < len(doc) and doc[cue.start + 2].pos_ in {"PROPN", "NOUN", "PRON"}:
                obj = doc[cue.start + 2]
            return obj.i if obj is not None and not ctx.in_quote(obj.i) else -1
        if cue.lemma in {":", DASH}:
            return cue.verb
        verb = doc[cue.verb]
        inverted = self._inverted_subject(ctx, cue)
        for _ in range(5):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"} and not ctx.in_quote(c.i)]
            subject = min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None
            if subject is None and verb.i == cue.verb and inverted >= 0:
                return inverted
            if subject is None and verb.i != cue.verb:  # "Silverman was joined by X and joked"
                subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and not ctx.in_quote(c.i)), None)
            if subject is None:
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                if agent is not None:
                    subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if subject is not None:
                if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    subject = verb.head
                if subject.dep_ == "expl" or ctx.in_quote(subject.i):
                    return -1
                return subject.i
            if any(c.dep_ == "nsubjpass" for c in verb.children):
                return -1
            if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
                return verb.head.i
            if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
                noun = verb.head
                if noun.dep_ in {"dobj", "pobj", "attr"} and noun.head.pos_ in {"VERB", "AUX", "ADP"}:
                    verb = noun.head if noun.head.pos_ != "ADP" else noun.head.head
                    continue
                return noun.i if not ctx.in_quote(noun.i) else -1
            if verb.dep_ == "advmod" and verb.pos_ == "ADV" and verb.head.i != verb.i:
                verb = verb.head  # "went so far as to say": from the adverb to its verb
                continue
            if verb.dep_ in CLIMB and verb.head.i != verb.i:
                if verb.dep_ == "xcomp" and verb.head.pos_ not in {"VERB", "AUX"}:
                    return -1
                if verb.dep_ == "conj" and self.cue_at(verb.head) is None:
                    # "said X humiliated Y and said Z": the second "said" hangs on the reported verb
                    governor = self._governing_cue(verb.head)
                    verb = governor if governor is not None else verb.head
                    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                        verb = verb.head  # “shameful” and called on: a conjunct the parse hung on a word
                    continue
                verb = verb.head
                continue
            break
        if verb.tag_ in {"VBN", "VBG"} or doc[cue.verb].tag_ in {"VBN", "VBG"}:
            # a participle with no subject ("a piece headlined ..."): the subject of the sentence
            root = doc[cue.verb].sent.root
            if root.i < cue.verb and root.pos_ in {"VERB", "AUX"}:
                subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
                if subject is not None and not ctx.in_quote(subject.i) and subject.pos_ != "PRON" or \
                        subject is not None and subject.lower_ in THIRD_PERSON_SUBJECTS:
                    return subject.i
        return self._subject_before(ctx, cue)

    def _subject_before(self, ctx: "_Context", cue: Cue) -> int:
        """The speaker of a cue the parse left without a subject, read from the words right before it
        (-1 when there is none):

        - ``a White House official who spoke anonymously … said``: the noun whose relative clause
          ends right before the cue;
        - ``Mr. Trump, asked about X, had said``: a name before a parenthetical set off by commas;
        - ``her senior policy adviser, Jake Sullivan, said``: a name set off by commas right before it;
        - ``Early described``, ``Conway notes``: a name the tagger took for another word, or the parse
          folded into a noun phrase with the verb.
        """
        doc = ctx.doc
        k = cue.start - 1
        if k > 0 and _mistagged_name(doc[k]) and not doc[k].is_sent_start and not ctx.in_quote(k):
            return k  # "…, Early described it as"
        while k >= 0 and (doc[k].pos_ == "AUX" or doc[k].dep_ in {"aux", "neg", "advmod"}):
            k -= 1
        if k < 1 or ctx.in_quote(k):
            return -1
        if doc[k].pos_ == "PROPN" and doc[k].head.i == cue.verb and doc[k].dep_ in {"compound", "nmod"}:
            return k  # “…,” Conway notes: a name the parse folded into a noun phrase with the verb
        if doc[k].text != ",":
            clause = next((t for t in doc[k].ancestors if t.dep_ == "relcl" and t.right_edge.i == k), None)
            noun = clause.head if clause is not None else None
            if noun is not None and noun.pos_ in {"NOUN", "PROPN"} and not ctx.in_quote(noun.i):
                return noun.i
            return -1
        for j in range(k - 1, max(-1, k - 30), -1):
            token = doc[j]
            if token.text in STOPS or "\n" in token.text:
                return -1
            if token.text != "," or ctx.in_quote(j):
                continue
            first = doc[j + 1]
            between = next((e for e in ctx.ents if e.start == j + 1 and e.end == k and e.label_ == "PERSON"), None)
            if between is not None:
                return between.root.i  # "her senior policy adviser, Jake Sullivan, said"
            if not (first.pos_ == "VERB" and not any(c.dep_.startswith("nsubj") for c in first.children) or
                    first.lower_ in RELATIVE_OPENERS or
                    first.pos_ in {"DET", "NOUN", "PROPN", "ADJ", "NUM"}):
                return -1
            name = next((e for e in ctx.ents if e.end == j and e.label_ in {"PERSON", "ORG", "NORP", "GPE"}),
                        None)
            return name.root.i if name is not None else -1
        return -1

    def _inverted_subject(self, ctx: "_Context", cue: Cue) -> int:
        """The noun phrase right after a cue that follows a quotation (``“…,” said Robert Reich``)."""
        doc = ctx.doc
        if doc[cue.verb].tag_ == "VBG":  # “…,” recalling summer visits: a participle takes an object
            return -1
        before = cue.start - 1
        while before >= 0 and doc[before].text in {",", "—", "–"}:
            before -= 1
        if before < 0 or not (ctx.in_quote(before) or doc[before].is_quote):
            return -1
        head = -1
        for i in range(cue.end, min(len(doc), cue.end + 10)):
            token = doc[i]
            if token.pos_ in {"PROPN", "NOUN"} or (token.pos_ == "PRON" and token.lower_ in THIRD_PERSON_SUBJECTS):
                head = i
            elif _mistagged_name(token):
                head = i  # “…,” said Skelly
            elif (token.pos_ in {"DET", "ADJ", "NUM"} or token.dep_ == "amod") and head < 0 or token.tag_ == "POS":
                continue
            else:
                break
        return head

    def _governing_cue(self, token: Token) -> Token | None:
        """The cue verb whose reported clause contains ``token`` (None when there is none)."""
        node = token
        for _ in range(6):
            if node.head.i == node.i:
                return None
            dep = node.dep_
            node = node.head
            if dep == "ccomp" and self.cue_at(node) is not None:
                return node
        return None

    # --- speakers, inheritance, records --------------------------------------------------------------

    def _speakers(self, ctx: "_Context", found: list[_Found]) -> None:
        doc = ctx.doc
        names = NameResolver(doc, self.lexicon, self.aliases, ctx.in_quote, ctx.ents)
        order = sorted(range(len(found)), key=lambda k: (found[k].cue.start if found[k].cue else
                                                         ctx.token_at(found[k].start)))
        for k in order:
            item = found[k]
            if item.speaker_head < 0 or item.cue is None:
                continue
            speaker = speaker_of(doc[item.speaker_head], names, cue_family=item.cue.families)
            if speaker is None:
                item.speaker_head = -1
                continue
            item.speaker = speaker
            names.remember(item.speaker_head, speaker)

    def _inherit(self, ctx: "_Context", found: list[_Found]) -> None:
        paragraph = ctx.paragraph_of
        for k, item in enumerate(found):
            if item.kind != "direct" or item.cue is not None or item.speaker is not None:
                continue
            if item.heading == "headline":
                continue
            if item.heading == "subhead":
                here = paragraph(item.start)
                source = next((f for f in found[k + 1:] if f.speaker is not None and f.kind != "scare"
                               and paragraph(f.start) <= here + 2
                               and not ctx.heading_between(item.end, f.start)), None)
            else:
                here = paragraph(item.start)
                source = next((f for f in reversed(found[:k]) if f.kind != "scare" and f.speaker is not None
                               and here - paragraph(f.start) <= 1
                               and not ctx.heading_between(f.end, item.start)), None)
            if source is None or source.speaker is None:
                continue
            item.speaker = source.speaker
            item.inherited = True
            if source.kind == "direct" and source.cue is not None and source.marks is not None and \
                    item.marks is not None and not item.heading:
                # "“…,” she said. “…”": the second half of a split quote shares the cue
                gap = ctx.text[source.marks.close + source.marks.close_size:item.marks.open] \
                    if source.marks.close >= 0 else "\n"
                cue_start = ctx.doc[source.cue.start].idx
                if "\n" not in gap and len(gap) <= 80 and \
                        source.marks.close < cue_start < item.marks.open:
                    item.cue = source.cue
                    item.inherited = False
            elif source.kind == "indirect" and source.cue is not None and item.marks is not None and \
                    not item.heading and paragraph(source.start) == here and \
                    self._introduces(ctx, found, source, item):
                # "She says people should be free to choose. “It is their life.”": the quote goes on
                # from the reported speech before it, with its cue
                item.cue = source.cue
                item.inherited = False

    @staticmethod
    def _introduces(ctx: "_Context", found: list[_Found], source: _Found, item: _Found) -> bool:
        """True when the quotation ``item`` follows the reported speech ``source`` closely (the same
        line, nothing found between, at most 80 characters apart) and the cue of ``source`` is the
        finite main verb of its sentence (not "…, referring to X", which belongs to a quote before)."""
        doc = ctx.doc
        verb = doc[source.cue.verb]
        if verb.dep_ != "ROOT" or verb.tag_ in {"VBG", "VBN"}:
            return False
        last = doc[source.cue.end - 1]
        end = max(source.end, last.idx + len(last))
        gap = ctx.text[end:item.marks.open]
        return "\n" not in gap and len(gap) <= 80 and \
            not any(f is not item and f is not source and end <= f.start < item.marks.open for f in found)

    def _record(self, doc: Doc, text: str, quote_id: int, item: _Found) -> Quote:
        fields: dict = {}
        if item.speaker is not None:
            s = item.speaker
            fields.update(speaker=s.text, speaker_start_char=s.start_char, speaker_end_char=s.end_char,
                          speaker_resolved=s.resolved, speaker_type=s.type, speaker_descriptor=s.descriptor,
                          speaker_inherited=item.inherited)
        if item.cue is not None:
            cue = item.cue
            start, end, lemma = self._cue_phrase(doc, cue)
            span = doc[start:end]
            first, last = item.cue_text or (span.start_char, span.end_char)  # a dash inside a token: its characters
            fields.update(cue=text[first:last], cue_lemma=lemma, cue_start_char=first, cue_end_char=last,
                          cue_class=self.lexicon.cue_class(lemma))
        return Quote(quote_id=quote_id, kind=item.kind, start_char=item.start, end_char=item.end,
                     text=text[item.start:item.end], **fields)

    def _cue_phrase(self, doc: Doc, cue: Cue) -> tuple[int, int, str]:
        """Widen a cue to a classified phrase around it: "rightly said", "spoke the truth when saying"."""
        if cue.lemma in {":", DASH, "according to"}:
            return cue.start, cue.end, cue.lemma
        classes = self.lexicon.cue_classes
        verb = doc[cue.verb]
        for child in verb.children:
            if child.dep_ == "advmod" and child.i == cue.start - 1:
                phrase = f"{child.lower_} {cue.lemma}"
                if phrase in classes:
                    return child.i, cue.end, phrase
        head = verb.head
        if verb.dep_ == "advcl" and head.i < verb.i and head.pos_ == "VERB":
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                for phrase in (f"{head.lemma_.lower()} the {obj.lemma_.lower()}",
                               f"{head.lemma_.lower()} {obj.lemma_.lower()}"):
                    if phrase in classes:
                        return head.i, cue.end, phrase
        return cue.start, cue.end, cue.lemma


# ---------------------------------------------------------------------------------------------------
# Helpers on the parse


class _Context:
    """Per-document lookups: token of a character, quotation membership, paragraphs, headings."""

    def __init__(self, doc: Doc, marks: list[QuoteMarks], text: str):
        self.doc = doc
        self.text = text
        self.ents = tuple(doc.ents)
        self.starts = doc.to_array("IDX").tolist()
        self.inside = bytearray(len(doc))
        for quote in marks:
            first = self.token_at(quote.open)
            last = self.token_at(quote.close) if quote.close >= 0 else self.token_at(max(quote.end - 1, 0))
            for i in range(first, last + 1):
                self.inside[i] = 1
        self.breaks = [m.start() for m in re.finditer(r"\n\s*", text)]
        self.headings = [start for start, end in lines(text) if start > 0 and
                         is_heading(text[start:end].strip(), False)]

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.starts, char) - 1)

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        return self.token_at(start), self.token_at(max(start, end - 1)) + 1

    def in_quote(self, i: int) -> bool:
        return bool(self.inside[i])

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.breaks, char)

    def heading_between(self, start: int, end: int) -> bool:
        k = bisect_right(self.headings, start)
        return k < len(self.headings) and self.headings[k] < end

    def starts_sentence(self, char: int) -> bool:
        token = self.doc[self.token_at(char)]
        return token.is_sent_start or token.i == 0


def _mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb, adjective or verb, where a name stands next to a
    cue ("said Skelly", "Early described it")."""
    return token.text[:1].isupper() and token.is_alpha and not token.is_stop and \
        token.pos_ in {"ADV", "ADJ", "VERB", "X", "INTJ"}


def _clause_joined(doc: Doc, start: int, end: int) -> bool:
    """True when a conjunction joining clauses ("…,” but recalled") lies in ``start:end``."""
    return any(doc[k].dep_ == "cc" and doc[k].head.pos_ in {"VERB", "AUX"} and not start <= doc[k].head.i < end
               for k in range(start, end))


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``start:end`` past punctuation, spaces and a leading "that"."""
    while start < end and (doc[start].is_punct or doc[start].is_space or
                           (doc[start].lower_ == "that" and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start or not any(t.is_alpha for t in doc[start:end]):
        return None
    return start, end


def _according_content(doc: Doc, according: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase attaches to, without the phrase."""
    head = according.head
    if head.i == according.i:
        return None
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    sent = according.sent
    start, end = max(head.left_edge.i, sent.start), min(head.right_edge.i + 1, sent.end)
    left, right = according.left_edge.i, according.right_edge.i + 1
    if left - start >= end - right:
        return _trim(doc, start, left)
    return _trim(doc, right, end)


def _no_overlaps(found: list[_Found]) -> list[_Found]:
    """Quotations first, then the widest attributions; nothing kept overlaps anything kept before."""
    ranked = sorted(found, key=lambda f: (f.kind not in {"direct", "scare"}, -(f.end - f.start), f.start))
    kept: list[_Found] = []
    spans: list[tuple[int, int]] = []
    for item in ranked:
        if any(item.start < e and s < item.end for s, e in spans):
            continue
        kept.append(item)
        spans.append((item.start, item.end))
    kept.sort(key=lambda f: f.start)
    return kept


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


__all__: Iterable[str] = ("SourcingExtractor", "QuoteMarks", "find_quotation_marks", "find_quotes",
                          "make_sourcing")
