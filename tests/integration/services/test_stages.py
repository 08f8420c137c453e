"""Editing the pipeline: add, rename, reorder and remove stages (deals are moved)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, ValidationError


def names(core) -> list[str]:
    return [s["name"] for s in core.stages.list()]


def by_outcome(core, outcome: str) -> list[dict]:
    return [s for s in core.stages.list() if s["outcome"] == outcome]


def test_create_puts_an_open_stage_before_won_and_lost(core) -> None:
    sid = core.stages.create("  ارائه دمو ", "۶۰")
    stages = core.stages.list()
    assert [s["outcome"] for s in stages][-3:] == ["open", "won", "lost"]
    assert stages[-3] == {"id": sid, "name": "ارائه دمو", "position": 5, "probability": 60,
                          "outcome": "open", "version": 1}
    assert [s["position"] for s in stages] == list(range(1, len(stages) + 1))
    won = core.stages.create("موفق دوم", 100, "won")
    assert core.stages.list()[-1]["id"] == won


def test_create_and_update_are_validated(core) -> None:
    with pytest.raises(ValidationError) as err:
        core.stages.create("", 101, "maybe")
    assert set(err.value.fields) == {"name", "probability", "outcome"}
    with pytest.raises(ValidationError) as err:
        core.stages.create("x" * 101, -1)
    assert set(err.value.fields) == {"name", "probability"}
    with pytest.raises(ValidationError) as err:
        core.stages.create("مذاكره", 10)  # Arabic kaf: the same name as "مذاکره"
    assert err.value.for_field("name").code == "duplicate"
    first, second = core.stages.list()[:2]
    with pytest.raises(ValidationError):
        core.stages.update(first["id"], name=second["name"])
    with pytest.raises(ValidationError):
        core.stages.update(first["id"], name="", probability=5)
    with pytest.raises(NotFoundError):
        core.stages.update(99_999, name="تازه")
    before = core.stages.list()
    assert before[0] == first


def test_update_renames_and_sets_probability(core) -> None:
    first = core.stages.list()[0]
    core.stages.update(first["id"], name="سرنخ", probability=15)
    core.stages.update(first["id"], name="سرنخ")  # its own name is not a duplicate
    # (the second update changes nothing: the stage's version moves on once)
    assert core.stages.list()[0] == {**first, "name": "سرنخ", "probability": 15,
                                     "version": first["version"] + 1}
    core.stages.update(first["id"], probability=0)
    assert core.stages.list()[0]["probability"] == 0


def test_reorder_rewrites_positions(core) -> None:
    ids = [s["id"] for s in core.stages.list()]
    order = [ids[1], ids[0], *ids[2:]]
    core.stages.reorder(order)
    stages = core.stages.list()
    assert [s["id"] for s in stages] == order
    assert [s["position"] for s in stages] == list(range(1, len(ids) + 1))
    for bad in (order[:-1], [*order, order[0]], [*order[:-1], 99_999], order + order):
        with pytest.raises(ValidationError) as err:
            core.stages.reorder(bad)
        assert err.value.fields == ["stage"]
    assert [s["id"] for s in core.stages.list()] == order


def test_remove_moves_deals_with_history(core) -> None:
    stages = core.stages.list()
    gone, target = stages[1]["id"], stages[2]["id"]
    d1 = core.deals.create({"title": "یک", "stage_id": gone})
    d2 = core.deals.create({"title": "دو", "stage_id": gone})
    d3 = core.deals.create({"title": "سه", "stage_id": target})
    trashed = core.deals.create({"title": "حذف‌شده", "stage_id": gone})
    core.deals.delete(trashed)
    assert core.stages.deal_count(gone) == 2
    assert core.stages.deal_counts() == {gone: 2, target: 1}
    before = core.deals.get(d1)["stage_changed_at"]

    assert core.stages.remove(gone, target) == 3
    assert gone not in [s["id"] for s in core.stages.list()]
    assert [s["position"] for s in core.stages.list()] == list(range(1, len(stages)))
    for did in (d1, d2, d3):
        assert core.deals.get(did)["stage_id"] == target
    assert core.deals.get(trashed, include_deleted=True)["stage_id"] == target
    assert core.deals.get(d1)["stage_changed_at"] >= before
    assert core.stages.deal_count(target) == 3
    history = core.deals.stage_history(d1)
    # the removed stage's name is gone with it; the move itself is recorded
    assert [h["to_stage"] for h in history] == [None, stages[2]["name"]]
    with core.db.read() as session:
        moves = session.scalar(select(func.count()).select_from(m.DealStageChange).where(
            m.DealStageChange.to_stage_id == target, m.DealStageChange.from_stage_id.is_(None),
            m.DealStageChange.changed_at.is_not(None)))
        # three moved deals + the one created there (its from_stage is None too)
        assert moves == 4
        audited = session.scalar(select(func.count()).select_from(m.AuditLog).where(
            m.AuditLog.entity == "deals", m.AuditLog.field == "stage_id"))
        assert audited == 3


def test_remove_into_a_won_stage_closes_the_deals(core) -> None:
    stages = core.stages.list()
    did = core.deals.create({"title": "یک", "stage_id": stages[0]["id"]})
    won = by_outcome(core, "won")[0]["id"]
    core.stages.remove(stages[0]["id"], won)
    deal = core.deals.get(did)
    assert deal["stage_id"] == won
    assert deal["closed_at"] is not None


def test_remove_refusals(core) -> None:
    stages = core.stages.list()
    won, lost = by_outcome(core, "won")[0]["id"], by_outcome(core, "lost")[0]["id"]
    first = stages[0]["id"]
    for stage, target in ((won, first), (lost, first), (first, first), (first, 99_999)):
        with pytest.raises(ValidationError) as err:
            core.stages.remove(stage, target)
        assert err.value.fields == ["stage"]
    with pytest.raises(NotFoundError):
        core.stages.remove(99_999, first)
    # a second won stage makes the first removable
    won2 = core.stages.create("موفق دوم", 100, "won")
    core.stages.remove(won, won2)
    # open stages go down to one, which stays
    opens = [s["id"] for s in by_outcome(core, "open")]
    for sid in opens[1:]:
        core.stages.remove(sid, opens[0])
    with pytest.raises(ValidationError):
        core.stages.remove(opens[0], won2)
    assert [s["outcome"] for s in core.stages.list()] == ["open", "lost", "won"]
