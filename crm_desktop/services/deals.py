"""The sales pipeline: stages and deals, with a history of every stage change."""

from __future__ import annotations

from typing import Any, ClassVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.db.models.base import nullable_sort
from crm_desktop.db.types import utcnow
from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.domain.errors import FieldError, NotFoundError, ValidationError
from crm_desktop.services import fields as f
from crm_desktop.services.base import EntityService
from crm_desktop.text.normalize import search_key

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


class StageService:
    def __init__(self, db: Database, actor_id: int | None = None):
        self.db = db
        self.actor_id = actor_id

    def list(self) -> list[dict[str, Any]]:
        s = m.PipelineStage
        with self.db.read() as session:
            q = select(s.id, s.name, s.position, s.probability, s.outcome).order_by(s.position)
            return [dict(r._mapping) for r in session.execute(q)]

    def ensure_defaults(self, session: Session) -> None:
        if session.scalar(select(func.count()).select_from(m.PipelineStage)):
            return
        for pos, (name, prob, outcome) in enumerate(DEFAULT_STAGES, start=1):
            session.add(m.PipelineStage(name=name, position=pos, probability=prob, outcome=outcome))
        session.flush()


class DealService(EntityService[m.Deal]):
    model = m.Deal
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
        obj.search_name = search_key(obj.title)
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
            deal = self._load(session, deal_id)
            stage = session.get(m.PipelineStage, stage_id)
            if stage is None:
                raise NotFoundError("pipeline_stages", stage_id)
            previous: int = deal.stage_id
            if previous == stage_id:
                return previous
            reason = f.text(300)(lost_reason) if lost_reason else None
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
            return previous

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
