"""What the schema does differently on SQLite and on PostgreSQL: the one place the
migrations ask.

- Marking the database as ours: SQLite's PRAGMA application_id ("CRMD"); on PostgreSQL a
  comment on the alembic_version table (copied with the database by CREATE DATABASE ...
  TEMPLATE and by pg_dump, unlike a comment on the database itself).
- The search index: FTS5 tables kept in step by triggers on SQLite; on PostgreSQL GIN
  expression indexes over `crm_search_vector(text)`, a tsvector of the words of the text
  already normalised in Python (text.normalize: words of letters and digits separated by
  one space), taken as they are: no parser, no dictionary, nothing that depends on the
  server's locale, so both databases index the same words. An expression index needs no
  trigger and cannot fall out of step with its table.
- Text order: SQLite compares text by code point (BINARY); on PostgreSQL every text column
  gets the "C" collation (byte order, which in UTF-8 is code-point order), so the Persian
  sort keys (text.collation), keyset pages and every ORDER BY on text order rows as on
  SQLite whatever the server's default collation. `finish_upgrade` applies it to the
  columns each upgrade added.
- The audit log's refusal of UPDATE and DELETE: SQLite triggers, or a PL/pgSQL trigger.
"""

from __future__ import annotations

from typing import Any

#: PRAGMA application_id of every crm-desktop SQLite file ("CRMD")
APPLICATION_ID = 0x43524D44
#: the comment on alembic_version that marks a PostgreSQL database as crm-desktop's
PG_MARK = "crm-desktop database (CRMD)"
#: the tsvector of normalised search text (GIN expression indexes and queries use it)
SEARCH_VECTOR = "crm_search_vector"
#: a word of the search text is cut to this many characters in the vector (a tsvector
#: lexeme holds at most 2,047 bytes; a query term holds at most 64 characters)
WORD_CAP = 256


def _op() -> Any:
    """Alembic's operations (imported only by migrations: opening a database at the head
    does not import Alembic)."""
    from alembic import op

    return op


def is_postgresql(bind: Any = None) -> bool:
    bind = bind if bind is not None else _op().get_bind()
    return bind.dialect.name == "postgresql"


def mark_database() -> None:
    """Mark a new database as crm-desktop's (checked before any other program's database
    is opened or upgraded)."""
    if is_postgresql():
        _op().execute(f"COMMENT ON TABLE alembic_version IS '{PG_MARK}'")
    else:
        _op().execute("PRAGMA application_id = 1129467204")  # 0x43524D44, "CRMD"


def pg_mark(conn: Any) -> str | None:
    """The comment on alembic_version of a PostgreSQL database (None without one)."""
    from sqlalchemy import text

    return conn.execute(text(
        "SELECT obj_description(to_regclass('alembic_version'), 'pg_class')")).scalar()


def index_expression(sql: str) -> str:
    """An expression as an index column: PostgreSQL wants it in parentheses (a function
    call excepted), SQLite keeps it as written."""
    return f"({sql})" if is_postgresql() else sql


