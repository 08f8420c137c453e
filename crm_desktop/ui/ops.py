"""The one runner for every write the desktop makes: it calls the service, reports errors
in one consistent way and announces what changed, so views refresh from one signal."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.domain.errors import (
    CrmError,
    DatabaseBusy,
    DatabaseError,
    EditConflict,
    NotFoundError,
    PermissionDenied,
    ValidationError,
)
from crm_desktop.ui import display
from crm_desktop.ui.errors import ask_retry, show_message, show_unexpected

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    ok: bool
    value: T | None = None
    # set when the input was refused; the caller may show it next to the fields
    invalid: ValidationError | None = None


class Ops(QObject):
    # table names whose data changed ("contacts", "accounts", ...)
    changed = Signal(list)

    def run(
        self,
        parent: QWidget | None,
        action: Callable[[], T],
        *,
        changes: Iterable[str] = (),
        on_invalid: Callable[[ValidationError], None] | None = None,
        on_conflict: Callable[[EditConflict], None] | None = None,
    ) -> Outcome[T]:
        """Run one write. Refused input goes to `on_invalid` (or a message listing every
        field); a database locked by another program asks whether to retry (and runs the
        action again); a save refused because someone else saved the record first goes
        to `on_conflict` (the form says so and shows their values) or a message, and
        `changed` is emitted (the lists show their version); other errors become a short
        dialog; success emits `changed`."""
        while True:
            try:
                value = action()
            except DatabaseBusy as exc:
                log.warning("database busy: %s", exc)
                if ask_retry(parent, exc):
                    continue
                return Outcome(False)
            except Exception as exc:
                return self._failed(parent, exc, changes, on_invalid, on_conflict)
            break
        names = list(changes)
        if names:
            self.changed.emit(names)
        return Outcome(True, value)

    def _failed(
        self,
        parent: QWidget | None,
        error: Exception,
        changes: Iterable[str],
        on_invalid: Callable[[ValidationError], None] | None,
        on_conflict: Callable[[EditConflict], None] | None = None,
    ) -> Outcome:
        try:
            raise error
        except EditConflict as exc:
            log.info("save refused: %s", exc)
            if on_conflict is not None:
                on_conflict(exc)
            else:
                show_message(parent, exc.message(self.lang()))
            self.changed.emit(list(changes))
            return Outcome(False)
        except ValidationError as exc:
            if on_invalid is not None:
                on_invalid(exc)
            else:
                show_message(parent, exc.message(self.lang()))
            return Outcome(False, invalid=exc)
        except NotFoundError:
            show_message(
                parent,
                QCoreApplication.translate(
                    "Ops",
                    "This record no longer exists; someone may have deleted "
                    "it. The list will be refreshed.",
                ),
            )
            self.changed.emit(list(changes))
            return Outcome(False)
        except DatabaseError as exc:
            log.warning("database refused: %s", exc)
            show_message(
                parent,
                QCoreApplication.translate("Ops", "The database refused this change:") + f"\n{exc}",
            )
            return Outcome(False)
        except PermissionDenied as exc:  # the role may not: its polite message, nothing done
            log.info("refused: %s", exc)
            show_message(parent, exc.message(self.lang()))
            return Outcome(False)
        except CrmError as exc:
            log.warning("refused: %s", exc)
            show_message(parent, str(exc))
            return Outcome(False)
        except Exception:
            log.exception("unexpected error in a write")
            show_unexpected(parent)
            return Outcome(False)

    @staticmethod
    def lang() -> str:
        return "fa" if display.persian() else "en"
