"""Paths and defaults shared by the whole package.

One place decides where the default corpus lives and where caches go, so that
notebooks, the command line and tests agree (the cookiecutter-data-science rule:
paths come from one config module).

The workbench runs from a clone of its repository or installed from a wheel.
The seed articles and the notebooks are package data either way
(``workbench/samples``, found with :mod:`importlib.resources`; in a clone it
links to the root's ``seeds/`` and ``notebooks/``). What it writes goes into
the clone's git-ignored folders when there is a clone (:data:`IN_CLONE`), and
otherwise into the user's cache folder and the current folder.
"""

from __future__ import annotations

import os
import sys
from importlib.resources import files
from pathlib import Path

from workbench.errors import CorpusError

#: The workbench's version, recorded in every cache entry and saved index it writes.
VERSION = "0.1.0"

#: The project's root in a clone: the folder holding ``pyproject.toml``, ``seeds/`` and
#: ``notebooks/``. In an installed package it is the folder the package sits in.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Whether the package runs from a clone of the repository (rather than installed).
IN_CLONE = (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "seeds").is_dir()


def _sample(name: str) -> Path:
    """A folder of ``workbench/samples`` as a real path (symbolic links resolved)."""
    return Path(str(files("workbench.samples").joinpath(name))).resolve()


#: The corpus used when none is given: the five seed articles.
DEFAULT_CORPUS = _sample("seeds")

#: The analyst's notebooks.
NOTEBOOKS_DIR = _sample("notebooks")

#: Where reports (executed notebooks, the briefing) are written: the clone's ``reports/``,
#: or ``reports/`` in the current folder when installed.
REPORTS_DIR = PROJECT_ROOT / "reports" if IN_CLONE else Path("reports")

#: The shared reference data beside a clone of the project (``../shared/data``), where the
#: evaluations and benchmarks look by default; never needed to install or test the package.
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"

#: The Giveme5W1H gold standard, whose annotated "when" phrases the date evaluation reads.
DEFAULT_GIVEME5W1H = SHARED_DATA / "giveme5w1h_gold_standard"

#: The exit status after Ctrl-C: 128 + SIGINT, as shells report it.
EXIT_INTERRUPTED = 130

#: Environment variable that moves the on-disk cache.
CACHE_ENV_VAR = "WORKBENCH_CACHE_DIR"

#: Files larger than this are skipped with a reason rather than read (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Environment variable that sets another per-file limit (bytes) than :data:`MAX_FILE_BYTES`.
MAX_FILE_BYTES_ENV_VAR = "WORKBENCH_MAX_FILE_BYTES"

#: A corpus reads files up to this many bytes in all; the files past it are skipped
#: with a reason (eight files at the per-file limit; set by hand, not measured).
MAX_CORPUS_BYTES = 8 * MAX_FILE_BYTES

#: Environment variable that sets another total limit (bytes) than :data:`MAX_CORPUS_BYTES`.
MAX_CORPUS_BYTES_ENV_VAR = "WORKBENCH_MAX_CORPUS_BYTES"


def size_limit(variable: str, default: int) -> int:
    """A size limit in bytes: the environment variable ``variable`` if set, else ``default``.

    Raises
    ------
    workbench.errors.CorpusError
        If the variable is set to anything but a whole number of at least 1.

    Examples
    --------
    >>> size_limit("WORKBENCH_NO_SUCH_LIMIT", 100)
    100
    """
    configured = os.environ.get(variable, "").strip()
    if not configured:
        return default
    try:
        value = int(configured)
    except ValueError:
        value = 0
    if value < 1:
        raise CorpusError(
            f"{variable} must be a whole number of bytes of at least 1, not {configured!r}"
        )
    return value


def default_cache_dir() -> Path:
    """Return the cache folder: ``$WORKBENCH_CACHE_DIR``, the clone's, or the user's.

    In a clone, ``.cache/workbench`` inside its git-ignored ``.cache/`` folder, so
    that a clone carries no cache and deleting the folder is always safe. Installed,
    the user's cache folder (:func:`user_cache_dir`), never the installation.
    """
    configured = os.environ.get(CACHE_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    if IN_CLONE:
        return PROJECT_ROOT / ".cache" / "workbench"
    return user_cache_dir()


def user_cache_dir() -> Path:
    r"""The user's cache folder for the workbench, where the platform keeps caches.

    ``$XDG_CACHE_HOME/workbench`` (default ``~/.cache/workbench``) on Linux and
    other Unix systems, ``~/Library/Caches/workbench`` on macOS and
    ``%LOCALAPPDATA%\workbench\Cache`` on Windows: the folders platformdirs names.
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "workbench" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "workbench"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "workbench"
