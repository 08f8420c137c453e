"""Typed errors of the core. No Qt here: the shell turns them into dialogs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


class CrmError(Exception):
    """Base of every error the core raises on purpose."""


@dataclass(frozen=True)
class FieldError:
    """One problem with one field: `code` selects the message, `params` fill it in."""

    field: str
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.messages import field_message

        return field_message(self.field, self.code, lang, **self.params)


class ValidationError(CrmError):
    """Input that the core refuses; carries every field error found, not just the first."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors: list[FieldError] = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__(self.message("en"))

    @property
    def fields(self) -> list[str]:
        return [e.field for e in self.errors]

    def for_field(self, name: str) -> FieldError | None:
        return next((e for e in self.errors if e.field == name), None)

    def message(self, lang: str = "en") -> str:
        return "\n".join(e.message(lang) for e in self.errors)


class NotFoundError(CrmError):
    def __init__(self, entity: str, entity_id: object):
        self.entity = entity
        self.entity_id = entity_id
        super().__init__(f"{entity} {entity_id} does not exist")


class DatabaseError(CrmError):
    """The database file cannot be used: missing, foreign, damaged, read-only, locked."""


class DatabaseBusy(DatabaseError):
    """Another program (or window) holds the database longer than we can wait; trying
    again later may work. Nothing was changed."""


class ServerUnreachable(DatabaseBusy):
    """The database server cannot be reached (stopped, restarting, the network gone) or
    dropped the connection in the middle of an action. The action's transaction did not
    commit: nothing of it was written. Trying again once the server is back works (a
    retry like DatabaseBusy's). `message(lang)` says it plainly
    (crm_desktop/text/server_texts.py)."""

    def __init__(self, where: str = ""):
        self.where = where
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.server_texts import unreachable_message

        return unreachable_message(self.where, lang)


class DatabaseInUse(DatabaseBusy):
    """The operation needs the database to itself (restore) and another window or program
    has it open."""


class PermissionDenied(CrmError):
    """The acting user's role may not do this (crm_desktop.domain.permissions). Nothing was
    changed. `perm` is the Perm value that was missing; `message(lang)` says it plainly."""

    def __init__(self, perm: str, detail: str = ""):
        self.perm = perm
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.permission_texts import denied_message

        return denied_message(self.perm, lang)


class SignInRefused(CrmError):
    """A sign-in that did not succeed: `reason` is "wrong" (an unknown name or a wrong
    password: the same words for both, so that nobody learns which names exist),
    "locked" (too many failed attempts: `wait_seconds` until the next try) or "inactive"
    (a deactivated account, said only to whoever typed its right password).
    `message(lang)` says it plainly (crm_desktop/text/auth_texts.py)."""

    def __init__(self, reason: str, wait_seconds: int = 0):
        self.reason = reason
        self.wait_seconds = wait_seconds
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.auth_texts import refused_message

        return refused_message(self.reason, self.wait_seconds, lang)


class EditConflict(CrmError):
    """A save against an older version of the record: someone else saved it after the
    editor read it (optimistic locking, services/versions.py). Nothing was written.
    `by` (their name) and `at` (when, UTC) come from the audit log when it knows them;
    `current` is the version the record has now. `message(lang)` says it plainly
    (crm_desktop/text/conflict_texts.py)."""

    def __init__(self, entity: str, entity_id: object, current: int | None = None,
                 by: str | None = None, at: Any = None):
        self.entity = entity
        self.entity_id = entity_id
        self.current = current
        self.by = by
        self.at = at
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        from crm_desktop.text.conflict_texts import conflict_message

        return conflict_message(self.by, self.at, lang)
