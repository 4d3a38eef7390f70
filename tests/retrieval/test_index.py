"""TF-IDF search: ranking, offsets, errors, filters, saving, caching, display and the CLI."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from workbench.cli import main
from workbench.corpus.document import build_document
from workbench.errors import CorpusError, IndexFileError, QueryError, WorkbenchError
from workbench.model import Corpus
from workbench.retrieval.index import TfidfIndex, search
from workbench.retrieval.units import LEVELS

MOSCOW_ARTICLES = {"000", "001", "003"}


@pytest.fixture(scope="module")
def indexes(seeds_corpus: Corpus) -> dict[str, TfidfIndex]:
    return {level: TfidfIndex(level).fit(seeds_corpus) for level in LEVELS}


@pytest.fixture(scope="module")
def dated_corpus() -> Corpus:
    texts = [
        ("early", "Envoys held talks in Moscow on trade.", date(2019, 3, 1)),
        ("middle", "Talks in Moscow ended without a deal.", date(2020, 6, 15)),
        ("late", "Moscow talks resumed after a pause.", date(2021, 9, 30)),
        ("undated", "Talks in Moscow were mentioned again.", None),
    ]
    return Corpus(tuple(build_document(text, doc_id, published=day) for doc_id, text, day in texts))


def _prefixes(hits) -> list[str]:
    return [hit.doc_id[:3] for hit in hits]


# --- ranking --------------------------------------------------------------------------


def test_talks_in_moscow_ranks_the_moscow_articles_first_at_document_level(indexes):
    result = indexes["document"].search("talks in Moscow", k=5)
    assert set(_prefixes(result)[:3]) == MOSCOW_ARTICLES
    assert [hit.rank for hit in result] == [1, 2, 3, 4, 5]
    assert all(a.score >= b.score for a, b in zip(result, result.hits[1:], strict=False))


@pytest.mark.parametrize("level", ["passage", "sentence"])
def test_talks_in_moscow_finds_passages_and_sentences_of_the_moscow_articles(indexes, level):
    result = indexes[level].search("talks in Moscow", k=5)
    assert set(_prefixes(result)) <= MOSCOW_ARTICLES
    assert all("moscow" in hit.text.lower() for hit in result)


def test_matched_terms_are_the_query_terms_found_in_each_hit(indexes):
    result = indexes["sentence"].search("talks in Moscow", k=10)
    assert result.terms == ("talks", "moscow", "talks moscow")
    for hit in result:
        assert hit.matched_terms
        for term in hit.matched_terms:
            assert all(word in hit.text.lower() for word in term.split())
    assert "talks moscow" in result[0].matched_terms


def test_accents_and_case_are_folded():
    corpus = Corpus((build_document("Delegates met in Zürich for the CAFÉ summit.", "z"),))
    index = TfidfIndex("sentence").fit(corpus)
    assert index.search("zurich cafe")[0].matched_terms == ("zurich", "cafe", "zurich cafe")


# --- offsets --------------------------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_every_hit_points_at_its_text_in_the_raw_document(seeds_corpus, indexes, level):
    for query in ("talks in Moscow", "ceasefire", "Karzai Taliban delegation"):
        for hit in indexes[level].search(query, k=50):
            document = seeds_corpus[hit.doc_id]
            assert document.raw[hit.start : hit.end] == hit.text
            assert document.sentences[hit.sentences[0]].start == hit.start
            assert document.sentences[hit.sentences[-1]].end == hit.end


def test_a_document_hit_spans_its_kept_sentences_not_the_date_header(seeds_corpus, indexes):
    hit = indexes["document"].search("ceasefire", k=10, doc_ids="004_55b560d3e012caba")[0]
    document = seeds_corpus["004_55b560d3e012caba"]
    assert hit.start == document.sentences[0].start > 0
    assert not hit.text.lstrip().startswith("date")
    assert hit.sentences == tuple(range(len(document.sentences)))


def test_passages_are_windows_of_consecutive_body_sentences(seeds_corpus):
    index = TfidfIndex("passage", passage_size=3, passage_stride=2).fit(seeds_corpus)
    for document in seeds_corpus:
        body = [sentence.index for sentence in document.body]
        windows = [unit.sentences for unit in index.units if unit.doc_id == document.id]
        assert all(len(window) == 3 for window in windows)
        assert windows[0] == tuple(body[:3]) and windows[-1] == tuple(body[-3:])
        covered = {number for window in windows for number in window}
        assert covered == set(body)


@pytest.mark.parametrize("level", LEVELS)
def test_query_vectors_are_the_vectorizers_own(indexes, level):
    index = indexes[level]
    for query in ("talks in Moscow", "talks talks Moscow Lavrov", "Zürich CAFÉ peace", "zeppelin"):
        columns, weights = index._query_vector(index.analyzer_(query))
        expected = index.vectorizer_.transform([query]).toarray().ravel()
        mine = np.zeros_like(expected)
        mine[columns] = weights
        assert np.allclose(mine, expected, rtol=0, atol=1e-12)


def test_sentence_scores_give_one_score_per_unit(indexes):
    index = indexes["sentence"]
    scores = index.sentence_scores("talks in Moscow")
    assert scores.shape == (len(index.units),)
    best = index.units[int(np.argmax(scores))]
    assert best.doc_id == index.search("talks in Moscow", k=1)[0].doc_id


# --- errors ---------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["", "   \n\t"])
def test_an_empty_query_is_refused(indexes, query):
    with pytest.raises(QueryError, match="query is empty"):
        indexes["sentence"].search(query)


def test_a_query_of_only_stop_words_is_refused_with_the_words_named(indexes):
    with pytest.raises(QueryError, match=r"only stop words \(the, of\)"):
        indexes["document"].search("the of")


def test_a_query_of_only_punctuation_is_refused(indexes):
    with pytest.raises(QueryError, match="has no words"):
        indexes["document"].search("?!")


def test_a_query_of_stop_words_and_one_letter_words_is_refused(indexes):
    with pytest.raises(QueryError, match="no searchable word"):
        indexes["document"].search("the x")


def test_a_query_error_is_a_workbench_error_and_a_value_error():
    assert issubclass(QueryError, WorkbenchError) and issubclass(QueryError, ValueError)


def test_a_query_with_no_known_term_gives_an_empty_result(indexes):
    result = indexes["passage"].search("zeppelin quasar")
    assert len(result) == 0 and result.terms == ()
    assert result.to_frame().empty


@pytest.mark.parametrize("k", [0, -3, 2.5, True])
def test_k_must_be_a_positive_integer(indexes, k):
    with pytest.raises(ValueError, match="k must be a positive integer"):
        indexes["sentence"].search("Moscow", k=k)


def test_searching_before_fitting_says_how_to_fit():
    with pytest.raises(NotFittedError, match=r"not fitted yet: call index.fit\(corpus\)"):
        TfidfIndex().search("Moscow")


def test_searching_at_another_level_says_which_index_to_build(indexes):
    with pytest.raises(
        ValueError, match=r"for level 'passage' build TfidfIndex\(level='passage'\)"
    ):
        indexes["sentence"].search("Moscow", level="passage")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"level": "paragraph"},
            "level must be one of document, passage, sentence; got 'paragraph'",
        ),
        ({"passage_size": 0}, "passage_size must be an integer >= 1"),
        ({"passage_size": 2, "passage_stride": 3}, "passage_stride must be an integer from 1 to"),
        ({"ngram_range": (2, 1)}, "ngram_range must be"),
    ],
)
def test_invalid_parameters_are_refused_when_fitting(seeds_corpus, params, message):
    index = TfidfIndex(**params)  # the constructor only stores them
    with pytest.raises(ValueError, match=message):
        index.fit(seeds_corpus)


def test_a_corpus_without_indexable_words_is_refused():
    corpus = Corpus((build_document("The of and.", "stop"),))
    with pytest.raises(CorpusError, match="nothing to index"):
        TfidfIndex("sentence").fit(corpus)


def test_documents_with_the_same_id_are_refused():
    document = build_document("Talks in Moscow.", "same")
    with pytest.raises(ValueError, match="document ids must be unique; repeated: same"):
        TfidfIndex().fit([document, document])


# --- filters --------------------------------------------------------------------------


def test_doc_ids_filter_keeps_only_those_documents(indexes):
    wanted = ["002_2d519cff5749e0aa", "004_55b560d3e012caba"]
    result = indexes["sentence"].search("talks", k=50, doc_ids=wanted)
    assert result.hits and set(result.doc_ids) <= set(wanted)
    single = indexes["sentence"].search("talks", k=50, doc_ids="002_2d519cff5749e0aa")
    assert set(single.doc_ids) == {"002_2d519cff5749e0aa"}


def test_unknown_doc_ids_are_named(indexes):
    with pytest.raises(ValueError, match=r"unknown document ids: 'nope'"):
        indexes["document"].search("talks", doc_ids=["nope", "000_258fbde797f3b430"])


def test_date_range_is_inclusive_and_leaves_out_undated_documents(dated_corpus):
    index = TfidfIndex("document").fit(dated_corpus)
    everything = index.search("talks in Moscow")
    assert set(everything.doc_ids) == {"early", "middle", "late", "undated"}
    ranged = index.search(
        "talks in Moscow", published_from="2020-06-15", published_to=date(2021, 9, 30)
    )
    assert set(ranged.doc_ids) == {"middle", "late"}
    assert set(index.search("Moscow", published_to="2020-01-01").doc_ids) == {"early"}


@pytest.mark.parametrize(
    ("bounds", "message"),
    [
        ({"published_from": "last year"}, "published_from must be a date or a 'YYYY-MM-DD'"),
        ({"published_from": "2021-01-01", "published_to": "2020-01-01"}, "is after published_to"),
    ],
)
def test_unreadable_or_reversed_dates_are_refused(dated_corpus, bounds, message):
    index = TfidfIndex("document").fit(dated_corpus)
    with pytest.raises(QueryError, match=message):
        index.search("Moscow", **bounds)


# --- saving, loading, caching -----------------------------------------------------------


@pytest.mark.parametrize("level", LEVELS)
def test_a_saved_index_loads_and_gives_identical_hits(indexes, tmp_path, level):
    index = indexes[level]
    index.save(tmp_path / "saved")
    loaded = TfidfIndex.load(tmp_path / "saved")
    for query in ("talks in Moscow", "Lavrov Tajikistan", "ceasefire for three months"):
        assert loaded.search(query, k=20) == index.search(query, k=20)
        vector = loaded.vectorizer_.transform([query]) - index.vectorizer_.transform([query])
        assert vector.nnz == 0
    assert loaded.units == index.units and loaded.fingerprint_ == index.fingerprint_
    assert np.array_equal(loaded.vectorizer_.idf_, index.vectorizer_.idf_)


def test_a_saved_index_is_npz_and_json_without_pickle(indexes, tmp_path):
    folder = indexes["passage"].save(tmp_path / "saved")
    assert sorted(path.name for path in folder.iterdir()) == [
        "idf.json",
        "index.json",
        "matrix.npz",
        "units.json",
        "vocabulary.json",
    ]
    with np.load(folder / "matrix.npz", allow_pickle=False) as arrays:
        assert "data" in arrays
    assert json.loads((folder / "index.json").read_text())["params"]["level"] == "passage"


def test_loading_a_damaged_index_raises_a_clear_error(indexes, tmp_path):
    folder = indexes["sentence"].save(tmp_path / "saved")
    (folder / "units.json").write_text("[]")
    with pytest.raises(IndexFileError, match=r"units\.json was changed or only partly written"):
        TfidfIndex.load(folder)
    with pytest.raises(IndexFileError, match="cannot read the index"):
        TfidfIndex.load(tmp_path / "missing")


def test_the_cache_is_reused_while_the_corpus_is_unchanged(seeds_corpus, tmp_path, monkeypatch):
    built = TfidfIndex.cached(seeds_corpus, "passage", cache_dir=tmp_path)
    assert (tmp_path / "index" / built.fingerprint_ / "index.json").is_file()

    def no_fitting(self, corpus):
        raise AssertionError("the cached index should have been loaded")

    monkeypatch.setattr(TfidfIndex, "fit", no_fitting)
    reloaded = TfidfIndex.cached(seeds_corpus, "passage", cache_dir=tmp_path)
    assert reloaded.search("talks in Moscow") == built.search("talks in Moscow")


def test_the_cache_is_rebuilt_when_a_document_changes(seeds_corpus, tmp_path):
    before = TfidfIndex.cached(seeds_corpus, "document", cache_dir=tmp_path)
    first = seeds_corpus[0]
    changed = build_document(first.raw + "\n\nA zeppelin landed in Moscow.", first.id)
    corpus = Corpus((changed, *seeds_corpus.documents[1:]))
    after = TfidfIndex.cached(corpus, "document", cache_dir=tmp_path)
    assert after.fingerprint_ != before.fingerprint_
    assert after.search("zeppelin")[0].doc_id == first.id
    assert len(before.search("zeppelin")) == 0


@pytest.mark.parametrize("damage", ["garbage manifest", "truncated matrix", "missing units"])
def test_a_corrupt_cache_is_rebuilt_without_crashing(seeds_corpus, tmp_path, damage):
    built = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    folder = tmp_path / "index" / built.fingerprint_
    if damage == "garbage manifest":
        (folder / "index.json").write_text("{not json")
    elif damage == "truncated matrix":
        data = (folder / "matrix.npz").read_bytes()
        (folder / "matrix.npz").write_bytes(data[: len(data) // 2])
    else:
        (folder / "units.json").unlink()
    rebuilt = TfidfIndex.cached(seeds_corpus, "sentence", cache_dir=tmp_path)
    assert rebuilt.search("talks in Moscow") == built.search("talks in Moscow")
    assert TfidfIndex.load(folder).search("Lavrov") == built.search("Lavrov")


def test_an_unwritable_cache_still_returns_an_index(seeds_corpus, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("")
    index = TfidfIndex.cached(seeds_corpus, "document", cache_dir=blocker)
    assert len(index.search("Moscow")) > 0


def test_the_search_shortcut_uses_a_cached_index(seeds_corpus, tmp_path):
    result = search(seeds_corpus, "talks in Moscow", 3, level="document", cache_dir=tmp_path)
    assert set(_prefixes(result)) == MOSCOW_ARTICLES and result.level == "document"
    assert len(list((tmp_path / "index").iterdir())) == 1


# --- display --------------------------------------------------------------------------


def test_hits_become_a_dataframe_with_the_shared_columns(indexes):
    frame = indexes["sentence"].search("talks in Moscow", k=4).to_frame()
    assert list(frame.columns)[:5] == ["rank", "doc_id", "score", "start", "end"]
    assert {"sentence", "text", "matched_terms"} <= set(frame.columns)
    assert frame["rank"].tolist() == [1, 2, 3, 4]
    assert frame["sentence"].tolist() == [hit.sentences[0] for hit in frame.itertuples()]


def test_the_notebook_view_highlights_matched_terms_and_escapes_html():
    text = "Envoys said <b>talks</b> in Moscow & Kabul would go on."
    index = TfidfIndex("sentence").fit(Corpus((build_document(text, "html"),)))
    page = index.search("talks in Moscow")._repr_html_()
    assert "&lt;b&gt;<mark>talks</mark>&lt;/b&gt;" in page
    assert "<mark>Moscow</mark> &amp; Kabul" in page
    assert "<b>" not in page and "<mark>Envoys</mark>" not in page


def test_the_notebook_view_of_a_long_hit_shows_a_window_round_the_first_match(indexes):
    page = indexes["document"].search("Tajikistan", k=1)._repr_html_()
    assert "<mark>Tajikistan</mark>" in page and "…" in page
    assert len(page) < 2000


# --- command line ----------------------------------------------------------------------


def test_the_search_command_prints_a_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "talks in Moscow", "--level", "passage", "--top", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["rank", "doc_id", "score", "start-end", "text"]
    assert len(lines) == 4 and {line.split()[1][:3] for line in lines[1:]} <= MOSCOW_ARTICLES


def test_the_search_command_prints_json_hits_with_every_field(
    seeds_corpus, tmp_path, monkeypatch, capsys
):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "talks in Moscow", "--level", "document", "--top", "3", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {hit["doc_id"][:3] for hit in hits} == MOSCOW_ARTICLES
    assert set(hits[0]) == {
        "doc_id",
        "rank",
        "score",
        "text",
        "start",
        "end",
        "sentences",
        "matched_terms",
    }
    raw = seeds_corpus[hits[0]["doc_id"]].raw
    assert raw[hits[0]["start"] : hits[0]["end"]] == hits[0]["text"]


def test_the_search_command_reports_a_stop_word_query_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "the of"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("workbench: error: query 'the of' has only stop words")
    assert error.count("\n") == 1


def test_the_search_command_says_when_nothing_matches(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    assert main(["search", "zeppelin", "--doc", "000_258fbde797f3b430"]) == 0
    assert capsys.readouterr().out.strip() == "No sentence matches 'zeppelin'."
