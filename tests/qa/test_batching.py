"""Sentences before, parsed in one call per stage: what is parsed and what the work returns."""

from __future__ import annotations

import pytest

from workbench.qa.batching import BatchedParse, ContextNeeded, in_batches


class _Parser:
    """A parse with a cache that records each call's missing sentences."""

    def __init__(self) -> None:
        self.cache: dict[str, str] = {}
        self.calls: list[list[str]] = []

    def __call__(self, sentences: list[str]) -> list[str]:
        missing = [s for s in dict.fromkeys(sentences) if s not in self.cache]
        if missing:
            self.calls.append(missing)
            self.cache.update({s: s.upper() for s in missing})
        return [self.cache[s] for s in sentences]


def test_a_parsed_sentence_is_returned_and_a_missing_one_noted():
    parser = _Parser()
    parser(["a"])
    batch = BatchedParse(parser, lambda s: s in parser.cache)
    assert batch(["a"]) == ["A"]
    with pytest.raises(ContextNeeded):
        batch(["a", "b"])
    assert batch.wanted == ["a", "b"]
    batch.flush()
    assert parser.calls == [["a"], ["b"]]
    assert batch(["a", "b"]) == ["A", "B"]


def test_work_that_needs_sentences_is_redone_after_one_call():
    parser = _Parser()
    batch = BatchedParse(parser, lambda s: s in parser.cache)
    needs = {0: ["x", "y"], 1: [], 2: ["y", "z"]}
    results = in_batches(3, lambda n: (n, batch(needs[n])), batch)
    assert results == [(0, ["X", "Y"]), (1, []), (2, ["Y", "Z"])]
    assert parser.calls == [["x", "y", "z"]]  # each sentence once, in one call
