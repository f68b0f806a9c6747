"""Bad input: one line naming the file and the line, and nothing half-written."""

from __future__ import annotations

import pandas as pd
import pytest

from framing import cli
from framing.errors import InputError
from framing.validation.coding import read_coding
from framing.validation.sample import draw_sample, write_sample
from tests.validation.helpers import DAILY, fixture, write_results


@pytest.fixture
def results(tmp_path):
    return write_results(tmp_path / "results")


@pytest.fixture
def sample(results):
    return draw_sample(results, unit="sentence", n=200, seed=1, by="outlet")


@pytest.fixture
def sheet(tmp_path, sample):
    write_sample(sample, tmp_path / "coding")
    return pd.read_csv(tmp_path / "coding" / "sheet.csv", dtype=str, keep_default_na=False)


def error_line(capsys, argv) -> str:
    assert cli.main(argv) == cli.EXIT_ERROR
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("framing: error: ")
    return err


def test_missing_columns(tmp_path, sheet, capsys):
    sheet.drop(columns=["unit_id"]).to_csv(tmp_path / "anna.csv", index=False)
    err = error_line(capsys, ["agree", str(tmp_path / "anna.csv"), str(tmp_path / "anna.csv")])
    assert f"{tmp_path / 'anna.csv'}:1: missing column(s) unit_id;" in err
    sheet.drop(columns=["spans"]).to_csv(tmp_path / "ben.csv", index=False)
    with pytest.raises(InputError, match=r"ben.csv:1: missing column\(s\) spans for sentence units"):
        read_coding([tmp_path / "ben.csv"])


def test_unknown_code_names_the_line(tmp_path, sheet, results, capsys):
    sheet.loc[2, "spans"] = "loaded/nonsense: said"
    sheet.loc[2, "done"] = "yes"
    sheet.to_csv(tmp_path / "anna.csv", index=False)
    err = error_line(capsys, ["validate", str(results), str(tmp_path / "anna.csv"), "--out", str(tmp_path / "v")])
    assert f"{tmp_path / 'anna.csv'}:4: unknown code 'loaded/nonsense'" in err  # row 3 of the sheet, after the header
    assert not (tmp_path / "v").exists()
    sheet.loc[2, "spans"] = ""
    sheet.loc[2, "frames"] = "Sports"
    sheet.to_csv(tmp_path / "anna.csv", index=False)
    with pytest.raises(InputError, match=r"anna.csv:4: unknown code 'Sports' in column frames"):
        read_coding([tmp_path / "anna.csv"])


def test_unknown_label_in_a_label_studio_export(tmp_path, sample):
    path = fixture("anna_label_studio.json", tmp_path / "anna.json", sample)
    path.write_text(path.read_text().replace('"loaded/evaluative label"', '"loaded/awful"'))
    with pytest.raises(InputError, match=r"anna.json:74: unknown code 'loaded/awful'"):
        read_coding([path])


def test_a_coded_file_from_another_sample(tmp_path, results, sheet, capsys):
    sheet["done"] = "yes"
    sheet.to_csv(tmp_path / "anna.csv", index=False)
    other = draw_sample(results, unit="sentence", n=4, seed=2)
    ben = fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", other)
    err = error_line(capsys, ["agree", str(tmp_path / "anna.csv"), str(ben)])
    assert f"{ben}:1: this file is from another sample ({other.sample_id}, sentence units)" in err
    # against results of other texts: the corpus id differs
    changed = write_results(tmp_path / "changed")
    articles = pd.read_csv(changed / "articles.csv", dtype=str, keep_default_na=False)
    articles.loc[0, "text"] = articles.loc[0, "text"].replace("brave", "angry")
    articles.to_csv(changed / "articles.csv", index=False)
    err = error_line(capsys, ["validate", str(changed), str(tmp_path / "anna.csv"), "--out", str(tmp_path / "v")])
    assert f"{tmp_path / 'anna.csv'}:2: the coded file is from a sample of another corpus" in err
    assert not (tmp_path / "v").exists()


def test_two_coders_with_no_shared_units(tmp_path, sheet, capsys):
    a, b = sheet.copy(), sheet.copy()
    a.loc[:3, "done"] = "yes"
    b.loc[4:, "done"] = "yes"
    a.to_csv(tmp_path / "anna.csv", index=False)
    b.to_csv(tmp_path / "ben.csv", index=False)
    err = error_line(capsys, ["agree", str(tmp_path / "anna.csv"), str(tmp_path / "ben.csv")])
    assert f"{tmp_path / 'anna.csv'}: coder 'anna' shares no coded unit with the other coders ({tmp_path / 'ben.csv'})" in err


def test_broken_json_and_a_phrase_not_in_the_text(tmp_path, sample, sheet):
    path = fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", sample)
    lines = path.read_text().splitlines()
    lines[2] = lines[2][:40]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError, match=r"ben.jsonl:3: broken JSON"):
        read_coding([path])
    sheet.loc[1, "spans"] = "loaded: tyrant"
    sheet.to_csv(tmp_path / "anna.csv", index=False)
    with pytest.raises(InputError, match=r"anna.csv:3: the phrase 'tyrant' is not in the unit's text"):
        read_coding([tmp_path / "anna.csv"])


def test_a_failed_run_leaves_earlier_outputs_untouched(tmp_path, results, sample, sheet, capsys):
    anna = fixture("anna_label_studio.json", tmp_path / "anna.json", sample)
    ben = fixture("ben_doccano.jsonl", tmp_path / "ben.jsonl", sample)
    out = tmp_path / "val"
    assert cli.main(["validate", str(results), str(anna), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    capsys.readouterr()
    # two coders and no --coder: the training data cannot be written, so nothing is
    err = error_line(capsys, ["validate", str(results), str(anna), str(ben), "--out", str(out),
                              "--training-data", str(tmp_path / "train")])
    assert "several coders (anna, ben); choose one with --coder" in err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert not (tmp_path / "train").exists()
    err = error_line(capsys, ["sample", str(results), "--out", str(tmp_path / "c"), "--by", "country"])
    assert "the articles table has no column 'country' to stratify by" in err
    assert not (tmp_path / "c").exists()
