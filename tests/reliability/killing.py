"""Run the writer (writer.py) in a process of its own and kill it with SIGKILL at a random
moment; shared by the crash test and bench/bench_kill.py."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.reliability.ledger import Ledger

WRITER = Path(__file__).with_name("writer.py")
ROOT = Path(__file__).resolve().parents[2]


def start_writer(path: Path, seed: int, name: str, count: int | None = None
                 ) -> subprocess.Popen[str]:
    """A writer in a new interpreter (the two-process test): its lines on its stdout;
    it writes once it has read a line on its stdin."""
    args = [sys.executable, str(WRITER), str(path), str(seed), name]
    if count is not None:
        args.append(str(count))
    return subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT)


class Forker:
    """`writer.py --serve`: starts writers by forking a process that has the program
    imported already (a writer is ready in milliseconds instead of seconds)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, str(WRITER), "--serve"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def _ask(self, *words: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\t".join(words) + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def run(self, path: Path, seed: int, name: str, out: Path) -> int:
        return self._ask("run", str(path), str(seed), name, str(out))

    def wait(self, pid: int) -> int:
        """The wait status of writer `pid` once it has ended."""
        return self._ask("wait", str(pid))

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)

    def __enter__(self) -> Forker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def kill_once(forker: Forker, path: Path, rng: random.Random, ledger: Ledger, name: str,
              max_delay: float = 0.05) -> None:
    """Start a writer on `path`, let it report a random number of writes (seeded), wait a
    random moment more, SIGKILL it, and add what it reported to `ledger`. (Counting writes
    rather than waiting a set time: a loaded machine writes slower, not less.)"""
    out = path.with_name(f"{name}.out")
    pid = forker.run(path, rng.randrange(2**31), name, out)
    writes = rng.randint(0, 6)
    deadline = time.monotonic() + 60
    while True:
        text = out.read_text(encoding="utf-8") if out.exists() else ""
        if '"ready"' in text and text.count('"done"') >= writes:
            break
        assert time.monotonic() < deadline, f"the writer did not write: {text}"
        time.sleep(0.002)
    time.sleep(rng.uniform(0, max_delay))
    os.kill(pid, signal.SIGKILL)
    status = forker.wait(pid)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
        f"the writer ended before it was killed (status {status}): see its error above")
    ledger.read(out.read_text(encoding="utf-8"))
