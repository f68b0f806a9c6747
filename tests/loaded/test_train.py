"""`framing train loaded` on a small annotated corpus written here: the model and its card are written,
the same data gives the same bytes, a held-out evaluation is printed, and `framing analyze
--loaded-model` uses the new model; bad data and an unknown model get one-line errors."""

from __future__ import annotations

import pytest

from framing import cli
from framing.loaded import train as T
from framing.loaded.model import load_loaded_model
from framing.schemas import read_table

# made-up words, in no lexicon: what the model finds here it learnt from the spans
LOADED = ["a zorkish scheme", "a blorpish betrayal", "a snarfy stunt"]
CALLED = ["gremlins", "wombles", "snollygosters"]
PLAIN = ["The council met on Monday to discuss the budget.", "Officials said the road would reopen in May.",
         "The report was published after the vote."]


def _corpus(folder, n=14):
    (folder / "text").mkdir(parents=True)
    rows = ["id\ttechnique\tstart\tend"]
    for k in range(n):
        loaded, called = LOADED[k % 3], CALLED[(k + 1) % 3]
        head = f"Story {k}\n\n{PLAIN[k % 3]} Critics called the plan {loaded}. "
        tail = f"The {called} in charge refused to answer. {PLAIN[(k + 1) % 3]}"
        text = head + tail
        (folder / "text" / f"{k}.txt").write_text(text, encoding="utf-8")
        start = text.index(loaded) + 2  # without the article "a "
        rows.append(f"{k}\tLoaded_Language\t{start}\t{start + len(loaded) - 2}")
        start = text.index(called)
        rows.append(f"{k}\tName_Calling-Labeling\t{start}\t{start + len(called)}")
        rows.append(f"{k}\tDoubt\t0\t5")
    (folder / "spans.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _analyze_one(tmp_path, model):
    """`framing analyze` of one short article with the loaded model ``model``: its folder and markers."""
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Council\n\nCritics called the plan a blorpish stunt. The wombles in charge "
                                    "refused to answer.\n", encoding="utf-8")
    tables = tmp_path / "tables"
    assert cli.main(["analyze", str(articles), "--out", str(tables), "--loaded-model", str(model),
                     "--tables", "markers", "-q", "--no-cache"]) == cli.EXIT_OK
    return articles, read_table(tables / "markers.csv", "markers")


