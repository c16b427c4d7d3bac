"""The report as files and on the command line: the .xlsx read back with openpyxl, the PDF rendered by a real
renderer (pypdfium2, PDFium: pdftoppm is not installed on the test machines), and `packdesk report --json` /
`reconcile` / `history` with their refusals (app.services.report_export, app.cli.reports)."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from history_seed import cn, seed_history
from openpyxl import load_workbook

from app.domain.catalog import CATALOG
from app.services import reports
from app.services.report_export import write_pdf, write_xlsx
from app.services.workspace import Workspace

D1, D3 = date(2026, 3, 2), date(2026, 3, 4)


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    with workspace.session_factory.begin() as s:
        seed_history(s)
    return workspace


def test_the_workbook_has_a_sheet_per_figure_with_its_rows(seeded: Workspace, tmp_path: Path) -> None:
    rep = reports.report(seeded.session_factory, D1, D3, now=cn(3, 6, 12))
    path = write_xlsx(rep, tmp_path / "report.xlsx")
    book = load_workbook(path, read_only=True)
    try:
        assert book.sheetnames == [
            "trend", "by_product", "processing", "processing_by_day", "processing_by_shop", "by_packer", "peaks",
            "carriers", "suggestions",
        ]  # fmt: skip
        trend = [list(r) for r in book["trend"].iter_rows(values_only=True)]
        assert trend[0][:5] == ["date", "new", "shipped", "cancelled", "waiting_end"]
        assert [r[:5] for r in trend[1:]] == [[d.date.isoformat(), d.new, d.shipped, d.cancelled, d.waiting_end]
                                              for d in rep.trend]  # fmt: skip
        products = [list(r) for r in book["by_product"].iter_rows(values_only=True)]
        assert products[1][:3] == ["C", 5, 40.0]
        processing = dict(zip(*[list(r) for r in book["processing"].iter_rows(values_only=True)], strict=True))
        assert processing["paid_to_shipped_p50_h"] == 22.5 and processing["paid_to_shipped_p90_h"] == 26.5
        assert len(list(book["peaks"].iter_rows())) == 1 + 7 * 24
        carriers = [list(r) for r in book["carriers"].iter_rows(values_only=True)]
        assert carriers[1:] == [["甲店", "YTO", 1], ["甲店", "ZTO", 2]]
    finally:
        book.close()
    assert not (tmp_path / "report.xlsx.part").exists()


def test_the_pdf_is_one_page_that_renders_with_chinese_text(seeded: Workspace, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    rep = reports.report(seeded.session_factory, D1, D3, "甲店", now=cn(3, 6, 12))
    zh = {CATALOG["report.pdf_title"]: "PackDesk 日报 {day}", CATALOG["report.pdf_trend"]: "每日未发货订单"}
    path = write_pdf(rep, tmp_path / "daily.pdf", lambda template: zh.get(template, template))
    doc = pdfium.PdfDocument(str(path))
    try:
        assert len(doc) == 1
        page = doc[0]
        words = page.get_textpage().get_text_range()
        assert "PackDesk 日报 2026-03-04" in words and "每日未发货订单" in words and "甲店" in words
        image = page.render(scale=1).to_pil().convert("L")
        dark = sum(image.histogram()[:128])
        assert dark > 2000  # text was drawn, not boxes of a missing font (those would still be extracted as text)
        fonts = path.read_bytes()
        assert b"/FontFile2" in fonts and b"Helvetica" not in fonts  # the vendored TrueType, embedded
    finally:
        doc.close()
    assert write_pdf(rep, tmp_path / "again.pdf").read_bytes() == write_pdf(rep, tmp_path / "b.pdf").read_bytes()


def _run(cmd: list[str], data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args, "--data-dir", str(data_dir)], capture_output=True, text=True, timeout=120)


def test_the_command_line(seeded: Workspace, packdesk_cmd: list[str], data_dir: Path, tmp_path: Path) -> None:
    seeded.close()
    done = _run(packdesk_cmd, data_dir, "report", "--from", "2026-03-02", "--to", "2026-03-04", "--json",
                "--xlsx", str(tmp_path / "r.xlsx"), "--pdf", str(tmp_path / "r.pdf"))  # fmt: skip
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert [t["waiting_end"] for t in out["trend"]] == [3, 3, 2]
    assert set(out["trend"][0]) >= {"date", "new", "shipped", "cancelled", "waiting_end"}
    assert set(out["by_product"][0]) >= {"sku", "waiting_units", "oldest_hours"}
    assert set(out["processing"]) >= {
        "paid_to_shipped_p50_h", "paid_to_shipped_p90_h", "within_24h_share", "within_deadline_share",
    }  # fmt: skip
    assert out["processing"]["paid_to_shipped_p50_h"] == 22.5
    assert {p["packer"] for p in out["by_packer"]} == {"", "ana", "bo"}
    assert out["carriers"] == [{"shop": "甲店", "carrier": "YTO", "waybills": 1},
                               {"shop": "甲店", "carrier": "ZTO", "waybills": 2}]  # fmt: skip
    assert (tmp_path / "r.xlsx").stat().st_size > 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    shop = _run(packdesk_cmd, data_dir, "report", "--from", "2026-03-02", "--to", "2026-03-04", "--shop", "乙店",
                "--json")  # fmt: skip
    assert [t["new"] for t in json.loads(shop.stdout)["trend"]] == [1, 1, 0]
    for args, said in [
        (("--from", "2026-03-04", "--to", "2026-03-02"), "give the earlier date first"),
        (("--from", "2026-02-30", "--to", "2026-03-02"), "is not a date"),
        (("--from", "2026-03-02", "--to", "2026-03-04", "--shop", "nowhere"), "No shop named 'nowhere'"),
    ]:
        bad = _run(packdesk_cmd, data_dir, "report", *args, "--json")
        assert bad.returncode != 0 and said in bad.stderr and bad.stdout == ""
    hist = _run(packdesk_cmd, data_dir, "history", "rollup", "--json")
    assert hist.returncode == 0 and json.loads(hist.stdout)["events"] == 0  # the reports rolled it all up
    prune = _run(packdesk_cmd, data_dir, "history", "prune", "--keep-days", "2", "--json")
    assert prune.returncode != 0 and "at least 7 days" in prune.stderr


def test_history_rollup_prunes_as_the_setting_says(seeded: Workspace, data_dir: Path) -> None:
    import io

    from app.cli import main

    seeded.settings.history_keep_days = "7"
    seeded.save_settings()
    seeded.close()
    out = io.StringIO()
    assert main(["history", "rollup", "--json", "--data-dir", str(data_dir)], out=out) == 0
    done = json.loads(out.getvalue())
    assert done["events"] > 0 and done["pruned"] == done["events"]  # every seeded event is months old now
    out = io.StringIO()
    assert main(["report", "--from", "2026-03-02", "--to", "2026-03-04", "--json", "--data-dir", str(data_dir)],
                out=out) == 0  # fmt: skip
    assert [t["waiting_end"] for t in json.loads(out.getvalue())["trend"]] == [3, 3, 2]
