"""The ``aeo-check`` entry point: every command group registered on the app, in help order."""

from __future__ import annotations

import importlib
import sys

from aeo_check.cli.app import app

#: the command groups, in the order ``--help`` lists them (each registers its commands on import)
GROUPS = ("answer_files", "score", "plan", "report", "portfolio", "assess", "doctor", "standards", "binder")
for _group in GROUPS:
    importlib.import_module(f"aeo_check.cli.{_group}")


def main() -> None:  # the console-script entry point
    from aeo_check.cli.words import run_app
    from aeo_check.runs.exitcodes import silence_stdout

    try:
        code = run_app(app)  # help, usage line and usage errors in the interface language
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except KeyboardInterrupt:  # pragma: no cover - the group turns it into exit 130 already
        code = 130
    try:  # the last of stdout may meet a closed pipe only now: not an error
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except (OSError, ValueError):  # pragma: no cover
        code = code or 3
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
