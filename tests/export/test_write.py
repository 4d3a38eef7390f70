"""Writing a briefing: side by side with its timeline, atomically, and clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from export.briefing_checks import check_briefing
from markdown_reading import parse

from workbench.errors import ExportError
from workbench.export.write import timeline_path, write_briefing


def test_the_briefing_and_its_timeline_are_written_side_by_side(
    hostile_briefing, hostile, tmp_path
):
    path = write_briefing(hostile_briefing, tmp_path / "my briefing.md", timeline=True)
    image = tmp_path / "my briefing-timeline.png"
    assert timeline_path(path) == image
    assert image.read_bytes().startswith(b"\x89PNG")
    markdown = path.read_text(encoding="utf-8")
    assert markdown == hostile_briefing.to_markdown(timeline_link=image.name)
    assert parse(markdown).images == ["my%20briefing-timeline.png"]
    check_briefing(hostile_briefing, hostile, markdown)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    assert sorted(item.name for item in tmp_path.iterdir()) == [image.name, path.name]


def test_an_existing_file_is_replaced_only_when_forced(hostile_briefing, tmp_path):
    path = tmp_path / "briefing.md"
    path.write_text("the previous briefing", encoding="utf-8")
    with pytest.raises(
        ExportError, match=r"briefing\.md already exists; use --force \(force=True in Python\)"
    ):
        write_briefing(hostile_briefing, path)
    assert path.read_text(encoding="utf-8") == "the previous briefing"
    write_briefing(hostile_briefing, path, force=True)
    assert path.read_text(encoding="utf-8") == hostile_briefing.to_markdown()


def test_an_existing_timeline_is_replaced_only_when_forced(hostile_briefing, tmp_path):
    (tmp_path / "briefing-timeline.png").write_bytes(b"old")
    with pytest.raises(ExportError, match=r"briefing-timeline\.png already exists"):
        write_briefing(hostile_briefing, tmp_path / "briefing.md", timeline=True)
    assert not (tmp_path / "briefing.md").exists()


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary_file(
    hostile_briefing, tmp_path, monkeypatch
):
    path = tmp_path / "briefing.md"
    path.write_text("the previous briefing", encoding="utf-8")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("workbench.atomic.os.fsync", disk_full)
    with pytest.raises(ExportError, match=r"cannot write the briefing to .*No space left"):
        write_briefing(hostile_briefing, path, force=True)
    assert path.read_text(encoding="utf-8") == "the previous briefing"
    assert [item.name for item in tmp_path.iterdir()] == ["briefing.md"]


def test_an_unwritable_path_is_a_clear_error(hostile_briefing, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file", encoding="utf-8")
    with pytest.raises(ExportError, match=r"not-a-folder is a file, not a folder"):
        write_briefing(hostile_briefing, blocker / "week 1" / "briefing.md")

    with pytest.raises(ExportError, match="is a folder; give a file name"):
        write_briefing(hostile_briefing, tmp_path)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_takes_no_new_file_is_a_clear_error(hostile_briefing):
    with pytest.raises(ExportError, match=r"cannot write the briefing to /proc/briefing\.md: "):
        write_briefing(hostile_briefing, "/proc/briefing.md")


def test_a_folder_that_cannot_be_made_is_a_clear_error(hostile_briefing, tmp_path, monkeypatch):
    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(ExportError, match=r"cannot make the folder .*new: Permission denied"):
        write_briefing(hostile_briefing, tmp_path / "new" / "briefing.md")


def test_missing_folders_are_made(hostile_briefing, tmp_path):
    path = write_briefing(hostile_briefing, tmp_path / "reports" / "week 1" / "briefing.md")
    assert path.is_file()
