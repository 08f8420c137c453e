"""The demo on a server database: made in a temporary file by the demo's fast loader
(services/demo.py, which writes SQLite pages directly), then copied into the empty server
database by `migrate`'s copy and compared table by table (services/transfer.py)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from crm_desktop.db.location import Location, parse_location
from crm_desktop.domain.errors import DatabaseError


def generate_on_server(target: str | Location, contacts: int, seed: int = 1, *,
                       progress: Callable[[str], None] | None = None) -> dict[str, int]:
    """Fill the empty server database `target` with the demo; the row counts written.
    DatabaseError, with nothing written, when it is not empty or cannot be reached."""
    from crm_desktop.core import Core
    from crm_desktop.services import transfer
    from crm_desktop.services.demo import generate

    say = progress or (lambda _step: None)
    location = parse_location(target)
    # before a minute of building for nothing
    transfer.check_target_empty(location, "demo data goes")
    with tempfile.TemporaryDirectory(prefix="crm-demo-") as folder:
        file = Path(folder) / "demo.sqlite3"
        with Core.open(file) as core:
            counts = generate(core.db, contacts, seed, progress=say)
        say(f"copying into {location.display()}")
        report = transfer.migrate(file, location)
    if not report.ok:
        raise DatabaseError(f"the demo copied into {location.display()} differs from the one "
                            f"made: {', '.join(report.differing)}")
    return counts
