"""Reported speech: what someone is said to have said, claimed or found, outside quotation marks.

- a reported clause: "told the forum that he does not recognise the two rebel areas" (content: "he
  does not recognise the two rebel areas"), also the clause before ", X said";
- the object of "accuse X of Y" / "interpret X as Y" ("accused Kazakhstan of hosting biological
  labs"), an infinitive ("urged Congress to act"), or the noun phrase object of verbs that report a
  position ("rejected this intention");
- the clause an "according to X" phrase attaches to ("The countries risk the fate of Ukraine,
  according to Vladimir Putin");
- a headline ``Name: words`` ("Marco Rubio: I’m Not Interested In Being Vice President").

Intentions ("want to", "plan to") are not sourcing and are left out (they are in no word list).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from framing.sourcing.context import Context
from framing.sourcing.cues import ACCORDING_TO, COLON, Attribution, Cue, candidates, cue_at
from framing.sourcing.lexicon import HEADLINE_NAME_WORDS, NEEDS_IT, OF_COMPLEMENTS, QUOTE_ONLY
from framing.sourcing.subjects import speaker_head

#: A headline colon after this many characters ends no name: a speaker's name comes first and is short.
HEADLINE_NAME_CHARS = 60
#: Tokens of the name before a headline colon ("Secretary of State Marco Rubio").
HEADLINE_NAME_TOKENS = 6
#: Tokens after the object of an ``as_object`` cue searched for an "as" the parse hung lower down
#: ("interpreted the quip by the president on Friday as a threat").
AS_REACH = 16


class Reported(NamedTuple):
    """Reported speech: its kind (``indirect`` | ``according_to``), the characters ``start:end`` of what
    was said, and who said it with which cue."""

    kind: str
    start: int
    end: int
    attribution: Attribution


def reported_speech(ctx: Context) -> list[Reported]:
    """The reported speech and according-to phrases of the document, outside quotation marks, in the
    order of their cues, then a headline ``Name: words``. Quote-only cues ("called it “…”") and
    "put" are left out; so is a finding (evidence verb) whose subject is a pronoun."""
    doc = ctx.doc
    out: list[Reported] = []
    for i in candidates(doc, ctx.lexicon):
        if ctx.in_quote(i):
            continue
        token = doc[i]
        cue = cue_at(token, ctx.lexicon)
        if cue is None or cue.lemma in NEEDS_IT or cue.lemma in QUOTE_ONLY:
            continue
        if cue.lemma == ACCORDING_TO:
            content = according_content(doc, token)
            speaker = speaker_head(ctx, cue)
            kind = "according_to"
        else:
            content = content_of(ctx, doc[cue.verb], cue)
            if content is None:
                continue
            speaker = speaker_head(ctx, cue)
            kind = "indirect"
        if content is None or speaker < 0:
            continue
        start, end = content
        if start <= speaker < end or start <= token.i < end:
            continue
        if "evidence" in cue.families and not cue.families & {"speech", "thought"} and \
                doc[speaker].pos_ == "PRON":
            continue
        out.append(Reported(kind, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), Attribution(cue, speaker)))
    headline = headline_colon(ctx)
    if headline is not None:
        out.append(headline)
    return out


def headline_colon(ctx: Context) -> Reported | None:
    """``Marco Rubio: I’m Not Interested In Being Vice President`` (a headline): the name before the
    colon speaks the rest of the line."""
    doc, text = ctx.doc, ctx.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    colon = text.find(":", 0, end)
    if colon < 0 or colon > HEADLINE_NAME_CHARS:
        return None
    before = doc[:ctx.token_at(colon)]
    if not 0 < len(before) <= HEADLINE_NAME_TOKENS or \
            not all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in HEADLINE_NAME_WORDS for t in before):
        return None
    first = ctx.token_at(colon) + 1
    last = ctx.token_at(max(end - 1, 0)) + 1
    span = trim(doc, first, last)
    if span is None:
        return None
    head = max((t for t in before if t.pos_ == "PROPN"), key=lambda t: t.i, default=None)
    if head is None:
        return None
    colon_tok = ctx.token_at(colon)
    cue = Cue(colon_tok, colon_tok + 1, COLON, frozenset({"speech"}), head.i)
    return Reported("indirect", doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1]),
                    Attribution(cue, head.i))


def content_of(ctx: Context, verb: Token, cue: Cue) -> tuple[int, int] | None:
    """The reported content of a cue verb: its clause, "X of/for Y", "X as Y", its object, or the
    clause before ", X said". Returns the tokens ``start:end`` of the content, or None."""
    doc = verb.doc
    children = list(verb.children)
    clause = next((c for c in children if c.dep_ == "ccomp" and not ctx.in_quote(c.i)), None)
    if clause is not None:
        start, end = clause.left_edge.i, clause.right_edge.i + 1
        if start < verb.i < end:  # "X, Trump said, Y": keep the side after the verb
            start = verb.i + 1
        for child in clause.children:  # "said X happened and said Y": stop before the second cue
            if child.dep_ == "conj" and child.i > clause.i and cue_at(child, ctx.lexicon) is not None:
                end = min(end, child.left_edge.i)
        while end > start and doc[end - 1].dep_ == "cc":
            end -= 1
        return trim(doc, start, end)
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if obj is not None:
        for prep in children:
            if prep.dep_ != "prep" or prep.i < obj.i:
                continue
            if (prep.lower_ in OF_COMPLEMENTS and "of_object" in cue.families) or \
                    (prep.lower_ == "as" and "as_object" in cue.families):
                return trim(doc, obj.left_edge.i, prep.right_edge.i + 1)
        if "as_object" in cue.families:
            limit = min(len(doc), verb.sent.end, obj.right_edge.i + AS_REACH)
            for i in range(obj.i + 1, limit):  # "interpreted X ... as Y" with "as" parsed lower down
                token = doc[i]
                if token.lower_ == "as" and token.dep_ == "prep" and verb.i < token.head.i < i:
                    return trim(doc, obj.left_edge.i, token.right_edge.i + 1)
                if token.text in {";", ":"} or token.dep_ == "mark":
                    break
    if "infinitive" in cue.families:
        infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i and
                           any(a.lower_ == "to" for a in c.children if a.dep_ == "aux")), None)
        if infinitive is not None:
            start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else infinitive.left_edge.i
            return trim(doc, start, infinitive.right_edge.i + 1)
    if "object" in cue.families:
        if cue.end - cue.start > 1 and doc[cue.end - 1].pos_ == "ADP":  # "called for X", "referring to X"
            obj = next((c for c in doc[cue.end - 1].children if c.dep_ == "pobj"), obj)
        if obj is not None and obj.pos_ not in {"PRON"}:
            return trim(doc, obj.left_edge.i, obj.right_edge.i + 1)
    if cue.families & {"speech"}:
        subject = next((c for c in children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.i < verb.i:
            comma = subject.left_edge.i - 1
            if comma > 0 and doc[comma].text == ",":  # "X happened, Putin said"
                for child in children:
                    if child.i < comma and child.dep_ in {"advcl", "ccomp", "parataxis", "dep"} and \
                            child.right_edge.i == comma - 1 and child.pos_ in {"VERB", "AUX"}:
                        return trim(doc, child.left_edge.i, comma)
    if verb.dep_ == "parataxis" and cue.families & {"speech"}:
        head = verb.head
        start, end = head.left_edge.i, head.right_edge.i + 1
        left, right = verb.left_edge.i, verb.right_edge.i + 1
        if left - start >= end - right:
            return trim(doc, start, left)
        return trim(doc, right, end)
    return None


def according_content(doc: Doc, according: Token) -> tuple[int, int] | None:
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
        return trim(doc, start, left)
    return trim(doc, right, end)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``start:end`` past punctuation, spaces and a leading "that"."""
    while start < end and (doc[start].is_punct or doc[start].is_space or
                           (doc[start].lower_ == "that" and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start or not any(t.is_alpha for t in doc[start:end]):
        return None
    return start, end
