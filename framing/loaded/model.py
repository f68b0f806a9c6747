"""A trained loaded-language span model: read it, write it, and find spans in a parsed Doc with it.

The model is a linear-chain CRF (:mod:`framing.loaded.crf`) over the token features of
:mod:`framing.loaded.features`, with three labels: outside, inside loaded language, inside name
calling. Sentences are its sequences. It keeps, beside its weights, what it needs to be applied the
way it was trained: the lexicon entries whose markers were features (the toolkit's lexicons at
training time, stored in the model, so that the lexicons of a run never change what the model finds),
the decoding threshold, the gate of the merge rule (see :mod:`framing.loaded.spans`), and facts for
its card (data, scores, versions).

A model is one JSON file, ``loaded.json``, in a folder, next to its ``MODEL_CARD.md``; no pickles.
The same model gives the same bytes; its version is the first 12 hex digits of the file's SHA-256.

>>> model = load_loaded_model("default")                     # doctest: +SKIP
>>> model.probabilities(doc, markers).shape                  # doctest: +SKIP
(412, 3)
"""

from __future__ import annotations

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
        return self.crf.marginals(self.featurizer(doc, markers), starts)

    def to_bytes(self) -> bytes:
        """The ``loaded.json`` bytes of the model (keys sorted: the same model gives the same bytes)."""
        data = {"format": FORMAT, "threshold": self.threshold, "rule": self.rule, "gate": self.gate,
                "entries": [[e.entry, e.family, e.category, e.source] for e in self.entries],
                "meta": self.meta, "crf": json.loads(self.crf.to_json())}
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")

    def save(self, folder: str | Path) -> Path:
        """Write ``loaded.json`` into ``folder`` (created if needed); returns its path and sets
        :attr:`version`. Raises OutputError when the folder cannot be written."""
        from framing.io import prepare_dir, write_atomic

        path = prepare_dir(folder) / MODEL_FILE
        data = self.to_bytes()
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
    return load_once(model_path(spec), _load)


@lru_cache(maxsize=8)
def _load(path: str, _mtime: int, _size: int) -> LoadedModel:
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
        return LoadedModel(crf=crf, threshold=float(data["threshold"]), rule=str(data["rule"]),
                           gate=float(data["gate"]), entries=entries, meta=dict(data.get("meta", {})),
                           version=version_of(raw))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise ModelError(path, f"not a readable loaded-language model ({error})", RETRAIN) from None
