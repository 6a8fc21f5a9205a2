"""The layout of a methodology workbook (XLSForm-compatible): which sheet and column holds which key of the
methodology file. One table, read by the writer (xlsform_write) and the reader (xlsform_read), so the two
cannot drift apart.

XLSForm's own sheets and columns carry what means the same in both worlds: `survey` (type, name, label, hint,
relevant, constraint, constraint_message, required), `choices` (list_name, name, label) and `settings`
(form_title, form_id, version). What XLSForm has no word for is in columns and sheets named `dx_…`: pillars,
points, scoring rules, targets, evidence, the unit kinds and cycles, the legal basis.
"""

from __future__ import annotations

from dataclasses import dataclass

# Language columns as ODK writes them: label::Vietnamese (vi). A column without a language fills both.
LANGUAGES = {"vi": "Vietnamese (vi)", "en": "English (en)"}

SURVEY, CHOICES, SETTINGS = "survey", "choices", "settings"
PILLARS, CHECKS, LEGAL, BANDS = "dx_pillars", "dx_checks", "dx_legal_basis", "dx_bands"

# dxscore answer type → XLSForm type (a select also names its choice list). boolean, percent and ratio have no
# XLSForm type that means the same, so dxscore's own name is written.
XLSFORM_TYPES = {"count": "integer", "number": "decimal", "text": "text", "date": "date",
                 "choice": "select_one", "multi_choice": "select_multiple",
                 "boolean": "boolean", "percent": "percent", "ratio": "ratio"}
DXSCORE_TYPES = {v: k for k, v in XLSFORM_TYPES.items()}
# XLSForm rows that are no question: skipped on import.
SKIPPED_TYPES = {"note", "begin group", "end group", "begin_group", "end_group", "start", "end", "today",
                 "deviceid", "phonenumber", "username", "email", "audit", "simserial", "subscriberid"}


@dataclass(frozen=True)
class Column:
    """One column: its header, the path of the key it holds, and how its cells read (str, num, int, bool,
    date, text = one column per language, lines = a list one item a line, words = a comma-separated list,
    steps = "min:points; min:points")."""

    header: str
    path: tuple[str, ...]
    kind: str = "str"


SURVEY_COLUMNS = (
    Column("label", ("text",), "text"),
    Column("hint", ("guidance",), "text"),
    Column("dx_pillar", ("pillar",)),
    Column("dx_order", ("order",), "int"),
    Column("dx_points", ("max_points",), "num"),
    Column("dx_unit", ("answer", "unit"), "text"),
    Column("dx_min", ("answer", "min"), "num"),
    Column("dx_max", ("answer", "max"), "num"),
    Column("dx_plausible_min", ("answer", "plausible", "min"), "num"),
    Column("dx_plausible_max", ("answer", "plausible", "max"), "num"),
    Column("dx_numerator", ("answer", "numerator"), "text"),
    Column("dx_denominator", ("answer", "denominator"), "text"),
    Column("dx_allow_over", ("answer", "allow_over"), "bool"),
    Column("dx_max_length", ("answer", "max_length"), "int"),
    Column("dx_rule", ("scoring", "rule")),
    Column("dx_steps", ("scoring", "steps"), "steps"),
    Column("dx_zero_denominator", ("scoring", "zero_denominator")),
    Column("dx_target_value", ("scoring", "target"), "num"),
    Column("dx_target_from", ("scoring", "target_from")),
    Column("dx_half_if", ("scoring", "half_if")),
    Column("dx_target", ("target",)),
    Column("dx_evidence_required", ("evidence", "required"), "bool"),
    Column("dx_evidence", ("evidence", "documents"), "text"),
    Column("dx_applies_if", ("applies_if",)),
    Column("dx_relevant_if", ("relevant_if",)),
    Column("dx_not_applicable_allowed", ("not_applicable_allowed",), "bool"),
)
# Columns that make a survey a dxscore methodology rather than an ordinary XLSForm.
SCORING_MARKERS = {"dx_pillar", "dx_points", "dx_rule"}

SETTINGS_COLUMNS = (
    Column("form_id", ("id",)),
    Column("version", ("version",)),
    Column("form_title", ("title",), "text"),
    Column("dx_format", ("format",)),
    Column("dx_applies_to", ("applies_to",), "words"),
    Column("dx_cycle_from", ("cycles", "from"), "int"),
    Column("dx_cycle_to", ("cycles", "to"), "int"),
    Column("dx_max_points", ("max_points",), "num"),
    Column("provenance_official_wording", ("provenance", "official_wording"), "bool"),
    Column("provenance_official_points", ("provenance", "official_points"), "bool"),
    Column("provenance_note", ("provenance", "note"), "text"),
    Column("provenance_sources", ("provenance", "sources"), "lines"),
)

CHOICE_COLUMNS = (
    Column("name", ("code",)),
    Column("label", ("text",), "text"),
    Column("dx_points", ("points",), "num"),
)

PILLAR_COLUMNS = (
    Column("code", ("code",)),
    Column("name", ("name",), "text"),
    Column("group", ("group",)),
    Column("max_points", ("max_points",), "num"),
    Column("scored", ("scored",), "bool"),
)

CHECK_COLUMNS = (
    Column("check", ("check",)),
    Column("message", ("message",), "text"),
)

LEGAL_COLUMNS = (
    Column("document", ("document",)),
    Column("date", ("date",), "date"),
    Column("title", ("title",), "text"),
    Column("url", ("url",)),
)

BAND_COLUMNS = (
    Column("code", ("code",), "int"),
    Column("min_index", ("min_index",), "num"),
    Column("name", ("name",), "text"),
)


def headers(columns: tuple[Column, ...]) -> list[str]:
    """The written headers: a text column becomes one column per language."""
    out: list[str] = []
    for column in columns:
        if column.kind == "text":
            out.extend(f"{column.header}::{name}" for name in LANGUAGES.values())
        else:
            out.append(column.header)
    return out
