"""A contact's whole history in one list: activities, deals, proformas, tickets and the
messages sent or queued for them (campaigns' and automation rules')."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from crm_desktop.services.activities import ActivityService
from crm_desktop.services.base import ListQuery, Sort
from crm_desktop.services.deals import DealService
from crm_desktop.services.outbox import OutboxService
from crm_desktop.services.proformas import ProformaService
from crm_desktop.services.tickets import TicketService


@dataclass(frozen=True)
class TimelineItem:
    #: "activity", "deal", "proforma", "ticket" or "message" (an outbox row)
    kind: str
    id: int
    at: datetime
    title: str
    #: a code the UI translates (activity kind, ticket status, proforma status, a
    #: message's outbox status) or a name
    state: str
    #: activities: done or not; others: None
    done: bool | None = None
    amount_rial: int | None = None
    number: str | None = None
    #: messages: "sms" or "email", and the campaign's or the rule's name
    channel: str | None = None
    source: str | None = None


class TimelineService:
    def __init__(self, activities: ActivityService, deals: DealService,
                 proformas: ProformaService, tickets: TicketService,
                 outbox: OutboxService | None = None):
        self.activities = activities
        self.deals = deals
        self.proformas = proformas
        self.tickets = tickets
        self.outbox = outbox

    def for_contact(self, contact_id: int, limit: int = 100) -> list[TimelineItem]:
        """Newest first, at most `limit` items of each kind."""
        items: list[TimelineItem] = []
        for a in self.activities.for_contact(contact_id, limit):
            items.append(TimelineItem("activity", a["id"], a["at"], a["subject"], a["kind"],
                                      done=a["done_at"] is not None))
        by = {"contact_id": contact_id}
        for d in self._rows(self.deals, by, "created", limit):
            items.append(TimelineItem("deal", d["id"], d["created_at"], d["title"], d["stage"],
                                      amount_rial=d["amount_rial"]))
        for p in self._rows(self.proformas, by, "issue_date", limit):
            issued = datetime.combine(p["issue_date"], time(12), tzinfo=UTC)
            items.append(TimelineItem("proforma", p["id"], issued, p["number"], p["status"],
                                      number=p["number"]))
        for t in self._rows(self.tickets, by, "created", limit):
            items.append(TimelineItem("ticket", t["id"], t["created_at"], t["subject"],
                                      t["status"], number=t["number"]))
        if self.outbox is not None:
            for o in self._rows(self.outbox, by, "created", limit):
                title = o["subject"] or " ".join(o["body"].split())[:120]
                items.append(TimelineItem("message", o["id"], o["sent_at"] or o["created_at"],
                                          title, o["status"], channel=o["channel"],
                                          source=o["campaign"]))
        items.sort(key=lambda i: i.at, reverse=True)
        return items

    @staticmethod
    def _rows(service: Any, filters: dict[str, Any], sort: str, limit: int) -> list[dict]:
        return service.list(ListQuery(filters=filters, sort=Sort(sort, True), limit=limit)).rows
