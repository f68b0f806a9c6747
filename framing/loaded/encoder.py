"""A small transformer that tags the word pieces of sentences as outside, inside loaded language or
inside name calling: the second stage of the loaded-language model, in plain NumPy.

The encoder is the first layers of a BERT-style model (MiniLM, lower-cased WordPiece vocabulary)
with a linear layer of three labels on top, fine-tuned by ``framing train loaded --encoder-layers N`` (see
:mod:`framing.loaded.encoder_train`, which needs PyTorch; applying a model needs only NumPy).

How a Doc is read:

- each spaCy token is cut into word pieces the way BERT's own tokenizer cuts words (lower case,
  accents stripped, punctuation apart, greedy longest match in the vocabulary), so that every piece
  belongs to one token and the pieces never cross a token;
- the sentences given are packed in order into windows of at most :data:`WINDOW` pieces (a sentence
  longer than a window is cut), each encoded on its own;
- a token's probabilities are the mean over its pieces; a space token has none.

The weights are kept in ``encoder.bin`` beside ``loaded.json``: a JSON index of arrays followed by
their bytes. Matrices are stored as int8 with one float32 scale per output unit (a quarter of the
float32 size) and turned back into float32 when read; vectors stay float32. The file of the same
weights has the same bytes.
"""

from __future__ import annotations

import json
import struct
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

#: The files of an encoder, in the model's folder.
WEIGHTS_FILE, VOCAB_FILE = "encoder.bin", "vocab.txt"
#: The most pieces a window holds, [CLS] and [SEP] included.
WINDOW = 128
MAGIC = b"FRAMENC1"
PAD, UNK, CLS, SEP = "[PAD]", "[UNK]", "[CLS]", "[SEP]"
#: The longest word cut into pieces; longer ones are [UNK] (as in BERT).
MAX_WORD = 100
#: BLAS threads of the network (None: the library's default). A worker of ``--n-process N`` sets it to
#: its share of the cores. Only the network is limited: other NumPy code keeps the default, so that
#: its results do not depend on the number of processes.
THREADS: int | None = None


# --- word pieces ----------------------------------------------------------------------------------

def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _is_cjk(code: int) -> bool:
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
            or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenizer on ``text``: control characters dropped, lower case, accents stripped,
    split at white space, punctuation and CJK characters."""
    text = unicodedata.normalize("NFD", text.lower())
    words: list[str] = []
    current: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Mn" or char == "\ufffd" or ord(char) == 0:
            continue
        if char.isspace() or category in ("Cc", "Cf"):
            if current:
                words.append("".join(current))
                current = []
            continue
        if _is_punctuation(char) or _is_cjk(ord(char)):
            if current:
                words.append("".join(current))
                current = []
            words.append(char)
            continue
        current.append(char)
    if current:
        words.append("".join(current))
    return words


class WordPieces:
    """A WordPiece vocabulary: ``of(token_text)`` gives the piece ids of a token (cached)."""

    def __init__(self, vocab: Sequence[str]):
        self.vocab = list(vocab)
        self.ids = {piece: k for k, piece in enumerate(self.vocab)}
        missing = [t for t in (PAD, UNK, CLS, SEP) if t not in self.ids]
        if missing:
            raise ValueError(f"vocabulary without {', '.join(missing)}")
        self.unk, self.cls, self.sep = self.ids[UNK], self.ids[CLS], self.ids[SEP]
        self._cache: dict[str, tuple[int, ...]] = {}

    def of(self, text: str) -> tuple[int, ...]:
        """The piece ids of a token's text (none for white space), remembered for the next time."""
        found = self._cache.get(text)
        if found is None:
            found = tuple(k for word in basic_words(text) for k in self._word(word))
            if len(self._cache) < 200_000:
                self._cache[text] = found
        return found

    def _word(self, word: str) -> list[int]:
        if len(word) > MAX_WORD:
            return [self.unk]
        out, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                k = self.ids.get(piece)
                if k is not None:
                    out.append(k)
                    break
                end -= 1
            else:
                return [self.unk]
            start = end
        return out


