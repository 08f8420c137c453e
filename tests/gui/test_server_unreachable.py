"""A server that cannot be reached: the window says so in plain words (Persian here) with
Retry, never "an unexpected error"; Retry runs the action again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from crm_desktop.domain.errors import ServerUnreachable
from tests.gui.test_busy import boxes

Retry = QMessageBox.StandardButton.Retry


def test_an_unreachable_server_asks_to_retry_and_retry_runs_the_write(
        controller, monkeypatch) -> None:
    window = controller.window
    calls: list[int] = []

    def action() -> int:
        calls.append(1)
        if len(calls) == 1:  # the server was away the first time
            raise ServerUnreachable("postgresql://crm@office:5432/crm")
        return controller.core.contacts.create({"last_name": "پس از وصل شدن"})

    seen = boxes(monkeypatch, lambda box: Retry)
    result = window.ops.run(window, action, changes=["contacts"])
    assert [name for name, _text, _buttons in seen] == ["busyBox"]
    _name, text, buttons = seen[0]
    assert "سرور" in text and "office" in text and "ذخیره نشد" in text
    assert "تلاش دوباره" in buttons
    assert len(calls) == 2 and result.ok
    assert controller.core.contacts.get(result.value)["last_name"] == "پس از وصل شدن"
