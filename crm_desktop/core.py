"""Bootstrap of the core: one open database and every service wired to it (no Qt)."""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crm_desktop.db.engine import Database
from crm_desktop.db.location import Location, parse_location
from crm_desktop.db.migrate import (  # noqa: F401 (UpgradeStep: what `progress` is told)
    Progress,
    UpgradeStep,
    open_database,
)
from crm_desktop.services.setup import ensure_defaults

if TYPE_CHECKING:
    from crm_desktop.services.access import AccessService
    from crm_desktop.services.accounts import AccountService
    from crm_desktop.services.activities import ActivityService
    from crm_desktop.services.audit_log import AuditLogService
    from crm_desktop.services.auth import AuthService
    from crm_desktop.services.automation.replies import SatisfactionReplies
    from crm_desktop.services.automation.service import (
        AutomationLogService,
        AutomationService,
    )
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
    from crm_desktop.services.tickets import TicketService
    from crm_desktop.services.timeline import TimelineService
    from crm_desktop.services.users import UserService

#: the user a process signed in as, per database file (the command line's --user, set
#: once before its command runs, cleared after): Core acts as them there instead of the
#: first administrator
_PROCESS_USERS: dict[str, int] = {}


def _key(path: Path | str | Location) -> str:
    return parse_location(path).key()


_making = threading.RLock()


class _Service:
    """A Core attribute holding a service made on first use: the module
    crm_desktop.services.MODULE is imported then and CLASS(db, actor_id) (or `make`) is
    kept in the instance, so later reads are plain attribute reads."""

    def __init__(self, module: str, name: str,
                 make: Callable[[Any, Core], Any] | None = None):
        self.module = f"crm_desktop.services.{module}"
        self.name = name
        self.make = make
        self.attr = ""

    def __set_name__(self, owner: type, attr: str) -> None:
        self.attr = attr

    def __get__(self, core: Core | None, owner: type | None = None) -> Any:
        if core is None:
            return self
        with _making:  # two threads asking at once get the same service
            made = core.__dict__.get(self.attr)
            if made is None:
                cls = getattr(importlib.import_module(self.module), self.name)
                made = (self.make(cls, core) if self.make is not None
                        else cls(core.db, core.actor_id))
                core.__dict__[self.attr] = made
        return made


class Core:
    """The services of one database, acting as one user."""

    # Each service is made the first time it is used (and its module imported then):
    # start-up pays only for what the first window reads, not for the automation engine,
    # the club, imports, KPIs or message delivery. `Core.service_names()` lists them all.
    access: AccessService = _Service("access", "AccessService")
    auth: AuthService = _Service("auth", "AuthService")
    users: UserService = _Service("users", "UserService")
    contacts: ContactService = _Service("contacts", "ContactService")
    accounts: AccountService = _Service("accounts", "AccountService")
    products: ProductService = _Service("products", "ProductService")
    stages: StageService = _Service("deals", "StageService")
    deals: DealService = _Service("deals", "DealService")
    settings: SettingsService = _Service("settings", "SettingsService")
    backups: BackupService = _Service("backups", "BackupService")
    activities: ActivityService = _Service("activities", "ActivityService")
    tickets: TicketService = _Service("tickets", "TicketService")
    lists: ListService = _Service("lists", "ListService")
    campaigns: CampaignService = _Service("campaigns", "CampaignService")
    outbox: OutboxService = _Service("outbox", "OutboxService")
    proformas: ProformaService = _Service("proformas", "ProformaService")
    search: SearchService = _Service("search", "SearchService")
    rfm: RfmService = _Service("rfm", "RfmService")
    kpis: KpiService = _Service("kpis", "KpiService")  # reads only
    imports: ImportService = _Service("imports.service", "ImportService")
    duplicates: DuplicateService = _Service("duplicates", "DuplicateService",
                                            lambda cls, core: cls(core.db))  # reads only
    merging: MergeService = _Service("merge", "MergeService")
    club: ClubService = _Service("club.service", "ClubService")
    club_ledger: ClubLedgerService = _Service("club.lists", "ClubLedgerService")  # reads only
    club_members: ClubMembersService = _Service("club.lists", "ClubMembersService")
    automation: AutomationService = _Service("automation.service", "AutomationService")
    automation_log: AutomationLogService = _Service("automation.service",
                                                    "AutomationLogService")  # reads only
    replies: SatisfactionReplies = _Service("automation.replies", "SatisfactionReplies")
    audit_log: AuditLogService = _Service("audit_log", "AuditLogService")  # reads only
    timeline: TimelineService = _Service(
        "timeline", "TimelineService",
        lambda cls, core: cls(core.activities, core.deals, core.proformas, core.tickets,
                              core.outbox))

    def __init__(self, db: Database, actor_id: int | None):
        if actor_id is None:
            actor_id = _PROCESS_USERS.get(db.location.key())
        self.db = db
        self.actor_id = actor_id
        self.settings.apply_time_zone()  # the business's clock, for every service and view
        self.access.permissions()  # read once here: views and lists then ask the cache

    @classmethod
    def service_names(cls) -> list[str]:
        """The attribute name of every service, made or not yet."""
        return [name for name, value in vars(cls).items() if isinstance(value, _Service)]

    @classmethod
    def open(cls, path: Path | str | Location, *, create: bool = True,
             progress: Progress | None = None) -> Core:
        """Open (create or upgrade) the database and act as its first administrator; an
        upgrade tells `progress` each of its steps (db/migrate.py)."""
        db = open_database(path, create=create, progress=progress)
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
