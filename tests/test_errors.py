"""framing.errors: every problem is one line, ``WHERE: WHAT; WHAT TO DO``, with its parts kept for
callers, and survives the trip from a worker process."""

from __future__ import annotations

import pickle

import pytest

from framing.errors import (FramingError, InputError, LexiconError, ModelError, OutputError, Problem, location,
                            message)


def test_a_message_is_one_line_where_what_and_what_to_do():
    assert message("data/a.csv", "the text is empty", "fill in the text or remove the row", line=4) == (
        "data/a.csv:4: the text is empty; fill in the text or remove the row")
    assert message(None, "unknown engine 'spark'", "choose from local, dask") == (
        "unknown engine 'spark'; choose from local, dask")
    assert message("a.txt", "the file\nis empty") == "a.txt: the file is empty"  # no fix, no line break
    assert (location("a.txt"), location("a.txt", 3), location(None, 3)) == ("a.txt", "a.txt:3", "")


def test_an_error_keeps_its_parts_for_callers():
    error = LexiconError("lexicons/mine.csv", "unknown family 'mood'", "use one of loaded, hedge", line=3)
    assert isinstance(error, FramingError)
    assert (error.path, error.line, error.problem, error.fix) == (
        "lexicons/mine.csv", 3, "unknown family 'mood'", "use one of loaded, hedge")
    assert str(error) == "lexicons/mine.csv:3: unknown family 'mood'; use one of loaded, hedge"


@pytest.mark.parametrize("kind", [FramingError, InputError, LexiconError, ModelError, OutputError])
def test_an_error_raised_in_a_worker_process_arrives_whole(kind):
    error = kind("corpus/feed.jsonl", "broken JSON (Expecting value, column 1)", "fix or remove this line", line=7)
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is kind
    assert (back.path, back.line, back.problem, back.fix, str(back)) == (
        error.path, error.line, error.problem, error.fix, str(error))


def test_a_problem_is_an_error_reported_while_the_rest_goes_on():
    problem = Problem.from_error(InputError("corpus/empty.txt", "the file is empty",
                                            "remove it or put the article text in it"))
    assert problem == Problem("corpus/empty.txt", None, "the file is empty",
                              "remove it or put the article text in it", skipped=True)
    assert str(problem) == "corpus/empty.txt: the file is empty; remove it or put the article text in it"
    note = Problem("corpus/latin.txt", None, "not UTF-8: decoded as cp1252 (detected)", "", skipped=False)
    assert str(note) == "corpus/latin.txt: not UTF-8: decoded as cp1252 (detected)"
    assert Problem.from_error(FramingError(None, "no article could be read")).path == ""
