"""The rules around the permission table: deleting one's own records and undoing one's own
delete; no one raises their own role; the last active administrator stays; reports of
one's own work; exports; the program's own work; the central guard; database restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from crm_desktop.core import Core
from crm_desktop.db import models as m
from crm_desktop.domain.errors import NotFoundError, PermissionDenied, ValidationError
from crm_desktop.domain.periods import parse_period
from crm_desktop.domain.permissions import Perm
from crm_desktop.services import maintenance
from crm_desktop.services.access_guard import DERIVED, GUARDED
from crm_desktop.services.exports import ExportService
from crm_desktop.services.reports import ReportService
from tests.integration.services import kpi_world as w


@pytest.fixture
def core(tmp_path: Path):
    with Core.open(tmp_path / "crm.sqlite3") as c:
        yield c


def _as(core: Core, role: str, username: str | None = None) -> Core:
    uid = core.users.create({"username": username or f"{role}-1", "display_name": role,
                             "role": role})
    return Core(core.db, uid)


# -- deleting one's own, undoing one's own -------------------------------------------------
def test_sales_deletes_its_own_records_only_and_undoes_its_own_delete(core: Core) -> None:
    sales = _as(core, "sales")
    mine = sales.contacts.create({"last_name": "مشتری من"})
    theirs = core.contacts.create({"last_name": "مشتری مدیر"})
    given = core.contacts.create({"last_name": "سپرده", "owner_id": sales.actor_id})
    with pytest.raises(PermissionDenied) as refused:
        sales.contacts.delete(theirs)
    assert refused.value.perm == Perm.DELETE_ANY
    assert core.contacts.get(theirs)["deleted_at"] is None
    sales.contacts.delete(mine)
    sales.contacts.delete(given)  # owned through owner_id, though the admin made it
    sales.contacts.restore(mine)  # the Undo of its own delete
    assert sales.contacts.get(mine)["deleted_at"] is None
    core.contacts.delete(theirs)  # the administrator's delete: not sales' to undo
    with pytest.raises(PermissionDenied) as refused:
        sales.contacts.restore_many([given, theirs])
    assert refused.value.perm == Perm.RESTORE_TRASH
    assert core.contacts.get(given, include_deleted=True)["deleted_at"] is not None


def test_an_own_delete_is_judged_by_who_deleted_last(core: Core) -> None:
    sales = _as(core, "sales")
    mine = sales.deals.create({"title": "فروش"})
    sales.deals.delete(mine)
    core.deals.restore(mine)
    core.deals.delete(mine)  # now the administrator's delete
    with pytest.raises(PermissionDenied):
        sales.deals.restore(mine)


def test_reception_deletes_nothing_and_the_manager_undoes_only_its_own(core: Core) -> None:
    reception, manager = _as(core, "reception"), _as(core, "manager")
    own = reception.contacts.create({"last_name": "پذیرش"})
    with pytest.raises(PermissionDenied) as refused:
        reception.contacts.delete(own)
    assert refused.value.perm == Perm.DELETE_OWN
    ticket = reception.tickets.create({"subject": "تماس"})
    manager.tickets.delete(ticket)
    manager.tickets.restore(ticket)  # no RESTORE_TRASH, but its own undo
    core.tickets.delete(ticket)
    with pytest.raises(PermissionDenied):
        manager.tickets.restore(ticket)


# -- users: no escalation, the last administrator ------------------------------------------
def test_no_one_changes_their_own_role_active_state_or_user_name(core: Core) -> None:
    sales = _as(core, "sales")
    for change in ({"role": "admin"}, {"active": False}, {"username": "boss"}):
        with pytest.raises(ValidationError) as refused:
            sales.users.update(sales.actor_id, {"display_name": "x", **change})
        assert refused.value.errors[0].code == "user.own_account"
    with pytest.raises(ValidationError):  # an administrator neither (demoting itself)
        core.users.update(core.actor_id, {"role": "manager"})
    sales.users.update(sales.actor_id, {"display_name": "سارا", "role": "sales"})
    sales.users.set_password(sales.actor_id, "secret-1")
    assert core.users.get(sales.actor_id)["display_name"] == "سارا"
    assert core.users.get(sales.actor_id)["role"] == "sales"


def test_user_management_is_for_administrators(core: Core) -> None:
    manager, sales = _as(core, "manager"), _as(core, "sales")
    for actor in (manager, sales):
        with pytest.raises(PermissionDenied):
            actor.users.update(core.actor_id, {"active": False})
        with pytest.raises(PermissionDenied):
            actor.users.update(sales.actor_id if actor is manager else manager.actor_id,
                               {"role": "admin"})
        with pytest.raises(PermissionDenied):
            actor.users.set_password(core.actor_id, "taken-over")
        with pytest.raises(PermissionDenied):
            actor.users.create({"username": "new-admin", "display_name": "x",
                                "role": "admin"})
    assert core.users.get(core.actor_id)["active"] is True
    assert core.users.get(sales.actor_id)["role"] == "sales"


def test_the_last_active_administrator_stays(core: Core) -> None:
    first = core.actor_id
    second = core.users.create({"username": "second", "display_name": "دوم",
                                "role": "admin"})
    as_second = Core(core.db, second)
    as_second.users.update(first, {"active": False})  # another administrator remains
    nobody = Core(core.db, None)  # maintenance: may do everything but this
    for change in ({"role": "manager"}, {"active": False}):
        with pytest.raises(ValidationError) as refused:
            nobody.users.update(second, change)
        assert refused.value.errors[0].code == "user.last_admin"
    assert core.users.get(second)["role"] == "admin"
    assert core.users.get(second)["active"] is True
    as_second.users.update(first, {"active": True})
    nobody.users.update(second, {"role": "manager"})  # first is active again


# -- reports, KPIs and exports -------------------------------------------------------------
def test_reports_of_ones_own_work(core: Core) -> None:
    world = w.build(core)  # users a and b are sales (REPORTS_OWN)
    period = parse_period("1405-08")
    a = Core(core.db, world.a)
    assert a.kpis.compute(period) == core.kpis.compute(period, owner_id=world.a)
    assert a.kpis.compute(period, owner_id=world.a) == a.kpis.compute(period)
    with pytest.raises(PermissionDenied) as refused:
        a.kpis.compute(period, owner_id=world.b)
    assert refused.value.perm == Perm.REPORTS_ALL
    assert (a.kpis.funnel(period) == core.kpis.funnel(period, owner_id=world.a))
    own = ReportService(core.db, world.a).run("sales-by-owner", period)
    everyone = ReportService(core.db).run("sales-by-owner", period, owner_id=world.a)
    assert own.rows == everyone.rows and own.owner_id == world.a
    reception = _as(core, "reception")
    with pytest.raises(PermissionDenied) as refused:
        reception.kpis.compute(period)
    assert refused.value.perm == Perm.REPORTS_OWN
    with pytest.raises(PermissionDenied):
        ReportService(core.db, reception.actor_id).run("customers", period)
    with pytest.raises(PermissionDenied):
        reception.kpis.records("won_deals", period)


def test_exports_need_export(core: Core) -> None:
    core.contacts.create({"last_name": "رضایی"})
    for role in ("sales", "reception"):
        actor = _as(core, role)
        with pytest.raises(PermissionDenied) as refused:
            ExportService(core.db, actor.actor_id).table("contacts")
        assert refused.value.perm == Perm.EXPORT
        with pytest.raises(PermissionDenied):
            actor.access.require(Perm.EXPORT)
    manager = _as(core, "manager")
    assert len(list(ExportService(core.db, manager.actor_id).table("contacts").rows)) == 1


# -- the program's own work ----------------------------------------------------------------
def test_a_scheduled_run_is_not_refused_for_whoever_is_signed_in(core: Core) -> None:
    reception = _as(core, "reception")
    core.automation.create_rule({"kind": "welcome", "name": "خوشامد", "enabled": True})
    with pytest.raises(PermissionDenied):
        reception.automation.run()  # "Run now" is the user's
    report = reception.automation.run(trigger="timer")
    assert report.run_id is not None and not report.errors
    assert reception.outbox.recover_interrupted() == 0
    with pytest.raises(PermissionDenied):
        reception.automation.create_rule({"kind": "welcome", "name": "دوم"})


# -- the central guard ---------------------------------------------------------------------
def test_every_model_is_guarded_or_derived() -> None:
    mapped = {mapper.class_ for mapper in m.Base.registry.mappers}
    assert mapped == set(GUARDED) | DERIVED
    assert not set(GUARDED) & DERIVED


def test_a_write_that_forgets_its_check_is_refused_whole(core: Core) -> None:
    reception = _as(core, "reception")
    with pytest.raises(PermissionDenied) as refused, \
            core.db.write(reception.actor_id) as session:
        session.add(m.Contact(last_name="مجاز", sort_key="a", full_name="مجاز"))
        session.flush()  # allowed: reception edits contacts
        session.add(m.Product(name="کالا", sort_key="k", unit_price_rial=1))
        session.flush()
    assert refused.value.perm == Perm.EDIT_CATALOG
    with core.db.read() as session:
        assert session.scalar(select(func.count()).select_from(m.Contact)) == 0
        assert session.scalar(select(func.count()).select_from(m.Product)) == 0
    with core.db.write(reception.actor_id, system=True) as session:  # the program's own
        session.add(m.Setting(key="probe", value='"x"'))


def test_a_checked_write_is_trusted_for_its_side_effects(core: Core) -> None:
    """A role adjusted to sales without contacts still wins deals: the contact becoming a
    customer is the deal's write."""
    core.access.set_role_permissions("sales", ["see_all", "edit_sales"])
    sales = _as(core, "sales")
    contact = core.contacts.create({"last_name": "خریدار", "lifecycle_stage": "lead"})
    deal = sales.deals.create({"title": "فروش", "contact_id": contact})
    won = next(s["id"] for s in core.stages.list() if s["outcome"] == "won")
    sales.deals.move(deal, won)
    assert core.contacts.get(contact)["lifecycle_stage"] == "customer"
    with pytest.raises(PermissionDenied):
        sales.contacts.update(contact, {"city": "قم"})


