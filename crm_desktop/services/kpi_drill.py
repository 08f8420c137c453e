"""The records behind a KPI or a chart bar: which section lists them, with which filters
(no Qt). The dashboard opens that section with `ListQuery(filters=drill.filters)`; every
filter here is one the section's service understands:

* contacts (ContactService): created_since / created_before, won_since / won_before (has
  a live won deal closed in [since, before)), first_won_since / first_won_before (its
  first won deal closed then), source ("" for none), owner_id;
* pipeline (DealService): outcome, closed_since / closed_before (closed deals only),
  created_since / created_before, close_from / close_to (expected close, days
  [from, to)), stage_id, owner_id;
* tickets (TicketService): created_since / created_before, closed_since / closed_before,
  responded_since / responded_before (first response), category, assignee_id;
* activities (ActivityService): state, done_since / done_before, owner_id;
* campaigns (CampaignService): start_since / start_before (start date, days
  [since, before)), owner_id.

`*_since` is included and `*_before` is not: instants are the period's `bounds_utc()`,
days its first day and the day after its last. A rate lists the records it is a share of
(win rate: the closed deals; retention and churn: the previous period's buyers).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from crm_desktop.db import models as m
from crm_desktop.domain.periods import Period
from crm_desktop.services.kpi_sql import previous_or_none

SECTIONS = ("contacts", "pipeline", "tickets", "activities", "campaigns")


@dataclass(frozen=True)
class Drill:
    """A section of the main window and the list filters that show the records."""

    section: str
    filters: dict[str, Any] = field(default_factory=dict)


def _owned(section: str, filters: dict[str, Any], owner_id: int | None) -> Drill:
    if owner_id is not None:
        filters["assignee_id" if section == "tickets" else "owner_id"] = owner_id
    return Drill(section, filters)


def _range(prefix: str, period: Period) -> dict[str, Any]:
    since, before = period.bounds_utc()
    return {f"{prefix}_since": since, f"{prefix}_before": before}


def drill_down(name: str, period: Period, owner_id: int | None = None) -> Drill | None:
    """The records behind KPI `name` for `period` (None for a KPI without a list of its
    own, or retention / churn of a period whose previous one cannot be formed)."""
    p = period
    if name in ("new_contacts", "lead_conversion_rate"):
        return _owned("contacts", _range("created", p), owner_id)
    if name == "new_customers":
        return _owned("contacts", _range("first_won", p), owner_id)
    if name in ("retention_rate", "churn_rate"):
        before = previous_or_none(p)
        return None if before is None else _owned("contacts", _range("won", before),
                                                   owner_id)
    if name == "clv_rial":
        return _owned("contacts", {"won_before": p.bounds_utc()[1]}, owner_id)
    if name in ("won_deals", "revenue_rial", "average_deal_rial"):
        return _owned("pipeline", {"outcome": m.STAGE_WON, **_range("closed", p)}, owner_id)
    if name == "lost_deals":
        return _owned("pipeline", {"outcome": m.STAGE_LOST, **_range("closed", p)}, owner_id)
    if name == "win_rate":
        return _owned("pipeline", _range("closed", p), owner_id)
    if name in ("pipeline_open_rial", "forecast_weighted_rial"):
        return _owned("pipeline", {"outcome": m.STAGE_OPEN, "close_from": p.start,
                                   "close_to": p.end + timedelta(days=1)}, owner_id)
    if name == "cac_rial":
        return _owned("campaigns", {"start_since": p.start,
                                    "start_before": p.end + timedelta(days=1)}, owner_id)
    if name == "tickets_opened":
        return _owned("tickets", _range("created", p), owner_id)
    if name in ("tickets_closed", "csat_average", "csat_satisfied_rate", "sla_breach_rate",
                "avg_resolution_hours"):
        return _owned("tickets", _range("closed", p), owner_id)
    if name == "avg_first_response_hours":
        return _owned("tickets", _range("responded", p), owner_id)
    if name == "activities_done":
        return _owned("activities", {"state": "done", **_range("done", p)}, owner_id)
    return None


# -- chart bars ------------------------------------------------------------------------------
def revenue_month(month: Period, owner_id: int | None = None) -> Drill:
    """The won deals behind a bar of `revenue_by_month`."""
    return drill_down("won_deals", month, owner_id)  # type: ignore[return-value]


def funnel_step(stage_id: int, period: Period, owner_id: int | None = None) -> Drill:
    """The deals behind a step of `funnel`."""
    return _owned("pipeline", {"stage_id": stage_id, **_range("created", period)}, owner_id)


def lead_source(source: str, period: Period, owner_id: int | None = None) -> Drill:
    """The contacts behind a slice of `lead_sources` ("" : without a source)."""
    return _owned("contacts", {"source": source, **_range("created", period)}, owner_id)


def ticket_category(category: str, period: Period, owner_id: int | None = None) -> Drill:
    """The tickets behind a bar of `tickets_by_category`."""
    return _owned("tickets", {"category": category, **_range("created", period)}, owner_id)


def csat_month(month: Period, owner_id: int | None = None) -> Drill:
    """The tickets behind a point of `csat_by_month` (closed in the month)."""
    return _owned("tickets", _range("closed", month), owner_id)
