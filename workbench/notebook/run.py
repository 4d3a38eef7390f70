"""Running the analyst's notebooks headless, and keeping them clean in git.

The notebooks in ``notebooks/`` hold narrative and calls; this module executes
them the way papermill does, with nbclient alone:

* parameters are injected as a new code cell tagged ``injected-parameters``
  right after the cell tagged ``parameters``, so the notebook's own defaults
  stay visible and the values used are recorded in the executed copy;
* each notebook runs with its own folder as the working directory, so the
  relative paths in its parameters cell (``corpus_dir = "../seeds"``) mean the
  same from JupyterLab, ``make report`` or the tests;
* the executed copy is written atomically, also when a cell fails (the copy
  then shows the error in place), and the failure is raised as a
  :class:`NotebookExecutionError` naming the notebook and the cell.

The kernel is ``python3`` as found by jupyter_client, which prefers the
kernelspec of the running virtual environment and starts it with the running
interpreter (``sys.executable``): executing from ``.venv/bin/python`` runs the
notebooks with the project's packages, and nothing is registered globally.

:func:`check_clean` lists what should not be committed (outputs, execution
counts, editor metadata) and :func:`clean_notebook` removes it.
"""

from __future__ import annotations

import ast
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbench.atomic import atomic_write_text
from workbench.config import NOTEBOOKS_DIR, REPORTS_DIR
from workbench.errors import NotebookError, NotebookExecutionError

if TYPE_CHECKING:
    from nbformat import NotebookNode
    from traitlets.config import Config

#: Tag of the cell that holds a notebook's parameters (papermill's convention).
PARAMETERS_TAG = "parameters"

#: Tag of the cell that :func:`run_notebook` adds after it with the values given.
INJECTED_TAG = "injected-parameters"

#: Seconds one cell may run before the execution is stopped.
DEFAULT_CELL_TIMEOUT = 300

#: Notebook metadata a committed notebook may hold: the kernel and the language's name.
CLEAN_KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
CLEAN_LANGUAGE_INFO = {"name": "python"}

#: Cell metadata a committed notebook may hold.
ALLOWED_CELL_METADATA = frozenset({"tags"})


@dataclass(frozen=True)
class NotebookRun:
    """One executed notebook: where it came from, where the copy is, and how long it took."""

    source: Path
    output: Path
    seconds: float

    def as_dict(self) -> dict[str, object]:
        """The run as a JSON-ready dict."""
        return {"source": str(self.source), "output": str(self.output), "seconds": self.seconds}


def read_notebook(path: str | os.PathLike[str]) -> NotebookNode:
    """Read a notebook file (nbformat 4).

    Raises
    ------
    NotebookError
        If the file is missing or is not a notebook.
    """
    import nbformat

    source = Path(path)
    try:
        return nbformat.read(source, as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"notebook not found: {source}") from None
    except (OSError, ValueError) as error:  # nbformat's NotJSONError is a ValueError
        raise NotebookError(f"cannot read notebook {source}: {error}") from None


def inject_parameters(notebook: NotebookNode, parameters: Mapping[str, Any]) -> NotebookNode:
    """Return a copy of ``notebook`` with ``parameters`` assigned in a cell after its parameters.

    The new code cell, tagged ``injected-parameters``, replaces one left by an
    earlier injection; the cell tagged ``parameters`` is kept, so its defaults
    still show. Values are written as Python literals.

    Parameters
    ----------
    notebook : nbformat.NotebookNode
        The notebook (left unchanged).
    parameters : mapping of str to a literal
        Names and values: str, int, float, bool, None, or lists, tuples and dicts of
        them; paths are written as strings.

    Raises
    ------
    ValueError
        If a name is not a Python identifier or a value is not a literal.
    NotebookError
        If the notebook has no cell tagged ``parameters``.

    Examples
    --------
    >>> import nbformat
    >>> notebook = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("k = 3", metadata={"tags": ["parameters"]})])
    >>> print(inject_parameters(notebook, {"k": 5}).cells[1].source)
    # Parameters injected when the notebook was run
    k = 5
    """
    import copy

    import nbformat

    lines = ["# Parameters injected when the notebook was run"]
    for name, value in parameters.items():
        lines.append(f"{_identifier(name)} = {_literal(name, value)}")
    result = copy.deepcopy(notebook)
    result.cells = [cell for cell in result.cells if INJECTED_TAG not in _tags(cell)]
    position = next(
        (i for i, cell in enumerate(result.cells) if PARAMETERS_TAG in _tags(cell)), None
    )
    if position is None:
        raise NotebookError(
            "the notebook has no cell tagged 'parameters' to inject "
            f"{', '.join(parameters)} after; tag the cell that sets them"
        )
    cell = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    result.cells.insert(position + 1, cell)
    return result


