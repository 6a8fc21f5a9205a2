"""Every message the core raises to a user has its Vietnamese template (issue 16: no English in the Vietnamese UI).

The core (assessment/, questionnaires/, storage/) writes its errors in English; `assessment/domain/messages_vi.py`
holds their Vietnamese and `assessment/domain/translation.py` matches a finished message against it. This test reads
every `raise`/construction of a dxscore error in the core, turns its f-string into a sample message (each value a
token; a conditional between two texts gives one sample per text) and checks that the catalogue's template it matches
has the same fixed text: a new message without its template fails here.
"""

from __future__ import annotations

import ast
import itertools
import re
from pathlib import Path

import pytest

from assessment.domain.messages_vi import CORE_VI
from assessment.domain.translation import _FIELD, core_catalogue, in_language
from cli.messages_vi import CLI_VI

ROOT = Path(__file__).resolve().parents[1]
CORE = ("assessment", "questionnaires", "storage")
ERRORS = {"DxError", "BadInput", "ProblemsError", "MethodologyInvalid", "ImportRejected", "ExpressionError",
          "InvalidAnswer", "NotFound", "StorageError", "NotADxscoreDatabase", "ReadOnlyDatabase", "DatabaseTooNew",
          "ReportsIncomplete", "PackageRejected", "ReportCancelled"}
MESSAGE_ARGUMENT = {"InvalidAnswer": 1, "PackageRejected": 1}  # (code, message) / (reason code, message)

LIBRARY_TEXT = "an operating-system or library error's own text (kept as the library wrote it)"

# Messages not checked here, each with the reason. Keys: (file, the message's source text).
EXEMPT = {
    ("assessment/services/answers_area.py", "f'{check.message.en} ({check.message.vi})'"):
        "a methodology check's own wording, which carries its Vietnamese itself",
    ("assessment/services/package_batch.py", "f'{code}: {check.message.en} [{check.expression.source}]'"):
        "a methodology check's own wording (the methodology file's text), not a sentence of dxscore",
    ("assessment/exchange/package_format.py", "f'{self.where}: {key} {what}'"):
        "`_bad(key, what)`: each `what` it is called with has its own template ('{where}: {key} is not a number' …)",
    ("assessment/services/answers_area.py", "'; '.join((pr.message for pr in problems))"):
        "joins the problems of an answer file, each translated as a problem",
    ("assessment/services/answers_area.py", "'; '.join((f'{p.field}: {p.message}' for p in bad))"):
        "joins the problems of an answer file, each translated as a problem",
    ("assessment/services/audit_area.py", "str(exc)"): "passes on a message raised (and checked) elsewhere",
    ("assessment/services/entry_area.py", "_reason(refusal)"):
        "an answer's refusal, worded by assessment/domain/answer_problems (its own Vietnamese, gui/answer_messages)",
    ("storage/backup.py", "postgres_advice(url)"): "advice for a PostgreSQL administrator, worded with its commands",
    ("questionnaires/fields.py", "f'unknown key{more}'"):
        "`more` is one of two texts; each whole message has its template ('unknown key (did you mean …)' …)",
    ("questionnaires/fields.py", "f\"unknown value {value!r} (expected one of: {', '.join(options)}){more}\""):
        "`more` is empty or a hint; each whole message has its template",
    ("assessment/services/answers_area.py", "f'unknown unit {code!r}{hint}'"):
        "`hint` is empty or a hint; each whole message has its template",
    ("questionnaires/answers_file.py", "SAVE_AS"): "a text defined in the module, with its template",
    ("questionnaires/answers_file.py", "_encoding_hint(path)"): "one of two texts, each with its template",
    ("questionnaires/checker.py", "str(exc)"): LIBRARY_TEXT,
    ("questionnaires/crosswalk.py", "str(exc)"): LIBRARY_TEXT,
    ("questionnaires/loader.py", "str(exc)"): LIBRARY_TEXT,
    ("questionnaires/targets.py", "str(exc)"): LIBRARY_TEXT,
    ("questionnaires/xlsform_sheets.py", "str(exc)"): LIBRARY_TEXT,
}


