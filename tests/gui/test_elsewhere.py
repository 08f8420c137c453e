"""The window notices what another program wrote to its database and refreshes its views
(a light timer over SQLite's data_version); its own writes are not counted again."""

from __future__ import annotations

from crm_desktop.db.migrate import open_database
from crm_desktop.services.contacts import ContactService


def test_another_programs_contact_appears_in_the_open_list(controller, qtbot,
                                                           monkeypatch) -> None:
    window = controller.window
    # the fixture's window is not shown (offscreen windows log warnings): say it is
    monkeypatch.setattr(window, "isVisible", lambda: True)
    view = window.show_section("contacts")
    assert view.model.rowCount() == 0
    refreshed: list[list[str]] = []
    window.ops.changed.connect(refreshed.append)
    # our own write: the program refreshed for it already, the watcher does not again
    window.core.contacts.create({"last_name": "از همین پنجره"})
    assert window.elsewhere.check() is False
    # a second program on the same file (with --pg: another desk on the server)
    other = open_database(window.core.db.path or window.core.db.location)
    try:
        ContactService(other, None).create({"last_name": "از برنامهٔ دیگر"})
    finally:
        other.close()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=15_000)
    names = {view.model.data(view.model.index(r, 0)) for r in range(2)}
    assert any("از برنامهٔ دیگر" in n for n in names), names
    assert refreshed == [[]]  # one refresh of everything, by the timer


def test_a_hidden_window_does_not_look(controller) -> None:
    window = controller.window
    other = open_database(window.core.db.path or window.core.db.location)
    try:
        ContactService(other, None).create({"last_name": "دیگری"})
    finally:
        other.close()
    assert not window.isVisible()
    assert window.elsewhere.check() is False
    assert window.elsewhere.timer.interval() <= 5000


def test_a_change_elsewhere_forgets_the_cached_permissions(controller, monkeypatch) -> None:
    """Another program may have changed a role or the permission table: the window's lists
    ask the database again instead of the process's cache."""
    window = controller.window
    monkeypatch.setattr(window, "isVisible", lambda: True)
    forgotten: list[bool] = []
    monkeypatch.setattr(window.elsewhere.access, "forget", lambda: forgotten.append(True))
    other = open_database(window.core.db.path or window.core.db.location)
    try:
        ContactService(other, None).create({"last_name": "از برنامهٔ دیگر"})
    finally:
        other.close()
    assert window.elsewhere.check() is True
    assert forgotten == [True]
