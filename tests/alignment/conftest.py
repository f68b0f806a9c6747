"""Shared fixtures of the alignment tests: short passages written for them, and the seed corpus, analysed
once per session with the session's pipeline."""

from __future__ import annotations

import csv

import pytest

#: Pairs of passages (pair, text of outlet A, text of outlet B): each pair is one event.
PASSAGES = {
    # the same fact in other words
    "paraphrase": ("Floods in the south of the country have killed at least 40 people and forced thousands from "
                   "their homes.",
                   "At least 40 people have died in the floods in the country's south, and thousands had to leave "
                   "their homes."),
    # one remark in two translations
    "translation": ('Putin said: "We are not threatening anyone."', '"We threaten nobody," Putin said.'),
    "translation-soviet": ('Putin said: "What is the Soviet Union? This is historical Russia."',
                           '"The Soviet Union? That is historic Russia," Putin said.'),
    # a quotation and its paraphrase
    "paraphrased-quote": ('Putin said: "What is the Soviet Union? This is historical Russia."',
                          "Putin said that the Soviet Union was historic Russia."),
    # the same names, different facts
    "names": ("Putin met Tokayev at the forum in St. Petersburg on Friday.",
              "Putin criticised Tokayev for his remarks in St. Petersburg."),
    "names-lavrov": ("Lavrov accused Kazakhstan of hosting US laboratories.",
                     "Lavrov thanked Kazakhstan for its support at the United Nations."),
    # the same words from two speakers
    "speakers": ('"This is a clear threat," Hess said.', '"This is a clear threat," Alzhanov said.'),
    "speakers-sanctions": ('"The sanctions are not working," Orban said.',
                           '"The sanctions are not working," Medvedev said.'),
}


def write_pairs(path, pairs=PASSAGES) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "outlet", "event", "text"])
        for pair, (a, b) in pairs.items():
            writer.writerow([f"{pair}-a", "A", pair, a])
            writer.writerow([f"{pair}-b", "B", pair, b])


@pytest.fixture(scope="session")
def passages_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("passages") / "pairs.csv"
    write_pairs(path)
    return path


@pytest.fixture(scope="session")
def passage_tables(nlp, passages_csv):
    """The passages analysed: every table, alignments included."""
    import framing

    return framing.analyze(passages_csv, nlp=nlp)


@pytest.fixture(scope="session")
def seed_tables():
    """The seed corpus analysed as `framing analyze` does (with its alias table: Tokaev -> Kassym-Jomart
    Tokayev)."""
    import framing

    return framing.analyze()
