"""Build the news question-answering corpus: copy the chosen articles into a folder.

The articles come from two public data sets in the shared data folder (never from
the network, never copied into the project):

- ``giveme5w1h_news_cluster/data/<hash>.json``: dated news articles of
  fhamborg/Giveme5W1H (Apache-2.0), copied unchanged as
  ``cluster-<first 12 hex of the file name>.json``;
- ``bbc_news_summary_reconstructed/News Articles/politics|business|tech|entertainment/NNN.txt``:
  BBC articles (title line, blank line, body; Kaggle "BBC News Summary", CC0,
  article text (c) BBC), copied unchanged as ``bbc-<category>-NNN.txt``
  (``bbc-politics-015.txt``).

Which articles, and which split (dev, test, train, probe or blind) each belongs to, is listed in
``benchmarks/data/news_articles.csv`` (columns ``doc_id``, ``source`` relative to
the shared data folder, ``split``). The workbench's document id of each copy is
its file stem, the ``doc_id`` that ``benchmarks/data/news_questions.jsonl`` cites.

Run::

    python benchmarks/news_corpus.py --data ../shared/data --out /tmp/news_corpus
    workbench eval qa benchmarks/data/news_questions.jsonl --corpus /tmp/news_corpus

The output folder must be empty, missing, or hold only files this script writes
(an earlier run); any other content makes it refuse, so it never mixes the corpus
with other files or overwrites a folder it did not make.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "data" / "news_articles.csv"
DEFAULT_DATA = HERE.parent.parent / "shared" / "data"

#: doc_id patterns and the source paths they must name.
_BBC_ID = re.compile(r"bbc-(politics|business|tech|entertainment)-(\d{3})")
_CLUSTER_ID = re.compile(r"cluster-([0-9a-f]{12})")
_BBC_SOURCE = "bbc_news_summary_reconstructed/News Articles/{category}/{number}.txt"
_CLUSTER_FOLDER = "giveme5w1h_news_cluster/data/"
#: The splits an article can belong to, in the order the printout counts them
#: (``train``, ``probe`` and ``blind`` only when the list has any).
SPLITS = ("dev", "test", "train", "probe", "blind")
#: The splits the printout leaves out when the list has no article of them.
_OPTIONAL_SPLITS = ("train", "probe", "blind")


def read_articles(path: Path) -> list[dict[str, str]]:
    """The rows of the article list, checked: ids match their sources, none repeats."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    seen: set[str] = set()
    for number, row in enumerate(rows, start=2):
        doc_id, source, split = row["doc_id"], row["source"], row["split"]
        if doc_id in seen:
            sys.exit(f"{path}, line {number}: doc_id {doc_id} is listed twice")
        seen.add(doc_id)
        if split not in SPLITS:
            allowed = ", ".join(SPLITS)
            sys.exit(f"{path}, line {number}: split must be one of {allowed}, not {split!r}")
        bbc, cluster = _BBC_ID.fullmatch(doc_id), _CLUSTER_ID.fullmatch(doc_id)
        if bbc:
            expected = _BBC_SOURCE.format(category=bbc[1], number=bbc[2])
            good = source == expected
        elif cluster:
            name = source.removeprefix(_CLUSTER_FOLDER)
            good = (
                source.startswith(_CLUSTER_FOLDER)
                and "/" not in name
                and name.startswith(cluster[1])
                and name.endswith(".json")
            )
        else:
            good = False
        if not good:
            sys.exit(f"{path}, line {number}: doc_id {doc_id} does not match source {source}")
    return rows


def target_name(row: dict[str, str]) -> str:
    """The file name of an article's copy: its doc id and its source's suffix."""
    return row["doc_id"] + Path(row["source"]).suffix


def check_output(out: Path, names: set[str]) -> None:
    """Stop unless ``out`` is missing, empty, or holds only files this script writes."""
    if not out.exists():
        return
    if not out.is_dir():
        sys.exit(f"{out} exists and is not a folder")
    strangers = sorted(entry.name for entry in out.iterdir() if entry.name not in names)
    if strangers:
        shown = ", ".join(strangers[:5]) + (" ..." if len(strangers) > 5 else "")
        sys.exit(f"refusing to write into {out}: it holds files this script did not make ({shown})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (../shared/data)"
    )
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder to write")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="the article list (CSV)")
    args = parser.parse_args(argv)
    rows = read_articles(args.articles)
    sources = [args.data / row["source"] for row in rows]
    missing = [str(source) for source in sources if not source.is_file()]
    if missing:
        print(f"{len(missing)} source articles not found, e.g. {missing[0]}", file=sys.stderr)
        print("Point --data at the shared data folder; nothing was written.", file=sys.stderr)
        return 0
    check_output(args.out, {target_name(row) for row in rows})
    args.out.mkdir(parents=True, exist_ok=True)
    for row, source in zip(rows, sources, strict=True):
        shutil.copyfile(source, args.out / target_name(row))
    counted = {split: sum(row["split"] == split for row in rows) for split in SPLITS}
    shown = [split for split, n in counted.items() if n or split not in _OPTIONAL_SPLITS]
    counts = ", ".join(f"{split} {counted[split]}" for split in shown)
    print(f"wrote {len(rows)} articles to {args.out} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
