"""environment.yml (conda) and pyproject.toml (pip) describe the same environment."""

from __future__ import annotations

import tomllib

import yaml

from seeds import ROOT


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _conda() -> dict:
    return yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))


def _pip_section(env: dict) -> list[str]:
    sections = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    assert len(sections) == 1, "environment.yml needs exactly one pip section"
    return sections[0]


def _normalise(requirement: str) -> str:
    return requirement.replace(" ", "").lower()


def test_pip_section_lists_the_runtime_and_test_dependencies():
    project = _pyproject()["project"]
    expected = project["dependencies"] + project["optional-dependencies"]["test"]
    listed = [r for r in _pip_section(_conda()) if not r.startswith("-e")]
    assert sorted(map(_normalise, listed)) == sorted(map(_normalise, expected))


def test_pip_section_installs_the_package_itself():
    assert "-e ." in _pip_section(_conda())


def test_python_version_satisfies_requires_python():
    requires = _pyproject()["project"]["requires-python"]
    assert requires == ">=3.11"
    pythons = [d for d in _conda()["dependencies"] if isinstance(d, str) and d.startswith("python")]
    assert pythons == ["python=3.11"]
