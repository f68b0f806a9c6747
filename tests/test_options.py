"""framing.options: one set of run options, checked once and made the same shape however it is given."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from framing.errors import FramingError
from framing.options import BATCH_SIZE, Options
from framing.schemas import TABLES


def test_defaults_compute_every_table_with_every_extractor():
    options = Options()
    assert options.tables == TABLES
    assert options.extractors == ("markers", "loaded_spans", "sourcing", "actors", "frames")
    assert (options.batch_size, options.n_process, options.engine, options.cache) == (BATCH_SIZE, 1, "local", True)


def test_tables_are_put_in_order_with_the_articles_always_there():
    assert Options(tables=["quotes", "sentences"]).tables == ("articles", "sentences", "quotes")
    assert Options(tables=[]).tables == ("articles",)


@pytest.mark.parametrize("tables, extractors", [
    (["articles", "sentences"], ()),  # no framing component: the parser is not needed either
    (["markers"], ("markers", "loaded_spans", "sourcing")),  # a marker's voice needs the quotes
    (["quotes"], ("sourcing",)),
    (["mentions", "sentences"], ("actors",)),
])
def test_only_the_extractors_the_tables_need_run(tables, extractors):
    assert Options(tables=tables).extractors == extractors


def test_lists_and_paths_are_made_tuples_and_text(tmp_path):
    options = Options(lexicon_paths=[tmp_path / "mine.csv"], families=["hedge"], aliases=tmp_path / "aliases.csv",
                      manifest=Path("manifest.csv"), cache_dir=tmp_path)
    assert options.lexicon_paths == (str(tmp_path / "mine.csv"),)
    assert options.families == ("hedge",)
    assert (options.aliases, options.manifest, options.cache_dir) == (
        str(tmp_path / "aliases.csv"), "manifest.csv", str(tmp_path))


@pytest.mark.parametrize("settings, problem", [
    ({"tables": ["articles", "speakers"]}, "unknown table speakers; choose from articles, sentences, markers"),
    ({"batch_size": 0}, "the batch size must be at least 1 (got 0); pass a positive --batch-size"),
    ({"engine": "spark"}, "unknown engine 'spark'; choose from local, dask"),
    ({"n_process": 0}, "--n-process must be at least 1 (got 0); pass 1 or more"),
])
def test_bad_options_are_refused_with_what_to_do(settings, problem):
    with pytest.raises(FramingError) as caught:
        Options(**settings)
    assert str(caught.value).startswith(problem)


def test_where_a_run_happens_does_not_change_its_pipeline():
    local = Options(tables=["quotes"], batch_size=8)
    elsewhere = Options(tables=["quotes"], batch_size=64, n_process=4, engine="dask", scheduler="tcp://h:8786",
                        progress=True)
    assert local.pipeline_key == elsewhere.pipeline_key
    assert local.pipeline_key != Options(tables=["quotes"], families=["hedge"]).pipeline_key
    assert local.pipeline_key != Options(tables=["quotes"], cache=False).pipeline_key


def test_options_travel_to_worker_processes_unchanged():
    options = Options(tables=["markers"], lexicon_paths=["mine.csv"], families=["loaded"], n_process=2)
    assert pickle.loads(pickle.dumps(options)) == options
    with pytest.raises(AttributeError):
        options.batch_size = 1  # frozen: one process cannot change another's options


def test_a_config_file_sets_options_and_given_options_win(tmp_path, monkeypatch):
    from framing.options import load_options, read_config

    config = tmp_path / "study.toml"
    config.write_text('tables = ["sentences"]\nn-process = 2\nlexicon_paths = ["my.csv"]\n', encoding="utf-8")
    assert read_config(config) == {"tables": ("sentences",), "n_process": 2, "lexicon_paths": ("my.csv",)}
    options = load_options(config, n_process=1, cache=None)
    assert (options.tables, options.n_process, options.lexicon_paths, options.cache) == \
        (("articles", "sentences"), 1, ("my.csv",), True)
    monkeypatch.chdir(tmp_path)
    assert load_options().tables == TABLES  # no framing.toml here
    (tmp_path / "framing.toml").write_text('engine = "local"\nbatch-size = 8\n', encoding="utf-8")
    assert load_options().batch_size == 8  # the working folder's own config


@pytest.mark.parametrize("text, problem, line", [
    ("nproc = 2\n", "unknown option 'nproc'", None),
    ("n-process = \n", "not valid TOML", 1),
    ("tables = [1, 2]\n", "wrong kind", None),
    ("batch-size = 0\n", "the batch size must be at least 1", None),
])
def test_a_bad_config_file_is_a_one_line_error_naming_it(tmp_path, text, problem, line):
    from framing.options import load_options

    config = tmp_path / "bad.toml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(FramingError) as error:
        load_options(config)
    assert problem in str(error.value) and "\n" not in str(error.value) and str(config) in str(error.value)
    if line is not None:
        assert error.value.line == line
    with pytest.raises(FramingError, match="config file not found"):
        load_options(tmp_path / "missing.toml")


def test_the_loaded_language_model_runs_with_the_loaded_markers_unless_off():
    assert "loaded_spans" in Options(tables=["markers"]).extractors
    assert "loaded_spans" not in Options(tables=["markers"], loaded_model="off").extractors
    assert "loaded_spans" not in Options(tables=["markers"], families=["hedge"]).extractors
    assert "loaded_spans" not in Options(tables=["quotes"]).extractors
