"""Plans built by hand for the import writer's tests (PlannedRow values are the cleaned
values the services store), and a dump of the database to compare before and after."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.services.imports.fields import MAPPINGS_KEY
from crm_desktop.services.imports.model import ImportPlan, Match, PlannedRow, RowError

#: the import's own tables and the log: not part of "the database as the user sees it"
BOOKKEEPING = {"audit_log", "import_batches", "import_changes"}


#: a sheet's headers and their mapping, per kind
LAYOUTS = {
    "contacts": (("نام", "نام خانوادگی", "موبایل"), ("first_name", "last_name", "mobile")),
    "companies": (("نام شرکت", "شهر"), ("name", "city")),
    "products": (("نام کالا", "کد کالا"), ("name", "sku")),
}


def planned(rows: Iterable[tuple[int, Mapping[str, Any]] | tuple[int, Mapping[str, Any], Match]],
            kind: str = "contacts", errors: Iterable[RowError] = ()) -> ImportPlan:
    planned_rows = [PlannedRow(r[0], dict(r[1]), r[2] if len(r) > 2 else None)  # type: ignore[misc]
                    for r in rows]
    headers, mapping = LAYOUTS[kind]
    return ImportPlan(kind=kind, file_name="مشتریان.xlsx", sheet="برگه۱", header_row=2,  # type: ignore[arg-type]
                      headers=headers, mapping=mapping, rows=planned_rows,
                      errors=list(errors), warnings=[])


def by_mobile(mobile: str, existing_id: int | None = None,
              earlier_row: int | None = None) -> Match:
    return Match("mobile", mobile, existing_id=existing_id, earlier_row=earlier_row)


def count(core: Core, model: Any) -> int:
    from sqlalchemy import func

    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)))


def dump(core: Core, *, skip_columns: Iterable[str] = ("updated_at",)) -> dict[str, list]:
    """Every table (but the bookkeeping) as sorted rows, `skip_columns` left out. The
    remembered column mappings (a setting) are left out too: an import remembers how its
    headers were mapped, and undoing it keeps that (it is how the user reads such files,
    not data of the import)."""
    skip = set(skip_columns)
    out: dict[str, list] = {}
    with core.db.read() as session:
        for table in m.Base.metadata.sorted_tables:
            if table.name in BOOKKEEPING:
                continue
            columns = [c for c in table.columns if c.name not in skip]
            q = select(*columns)
            if table.name == "settings":
                q = q.where(table.c.key != MAPPINGS_KEY)
            out[table.name] = sorted((tuple(row) for row in session.execute(q)), key=repr)
    return out
