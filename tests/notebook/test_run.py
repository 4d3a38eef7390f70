"""The analyst's notebooks: committed clean, shaped as narrative and calls, and all running.

Every notebook is executed once per test session (side by side, each in its own
kernel) against the seeds, with the briefing and the caches sent to temporary
folders so the repository is not written; the tests then read the executed copies.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from workbench.cli import main
from workbench.errors import NotebookError, NotebookExecutionError
from workbench.notebook.run import (
    CLEAN_KERNELSPEC,
    INJECTED_TAG,
    NOTEBOOKS_DIR,
    check_clean,
    clean_notebook,
    inject_parameters,
    parameter_names,
    run_notebook,
    run_notebooks,
)

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))
NAMES = [path.stem for path in NOTEBOOKS]
MAX_CELL_LINES = 12
#: What a notebook may import: the package, and the display libraries.
ALLOWED_IMPORTS = {"workbench", "pandas", "matplotlib", "IPython"}


def _notebook(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _code_cells(path: Path) -> list[nbformat.NotebookNode]:
    return [cell for cell in _notebook(path).cells if cell.cell_type == "code"]


def _python(source: str) -> ast.Module:
    """The cell as Python, with IPython magics (``%time``) turned into calls."""
    return ast.parse(TransformerManager().transform_cell(source))


def _outputs_text(notebook: nbformat.NotebookNode) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts += [str(value) for value in output.get("data", {}).values()]
    return "\n".join(parts)


def _small_notebook(*sources: str, parameters: str = "corpus_dir = '../seeds'"):
    cells = [
        new_markdown_cell("# A title"),
        new_code_cell(parameters, metadata={"tags": ["parameters"]}),
    ]
    cells += [new_code_cell(source) for source in sources]
    metadata = {"kernelspec": dict(CLEAN_KERNELSPEC), "language_info": {"name": "python"}}
    return new_notebook(cells=cells, metadata=metadata)


# --- Shape: what is committed -----------------------------------------------------------


def test_there_are_four_numbered_notebooks_named_for_their_question():
    assert NAMES == [
        "01-explore-the-corpus",
        "02-who-hosted-which-talks-and-when",
        "03-ask-your-own-questions",
        "04-summarise-and-export",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_every_notebook_is_committed_clean(path):
    assert check_clean(path) == [], f"run `workbench notebooks --clean` to clean {path.name}"
    nbformat.validate(_notebook(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_every_notebook_opens_with_its_question_then_a_parameters_cell(path):
    cells = _notebook(path).cells
    assert cells[0].cell_type == "markdown"
    assert cells[0].source.startswith("# ")
    assert "**The question:" in cells[0].source
    first_code = _code_cells(path)[0]
    assert first_code.metadata.get("tags") == ["parameters"]
    assert 'corpus_dir = "../seeds"' in first_code.source
    assert "corpus_dir" in parameter_names(_notebook(path))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebooks_hold_calls_not_logic(path):
    for cell in _code_cells(path):
        lines = cell.source.splitlines()
        assert len(lines) <= MAX_CELL_LINES, f"a cell of {len(lines)} lines: {lines[0]!r}"
        tree = _python(cell.source)
        for node in ast.walk(tree):
            assert not isinstance(
                node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
            ), f"a definition in {lines[0]!r}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                modules = (
                    [alias.name for alias in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module]
                )
                assert {module.split(".")[0] for module in modules} <= ALLOWED_IMPORTS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_notebooks_tell_a_story_between_the_calls(path):
    cells = _notebook(path).cells
    markdown = sum(cell.cell_type == "markdown" for cell in cells)
    assert markdown >= len(_code_cells(path)) // 2


# --- The checker and the cleaner ---------------------------------------------------------


def test_check_clean_finds_outputs_counts_and_editor_metadata(tmp_path):
    notebook = _small_notebook("print('hi')")
    cell = notebook.cells[2]
    cell.execution_count = 4
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    cell.metadata["collapsed"] = True
    notebook.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    notebook.metadata["widgets"] = {}
    path = tmp_path / "dirty.ipynb"
    nbformat.write(notebook, path)
    assert check_clean(path) == [
        "cell 3 has 1 outputs",
        "cell 3 has execution count 4",
        "cell 3 has metadata collapsed",
        "notebook metadata has widgets",
        "language_info holds more than the language name",
    ]


def test_clean_notebook_strips_what_check_clean_finds_and_keeps_tags(tmp_path):
    notebook = _small_notebook("1 + 1")
    notebook.cells[2].execution_count = 1
    notebook.cells[2].outputs = [nbformat.v4.new_output("execute_result", data={"text/plain": "2"})]
    path = tmp_path / "dirty.ipynb"
    nbformat.write(notebook, path)
    assert clean_notebook(path) is True
    assert check_clean(path) == []
    assert _notebook(path).cells[1].metadata == {"tags": ["parameters"]}
    assert clean_notebook(path) is False


def test_a_notebook_without_the_python3_kernelspec_is_not_clean(tmp_path):
    notebook = _small_notebook("1")
    notebook.metadata["kernelspec"] = {"name": "conda-env-py", "display_name": "Conda"}
    path = tmp_path / "other.ipynb"
    nbformat.write(notebook, path)
    assert check_clean(path) == ["the kernelspec is not 'python3'"]


def test_check_clean_of_a_file_that_is_not_a_notebook_raises(tmp_path):
    path = tmp_path / "broken.ipynb"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(NotebookError, match=r"cannot read notebook .*broken\.ipynb"):
        check_clean(path)
    with pytest.raises(NotebookError, match="notebook not found"):
        check_clean(tmp_path / "missing.ipynb")


# --- Parameters ------------------------------------------------------------------------------


def test_parameters_are_injected_after_the_parameters_cell_and_replace_an_earlier_injection():
    notebook = _small_notebook("print(corpus_dir)")
    once = inject_parameters(notebook, {"corpus_dir": Path("/data/news"), "k": [1, 2]})
    twice = inject_parameters(once, {"corpus_dir": "/elsewhere"})
    assert [cell.metadata.get("tags") for cell in twice.cells[1:3]] == [
        ["parameters"],
        [INJECTED_TAG],
    ]
    assert once.cells[2].source.splitlines()[1:] == ["corpus_dir = '/data/news'", "k = [1, 2]"]
    assert twice.cells[2].source.splitlines()[1:] == ["corpus_dir = '/elsewhere'"]
    assert len(twice.cells) == len(notebook.cells) + 1
    assert len(notebook.cells) == 3  # the original is left alone


def test_parameters_must_be_literals_with_identifier_names():
    notebook = _small_notebook()
    with pytest.raises(ValueError, match="must be a str, int, float, bool, None"):
        inject_parameters(notebook, {"corpus": object()})
    with pytest.raises(ValueError, match="must be Python identifiers; got 'corpus dir'"):
        inject_parameters(notebook, {"corpus dir": "x"})


def test_injecting_into_a_notebook_without_a_parameters_cell_says_what_to_tag():
    notebook = new_notebook(cells=[new_code_cell("x = 1")])
    with pytest.raises(NotebookError, match="no cell tagged 'parameters' to inject k after"):
        inject_parameters(notebook, {"k": 5})


def test_parameter_names_are_the_names_the_parameters_cell_assigns():
    notebook = _small_notebook(parameters="a = 1\nb: int = 2\nc, d = 3, 4  # tuples skipped")
    assert parameter_names(notebook) == ("a", "b")
    assert parameter_names(new_notebook()) == ()


# --- Execution -------------------------------------------------------------------------------


def test_a_notebook_runs_in_its_folder_with_the_running_python(tmp_path):
    notebook = _small_notebook(
        "import os, sys\nprint(sys.executable)\nprint(os.getcwd())\nprint(corpus_dir)",
        parameters="corpus_dir = 'default'",
    )
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(notebook, folder / "where.ipynb")
    run = run_notebook(
        folder / "where.ipynb", tmp_path / "out" / "where.ipynb", {"corpus_dir": "x"}
    )
    executed = _notebook(run.output)
    printed = executed.cells[3].outputs[0].text.splitlines()
    assert printed == [sys.executable, str(folder.resolve()), "x"]
    assert executed.cells[2].metadata["tags"] == [INJECTED_TAG]
    assert check_clean(folder / "where.ipynb") == []  # the source is not touched


def test_a_failing_cell_is_named_and_the_executed_copy_keeps_the_error(tmp_path):
    nbformat.write(_small_notebook("x = 1", "1 / 0", "y = 2"), tmp_path / "fails.ipynb")
    out = tmp_path / "out" / "fails.ipynb"
    with pytest.raises(
        NotebookExecutionError,
        match=r"fails\.ipynb, cell 4 \('1 / 0'\): ZeroDivisionError: division by zero",
    ) as caught:
        run_notebook(tmp_path / "fails.ipynb", out)
    assert caught.value.cell == 4
    assert caught.value.out_path == out
    assert _notebook(out).cells[3].outputs[0].ename == "ZeroDivisionError"


def test_a_cell_that_runs_too_long_is_stopped_and_named(tmp_path):
    nbformat.write(_small_notebook("import time\ntime.sleep(30)"), tmp_path / "slow.ipynb")
    with pytest.raises(NotebookExecutionError, match=r"slow\.ipynb, cell 3 .*timed out"):
        run_notebook(tmp_path / "slow.ipynb", tmp_path / "slow-out.ipynb", timeout=1)


def test_a_missing_kernel_is_named_with_how_to_install_one(tmp_path):
    nbformat.write(_small_notebook("1"), tmp_path / "a.ipynb")
    with pytest.raises(NotebookError, match=r"no Jupyter kernel named 'cobol' to run a\.ipynb"):
        run_notebook(tmp_path / "a.ipynb", tmp_path / "b.ipynb", kernel_name="cobol")


def test_run_notebook_refuses_a_timeout_that_is_not_positive(tmp_path):
    with pytest.raises(ValueError, match="timeout must be a positive number of seconds"):
        run_notebook(tmp_path / "a.ipynb", tmp_path / "b.ipynb", timeout=0)


def test_run_notebooks_of_a_folder_without_notebooks_raises(tmp_path):
    with pytest.raises(NotebookError, match="no notebooks"):
        run_notebooks(tmp_path, tmp_path / "out")
    with pytest.raises(ValueError, match="workers must be a positive integer"):
        run_notebooks(tmp_path, tmp_path / "out", workers=0)


def test_run_notebooks_gives_each_notebook_only_the_parameters_it_takes(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    nbformat.write(_small_notebook("print(corpus_dir)"), source / "a.ipynb")
    nbformat.write(_small_notebook("print(k)", parameters="k = 1"), source / "b.ipynb")
    runs = run_notebooks(source, tmp_path / "out", {"corpus_dir": "elsewhere", "k": 2})
    assert [run.output.name for run in runs] == ["a.ipynb", "b.ipynb"]
    assert _notebook(runs[0].output).cells[3].outputs[0].text == "elsewhere\n"
    executed_b = _notebook(runs[1].output)
    assert executed_b.cells[2].source.splitlines()[1:] == ["k = 2"]


def test_the_notebooks_command_cleans_and_refuses_a_missing_corpus(tmp_path, capsys):
    notebook = _small_notebook("1")
    notebook.cells[2].execution_count = 3
    nbformat.write(notebook, tmp_path / "a.ipynb")
    assert main(["notebooks", "--notebooks", str(tmp_path), "--clean"]) == 0
    assert capsys.readouterr().out == f"cleaned  {tmp_path / 'a.ipynb'}\n"
    assert check_clean(tmp_path / "a.ipynb") == []
    assert main(["notebooks", "--notebooks", str(tmp_path), "--corpus", "no/such/dir"]) == 2
    assert "Corpus folder not found: no/such/dir" in capsys.readouterr().err


# --- The real notebooks, executed against the seeds ---------------------------------------------


@pytest.fixture(scope="session")
def executed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, nbformat.NotebookNode]:
    """Every notebook executed once against the seeds; the briefing goes to a temporary folder."""
    folder = tmp_path_factory.mktemp("executed")
    with pytest.MonkeyPatch.context() as patch:  # the kernels inherit the environment
        patch.setenv("WORKBENCH_CACHE_DIR", str(folder / "cache"))
        runs = run_notebooks(
            NOTEBOOKS_DIR, folder / "notebooks", {"briefing_path": str(folder / "briefing.md")}
        )
    return {run.source.stem: _notebook(run.output) for run in runs}


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_every_notebook_runs_against_the_seeds_without_errors(executed, name):
    notebook = executed[name]
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors == []
    assert all(c.execution_count for c in notebook.cells if c.cell_type == "code")


@pytest.mark.slow
def test_notebook_01_shows_the_corpus_the_removed_boilerplate_and_highlighted_hits(executed):
    shown = _outputs_text(executed["01-explore-the-corpus"])
    assert "&lt;Corpus of 5 documents, 0 skipped" in shown
    assert "licence notice" in shown  # the removed boilerplate of the first seed
    for level in ("document", "passage", "sentence"):
        assert f"{level} hits for <q>peace talks with the Taliban</q>" in shown
    assert "<mark>Taliban</mark>" in shown


@pytest.mark.slow
def test_notebook_02_names_the_seed_hosts_plots_the_timeline_and_shows_cards(executed):
    notebook = executed["02-who-hosted-which-talks-and-when"]
    shown = _outputs_text(notebook)
    for host in ("Moscow", "Pakistan", "Qatar"):
        assert f"<td>{host}</td>" in shown
    assert any(
        "image/png" in o.get("data", {}) for c in notebook.cells for o in c.get("outputs", [])
    )
    assert "When will Moscow host the talks?" in shown
    assert "Who hosted the talks in October?" in shown
    assert shown.count('class="workbench-answer"') >= 5


@pytest.mark.slow
def test_notebook_03_offers_the_box_and_the_plain_call(executed):
    notebook = executed["03-ask-your-own-questions"]
    shown = _outputs_text(notebook)
    assert "application/vnd.jupyter.widget-view+json" in {
        mime for c in notebook.cells for o in c.get("outputs", []) for mime in o.get("data", {})
    }
    assert "<strong>Moscow</strong>" in shown  # the answer card of the plain call
    assert "<strong>No answer</strong>" in shown  # the off-topic question


@pytest.mark.slow
def test_notebook_04_summarises_and_writes_the_briefing_where_asked(executed, tmp_path_factory):
    shown = _outputs_text(executed["04-summarise-and-export"])
    assert "&lt;Summary by textrank-cosine (fast): 3 sentences" in shown
    assert "&lt;Summary about " in shown
    written = [line for line in shown.splitlines() if line.startswith("Briefing written to ")]
    [line] = written
    briefing = Path(line.removeprefix("Briefing written to "))
    assert briefing.name == "briefing.md" and "executed" in str(briefing)
    text = briefing.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "004_55b560d3e012caba" in text
    assert (briefing.parent / "briefing-timeline.png").exists()


def _cell_html(notebook: nbformat.NotebookNode, source: str) -> str:
    """The HTML the code cell whose source ends with ``source`` shows."""
    [cell] = [c for c in notebook.cells if c.cell_type == "code" and c.source.endswith(source)]
    return "\n".join(
        output.get("data", {}).get("text/html", "") for output in cell.get("outputs", [])
    )


@pytest.mark.slow
def test_notebooks_02_and_03_show_lists_frames_and_tables_an_analyst_can_read(executed):
    hosts = _cell_html(executed["02-who-hosted-which-talks-and-when"], "events.by_host()")
    assert "November 9, April 14, Tuesday" in hosts and "nan" not in hosts
    questions = _cell_html(executed["02-who-hosted-which-talks-and-when"], "questions.head(20)")
    assert "When will Moscow host the talks?" in questions and "table_says" in questions
    notebook = executed["03-ask-your-own-questions"]
    explained = _cell_html(notebook, "answer.explain().round(3)")
    header = explained[explained.index("<thead>") : explained.index("</thead>")]
    assert 10 <= header.count("<th") <= 16  # 143 feature columns before
    by_document = _cell_html(
        notebook,
        'answers_frame(by_document, asked=asked).drop(columns=["question", "doc_id"])'
        '.round({"confidence": 2})',
    )
    assert "<th>asked of</th>" in by_document and "NaN" not in by_document
    assert "None" not in by_document
    warned = [
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("name") == "stderr" and "Warning" in output.get("text", "")
    ]
    assert warned == []
