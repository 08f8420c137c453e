"""The demo's campaigns look like a shop's: targets, members in every status, deals (won
ones included) that came from them, costs, and so real ROI figures."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.enums import MemberStatus
from crm_desktop.services.base import ListQuery
from crm_desktop.services.demo import generate


def test_demo_campaign_figures(tmp_path: Path) -> None:
    with Core.open(tmp_path / "demo.sqlite3") as core:
        generate(core.db, 2000, seed=3)
        rows = core.campaigns.list(ListQuery(limit=100)).rows
        with core.db.read() as session:
            statuses = set(session.scalars(select(m.CampaignMember.status).distinct()))
            linked = session.execute(
                select(m.PipelineStage.outcome, func.count()).join(
                    m.Deal, m.Deal.stage_id == m.PipelineStage.id)
                .where(m.Deal.source_campaign_id.is_not(None))
                .group_by(m.PipelineStage.outcome)).all()
            deals = session.scalar(select(func.count()).select_from(m.Deal))
            targets = session.execute(select(m.CampaignTarget.list_id,
                                             m.CampaignTarget.segment)).all()
    assert statuses == {s.value for s in MemberStatus}
    by_outcome = dict(linked)
    assert by_outcome.get("won", 0) >= 5 and by_outcome.get("open", 0) > 0
    assert sum(by_outcome.values()) < deals / 2  # a share, not all of them
    assert any(lst for lst, _ in targets) and any(seg for _, seg in targets)
    spent = [r for r in rows if r["actual_cost_rial"] > 0]
    assert len(spent) == len(rows) - 1  # the planned campaign has spent nothing yet
    assert any(r["roi"] is None for r in rows)
    assert sum(1 for r in spent if r["roi"] > 0) >= len(spent) // 3
    assert all(r["members"] > 0 for r in rows)
    # converted members are the people of the won deals their campaign brought
    assert all(r["converted"] <= r["acquired"] for r in rows)
