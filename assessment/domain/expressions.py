"""The small expression language of methodology files (applicability, relevance, validation, half points).

Text is tokenised, parsed into an AST and compiled into a tree of closures that evaluate over numpy arrays,
one element per assessment, so the same compiled rule serves one form in the window and ten thousand
assessments in a batch. Nothing here calls Python's ``eval``/``exec``; the grammar is documented in
``docs/methodology-format.md``.

Null model: numbers are float arrays with NaN for null; text is an object array with None for null; a
multiple-choice answer is an int64 bit mask with -1 for null; conditions are bool arrays (never null).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from assessment.domain.errors import ExpressionError
from assessment.domain.expression_parser import (
    FUNCTIONS,
    Binary,
    Call,
    ListLiteral,
    Literal,
    Node,
    Ref,
    Unary,
    children,
    parse,
)

# Static kinds of a compiled node.
NUMBER, BOOL, TEXT, SET, NULL, LIST = "number", "bool", "text", "set", "null", "list"

# ------------------------------------------------------------------------------------------ compile


@dataclass(frozen=True)
class RefInfo:
    """What a reference means: its static kind and, for choices, the option codes in bit order."""

    kind: str
    options: tuple[str, ...] = ()
    path: tuple[str, ...] | None = None  # the canonical path to read, when it differs from the text


class Scope(Protocol):
    """The names an expression may use (the loader builds one per methodology)."""

    def resolve(self, path: tuple[str, ...]) -> RefInfo | None: ...


class Env(Protocol):
    """Values at evaluation time: one array element per assessment."""

    size: int

    def ref(self, path: tuple[str, ...]) -> np.ndarray: ...


Fn = Callable[[Env], np.ndarray]


@dataclass(frozen=True)
class Compiled:
    fn: Fn
    kind: str
    options: tuple[str, ...] = ()
    literal: Any = None
    is_literal: bool = False


@dataclass(frozen=True)
class Expression:
    """A parsed, checked and compiled expression."""

    source: str
    references: frozenset[str]  # indicator codes it reads
    _fn: Fn = field(repr=False, compare=False)
    values_read: frozenset[tuple[str, ...]] = frozenset()  # indicator values it reads (paths), `.answered` aside

    def evaluate(self, env: Env) -> np.ndarray:
        """The value per assessment (bool array for conditions)."""
        return np.broadcast_to(self._fn(env), (env.size,))

    def holds(self, env: Env) -> np.ndarray:
        """The expression as a condition: a bool array, null counting as false."""
        return np.broadcast_to(truthy(self._fn(env)), (env.size,))

    def decidable(self, env: Env) -> np.ndarray:
        """Where every indicator value the expression reads is known (not null). A validation check is judged
        only there: a check never refuses an answer for a value that does not exist (as SQL's CHECK passes
        on unknown), e.g. a ratio's share when its denominator is 0."""
        known = np.ones(env.size, dtype=bool)
        for path in self.values_read:
            known &= np.broadcast_to(~isnull(env.ref(path)), (env.size,))
        return known


def compile_expression(source: str, scope: Scope, indicator_codes: Sequence[str] = ()) -> Expression:
    """Parse and compile; raises ExpressionError (with a position) on syntax, reference or type errors."""
    node = parse(source)
    compiler = _Compiler(scope)
    compiled = compiler.compile(node)
    compiler.not_a_list(compiled, node)
    codes = set(indicator_codes)
    refs = frozenset(path[0] for path in compiler.refs if path[0] in codes)
    values = frozenset(path for path in compiler.refs if path[0] in codes and path[1:] != ("answered",))
    return Expression(source, refs, compiled.fn, values)


def references_in(node: Node) -> list[Ref]:
    """Every reference in an AST (for error reporting and dependency graphs)."""
    found: list[Ref] = []

    def walk(n: Node) -> None:
        if isinstance(n, Ref):
            found.append(n)
        for child in children(n):
            walk(child)

    walk(node)
    return found


def _kind_name(kind: str) -> str:
    return {NUMBER: "a number", BOOL: "yes/no", TEXT: "text", SET: "a multiple choice", NULL: "null",
            LIST: "a list"}[kind]


