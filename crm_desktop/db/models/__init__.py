"""All tables. Import from here: `from crm_desktop.db.models import Contact`."""

from crm_desktop.db.models.automation import AutomationLog, AutomationRule, AutomationRun
from crm_desktop.db.models.base import Base
from crm_desktop.db.models.club import ClubLedger, ClubTierChange, ContactClub
from crm_desktop.db.models.imports import ImportBatch, ImportChange
from crm_desktop.db.models.marketing import (
    Campaign,
    CampaignMember,
    CampaignMessage,
    CampaignTarget,
    ContactRfm,
    ListMember,
    MarketingList,
    OutboxMessage,
)
from crm_desktop.db.models.people import Account, Contact, Tag, User, contact_tags
from crm_desktop.db.models.sales import (
    STAGE_LOST,
    STAGE_OPEN,
    STAGE_WON,
    Deal,
    DealStageChange,
    PipelineStage,
    Product,
    Proforma,
    ProformaLine,
)
from crm_desktop.db.models.system import AuditLog, BackupRecord, Setting
from crm_desktop.db.models.work import Activity, ActivityException, Ticket, TicketComment

__all__ = [
    "STAGE_LOST",
    "STAGE_OPEN",
    "STAGE_WON",
    "Account",
    "Activity",
    "ActivityException",
    "AuditLog",
    "AutomationLog",
    "AutomationRule",
    "AutomationRun",
    "BackupRecord",
    "Base",
    "Campaign",
    "CampaignMember",
    "CampaignMessage",
    "CampaignTarget",
    "ClubLedger",
    "ClubTierChange",
    "Contact",
    "ContactClub",
    "ContactRfm",
    "Deal",
    "DealStageChange",
    "ImportBatch",
    "ImportChange",
    "ListMember",
    "MarketingList",
    "OutboxMessage",
    "PipelineStage",
    "Product",
    "Proforma",
    "ProformaLine",
    "Setting",
    "Tag",
    "Ticket",
    "TicketComment",
    "User",
    "contact_tags",
]
