"""Near-duplicate documents: a copy under a new headline is one, two reports of one event not."""

from __future__ import annotations

import pytest

from workbench import build_document
from workbench.columns import DUPLICATE_COLUMNS
from workbench.corpus.duplicates import (
    NEAR_DUPLICATE_CONTAINMENT,
    containment,
    document_shingles,
    duplicate_groups,
    find_near_duplicates,
    shingles,
)

#: One wire story, then a copy of it with a new headline and its fourth sentence changed.
WIRE = (
    "Afghan delegation heads to Moscow\n\n"
    "KABUL - Afghanistan will send a delegation to Moscow next week for a conference on "
    "the country's future, the foreign ministry said on Sunday. "
    "The talks will bring together envoys from Russia, China, Pakistan, Iran and India. "
    "Deputy Foreign Minister Hekmat Khalil Karzai will lead the delegation, the ministry said. "
    "Officials said the government wanted any peace process to be led by Afghans. "
    "Russia has said that talking to the Taliban is needed to fight the spread of Islamic State. "
    "Washington has declined an invitation to attend, a State Department spokesman said."
)
COPY = WIRE.replace("Afghan delegation heads to Moscow", "Kabul to join Moscow talks").replace(
    "Officials said the government wanted any peace process to be led by Afghans.",
    "A spokesman said Kabul would insist that Afghans lead any peace process.",
)
#: Another report of the same conference, written on its own.
OTHER_REPORT = (
    "Moscow conference opens without Washington\n\n"
    "Envoys from eleven countries gathered in Moscow on Friday for talks on Afghanistan, "
    "with the United States absent. "
    "Russian Foreign Minister Sergei Lavrov opened the meeting by calling for direct talks "
    "between Kabul and the Taliban. "
    "The Afghan delegation, led by Hekmat Khalil Karzai, said any peace process had to be "
    "led by Afghans. "
    "Pakistan and Iran backed the call for negotiations, while India urged caution."
)


def documents():
    return [
        build_document(WIRE, "wire"),
        build_document(OTHER_REPORT, "other"),
        build_document(COPY, "copy"),
    ]


def test_shingles_are_folded_word_five_grams():
    assert shingles("Talks in MOSCOW, then Doha: envoys agree.") == {
        "talks in moscow then doha",
        "in moscow then doha envoys",
        "moscow then doha envoys agree",
    }
    assert shingles("Café talks") == {"cafe talks"}
    assert shingles("") == frozenset()


def test_a_headline_is_not_compared():
    wire, _, copy = documents()
    assert wire.title != copy.title
    assert document_shingles(wire) == document_shingles(
        build_document(WIRE.replace("Afghan delegation heads to Moscow", "Other words"), "x")
    )
    assert containment(wire, copy) == pytest.approx(containment(copy, wire))


def test_a_copy_with_a_new_headline_and_one_changed_sentence_is_a_near_duplicate():
    wire, _, copy = documents()
    assert NEAR_DUPLICATE_CONTAINMENT <= containment(wire, copy) < 1
    found = find_near_duplicates(documents())
    assert found.groups == (("wire", "copy"),)
    assert found.group_of("copy") == ("wire", "copy")
    assert found.redundant == ("copy",)


def test_two_reports_of_the_same_event_are_not_near_duplicates():
    wire, other, _ = documents()
    assert containment(wire, other) < 0.2
    assert find_near_duplicates(documents()).group_of("other") == ("other",)


def test_the_seed_articles_all_on_the_moscow_talks_are_not_near_duplicates(seeds_corpus):
    found = find_near_duplicates(seeds_corpus)
    assert found.pairs == () and found.groups == () and len(found) == 0


def test_a_seed_copied_under_a_new_headline_is_found_among_the_seeds(seeds_corpus):
    seed = seeds_corpus[1]
    changed = seed.body[3].text
    copied = build_document(
        "Kabul looks to Moscow\n\n" + seed.raw.replace(changed, "Kabul denied the reports."),
        "copied",
    )
    found = find_near_duplicates([*seeds_corpus, copied])
    assert found.groups == ((seed.id, "copied"),)
    [pair] = found.pairs
    assert (pair.doc_id, pair.duplicate_of) == ("copied", seed.id)
    assert NEAR_DUPLICATE_CONTAINMENT <= pair.containment < 1


def test_the_pairs_frame_names_the_later_document_first():
    frame = find_near_duplicates(documents()).to_frame()
    assert tuple(frame.columns) == DUPLICATE_COLUMNS
    assert frame[["doc_id", "duplicate_of"]].values.tolist() == [["copy", "wire"]]
    assert frame["shared"].iloc[0] > 20


def test_copies_of_copies_join_one_group():
    assert duplicate_groups(6, [(4, 5), (1, 4), (0, 2)]) == [0, 1, 0, 3, 1, 1]
    third = build_document(COPY.replace("Kabul to join", "Kabul joins"), "third")
    found = find_near_duplicates([*documents(), third])
    assert found.groups == (("wire", "copy", "third"),)
    assert found.redundant == ("copy", "third")


def test_the_threshold_can_be_raised_and_is_checked():
    assert find_near_duplicates(documents(), threshold=1.0).groups == ()
    for wrong in (0, 1.5, "high", True):
        with pytest.raises(ValueError, match="threshold must be"):
            find_near_duplicates(documents(), threshold=wrong)


def test_documents_without_text_to_compare_are_no_ones_duplicates():
    empty = [build_document("", "empty"), build_document("", "also")]
    assert find_near_duplicates(empty).groups == ()
