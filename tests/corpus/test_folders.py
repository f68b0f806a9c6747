"""framing.corpus.folders: files and folders searched in a stable order, a folder's manifest, doc_ids,
and every bad file reported and skipped while the others are read."""

from __future__ import annotations

import pytest

from framing.corpus import iter_articles, read_corpus, read_manifest
from framing.errors import InputError
from seeds import CORPUS, KRONE, ONEWORLD


def test_seed_corpus_has_both_articles_with_manifest_metadata(seed_articles):
    assert sorted(seed_articles) == [KRONE, ONEWORLD]
    krone, oneworld = seed_articles[KRONE], seed_articles[ONEWORLD]
    assert krone.outlet == "Krone" and oneworld.outlet == "OneWorld"
    assert oneworld.author == "Andrew Korybko"
    assert krone.author == ""  # unknown stays empty
    assert krone.date == "" and oneworld.date == ""
    for article in (krone, oneworld):
        assert article.meta["event_date"] == "2022-06-17"
        assert "St. Petersburg International Economic Forum" in article.meta["event"]
        assert article.meta["language"] == "en"


def test_manifest_metadata_wins_over_detected(tmp_path):
    (tmp_path / "x.txt").write_text("A headline\n\nBody.\n\nSource: Wrong Name\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("path,outlet,language\nx.txt,Right Name,en\n", encoding="utf-8")
    [article] = iter_articles(tmp_path)
    assert article.outlet == "Right Name" and article.source_line == "Source: Wrong Name"
    assert article.meta == {"language": "en"}


def test_doc_ids_are_relative_paths(tmp_path):
    (tmp_path / "krone").mkdir()
    (tmp_path / "krone" / "a.txt").write_text("Headline\n\nBody one.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Headline\n\nBody two.", encoding="utf-8")
    assert [a.doc_id for a in iter_articles(tmp_path)] == ["b", "krone/a"]


def test_unsupported_file_type(only_problem):
    problem = only_problem("paper.pdf", b"%PDF-1.4 some text")
    assert "not read" in problem.problem


def test_duplicate_doc_ids_are_reported_and_first_kept(tmp_path):
    (tmp_path / "a.txt").write_text("Headline A\n\nBody from txt.", encoding="utf-8")
    (tmp_path / "a.md").write_text("Headline B\n\nBody from md.", encoding="utf-8")
    articles, problems = read_corpus(tmp_path)
    assert [a.path.rsplit(".", 1)[1] for a in articles] == ["md"]
    [problem] = problems
    assert "duplicate doc_id 'a'" in problem.problem and problem.path.endswith("a.txt")


def test_missing_path_is_reported(tmp_path):
    articles, problems = read_corpus([tmp_path / "nope", CORPUS])
    assert len(articles) == 2
    assert problems[0].path.endswith("nope") and "no such file" in problems[0].problem


def test_missing_path_raises_without_handler(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        list(iter_articles(tmp_path / "nope"))


def test_manifest_without_path_column(tmp_path):
    (tmp_path / "m.csv").write_text("file,outlet\nx.txt,A\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_manifest(tmp_path / "m.csv")
    assert error.value.line == 1 and "'path' column" in error.value.problem
