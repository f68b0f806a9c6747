"""Which passages of two articles on one event report the same thing, and how.

For every pair of articles of an event that come from different outlets, three routes find pairs of
passages; each pair gets a ``kind`` and a ``score`` (a cosine similarity, see
:mod:`framing.alignment.similarity`):

1. **Quotation pairs.** Two attributed quotations (direct, indirect or "according to") whose resolved
   speaker is the same and whose words overlap (score at least :data:`QUOTE_MIN`):

   - ``same_quote``: both direct. Krone's ``“We are not threatening anything”`` and another
     outlet's ``“We threaten nobody,” Putin said``: two translations of one remark;
   - ``quote_paraphrase``: one direct, the other reported speech. Krone quotes Putin: ``“What is the
     Soviet Union? This is historical Russia.”``; OneWorld: ``President Putin spoke the truth when
     saying that the Soviet Union corresponded with Russia's historical territory``;
   - ``same_fact``: both reported speech. Krone: ``Tokayev ... told an economic forum ... that he does
     not recognize two pro-Russian rebel areas in the Donbass``; OneWorld: ``President Tokayev said
     that his government doesn't recognize the independence of the Donbass Republics``.

   The same words credited to two different speakers are never a quotation pair.

2. **A quotation and its paraphrase in a passage that names the speaker.** A direct quotation in one
   article, and in the other a passage (an attributed quotation credited to someone else, or a
   sentence) that names the same speaker and carries the same words: ``quote_paraphrase``. OneWorld's
   ``unnamed observers ... interpreted President Putin's quip about the Soviet Union being historic
   Russia as a threat`` paraphrases the remark Krone quotes, inside what the observers said.

3. **Sentence pairs.** Two sentences whose similarity reaches :data:`RELATED_MIN` and whose content
   words (without actors and numbers) reach :data:`CONTENT_MIN`: ``same_fact`` from
   :data:`SAME_FACT_MIN` on, ``related`` below. Two sentences that quote different speakers and no one
   in common are at most ``related``; a sentence pair already joined by a quotation pair is not
   repeated.

Every route asks for shared content words as well as a high score, so that two passages that share
only their names ("Putin met Tokayev", "Putin criticised Tokayev") never align.

The rows are those of the ``alignments`` table: ``event, doc_a, sent_a, doc_b, sent_b, kind, score,
quote_a, quote_b`` (``doc_a < doc_b``; ``sent_*`` is the sentence where a quotation starts;
``quote_*`` is empty for sentence pairs). Work grows with the sentence pairs of the event's article
pairs (:attr:`Work.comparisons`), never with the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from framing.alignment.similarity import DEFAULT, Measure, Space, actor_key, cosine, features, masked, stems
from framing.records import ATTRIBUTED_KINDS

#: The kinds of an aligned pair, strongest first.
KINDS = ("same_quote", "quote_paraphrase", "same_fact", "related")
#: Kinds that say both passages report the same thing (``related`` only shares a topic).
SAME_KINDS = KINDS[:3]
#: Scores (cosine, 0 to 1) from which passages align; chosen on the written test pairs and the seed
#: pair (``benchmarks/alignment.py``, see ``benchmarks/README.md``).
#: Two quotations of the same speaker: their words overlap this much.
QUOTE_MIN = 0.2
#: A direct quotation and a passage naming its speaker that paraphrases it.
PARAPHRASE_MIN = 0.3
#: Two sentences report the same fact ...
SAME_FACT_MIN = 0.25
#: ... or are related (share a topic).
RELATED_MIN = 0.15
#: Every pair also shares this much in content words alone (no actors, no numbers).
CONTENT_MIN = 0.1
#: Passages that are not quotations of one speaker share at least this many content words (cut to
#: their stems, see :func:`framing.alignment.similarity.stems`): one word in common is a topic, not a fact.
MIN_SHARED_WORDS = 2
#: Quotations shorter than this many characters (a one-word scare quote) are not compared.
MIN_QUOTE_CHARS = 12


@dataclass
class Work:
    """What an alignment run compared: article pairs, sentence pairs and quotation pairs."""

    article_pairs: int = 0
    comparisons: int = 0
    quote_comparisons: int = 0

    def add(self, other: Work) -> None:
        self.article_pairs += other.article_pairs
        self.comparisons += other.comparisons
        self.quote_comparisons += other.quote_comparisons


def speaker_key(row: Mapping[str, object]) -> str:
    """The speaker a quotation is credited to, for comparing across articles: the resolved name,
    lower-cased (empty when there is none)."""
    return actor_key(str(row.get("speaker_resolved") or row.get("speaker") or "").strip())


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker keys name one person: equal, or the shorter is part of the longer with the
    same last word ("putin" and "vladimir putin"; not "putin" and "lavrov")."""
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a.split(), b.split()), key=len)
    return short[-1] == long[-1] and set(short) <= set(long)


