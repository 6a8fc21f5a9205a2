"""Every command family speaks the command's language (issue 16): Vietnamese by default, English with
`--lang en`, errors included, exit codes the same in both. A line fails when it carries a catalogue text of the
other language, or (a heuristic) common words of the other language once data is set aside (codes, file
names, hashes, the bilingual demo mark). Real processes on a copy of the demo database."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cli.messages_vi import CLI_VI, VI

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_WORDS = {"the", "of", "and", "is", "are", "to", "not", "for", "with", "from", "has", "written", "units",
                 "cycle", "error", "warning", "key", "keys", "trusted", "answers", "assessment", "assessments",
                 "rows", "chain", "intact", "audit", "points", "appraised", "next", "package", "indicators",
                 "database", "schema", "backup", "restored", "added", "removed", "done", "skipped", "target",
                 "level", "confidence", "set", "evidence", "item", "items", "scorecard", "unknown", "no", "yes",
                 "draft", "submitted", "locked", "department", "commune", "city", "cannot", "needs", "none"}
# words with Vietnamese letters only: an English name may hold a bare syllable ("O Cho Dua Ward")
VIETNAMESE_WORDS = {"của", "và", "đã", "không", "được", "các", "kỳ", "lỗi", "cảnh", "chưa", "bản", "đánh", "giá",
                    "điểm", "khóa", "tệp", "mục", "tiêu", "thành", "phố"}
DEMO_MARK_LINE = "DỮ LIỆU MẪU / demo data"


def run(db: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DXSCORE_LOG_DIR": str(tmp / "logs"), "XDG_DATA_HOME": str(tmp / "data")}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=tmp, timeout=300)


# (family, arguments, expected exit code); run in order on one database copy
COMMANDS = [
    ("score", ["score", "--cycle", "2025"], 0),  # every group, the city's ("city" was printed in Vietnamese)
    ("score city", ["score", "--kind", "city"], 0),
    ("score error", ["score", "--cycle", "2019"], 2),
    ("demo", ["demo", "--dry-run"], 0),
    ("db", ["db", "info"], 0),
    ("backup", ["backup", "-o", "{tmp}/copy.sqlite"], 0),
    ("backup error", ["backup", "-o", "{tmp}/copy.sqlite"], 2),
    ("methodology", ["methodology", "list"], 0),
    ("targets", ["targets", "list"], 0),
    ("units", ["units", "list", "--kind", "department"], 0),
    ("units error", ["units", "set", "NOPE", "--digital-economy", "yes"], 2),
    ("keys", ["keys", "show", "--unit", "00082", "--create"], 0),
    ("keys list", ["keys", "list"], 0),
    ("review", ["review", "show", "--unit", "00082", "--cycle", "2025"], 0),
    ("review error", ["review", "lock", "--unit", "00082", "--cycle", "2025"], 2),
    ("review submit", ["review", "submit", "--unit", "00082", "--cycle", "2025"], 0),
    ("packages", ["packages", "export", "--unit", "00082", "--cycle", "2025", "-o", "{tmp}/p.dxpkg"], 0),
    ("packages import", ["packages", "import", "--dry-run", "{tmp}/p.dxpkg"], 0),
    ("evidence", ["evidence", "list", "--unit", "00082", "--cycle", "2025"], 0),
    ("audit", ["audit", "verify"], 0),
    ("cycle", ["cycle", "show", "--cycle", "2025"], 0),
    ("report", ["report", "--unit", "00082", "--cycle", "2025", "-o", "{tmp}/s.pdf"], 0),
    ("report error", ["report", "--cycle", "2025", "-o", "{tmp}/s.pdf"], 2),
    ("publication error", ["publication", "show", "--cycle", "2025"], 2),
]


def _data_free_words(line: str) -> list[str]:
    """The line's words without data: codes, ids, numbers, paths, hashes and options."""
    words = re.split(r"[\s,;:()\[\]{}'\"=|→—–<>*]+", line)
    return [w.lower() for w in words if w and not re.search(r"[\d_/\\.@#-]", w)]


def _literal_parts(template: str) -> list[str]:
    return [part.strip() for part in re.split(r"\{[^{}]*\}", template) if len(part.strip()) >= 14]


def one_language_data() -> list[str]:
    """Texts the data has in one language only: the shipped target set's name and its citations (Vietnamese)."""
    from questionnaires.catalog import default_targets

    shipped = default_targets()
    return sorted({shipped.name, *(t.document for t in shipped.targets if t.document)}, key=len, reverse=True)


def problems_in(output: str, lang: str) -> list[str]:
    found = []
    for line in output.splitlines():
        if DEMO_MARK_LINE in line:
            continue
        for data in one_language_data():
            line = line.replace(data, "")
        words = set(_data_free_words(line))
        if lang == "vi":
            leaks = [part for english in VI for part in _literal_parts(english) if part in line]
            leaks += sorted(words & ENGLISH_WORDS)
        else:
            leaks = [part for vietnamese in VI.values() for part in _literal_parts(vietnamese) if part in line]
            leaks += sorted(words & VIETNAMESE_WORDS)
        if leaks:
            found.append(f"{line!r}: {leaks}")
    return found


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Each command's (exit code, stdout + stderr) in each language, each language on its own demo database
    (built by `demo`, which keeps the demo's evidence files beside it)."""
    said = {}
    for lang in ("vi", "en"):
        tmp = tmp_path_factory.mktemp(f"cli-{lang}")
        db = tmp / "demo.sqlite"
        assert run(db, tmp, "demo").returncode == 0
        for family, args, _ in COMMANDS:
            filled = [a.replace("{tmp}", str(tmp)) for a in args]
            result = run(db, tmp, *filled, *(["--lang", "en"] if lang == "en" else []))
            said[family, lang] = (result.returncode, result.stdout + result.stderr)
    return said


@pytest.mark.parametrize(("family", "expected"), [(f, code) for f, _, code in COMMANDS])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_command_speaks_the_language(outputs, family, expected, lang):
    code, text = outputs[family, lang]
    assert code == expected, text
    assert "Traceback" not in text
    assert problems_in(text, lang) == [], text


def test_exit_codes_do_not_depend_on_the_language(outputs):
    assert {f: outputs[f, "vi"][0] for f, _, _ in COMMANDS} == {f: outputs[f, "en"][0] for f, _, _ in COMMANDS}


def test_every_message_of_the_cli_has_its_vietnamese():
    """Each `say(…, "English")` in cli/ has its entry in cli/messages_vi.py, with the same {fields}."""
    missing, fields_differ = [], []
    for path in sorted((ROOT / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "say" and len(node.args) >= 2):
                continue
            text = node.args[1]
            if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value not in VI:
                missing.append(f"{path.name}:{node.lineno}: {text.value}")
    for english, vietnamese in CLI_VI.items():  # the core's: tests/test_core_messages.py
        if set(re.findall(r"\{(\w+)", english)) != set(re.findall(r"\{(\w+)", vietnamese)):
            fields_differ.append(english)
    assert missing == [] and fields_differ == []


def test_the_heuristic_catches_a_leak():
    """The checker itself: an English sentence in Vietnamese mode and a Vietnamese one in English mode fail."""
    assert problems_in("error: no unit with code 'X'", "vi")
    assert problems_in("lỗi: không có đơn vị mã 'X'", "en")
    assert not problems_in("lỗi: không có đơn vị mã 'X'", "vi")
