"""workbench.dates.resolve keeps the names other packages import from it."""

from __future__ import annotations

from workbench.dates import find, resolution, resolve, rules


def test_the_names_imported_from_resolve_are_those_of_the_split_modules():
    assert resolve.resolve_date is resolution.resolve_date
    assert resolve.ResolvedDate is rules.ResolvedDate
    assert resolve.find_time_expressions is find.find_time_expressions
