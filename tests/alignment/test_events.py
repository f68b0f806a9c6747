"""framing.alignment.events: which articles are aligned with which."""

from __future__ import annotations

import pandas as pd
import pytest

from framing.alignment import events as ev
from framing.schemas import frame


def articles(n: int, **columns) -> pd.DataFrame:
    data = {"doc_id": [f"d{i:04d}" for i in range(n)], "outlet": [f"o{i % 3}" for i in range(n)],
            "n_words": 100, "n_sentences": 1, "text": "."}
    data.update(columns)
    return frame("articles", pd.DataFrame(data).to_dict("records"))


def test_the_event_column_chooses_the_groups():
    found = ev.events_of(articles(4, event=["a", "a", "b", ""]))
    assert found.to_dict() == {"d0000": "a", "d0001": "a", "d0002": "b", "d0003": ""}


def test_a_small_corpus_without_events_is_one_event():
    notices = []
    found = ev.events_of(articles(ev.SINGLE_EVENT_MAX), on_notice=notices.append)
    assert set(found) == {ev.ALL} and not notices


def test_a_large_corpus_without_events_is_grouped_with_a_notice():
    n = ev.SINGLE_EVENT_MAX + 1
    dates = ["2016-03-01" if i < n // 2 else "2016-03-20" for i in range(n)]
    table = articles(n, date=dates)
    actors = {d: (("trump", "clinton") if i % 2 else ("sanders", "cruz")) for i, d in enumerate(table["doc_id"])}
    notices = []
    found = ev.events_of(table, actors=actors, on_notice=notices.append)
    assert len(notices) == 1
    assert notices[0].startswith(f"{n} articles and no 'event' column: passages are aligned within events grouped "
                                 "by date (3-day window) and shared named actors")
    # two dates far apart x two sets of actors, and no event above its size limit
    assert found.nunique() >= 4
    assert found.value_counts().max() <= ev.MAX_EVENT_ARTICLES
    sizes = pd.DataFrame({"event": found.to_numpy(), "date": dates, "pair": [actors[d] for d in found.index]})
    assert (sizes.groupby("event")["date"].nunique() == 1).all()
    assert (sizes.groupby("event")["pair"].nunique() == 1).all()
    assert ev.events_of(table, actors=actors).equals(found)  # the same articles give the same events


def test_grouping_joins_articles_within_the_window_that_share_actors():
    dates = {"a": "2022-06-17", "b": "2022-06-18", "c": "2022-06-19", "d": "2022-06-25", "e": "2022-06-17", "f": ""}
    actors = {"a": ("putin", "tokayev", "kazakhstan"), "b": ("tokayev", "putin"), "c": ("putin", "biden"),
              "d": ("putin", "tokayev"), "e": ("scholz",), "f": ("putin", "tokayev")}
    found = ev.group_by_date_and_actors(dates, actors)
    assert found["a"] == found["b"] == "2022-06-17/1"
    assert found["c"] == "2022-06-19/1"      # one actor in common is not enough
    assert found["d"] == "2022-06-25/1"      # a week later: another event
    assert found["e"] == "2022-06-17/2"      # the same day, other actors (named by date order, then doc_id)
    assert found["f"] == "undated/1"


def test_key_actors_are_the_most_named_people_organisations_and_places():
    mentions = frame("mentions", [
        {"doc_id": "a", "sent_id": 0, "text": t, "label": lab, "actor": act, "start_char": 0, "end_char": 1}
        for t, lab, act in [("Putin", "PERSON", "Vladimir Putin"), ("he", "PERSON", "Vladimir Putin"),
                            ("Tokayev", "PERSON", "Kassym-Jomart Tokayev"), ("Friday", "DATE", "Friday"),
                            ("Astana", "GPE", "")]])
    assert ev.key_actors(mentions) == {"a": ("vladimir putin", "astana", "kassym-jomart tokayev")}
    # the rows as the analysis streams them give the same; an actor read back empty (NaN) is its text
    assert ev.key_actors(mentions.to_dict("records")) == ev.key_actors(mentions)
    read_back = mentions.assign(actor=mentions["actor"].replace("", float("nan")))
    assert ev.key_actors(read_back) == {"a": ("vladimir putin", "astana", "kassym-jomart tokayev")}


@pytest.mark.parametrize("column", ["date", "event_date"])
def test_dates_come_from_date_else_event_date(column):
    table = articles(2, **{column: ["2022-06-17", ""]})
    assert ev.article_dates(table) == ["2022-06-17", ""]
