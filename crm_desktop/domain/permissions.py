"""Who may do what: the roles' permission table of the core (no Qt, no database).

The services enforce it (crm_desktop.domain.errors.PermissionDenied); the interface only
hides or disables what a role may not do. An administrator may adjust the table per role
(stored as a setting), except for the permissions in ADMIN_ONLY, which belong to the
administrator role alone and cannot be granted to any other role.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum

from crm_desktop.domain.enums import Role


class Perm(StrEnum):
    SEE_ALL = "see_all"  # see every owner's records (without it: only their own)
    EDIT_CONTACTS = "edit_contacts"  # create and edit contacts and companies
    EDIT_SALES = "edit_sales"  # create and edit deals and proformas
    EDIT_WORK = "edit_work"  # create and edit activities (appointments, tasks) and tickets
    EDIT_CATALOG = "edit_catalog"  # products, pipeline stages
    DELETE_OWN = "delete_own"  # move records they own to the Trash
    DELETE_ANY = "delete_any"  # move anyone's records to the Trash
    RESTORE_TRASH = "restore_trash"  # bring records back from the Trash (not their own undo)
    EXPORT = "export"  # lists and reports to Excel / PDF / CSV, the command line's export
    IMPORT = "import"  # import contacts, companies and products from files; merge duplicates
    REPORTS_ALL = "reports_all"  # dashboard and reports over everyone's work
    REPORTS_OWN = "reports_own"  # dashboard and reports over their own work only
    CAMPAIGNS = "campaigns"  # lists, segments, campaigns, automation rules, club points
    SETTINGS = "settings"  # the business's settings
    USERS = "users"  # add users, change roles, reset passwords, the permission table
    RESTORE_DB = "restore_db"  # replace the database with a backup
    PURGE = "purge"  # delete from the Trash for ever


ADMIN_ONLY: frozenset[Perm] = frozenset({Perm.USERS, Perm.RESTORE_DB, Perm.PURGE})
"""Never granted to a role other than admin, whatever the adjusted table says."""

ADJUSTABLE: tuple[Perm, ...] = tuple(p for p in Perm if p not in ADMIN_ONLY)

DEFAULTS: Mapping[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.MANAGER: frozenset(Perm) - ADMIN_ONLY - {Perm.RESTORE_TRASH},
    Role.SALES: frozenset({
        Perm.SEE_ALL, Perm.EDIT_CONTACTS, Perm.EDIT_SALES, Perm.EDIT_WORK,
        Perm.DELETE_OWN, Perm.REPORTS_OWN, Perm.CAMPAIGNS,
    }),
    Role.RECEPTION: frozenset({Perm.SEE_ALL, Perm.EDIT_CONTACTS, Perm.EDIT_WORK}),
}


def effective(role: Role | str, adjusted: Mapping[str, Iterable[str]] | None = None
              ) -> frozenset[Perm]:
    """The permissions of `role`: the administrator's adjusted table for that role when it
    has one (unknown names ignored), else the defaults; ADMIN_ONLY only for admin, and the
    admin role always has everything (an administrator can never lock themselves out)."""
    role = Role(role)
    if role is Role.ADMIN:
        return frozenset(Perm)
    granted = DEFAULTS[role]
    if adjusted and role.value in adjusted:
        valid = {p.value for p in ADJUSTABLE}
        granted = frozenset(Perm(p) for p in adjusted[role.value] if p in valid)
    return granted - ADMIN_ONLY
