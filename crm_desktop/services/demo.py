"""Realistic Persian demo data across every table, deterministic for a seed.

Written with executemany on the raw connection in one transaction, with the search-index
triggers suspended and the index rebuilt at the end (100,000 contacts in seconds). The
derived columns (sort keys, search text) come from the services' own `_derive` methods.
"""

from __future__ import annotations

import gc
import json
import random
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, select

from crm_desktop.db import models as m
from crm_desktop.db.bulk import indexes_suspended
from crm_desktop.db.engine import Database
from crm_desktop.db.search_index import triggers_suspended
from crm_desktop.domain import clock
from crm_desktop.domain.enums import (
    ActivityKind,
    CampaignStatus,
    ContactSource,
    Gender,
    LifecycleStage,
    MemberStatus,
    ProformaStatus,
    Role,
    TicketCategory,
    TicketChannel,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.domain.errors import DatabaseError
from crm_desktop.services import demo_automation
from crm_desktop.services import demo_data as words
from crm_desktop.services.accounts import AccountService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.deals import BECOMES_CUSTOMER, DealService
from crm_desktop.services.products import ProductService
from crm_desktop.services.rfm import RfmService
from crm_desktop.services.tickets import ticket_search_text
from crm_desktop.text.collation import sort_key
from crm_desktop.text.digits import to_persian_digits
from crm_desktop.text.jalali import jalali_year
from crm_desktop.text.money import MAX_RIALS

Progress = Callable[[str], None]
DEMO_USERS = [
    ("sara", "سارا کریمی", Role.MANAGER), ("reza", "رضا احمدی", Role.SALES),
    ("maryam", "مریم حسینی", Role.SALES), ("nima", "نیما رستمی", Role.SALES),
    ("zahra", "زهرا موسوی", Role.RECEPTION),
]
LIFECYCLE_WEIGHTS = {
    LifecycleStage.LEAD: 35, LifecycleStage.PROSPECT: 20, LifecycleStage.CUSTOMER: 30,
    LifecycleStage.LOYAL: 10, LifecycleStage.CHURNED: 5,
}


def _ts(dt: datetime) -> str:
    """The text SQLAlchemy stores for a (naive UTC) DateTime on SQLite."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def national_code_check(body: str) -> str:
    s = sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
    return str(s if s < 2 else 11 - s)


def legal_id_check(body: str) -> str:
    k = int(body[9]) + 2
    weights = [29, 27, 23, 19, 17]
    s = sum((k + int(d)) * weights[i % 5] for i, d in enumerate(body)) % 11
    return str(0 if s == 10 else s)


#: a campaign's budget range per channel, in millions of Rials for 2,000 contacts (scaled
#: with the number of contacts: the deals a campaign brings grow with it, and the demo's
#: ROI figures stay between a loss and a few times the cost)
CAMPAIGN_BUDGETS = {"sms": (300, 1500), "email": (100, 800), "call": (600, 2500),
                    "social": (800, 3000), "event": (1500, 5000), "print": (400, 1500),
                    "other": (200, 1000)}
#: how members of a campaign on each channel end up (status, weight); converted members
#: are the people of the deals the campaign brought (see _campaigns)
_SENT = [("targeted", 4), ("sent", 14), ("delivered", 55), ("failed", 8), ("responded", 14),
         ("opted_out", 5)]
_REACHED = [("targeted", 20), ("sent", 55), ("responded", 22), ("opted_out", 3)]
MEMBER_OUTCOMES = {"sms": _SENT, "email": _SENT, "call": _REACHED, "social": _REACHED,
                   "event": _REACHED, "print": _REACHED, "other": _REACHED}
#: campaigns (by position in words.CAMPAIGNS, from 1) that also target an RFM segment
CAMPAIGN_SEGMENTS = {5: "at_risk", 10: "loyal", 12: "champions"}

#: the tables with thousands of rows: their indexes are built once after the load
BULK_TABLES = ("contacts", "accounts", "activities", "deals", "deal_stage_changes", "tickets",
               "ticket_comments", "proformas", "proforma_lines", "contact_tags",
               "list_members", "campaign_members", "campaign_targets")


class DemoBuilder:
    def __init__(self, db: Database, contacts: int, seed: int, today: date | None = None):
        self.db = db
        self.n = contacts
        self.rng = random.Random(seed)
        self.today = today or clock.today()
        self.now = datetime.combine(self.today, time(9, 30), tzinfo=UTC)
        # Services are used only for their pure `_derive` of sort keys and search text.
        self.contact_svc = ContactService(db)
        self.account_svc = AccountService(db)
        self.deal_svc = DealService(db)
        self.product_svc = ProductService(db)

    # -- helpers -------------------------------------------------------------------------
    def past(self, days: int) -> datetime:
        """A random instant within the last `days` days, in working hours (Tehran ~UTC+3:30)."""
        d = self.now - timedelta(days=self.rng.randrange(days))
        return d.replace(hour=self.rng.randrange(5, 15), minute=self.rng.randrange(60),
                         second=self.rng.randrange(60), microsecond=0)

    def mobile(self, used: set[str]) -> str:
        while True:
            number = self.rng.choice(words.MOBILE_PREFIXES) + f"{self.rng.randrange(10**7):07d}"
            if number not in used:
                used.add(number)
                return number

    def national_code(self) -> str:
        while True:
            body = f"{self.rng.randrange(10**9):09d}"
            if len(set(body)) > 1:
                return body + national_code_check(body)

    def legal_id(self) -> str:
        body = "10" + f"{self.rng.randrange(10**8):08d}"
        return body + legal_id_check(body)

    def _address(self, city: str) -> str:
        street = self.rng.choice(words.COMPANY_WORDS)
        number = to_persian_digits(str(self.rng.randrange(1, 200)))
        return f"{city}، خیابان {street}، پلاک {number}"

    def city(self) -> tuple[str, str]:
        return self.rng.choices(words.CITIES, weights=words.CITY_WEIGHTS)[0]

    # -- build ---------------------------------------------------------------------------
    def build(self, progress: Progress) -> dict[str, int]:
        with self.db.read() as session:
            if session.scalar(select(func.count()).select_from(m.Contact)):
                raise DatabaseError("this database already has contacts; demo data goes "
                                    "into a new database file")
            self.stages = [tuple(r) for r in session.execute(
                select(m.PipelineStage.id, m.PipelineStage.probability, m.PipelineStage.outcome)
                .order_by(m.PipelineStage.position))]
            admin = session.scalar(select(m.User.id).order_by(m.User.id).limit(1))
        counts: dict[str, int] = {}
        # Unaudited bulk load (see services/audit.py): a new, empty database only.
        with self.db.raw() as conn:
            # the load's indexes and the search index are built in memory, not through a
            # page cache of 8 MB (500,000 contacts: 1.5 GB of index pages written twice)
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute("PRAGMA cache_size = -262144")
            conn.execute("BEGIN IMMEDIATE")
            # millions of new tuples and strings, none in a cycle: the cyclic collector
            # would walk the growing heap again and again (500,000 contacts: 2x slower)
            collecting = gc.isenabled()
            gc.disable()
            try:
                with triggers_suspended(conn), indexes_suspended(conn, BULK_TABLES):
                    self.users = [admin, *self._users(conn)]
                    self.owner_sorts = {
                        uid: sort_key(name) for uid, name in
                        conn.execute("SELECT id, display_name FROM users").fetchall()
                    }
                    counts["users"] = len(self.users)
                    for name, step in (
                        ("accounts", self._accounts), ("contacts", self._contacts),
                        ("products", self._products), ("deals", self._deals),
                        ("proformas", self._proformas), ("campaigns", self._campaigns),
                        ("tickets", self._tickets), ("activities", self._activities),
                    ):
                        progress(name)
                        counts[name] = step(conn)
                    self._company_profile(conn)
                    progress("search index")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            finally:
                if collecting:
                    gc.enable()
                conn.execute(f"PRAGMA cache_size = {int(cache)}")
        return counts

    def _insert(
        self, conn: Any, table: str, columns: Sequence[str], rows: Iterable[Sequence]
    ) -> int:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        cur = conn.executemany(sql, rows)
        return cur.rowcount

    def _max_id(self, conn: Any, table: str) -> int:
        return conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]

    def _company_profile(self, conn: Any) -> None:
        """The seller printed on the demo's proformas."""
        profile = {
            "name": "فروشگاه نمونه پارس", "legal_id": self.legal_id(), "economic_code": "",
            "address": "تهران، خیابان ولیعصر، پلاک ۱۲۰", "postal_code": "1434843611",
            "phone": "02188776655", "email": "info@example.com", "website": "example.com",
        }
        profile["economic_code"] = profile["legal_id"]
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('company', ?)",
                     (json.dumps(profile, ensure_ascii=False),))

    def _users(self, conn: Any) -> list[int]:
        start = self._max_id(conn, "users")
        now = _ts(self.now)
        self._insert(conn, "users", ["username", "display_name", "role", "active", "created_at",
                                     "updated_at"],
                     [(u, d, r.value, 1, now, now) for u, d, r in DEMO_USERS])
        return list(range(start + 1, start + 1 + len(DEMO_USERS)))

    def _accounts(self, conn: Any) -> int:
        rng = self.rng
        n = max(3, self.n // 20)
        rows = []
        self.account_cities = []
        self.account_sorts = [""]  # by id; accounts are numbered from 1
        for i in range(n):
            name = f"{rng.choice(words.COMPANY_KINDS)} {rng.choice(words.COMPANY_WORDS)}"
            if rng.random() < 0.6:
                name += f" {rng.choice(words.COMPANY_WORDS)}"
            if i >= len(words.COMPANY_WORDS):
                name += f" {to_persian_digits(str(i + 1))}"
            city, area = self.city()
            self.account_cities.append(city)
            a = SimpleNamespace(
                name=name, legal_id=self.legal_id() if rng.random() < 0.7 else None,
                economic_code=None, phone=f"{area}{rng.randrange(10**7, 10**8)}",
                fax=None, email=None, city=city,
            )
            a.economic_code = a.legal_id
            self.account_svc._derive(a)
            self.account_sorts.append(a.sort_key)
            created = self.past(1100)
            rows.append((a.name, a.legal_id, a.economic_code, a.phone, city,
                         rng.choice(words.INDUSTRIES), self._address(city),
                         rng.choice(self.users), self.users[0], _ts(created), _ts(created),
                         a.sort_key, a.search_name, a.search_other))
        self.n_accounts = n
        return self._insert(conn, "accounts", [
            "name", "legal_id", "economic_code", "phone", "city", "industry", "address",
            "owner_id", "created_by_id", "created_at", "updated_at", "sort_key", "search_name",
            "search_other"], rows)

    def _contacts(self, conn: Any) -> int:
        rng = self.rng
        used: set[str] = set()
        stages = list(LIFECYCLE_WEIGHTS)
        weights = list(LIFECYCLE_WEIGHTS.values())
        sources = list(ContactSource)
        rows = []
        self.contact_created: list[datetime] = []
        self.contact_account: list[int | None] = []
        self.contact_stage: list[str] = []
        for i in range(self.n):
            female = rng.random() < 0.5
            first, first_en = rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
            last, last_en = rng.choice(words.LAST_NAMES)
            city, area = self.city()
            c = SimpleNamespace(
                first_name=first, last_name=last, mobile=self.mobile(used),
                mobile2=self.mobile(used) if rng.random() < 0.05 else None,
                phone=f"{area}{rng.randrange(10**7, 10**8)}" if rng.random() < 0.25 else None,
                email=(f"{first_en}.{last_en}{rng.randrange(100)}@{rng.choice(words.EMAIL_DOMAINS)}"
                       if rng.random() < 0.35 else None),
                national_code=self.national_code() if rng.random() < 0.6 else None,
                birthday=(date(rng.randrange(1950, 2008), 1, 1) + timedelta(days=rng.randrange(365))
                          if rng.random() < 0.7 else None),
            )
            # a few birthdays today, so the demo shows the birthday list
            if i % 997 == 0 and c.birthday:
                c.birthday = c.birthday.replace(month=self.today.month,
                                                day=min(self.today.day, 28))
            self.contact_svc._derive(c)
            stage = rng.choices(stages, weights)[0].value
            created = self.past(1100)
            self.contact_created.append(created)
            self.contact_stage.append(stage)
            account = rng.randrange(1, self.n_accounts + 1) if rng.random() < 0.4 else None
            owner = rng.choice(self.users)
            self.contact_account.append(account)
            rows.append((
                first, last, c.full_name, (Gender.FEMALE if female else Gender.MALE).value,
                c.birthday.isoformat() if c.birthday else None, c.birth_md, c.mobile, c.mobile2,
                c.phone, c.email, c.national_code,
                rng.choice(words.JOB_TITLES) if rng.random() < 0.3 else None,
                city, rng.choice(sources).value, stage, int(rng.random() < 0.8),
                int(c.email is not None and rng.random() < 0.6), account,
                owner, self.users[0], _ts(created), _ts(created),
                c.sort_key, c.search_name, c.search_other,
                self.account_sorts[account] if account else "", self.owner_sorts[owner],
            ))
        return self._insert(conn, "contacts", [
            "first_name", "last_name", "full_name", "gender", "birthday", "birth_md", "mobile",
            "mobile2", "phone", "email", "national_code", "job_title", "city", "source",
            "lifecycle_stage", "sms_consent", "email_consent", "account_id", "owner_id",
            "created_by_id", "created_at", "updated_at", "sort_key", "search_name",
            "search_other", "account_sort", "owner_sort"], rows) + self._tags(conn)

    def _tags(self, conn: Any) -> int:
        self._insert(conn, "tags", ["name"], [(t,) for t in words.TAGS])
        rows = {(self.rng.randrange(1, self.n + 1), self.rng.randrange(1, len(words.TAGS) + 1))
                for _ in range(self.n // 7)}
        self._insert(conn, "contact_tags", ["contact_id", "tag_id"], sorted(rows))
        return 0

    def _products(self, conn: Any) -> int:
        rows = []
        for i, (name, unit, price, taxable) in enumerate(words.PRODUCTS, start=1):
            p = SimpleNamespace(name=name)
            self.product_svc._derive(p)
            now = _ts(self.now - timedelta(days=1200))
            rows.append((name, f"P-{i:04d}", unit, price, int(taxable), 1, now, now, p.sort_key,
                         self.users[0]))
        return self._insert(conn, "products", [
            "name", "sku", "unit", "unit_price_rial", "taxable", "active", "created_at",
            "updated_at", "sort_key", "created_by_id"], rows)

    def _deals(self, conn: Any) -> int:
        """A deal for one contact in ten, in every stage; then repeat purchases: won deals
        of a pool of regular customers (one in 25 contacts) spread over two years, so that
        recency, frequency and money (the RFM segments) vary as in a real shop."""
        rng = self.rng
        n = max(5, self.n // 10)
        deals, history = [], []
        self.deal_contacts = []
        #: each deal's outcome and creation day (campaigns link deals to what led to them)
        self.deal_outcomes: list[str] = []
        self.deal_created: list[date] = []

        def add(contact: int, stage: tuple, created: datetime, moved: datetime,
                most: int = 5000) -> None:
            stage_id, _prob, outcome = stage
            number = len(deals) + 1
            d = SimpleNamespace(
                title=f"{rng.choice(words.DEAL_TOPICS)} - {to_persian_digits(str(number))}")
            self.deal_svc._derive(d)
            amount = rng.randrange(5, most) * 1_000_000
            if outcome == m.STAGE_OPEN:  # open deals mostly close ahead, a few are late
                close = self.today + timedelta(days=rng.randrange(-20, 100))
            else:
                close = (created + timedelta(days=rng.randrange(7, 120))).date()
            deals.append((
                d.title, contact, self.contact_account[contact - 1], amount, stage_id,
                _ts(moved), close.isoformat(),
                rng.choice(words.LOST_REASONS) if outcome == m.STAGE_LOST else None,
                _ts(moved) if outcome != m.STAGE_OPEN else None, rng.choice(self.users),
                self.users[0], _ts(created), _ts(moved), d.search_name, "",
            ))
            self.deal_contacts.append(contact)
            self.deal_outcomes.append(outcome)
            self.deal_created.append(created.date())
            history.append((number, None, self.stages[0][0], _ts(created), self.users[0]))
            if stage_id != self.stages[0][0]:
                history.append((number, self.stages[0][0], stage_id, _ts(moved),
                                self.users[0]))

        for i in range(n):
            contact = rng.randrange(1, self.n + 1)
            stage = self.stages[i % len(self.stages)] if i < len(
                self.stages) else rng.choice(self.stages)
            created = max(self.contact_created[contact - 1], self.past(400))
            add(contact, stage, created, min(created + timedelta(days=rng.randrange(0, 60)),
                                             self.now))
        #: deals after this many are repeat purchases (smaller, seldom from a campaign)
        self.first_deals = len(deals)
        won = [s for s in self.stages if s[2] == m.STAGE_WON]
        regulars = rng.sample(range(1, self.n + 1), max(2, self.n // 25))
        for _ in range(max(2, self.n // 20) if won else 0):
            contact = rng.choice(regulars)
            created = max(self.contact_created[contact - 1], self.past(730))
            add(contact, won[0], created, min(created + timedelta(days=rng.randrange(0, 14)),
                                              self.now), most=800)
        count = self._insert(conn, "deals", [
            "title", "contact_id", "account_id", "amount_rial", "stage_id", "stage_changed_at",
            "expected_close", "lost_reason", "closed_at", "owner_id", "created_by_id",
            "created_at", "updated_at", "search_name", "search_other"], deals)
        self._insert(conn, "deal_stage_changes", [
            "deal_id", "from_stage_id", "to_stage_id", "changed_at", "changed_by_id"], history)
        # a won deal makes its contact a customer, as DealService does when a deal is won
        marks = ", ".join("?" * len(BECOMES_CUSTOMER))
        conn.execute(
            f"UPDATE contacts SET lifecycle_stage = ? WHERE lifecycle_stage IN ({marks})"
            " AND id IN (SELECT d.contact_id FROM deals d JOIN pipeline_stages s"
            " ON s.id = d.stage_id WHERE s.outcome = ?)",
            (LifecycleStage.CUSTOMER.value, *sorted(BECOMES_CUSTOMER), m.STAGE_WON))
        return count

    def _proformas(self, conn: Any) -> int:
        rng = self.rng
        n = max(3, self.n // 50)
        issued = sorted(self.past(700).date() for _ in range(n))
        seq_by_year: dict[int, int] = {}
        headers, lines = [], []
        statuses = list(ProformaStatus)
        for i, day in enumerate(issued, start=1):
            year = jalali_year(day)
            seq_by_year[year] = seq_by_year.get(year, 0) + 1
            deal = rng.randrange(1, len(self.deal_contacts) + 1)
            stamp = _ts(datetime.combine(day, time(8), tzinfo=UTC))
            headers.append((year, seq_by_year[year], deal, self.deal_contacts[deal - 1],
                            day.isoformat(), (day + timedelta(days=15)).isoformat(),
                            rng.choice(statuses).value, "10", rng.choice(self.users),
                            self.users[0], stamp, stamp))
            for pos in range(1, rng.randrange(2, 7)):
                p = rng.randrange(len(words.PRODUCTS))
                name, unit, price, taxable = words.PRODUCTS[p]
                qty = rng.choice(["1", "2", "3", "5", "10", "2.5", "0.75"])
                discount = rng.choice(["0", "0", "0", "5", "10"])
                lines.append((i, pos, p + 1, name, qty, unit, price,
                              "percent", discount, int(taxable)))
        count = self._insert(conn, "proformas", [
            "year", "seq", "deal_id", "contact_id", "issue_date", "valid_until", "status",
            "vat_rate", "owner_id", "created_by_id", "created_at", "updated_at"], headers)
        self._insert(conn, "proforma_lines", [
            "proforma_id", "position", "product_id", "description", "quantity", "unit",
            "unit_price_rial", "discount_kind", "discount_value", "taxable"], lines)
        return count

    def _campaigns(self, conn: Any) -> int:
        rng = self.rng
        now = _ts(self.now)
        lists = ["مشتریان تهران", "مشتریان وفادار", "سرنخ‌های نمایشگاه", "متولدین فروردین"]
        self._insert(conn, "marketing_lists", ["name", "kind", "owner_id", "created_by_id",
                                               "created_at", "updated_at"],
                     [(name, "static", self.users[0], self.users[0], now, now) for name in lists])
        members = {(rng.randrange(1, len(lists) + 1), rng.randrange(1, self.n + 1))
                   for _ in range(self.n // 10)}
        self._insert(conn, "list_members", ["list_id", "contact_id", "added_at"],
                     [(lst, c, now) for lst, c in sorted(members)])
        rows, periods, members = [], [], {}
        for i, (name, channel) in enumerate(words.CAMPAIGNS, start=1):
            # within the time of the demo's deals (the last 400 days), so they can link
            start = self.today - timedelta(days=rng.randrange(0, 400))
            end = start + timedelta(days=rng.randrange(7, 45))
            status = (CampaignStatus.COMPLETED if end < self.today else CampaignStatus.ACTIVE)
            if i == len(words.CAMPAIGNS):
                status, start, end = CampaignStatus.PLANNED, self.today + timedelta(days=10), None
            budget = max(1, rng.randrange(*CAMPAIGN_BUDGETS[channel]) * self.n // 2000
                         ) * 1_000_000
            rows.append((name, channel, status.value, start.isoformat(),
                         end.isoformat() if end else None, budget,
                         0 if status == CampaignStatus.PLANNED
                         else budget * rng.randrange(70, 115) // 100,
                         min(budget * rng.randrange(2, 8), MAX_RIALS), rng.choice(self.users),
                         self.users[0],
                         now, now))
            planned = status == CampaignStatus.PLANNED
            periods.append((i, start, (end or start) + timedelta(days=90), planned))
            size = rng.randrange(self.n // 100 + 1, self.n // 40 + 2)
            outcomes, weights = zip(*MEMBER_OUTCOMES[channel], strict=True)
            for contact in rng.sample(range(1, self.n + 1), min(size, self.n)):
                members[i, contact] = (MemberStatus.TARGETED.value if planned
                                       else rng.choices(outcomes, weights)[0])
        count = self._insert(conn, "campaigns", [
            "name", "channel", "status", "start_date", "end_date", "budget_rial",
            "actual_cost_rial", "expected_revenue_rial", "owner_id", "created_by_id",
            "created_at", "updated_at"], rows)
        self._insert(conn, "campaign_targets", ["campaign_id", "list_id", "segment"],
                     [(i, rng.randrange(1, len(lists) + 1), None)
                      for i in range(1, count + 1)]
                     + [(i, None, segment) for i, segment in CAMPAIGN_SEGMENTS.items()
                        if i <= count])
        # a share of the deals came from a campaign running when they were opened: their
        # people were its members and responded (converted, when the deal was won)
        sources = []
        for deal, (created, outcome) in enumerate(
                zip(self.deal_created, self.deal_outcomes, strict=True), start=1):
            share = (0.7 if outcome == m.STAGE_WON else 0.3) if deal <= self.first_deals else 0.05
            if rng.random() >= share:
                continue
            running = [i for i, start, until, planned in periods
                       if not planned and start <= created <= until]
            if not running:
                continue
            campaign = rng.choice(running)
            sources.append((campaign, deal))
            members[campaign, self.deal_contacts[deal - 1]] = (
                MemberStatus.CONVERTED.value if outcome == m.STAGE_WON
                else MemberStatus.RESPONDED.value)
        conn.executemany("UPDATE deals SET source_campaign_id = ? WHERE id = ?", sources)
        self._insert(conn, "campaign_members", ["campaign_id", "contact_id", "status",
                                                "updated_at"],
                     [(c, p, status, now) for (c, p), status in sorted(members.items())])
        return count

    def _tickets(self, conn: Any) -> int:
        rng = self.rng
        n = max(3, self.n // 20)
        created_list = sorted(self.past(500) for _ in range(n))
        seq_by_year: dict[int, int] = {}
        rows, comments = [], []
        categories = list(TicketCategory)
        priorities = list(TicketPriority)
        hours = {"low": 72, "normal": 24, "high": 8, "urgent": 4}
        for i, created in enumerate(created_list, start=1):
            year = jalali_year(created.date())
            seq_by_year[year] = seq_by_year.get(year, 0) + 1
            category = rng.choice(categories).value
            priority = rng.choices(priorities, [20, 50, 20, 10])[0].value
            age = (self.now - created).days
            status = (rng.choice([TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING])
                      if age < 10 else rng.choices([TicketStatus.CLOSED, TicketStatus.RESOLVED,
                                                    TicketStatus.OPEN], [80, 10, 10])[0]).value
            closed = created + timedelta(hours=rng.randrange(1, 96))
            is_closed = status == TicketStatus.CLOSED.value
            scores = [1, 2, 3, 4, 5, None]  # None: the customer was not asked
            score = rng.choices(scores, [5, 7, 15, 35, 30, 8])[0] if is_closed else None
            subject = rng.choice(words.TICKET_SUBJECTS[category])
            t = SimpleNamespace(year=year, seq=seq_by_year[year], subject=subject,
                                description=f"{subject}؛ مشتری تماس گرفت.")
            search_name, search_other = ticket_search_text(t)
            rows.append((year, seq_by_year[year], subject, t.description,
                         rng.randrange(1, self.n + 1), category, priority, status,
                         rng.choice(list(TicketChannel)).value,
                         _ts(created + timedelta(hours=hours[priority])),
                         rng.choice(self.users), "پیگیری و حل شد." if is_closed else None, score,
                         _ts(closed) if is_closed else None, rng.choice(self.users),
                         self.users[0], _ts(created), _ts(closed if is_closed else created),
                         search_name, search_other))
            answered = None  # the first comment the customer sees (as add_comment sets it)
            for k in range(rng.randrange(0, 4)):
                comments.append((i, rng.choice(self.users), rng.choice(words.OUTCOMES),
                                 int(rng.random() < 0.5), _ts(created + timedelta(hours=k + 1))))
                answered = answered or (None if comments[-1][3] else comments[-1][4])
            rows[-1] += (answered,)
        count = self._insert(conn, "tickets", [
            "year", "seq", "subject", "description", "contact_id", "category", "priority",
            "status", "channel", "sla_due_at", "assignee_id", "resolution", "satisfaction",
            "closed_at", "owner_id", "created_by_id", "created_at", "updated_at", "search_name",
            "search_other", "first_response_at"], rows)
        self._insert(conn, "ticket_comments", ["ticket_id", "author_id", "body", "internal",
                                               "created_at"], comments)
        return count

    def _activities(self, conn: Any) -> int:
        rng = self.rng
        n = max(5, self.n // 2)
        kinds = list(ActivityKind)
        weights = [35, 15, 20, 5, 10, 2, 13]
        rows = []
        last: dict[int, datetime] = {}
        for _ in range(n):
            kind = rng.choices(kinds, weights)[0].value
            contact = rng.randrange(1, self.n + 1)
            # most in the past, some due in the coming two weeks
            if rng.random() < 0.85:
                due = self.past(365)
                done = due if rng.random() < 0.9 else None
            else:
                due = self.now + timedelta(days=rng.randrange(0, 14), hours=rng.randrange(0, 8))
                done = None
            if done is not None and (contact not in last or done > last[contact]):
                last[contact] = done
            rows.append((kind, rng.choice(words.ACTIVITY_SUBJECTS[kind]), _ts(due),
                         _ts(done) if done else None,
                         rng.choice([15, 30, 45, 60]) if kind == "meeting" else None,
                         rng.choice(words.OUTCOMES) if done else None, contact,
                         rng.choice(self.users), self.users[0], _ts(due), _ts(due)))
        count = self._insert(conn, "activities", [
            "kind", "subject", "due_at", "done_at", "duration_minutes", "outcome", "contact_id",
            "owner_id", "created_by_id", "created_at", "updated_at"], rows)
        conn.executemany("UPDATE contacts SET last_activity_at = ? WHERE id = ?",
                         [(_ts(t), c) for c, t in last.items()])
        return count


def generate(db: Database, contacts: int = 1000, seed: int = 1, *,
             today: date | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Fill an empty database with demo data; returns the row counts written."""
    if contacts < 1:
        raise ValueError("contacts must be at least 1")
    counts = DemoBuilder(db, contacts, seed, today).build(progress or (lambda _step: None))
    # a new user sees customer segments at once (one pass over the new data, after the
    # load: 100,000 contacts add well under a second)
    RfmService(db).recompute()
    demo_automation.customer_since(db)
    counts["automation actions"] = demo_automation.switch_on_and_run(db)
    return counts
