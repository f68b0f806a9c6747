"""The alias table: errors that name the file and the line."""

from __future__ import annotations

import pytest

from framing.aliases import read_aliases
from framing.errors import InputError


@pytest.mark.parametrize("content, problem, line", [
    ("name,other\nA,B\n", "header alias,canonical", 1),
    ("alias,canonical\nA,B\n,C\n", "empty alias or canonical", 3),
    ("alias,canonical\nA,B\nA,C\n", "two canonical names", 3),
    ("alias,canonical\nA\n", "cell(s) where 2 are needed", 2),
])
def test_bad_alias_file_names_file_and_line(tmp_path, content, problem, line):
    path = tmp_path / "aliases.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_aliases(path)
    assert problem in str(error.value) and error.value.line == line and str(path) in str(error.value)


def test_missing_alias_file(tmp_path):
    with pytest.raises(InputError, match="alias file not found"):
        read_aliases(tmp_path / "nope.csv")
