"""Measuring the workbench against reference data.

Each evaluation takes a folder of reference data, runs the workbench's own code
on it and returns a frozen result that prints as a short report.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass
from pathlib import Path

from workbench.corpus.decoding import decode_bytes
from workbench.corpus.document import build_document
from workbench.errors import WorkbenchError


@dataclass(frozen=True)
class SplitScore:
    """Sentence-splitting precision, recall and F1 (exact sentence spans)."""

    documents: int
    gold_sentences: int
    predicted_sentences: int
    matched: int

    @property
    def precision(self) -> float:
        """Share of predicted sentences that are gold sentences."""
        return self.matched / self.predicted_sentences if self.predicted_sentences else 0.0

    @property
    def recall(self) -> float:
        """Share of gold sentences predicted exactly."""
        return self.matched / self.gold_sentences if self.gold_sentences else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """The counts and the three scores."""
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}

    def __str__(self) -> str:
        return (
            f"sentence splitting on {self.documents} documents: "
            f"precision {self.precision:.3f}, recall {self.recall:.3f}, F1 {self.f1:.3f} "
            f"({self.matched} of {self.gold_sentences} gold sentences matched exactly, "
            f"{self.predicted_sentences} predicted)"
        )


def evaluate_sentence_splitting(folder: str | os.PathLike[str]) -> SplitScore:
    """Score the splitter against files with one sentence a line.

    The lines of each paragraph are joined with a space before splitting, so the
    splitter never sees the reference line breaks; a predicted sentence counts
    when its span equals a reference sentence's span exactly. The whole document
    pipeline runs (headings, datelines, cleaning), as it does on a corpus.

    Raises
    ------
    WorkbenchError
        If ``folder`` does not exist or holds no ``.txt`` file.
    """
    root = Path(folder)
    files = sorted(root.rglob("*.txt")) if root.is_dir() else []
    if not files:
        raise WorkbenchError(f"No .txt reference files under {root}")
    gold_total = predicted_total = matched = 0
    for path in files:
        text, gold = _joined_with_gold_spans(decode_bytes(path.read_bytes()).text)
        document = build_document(text, path.stem)
        predicted = {(sentence.start, sentence.end) for sentence in document.sentences}
        gold_total += len(gold)
        predicted_total += len(predicted)
        matched += len(gold & predicted)
    return SplitScore(len(files), gold_total, predicted_total, matched)


def _joined_with_gold_spans(text: str) -> tuple[str, set[tuple[int, int]]]:
    """Join each paragraph's lines with spaces; return the text and the lines' spans in it."""
    paragraphs: list[str] = []
    spans: set[tuple[int, int]] = set()
    offset = 0
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if paragraphs:
            offset += 2
        for number, line in enumerate(lines):
            if number:
                offset += 1
            spans.add((offset, offset + len(line)))
            offset += len(line)
        paragraphs.append(" ".join(lines))
    return "\n\n".join(paragraphs), spans
