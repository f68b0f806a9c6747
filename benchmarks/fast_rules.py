"""The fast attribute ruler and lemmatizer (framing.pipeline.fastrules) against spaCy's own, on a corpus.

Usage::

    python benchmarks/fast_rules.py FOLDER [--articles N] [--batch-size 64]

Parses the articles of FOLDER (e.g. ``../shared/bench/polnear/train/text``) with the stock English
pipeline and with the same pipeline after :func:`framing.pipeline.fastrules.speed_up`, batch by batch,
and prints how many Docs differ in any of POS, TAG, DEP, HEAD, MORPH, LEMMA, the entities or the
sentence starts (the first difference of each is shown), and the time of each: the whole parse, and
the two components alone on the same parsed batches (timed first, so that the words of a batch are
new to them as in a run; the whole parse after it finds them known).
"""

from __future__ import annotations

import argparse
import time

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from framing.corpus import read_corpus
from framing.pipeline.fastrules import speed_up
from framing.pipeline.model import resolve_model

ATTRS = [POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]
RULES = ("attribute_ruler", "lemmatizer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--articles", type=int, default=None, help="only the first N articles")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()

    articles, _ = read_corpus(args.folder)
    texts = [a.text for a in articles[:args.articles]]
    stock = spacy.load(resolve_model())
    fast = spacy.load(resolve_model())
    print(f"{len(texts):,} texts; fast stand-ins: {', '.join(speed_up(fast)) or 'none'}", flush=True)
    seconds = {"stock": 0.0, "fast": 0.0}
    rules = {"stock": 0.0, "fast": 0.0}
    differ = tokens = 0
    for start in range(0, len(texts), args.batch_size):
        batch = texts[start:start + args.batch_size]
        docs = {}
        for name, nlp in (("stock", stock), ("fast", fast)):
            # the two components alone, on parses without them (words new to them are as in a run)
            parsed = list(nlp.pipe(batch, batch_size=args.batch_size, disable=list(RULES)))
            began = time.perf_counter()
            for rule in RULES:
                component = nlp.get_pipe(rule)
                for doc in parsed:
                    component(doc)
            rules[name] += time.perf_counter() - began
            began = time.perf_counter()
            docs[name] = list(nlp.pipe(batch, batch_size=args.batch_size))
            seconds[name] += time.perf_counter() - began
        for mine, theirs in zip(docs["fast"], docs["stock"]):
            tokens += len(theirs)
            a, b = mine.to_array(ATTRS), theirs.to_array(ATTRS)
            if a.shape != b.shape or (a != b).any() or [str(t.morph) for t in mine] != [str(t.morph) for t in theirs]:
                differ += 1
                i = next((i for i in range(min(len(a), len(b))) if (a[i] != b[i]).any()), 0)
                print(f"  differs at {theirs[i].text!r}: stock {theirs[i].pos_} {theirs[i].lemma_} "
                      f"{theirs[i].morph}, fast {mine[i].pos_} {mine[i].lemma_} {mine[i].morph}")
    print(f"Docs that differ: {differ} of {len(texts):,} ({tokens:,} tokens)")
    print(f"whole parse, the batch's words known to the two components: stock {seconds['stock']:.1f} s, with the stand-ins {seconds['fast']:.1f} s "
          f"({seconds['stock'] / seconds['fast']:.2f}x)")
    print(f"attribute ruler + lemmatizer alone: stock {rules['stock']:.2f} s, stand-ins {rules['fast']:.2f} s "
          f"({100 * rules['stock'] / seconds['stock']:.1f} % and {100 * rules['fast'] / seconds['fast']:.1f} % "
          "of each parse)")


if __name__ == "__main__":
    main()
