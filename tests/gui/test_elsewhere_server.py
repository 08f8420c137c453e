"""On a PostgreSQL server, the window refreshes when another desk writes (its NOTIFY,
heard by the window's watcher), as it does for another program on a file; its own writes
are not counted again. Needs CRM_TEST_PG (skipped without it)."""

from __future__ import annotations

from crm_desktop.core import Core
from crm_desktop.ui.controller import Controller


def test_another_desks_contact_appears_in_the_open_list(qtbot, ui_lang, settings, pg_server,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.url(pg_server.fresh())
    Core.open(url).close()  # (the database's defaults, as a first desk would make them)
    controller = Controller(settings)
    try:
        assert controller.open(url, show=False)
        window = controller.window
        assert window is not None and window.core.db.dialect == "postgresql"
        monkeypatch.setattr(window, "isVisible", lambda: True)
        view = window.show_section("contacts")
        assert view.model.rowCount() == 0
        refreshed: list[list[str]] = []
        window.ops.changed.connect(refreshed.append)
        window.core.contacts.create({"last_name": "از همین میز"})
        assert window.elsewhere.check() is False  # our own write
        with Core.open(url) as other:  # another desk
            other.contacts.create({"last_name": "از میز دیگر"})
        qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15_000)
        names = {view.model.data(view.model.index(r, 0)) for r in range(2)}
        assert any("از میز دیگر" in n for n in names), names
        assert refreshed == [[]]  # one refresh of everything, by the timer
    finally:
        controller.close()
