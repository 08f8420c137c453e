"""The database file: creation, pragmas, migrations, refusal of foreign files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from crm_desktop.db.engine import APPLICATION_ID
from crm_desktop.db.migrate import head_revision, open_database
from crm_desktop.db.models import Base
from crm_desktop.db.search_index import SEARCH_TABLES, is_index_object
from crm_desktop.domain.errors import DatabaseError

pytestmark = pytest.mark.sqlite_only("the file itself: pragmas, WAL, foreign and damaged files")


def test_new_database_has_product_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    finally:
        db.close()


def test_models_and_migrations_agree(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.engine.connect() as conn, warnings.catch_warnings():
            # Alembic cannot compare expression indexes on SQLite; checked below by name.
            warnings.filterwarnings("ignore", "autogenerate skipping", UserWarning)
            warnings.filterwarnings("ignore", "Skipped unsupported reflection")
            ctx = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "include_object": lambda o, name, t, r, c: not is_index_object(name),
            })
            assert compare_metadata(ctx, Base.metadata) == []
            indexes = {
                r[0]: r[1] for r in conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index'")
            }
    finally:
        db.close()
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            if any(not hasattr(e, "name") for e in index.expressions):
                assert index.name in indexes, index.name


def test_search_index_tables_and_triggers_exist(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    for table in SEARCH_TABLES:
        assert f"{table}_fts" in names
        assert {f"{table}_fts_ai", f"{table}_fts_ad", f"{table}_fts_au"} <= names
        assert f"{table}_fts_names" in names
        assert {f"{table}_fts_names_ai", f"{table}_fts_names_ad", f"{table}_fts_names_au"} <= names


def test_reopening_keeps_data_and_revision(core, db_path: Path) -> None:
    cid = core.contacts.create({"first_name": "مریم", "last_name": "کاظمی"})
    core.close()
    from crm_desktop.core import Core

    with Core.open(db_path) as again:
        assert again.contacts.get(cid)["full_name"] == "مریم کاظمی"
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    conn.close()


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="not a crm-desktop database"):
        open_database(other)
    # nothing was added to the foreign file
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["invoices"]
    conn.close()


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    with pytest.raises(DatabaseError, match="not an SQLite file"):
        open_database(path)


def test_missing_file_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_database(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_read_only_folder_is_refused(tmp_path: Path, monkeypatch) -> None:
    import crm_desktop.db.migrate as migrate

    folder = tmp_path / "ro"
    folder.mkdir()
    # Tests run as root on CI, where chmod does not stop writes: simulate the permission.
    real_access = migrate.os.access
    monkeypatch.setattr(
        migrate.os, "access",
        lambda p, mode: False if Path(p) == folder else real_access(p, mode),
    )
    with pytest.raises(DatabaseError, match="read-only"):
        open_database(folder / "crm.sqlite3")
    assert list(folder.iterdir()) == []


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="newer version"):
        open_database(db_path)


def test_pending_upgrade_takes_a_backup_first(db_path: Path, tmp_path: Path, monkeypatch) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO tags (name) VALUES ('kept')")
    conn.commit()
    conn.close()
    # A newer program: the same migrations plus one more.
    import shutil

    import crm_desktop.db.migrate as migrate

    previous = head_revision()  # the newest migration this program has
    newer = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "0002_test.py").write_text(
        "from alembic import op\n"
        f"revision = '0002_test'\ndown_revision = '{previous}'\n"
        "branch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.execute('CREATE TABLE upgraded (id INTEGER PRIMARY KEY)')\n"
        "def downgrade():\n    op.execute('DROP TABLE upgraded')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer)
    monkeypatch.setattr(migrate, "HEAD", "0002_test")
    migrate.open_database(db_path).close()

    copies = list(db_path.parent.glob(f"crm.before-upgrade-{previous}-*.sqlite3"))
    assert len(copies) == 1
    conn = sqlite3.connect(copies[0])
    assert conn.execute("SELECT name FROM tags").fetchall() == [("kept",)]
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == previous
    conn.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002_test"
    assert conn.execute("SELECT count(*) FROM upgraded").fetchone()[0] == 0
    conn.close()


def test_committed_write_survives_a_killed_process(db_path: Path) -> None:
    """What was committed is on disk even when the process dies without closing."""
    script = (
        "import os, sys\n"
        "from crm_desktop.core import Core\n"
        "core = Core.open(sys.argv[1])\n"
        "core.contacts.create({'first_name': 'نگار', 'last_name': 'پاکزاد'})\n"
        "os._exit(9)\n"  # no close, no checkpoint, no atexit
    )
    proc = subprocess.run([sys.executable, "-c", script, str(db_path)], check=False)
    assert proc.returncode == 9
    from crm_desktop.core import Core

    with Core.open(db_path) as core:
        rows = core.contacts.list().rows
    assert [r["full_name"] for r in rows] == ["نگار پاکزاد"]


def test_expression_indexes_match_the_models(db_path: Path) -> None:
    """The migration spells the expression indexes out; they must equal the models'."""
    from sqlalchemy.schema import CreateIndex

    from crm_desktop.db.engine import make_engine

    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    stored = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}
    conn.close()
    engine = make_engine(db_path)
    for table in Base.metadata.tables.values():
        for index in table.indexes:
            if all(hasattr(e, "name") for e in index.expressions):
                continue
            expected = str(CreateIndex(index).compile(engine)).strip()
            assert " ".join(stored[index.name].split()) == " ".join(expected.split())
    engine.dispose()


def test_head_constant_is_alembics_head() -> None:
    """A database at HEAD is opened without Alembic: HEAD must be the newest migration."""
    from crm_desktop.db.migrate import HEAD

    assert head_revision() == HEAD


def test_opening_a_current_database_does_not_import_alembic(db_path: Path) -> None:
    open_database(db_path).close()
    script = (
        "import sys\n"
        "from crm_desktop.core import Core\n"
        f"with Core.open({str(db_path)!r}) as core:\n"
        "    core.contacts.count()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]", out


def test_the_program_gathers_no_planner_statistics(core, db_path: Path) -> None:
    """The query plans are tuned without statistics (see db/engine.py): opening, using and
    closing a database must not ANALYZE it (with statistics the contact count becomes a
    table scan, 6 times slower at 500,000 contacts)."""
    for i in range(30):
        core.contacts.create({"first_name": f"Ali {i}", "last_name": "Rezaei"})
    assert core.contacts.count() == 30
    core.close()
    reopened = open_database(db_path)
    with reopened.engine.connect() as conn:
        conn.exec_driver_sql("SELECT count(*) FROM contacts WHERE deleted_at IS NULL").all()
    reopened.close()
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_stat%'"
                           ).fetchone()[0] == 0
    finally:
        raw.close()


def test_audit_actions_fit_their_column() -> None:
    """audit_log.action was created 15 characters wide (PostgreSQL enforces it)."""
    from crm_desktop.db.models import AuditLog
    from crm_desktop.domain.enums import AuditAction

    width = AuditLog.__table__.c.action.type.length
    assert all(len(a.value) <= width for a in AuditAction)
