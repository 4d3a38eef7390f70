"""Summaries: citations, order, lengths, engines that agree, multi-document and query focus."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from workbench.cli import main
from workbench.config import PROJECT_ROOT
from workbench.corpus.decoding import decode_bytes
from workbench.corpus.document import build_document
from workbench.errors import QueryError, WorkbenchError
from workbench.evaluate.summaries import evaluate_summaries, reference_length
from workbench.model import Corpus
from workbench.summaries import METHODS, Summary, summarise
from workbench.summaries.api import rank
from workbench.summaries.edmundson_words import BONUS_WORDS, STIGMA_WORDS, bonus_words
from workbench.summaries.fast import FAST_RANKERS
from workbench.summaries.source import SummaryInput, build_input
from workbench.summaries.sumy_engine import build_summarizer, document_model

BBC_ALIGNED = PROJECT_ROOT.parent / "shared" / "data" / "bbc_news_summary_100_sentence_aligned"
FAST_METHODS = sorted(FAST_RANKERS)
#: Methods that pick sentences one at a time (the score is minus the step).
STEPWISE = ("kl", "sumbasic")


def seed(corpus: Corpus, prefix: str):
    return next(document for document in corpus if document.id.startswith(prefix))


def assert_engines_agree(method: str, source: SummaryInput) -> None:
    """The fast engine chooses what sumy's does, at every length, except where scores tie.

    For the rankers, at every count the two top sets are equal, or differ only in
    sentences whose scores tie with the last one chosen (on both engines' scores).
    KL and SumBasic pick step by step: their pick orders must be equal, up to a
    first step where two candidates tie in sumy's own KL values (SumBasic's
    fast engine repeats sumy's arithmetic, so it may not differ at all).
    """
    fast, sumy = rank(method, "fast", source), rank(method, "sumy", source)
    assert len(fast.order) == len(sumy.order)
    if method in STEPWISE:
        differ = np.flatnonzero(fast.order != sumy.order)
        if differ.size:
            step = int(differ[0])
            assert method == "kl", (method, step)
            values = sumy_kl_values(source, sumy.order[:step])
            chosen, sumys = values[int(fast.order[step])], values[int(sumy.order[step])]
            assert abs(chosen - sumys) <= 1e-9 * abs(sumys), (step, chosen, sumys)
        return
    for count in range(1, len(sumy.order) + 1):
        differ = set(fast.order[:count].tolist()) ^ set(sumy.order[:count].tolist())
        for ranking in (fast, sumy):
            boundary = ranking.scores[ranking.order[count - 1]]
            scale = max(float(np.abs(ranking.scores).max()), 1e-300)
            tied = [abs(ranking.scores[i] - boundary) <= 1e-9 * scale for i in differ]
            assert all(tied), (method, count, sorted(differ))


def sumy_kl_values(source: SummaryInput, summary: np.ndarray) -> dict[int, float]:
    """sumy's KL divergence for each candidate not in ``summary``, after those picks."""
    summarizer = build_summarizer("kl")
    sentences = list(document_model(source).sentences)
    document_frequency = summarizer.compute_tf(sentences)
    summary_words = summarizer._get_all_words_in_doc([sentences[i] for i in summary])
    return {
        position: summarizer._kl_divergence(
            summarizer._joint_freq(
                summarizer._get_content_words_in_sentence(sentences[position]), summary_words
            ),
            document_frequency,
        )
        for position in range(len(sentences))
        if position not in set(summary.tolist())
    }


# --- one document ------------------------------------------------------------------------


def test_a_three_sentence_summary_of_000_returns_three_of_its_sentences_with_offsets(
    seeds_corpus,
):
    document = seed(seeds_corpus, "000")
    summary = summarise(document, sentences=3)
    assert len(summary) == 3
    body = {(s.index, s.start, s.end, s.text) for s in document.body}
    for sentence in summary:
        assert sentence.doc_id == document.id
        assert document.raw[sentence.start : sentence.end] == sentence.text
        assert (sentence.sentence, sentence.start, sentence.end, sentence.text) in body


def test_summary_sentences_are_in_document_order_and_documents_in_corpus_order(seeds_corpus):
    summary = summarise(seeds_corpus, sentences=8)
    positions = [(seeds_corpus.ids.index(s.doc_id), s.sentence) for s in summary]
    assert positions == sorted(positions)
    assert len(summary) == 8


def test_the_ranking_lists_every_candidate_best_first_and_marks_the_chosen(seeds_corpus):
    document = seed(seeds_corpus, "002")
    summary = summarise(document, method="textrank", sentences=2)
    frame = summary.ranking_frame()
    assert len(frame) == len(document.body)
    assert frame["chosen"].sum() == 2
    assert frame["score"].is_monotonic_decreasing
    assert list(summary.to_frame().columns) == [
        "doc_id",
        "sentence",
        "start",
        "end",
        "score",
        "text",
    ]


def test_headings_are_never_chosen():
    raw = (
        "Talks open in Moscow\n\nEnvoys met in Moscow. They agreed to meet again.\n\n"
        "Next steps\n\nA second round is due."
    )
    document = build_document(raw, "x")
    summary = summarise(document, ratio=1.0)
    assert [s.text for s in summary] == [s.text for s in document.body]
    assert all(not document.sentences[s.sentence].is_heading for s in summary)


def test_a_sentence_repeated_word_for_word_is_summarised_once():
    raw = "Talks began in Moscow. Talks began in Moscow. Envoys from Kabul came. Talks went on."
    summary = summarise(build_document(raw, "x"), ratio=1.0)
    assert [s.text for s in summary].count("Talks began in Moscow.") == 1
    assert len(summary.ranking) == 3


# --- lengths and arguments --------------------------------------------------------------


def test_length_by_ratio_takes_that_share_of_the_sentences(seeds_corpus):
    document = seed(seeds_corpus, "000")
    summary = summarise(document, ratio=0.25)
    assert len(summary) == round(0.25 * len(document.body))
    assert summary.length == "25% of the sentences"


def test_length_by_words_stays_within_the_budget(seeds_corpus):
    from workbench.text import count_words

    summary = summarise(seed(seeds_corpus, "001"), words=60)
    assert 0 < sum(count_words(s.text) for s in summary) <= 60


def test_a_word_budget_too_small_for_any_sentence_gives_an_empty_summary_with_a_note(
    seeds_corpus,
):
    summary = summarise(seed(seeds_corpus, "000"), words=2)
    assert len(summary) == 0
    assert summary.note == "no sentence fits in at most 2 words"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"method": "bart"}, r"method must be one of textrank-cosine, luhn, .*lead; got 'bart'"),
        ({"engine": "gpu"}, r"engine must be one of fast, sumy; got 'gpu'"),
        ({"sentences": 2, "ratio": 0.5}, r"give only one of sentences, ratio and words"),
        ({"sentences": 0}, r"sentences must be a whole number of at least 1; got 0"),
        ({"words": 2.5}, r"words must be a whole number of at least 1; got 2.5"),
        ({"ratio": 1.5}, r"ratio must be a number in \(0, 1\]; got 1.5"),
        ({"ratio": 0}, r"ratio must be a number in \(0, 1\]; got 0"),
    ],
)
def test_invalid_arguments_raise_value_errors_naming_what_is_allowed(
    seeds_corpus, arguments, message
):
    with pytest.raises(ValueError, match=message):
        summarise(seeds_corpus, **arguments)


