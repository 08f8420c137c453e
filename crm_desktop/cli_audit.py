"""`crm-desktop audit`: the audit log, newest first (registered in cli.py through
`add_parsers`).

    crm-desktop audit --db PATH [--entity E] [--id N] [--since DATE] [--until DATE]
                      [--by NAME] [--action A] [--text WORDS] [--limit N] [--lang fa|en]
                      [--json]

DATE is ISO (2026-11-30) or Jalali (1405/09/09, Persian digits too), a day on the
business's clock, both ends included. --by names the user who made the changes (their
user name or display name); it is not --user, which says who runs the command. Text: one
line per change, "when  user  record  action  field: old -> new" (Jalali, on the
business's clock). JSON: {"count": total rows matching, "rows": [{id, at (UTC ISO),
user_id, user, entity, entity_id, record, action, field, old_value, new_value, old, new}]}
where old/new are the values as people read them. Only reads. Bad arguments exit 2 with
one line.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from crm_desktop.cli import EXIT_OK, UsageError, _core_for_reading, _db_path, _say

DEFAULT_LIMIT = 100


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `audit` on the main parser's subcommands."""
    from crm_desktop.domain.enums import AuditAction
    from crm_desktop.text.audit_texts import ENTITIES

    p = sub.add_parser("audit", parents=[common], help="the audit log: who changed what, "
                       "when (newest first)")
    p.add_argument("--entity", metavar="E", default=None,
                   help="only records of one kind: " + ", ".join(ENTITIES))
    p.add_argument("--id", metavar="N", default=None,
                   help="only the record with this id (with --entity)")
    p.add_argument("--since", metavar="DATE", default=None,
                   help="from this day (ISO 2026-11-30 or Jalali 1405/09/09)")
    p.add_argument("--until", metavar="DATE", default=None, help="up to this day, included")
    p.add_argument("--by", metavar="NAME", default=None,
                   help="only changes made by this user (user name or display name)")
    p.add_argument("--action", metavar="A", default=None,
                   help="one of " + ", ".join(a.value for a in AuditAction))
    p.add_argument("--text", metavar="WORDS", default="",
                   help="words of a field's name or of a value")
    p.add_argument("--limit", metavar="N", default=str(DEFAULT_LIMIT),
                   help=f"at most N rows, newest first (default {DEFAULT_LIMIT}; 0: all)")
    p.add_argument("--lang", choices=("fa", "en"), default="en",
                   help="language of the names (default: en)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_audit)


def _limit(text: str) -> int:
    from crm_desktop.text.digits import to_ascii_digits

    value = to_ascii_digits(str(text).strip())
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        raise UsageError(f"--limit: a whole number of rows, 0 or more, not {text!r}")
    return int(value)


def _user_id(core: Any, name: str) -> int:
    wanted = name.strip().lower()
    users = core.audit_log.users()
    with core.db.read() as session:
        from sqlalchemy import select

        from crm_desktop.db import models as m

        names = dict(session.execute(select(m.User.id, m.User.username)).all())
    for user_id, display in users:
        if wanted in (display.strip().lower(), str(names.get(user_id, "")).lower()):
            return user_id
    raise UsageError(f"--by: no user named {name!r} (users: "
                     + ", ".join(str(names.get(i, d)) for i, d in users) + ")")


def _filters(core: Any, args: argparse.Namespace) -> dict[str, Any]:
    from crm_desktop.domain.enums import AuditAction
    from crm_desktop.domain.errors import ValidationError
    from crm_desktop.services.audit_log import _filter
    from crm_desktop.text.audit_texts import ENTITIES, entity_key

    filters: dict[str, Any] = {}
    if args.entity is not None:
        if entity_key(args.entity) is None:
            raise UsageError(f"--entity: {args.entity!r} is not one of "
                             + ", ".join(ENTITIES))
        filters["entity"] = entity_key(args.entity)
    if args.id is not None:
        if args.entity is None:
            raise UsageError("--id needs --entity (the kind of record the id is of)")
        filters["entity_id"] = _limit(args.id) if str(args.id).strip() else None
    if args.action is not None:
        if args.action not in {a.value for a in AuditAction}:
            raise UsageError(f"--action: {args.action!r} is not one of "
                             + ", ".join(a.value for a in AuditAction))
        filters["action"] = args.action
    for option, key in (("since", "date_from"), ("until", "date_to")):
        value = getattr(args, option)
        if value is None:
            continue
        try:
            filters[key] = _filter(key, value)
        except ValidationError:
            raise UsageError(f"--{option}: {value!r} is not a date (write 2026-11-30 or "
                             "1405/09/09)") from None
    if args.by is not None:
        filters["user_id"] = _user_id(core, args.by)
    return filters


def cmd_audit(args: argparse.Namespace) -> int:
    from crm_desktop.domain.errors import ValidationError
    from crm_desktop.services.base import MAX_PAGE, ListQuery
    from crm_desktop.text.audit_texts import describe
    from crm_desktop.text.jalali import format_jalali_datetime

    limit = _limit(args.limit)
    path = _db_path(args)
    with _core_for_reading(path) as core:
        filters = _filters(core, args)
        query = ListQuery(filters=filters, text=args.text)
        try:
            total = core.audit_log.count(query)
            rows: list[dict[str, Any]] = []
            page = core.audit_log.list(ListQuery(filters=filters, text=args.text,
                                                 limit=min(limit or MAX_PAGE, MAX_PAGE)))
            while True:
                rows += page.rows
                if page.next_cursor is None or (limit and len(rows) >= limit):
                    break
                page = core.audit_log.list(ListQuery(filters=filters, text=args.text,
                                                     after=page.next_cursor, limit=MAX_PAGE))
        except ValidationError as exc:
            raise UsageError(exc.errors[0].message("en") if exc.errors else str(exc)) from None
    rows = rows[:limit] if limit else rows
    lang = args.lang
    out = []
    for row in rows:
        words = describe(row, lang)
        out.append({"id": row["id"], "at": row["at"].isoformat(), "user_id": row["user_id"],
                    "user": words["user"], "entity": row["entity"],
                    "entity_id": row["entity_id"], "record": words["record"],
                    "action": row["action"], "field": row["field"],
                    "old_value": row["old_value"], "new_value": row["new_value"],
                    "old": words["old"], "new": words["new"]})
    if args.json:
        _say(json.dumps({"count": total, "rows": out}, ensure_ascii=False, indent=1))
        return EXIT_OK
    persian = lang == "fa"
    for row, item in zip(rows, out, strict=True):
        words = describe(row, lang)
        when = format_jalali_datetime(row["at"], persian=persian)
        change = words["field"]
        if item["old"] or item["new"]:
            change += f": {item['old'] or '—'} -> {item['new'] or '—'}" if row["field"] \
                else f": {item['old'] or item['new']}"
        _say(f"{when}\t{words['user']}\t{words['entity']} {words['record']}\t"
             f"{words['action']}\t{change}")
    shown = len(out)
    _say(f"{shown:,} of {total:,} change(s)" if shown < total else f"{total:,} change(s)")
    return EXIT_OK
