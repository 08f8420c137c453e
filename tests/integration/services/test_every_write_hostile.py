"""Every write the services offer, fed hostile input: text from every Unicode category
(surrogates and control characters included), huge and negative integers, 2**63, floats,
NaN, every date edge (date.min/max, datetime.min/max with offsets), wrong types.

The only exceptions allowed are the project's own (CrmError subclasses), and the database
passes `crm-desktop check` afterwards. The services and their fields are discovered from
Core and each service's `fields`; the other public methods are listed below as writes
(exercised here), reads or not offered, so that a new method fails
`test_every_public_method_is_listed` until it is placed (and, if it writes, exercised).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.core import Core
from crm_desktop.domain import enums
from crm_desktop.domain.clock import today as business_today
from crm_desktop.domain.errors import CrmError
from crm_desktop.services import fields as f
from crm_desktop.services.base import EntityService, ListQuery
from crm_desktop.services.campaigns import SEGMENTS
from crm_desktop.services.maintenance import check
from crm_desktop.services.proformas import LINE_FIELDS
from crm_desktop.services.recurrence import Rule
from crm_desktop.text.money import MAX_RIALS
from tests.integration.services.service_methods import NO_TRASH, READS, public_methods, services

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))

#: public methods per Core attribute. WRITES are exercised below; READS only read; NOT
#: OFFERED are inherited but not part of that service (no Trash: delete/restore raise
#: TypeError, a programming error) or internal (take a Session, store raw JSON).
WRITES: dict[str, set[str]] = {
    "access": {"set_role_permissions"},
    "auth": {"sign_in", "begin_setup", "complete_setup", "set_single_user",
             "change_own_password", "reset_password"},
    "users": {"create", "update", "set_password"},
    "contacts": {"create", "update", "delete", "restore", "restore_many", "set_tags"},
    "accounts": {"create", "update", "delete", "restore", "restore_many"},
    "products": {"create", "update"},
    "stages": {"create", "update", "reorder", "remove"},
    "deals": {"create", "update", "delete", "restore", "restore_many", "move"},
    "settings": {"set_vat_rate", "set_display_unit", "set_company", "set_logo", "set_sla",
                 "set_profile", "set_time_zone", "set_rfm_window_years", "set_sending"},
    "activities": {"create", "update", "delete", "complete", "reopen", "skip_occurrence"},
    "tickets": {"create", "update", "delete", "restore", "restore_many", "close", "reopen",
                "add_comment"},
    "lists": {"create", "update", "delete", "add_members", "remove_members"},
    "campaigns": {"create", "update", "add_members_from_targets", "set_member_status",
                  "set_members_status", "add_target", "remove_target"},
    "proformas": {"create", "update", "set_status"},
    "outbox": {"save_message", "queue", "retry", "cancel", "recover_interrupted", "send_due",
               "export_file", "confirm_file"},
    "search": set(),
    "timeline": set(),
    "kpis": set(),
    "rfm": {"recompute"},
    "imports": {"run", "undo_last"},
    "duplicates": set(),
    "merging": {"merge"},
    "club": {"set_settings", "adjust", "redeem", "redeem_on_proforma", "expire", "recompute",
             "award_birthdays"},
    "club_ledger": set(),
    "club_members": set(),
    "automation": {"create_rule", "update_rule", "set_enabled", "delete_rule", "run"},
    "automation_log": set(),
    "replies": {"record", "import_file"},
    "backups": {"set_settings", "make"},
    "audit_log": set(),  # the audit log is read only: it cannot be edited from the program
}
NOT_OFFERED: dict[str, set[str]] = {
    "stages": {"ensure_defaults"},  # takes the caller's Session
    "settings": {"set"},  # the raw JSON store under the setters
}
for _name, _method in NO_TRASH:
    NOT_OFFERED.setdefault(_name, set()).add(_method)


# -- hostile values ---------------------------------------------------------------------------
every_char = st.characters(codec=None, exclude_categories=())
hostile_text = st.one_of(
    st.text(every_char, max_size=30),
    st.sampled_from(["", " ", "\x00", "\ud800", "a\udfffb", "\u202e", "x" * 300,
                     "۹" * 40, "-1", "1e400", "NaN", "0001-01-01", "9999-12-31",
                     "1405/13/40", "9999-12-31T23:59:59+14:00", "۱۴۰۵/۰۹/۰۱"]),
)
edge_ints = st.sampled_from([2**63, 2**63 - 1, -(2**63) - 1, 2**64, 10**30, -1, 0, 1, 2, 3,
                             MAX_RIALS, MAX_RIALS + 1])
edge_dates = st.sampled_from([date.min, date.max, f.DATE_MIN, f.DATE_MAX,
                              f.DATE_MIN - timedelta(days=1), f.DATE_MAX + timedelta(days=1)])
offsets = st.builds(lambda m: timezone(timedelta(minutes=m)), st.integers(-1439, 1439))
edge_times = st.one_of(
    st.sampled_from([datetime.min, datetime.max]),
    st.builds(lambda d, tz: d.replace(tzinfo=tz),
              st.sampled_from([datetime.min, datetime.max]), offsets),
    st.datetimes(timezones=st.one_of(st.none(), offsets)),
)
hostile = st.one_of(
    hostile_text, st.integers(), edge_ints,
    st.floats(), st.decimals(), st.sampled_from([Decimal("NaN"), Decimal("sNaN"),
                                                 Decimal("-Infinity"), Decimal("1E+999")]),
    st.dates(), edge_dates, edge_times, st.booleans(), st.none(), st.binary(max_size=8),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3),
                                                          st.integers(), max_size=2),
    st.just(object()),
)


def _closure(fn: Callable) -> dict[str, Any]:
    cells = fn.__closure__ or ()
    return dict(zip(fn.__code__.co_freevars, (c.cell_contents for c in cells), strict=True))


def plausible(convert: Callable) -> st.SearchStrategy:
    """Values the converter accepts, so that writes also get past validation."""
    by_rule: dict[Any, st.SearchStrategy] = {
        f.money: st.integers(0, 10**9) | st.just(MAX_RIALS) | st.just("۱۲٬۵۰۰ تومان"),
        f.reference: st.integers(1, 4),
        f.a_date: st.dates(f.DATE_MIN, f.DATE_MAX),
        f.instant: st.datetimes(datetime(1901, 1, 1), datetime(2200, 1, 1),
                                timezones=st.just(UTC)),
        f.boolean: st.booleans(),
        f.mobile: st.just("0912 123 4567"), f.phone: st.just("021-88776655"),
        f.email: st.just("a@example.com"), f.national_code: st.just("0013542419"),
        f.legal_id: st.just("10100387975"), f.economic_code: st.just("411111111111"),
        f.postal_code: st.just("1318564751"),
    }
    if convert in by_rule:
        return by_rule[convert]
    kind = convert.__qualname__.split(".")[0]
    env = _closure(convert)
    if kind in ("text", "multiline"):
        return st.text(st.characters(categories=["L", "Nd", "Zs"]), min_size=1, max_size=20)
    if kind == "choice":
        return st.sampled_from([e.value for e in env["enum"]])
    if kind == "integer":
        return st.integers(env["lo"] or 0, env["hi"] or 10**6)
    if kind == "decimal":
        return st.decimals(env["lo"] or 0, env["hi"] or 100, places=2)
    return {
        "birthday_rule": st.dates(f.DATE_MIN, business_today()),
        "quantity_rule": st.decimals(Decimal("0.001"), 1000, places=3),
        "username_rule": st.from_regex(r"[a-z][a-z0-9]{2,10}", fullmatch=True),
        "filter_json": st.sampled_from(['{"version": 1, "cities": ["تهران"]}',
                                        {"version": 1, "birth_months": [12]}]),
        "_as_given": st.integers(0, 1000),
    }.get(convert.__name__, st.text(max_size=10))


def record(fields: dict[str, f.Field]) -> st.SearchStrategy[dict[str, Any]]:
    """Every field with a plausible value, and one hostile; or some of the fields, each
    plausible or hostile, sometimes with an unknown key."""
    names = sorted(fields)
    good = st.fixed_dictionaries({n: plausible(fields[n].convert) for n in names})
    one_bad = st.builds(lambda values, name, bad: {**values, name: bad},
                        good, st.sampled_from(names), hostile)
    wild = st.builds(
        lambda chosen, values, extra: {**{n: values[n] for n in chosen}, **extra},
        st.sets(st.sampled_from(names), max_size=len(names)),
        st.fixed_dictionaries({n: st.one_of(plausible(fields[n].convert), hostile)
                               for n in names}),
        st.dictionaries(st.sampled_from(["colour", "id", "deleted_at", 5]), hostile,
                        max_size=1),
    )
    return st.one_of(good, one_bad, wild)


ids = st.one_of(st.integers(1, 6), edge_ints, hostile)
#: the version an editor read (optimistic locking): none, a plausible one, or hostile
#: (negative, 2**63, text, ...): the project's ValidationError, never a crash
versions = st.one_of(st.none(), st.integers(1, 5), edge_ints, hostile)


#: calls that succeeded / were refused, per method (the last test checks both happen)
OUTCOMES: dict[str, list[int]] = {}


def attempt(fn: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call `fn`; the project's own errors are fine, anything else fails the test."""
    counts = OUTCOMES.setdefault(f"{type(fn.__self__).__name__}.{fn.__name__}", [0, 0])
    try:
        result = fn(*args, **kwargs)
    except CrmError:
        counts[1] += 1
        return None
    counts[0] += 1
    return result