def test_a_target_that_is_not_documents_raises_type_error():
    with pytest.raises(TypeError, match="target must be a Document, a Corpus or an iterable"):
        summarise("Moscow hosts talks.")
    with pytest.raises(TypeError, match="target must hold only Documents; got a int"):
        summarise([1, 2])


def test_nothing_to_summarise_gives_an_empty_summary_with_a_note():
    summary = summarise([])
    assert len(summary) == 0
    assert summary.note == "there is no body sentence to summarise"


# --- engines -----------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["fast", "sumy"])
@pytest.mark.parametrize("method", METHODS)
def test_every_method_runs_on_a_seed_with_both_engines(seeds_corpus, method, engine):
    document = seed(seeds_corpus, "003")
    summary = summarise(document, method=method, engine=engine, sentences=2)
    assert len(summary) == 2
    assert summary.method == method
    assert all(document.raw[s.start : s.end] == s.text for s in summary)


def test_methods_without_a_fast_version_run_sumys_code_and_say_so(seeds_corpus):
    assert summarise(seeds_corpus, method="edmundson").engine == "sumy"
    assert summarise(seeds_corpus, method="kl").engine == "fast"
    assert summarise(seeds_corpus, method="lead", engine="sumy").engine == "fast"


@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_choose_the_same_sentences_on_each_seed_and_on_all_five(
    seeds_corpus, method
):
    for document in seeds_corpus:
        assert_engines_agree(method, build_input([document]))
    assert_engines_agree(method, build_input(seeds_corpus))