def run_notebook(
    path: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout: int = DEFAULT_CELL_TIMEOUT,
    kernel_name: str = "python3",
) -> NotebookRun:
    """Execute the notebook at ``path`` and write the executed copy to ``out_path``.

    Parameters
    ----------
    path : path-like
        The notebook to run. It runs with its own folder as working directory.
    out_path : path-like
        Where the executed copy goes (written atomically; its folder is created).
    parameters : mapping, optional
        Values injected after the cell tagged ``parameters`` (see :func:`inject_parameters`).
    timeout : int, default 300
        Seconds a single cell may run.
    kernel_name : str, default "python3"
        The Jupyter kernel; ``python3`` is the running interpreter's.

    Returns
    -------
    NotebookRun

    Raises
    ------
    NotebookError
        If the notebook cannot be read, has no parameters cell for ``parameters``, or
        there is no kernel named ``kernel_name``.
    NotebookExecutionError
        If a cell raises, times out or the kernel dies; the executed copy, with the
        error shown in its cell, is still written to ``out_path``.
    ValueError
        If ``timeout`` is not a positive integer, or a parameter is not a literal.
    """
    from jupyter_client.kernelspec import NoSuchKernel
    from nbclient import NotebookClient
    from nbclient.exceptions import CellControlSignal, DeadKernelError

    if isinstance(timeout, bool) or not isinstance(timeout, int) or timeout < 1:
        raise ValueError(f"timeout must be a positive number of seconds; got {timeout!r}")
    source, target = Path(path).resolve(), Path(out_path)
    notebook = read_notebook(source)
    if parameters:
        notebook = inject_parameters(notebook, parameters)
    current: list[int] = []  # the cell being run, for the error message

    def remember(cell: NotebookNode, cell_index: int) -> None:
        current[:] = [cell_index]

    client = NotebookClient(
        notebook,
        timeout=timeout,
        kernel_name=kernel_name,
        resources={"metadata": {"path": str(source.parent)}},
        on_cell_start=remember,
        config=_kernel_config(),
    )
    started = time.perf_counter()
    try:
        client.execute()
    except (CellControlSignal, DeadKernelError) as error:
        _write(notebook, target)
        raise _execution_error(source, target, notebook, current, error) from None
    except NoSuchKernel:
        raise NotebookError(
            f"no Jupyter kernel named {kernel_name!r} to run {source.name}; "
            "install ipykernel in this environment (pip install -e '.[notebooks]')"
        ) from None
    _write(notebook, target)
    return NotebookRun(source, target, round(time.perf_counter() - started, 2))


