"""A trained loaded-language span model: read it, write it, and find spans in a parsed Doc with it.

The model is a linear-chain CRF (:mod:`framing.loaded.crf`) over the token features of
:mod:`framing.loaded.features`, with three labels: outside, inside loaded language, inside name
calling. Sentences are its sequences. It keeps, beside its weights, what it needs to be applied the
way it was trained: the lexicon entries whose markers were features (the toolkit's lexicons at
training time, stored in the model, so that the lexicons of a run never change what the model finds),
the decoding threshold, the gate of the merge rule (see :mod:`framing.loaded.spans`), and facts for
its card (data, scores, versions).

A model may have a second stage, an encoder (:mod:`framing.loaded.encoder`, a small transformer
fine-tuned on the same data). Then the CRF reads every sentence first, and the encoder reads again the
sentences where the CRF gives some token a probability of at least ``select`` of lying inside loaded
language, or where a loaded marker of the model's entries lies: its probabilities replace the CRF's in
those sentences. The other sentences keep the CRF's, which lie under ``select``, and so under the
threshold, which is above ``select`` with an encoder: only the encoder's probabilities make spans.
Reading only those sentences is what keeps the encoder's cost near half of the parse on news (see
benchmarks/README.md).

A model is one JSON file, ``loaded.json``, in a folder, next to its ``MODEL_CARD.md``, and with an
encoder ``encoder.bin`` (its weights) and ``vocab.txt`` (its word pieces); no pickles. ``loaded.json``
holds the SHA-256 of the other two, so the version covers them: the same model gives the same bytes;
its version is the first 12 hex digits of the SHA-256 of ``loaded.json``.

>>> model = load_loaded_model("default")                     # doctest: +SKIP
>>> model.probabilities(doc, markers).shape                  # doctest: +SKIP
(412, 3)
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from framing.errors import ModelError
from framing.models import DEFAULT, SHIPPED, load_once, model_file, version_of
from framing.lexicons.entries import Entry
from framing.loaded.crf import CRF
from framing.loaded.encoder import VOCAB_FILE, WEIGHTS_FILE, Encoder, WordPieces, read_weights, write_weights
from framing.loaded.features import Featurizer
from framing.loaded.spans import RULES
from framing.records import Marker

#: The folder of the model shipped with the package (trained on SemEval-2023 Task 3, see its card).
DEFAULT_MODEL = SHIPPED / "loaded"
MODEL_FILE = "loaded.json"
#: What ``loaded_model`` / ``--loaded-model`` accept besides a folder.
FORMAT = "framing-loaded-1"
#: The CRF's labels: outside, inside loaded language, inside name calling (columns of the probabilities).
LABELS = ("O", "LL", "NC")
RETRAIN = "train one with `framing train loaded DATA --out DIR`, or use --loaded-model default or off"


@dataclass
class LoadedModel:
    """A loaded-language span model (see the module docs). ``entries``: the lexicon entries whose
    markers are features; ``meta``: training facts for the card."""

    crf: CRF
    threshold: float
    rule: str
    gate: float
    entries: tuple[Entry, ...]
    meta: dict = field(default_factory=dict)
    version: str = ""
    encoder: Encoder | None = None
    select: float = 0.0

    @property
    def name(self) -> str:
        return str(self.meta.get("name", "loaded"))

    @property
    def source(self) -> str:
        """What rows found by this model name as their ``source``: ``model:``, its name and version."""
        return f"model: {self.name} {self.version}".strip()

    @cached_property
    def featurizer(self) -> Featurizer:
        return Featurizer()

    @cached_property
    def gated_entries(self) -> frozenset[tuple[str, str, str]]:
        """``(entry, family, category)`` of the entries the model learnt from: their matches may be gated."""
        return frozenset((e.entry, e.family, e.category) for e in self.entries)

    def learnt(self, marker: Marker) -> bool:
        """True when ``marker`` comes from an entry the model learnt from (the gate applies to it)."""
        return (marker.entry, marker.family, marker.category) in self.gated_entries

    def probabilities(self, doc: Doc, markers: list[Marker]) -> np.ndarray:
        """``(tokens, 3)``: each token's probability of being outside, inside loaded language, inside
        name calling; ``markers`` are the markers of the model's own entries in ``doc``."""
        if not len(doc):
            return np.zeros((0, len(LABELS)))
        starts = [sent.start for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
        probabilities = self.crf.marginals(self.featurizer(doc, markers), starts)
        if self.encoder is not None:
            columns = doc.to_array(["IDX", "LENGTH"]).reshape(len(doc), 2).tolist()
            idx = np.fromiter((a for a, _ in columns), dtype=np.int64, count=len(doc))
            hits = np.zeros(len(doc), dtype=bool)
            for m in markers:
                if m.family == "loaded":
                    hits[max(0, int(np.searchsorted(idx, m.start_char, "right")) - 1):
                         int(np.searchsorted(idx, m.end_char, "left"))] = True
            text = doc.text  # the token texts, sliced (faster than a Token object each)
            self.second_stage(probabilities, starts, hits, [text[a:a + n] for a, n in columns])
        return probabilities

    def second_stage(self, probabilities: np.ndarray, starts: list[int], hits: np.ndarray, texts: list[str]) -> int:
        """Let the encoder read again, in place, the sentences (from ``starts``) where a token's CRF
        probability of lying inside is at least ``select`` or where ``hits`` (a loaded marker's tokens) is
        set (see the module docs). Returns the pieces encoded (0 without an encoder)."""
        if self.encoder is None or not len(texts):
            return 0
        inside = probabilities[:, 1] + probabilities[:, 2]
        bounds = [*starts, len(texts)]
        chosen = [(a, b) for a, b in zip(bounds, bounds[1:])
                  if b > a and (inside[a:b].max() >= self.select or hits[a:b].any())]
        for start, end in chosen:
            probabilities[start:end] = (1.0, 0.0, 0.0)
        return self.encoder.token_probabilities(texts, chosen, probabilities)

    def encoder_files(self) -> dict[str, bytes]:
        """The encoder's files (``encoder.bin``, ``vocab.txt``) by name; none without an encoder."""
        if self.encoder is None:
            return {}
        return {WEIGHTS_FILE: write_weights(self.encoder.arrays),
                VOCAB_FILE: ("\n".join(self.encoder.pieces.vocab) + "\n").encode("utf-8")}

    def to_bytes(self, files: dict[str, bytes] | None = None) -> bytes:
        """The ``loaded.json`` bytes of the model (keys sorted: the same model gives the same bytes);
        ``files``: the encoder's files, when already made."""
        data = {"format": FORMAT, "threshold": self.threshold, "rule": self.rule, "gate": self.gate,
                "entries": [[e.entry, e.family, e.category, e.source] for e in self.entries],
                "meta": self.meta, "crf": json.loads(self.crf.to_json())}
        if self.encoder is not None:
            files = self.encoder_files() if files is None else files
            data["encoder"] = {"config": self.encoder.config, "select": self.select,
                               "sha256": {name: hashlib.sha256(b).hexdigest() for name, b in sorted(files.items())}}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")

    def save(self, folder: str | Path) -> Path:
        """Write ``loaded.json`` (and the encoder's files) into ``folder`` (created if needed); returns the
        path of ``loaded.json`` and sets :attr:`version`. Raises OutputError when the folder cannot be
        written."""
        from framing.io import prepare_dir, write_atomic

        folder = prepare_dir(folder)
        files = self.encoder_files()
        for name, content in files.items():
            write_atomic(folder / name, content)
        path = folder / MODEL_FILE
        data = self.to_bytes(files)
        write_atomic(path, data)
        self.version = version_of(data)
        return path


def model_path(spec: str | Path) -> Path | None:
    """The ``loaded.json`` a ``loaded_model`` setting names: the shipped one for ``default``, None for
    ``off``, else the file in the folder given (or the file given). Raises ModelError when there is none."""
    return model_file(spec, shipped="loaded", file=MODEL_FILE, kind="loaded-language", retrain=RETRAIN)


def load_loaded_model(spec: str | Path = DEFAULT) -> LoadedModel | None:
    """The model a ``loaded_model`` setting names (None for ``off``), read once per file.
    Raises ModelError for a missing or unreadable model."""
    return load_once(model_path(spec), _load, companions=(WEIGHTS_FILE, VOCAB_FILE))


@lru_cache(maxsize=8)
def _load(path: str, _stamps: tuple) -> LoadedModel:
    try:
        raw = Path(path).read_bytes()
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format') if isinstance(data, dict) else None!r}, "
                             f"expected {FORMAT!r}")
        crf = CRF.from_json(json.dumps(data["crf"]))
        if crf.labels != LABELS:
            raise ValueError(f"labels {list(crf.labels)}, expected {list(LABELS)}")
        entries = tuple(Entry(str(e), str(f), str(c), "", str(s)) for e, f, c, s in data["entries"])
        if data["rule"] not in RULES:
            raise ValueError(f"merge rule {data['rule']!r}, expected one of {', '.join(RULES)}")
        encoder, select = None, 0.0
        if "encoder" in data:
            encoder, select = _read_encoder(Path(path).parent, data["encoder"]), float(data["encoder"]["select"])
        return LoadedModel(crf=crf, threshold=float(data["threshold"]), rule=str(data["rule"]),
                           gate=float(data["gate"]), entries=entries, meta=dict(data.get("meta", {})),
                           version=version_of(raw), encoder=encoder, select=select)
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise ModelError(path, f"not a readable loaded-language model ({error})", RETRAIN) from None


def _read_encoder(folder: Path, about: dict) -> Encoder:
    """The encoder whose files lie in ``folder``, checked against their SHA-256 in ``about``."""
    files = {}
    for name in (WEIGHTS_FILE, VOCAB_FILE):
        content = (folder / name).read_bytes()
        if hashlib.sha256(content).hexdigest() != about["sha256"][name]:
            raise ValueError(f"{name} is not the file the model was saved with")
        files[name] = content
    pieces = WordPieces(files[VOCAB_FILE].decode("utf-8").splitlines())
    return Encoder(read_weights(files[WEIGHTS_FILE]), about["config"], pieces)
