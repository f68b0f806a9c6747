"""framing.lexicons.entries: the shipped marker lexicons, user lexicons, families, and errors that name
file and line."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from framing.errors import LexiconError
from framing.lexicons.entries import default_paths, load_lexicon, read_file, reporting_verb_classes
from framing.records import CUE_CLASSES, FAMILIES

HEADER = "entry,family,category,note,source\n"


# --- the shipped lexicons ---------------------------------------------------------------------------


def test_shipped_lexicons_cover_every_family_with_hundreds_of_entries():
    entries = load_lexicon()
    sizes = Counter(e.family for e in entries)
    assert set(sizes) == set(FAMILIES)
    assert len(entries) >= 500
    assert sizes["loaded"] >= 300 and sizes["reporting_verb"] >= 100
    assert min(sizes.values()) >= 20
    assert all(e.source for e in entries)
    assert {p.name for p in default_paths()} >= {"loaded.csv", "hedges.csv", "boosters.csv",
                                                  "distancing.csv", "reporting_verbs.csv"}


def test_shipped_loaded_terms_have_the_issue_categories():
    by_key = {e.key: e for e in load_lexicon()}
    expected = {
        "threat": ("loaded", "threat and fear"),
        "war of aggression": ("loaded", "war and aggression"),
        "information provocation": ("loaded", "delegitimising"),
        "fake news": ("loaded", "delegitimising"),
        "inflammatory": ("loaded", "delegitimising"),
        "perception manager": ("loaded", "delegitimising"),
        "fearmonger": ("loaded", "delegitimising"),
        "backstab": ("loaded", "betrayal"),
        "artificially manufacture": ("loaded", "manipulation and conspiracy"),
        "prey": ("loaded", "dehumanising"),
        "humiliate": ("loaded", "humiliation and contempt"),
        "quip": ("loaded", "euphemism and minimising"),
        "reunification": ("loaded", "euphemism and minimising"),
        "could": ("hedge", "epistemic modal"),
        "reportedly": ("hedge", "attribution"),
        "thinly veiled": ("hedge", "evidential"),
        "precisely": ("booster", "certainty"),
        "whatsoever": ("booster", "absolute"),
        "every single one": ("booster", "absolute"),
        "objectively speaking": ("booster", "objectivity claim"),
        "no factual basis": ("booster", "objectivity claim"),
        "so-called": ("distancing", "distancing label"),
        "supposedly": ("distancing", "distancing adverb"),
    }
    for key, (family, category) in expected.items():
        assert (by_key[key].family, by_key[key].category) == (family, category), key


def test_reporting_verb_classes_maps_lemmas_and_phrases_to_classes():
    classes = reporting_verb_classes()
    assert classes["say"] == "neutral"
    assert classes["tell"] == "neutral"
    assert classes["insist"] == "assertive"
    assert classes["claim"] == "distancing"
    assert classes["hit back"] == "emotive"
    assert classes["slam"] == "emotive"
    assert classes["speak the truth"] == "endorsing"
    assert classes["point out"] == "endorsing"
    assert set(classes.values()) == set(CUE_CLASSES)
    assert all("*" not in k and "[" not in k for k in classes)


def test_reporting_verb_classes_take_user_files(write):
    path = write("verbs.csv", HEADER + "thunder back,reporting_verb,emotive,,\n"
                                       "say,reporting_verb,neutral,,\n")
    classes = reporting_verb_classes([path])
    assert classes["thunder back"] == "emotive"
    assert classes["say"] == "neutral"


def test_shipped_evaluative_and_degree_modifiers_name_their_sources():
    entries = load_lexicon()
    modifiers = [e for e in entries if e.category == "evaluative modifier"]
    degrees = [e for e in entries if e.category == "degree modifier"]
    assert len(modifiers) >= 200 and all(e.family == "loaded" for e in modifiers)
    assert all(e.source.startswith("Riloff & Wiebe (2003)") for e in modifiers)
    assert all(" " not in e.entry for e in modifiers)  # one adjective each
    assert {e.entry for e in degrees} >= {"very", "so", "too"} and all(e.family == "booster" for e in degrees)


def test_shipped_files_read_back_identically():
    for path in default_paths():
        entries = read_file(path)
        assert entries and all(e.path == str(path) and e.line >= 2 for e in entries)
        # the same file read as plain CSV: every row an entry, every cell in its field, the line it is on
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            rows = [(row["entry"], row["family"], row["category"], row["note"], row["source"], str(path),
                     reader.line_num) for row in reader if row["entry"] and not row["entry"].startswith("#")]
        read = [(e.entry, e.family, e.category, e.note, e.source, e.path, e.line) for e in entries]
        assert len(read) == len(rows), path.name
        for got, expected in zip(read, rows):
            assert got == expected, path.name


# --- user lexicons and families ---------------------------------------------------------------------


def test_user_csv_adds_entries_and_names_its_source(write):
    path = write("mine.csv", HEADER + "lamestream media,loaded,delegitimising,mocks the press,\n"
                                      "gaslight,loaded,manipulation and conspiracy,,Smith (2020)\n")
    entries = {e.key: e for e in load_lexicon([path])}
    assert entries["lamestream media"].family == "loaded"
    assert entries["lamestream media"].source == "user (mine.csv)"
    assert entries["gaslight"].source == "Smith (2020)"
    assert entries["gaslight"].line == 3
    assert "threat" in entries  # the shipped entries stay


def test_user_yaml_adds_a_whole_family(write):
    path = write("hedges.yml", "- entry: it is rumoured\n  family: hedge\n  category: attribution\n"
                               "  note: hearsay\n  source: project\n"
                               "- entry: word has it\n  family: hedge\n  category: attribution\n")
    entries = load_lexicon([path], families=["hedge"], include_default=False)
    assert [(e.key, e.line) for e in entries] == [("it is rumoured", 1), ("word has it", 6)]


def test_a_later_file_may_recategorise_an_entry_of_the_same_family(write):
    path = write("mine.csv", HEADER + "threat,loaded,my category,,\n")
    entry = next(e for e in load_lexicon([path]) if e.key == "threat" and e.family == "loaded")
    assert entry.category == "my category"


def test_families_keep_only_those_families():
    entries = load_lexicon(families=["hedge", "booster"])
    assert {e.family for e in entries} == {"hedge", "booster"}


def test_unknown_family_name_in_the_filter_is_an_error():
    with pytest.raises(LexiconError, match="unknown marker family 'hedges'"):
        load_lexicon(families=["hedges"])


# --- bad files: every error names the file and the line ---------------------------------------------


@pytest.mark.parametrize("body, line, problem", [
    ("entry,family,category,note\nthreat,loaded,x,y\n", 1, "missing column(s) source"),
    (HEADER + "threat,loaded,threat and fear,,\n,loaded,x,,\n", 3, "empty entry"),
    (HEADER + "threat,loaded,threat and fear,,\nfoo,loaded_terms,x,,\n", 3, "unknown family 'loaded_terms'"),
    (HEADER + "foo,loaded,,,\n", 2, "empty category"),
    (HEADER + "foo,reporting_verb,angry,,\n", 2, "unknown reporting-verb class 'angry'"),
    (HEADER + "foo,loaded,a,,\nbar,hedge,b,,\nFoo,hedge,b,,\n", 4, "duplicate entry 'Foo'"),
    (HEADER + '"[{""LOWER"": ""a""}",loaded,x,,\n', 2, "unparsable pattern"),
    (HEADER + '"[{""COLOUR"": ""red""}]",loaded,x,,\n', 2, "unknown token attribute(s) COLOUR"),
    (HEADER + '"what *{3,1} call",distancing,x,,\n', 2, "a gap"),
    (HEADER + "* threat,loaded,x,,\n", 2, "cannot start or end with a wildcard"),
    (HEADER + "what *{1,3} call,distancing,x,,\n", 2, "6 cells where the header has 5"),
])
def test_bad_csv_gives_an_error_naming_file_line_and_problem(write, body, line, problem):
    path = write("bad.csv", body)
    with pytest.raises(LexiconError) as caught:
        load_lexicon([path])
    error = caught.value
    assert error.path == str(path)
    assert error.line == line
    assert problem in error.problem
    assert str(error).startswith(f"{path}:{line}: ")
    assert error.fix  # says what to do


def test_an_entry_moved_to_another_family_than_the_shipped_one_is_an_error(write):
    path = write("mine.csv", HEADER + "neutral stuff,loaded,x,,\nthreat,hedge,attribution,,\n")
    with pytest.raises(LexiconError) as caught:
        load_lexicon([path])
    assert (caught.value.path, caught.value.line) == (str(path), 3)
    assert "in family 'hedge' here but in 'loaded' at" in caught.value.problem
    assert "loaded.csv" in caught.value.problem


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(LexiconError, match="lexicon file not found"):
        load_lexicon([tmp_path / "nowhere.csv"])


def test_frame_cues_name_a_known_frame_and_may_evoke_two(write):
    path = write("cues.csv", HEADER + "blockade,frame,Security_and_defense,,\nblockade,frame,Economic,,\n"
                 "threat,frame,Security_and_defense,,\n")
    entries = [e for e in load_lexicon([path], include_default=False)]
    assert [(e.key, e.category) for e in entries] == [("blockade", "Security_and_defense"), ("blockade", "Economic"),
                                                      ("threat", "Security_and_defense")]
    both = load_lexicon([path])  # "threat" is a loaded term too: another layer, no conflict
    assert {e.family for e in both if e.key == "threat"} == {"loaded", "frame"}
    bad = write("bad.csv", HEADER + "tariff,frame,Economy,,\n")
    with pytest.raises(LexiconError, match=r"bad.csv:2: unknown frame 'Economy' for entry 'tariff'; use one of "
                       r"Economic, Capacity_and_resources"):
        load_lexicon([bad])


def test_the_frames_file_defines_the_14_frames_with_their_source():
    from framing.lexicons.definitions import frame_definitions

    frames = frame_definitions()
    assert len(frames) == 14 and frames[7].name == "Security_and_defense" and frames[7].label == "Security and defense"
    assert all(f.definition.endswith(".") and f.source.startswith("Boydstun") for f in frames)
    cues = [e for e in load_lexicon(families=["frame"])]
    assert {e.category for e in cues} == {f.name for f in frames}
    assert all(e.source == "project" for e in cues)
