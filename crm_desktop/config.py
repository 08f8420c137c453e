"""Where things live on disk. Read when called, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

from crm_desktop import APP_NAME

#: Overrides the user data directory (tests, portable installs).
DATA_DIR_ENV = "CRM_DESKTOP_DATA_DIR"


def user_data_dir() -> Path:
    """The per-user folder for the database, backups and logs (created on demand)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_path

        path = user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "crm.sqlite3"


def demo_db_path() -> Path:
    """The demo database: a file of its own, never the real one."""
    return user_data_dir() / "demo.sqlite3"


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path
