"""Opening a database on a PostgreSQL server: create its schema in an empty database, or
upgrade it, with the same Alembic migrations as a file.

Several desks may open the same database at once: the upgrade runs under a session-level
advisory lock, so one desk migrates while the others wait and then find it at the head."""

from __future__ import annotations

import logging

from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError

from crm_desktop.db.dialects import PG_MARK, pg_mark
from crm_desktop.db.engine import Database, make_server_engine
from crm_desktop.db.location import Location
from crm_desktop.domain.errors import DatabaseError

log = logging.getLogger(__name__)
#: pg_advisory_lock key of "upgrading this database" ("CRMD" as in SQLite's application_id)
UPGRADE_LOCK = 0x43524D44


def _revision(conn) -> tuple[str | None, int]:
    tables = set(inspect(conn).get_table_names())
    revision = None
    if "alembic_version" in tables:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return revision, len(tables)


def is_ours(conn) -> bool:
    """Whether the database carries crm-desktop's mark (db/dialects.py)."""
    return pg_mark(conn) == PG_MARK


def open_server(location: Location, *, create: bool = True) -> Database:
    """Open (and if needed create the schema of, or upgrade) the database `location` names.
    The database itself must exist (CREATE DATABASE is the server administrator's)."""
    from crm_desktop.db.migrate import HEAD, alembic_config, known_revisions

    engine = make_server_engine(location)
    where = location.display()
    try:
        with engine.connect() as conn:
            revision, n_tables = _revision(conn)
            conn.rollback()
            if n_tables and (revision is None or not is_ours(conn)):
                raise DatabaseError(
                    f"{where} is not a crm-desktop database: it holds tables of another "
                    "program; give crm-desktop an empty database of its own")
            if revision == HEAD:
                return Database(None, engine, location)
            if revision is not None and revision not in known_revisions():
                raise DatabaseError(
                    f"{where} was made by a newer version of crm-desktop (schema {revision}); "
                    "update the program to open it")
            if revision is None and not create:
                raise DatabaseError(f"{where} is empty, not a crm-desktop database")
            from alembic import command

            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": UPGRADE_LOCK})
            try:
                conn.commit()
                with conn.begin():
                    cfg = alembic_config()
                    cfg.attributes["connection"] = conn
                    log.info("upgrading %s from %s to %s", where, revision, HEAD)
                    command.upgrade(cfg, "head")
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": UPGRADE_LOCK})
                conn.commit()
            current, _ = _revision(conn)
            conn.rollback()
    except DatabaseError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"{where} cannot be opened: {exc}") from exc
    if current != HEAD:
        engine.dispose()
        raise DatabaseError(f"{where}: schema is at {current}, expected {HEAD}")
    return Database(None, engine, location)
