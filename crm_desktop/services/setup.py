"""What a new database starts with: an administrator and the default pipeline."""

from __future__ import annotations

from sqlalchemy import select

from crm_desktop.db import models as m
from crm_desktop.db.engine import Database
from crm_desktop.domain.enums import Role
from crm_desktop.services.deals import StageService

DEFAULT_ADMIN = ("admin", "مدیر سیستم")


def ensure_defaults(db: Database) -> int:
    """Create the first user and the pipeline if missing; returns the acting user's id
    (the first active administrator: login comes later)."""
    with db.write() as session:
        admin_id = session.scalar(
            select(m.User.id)
            .where(m.User.role == Role.ADMIN.value, m.User.active.is_(True))
            .order_by(m.User.id)
            .limit(1)
        )
        if admin_id is None:
            username, display = DEFAULT_ADMIN
            admin = m.User(username=username, display_name=display, role=Role.ADMIN.value)
            session.add(admin)
            session.flush()
            admin_id = admin.id
        StageService(db).ensure_defaults(session)
        return admin_id
