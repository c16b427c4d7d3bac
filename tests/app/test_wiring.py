"""The composition root: the station engine is constructed in app/wiring.py alone, and what it builds."""

from __future__ import annotations

import ast
from pathlib import Path

from app.services.audit import Actor
from app.services.station_options import StationOptions
from app.services.workspace import Workspace
from app.wiring import apply_options, build_station, print_service, set_printer

ROOT = Path(__file__).resolve().parents[2]


def _station_calls(path: Path) -> list[int]:
    """Lines of `path` that call `Station(...)` or `<module>.Station(...)`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
            if name == "Station":
                lines.append(node.lineno)
    return lines


def test_the_station_is_constructed_in_the_composition_root_only() -> None:
    found = {
        str(path.relative_to(ROOT)): lines
        for package in ("app", "ui", "bench")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (lines := _station_calls(path))
    }
    assert list(found) == ["app/wiring.py"], found
    assert len(found["app/wiring.py"]) == 1


def test_the_scan_finds_a_construction_wherever_it_is_written(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import app.station as s\nfrom app.station import Station\nx = s.Station(1)\ny = Station(2)\n")
    assert _station_calls(sample) == [3, 4]


def test_a_built_station_has_the_bench_options_and_takes_new_ones(demo: Workspace, tmp_path: Path) -> None:
    actor = Actor("tester", "vm")
    options = StationOptions(sku_first=True, confirm_scan=True, packaging_g=120)
    station = build_station(demo.session_factory, actor, options=options)
    assert (station.sku_first, station.confirm_scan, station.packaging_g, station.printer) == (True, True, 120.0, None)
    apply_options(station, StationOptions(packaging_g=35))
    assert (station.sku_first, station.confirm_scan, station.packaging_g) == (False, False, 35.0)
    spooler = print_service(demo.session_factory, actor, f"png://{tmp_path.as_posix()}")
    assert spooler is not None and print_service(demo.session_factory, actor, "") is None
    set_printer(station, spooler)
    assert station.printer is spooler


def test_the_demo_workspace_is_seeded_the_first_time_only(tmp_path: Path) -> None:
    """`packdesk gui --demo` opens the demo data directory through the composition root: seeded once, reopened as it
    was (orders a packer shipped stay shipped), with its packer, its PNG printer and the demo supervisor PIN."""
    from app.demo.station import demo_supervisor_hash
    from app.services.orders import list_orders
    from app.wiring import DEMO_ORDERS, DEMO_PACKER, demo_workspace

    ws = demo_workspace(tmp_path / "demo")
    orders = list_orders(ws.session_factory, limit=DEMO_ORDERS * 2)
    assert len(orders) == DEMO_ORDERS
    assert (ws.settings.packer, ws.settings.printer_uri) == (DEMO_PACKER, f"png://{ws.labels_dir.as_posix()}")
    assert ws.settings.supervisor_pin == demo_supervisor_hash(ws.settings.supervisor_pin)
    ws.close()
    again = demo_workspace(tmp_path / "demo")
    try:
        assert sorted(o.order_no for o in list_orders(again.session_factory, limit=DEMO_ORDERS * 2)) == sorted(
            o.order_no for o in orders
        )
    finally:
        again.close()
