"""tarikh (تاريخ): Arabic news articles in, temporal expressions and a reconciled event timeline out.

The same pipeline as the ``tarikh`` command-line tool (a Rust library), so the answers are the
same byte for byte. Three entry points:

>>> import tarikh
>>> tarikh.parse("مساء الجمعة", ref="2017-05-06")["value"]
'2017-05-05TEV'
>>> [t["value"] for t in tarikh.tag("وصل الوفد أمس", published="2017-05-06")]
['2017-05-05']
>>> timeline = tarikh.Timeline.from_documents([
...     {"id": "a", "text": "جرت الانتخابات الرئاسية يوم الأحد 7 مايو 2017", "published_at": "2017-05-08",
...      "timezone": "Europe/Paris"},
... ])
>>> [(e["event_type"], e["earliest_start"], e["latest_end"]) for e in timeline.events]
[('election_round', '2017-05-07T00:00+02:00', '2017-05-08T00:00+02:00')]

Every call releases the GIL while Rust works, so threads run in parallel; the grammar is compiled
once per process, on first use. Bad arguments raise :class:`ValueError` with the pipeline's own
message; :class:`TarikhError` means the built-in data itself would not load.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Literal, Mapping, Optional, Union

from . import _native
from ._native import TarikhError
from ._types import (
    ConflictRow,
    DocumentRow,
    EventRow,
    Expression,
    MentionRow,
    RelationRow,
    TimexRow,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__version__: str = _native.__version__

__all__ = [
    "parse",
    "tag",
    "Timeline",
    "TarikhError",
    "TABLES",
    "ROW_TYPES",
    "records_to_csv",
    "Expression",
    "TimexRow",
    "DocumentRow",
    "MentionRow",
    "EventRow",
    "RelationRow",
    "ConflictRow",
    "__version__",
]

DateLike = Union[str, _dt.date, _dt.datetime]
"""A day or an instant: ``"2017-05-06"``, ``"2017-05-06T10:00+02:00"``, a :class:`datetime.date`
or a :class:`datetime.datetime` (an aware one keeps its offset)."""

Prefer = Literal["nearest", "past", "future"]

TableName = Literal[
    "documents", "timex", "event_mentions", "timeline", "relations", "conflicts",
    "timexes", "mentions", "events",
]

TABLES: Dict[str, List[str]] = {name: list(columns) for name, columns in _native.tables()}
"""The output tables (``timex`` is ``timex.csv``) and their columns, in the order ``tarikh run``
writes them."""

ROW_TYPES: Dict[str, type] = {
    "documents": DocumentRow,
    "timex": TimexRow,
    "event_mentions": MentionRow,
    "timeline": EventRow,
    "relations": RelationRow,
    "conflicts": ConflictRow,
}
"""The typed dict of each table's rows (``typing.get_type_hints`` gives the column types: what a
Spark or Arrow schema is built from)."""

# The attribute names of Timeline, as alternative names of the tables.
_ALIASES = {"timexes": "timex", "mentions": "event_mentions", "events": "timeline"}


def _table(name: str) -> str:
    table = _ALIASES.get(name, name)
    if table not in TABLES:
        known = ", ".join(list(TABLES) + list(_ALIASES))
        raise ValueError(f"no table named {name!r}; the tables are {known}")
    return table


def _missing(value: Any) -> bool:
    """None, NaN and NaT (what pandas puts in an empty cell)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def _datetime_text(value: Any, what: str) -> Optional[str]:
    """A date argument as the ISO text the pipeline reads (``YYYY-MM-DD[THH:MM[:SS][±HH:MM]]``).

    A naive datetime at exactly midnight is read as its day: it is how pandas holds dates.
    """
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        # pandas holds a column of days as naive timestamps at midnight: that is a day, not a time
        if value.tzinfo is None and value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(timespec="seconds")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if hasattr(value, "isoformat"):  # numpy / pyarrow scalars that behave like dates
        return str(value.isoformat())
    raise TypeError(f"{what} must be a str, datetime.date or datetime.datetime, not {type(value).__name__}")


def _text(value: Any, what: str) -> Optional[str]:
    if _missing(value):
        return None
    if isinstance(value, str):
        return value
    raise TypeError(f"{what} must be a str, not {type(value).__name__}")


