"""Hostile export targets: only a regular file (or nothing) is ever replaced (issue 11)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from workbench.cli import main


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
def test_export_with_force_never_replaces_what_is_not_a_regular_file(tmp_path, capsys, kind):
    target = tmp_path / "briefing.md"
    if kind == "fifo":
        os.mkfifo(target)
    elif kind == "symlink":
        kept = tmp_path / "kept.md"
        kept.write_text("an analyst's notes", encoding="utf-8")
        target.symlink_to(kept)
    else:
        target = Path(os.devnull)
    before = os.lstat(target)
    assert main(["export", "--out", str(target), "--force"]) == 2
    error = capsys.readouterr().err
    assert "regular file" in error or "symbolic link" in error
    after = os.lstat(target)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    if kind == "symlink":
        assert (tmp_path / "kept.md").read_text(encoding="utf-8") == "an analyst's notes"


def test_a_read_only_briefing_is_not_replaced_even_with_force(tmp_path, capsys):
    target = tmp_path / "briefing.md"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    assert main(["export", "--out", str(target), "--force"]) == 2
    assert "is read-only" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "kept"
