"""Making a database prints nothing but its own progress: SQLAlchemy's warnings about
the expression indexes a batch step cannot reflect stay off the user's terminal."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from crm_desktop.cli import run


@pytest.mark.sqlite_only("a new file, made by every migration's batch steps")
def test_a_new_database_is_made_without_warnings(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert run(["demo", "--db", str(tmp_path / "new.sqlite3"), "--contacts", "5"]) == 0
    assert [str(w.message) for w in caught] == []
    assert "Warning" not in capsys.readouterr().err
