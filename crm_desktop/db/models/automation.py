"""Automation rules, what they did (the automation log) and their runs.

Idempotence lives in the log: one row per (rule, key), where the key names the occurrence
(for example "1405-03-14:contact:812" for a birthday greeting), written in the same
transaction as the outbox row, task or owner change it records. A second run, a run in
another process, or a run after a crash finds the row and does nothing again."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.db.models.base import (
    Base,
    CreatorMixin,
    IdColumn,
    IdMixin,
    TimestampMixin,
    VersionMixin,
)
from crm_desktop.db.types import enum_column, utcnow
from crm_desktop.domain.enums import AutomationAction, RuleKind, RunTrigger


class AutomationRule(IdMixin, TimestampMixin, CreatorMixin, VersionMixin, Base):
    """One rule: its kind, its settings (JSON, per kind) and the contacts it applies to
    (a dynamic-list filter document, services/contact_filter.py; NULL: everyone)."""

    __tablename__ = "automation_rules"

    kind: Mapped[str] = mapped_column(enum_column(RuleKind))
    name: Mapped[str] = mapped_column(String(200))
    enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: when the rule was last switched on: nothing that fell due before it is acted on
    enabled_at: Mapped[datetime | None] = mapped_column()
    #: the kind's settings (offsets, channel, template, assignees, catch-up limit ...)
    settings_json: Mapped[str] = mapped_column(Text, default="{}")
    #: the contacts it applies to, as a dynamic list's filter (NULL: everyone)
    conditions_json: Mapped[str | None] = mapped_column(Text)
    #: the end of the last run that looked at this rule (NULL: never run)
    last_run_at: Mapped[datetime | None] = mapped_column()


class AutomationRun(IdMixin, Base):
    """One run over every enabled rule (dry runs are not recorded)."""

    __tablename__ = "automation_runs"

    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column()
    trigger: Mapped[str] = mapped_column(enum_column(RunTrigger))
    user_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("users.id", ondelete="SET NULL")
    )
    #: log rows the run wrote
    actions: Mapped[int] = mapped_column(Integer, default=0)
    #: a readable problem that stopped a rule (the other rules still ran); NULL: none
    error: Mapped[str | None] = mapped_column(Text)


class AutomationLog(IdMixin, Base):
    """One thing a rule did, or decided to skip, for one occurrence."""

    __tablename__ = "automation_log"

    rule_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("automation_rules.id", ondelete="SET NULL")
    )
    #: the rule's name when it acted (the log outlives a deleted rule)
    rule_name: Mapped[str] = mapped_column(String(200))
    #: the occurrence, unique per rule: what makes a rule idempotent
    key: Mapped[str] = mapped_column(String(120))
    run_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("automation_runs.id", ondelete="SET NULL")
    )
    contact_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("contacts.id", ondelete="SET NULL")
    )
    #: the record the occurrence is about besides the contact: "deal", "ticket",
    #: "activity" (an appointment) or NULL
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column()
    action: Mapped[str] = mapped_column(enum_column(AutomationAction))
    #: a readable line: the message's first words, the task's subject, the new owner, or
    #: why it was skipped
    detail: Mapped[str] = mapped_column(Text, default="")
    #: when the occurrence fell due (UTC)
    due_at: Mapped[datetime] = mapped_column()
    #: when the rule acted (UTC)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    outbox_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("outbox.id", ondelete="SET NULL")
    )
    activity_id: Mapped[int | None] = mapped_column(
        IdColumn, ForeignKey("activities.id", ondelete="SET NULL")
    )
    #: a satisfaction request: the score (1-5) when the reply came back
    reply_score: Mapped[int | None] = mapped_column(Integer)
    replied_at: Mapped[datetime | None] = mapped_column()

    __table_args__ = (
        Index(None, "rule_id", "key", unique=True),
        Index(None, "contact_id", "at"),
        Index(None, "at", "id"),
        Index(None, "entity", "entity_id"),
    )
