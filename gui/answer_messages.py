"""Why a value was refused, in the window's language. The keys and English templates are the core's
(assessment.domain.answers.MESSAGES); lupdate collects the templates from here for translation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP

from assessment.domain.answers import AnswerProblem
from assessment.domain.model import Check
from gui.i18n import tr

TEMPLATES = {
    "not_a_number": QT_TRANSLATE_NOOP("", "{text!r} is not a number"),
    "ambiguous_number": QT_TRANSLATE_NOOP("", "{text!r} could be {first} or {second}: write it without a thousands "
                                              "separator"),
    "ambiguous_typed": QT_TRANSLATE_NOOP("", "{text!r} could be {first} or {second}: type the one you mean as written "
                                             "here"),
    "not_yes_no": QT_TRANSLATE_NOOP("", "{text!r} is not yes/no (use 1/0, có/không)"),
    "not_a_date": QT_TRANSLATE_NOOP("", "{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)"),
    "ratio_in_value": QT_TRANSLATE_NOOP("", "a ratio is given as numerator and denominator, not value"),
    "na_not_allowed": QT_TRANSLATE_NOOP("", "this indicator cannot be declared not applicable"),
    "na_and_value": QT_TRANSLATE_NOOP("", "give either a value or not applicable, not both"),
    "not_whole": QT_TRANSLATE_NOOP("", "{value:g} is not a whole number"),
    "must_be_yes_no": QT_TRANSLATE_NOOP("", "must be yes or no"),
    "not_option": QT_TRANSLATE_NOOP("", "{value!r} is not an option (options: {options})"),
    "chosen_twice": QT_TRANSLATE_NOOP("", "an option is chosen twice"),
    "too_long": QT_TRANSLATE_NOOP("", "longer than {limit} characters"),
    "manual_range": QT_TRANSLATE_NOOP("", "points must be between 0 and {maximum:g}"),
    "below_min": QT_TRANSLATE_NOOP("", "{value:g} is below the minimum {minimum:g}"),
    "above_max": QT_TRANSLATE_NOOP("", "{value:g} is above the maximum {maximum:g}"),
    "ratio_both": QT_TRANSLATE_NOOP("", "a ratio needs both numerator and denominator"),
    "negative": QT_TRANSLATE_NOOP("", "must not be negative"),
    "over_denominator": QT_TRANSLATE_NOOP("", "{a:g} is larger than the denominator {b:g}"),
    "implausible": QT_TRANSLATE_NOOP("", "{value} is outside the plausible range {low}–{high}"),
    "control_char": QT_TRANSLATE_NOOP("", "contains a control character (U+{char:04X}) at character {at}"),
    "bad_character": QT_TRANSLATE_NOOP("", "contains an invalid character (a lone surrogate U+{char:04X}) at "
                                           "character {at}"),
}


def word(reason: Sequence[AnswerProblem] | Check | str | None, lang: str) -> str:
    """A refusal as a sentence for the user (numbers with a decimal comma in Vietnamese)."""
    if reason is None:
        return ""
    if isinstance(reason, str):
        return reason
    if isinstance(reason, Check):
        return reason.message.get(lang)
    sentences = []
    for problem in reason:
        text = tr(TEMPLATES[problem.code]).format(**problem.params)
        sentences.append(text)
    return "; ".join(sentences)
