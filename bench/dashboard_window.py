"""The dashboard tab on a year of history: from choosing the days to the figures drawn, and the longest the window's
event loop went without turning meanwhile (run as a child process by bench.reports, so Qt stays out of the runner).

`python -m bench.dashboard_window DB_FILE` opens the Dashboard tab (ui.widgets.dashboard.DashboardView, through the
façade on its own lane, exactly as the window does) over DB_FILE (bench.reports' history file; its roll-ups are up to
date, so the load's roll-up finds nothing to add), with the clock at bench.reports.NOW, and prints one JSON object:
`import_s` (the charts' libraries, imported the first time the tab is opened in a session), `first_s` and
`first_stall_ms` (the tab opened: its first load and paint); `days30_s` and `days365_s` (the last 30
days, then every day of the year: from the choice to the figures drawn, each the median of
PACKDESK_BENCH_REPEAT_REPORTS loads); `longest_stall_ms` (the longest gap between two turns of the event loop while
those loads ran and drew: what a click meanwhile would wait).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path


def measure(db_file: Path, repeat: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from app.facade import Desk
    from app.persistence.db import make_engine, make_session_factory, sqlite_url
    from app.services.audit import Actor
    from bench.reports import NOW, _china_day
    from ui.main import make_app
    from ui.ops import ChangeHub, Ops
    from ui.tasks import TaskRunner

    app = make_app()
    start = time.perf_counter()
    from ui.widgets.dashboard import DashboardView  # pyqtgraph and numpy: the window imports them on first opening

    import_s = time.perf_counter() - start
    engine = make_engine(sqlite_url(db_file))
    tasks = TaskRunner()
    desk = Desk(make_session_factory(engine), db_file.parent, Actor("bench", "bench"), clock=lambda: NOW)
    view = DashboardView(Ops(tasks, desk, ChangeHub()))
    view.resize(1366, 768)
    view.show()
    stall = 0.0

    def load(choose) -> float:  # noqa: ANN001
        nonlocal stall
        drawn: list[object] = []
        view.report_loaded.connect(drawn.append)
        start = last = time.perf_counter()
        choose()
        while not drawn:
            QCoreApplication.processEvents()
            now = time.perf_counter()
            stall = max(stall, now - last)
            last = now
            if now - start > 120:
                raise TimeoutError("the dashboard did not load")
            time.sleep(0.002)  # an idle event loop sleeps: spinning would hold the worker's GIL back
        app.processEvents()  # the paint of what was drawn
        view.report_loaded.disconnect(drawn.append)
        return time.perf_counter() - start

    to_day = _china_day(NOW) - timedelta(days=1)
    try:
        out = {"import_s": import_s, "first_s": load(view.reload), "first_stall_ms": stall * 1000}  # shops, 30 days
        stall = 0.0
        for days in (30, 365):
            first = to_day - timedelta(days=days - 1)
            samples = []
            for k in range(repeat):
                # a different last day each time, so each is a real load (the combo ignores a choice it already has)
                samples.append(load(lambda f=first, k=k: view.set_range("custom", f - timedelta(days=k), to_day)))
            out[f"days{days}_s"] = statistics.median(samples)
        out["longest_stall_ms"] = stall * 1000
        return out
    finally:
        view.close()
        tasks.wait()
        engine.dispose()


def main() -> int:
    repeat = int(os.environ.get("PACKDESK_BENCH_REPEAT_REPORTS", "5"))
    print(json.dumps(measure(Path(sys.argv[1]), repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