# --- windows --------------------------------------------------------------------------------------

@dataclass
class Window:
    """The pieces of one window and, for each, the index of the token it belongs to."""

    ids: list[int] = field(default_factory=list)
    owners: list[int] = field(default_factory=list)


def windows(pieces: Sequence[tuple[int, ...]], sentences: Iterable[tuple[int, int]], size: int = WINDOW
            ) -> list[Window]:
    """Pack the tokens of ``sentences`` (token ranges, in order) into windows of at most ``size - 2``
    pieces; ``pieces[i]`` are token i's piece ids. Only neighbours share a window: a sentence that does
    not start where the one before ended starts a new window, so that every sentence is read beside
    the text it has around it, as in training. A sentence that does not fit in an empty window is cut
    between tokens (a token longer than a window keeps its first pieces)."""
    room = size - 2
    out: list[Window] = []
    current = Window()
    previous = None
    for start, end in sentences:
        ids = [k for i in range(start, end) for k in pieces[i]]
        if current.ids and (len(current.ids) + len(ids) > room or start != previous):
            out.append(current)
            current = Window()
        previous = end
        if len(ids) <= room:
            current.ids += ids
            current.owners += [i for i in range(start, end) for _ in pieces[i]]
            continue
        for i in range(start, end):  # a long sentence: cut it between tokens
            token = list(pieces[i][:room])
            if len(current.ids) + len(token) > room:
                out.append(current)
                current = Window()
            current.ids += token
            current.owners += [i] * len(token)
    if current.ids:
        out.append(current)
    return out


# --- the network ----------------------------------------------------------------------------------

def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    centred = x - x.mean(-1, keepdims=True)  # in place from here: fewer passes over memory
    var = np.square(centred).mean(-1, keepdims=True)
    var += eps
    centred /= np.sqrt(var)
    centred *= gain
    centred += bias
    return centred


