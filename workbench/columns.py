"""The column names of every table the workbench makes, in one place.

Every result turns into a pandas DataFrame (``to_frame()``), and the same thing
has the same name in all of them (``doc_id``, ``sentence``, ``start``, ``end``,
``score``, ``rank``, ``text``, ...), so hits, summaries, answers and events can
be filtered and joined with each other. A sentence is always cited by
``doc_id`` with ``start`` and ``end``, offsets into that document's raw text.
"""

from __future__ import annotations

#: Columns of calendar dates in any frame (:func:`workbench.frames.typed_frame` types them).
DATE_COLUMNS = frozenset({"date", "published"})

#: Columns of identifiers and names, kept as strings (``<NA>`` when missing).
STRING_COLUMNS = frozenset({"doc_id", "id"})

#: How every card and table shows a missing value (:mod:`workbench.display`).
MISSING = "—"

#: :meth:`workbench.model.Document.to_frame`: one row a sentence.
SENTENCE_COLUMNS = ("doc_id", "sentence", "start", "end", "paragraph", "is_heading", "text")

#: :meth:`workbench.model.Document.removed_frame`: what cleaning left out, and why.
REMOVED_COLUMNS = ("doc_id", "start", "end", "reason", "text")

#: :meth:`workbench.model.Corpus.overview`: one row a document.
OVERVIEW_COLUMNS = ("doc_id", "title", "published", "source", "sentences", "words", "path")

#: :meth:`workbench.model.Corpus.documents_frame`: one row a document, with its text, which
#: :meth:`workbench.model.Corpus.from_frame` reads back.
DOCUMENT_COLUMNS = ("doc_id", "title", "published", "source", "url", "text")

#: :meth:`workbench.corpus.duplicates.NearDuplicates.to_frame`: one row a pair of
#: near-duplicate documents, the later one first.
DUPLICATE_COLUMNS = ("doc_id", "duplicate_of", "containment", "shared")

#: :meth:`workbench.model.Corpus.skipped_frame`: the files a load skipped, and why.
SKIPPED_COLUMNS = ("path", "reason")

#: :meth:`workbench.retrieval.SearchResult.to_frame`.
HIT_COLUMNS = (
    "rank", "doc_id", "score", "start", "end", "sentence", "sentences", "matched_terms",
    "duplicates", "text",
)  # fmt: skip

#: :meth:`workbench.retrieval.SearchResult.duplicates_frame`: one row a unit folded into
#: a hit, with the rank of that hit.
HIT_DUPLICATE_COLUMNS = ("rank", "doc_id", "sentence", "start", "end", "score", "reason")

#: :meth:`workbench.summaries.Summary.to_frame`.
SUMMARY_COLUMNS = ("doc_id", "sentence", "start", "end", "score", "text")

#: :meth:`workbench.summaries.Summary.ranking_frame`.
RANKING_COLUMNS = ("rank", "doc_id", "sentence", "start", "end", "score", "chosen", "text")

#: :meth:`workbench.qa.Answer.to_frame`: the evidence sentences, best first.
EVIDENCE_COLUMNS = ("rank", "doc_id", "sentence", "start", "end", "score", "text")

#: :meth:`workbench.qa.Answer.explain`: the candidate, then the ranker's feature columns,
#: then :data:`CONSIDERED_SCORE_COLUMNS`.
CONSIDERED_COLUMNS = ("rank", "candidate", "label", "doc_id", "start", "end")

#: :meth:`workbench.qa.Answer.explain`: what the ranker made of the candidate's features.
CONSIDERED_SCORE_COLUMNS = ("score", "margin", "confidence", "chosen")

#: :meth:`workbench.events.EventTable.to_frame`.
EVENT_COLUMNS = (
    "doc_id", "sentence", "start", "end", "host", "event", "place", "when", "date",
    "granularity", "participants", "verb", "confidence", "family", "evidence", "also_in",
    "also_reported", "text",
)  # fmt: skip

#: :meth:`workbench.events.EventTable.by_host`: one row a host.
HOST_COLUMNS = ("host", "events", "documents", "when")

#: :meth:`workbench.qa.Answer.to_row`: an answer and the sentence it cites, flat.
ANSWER_ROW_COLUMNS = (
    "answer",
    "date",
    "granularity",
    "confidence",
    "doc_id",
    "sentence",
    "start",
    "end",
    "text",
)

#: :meth:`workbench.export.Briefing.to_frame`: each question, its answer and the cited sentence.
ANSWER_COLUMNS = ("id", "question", *ANSWER_ROW_COLUMNS)

#: :func:`workbench.qa.answers_frame`: answers asked in a notebook, with their answer type.
ASKED_COLUMNS = ("question", "answer", "answer_type", *ANSWER_ROW_COLUMNS[1:])

#: :meth:`workbench.evaluate.qa.QAScore.to_frame`.
QA_COLUMNS = ("id", "kind", "question", "expected", "answer", "confidence", "doc_id", "correct")

#: :meth:`workbench.notebook.follow_ups.FollowUpAnswers.to_frame`: what the table and the
#: answerer each say.
FOLLOW_UP_COLUMNS = ("question", "events table", "answer", "confidence", "source")
