"""Where things live on disk. Read when called, never at import time."""

from __future__ import annotations

import os
from pathlib import Path

from crm_desktop import APP_NAME
from crm_desktop.private_files import FOLDER_MODE, make_folder, tighten

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
    make_folder(path)
    tighten(path, FOLDER_MODE)  # our own folder: the owner's only, even if made earlier
    return path


def default_db_path() -> Path:
    return user_data_dir() / "crm.sqlite3"


def demo_db_path() -> Path:
    """The demo database: a file of its own, never the real one."""
    return user_data_dir() / "demo.sqlite3"


def log_dir() -> Path:
    path = make_folder(user_data_dir() / "logs")
    tighten(path, FOLDER_MODE)
    return path


def backup_dir() -> Path:
    path = make_folder(user_data_dir() / "backups")
    tighten(path, FOLDER_MODE)
    return path
