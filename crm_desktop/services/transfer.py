"""Copying a whole database from SQLite to PostgreSQL and back (`crm-desktop migrate`; no Qt).

The target must be empty: a new file, or a PostgreSQL database with no tables (or only
the schema a failed copy left, with no rows). Its schema is made by the same migrations
as always (`open_database`), then every table of the model is copied in foreign-key order,
rows streamed from the source in batches: into PostgreSQL with COPY (one statement per
table, so a row pointing at a later row of the same table is checked when the table is
complete), into SQLite with executemany in one transaction with the foreign keys checked
at the end. The values go through the columns' own types on both sides (SQLAlchemy's bind
and result processors), so a date read from one side is written as a date to the other.

After the copy: the id counters continue after the copied ids (and after any id the
source handed out and then deleted), the search index is filled, and every table is
compared: its row count and a checksum computed the same way on both sides from the values
read back through SQLAlchemy (`table_checksum`). The source is only read (a file is opened
read-only; its bytes do not change)."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from datetime import time as time_of_day
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, func, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.db.bulk import objects_dropped
from crm_desktop.db.engine import Database, make_server_engine
from crm_desktop.db.location import Location, parse_location
from crm_desktop.db.models import Base
from crm_desktop.domain.errors import DatabaseError

Progress = Callable[[str], None]
BATCH = 5000
#: the checksum is a sum of per-row sha256 digests modulo 2**256: independent of the
#: order rows come back in (text keys sort differently under PostgreSQL's collations)
MODULUS = 2 ** 256


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    target_rows: int
    source_sum: str
    target_sum: str

    @property
    def ok(self) -> bool:
        return self.source_rows == self.target_rows and self.source_sum == self.target_sum


@dataclass
class TransferReport:
    source: str
    target: str
    copied_rows: int = 0
    copy_seconds: float = 0.0
    check_seconds: float = 0.0
    tables: list[TableCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def differing(self) -> list[str]:
        return [t.table for t in self.tables if not t.ok]


def tables() -> list[Table]:
    """Every table of the model, parents before the tables that point at them."""
    return list(Base.metadata.sorted_tables)


# -- the canonical form of a row ------------------------------------------------------------
def canonical(value: Any) -> Any:
    """A value as the checksum sees it: equal data gives equal text on both databases."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return "dt:" + value.isoformat()
    if isinstance(value, date | time_of_day):
        return "d:" + value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return "b:" + bytes(value).hex()
    if isinstance(value, dict | list):
        return "j:" + json.dumps(value, sort_keys=True, ensure_ascii=False)
    return f"{type(value).__name__}:{value}"


#: values whose repr() is already the same on both databases (the instants of the model
#: come back aware in UTC from both: db/types.py UTCDateTime)
_PLAIN = frozenset({str, int, bool, type(None), datetime, date})


def row_digest(row: Sequence[Any]) -> int:
    data = repr([v if type(v) in _PLAIN else canonical(v) for v in row])
    return int.from_bytes(hashlib.sha256(data.encode("utf-8", "surrogatepass")).digest())


def table_checksum(conn: Connection, table: Table) -> tuple[int, str]:
    """(rows, checksum) of `table` read through SQLAlchemy (the columns' own types)."""
    total = count = 0
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(*table.columns))
    for part in result.partitions():
        for row in part:
            total = (total + row_digest(row)) % MODULUS
            count += 1
    return count, f"{total:064x}"[:16]


# -- where from, where to ------------------------------------------------------------------
def _same(a: Location, b: Location) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "sqlite":
        assert a.path is not None and b.path is not None
        return a.path.resolve() == b.path.resolve()
    return (a.host, a.port, a.name) == (b.host, b.port, b.name)


def _server_tables(location: Location) -> tuple[list[str], str | None, int]:
    """(table names, alembic revision, rows in the model's tables) of a server database;
    DatabaseError naming the server when it cannot be reached."""
    engine = make_server_engine(location)
    try:
        with engine.connect() as conn:
            names = inspect(conn).get_table_names()
            revision = None
            rows = 0
            if "alembic_version" in names:
                revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                for table in tables():
                    if table.name in names:
                        rows += conn.execute(select(func.count()).select_from(table)).scalar_one()
            conn.rollback()
            return names, revision, rows
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{location.display()} cannot be reached: "
                            f"{_first_line(exc)}") from exc
    finally:
        engine.dispose()


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def check_target_empty(target: Location, what: str = "migrate copies") -> None:
    """DatabaseError unless `target` is empty (checked before anything is written); the
    message says `what` goes into an empty database only."""
    if target.kind == "sqlite":
        assert target.path is not None
        if target.path.exists() and (target.path.is_dir() or target.path.stat().st_size):
            raise DatabaseError(f"{target.path} already exists: migrate writes a new file "
                                "(choose a name that does not exist)")
        if not target.path.parent.is_dir():
            raise DatabaseError(f"the folder {target.path.parent} does not exist")
        return
    names, revision, rows = _server_tables(target)
    if not names:
        return
    from crm_desktop.db.migrate import HEAD

    if revision == HEAD and rows == 0:
        return  # the schema alone (a copy that failed and was rolled back)
    raise DatabaseError(f"{target.display()} is not empty ({len(names)} tables"
                        + (f", {rows:,} rows" if rows else "") + f"): {what} into an "
                        "empty database only (create a new one: CREATE DATABASE ...)")


