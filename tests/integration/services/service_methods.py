"""What the walks over every service method share: which public methods only read, which
writes a service refuses (records with no Trash), and how the methods are found on Core.
A new public method fails both walks until it is placed in one of their lists."""

from __future__ import annotations

import inspect
from typing import Any

from crm_desktop.core import Core

_LIST_READS = {"count", "get", "ids", "list", "list_ids", "window"}
#: an entity service's lists, and the statement an export streams (ordered_select)
_ENTITY_READS = _LIST_READS | {"ordered_select"}
#: public methods that only read, per Core attribute
READS: dict[str, set[str]] = {
    # forget empties the process's cache of permissions (nothing in the database changes)
    "access": {"role", "permissions", "can", "require", "table", "forget"},
    "auth": {"mode", "single_user", "needs_sign_in", "needs_setup", "acting_admin",
             "overview"},
    "users": _ENTITY_READS | {"check_password", "options"},
    "contacts": _ENTITY_READS | {"all_tags", "birthdays", "cities", "duplicates", "tags"},
    "accounts": _ENTITY_READS | {"cities", "options"},
    "products": _ENTITY_READS,
    "stages": {"deal_count", "deal_counts", "list"},
    "deals": _ENTITY_READS | {"board", "forecast", "stage_history"},
    # apply_time_zone sets the process's clock from the stored setting, writing nothing
    "settings": {"company", "get", "logo", "sla", "time_zone", "apply_time_zone",
                 "rfm_window_in", "sending"},
    "activities": _ENTITY_READS | {"due_between", "due_reminders", "for_contact",
                                 "occurrences_between", "open_due_before"},
    "tickets": _ENTITY_READS | {"breaches", "comments", "counts_by_status", "find_by_number",
                              "number", "response_due"},
    "lists": _ENTITY_READS | {"filter_count", "filter_preview", "member_count", "member_rows",
                            "members", "static_options"},
    "campaigns": _ENTITY_READS | {"figures", "member_count", "member_ids", "member_stats",
                                "member_window", "members", "options", "targets"},
    "outbox": _LIST_READS | {"counts", "due_count", "exclusions", "message", "messages",
                             "preview"},
    # document only reads what a printed proforma shows
    "proformas": _ENTITY_READS | {"document", "find_by_number", "number", "totals"},
    "search": {"search"},
    "rfm": {"computed_at", "of_contact", "sizes", "stale", "window_years"},
    "timeline": {"for_contact"},
    "duplicates": {"groups"},
    "merging": {"moves"},
    # the KPIs and the dashboard's series: aggregates, and where their records are listed
    "kpis": {"compute", "compare", "records", "revenue_by_month", "funnel", "lead_sources",
             "tickets_by_category", "csat_by_month"},
    # checking an import and its error workbook read; run and undo_last write
    "imports": {"error_table", "fields", "last_batch", "mapping", "plan"},
    # the customer club: its figures; its ledger and members are read-only lists
    "club": {"of_contact", "outstanding", "settings", "tier_sizes"},
    "club_ledger": {*_ENTITY_READS},
    "club_members": {*_ENTITY_READS},
    "automation": {"kinds", "defaults", "placeholders", "rules", "rule", "last_run"},
    "automation_log": _LIST_READS,
    "replies": {"pending"},
    # backups: the settings, the record of backups, the status bar's state; require_restore
    # only asks whether the actor may restore (PermissionDenied or nothing)
    "backups": {"settings", "folder", "stem", "history", "last_good", "daily_due", "status",
                "require_restore"},
    # the audit viewer and a record's history (never a write: the log cannot be edited)
    "audit_log": _ENTITY_READS | {"entities", "users", "history"},
}

#: inherited writes these services refuse (no Trash for their records): TypeError, nothing
#: changes
NO_TRASH: set[tuple[str, str]] = {
    *((name, method) for name in ("users", "products", "lists", "campaigns", "proformas")
      for method in ("delete", "restore", "restore_many")
      if (name, method) != ("lists", "delete")),  # a list is deleted for good
    ("activities", "restore"), ("activities", "restore_many"),
}


def services(core: Core) -> dict[str, Any]:
    """The services of Core by attribute name: every one, also those not used yet (Core
    makes a service on first use)."""
    made = {name: svc for name, svc in vars(core).items() if name not in ("db", "actor_id")}
    return {**made, **{name: getattr(core, name) for name in type(core).service_names()}}


def public_methods(obj: Any) -> set[str]:
    return {n for n, v in inspect.getmembers(type(obj))
            if not n.startswith("_") and callable(v) and not isinstance(v, type)}
