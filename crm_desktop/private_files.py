"""Files readable by their owner only: the database (and its -wal / -shm), backups, the
before-upgrade and before-restore copies and the log are 0600; folders the program creates
are 0700. Modes are set with chmod after creation, so the user's umask does not matter.

On Windows nothing is changed: the files live in the user's profile, whose access list
already keeps them to that user (and chmod there only toggles the read-only flag)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700
#: the files SQLite keeps beside a database while it is open
COMPANIONS = ("-wal", "-shm", "-journal")


def applies() -> bool:
    return os.name == "posix"


def tighten(path: Path | str, mode: int = FILE_MODE) -> None:
    """Make an existing file (or folder, with FOLDER_MODE) private; a file we may not
    chmod (another owner's, a FAT-formatted USB stick) is left as it is."""
    if not applies():
        return
    with contextlib.suppress(OSError):
        os.chmod(path, mode)


def create_private(path: Path | str) -> None:
    """Create `path` as an empty 0600 file if it does not exist (before SQLite or anyone
    else writes into it), or tighten it if it does."""
    path = Path(path)
    if applies():
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE)
        except FileExistsError:  # pragma: no cover - O_CREAT without O_EXCL never says so
            pass
        else:
            os.close(fd)
    else:
        path.touch(exist_ok=True)
    tighten(path)


def tighten_database(path: Path | str) -> None:
    """The database file and the companions SQLite created beside it."""
    path = Path(path)
    if path.exists():
        tighten(path)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            tighten(companion)


def make_folder(path: Path | str) -> Path:
    """`mkdir -p` whose newly created folders are 0700 (existing ones are left alone:
    they may be the user's own, such as a USB stick's root)."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(parents=True, exist_ok=True)
    for folder in missing:
        tighten(folder, FOLDER_MODE)
    return path
