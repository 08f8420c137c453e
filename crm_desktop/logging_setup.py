"""One rotating log file in the user data directory for the CLI and the GUI."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from crm_desktop import config
from crm_desktop.private_files import create_private


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log (and each file it rotates into) readable by its owner only."""

    def _open(self):  # type: ignore[no-untyped-def]
        create_private(self.baseFilename)
        return super()._open()

LOG_FILE_NAME = "crm-desktop.log"
_handler: PrivateRotatingFileHandler | None = None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the package's log records to a rotating file; returns its path (None if the
    folder cannot be written: the program still runs)."""
    global _handler
    try:
        path = config.log_dir() / LOG_FILE_NAME
    except OSError:
        return None
    root = logging.getLogger("crm_desktop")
    if _handler is not None:
        if Path(_handler.baseFilename) == path:
            return path
        root.removeHandler(_handler)
        _handler.close()
    try:
        _handler = PrivateRotatingFileHandler(
            path, maxBytes=2 * 1024 * 1024, backupCount=5, encoding="utf-8"
        )
    except OSError:
        _handler = None
        return None
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(_handler)
    root.setLevel(level)
    return path
