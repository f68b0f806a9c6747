"""framing.lexicons.reader: the one reader of word-list files (CSV or YAML), and its errors that name
file and line."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons.entries import read_file
from framing.lexicons.reader import COLUMNS, FOLDER, Row, files, read_rows, shipped

HEADER = ",".join(COLUMNS) + "\n"


def test_the_shipped_folders_and_their_files_in_name_order():
    assert shipped("markers") == FOLDER / "markers"
    assert [p.name for p in files(shipped("words"))] == ["corpus.csv", "markers.csv", "names.csv", "patterns.csv",
                                                         "pronouns.csv", "sourcing.csv"]
    rows = read_rows(shipped("words") / "pronouns.csv")
    assert (rows[0].entry, rows[0].family, rows[0].category, rows[0].line) == ("he", "person", "m", 2)


def test_csv_cells_are_trimmed_and_blank_and_comment_rows_skipped(write):
    path = write("mine.csv", " Entry , FAMILY,category,note,source\n"
                             "  fake news ,loaded,delegitimising, mocks the press ,\n"
                             ",,,,\n"
                             "# hoax,loaded,delegitimising,,\n"
                             "\n"
                             "hoax,loaded,delegitimising,,Smith (2020)\n")
    assert read_rows(path) == [
        Row("fake news", "loaded", "delegitimising", "mocks the press", "", str(path), 2),
        Row("hoax", "loaded", "delegitimising", "", "Smith (2020)", str(path), 6)]


def test_yaml_items_are_rows_with_the_line_they_start_on(write):
    path = write("hedges.yaml", "# attribution hedges\n"
                                "- entry: word has it\n"
                                "  family: hedge\n"
                                "  category: attribution\n"
                                "- {entry: it is rumoured, family: hedge, category: attribution, source: project}\n")
    assert [(r.entry, r.family, r.category, r.note, r.source, r.line) for r in read_rows(path)] == [
        ("word has it", "hedge", "attribution", "", "", 2),
        ("it is rumoured", "hedge", "attribution", "", "project", 5)]
    assert read_rows(write("empty.yml", "")) == []


def test_only_the_required_columns_must_be_there(write):
    path = write("speakers.csv", "entry,family\nanalyst,speaker_noun\n")
    assert read_rows(path, required=("entry", "family")) == [Row("analyst", "speaker_noun", "", "", "", str(path), 2)]
    with pytest.raises(LexiconError, match="missing column.s. category, note, source"):
        read_rows(path)


@pytest.mark.parametrize("name, text, line, problem", [
    ("bad.csv", HEADER + "threat,loaded,threat and fear,,\n,loaded,x,,\n", 3, "empty entry"),
    ("bad.csv", HEADER + "what *{1,3} call,distancing,x,,\n", 2, "6 cells where the header has 5"),
    ("bad.csv", "entry;family;category;note;source\nthreat;loaded;x;;\n", 1,
     "missing column(s) entry, family, category, note, source"),
    ("bad.yml", "entry: threat\nfamily: loaded\n", 1, "the YAML file is not a list of entries"),
    ("bad.yml", "- threat\n- fear\n", 1, "an item is not a mapping"),
    ("bad.yml", "- entry: threat\n  family: [loaded\n", 3, "not readable as YAML (ParserError)"),
])
def test_a_bad_file_is_an_error_naming_file_and_line(write, name, text, line, problem):
    path = write(name, text)
    with pytest.raises(LexiconError) as caught:
        read_rows(path)
    assert (caught.value.path, caught.value.line, caught.value.problem) == (str(path), line, problem)
    assert caught.value.fix


def test_text_that_is_not_utf8_or_a_missing_file_is_an_error(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes((HEADER + "caf\u00e9 talk,loaded,x,,\n").encode("latin-1"))
    with pytest.raises(LexiconError, match="latin.csv: not UTF-8 text; save the file as UTF-8"):
        read_rows(path)
    with pytest.raises(LexiconError, match="lexicon file not found"):
        read_rows(tmp_path / "nowhere.csv")


def test_bad_yaml_item_names_its_line(write):
    path = write("bad.yml", "- entry: ok\n  family: hedge\n  category: x\n- entry: broken\n"
                            "  category: x\n")
    with pytest.raises(LexiconError) as caught:
        read_file(path)
    assert (caught.value.line, "missing key(s) family" in caught.value.problem) == (4, True)