@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_agree_on_awkward_sentences(method):
    raw = (
        "Results\n\nArsenal 2-1 Chelsea. It is. Talks on Talks on talks. Moscow. Moscow. "
        "Kabul hosts talks with Moscow envoys. The the and of. 12 34."
    )
    assert_engines_agree(method, build_input([build_document(raw, "x")]))


@pytest.mark.skipif(not BBC_ALIGNED.is_dir(), reason=f"needs {BBC_ALIGNED}")
@pytest.mark.parametrize("method", FAST_METHODS)
def test_fast_and_sumy_engines_choose_the_same_sentences_on_the_100_bbc_articles(method):
    paths = sorted((BBC_ALIGNED / "article").glob("*/*.txt"))
    assert len(paths) == 100
    for path in paths:
        raw = decode_bytes(path.read_bytes()).text
        source = build_input([build_document(raw, f"{path.parent.name}/{path.stem}")])
        assert_engines_agree(method, source)


def test_edmundson_raises_bonus_words_and_lowers_stigma_words_with_lists_not_learnt_per_text():
    raw = (
        "Budget news\n\nThe council met on Monday. The council reportedly discussed parking "
        "on Monday. The council announced a record budget on Monday. The council discussed "
        "roads on Monday. The meeting ended late."
    )
    ranking = summarise(build_document(raw, "x"), method="edmundson", ratio=1.0).ranking
    assert ranking[0].text == "The council announced a record budget on Monday."
    assert ranking[-1].text == "The council reportedly discussed parking on Monday."
    assert ranking[0].score - ranking[-1].score == 5.0  # 2 bonus, 1 title word, 1 stigma, +1


def test_edmundson_bonus_words_are_general_and_a_query_adds_its_own():
    assert bonus_words() == BONUS_WORDS
    assert "council" not in bonus_words()
    assert bonus_words("the council's parking plans")[-3:] == ("council's", "parking", "plans")
    assert not set(STIGMA_WORDS) & set(BONUS_WORDS)


# --- several documents and queries -------------------------------------------------------


def test_a_multi_document_summary_does_not_pick_near_duplicates_from_different_articles():
    shared = "Russia will host peace talks with the Taliban in Moscow on Friday, officials said."
    near = "Russia will host peace talks with the Taliban in Moscow on Friday, an official said."
    first = build_document(
        f"{shared} The Afghan government has not yet confirmed its participation in the talks. "
        "Envoys from twelve countries are expected to attend the peace talks in Moscow.",
        "first",
    )
    second = build_document(
        f"{near} Pakistan and China said they would send delegations to the talks. "
        f"{shared} The Taliban delegation will travel from its political office in Doha.",
        "second",
    )
    for method in ("textrank-cosine", "textrank", "reduction", "lexrank"):
        summary = summarise([first, second], method=method, sentences=3)
        texts = [s.text for s in summary]
        assert not (shared in texts and near in texts), method
        assert texts.count(shared) <= 1
        for s in summary:
            document = first if s.doc_id == "first" else second
            assert document.raw[s.start : s.end] == s.text


def test_a_query_focused_summary_of_talks_in_moscow_picks_sentences_about_moscow(seeds_corpus):
    summary = summarise(seeds_corpus, query="talks in Moscow", sentences=3)
    assert len(summary) == 3
    assert summary.query == "talks in Moscow"
    assert all("Moscow" in s.text for s in summary)
    assert {s.doc_id[:3] for s in summary} <= {"000", "001", "003"}


