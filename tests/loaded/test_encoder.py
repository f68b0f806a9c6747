"""The encoder stage of the loaded-language model: word pieces cut as BERT cuts them, sentences packed
into windows, the int8 weights file, the NumPy network, fine-tuning with PyTorch on a tiny network
written here, and a model with an encoder saved, read, checked and applied."""

from __future__ import annotations

import numpy as np
import pytest

from framing.errors import ModelError
from framing.loaded.encoder import Encoder, WordPieces, basic_words, read_weights, windows, write_weights
from tinybert import write_base

VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "plan", "a", "scheme", "critics", "called", "zork", "##ish",
         "un", "##believ", "##able", "!", ".", ",", "-", "cafe", "gremlins", "refused", "to", "answer", "council",
         "met", "on", "monday", "budget", "discuss", "in", "charge", "snarf", "##y", "stunt"]


@pytest.fixture(scope="module")
def pieces():
    return WordPieces(VOCAB)


def test_basic_words_lower_strip_accents_and_split_punctuation():
    assert basic_words("Café-Owner's  DREAM!") == ["cafe", "-", "owner", "'", "s", "dream", "!"]
    assert basic_words("\u00a0tab\tand\x00zero") == ["tab", "andzero"]


def test_word_pieces_longest_match_first(pieces):
    ids = {p: k for k, p in enumerate(VOCAB)}
    assert pieces.of("Unbelievable!") == (ids["un"], ids["##believ"], ids["##able"], ids["!"])
    assert pieces.of("zorkish") == (ids["zork"], ids["##ish"])
    assert pieces.of("Café") == (ids["cafe"],)
    assert pieces.of("xylophone") == (ids["[UNK]"],)  # no piece fits: the whole word is unknown
    assert pieces.of("zork" * 30) == (ids["[UNK]"],)  # longer than 100 characters


def test_vocabulary_needs_the_special_pieces():
    with pytest.raises(ValueError, match=r"\[CLS\]"):
        WordPieces(["[PAD]", "[UNK]", "[SEP]", "the"])


def test_windows_pack_sentences_in_order_and_cut_long_ones():
    token_pieces = [(1,), (2, 3), (), (4,), (5,), (6, 7, 8)]
    packed = windows(token_pieces, [(0, 3), (3, 5), (5, 6)], size=7)  # room for 5 pieces
    assert [w.ids for w in packed] == [[1, 2, 3, 4, 5], [6, 7, 8]]
    assert [w.owners for w in packed] == [[0, 1, 1, 3, 4], [5, 5, 5]]
    long = windows([(1, 2)] * 4, [(0, 4)], size=5)  # 8 pieces, room for 3: cut between tokens
    assert [w.owners for w in long] == [[0, 0], [1, 1], [2, 2], [3, 3]]  # two pieces a token
    apart = windows(token_pieces, [(0, 3), (5, 6)], size=7)  # sentence (3, 5) not read: no shared window
    assert [w.owners for w in apart] == [[0, 1, 1], [5, 5, 5]]
    assert [w.ids for w in windows(token_pieces, [(0, 3), (3, 5)], size=20)] == [[1, 2, 3, 4, 5]]


def _network(vocab, hidden=8, heads=2, layers=2, inner=16, labels=3, seed=0):
    rng = np.random.default_rng(seed)
    a = {"word": rng.normal(0, 0.5, (len(vocab), hidden)), "position": rng.normal(0, 0.1, (64, hidden)),
         "type": rng.normal(0, 0.1, hidden), "embed.ln.g": np.ones(hidden), "embed.ln.b": np.zeros(hidden),
         "head.w": rng.normal(0, 0.5, (hidden, labels)), "head.b": np.zeros(labels)}
    for k in range(layers):
        a |= {f"{k}.qkv.w": rng.normal(0, 0.3, (hidden, 3 * hidden)), f"{k}.qkv.b": np.zeros(3 * hidden),
              f"{k}.out.w": rng.normal(0, 0.3, (hidden, hidden)), f"{k}.out.b": np.zeros(hidden),
              f"{k}.ln1.g": np.ones(hidden), f"{k}.ln1.b": np.zeros(hidden),
              f"{k}.up.w": rng.normal(0, 0.3, (hidden, inner)), f"{k}.up.b": np.zeros(inner),
              f"{k}.down.w": rng.normal(0, 0.3, (inner, hidden)), f"{k}.down.b": np.zeros(hidden),
              f"{k}.ln2.g": np.ones(hidden), f"{k}.ln2.b": np.zeros(hidden)}
    return {k: np.asarray(v, dtype=np.float32) for k, v in a.items()}, {"layers": layers, "heads": heads}


