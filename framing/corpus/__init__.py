"""Articles in: decoding, cleaning, the readers of each input format, and folders with their manifest."""

from framing.corpus.readers import Article, clean_text, decode, iter_articles, read_corpus, read_manifest

__all__ = ["Article", "clean_text", "decode", "iter_articles", "read_corpus", "read_manifest"]
