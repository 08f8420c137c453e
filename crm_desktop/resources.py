"""Where the program's data files are: fonts, icons, compiled translations (no Qt).

In a source checkout (and an editable install) they are the repository's `resources/`
and `translations/`; a built wheel (setup.py) and the PyInstaller bundle
(packaging/crm-desktop.spec) carry copies under `crm_desktop/_data/`.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _root(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def resource_path(*parts: str) -> Path:
    """A file under resources/, e.g. resource_path("fonts", "Vazirmatn-Regular.ttf")."""
    return _root("resources").joinpath(*parts)


def translations_dir() -> Path:
    return _root("translations")
