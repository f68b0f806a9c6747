"""``framing train loaded DATA --out DIR``: train a loaded-language span model on annotated texts and write
it with its model card.

The steps:

1. read and check the annotated texts (:mod:`framing.loaded.data`);
2. parse each text once (through the parse cache, as ``framing analyze`` does) and keep, as plain data,
   its token features (:mod:`framing.loaded.features`), its gold labels, and the matches of the
   ``loaded`` lexicon;
3. hold out a fixed share of the texts (``--holdout``, by a shuffle with ``--seed``);
4. on the rest, choose the L1 penalty, the decoding threshold and the gate of the merge rule by
   ``--folds``-fold cross-validation, scoring the model merged with the lexicon (what ``framing
   analyze`` shows) by partial-overlap F1, among the settings whose merged precision is at least the
   lexicon's alone (a user reads every row as evidence: the model may add recall, not dilute it);
5. fit on the rest with that choice and score the held-out texts: the model alone, the lexicon alone,
   the two merged (printed, and written into the card);
6. fit again on every text with the same choice, and write ``loaded.json`` and ``MODEL_CARD.md``.

With ``--encoder-layers N`` (N above 0; needs PyTorch, see :mod:`framing.loaded.encoder_train`) the
model gets its second stage, an encoder of N layers fine-tuned on the same texts
(:mod:`framing.loaded.model`): in step 5 it is fine-tuned on the rest and scored with the CRF on the
held-out texts, in step 6 fine-tuned again on every text. The CRF hands it the sentences at
:data:`SELECT`, and its probabilities are decoded at :data:`ENCODER_THRESHOLD`: both are fixed, chosen
by cross-validation on SemEval-2023 Task 3, not searched in training (a search would fine-tune the
encoder once per setting and fold).

Everything is seeded: the same data and settings give the same bytes. Progress bars show the parse and
the fits.

>>> result = train_loaded("path/to/semeval23", "my-model")          # doctest: +SKIP
>>> result.held_out["merged"].f1                                    # doctest: +SKIP
0.34
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from framing.errors import FramingError
from framing.loaded.crf import CRF, fit
from framing.loaded.data import Annotated, read_annotated
from framing.loaded.model import LABELS, LoadedModel
from framing.loaded.spans import LOADED_LANGUAGE, RULES, LexiconSpan, SpanScores, Tokens, combine, span_scores
from framing.options import BATCH_SIZE

#: Fewest annotated texts a model is trained on.
MIN_TEXTS = 10
#: The search of the cross-validation: L1 penalties, decoding thresholds, gates (0: no gate, plain
#: "longer span wins"). L1 at 0.5 to 1.0 measured best on SemEval-2023 (it prunes rare word features).
C1_GRID = (0.5, 1.0)
C2 = 0.01
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
GATES = (0.0, 0.05, 0.1, 0.15, 0.2)
MAX_ITERATIONS = 150
#: The merge rule of a new model (see :mod:`framing.loaded.spans`): ``lexicon`` keeps every lexicon match.
RULE = "lexicon"
TAG = {LOADED_LANGUAGE: "LL"}  # name calling: "NC"
#: With an encoder: the CRF probability at which a sentence goes to the encoder, and the threshold that
#: decodes the encoder's probabilities, both chosen by 5-fold cross-validation on SemEval-2023 Task 3
#: (benchmarks/README.md). The CRF's own threshold, chosen in training, is not used then: a sentence
#: with a token at ``SELECT`` or above is read again by the encoder, so every token the CRF alone
#: decides stays below any threshold above ``SELECT``.
SELECT = 0.08
ENCODER_THRESHOLD = 0.5
LOADED = "loaded"


@dataclass
class Example:
    """One parsed text as plain data: token features, sentence starts, tokens, gold labels and spans,
    and the ``loaded`` lexicon matches (the Doc itself is not kept)."""

    id: str
    features: list[list[str]]
    starts: list[int]
    tokens: Tokens
    labels: list[str]
    gold: list[tuple[int, int]]
    lexicon: list[LexiconSpan]
    extra: object = None


@dataclass
class Trained:
    """What a training run made: the model, its held-out scores (None with ``holdout=0``), the files."""

    model: LoadedModel
    held_out: dict[str, SpanScores] | None
    data: Annotated
    files: list[Path] = field(default_factory=list)


def token_labels(tokens: Tokens, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """IO labels of the tokens: ``LL`` or ``NC`` for a token that shares a character with a span of that
    category (name calling wins where both apply), ``O`` otherwise."""
    labels = ["O"] * len(tokens)
    for start, end, category in sorted(spans, key=lambda s: s[2] != LOADED_LANGUAGE):
        a, b = tokens.token_range(start, end)
        for i in range(a, b):
            if not tokens.space[i]:
                labels[i] = TAG.get(category, "NC")
    return labels


def parse_examples(data: Annotated, *, model: str | None = None, cache: bool = True, cache_dir: str | None = None,
                   batch_size: int = BATCH_SIZE, progress: bool = False, extra: Callable | None = None
                   ) -> tuple[list[Example], list, dict[str, str]]:
    """Parse the texts of ``data`` (through the parse cache) and return their examples, the lexicon
    entries the features read (the shipped lexicons, all families), and the spaCy pipeline's name and
    version; ``extra(doc)``, when given, is kept as each example's ``extra``. Raises ModelError,
    LexiconError."""
    from framing.lexicons.entries import load_lexicon
    from framing.loaded.features import Featurizer
    from framing.options import Options
    from framing.pipeline.engine import Analyzer
    from framing.pipeline.markers import MarkerFinder
    from framing.pipeline.phrases import widen_loaded

    settings = Options(model=model, tables=("markers",), cache=cache, cache_dir=cache_dir, batch_size=batch_size,
                       loaded_model="off")
    analyzer = Analyzer(settings)
    entries = load_lexicon()
    finder = MarkerFinder(analyzer.nlp.vocab, analyzer.nlp.tokenizer, entries)
    featurizer = Featurizer()
    examples = []
    bar = _bar(len(data), "parsing", " texts", progress)
    for start in range(0, len(data), batch_size):
        ids = data.ids[start:start + batch_size]
        for k, doc in enumerate(analyzer.docs(list(data.texts[start:start + batch_size]))):
            markers = finder.find(doc)  # the matched words: what the model component's features read
            tokens = Tokens.of(doc)
            spans = data.spans[start + k]
            starts = [s.start for s in doc.sents] if len(doc) and doc.has_annotation("SENT_START") else [0]
            examples.append(Example(
                id=ids[k], features=featurizer(doc, markers), starts=starts, tokens=tokens,
                labels=token_labels(tokens, spans), gold=sorted({(s, e) for s, e, _ in spans}),
                lexicon=[LexiconSpan(m.start_char, m.end_char) for m in widen_loaded(doc, markers)
                         if m.family == LOADED],  # the rows `framing analyze` reports: the phrases
                extra=None if extra is None else extra(doc)))
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    meta = analyzer.nlp.meta
    pipeline = {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": str(meta.get("version", ""))}
    return examples, entries, pipeline


def _sentences(examples: Sequence[Example]) -> tuple[list[list[list[str]]], list[list[str]]]:
    """The training sequences (sentences) and their labels."""
    xs, ys = [], []
    for example in examples:
        bounds = [*example.starts, len(example.features)]
        for a, b in zip(bounds, bounds[1:]):
            if b > a:
                xs.append(example.features[a:b])
                ys.append(example.labels[a:b])
    return xs, ys


def fit_examples(examples: Sequence[Example], c1: float, progress: Callable[[int], None] | None = None) -> CRF:
    xs, ys = _sentences(examples)
    return fit(xs, ys, c1=c1, c2=C2, max_iterations=MAX_ITERATIONS, label_names=LABELS, progress=progress)


def predict(crf: CRF, examples: Sequence[Example]) -> list[np.ndarray]:
    """Each example's token probabilities (outside, loaded language, name calling)."""
    return [crf.marginals(e.features, e.starts) if e.features else np.zeros((0, len(LABELS))) for e in examples]


