"""The database bench_support.py measures: the demo data for 20,000 contacts, then extra
tickets up to 50,000 and activities up to 500,000, written with executemany on the raw
connection in one transaction with the search triggers and list indexes suspended (rebuilt
at the end). Built once and kept for later runs."""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from types import SimpleNamespace

from crm_desktop.core import Core
from crm_desktop.db.bulk import indexes_suspended
from crm_desktop.db.search_index import triggers_suspended
from crm_desktop.domain.enums import (
    ActivityKind,
    TicketCategory,
    TicketChannel,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.services import demo_data as words
from crm_desktop.services.demo import _ts, generate
from crm_desktop.services.tickets import ticket_search_text
from crm_desktop.text.jalali import jalali_year

CONTACTS = 20_000
TICKETS = 50_000
ACTIVITIES = 500_000


# -- build ------------------------------------------------------------------------------
def build(path: Path, seed: int) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Core.open(path) as core:
        counts = generate(core.db, CONTACTS, seed)
        t1 = time.perf_counter()
        print(
            f"demo data: {counts['contacts']:,} contacts, {counts['tickets']:,} tickets, "
            f"{counts['activities']:,} activities in {t1 - t0:.1f} s"
        )
        extra_t, extra_a = bulk(core, seed)
        t2 = time.perf_counter()
        print(
            f"bulk: +{extra_t:,} tickets, +{extra_a:,} activities (and the search index "
            f"rebuilt) in {t2 - t1:.1f} s"
        )
    print(f"database built in {time.perf_counter() - t0:.1f} s -> {path}")


def bulk(core: Core, seed: int) -> tuple[int, int]:
    rng = random.Random(seed + 1000)
    today = date.today()
    now = datetime.combine(today, dtime(9, 30), tzinfo=UTC)

    def past(days: int) -> datetime:
        d = now - timedelta(days=rng.randrange(days))
        return d.replace(
            hour=rng.randrange(5, 15),
            minute=rng.randrange(60),
            second=rng.randrange(60),
            microsecond=0,
        )

    with core.db.raw() as conn:
        users = [r[0] for r in conn.execute("SELECT id FROM users ORDER BY id")]
        n_contacts = conn.execute("SELECT max(id) FROM contacts").fetchone()[0]
        n_tickets = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        n_acts = conn.execute("SELECT count(*) FROM activities").fetchone()[0]
        first_ticket = conn.execute("SELECT coalesce(max(id), 0) FROM tickets").fetchone()[0] + 1
        seq_by_year = dict(conn.execute("SELECT year, max(seq) FROM tickets GROUP BY year"))
        add_t, add_a = max(0, TICKETS - n_tickets), max(0, ACTIVITIES - n_acts)

        # tickets: created over the last two years, the demo's shapes
        categories, priorities = list(TicketCategory), list(TicketPriority)
        channels = list(TicketChannel)
        hours = {"low": 72, "normal": 24, "high": 8, "urgent": 4}
        tickets, comments = [], []
        for i, created in enumerate(sorted(past(730) for _ in range(add_t))):
            year = jalali_year(created.date())
            seq_by_year[year] = seq_by_year.get(year, 0) + 1
            category = rng.choice(categories).value
            priority = rng.choices(priorities, [20, 50, 20, 10])[0].value
            age = (now - created).days
            status = (
                rng.choice([TicketStatus.NEW, TicketStatus.OPEN, TicketStatus.WAITING])
                if age < 10
                else rng.choices(
                    [TicketStatus.CLOSED, TicketStatus.RESOLVED, TicketStatus.OPEN], [80, 10, 10]
                )[0]
            ).value
            closed = created + timedelta(hours=rng.randrange(1, 96))
            is_closed = status == TicketStatus.CLOSED.value
            score = (
                rng.choices([1, 2, 3, 4, 5, None], [5, 7, 15, 35, 30, 8])[0] if is_closed else None
            )
            subject = rng.choice(words.TICKET_SUBJECTS[category])
            t = SimpleNamespace(
                year=year,
                seq=seq_by_year[year],
                subject=subject,
                description=f"{subject}؛ مشتری تماس گرفت.",
            )
            search_name, search_other = ticket_search_text(t)
            tickets.append(
                (
                    year,
                    t.seq,
                    subject,
                    t.description,
                    rng.randrange(1, n_contacts + 1),
                    category,
                    priority,
                    status,
                    rng.choice(channels).value,
                    _ts(created + timedelta(hours=hours[priority])),
                    rng.choice(users),
                    "پیگیری و حل شد." if is_closed else None,
                    score,
                    _ts(closed) if is_closed else None,
                    rng.choice(users),
                    users[0],
                    _ts(created),
                    _ts(closed if is_closed else created),
                    search_name,
                    search_other,
                )
            )
            for k in range(rng.randrange(0, 4)):
                comments.append(
                    (
                        first_ticket + i,
                        rng.choice(users),
                        rng.choice(words.OUTCOMES),
                        int(rng.random() < 0.5),
                        _ts(created + timedelta(hours=k + 1)),
                    )
                )

        # activities: due over the last two years (95%, of which 95% done) and the next
        # 60 days (5%, open)
        kinds = [k.value for k in ActivityKind]
        weights = [35, 15, 20, 5, 10, 2, 13]
        subjects = {k: words.ACTIVITY_SUBJECTS[k] for k in kinds}
        acts = []
        for _ in range(add_a):
            kind = rng.choices(kinds, weights)[0]
            if rng.random() < 0.95:
                due = past(730)
                done = due if rng.random() < 0.95 else None
            else:
                due = now + timedelta(days=rng.randrange(0, 60), hours=rng.randrange(0, 8))
                done = None
            due_s = _ts(due)
            acts.append(
                (
                    kind,
                    rng.choice(subjects[kind]),
                    due_s,
                    due_s if done else None,
                    rng.choice((15, 30, 45, 60)) if kind == "meeting" else None,
                    rng.choice(words.OUTCOMES) if done else None,
                    rng.randrange(1, n_contacts + 1),
                    rng.choice(users),
                    users[0],
                    due_s,
                    due_s,
                )
            )

        conn.execute("BEGIN IMMEDIATE")
        try:
            with triggers_suspended(conn), indexes_suspended(
                conn, ("tickets", "ticket_comments", "activities")
            ):
                conn.executemany(
                    "INSERT INTO tickets (year, seq, subject, description, contact_id, category,"
                    " priority, status, channel, sla_due_at, assignee_id, resolution,"
                    " satisfaction, closed_at, owner_id, created_by_id, created_at, updated_at,"
                    " search_name, search_other) VALUES (" + ", ".join("?" * 20) + ")",
                    tickets,
                )
                conn.executemany(
                    "INSERT INTO ticket_comments (ticket_id, author_id, body, internal,"
                    " created_at) VALUES (?, ?, ?, ?, ?)",
                    comments,
                )
                conn.executemany(
                    "INSERT INTO activities (kind, subject, due_at, done_at, duration_minutes,"
                    " outcome, contact_id, owner_id, created_by_id, created_at, updated_at)"
                    " VALUES (" + ", ".join("?" * 11) + ")",
                    acts,
                )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return add_t, add_a