def _affine(x: np.ndarray, weights: np.ndarray, bias: np.ndarray, residual: np.ndarray | None = None
            ) -> np.ndarray:
    """``x @ weights + bias`` (``+ residual``), the sums in place."""
    out = x @ weights
    out += bias
    if residual is not None:
        out += residual
    return out


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, tanh form (the form the encoder is trained with): 0.5 x (1 + tanh(0.79788 (x + 0.044715 x^3))),
    computed in place in one buffer."""
    out = np.square(x)
    out *= x
    out *= np.float32(0.044715)
    out += x
    out *= np.float32(0.7978845608028654)
    np.tanh(out, out=out)
    out += 1.0
    out *= x
    out *= 0.5
    return out


class Encoder:
    """The network: ``arrays`` by name (``word``, ``position``, ``type``, ``embed.ln.g/b``, ``head.w/b``
    and for each layer K the :data:`LAYER_ARRAYS` as ``K.name``), ``config`` with ``layers`` and
    ``heads``, ``pieces`` the vocabulary. Raises ValueError for a missing array or mismatched sizes."""

    def __init__(self, arrays: dict[str, np.ndarray], config: dict, pieces: WordPieces):
        self.arrays = {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in arrays.items()}
        self.config = dict(config)
        self.layers = int(config["layers"])
        self.heads = int(config["heads"])
        self.pieces = pieces
        needed = [*TOP_ARRAYS, *(f"{k}.{name}" for k in range(self.layers) for name in LAYER_ARRAYS)]
        for name in needed:
            if name not in self.arrays:
                raise ValueError(f"array {name} missing")
        hidden = self.arrays["word"].shape[1]
        if hidden % self.heads:
            raise ValueError(f"hidden size {hidden} not divisible by {self.heads} heads")
        if self.arrays["word"].shape[0] != len(pieces.vocab):
            raise ValueError(f"{self.arrays['word'].shape[0]} word vectors for {len(pieces.vocab)} pieces")

    def forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """``(batch, length, labels)`` probabilities of the pieces ``ids`` (``mask``: 1 for a piece, 0
        for padding; a padding position gets equal probabilities).

        Packed: every step but attention runs on the pieces alone, not on the padding (windows differ
        in length, and the matrix products are nearly all the cost); attention reads the pieces laid
        out again by window, with the padding masked."""
        a = self.arrays
        batch, length = ids.shape
        hidden = a["word"].shape[1]
        size = hidden // self.heads
        rows = np.flatnonzero(mask.reshape(-1) > 0)  # the pieces' places in the padded layout
        positions = np.tile(np.arange(length), batch)[rows]
        x = _layer_norm(a["word"][ids.reshape(-1)[rows]] + a["position"][positions] + a["type"], a["embed.ln.g"],
                        a["embed.ln.b"])
        bias = ((1.0 - mask.astype(np.float32)) * -1e9)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        laid = np.zeros((batch * length, 3 * hidden), dtype=np.float32)  # padding rows stay 0 (masked)
        for k in range(self.layers):
            p = f"{k}."
            laid[rows] = _affine(x, a[p + "qkv.w"], a[p + "qkv.b"])
            qkv = laid.reshape(batch, length, 3, self.heads, size)
            # contiguous heads: NumPy's stacked matmul runs through BLAS only on contiguous operands
            # (on strided views it takes a loop many times slower)
            query = np.ascontiguousarray(qkv[:, :, 0].transpose(0, 2, 1, 3)) * scale
            keys = np.ascontiguousarray(qkv[:, :, 1].transpose(0, 2, 3, 1))
            values = np.ascontiguousarray(qkv[:, :, 2].transpose(0, 2, 1, 3))
            scores = query @ keys
            scores += bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ values).transpose(0, 2, 1, 3).reshape(batch * length, hidden)[rows]
            x = _layer_norm(_affine(context, a[p + "out.w"], a[p + "out.b"], x), a[p + "ln1.g"], a[p + "ln1.b"])
            inner = gelu(_affine(x, a[p + "up.w"], a[p + "up.b"]))
            x = _layer_norm(_affine(inner, a[p + "down.w"], a[p + "down.b"], x), a[p + "ln2.g"], a[p + "ln2.b"])
        logits = _affine(x, a["head.w"], a["head.b"])
        logits -= logits.max(-1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(-1, keepdims=True)
        labels = logits.shape[1]
        out = np.full((batch * length, labels), 1.0 / labels, dtype=np.float32)
        out[rows] = logits
        return out.reshape(batch, length, labels)

    def token_probabilities(self, texts: Sequence[str], sentences: Sequence[tuple[int, int]], out: np.ndarray,
                            batch_size: int = 16) -> int:
        """Write into ``out`` (``(tokens, labels)``) the probabilities of the tokens of ``sentences``
        (token ranges); ``texts`` are the token texts. Returns the number of pieces encoded."""
        pieces: list[tuple[int, ...]] = [()] * len(texts)
        for start, end in sentences:  # only the tokens read: the others need no pieces
            for i in range(start, end):
                if texts[i].strip():
                    pieces[i] = self.pieces.of(texts[i])
        found = windows(pieces, sentences)
        found.sort(key=lambda w: len(w.ids))  # similar lengths share a batch: less padding
        total = np.zeros((len(texts), out.shape[1]), dtype=np.float64)
        counts = np.zeros(len(texts), dtype=np.int64)
        encoded = 0
        for batch, probabilities in self._batches(found, batch_size):
            for r, w in enumerate(batch):
                owners = np.asarray(w.owners, dtype=np.int64)
                np.add.at(total, owners, probabilities[r, 1:len(w.ids) + 1])
                np.add.at(counts, owners, 1)
                encoded += len(w.ids)
        hit = counts > 0
        out[hit] = total[hit] / counts[hit, None]
        return encoded

    def _batches(self, found: list[Window], batch_size: int):
        """(batch, probabilities) for the windows ``found``, ``batch_size`` at a time."""
        limits = None if THREADS is None else _controller().limit(limits=THREADS, user_api="blas")
        try:
            for start in range(0, len(found), batch_size):
                batch = found[start:start + batch_size]
                length = max(len(w.ids) for w in batch) + 2
                ids = np.zeros((len(batch), length), dtype=np.int64)
                mask = np.zeros((len(batch), length), dtype=np.float32)
                for r, w in enumerate(batch):
                    n = len(w.ids)
                    ids[r, :n + 2] = [self.pieces.cls, *w.ids, self.pieces.sep]
                    mask[r, :n + 2] = 1.0
                yield batch, self.forward(ids, mask)
        finally:
            if limits is not None:
                limits.restore_original_limits()


@lru_cache(maxsize=1)
def _controller():
    """The BLAS libraries loaded (read once: finding them takes milliseconds)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


