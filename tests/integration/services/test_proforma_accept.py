"""Accepting a proforma can mark its deal won, in the same transaction."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.domain.errors import NotFoundError, ValidationError


def stage_ids(core: Any) -> dict[str, int]:
    rows = core.stages.list()
    return {
        "open": next(s["id"] for s in rows if s["outcome"] == m.STAGE_OPEN),
        "won": next(s["id"] for s in rows if s["outcome"] == m.STAGE_WON),
        "lost": next(s["id"] for s in rows if s["outcome"] == m.STAGE_LOST),
    }


def changes(core: Any, deal_id: int) -> int:
    with core.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(m.DealStageChange)
                                  .where(m.DealStageChange.deal_id == deal_id)))


@pytest.fixture
def contact(core: Any) -> int:
    return core.contacts.create({"first_name": "نرگس", "last_name": "موسوی",
                                 "lifecycle_stage": LifecycleStage.LEAD.value})


@pytest.fixture
def deal(core: Any, contact: int) -> int:
    return core.deals.create({"title": "قرارداد کاغذ", "contact_id": contact,
                              "amount_rial": 5_000_000})


@pytest.fixture
def proforma(core: Any, deal: int, contact: int) -> int:
    return core.proformas.create(
        {"deal_id": deal, "contact_id": contact},
        [{"description": "کاغذ", "quantity": 2, "unit_price_rial": 1_000_000}],
    )


def test_accept_and_win_moves_the_deal(core, deal, contact, proforma) -> None:
    before = changes(core, deal)
    core.proformas.set_status(proforma, "accepted", mark_deal_won=True)
    assert core.proformas.get(proforma)["status"] == "accepted"
    d = core.deals.get(deal)
    assert d["stage_id"] == stage_ids(core)["won"]
    assert d["closed_at"] is not None
    assert changes(core, deal) == before + 1
    history = core.deals.stage_history(deal)
    assert history[-1]["to_stage"] is not None and history[-1]["from_stage"] is not None
    assert core.contacts.get(contact)["lifecycle_stage"] == LifecycleStage.CUSTOMER.value


def test_accept_without_the_flag_leaves_the_deal(core, deal, contact, proforma) -> None:
    core.proformas.set_status(proforma, "accepted")
    assert core.proformas.get(proforma)["status"] == "accepted"
    assert core.deals.get(deal)["stage_id"] == stage_ids(core)["open"]
    assert core.contacts.get(contact)["lifecycle_stage"] == LifecycleStage.LEAD.value


def test_other_statuses_never_win(core, deal, proforma) -> None:
    core.proformas.set_status(proforma, "sent", mark_deal_won=True)
    assert core.deals.get(deal)["stage_id"] == stage_ids(core)["open"]


def test_a_closed_deal_is_not_moved(core, deal, proforma) -> None:
    lost = stage_ids(core)["lost"]
    core.deals.move(deal, lost, "گران بود")
    before = changes(core, deal)
    core.proformas.set_status(proforma, "accepted", mark_deal_won=True)
    assert core.proformas.get(proforma)["status"] == "accepted"
    assert core.deals.get(deal)["stage_id"] == lost
    assert changes(core, deal) == before


def test_loyal_customers_stay_loyal(core, contact, deal, proforma) -> None:
    core.contacts.update(contact, {"lifecycle_stage": LifecycleStage.LOYAL.value})
    core.proformas.set_status(proforma, "accepted", mark_deal_won=True)
    assert core.contacts.get(contact)["lifecycle_stage"] == LifecycleStage.LOYAL.value


def test_a_proforma_without_a_deal_is_just_accepted(core, contact) -> None:
    pid = core.proformas.create({"contact_id": contact},
                                [{"description": "خدمات", "unit_price_rial": 10}])
    core.proformas.set_status(pid, "accepted", mark_deal_won=True)
    assert core.proformas.get(pid)["status"] == "accepted"


def test_refused_status_changes_nothing(core, deal, proforma) -> None:
    with pytest.raises(ValidationError):
        core.proformas.set_status(proforma, "bogus", mark_deal_won=True)
    assert core.deals.get(deal)["stage_id"] == stage_ids(core)["open"]
    with pytest.raises(NotFoundError):
        core.proformas.set_status(10_000, "accepted", mark_deal_won=True)


def test_one_transaction_rolls_back_together(core, deal, proforma, monkeypatch) -> None:
    """A failure while winning the deal leaves the proforma's status unchanged too."""
    def boom(self, session, deal_id):
        raise RuntimeError("boom")
    monkeypatch.setattr(type(core.proformas), "_win_deal", boom)
    with pytest.raises(RuntimeError):
        core.proformas.set_status(proforma, "accepted", mark_deal_won=True)
    assert core.proformas.get(proforma)["status"] == "draft"