@dataclass
class _Passages:
    """One article's passages: its sentences and attributed quotations, their vectors (full and
    content only), stems, speakers and named actors."""

    doc_id: str
    sent_ids: list[int]
    sent_rows: list[int]
    sent_stems: list[frozenset[str]]
    named: list[frozenset[str]]
    sent_speakers: list[set[str]]
    quote_ids: list[int]
    quote_rows: list[int]
    quote_kinds: list[str]
    quote_speakers: list[str]
    quote_spans: list[list[int]]
    quote_stems: list[frozenset[str]]
    quote_named: list[frozenset[str]]


def _spans(mentions: pd.DataFrame, quotes: pd.DataFrame) -> list[tuple[int, int]]:
    """Character spans that are not content words: names and reporting cues."""
    spans = list(zip(mentions["start_char"].astype(int), mentions["end_char"].astype(int)))
    cues = quotes[quotes["cue_start_char"].astype(int) >= 0] if "cue_start_char" in quotes.columns else quotes.iloc[:0]
    spans += list(zip(cues["cue_start_char"].astype(int), cues["cue_end_char"].astype(int)))
    return sorted(spans)


def _actor(mentions: pd.DataFrame) -> pd.Series:
    actor = mentions["actor"].astype(str).str.strip()
    return actor.where(actor != "", mentions["text"].astype(str).str.strip())


def _inside(spans: list[tuple[int, int, str]], start: int, end: int) -> list[str]:
    return [name for s, e, name in spans if s >= start and e <= end]


@dataclass
class _Vectors:
    """The TF-IDF rows of an event's sentences and quotations, full and content only."""

    sentences: object
    sentences_content: object
    quotes: object
    quotes_content: object


