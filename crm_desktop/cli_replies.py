"""`automation replies FILE`: the satisfaction scores in an SMS panel's export of received
messages (services/automation/replies.py), recorded on the tickets and deals that asked
for them. cli_automation.py registers it under `automation`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from crm_desktop.cli import EXIT_OK, UsageError, _db_path, _say


def add_parser(automation: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    q = automation.add_parser(
        "replies", parents=[common],
        help="record the scores (1 to 5) in an SMS panel's export of received messages "
             "(CSV or Excel with mobile, text and time columns) as the satisfaction of the "
             "tickets and deals whose requests they answer")
    q.add_argument("file", metavar="FILE")
    q.add_argument("--json", action="store_true",
                   help="a JSON object {matched, unmatched, invalid}")
    q.add_argument("--lang", choices=("fa", "en"), default="fa",
                   help="language of a problem with the file (default fa)")
    q.set_defaults(func=cmd_automation_replies)


def cmd_automation_replies(args: argparse.Namespace) -> int:
    """Exit 0 once the file is read (matched or not); 2 for a file that cannot be read."""
    from crm_desktop.core import Core
    from crm_desktop.imports import ImportFileError

    with Core.open(_db_path(args), create=False) as core:
        try:
            counts = core.replies.import_file(Path(args.file))
        except ImportFileError as exc:
            raise UsageError(f"{args.file}: {exc.message(args.lang)}") from None
    if args.json:
        _say(json.dumps(counts))
    else:
        _say(f"{counts['matched']} reply(ies) recorded, {counts['unmatched']} without a "
             f"waiting request, {counts['invalid']} without a mobile, a score from 1 to 5 "
             "or a readable time")
    return EXIT_OK
