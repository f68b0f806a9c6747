"""Draw a reproducible sample of units for coding by hand, and write the coding files.

:func:`draw_sample` picks ``n`` units of one kind with a seeded random generator (NumPy's PCG64), from
all units or, with ``by``, the same number from each group of articles (as far as a group has units;
what a small group cannot give goes to the others). The units are listed in document order.

:func:`write_sample` writes, all rendered before any is written and each atomically:

- ``sheet.csv``: the coding sheet, one row per unit, with its context and empty code columns;
- ``label_studio.json`` + ``label_studio.xml``: tasks for Label Studio's import, and its labelling
  interface;
- ``doccano.jsonl``: the same units for doccano's import;
- ``codebook.md``: what each family, category, frame and quotation code means, with examples;
- ``sample.json``: the sample id, the options and the number of units per group.

The sample id is a hash of the corpus id, the options and the units drawn; every file carries it, so a
coded file from another sample is recognised. The same results and options give the same bytes.

>>> sample = draw_sample("results/", unit="sentence", n=200, seed=1, by="outlet")   # doctest: +SKIP
>>> write_sample(sample, "coding/")                                                # doctest: +SKIP
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from framing.errors import InputError
from framing.io import write_files
from framing.validation.codebook import codebook_markdown
from framing.validation.codes import Vocabulary, vocabulary
from framing.validation.sheets import sheet_bytes
from framing.validation.tools import doccano_bytes, label_studio_bytes, label_studio_config
from framing.validation.units import ID_DIGITS, UNIT_TABLES, Results, Unit, candidates, corpus_id, load_results

#: Units drawn when no number is given.
N_UNITS = 200
SEED = 1
#: The files a sample is written as, in the order they are written.
FILES = ("sheet.csv", "label_studio.json", "label_studio.xml", "doccano.jsonl", "codebook.md", "sample.json")


@dataclass(frozen=True)
class Sample:
    """A drawn sample: its id, the corpus it was drawn from, its options and its units."""

    sample_id: str
    corpus_id: str
    unit: str
    n: int
    seed: int
    by: str | None
    units: tuple[Unit, ...]
    available: int

    @property
    def strata(self) -> dict[str, int]:
        """Units drawn per group (one group "" without ``by``)."""
        counts: dict[str, int] = {}
        for unit in self.units:
            counts[unit.group] = counts.get(unit.group, 0) + 1
        return dict(sorted(counts.items()))


def allocate(sizes: Sequence[int], n: int) -> list[int]:
    """Units to draw from groups of ``sizes``: equal shares of ``n`` (the first groups get one more
    when ``n`` does not divide), capped at each group's size, with what a group cannot give passed on
    to the groups that still have units.

    >>> allocate([10, 2, 10], 9)
    [4, 2, 3]
    """
    quota = [0] * len(sizes)
    left = min(n, sum(sizes))
    while left > 0:
        open_groups = [i for i, size in enumerate(sizes) if quota[i] < size]
        share, extra = divmod(left, len(open_groups))
        for rank, i in enumerate(open_groups):
            give = min(sizes[i] - quota[i], share + (1 if rank < extra else 0))
            quota[i] += give
            left -= give
    return quota


def _sample_id(corpus: str, unit: str, n: int, seed: int, by: str | None, units: Sequence[Unit]) -> str:
    spec = {"corpus_id": corpus, "unit": unit, "n": n, "seed": seed, "by": by,
            "units": [u.unit_id for u in units]}
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode("utf-8")).hexdigest()[:ID_DIGITS]


def draw_sample(results: Results, *, unit: str = "sentence", n: int = N_UNITS, seed: int = SEED,
                by: str | None = None) -> Sample:
    """Draw ``n`` units of kind ``unit`` (sentence, marker, quote, article) from ``results`` (a results
    folder, Tables or a mapping of tables), stratified by the articles column ``by`` when given.

    Returns the :class:`Sample`, its units in document order. Raises InputError for a missing table or
    column, an unknown kind of unit, ``n`` below 1, or results with no unit of that kind."""
    if n < 1:
        raise InputError(None, f"--n must be at least 1 (got {n})", "ask for one unit or more")
    tables = load_results(results, need=UNIT_TABLES.get(unit, ()))
    pool = candidates(tables, unit, by=by)
    if not pool:
        raise InputError(None, f"the results have no {unit} to sample", "choose another --unit")
    rng = np.random.default_rng(seed)
    groups = sorted({u.group for u in pool})
    members = {g: [u for u in pool if u.group == g] for g in groups}
    chosen: list[Unit] = []
    for group, quota in zip(groups, allocate([len(members[g]) for g in groups], n)):
        order = rng.permutation(len(members[group]))[:quota]
        chosen.extend(members[group][i] for i in sorted(order))
    chosen.sort(key=lambda u: (u.doc_id, u.start_char, u.end_char))
    corpus = corpus_id(tables["articles"])
    return Sample(_sample_id(corpus, unit, n, seed, by, chosen), corpus, unit, n, seed, by, tuple(chosen), len(pool))


def _manifest(sample: Sample) -> bytes:
    data = {"sample_id": sample.sample_id, "corpus_id": sample.corpus_id, "unit": sample.unit, "n": sample.n,
            "seed": sample.seed, "by": sample.by, "units": len(sample.units), "available": sample.available,
            "strata": sample.strata if sample.by else {}, "files": list(FILES)}
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def render_sample(sample: Sample, *, codes: Vocabulary | None = None) -> dict[str, bytes]:
    """Every file of :data:`FILES` as bytes, by name."""
    codes = codes or vocabulary()
    return {"sheet.csv": sheet_bytes(sample), "label_studio.json": label_studio_bytes(sample),
            "label_studio.xml": label_studio_config(sample.unit, codes), "doccano.jsonl": doccano_bytes(sample),
            "codebook.md": codebook_markdown(codes, sample), "sample.json": _manifest(sample)}


def write_sample(sample: Sample, out_dir: str | Path, *, codes: Vocabulary | None = None) -> list[Path]:
    """Write the files of :data:`FILES` into ``out_dir``; return their paths. All are rendered before
    the first is written, and each is written atomically. Raises OutputError when the folder cannot
    be written."""
    return write_files(out_dir, render_sample(sample, codes=codes), FILES)
