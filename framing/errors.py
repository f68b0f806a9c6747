"""Errors a user can act on, worded the same way everywhere.

Every problem the toolkit reports about its input is a :class:`FramingError` whose message is one line:
``WHERE: WHAT; WHAT TO DO`` (``WHERE`` is ``file`` or ``file:line``). The CLI prints the message and
exits; library callers can catch the exception and read ``.path``, ``.line``, ``.problem``, ``.fix``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def location(path: str | Path | None, line: int | None = None) -> str:
    """``path`` or ``path:line`` as shown in messages (empty when there is no path)."""
    if path is None:
        return ""
    return f"{path}:{line}" if line is not None else str(path)


def message(path: str | Path | None, problem: str, fix: str = "", *, line: int | None = None) -> str:
    """Build the one-line message ``path[:line]: problem; fix``."""
    where = location(path, line)
    text = f"{where}: {problem}" if where else problem
    if fix:
        text += f"; {fix}"
    return " ".join(text.split())  # always one line


class FramingError(Exception):
    """A problem with the user's input or settings, with where it is and what to do about it."""

    def __init__(self, path: str | Path | None, problem: str, fix: str = "", *, line: int | None = None):
        self.path = None if path is None else str(path)
        self.line = line
        self.problem = problem
        self.fix = fix
        super().__init__(message(path, problem, fix, line=line))

    def __reduce__(self):  # errors raised in worker processes must survive pickling
        return (_rebuild, (type(self), self.path, self.problem, self.fix, self.line))


def _rebuild(cls: type[FramingError], path: str | None, problem: str, fix: str, line: int | None) -> FramingError:
    return cls(path, problem, fix, line=line)


class InputError(FramingError):
    """An input file (article, table, manifest) that cannot be read as an article."""


class LexiconError(FramingError):
    """A lexicon file with a missing column, an empty entry, an unknown family or a bad pattern."""


class ModelError(FramingError):
    """No spaCy pipeline could be loaded under the requested name."""


class OutputError(FramingError):
    """The output folder cannot be created or written."""


@dataclass(frozen=True)
class Problem:
    """A bad input reported while the rest of the corpus was analysed: skipped, or only noted."""

    path: str
    line: int | None
    problem: str
    fix: str
    skipped: bool = True  # False for a notice (e.g. an encoding that had to be guessed)

    @classmethod
    def from_error(cls, error: FramingError) -> "Problem":
        return cls(error.path or "", error.line, error.problem, error.fix)

    def __str__(self) -> str:
        return message(self.path, self.problem, self.fix, line=self.line)
