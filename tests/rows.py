"""Rows for hand-built tables: each builder takes the columns a test is about and fills in the rest, so
that :func:`framing.schemas.frame` makes a table of them; :func:`row` finds the one row a test reads."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.schemas import frame


def marker(doc_id: str, family: str, category: str, voice: str = "author", sent_id: int = 0) -> dict:
    """A ``markers`` row (one character long, at the start of the article)."""
    return {"doc_id": doc_id, "sent_id": sent_id, "start_char": 0, "end_char": 1, "text": "w", "lemma": "w",
            "family": family, "category": category, "entry": "w", "source": "project", "voice": voice}


def quote(doc_id: str, quote_id: int, kind: str, speaker: str = "", speaker_type: str = "unknown",
          cue_class: str = "", resolved: str | None = None) -> dict:
    """A ``quotes`` row over characters 0-5; ``resolved`` defaults to the speaker as written."""
    return {"doc_id": doc_id, "quote_id": quote_id, "sent_id": 0, "kind": kind, "start_char": 0, "end_char": 5,
            "text": "words", "speaker": speaker, "speaker_resolved": speaker if resolved is None else resolved,
            "speaker_type": speaker_type, "cue": "said" if cue_class else "", "cue_class": cue_class}


def mention(doc_id: str, sent_id: int, text: str, actor: str, label: str = "PERSON",
            role: str = "subject") -> dict:
    """A ``mentions`` row."""
    return {"doc_id": doc_id, "sent_id": sent_id, "start_char": 0, "end_char": len(text), "text": text,
            "label": label, "actor": actor, "role": role}


def sentences_table(texts: dict[str, list[str]]) -> pd.DataFrame:
    """A ``sentences`` table: doc_id -> its sentences in order (neutral scores)."""
    rows = []
    for doc_id, sentences in texts.items():
        for i, text in enumerate(sentences):
            rows.append({"doc_id": doc_id, "sent_id": i, "start_char": 0, "end_char": len(text), "section": "body",
                         "text": text, "polarity": 0.0, "subjectivity": 0.0})
    return frame("sentences", rows)


def row(table: pd.DataFrame, **where) -> pd.Series:
    """The one row of ``table`` whose columns have the given values."""
    mask = np.logical_and.reduce([table[k] == v for k, v in where.items()])
    found = table[mask]
    assert len(found) == 1, where
    return found.iloc[0]
