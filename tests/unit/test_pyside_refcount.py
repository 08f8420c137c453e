"""PySide6 6.12.0 on Python < 3.12 drops a reference to None on every void call, and the
process dies with "Fatal Python error: none_dealloc" after a few thousand calls. The
dependency pin keeps 6.12 away; this test fails if a broken build comes back."""

from __future__ import annotations

import sys

CALLS = 20_000


def test_void_qt_calls_do_not_leak_none(qapp) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        widget.update()
    after = sys.getrefcount(None)
    # immortal None (3.12+) reports a constant; otherwise allow a little noise
    assert after >= before - 50, f"None lost {before - after} references in {CALLS} calls"