def parse(
    text: str,
    ref: DateLike,
    prefer: Prefer = "nearest",
    timezone: str = "UTC",
) -> Optional[Expression]:
    """Resolve the longest temporal expression in ``text`` against the reference time ``ref``.

    ``prefer`` says which way a bare weekday, month or clock time points when the words do not say
    (``"nearest"``, ``"past"`` or ``"future"``); ``timezone`` is the IANA zone the reference is in
    (a phrase has no place of its own: UTC unless given).
    Returns the expression's ``start``/``end`` (code point offsets into ``text``), ``text``,
    ``type``, TIMEX3 ``value``, ``anchor``, ``rule``, ``mod``, ``interval_start``/``interval_end``
    and ``timezone`` (the IANA zone the phrase states, «بتوقيت مكة» → ``Asia/Riyadh``, else ``""``),
    or ``None`` when ``text`` holds no temporal expression. This is ``tarikh parse``.

    >>> parse("منتصف الليل", ref="2017-05-06")["value"]
    '2017-05-06T00:00'
    >>> import datetime
    >>> parse("الأسبوع قبل الماضي", ref=datetime.date(2017, 5, 6))["value"]
    '2017-W16'
    >>> parse("الجمعة", ref="2017-05-06", prefer="future")["value"]
    '2017-05-12'
    >>> parse("لا شيء هنا", ref="2017-05-06") is None
    True
    """
    reference = _datetime_text(ref, "ref")
    if reference is None:
        raise ValueError("ref: a reference date is required, e.g. ref='2017-05-06'")
    return _native.parse(text, reference, prefer, timezone)  # type: ignore[return-value]


