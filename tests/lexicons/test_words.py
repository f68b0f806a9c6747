"""framing.lexicons.words: the plain word lists kept as data (pronouns, negators, boilerplate lines...),
read once, compared lower-cased with single spaces."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons import words
from framing.lexicons.words import categories, word_categories, word_list

#: The lists the toolkit reads, by file.
USED = {"corpus": ("boilerplate", "tail_boilerplate"), "patterns": ("function_word",),
        "markers": ("root_modal", "negator", "modal_gap", "plain_degree_head"),
        "pronouns": ("person", "group", "thing", "relative")}


@pytest.fixture
def own_lists(tmp_path, monkeypatch):
    """Word-list files read from the test's folder instead of the shipped one (and forgotten after)."""
    monkeypatch.setattr(words, "shipped", lambda subfolder: tmp_path)
    yield tmp_path
    word_categories.cache_clear()


def test_every_list_the_toolkit_reads_is_there_and_normalised():
    for name, lists in USED.items():
        for family in lists:
            found = word_list(name, family)
            assert found, (name, family)
            assert all(word == " ".join(word.lower().split()) for word in found), (name, family)


def test_the_pronouns_of_one_person_carry_their_gender():
    assert word_list("pronouns", "person") == {"he", "him", "his", "she", "her"}
    assert categories("pronouns", "person") == {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
    # a word may be in several lists: "that" is a thing or a relative pronoun
    assert "that" in word_list("pronouns", "thing") & word_list("pronouns", "relative")


def test_the_lists_hold_what_their_users_rely_on():
    assert {"not", "n't", "never", "without"} <= word_list("markers", "negator")
    assert {"could", "must"} <= word_list("markers", "root_modal") and "might" not in word_list("markers", "root_modal")
    assert {"leave a comment", "advertisement"} <= word_list("corpus", "boilerplate")
    assert {"much", "far", "recent"} <= word_list("markers", "plain_degree_head")


def test_an_unknown_list_is_an_error_that_names_the_file():
    with pytest.raises(LexiconError) as caught:
        word_list("pronouns", "plural")
    assert caught.value.path.endswith("pronouns.csv")
    assert str(caught.value).endswith(": no word list 'plural'; add rows with family 'plural'")


def test_entries_are_lower_cased_with_single_spaces_and_the_first_category_wins(own_lists):
    (own_lists / "titles.csv").write_text("entry,family,category,note,source\n"
                                          "  Prime  Minister ,title,,,\nMrs,title,f,,\nmrs,title,m,,\n",
                                          encoding="utf-8")
    assert categories("titles", "title") == {"prime minister": "", "mrs": "f"}


def test_a_row_that_names_no_list_is_an_error_with_its_line(own_lists):
    (own_lists / "titles.csv").write_text("entry,family,category,note,source\nMr,title,m,,\nMrs,,f,,\n",
                                          encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        word_list("titles", "title")
    assert (caught.value.line, caught.value.problem) == (3, "no list named for 'Mrs'")
