"""Turning what a user typed (a form field, a spreadsheet cell) into an `Answer`, and refusing bad values.

`parse_answer` reads text cells; `answer_problems` checks an Answer against its indicator. Both return
`AnswerProblem`s: the field (column or editor) and a message code with its parameters. The CLI prints the
English template (`.message`); the window shows its translation of the same template. The window and the
importer use the same functions, so a value refused in one is refused in the other.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from assessment.domain.errors import BadInput
from assessment.domain.model import Answer, AnswerType, Indicator, IndicatorCode, Methodology, plausible_range
from assessment.domain.text_limits import LIMITS, clean_text, text_fault

TRUE_WORDS = {"1", "true", "yes", "y", "x", "có", "co", "đúng", "dung", "c"}
FALSE_WORDS = {"0", "false", "no", "n", "không", "khong", "k", "sai"}
_DIGITS = re.compile(r"[\d.,]*\d[\d.,]*")
_SPACES = re.compile(r"[\s\u00a0\u202f]")  # "2 000" with a (non-breaking) space as thousands separator

# English templates; gui/answer_messages.py holds the same keys for translation (a test keeps them equal).
MESSAGES = {
    "not_a_number": "{text!r} is not a number",
    "ambiguous_number": "{text!r} could be {first} or {second}: write it without a thousands separator",
    "ambiguous_typed": "{text!r} could be {first} or {second}: type the one you mean as written here",
    "not_yes_no": "{text!r} is not yes/no (use 1/0, có/không)",
    "not_a_date": "{text!r} is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
    "ratio_in_value": "a ratio is given as numerator and denominator, not value",
    "na_not_allowed": "this indicator cannot be declared not applicable",
    "na_and_value": "give either a value or not applicable, not both",
    "not_whole": "{value:g} is not a whole number",
    "must_be_yes_no": "must be yes or no",
    "not_option": "{value!r} is not an option (options: {options})",
    "chosen_twice": "an option is chosen twice",
    "too_long": "longer than {limit} characters",
    "manual_range": "points must be between 0 and {maximum:g}",
    "below_min": "{value:g} is below the minimum {minimum:g}",
    "above_max": "{value:g} is above the maximum {maximum:g}",
    "ratio_both": "a ratio needs both numerator and denominator",
    "negative": "must not be negative",
    "over_denominator": "{a:g} is larger than the denominator {b:g}",
    "implausible": "{value} is outside the plausible range {low}–{high}",
    "control_char": "contains a control character (U+{char:04X}) at character {at}",
    "bad_character": "contains an invalid character (a lone surrogate U+{char:04X}) at character {at}",
}


class AnswerProblem(NamedTuple):
    field: str  # value | numerator | denominator | choice | not_applicable | manual_points | confirmed
    code: str  # a key of MESSAGES
    params: dict[str, Any]

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(**self.params)


def _problem(field: str, code: str, **params: Any) -> AnswerProblem:
    return AnswerProblem(field, code, params)


Problems = list[AnswerProblem]


class AmbiguousNumber(ValueError):
    """A number whose separator could be decimal or thousands ("2.000": 2 or 2000)."""

    def __init__(self, text: str, first: float, second: float) -> None:
        super().__init__(text)
        self.text, self.first, self.second = text, first, second


def parse_number(text: str, decimal_mark: str | None = None) -> float | None:
    """'12', '12.5', '12,5', ' 80 % ', '1.234.567', '1.234,5' -> float; raises ValueError for anything else and
    AmbiguousNumber when one separator followed by three digits could be either ('2.000', '1,500').

    `decimal_mark` is the language's ("," in Vietnamese, "." in English; None for files, whose rule stays the
    one above): a lone decimal mark is then a decimal ("2.345" is 2.345 in English), and only a lone thousands
    mark before three digits is ambiguous ("1,234" in English could be 1234 or a decimal comma typed by habit);
    `first` is then the language's reading."""
    cleaned = _SPACES.sub("", text.strip().removesuffix("%"))
    sign = -1.0 if cleaned.startswith("-") else 1.0
    cleaned = cleaned[1:] if cleaned[:1] in "+-" else cleaned
    if not _DIGITS.fullmatch(cleaned):
        raise ValueError(text)
    try:
        value = sign * float(_plain_digits(cleaned, decimal_mark))
    except _Ambiguous as both:
        raise AmbiguousNumber(text, sign * both.first, sign * both.second) from None
    if not math.isfinite(value):
        raise ValueError(text)
    return value