def tag(
    text: str,
    published: Optional[DateLike] = None,
    timezone: Optional[str] = None,
    *,
    id: str = "doc",
) -> List[TimexRow]:
    """Find and resolve every temporal expression of one article, as ``tarikh tag`` does.

    ``published`` is the article's publication date or time (without it the day is inferred from
    the text); ``timezone`` the IANA zone of the story (without it, the zone is read from the
    article's dateline or the places it names, else UTC). Returns one dict per
    expression, in text order, with the columns of ``timex.csv``: ``doc`` (``id``), ``start``,
    ``end``, ``text``, ``type``, ``value``, ``anchor``, ``rule``, ``mod``, ``interval_start``,
    ``interval_end``, ``timezone`` (the zone the text states for it, else ``""``). A bad ``published`` or
    ``timezone``, or a text that is not an article (a NUL byte, over 16 MiB), raises ValueError.

    >>> [(t["text"], t["value"]) for t in tag("مساء الجمعة الماضي", published="2017-05-06")]
    [('مساء الجمعة الماضي', '2017-05-05TEV')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return _native.tag(text, _datetime_text(published, "published"), _text(timezone, "timezone"), str(id))  # type: ignore[return-value]


def records_to_csv(table: TableName, records: Iterable[Union[Mapping[str, Any], str]], *, excel: bool = False) -> str:
    """Write rows of one table (dicts, or their JSON) as CSV text, exactly as ``tarikh run`` writes
    that file: RFC 4180 with CRLF line ends, formula-like cells neutralised, a byte-order mark
    first when ``excel``. This is how rows computed elsewhere (Spark executors) become tarikh's CSV.
    """
    lines = [r if isinstance(r, str) else _json.dumps(dict(r), ensure_ascii=False) for r in records]
    return _native.json_to_csv(_table(table), lines, excel)


def _documents(documents: Any) -> List[tuple]:
    if hasattr(documents, "to_dict") and hasattr(documents, "columns"):  # a pandas DataFrame
        documents = documents.to_dict("records")
    if isinstance(documents, (str, bytes)) or isinstance(documents, Mapping):
        raise TypeError("documents must be an iterable of mappings with `id` and `text`, e.g. [{'id': 'a', 'text': '...'}]")
    rows = []
    for i, d in enumerate(documents, start=1):
        if not isinstance(d, Mapping):
            raise TypeError(f"document {i} is a {type(d).__name__}, not a mapping with `id` and `text`")
        for key in ("id", "text"):
            if _missing(d.get(key)):
                raise ValueError(f"document {i} has no `{key}`")
        if not isinstance(d["text"], str):
            raise TypeError(f"document {i}: text must be a str, not {type(d['text']).__name__}")
        rows.append((
            str(d["id"]),
            d["text"],
            _datetime_text(d.get("published_at"), f"document {i}: published_at"),
            _text(d.get("timezone"), f"document {i}: timezone"),
            _text(d.get("country"), f"document {i}: country"),
        ))
    return rows


class Timeline:
    """The reconciled timeline of a story: every table ``tarikh run`` writes, as lists of dicts.

    Build it with :meth:`from_documents`. The attributes :attr:`documents`, :attr:`timexes`,
    :attr:`mentions`, :attr:`events`, :attr:`relations` and :attr:`conflicts` hold the rows of
    ``documents.csv``, ``timex.csv``, ``event_mentions.csv``, ``timeline.csv``, ``relations.csv``
    and ``conflicts.csv``, keyed by their columns (numbers as ``int``, an open time bound as
    ``None``, times as ISO 8601 text with their offset).
    """

    __slots__ = ("_native",)

    def __init__(self, native: "_native.Timeline") -> None:
        self._native = native

    @classmethod
    def from_documents(
        cls,
        documents: Union[Iterable[Mapping[str, Any]], "pandas.DataFrame"],
        *,
        timezone: Optional[str] = None,
        fallback_date: Optional[DateLike] = None,
    ) -> "Timeline":
        """Run the whole pipeline over the articles of one story, as ``tarikh run`` runs a corpus.

        ``documents`` is an iterable of mappings (or a pandas DataFrame) with ``id`` and ``text``
        and, optionally, ``published_at`` (str, date or datetime; inferred from the text when
        missing), ``timezone`` (IANA name; default ``timezone``, else read from the article's dateline
        or the places it names, else UTC) and ``country``. They are processed
        in the order given. Metadata that cannot be read is not fatal: the document's ``status``
        in :attr:`documents` says what was wrong and what was done, as in ``documents.csv``; an
        article that cannot be processed at all (a NUL byte) has ``status`` ``error: …``.
        ``fallback_date`` is the day used when neither metadata nor text gives one; without it such
        a day is ``unknown`` (``published_at`` None) and the expressions counted from it keep only
        what their words say.

        >>> tl = Timeline.from_documents([{"id": "a", "text": "جرت الانتخابات الأحد", "published_at": "2017-05-08"}])
        >>> tl.documents[0]["basis"], tl.events[0]["event_type"]
        ('metadata', 'election_round')
        """
        fallback = _datetime_text(fallback_date, "fallback_date")
        return cls(_native.Timeline.from_documents(_documents(documents), _text(timezone, "timezone"), fallback))

    def records(self, table: TableName) -> List[Dict[str, Any]]:
        """The rows of one table: ``documents``, ``timex``, ``event_mentions``, ``timeline``,
        ``relations`` or ``conflicts`` (or the attribute names ``timexes``, ``mentions``,
        ``events``)."""
        return self._native.records(_table(table))

    @property
    def documents(self) -> List[DocumentRow]:
        """One row per input document (``documents.csv``)."""
        return self._native.records("documents")  # type: ignore[return-value]

    @property
    def timexes(self) -> List[TimexRow]:
        """Every temporal expression (``timex.csv``)."""
        return self._native.records("timex")  # type: ignore[return-value]

    @property
    def mentions(self) -> List[MentionRow]:
        """Every event mention and the event it was merged into (``event_mentions.csv``)."""
        return self._native.records("event_mentions")  # type: ignore[return-value]

    @property
    def events(self) -> List[EventRow]:
        """The reconciled events with their time bounds (``timeline.csv``)."""
        return self._native.records("timeline")  # type: ignore[return-value]

    @property
    def relations(self) -> List[RelationRow]:
        """Relations between events stated in the texts (``relations.csv``)."""
        return self._native.records("relations")  # type: ignore[return-value]

    @property
    def conflicts(self) -> List[ConflictRow]:
        """Contradictions between the sources (``conflicts.csv``)."""
        return self._native.records("conflicts")  # type: ignore[return-value]

    def to_pandas(self, table: TableName = "events") -> "pandas.DataFrame":
        """One table as a pandas DataFrame, its columns in file order (needs pandas).

        >>> Timeline.from_documents([{"id": "a", "text": "وصل أمس", "published_at": "2017-05-06"}]).to_pandas("timexes")["value"].tolist()
        ['2017-05-05']
        """
        try:
            import pandas
        except ImportError as e:  # pragma: no cover - exercised only without pandas
            raise ImportError("Timeline.to_pandas needs pandas: pip install pandas") from e
        name = _table(table)
        return pandas.DataFrame(self._native.records(name), columns=TABLES[name])

    def to_json(self, table: TableName) -> List[str]:
        """The rows of one table as JSON objects, one string per row (what a Spark job ships)."""
        return self._native.json(_table(table))

    def to_csv(self, table: TableName, path: Union[str, "_os.PathLike[str]", None] = None, *, excel: bool = False) -> str:
        """One table as CSV text, byte for byte as ``tarikh run`` writes it; also written to
        ``path`` when given (opened with ``newline=""``, so the CRLF line ends stay)."""
        text = self._native.csv(_table(table), excel)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        return text

    def write(self, out: Union[str, "_os.PathLike[str]"], *, excel: bool = False) -> str:
        """Write every file ``tarikh run`` writes (the six CSV tables, ``timeline.svg``,
        ``timeline.html``, ``timeml/``) into the folder ``out``, atomically. Returns the summary."""
        return self._native.write(_os.fspath(out), excel)

    def __repr__(self) -> str:
        docs, events, relations, conflicts = self._native.counts()
        return f"<tarikh.Timeline: {docs} documents, {events} events, {relations} relations, {conflicts} conflicts>"
