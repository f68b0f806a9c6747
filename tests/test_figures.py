"""framing.figures and `framing figures`: every figure with the table behind it, the same bytes on every
run, and the committed figures/ folder up to date with the code and the seed corpus."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from conftest import ROOT  # noqa: E402
from framing import cli, figures  # noqa: E402
from framing.analysis import Tables  # noqa: E402
from framing.errors import InputError  # noqa: E402
from framing.schemas import frame  # noqa: E402

NAMES = ["01_loaded_terms", "02_epistemic_stance", "03_sourcing", "04_reporting_verbs", "05_framing_strip",
         "06_distinctive_terms", "07_actors", "09_selection"]
FILES = sorted(f"{name}.{ext}" for name in NAMES for ext in ("csv", "png", "svg"))


def small_tables(**replace) -> dict[str, pd.DataFrame]:
    articles = frame("articles", [
        {"doc_id": "a", "outlet": "Krone", "n_words": 200, "n_sentences": 2, "text": "."},
        {"doc_id": "b", "outlet": "OneWorld", "n_words": 300, "n_sentences": 2, "text": "."},
    ])
    sentences = frame("sentences", [
        {"doc_id": d, "sent_id": i, "start_char": 20 * i, "end_char": 20 * i + 19, "section": "body", "text": t,
         "polarity": p, "subjectivity": 0.5}
        for d, i, t, p in [("a", 0, "Putin issued a clear threat.", -0.1), ("a", 1, "Kazakhstan may worry.", 0.0),
                           ("b", 0, "Putin did not threaten anyone.", 0.2), ("b", 1, "Western media lie.", -0.3)]])
    markers = frame("markers", [
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 3, "text": "x", "lemma": "x", "family": f,
         "category": c, "entry": "x", "source": "project", "voice": "author"}
        for d, s, f, c in [("a", 0, "loaded", "threat and fear"), ("a", 1, "hedge", "epistemic modal"),
                           ("b", 1, "loaded", "delegitimising"), ("b", 0, "reporting_verb", "neutral")]])
    quotes = frame("quotes", [
        {"doc_id": "a", "quote_id": 1, "sent_id": 0, "kind": "direct", "start_char": 0, "end_char": 10,
         "text": "q", "speaker": "Putin", "speaker_resolved": "Putin", "speaker_type": "named_person",
         "cue": "said", "cue_class": "neutral"}])
    mentions = pd.DataFrame([
        {"doc_id": d, "sent_id": s, "start_char": 0, "end_char": 5, "text": t, "label": lab, "actor": a, "role": r}
        for d, s, t, lab, a, r in [("a", 0, "Putin", "PERSON", "Putin", "subject"),
                                   ("a", 1, "Kazakhstan", "GPE", "Kazakhstan", "object"),
                                   ("b", 0, "Putin", "PERSON", "Vladimir Putin", "subject")]])
    tables = {"articles": articles, "sentences": sentences, "markers": markers, "quotes": quotes,
              "mentions": mentions}
    tables.update(replace)
    return tables


def test_build_figures_writes_every_figure_with_its_table(tmp_path):
    written = figures.build_figures(small_tables(), tmp_path)
    assert [p.name for p in written] == [f"{n}.{e}" for n in NAMES for e in ("png", "svg", "csv")]
    assert sorted(p.name for p in tmp_path.iterdir()) == FILES
    loaded = pd.read_csv(tmp_path / "01_loaded_terms.csv")
    assert list(loaded.columns) == ["outlet", "category", "voice", "articles", "words", "count", "rate",
                                    "rate_low", "rate_high"]
    krone = loaded.query("outlet == 'Krone' and category == 'threat and fear' and voice == 'author'").iloc[0]
    assert krone["rate"] == 5.0  # 1 in 200 words
    text = (tmp_path / "01_loaded_terms.csv").read_text(encoding="utf-8")
    assert "0.126589" in text and "\r" not in text  # floats with six significant digits (0.0253178 / 200 * 1000)


def test_two_runs_write_identical_bytes(tmp_path):
    figures.build_figures(small_tables(), tmp_path / "a")
    figures.build_figures(small_tables(), tmp_path / "b")
    for name in FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_tables_without_markers_quotes_or_mentions_still_give_every_figure(tmp_path):
    empty = small_tables(markers=frame("markers"), quotes=frame("quotes"))
    del empty["mentions"]
    written = figures.build_figures(empty, tmp_path)
    assert sorted(p.name for p in written) == FILES
    assert pd.read_csv(tmp_path / "03_sourcing.csv")["count"].sum() == 0


def test_a_tables_object_is_accepted_and_aliases_merge_actors(tmp_path):
    base = small_tables()
    tables = Tables(**base)
    figures.build_figures(tables, tmp_path, aliases={"Putin": "Vladimir Putin"})
    actors = pd.read_csv(tmp_path / "07_actors.csv")
    assert actors["actor"].drop_duplicates().tolist() == ["Vladimir Putin", "Kazakhstan"]
    assert actors.query("actor == 'Vladimir Putin'")["mentions"].tolist() == [1, 1]
    alias_file = tmp_path / "aliases.csv"
    alias_file.write_text("alias,canonical\nPutin,Vladimir Putin\n", encoding="utf-8")
    figures.build_figures(base, tmp_path / "from_file", aliases=alias_file)
    assert (tmp_path / "from_file" / "07_actors.csv").read_bytes() == (tmp_path / "07_actors.csv").read_bytes()
    alias_file.write_text("name,canonical\nPutin,Vladimir Putin\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases.csv:1: the first row must be the header alias,canonical"):
        figures.build_figures(base, tmp_path / "bad", aliases=alias_file)


def test_framing_figures_takes_inputs_as_arguments_or_with_input(tmp_path, quick, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text("---\noutlet: A\n---\nA headline\n\nPutin said it was a clear threat.\n",
                                 encoding="utf-8")
    (corpus / "b.md").write_text("---\noutlet: B\n---\nAnother headline\n\nMaybe it was not a threat at all.\n",
                                 encoding="utf-8")
    assert cli.main(["figures", "--input", str(corpus), "--out", str(tmp_path / "one"), "-q"]) == cli.EXIT_OK
    assert cli.main(["figures", str(corpus), "--out", str(tmp_path / "two"), "-q"]) == cli.EXIT_OK
    assert sorted(p.name for p in (tmp_path / "one").iterdir()) == FILES
    for name in FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert f"2 articles -> {len(FILES)} files" in capsys.readouterr().err


def test_committed_figures_are_those_the_code_draws_from_the_seed_corpus(tmp_path):
    """figures/ holds what `make figures` writes now; regenerate it with `make figures` when this fails."""
    assert cli.main(["figures", "--out", str(tmp_path), "-q"]) == cli.EXIT_OK
    committed = ROOT / "figures"
    fresh = sorted(p.name for p in tmp_path.iterdir())
    kept = sorted(p.name for p in committed.iterdir() if not p.name.startswith("."))
    assert fresh == FILES
    missing = sorted(set(fresh) - set(kept))
    extra = sorted(set(kept) - set(fresh))
    differ = [name for name in fresh if name in kept
              and (tmp_path / name).read_bytes() != (committed / name).read_bytes()]
    assert not (missing or extra or differ), (
        f"figures/ is out of date (run `make figures`): missing {missing}, not written by the code {extra}, "
        f"different {differ}")
