"""Shared fixtures. Qt runs offscreen; the user data directory is a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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


@pytest.fixture
def core(db_path: Path) -> Iterator:
    from crm_desktop.core import Core

    with Core.open(db_path) as c:
        yield c


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses Qt is marked `gui`, so `pytest -m "not gui"` is the quick loop."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if {"qtbot", "qapp", "qtmodeltester"} & set(fixtures):
            item.add_marker(pytest.mark.gui)
