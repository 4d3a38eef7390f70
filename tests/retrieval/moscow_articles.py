"""Which seed articles are about talks in Moscow, for the retrieval tests."""

from __future__ import annotations

MOSCOW_ARTICLES = {"000", "001", "003"}