class _Ambiguous(ValueError):
    def __init__(self, first: float, second: float) -> None:
        super().__init__()
        self.first, self.second = first, second


def _plain_digits(text: str, decimal_mark: str | None = None) -> str:
    """Digits with separators -> a Python float literal. Two kinds of separator: the last one is the decimal
    mark; one kind repeated: thousands groups; one separator: decimal, unless it could be either (with a
    language's `decimal_mark`: unless it is the thousands mark before three digits)."""
    marks = [c for c in text if c in ".,"]
    if not marks:
        return text
    if len(set(marks)) == 2:
        decimal = marks[-1]
        whole, _, fraction = text.rpartition(decimal)
        if decimal in whole:
            raise ValueError(text)
        return _ungrouped(whole, "," if decimal == "." else ".", text) + "." + fraction
    if len(marks) > 1:
        return _ungrouped(text, marks[0], text)
    whole, fraction = text.split(marks[0])
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0") and marks[0] != decimal_mark:
        as_decimal, as_thousands = float(f"{whole}.{fraction}"), float(whole + fraction)
        if decimal_mark is None:
            raise _Ambiguous(as_decimal, as_thousands)
        raise _Ambiguous(as_thousands, as_decimal)  # the language's reading first
    return f"{whole or '0'}.{fraction or '0'}"


def _ungrouped(text: str, separator: str, original: str) -> str:
    """'1.234.567' -> '1234567'; groups after the first must have exactly three digits."""
    head, *groups = text.split(separator)
    if not 1 <= len(head) <= 3 or head.startswith("0") or any(len(g) != 3 for g in groups):
        raise ValueError(original)
    return head + "".join(groups)


def plain_number(value: float) -> str:
    """A number as text that `parse_number` reads back exactly and never finds ambiguous (no exponent, no
    thousands separator; '2.345' is written '2.3450')."""
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    whole, _, fraction = text.lstrip("-").partition(".")
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        text += "0"
    return text


def typed_number(value: float, decimal_mark: str) -> str:
    """A number as a person of that language types it ("2,345" in Vietnamese, "2.345" in English): no thousands
    separator, so `parse_number(text, decimal_mark)` reads it back exactly and never finds it ambiguous."""
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    return format(Decimal(repr(float(value))), "f").replace(".", decimal_mark)


def parse_flag(text: str) -> bool:
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS or word == "":
        return False
    raise ValueError(text)


def parse_date(text: str) -> dt.date:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_answer(indicator: Indicator, cells: Mapping[str, str],
                 decimal_mark: str | None = None) -> tuple[Answer | None, Problems]:
    """Read the cells value, numerator, denominator, choice, not_applicable, comment and confirmed for one
    indicator. Plausibility is not judged here (`plausibility_problems`): it depends on what is stored.
    `decimal_mark`: the typing person's language's (see `parse_number`); None for files."""
    problems: Problems = []

    def get(key: str) -> str:
        return (cells.get(key) or "").strip()

    kind = indicator.answer.type
    try:
        not_applicable = parse_flag(get("not_applicable"))
    except ValueError:
        problems.append(_problem("not_applicable", "not_yes_no", text=get("not_applicable")))
        not_applicable = False
    value: float | str | None = None
    numerator = denominator = None
    choices: tuple[str, ...] | None = None
    raw = get("value") or (get("choice") if kind in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE) else "")
    column = "value" if get("value") else "choice"
    if kind == AnswerType.RATIO:
        numerator = _number_cell(get("numerator"), "numerator", problems, decimal_mark)
        denominator = _number_cell(get("denominator"), "denominator", problems, decimal_mark)
        if get("value"):
            problems.append(_problem("value", "ratio_in_value"))
    elif kind == AnswerType.BOOLEAN and raw:
        try:
            value = 1.0 if parse_flag(raw) else 0.0
        except ValueError:
            problems.append(_problem(column, "not_yes_no", text=raw))
    elif kind in (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT) and raw:
        value = _number_cell(raw, column, problems, decimal_mark)
    elif kind == AnswerType.CHOICE and raw:
        value = raw.lower()
    elif kind == AnswerType.MULTI_CHOICE and raw:
        # "-" records "none of the options" (an answer), an empty cell records nothing.
        choices = () if raw == "-" else tuple(c.strip().lower() for c in re.split(r"[;,]", raw) if c.strip())
    elif kind == AnswerType.DATE and raw:
        try:
            value = parse_date(raw).isoformat()
        except ValueError:
            problems.append(_problem(column, "not_a_date", text=raw))
    elif kind == AnswerType.TEXT and raw:
        value = _nfc(raw, "text_answer")
    try:
        confirmed = parse_flag(get("confirmed"))
    except ValueError:
        problems.append(_problem("confirmed", "not_yes_no", text=get("confirmed")))
        confirmed = False
    if problems:
        return None, problems
    answer = Answer(IndicatorCode(indicator.code), value, numerator, denominator, choices, not_applicable,
                    comment=_nfc(get("comment"), "comment"), confirmed=confirmed)
    return settle_confirmation(indicator, answer), answer_problems(indicator, answer)