def open_source(source: Location) -> Database:
    """The source, opened without changing it: a file read-only, a server database only
    when it is already at this version's schema (it is not upgraded)."""
    from crm_desktop.db.migrate import HEAD, open_read_only

    if source.kind == "sqlite":
        return open_read_only(source.path)  # type: ignore[arg-type]
    _names, revision, _rows = _server_tables(source)
    if revision != HEAD:
        raise DatabaseError(f"{source.display()} is not a crm-desktop database at schema "
                            f"{HEAD} (found {revision or 'no schema'}); open it with this "
                            "version of the program first")
    return Database(None, make_server_engine(source), source)


# -- the copy ------------------------------------------------------------------------------
def _rows(conn: Connection, table: Table) -> Iterator[Sequence[Sequence[Any]]]:
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(
        select(*table.columns))
    yield from result.partitions()


def _binders(table: Table, dialect: Any) -> list[tuple[int, Callable[[Any], Any]]]:
    """(position, bind processor) of the columns whose values the dialect converts."""
    out = []
    for i, column in enumerate(table.columns):
        process = column.type._cached_bind_processor(dialect)
        if process is not None:
            out.append((i, process))
    return out


def _bound(row: Sequence[Any], binders: list[tuple[int, Callable[[Any], Any]]]
           ) -> Sequence[Any]:
    if not binders:
        return row
    values = list(row)
    for i, process in binders:
        values[i] = process(values[i])
    return values


def _copy_into_server(src: Connection, dest: Connection, progress: Progress) -> int:
    raw = dest.connection.driver_connection
    copied = 0
    with raw.cursor() as cur:  # type: ignore[union-attr]
        for table in tables():
            binders = _binders(table, dest.dialect)
            names = ", ".join(f'"{c.name}"' for c in table.columns)
            with cur.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
                for part in _told(_rows(src, table), table, progress):
                    for row in part:
                        copy.write_row(_bound(row, binders))
                    copied += len(part)
    return copied


def _told(parts: Iterator[Sequence[Any]], table: Table, progress: Progress
          ) -> Iterator[Sequence[Any]]:
    """The batches of a table's rows, telling `progress` how far the copy is."""
    n = 0
    for part in parts:
        yield part
        n += len(part)
        if len(part) == BATCH:
            progress(f"  {table.name}: {n:,} rows ...")
    progress(f"  {table.name}: {n:,} rows")


def _copy_into_file(src: Connection, dest: Connection, progress: Progress) -> int:
    copied = 0
    for table in tables():
        for part in _told(_rows(src, table), table, progress):
            dest.execute(table.insert(), [dict(zip(table.columns.keys(), row, strict=True))
                                          for row in part])
            copied += len(part)
    return copied


def _id_column(table: Table) -> str | None:
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and pk[0].autoincrement in (True, "auto") \
            and pk[0].type.python_type is int:
        return pk[0].name
    return None


def _next_ids(conn: Connection) -> dict[str, int]:
    """Per table with an id counter: the largest id handed out (a deleted row's too)."""
    out: dict[str, int] = {}
    counters: dict[str, int] = {}
    if conn.dialect.name == "sqlite":
        has = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = "
                                   "'sqlite_sequence'").first()
        if has:
            counters = dict(conn.exec_driver_sql("SELECT name, seq FROM sqlite_sequence").all())
    for table in tables():
        column = _id_column(table)
        if column is None:
            continue
        largest = conn.execute(select(func.max(table.c[column]))).scalar() or 0
        if conn.dialect.name == "postgresql":
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": table.name, "c": column}).scalar()
            if seq:
                last, called = conn.execute(text(f"SELECT last_value, is_called FROM {seq}")
                                            ).one()
                counters[table.name] = last if called else 0
        out[table.name] = max(largest, int(counters.get(table.name, 0) or 0))
    return out


