"""Events: the groups of articles whose passages are aligned with each other.

An article's event is its ``event`` metadata value (a manifest, CSV or front-matter column; it reaches
the ``articles`` table as an extra column). Without that column:

- a corpus of up to :data:`SINGLE_EVENT_MAX` articles is one event (the seed corpus, a handful of
  articles on one story);
- a larger corpus is grouped, and a one-line notice says so: articles are taken in order of date
  (then ``doc_id``), and each joins the open event, anchored within :data:`DATE_WINDOW_DAYS` days
  before it, with which it shares the most of its key actors (at least :data:`SHARED_ACTORS`, or its
  only one). Key actors are the :data:`KEY_ACTORS` people, organisations and places an article
  names most often (``mentions.actor``, ties by name). An article that joins none opens an event;
  an event holds at most :data:`MAX_EVENT_ARTICLES` articles, so that the cost of aligning it stays
  bounded. Articles without a readable date are grouped among themselves by actors alone. Events are
  named ``DATE/N`` (the date of their first article, ``undated`` without one, and a number from 1).

The same articles give the same events. Articles whose ``event`` is empty are aligned with no one.

>>> events_of(articles, mentions)                       # doctest: +SKIP
000_c0858dbfd52112ba    Plenary session of the St. Petersburg ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from framing.records import ACTOR_LABELS
from framing.schemas import cell_text

#: The articles column naming each article's event.
EVENT_COLUMN = "event"
#: The one event of a corpus without an ``event`` column and at most :data:`SINGLE_EVENT_MAX` articles.
ALL = "all"
#: Up to this many articles, a corpus without an ``event`` column is one event (a few hundred
#: articles give tens of thousands of article pairs: about what one run can compare in a minute).
SINGLE_EVENT_MAX = 300
#: Articles published within this many days of an event's first article may join it (news on one
#: event follows within a few days; BASIL's three outlets on one event are mostly 0 to 2 days apart).
DATE_WINDOW_DAYS = 3
#: The actors that characterise an article: the ones it names most often.
KEY_ACTORS = 5
#: An article joins an event when it shares this many key actors with it (one when it has only one).
SHARED_ACTORS = 2
#: No event grows beyond this many articles: a corpus where every article names the same two people
#: (an election) still falls into groups whose pairs can be compared.
MAX_EVENT_ARTICLES = 50


def grouping_notice(n_articles: int) -> str:
    """The one-line notice shown when a corpus without an ``event`` column is grouped."""
    return (f"{n_articles:,} articles and no '{EVENT_COLUMN}' column: passages are aligned within events "
            f"grouped by date ({DATE_WINDOW_DAYS}-day window) and shared named actors; add an "
            f"'{EVENT_COLUMN}' column (manifest, CSV or front matter) to choose the groups")


def has_events(articles: pd.DataFrame) -> bool:
    """Whether the articles carry an ``event`` column with at least one value."""
    return EVENT_COLUMN in articles.columns and bool((articles[EVENT_COLUMN].fillna("").astype(str).str.strip() != "").any())


def key_actors(mentions: pd.DataFrame | Iterable[Mapping[str, object]],
               labels: Iterable[str] | None = ACTOR_LABELS) -> dict[str, tuple[str, ...]]:
    """doc_id -> its :data:`KEY_ACTORS` most named actors (lower-cased), most named first, ties by name.

    ``mentions``: the ``mentions`` table, or its rows as dicts (as the analysis streams them). An
    actor is a mention's ``actor``, else its ``text``; only mentions whose ``label`` is in ``labels``
    (all when None) count.
    """
    if isinstance(mentions, pd.DataFrame):
        mentions = mentions.to_dict("records")
    wanted = None if labels is None else set(labels)
    counts: dict[str, Counter] = {}
    for row in mentions:
        if wanted is not None and row.get("label") not in wanted:
            continue
        actor = cell_text(row.get("actor")).strip() or cell_text(row.get("text")).strip()
        counts.setdefault(cell_text(row.get("doc_id")).strip(), Counter())[actor.lower()] += 1
    return {doc: tuple(actor for actor, _ in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:KEY_ACTORS])
            for doc, found in sorted(counts.items())}


@dataclass
class _Open:
    name: str
    anchor: pd.Timestamp | None
    actors: Counter = field(default_factory=Counter)
    size: int = 0

    def top(self) -> set[str]:
        ranked = sorted(self.actors.items(), key=lambda kv: (-kv[1], kv[0]))
        return {a for a, _ in ranked[:KEY_ACTORS]}


def group_by_date_and_actors(dates: Mapping[str, object], actors: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """doc_id -> event name, by the rule of the module docstring (``dates``: doc_id -> date text or
    timestamp; ``actors``: doc_id -> key actors)."""
    parsed = {doc: pd.to_datetime(value, errors="coerce", utc=True) if value not in (None, "") else pd.NaT
              for doc, value in dates.items()}
    order = sorted(parsed, key=lambda d: (pd.isna(parsed[d]), parsed[d] if not pd.isna(parsed[d]) else 0, d))
    window = pd.Timedelta(days=DATE_WINDOW_DAYS)
    numbers: Counter = Counter()
    open_events: list[_Open] = []
    out: dict[str, str] = {}
    for doc in order:
        date = None if pd.isna(parsed[doc]) else parsed[doc].normalize()
        mine = list(dict.fromkeys(actors.get(doc, ())))
        need = min(SHARED_ACTORS, len(mine))
        open_events = [e for e in open_events if (e.anchor is None) == (date is None)
                       and (date is None or date - e.anchor <= window)]
        best, best_shared = None, 0
        for event in open_events:
            shared = len(event.top() & set(mine))
            if event.size < MAX_EVENT_ARTICLES and need and shared >= need and shared > best_shared:
                best, best_shared = event, shared
        if best is None:
            day = "undated" if date is None else date.strftime("%Y-%m-%d")
            numbers[day] += 1
            best = _Open(f"{day}/{numbers[day]}", date)
            open_events.append(best)
        best.actors.update(mine)
        best.size += 1
        out[doc] = best.name
    return out


def article_dates(articles: pd.DataFrame) -> list[str]:
    """Each article's date as written: ``date``, else ``event_date`` (empty when there is neither)."""
    found = [""] * len(articles)
    for column in ("event_date", "date"):
        if column in articles.columns:
            values = articles[column].fillna("").astype(str).str.strip().tolist()
            found = [v or f for v, f in zip(values, found)]
    return found


