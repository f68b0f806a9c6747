"""``framing train frames DATA --out DIR``: train a frames model on coded articles and write it with its
model card.

The steps: read and check the coded articles (:mod:`framing.frames.data`); parse each text once (parses
come from and go to the parse cache, as in ``framing analyze``) and keep only its features
(:mod:`framing.frames.features`), the frame cues found with the lexicon in force (the shipped cue
lexicon, plus ``--lexicon`` files, minus ``--no-family frame``); measure the whole training procedure
by k-fold cross-validation (``--folds``, held-out articles only); fit the model on all articles
(:mod:`framing.frames.fit`); write ``frames.npz`` and ``MODEL_CARD.md`` into ``--out``. Progress bars
show the parse and the fits; the held-out scores are printed at the end and written into the card.

>>> result = train_frames("path/to/semeval23", "my-model")          # doctest: +SKIP
>>> result.evaluation.line()                                        # doctest: +SKIP
'micro-F1 0.68 ± 0.02, macro-F1 0.56 ± 0.03 (mean ± sd over 5 folds; ...)'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from framing.errors import FramingError
from framing.frames.data import Labelled, read_labelled
from framing.frames.features import DocFeatures, cue_finder, doc_features, join_features
from framing.frames.fit import Evaluation, cross_validate, fit, fits_per_model
from framing.frames.model import FramesModel
from framing.lexicons.definitions import frame_names
from framing.options import BATCH_SIZE
from framing.records import FRAME_FAMILY

#: Fewest coded articles a model is trained on (each fold of the evaluation needs some of each frame).
MIN_ARTICLES = 10


@dataclass
class Trained:
    """What a training run made: the model, its held-out evaluation (None with ``folds=0``), the files."""

    model: FramesModel
    evaluation: Evaluation | None
    data: Labelled
    files: list[Path]


def featurise(texts: Sequence[str], *, model: str | None = None, lexicon_paths: Sequence[str] = (),
              families: Sequence[str] | None = None, cache: bool = True, cache_dir: str | None = None,
              batch_size: int = BATCH_SIZE, progress: bool = False
              ) -> tuple[list[DocFeatures], list[tuple[str, str]], dict[str, str]]:
    """Parse ``texts`` (through the parse cache) and return their features, the (entry, frame) cue pairs
    used, and the spaCy pipeline's name and version. Raises ModelError, LexiconError."""
    from framing.lexicons.entries import load_lexicon
    from framing.options import Options
    from framing.pipeline.engine import Analyzer
    from framing.pipeline.pieces import MAX_PIECE_CHARS, split_text

    settings = Options(model=model, tables=("markers",), lexicon_paths=tuple(lexicon_paths), families=families,
                       cache=cache, cache_dir=cache_dir, batch_size=batch_size)
    analyzer = Analyzer(settings)
    entries = [e for e in load_lexicon(settings.lexicon_paths, families=settings.families)
               if e.family == FRAME_FAMILY]
    finder = cue_finder(analyzer.nlp.vocab, entries)
    frames = frame_names()
    # long texts are parsed in pieces, as `framing analyze` does, and their features joined
    units = [(k, text[a:b]) for k, text in enumerate(texts)
             for a, b in (split_text(text) if len(text) > MAX_PIECE_CHARS else [(0, len(text))])]
    parts: list[list[DocFeatures]] = [[] for _ in texts]
    bar = _bar(len(texts), "parsing", " articles", progress)
    done = -1
    for start in range(0, len(units), batch_size):
        batch = units[start:start + batch_size]
        for (k, _), doc in zip(batch, analyzer.docs([text for _, text in batch])):
            parts[k].append(doc_features(doc, finder, frames))
            if k != done and bar is not None:
                bar.update(1)
            done = k
    if bar is not None:
        bar.close()
    meta = analyzer.nlp.meta
    pipeline = {"name": f"{meta.get('lang', '')}_{meta.get('name', '')}", "version": str(meta.get("version", ""))}
    return [join_features(p) for p in parts], [(e.entry, e.category) for e in entries], pipeline


def _bar(total: int, desc: str, unit: str, show: bool):
    if not show:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, disable=None, leave=False)


