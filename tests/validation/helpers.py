"""A small results folder written by hand (two short articles, their sentences and what the tool found
in them), so that samples, coded files and scores can be checked against numbers worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from framing.schemas import frame

DATA = Path(__file__).resolve().parent / "data"
DAILY, HERALD = "daily/1", "herald/1"
SENTENCES = {
    DAILY: ["Regime Crushes Protest", "The regime crushed the brave protesters.",
            "Officials said the march could resume.", "Critics claimed the police had lied."],
    HERALD: ["Police End March", "Police ended the march on Sunday.", "A spokesman said order was restored.",
             "Observers called it a disgrace."],
}
OUTLETS = {DAILY: "Daily", HERALD: "Herald"}
#: What the tool found: (doc_id, sentence number, word, family, category).
MARKERS = [
    (DAILY, 0, "Crushes", "loaded", "war and aggression"),
    (DAILY, 1, "regime", "loaded", "evaluative label"),
    (DAILY, 1, "crushed", "loaded", "war and aggression"),
    (DAILY, 1, "brave", "loaded", "evaluative modifier"),
    (DAILY, 2, "said", "reporting_verb", "neutral"),
    (DAILY, 2, "could", "hedge", "epistemic modal"),
    (DAILY, 3, "claimed", "reporting_verb", "distancing"),
    (DAILY, 3, "lied", "loaded", "delegitimising"),
    (HERALD, 2, "said", "reporting_verb", "neutral"),
    (HERALD, 3, "disgrace", "loaded", "outrage and scandal"),
]


def text_of(doc_id: str) -> str:
    """Headline, blank line, body: as `framing analyze` writes an article's text."""
    headline, *body = SENTENCES[doc_id]
    return headline + "\n\n" + " ".join(body)


def tables() -> dict[str, pd.DataFrame]:
    articles, sentences, markers = [], [], []
    for doc_id, parts in SENTENCES.items():
        text = text_of(doc_id)
        articles.append({"doc_id": doc_id, "outlet": OUTLETS[doc_id], "title": parts[0], "n_words": len(text.split()),
                         "n_sentences": len(parts), "text": text})
        for i, sentence in enumerate(parts):
            start = text.index(sentence)
            sentences.append({"doc_id": doc_id, "sent_id": i, "start_char": start, "end_char": start + len(sentence),
                              "section": "headline" if i == 0 else "body", "text": sentence})
    for doc_id, i, word, family, category in MARKERS:
        text, sentence = text_of(doc_id), SENTENCES[doc_id][i]
        start = text.index(sentence) + sentence.index(word)
        markers.append({"doc_id": doc_id, "sent_id": i, "start_char": start, "end_char": start + len(word), "text": word,
                        "lemma": word.lower(), "family": family, "category": category, "entry": word.lower(),
                        "source": "project", "voice": "author"})
    quotes = [{"doc_id": HERALD, "quote_id": 1, "sent_id": 2, "kind": "indirect", "start_char": 69, "end_char": 88,
               "text": "order was restored.", "speaker": "A spokesman", "speaker_type": "anonymous", "cue": "said",
               "cue_class": "neutral"}]
    return {"articles": frame("articles", articles), "sentences": frame("sentences", sentences),
            "markers": frame("markers", markers), "quotes": frame("quotes", quotes), "mentions": frame("mentions")}


def write_results(folder: Path) -> Path:
    """The hand-made results as CSV tables in ``folder`` (as `framing analyze --out` writes them)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in tables().items():
        table.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n")
    return folder


def fixture(name: str, out: Path, sample) -> Path:
    """A coded file of ``data/`` written to ``out`` with the sample's ids in place of @SAMPLE_ID@ and
    @CORPUS_ID@ (the export formats are as the tools write them; only the ids depend on the sample)."""
    text = (DATA / name).read_text(encoding="utf-8")
    out.write_text(text.replace("@SAMPLE_ID@", sample.sample_id).replace("@CORPUS_ID@", sample.corpus_id),
                   encoding="utf-8")
    return out
