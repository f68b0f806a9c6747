"""framing.lexicons.reader: the one reader of word-list files (CSV or YAML), and its errors that name
file and line."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.lexicons.entries import read_file


def test_bad_yaml_item_names_its_line(write):
    path = write("bad.yml", "- entry: ok\n  family: hedge\n  category: x\n- entry: broken\n"
                            "  category: x\n")
    with pytest.raises(LexiconError) as caught:
        read_file(path)
    assert (caught.value.line, "missing key(s) family" in caught.value.problem) == (4, True)