class _Compiler:
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.refs: list[tuple[str, ...]] = []

    def compile(self, node: Node) -> Compiled:
        if isinstance(node, Literal):
            return self.literal(node)
        if isinstance(node, ListLiteral):
            items = [self.compile(item) for item in node.items]
            for item, child in zip(items, node.items, strict=True):
                if not item.is_literal:
                    raise ExpressionError("list items must be plain values", child.pos)
            values = tuple(item.literal for item in items)
            return Compiled(lambda env: np.asarray(values, dtype=object), LIST, literal=values, is_literal=True)
        if isinstance(node, Ref):
            return self.ref(node)
        if isinstance(node, Unary):
            return self.unary(node)
        if isinstance(node, Binary):
            return self.binary(node)
        if isinstance(node, Call):
            return self.call(node)
        raise ExpressionError("unsupported expression", node.pos)  # pragma: no cover

    def literal(self, node: Literal) -> Compiled:
        value = node.value
        if value is None:
            return Compiled(lambda env: np.array(np.nan), NULL, literal=None, is_literal=True)
        if isinstance(value, bool):
            arr = np.array(value)
            return Compiled(lambda env: arr, BOOL, literal=value, is_literal=True)
        if isinstance(value, float):
            arr = np.array(value)
            return Compiled(lambda env: arr, NUMBER, literal=value, is_literal=True)
        text_arr = np.array(value, dtype=object)
        return Compiled(lambda env: text_arr, TEXT, literal=value, is_literal=True)

    def ref(self, node: Ref) -> Compiled:
        info = self.scope.resolve(node.path)
        if info is None:
            raise ExpressionError(f"unknown reference {node.dotted!r}", node.pos)
        path = info.path or node.path
        self.refs.append(path)
        return Compiled(lambda env: env.ref(path), info.kind, info.options)

    def not_a_list(self, c: Compiled, node: Node) -> None:
        # A list has its own length, not one value per assessment: it only makes sense after 'in'.
        if c.kind == LIST:
            raise ExpressionError("a list [..] can only follow 'in'", node.pos)

    def unary(self, node: Unary) -> Compiled:
        operand = self.compile(node.operand)
        fn = operand.fn
        self.not_a_list(operand, node.operand)
        if node.op == "not":
            return Compiled(lambda env: ~truthy(fn(env)), BOOL)
        self.need(operand, NUMBER, node.operand, "'-'")
        return Compiled(lambda env: -_num(fn(env)), NUMBER)

    def need(self, c: Compiled, kind: str, node: Node, what: str) -> None:
        if c.kind not in (kind, NULL):
            raise ExpressionError(f"{what} needs {_kind_name(kind)}, got {_kind_name(c.kind)}", node.pos)

    def binary(self, node: Binary) -> Compiled:
        left, right = self.compile(node.left), self.compile(node.right)
        op = node.op
        if op in ("and", "or"):
            self.not_a_list(left, node.left)
            self.not_a_list(right, node.right)
            lf, rf = left.fn, right.fn
            if op == "and":
                return Compiled(lambda env: truthy(lf(env)) & truthy(rf(env)), BOOL)
            return Compiled(lambda env: truthy(lf(env)) | truthy(rf(env)), BOOL)
        if op in ("+", "-", "*", "/"):
            self.need(left, NUMBER, node.left, f"{op!r}")
            self.need(right, NUMBER, node.right, f"{op!r}")
            return Compiled(_arithmetic(op, left.fn, right.fn), NUMBER)
        if op in ("in", "not in"):
            return self.membership(node, left, right)
        return self.comparison(node, left, right)

    def check_option(self, choice: Compiled, literal: Compiled, node: Node) -> None:
        if choice.options and literal.kind == TEXT and literal.literal not in choice.options:
            raise ExpressionError(
                f"{literal.literal!r} is not an option (options: {', '.join(choice.options)})", node.pos
            )

    def comparison(self, node: Binary, left: Compiled, right: Compiled) -> Compiled:
        op = node.op
        if NULL in (left.kind, right.kind):
            if op not in ("==", "!="):
                raise ExpressionError(f"null can only be compared with == or !=, not {op!r}", node.pos)
            other = right.fn if left.kind == NULL else left.fn
            if op == "==":
                return Compiled(lambda env: isnull(other(env)), BOOL)
            return Compiled(lambda env: ~isnull(other(env)), BOOL)
        kinds = {left.kind, right.kind}
        if SET in kinds or LIST in kinds:
            raise ExpressionError(f"{op!r} cannot compare {_kind_name(SET if SET in kinds else LIST)}; "
                                  "use 'in'", node.pos)
        if kinds == {NUMBER, TEXT} or kinds == {BOOL, TEXT}:
            raise ExpressionError(f"{op!r} compares text with {_kind_name((kinds - {TEXT}).pop())}", node.pos)
        if TEXT in kinds:
            self.check_option(left, right, node.right)
            self.check_option(right, left, node.left)
        if op in ("<", "<=", ">", ">=") and BOOL in kinds:
            raise ExpressionError(f"{op!r} cannot order yes/no values", node.pos)
        return Compiled(_compare(op, left.fn, right.fn), BOOL)

    def membership(self, node: Binary, left: Compiled, right: Compiled) -> Compiled:
        self.not_a_list(left, node.left)
        negate = node.op == "not in"
        lf, rf = left.fn, right.fn
        if right.kind == SET:
            if not left.is_literal or left.kind != TEXT:
                raise ExpressionError("the left side of 'in' a multiple choice must be an option code in "
                                      "quotes", node.left.pos)
            self.check_option(right, left, node.left)
            bit = right.options.index(left.literal) if right.options else 0

            def has_bit(env: Env) -> np.ndarray:
                mask = np.asarray(rf(env), dtype=np.int64)
                hit = (mask >= 0) & (((mask >> bit) & 1) == 1)
                return ~hit if negate else hit

            return Compiled(has_bit, BOOL)
        if right.kind != LIST:
            raise ExpressionError("'in' needs a list [..] or a multiple-choice indicator on its right",
                                  node.right.pos)
        if left.kind == SET:
            raise ExpressionError("a multiple choice is tested with 'CODE' in it, not against a list", node.left.pos)
        fits = (str,) if left.kind == TEXT else (float, bool)  # as == allows: text with text, numbers with yes/no
        for value in right.literal:
            if value is not None and left.kind != NULL and not isinstance(value, fits):
                raise ExpressionError(f"the list holds {value!r}, which {_kind_name(left.kind)} can never equal",
                                      node.right.pos)
            if left.kind == TEXT and left.options and value not in left.options:
                raise ExpressionError(f"{value!r} is not an option (options: {', '.join(left.options)})",
                                      node.right.pos)
        values = frozenset(right.literal)

        def in_list(env: Env) -> np.ndarray:
            lhs = np.asarray(lf(env))
            known = ~isnull(lhs)
            if lhs.dtype == object:
                hit = np.vectorize(lambda v: v in values, otypes=[bool])(lhs) if lhs.ndim else np.array(
                    lhs.item() in values)
            else:
                hit = np.isin(lhs, np.asarray(sorted(v for v in values if v is not None), dtype=float))
            return known & (~hit if negate else hit)

        return Compiled(in_list, BOOL)

    def call(self, node: Call) -> Compiled:
        if node.name not in FUNCTIONS:
            raise ExpressionError(f"unknown function {node.name!r} (known: {', '.join(sorted(FUNCTIONS))})",
                                  node.pos)
        args = [self.compile(a) for a in node.args]
        if node.name == "count":
            if len(args) != 1 or args[0].kind != SET:
                raise ExpressionError("count() takes one multiple-choice indicator", node.pos)
            fn = args[0].fn
            return Compiled(lambda env: _popcount(fn(env)), NUMBER)
        for arg, child in zip(args, node.args, strict=True):
            self.need(arg, NUMBER, child, f"{node.name}()")
        if node.name == "abs":
            if len(args) != 1:
                raise ExpressionError("abs() takes one argument", node.pos)
            fn = args[0].fn
            return Compiled(lambda env: np.abs(_num(fn(env))), NUMBER)
        if not args:
            raise ExpressionError(f"{node.name}() needs at least one argument", node.pos)
        reducer = np.minimum if node.name == "min" else np.maximum  # null propagates
        fns = [a.fn for a in args]

        def reduce(env: Env) -> np.ndarray:
            result = _num(fns[0](env))
            for f in fns[1:]:
                result = reducer(result, _num(f(env)))
            return result

        return Compiled(reduce, NUMBER)


