"""The design system: tokens, the style sheet, the palette following the system's dark mode,
the Display settings, and the tinted icons (all shipped, none missing)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from crm_desktop import app as app_module
from crm_desktop.resources import resource_path
from crm_desktop.ui.screen_fit import FittingStyle
from crm_desktop.ui.theme import icons, palette, stylesheet, tokens
from crm_desktop.ui.ui_settings import UiSettings

PACKAGE = Path(app_module.__file__).resolve().parent


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[QApplication]:
    """A test that applies a theme leaves the application as it found it."""
    sheet, pal, font, style = qapp.styleSheet(), QPalette(qapp.palette()), qapp.font(), \
        qapp.style().name()
    # another test may have set a style of its own since a theme was last applied: the
    # test applies Fusion itself
    qapp.setProperty("crmFusion", None)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(pal)
    qapp.setFont(font)
    qapp.setStyle(style)
    qapp.setProperty("crmTheme", None)
    qapp.setProperty("crmTextSize", None)
    qapp.setProperty("crmFusion", None)



# -- tokens and the style sheet ----------------------------------------------------------
def test_every_colour_has_a_light_and_a_dark_value_and_a_comment() -> None:
    hex_colour = re.compile(r"^#[0-9a-f]{6}$")
    for name, c in tokens.COLORS.items():
        assert hex_colour.match(c.light) and hex_colour.match(c.dark), name
        assert c.comment.strip(), name
    assert tokens.colors("light").keys() == tokens.colors("dark").keys()
    # the two themes differ where it matters
    for name in ("window", "surface", "text"):
        assert tokens.color(name, "light") != tokens.color(name, "dark")
    for chip in ("neutral", "info", "warning", "success", "danger", "special"):
        assert f"chip_{chip}" in tokens.COLORS and f"chip_{chip}_text" in tokens.COLORS


def test_spacing_is_a_4px_scale_and_fonts_grow_with_the_text_size() -> None:
    assert all(v % 4 == 0 for k, v in tokens.SPACING.items() if k != "xxs")
    for name in ("title", "section", "body", "caption"):
        sizes = [tokens.font_size(name, s) for s in ("normal", "large", "larger")]
        assert sizes == sorted(sizes) and sizes[0] < sizes[2]
    assert tokens.FONT_FAMILY == "Vazirmatn"


@pytest.mark.parametrize("theme", tokens.THEMES)
@pytest.mark.parametrize("text_size", list(tokens.TEXT_SIZES))
def test_the_style_sheet_builds_for_every_theme_and_text_size(theme: str,
                                                              text_size: str) -> None:
    sheet = stylesheet.build(theme, text_size)
    assert "${" not in sheet and "$" not in sheet
    # never the whole widget tree: a global QWidget rule slows every widget down
    assert not re.search(r"(^|[\s,}])QWidget\s*\{", sheet)
    danger = re.search(r'QPushButton\[danger="true"\]\s*\{([^}]*)\}', sheet)
    assert danger and tokens.color("danger", theme) in danger.group(1)
    assert f"font-size: {tokens.font_size('title', text_size)}pt" in sheet
    assert tokens.color("surface", theme) in sheet


def test_an_unknown_text_size_is_refused() -> None:
    with pytest.raises(ValueError):
        stylesheet.build("light", "huge")


# -- the system's dark mode and the user's choice -----------------------------------------
def test_the_theme_follows_the_system_by_default(restore_look, settings, monkeypatch) -> None:
    assert settings.theme == "system" and settings.text_size == "normal"
    monkeypatch.setattr(palette, "system_theme", lambda: "dark")
    assert app_module.apply_theme(restore_look, settings) == "dark"
    assert restore_look.palette().color(QPalette.ColorRole.Window) == \
        QColor(tokens.color("window", "dark"))
    assert tokens.color("surface", "dark") in restore_look.styleSheet()
    sheet = restore_look.styleSheet()
    restore_look.setStyleSheet("")  # the style under the style sheet: Fusion, fitting dialogs
    style = restore_look.style()
    assert isinstance(style, FittingStyle) and style.baseStyle().name().lower() == "fusion"
    restore_look.setStyleSheet(sheet)
    monkeypatch.setattr(palette, "system_theme", lambda: "light")
    assert app_module.apply_theme(restore_look, settings) == "light"


def test_an_explicit_choice_overrides_the_system(restore_look, settings, monkeypatch) -> None:
    monkeypatch.setattr(palette, "system_theme", lambda: "dark")
    settings.theme = "light"
    assert app_module.apply_theme(restore_look, settings) == "light"
    assert restore_look.palette().color(QPalette.ColorRole.Base) == \
        QColor(tokens.color("surface", "light"))
    settings.theme = "dark"
    monkeypatch.setattr(palette, "system_theme", lambda: "light")
    assert app_module.apply_theme(restore_look, settings) == "dark"


def test_a_system_switch_is_followed_only_when_the_choice_is_system(restore_look,
                                                                    monkeypatch) -> None:
    monkeypatch.setattr(palette, "system_theme", lambda: "light")
    follower = palette.install(restore_look, "system", "normal")
    assert palette.current_theme() == "light"
    monkeypatch.setattr(palette, "system_theme", lambda: "dark")
    follower._system_changed(Qt.ColorScheme.Dark)
    assert palette.current_theme() == "dark"
    follower.set_choice("light", "normal")
    follower._system_changed(Qt.ColorScheme.Dark)
    assert palette.current_theme() == "light"
    # one follower per application
    assert palette.install(restore_look, "light", "large") is follower


def test_the_text_size_sets_the_application_font(restore_look, monkeypatch) -> None:
    palette.apply(restore_look, "light", "larger")
    assert restore_look.font().pointSizeF() == pytest.approx(tokens.font_size("body", "larger"))
    assert palette.current_text_size() == "larger"
    palette.apply(restore_look, "light", "normal")
    assert restore_look.font().pointSizeF() == pytest.approx(tokens.FONT_SIZES["body"])


def test_preferences_are_remembered_and_bad_values_refused(settings) -> None:
    settings.theme = "dark"
    settings.text_size = "large"
    settings.sidebar_collapsed = True
    settings.sync()
    again = UiSettings(QSettings(settings._s.fileName(), QSettings.Format.IniFormat))
    assert (again.theme, again.text_size, again.sidebar_collapsed) == ("dark", "large", True)
    with pytest.raises(ValueError):
        settings.theme = "sepia"
    with pytest.raises(ValueError):
        settings.text_size = "tiny"
    settings._s.setValue("display/theme", "garbage")
    assert settings.theme == "system"


def test_display_settings_store_and_apply_the_choice(qtbot: QtBot, restore_look, settings,
                                                     monkeypatch) -> None:
    from crm_desktop.ui.views.settings_display import DisplaySettings

    monkeypatch.setattr(palette, "system_theme", lambda: "light")
    group = DisplaySettings(settings)
    qtbot.addWidget(group)
    assert group.theme.currentData() == "system"
    group.theme.setCurrentIndex(group.theme.findData("dark"))
    assert settings.theme == "dark" and palette.current_theme() == "dark"
    group.text_size.setCurrentIndex(group.text_size.findData("large"))
    assert settings.text_size == "large" and palette.current_text_size() == "large"
    group.theme.setCurrentIndex(group.theme.findData("system"))
    assert settings.theme == "system" and palette.current_theme() == "light"


# -- icons ----------------------------------------------------------------------------
def _icon_names_in_code() -> set[str]:
    """Every icon name the code asks for: icons.icon(...)/icons.dress(...) arguments,
    EmptyState.over(view, "name", ...), `empty_icon = "..."` and the side bar's icons."""
    from crm_desktop.ui.widgets.sidebar import SECTION_ICONS

    names: set[str] = set(SECTION_ICONS.values())

    def strings(node: ast.AST) -> list[str]:
        return [n.value for n in ast.walk(node)
                if isinstance(n, ast.Constant) and isinstance(n.value, str)]

    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                owner = node.func.value
                if (isinstance(owner, ast.Name) and owner.id == "icons"
                        and node.func.attr in ("icon", "dress")):
                    args = node.args[:2] if node.func.attr == "icon" else node.args[1:2]
                    for arg in args:
                        names.update(strings(arg))
                if (isinstance(owner, ast.Name) and owner.id == "EmptyState"
                        and node.func.attr == "over" and len(node.args) > 1):
                    names.update(strings(node.args[1]))
            if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                    and node.target.id == "empty_icon" and node.value is not None):
                names.update(strings(node.value))
    return names - set(tokens.COLORS)


