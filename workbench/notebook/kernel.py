"""The Jupyter kernel named after the project: the notebooks run with the workbench's Python.

:func:`install_kernel` registers a kernel spec called ``workbench`` ("Python
(workbench)") that starts this interpreter, so that notebooks opened in another
Jupyter, or in VS Code, can pick the environment the workbench is installed in.
``make setup`` installs it into the project's own environment (``--sys-prefix``);
``workbench kernel --user`` installs it for the user, where every Jupyter looks.
"""

from __future__ import annotations

import sys
from pathlib import Path

from workbench.errors import NotebookError

#: The kernel's name and the name Jupyter shows for it.
KERNEL_NAME = "workbench"
KERNEL_DISPLAY_NAME = "Python (workbench)"


def install_kernel(*, user: bool = False, prefix: str | None = None) -> Path:
    """Install the ``workbench`` kernel spec, starting this Python; return its folder.

    Parameters
    ----------
    user : bool
        Install it for the current user (``~/.local/share/jupyter/kernels`` on
        Linux), where any Jupyter finds it.
    prefix : str, optional
        Install it under this prefix instead; by default this environment's own
        (``sys.prefix``), which its Jupyter reads.

    Raises
    ------
    NotebookError
        If ipykernel is not installed, or the folder cannot be written.
    """
    try:
        from ipykernel.kernelspec import install
    except ImportError:
        raise NotebookError(
            "ipykernel is not installed: pip install 'workbench[notebooks]'"
        ) from None
    where = None if user else (prefix or sys.prefix)
    try:
        folder = install(
            user=user, prefix=where, kernel_name=KERNEL_NAME, display_name=KERNEL_DISPLAY_NAME
        )
    except OSError as error:
        raise NotebookError(f"cannot install the kernel: {error.strerror or error}") from None
    return Path(folder)