# ------------------------------------------------------------------------------------- evaluation


def isnull(values: Any) -> np.ndarray:
    arr = np.asarray(values)
    if arr.dtype == object:
        return np.vectorize(lambda v: v is None, otypes=[bool])(arr) if arr.ndim else np.array(arr.item() is None)
    if arr.dtype.kind == "f":
        return np.isnan(arr)
    if arr.dtype.kind in "iu":
        return arr < 0  # bit masks use -1 for null
    return np.zeros(arr.shape, dtype=bool)


def truthy(values: Any) -> np.ndarray:
    """A value as a condition: null, 0, false and empty text are false."""
    arr = np.asarray(values)
    if arr.dtype == bool:
        return arr
    if arr.dtype.kind == "f":
        return (arr != 0) & ~np.isnan(arr)
    if arr.dtype.kind in "iu":
        return arr > 0
    if arr.ndim == 0:
        return np.array(bool(arr.item()))
    return np.vectorize(bool, otypes=[bool])(arr)


def _num(values: Any) -> np.ndarray:
    arr = np.asarray(values)
    return arr.astype(np.float64) if arr.dtype != np.float64 else arr


def _arithmetic(op: str, lf: Fn, rf: Fn) -> Fn:
    ufunc = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide}[op]

    def run(env: Env) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # overflow gives ±inf, compared as such
            result = ufunc(_num(lf(env)), _num(rf(env)))
        if op == "/":
            result = np.where(np.isinf(result), np.nan, result)
        return result

    return run


