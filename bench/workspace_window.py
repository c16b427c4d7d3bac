"""The window over a million cached orders: open the workspace, jump to the end of the list, and what that costs in
memory, beside the same window before the list was shown (run as a child process by bench.workspace, so its memory
is the window's alone).

`python -m bench.workspace_window DATA_DIR` opens the PackDesk window on DATA_DIR (a data folder whose packdesk.db is
the workspace file), shows the Orders tab, waits for the first page and the count, jumps to the last row, waits for
its page, then scrolls through 50 evenly spread places; it prints one JSON object: `rows` (what the list spans),
`pages_held` (pages of orders in memory at the end), `rss_before_mb` (the window up, the list not shown),
`rss_end_mb` (after the jumps), `first_page_s` and `last_page_s` (the waits, from the moment asked).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def _rss_mb() -> float:
    """Resident memory now (Linux /proc; elsewhere the peak the OS reports)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(data_dir: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication

    from app.services.workspace import open_workspace
    from ui.main import build_gui, make_app

    app = make_app()
    ws = open_workspace(data_dir)
    gui = build_gui(ws)
    window = gui.window
    window.resize(1366, 768)
    window.show()

    def wait(done, limit: float = 120.0) -> float:  # noqa: ANN001
        start = time.perf_counter()
        while not done():
            if time.perf_counter() - start > limit:
                raise TimeoutError("the list did not answer in time")
            QCoreApplication.processEvents()
            time.sleep(0.002)
        return time.perf_counter() - start

    try:
        gui.tasks.wait()
        for _ in range(20):
            app.processEvents()
        before = _rss_mb()
        view = window.orders_view
        model = view.model
        asked = time.perf_counter()
        window.tabs.setCurrentWidget(view)
        view.clear_filters()
        wait(lambda: model.rowCount() > 200 and not model.loading)  # the count arrived: the list spans every match
        first = time.perf_counter() - asked
        rows = model.rowCount()
        asked = time.perf_counter()
        view.table.scrollToBottom()
        wait(lambda: model.order_no_at(rows - 1) is not None and not model.loading)
        last = time.perf_counter() - asked
        for k in range(1, 51):  # a seller dragging the scroll bar about
            row = rows * k // 51
            view.table.scrollTo(model.index(row, 1))
            model.data(model.index(row, 1))
            wait(lambda r=row: model.order_no_at(r) is not None and not model.loading)
        return {
            "rows": rows,
            "pages_held": model.pages_held,
            "rss_before_mb": round(before, 1),
            "rss_end_mb": round(_rss_mb(), 1),
            "first_page_s": round(first, 3),
            "last_page_s": round(last, 3),
        }
    finally:
        gui.tasks.wait()
        window.close()
        ws.close()


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