# -- the database, one for the module ------------------------------------------------------
@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Core, Path]]:
    path = tmp_path_factory.mktemp("hostile") / "crm.sqlite3"
    with Core.open(path) as core:
        # a few valid records, so that references and ids 1..4 often exist
        for i in range(4):
            core.users.create({"username": f"user{i}", "display_name": f"کاربر {i}"})
            acc = core.accounts.create({"name": f"شرکت {i}"})
            cid = core.contacts.create({"last_name": f"نفر {i}", "account_id": acc})
            core.products.create({"name": f"کالا {i}", "unit_price_rial": 1000 * i})
            core.deals.create({"title": f"معامله {i}", "contact_id": cid})
            core.tickets.create({"subject": f"تیکت {i}", "contact_id": cid})
            core.activities.create({"kind": "meeting", "subject": f"جلسه {i}",
                                    "recurrence": "weekly",
                                    "due_at": datetime(2026, 11, 22, 7, tzinfo=UTC)})
            lid = core.lists.create({"name": f"فهرست {i}"})
            core.lists.add_members(lid, [cid])
            camp = core.campaigns.create({"name": f"کمپین {i}", "channel": "sms"})
            core.campaigns.add_target(camp, list_id=lid)
            core.proformas.create({"contact_id": cid}, [{"description": "خدمت"}])
        yield core, path


