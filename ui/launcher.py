"""Entry point of the `packdesk` command: the command line, or the window for `packdesk` / `packdesk gui`.

It lives in ui/ because only ui/ may import both the core and Qt; Qt itself is imported only when the window opens,
so headless commands start fast and run where PySide6 is not installed.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from app.cli import main as cli_main


def _run_gui(args: argparse.Namespace) -> int:
    from ui.main import run

    return run(data_dir=args.data_dir, demo=args.demo)


def _run_bench(args: argparse.Namespace) -> int:
    from bench.runner import run

    return run(as_json=args.json, only=args.only)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, runners={"gui": _run_gui, "bench": _run_bench})


if __name__ == "__main__":
    raise SystemExit(main())
