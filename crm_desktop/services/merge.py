"""Merging duplicate contacts or companies into one (the merge dialog).

    MergeService(db, actor).merge("contacts", 12, [40, 41], choose={"mobile": 40})

In ONE transaction, with its audit rows:
1. The survivor takes the chosen value of each field: `choose` names the record a field's
   value comes from, `values` gives a value outright (it wins over `choose` for the same
   field). The values go through the service's own update (ContactService/AccountService
   `_update_in`): the field rules, the derived columns (name, sort key, search index,
   the contacts' copy of their company's sort key) are exactly what an edit would give.
2. Every related record of the others moves to the survivor (whether or not it is in the
   Trash itself):
   - contacts: deals, proformas, tickets, activities (contact_id); marketing-list
     memberships (a list holding both keeps the survivor once); campaign memberships (a
     campaign holding both keeps one member, with the status that got furthest, an opt-out
     above all: campaign figures count each person once); tags (the survivor gets the
     union, beyond the editor's cap of 30 if need be: nothing is lost); outbox messages
     (a message queued or sent to both stays with the other: one row per message and
     recipient); the survivor's last-activity time and RFM figures are recomputed (the
     others get "no purchase"). Deal stage history stays with its deal. Referrals: the
     contacts the others referred are the survivor's referrals now; the survivor keeps
     its referrer, or takes the first other's when it had none (never one of the merged
     records, nor one it referred: no one refers themselves or their own referrer); the
     referral points an other earned as a referred contact go with the survivor when it
     has none of its own (services/club/referrals.py).
   - companies: contacts (with their copy of the company's sort key), deals, proformas,
     tickets and activities (account_id).
3. The others go to the Trash, with a line added to their notes pointing at the survivor:
   «ادغام شد در #123 — نام» ("Merged into #123 — Name" with lang="en").

The audit log tells the whole story with the ordinary scheme (services/audit.py): the
survivor's changed fields, each moved record's contact_id/account_id old -> new, the list
and tag elements taken off one record and put on the other, the others' notes (with the
line naming the survivor) and their "delete" rows. No undo: a merged record can be brought
back from the Trash (`restore`), without the records that moved (they stay with the
survivor, which may have changed since).

Refused (ValidationError, nothing written): an unknown kind; fewer than 2 or more than
MAX_MERGE records; a record given twice or merged with itself; a field value chosen from a
record outside the merge; a field the editor does not have. A record that does not exist
or is in the Trash: NotFoundError.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import MemberStatus
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import audit, rfm
from crm_desktop.services.access import require_in
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.activities import last_activity_expression
from crm_desktop.services.base import EntityService
from crm_desktop.services.club import earn as club_earn
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.duplicates import KINDS, Kind
from crm_desktop.services.fields import is_id
from crm_desktop.text.digits import to_persian_digits

#: the most records merged at once (the dialog shows them side by side)
MAX_MERGE = 10
#: the note added to each merged record, (English, Persian)
MERGED_NOTE = ("Merged into #{id} — {name}", "ادغام شد در #{id} — {name}")
#: a campaign member's statuses from least to most advanced (two members become one)
_STATUS_RANK = {s: n for n, s in enumerate([
    MemberStatus.TARGETED, MemberStatus.FAILED, MemberStatus.SENT, MemberStatus.DELIVERED,
    MemberStatus.RESPONDED, MemberStatus.CONVERTED, MemberStatus.OPTED_OUT])}
#: what moves, per kind: (count key, model, column)
_MOVED: dict[str, tuple[tuple[str, Any, str], ...]] = {
    "contacts": (("deals", m.Deal, "contact_id"), ("proformas", m.Proforma, "contact_id"),
                 ("tickets", m.Ticket, "contact_id"), ("activities", m.Activity, "contact_id"),
                 ("outbox", m.OutboxMessage, "contact_id")),
    "companies": (("contacts", m.Contact, "account_id"), ("deals", m.Deal, "account_id"),
                  ("proformas", m.Proforma, "account_id"), ("tickets", m.Ticket, "account_id"),
                  ("activities", m.Activity, "account_id")),
}


def merged_note(survivor_id: int, name: str, lang: str = "fa") -> str:
    text = MERGED_NOTE[1 if lang == "fa" else 0].format(id=survivor_id, name=name)
    return to_persian_digits(text) if lang == "fa" else text


def _check_kind(kind: Any) -> Kind:
    if kind not in KINDS:
        raise ValidationError(FieldError("kind", "choice"))
    return kind  # type: ignore[no-any-return]


def _check_ids(survivor_id: Any, other_ids: Any) -> list[int]:
    if isinstance(other_ids, str | bytes) or not isinstance(other_ids, Iterable):
        raise ValidationError(FieldError("records", "invalid"))
    others = list(other_ids)
    if len(others) + 1 > MAX_MERGE or len(others) < 1:
        raise ValidationError(FieldError("records", "merge.count",
                                         {"min": 2, "max": MAX_MERGE}))
    for value in (survivor_id, *others):
        if not is_id(value):
            raise ValidationError(FieldError("records", "invalid"))
    if survivor_id in others or len(set(others)) != len(others):
        raise ValidationError(FieldError("records", "merge.same"))
    return others


class MergeService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def _service(self, kind: Kind) -> EntityService[Any]:
        if kind == "contacts":
            return ContactService(self.db, self.actor_id)
        return AccountService(self.db, self.actor_id)

    # -- reads --------------------------------------------------------------------------------
    def moves(self, kind: Kind, other_ids: Iterable[int]) -> dict[str, int]:
        """How many related records of `other_ids` would move to a survivor, by kind of
        record (deals, proformas, tickets, activities, outbox, lists, campaigns, tags;
        contacts for companies): for the dialog's summary."""
        kind = _check_kind(kind)
        if isinstance(other_ids, str | bytes) or not isinstance(other_ids, Iterable):
            raise ValidationError(FieldError("records", "invalid"))
        ids = sorted({i for i in other_ids if is_id(i)})[:MAX_MERGE]
        out: dict[str, int] = {}
        if not ids:
            return {key: 0 for key, _model, _col in _MOVED[kind]}
        with self.db.read() as session:
            for key, model, column in _MOVED[kind]:
                col = getattr(model, column)
                out[key] = session.scalar(select(func.count()).where(col.in_(ids))) or 0
            if kind == "contacts":
                for key, col in (("lists", m.ListMember.contact_id),
                                 ("campaigns", m.CampaignMember.contact_id),
                                 ("tags", m.contact_tags.c.contact_id)):
                    out[key] = session.scalar(select(func.count()).where(col.in_(ids))) or 0
        return out

    # -- the write ------------------------------------------------------------------------------
    def merge(self, kind: Kind, survivor_id: int, other_ids: Iterable[int], *,
              choose: Mapping[str, int] | None = None,
              values: Mapping[str, Any] | None = None, lang: str = "fa") -> None:
        """Merge `other_ids` into `survivor_id` (see the module's text). `lang` ("fa" or
        "en") is the language of the note added to the merged records."""
        kind = _check_kind(kind)
        others = _check_ids(survivor_id, other_ids)
        for name, given in (("choose", choose), ("values", values)):
            if given is not None and not isinstance(given, Mapping):
                raise ValidationError(FieldError(name, "invalid"))
        choose = dict(choose or {})
        values = dict(values or {})
        service = self._service(kind)
        group = [survivor_id, *others]
        bad = [FieldError(str(name), "unknown_field") for name in [*choose, *values]
               if name not in service.fields]
        bad += [FieldError(str(name), "merge.source") for name, source in choose.items()
                if name in service.fields and source not in group]
        if bad:
            raise ValidationError(bad)
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.IMPORT)
            records = {rid: service._load(session, rid) for rid in group}  # live, or NotFound
            changes = {name: getattr(records[source], name) for name, source in choose.items()
                       if source != survivor_id}
            changes.update(values)
            survivor = service._update_in(session, survivor_id, changes)
            referred: list[int] = []
            if kind == "contacts":
                self._move_contact_records(session, survivor, others)
                referred = self._move_referrals(session, survivor, others, records)
            else:
                self._move_company_records(session, survivor, others)
            name = survivor.full_name if kind == "contacts" else survivor.name
            note = merged_note(survivor_id, name, lang)
            now = utcnow()
            for rid in others:
                other = records[rid]
                other.notes = f"{other.notes.rstrip()}\n{note}" if other.notes else note
                other.deleted_at = now
            session.flush()
            if kind == "contacts":
                # the survivor's figures now count the moved sales; a merged record that
                # had figures is left with none (its sales moved)
                rfm.refresh_in(session, [survivor_id, *session.scalars(
                    select(m.ContactRfm.contact_id).where(m.ContactRfm.contact_id.in_(others)))])
                # the club points came along with the sales: the survivor's balance and
                # tier count them, the merged records are members no more
                club_earn.merged_in(session, survivor_id, others, referred)
                last = session.scalar(select(last_activity_expression()).where(
                    m.Activity.contact_id == survivor_id, m.Activity.done_at.is_not(None)))
                if survivor.last_activity_at != last:
                    survivor.last_activity_at = last
                session.flush()

    # -- contacts -------------------------------------------------------------------------------
    def _move_contact_records(self, session: Session, survivor: Any, others: list[int]) -> None:
        sid = survivor.id
        # (and what automation rules did for them: their log rows; their club points)
        for model in (m.Deal, m.Proforma, m.Ticket, m.Activity, m.AutomationLog,
                      m.ClubLedger):
            for obj in session.scalars(select(model).where(model.contact_id.in_(others))):
                obj.contact_id = sid
        # outbox: one row per campaign message and recipient (a rule's rows all move)
        taken = set(session.scalars(select(m.OutboxMessage.message_id)
                                    .where(m.OutboxMessage.contact_id == sid)))
        for msg in session.scalars(select(m.OutboxMessage).where(
                m.OutboxMessage.contact_id.in_(others)).order_by(m.OutboxMessage.id)):
            if msg.message_id is None or msg.message_id not in taken:
                taken.add(msg.message_id)
                msg.contact_id = sid
        # marketing lists (rows without an id: removed and added, logged as elements)
        in_lists = set(session.scalars(select(m.ListMember.list_id)
                                       .where(m.ListMember.contact_id == sid)))
        for member in session.scalars(select(m.ListMember).where(
                m.ListMember.contact_id.in_(others)).order_by(m.ListMember.list_id)):
            if member.list_id not in in_lists:
                in_lists.add(member.list_id)
                session.add(m.ListMember(list_id=member.list_id, contact_id=sid,
                                         added_at=member.added_at))
            session.delete(member)
        session.flush()
        self._move_campaign_members(session, sid, others)
        self._move_tags(session, sid, others)

    @staticmethod
    def _move_referrals(session: Session, survivor: Any, others: list[int],
                        records: Mapping[int, Any]) -> list[int]:
        """Who referred whom after the merge (see the module's text); returns the
        contacts the others had referred (now the survivor's referrals)."""
        sid, c = survivor.id, m.Contact
        group = {sid, *others}
        moved = list(session.scalars(select(c).where(c.referred_by_id.in_(others),
                                                     c.id.not_in(group)).order_by(c.id)))
        for contact in moved:
            contact.referred_by_id = sid
        session.flush()

        def usable(ref: Any) -> bool:
            referrer = session.get(c, ref) if is_id(ref) else None
            return (referrer is not None and referrer.deleted_at is None
                    and referrer.id not in group and referrer.referred_by_id != sid)

        if survivor.referred_by_id is not None and not usable(survivor.referred_by_id):
            survivor.referred_by_id = None
        if survivor.referred_by_id is None:
            survivor.referred_by_id = next(
                (records[o].referred_by_id for o in others
                 if usable(records[o].referred_by_id)), None)
        # an other's referral rewarded: the survivor's when it has none of its own
        L = m.ClubLedger
        mine = session.scalar(select(func.count()).where(L.source == "referral",
                                                         L.source_id == sid))
        if not mine:
            for rid in others:
                rows = list(session.scalars(select(L).where(L.source == "referral",
                                                            L.source_id == rid)))
                if rows:
                    for row in rows:
                        row.source_id = sid
                    break
        session.flush()
        return [contact.id for contact in moved]

    @staticmethod
    def _move_campaign_members(session: Session, sid: int, others: list[int]) -> None:
        cm = m.CampaignMember
        kept = {c.campaign_id: c for c in session.scalars(select(cm).where(cm.contact_id == sid))}
        for member in session.scalars(select(cm).where(cm.contact_id.in_(others))
                                      .order_by(cm.id)):
            mine = kept.get(member.campaign_id)
            if mine is None:
                member.contact_id = sid
                kept[member.campaign_id] = member
                continue
            if _STATUS_RANK.get(member.status, -1) > _STATUS_RANK.get(mine.status, -1):
                mine.status = member.status
            session.delete(member)
        session.flush()

    @staticmethod
    def _move_tags(session: Session, sid: int, others: list[int]) -> None:
        ct = m.contact_tags
        rows = session.execute(select(ct.c.contact_id, ct.c.tag_id, m.Tag.name)
                               .join(m.Tag, m.Tag.id == ct.c.tag_id)
                               .where(ct.c.contact_id.in_([sid, *others]))).all()
        have = {tag for cid, tag, _name in rows if cid == sid}
        added: dict[int, str] = {}
        removed: dict[int, list[str]] = {}
        for cid, tag, name in rows:
            if cid == sid:
                continue
            removed.setdefault(cid, []).append(name)
            if tag not in have and tag not in added:
                added[tag] = name
        if not removed:
            return
        session.execute(delete(ct).where(ct.c.contact_id.in_(others)))
        if added:
            session.execute(insert(ct), [{"contact_id": sid, "tag_id": t} for t in added])
        # contact_tags is written with Core statements: its audit rows are explicit
        for cid, names in sorted(removed.items()):
            audit.elements_changed(session, "contacts", cid, "tags", removed=sorted(names))
        audit.elements_changed(session, "contacts", sid, "tags", added=sorted(added.values()))

    # -- companies ------------------------------------------------------------------------------
    @staticmethod
    def _move_company_records(session: Session, survivor: Any, others: list[int]) -> None:
        sid = survivor.id
        for model in (m.Contact, m.Deal, m.Proforma, m.Ticket, m.Activity):
            for obj in session.scalars(select(model).where(model.account_id.in_(others))):
                obj.account_id = sid
                if model is m.Contact:  # the contacts sort by a copy of the company's key
                    obj.account_sort = survivor.sort_key
        session.flush()

