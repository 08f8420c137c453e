"""Shared fixtures. Qt runs offscreen; the user data directory is a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# secrets go to a keyring that lives in the test process, never the developer's real one
os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"


@pytest.fixture(autouse=True)
def _user_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Nothing a test does may touch the real user data directory."""
    monkeypatch.setenv("CRM_DESKTOP_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _business_clock() -> Iterator[None]:
    """A test that changes the business's time zone does not leak it into the next one."""
    yield
    from crm_desktop.domain import clock

    clock.set_business_tz(clock.DEFAULT_TZ)


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    """An empty in-process keyring for the test, emptied again after it."""
    import keyring

    from tests.memory_keyring import STORE, MemoryKeyring

    STORE.clear()
    keyring.set_keyring(MemoryKeyring())
    yield
    STORE.clear()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "crm.sqlite3"


# -- the database a test runs on: SQLite, or PostgreSQL with --pg (tests/pg.py) ---------------

def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--pg", action="store_true", default=False,
        help="run the database tests on PostgreSQL (the server named by CRM_TEST_PG); "
             "the same as CRM_TEST_BACKEND=postgresql")


def on_postgresql(config: pytest.Config) -> bool:
    return bool(config.getoption("--pg")) or os.environ.get(
        pg.ENV_BACKEND, "").lower() in ("postgresql", "pg")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only(reason): needs a database file (skipped on PostgreSQL)")
    if on_postgresql(config) and not pg.server_url():
        raise pytest.UsageError(
            f"--pg needs {pg.ENV_SERVER}=postgresql://USER@HOST:PORT/postgres "
            "(a role that may create databases)")


@pytest.fixture(scope="session")
def pg_server(request: pytest.FixtureRequest) -> Iterator[pg.PgServer]:
    """The PostgreSQL server of CRM_TEST_PG (skips the test when it is not set)."""
    url = pg.server_url()
    if url is None:
        pytest.skip(f"{pg.ENV_SERVER} is not set: no PostgreSQL server to test on")
    server = pg.PgServer(url, pg.worker_id(request.config))
    yield server
    server.close()


def _pg_database(request: pytest.FixtureRequest) -> Iterator[str]:
    server: pg.PgServer = request.getfixturevalue("pg_server")
    name = server.fresh()
    try:
        yield server.url(name)
    finally:
        server.drop(name)


@pytest.fixture
def db_target(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Path | str]:
    """What a test opens: a file (SQLite), or with --pg the URL of a fresh PostgreSQL
    database already at the head of the migrations."""
    if on_postgresql(request.config):
        yield from _pg_database(request)
    else:
        yield db_path


@pytest.fixture(scope="module")
def module_db_target(request: pytest.FixtureRequest,
                     tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | str]:
    """`db_target` for one database a whole test module shares (a "world" it builds once)."""
    if on_postgresql(request.config):
        yield from _pg_database(request)
    else:
        yield tmp_path_factory.mktemp("module") / "crm.sqlite3"


@pytest.fixture(params=["sqlite", "postgresql"])
def both_backends(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Path | str]:
    """The test runs twice: on a file and on a fresh PostgreSQL database (that half is
    skipped when CRM_TEST_PG is not set)."""
    if request.param == "postgresql":
        yield from _pg_database(request)
    else:
        yield db_path


@pytest.fixture
def core(db_target: Path | str) -> Iterator:
    from crm_desktop.core import Core

    with Core.open(db_target) as c:
        yield c


#: on PostgreSQL, a property test tries at most this many examples (CRM_TEST_PG_EXAMPLES):
#: each one is a round of statements on a server, and the SQLite run has tried them all
PG_EXAMPLES = int(os.environ.get("CRM_TEST_PG_EXAMPLES", "20"))


def _fewer_examples(item: pytest.Item) -> None:
    from hypothesis import settings

    test = getattr(item, "obj", None)
    chosen = getattr(test, "_hypothesis_internal_use_settings", None)
    if chosen is not None and chosen.max_examples > PG_EXAMPLES:
        test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
            chosen, max_examples=PG_EXAMPLES)


def _only_what_runs_on_the_server(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With --pg, the tests whose database does not change with it are left out: those
    that open no `db_target` (files of their own, parsers, the command line on a file) and
    those on `both_backends` or `pg_server`, which the plain run (with CRM_TEST_PG set)
    ran on both already. Running them again would test the same thing twice."""
    kept, left = [], []
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        same = not {"db_target", "module_db_target"} & names or "both_backends" in names
        (left if same else kept).append(item)
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that uses Qt is marked `gui`, so `pytest -m "not gui"` is the quick loop.
    On PostgreSQL, tests marked `sqlite_only` are skipped and property tests try fewer
    examples (PG_EXAMPLES)."""
    postgresql = on_postgresql(config)
    if postgresql:
        _only_what_runs_on_the_server(config, items)
    for item in items:
        if postgresql:
            _fewer_examples(item)
        fixtures = getattr(item, "fixturenames", ())
        if {"qtbot", "qapp", "qtmodeltester"} & set(fixtures):
            item.add_marker(pytest.mark.gui)
        if postgresql and (mark := item.get_closest_marker("sqlite_only")):
            why = mark.args[0] if mark.args else mark.kwargs.get("reason", "needs a file")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {why}"))
