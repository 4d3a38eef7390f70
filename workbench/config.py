"""Paths and defaults shared by the whole package.

One place decides where the default corpus lives and where caches go, so that
notebooks, the command line and tests agree (the cookiecutter-data-science rule:
paths come from one config module).
"""

from __future__ import annotations

import os
from pathlib import Path

#: The workbench's version, recorded in every cache entry and saved index it writes.
VERSION = "0.1.0"

#: The project's root: the folder holding ``pyproject.toml``, ``seeds/`` and ``notebooks/``.
PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The corpus used when none is given: the five seed articles.
DEFAULT_CORPUS = PROJECT_ROOT / "seeds"

#: Where reports (executed notebooks, the briefing) are written.
REPORTS_DIR = PROJECT_ROOT / "reports"

#: The shared reference data beside a clone of the project (``../shared/data``), where the
#: evaluations and benchmarks look by default; never needed to install or test the package.
SHARED_DATA = PROJECT_ROOT.parent / "shared" / "data"

#: The Giveme5W1H gold standard, whose annotated "when" phrases the date evaluation reads.
DEFAULT_GIVEME5W1H = SHARED_DATA / "giveme5w1h_gold_standard"

#: Environment variable that moves the on-disk cache.
CACHE_ENV_VAR = "WORKBENCH_CACHE_DIR"

#: Files larger than this are skipped with a reason rather than read (bytes).
MAX_FILE_BYTES = 64 * 1024 * 1024


def default_cache_dir() -> Path:
    """Return the cache folder: ``$WORKBENCH_CACHE_DIR`` or ``.cache/workbench`` in the project.

    The default sits inside the project's git-ignored ``.cache/`` folder so that a
    clone carries no cache and deleting the folder is always safe.
    """
    configured = os.environ.get(CACHE_ENV_VAR)
    if configured:
        return Path(configured).expanduser()
    return PROJECT_ROOT / ".cache" / "workbench"
