"""Reading articles: the seed corpus, every input format, and every kind of bad input."""

from __future__ import annotations

import json

import pytest

from conftest import CORPUS, KRONE, ONEWORLD
from framing.corpus import clean_text, decode, iter_articles, read_corpus, read_manifest
from framing.errors import InputError

# ---------------------------------------------------------------------------------------------------
# The seed corpus


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


def test_krone_text_boundaries_and_metadata_lines(seed_articles):
    krone = seed_articles[KRONE]
    headline = "“Clear Warning” – Does Kazakhstan Face the Same Fate as Ukraine?"
    assert krone.title == headline
    assert krone.text.startswith(headline + "\n\nIf the countries of the former Soviet Union")
    assert krone.body_start == len(headline) + 2
    assert krone.text.endswith("and what we can use to protect our sovereignty.”")
    assert krone.source_line == "Source: Krone"
    for boilerplate in ("Date:", "LEAVE A REPLY", "Please enter", "Share post", "Subscribe", "Popular",
                        "More like this", "Related", "Source: Krone"):
        assert boilerplate not in krone.text
    # subheads stay: they are part of the article
    assert "\n“It’s a clear threat”\nMaximilian Hess" in krone.text


def test_oneworld_text_boundaries_byline_and_standfirst(seed_articles):
    oneworld = seed_articles[ONEWORLD]
    assert oneworld.title == "No, Putin Didn’t Just Threaten to Take Over Kazakhstan"
    assert oneworld.text.startswith(oneworld.title + "\n\nThe Telegraph published an inflammatory piece")
    assert oneworld.text.endswith("Western perception managers want to destabilize it with fake news.")
    assert oneworld.source_line == "Source: OneWorld"
    assert oneworld.author == "Andrew Korybko"
    # the teaser repeating the second paragraph's opening is dropped, the paragraph itself is kept
    assert oneworld.text.count("There’s no factual basis whatsoever at all") == 1
    assert any("standfirst" in note for note in oneworld.notes)
    for boilerplate in ("By Andrew Korybko", "Similar Posts", "Leave a Reply", "Your email address"):
        assert boilerplate not in oneworld.text


@pytest.mark.parametrize("doc_id", [KRONE, ONEWORLD])
def test_cleaning_keeps_lines_verbatim(seed_articles, doc_id):
    """Every line of the analysed text is a line of the raw file: nothing inside is rewritten."""
    raw_lines = set((CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8").split("\n"))
    for line in seed_articles[doc_id].text.split("\n"):
        assert line == "" or line in raw_lines


# ---------------------------------------------------------------------------------------------------
# Cleaning rules on small passages


def test_clean_text_detects_title_byline_source_and_date():
    raw = ("Minister resigns over leaked memo\n\nDate: 3 May 2021\nBy Jane Doe\n\nThe minister resigned on "
           "Monday.\n\nShe denied wrongdoing.\n\nSource: Daily Planet\nShare this:\nRelated")
    cleaned = clean_text(raw)
    assert cleaned.title == "Minister resigns over leaked memo"
    assert cleaned.date == "3 May 2021"
    assert cleaned.author == "Jane Doe"
    assert cleaned.source_line == "Source: Daily Planet"
    assert cleaned.text == ("Minister resigns over leaked memo\n\nThe minister resigned on Monday.\n\n"
                            "She denied wrongdoing.")


def test_clean_text_without_headline_keeps_first_paragraph_as_body():
    raw = "The minister resigned on Monday after a memo leaked.\n\nShe denied wrongdoing."
    cleaned = clean_text(raw)
    assert cleaned.title == "" and cleaned.body_start == 0
    assert cleaned.text == raw


def test_related_inside_the_article_is_kept_but_dropped_at_the_end():
    raw = "Headline here\n\nFirst paragraph.\n\nRelated\n\nSecond paragraph.\n\nRelated\nSubscribe"
    assert clean_text(raw).text == "Headline here\n\nFirst paragraph.\n\nRelated\n\nSecond paragraph."


def test_crlf_line_endings_are_read():
    assert clean_text("Title line\r\n\r\nBody text here.\r\n").text == "Title line\n\nBody text here."


# ---------------------------------------------------------------------------------------------------
# Formats


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


# ---------------------------------------------------------------------------------------------------
# Bad input: one-line errors naming the file (and line), nothing lost


def _only_problem(tmp_path, name: str, data: bytes):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text("Good headline\n\nGood body.", encoding="utf-8")
    articles, problems = read_corpus(tmp_path)
    assert [a.doc_id for a in articles] == ["good"], "the good file is still analysed"
    skipped = [p for p in problems if p.skipped]
    assert len(skipped) == 1
    assert skipped[0].path.endswith(name)
    assert "\n" not in str(skipped[0])
    return skipped[0]


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_or_whitespace_file(tmp_path, data):
    problem = _only_problem(tmp_path, "empty.txt", data)
    assert "empty" in problem.problem or "whitespace" in problem.problem


def test_binary_file(tmp_path):
    problem = _only_problem(tmp_path, "image.txt", bytes(range(256)) * 4)
    assert "binary" in problem.problem


def test_html_without_article(tmp_path):
    problem = _only_problem(tmp_path, "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert "no article text" in problem.problem


def test_csv_without_text_column(tmp_path):
    problem = _only_problem(tmp_path, "table.csv", b"title,outlet\nA,B\n")
    assert problem.line == 1 and "no text column" in problem.problem and "--text-column" in problem.fix


def test_unsupported_file_type(tmp_path):
    problem = _only_problem(tmp_path, "paper.pdf", b"%PDF-1.4 some text")
    assert "not read" in problem.problem


def test_broken_front_matter_names_the_line(tmp_path):
    problem = _only_problem(tmp_path, "a.md", b"---\ntitle: [unclosed\n---\nBody text.\n")
    assert "front matter" in problem.problem and problem.line is not None


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


def test_huge_article_is_refused_with_advice(tmp_path):
    problem = _only_problem(tmp_path, "huge.txt", ("word " * 250_000).encode())
    assert "characters" in problem.problem and "split" in problem.fix


def test_manifest_without_path_column(tmp_path):
    (tmp_path / "m.csv").write_text("file,outlet\nx.txt,A\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_manifest(tmp_path / "m.csv")
    assert error.value.line == 1 and "'path' column" in error.value.problem


def test_given_title_is_not_repeated_when_the_text_starts_with_it():
    cleaned = clean_text("Rates up\n\nThe bank raised rates.", title="Rates up")
    assert cleaned.text == "Rates up\n\nThe bank raised rates."


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
