"""The records an import writes and an undo puts back, many at a time, with Core statements:
the same columns, derived columns and audit rows as the services' own create and update
(their `_derive`, contacts' copied sort keys, accounts' `_after_write`), without an ORM
object per record.

Shared by write.py (run_import) and undo.py (undo_last); both run inside the caller's
write transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.bulk import indexes_suspended
from crm_desktop.db.engine import Database
from crm_desktop.db.sql import dialect_of, driver, executemany, sync_ids
from crm_desktop.services import audit
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.base import EntityService
from crm_desktop.services.contacts import ContactService, copied_sort_keys
from crm_desktop.services.fields import Field
from crm_desktop.services.products import ProductService

#: ids per IN (...) list: far below SQLite's limit on bound parameters
IN_CHUNK = 500
#: rows at least this many, and at least half as many as their table has, are inserted or
#: deleted with the table's other indexes dropped and built once after (one sort per index
#: instead of a B-tree update per row; measured in bench/bench_import.py)
BULK_MIN = 5000
#: SQLite's page cache for such a load (KiB, negative), like the demo's bulk load: index
#: pages stay in memory instead of being written and read again
BULK_CACHE = -262144
#: columns a write never copies from a row read before it
_KEEP = frozenset({"id", "created_at", "updated_at", "version"})


@dataclass(frozen=True)
class RecordKind:
    """One kind of record an import writes: its service (fields, `_derive`) and table."""

    kind: str
    service_class: type[EntityService[Any]]

    @property
    def model(self) -> type[m.Base]:
        return self.service_class.model

    @property
    def table(self) -> Table:
        return self.model.__table__  # type: ignore[return-value]

    @property
    def entity(self) -> str:
        return self.table.name

    @property
    def fields(self) -> Mapping[str, Field]:
        return self.service_class.fields

    @cached_property
    def columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.table.columns)

    @cached_property
    def audited(self) -> tuple[str, ...]:
        return tuple(audit.audited_columns(self.model))

    @cached_property
    def python_types(self) -> dict[str, type]:
        return {c.name: c.type.python_type for c in self.table.columns}

    @cached_property
    def importable(self) -> dict[str, type]:
        """The service's fields an import may set -> their column's Python type (not the
        references: an import links a contact's company by name, and the owner is the
        one who imports)."""
        return {name: self.python_types[name] for name in self.fields
                if name not in ("owner_id", "account_id", "source_campaign_id")}

    def service(self, db: Database, actor_id: int | None) -> EntityService[Any]:
        return self.service_class(db, actor_id)

    def defaults(self) -> dict[str, Any]:
        """What the service stores for a field left empty (its Field's `empty`)."""
        return {name: spec.empty for name, spec in self.fields.items()}


KINDS: dict[str, RecordKind] = {
    "contacts": RecordKind("contacts", ContactService),
    "companies": RecordKind("companies", AccountService),
    "products": RecordKind("products", ProductService),
}
ACCOUNTS = KINDS["companies"]


# -- values kept in the bookkeeping (import_changes) -----------------------------------------
def dump(values: Mapping[str, Any]) -> str:
    """Field values as JSON (dates as ISO text; `load` reads them back by column type)."""
    return json.dumps({k: v.isoformat() if isinstance(v, date) else v
                       for k, v in values.items()}, ensure_ascii=False, separators=(",", ":"))


def load(kind: RecordKind, text: str | None) -> dict[str, Any]:
    values = json.loads(text) if text else {}
    for key, value in values.items():
        python_type = kind.python_types.get(key)
        if isinstance(value, str) and python_type is date:
            values[key] = date.fromisoformat(value)
        elif isinstance(value, str) and python_type is datetime:
            values[key] = datetime.fromisoformat(value)
    return values


def created_json(kind: RecordKind, row: Mapping[str, Any]) -> str:
    """The new_value of a record's audit "create" row (its non-empty audited columns)."""
    return audit.created_value(row, kind.audited)


# -- reading ---------------------------------------------------------------------------------
def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def read_rows(session: Session, kind: RecordKind, ids: Iterable[int]) -> dict[int, dict]:
    """Every column of the records with these ids (missing ones are left out)."""
    table = kind.table
    out: dict[int, dict] = {}
    for part in chunks(sorted(set(ids)), IN_CHUNK):
        for row in session.connection().execute(select(table).where(table.c.id.in_(part))):
            out[row.id] = dict(row._mapping)
    return out


def read_ranges(session: Session, kind: RecordKind,
                ranges: Iterable[tuple[int, int]]) -> dict[int, dict]:
    """Every column of the records with ids in the (first, last) ranges."""
    table = kind.table
    out: dict[int, dict] = {}
    for first, last in ranges:
        for row in session.connection().execute(
                select(table).where(table.c.id.between(first, last))):
            out[row.id] = dict(row._mapping)
    return out


class Copies:
    """What a contact copies from its company and owner (their sort keys), read once per
    import: the same rule as ContactService._after_write (copied_sort_keys)."""

    def __init__(self, session: Session):
        self.session = session
        self.accounts: dict[int, SimpleNamespace] = {}
        self.owners = {r.id: SimpleNamespace(display_name=r.display_name) for r in
                       session.connection().execute(select(m.User.id, m.User.display_name))}

    def learn_accounts(self, ids: Iterable[int | None]) -> None:
        a = m.Account
        wanted = sorted({i for i in ids if i is not None and i not in self.accounts})
        for part in chunks(wanted, IN_CHUNK):
            for r in self.session.connection().execute(
                    select(a.id, a.sort_key).where(a.id.in_(part))):
                self.accounts[r.id] = SimpleNamespace(sort_key=r.sort_key)

    def apply(self, row: dict[str, Any]) -> None:
        account = self.accounts.get(row["account_id"]) if row["account_id"] else None
        owner = self.owners.get(row["owner_id"]) if row["owner_id"] else None
        row["account_sort"], row["owner_sort"] = copied_sort_keys(account, owner)


def derive(kind: RecordKind, service: EntityService[Any], row: dict[str, Any],
           copies: Copies | None) -> dict[str, Any]:
    """`row` with its derived columns filled by the service's own `_derive` (and, for
    contacts, the sort keys copied from their company and owner)."""
    ns = SimpleNamespace(**row)
    service._derive(ns)
    out = vars(ns)
    if kind.kind == "contacts" and copies is not None:
        copies.apply(out)
    return out


# -- writing ---------------------------------------------------------------------------------
def raw(session: Session) -> Any:
    """The DB-API connection under the session's transaction (for executemany), taking
    `?` placeholders on either database (db/sql.py driver)."""
    return driver(session.connection())


@contextmanager
def large_load(session: Session, table: str, rows: int) -> Iterator[None]:
    """`rows` inserted into or deleted from `table` in the block: when they are many
    (BULK_MIN, and half the table or more), with a larger page cache and the table's
    other indexes dropped for the block and built once after it. The caller's transaction
    is rolled back when the block raises (which brings the indexes back)."""
    conn = raw(session)
    if dialect_of(conn) != "sqlite":  # (the server keeps its indexes and its own cache)
        yield
        return
    have = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if rows else 0
    if not (rows >= BULK_MIN and rows * 2 >= have):
        yield
        return
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {BULK_CACHE}")
    try:
        with indexes_suspended(conn, [table], rolled_back=True):
            yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")


class Inserter:
    """Complete rows (every column, ids given) inserted with the DB-API's executemany, each
    value turned into what SQLAlchemy would bind for its column (the column type's own
    bind processor: dates and instants as SQLAlchemy stores them): 100,000 rows without
    SQLAlchemy's per-row statement work."""

    def __init__(self, session: Session, table: Table,
                 same: Mapping[str, Any] | None = None):
        """`same`: columns with one value for every row (bound once)."""
        connection = session.connection()
        dialect = connection.dialect
        self.raw = driver(connection)
        self.table = table.name
        self.columns = tuple(c.name for c in table.columns)
        processors = {c.name: p for c in table.columns
                      if (p := c.type.dialect_impl(dialect).bind_processor(dialect))}
        self.same = {c: processors[c](v) if c in processors and v is not None else v
                     for c, v in (same or {}).items()}
        self.processors = [(i, processors[c]) for i, c in enumerate(self.columns)
                           if c in processors and c not in self.same]
        self.sql = (f"INSERT INTO {table.name} ({', '.join(self.columns)}) "
                    f"VALUES ({', '.join('?' * len(self.columns))})")
        self.rows: list[list[Any]] = []

    def add(self, row: Mapping[str, Any]) -> None:
        same = self.same
        values = [same[c] if c in same else row[c] for c in self.columns]
        for i, process in self.processors:
            if values[i] is not None:
                values[i] = process(values[i])
        self.rows.append(values)

    def flush(self) -> None:
        if self.rows:
            executemany(self.raw, self.sql, self.rows)
            if "id" in self.columns:
                sync_ids(self.raw, (self.table,))
            self.rows = []


def next_id(session: Session, kind: RecordKind) -> int:
    """The id the next record gets (the write lock is held: nobody else inserts)."""
    table = kind.table
    return int(session.connection().execute(
        select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


@dataclass
class Changed:
    """One record updated: the fields changed (audited ones and derived ones), before/after."""

    id: int
    old: dict[str, Any]
    new: dict[str, Any]


def update_rows(session: Session, kind: RecordKind, service: EntityService[Any],
                pairs: Sequence[tuple[dict[str, Any], Mapping[str, Any]]],
                copies: Copies | None, now: datetime) -> list[Changed]:
    """Apply `changes` to each `current` row (every column, as read): derived columns
    recomputed, only what differs written (one executemany per set of changed columns),
    an audit "update" row per changed audited column. Returns what changed per record
    (records left as they were are not in it)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    changed: list[Changed] = []
    audit_rows: list[dict] = []
    renamed: list[SimpleNamespace] = []
    for current, changes in pairs:
        row = derive(kind, service, {**current, **changes}, copies)
        diff = [c for c in kind.columns if c not in _KEEP and row[c] != current[c]]
        if not diff:
            continue
        rid = current["id"]
        shown = [c for c in diff if c not in audit.NOT_AUDITED]
        changed.append(Changed(rid, {c: current[c] for c in shown}, {c: row[c] for c in shown}))
        audit_rows += [audit.updated(session, kind.entity, rid, c, current[c], row[c])
                       for c in shown]
        params = {f"v_{c}": row[c] for c in diff}
        params["v_updated_at"], params["v_id"] = now, rid
        groups.setdefault(tuple(diff), []).append(params)
        if kind.kind == "companies" and "sort_key" in diff:
            renamed.append(SimpleNamespace(id=rid, sort_key=row["sort_key"]))
    table = kind.table
    for columns, params in groups.items():
        statement = (update(table).where(table.c.id == bindparam("v_id"))
                     .values({c: bindparam(f"v_{c}") for c in (*columns, "updated_at")}))
        if "version" in table.c:  # a form open on the record is refused its stale save
            statement = statement.values(version=table.c.version + 1)
        session.connection().execute(statement, params)
    for account in renamed:  # the contacts' copies of the company's sort key
        service._after_write(session, account)
    audit.record(session, audit_rows)
    return changed
