"""The publication package's content (`publication.json`): one unit's share of a published cycle
(assessment.domain.unit_publication.UnitPublication) as JSON, and its strict reader. Like every package part it is
untrusted until read here: wrong types, text over its limits, too many rows or a figure that is not a finite
number raise PackageRejected("content", …) naming the field."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, fields
from typing import Any

from assessment.domain.errors import PackageRejected
from assessment.domain.publication import Change, PublishedUnit
from assessment.domain.unit_publication import Adjustment, CouncilRuling, UnitPublication
from assessment.exchange.package_format import Reader

MAX_ROWS = 500  # adjustments or changes in one package (a methodology has well under 100 indicators)
_TEXT_FIELDS = {"unit_code": ("unit_code", 0), "unit_name_vi": ("unit_name", 0), "unit_name_en": ("unit_name", 0),
                "kind": ("", 32), "subgroup": ("", 32), "status": ("", 32), "band_vi": ("", 100),
                "band_en": ("", 100)}


def publication_json(view: UnitPublication) -> dict[str, Any]:
    return {
        "publication": {"cycle": view.cycle, "number": view.number, "decision_no": view.decision_no,
                        "decision_date": view.decision_date.isoformat() if view.decision_date else None,
                        "published_at": view.published_at, "reason": view.reason,
                        "results_sha256": view.results_sha256},
        "unit": asdict(view.result),
        "adjustments": [_adjustment_json(a) for a in view.adjustments],
        "changes": [{"what": c.what, "old": c.old, "new": c.new} for c in view.changes],
    }


def _adjustment_json(a: Adjustment) -> dict[str, Any]:
    council = None
    if a.council is not None:
        council = {**asdict(a.council),
                   "meeting_on": a.council.meeting_on.isoformat() if a.council.meeting_on else None}
    return {"code": a.code, "self_points": a.self_points, "appraised_points": a.appraised_points,
            "max_points": a.max_points, "reason": a.reason, "by": a.by, "council": council}


def publication_from(data: Any) -> UnitPublication:
    top = Reader(data, "publication.json")
    p = Reader(top.obj("publication"), "publication")
    unit = _unit(Reader(top.obj("unit"), "unit"))
    adjustments = tuple(_adjustment(item, n) for n, item in enumerate(_rows(top, "adjustments"), start=1))
    changes = tuple(_change(item, n, unit.unit_code) for n, item in enumerate(_rows(top, "changes"), start=1))
    sha = p.text("results_sha256", 64)
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise PackageRejected("content", "publication: results_sha256 is not a SHA-256")
    return UnitPublication(p.integer("cycle"), p.integer("number"), p.text("decision_no", field="decision_no"),
                           _date(p, "decision_date"), p.text("published_at", 40),
                           p.text("reason", field="publication_reason"), sha, unit, adjustments, changes)


def _rows(reader: Reader, key: str) -> list[Any]:
    rows = reader.items(key)
    if len(rows) > MAX_ROWS:
        raise PackageRejected("content", f"publication.json: {len(rows)} {key}, over the limit of {MAX_ROWS}")
    return rows


def _unit(r: Reader) -> PublishedUnit:
    values: dict[str, Any] = {}
    for f in fields(PublishedUnit):
        if f.name in _TEXT_FIELDS:
            field, limit = _TEXT_FIELDS[f.name]
            values[f.name] = r.text(f.name, limit, field=field) if field else r.text(f.name, limit)
        elif f.name in ("rank", "subgroup_rank"):
            values[f.name] = None if r.get(f.name) is None else r.integer(f.name)
        elif f.name in ("peer_count", "subgroup_count"):
            values[f.name] = r.integer(f.name)
        else:
            values[f.name] = r.number(f.name)
    if not values["unit_code"]:
        raise PackageRejected("content", "unit: the unit code is empty")
    return PublishedUnit(**values)


def _adjustment(data: Any, n: int) -> Adjustment:
    r = Reader(data, f"adjustment {n}")
    code = r.text("code", 32)
    r.where = f"{code} (adjustment {n} in publication.json)"
    council = None
    if r.get("council") is not None:
        c = Reader(r.obj("council"), f"{r.where}, council")
        outcome = c.text("outcome", 16)
        if outcome not in ("kept", "adjusted"):
            raise PackageRejected("content", f"{r.where}: the council's outcome {outcome!r} is not kept or adjusted")
        council = CouncilRuling(outcome, c.number("previous_points"), _required(c, "points"),
                                c.text("reason", field="appraisal_reason"), _date(c, "meeting_on"),
                                *(_count(c, k) for k in ("votes_for", "votes_against", "votes_abstain")))
    return Adjustment(code, _required(r, "self_points"), _required(r, "appraised_points"), _required(r, "max_points"),
                      r.text("reason", field="appraisal_reason"), r.text("by", field="user"), council)


def _change(data: Any, n: int, unit_code: str) -> Change:
    r = Reader(data, f"change {n}")
    what = r.text("what", 16)
    if what not in ("index", "rank", "status", "added", "removed"):
        raise PackageRejected("content", f"change {n}: {what!r} is not something a correction changes")
    return Change(unit_code, what, _value(r, "old"), _value(r, "new"))


def _value(r: Reader, key: str) -> object:
    value = r.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return r.text(key, 32)
    if type(value) is int:
        return r.integer(key)
    return r.number(key)


def _required(r: Reader, key: str) -> float:
    value = r.number(key)
    if value is None:
        raise PackageRejected("content", f"{r.where}: {key} is missing")
    return value


def _count(r: Reader, key: str) -> int:
    value = r.integer(key)
    if value < 0:
        raise PackageRejected("content", f"{r.where}: {key} is negative")
    return value


def _date(r: Reader, key: str) -> dt.date | None:
    text = r.optional_text(key, 10)
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        raise PackageRejected("content", f"{r.where}: {key} {text!r} is not a date") from None