def events_of(articles: pd.DataFrame, mentions: pd.DataFrame | None = None, *,
              on_notice: Callable[[str], None] | None = None,
              actors: Mapping[str, Iterable[str]] | None = None) -> pd.Series:
    """The event of each article, indexed by ``doc_id`` (see the module docstring for the rule).

    ``mentions`` (or ``actors``: doc_id -> key actors, as :func:`key_actors` gives them) is needed
    only to group a large corpus without an ``event`` column; ``on_notice`` receives the one-line
    notice when that happens.
    """
    ids = articles["doc_id"].astype(str)
    if has_events(articles):
        values = articles[EVENT_COLUMN].fillna("").astype(str).str.strip()
        return pd.Series(values.to_numpy(), index=ids.to_numpy(), name=EVENT_COLUMN, dtype="string")
    if len(articles) <= SINGLE_EVENT_MAX:
        return pd.Series(ALL, index=ids.to_numpy(), name=EVENT_COLUMN, dtype="string")
    if on_notice is not None:
        on_notice(grouping_notice(len(articles)))
    if actors is None:
        actors = key_actors(mentions if mentions is not None else pd.DataFrame(columns=["doc_id", "label", "actor", "text"]))
    dates = dict(zip(ids, article_dates(articles)))
    names = group_by_date_and_actors(dates, actors)
    return pd.Series([names[d] for d in ids], index=ids.to_numpy(), name=EVENT_COLUMN, dtype="string")
