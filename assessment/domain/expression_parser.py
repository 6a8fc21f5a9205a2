"""Parsing the expression language: tokens and a recursive-descent parser producing an AST
(see docs/methodology-format.md for the grammar). Compilation and evaluation live in expressions.py.

Compiling and evaluating walk the tree recursively, so a hostile file could exhaust Python's stack: text
longer than `MAX_LENGTH`, brackets or prefix operators nested deeper than `MAX_NESTING`, or a tree deeper than
`MAX_DEPTH` (a long chain like 1+1+1+…) is an ExpressionError with the column, like any syntax error.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from assessment.domain.errors import ExpressionError

KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
FUNCTIONS = {"min", "max", "abs", "count"}

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>\d+(?:\.\d+)?)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<op>==|!=|<=|>=|[<>+\-*/(),.\[\]])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Token:
    kind: str  # number | string | name | op | end
    text: str
    pos: int


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        match = _TOKEN.match(source, pos)
        if match is None:
            if source[pos] in "'\"":
                raise ExpressionError("unterminated string", pos)
            raise ExpressionError(f"unexpected character {source[pos]!r}", pos)
        kind = match.lastgroup or ""
        if kind != "ws":
            tokens.append(Token(kind, match.group(), pos))
        pos = match.end()
    tokens.append(Token("end", "", len(source)))
    return tokens


# ---------------------------------------------------------------------------------------------- AST


@dataclass(frozen=True)
class Node:
    pos: int


@dataclass(frozen=True)
class Literal(Node):
    value: Any


@dataclass(frozen=True)
class ListLiteral(Node):
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Ref(Node):
    path: tuple[str, ...]

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class Unary(Node):
    op: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call(Node):
    name: str
    args: tuple[Node, ...]


# The shipped methodologies' longest expression has 56 characters and a depth of 4.
MAX_LENGTH = 2000
MAX_NESTING = 40
MAX_DEPTH = 100
MAX_LITERAL = 1e15  # larger than any count or amount an indicator holds; beyond it floats lose units

_COMPARISONS = {"==", "!=", "<", "<=", ">", ">=", "in", "not in"}


class _Parser:
    """Recursive descent, loosest first: or, and, not, comparison, + -, * /, unary -, primary."""

    def __init__(self, source: str) -> None:
        if len(source) > MAX_LENGTH:
            raise ExpressionError(f"the expression is longer than {MAX_LENGTH} characters", MAX_LENGTH)
        self.tokens = tokenize(source)
        self.i = 0
        self.nesting = 0

    def enter(self, pos: int) -> None:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ExpressionError(f"brackets or operators are nested more than {MAX_NESTING} levels deep", pos)

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def at(self, *texts: str) -> bool:
        return self.tok.kind in ("op", "name") and self.tok.text in texts

    def expect(self, text: str) -> Token:
        if not self.at(text):
            found = self.tok.text or "end of expression"
            raise ExpressionError(f"expected {text!r}, found {found!r}", self.tok.pos)
        return self.take()

    def parse(self) -> Node:
        if self.tok.kind == "end":
            raise ExpressionError("empty expression", 0)
        node = self.parse_or()
        if self.tok.kind != "end":
            raise ExpressionError(f"unexpected {self.tok.text!r}", self.tok.pos)
        return node

    def parse_or(self) -> Node:
        node = self.parse_and()
        while self.at("or"):
            pos = self.take().pos
            node = Binary(pos, "or", node, self.parse_and())
        return node

    def parse_and(self) -> Node:
        node = self.parse_not()
        while self.at("and"):
            pos = self.take().pos
            node = Binary(pos, "and", node, self.parse_not())
        return node

    def parse_not(self) -> Node:
        if self.at("not"):
            pos = self.take().pos
            self.enter(pos)
            node = Unary(pos, "not", self.parse_not())
            self.nesting -= 1
            return node
        return self.parse_comparison()

    def parse_comparison(self) -> Node:
        node = self.parse_sum()
        if self.at("==", "!=", "<", "<=", ">", ">=", "in"):
            token = self.take()
            node = Binary(token.pos, token.text, node, self.parse_sum())
        elif self.at("not") and self.tokens[self.i + 1].text == "in":
            pos = self.take().pos
            self.take()
            node = Binary(pos, "not in", node, self.parse_sum())
        if self.at("==", "!=", "<", "<=", ">", ">=", "in"):
            raise ExpressionError("comparisons cannot be chained; use 'and'", self.tok.pos)
        return node

    def parse_sum(self) -> Node:
        node = self.parse_product()
        while self.at("+", "-"):
            token = self.take()
            node = Binary(token.pos, token.text, node, self.parse_product())
        return node

    def parse_product(self) -> Node:
        node = self.parse_unary()
        while self.at("*", "/"):
            token = self.take()
            node = Binary(token.pos, token.text, node, self.parse_unary())
        return node

    def parse_unary(self) -> Node:
        if self.at("-"):
            pos = self.take().pos
            self.enter(pos)
            node = Unary(pos, "-", self.parse_unary())
            self.nesting -= 1
            return node
        self.enter(self.tok.pos)
        node = self.parse_primary()
        self.nesting -= 1
        return node

    def parse_primary(self) -> Node:
        token = self.tok
        if token.kind == "number":
            self.take()
            value = float(token.text)
            if not math.isfinite(value) or value > MAX_LITERAL:
                raise ExpressionError(f"the number {token.text[:20]}… is too large", token.pos)
            return Literal(token.pos, value)
        if token.kind == "string":
            self.take()
            return Literal(token.pos, token.text[1:-1])
        if self.at("("):
            self.take()
            node = self.parse_or()
            self.expect(")")
            return node
        if self.at("["):
            return self.parse_list()
        if token.kind == "name":
            return self.parse_name()
        found = token.text or "end of expression"
        raise ExpressionError(f"expected a value, found {found!r}", token.pos)

    def parse_list(self) -> Node:
        pos = self.take().pos
        items: list[Node] = []
        if not self.at("]"):
            items.append(self.parse_sum())
            while self.at(","):
                self.take()
                items.append(self.parse_sum())
        self.expect("]")
        return ListLiteral(pos, tuple(items))

    def parse_name(self) -> Node:
        token = self.take()
        constants = {"true": True, "false": False, "null": None}
        if token.text in constants:
            return Literal(token.pos, constants[token.text])
        if token.text in KEYWORDS:
            raise ExpressionError(f"unexpected {token.text!r}", token.pos)
        if self.at("("):
            self.take()
            args: list[Node] = []
            if not self.at(")"):
                args.append(self.parse_or())
                while self.at(","):
                    self.take()
                    args.append(self.parse_or())
            self.expect(")")
            return Call(token.pos, token.text, tuple(args))
        path = [token.text]
        while self.at("."):
            self.take()
            if self.tok.kind != "name":
                raise ExpressionError("expected a name after '.'", self.tok.pos)
            path.append(self.take().text)
        return Ref(token.pos, tuple(path))


def parse(source: str) -> Node:
    """Parse expression text into an AST; raises ExpressionError with the column of the problem."""
    node = _Parser(source).parse()
    _check_depth(node)
    return node


def _check_depth(root: Node) -> None:
    """Iteratively, so that measuring a deep tree cannot itself overflow the stack."""
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExpressionError(f"the expression is too deeply built (more than {MAX_DEPTH} operations in one "
                                  "chain)", node.pos)
        stack.extend((child, depth + 1) for child in children(node))


def children(node: Node) -> tuple[Node, ...]:
    if isinstance(node, Unary):
        return (node.operand,)
    if isinstance(node, Binary):
        return (node.left, node.right)
    if isinstance(node, ListLiteral):
        return node.items
    if isinstance(node, Call):
        return node.args
    return ()
