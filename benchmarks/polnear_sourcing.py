"""Score the sourcing extractor on PolNeAR attributions, next to textacy's direct-quotation baseline.

    python benchmarks/polnear_sourcing.py PATH/TO/polnear --split dev [--cache FILE] [--errors N]

PolNeAR (Newell, Margolin & Ruths, LREC 2018) annotates attributions in US political news (brat
standoff: ``Source``, ``Cue`` and ``Content`` spans tied by an ``Attribution`` event). Gold, as in the
corpus README: an attribution is *direct* when its Content contains a double quotation mark
(``"`` ``“`` ``”`` ``«`` ``»`` ``„``, or two apostrophes ``''``, which the New York Times articles of the
corpus use as double quotes; single marks are left out because they are mostly apostrophes), else
*indirect* (reported speech, "according to", paraphrase). Attributions without a Content span are
skipped. When an article has several annotators' ``.ann`` files, the first file in name order is used
(one annotator per article, no union: the annotations of two people would count the same attribution
twice).

Predictions: ``direct`` quotes of the framing extractor are scored against gold direct attributions,
``indirect`` and ``according_to`` ones against gold indirect attributions; ``scare`` quotes are not
attributions and are not scored. The baseline is ``textacy.extract.triples.direct_quotations`` on the
same parsed Docs (it finds no indirect speech).

Matching rule: a predicted span and a gold Content match when the characters they share (gold
discontinuous spans are joined) are at least half of the shorter of the two.

- precision: share of predictions that match some gold attribution of their class;
- recall: share of gold attributions matched by at least one prediction; F1: harmonic mean;
- the representative prediction of a matched gold direct attribution: among the predictions matching
  it, one with a cue, else the one sharing most characters (gold joins the parts of a split quote,
  ``“A,” he said. “B.”``, into one attribution, while the extractor gives one quote per part, the cue
  on one of them);
- speaker accuracy (direct): over matched gold direct attributions that have a Source, the
  representative prediction's speaker span overlaps the gold Source span, or its resolved speaker
  shares a capitalised name word with the gold Source text (a pronoun resolved to "Trump" against a
  Source "Trump" elsewhere in the paragraph), or the gold Source is a relative pronoun ("who",
  "that", "which") and the predicted speaker is the noun phrase it refers to, right before it
  ("Charlie Sykes, who lamented ..."); the score without this last rule is printed too;
- cue accuracy (direct): over matched gold direct attributions, the representative prediction's cue
  span overlaps the gold Cue span.

Speed: the parse (model only) and the component on the parsed Docs are timed separately; ``--cache``
keeps the parsed Docs in a spaCy DocBin (and the parse time next to it) so later runs skip the parse.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin

from framing.pipeline.model import load_model
from framing.sourcing import SourcingExtractor
from framing.sourcing.lexicon import RELATIVE_PRONOUNS

DOUBLE_MARKS = set('"\u201c\u201d\u00ab\u00bb\u201e')
Spans = list[tuple[int, int]]


@dataclass
class Gold:
    content: Spans
    cue: Spans
    source: Spans
    direct: bool


@dataclass
class Article:
    name: str
    text: str
    gold: list[Gold] = field(default_factory=list)


@dataclass
class Prediction:
    content: Spans
    speaker: Spans
    cue: Spans
    resolved: str = ""


def read_ann(path: Path, text: str) -> list[Gold]:
    """The attributions of one brat ``.ann`` file (those with a Content span)."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if re.fullmatch(r"T\d+", parts[0]):
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            try:
                spans[parts[0]] = [(int(a), int(b)) for a, b in (p.split() for p in head[1].split(";"))]
            except ValueError:
                continue
        elif re.fullmatch(r"E\d+", parts[0]):
            roles = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            events.append(roles)
    gold = []
    for roles in events:
        content = spans.get(roles.get("Content", ""), []) + spans.get(roles.get("Content2", ""), [])
        if not content:
            continue
        quoted = "".join(text[a:b] for a, b in content)
        gold.append(Gold(content, spans.get(roles.get("Cue", ""), []), spans.get(roles.get("Source", ""), []),
                         any(ch in DOUBLE_MARKS for ch in quoted) or "''" in quoted or
                         inside_quotation(text, content[0][0])))
    return gold


