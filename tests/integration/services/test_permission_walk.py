"""Every service write, called as each role: exactly what the permission table refuses is
refused (PermissionDenied), and a refused call writes nothing.

The writes and how to call them are the audit walk's (test_audit_walk.WALK, which covers
every public write of every service: a new method fails that walk until it has a
scenario). NEEDS says which permissions each of them needs; a write of WALK missing from
NEEDS fails `test_every_write_is_classified`, so a new method cannot slip through.

Each scenario runs on a copy of the audit walk's small database (its records belong to
the administrator or to another user, so "delete" here is deleting someone else's
record and "restore" bringing back what someone else deleted) with one user of each role
added. Every role that must be refused is tried on one copy (the whole database compared
before and after each try); every other role runs the write on a copy of its own and
must succeed. The adjusted table: reception given sales, export, import, deleting
anything and campaigns, and no longer contacts nor work.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from crm_desktop.core import Core
from crm_desktop.domain.errors import PermissionDenied
from crm_desktop.domain.permissions import DEFAULTS, Perm, effective
from tests.integration.services.audit_check import last_audit_id, snapshot
from tests.integration.services.test_audit_walk import WALK, _build

P = Perm
#: the program's own work: never refused, whoever is signed in (Database.write system)
SYSTEM = "system"
#: DELETE_ANY (the walk's records are someone else's; DELETE_OWN is tested below)
DELETE = "delete"
#: RESTORE_TRASH (the walk's Trash was filled by someone else; one's own undo is below)
RESTORE = "restore"

NEEDS: dict[tuple[str, str], Any] = {
    ("users", "create"): {P.USERS},
    ("users", "update"): {P.USERS},
    ("users", "set_password"): {P.USERS},
    ("access", "set_role_permissions"): {P.USERS},
    **{("contacts", m): {P.EDIT_CONTACTS} for m in ("create", "update", "set_tags")},
    **{("accounts", m): {P.EDIT_CONTACTS} for m in ("create", "update")},
    **{(s, "delete"): DELETE for s in ("contacts", "accounts", "deals", "tickets",
                                       "activities")},
    **{(s, m): RESTORE for s in ("contacts", "accounts", "deals", "tickets")
       for m in ("restore", "restore_many")},
    **{("products", m): {P.EDIT_CATALOG} for m in ("create", "update")},
    **{("stages", m): {P.EDIT_CATALOG} for m in ("create", "update", "reorder", "remove")},
    **{("deals", m): {P.EDIT_SALES} for m in ("create", "update", "move")},
    **{("proformas", m): {P.EDIT_SALES} for m in ("create", "update", "set_status")},
    **{("activities", m): {P.EDIT_WORK} for m in ("create", "update", "complete", "reopen",
                                                  "skip_occurrence")},
    **{("tickets", m): {P.EDIT_WORK} for m in ("create", "update", "close", "reopen",
                                               "add_comment")},
    **{("settings", m): {P.SETTINGS} for m in (
        "set", "set_company", "set_profile", "set_display_unit", "set_logo", "set_sla",
        "set_time_zone", "set_vat_rate", "set_rfm_window_years", "set_sending")},
    ("rfm", "recompute"): SYSTEM,  # figures derived from the sales: anyone may refresh them
    **{("lists", m): {P.CAMPAIGNS} for m in ("create", "update", "delete", "add_members",
                                            "remove_members")},
    **{("campaigns", m): {P.CAMPAIGNS} for m in (
        "create", "update", "add_members_from_targets", "add_target", "remove_target",
        "set_members_status", "set_member_status")},
    **{("outbox", m): {P.CAMPAIGNS} for m in ("save_message", "queue", "cancel", "retry",
                                             "confirm_file")},
    ("outbox", "export_file"): {P.CAMPAIGNS, P.EXPORT},
    ("outbox", "send_due"): SYSTEM,  # delivering what someone allowed already queued
    ("outbox", "recover_interrupted"): SYSTEM,  # start-up housekeeping
    ("merging", "merge"): {P.IMPORT},
    ("imports", "run"): {P.IMPORT},
    ("imports", "undo_last"): {P.IMPORT},
    **{("club", m): {P.CAMPAIGNS} for m in ("set_settings", "adjust", "redeem", "recompute")},
    ("club", "redeem_on_proforma"): {P.CAMPAIGNS, P.EDIT_SALES},
    ("club", "expire"): SYSTEM,  # the club's daily housekeeping (every automation run)
    ("club", "award_birthdays"): SYSTEM,
    **{("automation", m): {P.CAMPAIGNS} for m in ("create_rule", "update_rule",
                                                  "set_enabled", "delete_rule")},
    ("automation", "run"): {P.CAMPAIGNS},  # "Run now"; the scheduled runs: see below
    ("replies", "record"): {P.CAMPAIGNS},
    ("replies", "import_file"): {P.CAMPAIGNS},
    # signing in, one's own password and the first-run set-up are open to every role
    ("auth", "sign_in"): SYSTEM,
    ("auth", "change_own_password"): SYSTEM,
    ("auth", "begin_setup"): SYSTEM,
    ("auth", "complete_setup"): SYSTEM,
    ("auth", "set_single_user"): {P.USERS},
    ("auth", "reset_password"): {P.USERS},
    ("backups", "set_settings"): {P.SETTINGS},
    ("backups", "make"): {P.EXPORT},  # a backup by hand takes the whole customer base out
}
#: takes the caller's session (not offered to a user)
NOT_WALKED = {("stages", "ensure_defaults")}

ADJUSTED = ["see_all", "edit_sales", "export", "import", "delete_any", "campaigns"]
#: role name -> (role, adjusted table or None)
ROLES: dict[str, tuple[str, list[str] | None]] = {
    "manager": ("manager", None), "sales": ("sales", None),
    "reception": ("reception", None), "reception*": ("reception", ADJUSTED),
}


def allowed(role: str, key: tuple[str, str]) -> bool:
    name, adjusted = ROLES[role]
    perms = effective(name, {name: adjusted} if adjusted is not None else None)
    need = NEEDS[key]
    if need == SYSTEM:
        return True
    if need == DELETE:
        return P.DELETE_ANY in perms
    if need == RESTORE:
        return P.RESTORE_TRASH in perms
    return set(need) <= perms


def test_every_write_is_classified() -> None:
    assert set(WALK) - NOT_WALKED == set(NEEDS)


def test_the_walk_refuses_something_and_allows_something_for_every_role() -> None:
    """The table is not trivially all-or-nothing for any role walked."""
    for role in ROLES:
        outcomes = {allowed(role, key) for key in NEEDS}
        assert outcomes == {True, False}, role
    assert DEFAULTS  # the defaults are the table walked


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    path = tmp_path_factory.mktemp("roles") / "template.sqlite3"
    with Core.open(path) as core:
        ids = _build(core)
        for role in ("manager", "sales", "reception"):
            ids[f"as_{role}"] = core.users.create(
                {"username": f"{role}-user", "display_name": role, "role": role})
    return path, ids


def _copy(template: tuple[Path, dict[str, Any]], path: Path) -> Iterator[Any]:
    shutil.copyfile(template[0], path)
    return Core.open(path, create=False), dict(template[1])


def _as(core: Core, ids: dict[str, Any], role: str) -> Core:
    name, adjusted = ROLES[role]
    if adjusted is not None:
        core.access.set_role_permissions(name, adjusted)
    return Core(core.db, ids[f"as_{name}"])


@pytest.mark.parametrize("key", sorted(NEEDS), ids=lambda k: ".".join(k))
def test_each_role_is_refused_exactly_what_the_table_refuses(
        key: tuple[str, str], template: tuple[Path, dict[str, Any]], tmp_path: Path) -> None:
    scenario = WALK[key]
    refused = [r for r in ROLES if not allowed(r, key)]
    if refused:
        core, ids = _copy(template, tmp_path / "refused.sqlite3")
        with core:
            if scenario.prepare:
                scenario.prepare(core, ids)
            for role in refused:
                actor = _as(core, ids, role)
                before, mark = snapshot(core), last_audit_id(core)
                with pytest.raises(PermissionDenied):
                    scenario.act(actor, ids)
                assert snapshot(core) == before, f"{role} was refused but wrote"
                assert last_audit_id(core) == mark
    for role in (r for r in ROLES if allowed(r, key)):
        core, ids = _copy(template, tmp_path / f"{role}.sqlite3")
        with core:
            if scenario.prepare:
                scenario.prepare(core, ids)
            actor = _as(core, ids, role)
            mark = last_audit_id(core)
            scenario.act(actor, ids)  # no PermissionDenied
            if NEEDS[key] != SYSTEM:
                assert last_audit_id(core) > mark, f"{role}: {key} wrote nothing"
