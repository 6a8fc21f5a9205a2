"""Load a methodology file: validate everything, report every problem, and compile it into a `Methodology`.

A file with any problem is rejected whole (`MethodologyInvalid` carries the full report).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Mapping
from pathlib import Path

from assessment.domain.context import AnswerScope
from assessment.domain.errors import ExpressionError, MethodologyInvalid, Problem
from assessment.domain.expressions import Expression, compile_expression
from assessment.domain.graph import find_cycles
from assessment.domain.model import (
    DEFAULT_BANDS,
    NUMERIC_TYPES,
    AnswerSpec,
    AnswerType,
    Band,
    Check,
    EvidenceRequirement,
    Indicator,
    IndicatorCode,
    LegalDocument,
    Methodology,
    MethodologyId,
    Option,
    Pillar,
    Provenance,
    Rule,
    ScoringSpec,
    Step,
    TargetId,
    UnitKind,
)
from questionnaires.fields import Fields, Report
from questionnaires.yamlsource import Node, YamlSyntaxError, read_source, read_yaml

FORMAT = "dxscore-methodology/1"
ID_PATTERN = r"[a-z][a-z0-9-]*[a-z0-9]"
PILLAR_PATTERN = r"[A-Z][A-Z0-9]{1,7}"
CODE_PATTERN = r"[A-Za-z][A-Za-z0-9_]*"
OPTION_PATTERN = r"[a-z][a-z0-9_]*"
POINTS_TOLERANCE = 1e-6

TOP_KEYS = {"format", "id", "version", "title", "legal_basis", "provenance", "applies_to", "cycles", "max_points",
            "bands", "pillars", "indicators"}
INDICATOR_KEYS = {"code", "pillar", "order", "text", "guidance", "answer", "max_points", "scoring", "evidence",
                  "applies_if", "not_applicable_allowed", "relevant_if", "validate", "target"}
ANSWER_KEYS: dict[AnswerType, set[str]] = {
    AnswerType.BOOLEAN: set(),
    AnswerType.NUMBER: {"min", "max", "unit", "plausible"},
    AnswerType.PERCENT: {"min", "max", "plausible"},
    AnswerType.RATIO: {"numerator", "denominator", "allow_over", "plausible"},
    AnswerType.COUNT: {"max", "unit", "plausible"},
    AnswerType.CHOICE: {"options"},
    AnswerType.MULTI_CHOICE: {"options"},
    AnswerType.TEXT: {"max_length"},
    AnswerType.DATE: set(),
}
RULE_TYPES: dict[Rule, frozenset[AnswerType]] = {
    Rule.RATIO: frozenset({AnswerType.RATIO}),
    Rule.PERCENT_OF_TARGET: NUMERIC_TYPES,
    Rule.STEPS: NUMERIC_TYPES,
    Rule.CHOICE: frozenset({AnswerType.CHOICE, AnswerType.MULTI_CHOICE}),
    Rule.BOOLEAN: frozenset({AnswerType.BOOLEAN}),
    Rule.BENCHMARK: NUMERIC_TYPES,
    Rule.MANUAL: frozenset(AnswerType),
}
RULE_KEYS: dict[Rule, set[str]] = {
    Rule.RATIO: {"zero_denominator"},
    Rule.PERCENT_OF_TARGET: {"target", "target_from"},
    Rule.STEPS: {"steps"},
    Rule.CHOICE: set(),
    Rule.BOOLEAN: {"half_if"},
    Rule.BENCHMARK: set(),
    Rule.MANUAL: set(),
}
TARGET_TYPES = NUMERIC_TYPES


def load_methodology(path: str | Path, known_targets: Collection[str] | None = None) -> Methodology:
    """Read and validate a methodology file; raises MethodologyInvalid with every problem."""
    path = Path(path)
    try:
        text = read_source(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise MethodologyInvalid(f"{path}: cannot read the file", [Problem(str(path), None, "", str(exc))]) from exc
    return parse_methodology(text, str(path), known_targets)


def parse_methodology(text: str, file: str, known_targets: Collection[str] | None = None) -> Methodology:
    methodology, report = check_methodology(text, file, known_targets)
    if methodology is None:
        count = len(report.problems)
        raise MethodologyInvalid(f"{file}: {count} problem{'s' if count != 1 else ''}; the file was rejected",
                                 report.problems)
    return methodology


def check_methodology(text: str, file: str, known_targets: Collection[str] | None = None
                      ) -> tuple[Methodology | None, Report]:
    """Validate without raising: the methodology (None if invalid) and the report of all problems."""
    report = Report(file)
    try:
        root = read_yaml(text, file, report.problems)
    except YamlSyntaxError as exc:
        report.problems.append(exc.problem)
        return None, report
    builder = _Builder(report, known_targets)
    methodology = builder.build(root, text)
    report.problems.sort(key=lambda p: p.line or 0)
    return (methodology if report.ok else None), report


class _Builder:
    def __init__(self, report: Report, known_targets: Collection[str] | None) -> None:
        self.report = report
        self.known_targets = frozenset(known_targets) if known_targets is not None else None
        self.points: dict[str, list[tuple[str, float]]] = {}  # pillar -> (indicator, max_points) as written
        self.unsure_pillars: set[str] = set()  # an indicator's max_points could not be read
        self.pillar_lines: dict[str, int] = {}

    # ------------------------------------------------------------------------------------- top level

    def build(self, root: Node | None, text: str) -> Methodology | None:
        top = Fields(self.report, root, "", TOP_KEYS)
        if not top.ok:
            return None
        fmt = top.string("format")
        if fmt is not None and fmt != FORMAT:
            top.problem("format", f"unsupported format {fmt!r} (expected {FORMAT!r})")
        ident = top.string("id", pattern=ID_PATTERN, what="an id (lowercase letters, digits and '-')")
        version = top.get("version", str)
        title = top.text("title")
        legal = self.legal_basis(top)
        provenance = self.provenance(top)
        applies_to = self.applies_to(top)
        cycle_from, cycle_to = self.cycles(top)
        max_points = top.number("max_points", minimum=0)
        bands = self.bands(top)
        pillars = self.pillars(top)
        indicators = self.indicators(top, {p.code: p for p in pillars})
        self.check_points(top, max_points, pillars, indicators)
        if not self.report.ok or None in (ident, version, title, provenance, cycle_from, max_points):
            return None
        return Methodology(
            id=MethodologyId(ident), version=version, title=title, legal_basis=legal, provenance=provenance,
            applies_to=applies_to, cycle_from=cycle_from, cycle_to=cycle_to, max_points=max_points,
            bands=bands, pillars=tuple(pillars), indicators=tuple(i for i, _ in indicators),
            source_text=text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )

    def legal_basis(self, top: Fields) -> tuple[LegalDocument, ...]:
        documents = []
        for i, node in enumerate(top.items("legal_basis")):
            f = Fields(self.report, node, f"legal_basis[{i}]", {"document", "date", "title", "url"})
            doc, title = f.string("document"), f.text("title")
            date, url = f.get("date", dt.date, required=False), f.string("url", required=False)
            if doc and title:
                documents.append(LegalDocument(doc, title, date, url))
        return tuple(documents)

    def provenance(self, top: Fields) -> Provenance | None:
        f = Fields(self.report, top.child("provenance"), "provenance",
                   {"official_wording", "official_points", "note", "sources"}, top.line_of("provenance"))
        if not top.has("provenance"):
            top.problem("provenance", "required key is missing")
            return None
        wording, points = f.get("official_wording", bool), f.get("official_points", bool)
        note = f.text("note")
        sources = tuple(str(n.value) for n in f.items("sources", required=False))
        if wording is None or points is None or note is None:
            return None
        return Provenance(wording, points, note, sources)

    def applies_to(self, top: Fields) -> frozenset[UnitKind]:
        kinds = set()
        for i, node in enumerate(top.items("applies_to")):
            if not isinstance(node.value, str) or node.value not in {k.value for k in UnitKind}:
                self.report.add(node.line, f"applies_to[{i}]", f"unknown unit kind {node.value!r} "
                                f"(expected one of: {', '.join(k.value for k in UnitKind)})")
            else:
                kinds.add(UnitKind(node.value))
        return frozenset(kinds)

    def cycles(self, top: Fields) -> tuple[int | None, int | None]:
        if not top.has("cycles"):
            top.problem("cycles", "required key is missing")
            return None, None
        f = Fields(self.report, top.child("cycles"), "cycles", {"from", "to"})
        start, end = f.integer("from"), f.integer("to", required=False)
        if start is not None and end is not None and end < start:
            f.problem("to", f"the last cycle ({end}) is before the first ({start})")
        return start, end

    def bands(self, top: Fields) -> tuple[Band, ...]:
        if not top.has("bands"):
            return DEFAULT_BANDS
        bands: list[Band] = []
        for i, node in enumerate(top.items("bands")):
            f = Fields(self.report, node, f"bands[{i}]", {"code", "min_index", "name"})
            code, low, name = f.integer("code"), f.number("min_index", minimum=0), f.text("name")
            if low is not None and low > 1:
                f.problem("min_index", "must be between 0 and 1")
            if bands and low is not None and low <= bands[-1].min_index:
                f.problem("min_index", "bands must be listed with strictly increasing min_index")
            if code is not None and low is not None and name is not None:
                bands.append(Band(code, low, name))
        if bands and bands[0].min_index != 0:
            self.report.add(top.line_of("bands"), "bands[0].min_index", "the first band must start at 0")
        return tuple(bands)

    # --------------------------------------------------------------------------------------- pillars

    def pillars(self, top: Fields) -> list[Pillar]:
        pillars: list[Pillar] = []
        seen: dict[str, int] = {}
        for i, node in enumerate(top.items("pillars")):
            f = Fields(self.report, node, _item_path("pillars", i, node), {"code", "name", "group", "max_points",
                                                                           "scored"})
            code = self.unique_code(f, "pillars", PILLAR_PATTERN, "a pillar code (2–8 capitals/digits)", seen)
            name = f.text("name")
            group = f.choice("group", ("foundation", "activity", "other"))
            max_points = f.number("max_points", minimum=0)
            scored = f.boolean("scored", True)
            if not scored and max_points:
                f.problem("max_points", "an unscored pillar must have max_points 0")
            if None not in (code, name, group, max_points):
                pillars.append(Pillar(code, name, group, max_points, scored))
                self.pillar_lines[code] = f.line_of("max_points")
        return pillars

    def unique_code(self, f: Fields, section: str, pattern: str, what: str, seen: dict[str, int]) -> str | None:
        """The item's code, reported if malformed or already used in the section (then None)."""
        code = f.string("code", pattern=pattern, what=what)
        if code is None:
            return None
        f.path = f"{section}[{code}]"
        if code in seen:
            f.problem("code", f"duplicate {section[:-1]} code {code!r} (first at line {seen[code]})")
            return None
        seen[code] = f.line_of("code")
        return code

    # ------------------------------------------------------------------------------------ indicators

    def indicators(self, top: Fields, pillars: dict[str, Pillar]) -> list[tuple[Indicator, Fields]]:
        raw: list[tuple[Fields, str, AnswerSpec | None]] = []
        seen: dict[str, int] = {}
        for i, node in enumerate(top.items("indicators")):
            f = Fields(self.report, node, _item_path("indicators", i, node), INDICATOR_KEYS)
            code = self.unique_code(f, "indicators", CODE_PATTERN, "an indicator code (letters, digits, '_')", seen)
            raw.append((f, code or "", self.answer(f)))
        specs = {code: spec for _, code, spec in raw if code and spec is not None}
        built = [self.indicator(f, code, spec, pillars, specs) for f, code, spec in raw]
        result = [(ind, f) for ind, (f, _, _) in zip(built, raw, strict=True) if ind is not None]
        self.check_orders(result)
        self.check_cycles(result)
        return result

    def indicator(self, f: Fields, code: str, spec: AnswerSpec | None, pillars: dict[str, Pillar],
                  specs: Mapping[str, AnswerSpec]) -> Indicator | None:
        pillar = f.string("pillar")
        if pillar is not None and pillar not in pillars:
            f.problem("pillar", f"unknown pillar {pillar!r} (pillars: {', '.join(pillars) or 'none'})")
            pillar = None
        order, text, guidance = f.integer("order"), f.text("text"), f.text("guidance")
        max_points = f.number("max_points", minimum=0)
        if pillar is not None:
            if max_points is None:
                self.unsure_pillars.add(pillar)
            else:
                self.points.setdefault(pillar, []).append((code or "?", max_points))
        if pillar and max_points and not pillars[pillar].scored:
            f.problem("max_points", f"pillar {pillar} is not scored: its indicators must have max_points 0")
        target = self.target(f, spec)
        scoring = self.scoring(f, spec, max_points, target, specs)
        evidence = self.evidence(f)
        scope = AnswerScope(specs)
        applies_if = self.expression(f, "applies_if", scope, specs)
        relevant_if = self.expression(f, "relevant_if", scope, specs)
        checks = self.checks(f, code, specs)
        na_allowed = f.boolean("not_applicable_allowed", False)
        if None in (code or None, pillar, order, text, guidance, spec, max_points, scoring):
            return None
        return Indicator(
            code=IndicatorCode(code), pillar=pillar, order=order, text=text, guidance=guidance, answer=spec,
            max_points=max_points, scoring=scoring, evidence=evidence, applies_if=applies_if,
            not_applicable_allowed=na_allowed, relevant_if=relevant_if, checks=checks,
            target_id=TargetId(target) if target else None,
        )

    def answer(self, f: Fields) -> AnswerSpec | None:
        node = f.child("answer")
        if node is None:
            f.problem("answer", "required key is missing")
            return None
        type_name = node.get("type").value if isinstance(node.value, dict) and node.get("type") else None
        try:
            kind = AnswerType(type_name) if isinstance(type_name, str) else None
        except ValueError:
            kind = None
        allowed = {"type"} | (ANSWER_KEYS[kind] if kind else set().union(*ANSWER_KEYS.values()))
        a = Fields(self.report, node, f.sub("answer"), allowed)
        a.choice("type", [t.value for t in AnswerType])
        if kind is None:
            return None
        spec = AnswerSpec(type=kind, unit=a.text("unit", required=False))
        minimum, maximum = a.number("min", required=False), a.number("max", required=False)
        if kind == AnswerType.PERCENT:
            minimum = 0.0 if minimum is None else minimum
            maximum = 100.0 if maximum is None else maximum
        if kind == AnswerType.COUNT:
            minimum = 0.0
        if minimum is not None and maximum is not None and maximum < minimum:
            a.problem("max", f"max ({maximum:g}) is below min ({minimum:g})")
        options: tuple[Option, ...] = ()
        if kind in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE):
            options = self.options(a)
        numerator = a.text("numerator") if kind == AnswerType.RATIO else None
        denominator = a.text("denominator") if kind == AnswerType.RATIO else None
        max_length = a.integer("max_length", required=False)
        floor = 0.0 if kind == AnswerType.RATIO else minimum  # a ratio's parts are never negative
        plausible = self.plausible(a, floor, maximum) if a.has("plausible") else (None, None)
        return AnswerSpec(kind, spec.unit, minimum, maximum, options, numerator, denominator,
                          a.boolean("allow_over", False), max_length, *plausible)

    def plausible(self, a: Fields, minimum: float | None, maximum: float | None) -> tuple[float | None, float | None]:
        """`plausible: {min, max}`: where answers normally lie, inside the hard range (min/max)."""
        p = Fields(self.report, a.child("plausible"), a.sub("plausible"), {"min", "max"})
        if not p.ok:
            return None, None
        low, high = p.number("min", required=False), p.number("max", required=False)
        if low is None and high is None:
            p.problem("max", "give min, max or both")
        if low is not None and minimum is not None and low < minimum:
            p.problem("min", f"{low:g} is below the answer's min ({minimum:g})")
        if high is not None and maximum is not None and high > maximum:
            p.problem("max", f"{high:g} is above the answer's max ({maximum:g})")
        if low is not None and high is not None and high < low:
            p.problem("max", f"max ({high:g}) is below min ({low:g})")
        return low, high

    def options(self, a: Fields) -> tuple[Option, ...]:
        options: list[Option] = []
        seen: set[str] = set()
        items = a.items("options")
        for i, node in enumerate(items):
            o = Fields(self.report, node, a.sub(f"options[{i}]"), {"code", "text", "points"})
            code = o.string("code", pattern=OPTION_PATTERN, what="an option code (lowercase, digits, '_')")
            if code in seen:
                o.problem("code", f"duplicate option code {code!r}")
            text, points = o.text("text"), o.number("points", required=False, minimum=0)
            if code and text and code not in seen:
                options.append(Option(code, text, points))
                seen.add(code)
        if items and len(items) < 2:
            a.problem("options", "a choice needs at least 2 options")
        if len(options) > 62:
            a.problem("options", "at most 62 options")
        return tuple(options)

    def target(self, f: Fields, spec: AnswerSpec | None) -> str | None:
        target = f.string("target", required=False)
        if target is None:
            return None
        if self.known_targets is not None and target not in self.known_targets:
            f.problem("target", f"unknown target id {target!r}")
        if spec is not None and spec.type not in TARGET_TYPES:
            f.problem("target", f"only numeric answers can be compared with a target, not {spec.type.value}")
        return target

    def scoring(self, f: Fields, spec: AnswerSpec | None, max_points: float | None, target: str | None,
                specs: Mapping[str, AnswerSpec]) -> ScoringSpec | None:
        node = f.child("scoring")
        if node is None:
            if max_points == 0:
                return ScoringSpec(Rule.NONE)
            f.problem("scoring", "required key is missing (an indicator with points needs a scoring rule)")
            return None
        rule_name = node.get("rule").value if isinstance(node.value, dict) and node.get("rule") else None
        rule = Rule(rule_name) if isinstance(rule_name, str) and rule_name in {r.value for r in RULE_KEYS} else None
        s = Fields(self.report, node, f.sub("scoring"),
                   {"rule"} | (RULE_KEYS[rule] if rule else set().union(*RULE_KEYS.values())))
        s.choice("rule", [r.value for r in RULE_KEYS])
        if rule is None:
            return None
        if spec is not None and spec.type not in RULE_TYPES[rule]:
            allowed = ", ".join(sorted(t.value for t in RULE_TYPES[rule]))
            s.problem("rule", f"rule {rule.value!r} cannot score a {spec.type.value} answer (it scores: {allowed})")
            return None
        return self._rule_params(rule, s, spec, max_points, target, specs)

    def _rule_params(self, rule: Rule, s: Fields, spec: AnswerSpec | None, max_points: float | None,
                     target: str | None, specs: Mapping[str, AnswerSpec]) -> ScoringSpec | None:
        if rule == Rule.RATIO:
            zero = s.choice("zero_denominator", ("zero", "full", "not_applicable"))
            return ScoringSpec(rule, zero_denominator=zero) if zero else None
        if rule == Rule.PERCENT_OF_TARGET:
            return self._percent_of_target(s, target)
        if rule == Rule.STEPS:
            return self._steps(s, max_points)
        if rule == Rule.CHOICE and spec is not None:
            for i, option in enumerate(spec.options):
                if option.points is None:
                    self.report.add(s.line, s.path.replace(".scoring", f".answer.options[{i}].points"),
                                    "the choice rule needs points on every option")
                elif spec.type == AnswerType.CHOICE and max_points is not None and option.points > max_points:
                    self.report.add(s.line, s.path.replace(".scoring", f".answer.options[{i}].points"),
                                    f"{option.points:g} points exceed the indicator's max_points {max_points:g}")
        if rule == Rule.BOOLEAN:
            half_if = self.expression(s, "half_if", AnswerScope(specs), specs)
            return ScoringSpec(rule, half_if=half_if)
        return ScoringSpec(rule)

    def _percent_of_target(self, s: Fields, target: str | None) -> ScoringSpec | None:
        fixed = s.number("target", required=False)
        source = s.choice("target_from", ("linked",), required=False)
        if (fixed is None) == (source is None):
            s.problem("target", "give either target: <number> or target_from: linked")
            return None
        if fixed is not None and fixed <= 0:
            s.problem("target", "must be greater than 0")
            return None
        if source and not target:
            s.problem("target_from", "target_from: linked needs the indicator to link a target (target: <id>)")
            return None
        return ScoringSpec(Rule.PERCENT_OF_TARGET, target_value=fixed, target_from_linked=source is not None)

    def _steps(self, s: Fields, max_points: float | None) -> ScoringSpec | None:
        steps: list[Step] = []
        for i, node in enumerate(s.items("steps")):
            st = Fields(self.report, node, s.sub(f"steps[{i}]"), {"min", "points"})
            low, points = st.number("min"), st.number("points", minimum=0)
            if points is not None and max_points is not None and points > max_points:
                st.problem("points", f"{points:g} points exceed the indicator's max_points {max_points:g}")
            if low is not None and any(low == other.minimum for other in steps):
                st.problem("min", f"two steps start at {low:g}")
            elif low is not None and points is not None:
                steps.append(Step(low, points))
        ordered = tuple(sorted(steps, key=lambda step: -step.minimum))
        return ScoringSpec(Rule.STEPS, steps=ordered) if steps else None

    def evidence(self, f: Fields) -> EvidenceRequirement:
        if not f.has("evidence"):
            return EvidenceRequirement()
        e = Fields(self.report, f.child("evidence"), f.sub("evidence"), {"required", "documents"})
        required = e.boolean("required", False)
        documents = e.text("documents", required=required)
        return EvidenceRequirement(required, documents)

    def expression(self, f: Fields, key: str, scope: AnswerScope, specs: Mapping[str, AnswerSpec]
                   ) -> Expression | None:
        source = f.string(key, required=False)
        if source is None:
            return None
        try:
            return compile_expression(source, scope, tuple(specs))
        except ExpressionError as exc:
            shown = source if len(source) <= 80 else f"{source[:80]}…"
            f.problem(key, f"{exc.message} (column {exc.position + 1} of {shown!r})")
            return None

    def checks(self, f: Fields, code: str, specs: Mapping[str, AnswerSpec]) -> tuple[Check, ...]:
        checks = []
        for i, node in enumerate(f.items("validate", required=False)):
            c = Fields(self.report, node, f.sub(f"validate[{i}]"), {"check", "message"})
            expression = self.expression(c, "check", AnswerScope(specs, own=code or None), specs)
            message = c.text("message")
            if expression is not None and message is not None:
                checks.append(Check(expression, message))
        return tuple(checks)

    # --------------------------------------------------------------------------------- cross-checks

    def check_orders(self, indicators: list[tuple[Indicator, Fields]]) -> None:
        seen: dict[tuple[str, int], str] = {}
        for indicator, f in indicators:
            key = (indicator.pillar, indicator.order)
            if key in seen:
                f.problem("order", f"order {indicator.order} is already used by {seen[key]} in pillar "
                                   f"{indicator.pillar}")
            seen[key] = indicator.code

    def check_cycles(self, indicators: list[tuple[Indicator, Fields]]) -> None:
        by_code = {ind.code: (ind, f) for ind, f in indicators}
        graph = {code: _dependencies(ind) for code, (ind, _) in by_code.items()}
        for cycle in find_cycles(graph):
            indicator, f = by_code[cycle[0]]
            following = cycle[1 % len(cycle)]
            key = next((k for k, expr in _expressions(indicator) if expr and following in expr.references), "code")
            f.problem(key, "circular reference: " + " → ".join([*cycle, cycle[0]]))

    def check_points(self, top: Fields, max_points: float | None, pillars: list[Pillar],
                     indicators: list[tuple[Indicator, Fields]]) -> None:
        for pillar in pillars:
            members = self.points.get(pillar.code, [])
            total = sum(points for _, points in members)
            if not members and pillar.code not in self.unsure_pillars:
                self.report.add(self.pillar_lines[pillar.code], f"pillars[{pillar.code}]",
                                "the pillar has no indicators")
            elif (pillar.code not in self.unsure_pillars and pillar.scored
                  and abs(total - pillar.max_points) > POINTS_TOLERANCE):
                listing = ", ".join(f"{code}={points:g}" for code, points in members)
                self.report.add(self.pillar_lines[pillar.code], f"pillars[{pillar.code}].max_points",
                                f"the indicators' max_points add up to {total:g}, not {pillar.max_points:g} "
                                f"({listing})")
        scored = sum(p.max_points for p in pillars if p.scored)
        if max_points is not None and pillars and abs(scored - max_points) > POINTS_TOLERANCE:
            top.problem("max_points", f"the scored pillars add up to {scored:g}, not {max_points:g}")


def _item_path(section: str, index: int, node: Node) -> str:
    """indicators[CQS01] when the item has a readable code, else indicators[3]."""
    code = node.get("code") if isinstance(node.value, dict) else None
    if code is not None and isinstance(code.value, str) and code.value:
        return f"{section}[{code.value}]"
    return f"{section}[{index}]"


def _expressions(indicator: Indicator) -> tuple[tuple[str, Expression | None], ...]:
    return (("applies_if", indicator.applies_if), ("relevant_if", indicator.relevant_if),
            ("scoring", indicator.scoring.half_if))


def _dependencies(indicator: Indicator) -> set[str]:
    """Indicators whose state must be known before this one's applicability, relevance and points."""
    return {code for _, expr in _expressions(indicator) if expr is not None for code in expr.references}
