"""The article frames model against SemEval-2023 Task 3 (subtask 2, English): 5-fold cross-validation
of the shipped design next to two baselines, and the cost of the frames step against the parse.

Usage::

    python benchmarks/semeval_frames.py PATH/TO/semeval23 [--seeds 0,1,2] [--folds 5] [--cache-dir DIR]
        [--no-timing]

PATH/TO/semeval23 holds ``frames.tsv`` and ``text/ID.txt`` (e.g. ``../shared/bench/semeval23``). For
each fold seed, the articles are split into ``--folds`` folds by iterative multi-label stratification;
every method is trained on four folds and decides the fifth. Printed: micro- and macro-F1 over the 14
frames (mean ± sd over the folds, and pooled over all out-of-fold decisions), frames predicted per
article, for

1. ``framing``: the shipped design, trained inside each fold by the code of ``framing train frames``
   (:func:`framing.frames.fit.cross_validate`, its inner search included);
2. ``top-5``: the five most frequent frames of the training folds, for every article;
3. ``tfidf-lr``: TF-IDF of the raw text (scikit-learn defaults) and one-vs-rest logistic regression,
   threshold 0.5; and ``tfidf-lr balanced``, the same with balanced class weights.

Then the F1 of each frame (framing, pooled, first seed) and, unless ``--no-timing``, the time of a bare
parse of the texts (``nlp.pipe``, the pipeline ``framing analyze`` uses, no cache) against the time of
the frames component (features and scoring) on the parsed Docs: its share of the parse time.
Parses for the cross-validation come from the framing parse cache (``--cache-dir``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402

from framing.frames.data import read_labelled  # noqa: E402
from framing.frames.fit import Evaluation, cross_validate, evaluate  # noqa: E402
from framing.frames.train import featurise, label_matrix  # noqa: E402
from framing.lexicons.definitions import frame_names  # noqa: E402


def top5(Y: np.ndarray):
    def decide(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        top = np.argsort(-Y[train].sum(0), kind="stable")[:5]
        out = np.zeros((len(test), Y.shape[1]), dtype=int)
        out[:, top] = 1
        return out
    return decide


def tfidf_lr(texts: list[str], Y: np.ndarray, balanced: bool):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier

    def decide(train: np.ndarray, test: np.ndarray) -> np.ndarray:
        vectorizer = TfidfVectorizer()
        X = vectorizer.fit_transform([texts[i] for i in train])
        model = OneVsRestClassifier(LogisticRegression(max_iter=1000, class_weight="balanced" if balanced else None))
        model.fit(X, Y[train])
        return (model.predict_proba(vectorizer.transform([texts[i] for i in test])) >= 0.5).astype(int)
    return decide


def row(name: str, seed: int, result: Evaluation) -> str:
    return (f"| {name} | {seed} | {result.mean_micro:.3f} ± {np.std(result.micro):.3f} | "
            f"{result.mean_macro:.3f} ± {np.std(result.macro):.3f} | {result.pooled_micro:.3f} / "
            f"{result.pooled_macro:.3f} | {result.labels_per_article:.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("--seeds", default="0,1,2", help="fold seeds, comma-separated (default: 0,1,2)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache-dir", help="framing parse cache (default: the usual one)")
    parser.add_argument("--no-timing", action="store_true", help="skip the timing of the frames step")
    args = parser.parse_args()

    data = read_labelled(args.folder)
    frames = list(frame_names())
    Y = label_matrix(data, frames)
    print(f"data: {data.source}: {len(data)} articles with frames, {Y.sum(1).mean():.2f} frames per article",
          flush=True)
    started = time.perf_counter()
    features, cues, pipeline = featurise(data.texts, cache_dir=args.cache_dir, progress=True)
    print(f"features of {len(features)} articles in {time.perf_counter() - started:.1f} s "
          f"({pipeline['name']} {pipeline['version']}, {len(cues)} frame cues)", flush=True)
    seeds = [int(s) for s in args.seeds.split(",")]
    methods = {"framing": lambda seed: cross_validate(features, Y, frames, cues, folds=args.folds, seed=seed),
               "top-5": lambda seed: evaluate(top5(Y), Y, frames, folds=args.folds, seed=seed),
               "tfidf-lr": lambda seed: evaluate(tfidf_lr(list(data.texts), Y, False), Y, frames, folds=args.folds,
                                                 seed=seed),
               "tfidf-lr balanced": lambda seed: evaluate(tfidf_lr(list(data.texts), Y, True), Y, frames,
                                                          folds=args.folds, seed=seed)}
    print(f"\n| method | fold seed | micro-F1 mean ± sd | macro-F1 mean ± sd | pooled micro / macro | "
          "frames/article |\n|---|---|---|---|---|---|", flush=True)
    results: dict[str, list[Evaluation]] = {name: [] for name in methods}
    for name, run in methods.items():
        for seed in seeds:
            started = time.perf_counter()
            result = run(seed)
            results[name].append(result)
            print(row(name, seed, result) + f"  ({time.perf_counter() - started:.0f} s)", flush=True)
    print("\nmean over fold seeds (of the per-seed means over folds):")
    for name, found in results.items():
        print(f"  {name:<18} micro-F1 {np.mean([r.mean_micro for r in found]):.3f}  "
              f"macro-F1 {np.mean([r.mean_macro for r in found]):.3f}")
    print(f"\nF1 per frame, framing, pooled over folds (fold seed {seeds[0]}):")
    for frame in frames:
        print(f"  {frame:<46} {results['framing'][0].per_frame[frame]:.3f}  ({int(Y[:, frames.index(frame)].sum())} "
              "articles)")
    if not args.no_timing:
        from throughput import frames_step  # benchmarks/throughput.py, beside this script

        timed = frames_step(list(data.texts))
        parse, step, words = timed["parse"], timed["frames"], timed["words"]
        print(f"\nparse (no cache): {parse:.1f} s, {words / parse:,.0f} words/s; frames component: {step:.2f} s, "
              f"{words / step:,.0f} words/s; share of the parse time: {100 * step / parse:.1f} % (target <= 10 %)")


if __name__ == "__main__":
    sys.exit(main())
