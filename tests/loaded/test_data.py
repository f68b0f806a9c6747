"""Reading annotated texts for training: the SemEval layout, the techniques read, and one-line errors
that name the file and line."""

from __future__ import annotations

import pytest

from framing.errors import InputError
from framing.loaded.data import read_annotated

TEXT = "The regime's thugs crushed the protest. Officials said order was restored."


def folder(tmp_path, spans="id\ttechnique\tstart\tend\n1\tName_Calling-Labeling\t13\t18\n"
           "1\tLoaded_Language\t19\t26\n1\tDoubt\t0\t3\n", texts=None):
    root = tmp_path / "data"
    (root / "text").mkdir(parents=True)
    for name, text in (texts or {"1": TEXT, "2": "A calm report."}).items():
        (root / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "spans.tsv").write_text(spans, encoding="utf-8")
    return root


def test_the_two_techniques_are_read_and_texts_without_spans_kept(tmp_path):
    data = read_annotated(folder(tmp_path))
    assert data.ids == ("1", "2")
    assert [(TEXT[s:e], c) for s, e, c in data.spans[0]] == [("thugs", "name calling"), ("crushed", "loaded language")]
    assert data.spans[1] == ()
    assert data.counts() == {"loaded language": 1, "name calling": 1}


@pytest.mark.parametrize("spans, message, line", [
    ("", "empty file", 1),
    ("doc\ttech\n", "the first line must be the header", 1),
    ("id\ttechnique\tstart\tend\n1\tLoaded_Language\t19\n", "3 cell(s), expected 4", 2),
    ("id\ttechnique\tstart\tend\n1\tLoaded_Language\t19\t26\n1\tLoaded_Language\tx\t26\n",
     "start and end must be whole numbers", 3),
    ("id\ttechnique\tstart\tend\n1\tLoaded_Language\t19\t999\n", "outside the text of '1'", 2),
    ("id\ttechnique\tstart\tend\n7\tLoaded_Language\t1\t2\n", "no text for id '7'", 2),
])
def test_a_bad_spans_file_names_its_line(tmp_path, spans, message, line):
    with pytest.raises(InputError) as error:
        read_annotated(folder(tmp_path, spans=spans))
    text = str(error.value)
    assert message in text and f"spans.tsv:{line}: " in text
    assert "\n" not in text


def test_a_missing_folder_file_or_text_says_what_to_give(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        read_annotated(tmp_path / "nowhere")
    root = folder(tmp_path)
    (root / "spans.tsv").unlink()
    with pytest.raises(InputError, match="no spans.tsv here"):
        read_annotated(root)
    bad = folder(tmp_path / "b")
    (bad / "text" / "3.txt").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(InputError, match="not UTF-8"):
        read_annotated(bad)
