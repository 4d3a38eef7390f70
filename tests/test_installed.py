"""Installed, not cloned: the workbench built as a wheel works from any folder.

The wheel is built from this checkout and installed into a fresh virtual
environment that borrows the running environment's packages (a ``.pth`` file),
so nothing is downloaded. The commands then run from a folder outside the
project: the seeds and notebooks come from the package, the cache goes to the
user's cache folder, and nothing is written into the installation.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str], Path]:
    """The installed environment's bin folder, an environment for commands, a folder to run in."""
    base = tmp_path_factory.mktemp("installed")
    wheels = base / "wheels"
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"),
            *("--no-build-isolation", "--wheel-dir", str(wheels), str(ROOT)),
        ],
        check=True,
        cwd=base,
    )
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (wheel,) = wheels.glob("workbench-*.whl")
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"),
            *("--no-deps", "--no-index", str(wheel)),
        ],
        check=True,
    )
    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WORKBENCH_CACHE_DIR", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    environment.update(XDG_CACHE_HOME=str(base / "user-cache"), HOME=str(base / "home"))
    return venv / "bin", environment, elsewhere


def _run(installed, *arguments: str) -> subprocess.CompletedProcess[str]:
    bin_dir, environment, elsewhere = installed
    return subprocess.run(
        [str(bin_dir / "workbench"), *arguments],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_the_installed_package_is_not_this_checkout(installed):
    bin_dir, environment, elsewhere = installed
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import workbench; print(workbench.__file__)"],
        cwd=elsewhere,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(ROOT) not in where and "site-packages" in where


def test_corpus_and_ask_run_from_any_folder_with_the_packaged_seeds(installed):
    _, environment, elsewhere = installed
    corpus = _run(installed, "corpus")
    assert corpus.returncode == 0, corpus.stderr
    assert "000_258fbde797f3b430" in corpus.stdout and "004_55b560d3e012caba" in corpus.stdout
    answer = _run(installed, "ask", "Who hosted which talks and when?")
    assert answer.returncode == 0, answer.stderr
    assert "Moscow" in answer.stdout
    cache = Path(environment["XDG_CACHE_HOME"]) / "workbench"
    assert cache.is_dir() and any(cache.rglob("*"))
    assert list(elsewhere.iterdir()) == []  # nothing written where it ran
    installation = Path(installed[0]).parent
    assert not list(installation.rglob(".cache")), "the cache went into the installation"


def test_notebooks_run_anywhere_into_out(installed, tmp_path):
    out = tmp_path / "x"
    run = _run(installed, "notebooks", "--out", str(out))
    assert run.returncode == 0, run.stderr
    assert sorted(path.name for path in out.glob("*.ipynb")) == [
        "01-explore-the-corpus.ipynb",
        "02-who-hosted-which-talks-and-when.ipynb",
        "03-ask-your-own-questions.ipynb",
        "04-summarise-and-export.ipynb",
    ]
    assert (out / "briefing.md").is_file()
