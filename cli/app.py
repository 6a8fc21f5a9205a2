"""Running one command: parse, log to the log file, run the handler, turn what went wrong into an exit code.

Exit codes: 0 success, 2 bad input (the message says what and where; also a full disk, a read-only file, a
missing folder), 1 unexpected (the message names the log file, which keeps the traceback), 130 interrupted."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cli.wiring import setup_logging

if TYPE_CHECKING:
    from assessment.domain.errors import ProblemsError

log = logging.getLogger("dxscore")


def main(argv: list[str] | None = None) -> int:
    from cli.parser import build_parser
    from cli.terminal import safe_output

    # Short-lived process allocating many small objects: collect young generations 100× less often.
    gc.set_threshold(70_000, 20, 20)
    args = build_parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    log_path = setup_logging()
    sys.unraisablehook = _log_unraisable
    with safe_output():  # stored text reaches the terminal with its control characters escaped
        return _run(args, log_path)


def _run(args: argparse.Namespace, log_path: Path) -> int:
    from assessment.domain.errors import DxError, ProblemsError
    from cli.messages import say, translated

    try:
        return args.handler(args)
    except ProblemsError as exc:
        print(_report(args, exc), file=sys.stderr)
        return exc.exit_code
    except DxError as exc:
        reason = _machine_failure(exc) if exc.exit_code == 1 else None
        log.info("refused: %s", reason or exc.message, exc_info=reason is not None)
        print(say(args, "error: {message}", message=translated(args, reason or exc.message)), file=sys.stderr)
        return 2 if reason else exc.exit_code
    except KeyboardInterrupt:
        print(say(args, "interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        reason = _machine_failure(exc)
        if reason is not None:  # the machine, not dxscore: a full disk, a read-only file, a missing folder
            log.warning("refused: %s", reason, exc_info=True)
            print(say(args, "error: {message}", message=translated(args, reason)), file=sys.stderr)
            return 2
        log.exception("unexpected error in %s", " ".join(sys.argv))
        print(say(args, "unexpected error ({name}); the details are in {file}", name=exc.__class__.__name__,
                  file=log_path), file=sys.stderr)
        return 1


def _report(args: argparse.Namespace, exc: ProblemsError) -> str:
    """ProblemsError.report in the command's language: the summary and each problem's message translated."""
    import dataclasses

    from assessment.domain.errors import PROBLEMS_SHOWN
    from cli.messages import lang_of, say, translated
    from cli.numbers import format_number

    lines = [translated(args, exc.message)]
    lines += [f"  {dataclasses.replace(p, message=translated(args, p.message))}"
              for p in exc.problems[:PROBLEMS_SHOWN]]
    if len(exc.problems) > PROBLEMS_SHOWN:
        more = format_number(len(exc.problems) - PROBLEMS_SHOWN, lang_of(args), 0)
        lines.append("  " + say(args, "… and {n} more problem(s)", n=more))
    return "\n".join(lines)


def _machine_failure(exc: BaseException) -> str | None:
    """A full disk, a read-only file, a missing folder… in words (exit code 2), or None."""
    from storage.failures import explain

    return explain(exc)


def _log_unraisable(unraisable) -> None:  # type: ignore[no-untyped-def]
    """An error in a destructor (a zip writer closing on a full disk) goes to the log, not to the terminal as
    a traceback; the error that caused it is reported by `main`."""
    log.warning("ignored in %r: %s", unraisable.object, unraisable.exc_value,
                exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


def run_as_script() -> None:
    """Run, flush, and leave without the interpreter's teardown: collecting numpy's and SQLAlchemy's module
    objects at exit costs ~0.1 s of a one-second command. Logs are flushed and closed first; databases are
    consistent at every commit (SQLite WAL), so nothing is lost."""
    if getattr(sys, "frozen", False):  # the bundle: report workers started with "spawn" run the worker, not main
        import multiprocessing

        multiprocessing.freeze_support()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    deferred = sys.modules.get("storage.deferred")  # only if this command opened a database at all
    if deferred is not None:
        deferred.close_deferred_stores()
    storage_db = sys.modules.get("storage.db")
    if storage_db is not None:
        storage_db.close_sqlite_engines()
    logging.shutdown()
    os._exit(code)
