"""Scoring rules as one registry (assessment.domain.rules): each rule says which answers it scores, which keys it reads,
how it scores and how it is described; the loader, the engine and `methodology show` hold no rule of their own."""

from __future__ import annotations

from assessment.domain.model import AnswerType, Rule
from assessment.domain.rules import RULES, WRITTEN_RULES
from assessment.exchange.methodology_view import scoring_dict
from questionnaires.catalog import shipped_methodologies


def test_every_rule_has_one_entry_and_only_the_benchmark_reads_the_peers():
    assert set(RULES) == set(Rule)
    assert all(rule.rule == name for name, rule in RULES.items())
    assert {name for name, rule in RULES.items() if rule.peer_dependent} == {Rule.BENCHMARK}
    assert Rule.NONE not in WRITTEN_RULES  # never written in a file: unscored pillars get it


def test_a_rule_scores_only_the_answers_it_declares():
    assert RULES[Rule.RATIO].answer_types == {AnswerType.RATIO}
    assert RULES[Rule.BOOLEAN].answer_types == {AnswerType.BOOLEAN}
    assert AnswerType.TEXT not in RULES[Rule.STEPS].answer_types


def test_the_shipped_methodologies_describe_each_rule_with_its_own_keys():
    for methodology in shipped_methodologies():
        for indicator in methodology.indicators:
            described = scoring_dict(indicator.scoring, indicator)
            assert described["rule"] == indicator.scoring.rule.value
            extra = set(described) - {"rule", "option_points"}
            assert extra <= set(RULES[indicator.scoring.rule].keys), (indicator.code, extra)


def test_an_unknown_rule_is_refused_naming_the_registered_ones(targets):
    from questionnaires.catalog import QUESTIONNAIRES_DIR
    from questionnaires.loader import check_methodology

    body = (QUESTIONNAIRES_DIR / "hanoi-2025-commune.yaml").read_text(encoding="utf-8")
    first = body.index("rule: ")
    changed = body[:first] + "rule: doubled" + body[body.index("\n", first):]
    methodology, report = check_methodology(changed, "m.yaml", targets.ids)
    assert methodology is None
    message = " ".join(str(p) for p in report.problems)
    assert "doubled" in message and all(name.value in message for name in WRITTEN_RULES)