def predicted_spans(example: Example, probabilities: np.ndarray, threshold: float, gate: float,
                    what: str = "merged", rule: str = "gated") -> list[tuple[int, int]]:
    """The character spans ``what`` (``merged``, ``model`` or ``lexicon``) gives in ``example``, the model's
    spans merged with the lexicon matches by ``rule`` (see :mod:`framing.loaded.spans`)."""
    if what == "lexicon":
        return [(m.start_char, m.end_char) for m in example.lexicon]
    lexicon = example.lexicon if what == "merged" else []
    keep, spans = combine(example.tokens, probabilities, lexicon, threshold, rule, gate)
    return [(lexicon[k].start_char, lexicon[k].end_char) for k in keep] + [(s.start_char, s.end_char) for s in spans]


def score(examples: Sequence[Example], probabilities: Sequence[np.ndarray], threshold: float, gate: float,
          what: str = "merged", rule: str = "gated") -> SpanScores:
    """Partial- and any-overlap scores of :func:`predicted_spans` on ``examples``."""
    predicted = {e.id: predicted_spans(e, p, threshold, gate, what, rule) for e, p in zip(examples, probabilities)}
    return span_scores(predicted, {e.id: e.gold for e in examples}, [e.id for e in examples])


def folds_of(n: int, k: int, seed: int) -> list[list[int]]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::k]) for i in range(k)]


