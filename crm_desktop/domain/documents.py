"""Documents the core hands to a writer: everything a printed page shows, already worked
out (line amounts, totals, the total in words, seller and buyer). The PDF writers in
`export/` only lay them out; they never call back into a service."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_desktop.text.money import MoneyUnit


@dataclass(frozen=True)
class LineTotal:
    gross_rial: int
    discount_rial: int
    net_rial: int
    vat_rial: int
    total_rial: int


@dataclass(frozen=True)
class Totals:
    lines: tuple[LineTotal, ...]
    #: sum of the lines' gross amounts (before discounts)
    subtotal_rial: int
    discount_rial: int
    net_rial: int
    vat_rial: int
    total_rial: int


@dataclass(frozen=True)
class ProformaDocument:
    """A proforma as printed. `header` is the stored proforma (number, issue_date,
    valid_until, vat_rate, notes, ...), `lines` its lines in order (each with `taxable`),
    `totals` their amounts (one LineTotal per line), `words` the amount payable in words
    in `unit`, `seller` the company profile (name, legal_id, economic_code, phone, email,
    address, postal_code), `buyer` the same keys for the buyer (national_id for the ID)."""

    number: str
    header: Mapping[str, Any]
    lines: tuple[Mapping[str, Any], ...]
    totals: Totals
    words: str
    seller: Mapping[str, Any]
    buyer: Mapping[str, Any]
    unit: MoneyUnit
    logo: Path | bytes | None = None

    @property
    def vat_rate(self) -> Decimal | int | str:
        return self.header.get("vat_rate") or 0

    @property
    def has_untaxed_lines(self) -> bool:
        return any(not line.get("taxable", True) for line in self.lines)


#: agenda item kinds besides the activity kinds (call, meeting, task, ...)
OVERDUE, BIRTHDAY = "overdue", "birthday"


@dataclass(frozen=True)
class AgendaItem:
    #: the activity kind, "overdue" (open and due before the day) or "birthday"
    kind: str
    #: aware UTC; None for a birthday (all day)
    time: datetime | None
    subject: str
    #: the contact's name (or the company's), "" when there is none
    contact: str
    #: "done", "open" or "overdue"
    status: str
    #: a date-only task: due on its day (at `time`, the day's last instant), no time shown
    all_day: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "time": self.time.isoformat() if self.time else None,
                "all_day": self.all_day or self.time is None,
                "subject": self.subject, "contact": self.contact, "status": self.status}


__all__ = ["BIRTHDAY", "OVERDUE", "AgendaItem", "LineTotal", "ProformaDocument", "Totals"]
