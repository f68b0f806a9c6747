"""framing.aliases: alias tables (``alias,canonical``) read with errors that name file and line, found in
a corpus folder, and applied to the actors and speakers of finished tables."""

from __future__ import annotations

import pytest

from framing.aliases import ALIASES_NAME, apply, as_map, canonical, folder_aliases, read_aliases
from framing.errors import InputError
from framing.schemas import frame
from rows import mention, quote
from seeds import CORPUS


def alias_file(tmp_path, text: str, *, encoding: str = "utf-8"):
    path = tmp_path / ALIASES_NAME
    path.write_bytes(text.encode(encoding))
    return path


def test_the_seed_corpus_table_merges_the_spellings_of_tokayev():
    names = read_aliases(CORPUS / ALIASES_NAME)
    assert names == {"tokayev": "Kassym-Jomart Tokayev", "tokaev": "Kassym-Jomart Tokayev",
                     "kassym-jomart tokayev": "Kassym-Jomart Tokayev"}  # the canonical name is an alias of itself
    assert canonical(names, "Tokaev") == canonical(names, " TOKAYEV ") == "Kassym-Jomart Tokayev"
    assert canonical(names, "Putin") == "Putin"  # not in the table: as written


def test_cells_are_trimmed_and_blank_and_comment_rows_skipped(tmp_path):
    path = alias_file(tmp_path, "\ufeff Alias , Canonical \n  Putin , Vladimir  Putin\n\n,\n# Vova,Vladimir Putin\n"
                                "V. Putin,Vladimir Putin\n")
    assert read_aliases(path) == {"putin": "Vladimir Putin", "v. putin": "Vladimir Putin",
                                  "vladimir putin": "Vladimir Putin"}


@pytest.mark.parametrize("text, where, message", [
    ("name,canonical\nTokaev,Tokayev\n", 1,
     "the first row must be the header alias,canonical; add the header row alias,canonical"),
    ("alias,canonical\nTokaev,Kassym-Jomart Tokayev\nTokayev\n", 3,
     "1 cell(s) where 2 are needed; write one alias and its canonical name a line"),
    ("alias,canonical\nTokaev, \n", 2, "empty alias or canonical name; fill both cells or delete the row"),
    ("alias,canonical\nTokaev,Kassym-Jomart Tokayev\ntokaev,Tokayev\n", 3,
     "alias 'tokaev' is given two canonical names ('Kassym-Jomart Tokayev' on line 2, 'Tokayev' here); "
     "keep one row per alias"),
])
def test_a_bad_table_is_a_one_line_error_naming_file_and_line(tmp_path, text, where, message):
    path = alias_file(tmp_path, text)
    with pytest.raises(InputError) as caught:
        read_aliases(path)
    assert str(caught.value) == f"{path}:{where}: {message}"
    assert caught.value.line == where


def test_a_missing_or_undecodable_file_is_an_error(tmp_path):
    with pytest.raises(InputError, match="alias file not found; check the path"):
        read_aliases(tmp_path / "nowhere.csv")
    with pytest.raises(InputError, match="not UTF-8 text; save the file as UTF-8"):
        read_aliases(alias_file(tmp_path, "alias,canonical\nTokaïev,Tokayev\n", encoding="latin-1"))


def test_the_first_input_folder_with_an_alias_table_gives_it(tmp_path):
    (tmp_path / "plain").mkdir()
    assert folder_aliases(tmp_path / "plain") is None
    assert folder_aliases([tmp_path / "plain", CORPUS]) == CORPUS / ALIASES_NAME
    assert folder_aliases(str(CORPUS)) == CORPUS / ALIASES_NAME
    assert folder_aliases(CORPUS / "manifest.csv") is None  # a file is not a folder


def test_a_mapping_is_read_like_a_table():
    names = as_map({" Putin ": "Vladimir Putin", "Vova": "Vladimir Putin"})
    assert names == {"putin": "Vladimir Putin", "vova": "Vladimir Putin", "vladimir putin": "Vladimir Putin"}
    assert as_map(None) == {}
    assert as_map(CORPUS / ALIASES_NAME) == read_aliases(CORPUS / ALIASES_NAME)


def test_apply_merges_actors_and_resolved_speakers_and_leaves_the_rest():
    tables = {
        "mentions": frame("mentions", [mention("a", 0, "Tokaev", "Tokaev", "PERSON"),
                                       mention("a", 1, "Putin", "Putin", "PERSON")]),
        "quotes": frame("quotes", [quote("a", 1, "direct", "Tokaev", "named_person"),
                                   quote("a", 2, "scare")]),
        "articles": frame("articles", [{"doc_id": "a", "outlet": "Tokaev", "text": "."}]),
    }
    merged = apply(tables, CORPUS / ALIASES_NAME)
    assert merged["mentions"]["actor"].tolist() == ["Kassym-Jomart Tokayev", "Putin"]
    assert merged["mentions"]["text"].tolist() == ["Tokaev", "Putin"]  # the words as written stay
    assert merged["quotes"]["speaker_resolved"].tolist() == ["Kassym-Jomart Tokayev", ""]
    assert merged["quotes"]["speaker"].tolist() == ["Tokaev", ""]
    assert merged["articles"] is tables["articles"]
    assert tables["mentions"]["actor"].tolist() == ["Tokaev", "Putin"]  # the tables given are not changed
    for nothing in (None, {}):
        assert all(table is tables[name] for name, table in apply(tables, nothing).items())



@pytest.mark.parametrize("content, problem, line", [
    ("name,other\nA,B\n", "header alias,canonical", 1),
    ("alias,canonical\nA,B\n,C\n", "empty alias or canonical", 3),
    ("alias,canonical\nA,B\nA,C\n", "two canonical names", 3),
    ("alias,canonical\nA\n", "cell(s) where 2 are needed", 2),
])
def test_bad_alias_file_names_file_and_line(tmp_path, content, problem, line):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_aliases(path)
    assert problem in str(error.value) and error.value.line == line and str(path) in str(error.value)


def test_missing_alias_file(tmp_path):
    with pytest.raises(InputError, match="alias file not found"):
        read_aliases(tmp_path / "nope.csv")
