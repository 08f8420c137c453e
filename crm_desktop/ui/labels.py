"""Translated names of the values the core stores as codes (stages, kinds, ...)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.enums import (
    ActivityKind,
    CampaignChannel,
    CampaignStatus,
    ContactSource,
    Gender,
    LifecycleStage,
    MemberStatus,
    ProformaStatus,
    RfmSegment,
    TicketCategory,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.services.campaigns import SEGMENTS


def lifecycle_stages() -> dict[str, str]:
    return {
        LifecycleStage.LEAD: QCoreApplication.translate("Labels", "Lead"),
        LifecycleStage.PROSPECT: QCoreApplication.translate("Labels", "Prospect"),
        LifecycleStage.CUSTOMER: QCoreApplication.translate("Labels", "Customer"),
        LifecycleStage.LOYAL: QCoreApplication.translate("Labels", "Loyal customer"),
        LifecycleStage.CHURNED: QCoreApplication.translate("Labels", "Lost customer"),
    }


def genders() -> dict[str, str]:
    return {
        Gender.UNSPECIFIED: QCoreApplication.translate("Labels", "Not specified"),
        Gender.FEMALE: QCoreApplication.translate("Labels", "Female"),
        Gender.MALE: QCoreApplication.translate("Labels", "Male"),
    }


def sources() -> dict[str, str]:
    return {
        ContactSource.WALK_IN: QCoreApplication.translate("Labels", "Walked in"),
        ContactSource.REFERRAL: QCoreApplication.translate("Labels", "Referral"),
        ContactSource.PHONE: QCoreApplication.translate("Labels", "Phone call"),
        ContactSource.WEBSITE: QCoreApplication.translate("Labels", "Website"),
        ContactSource.INSTAGRAM: QCoreApplication.translate("Labels", "Instagram"),
        ContactSource.SOCIAL: QCoreApplication.translate("Labels", "Other social media"),
        ContactSource.EXHIBITION: QCoreApplication.translate("Labels", "Exhibition"),
        ContactSource.CAMPAIGN: QCoreApplication.translate("Labels", "Campaign"),
        ContactSource.OTHER: QCoreApplication.translate("Labels", "Other"),
    }


def activity_kinds() -> dict[str, str]:
    return {
        ActivityKind.CALL: QCoreApplication.translate("Labels", "Call"),
        ActivityKind.MEETING: QCoreApplication.translate("Labels", "Meeting"),
        ActivityKind.TASK: QCoreApplication.translate("Labels", "Task"),
        ActivityKind.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
        ActivityKind.SMS: QCoreApplication.translate("Labels", "SMS"),
        ActivityKind.LETTER: QCoreApplication.translate("Labels", "Letter"),
        ActivityKind.NOTE: QCoreApplication.translate("Labels", "Note"),
    }


def proforma_statuses() -> dict[str, str]:
    return {
        ProformaStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        ProformaStatus.SENT: QCoreApplication.translate("Labels", "Sent"),
        ProformaStatus.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        ProformaStatus.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        ProformaStatus.EXPIRED: QCoreApplication.translate("Labels", "Expired"),
    }


def rfm_segments() -> dict[str, str]:
    """RFM segments, best customers first (domain/rfm.py ORDER)."""
    return {
        RfmSegment.CHAMPIONS: QCoreApplication.translate("Labels", "Champions"),
        RfmSegment.LOYAL: QCoreApplication.translate("Labels", "Loyal"),
        RfmSegment.POTENTIAL_LOYALIST: QCoreApplication.translate("Labels",
                                                                  "Potential loyalists"),
        RfmSegment.NEW: QCoreApplication.translate("Labels", "New customers"),
        RfmSegment.PROMISING: QCoreApplication.translate("Labels", "Promising"),
        RfmSegment.NEED_ATTENTION: QCoreApplication.translate("Labels", "Need attention"),
        RfmSegment.ABOUT_TO_SLEEP: QCoreApplication.translate("Labels", "About to sleep"),
        RfmSegment.AT_RISK: QCoreApplication.translate("Labels", "At risk"),
        RfmSegment.CANT_LOSE: QCoreApplication.translate("Labels", "Can't lose them"),
        RfmSegment.HIBERNATING: QCoreApplication.translate("Labels", "Hibernating"),
        RfmSegment.LOST: QCoreApplication.translate("Labels", "Lost"),
        RfmSegment.NO_PURCHASE: QCoreApplication.translate("Labels", "No purchase"),
    }


def ticket_statuses() -> dict[str, str]:
    return {
        TicketStatus.NEW: QCoreApplication.translate("Labels", "New"),
        TicketStatus.OPEN: QCoreApplication.translate("Labels", "Open"),
        TicketStatus.WAITING: QCoreApplication.translate("Labels", "Waiting for customer"),
        TicketStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        TicketStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
    }


def ticket_categories() -> dict[str, str]:
    return {
        TicketCategory.COMPLAINT: QCoreApplication.translate("Labels", "Complaint"),
        TicketCategory.REQUEST: QCoreApplication.translate("Labels", "Request"),
        TicketCategory.QUESTION: QCoreApplication.translate("Labels", "Question"),
        TicketCategory.TECHNICAL: QCoreApplication.translate("Labels", "Technical"),
    }


def ticket_priorities() -> dict[str, str]:
    return {
        TicketPriority.LOW: QCoreApplication.translate("Labels", "Low"),
        TicketPriority.NORMAL: QCoreApplication.translate("Labels", "Normal"),
        TicketPriority.HIGH: QCoreApplication.translate("Labels", "High"),
        TicketPriority.URGENT: QCoreApplication.translate("Labels", "Urgent"),
    }


def campaign_channels() -> dict[str, str]:
    return {
        CampaignChannel.SMS: QCoreApplication.translate("Labels", "SMS"),
        CampaignChannel.EMAIL: QCoreApplication.translate("Labels", "E-mail"),
        CampaignChannel.CALL: QCoreApplication.translate("Labels", "Phone"),
        CampaignChannel.SOCIAL: QCoreApplication.translate("Labels", "Social"),
        CampaignChannel.EVENT: QCoreApplication.translate("Labels", "Event"),
        CampaignChannel.PRINT: QCoreApplication.translate("Labels", "Print"),
        CampaignChannel.OTHER: QCoreApplication.translate("Labels", "Other"),
    }


def campaign_statuses() -> dict[str, str]:
    return {
        CampaignStatus.PLANNED: QCoreApplication.translate("Labels", "Planned"),
        CampaignStatus.ACTIVE: QCoreApplication.translate("Labels", "Running"),
        CampaignStatus.COMPLETED: QCoreApplication.translate("Labels", "Completed"),
        CampaignStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }


def member_statuses() -> dict[str, str]:
    return {
        MemberStatus.TARGETED: QCoreApplication.translate("Labels", "Targeted"),
        MemberStatus.SENT: QCoreApplication.translate("Labels", "Sent"),
        MemberStatus.DELIVERED: QCoreApplication.translate("Labels", "Delivered"),
        MemberStatus.FAILED: QCoreApplication.translate("Labels", "Failed"),
        MemberStatus.RESPONDED: QCoreApplication.translate("Labels", "Responded"),
        MemberStatus.CONVERTED: QCoreApplication.translate("Labels", "Converted"),
        MemberStatus.OPTED_OUT: QCoreApplication.translate("Labels", "Opted out"),
    }


def target_segments() -> dict[str, str]:
    """The RFM segments a campaign can target (services.campaigns.SEGMENTS), by name."""
    names = rfm_segments()
    return {s: names.get(s, s) for s in SEGMENTS}


def label(mapping: dict[str, str], code: str | None) -> str:
    """The name of a code, or the code itself when it is unknown (never an empty cell)."""
    if code is None:
        return ""
    return mapping.get(code, code)
