"""A corpus built on Dask workers is the corpus one process builds, document for document."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workbench.corpus.load import load_corpus
from workbench.errors import ClusterError

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def folder(tmp_path_factory, seeds_corpus):
    """The seeds, a JSON Lines file of two records, a binary file and an empty one."""
    root = tmp_path_factory.mktemp("articles")
    for document in seeds_corpus:
        (root / f"{document.id}.txt").write_text(document.raw, encoding="utf-8")
    (root / "wire.jsonl").write_text(
        '{"id": "w1", "text": "Kenya hosted talks on trade in Nairobi on Monday."}\n'
        "not json\n"
        '{"id": "w2", "text": "Ghana will host a summit on cocoa in Accra in June."}\n',
        encoding="utf-8",
    )
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    return root


def test_two_local_workers_build_the_same_annotated_corpus(folder, tmp_path):
    alone = load_corpus(folder, annotate=True, cache_dir=tmp_path / "one")
    spread = load_corpus(folder, annotate=True, cache_dir=tmp_path / "two", workers=2)
    assert spread.ids == alone.ids
    assert spread.documents == alone.documents  # sentences, offsets and entities
    assert spread.skipped == alone.skipped  # the same reasons, in the same order
    assert {item.path for item in spread.skipped} >= {"photo.txt", "empty.txt"}
    assert sum(len(sentence.entities) for sentence in spread.sentences()) > 0
    cached = sorted(p.name for p in (tmp_path / "two" / "entities").rglob("*.json"))
    assert cached == sorted(p.name for p in (tmp_path / "one" / "entities").rglob("*.json"))


def test_a_cache_the_workers_filled_serves_the_single_process_load(folder, tmp_path):
    spread = load_corpus(folder, annotate=True, cache_dir=tmp_path, workers=2)
    assert load_corpus(folder, annotate=True, cache_dir=tmp_path).documents == spread.documents


def test_bad_worker_counts_and_unreachable_schedulers_are_clear_errors(folder):
    with pytest.raises(ClusterError, match="workers must be a whole number"):
        load_corpus(folder, workers=0)
    with pytest.raises(
        ClusterError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        load_corpus(folder, scheduler="tcp://127.0.0.1:9")


def test_without_workers_nothing_imports_dask():
    code = (
        "import sys; from workbench import load_corpus; load_corpus(annotate=True); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
