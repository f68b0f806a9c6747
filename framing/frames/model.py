"""A trained frames model: read it, write it, and score a document with it (NumPy only).

The model is linear. For each frame ``f`` its decision value is

    z_f = bias_f + sum_t W[f, t] * tfidf_t + sum_k Wcue[f, k] * cue_k

where ``tfidf`` is the sublinear TF-IDF vector of the document's terms (``(1 + log tf) * idf``,
L2-normalised) and ``cue`` the raw cue features (hits per 1,000 words and ``log(1 + hits)`` of each
frame; their standardisation is folded into ``Wcue`` and ``bias``). The score of a frame is the
probability ``1 / (1 + exp(-z))``; a frame is present when its score reaches the model's threshold,
and the ``min_k`` frames with the highest scores above or below it are always present.

Because ``z`` is linear in per-token quantities it splits exactly into the bias plus one part per
sentence: every occurrence of a term carries ``W[f, t] * tfidf_t / tf_t`` and every cue hit its share
of the cue features (:meth:`FramesModel.contributions`). A sentence's part is its evidence for the
frame, in the same units as ``z``; the parts and the bias add up to ``z``.

A model is one ``frames.npz`` file (NumPy arrays only, read with ``allow_pickle=False``) in a folder,
next to its ``MODEL_CARD.md``: ``vocab``, ``idf``, ``W``, ``Wcue``, ``bias`` and ``meta`` (JSON: the
frames, the cue entries the model was trained with, the threshold, ``min_k``, the settings). The same
model gives the same bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from framing.errors import ModelError
from framing.models import DEFAULT, SHIPPED, load_once, model_file, version_of
from framing.frames.features import DocFeatures, cue_features
from framing.lexicons.entries import Entry
from framing.records import FRAME_FAMILY

#: The folder of the model shipped with the package (trained on SemEval-2023 Task 3, see its card).
DEFAULT_MODEL = SHIPPED / "frames"
MODEL_FILE = "frames.npz"
#: What ``frames_model`` / ``--frames-model`` accept besides a folder.
FORMAT = "framing-frames-1"
ARRAYS = ("vocab", "idf", "W", "Wcue", "bias", "meta")
RETRAIN = "train one with `framing train frames DATA --out DIR`, or use --frames-model default or off"


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def select(scores: np.ndarray, threshold: float, min_k: int) -> np.ndarray:
    """Present (bool) per row and frame: score >= threshold, plus the ``min_k`` highest scores of each row."""
    scores = np.atleast_2d(scores)
    present = scores >= threshold
    if min_k:
        top = np.argsort(-scores, axis=1, kind="stable")[:, :min_k]
        np.put_along_axis(present, top, True, axis=1)
    return present


@dataclass
class FramesModel:
    """A linear multi-label frames model (see the module docs). ``cues``: the (entry, frame) pairs of
    the cue lexicon it was trained with; ``meta``: settings and training facts for the card."""

    frames: tuple[str, ...]
    vocab: tuple[str, ...]
    idf: np.ndarray
    W: np.ndarray
    Wcue: np.ndarray
    bias: np.ndarray
    threshold: float
    min_k: int
    cues: tuple[tuple[str, str], ...]
    meta: dict = field(default_factory=dict)
    version: str = ""
    _index: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {term: i for i, term in enumerate(self.vocab)}
        self._W = np.asarray(self.W, dtype=np.float64)
        self._Wcue = np.asarray(self.Wcue, dtype=np.float64)
        self._bias = np.asarray(self.bias, dtype=np.float64)
        self._idf = np.asarray(self.idf, dtype=np.float64)

    @property
    def name(self) -> str:
        return str(self.meta.get("name", "frames"))

    @property
    def source(self) -> str:
        """What rows found by this model name as their source: its name and version."""
        return f"{self.name} {self.version}".strip()

    def cue_entries(self) -> list[Entry]:
        """The cue entries the model was trained with, as lexicon entries (for the cue matcher)."""
        return [Entry(entry, FRAME_FAMILY, frame, "", "model") for entry, frame in self.cues]

    def _tfidf(self, features: DocFeatures) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(vocabulary ids of the distinct known terms, their TF-IDF values, their counts, the id of each
        term occurrence, -1 for an unknown term)."""
        ids = np.fromiter((self._index.get(t, -1) for t in features.terms), dtype=np.int64,
                          count=len(features.terms))
        known = ids[ids >= 0]
        unique, counts = np.unique(known, return_counts=True)
        values = (1.0 + np.log(counts)) * self._idf[unique]
        norm = float(np.sqrt((values ** 2).sum())) or 1.0
        return unique, values / norm, counts, ids

    def decision(self, features: DocFeatures) -> np.ndarray:
        """The decision value ``z`` of every frame."""
        unique, values, _, _ = self._tfidf(features)
        raw = cue_features(features.cue_counts(len(self.frames)), features.n_words)
        return self._W[:, unique] @ values + self._Wcue @ raw + self._bias

    def contributions(self, features: DocFeatures) -> np.ndarray:
        """The part of each sentence (rows, by sentence index) in each frame's decision value (columns);
        with the bias they add up to :meth:`decision`."""
        n_frames = len(self.frames)
        out = np.zeros((features.n_sents, n_frames))
        unique, values, counts, ids = self._tfidf(features)
        known = ids >= 0
        if known.any():
            column = np.searchsorted(unique, ids[known])
            share = self._W[:, unique] * (values / counts)  # frames x distinct terms: one occurrence's part
            pairs = np.zeros((features.n_sents, len(unique)))
            np.add.at(pairs, (features.term_sents[known], column), 1.0)
            out += pairs @ share.T
        if len(features.hits):
            hits = features.cue_counts(n_frames)
            per_hit = (self._Wcue[:, :n_frames] * 1000.0 / max(features.n_words, 1)
                       + self._Wcue[:, n_frames:] * np.where(hits > 0, np.log1p(hits) / np.maximum(hits, 1), 0.0))
            sent_hits = np.zeros((features.n_sents, n_frames))
            np.add.at(sent_hits, (features.hit_sents, features.hits), 1.0)
            out += sent_hits @ per_hit.T
        return out

    def score(self, features: DocFeatures) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(scores, present, contributions) of one document: the probability of each frame, the
        decision, and :meth:`contributions`."""
        parts = self.contributions(features)
        z = self._bias + parts.sum(axis=0)
        scores = sigmoid(z)
        return scores, select(scores, self.threshold, self.min_k)[0], parts

    def save(self, folder: str | Path) -> Path:
        """Write ``frames.npz`` into ``folder`` (created if needed); the same model gives the same bytes.
        Returns the file's path. Raises OutputError when the folder cannot be written."""
        from framing.io import prepare_dir, write_atomic

        path = prepare_dir(folder) / MODEL_FILE
        data = model_bytes(self)
        write_atomic(path, data)
        self.version = version_of(data)
        return path


