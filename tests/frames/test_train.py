"""`framing train frames` on a tiny coded corpus written here: the model and its card are written, a
held-out evaluation is printed, and `framing analyze --frames-model` uses the new model."""

from __future__ import annotations

import pytest

from framing import cli
from framing.frames.model import load_frames_model
from framing.schemas import read_table

TOPICS = {
    "Security_and_defense": ["Troops gathered at the border as the army moved missiles closer.",
                             "Soldiers guarded the frontier after the attack on the base.",
                             "The military warned of an invasion and raised its alert."],
    "Economic": ["The budget raised taxes and cut spending on roads.",
                 "Prices rose again and the deficit grew, the bank said.",
                 "Companies reported lower profits as trade slowed."],
    "Health_and_safety": ["Hospitals filled with patients as the virus spread.",
                          "Doctors urged vaccination to stop the outbreak.",
                          "The clinic treated more sick children this winter."],
}


def _corpus(folder):
    (folder / "text").mkdir(parents=True)
    rows = ["id\tframes"]
    k = 0
    for frame, sentences in TOPICS.items():
        for i in range(4):
            text = f"Report {k}\n\n" + " ".join(sentences[(i + j) % 3] for j in range(2))
            (folder / "text" / f"{k}.txt").write_text(text, encoding="utf-8")
            rows.append(f"{k}\t{frame}")
            k += 1
    (folder / "frames.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_train_frames_writes_a_model_that_analyze_uses(tmp_path, capsys):
    data = _corpus(tmp_path / "tiny")
    out = tmp_path / "model"
    assert cli.main(["train", "frames", str(data), "--out", str(out), "--folds", "2", "-q"]) == cli.EXIT_OK
    err = capsys.readouterr().err
    assert "12 coded articles" in err and "held-out (2-fold cross-validation): micro-F1" in err
    assert sorted(p.name for p in out.iterdir()) == ["MODEL_CARD.md", "frames.npz"]
    model = load_frames_model(out)
    assert model.name == "frames-tiny" and model.meta["articles"] == 12
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "12 coded articles read from `tiny`" in card and "2-fold cross-validation" in card
    assert f"version `{model.version}`" in card
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("Border alert\n\nThe army sent troops and missiles to the border.\n",
                                    encoding="utf-8")
    tables = tmp_path / "tables"
    assert cli.main(["analyze", str(articles), "--out", str(tables), "--frames-model", str(out),
                     "--tables", "frames", "-q"]) == cli.EXIT_OK
    frames = read_table(tables / "frames.csv", "frames").set_index("frame")
    assert frames["source"].unique().tolist() == [model.source]
    assert frames["score"].idxmax() == "Security_and_defense" and frames.at["Security_and_defense", "present"]
    assert not frames.at["Public_opinion", "present"]  # no training article has it: never predicted


def test_bad_labels_stop_training_with_one_line(tmp_path, capsys):
    data = _corpus(tmp_path / "tiny")
    with (data / "frames.tsv").open("a", encoding="utf-8") as handle:
        handle.write("12\tSecurity\n")
    assert cli.main(["train", "frames", str(data), "--out", str(tmp_path / "m"), "-q"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert err == (f"framing: error: {data / 'frames.tsv'}:14: unknown frame 'Security'; use the names "
                   "Economic, Capacity_and_resources, Morality, Fairness_and_equality, "
                   "Legality_Constitutionality_and_jurisprudence, Policy_prescription_and_evaluation, "
                   "Crime_and_punishment, Security_and_defense, Health_and_safety, Quality_of_life, "
                   "Cultural_identity, Public_opinion, Political, External_regulation_and_reputation")
    assert not (tmp_path / "m").exists()
    few = tmp_path / "few.csv"
    few.write_text("doc_id,text,frames\na,Troops came.,Security_and_defense\n", encoding="utf-8")
    assert cli.main(["train", "frames", str(few), "--out", str(tmp_path / "m"), "-q"]) == cli.EXIT_ERROR
    assert "few.csv: only 1 coded article(s); code at least 10 articles" in capsys.readouterr().err


def test_an_output_path_that_is_a_file_is_refused_before_parsing(tmp_path, capsys):
    data = _corpus(tmp_path / "tiny")
    taken = tmp_path / "taken"
    taken.write_text("x", encoding="utf-8")
    assert cli.main(["train", "frames", str(data), "--out", str(taken), "-q"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert f"{taken}: the output path exists and is not a folder; choose another --out" in err
    assert "coded articles" not in err  # stopped before the parse
