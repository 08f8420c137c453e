"""Document numbers with several desks saving at once, on a file and on a server: each
desk is its own process with its own Core; proformas and tickets are numbered per Jalali
year, and no number is handed out twice or skipped (SQLite: BEGIN IMMEDIATE; PostgreSQL:
the writers' transaction advisory lock, db/engine.py)."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain import clock
from crm_desktop.text.jalali import jalali_year

DESKS = 3
EACH = 8


def _desk(target: str, desk: int, barrier: Any) -> None:
    with Core.open(target) as core:
        contact = core.contacts.create({"last_name": f"میز {desk}"})
        barrier.wait(timeout=120)
        for i in range(EACH):
            core.proformas.create({"contact_id": contact},
                                  [{"description": f"ردیف {i}", "unit_price_rial": 1000}])
            core.tickets.create({"subject": f"میز {desk} شماره {i}", "contact_id": contact})


def test_no_number_twice_and_none_lost(both_backends: Path | str) -> None:
    target = str(both_backends)
    Core.open(target).close()  # the schema exists before the desks start
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(DESKS)
    desks = [ctx.Process(target=_desk, args=(target, d, barrier)) for d in range(DESKS)]
    for p in desks:
        p.start()
    for p in desks:
        p.join(timeout=300)
    assert [p.exitcode for p in desks] == [0] * DESKS
    year = jalali_year(clock.today())
    every = [(year, s) for s in range(1, DESKS * EACH + 1)]
    with Core.open(target) as core, core.db.read() as session:
        proformas = sorted(tuple(r) for r in session.execute(
            select(m.Proforma.year, m.Proforma.seq)))
        tickets = sorted(tuple(r) for r in session.execute(select(m.Ticket.year, m.Ticket.seq)))
        lines = session.scalar(select(func.count()).select_from(m.ProformaLine))
    assert proformas == every
    assert tickets == every
    assert lines == DESKS * EACH
