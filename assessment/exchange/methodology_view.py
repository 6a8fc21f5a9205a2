"""A methodology as plain data (JSON) or as text, as it was loaded: what `methodology show` prints."""

from __future__ import annotations

from typing import Any

from assessment.domain.model import Indicator, Methodology, ScoringSpec, plausible_range


def scoring_dict(spec: ScoringSpec, indicator: Indicator) -> dict[str, Any]:
    data: dict[str, Any] = {"rule": spec.rule.value}
    if spec.zero_denominator:
        data["zero_denominator"] = spec.zero_denominator
    if spec.target_value is not None:
        data["target"] = spec.target_value
    if spec.target_from_linked:
        data["target_from"] = "linked"
    if spec.steps:
        data["steps"] = [{"min": s.minimum, "points": s.points} for s in spec.steps]
    if spec.half_if is not None:
        data["half_if"] = spec.half_if.source
    if indicator.answer.options and spec.rule.value == "choice":
        data["option_points"] = {o.code: o.points for o in indicator.answer.options}
    return data


def indicator_dict(indicator: Indicator) -> dict[str, Any]:
    answer = indicator.answer
    return {
        "code": indicator.code,
        "pillar": indicator.pillar,
        "order": indicator.order,
        "text": {"vi": indicator.text.vi, "en": indicator.text.en},
        "answer_type": answer.type.value,
        "options": [o.code for o in answer.options] or None,
        "min": answer.minimum,
        "max": answer.maximum,
        "plausible": list(bounds) if (bounds := plausible_range(answer)) else None,  # declared or default
        "max_points": indicator.max_points,
        "scoring": scoring_dict(indicator.scoring, indicator),
        "applies_if": indicator.applies_if.source if indicator.applies_if else None,
        "not_applicable_allowed": indicator.not_applicable_allowed,
        "relevant_if": indicator.relevant_if.source if indicator.relevant_if else None,
        "validate": [c.expression.source for c in indicator.checks],
        "evidence_required": indicator.evidence.required,
        "target": indicator.target_id,
    }


def methodology_dict(m: Methodology) -> dict[str, Any]:
    return {
        "id": m.id,
        "version": m.version,
        "sha256": m.sha256,
        "title": {"vi": m.title.vi, "en": m.title.en},
        "legal_basis": [d.document for d in m.legal_basis],
        "official_wording": m.provenance.official_wording,
        "official_points": m.provenance.official_points,
        "provenance": {"vi": m.provenance.note.vi, "en": m.provenance.note.en},
        "applies_to": sorted(k.value for k in m.applies_to),
        "cycles": {"from": m.cycle_from, "to": m.cycle_to},
        "max_points": m.max_points,
        "bands": [{"code": b.code, "min_index": b.min_index, "name": {"vi": b.name.vi, "en": b.name.en}}
                  for b in m.bands],
        "pillars": [{"code": p.code, "name": {"vi": p.name.vi, "en": p.name.en}, "group": p.group,
                     "max_points": p.max_points, "scored": p.scored} for p in m.pillars],
        "indicators": [indicator_dict(i) for i in m.indicators],
    }


def methodology_text(m: Methodology, lang: str = "vi") -> str:
    lines = [f"{m.id} {m.version} — {m.title.get(lang)}",
             f"  {', '.join(d.document for d in m.legal_basis)}; {m.max_points:g} points; "
             f"{'official' if m.provenance.official_points else 'reconstructed (not official)'} points",
             f"  {m.provenance.note.get(lang)}"]
    for pillar in m.pillars:
        lines.append(f"\n[{pillar.code}] {pillar.name.get(lang)} — {pillar.max_points:g} points"
                     + ("" if pillar.scored else " (not scored)"))
        for i in sorted(m.indicators_of(pillar.code), key=lambda i: i.order):
            rule = scoring_dict(i.scoring, i)
            extra = {k: v for k, v in rule.items() if k != "rule"}
            lines.append(f"  {i.code:<7} {i.max_points:>5g}  {i.answer.type.value:<12} {rule['rule']:<17} "
                         f"{i.text.get(lang)}")
            if extra:
                lines.append(f"  {'':7} {'':>5}  {'':12} {extra}")
            if i.applies_if:
                lines.append(f"  {'':7} {'':>5}  applies if: {i.applies_if.source}")
            if i.target_id:
                lines.append(f"  {'':7} {'':>5}  target: {i.target_id}")
    return "\n".join(lines)
