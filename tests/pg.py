"""Test databases on a PostgreSQL server (the `--pg` run and the `both_backends` fixture).

The server is CRM_TEST_PG (e.g. postgresql://crm@127.0.0.1:55432/postgres: a role that may
create databases). Once per test session (per xdist worker) a template database is created,
migrated to the head and given what the first opening writes (the first administrator,
the pipeline, the default rules); every test gets a fresh copy (CREATE DATABASE ... TEMPLATE, a
file copy on the server: far cheaper than running the migrations), dropped after the test.
Database names start with CRM_TEST_PG_PREFIX ("crmtest" unless set) and carry the process
id, so that several test runs share one server without meeting."""

from __future__ import annotations

import itertools
import os
from typing import Any

ENV_SERVER = "CRM_TEST_PG"
ENV_BACKEND = "CRM_TEST_BACKEND"


def server_url() -> str | None:
    return os.environ.get(ENV_SERVER) or None


class PgServer:
    """The server's maintenance connection (autocommit), the template and the copies."""

    def __init__(self, url: str, worker: str):
        from sqlalchemy import create_engine

        from crm_desktop.db.location import parse_location

        self.base = parse_location(url)
        prefix = os.environ.get("CRM_TEST_PG_PREFIX", "crmtest")
        self.stem = f"{prefix}_{os.getpid()}_{worker}".lower()
        self.admin = create_engine(self.base.url(), isolation_level="AUTOCOMMIT",
                                   pool_size=1, max_overflow=0)
        self.template: str | None = None
        self._numbers = itertools.count(1)
        self._made: set[str] = set()

    def _execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def url(self, name: str) -> str:
        from dataclasses import replace

        return replace(self.base, name=name).url()

    def _template(self) -> str:
        """The migrated template (made on first use)."""
        if self.template is None:
            from crm_desktop.db.migrate import open_database
            from crm_desktop.services.setup import ensure_defaults

            name = f"{self.stem}_template"
            self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            self._execute(f'CREATE DATABASE "{name}"')
            self._made.add(name)
            db = open_database(self.url(name))
            try:
                # the first administrator, the pipeline and the default rules, as the
                # first Core.open writes them: each copy then opens with reads only
                ensure_defaults(db)
            finally:
                db.close()
            self.template = name
        return self.template

    def fresh(self) -> str:
        """A new database at the head of the migrations, empty; its name."""
        template = self._template()
        name = f"{self.stem}_{next(self._numbers)}"
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        self._made.add(name)
        return name

    def empty(self, icu_locale: str | None = None) -> str:
        """A new database with no schema at all (for tests of the migrations themselves);
        with `icu_locale` (e.g. "fa-IR"), one whose default collation is that language's
        (as a server set up for Persian would have), not code-point order."""
        name = f"{self.stem}_{next(self._numbers)}"
        if icu_locale:
            self._execute(f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu '
                          f"ICU_LOCALE '{icu_locale}' LOCALE 'C.UTF-8'")
        else:
            self._execute(f'CREATE DATABASE "{name}"')
        self._made.add(name)
        return name

    def drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._made.discard(name)

    def close(self) -> None:
        for name in list(self._made):
            self.drop(name)
        self.admin.dispose()


def worker_id(config: Any) -> str:
    return getattr(config, "workerinput", {}).get("workerid", "main")
