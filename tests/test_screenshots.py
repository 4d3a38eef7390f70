"""The pure parts of benchmarks/screenshots.py (the script itself needs a browser: not in CI)."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

from workbench import load_corpus

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "screenshots.py"


@pytest.fixture(scope="module")
def screenshots():
    spec = importlib.util.spec_from_file_location("screenshots", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_article_file_is_read_back_with_its_title_and_body(screenshots, tmp_path):
    text = screenshots.article_text(
        "BAHIA  COCOA REVIEW", "Showers continued throughout the week.\n Reuter\n\x03"
    )
    (tmp_path / "reuters-1.txt").write_text(text, encoding="utf-8")
    document = load_corpus(tmp_path)[0]
    assert document.title == "BAHIA COCOA REVIEW"
    assert next(s.text for s in document.body) == "Showers continued throughout the week."
    assert "\x03" not in document.raw


def test_an_untitled_article_is_its_body_alone(screenshots):
    assert screenshots.article_text(None, "  Showers.  ") == "Showers.\n"


def test_the_screens_cover_the_panel_and_the_last_ends_at_its_bottom(screenshots):
    offsets = screenshots.screen_offsets(2_500, 900, overlap=6)
    assert offsets[0] == 0 and offsets[-1] == 2_500 - 900
    assert all(b - a <= 900 - 6 for a, b in itertools.pairwise(offsets))
    assert screenshots.screen_offsets(100, 900) == [0]
    with pytest.raises(ValueError):
        screenshots.screen_offsets(100, 6, overlap=6)
