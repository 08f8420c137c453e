"""All or nothing: an export is written to a temporary file beside its destination and
renamed over it only when complete. A cancelled or failed export removes the temporary
file, so no partial file is ever left where the user looks (nor a stray one beside it)."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path


def temporary_beside(path: Path) -> Path:
    """A new, empty file in `path`'s folder with a hidden name of its own, created with the
    same permissions an ordinary new file gets (0666 less the umask: not mkstemp's 0600,
    which the rename would carry over to the export)."""
    for _attempt in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name beside {path}")  # pragma: no cover


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yields the temporary path to write; when the block ends normally the file replaces
    `path` (os.replace: atomic on one file system). On any exception, ExportCancelled and
    KeyboardInterrupt included, the temporary file is removed and the exception goes on."""
    target = Path(path)
    tmp = temporary_beside(target)
    try:
        yield tmp
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
