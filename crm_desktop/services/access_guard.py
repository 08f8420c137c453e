"""The central guard: a write transaction that never checked a permission may only write
rows its actor's role may write (no Qt).

Every service write checks the permission of what it does with `require_in` (or
`require_delete_in` / `require_restore_in`) before it writes anything: that check is the
rule, and it is the only one for what a write does besides rows (an export, a report) and
for the finer rules (deleting only one's own records, one's own undo). The guard is the
net under it: when a transaction reaches a flush without any such check (a service method
that forgot its line), each new, changed or deleted row of a guarded model needs the
permission of its model, and the whole transaction is refused (PermissionDenied, nothing
written) when one is missing.

A transaction that did check is trusted for the rows it writes as a side effect: a won deal
makes its contact a customer and earns club points, an activity touches its contact's
"last activity", a campaign fills the outbox, an import remembers its column mapping in
the settings. Checking those rows against their own models would refuse legitimate work
of a role whose table was adjusted (a sales role without EDIT_CONTACTS still wins deals).

DERIVED models are bookkeeping that follows from other writes (the audit log, the search
index's copies, the club's ledger and tiers, RFM figures, the automation's runs and log,
the record of backups): the guard never checks them. Every mapped model is either GUARDED
or DERIVED (tests/unit/test_access_guard_models.py): a new model fails until it is placed.

Writes made with Core statements (bulk INSERT/UPDATE) do not pass through the flush; the
services that make them check explicitly, and the walk in
tests/integration/services/test_permission_walk.py calls every write as each role.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.domain.errors import PermissionDenied
from crm_desktop.domain.permissions import Perm
from crm_desktop.services.access import CHECKED, permissions_in

GUARDED: dict[type, Perm] = {
    m.User: Perm.USERS,
    m.Account: Perm.EDIT_CONTACTS,
    m.Contact: Perm.EDIT_CONTACTS,
    m.Tag: Perm.EDIT_CONTACTS,
    m.Deal: Perm.EDIT_SALES,
    m.DealStageChange: Perm.EDIT_SALES,
    m.Proforma: Perm.EDIT_SALES,
    m.ProformaLine: Perm.EDIT_SALES,
    m.Product: Perm.EDIT_CATALOG,
    m.PipelineStage: Perm.EDIT_CATALOG,
    m.Activity: Perm.EDIT_WORK,
    m.ActivityException: Perm.EDIT_WORK,
    m.Ticket: Perm.EDIT_WORK,
    m.TicketComment: Perm.EDIT_WORK,
    m.MarketingList: Perm.CAMPAIGNS,
    m.ListMember: Perm.CAMPAIGNS,
    m.Campaign: Perm.CAMPAIGNS,
    m.CampaignMember: Perm.CAMPAIGNS,
    m.CampaignTarget: Perm.CAMPAIGNS,
    m.CampaignMessage: Perm.CAMPAIGNS,
    m.OutboxMessage: Perm.CAMPAIGNS,
    m.AutomationRule: Perm.CAMPAIGNS,
    m.Setting: Perm.SETTINGS,
    m.ImportBatch: Perm.IMPORT,
    m.ImportChange: Perm.IMPORT,
}

#: written as a consequence of other writes; never checked by the guard
DERIVED: frozenset[type] = frozenset({
    m.AuditLog, m.BackupRecord, m.ContactRfm, m.ClubLedger, m.ContactClub,
    m.ClubTierChange, m.AutomationRun, m.AutomationLog,
})


@event.listens_for(Session, "before_flush")
def _guard(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get(CHECKED) or session.info.get("system"):
        return
    needed: set[Perm] = set()
    for obj in (*session.new, *session.deleted):
        perm = GUARDED.get(type(obj))
        if perm is not None:
            needed.add(perm)
    for obj in session.dirty:
        perm = GUARDED.get(type(obj))
        if perm is not None and perm not in needed and session.is_modified(
                obj, include_collections=False):
            needed.add(perm)
    if not needed:
        return
    missing = needed - permissions_in(session)
    if missing:
        raise PermissionDenied(sorted(missing)[0].value)
