"""Which similarity aligns passages best: the measures of ``framing.alignment.similarity`` compared on
written test pairs and on the seed pair, then the aligner itself (kinds and thresholds) scored.

Usage::

    python benchmarks/alignment.py [--basil PATH/TO/basil] [--work DIR]

Data (both in the repository, written by hand):

- ``data/annotations/alignment_pairs.csv``: 31 pairs of short passages: paraphrases of one fact,
  two translations of one quotation, a quotation and its paraphrase (these should align), passages
  that share names but not content, or a topic and nothing else (these should not), and the same
  words credited to two speakers (never "the same quotation");
- ``data/annotations/alignments_seed.csv``: the pairs of Krone and OneWorld sentences that report the
  same thing (``same``) or share a topic (``related``), located by a passage of each.

Printed:

1. for each measure, on the written pairs: the area under the ROC curve of the best sentence-pair
   score of a pair (pairs that should align against pairs that should not), and the best accuracy of
   one threshold; on the seed pair, the average precision of the ``same`` sentence pairs among all
   427 sentence pairs (``related`` pairs left out) and the rank of each ``same`` pair;
2. the aligner with the default measure: for each written pair, the strongest kind it finds against
   the expected one; on the seed pair, precision and recall of its ``same_*`` rows against the
   ``same`` pairs (a row on a ``related`` pair counts neither way);
3. with ``--basil``: how the date-and-actor grouping of :mod:`framing.alignment.events` recovers
   BASIL's events (pairwise precision and recall of "same event").
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.alignment import KINDS, MEASURES, SAME_KINDS, align  # noqa: E402
from framing.alignment import pairing  # noqa: E402
from framing.alignment.selection import quote_sentences  # noqa: E402
from framing.analysis import analyze  # noqa: E402

PAIRS = ROOT / "data" / "annotations" / "alignment_pairs.csv"
SEED_GOLD = ROOT / "data" / "annotations" / "alignments_seed.csv"
KRONE, ONEWORLD = "000_c0858dbfd52112ba", "004_0dd5b71927f9dee2"
ALIGNED = {"same_fact", "same_quote", "quote_paraphrase"}


def pairs_corpus(work: Path) -> Path:
    """The written pairs as a CSV corpus: two articles per pair (outlets A and B), the pair as event."""
    pairs = pd.read_csv(PAIRS)
    path = work / "pairs.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "event", "text"])
        for row in pairs.itertuples(index=False):
            writer.writerow([f"{row.pair}-a", "A", row.pair, row.text_a])
            writer.writerow([f"{row.pair}-b", "B", row.pair, row.text_b])
    return path


def auc(positive: list[float], negative: list[float]) -> float:
    """Probability that a positive scores above a negative (ties count half)."""
    p, n = np.asarray(positive)[:, None], np.asarray(negative)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def best_accuracy(positive: list[float], negative: list[float]) -> tuple[float, float]:
    """The best accuracy of one threshold, and that threshold."""
    best = (0.0, 0.0)
    for t in sorted(set(positive) | set(negative)):
        accuracy = (sum(s >= t for s in positive) + sum(s < t for s in negative)) / (len(positive) + len(negative))
        best = max(best, (accuracy, t))
    return best


def average_precision(scores: np.ndarray, labels: np.ndarray) -> float:
    order = np.argsort(-scores, kind="stable")
    hits = labels[order].astype(bool)
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].sum() / max(hits.sum(), 1))


def sentence_scores(tables, measure) -> dict[tuple[str, int, str, int], float]:
    """The score of every cross-article sentence pair of each event, as the aligner computes it (names
    and cues blanked, IDF over the event's sentences), before the aligner's other tests."""
    articles = tables.articles
    events = articles["event"] if "event" in articles.columns else pd.Series("all", index=articles.index)
    out = {}
    for _, members in articles.assign(event=events).groupby("event"):
        ids = set(members["doc_id"])
        part = {name: tables[name][tables[name]["doc_id"].isin(ids)] for name in ("sentences", "quotes", "mentions")}
        scores = pairing.sentence_scores(members, part["sentences"], part["quotes"], part["mentions"], measure=measure)
        for r in scores.itertuples(index=False):
            out[(r.doc_a, int(r.sent_a), r.doc_b, int(r.sent_b))] = float(r.score)
    return out


def seed_gold(sentences: pd.DataFrame) -> dict[tuple[int, int], str]:
    """(Krone sent_id, OneWorld sent_id) -> same | related, located by the passages of the gold file."""
    gold = {}
    for row in pd.read_csv(SEED_GOLD).itertuples(index=False):
        found = []
        for doc, passage in ((KRONE, row.passage_a), (ONEWORLD, row.passage_b)):
            part = sentences[(sentences["doc_id"] == doc) & sentences["text"].str.contains(passage, regex=False)]
            if part.empty:
                sys.exit(f"{SEED_GOLD}: passage not found in {doc}: {passage!r}")
            found.append(int(part["sent_id"].iloc[0]))
        key = tuple(found)
        gold[key] = "same" if "same" in (row.label, gold.get(key)) else row.label
    return gold


def measures_table(pairs_tables, seed_tables) -> None:
    expected = pd.read_csv(PAIRS).set_index("pair")
    gold = seed_gold(seed_tables.sentences)
    print("1. similarity measures (best sentence pair of each written pair; seed: every sentence pair)")
    print(f"   {'measure':<16} {'AUC':>6} {'best acc':>9} {'at':>6}   {'seed AP':>8}  ranks of the seed's same pairs")
    for name, measure in MEASURES.items():
        scores = sentence_scores(pairs_tables, measure)
        best: dict[str, float] = {}
        for (a, _, _, _), s in scores.items():
            pair = a.split("/", 1)[1].rsplit("-", 1)[0]
            best[pair] = max(best.get(pair, 0.0), s)
        positive = [best.get(p, 0.0) for p in expected.index if expected.loc[p, "expected"] in ALIGNED]
        negative = [best.get(p, 0.0) for p in expected.index if expected.loc[p, "expected"] == "none"]
        accuracy, threshold = best_accuracy(positive, negative)
        seed = sentence_scores(seed_tables, measure)
        keys = [k for k in seed if gold.get((k[1], k[3])) != "related"]
        labels = np.array([gold.get((k[1], k[3])) == "same" for k in keys])
        values = np.array([seed[k] for k in keys])
        ranks = sorted(int((values > v).sum()) + 1 for v in values[labels])
        print(f"   {name:<16} {auc(positive, negative):6.3f} {accuracy:9.3f} {threshold:6.3f}   "
              f"{average_precision(values, labels):8.3f}  {ranks}")


def aligner_table(pairs_tables, seed_tables) -> None:
    expected = pd.read_csv(PAIRS).set_index("pair")
    result = align({name: pairs_tables[name] for name in ("articles", "sentences", "quotes", "mentions")})
    rows = result.alignments
    strongest = {}
    for event, part in rows.groupby("event"):
        strongest[event] = min(part["kind"], key=KINDS.index)
    print("\n2. the aligner (default measure): strongest kind found per written pair")
    right = 0
    for case, part in expected.groupby("case", sort=False):
        outcomes = []
        for pair, row in part.iterrows():
            found = strongest.get(pair, "none")
            ok = (found == row["expected"] if row["expected"] in ALIGNED
                  else found not in SAME_KINDS if row["expected"] == "none" else found != "same_quote")
            right += ok
            outcomes.append(f"{pair}={found}{'' if ok else ' (WRONG)'}")
        print(f"   {case:<17} " + ", ".join(outcomes))
    print(f"   right: {right} of {len(expected)}")
    seed = align({name: seed_tables[name] for name in ("articles", "sentences", "quotes", "mentions")}).alignments
    gold = seed_gold(seed_tables.sentences)
    same = {k for k, v in gold.items() if v == "same"}
    spans = quote_sentences(seed_tables.quotes, seed_tables.sentences)

    def covered(doc: str, sent: int, quote) -> list[int]:
        return [sent] if pd.isna(quote) else spans.get((doc, int(quote)), [sent])

    found = {(x, y) for r in seed.itertuples() if r.kind in SAME_KINDS
             for x in covered(r.doc_a, int(r.sent_a), r.quote_a) for y in covered(r.doc_b, int(r.sent_b), r.quote_b)}
    judged = {k for k in found if gold.get(k) != "related"}
    hits = found & same
    n_rows = int(seed["kind"].isin(SAME_KINDS).sum())
    print(f"   seed: {n_rows} same_* rows on {len(found)} sentence pairs (a quotation's every sentence); "
          f"precision {len(hits)}/{len(judged)}, "
          f"recall {len(hits)}/{len(same)}; related rows: {int((seed['kind'] == 'related').sum())} "
          f"({sum(gold.get((int(r.sent_a), int(r.sent_b))) is not None for r in seed.itertuples() if r.kind == 'related')} "
          "on gold pairs)")
    for r in seed.itertuples():
        label = gold.get((int(r.sent_a), int(r.sent_b)), "-")
        print(f"     K{r.sent_a:<3} O{r.sent_b:<3} {r.kind:<17} {r.score:.3f}  gold: {label}")


def basil_grouping(basil: Path, work: Path) -> None:
    """Events of BASIL recovered by the date-and-actor grouping (BASIL's own event ids as truth)."""
    from framing.alignment import events as ev

    rows = []
    for path in sorted((basil / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"])
        rows.append({"id": path.stem, "outlet": data["source"], "date": data.get("date", ""),
                     "truth": path.stem.rsplit("_", 1)[0], "title": data.get("title", ""), "text": text})
    corpus = work / "basil.csv"
    pd.DataFrame(rows).drop(columns=["truth"]).to_csv(corpus, index=False)
    tables = analyze(corpus, tables=("sentences", "mentions"), cache_dir=str(work / "cache"))
    truth = {f"basil/{r['id']}": r["truth"] for r in rows}
    actors = ev.key_actors(tables.mentions)
    dates = dict(zip(tables.articles["doc_id"], ev.article_dates(tables.articles)))
    found = ev.group_by_date_and_actors(dates, actors)
    ids = sorted(found)
    tp = fp = fn = 0
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            same_truth, same_found = truth[a] == truth[b], found[a] == found[b]
            tp += same_truth and same_found
            fp += same_found and not same_truth
            fn += same_truth and not same_found
    print(f"\n3. BASIL ({len(ids)} articles, {len(set(truth.values()))} events): the grouping makes "
          f"{len(set(found.values()))} events; same-event pairs: precision {tp / max(tp + fp, 1):.3f}, "
          f"recall {tp / max(tp + fn, 1):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--basil", help="BASIL folder (articles/YEAR/*.json): score the event grouping")
    parser.add_argument("--work", help="scratch folder, with the parse cache (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.work or tempfile.mkdtemp(prefix="framing-align-"))
    work.mkdir(parents=True, exist_ok=True)
    cache = str(work / "cache")
    pairs_tables = analyze(pairs_corpus(work), cache_dir=cache)
    seed_tables = analyze(cache_dir=cache)
    measures_table(pairs_tables, seed_tables)
    aligner_table(pairs_tables, seed_tables)
    if args.basil:
        basil_grouping(Path(args.basil), work)


if __name__ == "__main__":
    main()
