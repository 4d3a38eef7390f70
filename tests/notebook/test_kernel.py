"""The kernel named after the project starts the workbench's own Python."""

from __future__ import annotations

import json
import sys

from workbench.cli import main
from workbench.notebook.kernel import KERNEL_DISPLAY_NAME, KERNEL_NAME, install_kernel


def test_the_kernel_spec_starts_this_python_under_the_project_name(tmp_path):
    folder = install_kernel(prefix=str(tmp_path))
    assert folder == tmp_path / "share" / "jupyter" / "kernels" / KERNEL_NAME
    spec = json.loads((folder / "kernel.json").read_text())
    assert spec["argv"][0] == sys.executable and spec["display_name"] == KERNEL_DISPLAY_NAME


def test_workbench_kernel_says_where_it_installed_it(tmp_path, capsys):
    assert main(["kernel", "--prefix", str(tmp_path)]) == 0
    assert f"kernel 'workbench' installed in {tmp_path}" in capsys.readouterr().out
