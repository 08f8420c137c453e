"""What a new database starts with: an administrator, the default pipeline, and one
automation rule of each kind (off, with Persian templates)."""

from __future__ import annotations

import json

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Role, RuleKind

DEFAULT_ADMIN = ("admin", "مدیر سیستم")


def _first_admin(session: Session) -> int | None:
    return session.scalar(
        select(m.User.id)
        .where(m.User.role == Role.ADMIN.value, m.User.active.is_(True))
        .order_by(m.User.id)
        .limit(1)
    )


def _complete(session: Session) -> int | None:
    """The first administrator's id when nothing is missing (the administrator, the
    pipeline, a default rule of every kind), else None."""
    admin_id = _first_admin(session)
    if admin_id is None or not session.scalar(
            select(func.count()).select_from(m.PipelineStage)):
        return None
    setting = session.get(m.Setting, SEEDED_KEY)
    seeded = set(json.loads(setting.value)) if setting is not None else set()
    # every kind there can be was seeded (the registry's kinds are RuleKind values)
    return admin_id if seeded >= {k.value for k in RuleKind} else None


def ensure_defaults(db: Database) -> int:
    """Create the first user and the pipeline if missing; returns the acting user's id
    (the first active administrator: login comes later).

    Opening a database that has them all (every start but the first) only reads: no
    write transaction, and the automation kinds are not imported."""
    with db.read() as session:
        complete = _complete(session)
    if complete is not None:
        return complete
    with db.write() as session:
        admin_id = _first_admin(session)
        if admin_id is None:
            username, display = DEFAULT_ADMIN
            admin = m.User(username=username, display_name=display, role=Role.ADMIN.value)
            session.add(admin)
            session.flush()
            admin_id = admin.id
        from crm_desktop.services.deals import StageService

        StageService(db).ensure_defaults(session)
        ensure_default_rules(session, admin_id)
        return admin_id


#: settings key: the rule kinds whose default rule was created once (a rule the user
#: deleted is not brought back; a kind a newer version adds gets its rule)
SEEDED_KEY = "automation_seeded_kinds"


def ensure_default_rules(session: Session, creator_id: int | None) -> list[int]:
    """One rule of each kind never seeded before, switched off; returns their ids."""
    from crm_desktop.services.automation.kinds import registry
    from crm_desktop.text.automation_texts import kind_name

    setting = session.get(m.Setting, SEEDED_KEY)
    seeded = json.loads(setting.value) if setting is not None else []
    missing = [k for k in registry.names() if k not in seeded]
    if not missing:
        return []
    made = []
    for kind in missing:
        rule = m.AutomationRule(
            kind=kind, name=kind_name(kind, "fa"), enabled=False,
            settings_json=json.dumps(registry.kind(kind).defaults(), ensure_ascii=False,
                                     sort_keys=True),
            created_by_id=creator_id)
        session.add(rule)
        session.flush()
        made.append(rule.id)
    value = json.dumps([*seeded, *missing], ensure_ascii=False)
    if setting is None:
        session.add(m.Setting(key=SEEDED_KEY, value=value))
    else:
        setting.value = value
    return made
