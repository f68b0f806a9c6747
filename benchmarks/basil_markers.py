"""Score loaded-wording detection against BASIL lexical-bias spans, next to two published-list baselines.

    python benchmarks/basil_markers.py PATH/TO/basil --reference PATH/TO/reference/lexicons
        [--cache FILE] [--errors FILE]

BASIL (Fan et al., EMNLP 2019) marks, in news articles, phrases of lexical bias (``lex``: loaded wording)
and informational bias (``inf``: selective facts). Loaded wording found by the framing markers is the
markers that characterise people, acts and words: the families ``loaded`` and ``distancing``, the
boosters that amplify (categories ``intensifier`` and ``degree modifier``) and the reporting verbs of the
class ``emotive``. Markers of epistemic stance (hedges, boosters of certainty, absoluteness or
objectivity, and the other reporting-verb classes) grade how firmly a claim is put, what Recasens et al.
(2013) call epistemological bias; BASIL's lexical bias is word choice that evaluates, so they are not
counted (the row "all stance families" counts them too: every loaded, booster and distancing marker and
every non-neutral reporting verb). The same score is computed, on the same parsed Docs, for two published lists matched word by
word (token lower case or lemma in the list): the Riloff & Wiebe (2003) strong subjectives and the
Recasens et al. (2013) bias lexicon.

- recall: share of the gold ``lex`` spans overlapped by at least one predicted span;
- precision: share of predicted spans that overlap any annotated bias span (``lex`` or ``inf``);
- F1: their harmonic mean.

Protocol. The articles are split by the year of their event (the ``articles/YEAR/`` folder): a
development part, the events of 2010-2012 (:data:`DEV_YEARS`), and a held-out part, the events of
2013-2014. Every score is printed for the development part, the held-out part and all articles, in the
same run. Lexicon entries and rules are chosen by looking at the development part only: ``--errors
FILE`` writes its missed gold spans and its false positives, and never those of the held-out part,
whose only use is the final score. No phrase is added to a lexicon because BASIL annotates it; the
held-out score is the one that says how well the markers generalise.

The held-out part also gets diagnostic rows, the ceiling of lexical transfer (:func:`transfer_spans`):
the markers plus the content lemmas of the development part's gold spans (all of them, or those that
were precise on the development part), that is, the most a lexicon could take from the development
annotations.

The learned loaded-language span model (``--loaded-model``: ``default``, the shipped one, a model
folder, or ``off``) adds its spans to the markers by the rule of :mod:`framing.loaded.spans`; the
row "framing markers" is the markers as shipped (lexicons plus the model), and the rows "framing
markers, lexicons alone" and "loaded-language model alone" show the two kinds of evidence apart.

Gold phrases are located in the article text by their sentence and in-sentence offsets (falling back to
the first occurrence of the phrase). The script also times the spaCy parse of the texts and, separately,
the markers component on the parsed Docs. ``--cache FILE`` keeps the parsed Docs (a spaCy DocBin) so that
later runs skip the parse (the parse time is then the one recorded with the cache).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc, DocBin

from framing.loaded.component import LoadedSpans
from framing.loaded.model import load_loaded_model
from framing.pipeline.model import load_model, resolve_model
from framing.pipeline.markers import make_markers

#: Marker families counted as loaded wording, whatever their category.
LOADED_FAMILIES = frozenset({"loaded", "distancing"})
#: Booster categories counted as loaded wording (amplifiers, not certainty).
LOADED_BOOSTERS = frozenset({"intensifier", "degree modifier"})
#: Reporting-verb classes counted as loaded wording.
LOADED_CUE_CLASSES = frozenset({"emotive"})
#: Event years of the development part; the other years are held out.
DEV_YEARS = frozenset({"2010", "2011", "2012"})


@dataclass
class Article:
    name: str
    year: str
    text: str
    lex: list[tuple[int, int]] = field(default_factory=list)
    bias: list[tuple[int, int]] = field(default_factory=list)  # lex and inf
    unlocated: int = 0


def read_basil(root: Path) -> list[Article]:
    """Articles with their gold spans; the text is the title, a blank line, then one paragraph a line."""
    articles = []
    for path in sorted((root / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        sentences = [data.get("title", "")]
        starts = [0]
        text = data.get("title", "")
        for paragraph in data.get("body-paragraphs", []):
            text += "\n\n"
            for k, sentence in enumerate(paragraph):
                if k:
                    text += " "
                starts.append(len(text))
                sentences.append(sentence)
                text += sentence
        article = Article(path.stem, path.parent.name, text)
        ann_path = root / "annotations" / path.parent.name / f"{path.stem}_ann.json"
        if ann_path.exists():
            annotations = json.loads(ann_path.read_text(encoding="utf-8"))
            for phrase in annotations.get("phrase-level-annotations", []):
                span = _locate(text, sentences, starts, phrase)
                if span is None:
                    article.unlocated += 1
                    continue
                article.bias.append(span)
                if phrase.get("bias") == "lex":
                    article.lex.append(span)
        articles.append(article)
    return articles


def _locate(text: str, sentences: list[str], starts: list[int], phrase: dict) -> tuple[int, int] | None:
    wanted = phrase.get("txt", "").strip()
    if not wanted:
        return None
    try:
        start, end = int(phrase["start"]), int(phrase["end"])
    except (KeyError, TypeError, ValueError):
        start = end = -1
    for sentence, offset in zip(sentences, starts):
        if start >= 0 and sentence[start:end].strip() == wanted:
            begin = offset + start + sentence[start:end].index(wanted)
            return begin, begin + len(wanted)
    found = text.find(wanted)
    if found < 0:
        bare = wanted.strip("\"“”' ")
        found = text.find(bare) if bare else -1
        wanted = bare
    return None if found < 0 else (found, found + len(wanted))


def read_list(path: Path) -> set[str]:
    """A published word list: one entry a line, ``#`` comments skipped, lower-cased."""
    return {line.strip().lower() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.strip() and not line.startswith("#")}


