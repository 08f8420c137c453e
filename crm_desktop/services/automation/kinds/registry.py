"""Every rule kind by its name (domain.enums.RuleKind value -> the kind module's KIND).

A kind module in this package exposes `KIND` (services/automation/model.Kind); add one
line here for it. A rule of a kind not listed (a newer program wrote it) is left alone by
runs and shown as it is."""

from __future__ import annotations

from crm_desktop.domain.enums import RuleKind
from crm_desktop.domain.errors import FieldError, ValidationError
from crm_desktop.services.automation.kinds import (
    appointment_feedback,
    appointment_reminder,
    birthday,
    follow_up,
    lead_assignment,
    renewal,
    satisfaction,
    welcome,
)
from crm_desktop.services.automation.model import Kind

KINDS: dict[str, Kind] = {
    birthday.KIND.name: birthday.KIND,
    welcome.KIND.name: welcome.KIND,
    renewal.KIND.name: renewal.KIND,
    appointment_reminder.KIND.name: appointment_reminder.KIND,
    appointment_feedback.KIND.name: appointment_feedback.KIND,
    satisfaction.KIND.name: satisfaction.KIND,
    follow_up.KIND.name: follow_up.KIND,
    lead_assignment.KIND.name: lead_assignment.KIND,
}


def names() -> list[str]:
    """The kinds a rule may have, in the order the rules page lists them."""
    return [k.value for k in RuleKind if k.value in KINDS]


def kind(name: object) -> Kind:
    """The kind called `name`; ValidationError on "kind" when there is none."""
    found = KINDS.get(name) if isinstance(name, str) else None
    if found is None:
        raise ValidationError(FieldError("kind", "choice"))
    return found