def test_a_read_session_must_name_its_actor(core: Core) -> None:
    from crm_desktop.services.access import require_in

    with core.db.read() as session, pytest.raises(TypeError):
        require_in(session, Perm.EXPORT)


# -- SEE_ALL -------------------------------------------------------------------------------
def test_without_see_all_a_role_sees_only_its_own_records(core: Core) -> None:
    from crm_desktop.services.base import ListQuery

    core.access.set_role_permissions("sales", ["edit_contacts", "export", "delete_own"])
    sales = _as(core, "sales")
    theirs = core.contacts.create({"first_name": "علی", "last_name": "احمدی"})
    mine = sales.contacts.create({"first_name": "علی", "last_name": "محمدی"})
    # the administrator's list first: its compiled statements must not serve sales
    assert core.contacts.count() == 2 and len(core.contacts.window(ListQuery(), 0, 50).rows) == 2
    assert sales.contacts.count() == 1
    assert [r["id"] for r in sales.contacts.window(ListQuery(), 0, 50).rows] == [mine]
    assert [r["id"] for r in sales.contacts.list().rows] == [mine]
    assert sales.contacts.list_ids() == [mine]
    assert [r["id"] for r in sales.contacts.ids([theirs, mine])] == [mine]
    with pytest.raises(NotFoundError):
        sales.contacts.get(theirs)
    assert [h.id for h in sales.search.search("علی")] == [mine]
    assert {h.id for h in core.search.search("علی")} == {mine, theirs}
    table = ExportService(core.db, sales.actor_id).table("contacts", columns=["full_name"])
    assert [row[0] for row in table.rows] == ["علی محمدی"]
    assert core.contacts.count() == 2  # and the administrator still sees both
    core.access.set_role_permissions("sales", ["see_all", "edit_contacts"])
    assert sales.contacts.count() == 2  # the table applies at the next read


# -- restoring the database ----------------------------------------------------------------
def test_restoring_the_database_is_for_administrators(core: Core, tmp_path: Path) -> None:
    backup = tmp_path / "backup.sqlite3"
    maintenance.backup(core.db.path, backup)
    manager = _as(core, "manager")
    core.contacts.create({"last_name": "بعد از پشتیبان"})
    core.db.close()
    before = core.db.path.read_bytes()
    with pytest.raises(PermissionDenied) as refused:
        maintenance.restore(backup, core.db.path, actor_id=manager.actor_id, by_user=True)
    assert refused.value.perm == Perm.RESTORE_DB
    assert core.db.path.read_bytes() == before
    assert maintenance.restore(backup, core.db.path, actor_id=core.actor_id,
                               by_user=True) is not None
    with Core.open(core.db.path, create=False) as again:
        assert again.contacts.count() == 0  # the backup's content
