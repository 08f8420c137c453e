"""The sales pipeline: stages and deals, with a history of every stage change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import LifecycleStage, ProformaStatus
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import fields as f
from crm_desktop.services import rfm, versions
from crm_desktop.services.access import require_in
from crm_desktop.services.base import EntityService
from crm_desktop.services.club import earn as club_earn
from crm_desktop.text.normalize import search_key, search_name_key

Owner = aliased(m.User)
#: lifecycle stages that a won deal turns into "customer" (loyal customers stay loyal)
BECOMES_CUSTOMER = frozenset(
    {LifecycleStage.LEAD.value, LifecycleStage.PROSPECT.value, LifecycleStage.CHURNED.value}
)

#: (name, probability %, outcome) of a new database's pipeline.
DEFAULT_STAGES: tuple[tuple[str, int, str], ...] = (
    ("سرنخ جدید", 10, m.STAGE_OPEN),
    ("نیازسنجی", 25, m.STAGE_OPEN),
    ("ارسال پیش‌فاکتور", 50, m.STAGE_OPEN),
    ("مذاکره", 75, m.STAGE_OPEN),
    ("موفق", 100, m.STAGE_WON),
    ("ناموفق", 0, m.STAGE_LOST),
)


def closed_instant() -> Any:
    """When a deal was closed: `closed_at`, or when it entered its stage for a deal created
    straight into a won or lost stage (as RFM reads it). Meaningful for closed deals only."""
    return func.coalesce(m.Deal.closed_at, m.Deal.stage_changed_at)


def won_stage_ids() -> Select[Any]:
    """The ids of the stages whose outcome is won (a subquery for `stage_id IN (...)`)."""
    return select(m.PipelineStage.id).where(m.PipelineStage.outcome == m.STAGE_WON)


class StageService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def list(self) -> list[dict[str, Any]]:
        s = m.PipelineStage
        with self.db.read() as session:
            q = (select(s.id, s.name, s.position, s.probability, s.outcome, s.version)
                 .order_by(s.position))
            return [dict(r._mapping) for r in session.execute(q)]

    def ensure_defaults(self, session: Session) -> None:
        if session.scalar(select(func.count()).select_from(m.PipelineStage)):
            return
        for pos, (name, prob, outcome) in enumerate(DEFAULT_STAGES, start=1):
            session.add(m.PipelineStage(name=name, position=pos, probability=prob, outcome=outcome))
        session.flush()

    # -- editing the pipeline (Settings) ---------------------------------------------------
    class Outcome(StrEnum):
        OPEN = m.STAGE_OPEN
        WON = m.STAGE_WON
        LOST = m.STAGE_LOST

    specs: ClassVar = {
        "name": f.Field(f.text(100), required=True),
        "probability": f.Field(f.integer(0, 100), required=True),
        "outcome": f.Field(f.choice(Outcome), required=True),
    }

    def _check_name(self, session: Session, name: str, stage_id: int | None) -> None:
        key = search_key(name)
        for sid, other in session.execute(select(m.PipelineStage.id, m.PipelineStage.name)):
            if sid != stage_id and search_key(other) == key:
                raise ValidationError(FieldError("name", "duplicate"))

    def _stage(self, session: Session, stage_id: int) -> m.PipelineStage:
        stage = session.get(m.PipelineStage, stage_id) if f.is_id(stage_id) else None
        if stage is None:
            raise NotFoundError("pipeline_stages", stage_id)
        return stage

    def create(self, name: str, probability: int, outcome: str = m.STAGE_OPEN) -> int:
        """A new stage; an open one goes after the last open stage (before won/lost)."""
        values = f.clean(self.specs, {"name": name, "probability": probability,
                                      "outcome": outcome})
        s = m.PipelineStage
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.EDIT_CATALOG)
            self._check_name(session, values["name"], None)
            if values["outcome"] == m.STAGE_OPEN:
                last_open = session.scalar(
                    select(func.max(s.position)).where(s.outcome == m.STAGE_OPEN))
                position = (last_open or 0) + 1
                # make room: the closed stages after it move down by one
                for later in session.scalars(select(s).where(s.position >= position)
                                             .order_by(s.position.desc())):
                    later.position += 1
            else:
                position = (session.scalar(select(func.max(s.position))) or 0) + 1
            stage = s(name=values["name"], probability=values["probability"],
                      outcome=values["outcome"], position=position)
            session.add(stage)
            session.flush()
            return stage.id

    def update(self, stage_id: int, name: str | None = None,
               probability: int | None = None, *, version: int | None = None) -> None:
        """Rename a stage or change its probability. `version`: the stage's version as the
        editor read it (`list()` rows carry it): EditConflict when it was saved since."""
        data: dict[str, Any] = {}
        if name is not None:
            data["name"] = name
        if probability is not None:
            data["probability"] = probability
        values = f.clean(self.specs, data, partial=True)
        wanted = versions.expected(version)
        with versions.refused_when_stale(self.db, m.PipelineStage, stage_id), \
                self.db.write(self.actor_id) as session:
            require_in(session, Perm.EDIT_CATALOG)
            stage = self._stage(session, stage_id)
            versions.check(stage, wanted)
            if "name" in values:
                self._check_name(session, values["name"], stage_id)
                stage.name = values["name"]
            if "probability" in values:
                stage.probability = values["probability"]

    def reorder(self, stage_ids: list[int]) -> None:
        """Put the stages in this order (every stage, each once): positions 1..n."""
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.EDIT_CATALOG)
            stages = {st.id: st for st in session.scalars(select(m.PipelineStage))}
            try:
                same = len(stage_ids) == len(stages) and set(stage_ids) == set(stages)
            except TypeError:  # not a list of ids
                same = False
            if not same or not all(f.is_id(sid) for sid in stage_ids):
                raise ValidationError(FieldError("stage", "invalid"))
            for pos, sid in enumerate(stage_ids, start=1):
                if stages[sid].position != pos:
                    stages[sid].position = pos

    def deal_count(self, stage_id: int) -> int:
        """Deals (not in the Trash) in the stage."""
        d = m.Deal
        q = select(func.count()).select_from(d).where(d.stage_id == stage_id,
                                                      d.deleted_at.is_(None))
        with self.db.read() as session:
            return int(session.execute(q).scalar_one())

    def deal_counts(self) -> dict[int, int]:
        """Stage id -> deals (not in the Trash) in it; stages without deals are left out."""
        d = m.Deal
        q = (select(d.stage_id, func.count()).where(d.deleted_at.is_(None))
             .group_by(d.stage_id))
        with self.db.read() as session:
            return {sid: int(n) for sid, n in session.execute(q)}

    def remove(self, stage_id: int, move_to: int) -> int:
        """Delete a stage; its deals (those in the Trash too) move to `move_to`, each with
        a stage-change row. The last open, won or lost stage cannot go. Returns how many
        deals moved."""
        if f.is_id(stage_id) and f.is_id(move_to) and move_to == stage_id:
            raise ValidationError(FieldError("stage", "invalid"))
        s, d = m.PipelineStage, m.Deal
        with self.db.write(self.actor_id) as session:
            require_in(session, Perm.EDIT_CATALOG)
            stage = self._stage(session, stage_id)
            target = session.get(s, move_to) if f.is_id(move_to) else None
            if target is None:
                raise ValidationError(FieldError("stage", "not_found"))
            same_kind = session.scalar(
                select(func.count()).select_from(s).where(s.outcome == stage.outcome))
            if same_kind <= 1:
                raise ValidationError(FieldError("stage", "invalid",
                                                 {"reason": "last_" + stage.outcome}))
            deals = session.scalars(select(d).where(d.stage_id == stage_id)).all()
            now = utcnow()
            for deal in deals:
                deal.stage_id = move_to
                deal.stage_changed_at = now
                if target.outcome == m.STAGE_OPEN:
                    deal.closed_at = None
                    deal.lost_reason = None
                elif stage.outcome == m.STAGE_OPEN or deal.closed_at is None:
                    deal.closed_at = now
                if target.outcome == m.STAGE_WON:
                    deal.lost_reason = None
                # from: the stage that goes (NULL once it is gone; the deal's audit rows
                # and the stage's own "purged" row keep which one it was)
                session.add(m.DealStageChange(deal_id=deal.id, from_stage_id=None,
                                              to_stage_id=move_to, changed_at=now,
                                              changed_by_id=self.actor_id))
            # the history rows that name the stage lose it (ON DELETE SET NULL would do
            # it unseen): done here, so that the audit log shows each one
            c = m.DealStageChange
            for change in session.scalars(select(c).where(
                    or_(c.from_stage_id == stage_id, c.to_stage_id == stage_id))):
                if change.from_stage_id == stage_id:
                    change.from_stage_id = None
                if change.to_stage_id == stage_id:
                    change.to_stage_id = None
            session.flush()
            session.delete(stage)
            session.flush()
            # close the gap the stage left
            for pos, later in enumerate(session.scalars(select(s).order_by(s.position)), 1):
                if later.position != pos:
                    later.position = pos
            return len(deals)


#: a closed deal's close instant; NULL for an open deal (no closed_* range matches it)
_CLOSED = case((m.PipelineStage.outcome != m.STAGE_OPEN, closed_instant()))


class DealService(EntityService[m.Deal]):
    model = m.Deal
    edit_perm = Perm.EDIT_SALES
    soft_delete = True
    searchable = True
    fields: ClassVar = {
        "title": f.Field(f.text(200), required=True),
        "contact_id": f.Field(f.reference),
        "account_id": f.Field(f.reference),
        "amount_rial": f.Field(f.money, empty=0),
        "stage_id": f.Field(f.reference),
        "expected_close": f.Field(f.a_date),
        "owner_id": f.Field(f.reference),
        "source_campaign_id": f.Field(f.reference),
        "notes": f.Field(f.multiline()),
        # the customer's score of a won deal, 1 to 5 (empty: not asked or no answer)
        "satisfaction": f.Field(f.integer(1, 5)),
    }
    references: ClassVar = {
        "contact_id": m.Contact,
        "account_id": m.Account,
        "stage_id": m.PipelineStage,
        "owner_id": m.User,
        "source_campaign_id": m.Campaign,
    }
    sort_columns: ClassVar = {
        "title": m.Deal.title,
        "amount": m.Deal.amount_rial,
        "expected_close": nullable_sort(m.Deal.expected_close),
        "stage": m.PipelineStage.position,
        "created": m.Deal.created_at,
    }
    filter_columns: ClassVar = {
        "stage_id": m.Deal.stage_id,
        "owner_id": m.Deal.owner_id,
        "contact_id": m.Deal.contact_id,
        "account_id": m.Deal.account_id,
        "outcome": m.PipelineStage.outcome,
    }
    #: closed_since / closed_before: closed (won or lost) deals by their close instant
    range_filters: ClassVar = {
        "closed_since": (_CLOSED, ">="), "closed_before": (_CLOSED, "<"),
        "created_since": (m.Deal.created_at, ">="), "created_before": (m.Deal.created_at, "<"),
    }

    def _id_select(self) -> Select[Any]:
        # stage sort and outcome filter read the stage
        return select(m.Deal.id).join(m.PipelineStage, m.PipelineStage.id == m.Deal.stage_id)

    def _list_select(self) -> Select[Any]:
        d = m.Deal
        return (
            select(
                d.id, d.title, d.amount_rial, d.stage_id, d.expected_close, d.stage_changed_at,
                d.contact_id, d.account_id, d.owner_id, d.created_at, d.deleted_at,
                m.PipelineStage.name.label("stage"), m.PipelineStage.probability,
                m.PipelineStage.outcome, m.Contact.full_name.label("contact"),
                m.Account.name.label("company"), Owner.display_name.label("owner"),
            )
            .select_from(d)
            .join(m.PipelineStage, m.PipelineStage.id == d.stage_id)
            .outerjoin(m.Contact, m.Contact.id == d.contact_id)
            .outerjoin(m.Account, m.Account.id == d.account_id)
            .outerjoin(Owner, Owner.id == d.owner_id)
        )

    def _check(self, session: Session, values: dict, current: Any | None) -> None:
        if current is not None and "stage_id" in values and values["stage_id"] != current.stage_id:
            # a stage change is a move: it has its own history and rules
            raise ValidationError(FieldError("stage", "invalid"))
        if current is None and values.get("stage_id") is None:
            first = session.scalar(
                select(m.PipelineStage.id).order_by(m.PipelineStage.position).limit(1)
            )
            if first is None:
                raise ValidationError(FieldError("stage", "not_found"))
            values["stage_id"] = first

    def _derive(self, obj: Any) -> None:
        obj.search_name = search_name_key(obj.title)
        obj.search_other = ""

    def _create_in(self, session: Session, data: Any) -> Any:
        obj = super()._create_in(session, data)
        session.add(m.DealStageChange(deal_id=obj.id, from_stage_id=None,
                                      to_stage_id=obj.stage_id, changed_by_id=self.actor_id))
        return obj

    def move(self, deal_id: int, stage_id: int, lost_reason: str | None = None) -> int:
        """Put the deal in another stage; returns the stage it came from (for undo).

        A won stage makes the contact a customer; a lost stage needs a reason.
        """
        with self.db.write(self.actor_id) as session:
            require_in(session, self.edit_perm)
            deal = self._load(session, deal_id)
            stage = session.get(m.PipelineStage, stage_id) if f.is_id(stage_id) else None
            if stage is None:
                raise NotFoundError("pipeline_stages", stage_id)
            previous: int = deal.stage_id
            if previous == stage_id:
                return previous
            reason = f.clean({"lost_reason": f.Field(f.text(300))},
                             {"lost_reason": lost_reason}).get("lost_reason")
            if stage.outcome == m.STAGE_LOST and not reason:
                raise ValidationError(FieldError("lost_reason", "required"))
            now = utcnow()
            deal.stage_id = stage_id
            deal.stage_changed_at = now
            deal.lost_reason = reason if stage.outcome == m.STAGE_LOST else None
            deal.closed_at = now if stage.outcome != m.STAGE_OPEN else None
            session.add(m.DealStageChange(deal_id=deal_id, from_stage_id=previous,
                                          to_stage_id=stage_id, changed_at=now,
                                          changed_by_id=self.actor_id))
            if stage.outcome == m.STAGE_WON and deal.contact_id is not None:
                contact = session.get(m.Contact, deal.contact_id)
                if contact is not None and contact.lifecycle_stage in BECOMES_CUSTOMER:
                    contact.lifecycle_stage = LifecycleStage.CUSTOMER.value
            was = session.get(m.PipelineStage, previous)
            if m.STAGE_WON in (stage.outcome, was.outcome if was is not None else None):
                self._refresh_rfm(session, deal)
            return previous

    # -- RFM: a won deal is a purchase (services/rfm.py) ----------------------------------
    def _refresh_rfm(self, session: Session, deal: Any) -> None:
        """The deal's contact's RFM figures, after the deal became or stopped being a
        purchase (won, moved out of won, to or from the Trash), and those of the buyers of
        its accepted proformas (which count as purchases only while the deal is not won
        and not in the Trash)."""
        session.flush()
        rfm.refresh_in(session, [deal.contact_id, *self._proforma_buyers(session, deal)])
        # and its club points (earned, or taken back), in the same transaction
        club_earn.sync_in(session, deals=[deal.id])

    def _after_write(self, session: Session, obj: Any) -> None:
        # a won deal created or edited (its amount, its contact): a purchase changed
        if obj.contact_id is not None and self._is_won(session, obj):
            self._refresh_rfm(session, obj)

    def _counts(self, session: Session, deal: Any) -> bool:
        """Whether the deal's going to or from the Trash changes a purchase: it is won, or
        it has accepted proformas (a deal in the Trash takes them along)."""
        return ((deal.contact_id is not None and self._is_won(session, deal))
                or bool(self._proforma_buyers(session, deal)))

    @staticmethod
    def _proforma_buyers(session: Session, deal: Any) -> list[int]:
        """The buyers (their contact, else the deal's) of the deal's accepted proformas."""
        p = m.Proforma
        return [cid for cid in session.scalars(
            select(func.coalesce(p.contact_id, deal.contact_id))
            .where(p.deal_id == deal.id, p.status == ProformaStatus.ACCEPTED.value))
            if cid is not None]

    def _is_won(self, session: Session, deal: Any) -> bool:
        stage = session.get(m.PipelineStage, deal.stage_id)
        return stage is not None and stage.outcome == m.STAGE_WON

    def delete(self, entity_id: int) -> None:
        """To the Trash; a won deal stops counting in its contact's RFM figures."""
        with self.db.write(self.actor_id) as session:
            deal = self._load_to_delete(session, entity_id)
            deal.deleted_at = utcnow()
            if self._counts(session, deal):
                self._refresh_rfm(session, deal)

    def restore_many(self, entity_ids: Any) -> None:
        """Back from the Trash, all or none (see EntityService); won deals count again in
        their contacts' RFM figures."""
        if isinstance(entity_ids, str | bytes) or not isinstance(entity_ids, Iterable):
            raise ValidationError(FieldError("ids", "invalid"))
        with self.db.write(self.actor_id) as session:
            for entity_id in entity_ids:
                deal = self._load_to_restore(session, entity_id)
                deal.deleted_at = None
                if self._counts(session, deal):
                    self._refresh_rfm(session, deal)

    def stage_history(self, deal_id: int) -> list[dict[str, Any]]:
        c = m.DealStageChange
        frm, to = aliased(m.PipelineStage), aliased(m.PipelineStage)
        q = (
            select(c.changed_at, frm.name.label("from_stage"), to.name.label("to_stage"),
                   m.User.display_name.label("user"))
            .outerjoin(frm, frm.id == c.from_stage_id)
            .outerjoin(to, to.id == c.to_stage_id)
            .outerjoin(m.User, m.User.id == c.changed_by_id)
            .where(c.deal_id == deal_id)
            .order_by(c.changed_at, c.id)
        )
        with self.db.read() as session:
            return [dict(r._mapping) for r in session.execute(q)]

    def _apply_filter(self, q: Select[Any], key: str, value: Any) -> Select[Any]:
        # the pipeline's list mode shares the board's period: expected close in [from, to)
        if key == "close_from":
            return q.where(m.Deal.expected_close >= value)
        if key == "close_to":
            return q.where(m.Deal.expected_close < value)
        return super()._apply_filter(q, key, value)

    # -- the board ------------------------------------------------------------------------
    def board(self, filters: Mapping[str, Any] | None = None, *, cap: int = 0,
              caps: Mapping[int, int] | None = None) -> dict[int, BoardColumn]:
        """Open deals by stage, in stage order (every open stage has a column, maybe empty).

        `filters`: owner_id, close_from / close_to (expected close in [from, to)), text
        (the list's full-text search). Each column holds its first `cap` cards (default
        BOARD_CAP; `caps` overrides it per stage id, for "show more") ordered by expected
        close, undated last; count, total and weighted total cover the whole column. One
        statement: the totals are a GROUP BY, the cap a ROW_NUMBER over the filtered ids."""
        filters = filters or {}
        cap = cap or BOARD_CAP
        d, s = m.Deal, m.PipelineStage
        base = _board_where(select(d.id, d.stage_id).join(s, s.id == d.stage_id), filters)
        if str(filters.get("text") or "").strip():
            base = self._apply_text(base, str(filters["text"]))
        totals = (
            base.with_only_columns(
                d.stage_id, func.count().label("n"),
                *_exact_sum(d.amount_rial, "total"), *_exact_sum(_weighted(), "weighted"),
            ).group_by(d.stage_id).subquery("totals")
        )
        ranked = base.add_columns(
            func.row_number().over(
                partition_by=d.stage_id,
                order_by=(d.expected_close.is_(None), d.expected_close, d.id),
            ).label("rn"),
        ).subquery("ranked")
        limit: Any = cap
        if caps:
            limit = case(dict(caps), value=ranked.c.stage_id, else_=cap)
        cards = (
            self._list_columns
            .add_columns(totals.c.n, totals.c.total_hi, totals.c.total_lo,
                         totals.c.weighted_hi, totals.c.weighted_lo)
            .join(ranked, ranked.c.id == d.id)
            .join(totals, totals.c.stage_id == d.stage_id)
            .where(ranked.c.rn <= limit)
            .order_by(s.position, ranked.c.rn)
        )
        with self.db.read() as session:
            stages = session.execute(
                select(s.id).where(s.outcome == m.STAGE_OPEN).order_by(s.position)
            ).scalars().all()
            result = session.connection().execute(cards)
            keys = list(result.keys())
            rows = [dict(zip(keys, r, strict=True)) for r in result.all()]
        columns = {sid: BoardColumn() for sid in stages}
        for row in rows:
            column = columns.get(row["stage_id"])
            if column is None:  # pragma: no cover - the stage closed meanwhile
                continue
            column.count = int(row.pop("n"))
            column.total = _combine(row.pop("total_hi"), row.pop("total_lo"))
            column.weighted = _combine(row.pop("weighted_hi"), row.pop("weighted_lo"))
            column.rows.append(row)
        return columns

    def forecast(self, start: date | None, end: date | None, *,
                 owner_id: int | None = None) -> int:
        """Weighted total (amount x probability / 100 per deal) of the open deals expected
        to close in [start, end); None leaves that side open."""
        d, s = m.Deal, m.PipelineStage
        q = _board_where(
            select(*_exact_sum(_weighted(), "weighted")).select_from(d)
            .join(s, s.id == d.stage_id),
            {"owner_id": owner_id, "close_from": start, "close_to": end},
        )
        with self.db.read() as session:
            return _combine(*session.execute(q).one())


# -- the board ----------------------------------------------------------------------------
#: cards a board column shows before "show more"
BOARD_CAP = 50


@dataclass
class BoardColumn:
    """One stage of the board: its first cards (by expected close) and the whole column's
    count, total and weighted total (amount x probability / 100 per deal, integer Rials)."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    count: int = 0
    total: int = 0
    weighted: int = 0

    @property
    def more(self) -> int:
        """Cards the cap left out."""
        return max(0, self.count - len(self.rows))


def _board_where(q: Select[Any], filters: Mapping[str, Any]) -> Select[Any]:
    """The open, live deals the board's filters select (q must join the stage)."""
    d = m.Deal
    q = q.where(d.deleted_at.is_(None), m.PipelineStage.outcome == m.STAGE_OPEN)
    if filters.get("owner_id") is not None:
        q = q.where(d.owner_id == filters["owner_id"])
    if filters.get("close_from") is not None:
        q = q.where(d.expected_close >= filters["close_from"])
    if filters.get("close_to") is not None:
        q = q.where(d.expected_close < filters["close_to"])
    return q


def _weighted() -> Any:
    """amount x probability // 100 per deal, exactly, without a product that could pass
    64 bits (an amount stored before the limit existed): (a // 100) x p + (a % 100) x p // 100.
    """
    a, p = m.Deal.amount_rial, m.PipelineStage.probability
    return a // 100 * p + a % 100 * p // 100


#: sums are taken in two parts, above and below this, so that neither can overflow
_SPLIT = 1_000_000


def _exact_sum(expr: Any, name: str) -> tuple[Any, Any]:
    """sum(expr) as two aggregates (name_hi, name_lo) that `_combine` adds up in Python.

    SQLite's sum() fails with "integer overflow" past 64 bits. Amounts are at most
    MAX_RIALS now, but a database written before the limit may hold larger ones: summed
    in two parts (expr // 10**6 and expr % 10**6) the total is exact and cannot overflow
    for fewer than a million rows of any 64-bit value."""
    return (func.coalesce(func.sum(expr // _SPLIT), 0).label(f"{name}_hi"),
            func.coalesce(func.sum(expr % _SPLIT), 0).label(f"{name}_lo"))


def _combine(hi: Any, lo: Any) -> int:
    return int(hi) * _SPLIT + int(lo)