def _nfc(text: str, field: str) -> str:
    """The text as stored (NFC, LF line ends); refused text is kept as typed for `answer_problems` to report."""
    try:
        return clean_text(text, field, limit=10**9)
    except BadInput:
        return text


def _number_cell(text: str, column: str, problems: Problems, decimal_mark: str | None) -> float | None:
    if not text:
        return None
    try:
        return parse_number(text, decimal_mark)
    except AmbiguousNumber as both:
        if decimal_mark is None:
            problems.append(_problem(column, "ambiguous_number", text=text, first=plain_number(both.first),
                                     second=plain_number(both.second)))
        else:  # both readings as the person would type them
            problems.append(_problem(column, "ambiguous_typed", text=text, first=typed_number(both.first, decimal_mark),
                                     second=typed_number(both.second, decimal_mark)))
    except ValueError:
        problems.append(_problem(column, "not_a_number", text=text))
    return None


def answer_problems(indicator: Indicator, answer: Answer) -> Problems:
    """Why an answer cannot be accepted (empty list: it can)."""
    spec, kind = indicator.answer, indicator.answer.type
    has_value = answer.value is not None or answer.numerator is not None or answer.denominator is not None \
        or answer.choices is not None
    if answer.not_applicable:
        if not indicator.not_applicable_allowed:
            return [_problem("not_applicable", "na_not_allowed")]
        return [_problem("value", "na_and_value")] if has_value else []
    problems: Problems = []
    if kind == AnswerType.RATIO:
        problems += _ratio_problems(indicator, answer)
    elif isinstance(answer.value, float) and kind in (AnswerType.NUMBER, AnswerType.PERCENT, AnswerType.COUNT):
        problems += _range_problems(indicator, answer.value, "value")
        if kind == AnswerType.COUNT and answer.value != int(answer.value):
            problems.append(_problem("value", "not_whole", value=answer.value))
    elif kind == AnswerType.BOOLEAN and answer.value not in (None, 0.0, 1.0):
        problems.append(_problem("value", "must_be_yes_no"))
    elif kind == AnswerType.CHOICE and answer.value is not None and answer.value not in spec.option_codes():
        problems.append(_problem("choice", "not_option", value=answer.value, options=", ".join(spec.option_codes())))
    elif kind == AnswerType.MULTI_CHOICE and answer.choices is not None:
        unknown = [c for c in answer.choices if c not in spec.option_codes()]
        if unknown:
            problems.append(_problem("choice", "not_option", value=", ".join(unknown),
                                     options=", ".join(spec.option_codes())))
        if len(set(answer.choices)) != len(answer.choices):
            problems.append(_problem("choice", "chosen_twice"))
    elif kind == AnswerType.TEXT and isinstance(answer.value, str) and spec.max_length \
            and len(answer.value) > spec.max_length:
        problems.append(_problem("value", "too_long", limit=spec.max_length))
    if answer.manual_points is not None and not 0 <= answer.manual_points <= indicator.max_points:
        problems.append(_problem("manual_points", "manual_range", maximum=indicator.max_points))
    return problems + _text_problems(answer)


