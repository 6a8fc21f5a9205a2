"""Translate conditions between dxscore's expression language and XLSForm's (XPath) where they mean the same.

XLSForm writes `${CODE}` for another question, `.` for the question's own value, `=` for equality, `''` for
"not answered", `true()`/`false()`, `not(...)` and `selected(${CODE}, 'option')`. dxscore writes `CODE`,
`value`, `==`, `null`, `true`/`false`, `not (...)` and `CODE == 'option'` (single choice) or `'option' in CODE`
(multiple choice). The translation is token by token and keeps the spacing, so an exported condition reads
back to exactly the text it came from; what has no XLSForm equivalent (`CODE.numerator`, `unit.urban`,
`in [...]`, division, functions) stays in dxscore's own column on export, and an XLSForm function dxscore
cannot evaluate (regex, if, count-selected, ...) is refused on import with its column in the expression.
Nothing here evaluates text: the result goes through expression_parser like any YAML condition.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assessment.domain.errors import ExpressionError
from assessment.domain.expression_parser import tokenize

MAX_LENGTH = 2_000  # the same order as expression_parser's limit; checked before any regex runs

_XPATH_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<ref>\$\{[A-Za-z_][A-Za-z0-9_]*\})
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_-]*)
  | (?P<op>!=|<=|>=|[=<>+\-*(),.])
    """,
    re.VERBOSE,
)
_SAME_OPS = {"!=", "<=", ">=", "<", ">", "+", "-", "*", "(", ")"}


def to_xlsform(source: str, codes: Mapping[str, str]) -> str | None:
    """The XLSForm spelling of a dxscore condition, or None when XLSForm cannot say it exactly.
    `codes` maps indicator codes to their answer type (choice, multi_choice, ...)."""
    try:
        tokens = tokenize(source)
    except ExpressionError:
        return None
    out: list[str] = []
    end = 0
    for i, token in enumerate(tokens[:-1]):
        following = tokens[i + 1]
        piece = _token_to_xlsform(token.kind, token.text, following.text, codes)
        if piece is None:
            return None
        out.append(source[end:token.pos] + piece)
        end = token.pos + len(token.text)
    out.append(source[end:])
    translated = "".join(out)
    try:
        back = to_dxscore(translated, codes)
    except ExpressionError:
        return None
    return translated if back == source else None


def _token_to_xlsform(kind: str, text: str, following: str, codes: Mapping[str, str]) -> str | None:
    if kind == "number":
        return text
    if kind == "string":
        return text if len(text) > 2 else None  # '' is XLSForm's "empty": it would read back as null
    if kind == "op":
        if text == "==":
            return "="
        return text if text in _SAME_OPS else None
    if text in codes:
        return None if following == "." else "${" + text + "}"
    if text == "value":
        return None if following == "." else "."
    if text in ("true", "false"):
        return text + "()"
    if text == "null":
        return "''"
    if text in ("and", "or"):
        return text
    if text == "not":
        return text if following == "(" else None
    return None  # in, unit, functions, other names


def to_dxscore(source: str, codes: Mapping[str, str]) -> str:
    """The dxscore spelling of an XLSForm condition; raises ExpressionError (0-based position) for what dxscore
    cannot evaluate."""
    if len(source) > MAX_LENGTH:
        raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters", MAX_LENGTH)
    tokens = _xpath_tokens(source)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        kind, text, pos = tokens[i]
        if kind == "ws":
            out.append(text)
            i += 1
            continue
        if kind == "name" and text == "selected":
            piece, i = _selected(tokens, i, codes)
            out.append(piece)
            continue
        if kind == "name" and text in ("true", "false"):
            if _next_texts(tokens, i, 2) != ["(", ")"]:
                raise ExpressionError(f"write {text}() as in XLSForm", pos)
            out.append(text)
            i = _skip(tokens, i, 2)
            continue
        out.append(_xpath_token(kind, text, pos, tokens, i))
        i += 1
    return "".join(out)


def _xpath_token(kind: str, text: str, pos: int, tokens: list[tuple[str, str, int]], i: int) -> str:
    if kind == "ref":
        return text[2:-1]
    if kind == "number":
        return text
    if kind == "string":
        return "null" if len(text) == 2 else text
    if kind == "op":
        if text == "=":
            return "=="
        if text == ".":
            return "value"
        if text == ",":
            raise ExpressionError("a ',' outside selected(...) has no dxscore equivalent", pos)
        return text
    if text in ("and", "or"):
        return text
    if text == "not" and _next_texts(tokens, i, 1) == ["("]:
        return text
    if text == "div":
        return "/"
    following = _next_texts(tokens, i, 1)
    what = f"the XLSForm function {text}()" if following == ["("] else f"{text!r}"
    raise ExpressionError(f"{what} has no dxscore equivalent (dxscore understands ${{name}}, ., =, !=, <, <=, >, "
                          ">=, +, -, *, div, and, or, not(), true(), false(), '' and selected())", pos)


def _selected(tokens: list[tuple[str, str, int]], i: int, codes: Mapping[str, str]) -> tuple[str, int]:
    """selected(${CODE}, 'option') → CODE == 'option' (single choice) or 'option' in CODE (multiple)."""
    pos = tokens[i][2]
    parts = [t for t in tokens[i + 1:i + 12] if t[0] != "ws"][:5]
    shape = [(t[0], t[1]) if t[0] == "op" else (t[0], "") for t in parts]
    if shape != [("op", "("), ("ref", ""), ("op", ","), ("string", ""), ("op", ")")]:
        raise ExpressionError("write selected(${question}, 'option')", pos)
    code, option = parts[1][1][2:-1], parts[3][1]
    end = next(k for k in range(i + 1, len(tokens)) if tokens[k][2] == parts[4][2]) + 1
    if codes.get(code) == "multi_choice":
        return f"{option} in {code}", end
    return f"{code} == {option}", end


def _xpath_tokens(source: str) -> list[tuple[str, str, int]]:
    tokens: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(source):
        match = _XPATH_TOKEN.match(source, pos)
        if match is None:
            if source[pos] in "'\"":
                raise ExpressionError("unterminated string", pos)
            raise ExpressionError(f"unexpected character {source[pos]!r}", pos)
        tokens.append((match.lastgroup or "", match.group(), pos))
        pos = match.end()
    return tokens


def _next_texts(tokens: list[tuple[str, str, int]], i: int, count: int) -> list[str]:
    return [t[1] for t in tokens[i + 1:] if t[0] != "ws"][:count]


def _skip(tokens: list[tuple[str, str, int]], i: int, count: int) -> int:
    """The index after the token `count` non-blank tokens past i."""
    seen = 0
    k = i + 1
    while k < len(tokens) and seen < count:
        if tokens[k][0] != "ws":
            seen += 1
        k += 1
    return k