# -- the tests ------------------------------------------------------------------------------
def test_every_public_method_is_listed(world: tuple[Core, Path]) -> None:
    core, _ = world
    found = services(core)
    assert set(found) == set(WRITES), "a new service: list its methods here"
    for name, service in found.items():
        listed = WRITES[name] | READS[name] | NOT_OFFERED.get(name, set())
        assert public_methods(service) == listed, name


def entity_services(core: Core) -> list[str]:
    return sorted(n for n, s in services(core).items() if isinstance(s, EntityService))


def test_entity_services_are_all_covered(world: tuple[Core, Path]) -> None:
    assert entity_services(world[0]) == sorted(EDITED)


EDITED = ["accounts", "activities", "campaigns", "contacts", "deals", "lists", "products",
          "proformas", "tickets", "users"]


@pytest.mark.parametrize("name", EDITED)
@SETTINGS
@given(data=st.data())
def test_create_and_update_with_every_field(world: tuple[Core, Path], name: str,
                                            data: st.DataObject) -> None:
    core, _ = world
    service = getattr(core, name)
    fields = dict(service.fields)
    extra: dict[str, Any] = {}
    if name == "contacts":
        extra = {"tags": data.draw(st.one_of(st.lists(st.text(max_size=10), max_size=3),
                                             hostile, st.lists(hostile_text, max_size=3)))}
    if name == "proformas":
        lines = data.draw(st.one_of(st.lists(record(LINE_FIELDS), max_size=3), hostile))
        header, other = data.draw(record(fields)), data.draw(ids)
        new = attempt(service.create, header, lines)
        attempt(service.update, other if new is None else new,
                data.draw(record(fields)), data.draw(st.one_of(st.none(), st.just(lines))),
                version=data.draw(versions))
    else:
        values, other = {**data.draw(record(fields)), **extra}, data.draw(ids)
        new = attempt(service.create, values)
        # (every draw is made whatever the database says: hypothesis replays draws)
        attempt(service.update, other if new is None else new, data.draw(record(fields)),
                version=data.draw(versions))
    attempt(service.get, data.draw(ids))
    attempt(service.window, ListQuery(), data.draw(ids), data.draw(st.one_of(ids, hostile)))
    attempt(service.list, ListQuery(after=data.draw(st.tuples(hostile, ids) | hostile)))
    if service.soft_delete:
        target = data.draw(ids)
        attempt(service.delete, target)
        attempt(service.restore, target)


