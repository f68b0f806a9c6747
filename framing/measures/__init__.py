"""Measures on the tables: rates per 1,000 words with intervals, sourcing profiles, distinctive terms
and actors. Pure functions on DataFrames: they never parse text (distinctive terms split sentence
text with a regular expression, nothing more) and never change the tables they are given.

Every measure groups articles by a column of the ``articles`` table (``by="outlet"`` by default; any
metadata column, a list of columns, or ``"doc_id"`` for one group per article) and reports how many
articles and words each group rests on, so that a comparison of two articles does not look more
certain than it is.

- :func:`rates`: markers per 1,000 words by group and by any marker columns (family, category, voice),
  zero counts included, with an exact Poisson (Garwood) or an article-bootstrap interval.
- :func:`sourcing_profile`: shares of quote kinds, speaker types and cue classes with exact binomial
  (Clopper-Pearson) intervals, and the most-quoted speakers.
- :func:`distinctive_terms`: weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi &
  Quinn 2008), one group against the rest, as z-scores.
- :func:`actor_profile`: mentions of the main actors per 1,000 words, as subject or object, and the mean
  polarity and subjectivity of the sentences that mention them.
- :func:`sentence_features`: what each sentence contains (for the framing strip).
- :func:`frame_shares`: per group, the share of articles that use each frame (with intervals) and of
  sentences that evoke it.

>>> tables = framing.analyze()                                                 # doctest: +SKIP
>>> rates(tables.markers, tables.articles, keys=("family", "voice"))          # doctest: +SKIP
"""

from framing.measures.actors import ACTOR_LABELS, actor_profile
from framing.measures.frames import frame_shares
from framing.measures.groups import By, by_columns, groups
from framing.measures.intervals import (LEVEL, PER_WORDS, mean_interval, poisson_interval, proportion_interval,
                                        rate_interval, wilson_interval)
from framing.measures.rates import rates
from framing.measures.sections import section_contrast
from framing.measures.selection import selection_figure, selection_view, shared_matrix
from framing.measures.sentences import STRIP_FAMILIES, sentence_features
from framing.measures.sourcing import sourcing_profile, speaker_name
from framing.measures.terms import TOKEN, distinctive_terms, log_odds_z, term_counts, tokenize

__all__ = ["ACTOR_LABELS", "By", "LEVEL", "PER_WORDS", "STRIP_FAMILIES", "TOKEN", "actor_profile",
           "by_columns", "distinctive_terms", "frame_shares", "groups", "log_odds_z", "mean_interval",
           "poisson_interval", "proportion_interval", "rate_interval", "rates", "section_contrast",
           "selection_figure", "selection_view", "sentence_features", "shared_matrix", "sourcing_profile",
           "speaker_name", "term_counts", "tokenize", "wilson_interval"]
