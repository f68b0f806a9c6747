"""Sample, code in Label Studio, doccano or the sheet, validate: on a results folder written by hand
(helpers.py), with coded files in the tools' export formats (data/), against counts worked out by hand.

What the tool found and what the coders marked, per sentence (F = found by the tool only):

    daily  0  Regime Crushes Protest                  tool: Crushes          anna, ben: Crushes
    daily  1  The regime crushed the brave ...        tool: regime crushed brave   anna: regime crushed;  ben: + brave
    daily  2  Officials said the march could resume.  tool: said (rv), could (hedge)   both: said
    daily  3  Critics claimed the police had lied.    tool: claimed, lied    both: the same
    herald 0  Police End March                        nothing; anna did not code it, ben found nothing
    herald 1  Police ended the march on Sunday.       nothing; both nothing
    herald 2  A spokesman said order was restored.    tool: said             both: said
    herald 3  Observers called it a disgrace.         tool: disgrace         both: called (rv), disgrace
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing import cli
from framing.validation.reliability import agreement
from framing.validation.coding import read_coding
from framing.validation.sample import draw_sample, write_sample
from framing.validation.scoring import validate
from framing.validation.training import lexicon_suggestions, write_training_data
from tests.validation.helpers import DAILY, HERALD, fixture, tables, write_results


@pytest.fixture
def results(tmp_path):
    return write_results(tmp_path / "results")


@pytest.fixture
def sample(results):
    return draw_sample(results, unit="sentence", n=200, seed=1, by="outlet")


def scores_of(result, coder, level, variable):
    part = result.scores[(result.scores["coder"] == coder) & (result.scores["level"] == level)
                         & (result.scores["variable"] == variable)]
    return {row.code: (row.tp, row.fp, row.fn) for row in part.itertuples()}


def test_the_label_studio_export_keeps_the_task_data_the_sample_wrote(tmp_path, sample):
    written = write_sample(sample, tmp_path / "coding")
    imported = json.loads((tmp_path / "coding" / "label_studio.json").read_text(encoding="utf-8"))
    exported = json.loads(fixture("anna_label_studio.json", tmp_path / "anna.json", sample).read_text(encoding="utf-8"))
    assert [t["data"] for t in imported] == [t["data"] for t in exported]
    doccano = [json.loads(line) for line in (tmp_path / "coding" / "doccano.jsonl").read_text().splitlines()]
    ben = [json.loads(line) for line in fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", sample).read_text().splitlines()]
    assert [{k: v for k, v in d.items()} for d in doccano] == [{k: v for k, v in b.items() if k not in ("id", "label", "Comments")}
                                                              for b in ben]
    assert {p.name for p in written} == {"sheet.csv", "label_studio.json", "label_studio.xml", "doccano.jsonl",
                                         "codebook.md", "sample.json"}


def test_label_studio_round_trip_scores(tmp_path, results, sample):
    coding = read_coding([fixture("anna_label_studio.json", tmp_path / "anna.json", sample)])
    assert coding.coders == ("anna",) and len(coding.units) == 7  # herald 0 has no annotation: not coded
    result = validate(results, coding)
    assert scores_of(result, "anna", "unit", "family") == {
        "loaded": (4, 0, 0), "hedge": (0, 1, 0), "reporting_verb": (3, 0, 1), "(all)": (7, 1, 1)}
    # tokens: the tool marks Crushes, regime, crushed, brave, lied, disgrace; Anna all but brave
    assert scores_of(result, "anna", "token", "family")["loaded"] == (5, 1, 0)
    # categories: evaluative modifier (brave) and epistemic modal (could) found only by the tool;
    # reporting_verb/neutral (called) only by Anna; eight agree
    assert scores_of(result, "anna", "unit", "category")["(all)"] == (8, 2, 1)
    overall = result.scores.query("coder == 'anna' and level == 'unit' and variable == 'family' and code == '(all)'").iloc[0]
    assert overall["precision"] == pytest.approx(7 / 8) and overall["f1"] == pytest.approx(14 / 16)
    # Wilson, p = 7/8, n = 8, z = 1.95996: centre (0.875 + 0.24009) / 1.48018 = 0.75335,
    # half 1.95996 / 1.48018 * sqrt(0.875 * 0.125 / 8 + 3.84146 / 256) = 0.22424
    assert overall["precision_low"] == pytest.approx(0.52911, abs=1e-4)
    assert overall["precision_high"] == pytest.approx(0.97758, abs=1e-4)
    assert result.notes == ["frames not scored: the results have no sentence_frames table"]
    disagreements = result.disagreements[result.disagreements["variable"] == "family"]
    assert sorted(zip(disagreements["text"], disagreements["tool"], disagreements["human"])) == [
        ("brave", "loaded", "none"), ("called", "none", "reporting_verb"), ("could", "hedge", "none")]
    brave = disagreements[disagreements["text"] == "brave"].iloc[0]
    assert brave["context"] == "The regime crushed the [[brave]] protesters."
    assert brave["file"] == "anna.json" and brave["line"] == 74  # the line where its task opens in the export
    confusion = result.confusion.set_index(["variable", "tool", "human"])["count"]
    assert confusion[("family", "loaded", "loaded")] == 5 and confusion[("family", "none", "reporting_verb")] == 1


@pytest.mark.parametrize("name", ["ben_doccano.jsonl", "ben_doccano_old.jsonl"])
def test_doccano_round_trip_scores(tmp_path, results, sample, name):
    coding = read_coding([fixture(name, tmp_path / "ben.jsonl", sample)])
    assert len(coding.units) == 8  # doccano exports every example: an empty one says "nothing here"
    result = validate(results, coding)
    assert scores_of(result, "ben", "unit", "family")["(all)"] == (7, 1, 1)
    assert scores_of(result, "ben", "token", "family")["loaded"] == (6, 0, 0)
    assert scores_of(result, "ben", "unit", "category") == {}  # Ben gave families only


def test_agreement_across_label_studio_and_doccano(tmp_path, sample):
    anna = fixture("anna_label_studio.json", tmp_path / "anna.json", sample)
    ben = fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", sample)
    table = agreement(read_coding([anna, ben]), n_boot=200)
    loaded = table.query("variable == 'family' and code == 'loaded'").set_index("level")
    assert loaded.loc["unit", "alpha"] == pytest.approx(1.0) and loaded.loc["unit", "units"] == 7
    # Token by token, the seven shared sentences have 3 + 7 + 7 + 7 + 7 + 7 + 6 = 44 tokens: n = 88
    # values, 11 of them "loaded" (Anna 5, Ben 6), one disagreeing token (brave):
    # alpha = 1 - (88 - 1) * 2 / (88^2 - 11^2 - 77^2) = 1 - 174/1694 = 760/847; percent 43/44.
    assert loaded.loc["token", "alpha"] == pytest.approx(760 / 847)
    assert loaded.loc["token", "percent"] == pytest.approx(43 / 44)


def test_sheet_round_trip_and_training_data(tmp_path, results, sample):
    write_sample(sample, tmp_path / "coding")
    sheet = pd.read_csv(tmp_path / "coding" / "sheet.csv", dtype=str, keep_default_na=False)
    sheet.loc[sheet["unit_id"] == f"{DAILY}:24-64", "spans"] = "loaded/evaluative label: regime; loaded: crushed"
    sheet.loc[sheet["unit_id"] == f"{DAILY}:24-64", "frames"] = "Security_and_defense"
    sheet.loc[sheet["unit_id"] == f"{HERALD}:89-120", "spans"] = "reporting_verb: called; loaded: disgrace"
    sheet.loc[sheet["unit_id"].isin([f"{DAILY}:24-64", f"{HERALD}:89-120", f"{HERALD}:18-51"]), "done"] = "yes"
    sheet.to_csv(tmp_path / "cleo.csv", index=False)
    coding = read_coding([tmp_path / "cleo.csv"])
    assert len(coding.units) == 3
    result = validate(results, coding)
    assert scores_of(result, "cleo", "unit", "family") == {"loaded": (2, 0, 0), "reporting_verb": (0, 0, 1),
                                                          "(all)": (2, 0, 1)}
    written = write_training_data(coding, tmp_path / "train")
    frames = pd.read_csv(tmp_path / "train" / "frames.csv", keep_default_na=False)
    assert list(frames.columns) == ["doc_id", "text", "frames"]
    assert dict(zip(frames["doc_id"], frames["frames"])) == {f"{DAILY}:24-64": "Security_and_defense",
                                                             f"{HERALD}:18-51": "", f"{HERALD}:89-120": ""}
    spans = pd.read_csv(tmp_path / "train" / "loaded" / "spans.tsv", sep="\t")
    assert list(spans.columns) == ["id", "technique", "start", "end"]
    assert sorted(zip(spans["id"], spans["start"], spans["end"])) == [
        ("daily_1_24-64", 4, 10), ("daily_1_24-64", 11, 18), ("herald_1_89-120", 22, 30)]
    assert (tmp_path / "train" / "loaded" / "text" / "herald_1_89-120.txt").read_text() == "Observers called it a disgrace."
    assert set(spans["technique"]) == {"Loaded_Language"} and len(written) == 6


def test_lexicon_suggestions_are_the_marked_words_no_lexicon_found(tmp_path, sample):
    coding = read_coding([fixture("anna_label_studio.json", tmp_path / "anna.json", sample)])
    found = lexicon_suggestions(coding, tables())
    assert found[["entry", "family", "category", "count", "coders"]].values.tolist() == [
        ["called", "reporting_verb", "neutral", 1, 1]]
    assert found["source"].iloc[0] == f"coded sample {sample.sample_id}"


def test_command_line_loop(tmp_path, results, capsys):
    assert cli.main(["sample", str(results), "--out", str(tmp_path / "coding"), "--by", "outlet"]) == 0
    manifest = json.loads((tmp_path / "coding" / "sample.json").read_text())
    sample = draw_sample(results, unit="sentence", n=200, seed=1, by="outlet")
    assert manifest["sample_id"] == sample.sample_id and manifest["strata"] == {"Daily": 4, "Herald": 4}
    anna = fixture("anna_label_studio.json", tmp_path / "anna.json", sample)
    ben = fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", sample)
    assert cli.main(["agree", str(anna), str(ben), "--out", str(tmp_path / "agree"), "--bootstrap", "100"]) == 0
    assert (tmp_path / "agree" / "agreement.csv").is_file()
    assert cli.main(["validate", str(results), str(anna), "--out", str(tmp_path / "val"),
                     "--training-data", str(tmp_path / "train")]) == 0
    assert sorted(p.name for p in (tmp_path / "val").iterdir()) == sorted(
        ["validation_scores.csv", "validation_confusion.csv", "validation_disagreements.csv",
         "lexicon_suggestions.csv", "validation.png", "validation.svg"])
    out = capsys.readouterr().out
    assert "anna: family: precision 0.875, recall 0.875, F1 0.875 (7 units)" in out
    first = {p.name: p.read_bytes() for p in (tmp_path / "val").iterdir()}
    assert cli.main(["validate", str(results), str(anna), "--out", str(tmp_path / "val2")]) == 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "val2").iterdir()} == first


def test_marker_units_judge_what_the_tool_found(tmp_path, results):
    sample = draw_sample(results, unit="marker", n=200, seed=1)
    write_sample(sample, tmp_path / "coding")
    sheet = pd.read_csv(tmp_path / "coding" / "sheet.csv", dtype=str, keep_default_na=False)
    codes = {"brave": ("none", ""), "could": ("hedge", "epistemic modal"), "claimed": ("reporting_verb", "distancing")}
    for word, (family, category) in codes.items():
        sheet.loc[sheet["text"] == word, ["family", "category", "done"]] = [family, category, "yes"]
    sheet.to_csv(tmp_path / "dana.csv", index=False)
    result = validate(results, read_coding([tmp_path / "dana.csv"]))
    # brave: the tool says loaded, Dana says it is no marker; could and claimed: both agree
    assert scores_of(result, "dana", "unit", "family") == {"loaded": (0, 1, 0), "hedge": (1, 0, 0),
                                                          "reporting_verb": (1, 0, 0), "(all)": (2, 1, 0)}
    assert scores_of(result, "dana", "unit", "category")["(all)"] == (2, 1, 0)
    confusion = result.confusion.set_index(["variable", "tool", "human"])["count"]
    assert confusion[("family", "loaded", "none")] == 1 and confusion[("category", "loaded/evaluative modifier", "none")] == 1


def test_quote_units_coded_in_doccano(tmp_path, results):
    sample = draw_sample(results, unit="quote", n=200, seed=1)
    write_sample(sample, tmp_path / "coding")
    lines = [json.loads(line) for line in (tmp_path / "coding" / "doccano.jsonl").read_text().splitlines()]
    # doccano's export of a text classification project: the example's id, its labels, the metadata
    exported = [{"id": 7, **line, "label": ["kind:direct", "speaker_type:anonymous", "cue_class:neutral"]}
                for line in lines]
    (tmp_path / "eve.jsonl").write_text("".join(json.dumps(e) + "\n" for e in exported))
    result = validate(results, read_coding([tmp_path / "eve.jsonl"]))
    assert scores_of(result, "eve", "unit", "kind") == {"direct": (0, 0, 1), "indirect": (0, 1, 0), "(all)": (0, 1, 1)}
    assert scores_of(result, "eve", "unit", "speaker_type")["(all)"] == (1, 0, 0)
    assert result.disagreements[["variable", "tool", "human", "text"]].values.tolist() == [
        ["kind", "indirect", "direct", "order was restored."]]
