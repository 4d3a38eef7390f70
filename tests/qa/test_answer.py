"""The answer object: a card, a frame, JSON, and a card that says there is no answer."""

from __future__ import annotations

import json

from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.qa.answerer import QuestionAnswerer


def test_an_answer_shows_itself_as_a_card_a_frame_and_json(harbour_answerer):
    answer = harbour_answerer.ask("Who opened the summit?")
    card = answer._repr_html_()
    assert "<mark>Erna Solberg</mark>" in card
    assert "harbour[" in card
    frame = answer.to_frame()
    assert list(frame.columns) == ["rank", "doc_id", "sentence", "start", "end", "score", "text"]
    record = json.loads(json.dumps(answer.to_dict()))
    assert record["answer"] == "Erna Solberg"
    assert {"doc_id", "text", "start", "end", "score"} <= set(record["evidence"][0])
    assert "Erna Solberg" in str(answer) and "Erna Solberg" in answer._repr_markdown_()


def test_the_card_of_no_answer_says_so_and_escapes_html(full_nlp):
    text = "The <b>committee</b> met in Oslo on Tuesday to discuss fishing quotas."
    corpus = Corpus((build_document(text, "oslo"),))
    answer = QuestionAnswerer(corpus, nlp=full_nlp).ask("Who chaired the committee in 1990?")
    card = answer._repr_html_()
    assert "No answer" in card
    assert "<b>" not in card and "&lt;b&gt;" in card


def test_an_answer_wrapped_over_two_lines_prints_on_one_and_keeps_its_offsets():
    from workbench.qa.answer import Answer

    answer = Answer(
        "Who chairs the bank?",
        "Francisco\nGros",
        0.8,
        "PERSON",
        (),
        doc_id="wire",
        start=10,
        end=25,
        label="PERSON",
    )
    printed = str(answer)
    assert "A: Francisco Gros  (confidence 0.80" in printed and "Francisco\nGros" not in printed
    assert answer.answer == "Francisco\nGros"  # the raw text its offsets cut


def test_the_frame_and_the_printed_answer_rank_evidence_as_the_card_does(seeds_answerer):
    answer = seeds_answerer.ask("Who will host international talks on Afghanistan?")
    assert len(answer.evidence) >= 3
    frame = answer.to_frame()
    scores = list(frame["score"])[1:]  # the answer's own sentence first, then by score
    assert scores == sorted(scores, reverse=True)
    assert frame["text"].iloc[0] == answer.evidence_by_score()[0].text
    printed = [line for line in str(answer).splitlines() if line.startswith("  ")]
    shown = [float(line.split(" score ")[1].split(":")[0]) for line in printed[1:]]
    assert shown == sorted(shown, reverse=True)


def test_many_answers_are_one_typed_table_with_missing_values_one_way(seeds_answerer):
    from workbench import answers_frame

    answered = seeds_answerer.ask("Who will host international talks on Afghanistan?")
    refused = seeds_answerer.ask("Who will host international talks on Antarctica?")
    frame = answers_frame([answered, refused])
    assert list(frame.columns)[:3] == ["question", "answer", "answer_type"]
    assert str(frame["start"].dtype) == "Int64" and str(frame["end"].dtype) == "Int64"
    assert frame.loc[0, "answer"] == "Moscow"
    assert frame.loc[0, "start"] == answered.evidence[0].start  # the sentence it cites


def test_a_month_answer_keeps_its_granularity_in_the_row_and_the_card(seeds_answerer):
    answer = seeds_answerer.ask(
        "When was the earlier international conference on Afghanistan held in Moscow?"
    )
    assert (answer.answer, answer.date, answer.granularity) == ("April 2017", "2017-04-01", "month")
    assert answer.date_shown == "April 2017"
    row = answer.to_row()
    assert row["granularity"] == "month"
    assert "resolved: April 2017" in answer._repr_html_()
