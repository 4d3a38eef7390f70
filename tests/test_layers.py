"""The package's layers: imports point down, never up, and never round in a cycle.

The test reads every module's imports from its source (``ast``), including the
ones inside functions, so a lazy import cannot hide a dependency. Imports under
``if TYPE_CHECKING:`` are type hints only: they must still point down or stay in
their own subpackage, but they do not make a cycle at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "workbench"

#: Bottom to top. A unit (a top-level module or subpackage of ``workbench``) may import
#: its own modules and any unit of a lower layer; units of the bottom layer may also
#: import each other. Units sharing a layer above the bottom are independent.
LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {
            "config",
            "errors",
            "model",
            "text",
            "columns",
            "markdown",
            "atomic",
            "reading",
            "terminal",
            "data",
            "samples",
            "frames",
            "display",
            "table",
            "cluster",
        }
    ),
    frozenset({"dates"}),
    frozenset({"nlp"}),
    frozenset({"corpus"}),
    frozenset({"retrieval"}),
    frozenset({"summaries"}),
    frozenset({"events"}),
    frozenset({"qa"}),
    frozenset({"evaluate", "export", "notebook"}),
    frozenset({"train"}),
    frozenset({"cli"}),
    frozenset({"__main__"}),
)

RANK = {unit: rank for rank, layer in enumerate(LAYERS) for unit in layer}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def module_path(name: str) -> Path | None:
    base = PACKAGE.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and (
        (isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING")
        or (isinstance(node.test, ast.Attribute) and node.test.attr == "TYPE_CHECKING")
    )


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """Each workbench module ``path`` imports, with whether it is for type hints only."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[str, bool]]:
    """The workbench modules ``source`` imports (relative ones read from ``package``)."""
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            child_typing = typing_only or is_type_checking_block(child)
            if isinstance(child, ast.Import):
                found.extend((alias.name, child_typing) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    parts = package.split(".")
                    parts = parts[: len(parts) - child.level + 1]
                    base = ".".join([*parts, child.module] if child.module else parts)
                else:
                    base = child.module or ""
                for alias in child.names:
                    submodule = f"{base}.{alias.name}"
                    target = submodule if module_path(submodule) else base
                    found.append((target, child_typing))
            visit(child, child_typing)

    visit(ast.parse(source), False)
    return [
        (target, typing_only)
        for target, typing_only in found
        if target == "workbench" or target.startswith("workbench.")
    ]


def unit_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_unit_has_a_layer():
    units = {unit_of(module_name(path)) for path in MODULES} - {""}
    assert units - set(RANK) == set(), "add the new unit to LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=lambda path: module_name(path))
def test_imports_point_down(path):
    name = module_name(path)
    if name == "workbench":
        return  # the public API re-exports every layer
    unit = unit_of(name)
    wrong = []
    for target, _ in imports_of(path):
        other = unit_of(target)
        if other == unit:
            continue
        if target == "workbench":
            wrong.append(f"{target} (the public API; import the module that defines the name)")
        elif RANK[other] > RANK[unit]:
            wrong.append(f"{target} (layer {RANK[other]}, above {unit}'s {RANK[unit]})")
        elif RANK[other] == RANK[unit] and RANK[unit] > 0:
            wrong.append(f"{target} ({other} and {unit} share a layer and stay independent)")
    assert wrong == [], f"{name} imports up or sideways: {wrong}"


def test_no_import_cycle():
    graph = {
        module_name(path): {
            target
            for target, typing_only in imports_of(path)
            if not typing_only and module_path(target) and target != module_name(path)
        }
        for path in MODULES
    }
    # No module may import the public API (``workbench`` itself); that is checked above.
    for name in graph:
        graph[name].discard("workbench")
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*stack[stack.index(target) :], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in cycles)


def test_the_walker_sees_lazy_imports_and_tells_type_hints_apart():
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from workbench.qa.answer import Answer\n"
        "def f():\n    from ..model import Corpus\n"
    )
    found = imports_in(source, "workbench.events")
    assert ("workbench.qa.answer", True) in found
    assert ("workbench.model", False) in found
