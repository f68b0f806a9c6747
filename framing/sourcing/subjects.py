"""The speaker of a cue: the token that heads the noun phrase of whoever said, wrote or thought it.

- the subject of the cue verb, climbing through coordinated verbs, participles, adverbs and relative
  clauses to the verb that has one ("Putin would promptly hit back": Putin; "Tokayev, who told a forum":
  Tokayev);
- the ``by`` agent of a passive ("interpreted by experts": experts);
- the object of "according to";
- a subject after the verb, in a trailing cue (“…,” said Robert Reich);
- when the parse leaves the verb without a subject, the words right before it (a noun whose relative
  clause ends there, a name set off by commas, a name the tagger took for another word).

Each function returns a token index, -1 when there is no speaker.
"""

from __future__ import annotations

from spacy.tokens import Token

from framing.sourcing.context import Context
from framing.sourcing.cues import ACCORDING_TO, COLON, DASH, STOPS, Cue, cue_at
from framing.sourcing.lexicon import RELATIVE_OPENERS, RELATIVE_PRONOUNS, THIRD_PERSON_SUBJECTS, SourcingLexicon

#: Dependency labels climbed from a cue with no subject to the verb that has one.
CLIMB = frozenset({"conj", "advcl", "pcomp", "prep", "acomp", "xcomp"})
#: Steps climbed from a cue to a verb with a subject: a conjunct of a participle of an adverbial clause
#: is as far as a speaker's verb hangs from a cue in practice; further up lies another clause's subject.
SUBJECT_CLIMB = 5
#: Steps climbed from a reported clause to the verb of saying that governs it ("said X humiliated Y and
#: said Z"): enough for a clause within a clause within the report.
GOVERNOR_CLIMB = 6
#: Tokens searched back from a cue for the comma that opens a parenthetical after a name ("Mr. Trump,
#: asked about the deaths of journalists under Mr. Putin, had said"): a long parenthetical, not a second
#: sentence.
PARENTHETICAL_REACH = 30
#: Tokens after a trailing cue searched for its inverted subject ("said retired neurosurgeon Ben
#: Carson"): a title, a first name and a family name fit with room to spare.
INVERTED_REACH = 10


def speaker_head(ctx: Context, cue: Cue) -> int:
    """The token heading the speaker of ``cue`` (-1 when none)."""
    doc = ctx.doc
    if cue.lemma == ACCORDING_TO:
        to = doc[cue.start + 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None and cue.start + 2 < len(doc) and doc[cue.start + 2].pos_ in {"PROPN", "NOUN", "PRON"}:
            obj = doc[cue.start + 2]
        return obj.i if obj is not None and not ctx.in_quote(obj.i) else -1
    if cue.lemma in {COLON, DASH}:
        return cue.verb
    verb = doc[cue.verb]
    inverted = inverted_subject(ctx, cue)
    for _ in range(SUBJECT_CLIMB):
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
            # "…, Tim Cook, called ''…''": a name set off by a comma right before the verb, which the
            # parse hung the verb on, is its subject (not the clause the name sits in)
            if noun.pos_ == "PROPN" and verb.i == cue.verb and noun.i + 2 == verb.i and \
                    doc[noun.i + 1].text == "," and not ctx.in_quote(noun.i):
                return noun.i
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
            if verb.dep_ == "conj" and cue_at(verb.head, ctx.lexicon) is None:
                # "said X humiliated Y and said Z": the second "said" hangs on the reported verb
                governor = governing_cue(verb.head, ctx.lexicon)
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
    return subject_before(ctx, cue)


def inverted_subject(ctx: Context, cue: Cue) -> int:
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
    for i in range(cue.end, min(len(doc), cue.end + INVERTED_REACH)):
        token = doc[i]
        if token.pos_ in {"PROPN", "NOUN"} or (token.pos_ == "PRON" and token.lower_ in THIRD_PERSON_SUBJECTS):
            head = i
        elif mistagged_name(token):
            head = i  # “…,” said Skelly
        elif (token.pos_ in {"DET", "ADJ", "NUM"} or token.dep_ == "amod") and head < 0 or token.tag_ == "POS":
            continue
        else:
            break
    return head


def subject_before(ctx: Context, cue: Cue) -> int:
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
    if k > 0 and mistagged_name(doc[k]) and not doc[k].is_sent_start and not ctx.in_quote(k):
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
    for j in range(k - 1, max(-1, k - PARENTHETICAL_REACH), -1):
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


def governing_cue(token: Token, lexicon: SourcingLexicon) -> Token | None:
    """The cue verb whose reported clause contains ``token`` (None when there is none)."""
    node = token
    for _ in range(GOVERNOR_CLIMB):
        if node.head.i == node.i:
            return None
        dep = node.dep_
        node = node.head
        if dep == "ccomp" and cue_at(node, lexicon) is not None:
            return node
    return None


def mistagged_name(token: Token) -> bool:
    """A capitalised word the tagger took for an adverb, adjective or verb, where a name stands next to a
    cue ("said Skelly", "Early described it")."""
    return token.text[:1].isupper() and token.is_alpha and not token.is_stop and \
        token.pos_ in {"ADV", "ADJ", "VERB", "X", "INTJ"}