def run_notebooks(
    src_dir: str | os.PathLike[str] = NOTEBOOKS_DIR,
    out_dir: str | os.PathLike[str] = REPORTS_DIR / "notebooks",
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout: int = DEFAULT_CELL_TIMEOUT,
    workers: int | None = None,
) -> list[NotebookRun]:
    """Execute every ``*.ipynb`` of ``src_dir`` into ``out_dir``, under the same names.

    Each notebook receives only those ``parameters`` its parameters cell sets,
    so one mapping (say ``{"corpus_dir": ...}``) serves notebooks with different knobs.
    What a notebook writes besides itself (:data:`OUTPUT_PARAMETERS`: the briefing of
    notebook 04) goes under ``out_dir`` too, unless ``parameters`` says otherwise.
    Notebooks run side by side, each in its own kernel; they must not depend on
    one another's results.

    Parameters
    ----------
    src_dir, out_dir : path-like
        Where the notebooks are, and where their executed copies go.
    parameters : mapping, optional
        Values for the notebooks' parameters cells.
    timeout : int, default 300
        Seconds a single cell may run.
    workers : int, optional
        Kernels running at once; by default one per processor, at most one per notebook.

    Returns
    -------
    list of NotebookRun
        In name order.

    Raises
    ------
    NotebookError
        If ``src_dir`` holds no notebook, or ``out_dir`` is a file or cannot be
        written (checked before any kernel starts).
    NotebookExecutionError
        For the first notebook, in name order, that fails (the others still run and
        are written).
    ValueError
        If ``workers`` is not a positive integer.
    """
    from concurrent.futures import ThreadPoolExecutor

    if workers is not None and (
        isinstance(workers, bool) or not isinstance(workers, int) or workers < 1
    ):
        raise ValueError(f"workers must be a positive integer or None; got {workers!r}")
    folder, target = Path(src_dir), Path(out_dir)
    paths = sorted(folder.glob("*.ipynb")) if folder.is_dir() else []
    if not paths:
        raise NotebookError(f"no notebooks (*.ipynb) in {folder}")
    _check_out_dir(target)
    try:
        target.mkdir(parents=True, exist_ok=True)  # outputs may be written before the copies
    except OSError as error:
        raise NotebookError(f"cannot make {target}: {error.strerror or error}") from None
    given = {**_output_parameters(target), **(parameters or {})}
    jobs = []
    for path in paths:
        names = parameter_names(read_notebook(path))
        wanted = {name: value for name, value in given.items() if name in names}
        jobs.append((path, target / path.name, wanted))
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(run_notebook, *job, timeout=timeout) for job in jobs]
        return [future.result() for future in futures]


#: Files the notebooks write besides themselves, as parameters: a run puts each under
#: its ``out_dir`` (by this name) instead of where the notebook's own default points.
OUTPUT_PARAMETERS = {"briefing_path": "briefing.md"}


def _output_parameters(out_dir: Path) -> dict[str, str]:
    """Every output parameter pointed into ``out_dir`` (absolute: kernels run elsewhere)."""
    folder = out_dir.resolve()
    return {name: str(folder / file) for name, file in OUTPUT_PARAMETERS.items()}


def _check_out_dir(out_dir: Path) -> None:
    """Refuse, before any kernel starts, a ``out_dir`` that cannot take the copies."""
    blocking = next((p for p in (out_dir, *out_dir.parents) if p.exists()), None)
    if out_dir.exists() and not out_dir.is_dir():
        raise NotebookError(f"{out_dir} is a file, not a folder; give a folder for the copies")
    if blocking is not None and not blocking.is_dir():
        raise NotebookError(f"cannot make {out_dir}: {blocking} is a file, not a folder")
    if blocking is not None and not os.access(blocking, os.W_OK | os.X_OK):
        raise NotebookError(f"cannot write into {blocking}: permission denied")


def parameter_names(notebook: NotebookNode) -> tuple[str, ...]:
    """The names assigned in the notebook's cell tagged ``parameters`` (empty without one)."""
    for cell in notebook.cells:
        if cell.cell_type == "code" and PARAMETERS_TAG in _tags(cell):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError:
                return ()
            return tuple(
                target.id
                for node in tree.body
                if isinstance(node, ast.Assign | ast.AnnAssign)
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                if isinstance(target, ast.Name)
            )
    return ()


