"""argparse's own usage errors speak the command's language (issue 16): Vietnamese by default, English with
`--lang en`, exit code 2 in both. Real processes; the database is never opened (the command line is refused)."""

from __future__ import annotations

import re

import pytest

from tests.test_cli_language import problems_in, run

CASES = [  # (arguments, the Vietnamese error line, the English one)
    (["score", "--kind", "xyz"],
     "dxscore score: lỗi: đối số --kind: lựa chọn không hợp lệ: 'xyz' (chọn trong: 'department', 'district', "
     "'commune', 'city')",
     "dxscore score: error: argument --kind: invalid choice: 'xyz' (choose from 'department', 'district', "
     "'commune', 'city')"),
    (["packages", "import"], "dxscore packages import: lỗi: thiếu các đối số bắt buộc sau: FILE",
     "dxscore packages import: error: the following arguments are required: FILE"),
    (["score", "--cycle", "2025", "--bogus"], "dxscore: lỗi: không nhận ra các đối số: --bogus",
     "dxscore: error: unrecognized arguments: --bogus"),
    (["score", "--cycle"], "dxscore score: lỗi: đối số --cycle: cần một giá trị",
     "dxscore score: error: argument --cycle: expected one argument"),
    (["score", "--cycle", "abc"], "dxscore score: lỗi: đối số --cycle: 'abc' không phải là năm của kỳ đánh giá",
     "dxscore score: error: argument --cycle: 'abc' is not a cycle year"),
]


@pytest.mark.parametrize(("args", "vietnamese", "english"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_usage_error_is_in_the_command_language(tmp_path, args, vietnamese, english):
    db = tmp_path / "never-opened.sqlite"
    said_vi = run(db, tmp_path, *args)
    said_en = run(db, tmp_path, *args, "--lang", "en")
    assert said_vi.returncode == said_en.returncode == 2
    assert said_vi.stderr.startswith("cách dùng: dxscore") and said_en.stderr.startswith("usage: dxscore")
    assert said_vi.stderr.splitlines()[-1] == vietnamese
    assert said_en.stderr.splitlines()[-1] == english
    assert problems_in(re.sub(r"'[^']*'", "", vietnamese), "vi") == []  # the values quoted are the user's, or choices
    assert "Traceback" not in said_vi.stderr
    assert not db.exists()
