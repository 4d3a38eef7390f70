"""`workbench summarise`: cited sentences as JSON or a table, and bad arguments refused."""

from __future__ import annotations

import json

from workbench.cli import main


def test_cli_summarise_prints_cited_sentences_as_json(capsys):
    assert main(["summarise", "--doc", "000", "--sentences", "2", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert len(printed["sentences"]) == 2
    assert printed["sentences"][0]["doc_id"].startswith("000")


def test_cli_summarise_with_a_query_prints_a_table(capsys):
    assert main(["summarise", "--query", "talks in Moscow", "--method", "lead"]) == 0
    out = capsys.readouterr().out
    assert "Summary about 'talks in Moscow'" in out
    assert "Moscow" in out


def test_cli_summarise_rejects_a_bad_ratio_and_an_unknown_document(capsys):
    assert main(["summarise", "--ratio", "2"]) == 2
    assert "ratio must be a number in (0, 1]" in capsys.readouterr().err
    assert main(["summarise", "--doc", "nope"]) == 2
    assert "no document 'nope' in the corpus" in capsys.readouterr().err