def _set_counters(conn: Connection, next_ids: dict[str, int]) -> None:
    """The target's id counters continue after the source's."""
    for table in tables():
        column = _id_column(table)
        if column is None or table.name not in next_ids:
            continue
        value = next_ids[table.name]
        if conn.dialect.name == "postgresql":
            seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                               {"t": table.name, "c": column}).scalar()
            if seq:
                conn.execute(text("SELECT setval(:s, :v, :called)"),
                             {"s": seq, "v": max(value, 1), "called": value > 0})
        elif value > 0:
            has = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                (table.name,)).scalar() or ""
            if "AUTOINCREMENT" in has.upper():
                conn.exec_driver_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table.name,))
                conn.exec_driver_sql("INSERT INTO sqlite_sequence(name, seq) VALUES (?, ?)",
                                     (table.name, value))


def _secondary_indexes(raw: Any) -> list[tuple[str, str]]:
    """(name, definition) of a server database's non-unique indexes (the search index's
    GIN indexes among them): dropped for the copy and built once after it."""
    return raw.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = "
                       "current_schema() AND indexdef NOT LIKE 'CREATE UNIQUE%'").fetchall()


def _copy(source: Database, target: Database, progress: Progress) -> int:
    with source.engine.connect() as src:
        next_ids = _next_ids(src)
        with target.engine.connect() as dest:
            if target.is_sqlite:
                raw = dest.connection.driver_connection
                raw.execute("PRAGMA foreign_keys = OFF")  # (checked once the copy is done)
                try:
                    with dest.begin():
                        from crm_desktop.db.search_index import triggers_suspended

                        with triggers_suspended(raw):  # the index rebuilt at the end
                            copied = _copy_into_file(src, dest, progress)
                        broken = dest.exec_driver_sql("PRAGMA foreign_key_check").fetchmany(5)
                        if broken:
                            raise DatabaseError(f"rows point at missing records: {broken}")
                        _set_counters(dest, next_ids)
                finally:
                    raw.execute("PRAGMA foreign_keys = ON")
            else:
                raw = dest.connection.driver_connection
                with dest.begin():
                    # the search index (GIN over the normalised text) and the other
                    # indexes are built once the rows are in, not row by row
                    with objects_dropped(raw, "INDEX", _secondary_indexes(raw),
                                         rolled_back=True):
                        copied = _copy_into_server(src, dest, progress)
                        progress("  indexes and search index ...")
                    _set_counters(dest, next_ids)
        src.rollback()
    if not target.is_sqlite:
        # the planner's statistics for the new tables, and their pages marked
        # all-visible, as autovacuum would do some time later
        progress("  VACUUM ANALYZE ...")
        with target.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE)")
    return copied


def compare(source: Database, target: Database, progress: Progress) -> list[TableCheck]:
    checks = []
    with source.engine.connect() as a, target.engine.connect() as b:
        for table in tables():
            n_a, sum_a = table_checksum(a, table)
            n_b, sum_b = table_checksum(b, table)
            checks.append(TableCheck(table.name, n_a, n_b, sum_a, sum_b))
            progress(f"  {table.name}: {n_a:,} / {n_b:,}")
        a.rollback()
        b.rollback()
    return checks


def migrate(source: str | Path | Location, target: str | Path | Location,
            progress: Progress | None = None) -> TransferReport:
    """Copy the database `source` into the empty database `target` (SQLite -> PostgreSQL
    or back), then compare them table by table. DatabaseError before anything is written
    when the target is not empty, the same database, or out of reach."""
    say = progress or (lambda _line: None)
    src_loc, dest_loc = parse_location(source), parse_location(target)
    if _same(src_loc, dest_loc):
        raise DatabaseError("the source and the target are the same database")
    if src_loc.kind == dest_loc.kind:
        raise DatabaseError("migrate copies between a file and a server: one of --db and "
                            "--to must be postgresql://..., the other a file")
    check_target_empty(dest_loc)
    src_db = open_source(src_loc)
    report = TransferReport(src_loc.display(), dest_loc.display())
    created_file = dest_loc.kind == "sqlite" and not dest_loc.path.exists()  # type: ignore
    try:
        from crm_desktop.db.migrate import open_database

        say(f"schema of {dest_loc.display()} ...")
        dest_db = open_database(dest_loc)
        try:
            started = time.perf_counter()
            say("copying ...")
            report.copied_rows = _copy(src_db, dest_db, say)
            report.copy_seconds = time.perf_counter() - started
            started = time.perf_counter()
            say("comparing ...")
            report.tables = compare(src_db, dest_db, say)
            report.check_seconds = time.perf_counter() - started
        finally:
            dest_db.close()
    except BaseException:
        if created_file:
            _remove_file(dest_loc.path)  # type: ignore[arg-type]
        raise
    finally:
        src_db.close()
    return report


def _remove_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
