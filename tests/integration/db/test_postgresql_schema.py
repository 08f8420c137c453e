"""The migrations on PostgreSQL: an empty database gets the whole schema, equal to the
ORM's; it is marked as crm-desktop's; a database of another program is refused; text
compares by code point as on SQLite; the audit log refuses changes."""

from __future__ import annotations

import warnings

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from crm_desktop.db.dialects import PG_MARK
from crm_desktop.db.migrate import HEAD, open_database
from crm_desktop.db.models import Base
from crm_desktop.db.search_index import SEARCH_TABLES, is_index_object
from crm_desktop.domain.errors import DatabaseError


@pytest.fixture
def empty_pg(pg_server):
    name = pg_server.empty()
    yield pg_server.url(name)
    pg_server.drop(name)


def _expression_index(index) -> bool:
    return any(not hasattr(e, "name") for e in index.expressions)


def test_migrations_create_the_schema_of_the_models(empty_pg) -> None:
    db = open_database(empty_pg)
    try:
        assert db.dialect == "postgresql" and db.path is None
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "include_object": lambda o, name, t, r, c: not is_index_object(name),
            })
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "autogenerate skipping", UserWarning)
                diffs = compare_metadata(ctx, Base.metadata)
            # expression indexes are written per database (db/dialects.py): compared by
            # name below, as on SQLite
            by_expression = {i.name for t in Base.metadata.tables.values()
                             for i in t.indexes if _expression_index(i)}
            diffs = [d for d in diffs if not (d[0] in ("add_index", "remove_index")
                                               and d[1].name in by_expression)]
            assert diffs == []
            indexes = {r[0] for r in conn.execute(text(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"))}
            assert conn.execute(text(
                "SELECT obj_description('alembic_version'::regclass, 'pg_class')")
            ).scalar() == PG_MARK
            not_c = conn.execute(text(
                "SELECT table_name || '.' || column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name <> 'alembic_version' "
                "AND data_type IN ('text', 'character varying') "
                "AND coalesce(collation_name, '') <> 'C'")).scalars().all()
            assert not_c == []
    finally:
        db.close()
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            if _expression_index(index):
                assert index.name in indexes, index.name
    for table in SEARCH_TABLES:
        assert {f"{table}_fts", f"{table}_fts_names"} <= indexes


def test_an_opened_database_is_not_migrated_again(db_target, pg_server) -> None:
    if not str(db_target).startswith("postgresql"):
        db_target = pg_server.url(pg_server.fresh())
    open_database(db_target).close()
    open_database(db_target).close()


def test_a_database_of_another_program_is_refused(empty_pg) -> None:
    engine = create_engine(empty_pg)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id integer PRIMARY KEY)"))
    with pytest.raises(DatabaseError, match="not a crm-desktop database"):
        open_database(empty_pg)
    # even one that uses Alembic too, at a revision that happens to be ours
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE alembic_version (version_num varchar(32))"))
        conn.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": HEAD})
    with pytest.raises(DatabaseError, match="not a crm-desktop database"):
        open_database(empty_pg)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = "
                                 "current_schema()")).scalar() == 2  # nothing was added
    engine.dispose()


def test_text_orders_by_code_point_as_on_sqlite(pg_server) -> None:
    """Even where the server's own order is a language's (here Persian, by ICU)."""
    url = pg_server.url(pg_server.empty(icu_locale="fa-IR"))
    open_database(url).close()
    engine = create_engine(url)
    words = ["b", "B", "a", "Z", " a", "ب", "\ue000", "آ", "a b", "ab", "_x", "é", "گ", "ه"]
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO tags (name) VALUES (:n)"), [{"n": w} for w in words])
            got = conn.execute(text("SELECT name FROM tags ORDER BY name")).scalars().all()
        assert got == sorted(words)
    finally:
        engine.dispose()


def test_the_audit_log_refuses_changes(empty_pg) -> None:
    open_database(empty_pg).close()
    engine = create_engine(empty_pg)
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO audit_log (at, entity, entity_id, action) "
                              "VALUES (now(), 'contact', 1, 'create')"))
        for sql in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log"):
            with pytest.raises(DBAPIError, match="the audit log cannot be changed"), \
                    engine.begin() as conn:
                conn.execute(text(sql))
        with engine.connect() as conn:
            assert conn.execute(text("SELECT action FROM audit_log")).scalar() == "create"
    finally:
        engine.dispose()


def test_ids_are_64_bits_as_on_sqlite(empty_pg) -> None:
    """An id the services accept (up to 2**63 - 1) is one the server can compare: not
    found, never "integer out of range"; the id sequences count past 2**31 too."""
    from crm_desktop.core import Core
    from crm_desktop.domain.errors import NotFoundError, ValidationError
    from crm_desktop.domain.periods import Period

    with Core.open(empty_pg) as core:
        with pytest.raises(NotFoundError):
            core.contacts.get(2**62)
        with pytest.raises(ValidationError):  # no such owner
            core.kpis.compute(Period.of_month(1405, 8), 2**40)
        with core.db.engine.connect() as conn:
            kinds = set(conn.execute(text(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND column_name = 'id'")).scalars())
            assert kinds == {"bigint"}
            conn.execute(text("SELECT setval(pg_get_serial_sequence('tags', 'id'), "
                              "3000000000)"))
            conn.commit()
        assert core.contacts.create({"first_name": "Ava", "tags": ["after 2**31"]})
        with core.db.engine.connect() as conn:
            assert conn.execute(text("SELECT max(id) FROM tags")).scalar() > 2**31