def inside_quotation(text: str, start: int) -> bool:
    """True when the content at character ``start`` opens a quotation that opens its line, after a
    transcript's speaker label at most (``"PENCE: Well, …``: the annotated content leaves the mark
    and the label out)."""
    before = text[text.rfind("\n", 0, start) + 1:start]
    return re.fullmatch(r"\s*(?:\"|''|[\u201c\u201e\u00ab])\s*(?:[A-Z][A-Za-z.' -]{0,40}:\s*)?", before) is not None


def read_split(root: Path, split: str) -> list[Article]:
    """The articles of a split with one annotator's attributions each."""
    folder = root / split
    articles = []
    for path in sorted((folder / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        annotations = sorted((folder / "attributions").glob(f"{path.stem}_*.ann"))
        article = Article(path.stem, text)
        if annotations:
            article.gold = read_ann(annotations[0], text)
        articles.append(article)
    return articles


def parse(articles: list[Article], cache: Path | None) -> tuple[list[Doc], float, object]:
    """Parsed Docs (from the cache when it matches), the parse time in seconds, and the model."""
    nlp = load_model()
    meta = cache.with_suffix(cache.suffix + ".json") if cache else None
    if cache and cache.exists() and meta and meta.exists():
        info = json.loads(meta.read_text())
        if info.get("names") == [a.name for a in articles]:
            docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
            return docs, float(info["parse_seconds"]), nlp
    started = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    seconds = time.perf_counter() - started
    if cache:
        DocBin(docs=docs).to_disk(cache)
        meta.write_text(json.dumps({"names": [a.name for a in articles], "parse_seconds": seconds}))
    return docs, seconds, nlp


def shared(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def matches(pred: Spans, gold: Spans) -> int:
    """Shared characters when they reach half of the shorter span, else 0."""
    common = shared(pred, gold)
    return common if common and common * 2 >= min(length(pred), length(gold)) else 0


def name_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Z][\w’'-]+", text)}


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    speaker_n: int = 0
    speaker_ok: int = 0
    speaker_ok_strict: int = 0  # without the relative-pronoun rule
    cue_n: int = 0
    cue_ok: int = 0
    row_speaker_n: int = 0  # predicted rows matching a gold attribution that has a Source
    row_speaker_ok: int = 0
    row_cue_n: int = 0  # ... that has a Cue
    row_cue_ok: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(articles: list[Article], predictions: list[list[Prediction]], direct: bool, score_: Score,
          errors: list[str] | None = None) -> None:
    """Add one class (direct or indirect) of one system to ``score_``."""
    for article, preds in zip(articles, predictions):
        gold = [g for g in article.gold if g.direct == direct]
        text = article.text
        score_.predicted += len(preds)
        score_.gold += len(gold)
        for pred in preds:
            matched = max(gold, key=lambda g: matches(pred.content, g.content), default=None)
            if matched is not None and matches(pred.content, matched.content):
                score_.correct += 1
                if direct:
                    _score_row(text, pred, matched, score_, errors, article.name)
            elif errors is not None:
                errors.append(f"FP {article.name}: {_show(text, pred.content)}")
        for g in gold:
            # the representative prediction: among those matching, one carrying a cue, then the largest
            # overlap (gold joins the parts of a split quote into one attribution; only one part has the cue)
            best = max(preds, key=lambda p: (matches(p.content, g.content) > 0, bool(p.cue),
                                             matches(p.content, g.content)), default=None)
            if best is None or not matches(best.content, g.content):
                if errors is not None:
                    errors.append(f"FN {article.name}: {_show(text, g.content)} | cue={_show(text, g.cue)} "
                                  f"| src={_show(text, g.source)}")
                continue
            score_.found += 1
            if not direct:
                continue
            if g.source:
                score_.speaker_n += 1
                gold_source = " ".join(text[a:b] for a, b in g.source)
                ok = _same_speaker(text, best, g)
                score_.speaker_ok_strict += ok
                ok = ok or _antecedent(text, best.speaker, g.source)
                score_.speaker_ok += ok
                if not ok and errors is not None:
                    errors.append(f"SPK {article.name}: {_show(text, g.content)} | gold={gold_source!r} "
                                  f"pred={_show(text, best.speaker)} ({best.resolved})")
            if g.cue:
                score_.cue_n += 1
                ok = shared(best.cue, g.cue) > 0
                score_.cue_ok += ok
                if not ok and errors is not None:
                    errors.append(f"CUE {article.name}: {_show(text, g.content)} | gold={_show(text, g.cue)} "
                                  f"pred={_show(text, best.cue)}")


def _same_speaker(text: str, pred: Prediction, gold: Gold) -> bool:
    """The predicted speaker overlaps the gold Source, or its resolved name shares a capitalised name word
    with it."""
    gold_source = " ".join(text[a:b] for a, b in gold.source)
    return shared(pred.speaker, gold.source) > 0 or bool(
        pred.resolved and name_words(pred.resolved) & name_words(gold_source))


def _score_row(text: str, pred: Prediction, gold: Gold, score_: Score, errors: list[str] | None,
               name: str) -> None:
    """The per-row score of one predicted direct quote and the gold attribution it matches best: does
    its own speaker overlap the gold Source (with the rules of the per-attribution score), does its
    own cue overlap the gold Cue."""
    if gold.source:
        score_.row_speaker_n += 1
        ok = _same_speaker(text, pred, gold) or _antecedent(text, pred.speaker, gold.source)
        score_.row_speaker_ok += ok
        if not ok and errors is not None:
            errors.append(f"ROW-SPK {name}: {_show(text, gold.content)} | gold={_show(text, gold.source)} "
                          f"pred={_show(text, pred.speaker)} ({pred.resolved})")
    if gold.cue:
        score_.row_cue_n += 1
        ok = shared(pred.cue, gold.cue) > 0
        score_.row_cue_ok += ok
        if not ok and errors is not None:
            errors.append(f"ROW-CUE {name}: {_show(text, gold.content)} | gold={_show(text, gold.cue)} "
                          f"pred={_show(text, pred.cue)}")


def _antecedent(text: str, speaker: Spans, source: Spans) -> bool:
    """True when the gold Source is a relative pronoun and the predicted speaker ends right before it
    (only a comma and spaces between: "Charlie Sykes, who lamented")."""
    if len(source) != 1 or not speaker:
        return False
    (start, end), speaker_end = source[0], max(e for _, e in speaker)
    return text[start:end].lower() in RELATIVE_PRONOUNS and speaker_end <= start and \
        not text[speaker_end:start].strip(" ,\u00a0")


def _show(text: str, spans: Spans) -> str:
    return repr(" … ".join(text[a:b] for a, b in spans)[:140])


def framing_predictions(docs: list[Doc], extractor: SourcingExtractor) -> tuple[list, list, float]:
    direct, indirect = [], []
    started = time.perf_counter()
    quotes = [extractor.find(doc) for doc in docs]
    seconds = time.perf_counter() - started
    for doc_quotes in quotes:
        d, i = [], []
        for q in doc_quotes:
            pred = Prediction([(q.start_char, q.end_char)],
                              [(q.speaker_start_char, q.speaker_end_char)] if q.speaker_start_char >= 0 else [],
                              [(q.cue_start_char, q.cue_end_char)] if q.cue_start_char >= 0 else [],
                              q.speaker_resolved)
            if q.kind == "direct":
                d.append(pred)
            elif q.kind in {"indirect", "according_to"}:
                i.append(pred)
        direct.append(d)
        indirect.append(i)
    return direct, indirect, seconds


def textacy_predictions(docs: list[Doc]) -> tuple[list, float]:
    from textacy.extract.triples import direct_quotations

    out = []
    started = time.perf_counter()
    for doc in docs:
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # the baseline may fail on odd text; count it as finding nothing
            triples = []
        for speaker, cue, content in triples:
            span = (content.start_char, content.end_char)
            preds.append(Prediction([span], [(t.idx, t.idx + len(t)) for t in speaker],
                                    [(t.idx, t.idx + len(t)) for t in cue],
                                    " ".join(t.text for t in speaker)))
        out.append(preds)
    return out, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear", type=Path, help="the PolNeAR folder (with train/ and dev/)")
    parser.add_argument("--split", default="dev", help="train or dev (default: dev)")
    parser.add_argument("--cache", type=Path, help="DocBin file keeping the parsed Docs between runs")
    parser.add_argument("--errors", type=int, default=0, help="print this many errors of the extractor")
    args = parser.parse_args(argv)
    articles = read_split(args.polnear, args.split)
    if not articles:
        print(f"no articles in {args.polnear / args.split / 'text'}", file=sys.stderr)
        return 2
    docs, parse_seconds, _ = parse(articles, args.cache)
    extractor = SourcingExtractor()
    extractor.find(docs[0])  # load the word lists before timing
    direct, indirect, seconds = framing_predictions(docs, extractor)
    baseline, baseline_seconds = textacy_predictions(docs)
    errors: list[str] | None = [] if args.errors else None
    rows = []
    for name, d, i in (("framing", direct, indirect), ("textacy", baseline, None)):
        ds, is_ = Score(), Score()
        score(articles, d, True, ds, errors if name == "framing" else None)
        if i is not None:
            score(articles, i, False, is_, errors if name == "framing" else None)
        else:
            is_.gold = sum(1 for a in articles for g in a.gold if not g.direct)
        rows.append((name, ds, is_))
    n_direct = sum(1 for a in articles for g in a.gold if g.direct)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_direct} direct and "
          f"{sum(len(a.gold) for a in articles) - n_direct} indirect gold attributions")
    print(f"{'system':10} {'dir P':>6} {'dir R':>6} {'dir F1':>6} {'spk acc':>7} {'cue acc':>7} "
          f"{'ind P':>6} {'ind R':>6} {'ind F1':>6} {'row spk':>7} {'row cue':>7}")
    for name, ds, is_ in rows:
        p, r, f = ds.prf()
        ip, ir, if1 = is_.prf()
        spk = ds.speaker_ok / ds.speaker_n if ds.speaker_n else 0.0
        cue = ds.cue_ok / ds.cue_n if ds.cue_n else 0.0
        indirect_cells = f"{ip:6.3f} {ir:6.3f} {if1:6.3f}" if name == "framing" else \
            f"{'-':>6} {0.0:6.3f} {0.0:6.3f}"
        row_spk = ds.row_speaker_ok / ds.row_speaker_n if ds.row_speaker_n else 0.0
        row_cue = ds.row_cue_ok / ds.row_cue_n if ds.row_cue_n else 0.0
        print(f"{name:10} {p:6.3f} {r:6.3f} {f:6.3f} {spk:7.3f} {cue:7.3f} {indirect_cells} {row_spk:7.3f} {row_cue:7.3f}")
    ds = rows[0][1]
    print(f"per row (framing): speaker {ds.row_speaker_ok}/{ds.row_speaker_n}, cue {ds.row_cue_ok}/{ds.row_cue_n}")
    strict = [ds.speaker_ok_strict / ds.speaker_n if ds.speaker_n else 0.0 for _, ds, _ in rows]
    print("speaker accuracy without the relative-pronoun rule: " +
          ", ".join(f"{name} {value:.3f}" for (name, _, _), value in zip(rows, strict)))
    print(f"time: parse {parse_seconds:.1f} s; framing_sourcing {seconds:.2f} s "
          f"({100 * seconds / parse_seconds:.1f} % of the parse); textacy {baseline_seconds:.2f} s")
    if errors:
        for line in errors[:args.errors]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