def choose(examples: Sequence[Example], *, folds: int, seed: int, rule: str = RULE,
           tick: Callable[[int], None] | None = None) -> tuple[float, float, float, float]:
    """``(c1, threshold, gate, F1)``: the setting with the best pooled F1 over ``folds`` folds of the
    model merged with the lexicon by ``rule`` (the gate is searched for the rule ``gated`` only), among
    those whose merged precision is at least the lexicon's alone: the model's rows are read as evidence,
    so adding them must not make the evidence less precise (if no setting manages it, the most precise)."""
    parts = folds_of(len(examples), folds, seed)
    pooled: dict[float, tuple[list[Example], list[np.ndarray]]] = {c1: ([], []) for c1 in C1_GRID}
    for c1 in C1_GRID:
        for test in parts:
            held = set(test)
            crf = fit_examples([e for i, e in enumerate(examples) if i not in held], c1)
            chosen = [examples[i] for i in test]
            pooled[c1][0].extend(chosen)
            pooled[c1][1].extend(predict(crf, chosen))
            if tick is not None:
                tick(1)
    floor = score(pooled[C1_GRID[0]][0], pooled[C1_GRID[0]][1], 0.0, 0.0, "lexicon").precision
    best, fallback = None, None
    for c1 in C1_GRID:
        held, probabilities = pooled[c1]
        for threshold in THRESHOLDS:
            for gate in GATES if rule == "gated" else (0.0,):
                merged = score(held, probabilities, threshold, gate, rule=rule)
                if merged.precision >= floor and (best is None or merged.f1 > best[3] + 1e-9):
                    best = (c1, threshold, gate, merged.f1)
                if fallback is None or merged.precision > fallback[4] + 1e-9:
                    fallback = (c1, threshold, gate, merged.f1, merged.precision)
    return best if best is not None else fallback[:4]


def _bar(total: int, desc: str, unit: str, show: bool):
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, disable=None, leave=False)