def _text_problems(answer: Answer) -> Problems:
    """Control characters, lone surrogates and over-long text in the comment or a text value (text_limits)."""
    problems: Problems = []
    texts = [("comment", "comment", answer.comment)]
    if isinstance(answer.value, str):
        texts.append(("value", "text_answer", answer.value))
    for column, field, text in texts:
        fault = text_fault(text, field)
        if fault is not None:
            code, params = fault
            problems.append(_problem(column, code, **({"limit": LIMITS[field]} if code == "too_long" else params)))
    return problems


def _range_problems(indicator: Indicator, value: float, field: str) -> Problems:
    spec = indicator.answer
    low = spec.minimum if spec.minimum is not None else (0.0 if spec.type == AnswerType.COUNT else None)
    if low is not None and value < low:
        return [_problem(field, "below_min", value=value, minimum=low)]
    if spec.maximum is not None and value > spec.maximum:
        return [_problem(field, "above_max", value=value, maximum=spec.maximum)]
    return []


def _ratio_problems(indicator: Indicator, answer: Answer) -> Problems:
    a, b = answer.numerator, answer.denominator
    if (a is None) != (b is None):
        missing = "denominator" if b is None else "numerator"
        return [_problem(missing, "ratio_both")]
    if a is None or b is None:
        return []
    if a < 0:
        return [_problem("numerator", "negative")]
    if b < 0:
        return [_problem("denominator", "negative")]
    if a > b and not indicator.answer.allow_over:
        return [_problem("numerator", "over_denominator", a=a, b=b)]
    return []


def _plausibility_parts(indicator: Indicator, answer: Answer) -> list[tuple[str, float | str | None, str]]:
    if indicator.answer.type == AnswerType.RATIO:
        return [("numerator", answer.numerator, "numerator"), ("denominator", answer.denominator, "denominator")]
    return [("value", answer.value, "value")]


def plausibility_problems(indicator: Indicator, answer: Answer, stored: Answer | None = None) -> Problems:
    """Numbers outside the indicator's plausible range that no person confirmed (`answer.confirmed`). A number
    equal to the stored one was confirmed when it was stored, so changing only the comment never asks again."""
    bounds = plausible_range(indicator.answer)
    if bounds is None or answer.confirmed or answer.not_applicable:
        return []
    low, high = bounds
    problems: Problems = []
    for field, value, name in _plausibility_parts(indicator, answer):
        before = getattr(stored, name) if stored is not None else None
        if isinstance(value, float) and not low <= value <= high and value != before:
            problems.append(_problem(field, "implausible", value=plain_number(value), low=plain_number(low),
                                     high=plain_number(high)))
    return problems


def outside_plausible(indicator: Indicator, answer: Answer) -> bool:
    """Whether any number of the answer lies outside the plausible range (confirmed or not)."""
    return bool(plausibility_problems(indicator, Answer(answer.indicator_code, answer.value, answer.numerator,
                                                         answer.denominator)))


def settle_confirmation(indicator: Indicator, answer: Answer) -> Answer:
    """`confirmed` only where it means something: on a value outside the plausible range."""
    if answer.confirmed and not outside_plausible(indicator, answer):
        from dataclasses import replace

        return replace(answer, confirmed=False)
    return answer


def with_confirmations(methodology: Methodology, answers: Sequence[Answer]) -> tuple[Answer, ...]:
    """Stored answers as they leave in a file or package: a value outside the plausible range was stored only
    through a confirmation, so it travels marked confirmed and the export → import round trip keeps it."""
    from dataclasses import replace

    marked = []
    for answer in answers:
        try:
            indicator = methodology.indicator(answer.indicator_code)
        except KeyError:
            marked.append(answer)
            continue
        marked.append(replace(answer, confirmed=outside_plausible(indicator, answer)))
    return tuple(marked)
