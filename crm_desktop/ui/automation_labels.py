"""Translated names of what automation stores as codes: rule kinds, actions, run triggers,
the settings' choices and the kinds' extra placeholders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.enums import AutomationAction, RuleKind, RunTrigger

translate = QCoreApplication.translate


def rule_kinds() -> dict[str, str]:
    return {
        RuleKind.BIRTHDAY: translate("AutomationLabels", "Birthday greeting"),
        RuleKind.WELCOME: translate("AutomationLabels", "Welcome a new customer"),
        RuleKind.APPOINTMENT_REMINDER: translate("AutomationLabels", "Appointment reminder"),
        RuleKind.APPOINTMENT_FEEDBACK: translate(
            "AutomationLabels", "After an appointment: satisfaction"
        ),
        RuleKind.SATISFACTION: translate(
            "AutomationLabels", "Satisfaction after a ticket or a sale"
        ),
        RuleKind.FOLLOW_UP: translate("AutomationLabels", "Follow up quiet deals"),
        RuleKind.RENEWAL: translate("AutomationLabels", "Renewal reminder"),
        RuleKind.LEAD_ASSIGNMENT: translate("AutomationLabels", "Assign new leads"),
        RuleKind.TIER_CHANGE: translate("AutomationLabels", "Club tier change"),
    }


def rule_kind_help() -> dict[str, str]:
    """One sentence per kind: what a rule of it does (the editor's first line)."""
    return {
        RuleKind.BIRTHDAY: translate(
            "AutomationLabels",
            "Greets each contact on their birthday (Jalali calendar, "
            "Tehran time), or gives someone a task to call them.",
        ),
        RuleKind.WELCOME: translate(
            "AutomationLabels", "Sends a welcome message when a contact becomes a customer."
        ),
        RuleKind.APPOINTMENT_REMINDER: translate(
            "AutomationLabels", "Reminds the contact of an appointment some hours before it starts."
        ),
        RuleKind.APPOINTMENT_FEEDBACK: translate(
            "AutomationLabels",
            "Asks for a score from 1 to 5 some hours after an appointment is marked done.",
        ),
        RuleKind.SATISFACTION: translate(
            "AutomationLabels",
            "Asks for a score from 1 to 5 some days after a ticket is closed or a deal is won.",
        ),
        RuleKind.FOLLOW_UP: translate(
            "AutomationLabels",
            "Gives the owner a task when an open deal has had no activity for some days.",
        ),
        RuleKind.RENEWAL: translate(
            "AutomationLabels",
            "Reminds (or gives a task) some days before the anniversary of a date.",
        ),
        RuleKind.LEAD_ASSIGNMENT: translate(
            "AutomationLabels", "Gives each new lead an owner: in turn, by city or by source."
        ),
        RuleKind.TIER_CHANGE: translate(
            "AutomationLabels", "Tells a club member that they moved to another tier."
        ),
    }


def actions() -> dict[str, str]:
    return {
        AutomationAction.SMS: translate("AutomationLabels", "SMS"),
        AutomationAction.EMAIL: translate("AutomationLabels", "E-mail"),
        AutomationAction.TASK: translate("AutomationLabels", "Task"),
        AutomationAction.ASSIGN: translate("AutomationLabels", "Owner set"),
        AutomationAction.SKIPPED: translate("AutomationLabels", "Skipped"),
    }


def triggers() -> dict[str, str]:
    return {
        RunTrigger.STARTUP: translate("AutomationLabels", "at start-up"),
        RunTrigger.TIMER: translate("AutomationLabels", "every 15 minutes"),
        RunTrigger.MANUAL: translate("AutomationLabels", "by hand"),
        RunTrigger.CLI: translate("AutomationLabels", "from the command line"),
    }


def channels() -> dict[str, str]:
    return {
        "sms": translate("AutomationLabels", "SMS"),
        "email": translate("AutomationLabels", "E-mail"),
        "task": translate("AutomationLabels", "A task for a person"),
    }


def methods() -> dict[str, str]:
    return {
        "round_robin": translate("AutomationLabels", "In turn among chosen people"),
        "city": translate("AutomationLabels", "By city"),
        "source": translate("AutomationLabels", "By source"),
    }


def date_sources() -> dict[str, str]:
    return {
        "last_won_deal": translate("AutomationLabels", "The last won deal"),
        "customer_since": translate("AutomationLabels", "The day they became a customer"),
    }


def extra_placeholders() -> dict[str, str]:
    """The names of the placeholders some kinds add to the contact's own."""
    return {
        "appointment_date": translate("AutomationLabels", "Appointment date"),
        "appointment_time": translate("AutomationLabels", "Appointment time"),
        "ticket_number": translate("AutomationLabels", "Ticket number"),
        "deal_title": translate("AutomationLabels", "Deal title"),
        "renewal_date": translate("AutomationLabels", "Renewal date"),
        "tier": translate("AutomationLabels", "Tier"),
        "points": translate("AutomationLabels", "Points"),
    }