#: The arrays outside the layers.
TOP_ARRAYS = ("word", "position", "type", "embed.ln.g", "embed.ln.b", "head.w", "head.b")
#: The arrays of each layer (``K.name``).
LAYER_ARRAYS = ("qkv.w", "qkv.b", "out.w", "out.b", "ln1.g", "ln1.b", "up.w", "up.b", "down.w", "down.b",
                "ln2.g", "ln2.b")


# --- the weights file -----------------------------------------------------------------------------

def write_weights(arrays: dict[str, np.ndarray]) -> bytes:
    """The bytes of ``encoder.bin`` for ``arrays`` (names sorted; matrices as int8 with a float32 scale
    per column, the word and position tables per row)."""
    index, chunks, offset = [], [], 0
    for name in sorted(arrays):
        value = np.asarray(arrays[name], dtype=np.float32)
        entry: dict = {"name": name, "shape": list(value.shape)}
        if value.ndim == 2:
            axis = 1 if name in ("word", "position") else 0  # a row of a table, else a column of a matrix
            top = np.abs(value).max(axis=axis, keepdims=True)
            scale = np.where(top > 0, top / 127.0, 1.0).astype(np.float32)
            quantized = np.clip(np.rint(value / scale), -127, 127).astype(np.int8)
            parts = [("int8", quantized), ("float32", scale.reshape(-1))]
            entry["axis"] = axis
        else:
            parts = [("float32", value)]
        entry["parts"] = []
        for dtype, part in parts:
            data = np.ascontiguousarray(part).astype("<" + ("i1" if dtype == "int8" else "f4")).tobytes()
            entry["parts"].append({"dtype": dtype, "offset": offset, "size": len(data)})
            chunks.append(data)
            offset += len(data)
        index.append(entry)
    header = json.dumps(index, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return MAGIC + struct.pack("<Q", len(header)) + header + b"".join(chunks)


def read_weights(data: bytes) -> dict[str, np.ndarray]:
    """The float32 arrays of an ``encoder.bin`` (see :func:`write_weights`). Raises ValueError."""
    if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 8:
        raise ValueError("not an encoder weights file")
    (size,) = struct.unpack("<Q", data[len(MAGIC):len(MAGIC) + 8])
    start = len(MAGIC) + 8 + size
    index = json.loads(data[len(MAGIC) + 8:start].decode("utf-8"))
    body = memoryview(data)[start:]
    arrays = {}
    for entry in index:
        parts = []
        for part in entry["parts"]:
            if part["offset"] + part["size"] > len(body):
                raise ValueError(f"array {entry['name']} runs past the end of the file")
            dtype = "<i1" if part["dtype"] == "int8" else "<f4"
            parts.append(np.frombuffer(body[part["offset"]:part["offset"] + part["size"]], dtype=dtype))
        shape = tuple(entry["shape"])
        if len(parts) == 2:
            scale_shape = (shape[0], 1) if entry["axis"] == 1 else (1, shape[1])
            value = parts[0].reshape(shape).astype(np.float32) * parts[1].reshape(scale_shape)
        else:
            value = parts[0].reshape(shape).astype(np.float32)
        arrays[entry["name"]] = value
    return arrays
