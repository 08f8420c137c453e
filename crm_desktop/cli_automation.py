"""The automation commands: `automation run` (for the operating system's scheduler: Windows
Task Scheduler, cron; see the README) and `automation replies` (cli_replies.py). cli.py
registers them through `add_parsers`."""

from __future__ import annotations

import argparse
import json
import sys

from crm_desktop.cli import EXIT_OK, Parser, _db_path, _say


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """Register `automation` and its commands on the main parser's subcommands."""
    p = sub.add_parser("automation", help="run the automation rules")
    p.set_defaults(func=lambda _args, p=p: p.error(
        "an automation command is required (run or replies)"))
    automation = p.add_subparsers(title="automation commands", metavar="COMMAND",
                                  parser_class=Parser)
    q = automation.add_parser(
        "run", parents=[common],
        help="run every rule that is on once: queue what fell due (messages go out with "
             "'outbox send'), create tasks, assign leads; nothing is done twice")
    q.add_argument("--dry-run", action="store_true",
                   help="list what a run would do, change nothing")
    q.add_argument("--json", action="store_true",
                   help="a JSON list of {rule, contact, action, detail}")
    q.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of the actions and reasons (default fa)")
    q.set_defaults(func=cmd_automation_run)
    from crm_desktop import cli_replies

    cli_replies.add_parser(automation, common)


def cmd_automation_run(args: argparse.Namespace) -> int:
    """Every enabled rule once (trigger "cli"); exit 0 once the run is done, even when a
    rule failed (named on stderr; the others ran)."""
    from crm_desktop.core import Core
    from crm_desktop.domain.enums import RunTrigger
    from crm_desktop.text.automation_texts import action_name, detail_text

    with Core.open(_db_path(args), create=False) as core:
        report = core.automation.run(dry_run=args.dry_run, trigger=RunTrigger.CLI.value)
        names = {r["id"]: r["name"] for r in core.automation.rules()} if report.errors else {}
    lang = args.lang
    if args.json:
        out = []
        for a in report.actions:
            row = a.as_json()
            row["detail"] = detail_text(a.action, a.detail, lang)
            out.append(row)
        _say(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        verb = "would do" if args.dry_run else "did"
        _say(f"{len(report.actions)} action(s) the rules {verb}")
        for a in report.actions:
            _say("\t".join([a.rule, a.contact, action_name(a.action, lang),
                            detail_text(a.action, a.detail, lang)]))
    for rule_id, problem in report.errors.items():
        print(f"crm-desktop: rule {rule_id} ({names.get(rule_id, '')}) failed: {problem}",
              file=sys.stderr)
    return EXIT_OK
