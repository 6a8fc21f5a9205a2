"""Read crosswalk files that map an older methodology's indicator codes to a newer one's."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from assessment.domain.errors import MethodologyInvalid, Problem
from assessment.domain.model import Crosswalk, Methodology, MethodologyId
from questionnaires.fields import Fields, Report
from questionnaires.yamlsource import YamlSyntaxError, read_source, read_yaml

FORMAT = "dxscore-crosswalk/1"


def load_crosswalk(path: str | Path, methodologies: Mapping[str, Methodology]) -> Crosswalk:
    """Validate a crosswalk against the methodologies it links (by id); raises MethodologyInvalid."""
    path = Path(path)
    report = Report(str(path))
    try:
        root = read_yaml(read_source(path), str(path), report.problems)
    except YamlSyntaxError as exc:
        raise MethodologyInvalid(f"{path}: not valid YAML", [exc.problem]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MethodologyInvalid(f"{path}: cannot read the file", [Problem(str(path), None, "", str(exc))]) from exc
    top = Fields(report, root, "", {"format", "from", "to", "note", "map"})
    if top.string("format") not in (None, FORMAT):
        top.problem("format", f"unsupported format (expected {FORMAT!r})")
    ends = {}
    for key in ("from", "to"):
        ident = top.string(key)
        if ident is not None and ident not in methodologies:
            top.problem(key, f"unknown methodology {ident!r}")
        ends[key] = methodologies.get(ident or "")
    note = top.text("note", required=False)
    pairs: list[tuple[str, str | None]] = []
    for i, node in enumerate(top.items("map")):
        f = Fields(report, node, f"map[{i}]", {"from", "to", "note"})
        olds = f.get("from", (str, list))
        new = f.get("to", str, required=False)
        f.get("note", str, required=False)
        if not f.has("to"):
            f.problem("to", "required key is missing (use to: null for a dropped indicator)")
        old_codes = [olds] if isinstance(olds, str) else [str(o.value) for o in olds or []]
        for code in old_codes:
            if ends["from"] is not None and code not in {i.code for i in ends["from"].indicators}:
                f.problem("from", f"{code!r} is not an indicator of {ends['from'].id}")
            if any(code == old for old, _ in pairs):
                f.problem("from", f"{code!r} is mapped twice")
            pairs.append((code, new))
        if new is not None and ends["to"] is not None and new not in {i.code for i in ends["to"].indicators}:
            f.problem("to", f"{new!r} is not an indicator of {ends['to'].id}")
    if not report.ok:
        raise MethodologyInvalid(f"{path}: {len(report.problems)} problem(s); the crosswalk was rejected",
                                 report.problems)
    return Crosswalk(MethodologyId(ends["from"].id), MethodologyId(ends["to"].id), tuple(pairs), note)