texts = st.one_of(hostile_text, hostile)


@SETTINGS
@given(data=st.data())
def test_the_other_writes(world: tuple[Core, Path], data: st.DataObject) -> None:
    core, path = world
    tmp_dir = path.parent
    d = data.draw
    stage_ids = [s["id"] for s in core.stages.list()]
    # draws must not depend on the database (hypothesis replays them): pick by position
    a_stage = st.integers(0, 30).map(lambda i: stage_ids[i % len(stage_ids)])
    stage_order = st.permutations(range(12)).map(
        lambda p: [stage_ids[i] for i in p if i < len(stage_ids)])
    calls: list[tuple[Any, ...]] = [
        (core.contacts.set_tags, (d(ids), d(st.one_of(hostile, st.lists(texts, max_size=3))))),
        (core.deals.move, (d(ids), d(st.one_of(a_stage, ids)), d(texts))),
        (core.stages.create, (d(texts), d(st.one_of(st.integers(0, 100), hostile)),
                              d(st.one_of(st.sampled_from(["open", "won", "lost"]), hostile)))),
        (core.stages.update, (d(ids), d(texts), d(st.one_of(st.integers(0, 100), hostile))),
         {"version": d(versions)}),
        (core.stages.reorder, (d(st.one_of(stage_order, hostile, st.lists(ids, max_size=8))),)),
        (core.stages.remove, (d(st.one_of(a_stage, ids)), d(st.one_of(a_stage, ids)))),
        (core.proformas.set_status, (d(ids), d(st.one_of(st.sampled_from(
            [s.value for s in enums.ProformaStatus]), texts))), {"mark_deal_won": d(hostile)}),
        (core.tickets.close, (d(ids), d(st.one_of(st.integers(1, 5), hostile)), d(texts))),
        (core.tickets.reopen, (d(ids),)),
        (core.tickets.add_comment, (d(ids), d(texts), d(hostile))),
        (core.activities.complete, (d(ids), d(texts))),
        (core.activities.reopen, (d(ids),)),
        (core.activities.skip_occurrence, (d(ids), d(st.one_of(edge_dates, hostile, st.dates(
            date(2026, 11, 1), date(2027, 2, 1)))))),
        (core.lists.add_members, (d(ids), d(st.one_of(st.lists(ids, max_size=4), hostile)))),
        (core.lists.remove_members, (d(ids), d(st.one_of(st.lists(ids, max_size=4), hostile)))),
        (core.campaigns.add_members_from_targets, (d(ids),)),
        (core.campaigns.add_target, (d(ids),), {
            "list_id": d(st.one_of(st.none(), ids, hostile)),
            "segment": d(st.one_of(st.none(), st.sampled_from(SEGMENTS), texts))}),
        (core.campaigns.remove_target, (d(ids), d(ids))),
        (core.campaigns.set_members_status, (d(ids), d(st.one_of(st.sampled_from(
            [s.value for s in enums.MemberStatus]), texts)), d(st.one_of(
                st.none(), st.lists(ids, max_size=4), hostile))),
         {"from_status": d(st.one_of(st.none(), st.sampled_from(
             [s.value for s in enums.MemberStatus]), texts))}),
        (core.lists.delete, (d(ids),)),
        (core.campaigns.set_member_status, (d(ids), d(ids), d(st.one_of(st.sampled_from(
            [s.value for s in enums.MemberStatus]), texts)))),
        (core.settings.set_vat_rate, (d(st.one_of(st.decimals(0, 100, places=1), hostile)),)),
        (core.settings.set_display_unit, (d(st.one_of(st.sampled_from(["rial", "toman"]),
                                                      hostile)),)),
        (core.settings.set_company, (d(record(_company_specs())),)),
        (core.settings.set_logo, (d(st.one_of(st.just(b"\x89PNG\r\n\x1a\n..."), hostile)),)),
        (core.settings.set_sla, (
            d(st.one_of(st.none(), hostile, st.dictionaries(
                st.one_of(st.sampled_from(["sat", "sun", "mon", 0, 6, 9]), st.text(max_size=3)),
                st.one_of(hostile, st.lists(st.one_of(
                    st.tuples(texts, texts), st.just(("08:00", "17:00")), hostile),
                    max_size=2)), max_size=3))),
            d(st.one_of(st.none(), hostile, st.lists(st.one_of(edge_dates, texts, hostile),
                                                     max_size=3))),
            d(st.one_of(st.none(), hostile, st.dictionaries(
                st.one_of(st.sampled_from([p.value for p in enums.TicketPriority]), hostile_text),
                st.one_of(hostile, st.tuples(hostile, hostile),
                          st.fixed_dictionaries({"response": hostile, "resolution": hostile})),
                max_size=2))))),
        (core.settings.set_profile, (d(record(_company_specs())),
                                     d(st.one_of(st.decimals(0, 100, places=1), hostile)),
                                     d(st.one_of(st.none(), st.just(b"\x89PNG\r\n\x1a\n..."),
                                                 hostile)))),
        (core.settings.set_time_zone, (d(st.one_of(st.sampled_from(
            ["Asia/Tehran", "Asia/Dubai", "UTC"]), hostile)),)),
        (core.settings.set_rfm_window_years, (d(st.one_of(st.integers(0, 11), hostile)),)),
        (core.access.set_role_permissions, (
            d(st.one_of(st.sampled_from(["sales", "reception", "admin"]), hostile)),
            d(st.one_of(hostile, st.lists(st.one_of(
                st.sampled_from(["export", "see_all", "users"]), hostile), max_size=3))))),
        (core.rfm.recompute, ()),
        (core.club.set_settings, (d(st.one_of(hostile, st.dictionaries(
            st.sampled_from(["enabled", "started_on", "rial_per_point", "point_value_rial",
                             "basis", "tiers", "expiry_months", "birthday_points",
                             "referral_points", "x"]),
            st.one_of(hostile, st.lists(st.one_of(hostile, st.fixed_dictionaries(
                {"key": st.one_of(st.just("gold"), texts), "name": texts,
                 "min": st.one_of(st.integers(0, 10**6), hostile)})), max_size=3)),
            max_size=4))),)),
        (core.club.set_settings, ({"enabled": True, "rial_per_point": 1000},)),
        (core.club.adjust, (d(ids), d(st.one_of(st.integers(-10**4, 10**4), hostile)),
                            d(st.one_of(st.just("هدیه"), texts)))),
        (core.club.redeem, (d(ids), d(st.one_of(st.integers(1, 100), hostile)), d(texts))),
        (core.club.redeem_on_proforma, (d(ids), d(st.one_of(st.integers(1, 100), hostile))),
         {"line_id": d(st.one_of(st.none(), ids, hostile))}),
        (core.club.expire, (d(st.one_of(st.none(), edge_times, hostile)),)),
        (core.club.award_birthdays, (d(st.one_of(st.none(), edge_times, hostile)),)),
        (core.club.recompute, ()),
        *((getattr(core, name).restore_many, (d(st.one_of(st.lists(ids, max_size=3), hostile)),))
          for name in ("contacts", "accounts", "deals", "tickets")),
        (core.users.set_password, (d(ids), d(st.one_of(st.just("secret-pass"), texts)))),
        *_auth_calls(core, d),
        (core.settings.set_sending, (d(st.one_of(hostile, record(_sending_fields()))),)),
        (core.outbox.save_message, (d(ids), d(st.one_of(st.sampled_from(["sms", "email"]),
                                                        texts)),
                                    d(st.one_of(st.just("سلام {first_name}"), texts)),
                                    d(st.one_of(st.none(), texts)),
                                    d(st.one_of(st.none(), ids)))),
        (core.outbox.queue, (d(ids),)),
        (core.backups.set_settings, (d(st.one_of(hostile, st.fixed_dictionaries({}, optional={
            "folder": st.one_of(hostile_text, st.just(str(tmp_dir))),
            "on_exit": hostile, "daily": hostile, "encrypt": hostile, "keep_daily": hostile,
            "keep_weekly": hostile, "keep_monthly": hostile, "warn_days": hostile}))),)),
        # paths only inside the test's folder (or not paths at all): nothing lands elsewhere
        (core.backups.make, (d(st.one_of(st.sampled_from(["manual", "cli"]), hostile)),
                             d(st.one_of(st.sampled_from(
                                 [tmp_dir, tmp_dir / "missing" / "b.sqlite3"]),
                                 hostile.filter(lambda v: not isinstance(v, str)))),
                             d(st.one_of(st.none(), hostile_text))),
         {"encrypt": d(st.one_of(st.booleans(), hostile))}),
        (core.outbox.retry, (d(st.one_of(st.lists(ids, max_size=3), hostile)),)),
        (core.outbox.cancel, (d(st.one_of(st.lists(ids, max_size=3), hostile)),)),
        # paths only inside the test's folder (or not paths at all): nothing lands elsewhere
        (core.outbox.export_file, (d(st.one_of(
            hostile.filter(lambda v: not isinstance(v, str)), st.sampled_from(
                ["", " ", tmp_dir / "panel.csv", tmp_dir / "missing" / "panel.csv",
                 str(tmp_dir / "a\x00b.csv")]))),
                                   d(st.one_of(st.sampled_from(["csv", "xlsx"]), hostile)))),
        (core.outbox.confirm_file, (d(st.one_of(st.lists(ids, max_size=3), hostile)),
                                    d(hostile))),
        (core.outbox.recover_interrupted, ()),
        (core.outbox.send_due, ({},)),
        (core.imports.run, (d(half(import_plans())), d(half(import_options())))),
        (core.imports.undo_last, ()),
        (core.merging.merge, (
            d(st.one_of(st.sampled_from(["contacts", "companies"]), texts)), d(ids),
            d(st.one_of(st.lists(ids, max_size=3), hostile))), {
            "choose": d(st.one_of(st.none(), hostile, st.dictionaries(
                st.one_of(st.sampled_from(["mobile", "city", "name", "email", "notes"]),
                          hostile_text), ids, max_size=2))),
            "values": d(st.one_of(st.none(), hostile, st.dictionaries(
                st.one_of(st.sampled_from(["mobile", "city", "name", "birthday"]),
                          hostile_text), hostile, max_size=2))),
            "lang": d(st.one_of(st.sampled_from(["fa", "en"]), hostile))}),
        # and plausible merges, so that some get through and write
        (core.merging.merge, (d(st.sampled_from(["contacts", "companies"])),
                              d(st.integers(1, 12)),
                              d(st.lists(st.integers(1, 12), min_size=1, max_size=2))),
         {"choose": d(st.one_of(st.none(), st.fixed_dictionaries(
             {"city": st.integers(1, 12), "notes": st.integers(1, 12)})))}),
        *_automation_calls(core, d),
        *_reply_calls(core, d, tmp_dir),
    ]
    assert {(c[0].__self__.__class__, c[0].__name__) for c in calls} >= {
        (type(getattr(core, svc)), method)
        for svc, methods in WRITES.items() for method in methods
        if method not in ("create", "update", "delete", "restore")
    }, "every other write is called here"
    for fn, args, *kwargs in calls:
        attempt(fn, *args, **(kwargs[0] if kwargs else {}))
    # one hostile recurrence rule value goes through the activity fields too
    attempt(core.activities.create, {"kind": "task", "subject": "x",
                                     "recurrence": d(st.one_of(st.sampled_from(list(Rule)),
                                                               hostile))})


