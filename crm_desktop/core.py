"""Bootstrap of the core: one open database and every service wired to it (no Qt)."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.db.engine import Database
from crm_desktop.db.migrate import open_database
from crm_desktop.services.access import AccessService
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.activities import ActivityService
from crm_desktop.services.automation.replies import SatisfactionReplies
from crm_desktop.services.automation.service import AutomationLogService, AutomationService
from crm_desktop.services.campaigns import CampaignService
from crm_desktop.services.club.lists import ClubLedgerService, ClubMembersService
from crm_desktop.services.club.service import ClubService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.deals import DealService, StageService
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.services.imports.service import ImportService
from crm_desktop.services.kpis import KpiService
from crm_desktop.services.lists import ListService
from crm_desktop.services.merge import MergeService
from crm_desktop.services.outbox import OutboxService
from crm_desktop.services.products import ProductService
from crm_desktop.services.proformas import ProformaService
from crm_desktop.services.rfm import RfmService
from crm_desktop.services.search import SearchService
from crm_desktop.services.settings import SettingsService
from crm_desktop.services.setup import ensure_defaults
from crm_desktop.services.tickets import TicketService
from crm_desktop.services.timeline import TimelineService
from crm_desktop.services.users import UserService


class Core:
    """The services of one database, acting as one user."""

    def __init__(self, db: Database, actor_id: int | None):
        self.db = db
        self.actor_id = actor_id
        self.access = AccessService(db, actor_id)
        self.users = UserService(db, actor_id)
        self.contacts = ContactService(db, actor_id)
        self.accounts = AccountService(db, actor_id)
        self.products = ProductService(db, actor_id)
        self.stages = StageService(db, actor_id)
        self.deals = DealService(db, actor_id)
        self.settings = SettingsService(db, actor_id)
        self.settings.apply_time_zone()  # the business's clock, for every service and view
        self.access.permissions()  # read once here: views and lists then ask the cache
        self.activities = ActivityService(db, actor_id)
        self.tickets = TicketService(db, actor_id)
        self.lists = ListService(db, actor_id)
        self.campaigns = CampaignService(db, actor_id)
        self.outbox = OutboxService(db, actor_id)
        self.proformas = ProformaService(db, actor_id)
        self.search = SearchService(db, actor_id)
        self.rfm = RfmService(db, actor_id)
        self.kpis = KpiService(db, actor_id)  # reads only
        self.imports = ImportService(db, actor_id)
        self.duplicates = DuplicateService(db)  # reads only
        self.merging = MergeService(db, actor_id)
        self.club = ClubService(db, actor_id)
        self.club_ledger = ClubLedgerService(db, actor_id)  # reads only
        self.club_members = ClubMembersService(db, actor_id)  # reads only
        self.automation = AutomationService(db, actor_id)
        self.automation_log = AutomationLogService(db, actor_id)  # reads only
        self.replies = SatisfactionReplies(db, actor_id)
        self.timeline = TimelineService(self.activities, self.deals, self.proformas,
                                        self.tickets, self.outbox)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True) -> Core:
        """Open (create or upgrade) the database and act as its first administrator."""
        db = open_database(path, create=create)
        try:
            actor = ensure_defaults(db)
        except Exception:
            db.close()
            raise
        return cls(db, actor)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
