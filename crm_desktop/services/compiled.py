"""Statements a list runs again and again (its count, its pages), compiled to SQL once per
shape of list and run on the DB-API connection.

Through a session, each page of a list builds its statement anew, hashes it to find the
compiled SQL, opens a session and a transaction, and hands its rows through result objects:
at 200 rows that is twice the time SQLite takes to read them. A `Compiled` statement keeps
the SQL, the values compiled into it (a filter's value, already converted for the
database), the places of the values that change from call to call (a page's LIMIT and
OFFSET), and the conversion each result column needs (UTC instants, booleans), so a call is
one `execute` and one pass over the rows, and the rows are the ones the session would give
(and pass the engine's events, as every statement does).

Only for statements whose SQL depends on nothing but their shape: a filter that compares
with "now" or "today" would be compiled with the moment it was first read."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Dialect, Integer, Select, bindparam
from sqlalchemy.sql.elements import BindParameter

from crm_desktop.db.engine import Database

#: how many compiled statements a service keeps before starting again
KEPT = 64
_MISSING = object()


def slot(name: str) -> BindParameter[int]:
    """A value that changes from call to call (an integer: a LIMIT, an OFFSET)."""
    return bindparam(name, type_=Integer())


class NotCompilable(Exception):
    """A statement whose SQL changes with its values (IN lists expanded when run)."""


@dataclass(frozen=True)
class Compiled:
    sql: str
    # the parameters in order, the slots' places holding None
    params: tuple[Any, ...]
    # (slot name, place in `params`)
    slots: tuple[tuple[str, int], ...]
    keys: tuple[str, ...]
    # (column, conversion) for the columns the database hands back in another form
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]

    def _read(self, db: Database, values: dict[str, int]) -> Sequence[Sequence[Any]]:
        params = list(self.params)
        for name, place in self.slots:
            params[place] = values[name]
        return db.read_rows(self.sql, params)

    def rows(self, db: Database, **values: int) -> list[tuple[Any, ...]]:
        """The rows as tuples, converted (None stays None: no conversion needs it)."""
        converted = []
        for row in self._read(db, values):
            items = list(row)
            for column, process in self.processors:
                if items[column] is not None:
                    items[column] = process(items[column])
            converted.append(tuple(items))
        return converted

    def dicts(self, db: Database, **values: int) -> list[dict[str, Any]]:
        """The rows as dicts of their columns, converted."""
        keys = self.keys
        named = [(keys[column], process) for column, process in self.processors]
        out = []
        for row in self._read(db, values):
            item = dict(zip(keys, row, strict=True))
            for key, process in named:
                value = item[key]
                if value is not None:
                    item[key] = process(value)
            out.append(item)
        return out


def compile_select(stmt: Select[Any], dialect: Dialect, slots: Iterable[str] = ()) -> Compiled:
    """`stmt` compiled for `dialect`; the bound parameters named in `slots` are given on
    each call, every other value is the one compiled into the statement."""
    compiled = stmt.compile(dialect=dialect)
    if "POSTCOMPILE" in compiled.string or compiled.positiontup is None:
        raise NotCompilable(compiled.string)
    wanted = set(slots)
    values = compiled.construct_params({name: 0 for name in wanted})
    params: list[Any] = []
    places: list[tuple[str, int]] = []
    for place, name in enumerate(compiled.positiontup):
        bind = compiled.binds[name]
        if bind.expanding:
            raise NotCompilable(name)
        if name in wanted:
            places.append((name, place))
            params.append(None)
            continue
        process = bind.type.dialect_impl(dialect).bind_processor(dialect)
        value = values[name]
        params.append(process(value) if process is not None else value)
    if {name for name, _place in places} != wanted:
        raise NotCompilable(f"slots {wanted} not all in the statement")
    processors = []
    for column, element in enumerate(stmt.selected_columns):
        process = element.type.dialect_impl(dialect).result_processor(dialect, None)
        if process is not None:
            processors.append((column, process))
    return Compiled(compiled.string, tuple(params), tuple(places),
                    tuple(stmt.selected_columns.keys()), tuple(processors))


class StatementCache:
    """Compiled statements by shape (a hashable key that names everything their SQL
    depends on), a few dozen at most."""

    def __init__(self, dialect: Dialect):
        self.dialect = dialect
        self._kept: dict[Hashable, Compiled | None] = {}

    def get(self, key: Hashable, build: Callable[[], Select[Any]],
            slots: Iterable[str] = ()) -> Compiled | None:
        """The statement of this shape, compiled the first time; None when it cannot be
        (the caller reads through a session)."""
        kept = self._kept.get(key, _MISSING)  # (one look-up: another thread may clear)
        if kept is not _MISSING:
            return kept  # type: ignore[return-value]
        try:
            found: Compiled | None = compile_select(build(), self.dialect, slots)
        except NotCompilable:
            found = None
        if len(self._kept) >= KEPT:
            self._kept.clear()
        self._kept[key] = found
        return found
