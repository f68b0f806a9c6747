"""The model card written next to a frames model: the data and its terms, the scores and how they were
measured, the date, the versions, and how to use and retrain the model.

The date is today's, or that of ``$SOURCE_DATE_EPOCH`` when set (for reproducible builds); everything
else comes from the model file, so the same model and date give the same card.
"""

from __future__ import annotations

from pathlib import Path

from framing.frames.model import MODEL_FILE, FramesModel, model_bytes
from framing.lexicons.definitions import frame_labels
from framing.models import card_date, package_version
from framing.models import write_card as write_model_card


def card_text(model: FramesModel) -> str:
    """The Markdown of the card of ``model``."""
    meta = model.meta
    labels = frame_labels()
    setting = meta.get("setting", {})
    per_frame = meta.get("articles_per_frame", {})
    evaluation = meta.get("evaluation")
    pipeline = meta.get("pipeline", {})
    size = len(model_bytes(model))
    lines = [
        f"# Frames model `{model.name}`", "",
        "Decides which of the 14 generic frames of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik & "
        "Smith 2014, with the names of SemEval-2023 Task 3) an article uses, with a score per frame, and names "
        "the sentences that carry each frame. Written by `framing train frames`; version "
        f"`{model.version}` (the first 12 hex digits of the SHA-256 of `{MODEL_FILE}`).", "",
        "## Data", "",
        f"- {meta.get('articles', '?')} coded articles read from `{meta.get('data', '?')}`."]
    if meta.get("about"):
        lines.append(f"- {meta['about']}")
    lines += ["- Articles per frame:", "", "| frame | articles |", "|---|---|"]
    lines += [f"| {labels.get(f, f)} | {per_frame.get(f, 0)} |" for f in model.frames]
    lines += ["", "## Model", "",
              "- Features, from the spaCy parse: sublinear TF-IDF over the lower-cased lemmas found in at least two "
              f"training articles ({len(model.vocab):,} terms), and per frame the hits of its cue words per 1,000 "
              f"words and log(1 + hits) ({len(model.cues):,} cue entries, stored in the model).",
              "- One logistic regression per frame (L2, balanced class weights), fitted with scikit-learn; applied "
              "with NumPy alone.",
              f"- Chosen by inner 5-fold cross-validation on the training articles: C = {setting.get('C')}, cue "
              f"weight {setting.get('w')}, at least {model.min_k} frames per article; one threshold for all "
              f"frames, {model.threshold:.3f} (on the score, a probability).",
              f"- Inner cross-validation of the chosen setting: micro-F1 {meta.get('inner_micro_f1')}, macro-F1 "
              f"{meta.get('inner_macro_f1')} (optimistic: the setting was chosen on it).",
              f"- File: `{MODEL_FILE}`, {size / 1024:,.0f} KB, NumPy arrays only (no pickles); seed "
              f"{meta.get('seed', 0)}. The same data and seed give the same bytes.", "",
              "## Scores", ""]
    if evaluation:
        micro, macro = evaluation["micro_f1"], evaluation["macro_f1"]
        lines += [f"Held-out: {evaluation['folds']}-fold cross-validation of the whole training procedure (folds by "
                  "iterative multi-label stratification, seed "
                  f"{evaluation['seed']}; the inner search runs inside each training part), on the articles above.", "",
                  "| measure | mean over folds | folds | pooled |", "|---|---|---|---|",
                  f"| micro-F1 | {sum(micro) / len(micro):.3f} | {', '.join(f'{v:.3f}' for v in micro)} | "
                  f"{evaluation['pooled_micro_f1']:.3f} |",
                  f"| macro-F1 | {sum(macro) / len(macro):.3f} | {', '.join(f'{v:.3f}' for v in macro)} | "
                  f"{evaluation['pooled_macro_f1']:.3f} |", "",
                  f"Frames predicted per article: {evaluation['labels_per_article']:.2f}. F1 per frame (pooled):", "",
                  "| frame | F1 |", "|---|---|"]
        lines += [f"| {labels.get(f, f)} | {evaluation['per_frame_f1'].get(f, 0.0):.3f} |" for f in model.frames]
    else:
        lines.append("Not measured (trained with `--folds 0`).")
    lines += ["", "## Versions", "",
              f"- Trained on {card_date()} with framing {package_version('framing')}, spaCy {package_version('spacy')}, scikit-learn "
              f"{package_version('scikit-learn')}, NumPy {package_version('numpy')}.",
              f"- Parsed with the spaCy pipeline `{pipeline.get('name', '?')}` {pipeline.get('version', '')}; apply "
              "the model to texts parsed with the same pipeline.", "",
              "## Use and retrain", "",
              "```sh",
              "framing analyze ARTICLES --out results/ --frames-model THIS_FOLDER   # or: default, off",
              "framing train frames DATA --out MY_MODEL [--seed 0] [--folds 5] [--lexicon MY_CUES.csv]",
              "```", "",
              "`DATA` is a SemEval-2023 Task 3 folder (`frames.tsv`, `text/ID.txt`) or a CSV file with the columns "
              "`doc_id,text,frames` (frames comma-separated). From Python: "
              "`framing.analyze(..., frames_model=\"THIS_FOLDER\")`.", "",
              "## Limits", "",
              "- A bag of words: it sees which words an article uses, not what it says about them; a frame that "
              "an article denies or argues against still counts for it.",
              "- Frames with few training articles are decided poorly (see the per-frame scores); a frame no "
              "training article has is never predicted.",
              "- Scores are calibrated on the training articles' kind of text; on other genres, read the evidence "
              "sentences before the scores.", ""]
    return "\n".join(lines)


def write_card(model: FramesModel, folder: str | Path) -> Path:
    """Write ``MODEL_CARD.md`` for ``model`` into ``folder``; return its path. Raises OutputError."""
    return write_model_card(card_text(model), folder)
