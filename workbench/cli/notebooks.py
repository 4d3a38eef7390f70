"""``workbench notebooks``: execute the analyst's notebooks headless, or strip their outputs."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli.options import SubParsers, positive_int
from workbench.errors import WorkbenchError


def add_notebooks_parser(commands: SubParsers) -> None:
    """``workbench notebooks``."""
    from workbench.config import REPORTS_DIR
    from workbench.notebook.run import DEFAULT_CELL_TIMEOUT, NOTEBOOKS_DIR

    notebooks = commands.add_parser(
        "notebooks",
        help="execute the analyst's notebooks headless into reports/notebooks/",
        description="Run every notebook of notebooks/ in name order with the project's Python "
        "and save the executed copies (04 also writes briefing.md there). --corpus is passed "
        "to each notebook's parameters cell; --clean strips outputs from the notebooks instead.",
    )
    notebooks.add_argument(
        "--out",
        type=Path,
        default=REPORTS_DIR / "notebooks",
        metavar="DIR",
        help="where the executed copies go (default: reports/notebooks/)",
    )
    notebooks.add_argument(
        "--corpus", type=Path, metavar="DIR", help="folder of articles (default: each notebook's)"
    )
    notebooks.add_argument(
        "--notebooks",
        type=Path,
        default=NOTEBOOKS_DIR,
        metavar="DIR",
        help="the notebooks to run (default: the project's notebooks/)",
    )
    notebooks.add_argument(
        "--timeout",
        type=positive_int,
        default=DEFAULT_CELL_TIMEOUT,
        metavar="SECONDS",
        help=f"most seconds one cell may run ({DEFAULT_CELL_TIMEOUT})",
    )
    notebooks.add_argument(
        "--jobs",
        type=positive_int,
        metavar="N",
        help="notebooks run at once (default: one per processor)",
    )
    notebooks.add_argument(
        "--clean",
        action="store_true",
        help="strip outputs, execution counts and editor metadata from the notebooks, in place",
    )
    notebooks.set_defaults(command=run_notebooks)
    kernel = commands.add_parser(
        "kernel",
        help="install the Jupyter kernel 'workbench' that runs this Python",
        description="Register the kernel spec 'workbench' (Python (workbench)), starting this "
        "interpreter, so notebooks opened in another Jupyter or in VS Code find the workbench. "
        "By default into this environment; --user for every Jupyter of this user.",
    )
    where = kernel.add_mutually_exclusive_group()
    where.add_argument("--user", action="store_true", help="install it for the current user")
    where.add_argument("--prefix", metavar="DIR", help="install it under this prefix")
    kernel.set_defaults(command=run_kernel)


def run_notebooks(arguments: argparse.Namespace) -> int:
    """``workbench notebooks``: execute every notebook (or clean them), then say where they are."""
    from workbench.notebook.run import clean_notebook
    from workbench.notebook.run import run_notebooks as execute_notebooks

    folder: Path = arguments.notebooks
    if arguments.clean:
        paths = sorted(folder.glob("*.ipynb"))
        if not paths:
            raise WorkbenchError(f"no notebooks (*.ipynb) in {folder}")
        for path in paths:
            print(f"{'cleaned' if clean_notebook(path) else 'already clean'}  {path}")
        return 0
    parameters = {}
    if arguments.corpus is not None:
        if not arguments.corpus.is_dir():
            raise WorkbenchError(f"Corpus folder not found: {arguments.corpus}")
        # The notebooks run in their own folder, so a relative path would change meaning.
        parameters["corpus_dir"] = str(arguments.corpus.resolve())
    runs = execute_notebooks(
        folder, arguments.out, parameters, timeout=arguments.timeout, workers=arguments.jobs
    )
    for run in runs:
        print(f"{run.seconds:6.1f} s  {run.output}")
    print(f"{len(runs)} notebooks executed into {arguments.out}")
    return 0


def run_kernel(arguments: argparse.Namespace) -> int:
    """``workbench kernel``: install the kernel spec and say where it is."""
    from workbench.notebook.kernel import KERNEL_NAME, install_kernel

    folder = install_kernel(user=arguments.user, prefix=arguments.prefix)
    print(f"kernel {KERNEL_NAME!r} installed in {folder}")
    return 0
