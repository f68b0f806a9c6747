"""framing.corpus.readers: one reader per input format (.txt/.md with front matter, .html, .csv, .jsonl),
each reporting a bad row with its line and going on."""

from __future__ import annotations

import json

import pytest

from framing.corpus import iter_articles, read_corpus


def test_markdown_front_matter_gives_metadata_and_headline(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: Storm hits coast\noutlet: Coast News\nauthor: [A. B, C. D]\n"
                                   "date: 2021-05-03\n---\nThe storm hit the coast at dawn.\n", encoding="utf-8")
    [article] = iter_articles(tmp_path)
    assert article.doc_id == "a"
    assert article.outlet == "Coast News" and article.author == "A. B; C. D" and article.date == "2021-05-03"
    assert article.text == "Storm hits coast\n\nThe storm hit the coast at dawn."
    assert article.body_start == len("Storm hits coast\n\n")


def test_html_article_text_and_metadata(tmp_path):
    body = " ".join(["The mayor said the new bridge would open next spring, despite delays."] * 4)
    page = (f"<html><head><title>Bridge to open - City Paper</title><meta name='author' content='Ann Lee'>"
            f"</head><body><nav>Home | News | Sport</nav><article><h1>Bridge to open</h1><p>{body}</p>"
            f"<p>Critics called the plan a waste of money and time for everybody.</p></article>"
            f"<footer>Subscribe</footer></body></html>")
    (tmp_path / "bridge.html").write_text(page, encoding="utf-8")
    [article] = iter_articles(tmp_path)
    assert article.title == "Bridge to open"
    assert article.author == "Ann Lee"
    assert article.text.startswith("Bridge to open\n\nThe mayor said")
    assert "Home | News" not in article.text and "Subscribe" not in article.text
    assert article.text.endswith("for everybody.")


def test_csv_rows_become_articles_with_metadata(tmp_path):
    (tmp_path / "news.csv").write_text(
        'id,outlet,headline,body,topic\n7,Daily A,"Rates rise","The bank raised rates, again."\n'
        '8,Daily B,Rates up,The bank raised rates.,economy\n', encoding="utf-8")
    problems = []
    articles = list(iter_articles(tmp_path / "news.csv", on_problem=problems.append))
    # the first data row has 4 fields for a 5-column header: reported with its line, not read
    assert [a.doc_id for a in articles] == ["news/8"]
    assert articles[0].outlet == "Daily B" and articles[0].title == "Rates up"
    assert articles[0].meta == {"topic": "economy"}
    assert articles[0].text == "Rates up\n\nThe bank raised rates."
    assert [(p.line, p.skipped) for p in problems] == [(2, True)]
    assert "4 fields" in problems[0].problem


def test_jsonl_with_one_broken_line_reads_the_others(tmp_path):
    lines = [json.dumps({"text": "First story body.", "outlet": "A"}), '{"text": "broken', "",
             json.dumps({"text": "Third story body.", "outlet": "B"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = []
    articles = list(iter_articles(tmp_path, on_problem=problems.append))
    assert [a.outlet for a in articles] == ["A", "B"]
    assert [a.doc_id for a in articles] == ["feed/1", "feed/2"]
    [problem] = problems
    assert problem.path.endswith("feed.jsonl") and problem.line == 2 and "broken JSON" in problem.problem


def test_html_without_article(only_problem):
    problem = only_problem("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article text" in problem.problem


def test_csv_without_text_column(only_problem):
    problem = only_problem("table.csv", b"title,outlet\nA,B\n")
    assert problem.line == 1 and "no text column" in problem.problem and "--text-column" in problem.fix


def test_broken_front_matter_names_the_line(only_problem):
    problem = only_problem("a.md", b"---\ntitle: [unclosed\n---\nBody text.\n")
    assert "front matter" in problem.problem and problem.line is not None


def test_a_file_too_big_for_one_article_is_refused_with_advice(only_problem, monkeypatch):
    monkeypatch.setattr("framing.corpus.decoding.MAX_FILE_BYTES", 100_000)
    problem = only_problem("huge.txt", ("word " * 25_000).encode())
    assert "MB, too big for one article" in problem.problem and "split it" in problem.fix


def test_a_text_longer_than_spacy_takes_is_read_whole(tmp_path):
    text = "A long hearing\n\n" + "\n\n".join(f"Witness {i} said the plan was sound." for i in range(40_000))
    assert len(text) > 1_000_000
    (tmp_path / "hearing.txt").write_text(text, encoding="utf-8")
    articles, problems = read_corpus(tmp_path)
    assert [a.text for a in articles] == [text] and problems == []


def test_utf8_tables_are_streamed_not_read_whole(tmp_path, monkeypatch):
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps({"text": f"Story {i} body.", "outlet": "A"}) + "\n"
                                                 for i in range(3)), encoding="utf-8")
    (tmp_path / "news.csv").write_text('text,outlet\n"One story\nover two lines.",B\nTwo.,B\n', encoding="utf-8")

    def whole(path):
        raise AssertionError(f"{path} read whole")

    monkeypatch.setattr("framing.corpus.readers.read_whole", whole)
    articles, problems = read_corpus(tmp_path)
    assert [a.doc_id for a in articles] == ["feed/1", "feed/2", "feed/3", "news/1", "news/2"]
    assert articles[3].text.split() == ["One", "story", "over", "two", "lines."] and problems == []


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_a_table_that_stops_being_utf8_far_down_gives_every_row_once(tmp_path, suffix):
    rows = [" ".join([f"Story number {i} about the harbour told at length."] * 20) for i in range(400)]
    rows[-1] = "Le caf\u00e9 ferme."
    if suffix == ".csv":
        lines = ["text\n", *(f"{row}\n" for row in rows)]
    else:
        lines = [json.dumps({"text": row}, ensure_ascii=False) + "\n" for row in rows]
    data = "".join(lines).encode("cp1252")
    assert len(data) > 4 * 65536 and data.count(b"\xe9") == 1  # the one non-UTF-8 byte is in the last row
    (tmp_path / f"feed{suffix}").write_bytes(data)
    articles, problems = read_corpus(tmp_path)
    assert [a.text for a in articles] == rows
    assert [p.skipped for p in problems] == [False] and "not UTF-8" in problems[0].problem
