"""Fixtures of the event tests: the events of the seeds and the analyst's table for them."""

from __future__ import annotations

import json

import pytest

from workbench.events import extract_events
from workbench.events.table import EventTable

# The analyst's table for the seeds (../shared/eval/seeds_events.json), copied here because
# ../shared may be absent: any of the hosts, any of the date expressions, the document.
SEED_EVENTS = [
    (["Moscow", "Russia"], ["November 9"], "000_258fbde797f3b430"),
    (["Russia", "Moscow"], ["April 2017"], "000_258fbde797f3b430"),
    (["Moscow", "Russia"], ["April 14", "mid-April"], "001_30f9a38c05a6a4cc"),
    (["Pakistan", "Islamabad"], ["October"], "002_2d519cff5749e0aa"),
    (["Russia", "Moscow"], ["Tuesday"], "003_daaee59f7b39963c"),
    (["Qatar", "Doha"], ["September 12", "September 12 in 2019"], "004_55b560d3e012caba"),
    (["Qatar", "Doha"], ["July 17", "2021-07-17"], "004_55b560d3e012caba"),
]


@pytest.fixture(scope="session")
def seed_events(seeds_corpus, full_nlp) -> EventTable:
    return extract_events(seeds_corpus, nlp=full_nlp)


@pytest.fixture(scope="session")
def expected_file(tmp_path_factory):
    rows = [{"host": h, "what": "", "when": w, "doc": d} for h, w, d in SEED_EVENTS]
    path = tmp_path_factory.mktemp("events") / "expected.json"
    path.write_text(json.dumps({"events": rows}), encoding="utf-8")
    return path
