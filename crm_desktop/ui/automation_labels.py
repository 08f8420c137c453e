"""Translated names of what automation stores as codes: rule kinds, actions, run triggers,
the settings' choices and the kinds' extra placeholders."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.enums import AutomationAction, RuleKind, RunTrigger


def _t(text: str) -> str:
    return QCoreApplication.translate("AutomationLabels", text)


def rule_kinds() -> dict[str, str]:
    return {
        RuleKind.BIRTHDAY: _t("Birthday greeting"),
        RuleKind.WELCOME: _t("Welcome a new customer"),
        RuleKind.APPOINTMENT_REMINDER: _t("Appointment reminder"),
        RuleKind.APPOINTMENT_FEEDBACK: _t("After an appointment: satisfaction"),
        RuleKind.SATISFACTION: _t("Satisfaction after a ticket or a sale"),
        RuleKind.FOLLOW_UP: _t("Follow up quiet deals"),
        RuleKind.RENEWAL: _t("Renewal reminder"),
        RuleKind.LEAD_ASSIGNMENT: _t("Assign new leads"),
        RuleKind.TIER_CHANGE: _t("Club tier change"),
    }


def rule_kind_help() -> dict[str, str]:
    """One sentence per kind: what a rule of it does (the editor's first line)."""
    return {
        RuleKind.BIRTHDAY: _t("Greets each contact on their birthday (Jalali calendar, "
                              "Tehran time), or gives someone a task to call them."),
        RuleKind.WELCOME: _t("Sends a welcome message when a contact becomes a customer."),
        RuleKind.APPOINTMENT_REMINDER: _t("Reminds the contact of an appointment some "
                                          "hours before it starts."),
        RuleKind.APPOINTMENT_FEEDBACK: _t("Asks for a score from 1 to 5 some hours after "
                                          "an appointment is marked done."),
        RuleKind.SATISFACTION: _t("Asks for a score from 1 to 5 some days after a ticket "
                                  "is closed or a deal is won."),
        RuleKind.FOLLOW_UP: _t("Gives the owner a task when an open deal has had no "
                               "activity for some days."),
        RuleKind.RENEWAL: _t("Reminds (or gives a task) some days before the anniversary "
                             "of a date."),
        RuleKind.LEAD_ASSIGNMENT: _t("Gives each new lead an owner: in turn, by city or by "
                                     "source."),
        RuleKind.TIER_CHANGE: _t("Tells a club member that they moved to another tier."),
    }


def actions() -> dict[str, str]:
    return {
        AutomationAction.SMS: _t("SMS"),
        AutomationAction.EMAIL: _t("E-mail"),
        AutomationAction.TASK: _t("Task"),
        AutomationAction.ASSIGN: _t("Owner set"),
        AutomationAction.SKIPPED: _t("Skipped"),
    }


def triggers() -> dict[str, str]:
    return {
        RunTrigger.STARTUP: _t("at start-up"),
        RunTrigger.TIMER: _t("every 15 minutes"),
        RunTrigger.MANUAL: _t("by hand"),
        RunTrigger.CLI: _t("from the command line"),
    }


def channels() -> dict[str, str]:
    return {"sms": _t("SMS"), "email": _t("E-mail"), "task": _t("A task for a person")}


def methods() -> dict[str, str]:
    return {"round_robin": _t("In turn among chosen people"), "city": _t("By city"),
            "source": _t("By source")}


def date_sources() -> dict[str, str]:
    return {"last_won_deal": _t("The last won deal"),
            "customer_since": _t("The day they became a customer")}


def extra_placeholders() -> dict[str, str]:
    """The names of the placeholders some kinds add to the contact's own."""
    return {
        "appointment_date": _t("Appointment date"),
        "appointment_time": _t("Appointment time"),
        "ticket_number": _t("Ticket number"),
        "deal_title": _t("Deal title"),
        "renewal_date": _t("Renewal date"),
        "tier": _t("Tier"),
        "points": _t("Points"),
    }
