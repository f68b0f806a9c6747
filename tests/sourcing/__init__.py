"""Tests of framing.sourcing, one file per module (a package, so that ``test_lexicon`` here and in tests/
do not clash)."""
