"""Sourcing: who is quoted, directly or not, named or anonymous, with which reporting verb and
credential. The ``framing_sourcing`` component and its parts.

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
The word lists are in ``framing/lexicons/sourcing/`` and ``framing/lexicons/words/`` (see
:mod:`framing.sourcing.lexicon`); the cue class comes from the reporting-verb lexicon.

The component never changes the Doc except to set ``doc._.framing_quotes``. Without a dependency
parse (a blank pipeline) it still finds quotations and tells direct from scare quotes by their shape,
with no speaker or cue.

The parts, in the order the data passes through them:

- :mod:`~framing.sourcing.marks`: quotation marks in plain text (no spaCy);
- :mod:`~framing.sourcing.lexicon`: the word lists, read once;
- :mod:`~framing.sourcing.context`: what the rules look up in one document;
- :mod:`~framing.sourcing.cues`: cue words, and the ``Attribution`` record (cue, speaker, cue span);
- :mod:`~framing.sourcing.subjects`: the speaker of a cue;
- :mod:`~framing.sourcing.direct` and :mod:`~framing.sourcing.embedded`: the cue of a direct quotation;
- :mod:`~framing.sourcing.content`: reported speech and according-to phrases;
- :mod:`~framing.sourcing.speakers` and :mod:`~framing.sourcing.resolver`: the speaker's noun phrase,
  type and credential, and the actor it refers to;
- :mod:`~framing.sourcing.attribution`: the whole-document pass, to :class:`~framing.records.Quote`;
- :mod:`~framing.sourcing.component`: the spaCy component.
"""

from framing.sourcing.component import SourcingExtractor, find_quotes, make_sourcing
from framing.sourcing.marks import QuoteMarks, find_quotation_marks

__all__ = ["QuoteMarks", "SourcingExtractor", "find_quotation_marks", "find_quotes", "make_sourcing"]