def _build(docs: list[str], sentences: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame,
           measure: Measure) -> tuple[dict[str, _Passages], _Vectors]:
    """The passages of each article of an event and their vectors (one IDF over the event's sentences)."""
    content_measure = measure.content
    full: list = []      # features of every passage (sentences, then quotations), for one IDF
    content: list = []
    n_sentences = 0
    passages: dict[str, _Passages] = {}
    quote_feats: list = []
    quote_content: list = []
    by_doc = {name: dict(tuple(t.groupby(t["doc_id"].astype(str), sort=False))) for name, t in
              (("sentences", sentences), ("quotes", quotes), ("mentions", mentions))}
    empty = {"sentences": sentences.iloc[:0], "quotes": quotes.iloc[:0], "mentions": mentions.iloc[:0]}
    for doc in docs:
        sents = by_doc["sentences"].get(doc, empty["sentences"]).sort_values("sent_id")
        quoted = by_doc["quotes"].get(doc, empty["quotes"])
        named = by_doc["mentions"].get(doc, empty["mentions"])
        blank = _spans(named, quoted)
        actors = sorted(zip(named["start_char"].astype(int), named["end_char"].astype(int), _actor(named)))
        attributed = quoted[quoted["kind"].isin(ATTRIBUTED_KINDS)
                            & (quoted["text"].astype(str).str.len() >= MIN_QUOTE_CHARS)].sort_values("quote_id")
        starts, ends = sents["start_char"].to_numpy(), sents["end_char"].to_numpy()
        ids = sents["sent_id"].to_numpy()
        p = _Passages(doc, ids.astype(int).tolist(), [], [], [], [set() for _ in ids], [], [], [], [], [], [], [])
        for text, start, end in sents[["text", "start_char", "end_char"]].itertuples(index=False):
            plain = masked(str(text), int(start), [b for b in blank if b[0] < end and b[1] > start])
            names = _inside(actors, int(start), int(end))
            full.append(features(plain, names, measure))
            content.append(features(plain, (), content_measure))
            p.sent_rows.append(n_sentences)
            p.sent_stems.append(stems(plain))
            p.named.append(frozenset(actor_key(n) for n in names))
            n_sentences += 1
        for row in attributed.to_dict("records"):
            start, end = int(row["start_char"]), int(row["end_char"])
            plain = masked(str(row["text"]), start, [b for b in blank if b[0] < end and b[1] > start])
            names = _inside(actors, start, end)
            hit = ((starts < end) & (ends > start))
            covered = ids[hit].astype(int).tolist() or [int(row["sent_id"])]
            key = speaker_key(row)
            p.quote_ids.append(int(row["quote_id"]))
            p.quote_rows.append(len(quote_feats))
            p.quote_kinds.append(str(row["kind"]))
            p.quote_speakers.append(key)
            p.quote_spans.append(covered)
            p.quote_stems.append(stems(plain))
            p.quote_named.append(frozenset(actor_key(n) for n in names))
            quote_feats.append(features(plain, names, measure))
            quote_content.append(features(plain, (), content_measure))
            if key:
                for s in covered:
                    if s in p.sent_ids:
                        p.sent_speakers[p.sent_ids.index(s)].add(key)
        passages[doc] = p
    space = Space.fit(full, measure)
    content_space = Space.fit(content, content_measure)
    vectors = _Vectors(space.vectors(full), content_space.vectors(content), space.vectors(quote_feats),
                       content_space.vectors(quote_content))
    space = Space.fit(full, measure)
    content_space = Space.fit(content, content_measure)
    vectors = _Vectors(space.vectors(full), content_space.vectors(content), space.vectors(quote_feats),
                       content_space.vectors(quote_content))
    return passages, vectors


def sentence_scores(articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame, mentions: pd.DataFrame,
                    *, measure: Measure = DEFAULT) -> pd.DataFrame:
    """Every sentence pair of two articles of different outlets of one event, with its ``score`` (the
    measure), ``content`` (content words only) and ``shares`` (:func:`shares_content`): what route 3
    decides on (for benchmarks and for looking into a pair that did or did not align)."""
    docs = sorted(articles["doc_id"].astype(str).unique())
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"].fillna("").astype(str)))
    passages, v = _build(docs, sentences, quotes, mentions, measure)
    frames = []
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1:]:
            a, b = passages[doc_a], passages[doc_b]
            if outlets.get(doc_a) == outlets.get(doc_b) or not a.sent_rows or not b.sent_rows:
                continue
            score = cosine(v.sentences[a.sent_rows], v.sentences[b.sent_rows])
            content = cosine(v.sentences_content[a.sent_rows], v.sentences_content[b.sent_rows])
            x, y = np.meshgrid(np.arange(len(a.sent_ids)), np.arange(len(b.sent_ids)), indexing="ij")
            x, y = x.ravel(), y.ravel()
            frames.append(pd.DataFrame({
                "doc_a": doc_a, "sent_a": np.asarray(a.sent_ids)[x], "doc_b": doc_b, "sent_b": np.asarray(b.sent_ids)[y],
                "score": score.ravel(), "content": content.ravel(),
                "shares": [shares_content(a.sent_stems[i], b.sent_stems[j], a.named[i], b.named[j]) for i, j in zip(x, y)]}))
    columns = ["doc_a", "sent_a", "doc_b", "sent_b", "score", "content", "shares"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def align_event(event: str, articles: pd.DataFrame, sentences: pd.DataFrame, quotes: pd.DataFrame,
                mentions: pd.DataFrame, *, measure: Measure = DEFAULT, work: Work | None = None
                ) -> list[dict[str, object]]:
    """The ``alignments`` rows of one event (its articles and their rows of the other tables).

    Articles are compared in pairs from different outlets (``outlet`` column; articles of one outlet
    are not compared with each other). Returns rows sorted by ``doc_a, doc_b, sent_a, sent_b,
    quote_a, quote_b``; adds what was compared to ``work`` when given.
    """
    work = work if work is not None else Work()
    docs = sorted(articles["doc_id"].astype(str).unique())
    if len(docs) < 2:
        return []
    outlets = dict(zip(articles["doc_id"].astype(str), articles["outlet"].fillna("").astype(str)))
    passages, vectors = _build(docs, sentences, quotes, mentions, measure)
    rows: list[dict[str, object]] = []
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1:]:
            if outlets.get(doc_a) == outlets.get(doc_b):
                continue
            work.article_pairs += 1
            rows.extend(_align_pair(event, passages[doc_a], passages[doc_b], vectors, work))
    return sorted(rows, key=lambda r: (r["doc_a"], r["doc_b"], r["sent_a"], r["sent_b"],
                                       -1 if r["quote_a"] is None else r["quote_a"],
                                       -1 if r["quote_b"] is None else r["quote_b"]))


