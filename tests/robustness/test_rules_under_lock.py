"""Two processes importing answer files at once, each file valid against some states of the database and not
others (issue 12.5): the rules are checked again inside the write transaction, so no committed state ever breaks
one. Commune 00070, 2025: NTS02's denominator must equal NTS01. Runs on an SQLite file and on PostgreSQL."""

from __future__ import annotations

import itertools
import re

from writers import fetch, start, wait_ready

UNIT, YEAR, ROUNDS = "00070", 2025, 12
HEADER = "unit_code,cycle,indicator_code,value,numerator,denominator,choice,not_applicable,comment\n"


def answers_file(folder, name: str, rows: list[str]):  # type: ignore[no-untyped-def]
    path = folder / name
    path.write_text(HEADER + "".join(f"{UNIT},{YEAR},{row}\n" for row in rows), encoding="utf-8")
    return str(path)


def committed_states(db: str) -> list[tuple[float | None, float | None]]:
    """(NTS01, NTS02 denominator) after each committed write, replayed from the answer history (the rows one
    transaction writes share its time and author)."""
    rows = fetch(db, "SELECT h.indicator_code, h.new_value_number, h.new_denominator, h.changed_at, h.changed_by "
                     "FROM answer_history h JOIN assessments a ON a.id = h.assessment_id "
                     f"JOIN units u ON u.id = a.unit_id WHERE u.code = '{UNIT}' AND a.cycle_year = {YEAR} "
                     "AND h.indicator_code IN ('NTS01', 'NTS02') ORDER BY h.id")
    state: dict[str, float | None] = {"NTS01": None, "NTS02": None}
    states = []
    for _, group in itertools.groupby(rows, key=lambda r: (str(r[3]), r[4])):
        for code, value, denominator, _, _ in group:
            state[code] = value if code == "NTS01" else denominator
        states.append((state["NTS01"], state["NTS02"]))
    return states


def test_two_importers_never_commit_a_broken_rule(demo_url, tmp_path):
    toggler = [answers_file(tmp_path, "a4.csv", ["NTS01,4,,,,,", "NTS02,,2,4,,,"]),
               answers_file(tmp_path, "a3.csv", ["NTS01,3,,,,,", "NTS02,,1,3,,,"])]
    follower = [answers_file(tmp_path, "b3.csv", ["NTS02,,2,3,,,"]),
                answers_file(tmp_path, "b4.csv", ["NTS02,,3,4,,,"])]
    first = start("rounds", demo_url, str(ROUNDS), *toggler, tmp=tmp_path)
    second = start("rounds", demo_url, str(ROUNDS), *follower, tmp=tmp_path)
    wait_ready(first)
    wait_ready(second)
    outputs = [p.communicate(timeout=600) for p in (first, second)]
    for process, (_out, err) in zip((first, second), outputs, strict=True):
        assert process.returncode == 0, err
        assert "locked" not in err and "Traceback" not in err
    counts = [tuple(int(n) for n in re.findall(r"\d+", out)) for out, _ in outputs]
    states = committed_states(demo_url)
    broken = [s for s in states if s[1] is not None and s[0] != s[1]]
    assert not broken, f"{len(broken)} committed states break the rule, e.g. {broken[:3]}"
    assert counts[0][0] == 2 * ROUNDS  # the toggling file pairs are valid on their own, always
    assert sum(c[0] for c in counts) + sum(c[1] for c in counts) == 4 * ROUNDS
    print(f"\n{len(states)} committed states; importer A {counts[0]}, importer B {counts[1]} (imported, refused)")
