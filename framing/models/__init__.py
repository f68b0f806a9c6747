"""The trained models shipped with the package, one folder each with its model card (``frames/``,
``loaded/``), and what every model kind shares: how a model setting (``default``, ``off`` or a
folder) names a file, reading each file once, its version, writing its card, and keeping what a model
computed from a parse with the parse (:func:`kept`, :func:`keep`).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from framing.errors import ModelError

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The folder of the shipped models.
SHIPPED = Path(__file__).resolve().parent
#: What a model setting accepts besides a folder.
DEFAULT, OFF = "default", "off"
CARD_FILE = "MODEL_CARD.md"

Model = TypeVar("Model")


def model_file(spec: str | Path, *, shipped: str, file: str, kind: str, retrain: str) -> Path | None:
    """The file a model setting names: the shipped one (``SHIPPED/shipped/file``) for ``default``, None
    for ``off``, else ``file`` in the folder given (or the file given). Raises ModelError naming the
    setting when there is none (``kind``: what model, for the message; ``retrain``: what to do)."""
    text = str(spec)
    if text == OFF:
        return None
    path = SHIPPED / shipped / file if text == DEFAULT else Path(text)
    if path.is_dir():
        path = path / file
    if not path.is_file():
        raise ModelError(text, f"no {kind} model here (expected {file})", retrain)
    return path


def load_once(path: Path | None, read: Callable[[str, tuple], Model], companions: Sequence[str] = ()
              ) -> Model | None:
    """``read(path, stamps)`` for ``path`` (None: None); ``stamps`` holds the modification time and size
    of ``path`` and of each file named in ``companions`` next to it (None for a missing one). ``read``
    is cached by its arguments, so a model is read once until one of its files changes."""
    if path is None:
        return None
    files = [path, *(path.parent / name for name in companions)]
    stamps = tuple((f.stat().st_mtime_ns, f.stat().st_size) if f.is_file() else None for f in files)
    return read(str(path.resolve()), stamps)


def version_of(data: bytes) -> str:
    """A model's version: the first 12 hex digits of the SHA-256 of its file."""
    return hashlib.sha256(data).hexdigest()[:12]


def package_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def card_date() -> str:
    """Today, or the date of ``$SOURCE_DATE_EPOCH`` when set (for reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch)) if epoch else time.localtime())


def write_card(text: str, folder: str | Path) -> Path:
    """Write a model card (Markdown ``text``) into ``folder`` as ``MODEL_CARD.md``, atomically; return its
    path. Raises OutputError."""
    from framing.io import prepare_dir, write_atomic

    path = prepare_dir(folder) / CARD_FILE
    write_atomic(path, text.encode("utf-8"))
    return path


def kept(doc: Doc, name: str, version: str) -> object | None:
    """What :func:`keep` stored in ``doc.user_data`` under ``name`` for the model ``version`` (None when
    nothing, or another version's, or the model has no version)."""
    return doc.user_data.get(f"{name} {version}") if version else None


def keep(doc: Doc, name: str, version: str, value: object) -> None:
    """Store ``value``, what the model ``version`` computed from ``doc``'s parse alone, in
    ``doc.user_data`` (and so in the parse cache with the parse), dropping another version's."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(f"{name} ")]:
        del doc.user_data[key]
    doc.user_data[f"{name} {version}"] = value
