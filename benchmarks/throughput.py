"""Throughput and memory of ``framing analyze`` against a bare spaCy parse of the same texts.

Usage::

    python benchmarks/throughput.py FOLDER [--copies 10] [--work DIR]

FOLDER is any folder of articles, e.g. ``../shared/bench/polnear/train/text`` (840 news articles).
Each measurement runs in a fresh Python process, so that model loading, caches and peak memory (max
RSS) are its own. Printed, in words per second of the analysed texts:

1. ``bare nlp.pipe``: the same model, ``nlp.pipe`` over the same cleaned texts, nothing else;
2. ``analyze, 1 process``: ``framing analyze`` with every table, a new cache folder (so: a first run);
   and ``analyze, loaded model off``: the same with ``--loaded-model off`` (the lexicons alone);
3. ``analyze, N processes``: the same with ``--n-process N`` and no cache;
4. ``analyze, cached rerun``: run 2 again on its cache (as after editing a lexicon);
5. peak memory of a cached run on the corpus and on ``--copies`` copies of it (distinct doc ids);
6. the learned models' steps: on the first ``--frames-articles`` articles, the time of the
   ``framing_frames`` component (features and scoring of the article frames model; target: at most
   10 %) and of the ``framing_loaded_spans`` component (features, marginals and merging of the
   loaded-language span model) on parsed Docs, each as a share of the time of parsing them.
7. with ``--events METADATA.tsv`` (PolNeAR's ``metadata.tsv``): the alignment step (``alignments`` and
   ``selection``) on its own, on a cached run whose articles are grouped into events by their
   publication date (a manifest written to the scratch folder: ``outlet`` = publisher, ``event`` = date).
   ``--alignment-only`` measures this alone.
8. with ``--report N``: the time ``framing report`` takes to build the static report of N articles (the
   corpus and copies of it, first N files by path; the analysis runs from the cache before the clock).

Every run reports the time of its alignment step apart (``then align``): the tables across articles are
computed after the last article, from the written tables, and their cost grows with the pairs of
articles inside an event (the whole corpus when there is no ``event`` column and at most 300
articles), not with the parse: the words per second and the ratios are those of the analysis of each
article (reading, parsing or reading the cache, the framing components, writing the tables).

Timings exclude loading the model (reported apart; a first run loads the parser with it, a cached rerun
loads none), except in the run with N processes, whose workers start and load their pipelines on the
clock: the line after it sets the two runs side by side with their loading included. Targets: 2 >= 0.65 x 1 with the loaded-language model on, >= 0.85 x 1 with it off; 3 >= 1.5 x 2 with two processes on 150 articles (1.7 x on 840);
4 >= 10 x faster than 2; peak memory at ``--copies`` x the corpus <= 1.2 x the peak at 1 x.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def step_bare(folder: str, batch_size: int) -> dict:
    import spacy

    from framing.corpus import read_corpus
    from framing.pipeline.model import resolve_model

    articles, _ = read_corpus(folder)
    texts = [a.text for a in articles]
    started = time.perf_counter()
    nlp = spacy.load(resolve_model())
    loaded = time.perf_counter()
    words = 0
    for doc in nlp.pipe(texts, batch_size=batch_size):
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    return {"seconds": time.perf_counter() - loaded, "load": loaded - started, "words": words,
            "articles": len(texts), "peak_mb": _peak_mb()}


def step_analyze(folder: str, out: str, cache_dir: str | None, n_process: int, batch_size: int,
                 manifest: str | None = None, loaded_model: str = "default") -> dict:
    from framing.analysis import analyze_to
    from framing.options import Options
    from framing.pipeline.engine import analyzer_for

    options = {"cache": cache_dir is not None, "cache_dir": cache_dir, "n_process": n_process,
               "batch_size": batch_size, "manifest": manifest, "loaded_model": loaded_model}
    started = time.perf_counter()
    if n_process == 1:  # load the pipeline before the clock starts, as the bare parse does
        analyzer = analyzer_for(Options(**options))
        if cache_dir is None or not any(Path(cache_dir).glob("*/*/*.spacy")):
            analyzer.parser()  # a first run parses: its parser too (a cached rerun loads none)
    loaded = time.perf_counter()
    summary = analyze_to(out, folder, **options)
    out_dir = Path(out)
    counts = {}
    for name in ("alignments", "selection"):
        with (out_dir / f"{name}.csv").open(encoding="utf-8") as handle:
            counts[name] = sum(1 for _ in handle) - 1
    events = len({line.split(",", 1)[0] for line in (out_dir / "selection.csv").read_text(encoding="utf-8").splitlines()[1:]})
    seconds = time.perf_counter() - loaded
    return {"seconds": seconds - summary.alignment_seconds, "total": seconds, "load": loaded - started,
            "words": summary.words,
            "articles": summary.articles, "peak_mb": _peak_mb(), "align": summary.alignment_seconds,
            "alignments": counts["alignments"], "events": events}


def _events_manifest(metadata: Path, folder: Path, work: Path) -> Path:
    """A manifest giving each article of ``folder`` its publisher as outlet and its date as event."""
    import csv

    names = {p.stem for p in folder.iterdir() if p.suffix == ".txt"}
    target = work / "events-manifest.csv"
    with metadata.open(encoding="utf-8") as handle, target.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["path", "outlet", "date", "event"])
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["filename"] in names:
                writer.writerow([f"{row['filename']}.txt", row["publisher"], row["publication_date"],
                                 row["publication_date"]])
    return target


def frames_step(texts: list[str], batch_size: int = 16) -> dict:
    """Seconds of the bare parse of ``texts`` (the pipeline ``framing analyze`` uses, no cache), and of the
    frames component and of the loaded-language span component (after the markers it merges with, which
    are not timed) on the parsed Docs, Doc by Doc; and the words."""
    from framing.frames.component import FramesComponent
    from framing.frames.model import load_frames_model
    from framing.loaded.component import LoadedSpans
    from framing.loaded.model import load_loaded_model
    from framing.pipeline.markers import make_markers
    from framing.pipeline.model import NEEDS, load_model

    nlp = load_model(needs=NEEDS)
    component = FramesComponent(nlp, load_frames_model("default"))
    markers = make_markers(nlp, "framing_markers", lexicon_paths=[], families=None)
    spans = LoadedSpans(nlp, load_loaded_model("default"))
    parse = frames = loaded = 0.0
    words = 0
    stream = iter(nlp.pipe(texts, batch_size=batch_size))
    while True:
        started = time.perf_counter()
        doc = next(stream, None)
        parse += time.perf_counter() - started
        if doc is None:
            break
        started = time.perf_counter()
        component(doc)
        frames += time.perf_counter() - started
        markers(doc)
        started = time.perf_counter()
        spans(doc)
        loaded += time.perf_counter() - started
        words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    return {"parse": parse, "frames": frames, "loaded": loaded, "words": words, "articles": len(texts)}


def step_frames(folder: str, n: int) -> dict:
    from framing.corpus import read_corpus

    articles, _ = read_corpus(folder)
    return frames_step([a.text for a in articles[:n]])


def step_report(folder: str, out: str, cache_dir: str) -> dict:
    from framing.analysis import analyze
    from framing.views.report import build_report

    started = time.perf_counter()
    tables = analyze(folder, cache=True, cache_dir=cache_dir, progress=False)
    analysed = time.perf_counter()
    summary = build_report(tables, out)
    return {"seconds": time.perf_counter() - analysed, "load": analysed - started, "articles": summary.articles,
            "words": int(tables.articles["n_words"].sum()), "pages": summary.pages, "files": summary.files,
            "markers": len(tables.markers), "quotes": len(tables.quotes), "peak_mb": _peak_mb(),
            "mb": sum(p.stat().st_size for p in Path(out).rglob("*") if p.is_file()) / 1e6}


def _first_files(folder: Path, work: Path, n: int) -> Path:
    """A folder of the first ``n`` article files under ``folder`` (recursively, by path), links or copies."""
    target = work / f"report{n}"
    shutil.rmtree(target, ignore_errors=True)
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "_")))
    for path in files[:n]:
        relative = path.relative_to(folder)
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (os.link if _same_fs(path, work) else shutil.copy2)(path, target / relative)
    return target


def _run_step(*args: str) -> dict:
    command = [sys.executable, __file__, "--step", *args]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"step {args[0]} failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _copies(folder: Path, work: Path, n: int) -> Path:
    target = work / f"x{n}"
    if not target.exists():
        for i in range(n):
            shutil.copytree(folder, target / f"copy{i:02d}", copy_function=os.link if _same_fs(folder, work)
                            else shutil.copy2)
    return target


def _first(folder: Path, work: Path, n: int) -> Path:
    """A folder holding the first ``n`` article files of ``folder`` (by name)."""
    target = work / f"first{n}"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith((".", "_")))
    for path in files[:n]:
        shutil.copy2(path, target / path.name)
    return target


def _startup(argv: list[str], repeat: int = 5) -> float:
    """Best wall-clock seconds of ``framing ARGV`` in a fresh process."""
    command = [sys.executable, "-m", "framing.cli", *argv]
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - started)
    return best


def _same_fs(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?")
    parser.add_argument("--articles", type=int, default=None,
                        help="measure the first N articles of the folder (by file name) only")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--work", help="scratch folder (default: a temporary folder)")
    parser.add_argument("--skip-copies", action="store_true", help="skip the memory run on the copies")
    parser.add_argument("--report", type=int, default=None, metavar="N",
                        help="also time the report build for N articles (the corpus and its copies)")
    parser.add_argument("--report-only", action="store_true", help="only the report timing (with --report)")
    parser.add_argument("--frames-articles", type=int, default=150,
                        help="articles on which the frames step is timed against their parse (0: skip)")
    parser.add_argument("--events", metavar="TSV", help="PolNeAR metadata.tsv: measure the alignment step with the "
                        "articles grouped into events by date")
    parser.add_argument("--alignment-only", action="store_true", help="with --events: measure only the alignment "
                        "step (the scratch folder's cache is filled first when empty)")
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.step:
        name, *rest = args.step
        if name == "bare":
            result = step_bare(rest[0], int(rest[1]))
        elif name == "report":
            result = step_report(*rest)
        elif name == "frames":
            result = step_frames(rest[0], int(rest[1]))
        else:
            folder, out, cache, n_process, batch, *more = rest
            manifest = more[0] if more and more[0] != "-" else None
            result = step_analyze(folder, out, None if cache == "-" else cache, int(n_process), int(batch),
                                  manifest, more[1] if len(more) > 1 else "default")
        print(json.dumps(result))
        return

    if not args.folder:
        parser.error("give the folder of articles to measure")
    folder = Path(args.folder).resolve()
    work = Path(args.work or tempfile.mkdtemp(prefix="framing-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if args.articles:
        folder = _first(folder, work, args.articles)
    cache = work / "cache"
    batch = str(args.batch_size)
    if args.report_only:
        _report_timing(folder, work, cache, args.report or 1000)
        return

    def report(label: str, result: dict, base: dict | None = None) -> None:
        wps = result["words"] / result["seconds"]
        extra = f"  ({wps / (base['words'] / base['seconds']):.2f}x)" if base else ""
        align = f", then align {result['align']:.1f} s" if "align" in result else ""
        print(f"{label:<28} {result['articles']:>7,} articles {result['words']:>11,} words "
              f"{result['seconds']:8.1f} s {wps:9,.0f} words/s  peak {result['peak_mb']:7,.0f} MB  "
              f"(load {result['load']:.1f} s{align}){extra}", flush=True)

    def alignment_by_date() -> None:
        manifest = _events_manifest(Path(args.events), folder, work)
        if not cache.exists():
            _run_step("analyze", str(folder), str(work / "fill"), str(cache), "1", batch)
        result = _run_step("analyze", str(folder), str(work / "out-events"), str(cache), "1", batch, str(manifest))
        report("analyze, cached, by date", result)
        print(f"alignment step, {result['events']:,} events (dates): {result['align']:.1f} s for "
              f"{result['articles']:,} articles, {result['alignments']:,} aligned pairs", flush=True)

    if args.alignment_only:
        if not args.events:
            parser.error("--alignment-only needs --events")
        alignment_by_date()
        return
    shutil.rmtree(cache, ignore_errors=True)

    print(f"corpus: {folder}", flush=True)
    for argv in (["--help"], ["analyze", "--help"]):
        print(f"framing {' '.join(argv):<20} {_startup(argv):.2f} s (best of 5, target 0.3 s)", flush=True)
    bare = _run_step("bare", str(folder), batch)
    report("bare nlp.pipe", bare)
    first = _run_step("analyze", str(folder), str(work / "out1"), str(cache), "1", batch)
    report("analyze, 1 process", first, bare)
    off = _run_step("analyze", str(folder), str(work / "out-off"), str(work / "cache-off"), "1", batch, "-", "off")
    report("analyze, loaded model off", off, bare)
    parallel = _run_step("analyze", str(folder), str(work / "outn"), "-", str(args.n_process), batch)
    report(f"analyze, {args.n_process} processes", parallel, first)
    # the ratio above sets a 1-process run with its pipeline loaded before the clock against worker
    # processes that start and load theirs on it; both from the start, as a user waits for them:
    print(f"{args.n_process} processes against 1 process, both timed with their loading: "
          f"{(first['seconds'] + first['load']) / (parallel['seconds'] + parallel['load']):.2f}x", flush=True)
    rerun = _run_step("analyze", str(folder), str(work / "out2"), str(cache), "1", batch)
    report("analyze, cached rerun", rerun, first)
    print(f"cached rerun is {first['seconds'] / rerun['seconds']:.1f}x faster than the first run")
    same = all((work / "out1" / f).read_bytes() == (work / d / f).read_bytes()
               for d in ("outn", "out2") for f in os.listdir(work / "out1"))
    print(f"tables identical across 1 process, {args.n_process} processes and cached rerun: {same}")
    if not args.skip_copies:
        many = _copies(folder, work, args.copies)
        big = _run_step("analyze", str(many), str(work / "outx"), str(cache), "1", batch)
        report(f"analyze, cached, {args.copies}x corpus", big, rerun)
        print(f"peak memory {args.copies}x / 1x (cached runs): {big['peak_mb'] / rerun['peak_mb']:.2f}")
    if args.frames_articles:
        share = _run_step("frames", str(folder), str(args.frames_articles))
        print(f"frames step on {share['articles']} articles ({share['words']:,} words): {share['frames']:.2f} s, "
              f"{100 * share['frames'] / share['parse']:.1f} % of their parse ({share['parse']:.1f} s; target "
              "<= 10 %)", flush=True)
        print(f"loaded-language model step on the same articles: {share['loaded']:.2f} s, "
              f"{100 * share['loaded'] / share['parse']:.1f} % of their parse", flush=True)
    if args.events:
        alignment_by_date()
    if args.report:
        _report_timing(folder, work, cache, args.report)


def _report_timing(folder: Path, work: Path, cache: Path, n: int) -> None:
    """Time ``framing report`` on ``n`` articles: the corpus and as many copies as needed."""
    files = sum(1 for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "_")))
    copies = _copies(folder, work, max(1, -(-n // max(files, 1))))
    chosen = _first_files(copies, work, n)
    result = _run_step("report", str(chosen), str(work / "report"), str(cache))
    print(f"report of {result['articles']:,} articles ({result['words']:,} words, {result['markers']:,} markers, "
          f"{result['quotes']:,} quotes): {result['seconds']:.1f} s, {result['pages']:,} pages, "
          f"{result['files']:,} files, {result['mb']:.0f} MB, peak {result['peak_mb']:,.0f} MB "
          f"(analysis from the cache before the clock: {result['load']:.1f} s)", flush=True)


if __name__ == "__main__":
    main()
