"""What notebook 03 shows of an answer on the seeds: a readable explain(), the alternatives
told apart, and a table of answers asked one document at a time.
"""

from __future__ import annotations

import pytest
from html_layout import OUTPUT_WIDTH, table_layout

from workbench.columns import CONSIDERED_COLUMNS
from workbench.display import one_line
from workbench.qa.answer import EXPLAINED_FEATURES, answers_frame, deciding_features

QUESTION = "Who will host international talks on Afghanistan?"


@pytest.fixture(scope="module")
def moscow(seeds_answerer):
    answer = seeds_answerer.ask(QUESTION)
    assert answer.answer == "Moscow"
    return answer


def test_explain_shows_the_candidates_with_the_features_that_decide_and_fits_a_notebook(moscow):
    table = moscow.explain()
    every = moscow.explain(features="all")
    assert every.shape[1] > 100 and len(table) == len(every)  # 143 columns on the seeds
    assert list(table.columns[:6]) == list(CONSIDERED_COLUMNS)
    assert list(table.columns[-3:]) == ["score", "confidence", "chosen"]
    shown = list(table.columns[6:-3])
    assert len(shown) == EXPLAINED_FEATURES
    assert shown == deciding_features(moscow.considered, every.columns[6:-4])[:EXPLAINED_FEATURES]
    for name in shown:  # a shown feature tells the candidates apart
        assert every[name].nunique() > 1
        assert (table[name] == every[name]).all()
    layout = table_layout(table.round(3)._repr_html_())
    assert layout.width <= OUTPUT_WIDTH  # 2,457 px on the seeds with every feature
    assert table["start"].dtype == "Int64" and table["doc_id"].dtype == "string"
    assert moscow.explain(0).shape[1] == len(CONSIDERED_COLUMNS) + 3


def test_explain_refuses_a_feature_count_that_is_not_one(moscow):
    for wrong in (-1, "some", 2.5, True):
        with pytest.raises(ValueError, match='a count or "all"'):
            moscow.explain(features=wrong)


def test_the_alternatives_are_no_parts_of_each_other_and_the_card_orders_them(moscow):
    scored = moscow.alternatives_scored()
    texts = [text for text, _, _ in scored]
    assert "November 9" in texts and "November" not in texts  # a part of "November 9"
    words = [set(text.casefold().replace("-", " ").split()) for text in [moscow.answer, *texts]]
    assert not any(a < b for a in words for b in words)
    ranked = [(-confidence, -score) for _, confidence, score in scored]
    assert ranked == sorted(ranked)  # by confidence, then by the ranker's score
    card = moscow._repr_html_()
    said = ", ".join(
        f"{text} ({confidence:.2f}, {score:.2f})" for text, confidence, score in scored
    )
    assert f"Also considered (confidence, ranker's score): {said}" in card


def test_answers_asked_one_document_at_a_time_say_which_and_keep_integer_offsets(
    seeds_answerer, seeds_corpus
):
    asked = list(seeds_corpus.ids)
    answers = [seeds_answerer.ask(QUESTION, doc_ids=doc_id) for doc_id in asked]
    assert any(not answer.answered for answer in answers)
    frame = answers_frame(answers, asked=asked)
    assert list(frame.columns[:2]) == ["question", "asked of"]
    assert list(frame["asked of"]) == asked
    assert frame["start"].dtype == "Int64" and frame["end"].dtype == "Int64"  # not 80.0
    page = frame.round({"confidence": 2})._repr_html_()
    assert ">NaN<" not in page and ">None<" not in page and "<td>—</td>" in page
    assert one_line(asked[1]) in page
    with pytest.raises(ValueError, match="one each"):
        answers_frame(answers, asked=asked[:2])
