"""The side bar's count of open tickets, read as the window opens, comes from the
partial index of live tickets alone: no ticket's row is read (at 25,000 tickets a read of
every row took 15 ms on the window's thread and filled the page cache)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.integration.services.test_activity_plans import plans


@pytest.mark.sqlite_only("reads SQLite's query plan")
def test_the_counts_by_status_read_the_index_alone(core: Any) -> None:
    ids = [core.tickets.create({"subject": f"مشکل {i}", "description": "شرح " * 50})
           for i in range(30)]
    core.tickets.delete(ids[0])
    with core.db.raw() as conn:
        conn.execute("ANALYZE")
    lines = plans(core, core.tickets.counts_by_status)
    assert lines == ["SCAN tickets USING COVERING INDEX ix_tickets_live_status"], lines
    counts = core.tickets.counts_by_status()
    assert sum(counts.values()) == 29 and counts["new"] == 29
