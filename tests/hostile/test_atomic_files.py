"""Files written together are all written or none; new files are created exclusively (issue 11)."""

from __future__ import annotations

import os

import pytest

from workbench.atomic import atomic_write_files
from workbench.cli import main


def _names(folder):
    return sorted(path.name for path in folder.iterdir())


def test_a_pair_is_all_or_none_and_what_it_replaced_comes_back(tmp_path):
    image, page = tmp_path / "b-timeline.png", tmp_path / "b.md"
    image.write_bytes(b"old image")
    blocker = tmp_path / "in-the-way"
    blocker.mkdir()  # a folder where the second file should go: the move fails
    with pytest.raises(OSError):
        atomic_write_files([(image, b"new image"), (blocker, b"text")])
    assert image.read_bytes() == b"old image"  # restored, not a pair from two runs
    assert _names(tmp_path) == ["b-timeline.png", "in-the-way"]  # no temporary left
    atomic_write_files([(image, b"new image"), (page, b"text")])
    assert (image.read_bytes(), page.read_bytes()) == (b"new image", b"text")


def test_without_replace_a_file_that_appeared_meanwhile_is_never_overwritten(tmp_path):
    target = tmp_path / "briefing.md"
    atomic_write_files([(target, b"first")], replace=False)
    with pytest.raises(FileExistsError):
        atomic_write_files([(tmp_path / "fresh.png", b"x"), (target, b"second")], replace=False)
    assert target.read_bytes() == b"first"
    assert _names(tmp_path) == ["briefing.md"]  # the image that went first was taken back


def test_the_timeline_goes_where_it_says_and_refuses_what_it_should(tmp_path, capsys):
    assert main(["events", "--timeline", str(tmp_path / "noext")]) == 0
    out = capsys.readouterr().out
    assert f"timeline saved to {tmp_path / 'noext.png'}" in out
    assert (tmp_path / "noext.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["events", "--timeline", str(tmp_path / "noext.png")]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert main(["events", "--timeline", str(tmp_path / "noext.png"), "--force"]) == 0
    capsys.readouterr()
    for bad, message in [
        (tmp_path, "is a folder"),
        (tmp_path / "notes.md", "the timeline is an image"),
        (os.devnull, "not a regular file"),
    ]:
        assert main(["events", "--timeline", str(bad), "--force"]) == 2
        assert message in capsys.readouterr().err
    assert _names(tmp_path) == ["noext.png"]
