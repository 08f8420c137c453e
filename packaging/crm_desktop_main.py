"""The frozen program's entry point (PyInstaller, packaging/crm-desktop.spec): the same as
the `crm-desktop` command of a pip install (crm_desktop.cli:main)."""

from crm_desktop.cli import main

if __name__ == "__main__":
    main()
