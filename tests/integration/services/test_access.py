"""core.access: the acting user's permissions, read in each transaction, and the
administrator's table."""

from pathlib import Path

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import PermissionDenied, ValidationError
from crm_desktop.domain.permissions import Perm


@pytest.fixture
def core(tmp_path: Path):
    with Core.open(tmp_path / "crm.sqlite3") as c:
        yield c


def _as(core: Core, role: str, username: str) -> Core:
    uid = core.users.create({"username": username, "display_name": username, "role": role})
    return Core(core.db, uid)


def test_each_role_reads_its_own_permissions(core: Core) -> None:
    assert core.access.can(Perm.USERS)
    sales = _as(core, "sales", "sara")
    assert sales.access.role() == "sales"
    assert sales.access.can(Perm.DELETE_OWN) and not sales.access.can(Perm.EXPORT)


def test_the_admin_adjusts_a_role_and_it_applies_at_once(core: Core) -> None:
    reception = _as(core, "reception", "rana")
    assert not reception.access.can(Perm.EXPORT)
    core.access.set_role_permissions("reception", ["see_all", "edit_contacts", "export"])
    assert reception.access.can(Perm.EXPORT)
    assert core.access.table()["reception"] == ["edit_contacts", "export", "see_all"]
    with pytest.raises(PermissionDenied):
        reception.access.set_role_permissions("reception", ["users"])


def test_a_deactivated_user_may_do_nothing(core: Core) -> None:
    sales = _as(core, "sales", "sam")
    core.users.update(sales.actor_id, {"active": False})
    assert sales.access.permissions() == frozenset()


@pytest.mark.parametrize(("role", "perms"), [
    ("admin", ["export"]), ("boss", ["export"]), ("sales", "export"),
    ("sales", ["users"]), ("sales", [None]),
])
def test_the_table_refuses_what_it_cannot_hold(core: Core, role, perms) -> None:
    with pytest.raises(ValidationError):
        core.access.set_role_permissions(role, perms)


def test_forget_makes_the_next_read_ask_the_database(core: Core) -> None:
    """Another program's change to the table reaches this one's cache once forgotten."""
    from crm_desktop.services.settings import SettingsService

    reception = _as(core, "reception", "rasa")
    assert not reception.access.can(Perm.EXPORT)
    other = Core.open(core.db.path)  # a second program on the same file
    try:
        SettingsService(other.db, None).set("role_permissions", {"reception": ["export"]})
    finally:
        other.close()
    reception.access.forget()
    assert reception.access.can(Perm.EXPORT)
