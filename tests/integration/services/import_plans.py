"""Plans built by hand for the import writer's tests (PlannedRow values are the cleaned
values the services store), and a dump of the database to compare before and after."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.imports.model import ImportPlan, Match, PlannedRow, RowError

#: the import's own tables and the log: not part of "the database as the user sees it"
BOOKKEEPING = {"audit_log", "import_batches", "import_changes"}


def planned(rows: Iterable[tuple[int, Mapping[str, Any]] | tuple[int, Mapping[str, Any], Match]],
            kind: str = "contacts", errors: Iterable[RowError] = (),
            headers: tuple[str, ...] = ("نام", "نام خانوادگی", "موبایل")) -> ImportPlan:
    planned_rows = [PlannedRow(r[0], dict(r[1]), r[2] if len(r) > 2 else None)  # type: ignore[misc]
                    for r in rows]
    return ImportPlan(kind=kind, file_name="مشتریان.xlsx", sheet="برگه۱", header_row=2,  # type: ignore[arg-type]
                      headers=headers, mapping=("first_name", "last_name", "mobile")[:len(headers)],
                      rows=planned_rows, errors=list(errors), warnings=[])


def by_mobile(mobile: str, existing_id: int | None = None,
              earlier_row: int | None = None) -> Match:
    return Match("mobile", mobile, existing_id=existing_id, earlier_row=earlier_row)


def count(core: Core, model: Any) -> int:
    from sqlalchemy import func

    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)))


def dump(core: Core, *, skip_columns: Iterable[str] = ("updated_at",)) -> dict[str, list]:
    """Every table (but the bookkeeping) as sorted rows, `skip_columns` left out."""
    skip = set(skip_columns)
    out: dict[str, list] = {}
    with core.db.read() as session:
        for table in m.Base.metadata.sorted_tables:
            if table.name in BOOKKEEPING:
                continue
            columns = [c for c in table.columns if c.name not in skip]
            out[table.name] = sorted(
                (tuple(row) for row in session.execute(select(*columns))), key=repr)
    return out
