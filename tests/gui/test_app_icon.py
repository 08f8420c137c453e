"""The program's icon (packaging/icon, rendered into resources/app-icon) is every window's
icon, in every size the platforms draw, and start-up sets it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from crm_desktop.app import APP_ICON_SIZES, set_app_icon

ROOT = Path(__file__).resolve().parents[2]


def test_every_window_shows_the_app_icon_in_every_size(qapp: QApplication, controller) -> None:
    set_app_icon(qapp)
    for icon in (qapp.windowIcon(), controller.window.windowIcon()):
        assert not icon.isNull()
        assert sorted(s.width() for s in icon.availableSizes()) == sorted(APP_ICON_SIZES)
        for size in APP_ICON_SIZES:
            image = icon.pixmap(size, size).toImage()
            assert image.width() == size
            # the bubble is the design system's accent blue; its corner is transparent
            top = image.pixelColor(size // 2, max(2, size // 8))
            assert top.blue() > 190 and top.red() < 80 and top.alpha() == 255, top.name()
            assert image.pixelColor(0, size - 1).alpha() == 0
    assert qapp.desktopFileName() == "crm-desktop"


def test_start_up_sets_the_icon(tmp_path: Path) -> None:
    code = ("import json; from crm_desktop.app import create_application; "
            "app = create_application('en', 'light'); "
            "print(json.dumps([s.width() for s in app.windowIcon().availableSizes()]))")
    env = dict(os.environ, CRM_DESKTOP_DATA_DIR=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True, timeout=120)
    assert sorted(json.loads(result.stdout.splitlines()[-1])) == sorted(APP_ICON_SIZES)


def test_the_desktop_entry_and_the_installers_name_the_icon() -> None:
    entry = (ROOT / "packaging" / "crm-desktop.desktop").read_text(encoding="utf-8")
    assert "\nIcon=crm-desktop\n" in entry
    assert "\nStartupWMClass=crm-desktop\n" in entry
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (ROOT / f"packaging/icon/hicolor/{size}x{size}/apps/crm-desktop.png").is_file()
    ico = (ROOT / "packaging" / "icon" / "crm-desktop.ico").read_bytes()
    count = int.from_bytes(ico[4:6], "little")
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert sizes == {16, 24, 32, 48, 64, 256}
    # the installer and the Windows programs use that .ico
    iss = (ROOT / "packaging" / "windows" / "crm-desktop.iss").read_text(encoding="utf-8-sig")
    (setup_icon,) = [line.split("=", 1)[1] for line in iss.splitlines()
                     if line.startswith("SetupIconFile=")]
    windows = ROOT / "packaging" / "windows"
    assert (windows / setup_icon.replace("\\", "/")).resolve() == \
        (ROOT / "packaging" / "icon" / "crm-desktop.ico")
    spec = (ROOT / "packaging" / "crm-desktop.spec").read_text(encoding="utf-8")
    assert 'ICON = ROOT / "packaging" / "icon" / f"{NAME}.ico"' in spec
