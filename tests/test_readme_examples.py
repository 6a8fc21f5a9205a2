"""Every shell example in README.md, run as a user would copy it: in order, on a fresh data folder (no
database, no keys), in a scratch working folder. Exit codes and the key output of each are asserted; the
examples that cannot run here are skipped with the reason."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ".venv/bin/python main.py"
SKIPPED = {  # the first word(s) of a command that does not run here, and why
    "make ": "make sets up .venv and runs the window or the whole suite: CI runs it itself",
    "pip install": "installs the PostgreSQL driver: the tests' virtualenv has it",
    "sudo apt-get": "installs the system libraries the window needs: needs root (CI installs them in .ci/run)",
    "sudo ": "administers a PostgreSQL server: needs root (the PostgreSQL tests use .ci/start-postgres)",
    "export DXSCORE_DB": "points at a production server",
}
# What a command's output must show (a substring, or a callable on stdout), keyed by a part of the command.
EXPECTED = {
    "demo --dry-run": "Chưa ghi gì (--dry-run).",  # the commands speak Vietnamese by default
    "main.py demo  ": "Cơ sở dữ liệu mẫu đã sẵn sàng",
    "--demo score --cycle 2025  ": "Phường Cửa Nam",
    "--lang en --kind department": lambda out: "Rank" in out and "Department of" in out
    and re.search(r" 0\.\d{4} ", out) and "Hạng" not in out,
    "--kind commune --json": lambda out: len(json.loads(out)["units"]) == 126,
    "--unit SO_TTTT --json": "Sở Thông tin và Truyền thông",
    "answers import answers.csv": "0 câu trả lời mới, 0 thay đổi",
    "methodology show hanoi-2025-commune --lang en": "Digital",
    "evidence list --unit 00082": "DEMO-NTS01/2025",
    "review submit --unit 00082 --cycle 2025                #": "nay ở trạng thái đã nộp",
    "packages import 00082-2025.dxpkg --trust 00082": "đã áp dụng 1",
    "review return": "nay ở trạng thái trả lại",
    "packages import 00082-tra-lai.dxpkg": "đã áp dụng 1",
    "review submit --unit 00082 --cycle 2025             #": "nay ở trạng thái đã nộp lại",
    "review appraise": "nay ở trạng thái đã thẩm định",
    "review lock": "nay ở trạng thái đã khóa",
    "review show": "đã khóa",
    "audit verify": "nhật ký kiểm toán nguyên vẹn",
    "cycle board --cycle 2025": "Chậm nộp",
    "cycle bulk start-review": "start_review: đã làm 0",
    "council decide": "00082 NTS01: giữ nguyên",
    "publish --cycle 2025 --decision-no": "công bố lần 1 (1234/QĐ-UBND), 1 đơn vị được xếp hạng",
    "publication verify": "1 lần công bố còn nguyên vẹn",
    "publication packages --cycle 2025": "đã ghi 1 gói công bố, bỏ qua 0",
    "cong-bo-2025/00082-2025-cong-bo-1.dxpkg": "đã áp dụng 1",
    "publication show --cycle 2025 --unit 00082": "Xếp hạng công bố 1/1",
}
FILES = {"so-noi-vu.pdf": b"%PDF", "nq18.pdf": b"%PDF", "xa-phuong.pdf": b"%PDF", "phieu/2025-SO_NOI_VU*.pdf": b"%PDF",
         "diem-2025.xlsx": b"PK", "dxscore-2025-12-31.sqlite": b"SQLite format 3", "00082-2025.dxpkg": b"PK",
         "nhac-nop.xlsx": b"PK", "phu-luc-2025.pdf": b"%PDF",
         "cong-bo-2025/00082-2025-cong-bo-1.dxpkg": b"PK"}


SERVER_BLOCK = "a block that sets up a PostgreSQL server and points DXSCORE_DB at it: needs root and a server"


def shell_examples(text: str) -> list[tuple[str, str | None]]:
    """The commands of the README's ```sh blocks, in order (comment-only and blank lines left out), each with
    the reason it is skipped (None: it runs). A block that sets up a server is skipped whole."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.S):
        block = re.sub(r"\\\n\s*", " ", block)  # a command continued on the next line is one command
        lines = [line for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        server = any(line.startswith(("sudo ", "export DXSCORE_DB")) and not line.startswith("sudo apt-get")
                     for line in lines)
        commands += [(line, SERVER_BLOCK if server else skip_reason(line)) for line in lines]
    return commands


def skip_reason(command: str) -> str | None:
    return next((why for start, why in SKIPPED.items() if command.startswith(start)), None)


def runnable(command: str) -> str:
    """The README's `.venv/bin/python main.py` as this interpreter and this checkout's main.py."""
    assert command.startswith(PYTHON), f"README example not in the tested form: {command}"
    return f"{shlex.quote(sys.executable)} {shlex.quote(str(ROOT / 'main.py'))}{command[len(PYTHON):]}"


def test_every_readme_shell_example_runs_in_order_on_a_fresh_machine(tmp_path):
    work, data = tmp_path / "work", tmp_path / "data"
    work.mkdir()
    (work / "questionnaires").symlink_to(ROOT / "questionnaires")  # `methodology check questionnaires/*.yaml`
    env = {k: v for k, v in os.environ.items() if not k.startswith("DXSCORE_DB")}
    env |= {"XDG_DATA_HOME": str(data), "DXSCORE_LOG_DIR": str(tmp_path / "logs"),
            "DXSCORE_KEYS_DIR": str(tmp_path / "keys")}
    commands = shell_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    ran, checked = [], set()
    for command, skipped in commands:
        if skipped:
            continue
        result = subprocess.run(["bash", "-c", runnable(command)], capture_output=True, text=True, cwd=work,
                                env=env, timeout=600)
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert "Traceback" not in result.stderr, command
        for part, expected in EXPECTED.items():
            if part in command + "  ":
                checked.add(part)
                ok = expected in result.stdout if isinstance(expected, str) else expected(result.stdout)
                assert ok, f"{command}: expected {expected!r} in\n{result.stdout[-3000:]}"
        ran.append(command)
    assert set(EXPECTED) == checked, f"README lost the examples {set(EXPECTED) - checked}"
    assert len(ran) >= 40
    for pattern, start in FILES.items():
        (made,) = work.glob(pattern)
        assert made.read_bytes().startswith(start), pattern
    assert not (data / "dxscore" / "dxscore.sqlite").exists()  # every example used the demo or city.sqlite


def test_only_make_and_the_postgresql_setup_are_skipped():
    commands = shell_examples((ROOT / "README.md").read_text(encoding="utf-8"))
    skipped = [c for c, why in commands if why and why != SERVER_BLOCK]
    assert skipped and all(c.startswith(("make ", "pip install", "sudo apt-get")) for c in skipped)
    assert [c for c, why in commands if why == SERVER_BLOCK] == [
        c for c, _ in commands if "postgres" in c or "DXSCORE_DB" in c or c.endswith("main.py score --cycle 2025")]
    assert all(c.startswith(PYTHON) for c, why in commands if not why)
