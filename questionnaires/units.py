"""Read the reference unit lists (resources/domain/units.yaml and communes.yaml) into `Unit`s and lineage.

Decisions recorded here (see README "Decisions"):
- A department code that appears both before and after the 01/03/2025 merger is one continuing body.
- Which departments carry the digital-economy duty is not published (QĐ 920: 9 bodies, QĐ 5279: 8); the
  flags below are dxscore's assumption, marked unconfirmed, and editable (`units set CODE --digital-economy`).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

from assessment.domain.model import LineageLink, Text, Unit, UnitCode, UnitKind
from assessment.services.ports import ReferenceUnits

DISTRICTS_UNTIL = dt.date(2025, 6, 30)
COMMUNES_FROM = dt.date(2025, 7, 1)
DEPARTMENTS_MERGED_ON = dt.date(2025, 3, 1)

# Assumed digital-economy duty: 9 bodies active in 2024 and 8 in 2025, as the decisions count them.
ASSUMED_DIGITAL_ECONOMY = frozenset({
    "SO_CONG_THUONG", "SO_DU_LICH", "SO_VHTT",  # continuing bodies (both years)
    "SO_KHDT", "SO_TAI_CHINH_OLD", "SO_NNPTNT", "SO_GTVT", "SO_TTTT", "SO_KHCN_OLD",  # until 28/02/2025
    "SO_TAI_CHINH", "SO_NN_MT", "SO_XAY_DUNG", "SO_KHCN", "BQL_CNC_KCN",  # from 01/03/2025
})
DUTY_NOTE = "Nhiệm vụ kinh tế số: giả định của dxscore, chưa được công bố / digital-economy duty assumed, unpublished"


def ascii_name(name: str) -> str:
    """'Phường Hoàn Kiếm' -> 'Phuong Hoan Kiem' (for English-language lists)."""
    decomposed = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _english_commune(name_vi: str, kind: str) -> str:
    prefix = "Phường " if kind == "ward" else "Xã "
    base = ascii_name(name_vi[len(prefix):] if name_vi.startswith(prefix) else name_vi)
    return f"{base} {'Ward' if kind == 'ward' else 'Commune'}"


def load_reference_units(units_file: Path, communes_file: Path) -> ReferenceUnits:
    import yaml  # only here: a command that reads no YAML file never loads PyYAML

    units_doc = yaml.safe_load(units_file.read_text(encoding="utf-8"))
    communes_doc = yaml.safe_load(communes_file.read_text(encoding="utf-8"))
    units: list[Unit] = []
    lineage: list[LineageLink] = []
    district_by_name: dict[str, str] = {}
    for d in units_doc["districts"]:
        units.append(Unit(UnitCode(d["code"]), UnitKind.DISTRICT, d["kind"], Text(d["name_vi"], d["name_en_ascii"]),
                          None, DISTRICTS_UNTIL))
        district_by_name[d["name_vi"]] = d["code"]
    units += _departments(units_doc, lineage)
    city = units_doc["city"]
    units.append(Unit(UnitCode(city["code"]), UnitKind.CITY, "city", Text(city["name_vi"], city["name_en"]),
                      note=city.get("note", "")))
    for c in communes_doc["communes"]:
        code = UnitCode(c["code"])
        name = Text(c["name_vi"], _english_commune(c["name_vi"], c["kind"]))
        units.append(Unit(code, UnitKind.COMMUNE, c["kind"], name, COMMUNES_FROM, None, note=c.get("note", "")))
        for old in c["formed_from"]:
            district = district_by_name.get(old["former_district"])
            lineage.append(LineageLink(code, old["old_code"], old["name"], UnitCode(district) if district else None,
                                       old["part"]))
    return ReferenceUnits(tuple(units), tuple(lineage))


def _departments(doc: dict[str, Any], lineage: list[LineageLink]) -> list[Unit]:
    before = {d["code"]: d for d in doc["departments_pre_2025"] + doc["departments_pre_2025_equivalents"]}
    after = {d["code"]: d for d in doc["departments_2025"] + doc["departments_2025_equivalents"]}
    equivalents = {d["code"] for d in doc["departments_pre_2025_equivalents"] + doc["departments_2025_equivalents"]}
    units = []
    for code in list(before) + [c for c in after if c not in before]:
        entry = after.get(code) or before[code]
        # A body created after the reference data begins says when (`valid_from`, a YAML date).
        valid_from = entry.get("valid_from") or (None if code in before else DEPARTMENTS_MERGED_ON)
        valid_until = None if code in after else DEPARTMENTS_MERGED_ON - dt.timedelta(days=1)
        duty = code in ASSUMED_DIGITAL_ECONOMY
        notes = [n for n in (entry.get("note", ""), before.get(code, {}).get("note", "")) if n]
        if duty:
            notes.append(DUTY_NOTE)
        units.append(Unit(UnitCode(code), UnitKind.DEPARTMENT, "equivalent" if code in equivalents else "department",
                          Text(entry["name_vi"], entry["name_en"]), valid_from, valid_until, duty,
                          unconfirmed=code in equivalents, note="; ".join(dict.fromkeys(notes))))
        for predecessor in after.get(code, {}).get("formed_from", []):
            if predecessor != code:
                known = before.get(predecessor)
                lineage.append(LineageLink(UnitCode(code), predecessor if known else "",
                                           known["name_vi"] if known else predecessor, None, "merged"))
    return units
