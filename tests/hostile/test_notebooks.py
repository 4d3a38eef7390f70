"""Hostile notebook runs: every output goes under --out, checked before a kernel (issue 11)."""

from __future__ import annotations

import os

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from workbench.cli import main
from workbench.errors import NotebookError
from workbench.notebook.run import CLEAN_KERNELSPEC, run_notebooks


def _writing_notebook():
    """A notebook that, like notebook 04, writes a briefing where its parameter says."""
    cells = [
        new_code_cell(
            'briefing_path = "../reports/briefing.md"', metadata={"tags": ["parameters"]}
        ),
        new_code_cell("open(briefing_path, 'w').write('written')"),
    ]
    metadata = {"kernelspec": dict(CLEAN_KERNELSPEC), "language_info": {"name": "python"}}
    return new_notebook(cells=cells, metadata=metadata)


def test_a_notebooks_own_output_goes_under_the_runs_out_folder(tmp_path):
    source = tmp_path / "project" / "notebooks"
    source.mkdir(parents=True)
    nbformat.write(_writing_notebook(), source / "a.ipynb")
    out = tmp_path / "elsewhere"
    run_notebooks(source, out)
    assert (out / "briefing.md").read_text(encoding="utf-8") == "written"
    assert not (tmp_path / "project" / "reports").exists()  # the notebook's default, untouched


def test_an_out_that_is_a_file_or_cannot_be_written_fails_before_any_kernel(tmp_path, capsys):
    source = tmp_path / "notebooks"
    source.mkdir()
    nbformat.write(_writing_notebook(), source / "a.ipynb")
    a_file = tmp_path / "a-file"
    a_file.write_text("keep me", encoding="utf-8")
    with pytest.raises(NotebookError, match="is a file, not a folder"):
        run_notebooks(source, a_file)
    with pytest.raises(NotebookError, match="is a file, not a folder"):
        run_notebooks(source, a_file / "below")
    assert a_file.read_text(encoding="utf-8") == "keep me"
    assert main(["notebooks", "--notebooks", str(source), "--out", str(a_file)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(NotebookError, match="permission denied"):
            run_notebooks(source, locked / "out")
