"""The cue and speaker of a direct quotation, from the words around its marks.

:func:`find_cue` tries the rules in a fixed order; each rule returns an
:class:`~framing.sourcing.cues.Attribution` or None:

- a credit after a dash, for a quote that opens its line (``“…” ― Jane Doe``);
- a trailing cue, after a quote ending in a comma, a question or an exclamation mark (``“…,” Alzhanov
  said``), unless the cue ends a lead-in of the next quote (``Mills then writes back, “…”``);
- a lead-in ending in a colon, comma or dash, or a cue verb right before the marks (``Putin points out:
  “…”``, ``also said, “…”``, a split quote's second half); a noun naming an utterance (``her remark
  that “…”``); a name or a clause before a colon (``Trump: “…”``, ``Trump issued the following
  statement: “…”``);
- a like/as clause, then the clause the quoted words sit in (see :mod:`framing.sourcing.embedded`);
- a trailing cue after a quote ending in a full stop, when the cue ends its sentence (``“…” he
  said.``);
- the same words read without the parse when it goes astray (``“…?” the 43-year-old asked``).

A cue found before or around the quote gives way to the verb of saying whose reported clause holds
it (``critics say he had proposed to “…”``).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from framing.sourcing.context import Context
from framing.sourcing.cues import COLON, DASH, STOPS, Attribution, Cue, cue_at
from framing.sourcing.embedded import embedded, like_clause, noun_cue, outer_saying
from framing.sourcing.lexicon import SPEAKING_SUBJECTS
from framing.sourcing.marks import DOUBLE_CLOSE, DOUBLE_OPEN, SPEAKER_LABEL, QuoteMarks, line_around
from framing.sourcing.subjects import speaker_head

#: Punctuation that ends a lead-in ("said:", "said,").
LEAD_PUNCT = frozenset({":", ",", "\u2014", "\u2013", "-", "\u2026"})
#: A dash after a closing mark, before a credit (``“…” ― Jane Doe``).
CREDIT_DASH = re.compile("[ \t\u00a0]*(\u2015|\u2014|\u2013|--|-)[ \t\u00a0]*")
#: Tokens of a credited name the entity recogniser missed: a first and a family name, with up to two
#: middle names or particles; one capitalised word after a dash is too often not a name.
CREDIT_NAME_TOKENS = range(2, 5)
#: Tokens searched after a closing mark for a trailing cue: room for a speaker with a long credential
#: between the quote and the verb (“…,” Trump, the 2016 GOP frontrunner and ..., said).
TRAIL_WINDOW = 30
#: Tokens searched back from an opening mark for a lead-in cue: one long clause before the colon.
LEAD_WINDOW = 30
#: A speaker this many tokens after a trailing cue is its inverted subject whatever lies between
#: ("said the senator"); up to :data:`INVERTED_FAR` tokens when only a noun phrase lies between ("said
#: retired neurosurgeon Ben Carson").
INVERTED_NEAR = 3
INVERTED_FAR = 9
#: Tokens after a trailing cue within which its sentence must end for a cue after a full stop to count
#: (“…” he said. / “…” he said on Tuesday.): more words mean the verb starts a sentence of its own.
SENTENCE_END_REACH = 8
#: Tokens after a closing mark read without the parse for a speaker and a verb (“…?” the 43-year-old
#: asked): a noun phrase with a short apposition and the verb.
WORDS_WINDOW = 25
#: Steps from the word a colon hangs on up to its verb ("delivered a blunt message to Trump:").
COLON_NOUN_CLIMB = 4
#: Clauses climbed from the verb a colon hangs on to one whose subject can speak.
COLON_CLAUSE_CLIMB = 4


def find_cue(ctx: Context, quote: QuoteMarks) -> Attribution | None:
    """The cue and speaker of the quotation ``quote``, or None. The rules are tried in this order: a
    credit after a dash; a trailing cue after a quote ending in a comma, a question or exclamation
    mark; a lead-in; a trailing cue again; a like/as clause; the clause the quote sits in; a trailing
    cue after a full stop that ends its sentence; a trailing cue read from the words alone."""
    text = ctx.text
    q_start, q_end = ctx.token_range(quote.start, quote.end)
    open_tok = ctx.token_at(quote.open)
    close_tok = ctx.token_at(quote.close) if quote.close >= 0 else -1
    ending = text[quote.start:quote.end].rstrip("\u2019'\" ")[-1:]
    soft_end = ending not in {"."}
    if close_tok >= 0:
        credit = dash_credit(ctx, quote)
        if credit is not None:
            return credit
    label = speaker_label(ctx, quote)
    if label is not None:
        return label
    trailing = trailing_cue(ctx, close_tok) if close_tok >= 0 else None
    # “Why now?” … Mills then writes back, “You look cute.”: a cue after a quote that ends its sentence
    # and introduces the next quote belongs to the next one when this one has a lead-in of its own
    leads_next = trailing is not None and ending in {"?", "!"} and opens_next(ctx, trailing.cue)
    if trailing is not None and soft_end and not leads_next:
        return trailing
    lead = lead_in(ctx, open_tok)
    if lead is not None:
        return outer_saying(ctx, lead)
    if trailing is not None and soft_end:
        return trailing
    if close_tok >= 0:
        like = like_clause(ctx, close_tok)
        if like is not None:
            return like
    around = embedded(ctx, q_start, q_end)
    if around is not None:
        return outer_saying(ctx, around)
    if trailing is not None and ends_sentence(ctx, trailing.cue):
        return trailing
    if trailing is None and soft_end and close_tok >= 0:
        return trailing_words(ctx, close_tok)
    return None


def dash_credit(ctx: Context, quote: QuoteMarks) -> Attribution | None:
    """``“…” ― Jane Doe`` / ``“…” — Jane Doe, 34, a teacher``: a quotation that opens its line,
    credited after a dash to a person whose name ends the line or is followed by a credential."""
    text, doc = ctx.text, ctx.doc
    line_start = text.rfind("\n", 0, quote.open) + 1
    if text[line_start:quote.open].strip():
        return None
    dash = CREDIT_DASH.match(text, quote.close + quote.close_size)
    if dash is None:
        return None
    name_start = dash.end()
    line_end = line_around(text, name_start)[1]
    first = ctx.token_at(name_start)
    if doc[first].idx != name_start:
        return None
    name = next((ent for ent in ctx.ents if ent.start == first and ent.label_ == "PERSON"), None)
    if name is not None:
        head, end_char = name.root.i, name.end_char
    else:  # a name the entity recogniser missed: a run of capitalised proper nouns
        last = first
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN" and doc[last + 1].text[:1].isupper():
            last += 1
        if not (last - first + 1 in CREDIT_NAME_TOKENS and doc[first].pos_ == "PROPN" and
                doc[first].text[:1].isupper()):
            return None
        head, end_char = last, doc[last].idx + len(doc[last])
    rest = text[end_char:line_end].strip()
    if rest not in {"", "."} and not rest.startswith((",", "(")):
        return None
    cue_tok = ctx.token_at(dash.start(1))
    return Attribution(Cue(cue_tok, cue_tok + 1, DASH, frozenset({"speech"}), head), head, (dash.start(1), dash.end(1)))


def trailing_cue(ctx: Context, close_tok: int) -> Attribution | None:
    """The cue after the closing mark at token ``close_tok`` (``“…,” Alzhanov said``, ``“…,” said Robert
    Reich``), with its speaker between the quote and the cue or right after the cue; None when the cue
    reports a clause of its own, has no speaker, or starts another clause."""
    doc = ctx.doc
    for i in range(close_tok + 1, min(len(doc), close_tok + 1 + TRAIL_WINDOW)):
        token = doc[i]
        if token.text in STOPS or "\n" in token.text or ctx.in_quote(i) or token.text in DOUBLE_OPEN:
            break
        cue = cue_at(token, ctx.lexicon)
        if cue is None or not cue.families & {"speech", "thought", "according"}:
            continue
        if any(c.dep_ == "ccomp" and c.i > cue.end and not ctx.in_quote(c.i) and
               doc[c.left_edge.i - 1].text != "," for c in doc[cue.verb].children):
            return None  # "“…,” he said the plan had failed": the cue reports a clause of its own
        speaker = speaker_head(ctx, cue)
        if speaker < 0:
            return None
        left, right = doc[speaker].left_edge.i, doc[speaker].right_edge.i
        while left <= close_tok and doc[left].is_punct:  # the parse hung the closing ”, on the name
            left += 1
        between = close_tok < left and right < cue.start
        # an inverted speaker ("“…,” said the senator", "“…” was written by Springsteen") follows a
        # cue that follows the quote: only punctuation, an adverb or an auxiliary between ("(think
        # Brexit)" further on credits no one); "according to" credits its whole sentence
        inverted = ("according" in cue.families or all(
            doc[k].is_punct or doc[k].is_space or doc[k].pos_ in {"ADV", "AUX"} for k in range(close_tok + 1, cue.start))) and (
            cue.end <= speaker <= cue.end + INVERTED_NEAR or (
                cue.end < speaker <= cue.end + INVERTED_FAR and
                all(doc[k].pos_ in {"PROPN", "NOUN", "DET", "ADJ", "NUM", "PUNCT"} for k in range(cue.end, speaker))))
        if not (between or inverted) or clause_joined(doc, close_tok + 1, cue.start):
            return None
        return Attribution(cue, speaker)
    return None


def opens_next(ctx: Context, cue: Cue) -> bool:
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


def trailing_words(ctx: Context, close_tok: int) -> Attribution | None:
    """``“…?” the 43-year-old asked``, ``“…,” a voice-over in the ad states``, read from the words
    when the parse goes astray: a noun phrase (with its apposition), then a reporting verb form."""
    doc = ctx.doc
    head = -1
    for j in range(close_tok + 1, min(len(doc), close_tok + WORDS_WINDOW)):
        token = doc[j]
        if ctx.in_quote(j) or "\n" in token.text or token.text in STOPS or token.is_quote:
            return None
        lemma = token.lemma_.lower()
        families = ctx.lexicon.families(lemma) & {"speech", "thought"}
        if head >= 0 and families and (token.tag_.startswith("VB") or j + 1 >= len(doc) or
                                       doc[j + 1].pos_ not in {"NOUN", "PROPN"}):
            if any(c.dep_ == "ccomp" and c.i > j for c in token.children) or \
                    clause_joined(doc, close_tok + 1, j):
                return None
            return Attribution(Cue(j, j + 1, lemma, families, j), head)
        # “…,” Tulsa police Chief Chuck Jordan said: a capitalised word the tagger read as a verb, where
        # the speaker's name should start, is taken for the name
        misread_name = head < 0 and token.is_title and not families and j + 1 < len(doc) and \
            doc[j + 1].pos_ in {"PROPN", "NOUN"}
        if token.pos_ in {"VERB", "AUX"} and token.tag_ not in {"VBN", "VBG"} and not misread_name:
            return None
        if head < 0 and (token.pos_ in {"PROPN", "NOUN"} or misread_name or token.lower_ in SPEAKING_SUBJECTS):
            head = j
            while head + 1 < len(doc) and doc[head + 1].pos_ in {"PROPN", "NOUN"} and \
                    not (ctx.lexicon.families(doc[head + 1].lemma_.lower()) & {"speech", "thought"}):
                head += 1
    return None


def lead_in(ctx: Context, open_tok: int) -> Attribution | None:
    """The cue before the opening mark at token ``open_tok``: a cue verb right before it (``also said,
    “…”``), a lead-in ending in a colon, comma or dash (``Putin points out: “…”``), a noun naming an
    utterance before "that" or a colon (``her remark that “…”``), a name before a colon (``Trump: “…”``)
    or a clause before a colon (``Trump issued the following statement: “…”``); None when there is none."""
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
    direct_cue = cue_at(prev_token, ctx.lexicon) if prev_token.text not in LEAD_PUNCT else None
    if prev_token.text not in LEAD_PUNCT and prev_token.lower_ != "that" and direct_cue is None:
        return None
    if direct_cue is not None:
        return Attribution(direct_cue, speaker_head(ctx, direct_cue))
    clause_or_colon = prev_token.lower_ == "that" or prev_token.text == ":"  # "her remark that “…”"
    for i in range(prev - 1, max(-1, prev - LEAD_WINDOW), -1):
        token = doc[i]
        if token.text in STOPS or "\n" in token.text or token.text in DOUBLE_CLOSE:
            break
        if ctx.in_quote(i) or (token.text == '"' and i != open_tok):
            break
        noun = noun_cue(ctx, token) if clause_or_colon else None
        if noun is not None:
            return noun
        cue = cue_at(token, ctx.lexicon)
        if cue is not None and cue.families & {"speech", "thought", "according"}:
            return Attribution(cue, speaker_head(ctx, cue))
        if i > 0 and token.lower_ == "to" and doc[i - 1].lower_ == "according":
            cue = cue_at(doc[i - 1], ctx.lexicon)
            if cue is not None:
                return Attribution(cue, speaker_head(ctx, cue))
    if prev_token.text == ":":
        return name_colon(ctx, prev) or clause_colon(ctx, prev, open_tok)
    return None


def clause_colon(ctx: Context, colon: int, open_tok: int) -> Attribution | None:
    """``Trump issued the following statement: “…”``: the clause before a colon, when its subject
    is a person, an organisation or a source noun (any noun when the quote opens on the colon's
    line), introduces the quote (its verb is the cue)."""
    doc = ctx.doc
    if colon < 1:
        return None
    verb = doc[colon].head
    for _ in range(COLON_NOUN_CLIMB):  # "delivered a blunt message to Trump:": from the noun up to its verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon or ctx.in_quote(verb.i):
        verb = doc[colon - 1].sent.root
    # the clause the colon ends, when the quote follows on the same line: any noun subject speaks
    # ("A footnote in the report makes that clear: “…”")
    own = "\n" not in doc[colon:open_tok].text
    subject = None
    for level in range(COLON_CLAUSE_CLIMB):  # from the verb the colon hangs on up to its main clause
        if verb.pos_ not in {"VERB", "AUX"} or verb.i > colon or ctx.in_quote(verb.i):
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and not ctx.in_quote(c.i)), None)
        if subject is not None and (subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or
                                    subject.lower_ in SPEAKING_SUBJECTS or
                                    subject.lemma_.lower() in ctx.lexicon.speaker_nouns or
                                    own and level == 0 and subject.pos_ in {"NOUN", "PROPN"}):
            break
        subject = None
        if verb.head.i == verb.i:
            break
        verb = verb.head
    if subject is None:
        return None
    lemma = verb.lemma_.lower()
    return Attribution(Cue(verb.i, verb.i + 1, lemma, ctx.lexicon.families(lemma) or frozenset({"speech"}), verb.i),
                       subject.i)


def name_colon(ctx: Context, colon: int) -> Attribution | None:
    """``Trump: “…”`` (headline style): a name ending right before the colon, starting its clause."""
    doc = ctx.doc
    for ent in ctx.ents:
        if ent.end == colon and ent.label_ in {"PERSON", "ORG", "GPE", "NORP"}:
            first = ent.start - 1
            while first >= 0 and doc[first].is_space and "\n" not in doc[first].text:
                first -= 1
            if first < 0 or "\n" in doc[first].text or doc[first].text in STOPS | {"\u2013", "\u2014"}:
                cue = Cue(colon, colon + 1, COLON, frozenset({"speech"}), ent.root.i)
                return Attribution(cue, ent.root.i)
    return None


def speaker_label(ctx: Context, quote: QuoteMarks) -> Attribution | None:
    """``“PENCE: Well, look, …”``: a quotation that opens with a transcript's speaker label: the label
    is the speaker, its colon the cue."""
    found = SPEAKER_LABEL.match(ctx.text, quote.start)
    if found is None:
        return None
    colon = ctx.token_at(found.end(1))
    head = ctx.token_at(found.end(1) - 1)
    name = ctx.doc[head]
    if ctx.doc[colon].text != ":" or name.idx < quote.start or not (name.pos_ == "PROPN" or name.ent_type_ == "PERSON"):
        return None  # "“BREAKING: …”" is no speaker
    return Attribution(Cue(colon, colon + 1, COLON, frozenset({"speech"}), head), head)


def ends_sentence(ctx: Context, cue: Cue) -> bool:
    """A trailing cue after a quote ending in a full stop counts when it ends its sentence."""
    doc = ctx.doc
    for i in range(cue.end, min(len(doc), cue.end + SENTENCE_END_REACH)):
        if doc[i].text in STOPS or "\n" in doc[i].text:
            return True
        if ctx.in_quote(i) or doc[i].text in DOUBLE_OPEN or doc[i].text == '"':
            return False
    return False


def clause_joined(doc: Doc, start: int, end: int) -> bool:
    """True when a conjunction joining clauses ("…,” but recalled") lies in ``start:end``."""
    return any(doc[k].dep_ == "cc" and doc[k].head.pos_ in {"VERB", "AUX"} and not start <= doc[k].head.i < end
               for k in range(start, end))
