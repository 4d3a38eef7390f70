"""Collapsing hits: overlapping passages and near-duplicate stories fold into the better hit."""

from __future__ import annotations

import pytest
from corpus.test_duplicates import COPY, OTHER_REPORT, WIRE

from workbench.columns import HIT_COLUMNS, HIT_DUPLICATE_COLUMNS
from workbench.corpus.document import build_document
from workbench.model import Corpus
from workbench.retrieval.hits import NEAR_DUPLICATE, OVERLAPPING
from workbench.retrieval.index import TfidfIndex, search
from workbench.retrieval.query import best_positions


@pytest.fixture(scope="module")
def copied_story() -> Corpus:
    """A wire story, another report of the same conference, and the story copied retitled."""
    stories = (("wire", WIRE), ("other", OTHER_REPORT), ("copy", COPY))
    return Corpus(tuple(build_document(text, doc_id) for doc_id, text in stories))


def overlap(first, second) -> bool:
    return first.doc_id == second.doc_id and first.start < second.end and second.start < first.end


# --- Overlapping passages --------------------------------------------------------------


def test_uncollapsed_the_best_passages_overlap_on_the_seeds(indexes):
    hits = indexes["passage"].search("talks in Moscow", 10, collapse=False).hits
    assert any(overlap(one, other) for one in hits for other in hits if one is not other)


def test_collapsed_no_two_passages_overlap_and_k_are_returned(indexes):
    result = indexes["passage"].search("talks in Moscow", 10)
    assert len(result) == 10
    assert not any(overlap(one, other) for one in result for other in result if one is not other)
    assert [hit.rank for hit in result] == list(range(1, 11))
    assert result.collapsed > 0


def test_each_overlapping_passage_is_listed_in_the_hit_it_overlaps(indexes):
    index = indexes["passage"]
    every = index.search("talks in Moscow", 40, collapse=False).hits
    result = index.search("talks in Moscow", 10)
    folded = [(hit, duplicate) for hit in result for duplicate in hit.duplicates]
    assert folded
    for hit, duplicate in folded:
        assert duplicate.reason == OVERLAPPING
        assert duplicate.doc_id == hit.doc_id
        assert duplicate.start < hit.end and hit.start < duplicate.end
        assert duplicate.score <= hit.score
        original = next(other for other in every if other.start == duplicate.start)
        assert (original.doc_id, original.score) == (duplicate.doc_id, duplicate.score)


def test_the_kept_hits_are_the_uncollapsed_ranking_with_the_repeats_taken_out(indexes):
    index = indexes["passage"]
    every = index.search("talks in Moscow", 60, collapse=False).hits
    kept = [(hit.doc_id, hit.start) for hit in index.search("talks in Moscow", 10)]
    first_kept = [(hit.doc_id, hit.start) for hit in every if (hit.doc_id, hit.start) in kept]
    assert first_kept == kept


def test_the_first_hit_and_its_score_do_not_change(indexes):
    for level, index in indexes.items():
        collapsed = index.search("peace talks", 5)[0]
        plain = index.search("peace talks", 5, collapse=False)[0]
        assert (collapsed.doc_id, collapsed.start, collapsed.score) == (
            plain.doc_id,
            plain.start,
            plain.score,
        ), level


def test_sentences_of_one_document_never_overlap_so_nothing_folds(indexes):
    index = indexes["sentence"]
    result = index.search("talks in Moscow", 10)
    assert result.collapsed == 0
    assert result.hits == index.search("talks in Moscow", 10, collapse=False).hits


def test_collapse_false_is_the_ranking_by_score(indexes):
    index = indexes["passage"]
    scores = index.scores("talks in Moscow")
    result = index.search("talks in Moscow", 10, collapse=False)
    expected = [index.units[row] for row in best_positions(scores, 10)]
    assert [(hit.doc_id, hit.start, hit.end) for hit in result] == [
        (unit.doc_id, unit.start, unit.end) for unit in expected
    ]
    assert all(hit.duplicates == () for hit in result)


def test_fewer_than_k_distinct_hits_when_the_corpus_has_no_more(indexes):
    index = indexes["passage"]
    every = index.search("zamir kabulov", 50, collapse=False)
    result = index.search("zamir kabulov", 50)
    assert len(result) < len(every)
    assert len(result) + result.collapsed == len(every)


# --- Near-duplicate documents ----------------------------------------------------------


