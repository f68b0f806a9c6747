"""framing.measures.groups: how every measure groups articles (by outlet, any metadata column, several,
or one group per article), and the rows of other tables that belong to the groups."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.errors import FramingError
from framing.measures.groups import by_columns, groups, key_combinations, levels_of, with_groups


def test_groups_count_articles_and_words_sorted_by_group(articles):
    by_outlet = groups(articles)
    assert by_outlet.values.tolist() == [["X", 2, 3000], ["Y", 1, 500]]
    assert list(by_outlet.columns) == ["outlet", "articles", "words"] and by_outlet["words"].dtype == "int64"
    assert groups(articles, "language").values.tolist() == [["de", 1, 1000], ["en", 2, 2500]]
    assert groups(articles, ["outlet", "language"]).values.tolist() == [
        ["X", "de", 1, 1000], ["X", "en", 1, 2000], ["Y", "en", 1, 500]]
    assert groups(articles, "doc_id")["words"].tolist() == [2000, 1000, 500]


def test_an_unknown_column_names_the_columns_there_are(articles):
    with pytest.raises(FramingError) as caught:
        groups(articles, ["outlet", "country"])
    assert caught.value.problem == "no column 'country' in the articles table"
    assert caught.value.fix.startswith("group by one of: doc_id, outlet, title")


def test_rows_take_their_articles_groups_and_rows_of_other_articles_go(articles, markers):
    found = with_groups(markers.assign(outlet="stale"), articles, ["outlet"])
    assert len(found) == len(markers) - 1  # the marker of an article not in the table
    assert found.groupby("outlet").size().to_dict() == {"X": 7, "Y": 3}
    assert len(with_groups(markers, articles, ["doc_id"])) == len(found)  # one group per article
    assert (by_columns("outlet"), by_columns(("outlet", "language"))) == (["outlet"], ["outlet", "language"])


def test_fixed_levels_come_first_in_their_order_then_the_others_sorted():
    assert levels_of(pd.Series(["quoted", "", "author", "quoted"]), ("author", "quoted")) == ["author", "quoted", ""]
    table = pd.DataFrame({"family": ["loaded", "hedge", "loaded"], "voice": ["author", "author", "quoted"]})
    combos = key_combinations(table, ["family", "voice"], {"voice": ("author", "quoted")})
    assert combos.values.tolist() == [["hedge", "author"], ["hedge", "quoted"], ["loaded", "author"],
                                      ["loaded", "quoted"]]
    assert key_combinations(table.iloc[:0], ["family"], {}).empty
