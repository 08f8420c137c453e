"""The wheel, built as a user builds it (`pip wheel .`, not editable), carries every data file
the program reads and runs from any folder: it is installed into a fresh virtual environment
and its `crm-desktop` command checks a new database and renders the screens in Persian from
another directory, with the fonts, the translation and the app icon found inside the
installed package (never in this checkout).

Fast for CI: the wheel is built offline with the project's own build backend
(--no-build-isolation; setuptools is a test dependency) and installed with --no-deps; the new
environment sees the already installed dependencies (PySide6 and the rest) through a .pth
file naming this environment's site-packages, so nothing is downloaded. A .pth line only
adds a folder to sys.path: the .pth files inside it (this checkout's editable install) are
not run, so the checkout is not importable there (checked: crm_desktop.__file__)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
import venv
import xml.etree.ElementTree as ET
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: what a source checkout needs to build the wheel (copied, so the build never writes
#: into the checkout and works from the files the repository tracks)
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "crm_desktop",
           "resources", "translations")


def run(args: list[str | Path], *, cwd: Path, env: dict[str, str] | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=timeout, check=False)
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} exited {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return result


def bin_path(env_dir: Path, name: str) -> Path:
    folder = env_dir / ("Scripts" if os.name == "nt" else "bin")
    return folder / (f"{name}.exe" if os.name == "nt" else name)


class Installed:
    def __init__(self, wheel: Path, env_dir: Path, elsewhere: Path, env: dict[str, str]):
        self.wheel, self.env_dir, self.elsewhere, self.env = wheel, env_dir, elsewhere, env
        self.python = bin_path(env_dir, "python")
        self.command = bin_path(env_dir, "crm-desktop")

    def crm(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return run([self.command, *args], cwd=self.elsewhere, env=self.env)

    def python_code(self, code: str) -> subprocess.CompletedProcess[str]:
        return run([self.python, "-c", textwrap.dedent(code)], cwd=self.elsewhere, env=self.env)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    if int(version("setuptools").split(".")[0]) < 77:
        pytest.fail("building the wheel needs setuptools>=77 (the [build-system] and the "
                    "[test] extra ask for it): run pip install -e '.[test]' again")
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.ts"))
        else:
            shutil.copy2(path, source / name)
    out = base / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "-q", "-w", out, source], cwd=base)
    (wheel,) = out.glob("crm_desktop-*.whl")

    env_dir = base / "fresh-venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = bin_path(env_dir, "python")
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                    cwd=base).stdout.strip())
    ours = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    (site / "test-dependencies.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    # --ignore-installed: pip (from the dependencies' folder) also sees this checkout's
    # editable install there and would otherwise call the wheel installed already
    run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "--ignore-installed",
         wheel], cwd=base)

    elsewhere = base / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(base / "home"),
               CRM_DESKTOP_DATA_DIR=str(base / "userdata"),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return Installed(wheel, env_dir, elsewhere, env)


def test_the_wheel_carries_every_data_file_the_program_reads(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    expected = {f"crm_desktop/_data/{p.relative_to(ROOT).as_posix()}"
                for p in (ROOT / "resources").rglob("*") if p.is_file()}
    expected |= {f"crm_desktop/_data/translations/{p.name}"
                 for p in (ROOT / "translations").glob("*.qm")}
    expected |= {f"crm_desktop/{p.relative_to(ROOT / 'crm_desktop').as_posix()}"
                 for p in (ROOT / "crm_desktop/db/migrations").rglob("*.py")}
    assert any(name.endswith(".ttf") for name in expected)
    assert expected - names == set()
    assert not any(name.startswith(("resources/", "translations/", "tests/")) for name in names)


def test_the_installed_program_finds_its_fonts_translation_and_icon(installed: Installed
                                                                    ) -> None:
    probe = installed.python_code("""
        import json, sys
        import crm_desktop
        from crm_desktop import resources
        from crm_desktop.app import create_application
        from PySide6.QtCore import QCoreApplication
        app = create_application("fa", "light")
        print(json.dumps({
            "package": crm_desktop.__file__,
            "fonts": str(resources.resource_path("fonts")),
            "translations": str(resources.translations_dir()),
            "family": app.font().family(),
            "search": QCoreApplication.translate("MainWindow", "Search"),
            "direction": app.layoutDirection().name,
            "icon_sizes": [s.width() for s in app.windowIcon().availableSizes()],
            "icon_16": app.windowIcon().pixmap(16, 16).toImage().pixelColor(8, 2).name(),
        }))
    """)
    found = json.loads(probe.stdout.strip().splitlines()[-1])
    env_dir = str(installed.env_dir.resolve())
    # the program really runs from the wheel installed into the new environment
    for key in ("package", "fonts", "translations"):
        assert str(Path(found[key]).resolve()).startswith(env_dir), (key, found[key])
    assert found["family"] == "Vazirmatn"
    assert found["search"] == persian("MainWindow", "Search")
    assert found["direction"] == "RightToLeft"
    assert set(found["icon_sizes"]) == {16, 24, 32, 48, 64, 128, 256}
    assert found["icon_16"] == "#2f6fde"  # the accent-blue bubble, read from the file


@pytest.fixture(scope="module")
def database(installed: Installed) -> Path:
    """A new database made by the installed program (its migrations run from the wheel)."""
    installed.crm("demo", "--db", "new.sqlite3", "--contacts", "30")
    return installed.elsewhere / "new.sqlite3"


def test_the_installed_command_checks_a_new_database_from_another_folder(
        installed: Installed, database: Path) -> None:
    report = json.loads(installed.crm("check", "--db", database.name, "--json").stdout)
    assert database.is_file()
    assert report["ok"] is True, report
    assert report["schema_current"] is True, report
    assert report["counts"]["contacts"] == 30


def test_the_installed_command_renders_the_screens_in_persian(installed: Installed,
                                                              database: Path) -> None:
    result = installed.crm("screenshots", "shots", "--db", database.name, "--lang", "fa")
    pictures = sorted((installed.elsewhere / "shots").glob("*.png"))
    assert len(pictures) >= 20, result.stdout
    assert f"{len(pictures)} screenshots written" in result.stdout + result.stderr
    assert all(p.stat().st_size > 5000 for p in pictures)
    log = Path(installed.env["CRM_DESKTOP_DATA_DIR"]) / "logs" / "crm-desktop.log"
    text = log.read_text(encoding="utf-8") if log.exists() else ""
    assert "could not be loaded" not in text and "not found in" not in text, text


def persian(context: str, source: str) -> str:
    """The Persian translation of `source` in the translators' file."""
    tree = ET.parse(ROOT / "translations" / "crm_desktop_fa.ts")
    for ctx in tree.getroot().iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == source:
                    return message.findtext("translation") or ""
    raise LookupError((context, source))
