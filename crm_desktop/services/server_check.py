"""`check` of a database on a PostgreSQL server, without changing it (services/maintenance.py
checks a file).

SQLite's PRAGMA integrity_check has no counterpart a client can run (the server keeps its
files itself; amcheck is an extension an administrator installs), so what is checked is
what the program relies on: the database is crm-desktop's and its schema is at the head,
every foreign key holds (the server enforces them, but a restore with triggers disabled
or a constraint added NOT VALID can leave rows behind), no index and no constraint is left
invalid (an interrupted CREATE INDEX CONCURRENTLY), and the search indexes exist and are
valid (expression indexes are written with their rows: a valid one is in step)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.db.location import Location, parse_location
from crm_desktop.db.search_index import pg_integrity_problems
from crm_desktop.domain.errors import DatabaseError

#: at most this many rows reported per broken foreign key
SHOWN = 20


def _foreign_key_problems(conn: Any) -> list[str]:
    rows = conn.execute(text(
        "SELECT c.conname, c.conrelid::regclass::text, c.confrelid::regclass::text, "
        "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i) "
        "      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i), "
        "ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i) "
        "      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) "
        "FROM pg_constraint c WHERE c.contype = 'f' "
        "AND c.connamespace = current_schema()::regnamespace ORDER BY c.conname")).all()
    problems = []
    for _name, table, parent, columns, parent_columns in rows:
        joined = " AND ".join(f'p."{pc}" = t."{c}"' for c, pc in zip(columns, parent_columns,
                                                                      strict=True))
        present = " AND ".join(f't."{c}" IS NOT NULL' for c in columns)
        broken = conn.execute(text(
            f'SELECT t.ctid::text FROM "{table}" t WHERE {present} AND NOT EXISTS '
            f'(SELECT 1 FROM "{parent}" p WHERE {joined}) LIMIT {SHOWN}')).scalars().all()
        problems += [f"foreign key: {table} row {row} points at a missing {parent}"
                     for row in broken]
    return problems


def _invalid_objects(conn: Any) -> list[str]:
    indexes = conn.execute(text(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE c.relnamespace = current_schema()::regnamespace "
        "AND NOT (i.indisvalid AND i.indisready) ORDER BY c.relname")).scalars().all()
    constraints = conn.execute(text(
        "SELECT conname FROM pg_constraint WHERE NOT convalidated "
        "AND connamespace = current_schema()::regnamespace ORDER BY conname")).scalars().all()
    return ([f"integrity: index {n} is not valid" for n in indexes]
            + [f"integrity: constraint {n} is not validated" for n in constraints])


def check_server(target: str | Location) -> Any:
    """maintenance.check for a postgresql:// database: a CheckReport."""
    from crm_desktop.db.engine import make_server_engine
    from crm_desktop.db.migrate import HEAD, known_revisions
    from crm_desktop.db.server import _revision, is_ours
    from crm_desktop.services.maintenance import COUNTED, SOFT_DELETED, CheckReport

    location = parse_location(target)
    where = location.display()
    engine = make_server_engine(location)
    problems: list[str] = []
    counts: dict[str, int] = {}
    trash: dict[str, int] = {}
    try:
        with engine.connect() as conn:
            conn.execute(text("SET TRANSACTION READ ONLY"))
            revision, n_tables = _revision(conn)
            if not n_tables:
                raise DatabaseError(f"{where} is empty, not a crm-desktop database")
            if revision is None or not is_ours(conn):
                raise DatabaseError(f"{where} is not a crm-desktop database")
            if revision != HEAD and revision not in known_revisions():
                raise DatabaseError(
                    f"{where} was made by a newer version of crm-desktop (schema {revision}); "
                    "update the program to open it")
            problems += _invalid_objects(conn)
            problems += _foreign_key_problems(conn)
            problems += [f"search index: {p}" for p in
                         pg_integrity_problems(conn.connection.driver_connection)]
            if revision == HEAD:  # (an older schema is counted once upgraded)
                for name, table in COUNTED.items():
                    if table in SOFT_DELETED:
                        live, deleted = conn.execute(text(
                            f"SELECT count(*) - count(deleted_at), count(deleted_at) "
                            f"FROM {table}")).one()
                        counts[name], trash[name] = live, deleted
                    else:
                        counts[name] = conn.execute(
                            text(f"SELECT count(*) FROM {table}")).scalar_one()
            conn.rollback()
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{where} cannot be checked: {exc}") from exc
    finally:
        engine.dispose()
    return CheckReport(ok=not problems, schema=revision, schema_current=revision == HEAD,
                       counts=counts, trash=trash, problems=problems)