def _quote_kind(kind_a: str, kind_b: str) -> str:
    direct = (kind_a == "direct") + (kind_b == "direct")
    return ("same_fact", "quote_paraphrase", "same_quote")[direct]


def _row(event: str, doc_a: str, sent_a: int, doc_b: str, sent_b: int, kind: str, score: float,
         quote_a: int | None = None, quote_b: int | None = None) -> dict[str, object]:
    return {"event": event, "doc_a": doc_a, "sent_a": int(sent_a), "doc_b": doc_b, "sent_b": int(sent_b),
            "kind": kind, "score": round(float(score), 6), "quote_a": quote_a, "quote_b": quote_b}


def shares_content(stems_a: frozenset[str], stems_b: frozenset[str], actors_a: frozenset[str],
                   actors_b: frozenset[str], ignore: str = "") -> bool:
    """Whether two passages share enough to report one thing: a content word, and with the actors they
    both name (other than ``ignore``, the speaker whose words are compared) :data:`MIN_SHARED_WORDS`
    in all. Names alone never do."""
    words = len(stems_a & stems_b)
    actors = {x for x in actors_a & actors_b if not (ignore and same_speaker(ignore, x))}
    return words >= 1 and words + len(actors) >= MIN_SHARED_WORDS


def _names(named: frozenset[str], speaker: str) -> bool:
    return any(same_speaker(speaker, name) for name in named)


def _align_pair(event: str, a: _Passages, b: _Passages, v: _Vectors, work: Work) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    covered: set[tuple[int, int]] = set()
    paired: set[tuple[int, int]] = set()
    if a.quote_rows and b.quote_rows:  # route 1: two quotations of the same speaker
        score = cosine(v.quotes[a.quote_rows], v.quotes[b.quote_rows])
        content = cosine(v.quotes_content[a.quote_rows], v.quotes_content[b.quote_rows])
        work.quote_comparisons += len(a.quote_rows) * len(b.quote_rows)
        for i, j in zip(*np.nonzero((score >= QUOTE_MIN) & (content >= CONTENT_MIN))):
            if not same_speaker(a.quote_speakers[i], b.quote_speakers[j]):
                continue
            sa, sb = a.quote_spans[i], b.quote_spans[j]
            rows.append(_row(event, a.doc_id, sa[0], b.doc_id, sb[0], _quote_kind(a.quote_kinds[i], b.quote_kinds[j]),
                             score[i, j], a.quote_ids[i], b.quote_ids[j]))
            covered.update((x, y) for x in sa for y in sb)
            paired.add((i, j))
    for flip in (False, True):  # route 2: a direct quotation and a passage naming its speaker
        rows.extend(_paraphrases(event, b if flip else a, a if flip else b, flip, v, paired, covered))
    # route 3: sentence pairs
    work.comparisons += len(a.sent_rows) * len(b.sent_rows)
    if not a.sent_rows or not b.sent_rows:
        return rows
    score = cosine(v.sentences[a.sent_rows], v.sentences[b.sent_rows])
    content = cosine(v.sentences_content[a.sent_rows], v.sentences_content[b.sent_rows])
    for i, j in zip(*np.nonzero((score >= RELATED_MIN) & (content >= CONTENT_MIN))):
        sa, sb = a.sent_ids[i], b.sent_ids[j]
        if (sa, sb) in covered or not shares_content(a.sent_stems[i], b.sent_stems[j], a.named[i], b.named[j]):
            continue
        kind = "same_fact" if score[i, j] >= SAME_FACT_MIN else "related"
        speakers_a, speakers_b = a.sent_speakers[i], b.sent_speakers[j]
        if speakers_a and speakers_b and not any(same_speaker(x, y) for x in speakers_a for y in speakers_b):
            kind = "related"  # the same words from different speakers are not the same report
        rows.append(_row(event, a.doc_id, sa, b.doc_id, sb, kind, score[i, j]))
    return rows


