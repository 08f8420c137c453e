"""The garbage collector is held off while the program starts and runs again once the
window is usable or a command starts (crm_desktop/startup_gc.py; the window's side is
tested in tests/gui/test_startup_imports.py, in a process of its own)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

from crm_desktop import startup_gc


@pytest.fixture(autouse=True)
def _collector_as_before() -> Iterator[None]:
    yield
    startup_gc.release()
    gc.unfreeze()
    gc.enable()


def test_hold_then_release_freezes_what_start_up_made() -> None:
    gc.unfreeze()
    startup_gc.hold()
    assert not gc.isenabled() and startup_gc.held()
    startup_gc.release()
    assert gc.isenabled() and not startup_gc.held()
    assert gc.get_freeze_count() > 1000
    startup_gc.release()  # once only
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    startup_gc.hold()
    startup_gc.release()
    assert not gc.isenabled()


def test_a_command_runs_with_the_collector_on(tmp_path: Path) -> None:
    from crm_desktop.cli import run

    startup_gc.hold()
    assert run(["check", "--db", str(tmp_path / "none.sqlite3")]) == 2  # (no such file)
    assert gc.isenabled()
