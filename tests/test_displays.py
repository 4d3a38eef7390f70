"""How results show in a notebook: each cites its document and offsets, marks what matters,
and escapes the article's text.

Results are built directly from a small article, so these tests need no spaCy.
"""

from __future__ import annotations

from datetime import date

from workbench.corpus.document import build_document
from workbench.display import code, one_line
from workbench.events import Event, EventTable
from workbench.model import Corpus
from workbench.qa.answer import Answer, Evidence
from workbench.retrieval.hits import Hit

TEXT = (
    "Oslo will host <b>fisheries</b> talks on March 3, officials said. "
    "The talks follow a summit in Bergen."
)


def _event(**changes) -> Event:
    first = TEXT.index(".") + 1
    values = dict(
        host="Oslo",
        event="fisheries talks",
        place="Oslo",
        when="March 3",
        date=date(2026, 3, 3),
        granularity="day",
        participants=("Norway", "Iceland"),
        doc_id="oslo",
        sentence=0,
        start=0,
        end=first,
        text=TEXT[:first],
        verb="host",
        confidence=0.9,
    )
    values.update(changes)
    return Event(**values)


def test_the_event_table_cites_offsets_and_marks_host_and_date_in_the_sentence():
    shown = EventTable((_event(),))._repr_html_()
    source = f"<td>{one_line('oslo')}<br><small>{one_line('0–65')}</small></td>"
    assert f"{source}<td>hosting</td><td>Oslo<br><small>named as host</small></td>" in shown
    when = f"<td>March 3<br><small>{one_line('2026-03-03')}</small></td>"
    assert f"{when}<td>Norway; Iceland</td>" in shown
    assert (
        "<mark>Oslo</mark> will host &lt;b&gt;fisheries&lt;/b&gt; talks on <mark>March 3</mark>"
        in (shown)
    )
    assert "<b>" not in shown


def test_an_undated_event_with_a_host_the_sentence_does_not_name_shows_empty_cells():
    shown = EventTable((_event(host="Norway", when=None, date=None, participants=()),))
    html = shown._repr_html_()
    assert "NaN" not in html and "None" not in html
    assert "<mark>" not in html
    assert "<td>Norway<br><small>named as host</small></td>" in html
    assert "<td>—</td>" in html  # no date expression, and no participant


def test_the_answer_card_cites_the_answer_shows_its_date_and_the_alternatives():
    start = TEXT.index("March 3")
    evidence = Evidence("oslo", TEXT[:65], 0, 65, 0.42, sentence=0)
    answer = Answer(
        "When will Oslo host the talks?",
        "March 3",
        0.81,
        "DATE/TIME",
        (evidence,),
        doc_id="oslo",
        start=start,
        end=start + len("March 3"),
        label="DATE",
        alternatives=(("Bergen", 0.2),),
        date="2026-03-03",
    )
    card = answer._repr_html_()
    assert f"<strong>March 3</strong> {code(f'oslo[{start}:{start + 7}]')}" in card
    assert "(resolved: 2026-03-03)" in card
    assert "Also considered: Bergen (0.20)" in card  # built by hand: no ranker's score known
    assert "talks on <mark>March 3</mark>, officials said." in card
    assert f"{code('oslo[0:65]')} <small>score 0.420</small>" in card


def test_an_answer_without_evidence_says_no_sentence_matched():
    card = Answer("Who won?", None, 0.0, "PERSON", ())._repr_html_()
    assert "<strong>No answer</strong>" in card
    assert "No sentence matched." in card
    assert "Also considered" not in card


def test_a_single_hit_shows_its_rank_citation_score_and_matched_words():
    hit = Hit("oslo", 2, 0.5, TEXT[:65], 0, 65, (0,), ("fisheries", "talks"))
    shown = hit._repr_html_()
    assert shown.startswith(f"<p><strong>2.</strong> {code('oslo[0:65]')} <small>score 0.500")
    assert "&lt;b&gt;<mark>fisheries</mark>&lt;/b&gt; <mark>talks</mark>" in shown


def test_a_document_lists_what_cleaning_removed_with_the_source_text():
    raw = "OSLO (Reuters) - Norway will host talks.\nAll rights reserved."
    document = build_document(raw, "oslo")
    removed = document.removed_frame()
    assert list(removed.columns) == ["doc_id", "start", "end", "reason", "text"]
    for row in removed.itertuples():
        assert raw[row.start : row.end] == row.text
    assert list(removed["reason"]) == ["dateline", "licence notice"]
    empty = Corpus((build_document("Norway will host talks.", "plain"),))
    assert list(empty[0].removed_frame().columns) == ["doc_id", "start", "end", "reason", "text"]


def test_a_large_corpus_card_shows_its_first_rows_and_how_to_see_the_rest():
    documents = tuple(
        build_document(f"Talks number {i} went on for days in Doha.", f"d{i:04d}")
        for i in range(2000)
    )
    html = Corpus(documents)._repr_html_()
    kept = '<td><span style="white-space:nowrap">d'  # each id on one line
    assert html.count(kept) == 20 and "d0019" in html and "d0020" not in html
    assert "1,980 more rows (20 of 2,000 shown); corpus.overview() has them all" in html
    assert len(html) < 20_000  # not the 500 KB of every row
    assert "None" not in html and "NaN" not in html and "—" in html  # one way to show missing