def check_clean(path: str | os.PathLike[str]) -> list[str]:
    """List what keeps the notebook at ``path`` from being committed as it is.

    A clean notebook has no outputs, no execution counts, no cell metadata but
    tags, and notebook metadata limited to the ``python3`` kernelspec and the
    language name (no versions or editor state that change from one machine to
    the next). An empty list means clean.

    Raises
    ------
    NotebookError
        If the file cannot be read as a notebook.
    """
    notebook = read_notebook(path)
    problems: list[str] = []
    for position, cell in enumerate(notebook.cells, start=1):
        if cell.cell_type == "code" and cell.get("outputs"):
            problems.append(f"cell {position} has {len(cell.outputs)} outputs")
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            problems.append(f"cell {position} has execution count {cell.execution_count}")
        extra = sorted(set(cell.get("metadata", {})) - ALLOWED_CELL_METADATA)
        if extra:
            problems.append(f"cell {position} has metadata {', '.join(extra)}")
        if cell.get("attachments"):
            problems.append(f"cell {position} has attachments")
    metadata = notebook.get("metadata", {})
    extra = sorted(set(metadata) - {"kernelspec", "language_info"})
    if extra:
        problems.append(f"notebook metadata has {', '.join(extra)}")
    if metadata.get("kernelspec", {}).get("name") != CLEAN_KERNELSPEC["name"]:
        problems.append(f"the kernelspec is not {CLEAN_KERNELSPEC['name']!r}")
    if dict(metadata.get("language_info", {})) != CLEAN_LANGUAGE_INFO:
        problems.append("language_info holds more than the language name")
    return problems


def clean_notebook(path: str | os.PathLike[str]) -> bool:
    """Strip outputs, execution counts and extra metadata from the notebook, in place.

    Returns
    -------
    bool
        Whether the file changed.
    """
    notebook = read_notebook(path)
    if not check_clean(path):
        return False
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in ALLOWED_CELL_METADATA}
        cell.pop("attachments", None)
    notebook.metadata = {
        "kernelspec": dict(CLEAN_KERNELSPEC),
        "language_info": dict(CLEAN_LANGUAGE_INFO),
    }
    _write(notebook, Path(path))
    return True


# --- Helpers ------------------------------------------------------------------------------


def _tags(cell: NotebookNode) -> Sequence[str]:
    return cell.get("metadata", {}).get("tags", ())


def _identifier(name: str) -> str:
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"parameter names must be Python identifiers; got {name!r}")
    return name


def _literal(name: str, value: Any) -> str:
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    text = repr(value)
    try:
        same = ast.literal_eval(text) == value
    except (ValueError, SyntaxError):
        same = False
    if not same:
        raise ValueError(
            f"parameter {name} must be a str, int, float, bool, None, or a list, tuple or "
            f"dict of them; got {type(value).__name__}"
        )
    return text


def _kernel_config() -> Config:
    """Encrypt the kernel's local connection when pyzmq can (ipykernel warns otherwise)."""
    import zmq
    from traitlets.config import Config

    config = Config()
    if zmq.has("curve"):
        config.KernelManager.transport_encryption = "auto"
    return config


def _write(notebook: NotebookNode, target: Path) -> None:
    import nbformat

    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(target, nbformat.writes(notebook) + "\n")


def _execution_error(
    source: Path, target: Path, notebook: NotebookNode, current: list[int], error: Exception
) -> NotebookExecutionError:
    """A one-paragraph account of what failed where, without the kernel's ANSI traceback."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    index = current[0] if current else None
    where = ""
    if index is not None:
        first_line = next((ln for ln in notebook.cells[index].source.splitlines() if ln), "")
        where = f", cell {index + 1} ({first_line.strip()[:60]!r})"
    if isinstance(error, CellTimeoutError):
        what = "timed out"
    elif isinstance(error, DeadKernelError):
        what = "the kernel died"
    else:
        what = f"{getattr(error, 'ename', type(error).__name__)}: {getattr(error, 'evalue', '')}"
    return NotebookExecutionError(
        f"{source.name}{where}: {what} (the executed copy is at {target})",
        notebook=source,
        cell=None if index is None else index + 1,
        out_path=target,
    )