def test_every_icon_the_code_uses_is_shipped_and_nothing_else() -> None:
    used = _icon_names_in_code()
    shipped = {p.stem for p in resource_path("icons").glob("*.svg")}
    assert {"plus", "trash", "users", "device-floppy", "file-type-pdf"} <= used
    assert used - shipped == set(), "icons used but not shipped"
    assert shipped - used == set(), "icons shipped but never used"
    licence = resource_path("icons", "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Paweł Kuna" in licence


def _opaque_colours(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(QSize(24, 24), mode).toImage()
    return {image.pixelColor(x, y).name() for x in range(image.width())
            for y in range(image.height()) if image.pixelColor(x, y).alpha() == 255}


@pytest.mark.parametrize("theme", tokens.THEMES)
def test_icons_are_tinted_to_the_theme(restore_look, theme: str) -> None:
    palette.apply(restore_look, theme)
    assert _opaque_colours(icons.icon("users")) == {tokens.color("text", theme)}
    assert _opaque_colours(icons.icon("trash", "danger")) == {tokens.color("danger", theme)}
    assert _opaque_colours(icons.icon("users"), QIcon.Mode.Disabled) == \
        {tokens.color("text_disabled", theme)}


def test_a_missing_icon_is_an_error_not_a_blank() -> None:
    with pytest.raises(FileNotFoundError):
        icons.icon("no-such-icon")


def test_directional_icons_are_mirrored_right_to_left(qapp: QApplication) -> None:
    assert icons.is_directional("chevron-left") and not icons.is_directional("users")

    def image(name: str, direction: Qt.LayoutDirection):
        qapp.setLayoutDirection(direction)
        try:
            return icons.icon(name).pixmap(QSize(24, 24)).toImage()
        finally:
            qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

    ltr = image("chevron-left", Qt.LayoutDirection.LeftToRight)
    rtl = image("chevron-left", Qt.LayoutDirection.RightToLeft)
    assert rtl != ltr
    assert rtl == ltr.flipped(Qt.Orientation.Horizontal)
    # a non-directional icon stays as drawn
    assert image("users", Qt.LayoutDirection.RightToLeft) == \
        image("users", Qt.LayoutDirection.LeftToRight)


# -- the screenshots command ------------------------------------------------------------
@pytest.mark.parametrize("theme", [None, "light", "dark"])
def test_screenshots_take_a_theme(tmp_path: Path, core, monkeypatch, theme: str | None) -> None:
    from crm_desktop import cli
    from crm_desktop.ui import screenshots

    seen: list[tuple[str, str | None]] = []
    monkeypatch.setattr(screenshots, "render_all",
                        lambda out, db, lang, theme=None: seen.append((lang, theme)) or [])
    argv = ["screenshots", str(tmp_path / "shots"), "--db", str(core.db.path), "--lang", "en"]
    args = cli.build_parser().parse_args(argv + (["--theme", theme] if theme else []))
    assert args.func(args) == 0
    assert seen == [("en", theme)]


def test_screenshots_refuse_an_unknown_theme(tmp_path: Path) -> None:
    from crm_desktop import cli

    with pytest.raises(cli.UsageError, match="sepia"):
        cli.build_parser().parse_args(["screenshots", str(tmp_path), "--theme", "sepia"])