def model_bytes(model: FramesModel) -> bytes:
    """The ``.npz`` bytes of ``model``: a zip of ``.npy`` arrays with fixed dates, no pickles."""
    meta = {"format": FORMAT, "frames": list(model.frames), "cues": [list(c) for c in model.cues],
            "threshold": float(model.threshold), "min_k": int(model.min_k), "meta": model.meta}
    arrays = {"vocab": np.array(model.vocab, dtype=str), "idf": np.asarray(model.idf, dtype=np.float32),
              "W": np.asarray(model.W, dtype=np.float32), "Wcue": np.asarray(model.Wcue, dtype=np.float32),
              "bias": np.asarray(model.bias, dtype=np.float32), "meta": np.array(json.dumps(meta, sort_keys=True))}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in ARRAYS:
            array = io.BytesIO()
            np.lib.format.write_array(array, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, array.getvalue())
    return buffer.getvalue()


def model_path(spec: str | Path) -> Path | None:
    """The ``frames.npz`` a ``frames_model`` setting names: the shipped one for ``default``, None for
    ``off``, else the file in the folder given (or the ``.npz`` file given). Raises ModelError when there
    is none."""
    return model_file(spec, shipped="frames", file=MODEL_FILE, kind="frames", retrain=RETRAIN)


def load_frames_model(spec: str | Path = DEFAULT) -> FramesModel | None:
    """The frames model a ``frames_model`` setting names (None for ``off``), read once per file.
    Raises ModelError for a missing or unreadable model."""
    return load_once(model_path(spec), _load)


@lru_cache(maxsize=8)
def _load(path: str, _stamps: tuple) -> FramesModel:
    try:
        data = Path(path).read_bytes()
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            missing = [name for name in ARRAYS if f"{name}.npy" not in archive.zip.namelist()]
            if missing:
                raise ValueError(f"arrays {', '.join(missing)} missing")
            meta = json.loads(str(archive["meta"].reshape(-1)[0]))
            if meta.get("format") != FORMAT:
                raise ValueError(f"format {meta.get('format')!r}, expected {FORMAT!r}")
            model = FramesModel(
                frames=tuple(meta["frames"]), vocab=tuple(archive["vocab"].tolist()), idf=archive["idf"],
                W=archive["W"], Wcue=archive["Wcue"], bias=archive["bias"], threshold=float(meta["threshold"]),
                min_k=int(meta["min_k"]), cues=tuple((str(e), str(f)) for e, f in meta["cues"]),
                meta=dict(meta.get("meta", {})), version=version_of(data))
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as error:
        raise ModelError(path, f"not a readable frames model ({error})", RETRAIN) from None
    n_frames, n_terms = len(model.frames), len(model.vocab)
    if model.W.shape != (n_frames, n_terms) or model.Wcue.shape != (n_frames, 2 * n_frames) \
            or model.bias.shape != (n_frames,) or model.idf.shape != (n_terms,):
        raise ModelError(path, "not a readable frames model (array shapes do not agree)", RETRAIN)
    return model
