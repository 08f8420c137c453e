"""Bootstrap of the core: one open database and every service wired to it (no Qt)."""

from __future__ import annotations

from pathlib import Path

from crm_desktop.db.engine import Database
from crm_desktop.db.location import Location, parse_location
from crm_desktop.db.migrate import open_database
from crm_desktop.services.access import AccessService
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.activities import ActivityService
from crm_desktop.services.audit_log import AuditLogService
from crm_desktop.services.auth import AuthService
from crm_desktop.services.automation.replies import SatisfactionReplies
from crm_desktop.services.automation.service import AutomationLogService, AutomationService
from crm_desktop.services.backups import BackupService
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

#: the user a process signed in as, per database file (the command line's --user, set
#: once before its command runs, cleared after): Core acts as them there instead of the
#: first administrator
_PROCESS_USERS: dict[str, int] = {}


def _key(path: Path | str | Location) -> str:
    return parse_location(path).key()


class Core:
    """The services of one database, acting as one user."""

    def __init__(self, db: Database, actor_id: int | None):
        if actor_id is None:
            actor_id = _PROCESS_USERS.get(db.location.key())
        self.db = db
        self.actor_id = actor_id
        self.access = AccessService(db, actor_id)
        self.auth = AuthService(db, actor_id)
        self.users = UserService(db, actor_id)
        self.contacts = ContactService(db, actor_id)
        self.accounts = AccountService(db, actor_id)
        self.products = ProductService(db, actor_id)
        self.stages = StageService(db, actor_id)
        self.deals = DealService(db, actor_id)
        self.settings = SettingsService(db, actor_id)
        self.settings.apply_time_zone()  # the business's clock, for every service and view
        self.backups = BackupService(db, actor_id)
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
        self.audit_log = AuditLogService(db, actor_id)  # reads only
        self.timeline = TimelineService(self.activities, self.deals, self.proformas,
                                        self.tickets, self.outbox)

    @classmethod
    def open(cls, path: Path | str | Location, *, create: bool = True) -> Core:
        """Open (create or upgrade) the database and act as its first administrator."""
        db = open_database(path, create=create)
        try:
            actor = ensure_defaults(db)
        except Exception:
            db.close()
            raise
        return cls(db, _PROCESS_USERS.get(_key(path), actor))

    @staticmethod
    def act_as_in_process(path: Path | str, user_id: int | None) -> None:
        """From now on, every Core this process opens on `path` acts as `user_id` (who
        signed in on the command line); None: as its first administrator again."""
        if user_id is None:
            _PROCESS_USERS.pop(_key(path), None)
        else:
            _PROCESS_USERS[_key(path)] = user_id

    @classmethod
    def open_as(cls, path: Path | str, username: str, password: str, *,
                create: bool = False) -> Core:
        """Open the database and sign in: a Core acting as that user (SignInRefused when
        the name or password is wrong, the account waits or is deactivated; the attempt
        is audited either way)."""
        core = cls.open(path, create=create)
        try:
            user_id = core.auth.sign_in(username, password)
        except Exception:
            core.close()
            raise
        return core.as_user(user_id)

    def as_user(self, user_id: int | None) -> Core:
        """The same open database, acting as `user_id` (after a sign-in)."""
        return Core(self.db, user_id)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Core:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
