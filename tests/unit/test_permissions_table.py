"""The roles' default permission table and the administrator's adjustments."""

from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain.enums import Role
from crm_desktop.domain.errors import CrmError, PermissionDenied
from crm_desktop.domain.permissions import ADMIN_ONLY, Perm, effective
from crm_desktop.text.permission_texts import NAMES, denied_message


def test_defaults_follow_the_roles() -> None:
    assert effective(Role.ADMIN) == frozenset(Perm)
    manager = effective(Role.MANAGER)
    assert Perm.USERS not in manager and Perm.RESTORE_DB not in manager
    assert Perm.RESTORE_TRASH not in manager and Perm.EXPORT in manager
    sales = effective(Role.SALES)
    assert {Perm.SEE_ALL, Perm.EDIT_CONTACTS, Perm.DELETE_OWN, Perm.REPORTS_OWN} <= sales
    assert not {Perm.EXPORT, Perm.SETTINGS, Perm.DELETE_ANY, Perm.REPORTS_ALL} & sales
    reception = effective(Role.RECEPTION)
    assert {Perm.EDIT_CONTACTS, Perm.EDIT_WORK} <= reception
    assert not {Perm.DELETE_OWN, Perm.DELETE_ANY, Perm.EXPORT, Perm.REPORTS_OWN,
                Perm.REPORTS_ALL, Perm.CAMPAIGNS} & reception


def test_an_adjusted_table_replaces_the_defaults_but_never_grants_admin_only() -> None:
    adjusted = {"reception": ["export", "users", "purge", "no-such-perm"]}
    assert effective(Role.RECEPTION, adjusted) == frozenset({Perm.EXPORT})
    assert effective(Role.SALES, adjusted) == effective(Role.SALES)
    assert effective(Role.ADMIN, {"admin": []}) == frozenset(Perm)


@given(st.sampled_from(list(Role)),
       st.dictionaries(st.sampled_from([r.value for r in Role]), st.lists(st.text())))
def test_admin_only_stays_with_admin(role: Role, adjusted: dict) -> None:
    granted = effective(role, adjusted)
    if role is not Role.ADMIN:
        assert not granted & ADMIN_ONLY


def test_every_permission_has_a_name_and_a_polite_refusal() -> None:
    assert set(NAMES) == set(Perm)
    error = PermissionDenied(Perm.EXPORT)
    assert isinstance(error, CrmError)
    assert "Excel" in error.message("en") and "اکسل" in error.message("fa")
    assert denied_message("export", "fa") != denied_message("export", "en")