def test_a_large_event_table_card_shows_its_first_rows():
    shown = EventTable(tuple(_event(host=f"Host{i}") for i in range(30)))
    html = shown._repr_html_()
    assert "Host19" in html and "Host20" not in html
    assert "10 more rows (20 of 30 shown); its .to_frame() has them all" in html


def test_a_host_is_marked_as_a_whole_word_only():
    text = "The Qatari capital hosted talks; Qatar paid for them."
    event = _event(host="Qatar", when=None, date=None, text=text, start=0, end=len(text))
    html = EventTable((event,))._repr_html_()
    assert "<mark>Qatar</mark> paid" in html and "<mark>Qatar</mark>i" not in html


def test_a_long_hit_is_cut_at_word_boundaries():
    from workbench.retrieval.hits import highlight_html

    text = "Officials said the delegations arrived in Moscow on Friday for three days of talks"
    shown = highlight_html(text, ["moscow"], 40)
    words = set(text.split())
    inner = shown.strip("…").replace("<mark>", "").replace("</mark>", "")
    assert all(word in words for word in inner.split())


def test_the_card_shows_confidence_as_a_bar_with_the_threshold_and_the_type_in_words():
    evidence = (
        Evidence("oslo", TEXT[:20], 0, 20, 0.4, 0),
        Evidence("oslo", TEXT[21:40], 21, 40, 0.9, 1),
        Evidence("oslo", TEXT[41:60], 41, 60, 0.6, 2),
    )
    answer = Answer(
        "Who will host the talks?", None, 0.31, "PERSON/ORG/GPE", evidence, threshold=0.52,
        alternatives=(("Oslo", 0.2), ("Bergen", 0.31)),
    )  # fmt: skip
    card = answer._repr_html_()
    assert 'role="meter"' in card and "confidence 0.31 (answers from 0.52)" in card
    assert "a person, an organisation or a country, city or state" in card
    assert "PERSON/ORG" not in card
    assert card.index("Bergen (0.31)") < card.index("Oslo (0.20)")  # also considered, sorted
    shown = [card.index(f"[{item.start}:{item.end}]") for item in evidence]
    assert shown[1] < shown[2] < shown[0]  # no answer: the evidence by the score it shows


def _dated_corpus() -> Corpus:
    """Three wire stories in file order, published out of it; one undated."""
    stories = [
        ("a-march", "Oslo hosted fisheries talks in March.", date(2026, 3, 9)),
        ("b-undated", "Bergen will host a summit on fisheries.", None),
        ("c-january", "Norway opened fisheries talks in January.", date(2026, 1, 12)),
    ]
    return Corpus(
        tuple(build_document(text, doc_id, published=day) for doc_id, text, day in stories)
    )


def test_the_corpus_card_lists_articles_by_date_and_the_corpus_keeps_its_file_order():
    corpus = _dated_corpus()
    assert corpus.by_date().ids == ("c-january", "a-march", "b-undated")
    assert corpus.ids == ("a-march", "b-undated", "c-january") and corpus[0].id == "a-march"
    assert list(corpus.overview()["doc_id"]) == list(corpus.ids)
    html = corpus._repr_html_()
    assert html.index("c-january") < html.index("a-march") < html.index("b-undated")
    assert "By publication date, the earliest first; undated last." in html


def test_an_undated_corpus_card_keeps_the_file_order_and_says_nothing_of_dates():
    corpus = Corpus(tuple(build_document("Talks went on.", name) for name in ("b", "a")))
    assert corpus.by_date().ids == ("b", "a")
    html = corpus._repr_html_()
    assert html.index(f"<td>{one_line('b')}</td>") < html.index(f"<td>{one_line('a')}</td>")
    assert "publication date" not in html


def test_articles_dated_with_a_time_and_with_a_day_sort_together():
    from datetime import date, datetime

    from workbench.corpus.document import build_document
    from workbench.model import Corpus

    timed = build_document("Talks opened in Doha.", "timed", published=datetime(2020, 1, 2, 10))
    daily = build_document("Talks ended in Doha.", "daily", published=date(2020, 1, 1))
    assert timed.published == date(2020, 1, 2)
    assert Corpus((timed, daily)).by_date().ids == ("daily", "timed")


def test_a_card_shows_a_published_day_without_a_time_of_day(seeds_corpus):
    card = seeds_corpus._repr_html_()
    assert "2021-07-17" in card and "00:00:00" not in card


def test_a_wire_story_whose_first_line_is_its_title_shows_the_title_once(tmp_path):
    from workbench import load_corpus

    (tmp_path / "reuters-1.txt").write_text(
        "BAHIA  COCOA REVIEW\n\nShowers continued throughout the week in the Bahia cocoa zone.\n",
        encoding="utf-8",
    )  # as benchmarks/screenshots.py writes Reuters records: title, blank line, body
    document = load_corpus(tmp_path)[0]
    assert document.title == "BAHIA  COCOA REVIEW" and document.sentences[0].is_heading
    card = document._repr_html_()
    assert card.count("BAHIA  COCOA REVIEW") == 1  # the bold header repeated it
    assert '<h4 title="reuters-1[0:19]">BAHIA  COCOA REVIEW</h4>' in card
    titled = build_document("Oslo will host talks.", "oslo", title="Talks in Oslo")
    assert "<strong>Talks in Oslo</strong>" in titled._repr_html_()  # a title not in the text
