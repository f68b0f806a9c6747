"""The whole-document pass: from a parsed Doc to its numbered :class:`~framing.records.Quote` records.

1. Every quotation (:func:`~framing.sourcing.marks.find_quotation_marks`) becomes a draft: a scare
   quote after a label word ("so-called"), else a direct quote with the cue and speaker
   :func:`~framing.sourcing.direct.find_cue` finds, else a scare quote when it is short and inside a
   sentence, else a direct quote with no cue (yet).
2. Reported speech (:func:`~framing.sourcing.content.reported_speech`) adds drafts; those that overlap
   a quotation, or a wider attribution, are dropped.
3. Speakers are resolved in the order of their cues (:func:`~framing.sourcing.resolver.speaker_of`),
   so that a pronoun finds the speakers before it.
4. A direct quote with no cue inherits the speaker and the cue of the attribution before it, or,
   under a subheading, of the first one after it (``cue_inherited``; ``speaker_inherited`` too, except
   for the second half of a split quote and a quote that goes on from reported speech, whose speaker
   is that of their own cue).

Without a dependency parse only steps 1 (by shape) and 4 (with nothing to inherit) run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from framing.records import Quote
from framing.sourcing.content import reported_speech
from framing.sourcing.context import Context
from framing.sourcing.cues import COLON, Cue, cue_phrase
from framing.sourcing.direct import find_cue
from framing.sourcing.lexicon import SCARE_BEFORE, SourcingLexicon
from framing.sourcing.marks import QuoteMarks, after_close, is_heading, line_around
from framing.sourcing.resolver import NameResolver, speaker_of
from framing.sourcing.speakers import Speaker

#: Characters before an opening mark searched for a label word ("so-called", "the concept of"): the
#: longest label word and the spaces after it.
SCARE_WINDOW = 20
#: A quote with no cue of at most this many words, inside a sentence, is a scare quote ("a “politically
#: inconvenient” contrast"); a longer one is someone's words even when nobody is named.
SCARE_WORDS = 6
#: A quotation continues the words right before it (the first half of a split quote, or reported
#: speech) when at most this many characters, on one line, lie between: a cue and a few words of
#: context, not another sentence.
CONTINUATION_GAP = 80
#: Paragraphs after a quote that makes up a subheading within which the first attribution of its
#: section is looked for.
SUBHEAD_REACH = 2
#: Paragraphs back within which a quote with no cue inherits the speaker before it (the same paragraph
#: or the one before).
INHERIT_REACH = 1


@dataclass
class Draft:
    """A quotation or attribution while it is being built."""

    kind: str  # "direct" | "scare" | "indirect" | "according_to"
    start: int
    end: int
    cue: Cue | None = None
    speaker_head: int = -1
    speaker: Speaker | None = None
    inherited: bool = False
    cue_inherited: bool = False
    marks: QuoteMarks | None = None
    heading: str = ""  # "headline" | "subhead" | ""
    cue_span: tuple[int, int] | None = None


def attribute(doc: Doc, lexicon: SourcingLexicon, aliases: dict[str, str]) -> list[Quote]:
    """The quotes of ``doc``, sorted by start_char and numbered from 1 (the Doc is not changed)."""
    if not len(doc):
        return []
    parsed = doc.has_annotation("DEP")
    ctx = Context.of(doc, lexicon)
    drafts = [quotation(ctx, quote, parsed) for quote in ctx.marks]
    if parsed:
        drafts.extend(Draft(r.kind, r.start, r.end, r.attribution.cue, r.attribution.speaker)
                      for r in reported_speech(ctx))
    drafts = no_overlaps(drafts)
    if parsed:
        resolve_speakers(ctx, drafts, aliases)
    inherit(ctx, drafts)
    return [record(ctx, i + 1, draft) for i, draft in enumerate(drafts)]


def quotation(ctx: Context, quote: QuoteMarks, parsed: bool) -> Draft:
    """The draft of one quotation: direct (with its cue and speaker when found) or scare."""
    text = ctx.text
    draft = Draft("direct", quote.start, quote.end, marks=quote)
    line_start, line_end = line_around(text, quote.open)
    line = text[line_start:line_end].strip()
    before = text[line_start:quote.open].strip()
    after = text[after_close(quote):line_end].strip()
    heading = is_heading(line, line_start == 0)
    if heading and not before:
        draft.heading = "headline" if line_start == 0 else "subhead"
    lowered = text[max(0, quote.open - SCARE_WINDOW):quote.open].lower().rstrip()
    if lowered.endswith(SCARE_BEFORE):
        draft.kind = "scare"
        return draft
    if parsed:
        found = find_cue(ctx, quote)
        if found is not None:
            draft.cue, draft.speaker_head, draft.cue_span = found
            colon = ctx.doc[draft.cue.start]
            if draft.cue.lemma == COLON and quote.start <= colon.idx < quote.end:
                # “PENCE: Well, look, …”: the transcript's label is the speaker, not the words quoted
                start = colon.idx + 1
                while start < quote.end and text[start].isspace():
                    start += 1
                draft.start = start
            return draft
    if draft.heading:
        return draft
    words = len(re.findall(r"\w+", text[quote.start:quote.end]))
    starts_sentence = not before or before[-1] in ".!?:;\u2014\u2013-" or \
        (parsed and ctx.starts_sentence(quote.open))
    sentence_like = text[quote.start:quote.end].rstrip()[-1:] in {".", "!", "?", ","} and words > 1
    if words <= SCARE_WORDS and not (starts_sentence and (sentence_like or not after)):
        draft.kind = "scare"
    return draft


def no_overlaps(drafts: list[Draft]) -> list[Draft]:
    """Quotations first, then the widest attributions; nothing kept overlaps anything kept before."""
    ranked = sorted(drafts, key=lambda d: (d.kind not in {"direct", "scare"}, -(d.end - d.start), d.start))
    kept: list[Draft] = []
    spans: list[tuple[int, int]] = []
    for draft in ranked:
        if any(draft.start < e and s < draft.end for s, e in spans):
            continue
        kept.append(draft)
        spans.append((draft.start, draft.end))
    kept.sort(key=lambda d: d.start)
    return kept


def resolve_speakers(ctx: Context, drafts: list[Draft], aliases: dict[str, str]) -> None:
    """Set the speaker of each draft with a cue, in the order of the cues (so that a pronoun refers to
    the speakers before it); a speaker word that cannot speak ("there") leaves the draft without."""
    doc = ctx.doc
    names = NameResolver(doc, ctx.lexicon, aliases, ctx.in_quote, ctx.ents, text=ctx.text)
    order = sorted(range(len(drafts)), key=lambda k: (drafts[k].cue.start if drafts[k].cue else
                                                      ctx.token_at(drafts[k].start)))
    for k in order:
        draft = drafts[k]
        if draft.speaker_head < 0 or draft.cue is None:
            continue
        speaker = speaker_of(doc[draft.speaker_head], names, cue_family=draft.cue.families)
        if speaker is None:
            draft.speaker_head = -1
            continue
        draft.speaker = speaker
        names.remember(draft.speaker_head, speaker)


def inherit(ctx: Context, drafts: list[Draft]) -> None:
    """Give each direct quote with no cue the speaker of the attribution before it (the same or the
    previous paragraph), or, for a subheading, of the first attribution of its section; the headline
    keeps none. A split quote's second half and a quote going on from reported speech take the cue."""
    paragraph = ctx.paragraph_of
    for k, draft in enumerate(drafts):
        if draft.kind != "direct" or draft.cue is not None or draft.speaker is not None:
            continue
        if draft.heading == "headline":
            continue
        if draft.heading == "subhead":
            here = paragraph(draft.start)
            source = next((d for d in drafts[k + 1:] if d.speaker is not None and d.kind != "scare"
                           and paragraph(d.start) <= here + SUBHEAD_REACH
                           and not ctx.heading_between(draft.end, d.start)), None)
        else:
            here = paragraph(draft.start)
            source = next((d for d in reversed(drafts[:k]) if d.kind != "scare" and d.speaker is not None
                           and here - paragraph(d.start) <= INHERIT_REACH
                           and not ctx.heading_between(d.end, draft.start)), None)
        if source is None or source.speaker is None:
            continue
        draft.speaker = source.speaker
        draft.inherited = True
        credit = source if source.kind == "direct" or draft.heading else _quoted_credit(ctx, drafts[:k], draft, source)
        draft.cue, draft.cue_span, draft.cue_inherited = credit.cue, credit.cue_span, credit.cue is not None
        if source.kind == "direct" and source.cue is not None and source.marks is not None and \
                draft.marks is not None and not draft.heading:
            # "“…,” she said. “…”": the second half of a split quote shares the cue
            gap = ctx.text[source.marks.close + source.marks.close_size:draft.marks.open] \
                if source.marks.close >= 0 else "\n"
            cue_start = ctx.doc[source.cue.start].idx
            if "\n" not in gap and len(gap) <= CONTINUATION_GAP and \
                    source.marks.close < cue_start < draft.marks.open:
                draft.inherited = False
        elif source.kind == "indirect" and source.cue is not None and draft.marks is not None and \
                not draft.heading and paragraph(source.start) == here and \
                introduces(ctx, drafts, source, draft):
            # "She says people should be free to choose. “It is their life.”": the quote goes on
            # from the reported speech before it, with its cue
            draft.inherited = False


