"""Reading a folder that holds one bad file next to a good one."""

from __future__ import annotations

import pytest


@pytest.fixture
def only_problem(tmp_path):
    """Read a folder of ``name`` (holding ``data``) and a good article; check that the good one is read
    and that ``name`` is the one input skipped, with a one-line message; return that Problem."""

    def read(name: str, data: bytes):
        from framing.corpus import read_corpus

        (tmp_path / name).write_bytes(data)
        (tmp_path / "good.txt").write_text("Good headline\n\nGood body.", encoding="utf-8")
        articles, problems = read_corpus(tmp_path)
        assert [a.doc_id for a in articles] == ["good"], "the good file is still analysed"
        skipped = [p for p in problems if p.skipped]
        assert len(skipped) == 1
        assert skipped[0].path.endswith(name)
        assert "\n" not in str(skipped[0])
        return skipped[0]

    return read
