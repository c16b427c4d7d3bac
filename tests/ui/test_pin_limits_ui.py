"""The window's supervisor PIN goes through the PIN limits: wrong ones are audited with the packer at the bench, and
after a few the next try waits, even with the right PIN."""

from __future__ import annotations

from pdtest.station_ui import packable, scan
from sqlalchemy import select

from app.persistence.rows import AuditRow
from app.services.pin_guard import FREE_TRIES, SUPERVISOR
from app.services.supervisor import hash_supervisor_pin
from ui.main import Gui


def test_wrong_supervisor_pins_at_the_bench_are_limited_and_audited(qtbot, gui: Gui) -> None:  # noqa: ANN001
    gui.workspace.settings.supervisor_pin = hash_supervisor_pin("246810")
    view = gui.window.station_view
    order = packable(gui, min_units=2)
    scan(qtbot, gui, order.order_no)
    scan(qtbot, gui, "6999999999994")
    assert view.unknown_code == "6999999999994"
    for _ in range(FREE_TRIES):
        view.apply_supervisor("6999999999994", order.lines[0].sku, 1, "", "135790")
        assert view.banner.text() == "ERROR" and "Wrong supervisor PIN" in view.detail.text()
    view.apply_supervisor("6999999999994", order.lines[0].sku, 1, "", "246810")  # right, but too soon
    assert "Too many wrong PINs: try again in" in view.detail.text()
    assert view.snapshot.scanned.get(order.lines[0].sku, 0) == 0  # nothing was bound
    with gui.workspace.session_factory() as s:
        rows = s.execute(select(AuditRow).where(AuditRow.entity == SUPERVISOR).order_by(AuditRow.id)).scalars().all()
    assert [r.action for r in rows] == ["pin_failed"] * FREE_TRIES + ["pin_refused"]
    assert {(r.actor, r.station) for r in rows} == {("tester", view.station.actor.station)}  # the packer at the bench