def train_loaded(data_path: str | Path, out: str | Path, *, seed: int = 0, folds: int = 3, holdout: float = 0.2,
                 rule: str = RULE, name: str | None = None, about: str = "", model: str | None = None, cache: bool = True,
                 cache_dir: str | None = None, batch_size: int = BATCH_SIZE, progress: bool = False,
                 echo: Callable[[str], None] | None = None, encoder_layers: int = 0,
                 encoder_base: str | Path | None = None) -> Trained:
    """Train a loaded-language span model on the annotated texts at ``data_path`` and write
    ``loaded.json`` and ``MODEL_CARD.md`` into ``out`` (see the module docs). ``holdout``: the share of
    texts scored at the end (0: none); ``folds``: folds of the search; ``rule``: how the model's spans
    and the lexicon's matches are merged (``lexicon``, ``longer``, ``gated``); ``name``: the model's name
    (default ``loaded-`` and the data folder's name); ``about``: a sentence on the data and its terms,
    for the card; ``echo`` prints progress lines; ``encoder_layers``: the layers of the encoder stage (0:
    none), fine-tuned from the weights in ``encoder_base`` (see :mod:`framing.loaded.encoder_train`).
    Raises InputError for bad data, FramingError for too
    few texts or bad settings, ModelError, LexiconError, OutputError."""
    from framing.io import prepare_dir
    from framing.loaded.card import write_card

    say = echo or (lambda line: None)
    data = read_annotated(data_path)
    if len(data) < MIN_TEXTS:
        raise FramingError(data.source, f"only {len(data)} annotated text(s)", f"annotate at least {MIN_TEXTS} "
                           "texts to train a model")
    if not 0 <= holdout < 0.5:
        raise FramingError(None, f"--holdout must be at least 0 and below 0.5 (got {holdout})", "pass --holdout 0.2")
    if not 2 <= folds <= 10:
        raise FramingError(None, f"--folds must be between 2 and 10 (got {folds})", "pass --folds 3")
    if rule not in RULES:
        raise FramingError(None, f"unknown merge rule {rule!r}", f"choose from {', '.join(RULES)}")
    if not any(data.spans):
        raise FramingError(data.source, "no Loaded_Language or Name_Calling-Labeling span in spans.tsv",
                           "annotate loaded language in some texts")
    if encoder_layers < 0:
        raise FramingError(None, f"--encoder-layers must be 0 or more (got {encoder_layers})",
                           "pass --encoder-layers 4, or 0 for none")
    if encoder_layers:
        from framing.loaded.encoder_train import base_arrays, base_folder, require_torch

        require_torch()  # a missing PyTorch is reported now, not after the parse
        base = base_folder(encoder_base)
        base_arrays(base, encoder_layers)  # bad starting weights are reported now, not after the parse
    prepare_dir(out)  # an unwritable folder is reported now, not after the training
    counts = data.counts()
    say(f"{len(data):,} annotated texts from {data.source}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    examples, entries, pipeline = parse_examples(data, model=model, cache=cache, cache_dir=cache_dir,
                                                 batch_size=batch_size, progress=progress,
                                                 extra=(lambda doc: [t.text for t in doc]) if encoder_layers else None)
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    n_held = int(round(holdout * len(examples)))
    held = sorted(order[:n_held])
    train_part = [examples[i] for i in sorted(order[n_held:])]
    fits = folds * len(C1_GRID) + (1 if n_held else 0) + 1
    bar = _bar(fits, "training", " fits", progress)
    tick = None if bar is None else bar.update
    c1, threshold, gate, cv_f1 = choose(train_part, folds=folds, seed=seed, rule=rule, tick=tick)
    say(f"chosen by {folds}-fold cross-validation on {len(train_part)} texts: L1 {c1}, threshold {threshold}"
        + (f", gate {gate}" if rule == "gated" else "") + f" (merged by the rule {rule}: partial-overlap F1 "
        f"{cv_f1:.3f})")
    # with an encoder its probabilities make the spans, decoded at their own fixed threshold
    decoding = ENCODER_THRESHOLD if encoder_layers else threshold
    held_out = None
    if n_held:
        test = [examples[i] for i in held]
        crf = fit_examples(train_part, c1)
        if tick is not None:
            tick(1)
        probabilities = predict(crf, test)
        if encoder_layers:
            staged = LoadedModel(crf=crf, threshold=decoding, rule=rule, gate=gate, entries=(),
                                 encoder=_fine_tune(train_part, encoder_layers, base, seed, "encoder, rest", progress),
                                 select=SELECT)
            probabilities = [second_stage(staged, e, p) for e, p in zip(test, probabilities)]
        held_out = {what: score(test, probabilities, decoding, gate, what, rule)
                    for what in ("model", "lexicon", "merged")}
    crf = fit_examples(examples, c1)
    if bar is not None:
        bar.update(1)
        bar.close()
    encoder = None
    if encoder_layers:
        encoder = _fine_tune(examples, encoder_layers, base, seed, "encoder, all", progress)
    scores = None if held_out is None else {
        "texts": n_held, "seed": seed, **{what: _scores(s) for what, s in held_out.items()}}
    meta = {"name": name or f"loaded-{Path(data.source).name}", "data": Path(data.source).name, "about": about,
            "texts": len(data), "spans": counts, "pipeline": pipeline, "seed": seed, "c1": c1, "c2": C2,
            "max_iterations": MAX_ITERATIONS, "cv_f1": round(cv_f1, 4), "folds": folds, "held_out": scores}
    if encoder is not None:
        meta["encoder"] = {"layers": encoder_layers, "base": Path(base).name if base.name != "model"
                           else Path(base).parent.name, "select": SELECT, "crf_threshold": threshold}
    trained = LoadedModel(crf=crf, threshold=decoding, rule=rule, gate=gate, entries=tuple(entries), meta=meta,
                          encoder=encoder, select=SELECT if encoder is not None else 0.0)
    path = trained.save(out)
    card = write_card(trained, out)
    if held_out is not None:
        say(f"held-out ({n_held} texts, partial overlap | any overlap):")
        for what, label in (("model", "model alone"), ("lexicon", "lexicon alone"), ("merged", "model + lexicon")):
            say(f"  {label:<16} {held_out[what].line()}")
    say(f"model {trained.name} {trained.version}: {crf.size():,} weights, threshold {threshold}, rule {rule}"
        + (f", gate {gate}" if rule == "gated" else ""))
    extra_files = [path.parent / name for name in trained.encoder_files()]
    return Trained(trained, held_out, data, [path, *extra_files, card])


