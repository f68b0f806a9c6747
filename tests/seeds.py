"""Where the repository's seed data is: the two seed articles (Krone and OneWorld on the St. Petersburg
forum), the corpus folder and the careful reader's annotations of them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
ANNOTATIONS = ROOT / "data" / "annotations"
KRONE = "000_c0858dbfd52112ba"
ONEWORLD = "004_0dd5b71927f9dee2"
