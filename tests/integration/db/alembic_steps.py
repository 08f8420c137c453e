"""Alembic's own upgrade and downgrade of a database file, each in one transaction (the
migration tests build databases at older revisions with these)."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from crm_desktop.db.engine import make_engine
from crm_desktop.db.migrate import alembic_config


def _step(path: Path, down: bool, revision: str) -> None:
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)
    finally:
        engine.dispose()


def upgrade(path: Path, revision: str) -> None:
    _step(path, False, revision)


def downgrade(path: Path, revision: str) -> None:
    _step(path, True, revision)
