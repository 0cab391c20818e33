"""The rows tarikh returns, as typed dicts: one per output table, keyed by the CSV columns.

A test checks these keys against the columns the Rust pipeline writes, so they cannot drift.
"""

from __future__ import annotations

from typing import Optional, TypedDict

__all__ = ["Expression", "TimexRow", "DocumentRow", "MentionRow", "EventRow", "RelationRow", "ConflictRow"]

# `type` and `mod` are column names, so these use the functional form.
Expression = TypedDict(
    "Expression",
    {
        "start": int,  # code point offset into the text
        "end": int,  # exclusive
        "text": str,  # the expression as written
        "type": str,  # DATE, TIME, DURATION, SET
        "value": str,  # TIMEX3 value
        "anchor": str,  # dct, explicit, narrative, event
        "rule": str,  # the grammar rule that matched
        "mod": str,  # APPROX, START, … or ""
        "interval_start": str,  # first instant the value denotes (ISO 8601 with offset), or ""
        "interval_end": str,  # first instant after it (exclusive), or ""
        "timezone": str,  # IANA zone the text states («بتوقيت مكة» → Asia/Riyadh), or ""
    },
)
"""What :func:`tarikh.parse` returns: a temporal expression and its value."""

TimexRow = TypedDict(
    "TimexRow",
    {
        "doc": str,
        "start": int,
        "end": int,
        "text": str,
        "type": str,
        "value": str,
        "anchor": str,
        "rule": str,
        "mod": str,
        "interval_start": str,
        "interval_end": str,
        "timezone": str,  # IANA zone the text itself states for the expression, or ""
    },
)
"""A row of ``timex.csv``: what :func:`tarikh.tag` returns per expression."""


class DocumentRow(TypedDict):
    """A row of ``documents.csv``."""

    doc: str
    published_at: Optional[str]  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM+HH:MM when a time was given; None when unknown or unread
    basis: Optional[str]  # metadata, inferred, default or unknown
    chars: int
    timexes: int
    events: int
    timezone: Optional[str]
    evidence: str  # what the publication day was inferred from
    status: str  # ok, "ok; warning", or "error: reason"
    story: str  # the story the document was grouped into (S1, S2 …)
    timezone_basis: Optional[str]  # metadata, option, dateline, places, story or default
    timezone_evidence: str  # what the zone was read from
    story_words: str  # the words the story's articles share most, as written, joined by «، »


class MentionRow(TypedDict):
    """A row of ``event_mentions.csv``."""

    doc: str
    start: int
    end: int
    trigger: str
    event_type: str
    time_value: str  # the value of the expression that dates it, or ""
    event_id: str  # the timeline event it belongs to


class EventRow(TypedDict):
    """A row of ``timeline.csv``: a reconciled event and its time bounds (None when open)."""

    event_id: str
    event_type: str
    label: str
    earliest_start: Optional[str]
    latest_start: Optional[str]
    earliest_end: Optional[str]
    latest_end: Optional[str]
    granularity: str
    docs: str  # document ids joined by ";"
    mentions: int
    evidence: str  # doc:start-end joined by ";"
    status: str
    importance: int  # how much it matters to its story (documents, mentions, a stated date)
    story: str  # the story its documents were grouped into (S1, S2 …)


class RelationRow(TypedDict):
    """A row of ``relations.csv``."""

    source_event: str
    relation: str
    target_event: str
    offset_min: Optional[str]  # ISO 8601 duration, None when unbounded
    offset_max: Optional[str]
    doc: str
    start: int
    end: int
    evidence: str
    story: str  # the story of the document stating it


class ConflictRow(TypedDict):
    """A row of ``conflicts.csv``."""

    conflict_id: str
    kind: str
    docs: str
    evidence: str
    resolution: str
    events: str  # ids of the timeline events involved, joined by ";"
    story: str  # the story of the documents involved
