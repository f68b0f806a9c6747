"""framing.pipeline.pieces: a text too long for one Doc is analysed in pieces cut at paragraph (else
sentence) boundaries; its rows are those each piece gives on its own, with offsets, sentence and quote
numbers counted in the whole text, and memory does not grow with the text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from framing.analysis import analyze
from framing.corpus import Article
from framing.pipeline.pieces import MAX_PIECE_CHARS, pieces, split_text

PARAGRAPH = ("Witness {i} told the committee that the so-called reform was “a clear threat to the town,” and "
             "added that the mayor could resign. “We were never asked,” she said.")


def long_text(chars: int) -> str:
    """A hearing of numbered paragraphs, each with a loaded term, a hedge and two quotations."""
    paragraphs, size, i = [], 0, 0
    while size < chars:
        paragraphs.append(PARAGRAPH.format(i=i))
        size += len(paragraphs[-1]) + 2
        i += 1
    return "A long hearing\n\n" + "\n\n".join(paragraphs)


@pytest.fixture(scope="module")
def shape_nlp():
    """Markers and quotation marks without a model: enough to see offsets and numbers move."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("framing_paragraphs")
    pipeline.add_pipe("sentencizer")
    pipeline.add_pipe("framing_markers")
    pipeline.add_pipe("framing_sourcing")
    return pipeline


def test_pieces_cover_the_text_and_are_cut_at_paragraphs_else_sentences_else_spaces():
    text = long_text(300_000)
    spans = split_text(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == next_start for (_, end), (next_start, _) in zip(spans, spans[1:]))
    assert all(0 < end - start <= MAX_PIECE_CHARS for start, end in spans) and len(spans) == 4
    assert all(text[end - 2:end] == "\n\n" for _, end in spans[:-1])  # after a paragraph
    one_paragraph = "First sentence here. " * 30
    assert [one_paragraph[s:e] for s, e in split_text(one_paragraph, limit=100)][0].endswith("here. ")
    words = "word " * 60
    assert all(words[s:e].endswith(" ") for s, e in split_text(words, limit=100)[:-1])
    assert split_text("x" * 250, limit=100) == [(0, 100), (100, 200), (200, 250)]


def test_a_text_within_the_limit_is_one_article_and_a_longer_one_its_pieces():
    short, long = Article("a", "Short.\n\nText."), Article("b", long_text(250_000), body_start=16)
    units = list(pieces([short, long]))
    assert units[0] is short and len(units) == 4
    assert "".join(u.article.text for u in units[1:]) == long.text
    assert [u.start for u in units[1:]] == [s for s, _ in split_text(long.text)]
    assert units[1].article.body_start == 16 and units[2].article.body_start == 0 and units[-1].last


def test_rows_of_a_long_text_are_those_of_its_pieces_with_whole_text_offsets(tmp_path, shape_nlp):
    text = long_text(2_500_000)
    (tmp_path / "hearing.txt").write_text(text, encoding="utf-8")
    tables = analyze(tmp_path, nlp=shape_nlp, cache=False, tables=["sentences", "markers", "quotes"])
    whole = tables.articles.iloc[0]
    assert len(whole.text) > 2_500_000 and len(tables.articles) == 1
    for name in ("sentences", "markers", "quotes"):
        table = tables[name]
        assert all(whole.text[s:e] == t for s, e, t in zip(table.start_char, table.end_char, table.text)), name
    assert tables.sentences.sent_id.is_monotonic_increasing and tables.sentences.sent_id.is_unique
    assert tables.quotes.quote_id.tolist() == list(range(1, len(tables.quotes) + 1))
    assert whole.n_sentences == tables.sentences.sent_id.max() + 1
    # each piece analysed as an article of its own gives the same rows, moved by the piece's start
    spans = split_text(whole.text)
    sentences = quotes = 0
    for k, (start, end) in enumerate(spans[:3]):
        (tmp_path / "piece").mkdir(exist_ok=True)
        piece_file = tmp_path / "piece" / f"{k}.txt"
        piece_file.write_text(whole.text[start:end], encoding="utf-8")
        alone = analyze(piece_file, nlp=shape_nlp, cache=False, tables=["sentences", "markers", "quotes"])
        if alone.articles.iloc[0].text != whole.text[start:end]:
            continue  # cleaning moved the piece's ends (a headline line): compare the pieces that read as they are
        for name in ("markers", "quotes"):
            mine = tables[name][(tables[name].start_char >= start) & (tables[name].end_char <= end)]
            assert mine.start_char.tolist() == (alone[name].start_char + start).tolist(), name
            assert mine.sent_id.tolist() == (alone[name].sent_id + sentences).tolist(), name
            if name == "quotes":
                assert mine.quote_id.tolist() == (alone[name].quote_id + quotes).tolist()
        sentences += int(alone.articles.iloc[0].n_sentences)
        quotes += len(alone.quotes)


MEMORY = """
import json, resource, sys, tempfile
from pathlib import Path
import spacy
from framing.analysis import analyze_to
sys.path.insert(0, {tests!r})
from pipeline.test_pieces import long_text
nlp = spacy.blank("en"); nlp.add_pipe("framing_paragraphs"); nlp.add_pipe("sentencizer"); nlp.add_pipe("framing_markers")
folder = Path(tempfile.mkdtemp())
(folder / "in").mkdir(); (folder / "in" / "a.txt").write_text(long_text(int(sys.argv[1])), encoding="utf-8")
analyze_to(folder / "out", folder / "in", nlp=nlp, cache=False, tables=["sentences", "markers"])
print(json.dumps(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
"""


@pytest.mark.slow
def test_memory_does_not_grow_with_the_length_of_the_text(tmp_path):
    from seeds import ROOT

    def peak(chars: int) -> int:
        script = MEMORY.format(tests=str(ROOT / "tests"))
        done = subprocess.run([sys.executable, "-c", script, str(chars)], capture_output=True, text=True,
                              check=True)
        return json.loads(done.stdout.strip().splitlines()[-1])

    short, long = peak(500_000), peak(2_500_000)
    assert long < 1.25 * short, (short, long)