def _quoted_credit(ctx: Context, before: list[Draft], draft: Draft, source: Draft) -> Draft:
    """The draft whose cue credits a quote that inherits its speaker from reported speech: the last
    direct quote of the same speaker within reach ("“It was a long night,” she said, referring to the
    vote. “We won.”": "said", not "referring to"), else the reported speech itself."""
    here = ctx.paragraph_of(draft.start)
    resolved = source.speaker.resolved if source.speaker is not None else ""
    return next((d for d in reversed(before) if d.kind == "direct" and d.cue is not None and d.speaker is not None
                 and d.speaker.resolved == resolved and here - ctx.paragraph_of(d.start) <= INHERIT_REACH
                 and not ctx.heading_between(d.end, draft.start)), source)


def introduces(ctx: Context, drafts: list[Draft], source: Draft, draft: Draft) -> bool:
    """True when the quotation ``draft`` follows the reported speech ``source`` closely (the same
    line, nothing found between, at most :data:`CONTINUATION_GAP` characters apart) and the cue of
    ``source`` is the finite main verb of its sentence (not "…, referring to X", which belongs to a
    quote before)."""
    doc = ctx.doc
    verb = doc[source.cue.verb]
    if verb.dep_ != "ROOT" or verb.tag_ in {"VBG", "VBN"}:
        return False
    last = doc[source.cue.end - 1]
    end = max(source.end, last.idx + len(last))
    gap = ctx.text[end:draft.marks.open]
    return "\n" not in gap and len(gap) <= CONTINUATION_GAP and \
        not any(d is not draft and d is not source and end <= d.start < draft.marks.open for d in drafts)


def record(ctx: Context, quote_id: int, draft: Draft) -> Quote:
    """The :class:`~framing.records.Quote` of a finished draft, its cue widened to a classified phrase."""
    doc, text = ctx.doc, ctx.text
    fields: dict = {}
    if draft.speaker is not None:
        s = draft.speaker
        fields.update(speaker=s.text, speaker_start_char=s.start_char, speaker_end_char=s.end_char,
                      speaker_resolved=s.resolved, speaker_type=s.type, speaker_descriptor=s.descriptor,
                      speaker_inherited=draft.inherited)
    if draft.cue is not None:
        start, end, lemma = cue_phrase(doc, draft.cue, ctx.lexicon)
        span = doc[start:end]
        first, last = draft.cue_span or (span.start_char, span.end_char)  # a dash inside a token: its characters
        fields.update(cue=text[first:last], cue_lemma=lemma, cue_start_char=first, cue_end_char=last,
                      cue_class=ctx.lexicon.cue_class(lemma), cue_inherited=draft.cue_inherited)
    return Quote(quote_id=quote_id, kind=draft.kind, start_char=draft.start, end_char=draft.end,
                 text=text[draft.start:draft.end], **fields)