def test_weights_file_round_trip_is_close_and_byte_stable():
    arrays, _ = _network(VOCAB)
    data = write_weights(arrays)
    back = read_weights(data)
    assert sorted(back) == sorted(arrays)
    for name, value in arrays.items():
        top = np.abs(value).max()
        assert np.abs(back[name] - value).max() <= top / 127 / 2 + 1e-6, name  # half an int8 step at most
    assert write_weights(back) == data  # what was read writes the same bytes
    matrix = np.random.default_rng(1).normal(size=(300, 200)).astype(np.float32)
    assert len(write_weights({"m": matrix})) < matrix.nbytes / 3  # a byte a weight, and a scale a column


@pytest.mark.parametrize("damage", ["magic", "truncated"])
def test_damaged_weights_file_is_refused(damage):
    data = write_weights(_network(VOCAB)[0])
    bad = b"NOTMAGIC" + data[8:] if damage == "magic" else data[: len(data) // 2]
    with pytest.raises(ValueError):
        read_weights(bad)


def test_network_ignores_padding_and_gives_probabilities(pieces):
    arrays, config = _network(VOCAB)
    encoder = Encoder(arrays, config, pieces)
    ids = np.array([[2, 8, 9, 4, 5, 3, 0, 0, 0], [2, 20, 21, 22, 23, 3, 0, 0, 0]])
    mask = (np.arange(9) < 6).astype(np.float32)[None].repeat(2, 0)
    out = encoder.forward(ids, mask)
    assert out.shape == (2, 9, 3)
    assert np.allclose(out.sum(-1), 1.0, atol=1e-5)
    alone = encoder.forward(ids[:1, :6], mask[:1, :6])  # the same window without padding or batch mate
    assert np.allclose(out[0, :6], alone[0], atol=1e-5)


def test_token_probabilities_average_pieces_and_skip_spaces(pieces):
    arrays, config = _network(VOCAB)
    encoder = Encoder(arrays, config, pieces)
    texts = ["Critics", "called", "the", "plan", "zorkish", ".", "\n\n", "The", "council", "met", "."]
    out = np.full((len(texts), 3), -1.0)
    encoded = encoder.token_probabilities(texts, [(0, 6), (7, 11)], out)
    assert encoded == 11  # "zorkish" is two pieces, "\n\n" none
    assert (out[6] == -1).all()  # a space token is left as it was
    assert np.allclose(np.delete(out, 6, axis=0).sum(-1), 1.0, atol=1e-5)
    part = np.full((len(texts), 3), -1.0)
    encoder.token_probabilities(texts, [(7, 11)], part)
    assert (part[:7] == -1).all()  # only the sentences given are read


def test_encoder_checks_its_arrays(pieces):
    arrays, config = _network(VOCAB)
    del arrays["1.up.w"]
    with pytest.raises(ValueError, match="1.up.w"):
        Encoder(arrays, config, pieces)
    arrays, config = _network(VOCAB)
    del arrays["word"]
    with pytest.raises(ValueError, match="array word missing"):
        Encoder(arrays, config, pieces)
    arrays, config = _network(VOCAB[:-1])
    with pytest.raises(ValueError, match="word vectors"):
        Encoder(arrays, config, pieces)


# --- fine-tuning (PyTorch) ------------------------------------------------------------------------

SENTENCES = [
    ("critics called the plan a zorkish scheme .", {5: 1, 6: 1}),
    ("the gremlins refused to answer .", {1: 2}),
    ("the council met on monday to discuss the budget .", {}),
    ("critics called the stunt snarfy .", {4: 1}),
    ("the plan in charge met the budget .", {}),
]


def _items(repeat=8):
    items = []
    for k in range(repeat):
        texts, sentences, labels = [], [], []
        for text, marked in SENTENCES[k % 2:] + SENTENCES[: k % 2]:
            words = text.split()
            sentences.append((len(texts), len(texts) + len(words)))
            labels += [marked.get(i, 0) for i in range(len(words))]
            texts += words
        items.append((texts, sentences, labels))
    return items


def test_fine_tuning_learns_the_marked_words_and_is_seeded(tmp_path):
    from framing.loaded.encoder_train import train_encoder

    base = write_base(tmp_path / "base", VOCAB)
    items = _items()
    arrays, config, vocab = train_encoder(items, base=base, layers=2, epochs=40, learning_rate=3e-3)
    assert config == {"layers": 2, "heads": 2} and vocab == VOCAB
    encoder = Encoder(arrays, config, WordPieces(vocab))
    texts = "critics called the plan a zorkish scheme . the council met on monday .".split()
    out = np.zeros((len(texts), 3))
    encoder.token_probabilities(texts, [(0, 8), (8, 13)], out)
    inside = out[:, 1] + out[:, 2]
    assert inside[5] > 0.5 and inside[6] > 0.5  # zorkish scheme
    assert inside[[0, 1, 2, 8, 9, 10, 11]].max() < 0.5
    again = train_encoder(items, base=base, layers=2, epochs=40, learning_rate=3e-3)[0]
    assert write_weights(again) == write_weights(arrays)


def test_numpy_network_computes_what_the_trained_network_computes(pieces):
    """The NumPy forward pass (analysis) and the PyTorch module (fine-tuning) give the same probabilities,
    padding included: what is trained is what runs."""
    import torch

    from framing.loaded.encoder_train import _Net

    arrays, config = _network(VOCAB, hidden=8, heads=2, layers=2, inner=16, seed=3)
    for k in range(2):  # biases and gains away from 0 and 1, so that every term of the pass counts
        for name in ("qkv.b", "out.b", "up.b", "down.b", "ln1.g", "ln2.b"):
            arrays[f"{k}.{name}"] = arrays[f"{k}.{name}"] + np.float32(0.2 * (k + 1))
    ids = np.array([[2, 8, 9, 4, 5, 10, 11, 3], [2, 20, 21, 22, 3, 0, 0, 0]])
    mask = np.array([[1] * 8, [1] * 5 + [0] * 3], dtype=np.float32)
    net = _Net({k: v for k, v in arrays.items() if not k.startswith("head.")}, config, 3, torch).eval()
    with torch.no_grad():
        hidden = net(torch.tensor(ids), torch.tensor(mask))
        logits = hidden @ torch.tensor(arrays["head.w"]) + torch.tensor(arrays["head.b"])
        expected = torch.softmax(logits, -1).numpy()
    got = Encoder(arrays, config, pieces).forward(ids, mask)
    assert np.abs(got - expected)[mask > 0].max() < 1e-5
    assert np.abs(got[0] - got[1]).max() > 0.01  # two different windows: the comparison is not vacuous


def test_starting_weights_are_checked(tmp_path):
    from framing.errors import FramingError
    from framing.loaded.encoder_train import base_arrays, base_folder

    with pytest.raises(FramingError, match="model.safetensors"):
        base_folder(tmp_path)
    base = write_base(tmp_path / "base", VOCAB)
    with pytest.raises(FramingError, match="--encoder-layers"):
        base_arrays(base, 3)


# --- a model with an encoder ----------------------------------------------------------------------

def test_model_with_encoder_saves_reads_and_checks_its_files(tmp_path, pieces):
    from framing.loaded.model import LoadedModel, load_loaded_model

    shipped = load_loaded_model("default")
    arrays, config = _network(VOCAB)
    model = LoadedModel(crf=shipped.crf, threshold=0.4, rule="lexicon", gate=0.0, entries=shipped.entries,
                        meta={"name": "tiny"}, encoder=Encoder(arrays, config, pieces), select=0.1)
    path = model.save(tmp_path / "m")
    assert sorted(p.name for p in path.parent.iterdir()) == ["encoder.bin", "loaded.json", "vocab.txt"]
    again = load_loaded_model(tmp_path / "m")
    assert again.version == model.version and again.select == 0.1
    assert again.encoder.pieces.vocab == VOCAB
    assert again.to_bytes() == path.read_bytes()
    weights = path.parent / "encoder.bin"
    data = bytearray(weights.read_bytes())
    data[-1] ^= 1  # one bit of one weight
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="encoder.bin is not the file"):
        load_loaded_model(tmp_path / "m")
    weights.unlink()
    with pytest.raises(ModelError, match="encoder.bin"):
        load_loaded_model(tmp_path / "m")