def test_a_query_that_nothing_concerns_gives_an_empty_summary_with_a_note(seeds_corpus):
    summary = summarise(seeds_corpus, query="banana smoothie recipes")
    assert len(summary) == 0
    assert summary.note == "no sentence concerns the query 'banana smoothie recipes'"
    assert "no sentence concerns" in summary._repr_html_()


def test_a_query_of_stop_words_only_is_refused(seeds_corpus):
    with pytest.raises(QueryError, match="has only stop words"):
        summarise(seeds_corpus, query="the of and")


# --- results -----------------------------------------------------------------------------


def test_a_summary_shows_itself_as_text_html_and_a_frame(seeds_corpus):
    summary = summarise(seeds_corpus, sentences=3)
    assert isinstance(summary, Summary)
    assert summary.sentences[0].text in summary.text
    assert summary.sentences[0].doc_id in summary._repr_html_()
    assert repr(summary).startswith("<Summary by textrank-cosine (fast): 3 sentences")
    assert summary.as_dict()["sentences"][0]["doc_id"] == summary.sentences[0].doc_id


# --- command line ------------------------------------------------------------------------


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


# --- evaluation --------------------------------------------------------------------------


def _tiny_bbc(folder: Path) -> Path:
    articles = {
        "business/001.txt": (
            "Profits jump at media firm\n\nProfits at the media firm jumped in the quarter. "
            "The firm sold more adverts. Profits from adverts rose sharply in the quarter. "
            "Its chief executive was pleased."
        ),
        "sport/001.txt": (
            "Cole backs striker\n\nAshley Cole has backed the young striker. The striker was "
            "sent off on Saturday. Cole said the striker would learn. Fans were unhappy."
        ),
    }
    summaries = {
        "business/001.txt": "Profits at the media firm jumped in the quarter."
        "Profits from adverts rose sharply in the quarter.",
        "sport/001.txt": "Ashley Cole has backed the young striker.",
    }
    for relative, text in articles.items():
        for root, content in (("News Articles", text), ("Summaries", summaries[relative])):
            path = folder / root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "split,csv_index,path,summary_char_coverage,n_segments\n"
        "test,1,business/001.txt,1.0,2\ntest,2,sport/001.txt,1.0,1\n",
        encoding="utf-8",
    )
    return folder


def test_summary_evaluation_scores_every_method_with_rouge(tmp_path):
    evaluation = evaluate_summaries(_tiny_bbc(tmp_path))
    assert evaluation.documents == 2
    assert {score.method for score in evaluation.scores} == set(METHODS)
    assert all(0.0 <= score.rouge1 <= 1.0 for score in evaluation.scores)
    assert "ROUGE F1 (stemmed) on 2 test articles" in str(evaluation)
    assert list(evaluation.to_frame().columns)[:3] == ["method", "engine", "documents"]


def test_reference_length_counts_the_article_sentences_in_the_reference():
    document = build_document("Prices rose. Trade fell sharply today. Bonds held.", "x")
    assert reference_length(document, "Trade fell sharply today.Bonds held.") == 2


def test_summary_evaluation_needs_a_manifest(tmp_path):
    with pytest.raises(WorkbenchError, match=r"no manifest\.csv in"):
        evaluate_summaries(tmp_path)
    with pytest.raises(ValueError, match="methods must be among"):
        evaluate_summaries(_tiny_bbc(tmp_path), methods=["bart"])


def test_cli_eval_summaries_prints_one_table(tmp_path, capsys):
    folder = _tiny_bbc(tmp_path)
    assert main(["eval", "summaries", "--data", str(folder), "--methods", "lead", "kl"]) == 0
    out = capsys.readouterr().out
    assert "lead" in out and "kl" in out and "R1" in out
    assert main(["eval", "summaries", "--data", str(tmp_path / "missing")]) == 2


def test_the_random_baseline_is_the_same_draw_every_time(seeds_corpus):
    first = summarise(seeds_corpus, method="random", sentences=3)
    again = summarise(seeds_corpus, method="random", sentences=3)
    assert [s.start for s in first.sentences] == [s.start for s in again.sentences]
