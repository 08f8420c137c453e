"""Closed sets of values stored as plain strings in the database."""

from __future__ import annotations

from enum import StrEnum

#: what a pipeline stage means for the deals in it (PipelineStage.outcome)
STAGE_OPEN, STAGE_WON, STAGE_LOST = "open", "won", "lost"


class Role(StrEnum):
    ADMIN = "admin"
    MANAGER = "manager"
    SALES = "sales"
    RECEPTION = "reception"


class Gender(StrEnum):
    UNSPECIFIED = "unspecified"
    FEMALE = "female"
    MALE = "male"


class LifecycleStage(StrEnum):
    LEAD = "lead"
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    LOYAL = "loyal"
    CHURNED = "churned"


class ContactSource(StrEnum):
    WALK_IN = "walk_in"
    REFERRAL = "referral"
    PHONE = "phone"
    WEBSITE = "website"
    INSTAGRAM = "instagram"
    SOCIAL = "social"
    EXHIBITION = "exhibition"
    CAMPAIGN = "campaign"
    OTHER = "other"


class ProformaStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    EXPIRED = "expired"


class DiscountKind(StrEnum):
    AMOUNT = "amount"
    PERCENT = "percent"


class ActivityKind(StrEnum):
    CALL = "call"
    MEETING = "meeting"
    TASK = "task"
    EMAIL = "email"
    SMS = "sms"
    LETTER = "letter"
    NOTE = "note"


class ListKind(StrEnum):
    STATIC = "static"
    FILTER = "filter"


class CampaignChannel(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    CALL = "call"
    SOCIAL = "social"
    EVENT = "event"
    PRINT = "print"
    OTHER = "other"


class CampaignStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class MemberStatus(StrEnum):
    """How far one campaign member got, in order."""

    TARGETED = "targeted"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    RESPONDED = "responded"
    CONVERTED = "converted"
    OPTED_OUT = "opted_out"


class MessageChannel(StrEnum):
    """How a campaign message reaches its recipients (the outbox's channels)."""

    SMS = "sms"
    EMAIL = "email"


class OutboxStatus(StrEnum):
    """One outbox row: waiting, handed to the delivery right now, done, failed, withdrawn.

    `sending` is set (and committed) before a message is handed to the gateway or the
    SMTP server, so a crash mid-send leaves a trace and the message is never sent twice."""

    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class RfmSegment(StrEnum):
    """A contact's RFM segment (see domain/rfm.py for how scores map to segments).

    NO_PURCHASE: bought nothing within the RFM window (or was never computed)."""

    CHAMPIONS = "champions"
    LOYAL = "loyal"
    POTENTIAL_LOYALIST = "potential_loyalist"
    NEW = "new"
    PROMISING = "promising"
    NEED_ATTENTION = "need_attention"
    ABOUT_TO_SLEEP = "about_to_sleep"
    AT_RISK = "at_risk"
    CANT_LOSE = "cant_lose"
    HIBERNATING = "hibernating"
    LOST = "lost"
    NO_PURCHASE = "no_purchase"


class TicketCategory(StrEnum):
    COMPLAINT = "complaint"
    REQUEST = "request"
    QUESTION = "question"
    TECHNICAL = "technical"


class TicketPriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    WAITING = "waiting"
    RESOLVED = "resolved"
    CLOSED = "closed"


class TicketChannel(StrEnum):
    PHONE = "phone"
    IN_PERSON = "in_person"
    EMAIL = "email"
    SMS = "sms"
    SOCIAL = "social"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    LOGIN = "login"  # a user signed in (entity "user", the user's id)
    LOGIN_FAILED = "login_failed"  # a wrong password or a locked account (entity "user")
    PASSWORD = "password"  # a password was set or reset (no value is ever recorded)
    BACKUP = "backup"  # a backup was written and verified, or failed (entity "backup")


class RuleKind(StrEnum):
    """What an automation rule does (services/automation/kinds/, one module each)."""

    BIRTHDAY = "birthday"  # greet on the birthday (message, or a task to call)
    WELCOME = "welcome"  # a contact becomes a customer
    APPOINTMENT_REMINDER = "appointment_reminder"  # N hours before an appointment
    APPOINTMENT_FEEDBACK = "appointment_feedback"  # N hours after it is marked done
    SATISFACTION = "satisfaction"  # N days after a ticket is closed or a deal is won
    FOLLOW_UP = "follow_up"  # a task when an open deal has been quiet for N days
    RENEWAL = "renewal"  # N days before a date comes round again
    LEAD_ASSIGNMENT = "lead_assignment"  # new leads to a person: round robin, city, source
    TIER_CHANGE = "tier_change"  # a club member moves up a tier


class AutomationAction(StrEnum):
    """What one automation log row records that a rule did (or decided not to do)."""

    SMS = "sms"  # an SMS queued in the outbox
    EMAIL = "email"  # an e-mail queued in the outbox
    TASK = "task"  # a task (activity) created for a person
    ASSIGN = "assign"  # an owner set on a contact (and its open deals)
    SKIPPED = "skipped"  # due, but not done (no mobile, no consent...): never retried


class RunTrigger(StrEnum):
    """Why an automation run happened."""

    STARTUP = "startup"
    TIMER = "timer"
    MANUAL = "manual"  # "Run now" in the program
    CLI = "cli"  # `crm-desktop automation run` (the operating system's scheduler)


class LedgerKind(StrEnum):
    """One row of a club member's points ledger."""

    EARNED = "earned"  # a purchase (won deal or accepted proforma): positive
    BIRTHDAY = "birthday"  # birthday points: positive
    REDEEMED = "redeemed"  # spent (by hand or as a proforma discount): negative
    EXPIRED = "expired"  # points older than the expiry period: negative
    ADJUSTED = "adjusted"  # by hand with a reason, or a purchase taken back: either sign
    REFERRAL = "referral"  # a referred contact's first purchase, to the referrer: positive