@pytest.mark.slow
def test_train_loaded_writes_a_model_that_analyze_uses(tmp_path, capsys):
    data = _corpus(tmp_path / "tiny")
    out, again = tmp_path / "model", tmp_path / "again"
    args = ["train", "loaded", str(data), "--holdout", "0.25", "--folds", "2", "-q", "--cache-dir", str(tmp_path / "c")]
    assert cli.main([*args, "--out", str(out)]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "14 annotated texts" in err and "14 loaded language, 14 name calling" in err
    assert "held-out (4 texts" in err and "model + lexicon" in err
    assert sorted(p.name for p in out.iterdir()) == ["MODEL_CARD.md", "loaded.json"]
    assert cli.main([*args, "--out", str(again)]) == cli.EXIT_OK
    assert (again / "loaded.json").read_bytes() == (out / "loaded.json").read_bytes()
    model = load_loaded_model(out)
    assert model.name == "loaded-tiny" and model.meta["texts"] == 14
    held = model.meta["held_out"]
    assert held["texts"] == 4 and held["model"]["f1"] > 0.5  # the pattern is easy: it is learnt
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "14 annotated texts read from `tiny`" in card and f"version `{model.version}`" in card
    assert "On 4 texts held out before training" in card

    articles, markers = _analyze_one(tmp_path, out)
    learned = markers[markers["source"] == model.source]
    assert "wombles" in " ".join(learned["text"]) and set(learned["category"]) <= {"loaded language", "name calling"}
    assert learned["score"].between(0, 1).all()
    assert cli.main(["analyze", str(articles), "--out", str(tmp_path / "off"), "--loaded-model", "off",
                     "--tables", "markers", "-q", "--no-cache"]) == cli.EXIT_OK
    off = read_table(tmp_path / "off" / "markers.csv", "markers")
    assert not off["source"].str.startswith("model:").any() and off["score"].isna().all()


def test_too_few_texts_and_a_missing_folder_are_one_line_errors(tmp_path, capsys):
    data = _corpus(tmp_path / "few", n=4)
    assert cli.main(["train", "loaded", str(data), "--out", str(tmp_path / "m"), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "only 4 annotated text(s)" in err and "annotate at least 10" in err and len(err.splitlines()) == 1
    assert cli.main(["train", "loaded", str(tmp_path / "none"), "--out", str(tmp_path / "m"), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "no such folder" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "m").exists() or not any((tmp_path / "m").iterdir())


def test_an_unknown_loaded_model_is_a_one_line_error(tmp_path, capsys):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("A short text.\n", encoding="utf-8")
    assert cli.main(["analyze", str(articles), "--out", str(tmp_path / "t"), "--loaded-model",
                     str(tmp_path / "nomodel"), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "no loaded-language model here" in err and "framing train loaded" in err and len(err.splitlines()) == 1
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "loaded.json").write_text("{not json", encoding="utf-8")
    assert cli.main(["analyze", str(articles), "--out", str(tmp_path / "t"), "--loaded-model", str(broken), "-q"]) == 1
    err = capsys.readouterr().err.strip()
    assert "not a readable loaded-language model" in err and len(err.splitlines()) == 1


@pytest.mark.slow
def test_train_loaded_with_an_encoder_stage(tmp_path, capsys):
    from tinybert import write_base

    # a tiny starting network whose vocabulary holds the corpus's words, so the pieces are real
    words = sorted({w.lower() for text in (*LOADED, *CALLED, *PLAIN) for w in text.replace(".", " .").split()}
                   | {"story", "critics", "called", "the", "plan", "in", "charge", "refused", "to", "answer"}
                   | set("0123456789"))
    base = write_base(tmp_path / "base", ["[PAD]", "[UNK]", "[CLS]", "[SEP]", *words])
    data = _corpus(tmp_path / "tiny")
    out, again = tmp_path / "model", tmp_path / "again"
    args = ["train", "loaded", str(data), "--holdout", "0.25", "--folds", "2", "-q", "--cache-dir",
            str(tmp_path / "c"), "--encoder-layers", "2", "--encoder-base", str(base)]
    assert cli.main([*args, "--out", str(out)]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "held-out (4 texts" in err and "encoder.bin" in err
    assert sorted(p.name for p in out.iterdir()) == ["MODEL_CARD.md", "encoder.bin", "loaded.json", "vocab.txt"]
    assert cli.main([*args, "--out", str(again)]) == cli.EXIT_OK  # seeded: the same files
    for name in ("encoder.bin", "loaded.json", "vocab.txt"):
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    model = load_loaded_model(out)
    assert model.encoder is not None and model.encoder.layers == 2 and model.select == T.SELECT
    # the encoder's probabilities are decoded at their fixed threshold; the CRF's choice is recorded
    assert model.threshold == T.ENCODER_THRESHOLD > T.SELECT
    assert model.meta["encoder"] == {"layers": 2, "base": "base", "select": T.SELECT,
                                     "crf_threshold": model.meta["encoder"]["crf_threshold"]}
    assert model.meta["encoder"]["crf_threshold"] in T.THRESHOLDS
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "Second stage: a transformer encoder, the first 2 layers" in card and "`base`" in card

    _, markers = _analyze_one(tmp_path, out)
    assert markers["score"].dropna().between(0, 1).all()


def test_encoder_options_are_checked_before_the_parse(tmp_path, capsys):
    data = _corpus(tmp_path / "tiny")
    args = ["train", "loaded", str(data), "--out", str(tmp_path / "m"), "-q", "--encoder-layers", "2"]
    assert cli.main([*args, "--encoder-base", str(tmp_path / "nobase")]) == 1
    err = capsys.readouterr().err.strip()
    assert "no model.safetensors here" in err and len(err.splitlines()) == 1
    assert cli.main([*args[:-2], "--encoder-layers", "-1"]) == 1
    err = capsys.readouterr().err.strip()
    assert "--encoder-layers must be 0 or more" in err and len(err.splitlines()) == 1
    assert not (tmp_path / "m").exists()
