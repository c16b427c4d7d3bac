"""The report's figures (app.services.reports) against values computed by hand from tests/history_seed.py: China-time
days (an order paid before midnight and shipped after it), a shop with nothing, percentiles from summed histograms,
incremental roll-ups equal to a full recompute, pruning that keeps the roll-ups, and refusals of bad input."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from history_seed import cn, seed_history
from sqlalchemy import text

from app.domain.errors import InvalidInput
from app.domain.reports import bucket_end, bucket_of, percentile_hours
from app.services import reports
from app.services.audit import Actor
from app.services.shipping import ship_order
from app.services.workspace import Workspace

D1, D3 = date(2026, 3, 2), date(2026, 3, 4)
NOW = cn(3, 6, 12)


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    with workspace.session_factory.begin() as s:
        seed_history(s)
    return workspace


def _tables(ws: Workspace) -> dict[str, list[tuple]]:
    with ws.session_factory() as s:
        return {
            t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2, 3, 4")).all()]
            for t in ("rollup_trend", "rollup_counts", "rollup_sku")
        }


def test_buckets_and_nearest_rank_percentiles_by_hand() -> None:
    assert [bucket_of(m) for m in (0, 29, 30, 2879, 2880, 10079, 10080, 50000)] == [
        0, 0, 30, 2850, 2880, 9720, 10080, 43200,
    ]  # fmt: skip
    assert [bucket_end(b) for b in (0, 2850, 2880, 10080, 43200)] == [30, 2880, 3240, 11520, 43200]
    # durations 30, 1200, 1560 min: the 2nd (ceil 0.5 x 3) is in bucket 1200..1230 -> 20.5 h
    assert percentile_hours({30: 1, 1200: 1, 1560: 1}, 50) == 20.5
    assert percentile_hours({30: 1, 1200: 1, 1560: 1}, 90) == 26.5
    assert percentile_hours({}, 50) is None


def test_the_figures_are_the_hand_computed_ones(seeded: Workspace) -> None:
    rep = reports.report(seeded.session_factory, D1, D3, now=NOW)
    assert [(d.date.isoformat(), d.new, d.shipped, d.cancelled, d.waiting_end) for d in rep.trend] == [
        ("2026-03-02", 3, 0, 1, 3),  # o1 (23:50 China time), o2, o3 paid; o3 closed; o5 waited from 03-01
        ("2026-03-03", 2, 2, 0, 3),  # o4, o6 paid; o1 (00:20) and o2 shipped
        ("2026-03-04", 0, 1, 0, 2),  # o6 shipped; o4 and o5 wait
    ]
    # as of the range's end (03-05 00:00 China time): C x5 from 03-03 08:00 (40 h), A x1 from 03-01 20:00 (76 h)
    assert [(p.sku, p.waiting_units, p.oldest_hours, p.on_hand) for p in rep.by_product] == [
        ("C", 5, 40.0, 3),
        ("A", 1, 76.0, None),
    ]
    p = rep.processing
    # paid -> shipped: o1 30 min, o6 22 h (1320), o2 26 h (1560): median 22.5 h, p90 26.5 h, 2 of 3 within 24 h
    assert (p.shipped, p.paid_to_shipped.p50_h, p.paid_to_shipped.p90_h) == (3, 22.5, 26.5)
    assert p.paid_to_shipped.within_24h_share == pytest.approx(0.6667)
    assert p.within_deadline_share == pytest.approx(0.6667)  # o2 missed its 24 h deadline
    # paid -> printed: 20 min, 60 min, 19 h; printed -> shipped: 10 min, 25 h, 3 h
    assert (p.paid_to_printed.p50_h, p.paid_to_printed.p90_h) == (1.5, 19.5)
    assert (p.printed_to_shipped.p50_h, p.printed_to_shipped.p90_h) == (3.5, 25.5)
    by_day = {b.date.isoformat(): b for b in rep.processing_by_day}
    d2 = by_day["2026-03-03"]
    assert (d2.shipped, d2.paid_to_shipped_p50_h, d2.paid_to_shipped_p90_h, d2.within_deadline_share) == (
        2, 1.0, 26.5, 0.5,
    )  # fmt: skip
    assert by_day["2026-03-02"].shipped == 0 and by_day["2026-03-02"].paid_to_shipped_p50_h is None
    assert [(b.key, b.processing.shipped) for b in rep.processing_by_shop] == [("甲店", 3)]
    packers = {k.packer: k for k in rep.by_packer}
    assert set(packers) == {"", "ana", "bo"}
    ana, bo = packers["ana"], packers["bo"]
    assert (ana.packed, ana.intercepted, ana.wrong_item, ana.processing.paid_to_shipped.p50_h) == (1, 1, 0, 1.0)
    assert (bo.packed, bo.wrong_item, bo.over_scan, bo.processing.paid_to_shipped.p50_h) == (1, 1, 1, 26.5)
    assert packers[""].processing.printed_to_shipped.p50_h == 3.5  # o6, printed without a bench
    peaks = {(k.weekday, k.hour): k for k in rep.peaks}
    assert peaks[(D1.weekday(), 23)].paid == 1 and peaks[(D1.weekday(), 10)].packed == 1
    assert peaks[((D1 + timedelta(days=1)).weekday(), 0)].packed == 1  # ana's parcel at 00:09 on 03-03
    assert sum(k.paid for k in rep.peaks) == 5 and sum(k.packed for k in rep.peaks) == 2
    assert [(c.shop, c.carrier, c.waybills) for c in rep.carriers] == [("甲店", "YTO", 1), ("甲店", "ZTO", 2)]
    said = {s.code: s for s in rep.suggestions}
    assert said["stock_short"].message.params["sku"] == "C" and said["stock_short"].message.params["short"] == 2
    # paid minus left by hour: +1 at 08, 09, 14 and 23 (the earliest wins), over 3 days
    assert said["backlog_hour"].message.params["hour"] == "08" and said["backlog_hour"].message.params["rate"] == 0.3
    assert said["slowest_step"].message.params["step"].id == "report.step_printed_shipped"


def test_a_shop_filter_and_a_shop_with_nothing(seeded: Workspace) -> None:
    b = reports.report(seeded.session_factory, D1, D3, "乙店", now=NOW)
    assert [(d.new, d.cancelled, d.waiting_end) for d in b.trend] == [(1, 1, 0), (1, 0, 1), (0, 0, 1)]
    assert [(p.sku, p.waiting_units) for p in b.by_product] == [("C", 5)]
    assert b.processing.shipped == 0 and b.processing.paid_to_shipped.p50_h is None and b.carriers == ()
    c = reports.report(seeded.session_factory, D1, D3, "丙店", now=NOW)
    assert [(d.new, d.shipped, d.cancelled, d.waiting_end) for d in c.trend] == [(0, 0, 0, 0)] * 3
    assert c.by_product == () and c.by_packer == () and c.to_json()["peaks"] == []
    # one China-time day alone: 03-03 begins at 16:00 UTC on 03-02
    one = reports.report(seeded.session_factory, D1 + timedelta(days=1), D1 + timedelta(days=1), "甲店", now=NOW)
    assert [(d.new, d.shipped, d.waiting_end) for d in one.trend] == [(1, 2, 2)]


def test_incremental_roll_ups_equal_a_full_recompute_and_the_raw_events(workspace: Workspace) -> None:
    ws = workspace
    with ws.session_factory.begin() as s:
        seed_history(s)
    reports.roll_up(ws.session_factory, slice_size=3)  # many small slices...
    with ws.session_factory.begin() as s:  # ...then more history, rolled up again: only its days change
        from history_seed import add_order

        from app.persistence.rows import ShopRow

        shop = s.query(ShopRow).filter_by(name="乙店").one()
        add_order(s, shop, "late", cn(3, 2, 7), {"B": 4})  # synced late: it was paid on 03-02
    before = _tables(ws)
    done = reports.roll_up(ws.session_factory, slice_size=2)
    assert done.events == 2  # its payment and its line
    after = _tables(ws)
    changed = {r[0] for r in set(after["rollup_trend"]) ^ set(before["rollup_trend"])}
    assert changed == {"2026-03-02"}
    assert reports.roll_up(ws.session_factory).events == 0  # idempotent: nothing new, nothing added
    incremental = reports.report(ws.session_factory, D1, D3, now=NOW, update=False)
    raw = reports.report_from_events(ws.session_factory, D1, D3, now=NOW)
    reports.recompute(ws.session_factory)
    assert _tables(ws) == after
    assert reports.report(ws.session_factory, D1, D3, now=NOW) == incremental == raw
    assert incremental.trend[0].new == 4 and incremental.trend[-1].waiting_end == 3


def test_a_roll_up_cut_off_leaves_nothing_half_done(seeded: Workspace) -> None:
    from app.persistence import history

    sf = seeded.session_factory
    with sf() as s:
        upto = history.last_event_id(s)
        history.roll_up_slice(s, upto, slice_size=5)
        s.rollback()  # the process died before its commit
    assert _tables(seeded)["rollup_trend"] == []
    with sf.begin() as s:
        assert history.roll_up_slice(s, upto, slice_size=5) == 5
    reports.roll_up(sf)  # resumes after the first slice
    resumed = _tables(seeded)
    reports.recompute(sf)
    assert _tables(seeded) == resumed


def test_pruning_old_detail_keeps_the_roll_ups(seeded: Workspace) -> None:
    sf = seeded.session_factory
    kept = reports.report(sf, D1, D3, now=NOW)
    pruned = reports.prune_history(sf, 7, cn(3, 12, 10))  # events before 03-05 China time go
    with sf() as s:
        left = s.execute(text("SELECT COUNT(*) FROM history_events")).scalar_one()
    assert pruned > 0 and left == 0
    assert reports.report(sf, D1, D3, now=NOW) == kept
    with pytest.raises(ValueError):
        reports.recompute(sf)  # the pruned events' sums live only in the roll-ups now


def test_shipping_through_the_service_is_dated_by_its_clock(seeded: Workspace) -> None:
    reports.roll_up(seeded.session_factory)
    ship_order(seeded.session_factory, "o5", "ZTO", "ZT1234567890", Actor("ana", "bench-1"), cn(3, 4, 23, 30))
    rep = reports.report(seeded.session_factory, D3, D3, "甲店", now=NOW)
    assert [(d.shipped, d.waiting_end) for d in rep.trend] == [(2, 0)]
    assert rep.by_product == ()
    assert [(c.carrier, c.waybills) for c in rep.carriers] == [("ZTO", 2)]


def test_an_order_reopened_joins_the_backlog_again(seeded: Workspace) -> None:
    with seeded.session_factory.begin() as s:
        s.execute(
            text("UPDATE orders SET status = 'awaiting_shipment', modified_at = :at WHERE order_no = 'o3'"),
            {"at": cn(3, 4, 9).replace(tzinfo=None)},
        )
    rep = reports.report(seeded.session_factory, D1, D3, "乙店", now=NOW)
    assert [(d.reopened, d.waiting_end) for d in rep.trend] == [(0, 0), (0, 1), (1, 2)]
    assert {p.sku: p.waiting_units for p in rep.by_product} == {"C": 5, "B": 1}


def test_bad_input_is_refused_with_a_clear_message(seeded: Workspace) -> None:
    with pytest.raises(InvalidInput, match="give the earlier date first"):
        reports.report(seeded.session_factory, D3, D1)
    with pytest.raises(InvalidInput, match="No shop named 'nowhere'. Shops here: 丙店, 乙店, 甲店"):
        reports.report(seeded.session_factory, D1, D3, "nowhere")
    with pytest.raises(InvalidInput, match="at most"):
        reports.report(seeded.session_factory, date(2020, 1, 1), D3)
    with pytest.raises(InvalidInput, match="at least 7 days"):
        reports.keep_days_of("3")
    assert reports.keep_days_of("") is None and reports.keep_days_of("30") == 30


def test_the_backlog_by_product_at_a_past_days_end(seeded: Workspace) -> None:
    rep = reports.report(seeded.session_factory, D1, D1, now=NOW)  # as of 03-03 00:00 China time
    # A: o5 x1 (since 03-01 20:00), o2 x1, o1 x2; B: o2 x3 (since 09:00); o3's B left when it closed
    assert [(p.sku, p.waiting_units, p.oldest_hours) for p in rep.by_product] == [("A", 4, 28.0), ("B", 3, 15.0)]


def test_whole_months_are_read_from_the_monthly_sums_and_agree_with_the_days(workspace: Workspace) -> None:
    from history_seed import add_order, add_parcel, print_parcel, ship

    from app.persistence import history
    from app.persistence.rows import ShopRow

    assert history._months_within("2026-02-15", "2026-04-10") == (
        ["2026-03"],
        [("2026-02-15", "2026-02-28"), ("2026-04-01", "2026-04-10")],
    )
    assert history._months_within("2026-03-01", "2026-03-31") == (["2026-03"], [])
    assert history._months_within("2026-03-02", "2026-03-31") == ([], [("2026-03-02", "2026-03-31")])
    with workspace.session_factory.begin() as s:
        shop = ShopRow(name="甲店", platform="taobao", created_at=cn(1, 1, 0))
        s.add(shop)
        s.flush()
        for i in range(60):  # an order every 29 hours from mid-February to mid-April
            paid = cn(2, 14, 7) + timedelta(hours=29 * i)
            order = add_order(s, shop, f"m{i}", paid, {"A": 1 + i % 3})
            if i % 4:
                parcel = add_parcel(s, order, "ZTO", f"ZT{i:06d}", paid + timedelta(hours=1))
                print_parcel(s, parcel, paid + timedelta(hours=1 + i % 5))
                ship(s, order, parcel, paid + timedelta(hours=3 + i % 40))
    reports.roll_up(workspace.session_factory)
    with workspace.session_factory() as s:
        whole = sorted(history.range_counts(s, "2026-02-15", "2026-04-10", None))
        by_day: dict[tuple[int, str, str], int] = {}
        day = date(2026, 2, 15)
        while day <= date(2026, 4, 10):
            for shop_id, metric, key, n in history.range_counts(s, day.isoformat(), day.isoformat(), None):
                by_day[(shop_id, metric, key)] = by_day.get((shop_id, metric, key), 0) + n
            day += timedelta(days=1)
    assert whole == sorted((*k, n) for k, n in by_day.items()) and len(whole) > 50
    rep = reports.report(workspace.session_factory, date(2026, 2, 15), date(2026, 4, 10), now=NOW)
    assert rep == reports.report_from_events(workspace.session_factory, date(2026, 2, 15), date(2026, 4, 10), now=NOW)
    assert sum(d.shipped for d in rep.processing_by_day) == rep.processing.shipped > 30
