"""Agreement between coders on coder files written by hand, against alpha values worked out by hand.

For nominal data Krippendorff's alpha is 1 - (n - 1) * (off-diagonal coincidences) / (n^2 - sum n_c^2),
where each unit with m_u >= 2 values adds n_uc * (n_uk - [c == k]) / (m_u - 1) to the coincidence of
values c and k, n_c sums the coincidences of value c, and n is the number of pairable values.
"""

from __future__ import annotations

import numpy as np
import pytest

from framing.validation.reliability import agreement, krippendorff_alpha, _alpha_from, _coincidences
from framing.validation.coding import read_coding

HEADER = "sample_id,corpus_id,unit,unit_id,doc_id,start_char,end_char,text,family,category,done\n"


def marker_sheet(path, rows):
    """A coding sheet of marker units: rows (unit number, family or "" for not coded)."""
    lines = [HEADER]
    for number, family in rows:
        done = "yes" if family else ""
        lines.append(f"s1,c1,marker,d:{number}-{number + 1},d,{number},{number + 1},w,{family},,{done}\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def row(table, code, level="unit", variable="family"):
    found = table[(table["level"] == level) & (table["variable"] == variable) & (table["code"] == code)]
    assert len(found) == 1, (level, variable, code)
    return found.iloc[0]


def test_perfect_agreement_is_alpha_one(tmp_path):
    # Two coders give six units the same family: every coincidence is on the diagonal, so the observed
    # disagreement is 0 and alpha = 1 - 0 = 1; percent agreement 6/6.
    a = tmp_path / "anna.csv"
    a.write_text(HEADER + "s1,c1,marker,d:0-4,d,0,4,word,loaded,,yes\n"
                 "s1,c1,marker,d:5-9,d,5,9,word,loaded,,yes\n"
                 "s1,c1,marker,d:10-14,d,10,14,word,loaded,,yes\n"
                 "s1,c1,marker,d:15-19,d,15,19,word,hedge,,yes\n"
                 "s1,c1,marker,d:20-24,d,20,24,word,hedge,,yes\n"
                 "s1,c1,marker,d:25-29,d,25,29,word,none,,yes\n", encoding="utf-8")
    b = tmp_path / "ben.csv"
    b.write_text(a.read_text(encoding="utf-8"), encoding="utf-8")
    table = agreement(read_coding([a, b]), n_boot=200)
    overall = row(table, "(all)")
    assert overall["alpha"] == pytest.approx(1.0)
    assert overall["percent"] == pytest.approx(1.0)
    assert overall["units"] == 6 and overall["values"] == 12
    assert (overall["alpha_low"], overall["alpha_high"]) == (pytest.approx(1.0), pytest.approx(1.0))
    assert row(table, "loaded")["alpha"] == pytest.approx(1.0)
    assert row(table, "none")["positive"] == 2  # both coders said "not a marker" once


def test_chance_agreement_is_alpha_zero_despite_75_percent(tmp_path):
    # Sentence units, frames: Anna gives one of four sentences "Political", Ben none. For Political,
    # n = 8 values, n_1 = 1, n_0 = 7, one disagreeing unit (coincidences o_01 = o_10 = 1):
    # alpha = 1 - (8 - 1) * 2 / (8^2 - 1^2 - 7^2) = 1 - 14/14 = 0, while 3 of 4 units agree (75%).
    header = "sample_id,corpus_id,unit,unit_id,doc_id,start_char,end_char,text,spans,frames,done\n"
    rows = ["s1,c1,sentence,d:0-5,d,0,5,One.,,{},yes\n", "s1,c1,sentence,d:6-11,d,6,11,Two.,,,yes\n",
            "s1,c1,sentence,d:12-19,d,12,19,Three.,,,yes\n", "s1,c1,sentence,d:20-26,d,20,26,Four.,,,yes\n"]
    a, b = tmp_path / "anna.csv", tmp_path / "ben.csv"
    a.write_text(header + rows[0].format("Political") + "".join(rows[1:]), encoding="utf-8")
    b.write_text(header + rows[0].format("") + "".join(rows[1:]), encoding="utf-8")
    table = agreement(read_coding([a, b]), n_boot=200)
    political = row(table, "Political", variable="frame")
    assert political["alpha"] == pytest.approx(0.0, abs=1e-12)
    assert political["percent"] == pytest.approx(0.75)
    assert political["positive"] == 1


def test_missing_codes_leave_units_out_of_the_pairs(tmp_path):
    # Three coders, four marker units; a blank row is a unit the coder did not code.
    #   unit 1: loaded, loaded, -        unit 2: hedge, hedge, hedge
    #   unit 3: loaded, hedge, -         unit 4: -, none, none
    # Coincidences: unit 1 adds 2 to (L, L); unit 2 adds 3*2/2 = 3 to (H, H); unit 3 adds 1 to (L, H)
    # and 1 to (H, L); unit 4 adds 2 to (N, N). n_L = 3, n_H = 4, n_N = 2, n = 9.
    # alpha = 1 - (9 - 1) * 2 / (81 - 9 - 16 - 4) = 1 - 16/52 = 36/52 = 0.6923...
    # Pairs: 1 + 3 + 0 + 1 agree of 1 + 3 + 1 + 1 = 5/6.
    a = marker_sheet(tmp_path / "a.csv", [(1, "loaded"), (2, "hedge"), (3, "loaded"), (4, "")])
    b = marker_sheet(tmp_path / "b.csv", [(1, "loaded"), (2, "hedge"), (3, "hedge"), (4, "none")])
    c = marker_sheet(tmp_path / "c.csv", [(1, ""), (2, "hedge"), (3, ""), (4, "none")])
    table = agreement(read_coding([a, b, c]), n_boot=200)
    overall = row(table, "(all)")
    assert overall["alpha"] == pytest.approx(36 / 52)
    assert overall["percent"] == pytest.approx(5 / 6)
    assert overall["values"] == 9 and overall["coders"] == 3


def test_krippendorffs_published_example(tmp_path):
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the example with four observers,
    # twelve units and missing values: nominal alpha = 0.743 (published, to three digits).
    data = {"A": [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
            "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
            "C": [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
            "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None]}
    families = {1: "loaded", 2: "hedge", 3: "booster", 4: "distancing", 5: "reporting_verb"}
    paths = [marker_sheet(tmp_path / f"{name}.csv", [(u, families[v] if v else "") for u, v in enumerate(values)])
             for name, values in data.items()]
    table = agreement(read_coding(paths), n_boot=100)
    assert round(row(table, "(all)")["alpha"], 3) == 0.743


def test_bootstrap_is_reproducible_and_its_formula_is_the_packages(tmp_path):
    a = marker_sheet(tmp_path / "a.csv", [(1, "loaded"), (2, "hedge"), (3, "loaded"), (4, "none"), (5, "loaded")])
    b = marker_sheet(tmp_path / "b.csv", [(1, "loaded"), (2, "hedge"), (3, "hedge"), (4, "none"), (5, "none")])
    coding = read_coding([a, b])
    first, second = agreement(coding, seed=3), agreement(coding, seed=3)
    assert first.equals(second)
    assert not first.equals(agreement(coding, seed=4))
    overall = row(first, "(all)")
    assert overall["alpha_low"] <= overall["alpha"] <= overall["alpha_high"]
    # the vectorised alpha of the replicates, on the data as it is, equals the package's alpha
    counts = np.array([[2, 0, 0], [0, 2, 0], [1, 1, 0], [0, 0, 2], [1, 0, 1]], dtype=float)
    coincidence, _ = _coincidences(counts, np.arange(5), 5)
    assert _alpha_from(coincidence.sum(axis=0, keepdims=True), 3)[0] == pytest.approx(krippendorff_alpha(counts))


def test_the_package_names_are_its_functions_not_its_modules():
    """framing.validation imports its modules on first use; no exported name may be a module's name (an
    imported submodule would then shadow the function)."""
    import importlib
    import inspect
    import pkgutil

    import framing.validation as validation

    for module in pkgutil.iter_modules(validation.__path__):
        importlib.import_module(f"framing.validation.{module.name}")
    assert [name for name in validation.__all__ if inspect.ismodule(getattr(validation, name))] == []
