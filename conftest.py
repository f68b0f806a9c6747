"""The notebooks are tests too (nbval runs each in a kernel, about a minute for all five): they are
marked ``slow``, so that ``pytest -m "not slow"`` leaves them out. The unit tests mark theirs in
tests/conftest.py."""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.suffix == ".ipynb":
            item.add_marker(pytest.mark.slow)