def nullable_sort_columns(table: str, column: str) -> list[Any]:
    """The index columns of a list sorted by a nullable column (models.base.nullable_sort,
    NULL as ''): `coalesce(column, '')`; on PostgreSQL a date or time column cannot be
    coalesced with text (nor cast to text in an index: the cast depends on DateStyle), so
    its index holds the column itself."""
    import sqlalchemy as sa

    if is_postgresql():
        kind = _op().get_bind().execute(sa.text(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND table_name = :t AND column_name = :c"),
            {"t": table, "c": column}).scalar()
        if kind not in ("character varying", "text"):
            return [column]
    return [sa.text(f"coalesce({column}, '')")]


# -- the search index ------------------------------------------------------------------------

def latin_folds() -> dict[str, str]:
    """Latin letters with diacritics -> the letter without them: what SQLite's tokenizer
    (unicode61 remove_diacritics 2) folds on both sides of a match, done on PostgreSQL by
    the vector's translate() and by the query (services/search_query.py)."""
    import unicodedata

    folds = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        parts = unicodedata.normalize("NFD", char)
        if (len(parts) > 1 and parts[0].isascii() and parts[0].isalpha()
                and all(unicodedata.combining(c) for c in parts[1:])):
            folds[char] = parts[0]
    return folds


def search_vector(columns: str) -> str:
    """The indexed expression over `columns` ("search_name" or both columns)."""
    return f"{SEARCH_VECTOR}({columns})"


#: the expressions of `<table>_fts` and `<table>_fts_names` (queries repeat them verbatim,
#: so that PostgreSQL matches them to the index)
PG_ALL = search_vector("search_name || ' ' || search_other")
PG_NAMES = search_vector("search_name")


def create_search_index(table: str) -> None:
    """`<table>_fts` over search_name and search_other (schema 0001)."""
    if is_postgresql():
        folds = latin_folds()
        _op().execute(
            f"CREATE OR REPLACE FUNCTION {SEARCH_VECTOR}(words text) RETURNS tsvector "
            "LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS "
            f"$$ SELECT coalesce(array_to_tsvector(array_agg(DISTINCT left(w, {WORD_CAP}))), "
            "''::tsvector) FROM unnest(string_to_array(translate(words, "
            f"'{''.join(folds)}', '{''.join(folds.values())}'), ' ')) AS w "
            "WHERE w <> '' $$")
        _op().execute(f"CREATE INDEX {table}_fts ON {table} USING gin ({PG_ALL})")
        return
    t = table
    _op().execute(
        f"CREATE VIRTUAL TABLE {t}_fts USING fts5(search_name, search_other, "
        f"content='{t}', content_rowid='id', prefix='1 2 3 4', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_ai AFTER INSERT ON {t} BEGIN "
        f"INSERT INTO {t}_fts(rowid, search_name, search_other) "
        "VALUES (new.id, new.search_name, new.search_other); END"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_ad AFTER DELETE ON {t} BEGIN "
        f"INSERT INTO {t}_fts({t}_fts, rowid, search_name, search_other) "
        "VALUES ('delete', old.id, old.search_name, old.search_other); END"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_au AFTER UPDATE OF search_name, search_other ON {t} BEGIN "
        f"INSERT INTO {t}_fts({t}_fts, rowid, search_name, search_other) "
        "VALUES ('delete', old.id, old.search_name, old.search_other); "
        f"INSERT INTO {t}_fts(rowid, search_name, search_other) "
        "VALUES (new.id, new.search_name, new.search_other); END"
    )


def drop_search_index(table: str) -> None:
    if is_postgresql():
        _op().execute(f"DROP INDEX IF EXISTS {table}_fts")
    else:
        _op().execute(f"DROP TABLE IF EXISTS {table}_fts")


def create_names_index(table: str) -> None:
    """`<table>_fts_names` over search_name alone (schema 0004)."""
    if is_postgresql():
        _op().execute(f"CREATE INDEX {table}_fts_names ON {table} USING gin ({PG_NAMES})")
        return
    t = table
    _op().execute(
        f"CREATE VIRTUAL TABLE {t}_fts_names USING fts5(search_name, content='{t}', "
        "content_rowid='id', prefix='1 2 3 4', columnsize=0, "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_names_ai AFTER INSERT ON {t} BEGIN "
        f"INSERT INTO {t}_fts_names(rowid, search_name) VALUES (new.id, new.search_name); "
        "END"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_names_ad AFTER DELETE ON {t} BEGIN "
        f"INSERT INTO {t}_fts_names({t}_fts_names, rowid, search_name) "
        "VALUES ('delete', old.id, old.search_name); END"
    )
    _op().execute(
        f"CREATE TRIGGER {t}_fts_names_au AFTER UPDATE OF search_name ON {t} BEGIN "
        f"INSERT INTO {t}_fts_names({t}_fts_names, rowid, search_name) "
        "VALUES ('delete', old.id, old.search_name); "
        f"INSERT INTO {t}_fts_names(rowid, search_name) VALUES (new.id, new.search_name); "
        "END"
    )


def drop_names_index(table: str) -> None:
    if is_postgresql():
        _op().execute(f"DROP INDEX IF EXISTS {table}_fts_names")
        return
    for suffix in ("ai", "ad", "au"):
        _op().execute(f"DROP TRIGGER IF EXISTS {table}_fts_names_{suffix}")
    _op().execute(f"DROP TABLE IF EXISTS {table}_fts_names")


def recompute_search_names(columns: dict[str, str], key_function: Any) -> None:
    """search_name = key_function(name column) for every row of the tables `columns` maps
    to their name column. (SQLite: see migration 0004, which drops its triggers for it.)
    On PostgreSQL the expression indexes follow by themselves."""
    from sqlalchemy import text

    conn = _op().get_bind()
    for table, column in columns.items():
        rows = conn.execute(text(f"SELECT id, coalesce({column}, '') FROM {table}")).all()
        values = [{"i": i, "k": key_function(name)} for i, name in rows]
        if values:
            conn.execute(text(f"UPDATE {table} SET search_name = :k WHERE id = :i"), values)


# -- other statements SQLite and PostgreSQL say differently -------------------------------------

def audit_log_read_only(message: str) -> None:
    """The database refuses UPDATE and DELETE on audit_log (schema 0014)."""
    if is_postgresql():
        _op().execute(
            "CREATE OR REPLACE FUNCTION crm_audit_log_read_only() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$")
        for verb, suffix, each in (("UPDATE", "no_update", "ROW"),
                                   ("DELETE", "no_delete", "ROW"),
                                   ("TRUNCATE", "no_truncate", "STATEMENT")):
            _op().execute(f"CREATE TRIGGER audit_log_{suffix} BEFORE {verb} ON audit_log "
                       f"FOR EACH {each} EXECUTE FUNCTION crm_audit_log_read_only()")
        return
    for verb, suffix in (("UPDATE", "no_update"), ("DELETE", "no_delete")):
        _op().execute(f"CREATE TRIGGER audit_log_{suffix} BEFORE {verb} ON audit_log "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


def drop_audit_log_read_only() -> None:
    if is_postgresql():
        _op().execute("DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log")
        _op().execute("DROP TRIGGER IF EXISTS audit_log_no_delete ON audit_log")
        _op().execute("DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log")
        _op().execute("DROP FUNCTION IF EXISTS crm_audit_log_read_only()")
        return
    _op().execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    _op().execute("DROP TRIGGER IF EXISTS audit_log_no_update")


def finish_upgrade(conn: Any) -> None:
    """After the migrations of one upgrade (env.py): on PostgreSQL, every text column not
    yet in the "C" collation is given it (those the upgrade added)."""
    if conn.dialect.name != "postgresql":
        return
    from sqlalchemy import text

    rows = conn.execute(text(
        "SELECT table_name, column_name, data_type, character_maximum_length "
        "FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND data_type IN ('character varying', 'text') AND table_name <> 'alembic_version' "
        "AND coalesce(collation_name, '') <> 'C' ORDER BY table_name, ordinal_position")).all()
    by_table: dict[str, list[str]] = {}
    for table, column, kind, length in rows:
        sql_type = "text" if kind == "text" else (
            f"varchar({length})" if length else "varchar")
        by_table.setdefault(table, []).append(
            f'ALTER COLUMN "{column}" TYPE {sql_type} COLLATE "C"')
    for table, changes in by_table.items():
        conn.execute(text(f'ALTER TABLE "{table}" ' + ", ".join(changes)))
    _ids_in_64_bits(conn)


def _ids_in_64_bits(conn: Any) -> None:
    """Ids and the columns pointing at them (models' IdColumn) as bigint, and the id
    sequences too, where an upgrade made them integer (the migrations say sa.Integer: on
    SQLite the rowid, 64 bits; on PostgreSQL 32 bits)."""
    from sqlalchemy import text

    from crm_desktop.db.models import Base

    integer = {(t, c) for t, c in conn.execute(text(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND data_type = 'integer'")).all()}
    for table in Base.metadata.sorted_tables:
        wide = [c for c in table.columns
                if "postgresql" in getattr(c.type, "_variant_mapping", {})
                and (table.name, c.name) in integer]
        if not wide:
            continue
        conn.execute(text(f'ALTER TABLE "{table.name}" ' + ", ".join(
            f'ALTER COLUMN "{c.name}" TYPE bigint' for c in wide)))
        for column in wide:
            if column.primary_key:
                sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                        {"t": table.name, "c": column.name}).scalar()
                if sequence:
                    conn.execute(text(f"ALTER SEQUENCE {sequence} AS bigint"))
