"""The marketing commands: `campaign list`, `segments`, `outbox` and `outbox send` (the
rest of the command line is in cli.py, which registers these through `add_parsers`)."""

from __future__ import annotations

import argparse
import json
import sys

from crm_desktop.cli import (
    EXIT_NOT_ALL_SENT,
    EXIT_OK,
    Parser,
    _core_for_reading,
    _db_path,
    _say,
)


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register the marketing commands on the main parser's subcommands."""
    p = sub.add_parser("campaign", help="list campaigns with their figures")
    p.set_defaults(func=lambda _args, p=p: p.error("a campaign command is required (list)"))
    campaign = p.add_subparsers(title="campaign commands", metavar="COMMAND",
                                parser_class=Parser)
    q = campaign.add_parser("list", parents=[common], help="every campaign: channel, status, "
                            "members, responses, cost, revenue and ROI")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_campaign_list)
    p = sub.add_parser("segments", parents=[common],
                       help="RFM segment sizes: contacts and revenue per segment")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_segments)
    p = sub.add_parser("outbox", parents=[common], help="outbox rows per status; 'outbox "
                       "send' sends what is due")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_outbox)
    outbox = p.add_subparsers(title="outbox commands", metavar="COMMAND", parser_class=Parser)
    q = outbox.add_parser("send", parents=[common],
                          help="send the due messages with the delivery chosen in Settings "
                               f"(exit {EXIT_OK} when all were sent, {EXIT_NOT_ALL_SENT} "
                               "otherwise)")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_outbox_send)


# -- commands ------------------------------------------------------------------------------
def cmd_campaign_list(args: argparse.Namespace) -> int:
    from crm_desktop.core import Core
    from crm_desktop.domain.marketing import percent_text
    from crm_desktop.services.base import ListQuery, Sort
    from crm_desktop.text.jalali import format_jalali
    from crm_desktop.text.money import format_money

    rows: list[dict] = []
    with Core.open(_db_path(args), create=False) as core:
        unit = core.settings.display_unit
        query = ListQuery(sort=Sort("start_date", descending=True), limit=1000)
        while True:
            page = core.campaigns.list(query)
            rows += page.rows
            if page.next_cursor is None:
                break
            query = ListQuery(sort=query.sort, limit=1000, after=page.next_cursor)
    if args.json:
        out = [{"id": r["id"], "name": r["name"], "channel": r["channel"],
                "status": r["status"], "members": r["members"], "responded": r["responded"],
                "converted": r["converted"], "cost_rial": r["actual_cost_rial"],
                "revenue_rial": r["revenue_rial"], "roi": r["roi"]} for r in rows]
        _say(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not rows:
        print("no campaigns", file=sys.stderr)
        return EXIT_OK
    _say("\t".join(["id", "start", "status", "channel", "members", "responded", "converted",
                    "cost", "revenue", "ROI", "name"]))
    for r in rows:
        roi = percent_text(r["roi_exact"])
        _say("\t".join([
            str(r["id"]),
            format_jalali(r["start_date"], persian=False) if r["start_date"] else "-",
            r["status"], r["channel"], f"{r['members']:,}", f"{r['responded']:,}",
            f"{r['converted']:,}", format_money(r["actual_cost_rial"], unit, persian=False),
            format_money(r["revenue_rial"], unit, persian=False),
            "-" if roi is None else f"{roi}%", r["name"],
        ]))
    return EXIT_OK


def cmd_segments(args: argparse.Namespace) -> int:
    """RFM segment sizes as last computed (services/rfm.py): contacts and revenue in the
    window per segment; contacts never computed count as no purchase. Only reads."""
    from crm_desktop.text.money import format_money

    path = _db_path(args)
    with _core_for_reading(path) as core:
        sizes = core.rfm.sizes()
        computed = core.rfm.computed_at()
        unit = core.settings.display_unit
        years = core.rfm.window_years()
    if args.json:
        out = [{"segment": s["segment"], "contacts": s["contacts"],
                "revenue_rial": s["revenue_rial"]} for s in sizes]
        _say(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for s in sizes:
            share = f"{s['share'] * 100:.1f}%"
            _say(f"{s['segment']}\t{s['contacts']}\t"
                 f"{format_money(s['revenue_rial'], unit, persian=False)}\t{share}")
    if computed is None:
        print("crm-desktop: the segments were never computed (Recompute on the segments "
              "page); every contact counts as no purchase", file=sys.stderr)
    elif not args.json:
        print(f"computed {computed:%Y-%m-%d %H:%M} UTC over {years} year(s) of purchases",
              file=sys.stderr)
    return EXIT_OK


def cmd_outbox(args: argparse.Namespace) -> int:
    """How many outbox rows are in each status, and how many are due now."""
    from crm_desktop.core import Core

    with Core.open(_db_path(args), create=False) as core:
        counts = core.outbox.counts()
        due = core.outbox.due_count()
    if args.json:
        _say(json.dumps({**counts, "due": due}))
    else:
        for status, n in counts.items():
            _say(f"{status}\t{n}")
        _say(f"due now\t{due}")
    return EXIT_OK


def cmd_outbox_send(args: argparse.Namespace) -> int:
    """Send the due rows with the deliveries chosen in Settings. Rows a crash left
    "sending" become failed ("interrupted": they may have gone) and are not sent again.
    Exit 0 when every due row was sent, EXIT_NOT_ALL_SENT otherwise."""
    from crm_desktop.core import Core
    from crm_desktop.services.delivery import deliveries
    from crm_desktop.text.messages import delivery_message

    with Core.open(_db_path(args), create=False) as core:
        interrupted = core.outbox.recover_interrupted()
        sending = core.settings.sending()
        report = core.outbox.send_due(deliveries(sending),
                                      max_attempts=int(sending["max_attempts"]))
        waiting = core.outbox.due_count()
    if args.json:
        _say(json.dumps({"sent": report.sent, "failed": report.failed,
                         "retry_later": report.retry_later, "interrupted": interrupted,
                         "waiting_for_delivery": waiting,
                         "errors": [{"id": i, "error": e} for i, e in report.errors]}))
    else:
        _say(f"sent {report.sent}, failed {report.failed}, to retry later "
             f"{report.retry_later}, with no delivery to send them {waiting}")
        for outbox_id, error in report.errors:
            _say(f"  #{outbox_id}: {delivery_message(error)}")
        if interrupted:
            _say(f"{interrupted} message(s) were being sent when the program stopped; they "
                 "may have gone out and were marked failed (retry them by hand)")
        if waiting and sending["sms_delivery"] == "file":
            _say("SMS messages go out as a file for the panel: write it from the Outbox page")
    unsent = report.failed + report.retry_later + waiting + interrupted
    return EXIT_OK if unsent == 0 else EXIT_NOT_ALL_SENT
