"""Selection across outlets: which passages of the articles on one event report the same thing.

- :mod:`~framing.alignment.similarity`: passages as TF-IDF vectors, compared by cosine;
- :mod:`~framing.alignment.pairing`: quotation pairs, paraphrases and sentence pairs, with their kind;
- :mod:`~framing.alignment.events`: which articles form an event;
- :mod:`~framing.alignment.selection`: what each article alone reports;
- :mod:`~framing.alignment.corpus`: a whole corpus, event by event, in memory or from staged tables.

Alignment reads the finished tables (articles, sentences, quotes, mentions) and never parses text.

>>> result = align(framing.analyze())                     # doctest: +SKIP
>>> result.alignments[["doc_a", "sent_a", "doc_b", "sent_b", "kind", "score"]]   # doctest: +SKIP
"""

from framing.alignment.corpus import Alignment, align, align_staged
from framing.alignment.events import ALL, EVENT_COLUMN, events_of, grouping_notice, key_actors
from framing.alignment.pairing import KINDS, SAME_KINDS, Work, align_event
from framing.alignment.selection import aligned_passages, selection_rows, unique_passages
from framing.alignment.similarity import DEFAULT, MEASURES, Measure, similarity

__all__ = ["ALL", "DEFAULT", "EVENT_COLUMN", "KINDS", "MEASURES", "SAME_KINDS", "Alignment", "Measure", "Work", "aligned_passages",
           "align", "align_event", "align_staged", "events_of", "grouping_notice", "key_actors", "selection_rows",
           "similarity", "unique_passages"]