def sentences_of(example: Example) -> list[tuple[int, int]]:
    """The sentences of ``example`` as token ranges."""
    bounds = [*example.starts, len(example.tokens)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _fine_tune(examples: Sequence[Example], layers: int, base: Path, seed: int, what: str, progress: bool):
    """The encoder fine-tuned on ``examples`` (their ``extra``: token texts), with a progress bar."""
    from framing.loaded.encoder import Encoder, WordPieces, read_weights, write_weights
    from framing.loaded.encoder_train import train_encoder

    items = [(e.extra, sentences_of(e), [LABELS.index(label) for label in e.labels]) for e in examples]
    bars = []  # made at the first batch, when the number of batches is known

    def tick(step: int, steps: int) -> None:
        if not bars:
            bars.append(_bar(steps, what, " batches", progress))
        if bars[0] is not None:
            bars[0].update(1)

    arrays, config, vocab = train_encoder(items, base=base, layers=layers, seed=seed, progress=tick)
    if bars and bars[0] is not None:
        bars[0].close()
    # the weights as stored (int8), so that the scores are those of the model written
    return Encoder(read_weights(write_weights(arrays)), config, WordPieces(vocab))


def second_stage(model: LoadedModel, example: Example, probabilities: np.ndarray) -> np.ndarray:
    """``probabilities`` (the CRF's) with the encoder's in the sentences it reads (see
    :meth:`LoadedModel.second_stage`; the loaded markers are the example's lexicon matches)."""
    out = np.array(probabilities, dtype=np.float64)
    hits = np.zeros(len(example.tokens), dtype=bool)
    for match in example.lexicon:
        a, b = example.tokens.token_range(match.start_char, match.end_char)
        hits[a:b] = True
    model.second_stage(out, list(example.starts), hits, example.extra)
    return out


def _scores(s: SpanScores) -> dict:
    return {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
            "any_precision": round(s.any_precision, 4), "any_recall": round(s.any_recall, 4),
            "any_f1": round(s.any_f1, 4), "predicted": s.predicted, "gold": s.gold}