def _auth_calls(core: Core, d: Callable) -> list[tuple[Any, ...]]:
    """Sign-in, set-up and passwords with hostile names, passwords and flags (and some
    plausible ones, so that some get through)."""
    password = st.one_of(st.just("secret-pass"), texts, st.just("x" * 2000))
    name = st.one_of(st.sampled_from(["admin", "ADMIN ", "user1", "maryam"]), texts)
    return [
        (core.auth.sign_in, (d(name), d(password))),
        (core.auth.begin_setup, ()),
        (core.auth.complete_setup, (), {
            "single_user": d(st.one_of(st.booleans(), hostile)),
            "display_name": d(st.one_of(st.just("مریم"), texts)),
            "username": d(st.one_of(st.just("maryam"), texts)),
            "password": d(password), "password_again": d(password)}),
        (core.auth.set_single_user, (d(st.one_of(st.booleans(), hostile)),)),
        (core.auth.change_own_password, (d(password), d(password), d(password))),
        (core.auth.reset_password, (d(ids), d(password), d(password))),
    ]


def _automation_calls(core: Core, d: Callable) -> list[tuple[Any, ...]]:
    """Rules created, changed, switched, deleted and run with hostile input (and plausible
    input, so that some rules exist and act)."""
    kinds = st.one_of(st.sampled_from([k.value for k in enums.RuleKind]), texts)
    setting_keys = st.sampled_from(["channel", "body", "subject", "task_subject",
                                    "task_owner", "send_hour", "catch_up_days",
                                    "delay_hours", "date_source", "days_before",
                                    "hours_before", "hours_after", "days_after", "tickets",
                                    "deals", "quiet_days", "method", "users", "by_city",
                                    "by_source", "fallback_user", "only_unowned", 5])
    settings_ = st.one_of(st.none(), hostile, st.dictionaries(setting_keys, st.one_of(
        hostile, st.sampled_from(["sms", "email", "task", "contact_owner", 1, 9, 0, 30,
                                  "سلام {first_name}", "{tier}", "{"])), max_size=3))
    conditions = st.one_of(st.none(), hostile, st.sampled_from(
        [{"version": 1, "cities": ["تهران"]}, '{"version": 1, "stages": ["customer"]}',
         {"version": 2}, {"version": 1, "colour": 1}]))
    rule = st.one_of(hostile, st.fixed_dictionaries(
        {"kind": kinds, "name": st.one_of(st.just("قاعده"), texts),
         "enabled": st.one_of(st.booleans(), hostile), "settings": settings_,
         "conditions": conditions}))
    plausible_rule = st.fixed_dictionaries(
        {"kind": st.sampled_from(core.automation.kinds()), "name": st.just("قاعده"),
         "enabled": st.booleans()})
    some = st.integers(1, 6)
    return [
        (core.automation.create_rule, (d(rule),)),
        (core.automation.create_rule, (d(plausible_rule),)),
        (core.automation.update_rule, (d(half(some)), d(st.one_of(rule, plausible_rule)))),
        (core.automation.update_rule, (d(some), d(plausible_rule)), {"version": d(versions)}),
        (core.automation.set_enabled, (d(half(some)), d(half(st.booleans())))),
        (core.automation.run, (), {"dry_run": d(half(st.booleans())),
                                   "trigger": d(half(st.sampled_from(
                                       [t.value for t in enums.RunTrigger]))),
                                   "now": d(half(st.one_of(st.none(), edge_times)))}),
        (core.automation.delete_rule, (d(ids),)),
    ]


