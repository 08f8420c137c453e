"""The few SQL pieces SQLite and PostgreSQL spell differently, in one place.

Everything else the services write is plain SQLAlchemy that compiles on both. What is
here compiles per dialect (`@compiles`), so a statement built once runs on either
database; SQLite keeps the exact SQL (and speed) it had before PostgreSQL came.

- date and time: `seconds_between`, `micros_between` (exact durations), `month_day`;
- text: `doc_number` (printf('%d-%04d')), `digits_only` (GLOB '*[^0-9]*');
- JSON: `json_object` (the audit log's "create" rows), `json_array_items`/`json_text`;
- planner hints: `unindexed` (SQLite's unary +);
- statements written as text for DB-API speed: `portable` turns SQLite's `?` into
  psycopg's `%s`; `upsert_sql` is INSERT OR REPLACE / INSERT ... ON CONFLICT;
- ids given by the program (bulk loads): `sync_ids` moves PostgreSQL's sequence past them;
- serialising writers on a server: `WRITE_LOCK` (see db/engine.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, ClassVar

from sqlalchemy import Integer, String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement, GenericFunction
from sqlalchemy.sql.visitors import InternalTraversal

#: pg_advisory_xact_lock key every write transaction on a server takes first ("CRMW"):
#: PostgreSQL's counterpart of SQLite's BEGIN IMMEDIATE (db/engine.py).
WRITE_LOCK = 0x43524D57


# -- dates and times -----------------------------------------------------------------------
class seconds_between(FunctionElement[int]):
    """end - start in whole seconds (fractions of a second left to micros_between)."""

    type = Integer()
    inherit_cache = True
    name = "seconds_between"


@compiles(seconds_between, "sqlite")
def _seconds_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    # from the stored text without its fraction ("YYYY-MM-DD HH:MM:SS"): julianday keeps
    # milliseconds and rounds (…:59.999999 would read as the next second); the difference
    # of two whole-second julian days, times 86,400, is within 1e-4 of an integer and
    # rounds to it (strftime('%s') is exact too, and takes twice as long)
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return (f"CAST(round((julianday(substr({end}, 1, 19)) - "
            f"julianday(substr({start}, 1, 19))) * 86400) AS INTEGER)")


@compiles(seconds_between, "postgresql")
def _seconds_pg(element: Any, compiler: Any, **kw: Any) -> str:
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return (f"CAST(EXTRACT(EPOCH FROM date_trunc('second', {end}) - "
            f"date_trunc('second', {start})) AS BIGINT)")


class micros_between(FunctionElement[int]):
    """The difference of the microseconds parts of two instants."""

    type = Integer()
    inherit_cache = True
    name = "micros_between"


@compiles(micros_between, "sqlite")
def _micros_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(substr({end}, 21, 6) AS INTEGER) - CAST(substr({start}, 21, 6) AS INTEGER)"


@compiles(micros_between, "postgresql")
def _micros_pg(element: Any, compiler: Any, **kw: Any) -> str:
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return (f"(mod(CAST(EXTRACT(MICROSECONDS FROM {end}) AS BIGINT), 1000000) - "
            f"mod(CAST(EXTRACT(MICROSECONDS FROM {start}) AS BIGINT), 1000000))")


class month_day(FunctionElement[str]):
    """"MM-DD" of a date or an instant."""

    type = String()
    inherit_cache = True
    name = "month_day"


@compiles(month_day, "sqlite")
def _month_day_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"strftime('%m-%d', {compiler.process(element.clauses, **kw)})"


@compiles(month_day, "postgresql")
def _month_day_pg(element: Any, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'MM-DD')"


class sort_text(FunctionElement[str]):
    """A nullable column as a list's sort key, as text: NULL is '' (first when ascending).

    SQLite: `coalesce(col, '')` (the list's expression index is on exactly that; a date or
    an instant is already text there). PostgreSQL: a date or an instant as the same text
    SQLite stores ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM:SS.ffffff', naive UTC), so orders,
    keyset cursors and comparisons with `stored_instant` agree on both."""

    type = String()
    inherit_cache = True
    name = "sort_text"


@compiles(sort_text)
def _sort_text(element: Any, compiler: Any, **kw: Any) -> str:
    return f"coalesce({compiler.process(element.clauses, **kw)}, '')"


@compiles(sort_text, "postgresql")
def _sort_text_pg(element: Any, compiler: Any, **kw: Any) -> str:
    from sqlalchemy import Date, DateTime

    column = element.clauses.clauses[0]
    sql = compiler.process(column, **kw)
    affinity = column.type._type_affinity
    if affinity is not None and issubclass(affinity, DateTime):
        sql = f"to_char({sql}, 'YYYY-MM-DD HH24:MI:SS.US')"
    elif affinity is not None and issubclass(affinity, Date):
        sql = f"to_char({sql}, 'YYYY-MM-DD')"
    return f"coalesce({sql}, '')"


def stored_instant(moment: Any) -> str:
    """An instant as `sort_text` shows one: naive UTC text as SQLite stores it."""
    from datetime import UTC

    u = moment.astimezone(UTC)
    return (f"{u.year:04d}-{u.month:02d}-{u.day:02d} {u.hour:02d}:{u.minute:02d}:"
            f"{u.second:02d}.{u.microsecond:06d}")


# -- text ----------------------------------------------------------------------------------
class doc_number(FunctionElement[str]):
    """prefix + year + "-" + seq in four digits at least ("T-1405-0007", "1405-0012")."""

    type = String()
    inherit_cache = True
    name = "doc_number"
    # (the prefix is part of the SQL: statements with different ones are cached apart)
    _traverse_internals: ClassVar = [*FunctionElement._traverse_internals,
                                     ("prefix", InternalTraversal.dp_string)]

    def __init__(self, prefix: str, year: Any, seq: Any) -> None:
        self.prefix = prefix
        super().__init__(year, seq)


@compiles(doc_number, "sqlite")
def _doc_number_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    year, seq = (compiler.process(c, **kw) for c in element.clauses)
    fmt = element.prefix.replace("'", "''").replace("%", "%%")
    return f"printf('{fmt}%d-%04d', {year}, {seq})"


@compiles(doc_number, "postgresql")
def _doc_number_pg(element: Any, compiler: Any, **kw: Any) -> str:
    year, seq = (compiler.process(c, **kw) for c in element.clauses)
    prefix = element.prefix.replace("'", "''")
    if "%" in prefix:
        prefix = prefix.replace("%", "%%")
    return (f"('{prefix}' || CAST({year} AS TEXT) || '-' || CASE WHEN {seq} < 10000 "
            f"THEN lpad(CAST({seq} AS TEXT), 4, '0') ELSE CAST({seq} AS TEXT) END)")


class digits_only(FunctionElement[bool]):
    """True when the text holds nothing but ASCII digits (and for the empty text)."""

    inherit_cache = True
    name = "digits_only"


@compiles(digits_only, "sqlite")
def _digits_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} NOT GLOB '*[^0-9]*')"


@compiles(digits_only, "postgresql")
def _digits_pg(element: Any, compiler: Any, **kw: Any) -> str:
    return f"({compiler.process(element.clauses, **kw)} !~ '[^0-9]')"


# -- JSON ----------------------------------------------------------------------------------
class json_object(GenericFunction[str]):
    """A JSON object text from key, value, key, value... (SQL NULL values stay null)."""

    type = String()
    inherit_cache = True
    name = "json_object"


@compiles(json_object, "postgresql")
def _json_object_pg(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST(json_build_object({compiler.process(element.clauses, **kw)}) AS TEXT)"


class json_items(FunctionElement[Any]):
    """The elements of the array `key` of a JSON object stored as text: a table-valued
    function with one column `value` (use json_text on it)."""

    inherit_cache = True
    name = "json_items"
    _traverse_internals: ClassVar = [*FunctionElement._traverse_internals,
                                     ("key", InternalTraversal.dp_string)]

    def __init__(self, document: Any, key: str) -> None:
        self.key = key
        super().__init__(document)


@compiles(json_items, "sqlite")
def _json_items_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    key = element.key.replace("'", "''")
    return f"json_each({compiler.process(element.clauses, **kw)}, '$.{key}')"


@compiles(json_items, "postgresql")
def _json_items_pg(element: Any, compiler: Any, **kw: Any) -> str:
    key = element.key.replace("'", "''")
    return (f"json_array_elements(CAST({compiler.process(element.clauses, **kw)} AS JSON)"
            f" -> '{key}')")


def json_array_items(document: Any, key: str) -> Any:
    """`json_items` as a table to join, with its column `value`."""
    return json_items(document, key).table_valued("value")


class json_text(FunctionElement[str]):
    """The member `key` of a JSON object (from json_array_items' `value`) as text."""

    type = String()
    inherit_cache = True
    name = "json_text"
    _traverse_internals: ClassVar = [*FunctionElement._traverse_internals,
                                     ("key", InternalTraversal.dp_string)]

    def __init__(self, value: Any, key: str) -> None:
        self.key = key
        super().__init__(value)


@compiles(json_text, "sqlite")
def _json_text_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    key = element.key.replace("'", "''")
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$.{key}')"


@compiles(json_text, "postgresql")
def _json_text_pg(element: Any, compiler: Any, **kw: Any) -> str:
    key = element.key.replace("'", "''")
    return f"({compiler.process(element.clauses, **kw)} ->> '{key}')"


# -- planner hints -------------------------------------------------------------------------
class unindexed(FunctionElement[Any]):
    """`+column` on SQLite: the same value, which SQLite will not look up through an
    index. PostgreSQL's planner has statistics of its own: the column as it is."""

    inherit_cache = True
    name = "unindexed"

    def __init__(self, column: Any) -> None:
        self.type = column.type
        super().__init__(column)


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


@compiles(unindexed)
def _unindexed_other(element: Any, compiler: Any, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


# -- statements written as text ------------------------------------------------------------
_QMARK = re.compile(r"'(?:[^']|'')*'|\?|%")


@lru_cache(maxsize=512)
def _pyformat(sql: str) -> str:
    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        return "%s" if token == "?" else "%%" if token == "%" else token

    return _QMARK.sub(swap, sql)


def portable(sql: str, dialect: str) -> str:
    """A statement written with SQLite's `?` placeholders in the dialect's paramstyle:
    unchanged on SQLite, `%s` (and a literal % doubled) for psycopg. Quoted text is left
    as it is."""
    return sql if dialect == "sqlite" else _pyformat(sql)


def dialect_of(conn: Any) -> str:
    """"sqlite" or "postgresql" for a DB-API connection (sqlite3 or psycopg)."""
    return "sqlite" if type(conn).__module__.startswith("sqlite3") else "postgresql"


class QmarkConnection:
    """A psycopg connection that takes SQL written for sqlite3 (`?` placeholders) in
    `execute` and `executemany`, as the bulk paths written for SQLite's DB-API call them;
    what `execute` returns is psycopg's cursor (fetchone, fetchall, iteration)."""

    __module__ = "crm_desktop.db.sql.postgresql"  # (dialect_of: not sqlite3)

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(_pyformat(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany(_pyformat(sql), list(rows))

    def cursor(self) -> Any:
        return self.conn.cursor()


def driver(connection: Any) -> Any:
    """The DB-API connection under a SQLAlchemy Connection, taking `?` placeholders on
    either database (sqlite3's own; psycopg's wrapped in a QmarkConnection)."""
    raw = connection.connection.driver_connection
    return raw if connection.dialect.name == "sqlite" else QmarkConnection(raw)


def execute(conn: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    """`sql` (with `?` placeholders) on a DB-API connection of either database; the
    cursor (sqlite3's and psycopg's connections both have execute)."""
    if isinstance(conn, QmarkConnection):
        return conn.execute(sql, params)
    return conn.execute(portable(sql, dialect_of(conn)), params)


def executemany(conn: Any, sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """`sql` (with `?` placeholders) once per row, on a DB-API connection of either."""
    if dialect_of(conn) == "sqlite" or isinstance(conn, QmarkConnection):
        conn.executemany(sql, rows)
        return
    with conn.cursor() as cur:
        cur.executemany(_pyformat(sql), list(rows))


def upsert_sql(table: str, columns: Sequence[str], key: Sequence[str], dialect: str) -> str:
    """INSERT of `columns` (`?` placeholders) replacing the row with the same `key`."""
    marks = ", ".join("?" * len(columns))
    names = ", ".join(columns)
    if dialect == "sqlite":
        return f"INSERT OR REPLACE INTO {table} ({names}) VALUES ({marks})"
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in key)
    return (f"INSERT INTO {table} ({names}) VALUES ({marks}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}")


def sync_ids(conn: Any, tables: Iterable[str]) -> None:
    """After rows were inserted with ids of the program's own choosing: on PostgreSQL,
    each table's id sequence moves past its largest id (SQLite needs nothing). `conn`
    is a SQLAlchemy connection or a DB-API one."""
    name = getattr(getattr(conn, "dialect", None), "name", None) or dialect_of(conn)
    if name == "sqlite":
        return
    run = conn.exec_driver_sql if hasattr(conn, "exec_driver_sql") else conn.execute
    for table in tables:
        run(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)")


class total(GenericFunction[float]):
    """SQLite's total(): the sum as a float, 0.0 over no rows (never overflows)."""

    inherit_cache = True
    name = "total"


@compiles(total, "postgresql")
def _total_pg(element: Any, compiler: Any, **kw: Any) -> str:
    return (f"CAST(COALESCE(sum({compiler.process(element.clauses, **kw)}), 0) "
            "AS DOUBLE PRECISION)")


def run_sql(conn: Any, sql: str, params: Any = None) -> Any:
    """`conn.exec_driver_sql` (a SQLAlchemy Connection) of `sql` written with `?`
    placeholders, on either database; a list of tuples runs it once per tuple."""
    sql = portable(sql, conn.dialect.name)
    return conn.exec_driver_sql(sql) if params is None else conn.exec_driver_sql(sql, params)
