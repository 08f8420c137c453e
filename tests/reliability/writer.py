"""A user saving records as fast as the services let them, for the crash and two-process
tests: `python writer.py DB SEED NAME [COUNT]`.

Each write is announced on stdout before it is made ("try": what it is about to write)
and reported after the service call returned ("done": the id, and what was written). A
"done" line is printed only once the service call has returned, that is once its
transaction has committed; the crash tests kill this process at random moments and then
expect every "done" write in the file, and the last "try" either whole or not at all.

One JSON object per line, flushed at once. With COUNT the writer stops after that many
writes (the two-process test); without it, it writes until it is killed.
"""

from __future__ import annotations

import json
import os
import random
import sys
import traceback
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from crm_desktop.core import Core
from crm_desktop.services.proforma_totals import compute

#: the proformas' VAT rate (percent), so that totals carry VAT as in real use
VAT = Decimal(10)


def say(**line: Any) -> None:
    sys.stdout.write(json.dumps(line, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


def proforma_lines(rng: random.Random, name: str) -> list[dict[str, Any]]:
    return [{"description": f"{name} قلم {i}", "quantity": rng.randint(1, 5),
             "unit_price_rial": rng.randint(1, 900) * 1000, "taxable": rng.random() < 0.7}
            for i in range(rng.randint(2, 6))]


def total_of(lines: list[dict[str, Any]]) -> int:
    """The total the lines make, by the domain's own arithmetic."""
    return compute([{"quantity": Decimal(line["quantity"]),
                     "unit_price_rial": line["unit_price_rial"],
                     "discount_kind": "amount", "discount_value": Decimal(0),
                     "taxable": line["taxable"]} for line in lines], VAT).total_rial


class Writer:
    def __init__(self, core: Core, rng: random.Random, name: str):
        self.core, self.rng, self.name = core, rng, name
        self.n = 0
        self.mine: dict[str, list[int]] = {"contacts": [], "proformas": [], "tickets": [],
                                           "activities": []}

    def label(self) -> str:
        self.n += 1
        return f"{self.name}-{self.n}"

    def step(self) -> None:
        rng, core, mine = self.rng, self.core, self.mine
        choices = ["contact", "proforma", "ticket", "activity"]
        if mine["contacts"]:
            choices += ["edit_contact", "edit_proforma" if mine["proformas"] else "proforma",
                        "edit_ticket" if mine["tickets"] else "ticket"]
        op = rng.choice(choices)
        label = self.label()
        if op == "contact":
            values = {"first_name": "نام", "last_name": label,
                      "mobile": f"0912{rng.randint(0, 9_999_999):07d}", "city": "تهران"}
            say(step="try", op=op, label=label)
            cid = core.contacts.create(values)
            mine["contacts"].append(cid)
            say(step="done", op=op, label=label, entity="contacts", id=cid,
                values={"last_name": label, "city": "تهران", "notes": None})
        elif op == "edit_contact":
            cid = rng.choice(mine["contacts"])
            values = {"city": label, "notes": f"یادداشت {label}"}
            say(step="try", op=op, label=label, entity="contacts", id=cid, values=values)
            core.contacts.update(cid, values)
            say(step="done", op=op, label=label, entity="contacts", id=cid, values=values)
        elif op == "proforma":
            lines = proforma_lines(rng, label)
            contact = rng.choice(mine["contacts"]) if mine["contacts"] else None
            header = {"notes": label, "vat_rate": VAT}
            if contact is None:
                contact = core.contacts.create({"last_name": f"{label} خریدار"})
                mine["contacts"].append(contact)
                say(step="done", op="contact", label=f"{label} خریدار", entity="contacts",
                    id=contact, values={"last_name": f"{label} خریدار", "city": None,
                                        "notes": None})
            header["contact_id"] = contact
            say(step="try", op=op, label=label, lines=len(lines), total=total_of(lines))
            pid = core.proformas.create(header, lines)
            mine["proformas"].append(pid)
            number = core.proformas.get(pid)["number"]
            say(step="done", op=op, label=label, entity="proformas", id=pid,
                values={"notes": label}, lines=len(lines), total=total_of(lines),
                number=number)
        elif op == "edit_proforma":
            pid = rng.choice(mine["proformas"])
            lines = proforma_lines(rng, label)
            values = {"notes": label}
            say(step="try", op=op, label=label, entity="proformas", id=pid, values=values,
                lines=len(lines), total=total_of(lines))
            core.proformas.update(pid, values, lines)
            say(step="done", op=op, label=label, entity="proformas", id=pid, values=values,
                lines=len(lines), total=total_of(lines))
        elif op == "ticket":
            values: dict[str, Any] = {"subject": label}
            if mine["contacts"]:
                values["contact_id"] = rng.choice(mine["contacts"])
            say(step="try", op=op, label=label)
            tid = core.tickets.create(values)
            mine["tickets"].append(tid)
            number = core.tickets.get(tid)["number"]
            say(step="done", op=op, label=label, entity="tickets", id=tid,
                values={"subject": label, "priority": "normal"}, number=number)
        elif op == "edit_ticket":
            tid = rng.choice(mine["tickets"])
            values = {"subject": label, "priority": rng.choice(["low", "normal", "high"])}
            say(step="try", op=op, label=label, entity="tickets", id=tid, values=values)
            core.tickets.update(tid, values)
            say(step="done", op=op, label=label, entity="tickets", id=tid, values=values)
        else:
            due = datetime(2026, 12, 1, 6, tzinfo=UTC) + timedelta(hours=rng.randint(0, 500))
            values = {"kind": "call", "subject": label, "due_at": due.isoformat()}
            if mine["contacts"]:
                values["contact_id"] = rng.choice(mine["contacts"])
            say(step="try", op=op, label=label)
            aid = core.activities.create({**values, "due_at": due})
            mine["activities"].append(aid)
            say(step="done", op=op, label=label, entity="activities", id=aid,
                values={"subject": label})


def serve() -> None:
    """`writer.py --serve`: the modules are imported once, then each line on stdin starts
    a writer in a forked process of its own ("run DB SEED NAME OUT": its lines go to the
    file OUT; the pid is answered) or waits for one to end ("wait PID": its wait status).
    The crash tests kill dozens of writers; importing the program for each would take
    most of the test's time. Nothing is opened before the fork: each child opens the
    database itself, as a program does."""
    for command in sys.stdin:
        word, *args = command.rstrip("\n").split("\t")
        if word == "run":
            pid = os.fork()
            if pid == 0:
                out = os.open(args[3], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                os.dup2(out, 1)
                code = 0
                try:
                    main(args[:3])
                except BaseException:
                    traceback.print_exc()
                    code = 1
                finally:
                    os._exit(code)
            answer = pid
        else:
            answer = os.waitpid(int(args[0]), 0)[1]
        sys.stdout.write(f"{answer}\n")
        sys.stdout.flush()


def main(argv: list[str]) -> None:
    path, seed, name = argv[0], int(argv[1]), argv[2]
    count = int(argv[3]) if len(argv) > 3 else None
    core = Core.open(path)
    writer = Writer(core, random.Random(seed), name)
    if count is None:
        # killed and started again and again on one file: go on editing what the earlier
        # runs made (they reported it all; the writers run one after the other)
        writer.mine["contacts"] = core.contacts.list_ids()
        writer.mine["proformas"] = core.proformas.list_ids()
        writer.mine["tickets"] = core.tickets.list_ids()
    say(step="ready")
    if count is not None:
        sys.stdin.readline()  # "go": two writers start writing together
    while count is None or writer.n < count:
        writer.step()
    core.close()
    say(step="end")


if __name__ == "__main__":
    serve() if sys.argv[1:] == ["--serve"] else main(sys.argv[1:])
