"""Plain word lists, kept as data in ``framing/lexicons/words/`` and read once.

Each file holds the lists of one job (``pronouns.csv``, ``markers.csv``, ``corpus.csv``...); its
``family`` column names the list an entry belongs to, ``category`` carries a value where a list maps
words to something (a title to a gender), ``note`` says why the word is there and ``source`` where it
comes from. Entries are compared lower-cased with single spaces.

>>> word_list("pronouns", "person")                        # doctest: +SKIP
frozenset({'he', 'her', 'him', 'his', 'she'})
"""

from __future__ import annotations

from functools import cache

from framing.errors import LexiconError
from framing.lexicons.reader import read_rows, shipped


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@cache
def word_categories(name: str) -> dict[str, dict[str, str]]:
    """The lists of ``words/NAME.csv``: list name -> {entry: category}. Raises LexiconError."""
    path = shipped("words") / f"{name}.csv"
    lists: dict[str, dict[str, str]] = {}
    for row in read_rows(path):
        if not row.family:
            raise LexiconError(path, f"no list named for {row.entry!r}", "name the list in the family column",
                               line=row.line)
        lists.setdefault(row.family, {}).setdefault(_key(row.entry), row.category)
    return lists


def word_list(name: str, family: str) -> frozenset[str]:
    """The words of list ``family`` in ``words/NAME.csv``. Raises LexiconError when there is none."""
    return frozenset(categories(name, family))


def categories(name: str, family: str) -> dict[str, str]:
    """Entry -> category of list ``family`` in ``words/NAME.csv``. Raises LexiconError when there is none."""
    lists = word_categories(name)
    if family not in lists:
        raise LexiconError(shipped("words") / f"{name}.csv", f"no word list {family!r}",
                           f"add rows with family {family!r}")
    return lists[family]