def list_spans(doc: Doc, words: set[str]) -> list[tuple[int, int]]:
    """Character spans of the tokens whose lower-case form or lemma is in ``words``."""
    return [(t.idx, t.idx + len(t)) for t in doc
            if t.lower_ in words or t.lemma_.lower() in words]


def is_loaded_wording(marker) -> bool:
    """True for a marker that counts as loaded wording (see the module docs)."""
    return (marker.family in LOADED_FAMILIES
            or (marker.family == "booster" and marker.category in LOADED_BOOSTERS)
            or (marker.family == "reporting_verb" and marker.category in LOADED_CUE_CLASSES))


def marker_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans of the markers counted as loaded wording."""
    return [(m.start_char, m.end_char) for m in doc._.framing_markers if is_loaded_wording(m)]


def all_stance_spans(doc: Doc) -> list[tuple[int, int]]:
    """Spans of every loaded, booster and distancing marker and every non-neutral reporting verb: the
    broader reading of loaded wording, printed for comparison with :func:`marker_spans`."""
    return [(m.start_char, m.end_char) for m in doc._.framing_markers
            if m.family in ("loaded", "booster", "distancing")
            or (m.family == "reporting_verb" and m.category != "neutral")]


def overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in others)


def score(articles: list[Article], predicted: list[list[tuple[int, int]]]) -> dict[str, float]:
    """Precision, recall and F1 of ``predicted`` (one list of spans per article)."""
    n_pred = n_pred_hit = n_gold = n_gold_found = 0
    for article, spans in zip(articles, predicted):
        n_pred += len(spans)
        n_pred_hit += sum(overlaps(s, article.bias) for s in spans)
        n_gold += len(article.lex)
        n_gold_found += sum(overlaps(g, spans) for g in article.lex)
    p = n_pred_hit / n_pred if n_pred else 0.0
    r = n_gold_found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "predicted": n_pred, "gold": n_gold, "found": n_gold_found}


def parse(texts: list[str], model: str | None, cache: Path | None) -> tuple[list[Doc], float, object]:
    """Parse ``texts`` with the model (no framing components); returns Docs, seconds, nlp."""
    nlp = load_model(model)
    if cache is not None and cache.exists():
        meta = json.loads(cache.with_suffix(".json").read_text())
        if meta.get("n") == len(texts) and meta.get("model") == resolve_model(model):
            docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
            if [d.text for d in docs] == texts:
                return docs, float(meta["seconds"]), nlp
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - started
    if cache is not None:
        DocBin(docs=docs).to_disk(cache)
        cache.with_suffix(".json").write_text(json.dumps({"n": len(texts), "seconds": seconds,
                                                          "model": resolve_model(model)}))
    return docs, seconds, nlp


def parts(articles: list[Article]) -> dict[str, list[int]]:
    """Indices of the articles in each reported part: development, held-out, all."""
    dev = [i for i, a in enumerate(articles) if a.year in DEV_YEARS]
    held_out = [i for i, a in enumerate(articles) if a.year not in DEV_YEARS]
    return {f"development ({_years(articles, dev)})": dev,
            f"held-out ({_years(articles, held_out)})": held_out,
            "all": list(range(len(articles)))}


def _years(articles: list[Article], indices: list[int]) -> str:
    years = sorted({articles[i].year for i in indices})
    return f"events {years[0]}-{years[-1]}" if years else "no articles"


#: Parts of speech of the content words taken from gold spans by :func:`transfer_spans`.
CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})


#: Least development-part precision of a gold lemma in the ceiling rows of :func:`transfer_spans`.
TRANSFER_THRESHOLDS = (0.0, 0.2, 0.3, 0.5, 0.7, 1.0)


def transfer_spans(articles: list[Article], docs: list[Doc]) -> dict[float, list[list[tuple[int, int]]]]:
    """How far a lexicon learnt from the development part can reach on the held-out part.

    The lemmas of every content word (not a stop word) inside the development part's gold lexical-bias
    spans are matched as a word list on all articles, with the framing markers added; for each
    threshold of :data:`TRANSFER_THRESHOLDS`, only the lemmas whose matches on the development part
    overlap a bias span at least that often. Copying BASIL's own development phrases, filtered by how
    well they did there, is the most that choosing entries on the development part can give, so the
    held-out scores of these rows bound it (a diagnostic, never a method: these words are BASIL's)."""
    dev = [(a, d) for a, d in zip(articles, docs) if a.year in DEV_YEARS]
    lemmas = set()
    for article, doc in dev:
        for start, end in article.lex:
            span = doc.char_span(start, end, alignment_mode="expand")
            lemmas |= {t.lemma_.lower() for t in span or () if t.pos_ in CONTENT_POS and not t.is_stop}

    def matches(doc: Doc) -> list[tuple[str, tuple[int, int]]]:
        return [(t.lemma_.lower(), (t.idx, t.idx + len(t))) for t in doc
                if t.pos_ in CONTENT_POS and not t.is_stop and t.lemma_.lower() in lemmas]

    seen: dict[str, list[int]] = {}
    for article, doc in dev:
        for lemma, span in matches(doc):
            counts = seen.setdefault(lemma, [0, 0])
            counts[0] += 1
            counts[1] += overlaps(span, article.bias)
    found = [matches(doc) for doc in docs]
    rows = {}
    for threshold in TRANSFER_THRESHOLDS:
        kept = {lemma for lemma, (n, hits) in seen.items() if hits >= threshold * n}
        rows[threshold] = [marker_spans(doc) + [span for lemma, span in pairs if lemma in kept]
                           for doc, pairs in zip(docs, found)]
    return rows


def write_errors(path: Path, articles: list[Article], predicted: list[list[tuple[int, int]]],
                 docs: list[Doc]) -> int:
    """Write the missed gold spans and the false positives of the development part (never the held-out
    part) as CSV rows ``article, kind, text, context``; returns the number of rows."""
    rows = []
    for article, spans, doc in zip(articles, predicted, docs):
        if article.year not in DEV_YEARS:
            continue
        for start, end in article.lex:
            if not overlaps((start, end), spans):
                rows.append((article.name, "missed", article.text[start:end], _context(doc, start, end)))
        for start, end in spans:
            if not overlaps((start, end), article.bias):
                rows.append((article.name, "false positive", article.text[start:end],
                             _context(doc, start, end)))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article", "kind", "text", "context"])
        writer.writerows(rows)
    return len(rows)


def _context(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    return " ".join(span.sent.text.split()) if span is not None else doc.text[max(0, start - 80):end + 80]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("basil", type=Path, help="BASIL folder (with articles/ and annotations/)")
    parser.add_argument("--reference", type=Path, required=True, help="folder with "
                        "strong_subjectives_riloff2003.txt and bias_lexicon_recasens2013.txt")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the installed English one)")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin file to keep the parsed Docs in")
    parser.add_argument("--lexicon", action="append", default=[], help="extra lexicon file (repeatable)")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs of the component (best is kept)")
    parser.add_argument("--loaded-model", default="default", help="loaded-language span model: default, off, "
                        "or a model folder (default: default)")
    parser.add_argument("--errors", type=Path, default=None, help="CSV file for the missed spans and "
                        "false positives of the markers on the development part")
    args = parser.parse_args(argv)

    articles = read_basil(args.basil)
    if not articles:
        print(f"no articles under {args.basil / 'articles'}", file=sys.stderr)
        return 2
    texts = [a.text for a in articles]
    docs, parse_seconds, nlp = parse(texts, args.model, args.cache)

    component = make_markers(nlp, "framing_markers", lexicon_paths=args.lexicon, families=None)
    best = float("inf")
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        for doc in docs:
            component(doc)
        best = min(best, time.perf_counter() - started)
    lexicon_alone = [marker_spans(d) for d in docs]
    ceiling = transfer_spans(articles, docs)  # lexical transfer: from the lexicons' markers

    loaded = load_loaded_model(args.loaded_model)
    model_alone: list[list[tuple[int, int]]] = [[] for _ in docs]
    model_seconds = 0.0
    if loaded is not None:
        spans_component = LoadedSpans(nlp, loaded)
        started = time.perf_counter()
        for doc in docs:
            spans_component(doc)
        model_seconds = time.perf_counter() - started
        model_alone = [[(s.start_char, s.end_char) for s in spans_component.model_spans(d)] for d in docs]

    riloff = read_list(args.reference / "strong_subjectives_riloff2003.txt")
    recasens = read_list(args.reference / "bias_lexicon_recasens2013.txt")
    predictions = {
        "framing markers": [marker_spans(d) for d in docs],
        "framing markers, lexicons alone": lexicon_alone,
        "loaded-language model alone": model_alone,
        "framing markers, all stance families": [all_stance_spans(d) for d in docs],
        "Riloff & Wiebe (2003) strong subjectives": [list_spans(d, riloff) for d in docs],
        "Recasens et al. (2013) bias lexicon": [list_spans(d, recasens) for d in docs],
    }
    n_tokens = sum(len(d) for d in docs)
    unlocated = sum(a.unlocated for a in articles)
    print(f"BASIL: {len(articles)} articles, {n_tokens} tokens, {sum(len(a.lex) for a in articles)} "
          f"lexical-bias spans, {sum(len(a.bias) for a in articles)} bias spans located "
          f"({unlocated} not found in the text)")
    for part, indices in parts(articles).items():
        chosen = [articles[i] for i in indices]
        rows = {name: score(chosen, [spans[i] for i in indices]) for name, spans in predictions.items()}
        print(f"\n{part}: {len(chosen)} articles, {rows['framing markers']['gold']} lexical-bias spans")
        print(f"{'method':44} {'P':>6} {'R':>6} {'F1':>6} {'predicted':>10} {'lex found':>10}")
        for name, row in rows.items():
            print(f"{name:44} {row['P']:6.3f} {row['R']:6.3f} {row['F1']:6.3f} {row['predicted']:10d} "
                  f"{row['found']:>5d}/{row['gold']}")
        baseline = max(rows[k]["F1"] for k in rows if not k.startswith(("framing markers", "loaded-language")))
        ratio = rows["framing markers"]["F1"] / baseline if baseline else float("inf")
        print(f"F1 ratio to the best baseline: {ratio:.2f}")
        if not any(articles[i].year in DEV_YEARS for i in indices):
            print("ceiling of lexical transfer: markers + the development part's gold content lemmas "
                  "whose development precision is at least t")
            for threshold, spans in ceiling.items():
                row = score(chosen, [spans[i] for i in indices])
                print(f"  t = {threshold:.1f}: P {row['P']:.3f} R {row['R']:.3f} F1 {row['F1']:.3f} "
                      f"({row['F1'] / baseline if baseline else float('inf'):.2f}x the best baseline)")
    print(f"\ntiming: spaCy parse {parse_seconds:.2f} s; markers component {best:.3f} s "
          f"({100 * best / parse_seconds:.1f}% of the parse; best of {max(1, args.repeat)})")
    if loaded is not None:
        print(f"loaded-language model {loaded.name} {loaded.version}: {model_seconds:.2f} s "
              f"({100 * model_seconds / parse_seconds:.1f}% of the parse)")
    if args.errors is not None:
        n = write_errors(args.errors, articles, predictions["framing markers"], docs)
        print(f"{n} missed spans and false positives of the development part written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
