"""File bytes -> text: UTF-8 first, byte-order marks honoured, other encodings detected; empty and
binary files refused with an :class:`~framing.errors.InputError` that says what to do."""

from __future__ import annotations

import codecs
from pathlib import Path

from framing.errors import InputError

#: Largest single article file read (bytes) before reporting it as too big.
MAX_FILE_BYTES = 20_000_000


def decode(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode file bytes to text; return ``(text, note)`` where note names a non-UTF-8 encoding.

    Raises :class:`InputError` for empty, binary or undecodable data.
    """
    if not data.strip():
        raise InputError(path, "the file is empty", "remove it or put the article text in it")
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(path, f"the file starts with a {encoding.upper()} byte-order mark but "
                                 "does not decode as such", "save it as UTF-8") from None
            return check_text(text, path), f"decoded from {encoding.upper()} (byte-order mark)"
    if b"\x00" in data[:8192]:
        raise InputError(path, "this is a binary file, not text", "give the article as .txt, .md, .html, "
                         ".csv or .jsonl")
    if data.startswith(codecs.BOM_UTF8):
        return check_text(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), path), ""
    try:
        return check_text(data.decode("utf-8"), path), ""
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        guess = _detect_encoding(data)
        if guess is None:
            raise InputError(path, "the file is not UTF-8 and its encoding could not be detected",
                             "save it as UTF-8", line=line) from None
        return check_text(data.decode(guess), path), f"not UTF-8: decoded as {guess} (detected)"


def _detect_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return best.encoding


def check_text(text: str, path: str | Path) -> str:
    if not text.strip():
        raise InputError(path, "the file holds only whitespace", "remove it or put the article text in it")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        raise InputError(path, "this is a binary file, not text", "give the article as .txt, .md, .html, "
                         ".csv or .jsonl")
    return text


def read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(path, f"the file is {size / 1e6:.0f} MB, too big for one article",
                             "split it into one file per article, or use a .csv/.jsonl table")
        return path.read_bytes()
    except PermissionError:
        raise InputError(path, "the file cannot be read (permission denied)", "check its permissions") from None
    except IsADirectoryError:
        raise InputError(path, "this is a folder, not a file", "give the folder itself as input") from None
    except OSError as error:
        raise unreadable(path, error) from None


def unreadable(path: Path, error: OSError) -> InputError:
    return InputError(path, f"the file cannot be read ({error.strerror})", "check the path")


def read_whole(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise unreadable(path, error) from None
