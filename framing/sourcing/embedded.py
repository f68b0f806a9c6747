"""A quotation inside a clause: the cue its words depend on.

- the reporting verb the quoted words hang on (``interpreted by experts as a “clear threat”``: cue
  "interpret", speaker "experts"), skipping a cue whose subject holds the words (``the “Avatar” star
  posted``);
- a noun that names an utterance, with a possessor or a ``by`` agent (``her remark that “…”``: cue
  "remark", speaker "her");
- a "like/as X claims" clause next to the words (``“problematic” or “treasonous” like Kiev claims``);
- the verb of saying whose reported clause holds the cue found (``critics say he had proposed to
  “…”``: cue "say", speaker "critics").
"""

from __future__ import annotations

from spacy.tokens import Token

from framing.sourcing.context import Context
from framing.sourcing.cues import Attribution, Cue, cue_at
from framing.sourcing.lexicon import COMPARISONS, COORDINATORS, NEEDS_IT, SPEECH_NOUNS
from framing.sourcing.subjects import speaker_head

#: Dependency labels of a cue's subject: quoted words inside it are not what the cue reports.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "npadvmod", "expl"})
#: Steps climbed from the quoted words to the cue they depend on: deep enough for a quote in a clause
#: in a clause of a sentence that runs long ("said allies wanted to know if the U.S. is “still in the
#: game”"); past that the root of the sentence is reached anyway.
EMBEDDED_CLIMB = 12
#: Reported clauses climbed from a cue to an outer verb of saying ("X said Y thinks Z called it “…”").
OUTER_CLIMB = 4
#: Tokens after a closing mark searched for "like" or "as": room for more quoted words joined by "or"
#: and "and" (“problematic” or “treasonous” like Kiev claims).
LIKE_REACH = 14
#: The verb of a like/as clause comes before this many tokens after "like": a subject of up to four
#: words between them ("as the foreign minister put it").
LIKE_VERB_REACH = 6


def embedded(ctx: Context, q_start: int, q_end: int) -> Attribution | None:
    """The cue the quoted words depend on, or a "like/as X claims" clause next to them.

    Climbing from the quoted words (tokens ``q_start:q_end``), a cue is skipped when the words sit in
    its subject ("the “Avatar” star posted"); when a thought or evidence verb is met first and a verb
    of saying governs it ("said allies wanted to know if the U.S. is “still in the game”"), the verb of
    saying is the cue. An "according to X" phrase on the clause credits the words when no verb does.
    """
    doc = ctx.doc
    inside = range(q_start, q_end)
    root = next((t for t in doc[q_start:q_end] if t.head.i not in inside or t.head.i == t.i), None)
    if root is None:
        return None
    met: list[tuple[Attribution, bool]] = []  # the cues climbed past, each with "is it weak"
    according = None
    node = root
    for _ in range(EMBEDDED_CLIMB):
        for child in node.children:
            if child.i in inside:
                continue
            if child.lower_ == "according" and child.dep_ == "prep" and according is None:
                according = cue_at(child, ctx.lexicon)  # "According to X, he is now “the worst …”"
            if child.dep_ == "parataxis" or (child.dep_ == "advcl" and
                    any(m.lower_ in COMPARISONS for m in child.children if m.dep_ in {"mark", "advmod"})):
                cue = cue_at(child, ctx.lexicon)
                if cue is not None and cue.families & {"speech", "thought"}:
                    return Attribution(cue, speaker_head(ctx, cue))
        head = node.head
        if head.i == node.i or ctx.in_quote(head.i) and head.i not in inside:
            break
        if head.i not in inside:
            if node.dep_ in SUBJECT_DEPS:
                if met:
                    break
                node = head
                continue
            if node.dep_ in {"acl", "ccomp", "appos"}:
                noun = noun_cue(ctx, head)
                if noun is not None and not met:
                    return noun
            cue = cue_at(head, ctx.lexicon)
            if cue is not None and cue.families & {"speech", "thought", "according", "evidence"}:
                speaker = speaker_head(ctx, cue)
                weak = not cue.families & {"speech", "according"}
                if not ("evidence" in cue.families and weak and (speaker < 0 or doc[speaker].pos_ == "PRON")):
                    met.append((Attribution(cue, speaker), weak))
                if not weak:
                    break
        node = head
    if not met:
        if according is not None:
            return Attribution(according, speaker_head(ctx, according))
        return None
    first, first_weak = met[0]
    outer = next((found for found, weak in met[1:] if not weak and found.speaker >= 0), None)
    return outer if first_weak and outer is not None else first


def like_clause(ctx: Context, close_tok: int) -> Attribution | None:
    """``“problematic” or “treasonous” like Kiev claims`` / ``as he put it``: the cue after the quote."""
    doc = ctx.doc
    i = close_tok + 1
    limit = min(len(doc), close_tok + LIKE_REACH)
    while i < limit and (ctx.in_quote(i) or doc[i].lower_ in COORDINATORS or doc[i].text == "," or
                         doc[i].is_quote):
        i += 1
    if i >= limit or doc[i].lower_ not in COMPARISONS:
        return None
    for j in range(i + 2, min(len(doc), i + LIKE_VERB_REACH)):
        word = doc[j]
        if word.is_punct or ctx.in_quote(j):
            return None
        lemma = word.lemma_.lower()
        families = ctx.lexicon.families(lemma) & {"speech", "thought"}
        if families and all(t.pos_ in {"PROPN", "NOUN", "PRON", "DET", "ADJ", "PART"} for t in doc[i + 1:j]):
            if lemma in NEEDS_IT and not (j + 1 < len(doc) and doc[j + 1].lower_ == "it"):
                return None
            return Attribution(Cue(j, j + 1, lemma, families, j), j - 1)
    return None


def outer_saying(ctx: Context, found: Attribution) -> Attribution:
    """``found``, or the verb of saying whose reported clause holds its cue: in "critics say he had
    proposed to “…”" or "Clinton said she opposes “…”" the quoted words come to the reader through the
    outer speaker, who is credited with them. Only reported clauses (``ccomp``) are climbed, through
    verbs that are not of saying ("X said Y thinks Z called it “…”"); the outer verb needs a speaker of
    its own."""
    doc = ctx.doc
    node = doc[found.cue.verb]
    for _ in range(OUTER_CLIMB):
        if node.dep_ != "ccomp" or node.head.i == node.i or ctx.in_quote(node.head.i):
            break
        node = node.head
        cue = cue_at(node, ctx.lexicon)
        if cue is not None and "speech" in cue.families:
            speaker = speaker_head(ctx, cue)
            if speaker >= 0:
                return Attribution(cue, speaker)
    return found


def noun_cue(ctx: Context, token: Token) -> Attribution | None:
    """The attribution of a noun naming an utterance ("her remark", "Clinton's statement",
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
    return Attribution(Cue(token.i, token.i + 1, lemma, frozenset({"speech"}), token.i), speaker)
