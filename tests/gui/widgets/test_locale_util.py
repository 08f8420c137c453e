from __future__ import annotations

from PySide6.QtCore import QLocale

from crm_desktop.ui.widgets.locale_util import is_persian, ui_lang


def test_persian(persian: QLocale) -> None:
    assert is_persian()
    assert ui_lang() == "fa"


def test_english(english: QLocale) -> None:
    assert not is_persian()
    assert ui_lang() == "en"


def test_fixture_restores_the_previous_default(persian: QLocale) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    assert not is_persian()
    QLocale.setDefault(before)
    assert is_persian()
