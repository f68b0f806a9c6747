"""A small labelled set written here (no parse): documents whose words and cue hits follow their frames."""

from __future__ import annotations

import numpy as np

from framing.frames.features import DocFeatures

FRAMES = ("Economic", "Security_and_defense", "Political")
#: Words that come with each frame, and words every document has.
WORDS = {"Economic": ("tax", "budget", "price"), "Security_and_defense": ("troop", "missile", "border"),
         "Political": ("senate", "vote", "party")}
COMMON = ("the", "say", "week", "report")
CUES = (("tax", "Economic"), ("troop", "Security_and_defense"), ("senate", "Political"))


def document(labels: tuple[str, ...], k: int) -> DocFeatures:
    """A document of three sentences: common words, then two words of each of its frames (which
    two depends on ``k``), the first of them also a cue hit."""
    terms, sents, hits, hit_sents = [], [], [], []
    for s in range(3):
        for word in COMMON[(k + s) % 4:(k + s) % 4 + 2]:
            terms.append(word)
            sents.append(s)
    for j, frame in enumerate(labels):
        words = WORDS[frame]
        sent = (j + k) % 3
        for word in (words[k % 3], words[(k + 1) % 3]):
            terms.append(word)
            sents.append(sent)
            if word == words[0]:
                hits.append(FRAMES.index(frame))
                hit_sents.append(sent)
    return DocFeatures(terms=tuple(terms), term_sents=np.array(sents), hits=np.array(hits, dtype=np.int64),
                       hit_sents=np.array(hit_sents, dtype=np.int64), n_words=len(terms) + 3, n_sents=3)


def labelled(n: int = 36) -> tuple[list[DocFeatures], np.ndarray]:
    """``n`` documents cycling through every non-empty set of the three frames."""
    sets = [("Economic",), ("Security_and_defense",), ("Political",), ("Economic", "Political"),
            ("Security_and_defense", "Political"), ("Economic", "Security_and_defense")]
    docs, Y = [], []
    for i in range(n):
        labels = sets[i % len(sets)]
        docs.append(document(labels, i))
        Y.append([f in labels for f in FRAMES])
    return docs, np.array(Y, dtype=int)
