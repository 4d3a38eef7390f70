"""The package data: every word list says what it is for, holds items, and ships in the wheel."""

from __future__ import annotations

import json
import tomllib
from fnmatch import fnmatch
from pathlib import Path

import pytest

from workbench.data import read_json, read_lines, read_table, word_set

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "workbench" / "data"
FILES = sorted(path for path in DATA.iterdir() if path.is_file() and path.suffix != ".py")
SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "workbench").rglob("*.py"))
SOURCE += "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "benchmarks").glob("*.py"))


@pytest.mark.parametrize("path", [path for path in FILES if path.suffix != ".json"], ids=str)
def test_every_list_opens_with_a_header_saying_what_it_is_for(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 10, f"{path.name} needs a header comment"


@pytest.mark.parametrize("path", [path for path in FILES if path.suffix == ".txt"], ids=str)
def test_a_list_has_items_and_none_twice(path):
    items = read_lines(path.name)
    if path.name == "README.txt":
        assert items == ()
        return
    assert items, f"{path.name} has no items"
    assert len(set(items)) == len(items), f"{path.name} repeats an item"
    assert word_set(path.name) == frozenset(items)


@pytest.mark.parametrize("path", [path for path in FILES if path.suffix == ".tsv"], ids=str)
def test_a_table_has_rows_of_one_width(path):
    rows = read_table(path.name)
    assert rows and len({len(row) for row in rows}) == 1, f"{path.name} has ragged rows"


@pytest.mark.parametrize("path", [path for path in FILES if path.suffix == ".json"], ids=str)
def test_fitted_weights_record_how_they_were_fitted(path):
    record = read_json(path.name)
    assert json.loads(path.read_text(encoding="utf-8")) == record
    assert {"command", "data", "fitted"} <= set(record), f"{path.name} lacks its provenance"


@pytest.mark.parametrize("path", [path for path in FILES if path.name != "README.txt"], ids=str)
def test_every_data_file_is_used_and_ships_with_the_package(path):
    assert path.name in SOURCE, f"nothing reads {path.name}"
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["workbench.data"]
    assert any(fnmatch(path.name, pattern) for pattern in globs)


def test_a_missing_data_file_is_a_clear_error():
    with pytest.raises(FileNotFoundError, match=r"no data file named 'nothing\.txt'"):
        read_lines("nothing.txt")