def _ticker(bar) -> Callable[[int], None] | None:
    return None if bar is None else bar.update


def label_matrix(data: Labelled, frames: Sequence[str]) -> np.ndarray:
    return np.array([[frame in labels for frame in frames] for labels in data.labels], dtype=int).reshape(
        len(data), len(frames))


def train_frames(data_path: str | Path, out: str | Path, *, seed: int = 0, folds: int = 5, name: str | None = None,
                 about: str = "", model: str | None = None, lexicon_paths: Sequence[str] = (),
                 families: Sequence[str] | None = None, cache: bool = True, cache_dir: str | None = None,
                 batch_size: int = BATCH_SIZE, progress: bool = False,
                 echo: Callable[[str], None] | None = None) -> Trained:
    """Train a frames model on the coded articles at ``data_path`` and write ``frames.npz`` and
    ``MODEL_CARD.md`` into ``out`` (see the module docs). ``folds``: folds of the held-out evaluation
    (0: none); ``name``: the model's name (default ``frames-`` and the data's name); ``about``: a
    sentence on the data and its terms, for the card; ``echo`` prints progress lines.
    Raises InputError for bad data, FramingError for too few articles, ModelError, LexiconError,
    OutputError."""
    from framing.frames.card import write_card

    say = echo or (lambda line: None)
    data = read_labelled(data_path)
    if len(data) < MIN_ARTICLES:
        raise FramingError(data.source, f"only {len(data)} coded article(s)", f"code at least {MIN_ARTICLES} "
                           "articles to train a model")
    if folds and not 2 <= folds <= len(data):
        raise FramingError(None, f"--folds must be 0 or between 2 and the number of articles (got {folds})",
                           "pass --folds 5")
    from framing.io import prepare_dir

    prepare_dir(out)  # an unwritable folder is reported now, not after the training
    frames = frame_names()
    Y = label_matrix(data, frames)
    say(f"{len(data):,} coded articles from {data.source}")
    features, cues, pipeline = featurise(data.texts, model=model, lexicon_paths=lexicon_paths, families=families,
                                         cache=cache, cache_dir=cache_dir, batch_size=batch_size,
                                         progress=progress)
    evaluation = None
    if folds:
        bar = _bar(folds * fits_per_model(), f"evaluating ({folds}-fold)", " fits", progress)
        evaluation = cross_validate(features, Y, frames, cues, folds=folds, seed=seed, progress=_ticker(bar))
        if bar is not None:
            bar.close()
    meta = {"name": name or f"frames-{Path(data.source).stem}", "data": Path(data.source).name,
            "about": about, "pipeline": pipeline, "evaluation": None if evaluation is None else _scores(evaluation)}
    bar = _bar(fits_per_model(), "training", " fits", progress)
    trained = fit(features, Y, frames, cues, seed=seed, progress=_ticker(bar), meta=meta)
    if bar is not None:
        bar.close()
    path = trained.save(out)
    card = write_card(trained, out)
    if evaluation is not None:
        say(f"held-out ({folds}-fold cross-validation): {evaluation.line()}")
        for frame, value in sorted(evaluation.per_frame.items(), key=lambda kv: (-kv[1], kv[0])):
            say(f"  {frame:<46} F1 {value:.3f}  ({int(Y[:, frames.index(frame)].sum())} articles)")
    say(f"model {trained.source}: setting {trained.meta['setting']}, threshold {trained.threshold:.3f}")
    return Trained(trained, evaluation, data, [path, card])


def _scores(evaluation: Evaluation) -> dict:
    return {"folds": evaluation.folds, "seed": evaluation.seed, "micro_f1": [round(v, 4) for v in evaluation.micro],
            "macro_f1": [round(v, 4) for v in evaluation.macro], "pooled_micro_f1": round(evaluation.pooled_micro, 4),
            "pooled_macro_f1": round(evaluation.pooled_macro, 4),
            "per_frame_f1": {k: round(v, 4) for k, v in evaluation.per_frame.items()},
            "labels_per_article": round(evaluation.labels_per_article, 3)}