# a sink's parameter (see `core_messages`), or a core message raised, checked and passed on
PASSED_ON = {"message", "problem", "reason", "exc.message"}
def _texts(node: ast.expr) -> list[str] | None:
    """The templates an expression can produce ("{}" for a value); None when it is not a literal text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value.replace("{", "{{").replace("}", "}}")]
    if isinstance(node, ast.IfExp):
        body, orelse = _texts(node.body), _texts(node.orelse)
        return None if body is None or orelse is None else body + orelse
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "text: " + value: the value is a field
        left, right = _texts(node.left), _texts(node.right)
        if left is None and right is None:
            return None
        left = left if left is not None else ["{" + _token(ast.unparse(node.left)) + "}"]
        right = right if right is not None else ["{" + _token(ast.unparse(node.right)) + "}"]
        return [a + b for a, b in itertools.product(left, right)]
    if isinstance(node, ast.JoinedStr):
        choices: list[list[str]] = []
        for part in node.values:
            if isinstance(part, ast.Constant):
                choices.append([str(part.value).replace("{", "{{").replace("}", "}}")])
            else:  # a conditional between texts gives each text; any other value is a field
                assert isinstance(part, ast.FormattedValue)
                source = ast.unparse(part.value)
                inner = part.value
                if isinstance(inner, ast.IfExp):
                    choices.append([_branch(inner.body, source), _branch(inner.orelse, source)])
                else:
                    choices.append(["{" + _token(source) + "}"])
        return ["".join(parts) for parts in itertools.product(*choices)]
    return None


def _branch(node: ast.expr, source: str) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    return "{" + _token(ast.unparse(node) + source) + "}"


_TOKENS: dict[str, str] = {}


def _token(source: str) -> str:
    """The same expression gives the same value (a field the template repeats), different ones differ."""
    return _TOKENS.setdefault(source, f"v{len(_TOKENS)}")


def core_messages() -> list[tuple[str, int, str, list[str] | None]]:
    """(file, line, source, templates) of each message written in the core for a user. A function that passes
    one of its parameters on as a message (`_rejected(path, message)`, `where(column, message)`) is a message
    sink: the texts its callers give that parameter are messages too."""
    trees = {path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
             for folder in CORE for path in sorted((ROOT / folder).rglob("*.py"))}
    # (name, positional parameters, called by name only) -> index of the message parameter
    sinks: dict[tuple[str, int, bool], int] = {}
    for _ in range(3):  # a sink may pass its message on to another sink
        for tree in trees.values():
            for function in ast.walk(tree):
                _find_sinks(function, sinks)
    found = []
    for relative, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            argument = _message_of(node, sinks)
            if argument is not None:  # "A if … else B": each is a message of its own
                for branch in ([argument.body, argument.orelse] if isinstance(argument, ast.IfExp) else [argument]):
                    found.append((relative, node.lineno, ast.unparse(branch), _texts(branch)))
    return found


def _find_sinks(node: ast.AST, sinks: dict[tuple[str, int, bool], int]) -> None:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        name, arguments, body, by_name = node.name, node.args, node, False
    elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda) and isinstance(node.targets[0], ast.Name):
        name, arguments, body, by_name = node.targets[0].id, node.value.args, node.value, True  # not `query.where`
    else:
        return
    parameters = [a.arg for a in arguments.args if a.arg not in ("self", "cls")]
    for call in ast.walk(body):
        if isinstance(call, ast.Call):
            message = _message_of(call, sinks)
            if isinstance(message, ast.Name) and message.id in parameters:
                sinks[name, len(parameters), by_name] = parameters.index(message.id)


def _message_of(call: ast.Call, sinks: dict[tuple[str, int, bool], int]) -> ast.expr | None:
    """The message a call gives a user: an error's, or a problem a file's report lists (`Problem(file, line, field,
    message)`, `report.add(line, field, message)`, `fields.problem(key, message)`)."""
    name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
    index = MESSAGE_ARGUMENT.get(name or "", 0)
    if name in ERRORS and len(call.args) > index:
        return call.args[index]
    if name == "clean_text":  # the name a refused text is given ("the member's name: is blank")
        return next((k.value for k in call.keywords if k.arg == "where"), None)
    if name == "Problem" and len(call.args) == 4:
        return call.args[3]
    receiver = ast.unparse(call.func.value) if isinstance(call.func, ast.Attribute) else ""
    if name == "add" and len(call.args) == 3 and "report" in receiver:
        return call.args[2]
    if name == "problem" and len(call.args) == 2 and isinstance(call.func, ast.Attribute):
        return call.args[1]
    sink = sinks.get((name or "", len(call.args), False))
    if sink is None and isinstance(call.func, ast.Name):
        sink = sinks.get((name or "", len(call.args), True))
    return call.args[sink] if sink is not None else None


def _sample(template: str) -> str:
    """A finished message: each {field} a distinct token, as the core would fill it in."""
    return re.sub(r"(?<!\{)\{(v\d+)\}(?!\})", lambda m: f"«{m.group(1)}»", template).replace("{{", "{") \
        .replace("}}", "}")


def _fixed_text(template: str) -> str:
    return _FIELD.sub("{}", template)


def _source_fixed_text(template: str) -> str:
    return re.sub(r"(?<!\{)\{v\d+\}(?!\})", "{}", template).replace("{{", "{").replace("}}", "}")


MESSAGES = core_messages()


def test_the_scan_finds_the_core_messages():
    """The scan itself: it reads the core's errors (a broken scan would check nothing)."""
    assert len(MESSAGES) > 250
    assert any(source.startswith("'the package is not signed") for _, _, source, _ in MESSAGES)


