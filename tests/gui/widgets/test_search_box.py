from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from crm_desktop.ui.widgets.search_box import DEFAULT_DEBOUNCE_MS, SearchBox


@pytest.fixture
def box(qtbot: QtBot) -> SearchBox:
    widget = SearchBox()
    qtbot.addWidget(widget)
    return widget


def test_defaults(english: QLocale, box: SearchBox) -> None:
    assert box.objectName() == "searchBox"
    # the clear button is made with the first text (an empty box never shows it)
    assert not box.isClearButtonEnabled() and len(box.actions()) == 1
    box.setText("علی")
    assert box.isClearButtonEnabled()
    box.clear()
    assert box.isClearButtonEnabled()  # made once, kept
    assert box.placeholderText() == "Search…"
    assert box.debounceInterval() == DEFAULT_DEBOUNCE_MS == 150
    icons = [a for a in box.actions() if a.objectName() == "searchBoxSearchAction"]
    assert len(icons) == 1
    assert not icons[0].icon().isNull()


def debounce_timer(box: SearchBox) -> QTimer:
    timer = box.findChild(QTimer, "searchBoxDebounceTimer")
    assert timer is not None
    return timer


def test_search_is_debounced(persian, box, qtbot, type_text, monkeypatch) -> None:
    timer = debounce_timer(box)
    assert timer.isSingleShot() and timer.interval() == DEFAULT_DEBOUNCE_MS
    started_at: list[str] = []  # the text each time the timer was (re)started
    start = timer.start
    monkeypatch.setattr(timer, "start", lambda *a: (started_at.append(box.text()), start(*a)))
    seen: list[str] = []
    box.searchRequested.connect(seen.append)
    with qtbot.waitSignal(box.searchRequested, timeout=2000) as blocker:
        type_text(box, "علی رضا")
        assert seen == []  # nothing while typing: every key only restarts the timer
        assert started_at == ["علی رضا"[:n] for n in range(1, 8)]
        assert timer.isActive()
    assert blocker.args == ["علی رضا"]
    assert seen == ["علی رضا"]  # once, for the last edit only
    assert not timer.isActive()


def test_debounce_interval_is_settable(english, box, qtbot) -> None:
    box.setDebounceInterval(10)
    assert box.debounceInterval() == 10
    with qtbot.waitSignal(box.searchRequested, timeout=1000) as blocker:
        qtbot.keyClicks(box, "acme")
    assert blocker.args == ["acme"]
    with pytest.raises(ValueError):
        box.setDebounceInterval(-1)


def test_enter_searches_at_once(english, box, qtbot) -> None:
    box.setDebounceInterval(10_000)
    qtbot.keyClicks(box, "acme")
    with qtbot.waitSignal(box.searchRequested, timeout=100) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert blocker.args == ["acme"]


def test_escape_clears_and_searches_for_everything(english, box, qtbot) -> None:
    box.setText("acme")
    with qtbot.waitSignal(box.searchRequested, timeout=100) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == ""
    assert blocker.args == [""]


def test_escape_on_an_empty_box_is_left_to_the_parent(english, qtbot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = SearchBox(dialog)
    box.setText("acme")
    with qtbot.assertNotEmitted(dialog.rejected):
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # the first Esc clears the box
    assert box.text() == ""
    with (qtbot.assertNotEmitted(box.searchRequested),
          qtbot.waitSignal(dialog.rejected, timeout=1000)):
        qtbot.keyClick(box, Qt.Key.Key_Escape)  # the second one closes the dialog


def test_same_query_again_is_not_repeated(english, box, qtbot) -> None:
    box.setDebounceInterval(10)
    timer = debounce_timer(box)
    with qtbot.waitSignal(box.searchRequested, timeout=1000):
        box.setText("acme")
    with qtbot.assertNotEmitted(box.searchRequested):
        box.setText("acmex")
        box.setText("acme")
        assert timer.isActive()
        qtbot.waitUntil(lambda: not timer.isActive(), timeout=1000)  # the timer went off
    assert box.text() == "acme"


def test_clicking_the_search_icon_searches_at_once(any_language, box, qtbot) -> None:
    box.setDebounceInterval(10_000)
    box.setText("acme")
    icon = next(a for a in box.actions() if a.objectName() == "searchBoxSearchAction")
    with qtbot.waitSignal(box.searchRequested, timeout=100) as blocker:
        icon.trigger()
    assert blocker.args == ["acme"]