def test_a_copied_story_folds_into_the_better_copy_at_the_document_level(copied_story):
    index = TfidfIndex("document").fit(copied_story)
    assert index.doc_groups_.tolist() == [0, 1, 0]
    every = index.search("Moscow delegation Karzai", 3, collapse=False)
    assert len(every) == 3
    result = index.search("Moscow delegation Karzai", 3)
    assert len(result) == 2
    [first] = [hit for hit in result if hit.doc_id in {"wire", "copy"}]
    [duplicate] = first.duplicates
    assert duplicate.reason == NEAR_DUPLICATE
    assert {first.doc_id, duplicate.doc_id} == {"wire", "copy"}
    assert "other" in result.doc_ids


def test_a_copied_sentence_folds_into_the_same_sentence_of_the_better_copy(copied_story):
    index = TfidfIndex("sentence").fit(copied_story)
    result = index.search("Islamic State Taliban", 5)
    top = result[0]
    [duplicate] = top.duplicates
    assert duplicate.reason == NEAR_DUPLICATE
    assert copied_story[duplicate.doc_id].raw[duplicate.start : duplicate.end] == top.text


def test_two_reports_of_one_event_are_both_kept(copied_story):
    result = TfidfIndex("document").fit(copied_story).search("Karzai Afghans peace process", 3)
    assert {"other"} < set(result.doc_ids)


# --- Showing the duplicates ------------------------------------------------------------


def test_the_frame_lists_each_hits_duplicates(indexes):
    result = indexes["passage"].search("talks in Moscow", 5)
    frame = result.to_frame()
    assert tuple(frame.columns) == HIT_COLUMNS
    assert frame["duplicates"].tolist() == [list(hit.also_in) for hit in result]
    duplicates = result.duplicates_frame()
    assert tuple(duplicates.columns) == HIT_DUPLICATE_COLUMNS
    assert len(duplicates) == result.collapsed
    assert set(duplicates["reason"]) == {OVERLAPPING}


def test_the_card_and_the_markdown_say_also_in(indexes):
    result = indexes["passage"].search("talks in Moscow", 5)
    hit = next(hit for hit in result if hit.duplicates)
    cited = hit.duplicates[0].citation
    shown = f'also in: <code title="{OVERLAPPING}" style="white-space:nowrap">{cited}</code>'
    assert shown in result._repr_html_()  # a citation on one line
    assert "also in:" in hit._repr_html_()
    markdown = result._repr_markdown_()
    assert f"also in: `{cited}`" in markdown
    assert markdown.splitlines()[0] == "5 passage hits for *talks in Moscow*"


def test_the_hit_as_json_holds_its_duplicates(indexes):
    hit = next(hit for hit in indexes["passage"].search("talks in Moscow", 5) if hit.duplicates)
    row = hit.as_dict()
    assert row["duplicates"][0]["doc_id"] == hit.doc_id
    assert isinstance(row["duplicates"][0]["sentences"], list)


# --- The search function and the saved index -------------------------------------------


def test_the_search_function_collapses_unless_told_not_to(seeds_corpus, tmp_path):
    collapsed = search(seeds_corpus, "talks in Moscow", 10, level="passage", cache_dir=tmp_path)
    plain = search(
        seeds_corpus, "talks in Moscow", 10, level="passage", collapse=False, cache_dir=tmp_path
    )
    assert collapsed.collapsed > 0 and plain.collapsed == 0
    assert collapsed[0].doc_id == plain[0].doc_id


def test_a_saved_index_keeps_its_near_duplicate_groups(copied_story, tmp_path):
    index = TfidfIndex("document").fit(copied_story)
    loaded = TfidfIndex.load(index.save(tmp_path / "index"))
    assert loaded.doc_groups_.tolist() == index.doc_groups_.tolist()
    query = "Moscow delegation Karzai"
    assert loaded.search(query, 3).hits == index.search(query, 3).hits


def test_near_duplicates_are_found_at_the_first_collapsed_search_not_at_build(
    copied_story, monkeypatch
):
    import workbench.retrieval.collapse as collapse_module

    calls = []
    real = collapse_module.near_duplicate_groups

    def counted(documents):
        calls.append(1)
        return real(documents)

    monkeypatch.setattr(collapse_module, "near_duplicate_groups", counted)
    index = TfidfIndex(level="document").fit(copied_story)
    assert calls == []  # building the index does not compare documents
    index.search("conference", 3, collapse=False)
    assert calls == []
    first = index.search("conference", 3)
    index.search("conference", 3)
    assert calls == [1]  # found once, then kept
    assert any(hit.duplicates for hit in first)
