"""A tiny BERT-style folder with random weights, the starting point of the encoder's training tests."""

from __future__ import annotations

import json
import struct

import numpy as np


def write_base(folder, vocab, hidden=16, heads=2, layers=2, inner=32, seed=0):
    """A tiny BERT-style folder: config.json, vocab.txt and model.safetensors with random weights."""
    rng = np.random.default_rng(seed)
    t = {"embeddings.word_embeddings.weight": (len(vocab), hidden), "embeddings.position_embeddings.weight":
         (64, hidden), "embeddings.token_type_embeddings.weight": (2, hidden)}
    for k in range(layers):
        p = f"encoder.layer.{k}."
        for n in ("query", "key", "value"):
            t[p + f"attention.self.{n}.weight"], t[p + f"attention.self.{n}.bias"] = (hidden, hidden), (hidden,)
        t[p + "attention.output.dense.weight"], t[p + "attention.output.dense.bias"] = (hidden, hidden), (hidden,)
        t[p + "intermediate.dense.weight"], t[p + "intermediate.dense.bias"] = (inner, hidden), (inner,)
        t[p + "output.dense.weight"], t[p + "output.dense.bias"] = (hidden, inner), (hidden,)
    values = {k: rng.normal(0, 0.2, shape).astype(np.float32) for k, shape in t.items()}
    for name in ["embeddings.LayerNorm"] + [f"encoder.layer.{k}.{w}.LayerNorm" for k in range(layers)
                                            for w in ("attention.output", "output")]:
        values[name + ".weight"], values[name + ".bias"] = np.ones(hidden, np.float32), np.zeros(hidden, np.float32)
    header, body, offset = {}, b"", 0
    for name in sorted(values):
        data = values[name].tobytes()
        header[name] = {"dtype": "F32", "shape": list(values[name].shape), "data_offsets": [offset, offset + len(data)]}
        body += data
        offset += len(data)
    header["embeddings.position_ids"] = {"dtype": "I64", "shape": [1, 1], "data_offsets": [offset, offset + 8]}
    body += struct.pack("<q", 0)
    raw = json.dumps(header).encode()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "model.safetensors").write_bytes(struct.pack("<Q", len(raw)) + raw + body)
    (folder / "config.json").write_text(json.dumps({"num_hidden_layers": layers, "num_attention_heads": heads}))
    (folder / "vocab.txt").write_text("\n".join(vocab) + "\n")
    return folder
