"""Samples: reproducible, stratified, identified in every file; the codebook; the Wilson interval."""

from __future__ import annotations

import json

import pytest

from framing.measures.intervals import wilson_interval
from framing.validation import codes as codes_module
from framing.validation.codebook import codebook_markdown
from framing.validation.codes import vocabulary
from framing.validation.sample import allocate, draw_sample, render_sample
from framing.validation.tools import json_items
from tests.validation.helpers import DAILY, HERALD, write_results


@pytest.fixture
def results(tmp_path):
    return write_results(tmp_path / "results")


def test_same_results_and_options_give_the_same_bytes(results):
    first = render_sample(draw_sample(results, unit="sentence", n=5, seed=7, by="outlet"))
    second = render_sample(draw_sample(results, unit="sentence", n=5, seed=7, by="outlet"))
    assert first == second
    other = draw_sample(results, unit="sentence", n=5, seed=8, by="outlet")
    assert other.sample_id != json.loads(first["sample.json"])["sample_id"]


def test_stratified_sample_takes_equal_numbers_per_group(results):
    sample = draw_sample(results, unit="sentence", n=5, seed=1, by="outlet")
    assert sample.strata == {"Daily": 3, "Herald": 2}  # 5 does not divide by 2: the first group gets one more
    assert [u.unit_id for u in sample.units] == sorted((u.unit_id for u in sample.units),
                                                       key=lambda i: (i.split(":")[0], int(i.split(":")[1].split("-")[0])))
    assert allocate([10, 2, 10], 9) == [4, 2, 3]
    assert allocate([1, 1], 5) == [1, 1]


def test_every_file_carries_the_sample_id(results):
    sample = draw_sample(results, unit="marker", n=3, seed=1)
    files = render_sample(sample)
    for name, data in files.items():
        if name != "label_studio.xml":  # the interface, not a file of units
            assert sample.sample_id.encode() in data, name
    tasks = json.loads(files["label_studio.json"])
    assert all(t["data"]["sample_id"] == sample.sample_id for t in tasks)
    header = files["sheet.csv"].decode().splitlines()[0].split(",")
    assert header[:5] == ["sample_id", "corpus_id", "unit", "unit_id", "doc_id"]
    assert {"tool_family", "tool_category", "family", "category", "done"} <= set(header)


def test_marker_units_show_what_the_tool_found(results):
    sample = draw_sample(results, unit="marker", n=20, seed=1)
    assert len(sample.units) == 10 == sample.available
    brave = next(u for u in sample.units if u.text == "brave")
    assert (brave.before, brave.after) == ("The regime crushed the ", " protesters.")
    assert brave.tool["tool_category"] == "loaded/evaluative modifier"
    doccano = [json.loads(line) for line in render_sample(sample)["doccano.jsonl"].decode().splitlines()]
    assert "The regime crushed the [[brave]] protesters." in [d["text"] for d in doccano]
    config = render_sample(sample)["label_studio.xml"].decode()
    assert '<Choice value="loaded/evaluative modifier"/>' in config and '<Choice value="none"/>' in config


def test_quote_and_article_units(results):
    quote = draw_sample(results, unit="quote", n=5, seed=1).units
    assert [(u.unit_id, u.text, u.tool["tool_cue_class"]) for u in quote] == [
        (f"{HERALD}:69-88", "order was restored.", "neutral")]
    articles = draw_sample(results, unit="article", n=5, seed=1).units
    assert [(u.doc_id, u.start_char, u.text[:6]) for u in articles] == [(DAILY, 0, "Regime"), (HERALD, 0, "Police")]


def test_codebook_defines_families_categories_and_frames(results, tmp_path, monkeypatch):
    sample = draw_sample(results, unit="sentence", n=3, seed=1)
    book = codebook_markdown(vocabulary(), sample).decode()
    assert f"Sample `{sample.sample_id}`" in book
    assert "### `loaded`" in book and "- `loaded/threat and fear`: presents words, acts or states as menacing" in book
    # the frames with the definitions shipped in framing/lexicons/frames/frames.csv
    assert "- `Security_and_defense`: Threats to the safety of a person, a group or a nation" in book
    assert "Policy Frames Codebook" not in book
    # without definitions, the codebook names the frames and the codebook they come from
    monkeypatch.setattr(codes_module, "FRAMES_FILE", tmp_path / "none.csv")
    codes_module._vocabulary.cache_clear()
    bare = codebook_markdown(vocabulary(), sample).decode()
    assert "- `Security_and_defense`\n" in bare and "Policy Frames Codebook" in bare
    # with frame definitions in the package, the codebook gives them
    frames = tmp_path / "frames.csv"
    frames.write_text("entry,family,category,note,source\nSecurity_and_defense,frame,frame,threats to the "
                      "nation's security,Boydstun et al. (2014)\nPolitical,frame,frame,power and politics,"
                      "Boydstun et al. (2014)\n", encoding="utf-8")
    monkeypatch.setattr(codes_module, "FRAMES_FILE", frames)
    codes_module._vocabulary.cache_clear()
    try:
        defined = vocabulary()
        assert defined.frames == ("Security_and_defense", "Political")
        book = codebook_markdown(defined, sample).decode()
        assert "- `Security_and_defense`: threats to the nation's security" in book
        assert "Policy Frames Codebook" not in book
    finally:
        codes_module._vocabulary.cache_clear()


def test_codes_are_matched_without_regard_to_case():
    codes = vocabulary()
    assert codes.span_label("Loaded / Threat and Fear") == ("loaded", "loaded/threat and fear")
    assert codes.span_label("loaded/nonsense") is None
    assert codes.code("category", "threat and fear") == "loaded/threat and fear"  # only one family has it
    assert codes.code("category", "epistemic modal") is None  # hedges and boosters both have it
    assert codes.unit_label("frame:political", ("frame",)) == ("frame", "Political")


def test_json_items_give_the_line_of_each_item():
    text = '[\n {"a": 1},\n\n {"b":\n  2}\n]\n'
    assert list(json_items(text)) == [(2, {"a": 1}), (4, {"b": 2})]


def test_wilson_interval_by_hand():
    # p = 0.8, n = 10, z = 1.959964, z^2 = 3.841459: centre (0.8 + 0.192073) / 1.384146 = 0.716740,
    # half 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 1.416012 * 0.160011 = 0.226578
    # -> (0.490162, 0.943318)
    low, high = wilson_interval(8, 10)
    assert (float(low), float(high)) == (pytest.approx(0.490162, abs=1e-6), pytest.approx(0.943318, abs=1e-6))
    low, high = wilson_interval([0, 5], [5, 5])
    assert low[0] == 0 and 0 < high[0] < 1 and high[1] == 1 and 0 < low[1] < 1
    assert all(map(lambda v: v != v, wilson_interval(0, 0)))  # NaN without observations
