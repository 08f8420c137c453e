"""The Persian translation (Qt Linguist) is complete, compiled and loadable.

translations/crm_desktop_fa.ts is kept with
    pyside6-lupdate -extensions py crm_desktop -ts translations/crm_desktop_fa.ts -no-obsolete
and compiled with
    pyside6-lrelease translations/crm_desktop_fa.ts -qm translations/crm_desktop_fa.qm
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
TS = TRANSLATIONS / "crm_desktop_fa.ts"
QM = TRANSLATIONS / "crm_desktop_fa.qm"
REFRESH = (
    "run `pyside6-lupdate -extensions py crm_desktop -ts translations/crm_desktop_fa.ts "
    "-no-obsolete`, translate the unfinished messages, then `pyside6-lrelease "
    "translations/crm_desktop_fa.ts -qm translations/crm_desktop_fa.qm`"
)
# {n}, {name}, ... as the code fills them in with str.replace, and Qt's own %n, %1, %L1
PLACEHOLDER = re.compile(r"\{[^{}\s]*\}|%L?\d+|%n")


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.is_file() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found beside {sys.executable} nor on PATH")
    return found


def _run(*args: str) -> None:
    done = subprocess.run(args, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, f"{args[0]} failed:\n{done.stdout}\n{done.stderr}"


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation>) of every message in a .ts file."""
    root = ET.parse(ts).getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: {message.findtext('source')!r}"
            out.append((name, message.findtext("source") or "", translation))
    return out


def _text(translation: ET.Element) -> str:
    """The translated text; plural messages keep theirs in <numerusform> children."""
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return "".join(forms) if forms else (translation.text or "")


def test_ts_file_is_persian_from_english() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "fa_IR"
    assert root.get("sourcelanguage") == "en"


def test_every_string_in_the_code_is_translated(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copyfile(TS, copy)
    _run(_tool("pyside6-lupdate"), "-silent", "-extensions", "py", str(ROOT / "crm_desktop"),
         "-ts", str(copy), "-no-obsolete")

    updated = _messages(copy)
    unfinished = sorted(
        (context, source)
        for context, source, translation in updated
        if translation.get("type") in {"unfinished", "obsolete", "vanished"}
        or not _text(translation).strip()
    )
    assert not unfinished, f"untranslated messages: {unfinished}; {REFRESH}"

    in_code = {(context, source) for context, source, _ in updated}
    committed = {(context, source) for context, source, _ in _messages(TS)}
    assert in_code - committed == set(), f"new strings in the code; {REFRESH}"
    assert committed - in_code == set(), f"strings no longer in the code; {REFRESH}"


def test_compiled_translation_is_current(tmp_path: Path) -> None:
    fresh = tmp_path / QM.name
    _run(_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(fresh))
    assert QM.is_file(), f"{QM} is missing; {REFRESH}"
    assert QM.read_bytes() == fresh.read_bytes(), f"{QM.name} is older than {TS.name}; {REFRESH}"


@pytest.mark.parametrize("message", _messages(TS), ids=lambda m: f"{m[0]}:{m[1][:40]}")
def test_placeholders_survive(message: tuple[str, str, ET.Element]) -> None:
    _context, source, translation = message
    text = _text(translation)
    assert sorted(set(PLACEHOLDER.findall(text))) == sorted(set(PLACEHOLDER.findall(source)))


def test_persian_letters_not_arabic() -> None:
    """Arabic yeh and kaf (ي ك) look alike but break search and sorting: Persian ی ک only."""
    wrong = [(c, s) for c, s, t in _messages(TS) if re.search("[\u064a\u0643]", _text(t))]
    assert wrong == []


def test_persian_translation_loads() -> None:
    translator = QTranslator()
    assert translator.load("crm_desktop_fa", str(TRANSLATIONS))
    assert translator.language() == "fa_IR"
    assert translator.translate("MainWindow", "Contacts") == "مخاطبان"
    assert translator.translate("MainWindow", "Settings") == "تنظیمات"
    assert translator.translate("Labels", "Lead") == "سرنخ"
