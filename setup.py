"""The wheel carries the program's data files under crm_desktop/_data/ (read through
crm_desktop/resources.py): the fonts, icons and app icon of the repository's resources/ and
the compiled translations of translations/*.qm. They stay at the repository's root, where
the translators' commands (pyside6-lupdate/lrelease) and the tests expect them; this copies
them into the build. Everything else is declared in pyproject.toml."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
#: (folder at the repository's root, file patterns taken from it)
DATA = (("resources", ("**/*",)), ("translations", ("*.qm",)))


class build_py_with_data(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the repository's folders themselves
        target = Path(self.build_lib) / "crm_desktop" / "_data"
        shutil.rmtree(target, ignore_errors=True)  # no file left over from an earlier build
        for folder, patterns in DATA:
            for pattern in patterns:
                for source in sorted((ROOT / folder).glob(pattern)):
                    if source.is_file() and "__pycache__" not in source.parts:
                        dest = target / source.relative_to(ROOT)
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(source, dest)


setup(cmdclass={"build_py": build_py_with_data})