@pytest.mark.parametrize(("file", "line", "source", "templates"), MESSAGES,
                         ids=[f"{f}:{n}" for f, n, _, _ in MESSAGES])
def test_each_core_message_has_its_vietnamese(file, line, source, templates):
    if (file, source) in EXEMPT:
        return
    if source in PASSED_ON:
        return  # a sink's parameter: its callers' texts are checked
    assert templates is not None, f"{file}:{line}: a message built at run time; give it a template or exempt it"
    catalogue = core_catalogue()
    for template in templates:
        message = _sample(template)
        matched = catalogue.template_of(message)
        assert matched is not None, f"{file}:{line}: no Vietnamese for {message!r}"
        # its own template: each word the code writes is in the template's fixed text, or is a catalogue word
        # (a field the code splits in two, "{id}@{version}", may be one field of the template)
        fixed = _fixed_text(matched)
        lost = [w for w in re.findall(r"[A-Za-z]{2,}", _source_fixed_text(template))
                if w not in re.findall(r"[A-Za-z]{2,}", fixed) and w not in CORE_VI]
        assert not lost, f"{file}:{line}: {message!r} is matched only by the general {matched!r}"
        assert in_language(message, "vi") != message or not re.search(r"[a-z]{3}", _fixed_text(matched)), message


def test_every_exemption_is_still_in_the_code():
    """An exemption whose message is gone is removed, so the list stays the list of what is not translated."""
    present = {(file, source) for file, _, source, _ in MESSAGES}
    assert set(EXEMPT) <= present


# Values the Vietnamese leaves out, with the reason (the English keeps them; the log has the error in full).
DROPPED = {
    "{name}: not a sound package file (truncated or damaged: {error}: {detail})":
        {"detail": "the zip library's own English sentence; the error's name stays"},
}


def test_the_catalogue_has_each_entry_once_and_keeps_its_fields():
    from assessment.domain.messages_vi import _REFUSALS_VI
    from assessment.domain.problems_vi import PROBLEMS_VI

    assert set(CORE_VI).isdisjoint(CLI_VI) and set(_REFUSALS_VI).isdisjoint(PROBLEMS_VI)
    for english, vietnamese in CORE_VI.items():
        kept = set(re.findall(r"\{(\w+)", english)) - set(DROPPED.get(english, {}))
        assert kept == set(re.findall(r"\{(\w+)", vietnamese)), english


def test_a_finished_message_reads_vietnamese_with_its_values():
    """What a user sees: the values kept, the words around them Vietnamese, a refusal after "CODE: " too."""
    assert in_language("pkg.dxpkg: 3.2 MB is over the package limit of 2.0 MB", "vi") == \
        "pkg.dxpkg: 3.2 MB vượt giới hạn gói 2.0 MB"
    assert in_language("C1.2: the assessment is locked: read-only", "vi") == \
        "C1.2: bản đánh giá ở trạng thái đã khóa: chỉ đọc"
    assert in_language("C1.2: changed by someone else since it was read; nothing was saved", "vi") == \
        "C1.2: đã được người khác thay đổi từ lúc đọc; chưa lưu gì"
    assert in_language("cannot submit an assessment that is locked (from locked: unlock, withdraw)", "vi") == \
        "không thể nộp một bản đánh giá đang ở trạng thái đã khóa (từ đã khóa có thể: mở khóa, rút lại)"
    english = "the package is not signed (it has no manifest.sig)"
    assert in_language(english, "en") == english
    assert in_language("something no template knows", "vi") == "something no template knows"