def _reply_calls(core: Core, d: Callable, tmp_dir: Path) -> list[tuple[Any, ...]]:
    """Scores recorded on hostile log ids, and reply files of every shape (paths only in
    the test's folder)."""
    good = tmp_dir / "replies.csv"
    good.write_text("mobile,text,time\n09121234567,۵,1405/09/10 10:00\n0912,x,\n",
                    encoding="utf-8")
    junk = tmp_dir / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not a workbook")
    files = st.one_of(hostile.filter(lambda v: not isinstance(v, str)), st.sampled_from(
        [good, str(good), junk, tmp_dir / "missing.csv", "", str(tmp_dir / "a\x00b.csv")]))
    return [
        (core.replies.record, (d(ids), d(st.one_of(st.integers(0, 6), hostile)))),
        (core.replies.import_file, (d(files),)),
    ]


def half(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """`strategy` half the time, a hostile value the other half (st.one_of would flatten
    `hostile`'s own branches and pick `strategy` once in twenty)."""
    return st.booleans().flatmap(lambda keep: strategy if keep else hostile)


def import_plans() -> st.SearchStrategy[Any]:
    """Plans as plan.py makes them (rows of cleaned values, some duplicates), with hostile
    values, rows, matches, names and mappings mixed in."""
    from crm_desktop.services.imports.model import IMPORT_KINDS, ImportPlan, Match, PlannedRow

    keys = st.sampled_from(["first_name", "last_name", "name", "mobile", "birthday", "city",
                            "company", "tags", "sku", "unit_price_rial", "owner_id", 5])
    values = st.one_of(st.dictionaries(keys, hostile, max_size=3), hostile)
    match = st.one_of(st.none(), hostile, st.builds(
        Match, st.sampled_from(["mobile", "sku"]), texts, st.one_of(st.none(), ids),
        st.just(""), st.one_of(st.none(), st.integers(0, 5), hostile)))
    rows = st.lists(st.one_of(st.builds(PlannedRow, st.one_of(st.integers(1, 6), hostile),
                                        values, match), hostile), max_size=3)
    wild = st.builds(ImportPlan, st.one_of(st.sampled_from(IMPORT_KINDS), hostile),
                     st.one_of(st.just("پرونده.xlsx"), texts), st.one_of(st.none(), texts),
                     st.just(1), st.one_of(st.just(("نام",)), hostile),
                     st.one_of(st.just(("last_name",)), hostile), rows, st.just([]),
                     st.just([]))
    name = st.text(st.characters(categories=["L"]), min_size=1, max_size=8)

    def good(kind: str) -> st.SearchStrategy[Any]:
        key = "last_name" if kind == "contacts" else "name"
        rows = st.lists(st.builds(PlannedRow, st.integers(1, 6), st.fixed_dictionaries(
            {key: name})), max_size=3)
        return st.builds(ImportPlan, st.just(kind), st.just("پرونده.xlsx"), st.none(),
                         st.just(1), st.just(("نام",)), st.just((key,)), rows, st.just([]),
                         st.just([]))

    return st.booleans().flatmap(
        lambda keep: st.sampled_from(IMPORT_KINDS).flatmap(good) if keep else wild)


def import_options() -> st.SearchStrategy[Any]:
    from crm_desktop.services.imports.model import ImportOptions, OnDuplicate

    choice = st.one_of(st.sampled_from(list(OnDuplicate)), hostile)
    wild = st.builds(ImportOptions, choice, st.one_of(st.dictionaries(
        st.one_of(st.integers(1, 6), hostile), choice, max_size=2), hostile),
        st.one_of(st.lists(texts, max_size=2), hostile), st.one_of(st.none(), ids))
    return st.booleans().flatmap(lambda keep: st.builds(ImportOptions) if keep else wild)


def _sending_fields() -> dict[str, f.Field]:
    from crm_desktop.services.delivery import SENDING_FIELDS

    return SENDING_FIELDS


def _company_specs() -> dict[str, f.Field]:
    from crm_desktop.services.settings import COMPANY_SPECS

    return COMPANY_SPECS


def test_the_database_passes_check_afterwards(world: tuple[Core, Path]) -> None:
    core, path = world
    report = check(path)
    assert report.ok, report.problems
    assert report.counts["contacts"] + report.trash["contacts"] >= 4
    # and what was stored can be read back and listed
    for name in EDITED:
        service = getattr(core, name)
        for row in service.list(ListQuery(limit=1000)).rows:
            service.get(row["id"])
    core.deals.board()
    core.deals.forecast(None, None)
    # the input got past validation often enough to write, and was refused too
    for name in EDITED:
        service = type(getattr(core, name)).__name__
        assert OUTCOMES[f"{service}.create"][0] > 0, (name, OUTCOMES)
        assert OUTCOMES[f"{service}.create"][1] > 0, (name, OUTCOMES)
    print(sorted(OUTCOMES.items()))