_ORDER = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}


def _compare(op: str, lf: Fn, rf: Fn) -> Fn:
    def run(env: Env) -> np.ndarray:
        a, b = np.asarray(lf(env)), np.asarray(rf(env))
        known = ~isnull(a) & ~isnull(b)
        if a.dtype == object or b.dtype == object:
            return known & _compare_objects(op, a, b, known)
        a, b = _num(a), _num(b)
        if op == "==":
            return known & (a == b)
        if op == "!=":
            return known & (a != b)
        with np.errstate(invalid="ignore"):
            return known & _ORDER[op](a, b)

    return run


def _compare_objects(op: str, a: np.ndarray, b: np.ndarray, known: np.ndarray) -> np.ndarray:
    if op in ("==", "!="):
        equal = np.asarray(np.equal(a, b, dtype=object), dtype=bool)
        return known & (equal if op == "==" else ~equal)
    # Ordering text (ISO dates) is rare: compare element by element where both sides are known.
    a, b, known = np.broadcast_arrays(np.atleast_1d(a), np.atleast_1d(b), np.atleast_1d(known))  # 'a' < 'b' too
    out = np.zeros(known.shape, dtype=bool)
    compare = {"<": lambda x, y: x < y, "<=": lambda x, y: x <= y,
               ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}[op]
    for index in zip(*np.nonzero(known), strict=True):
        out[index] = compare(a[index], b[index])
    return out


def _popcount(values: Any) -> np.ndarray:
    mask = np.asarray(values, dtype=np.int64)
    counts = np.zeros(mask.shape, dtype=np.float64)
    work = np.where(mask < 0, 0, mask)
    while np.any(work):
        counts += work & 1
        work = work >> 1
    return np.where(mask < 0, np.nan, counts)


@dataclass
class MappingEnv:
    """An Env over plain arrays keyed by dotted path (used for single answers and in tests)."""

    values: Mapping[str, Any]
    size: int = 1

    def ref(self, path: tuple[str, ...]) -> np.ndarray:
        return np.asarray(self.values[".".join(path)])
