"""framing.corpus.decoding: UTF-8 first, byte-order marks honoured, other encodings detected and noted;
empty and binary files refused with a message that names the file."""

from __future__ import annotations

import pytest

from framing.corpus import decode, iter_articles, read_corpus
from framing.errors import InputError


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_or_whitespace_file(only_problem, data):
    problem = only_problem("empty.txt", data)
    assert "empty" in problem.problem or "whitespace" in problem.problem


def test_binary_file(only_problem):
    problem = only_problem("image.txt", bytes(range(256)) * 4)
    assert "binary" in problem.problem


def test_not_utf8_is_decoded_and_noted(tmp_path):
    text = "Café owners’ protest\n\nThe café owners protested on Monday against the new rules in the city."
    (tmp_path / "latin.txt").write_bytes(text.encode("cp1252"))
    articles, problems = read_corpus(tmp_path)
    [article] = articles
    assert article.text == text
    [note] = problems
    assert not note.skipped and "not UTF-8" in note.problem and note.path.endswith("latin.txt")


def test_utf16_with_bom_is_decoded(tmp_path):
    text = "Headline “quoted”\n\nBody with ü and “curly quotes”."
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    [article] = iter_articles(tmp_path, on_problem=lambda p: None)
    assert article.text == text


def test_decode_rejects_undecodable_without_guessing_wrongly():
    with pytest.raises(InputError) as error:
        decode(b"\x00\x01\x02binary", "x.bin")
    assert str(error.value).startswith("x.bin: this is a binary file")


def test_decode_says_which_encoding_it_used():
    text = "Café owners’ protest\n\nThe café owners protested."
    assert decode(text.encode("utf-8"), "a.txt") == (text, "")
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "a.txt") == (text, "")  # the UTF-8 mark is dropped
    assert decode(text.encode("utf-16"), "a.txt") == (text, "decoded from UTF-16 (byte-order mark)")
    assert decode(text.encode("utf-32"), "a.txt") == (text, "decoded from UTF-32 (byte-order mark)")


@pytest.mark.parametrize("data, problem", [
    (b"", "the file is empty"), (b" \n\t ", "the file is empty"),
    ("   ".encode("utf-16"), "the file holds only whitespace"),
    (b"Headline\x01\x02\x03\x04\x05 and some text", "this is a binary file, not text"),
    (b"\xff\xfe\x00", "the file starts with a UTF-16 byte-order mark but does not decode as such"),
])
def test_decode_refuses_what_is_not_text_and_says_what_to_do(data, problem):
    with pytest.raises(InputError) as caught:
        decode(data, "corpus/a.txt")
    assert (caught.value.path, caught.value.problem) == ("corpus/a.txt", problem)
    assert caught.value.fix