def _paraphrases(event: str, mine: _Passages, other: _Passages, flip: bool, v: _Vectors,
                 paired: set[tuple[int, int]], covered: set[tuple[int, int]]) -> list[dict[str, object]]:
    """Route 2 for the direct quotations of ``mine`` against the passages of ``other`` that name the
    quotation's speaker: its quotations credited to someone else, and its sentences outside any
    quotation (``flip``: ``mine`` is article b of the pair)."""
    rows = []
    direct = [i for i, (kind, speaker) in enumerate(zip(mine.quote_kinds, mine.quote_speakers))
              if kind == "direct" and speaker]
    if not direct:
        return rows
    mine_rows = [mine.quote_rows[i] for i in direct]
    scores = {"quote": (cosine(v.quotes[mine_rows], v.quotes[other.quote_rows]),
                        cosine(v.quotes_content[mine_rows], v.quotes_content[other.quote_rows])),
              "sentence": (cosine(v.sentences[mine_rows], v.sentences[other.sent_rows]),
                           cosine(v.quotes_content[mine_rows], v.sentences_content[other.sent_rows]))}
    for k, i in enumerate(direct):
        speaker = mine.quote_speakers[i]
        best: tuple[float, list[int], int | None] | None = None
        candidates = [("quote", j, other.quote_named[j], other.quote_stems[j], other.quote_spans[j], other.quote_ids[j])
                      for j in range(len(other.quote_ids))
                      if not same_speaker(speaker, other.quote_speakers[j])
                      and ((i, j) if not flip else (j, i)) not in paired and _names(other.quote_named[j], speaker)]
        candidates += [("sentence", j, other.named[j], other.sent_stems[j], [other.sent_ids[j]], None)
                       for j in range(len(other.sent_ids))
                       if not other.sent_speakers[j] and _names(other.named[j], speaker)]
        for unit, j, named, words, spans, quote_id in candidates:
            full, content = scores[unit]
            score = float(full[k, j])
            if score < PARAPHRASE_MIN or (best is not None and score <= best[0]) or content[k, j] < CONTENT_MIN:
                continue
            if not shares_content(mine.quote_stems[i], words, mine.quote_named[i], named, speaker):
                continue
            best = (score, spans, quote_id)
        if best is None:
            continue
        score, spans, quote_id = best
        first = mine.quote_spans[i]
        if flip:
            rows.append(_row(event, other.doc_id, spans[0], mine.doc_id, first[0], "quote_paraphrase", score,
                             quote_id, mine.quote_ids[i]))
            covered.update((x, y) for x in spans for y in first)
        else:
            rows.append(_row(event, mine.doc_id, first[0], other.doc_id, spans[0], "quote_paraphrase", score,
                             mine.quote_ids[i], quote_id))
            covered.update((x, y) for x in first for y in spans)
    return rows
