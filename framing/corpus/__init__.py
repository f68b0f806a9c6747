"""Articles in: decoding file bytes, cleaning plain text, one reader per input format, and folders with
their manifest. The analysed text of an article is its headline, a blank line, then its body; cleaning
never rewrites characters inside the lines it keeps."""

from framing.corpus.article import Article
from framing.corpus.clean import Cleaned, clean_text
from framing.corpus.decoding import decode
from framing.corpus.folders import iter_articles, read_corpus, read_manifest

__all__ = ["Article", "Cleaned", "clean_text", "decode", "iter_articles", "read_corpus", "read_manifest"]
