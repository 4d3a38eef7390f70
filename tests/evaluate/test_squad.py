"""SQuAD v1.1 with the right paragraph given: :mod:`workbench.evaluate.squad`, ``eval squad``.

Run on a two-paragraph, four-question SQuAD file written by the test.
"""

from __future__ import annotations

import json

import pytest

from workbench.cli import main
from workbench.evaluate.squad import SQUAD_COLUMNS, evaluate_squad
from workbench.evaluate.squad_metric import best_scores

HARBOUR = (
    "Norway hosted a climate summit in Bergen on Friday. "
    "The summit was opened by Prime Minister Erna Solberg. "
    "About 300 delegates from 40 countries attended the meeting."
)
MINE = (
    "Rescuers in Chile freed 12 miners trapped underground near Copiapo. "
    "The operation was led by engineer Andre Sougarret."
)


def question(id_: str, text: str, *answers: str) -> dict[str, object]:
    return {
        "id": id_,
        "question": text,
        "answers": [{"text": answer, "answer_start": 0} for answer in answers],
    }


def squad_file(path, articles):
    path.write_text(json.dumps({"version": "1.1", "data": articles}), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_squad(tmp_path_factory):
    """One article of two paragraphs and four questions, written as a SQuAD v1.1 file."""
    article = {
        "title": "Summit_and_mine",
        "paragraphs": [
            {
                "context": HARBOUR,
                "qas": [
                    question(
                        "s1", "Who opened the climate summit?", "Erna Solberg", "Prime Minister"
                    ),
                    question("s2", "How many delegates attended the meeting?", "300"),
                ],
            },
            {
                "context": MINE,
                "qas": [
                    question("m1", "How many miners did the rescuers free?", "12"),
                    question(
                        "m2",
                        "Which engineer was in charge of freeing the trapped workers?",
                        "Andre Sougarret",
                    ),
                ],
            },
        ],
    }
    return squad_file(tmp_path_factory.mktemp("squad") / "tiny.json", [article])


@pytest.fixture(scope="module")
def tiny_score(tiny_squad, full_nlp):
    return evaluate_squad(tiny_squad, "0", nlp=full_nlp)


# --- the evaluation ---------------------------------------------------------------------------


def test_every_question_is_scored_with_its_answer_and_forced_answer(tiny_score):
    frame = tiny_score.to_frame()
    assert list(frame.columns) == list(SQUAD_COLUMNS)
    assert list(frame["id"]) == ["s1", "s2", "m1", "m2"]
    assert list(frame["kind"]) == ["who", "how many", "how many", "which"]
    rows = frame.set_index("id")
    assert (rows.loc["m1", "answer"], rows.loc["m1", "em"]) == ("12", 1.0)
    # Each answer is scored by the official rule against its gold answers.
    assert "300" in rows.loc["s2", "answer"]
    em, f1 = best_scores(rows.loc["s2", "answer"], tiny_score.cases[1].question.answers)
    assert (rows.loc["s2", "em"], rows.loc["s2", "f1"]) == (em, pytest.approx(f1))


def test_an_abstention_scores_zero_but_its_forced_answer_is_scored(tiny_score):
    rows = tiny_score.to_frame().set_index("id")
    assert tiny_score.cases[3].answer is None
    assert (rows.loc["m2", "em"], rows.loc["m2", "f1"]) == (0.0, 0.0)
    assert rows.loc["m2", "forced_answer"] == "Andre Sougarret"
    assert rows.loc["m2", "forced_em"] == 1.0


def test_forced_answers_come_from_the_questions_own_paragraph(tiny_score):
    contexts = {"0:0": HARBOUR, "0:1": MINE}
    for case in tiny_score.cases:
        assert case.forced_answer is not None
        assert case.forced_answer in contexts[case.question.doc_id]
        if case.answered:
            assert (case.forced_answer, case.forced_f1) == (case.answer, case.f1)


def test_the_views_are_the_means_over_all_answered_and_forced_questions(tiny_score):
    frame = tiny_score.to_frame()
    given = frame[frame["answer"].notna()]
    view = tiny_score.overall
    assert view.questions == 4 and view.answered == len(given)
    assert view.answered_share == len(given) / 4
    assert view.em == pytest.approx(frame["em"].mean())
    assert view.f1 == pytest.approx(frame["f1"].mean())
    assert view.answered_em == pytest.approx(given["em"].mean())
    assert view.answered_f1 == pytest.approx(given["f1"].mean())
    assert view.forced_f1 == pytest.approx(frame["forced_f1"].mean())


def test_the_views_by_kind_end_with_all(tiny_score):
    kinds = tiny_score.by_kind()
    assert [kind for kind, _ in kinds] == ["how many", "which", "who", "all"]
    assert dict(kinds)["how many"].questions == 2
    assert kinds[-1][1] == tiny_score.overall


def test_the_reliability_bins_the_answers_given_right_by_f1(tiny_score):
    answered = [case for case in tiny_score.cases if case.answered]
    table = tiny_score.reliability
    assert table.count == len(answered)
    assert sum(item.right for item in table.bins) == sum(case.f1 >= 0.5 for case in answered)
    assert tiny_score.forced_reliability.count == 4


def test_the_report_and_dict_hold_the_views_and_the_calibration(tiny_score):
    text = str(tiny_score)
    assert "all questions (abstention scores 0): EM" in text
    assert "answered only: EM" in text and "forced (best candidate" in text
    assert "expected calibration error (ECE)" in text
    record = tiny_score.as_dict()
    assert record["articles"] == [0] and record["paragraphs"] == 2
    assert record["right_rule"] == "F1 >= 0.5"
    assert {"ece", "bins"} <= set(record["reliability"])
    assert len(record["questions"]) == 4
    json.dumps(record)


def test_kinds_and_limit_choose_the_questions_asked(tiny_squad, full_nlp):
    score = evaluate_squad(tiny_squad, [0], kinds=["how many"], nlp=full_nlp)
    assert [case.question.id for case in score.cases] == ["s2", "m1"]
    assert score.kinds == ("how many",)
    assert len(evaluate_squad(tiny_squad, "0", limit=1, nlp=full_nlp).cases) == 1


def test_an_unknown_kind_is_refused_naming_the_known_ones(tiny_squad):
    with pytest.raises(ValueError, match="unknown question kind 'whither'; choose from who, "):
        evaluate_squad(tiny_squad, "0", kinds=["whither"])


def test_a_limit_below_one_is_refused(tiny_squad):
    with pytest.raises(ValueError, match="limit must be a positive integer; got 0"):
        evaluate_squad(tiny_squad, "0", limit=0)


# --- command line -----------------------------------------------------------------------------


def test_cli_eval_squad_prints_the_views(capsys, tiny_squad, full_nlp):
    assert main(["eval", "squad", "--data", str(tiny_squad), "--articles", "0"]) == 0
    output = capsys.readouterr().out
    assert "4 questions on 2 paragraphs of 1 articles (0)" in output
    assert "forced EM" in output and "ECE" in output


def test_cli_eval_squad_json_has_every_question(capsys, tiny_squad, full_nlp):
    command = ["eval", "squad", "--data", str(tiny_squad), "--articles", "0", "--limit", "2"]
    assert main([*command, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [row["id"] for row in record["questions"]] == ["s1", "s2"]


def test_cli_eval_squad_refuses_an_unknown_kind_with_status_2(capsys, tiny_squad):
    assert main(["eval", "squad", "--data", str(tiny_squad), "--kinds", "whither"]) == 2
    assert "unknown question kind 'whither'" in capsys.readouterr().err


def test_cli_eval_squad_refuses_an_article_outside_the_file(capsys, tiny_squad):
    assert main(["eval", "squad", "--data", str(tiny_squad), "--articles", "0-3"]) == 2
    assert "no article at position 1" in capsys.readouterr().err
