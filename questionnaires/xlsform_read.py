"""Turn the sheets of a methodology workbook into the tree a methodology YAML file gives (yamlsource.Node), so
the YAML loader's validation runs on it unchanged.

Every value's `line` is a number standing for its cell; `Cells` turns it back into sheet:row:column when the
loader reports a problem. XLSForm conditions (`relevant`, `constraint`) are translated to dxscore's syntax
first (xlsform_expr); one that cannot be translated is a problem at its cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from assessment.domain.errors import ExpressionError, Problem
from questionnaires.loader import FORMAT
from questionnaires.xlsform_expr import to_dxscore
from questionnaires.xlsform_layout import (
    BAND_COLUMNS,
    BANDS,
    CHECK_COLUMNS,
    CHECKS,
    CHOICE_COLUMNS,
    CHOICES,
    DXSCORE_TYPES,
    LANGUAGES,
    LEGAL,
    LEGAL_COLUMNS,
    PILLAR_COLUMNS,
    PILLARS,
    SCORING_MARKERS,
    SETTINGS,
    SETTINGS_COLUMNS,
    SKIPPED_TYPES,
    SURVEY,
    SURVEY_COLUMNS,
    Column,
)
from questionnaires.xlsform_sheets import Sheet
from questionnaires.yamlsource import Node

_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_LANGUAGE_NAMES = {"english": "en", "vietnamese": "vi", "tiếng việt": "vi"}
_TRUE, _FALSE = {"true", "yes", "1", "true()"}, {"false", "no", "0", "false()"}


@dataclass
class Cells:
    """The cells values came from: Node.line n is cells[n - 1] = (sheet, row, column letter)."""

    file: str
    cells: list[tuple[str, int, str]] = field(default_factory=list)

    def line(self, sheet: Sheet, row: int, header: str | None) -> int:
        self.cells.append((sheet.name, row, sheet.letter(header) if header else "A"))
        return len(self.cells)

    def where(self, line: int | None) -> str:
        if not line or line > len(self.cells):
            return self.file
        sheet, row, column = self.cells[line - 1]
        return f"{self.file}:{sheet}:{row}:{column}"

    def relocate(self, problem: Problem) -> Problem:
        """A loader problem (file, synthetic line) as file:sheet:row:column; "line N" in the message too."""
        message = re.sub(r"\bline (\d+)", lambda m: self.where(int(m.group(1))).removeprefix(self.file + ":"),
                         problem.message)
        return Problem(self.where(problem.line), None, problem.field, message)


class TreeBuilder:
    def __init__(self, sheets: dict[str, Sheet], cells: Cells) -> None:
        self.sheets, self.cells = sheets, cells
        self.problems: list[Problem] = []
        self.unsupported: list[str] = []
        self.codes: dict[str, str] = {}  # indicator code -> dxscore answer type, for translating conditions

    def is_ordinary_xlsform(self) -> bool:
        """No dxscore column or sheet: a questionnaire from the ODK world, with nothing to score."""
        survey = self.sheets.get(SURVEY)
        marked = survey is not None and any(h in SCORING_MARKERS for h in survey.headers if h)
        return not marked and PILLARS not in self.sheets

    def problem(self, sheet: Sheet, row: int, header: str | None, message: str) -> None:
        column = sheet.letter(header) if header else "A"
        self.problems.append(Problem(f"{self.cells.file}:{sheet.name}:{row}:{column}", None, header or "", message))

    # ------------------------------------------------------------------------------------------ top level

    def build(self) -> Node | None:
        survey = self.sheets.get(SURVEY)
        if survey is None:
            self.problems.append(Problem(self.cells.file, None, "", "the workbook has no 'survey' sheet"))
            return None
        settings = self.sheets.get(SETTINGS) or Sheet(SETTINGS, [])
        row = next(((n, r) for n, r in enumerate(settings.rows, start=2) if r), (2, {}))
        root = self.record(settings, row[0], row[1], SETTINGS_COLUMNS, "form_id")
        if "format" not in root.value:  # a workbook in this layout is in the current format unless it says
            _put(root, ("format",), Node(FORMAT, root.line))
        for key, sheet_name, columns in (("pillars", PILLARS, PILLAR_COLUMNS), ("legal_basis", LEGAL, LEGAL_COLUMNS),
                                         ("bands", BANDS, BAND_COLUMNS)):
            if sheet_name in self.sheets:
                items = self.table(self.sheets[sheet_name], columns)
                _put(root, (key,), Node(items, self.cells.line(self.sheets[sheet_name], 1, None)))
        indicators = self.indicators(survey)
        _put(root, ("indicators",), Node(indicators, self.cells.line(survey, 1, None)))
        return root

    def table(self, sheet: Sheet, columns: tuple[Column, ...], key_header: str | None = None) -> list[Node]:
        first = columns[0].header if key_header is None else key_header
        return [self.record(sheet, n, row, columns, first) for n, row in enumerate(sheet.rows, start=2) if row]

    def record(self, sheet: Sheet, number: int, row: dict[str, str], columns: tuple[Column, ...],
               anchor: str) -> Node:
        node = Node({}, self.cells.line(sheet, number, anchor if sheet.has(anchor) else None))
        for column in columns:
            value = self.value(sheet, number, row, column)
            if value is not None:
                _put(node, column.path, value)
        return node

    # ------------------------------------------------------------------------------------------ cells

    def value(self, sheet: Sheet, number: int, row: dict[str, str], column: Column) -> Node | None:
        if column.kind == "text":
            return self.text(sheet, number, row, column.header)
        raw = row.get(column.header)
        if raw is None:
            return None
        line = self.cells.line(sheet, number, column.header)
        if column.kind in ("words", "lines"):
            parts = raw.split("," if column.kind == "words" else "\n")
            return Node([Node(p.strip(), line) for p in parts if p.strip()], line)
        if column.kind == "steps":
            return self.steps(sheet, number, column.header, raw, line)
        return Node(_typed(raw, column.kind), line)

    def text(self, sheet: Sheet, number: int, row: dict[str, str], base: str) -> Node | None:
        """{vi, en} from base::Vietnamese (vi) and base::English (en); a column without a language (plain
        `label`, as many ODK forms have) fills a language that has no column of its own."""
        found: dict[str | None, tuple[str, str]] = {}
        for header in sheet.headers:
            lang = _language_of(header, base)
            if lang != "" and header in row:
                found[lang] = (header, row[header])
        if not found:
            return None
        node = Node({}, 0)
        for lang in LANGUAGES:
            header, value = found.get(lang) or found.get(None) or (None, None)
            if header is not None:
                line = self.cells.line(sheet, number, header)
                node.value[lang], node.key_lines[lang] = Node(value, line), line
                node.line = node.line or line
        return node

    def steps(self, sheet: Sheet, number: int, header: str, raw: str, line: int) -> Node | None:
        items = []
        for part in raw.split(";"):
            if not part.strip():
                continue
            pieces = [p.strip() for p in part.split(":")]
            if len(pieces) != 2 or not all(_NUMBER.fullmatch(p) for p in pieces):
                self.problem(sheet, number, header, f"{part.strip()!r}: write each step as min:points, steps "
                                                    "separated by ';' (e.g. 4:20; 2:10)")
                return None
            low, points = (_typed(p, "num") for p in pieces)
            items.append(Node({"min": Node(low, line), "points": Node(points, line)}, line,
                              {"min": line, "points": line}))
        return Node(items, line)

    # -------------------------------------------------------------------------------------- the survey

    def indicators(self, survey: Sheet) -> list[Node]:
        choices = self.choice_lists()
        checks = self.extra_checks()
        rows = []
        for number, row in enumerate(survey.rows, start=2):
            kind, list_name = self.question_type(survey, number, row)
            if kind is None:
                continue
            if row.get("name"):
                self.codes[row["name"]] = kind
            rows.append((number, row, kind, list_name))
        result = []
        for number, row, kind, list_name in rows:
            node = self.record(survey, number, row, SURVEY_COLUMNS, "name")
            if "name" in row:
                _put(node, ("code",), Node(row["name"], self.cells.line(survey, number, "name")))
            _put(node, ("answer", "type"), Node(kind, self.cells.line(survey, number, "type")))
            if list_name is not None:
                self.attach_options(survey, number, node, list_name, choices)
            self.conditions(survey, number, row, node, checks.get(row.get("name", ""), []))
            self.required(survey, number, row)
            result.append(node)
        return result

    def question_type(self, survey: Sheet, number: int, row: dict[str, str]) -> tuple[str | None, str | None]:
        """(dxscore answer type, choice list) of a survey row; (None, None) for a row that is no question."""
        words = " ".join(row.get("type", "").split())
        if not words:
            if row:
                self.problem(survey, number, "type", "the row has no type")
            return None, None
        if words.lower() in SKIPPED_TYPES:
            return None, None
        base, _, rest = words.partition(" ")
        base = base.lower()
        kind = DXSCORE_TYPES.get(base)
        select = base in ("select_one", "select_multiple")
        if kind is None or (select and (not rest or " " in rest)) or (rest and not select):
            self.unsupported.append(words)
            self.problem(survey, number, "type", f"unsupported question type {words!r} (dxscore reads: "
                                                 f"{', '.join(sorted(DXSCORE_TYPES))}, note and groups)")
            return None, None
        return kind, (rest if select else None)

    def choice_lists(self) -> dict[str, list[Node]]:
        sheet = self.sheets.get(CHOICES)
        lists: dict[str, list[Node]] = {}
        if sheet is None:
            return lists
        for number, row in enumerate(sheet.rows, start=2):
            if row:
                option = self.record(sheet, number, row, CHOICE_COLUMNS, "name")
                lists.setdefault(row.get("list_name", ""), []).append(option)
        return lists

    def attach_options(self, survey: Sheet, number: int, node: Node, list_name: str,
                       choices: dict[str, list[Node]]) -> None:
        options = choices.get(list_name)
        if options is None:
            self.problem(survey, number, "type", f"no choice list {list_name!r} in the choices sheet")
            return
        line = self.cells.line(survey, number, "type")
        _put(node, ("answer", "options"), Node(list(options), line))

    def extra_checks(self) -> dict[str, list[Node]]:
        sheet = self.sheets.get(CHECKS)
        checks: dict[str, list[Node]] = {}
        if sheet is None:
            return checks
        for number, row in enumerate(sheet.rows, start=2):
            if row:
                checks.setdefault(row.get("indicator", ""), []).append(
                    self.record(sheet, number, row, CHECK_COLUMNS, "check"))
        return checks

    def conditions(self, survey: Sheet, number: int, row: dict[str, str], node: Node, extra: list[Node]) -> None:
        """relevant → relevant_if; constraint (+ constraint_message) → the first check, dx_checks → the rest."""
        relevant = self.translated(survey, number, row, "relevant")
        if relevant is not None:
            if "relevant_if" in node.value:
                self.problem(survey, number, "dx_relevant_if", "give the condition in relevant or in "
                                                               "dx_relevant_if, not both")
            _put(node, ("relevant_if",), relevant)
        checks = list(extra)
        constraint = self.translated(survey, number, row, "constraint")
        if constraint is not None:
            check = Node({"check": constraint}, constraint.line, {"check": constraint.line})
            message = self.text(survey, number, row, "constraint_message")
            if message is not None:
                _put(check, ("message",), message)
            checks.insert(0, check)
        if checks:
            _put(node, ("validate",), Node(checks, checks[0].line))

    def translated(self, sheet: Sheet, number: int, row: dict[str, str], header: str) -> Node | None:
        source = row.get(header)
        if source is None:
            return None
        try:
            text = to_dxscore(source, self.codes)
        except ExpressionError as exc:
            self.problem(sheet, number, header, f"{exc.message} (column {exc.position + 1} of {source[:80]!r})")
            return None
        return Node(text, self.cells.line(sheet, number, header))

    def required(self, survey: Sheet, number: int, row: dict[str, str]) -> None:
        value = row.get("required")
        if value is not None and value.lower() not in _TRUE | _FALSE:
            self.problem(survey, number, "required", f"{value!r}: write yes or no (dxscore asks every applicable "
                                                     "indicator; a condition belongs in relevant)")


def _language_of(header: str | None, base: str) -> str | None:
    """'vi'/'en' for base::… (vi)/(en), None for the bare base column, '' for another column or language."""
    if not header:
        return ""
    if header.lower() == base:
        return None
    prefix = base + "::"
    if not header.lower().startswith(prefix):
        return ""
    rest = header[len(prefix):].strip()
    match = re.search(r"\(([A-Za-z-]+)\)$", rest)
    code = (match.group(1) if match else rest).lower()
    code = _LANGUAGE_NAMES.get(code, code)  # label::English, label::Tiếng Việt
    return code if code in LANGUAGES else ""


def _typed(raw: str, kind: str) -> Any:
    """The cell's text as the kind of value its column holds; text that is not one stays text (the loader then
    says what was expected)."""
    if kind in ("num", "int") and _NUMBER.fullmatch(raw):
        number = float(raw)
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "bool" and raw.lower() in _TRUE | _FALSE:
        return raw.lower() in _TRUE
    if kind == "date":
        text = raw.removesuffix(" 00:00:00")
        try:
            return dt.date.fromisoformat(text) if len(text) == 10 else raw
        except ValueError:
            return raw
    return raw


def _put(node: Node, path: tuple[str, ...], value: Node) -> None:
    """Set node[path...] = value, making the mappings on the way (each at the line of its first value)."""
    for key in path[:-1]:
        child = node.value.get(key)
        if child is None:
            child = Node({}, value.line)
            node.value[key], node.key_lines[key] = child, value.line
        node = child
    node.value[path[-1]] = value
    node.key_lines[path[-1]] = value.line
