"""A Taobao/Tmall shop's catalogue from the platform: items on sale, their SKUs and the barcodes the seller filled in
(sync layer).

`taobao.items.onsale.get` lists the items whose `modified` falls in a window, 200 a page, newest first; the items
that changed since they were last synced are read whole in batches of 20 with `taobao.items.seller.list.get` (its
SKUs with outer ids, properties, price and barcode), and every SKU becomes a catalogue entry written by
app.services.catalogue with the catalogue's barcode rules. A barcode the rules refuse (a bad check digit, a code
another SKU holds) is left out with its reason and the SKU still lands; nothing of a page is stored unless all of it
is understood.

Windows and resuming: the first sync reads everything modified up to a little before now, later ones from the
watermark (less an overlap). A window is read from its last page to its first: an item modified while the window
is read leaves it (its new `modified` is past the window's end) and shifts the rows after it towards page 1, which
is read last, so no item is skipped; it comes in with the next window. Each page is stored in one transaction with
the cursor (window, next page), so a sync killed at any moment resumes at the page it was on; the watermark moves only
when a window is complete. The platform refuses to page past 20,000 rows, so a window holding more is halved until
it fits. Answers go through the order sync's client (signing, retries, rate limits).

Which SKU an entry is: the SKU's merchant code (outer_id); else the item's, when it is the only SKU without one
(an order line carries the item's code then); else the platform's sku_id. An item without SKUs is one SKU: the
item's code, else its num_iid. The item's barcode goes to an item without SKUs or with one SKU only (on an item
with several it would name them all). The platform's stock figures are not taken: PackDesk's stock is the seller's.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.barcodes import BarcodeError, unit_code
from app.domain.enums import Platform
from app.domain.errors import InvalidInput, PackDeskError
from app.domain.messages import Message, msg
from app.domain.products import MAX_SKU, MAX_TEXT, CatalogueEntry
from app.persistence.catalogue_sync import CatalogueSyncRepository, PlatformMark
from app.persistence.products import ProductRepository
from app.persistence.shops import ShopRepository
from app.services.catalogue import apply_entries
from app.sync.catalogue_answers import Item, ItemsPage, Sku
from app.sync.model import picture_url
from app.sync.service import api_shops, client_factory
from app.sync.shops import find_shop
from app.sync.top import RetryPolicy, TopClient, china_time

log = logging.getLogger(__name__)

LIST_FIELDS = "num_iid,title,outer_id,modified"
DETAIL_FIELDS = "num_iid,title,outer_id,barcode,pic_url,price,item_weight,modified,sku"
PAGE_SIZE = 200  # the platform's largest page
MAX_ROWS = 20_000  # the platform refuses page_no * page_size beyond this
BATCH = 20  # num_iids per taobao.items.seller.list.get
OVERLAP = timedelta(minutes=5)
SETTLE = timedelta(seconds=10)  # do not ask for the last seconds: the platform may still be writing them
ORIGIN = datetime(2003, 5, 10, tzinfo=UTC)  # before any Taobao item: the first window's start
SMALLEST_WINDOW = timedelta(seconds=1)
MAX_WEIGHT_G = 1_000_000


@dataclass(frozen=True)
class Rejection:
    """A SKU the catalogue took without its barcode, or not at all, and why."""

    item_id: str
    sku_id: str
    sku: str
    barcode: str
    message: Message

    def to_json(self) -> dict[str, Any]:
        return {
            "item_id": self.item_id,
            "sku_id": self.sku_id or None,
            "sku": self.sku,
            "barcode": self.barcode or None,
            "reason": self.message.render(),
        }


@dataclass
class CatalogueSyncReport:
    shop: str
    resumed: bool = False  # began at the page an earlier sync stopped on
    windows: int = 0
    pages: int = 0
    items: int = 0  # items read whole (new or changed since the last sync)
    skus: int = 0  # their SKUs
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    barcodes_added: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    watermark: datetime | None = None
    message: Message | None = None  # why the sync of this shop stopped

    @property
    def error(self) -> str | None:
        return self.message.render() if self.message else None

    def to_json(self) -> dict[str, Any]:
        return {
            "shop": self.shop,
            "resumed": self.resumed,
            "windows": self.windows,
            "pages": self.pages,
            "items": self.items,
            "skus": self.skus,
            "skus_added": self.added,
            "skus_changed": self.changed,
            "skus_unchanged": self.unchanged,
            "barcodes_added": self.barcodes_added,
            "rejected": [r.to_json() for r in self.rejected],
            "watermark": self.watermark.isoformat() if self.watermark else None,
            "error": self.error,
        }


@dataclass(frozen=True)
class CatalogueSummary:
    """What a catalogue sync of one or every shop did, as the window shows it (`Desk.sync_catalogue`)."""

    reports: tuple[CatalogueSyncReport, ...] = ()

    @property
    def added(self) -> int:
        return sum(r.added for r in self.reports)

    @property
    def changed(self) -> int:
        return sum(r.changed for r in self.reports)

    @property
    def barcodes_added(self) -> int:
        return sum(r.barcodes_added for r in self.reports)

    @property
    def rejected(self) -> list[Rejection]:
        return [r for report in self.reports for r in report.rejected]

    @property
    def errors(self) -> list[tuple[str, Message]]:
        """(shop, why) of the shops whose sync stopped."""
        return [(r.shop, r.message) for r in self.reports if r.message is not None]


# -- an item as catalogue entries (pure) ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkuEntry:
    """One SKU of an item as the catalogue takes it, with its picture and the item's `modified`."""

    entry: CatalogueEntry
    mark: PlatformMark
    barcode: str  # as the seller typed it ("" when none)


def spec_of(properties_name: str) -> str:
    """A SKU's ``pid:vid:name:value;...`` as an order line's spec: ``name:value;...``."""
    parts = []
    for part in (properties_name or "").split(";"):
        pieces = part.split(":", 3)
        if len(pieces) == 4:
            parts.append(f"{pieces[2]}:{pieces[3]}".replace("#cln#", ":").replace("#scln#", ";"))
        elif part.strip():
            parts.append(part.strip())
    return ";".join(parts)[:MAX_TEXT]


def _grams(weight: object) -> int | None:
    """`item_weight` (kilograms) in grams; None when absent or unreadable."""
    try:
        kilos = Decimal(str(weight).strip()) if weight not in (None, "") else None
    except InvalidOperation:
        return None
    if kilos is None or not kilos.is_finite() or kilos <= 0:
        return None
    grams = int((kilos * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return grams if 0 < grams <= MAX_WEIGHT_G else None


def entries_of(item: Item) -> tuple[list[SkuEntry], list[Rejection]]:
    """The catalogue entries of one item (see the module docstring for which SKU each is), and the SKUs or barcodes
    the catalogue cannot take, with why."""
    item_id = item.number
    skus = item.sku_list
    picture = picture_url(item.pic_url)
    mark = PlatformMark(picture, item.modified)
    title = (item.title or "")[:MAX_TEXT] or None
    outer = (item.outer_id or "").strip()
    weight = _grams(item.item_weight)
    uncoded = [s for s in skus if not (s.outer_id or "").strip()]
    found: list[SkuEntry] = []
    rejected: list[Rejection] = []

    def add(sku: str, sku_obj: Sku | None, barcode: str) -> None:
        sku_id = sku_obj.number if sku_obj is not None else ""
        if len(sku) > MAX_SKU:
            rejected.append(
                Rejection(
                    item_id, sku_id, sku, barcode, msg("catalogue.sku_too_long", sku=sku[:20] + "…", most=MAX_SKU)
                )
            )
            return
        codes: dict[str, int] = {}
        if barcode:
            try:
                codes[unit_code(barcode)] = 1
            except BarcodeError as exc:
                rejected.append(Rejection(item_id, sku_id, sku, barcode, msg("catalogue.barcode", code=barcode,
                                                                             reason=exc.msg)))  # fmt: skip
        price = sku_obj.price if sku_obj is not None and sku_obj.price is not None else item.price
        entry = CatalogueEntry(
            sku=sku,
            title=title,
            spec=spec_of(sku_obj.properties_name or "") if sku_obj is not None else None,
            outer_id=outer or None,
            sku_id=sku_id or None,
            item_id=item_id,
            codes=codes,
            weight_g=weight,
            price=price.quantize(Decimal("0.01")) if price is not None else None,
        )
        found.append(SkuEntry(entry, mark, barcode))

    if not skus:
        add(outer or item_id, None, (item.barcode or "").strip())
        return found, rejected
    for s in skus:
        own = (s.outer_id or "").strip()
        key = own or (outer if outer and len(uncoded) == 1 else "") or s.number
        barcode = (s.barcode or "").strip() or ((item.barcode or "").strip() if len(skus) == 1 else "")
        add(key, s, barcode)
    return found, rejected


# -- the sync -----------------------------------------------------------------------------------------------------


def _newer(listed: datetime | None, synced: datetime | None) -> bool:
    """Whether an item listed as modified at `listed` must be read again (last synced as modified at `synced`)."""
    return listed is None or synced is None or listed > synced


def _no_progress(_what: str, _count: int) -> None:
    pass


@dataclass
class CatalogueSync:
    """Syncs one Taobao shop's catalogue from the platform into PackDesk's; `progress("catalogue", skus)` after each
    page stored."""

    session_factory: sessionmaker[Session]
    shop_id: int
    client: TopClient
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC), kw_only=True)
    progress: Callable[[str, int], None] = field(default=_no_progress, kw_only=True)

    def run(self) -> CatalogueSyncReport:
        """Finishes the window an earlier sync left under way, then reads from the watermark up to now."""
        with self.session_factory() as session:
            shop = ShopRepository(session).get(self.shop_id)
            assert shop is not None
            state = CatalogueSyncRepository(session).state(self.shop_id)
        report = CatalogueSyncReport(shop.name, watermark=state.watermark)
        watermark = state.watermark
        cursor = state.cursor
        if cursor is not None:
            report.resumed = True
            start, end = datetime.fromisoformat(cursor["start"]), datetime.fromisoformat(cursor["end"])
            self._window(start, end, report, page=int(cursor["page"]), pages=int(cursor["pages"]))
            watermark = end
        target = self.clock() - SETTLE
        start = watermark - OVERLAP if watermark is not None else ORIGIN
        while start < target:
            end, first = self._fitting(start, target, report)
            self._window(start, end, report, first=first)
            start = end
        return report

    def _listing(self, start: datetime, end: datetime, page: int, report: CatalogueSyncReport) -> ItemsPage:
        params = {
            "fields": LIST_FIELDS,
            "start_modified": china_time(start),
            "end_modified": china_time(end),
            "order_by": "modified:desc",
            "page_no": page,
            "page_size": PAGE_SIZE,
        }
        answer = self.client.read("taobao.items.onsale.get", params, ItemsPage)
        report.pages += 1
        return answer

    def _fitting(self, start: datetime, end: datetime, report: CatalogueSyncReport) -> tuple[datetime, ItemsPage]:
        """The end of the next window from `start` (`end`, or earlier until the window holds what the platform
        pages through: each halving asks for one count), and the window's first page."""
        while True:
            first = self._listing(start, end, 1, report)
            if (first.total_results or 0) <= MAX_ROWS or end - start <= SMALLEST_WINDOW:
                return end, first
            end = start + (end - start) / 2

    def _window(
        self,
        start: datetime,
        end: datetime,
        report: CatalogueSyncReport,
        *,
        first: ItemsPage | None = None,
        page: int = 0,
        pages: int = 0,
    ) -> None:
        """Reads the window's pages from the last to the first (from `page` of `pages` when resuming; `first`: its
        first page, already read)."""
        if not page:
            first = first or self._listing(start, end, 1, report)
            pages = max(1, math.ceil(min(first.total_results or 0, MAX_ROWS) / PAGE_SIZE))
            page = pages
            if pages == 1:
                self._store(first.found, start, end, 0, pages, report)
                page = 0
        while page >= 1:
            listed = self._listing(start, end, page, report).found
            self._store(listed, start, end, page - 1, pages, report)
            page -= 1
        report.windows += 1
        report.watermark = end

    def _store(
        self, listed: Sequence[Item], start: datetime, end: datetime, next_page: int, pages: int,
        report: CatalogueSyncReport,
    ) -> None:  # fmt: skip
        """Reads the changed items of a page whole and stores them with the cursor at `next_page` (0: the window's
        pages are all in: its end becomes the watermark in the same transaction)."""
        with self.session_factory() as session:
            known = CatalogueSyncRepository(session).item_marks(i.number for i in listed)
        changed = [i.number for i in listed if _newer(i.modified, known.get(i.number))]
        items = self._details(changed)
        report.items += len(items)
        entries: list[SkuEntry] = []
        for item in items:
            found, rejected = entries_of(item)
            entries += found
            report.rejected += rejected
        cursor = {"start": start.isoformat(), "end": end.isoformat(), "page": next_page, "pages": pages}
        now = self.clock()
        with self.session_factory.begin() as session:
            if entries:
                self._write(session, entries, report)
            if next_page:
                CatalogueSyncRepository(session).save_cursor(self.shop_id, cursor, now)
            else:
                CatalogueSyncRepository(session).complete_window(self.shop_id, end, now)
        report.skus += len(entries)
        self.progress("catalogue", report.skus)

    def _details(self, num_iids: list[str]) -> list[Item]:
        items: list[Item] = []
        for at in range(0, len(num_iids), BATCH):
            chunk = num_iids[at : at + BATCH]
            params = {"fields": DETAIL_FIELDS, "num_iids": ",".join(chunk)}
            items += self.client.read("taobao.items.seller.list.get", params, ItemsPage).found
        return items

    def _write(self, session: Session, entries: list[SkuEntry], report: CatalogueSyncReport) -> None:
        """Writes a page's entries in the caller's transaction: a barcode another SKU holds is left out (the SKU
        lands without it), a SKU named twice in the page lands once."""
        owners = ProductRepository(session).owners(code for e in entries for code in e.entry.codes)
        held = dict(owners)  # the catalogue's, then the page's as it goes (one barcode names one SKU)
        kept: list[SkuEntry] = []
        for e in entries:
            for code, units in e.entry.codes.items():
                owner = held.get(code)
                if owner is not None and owner[0] != e.entry.sku:
                    clash = msg("barcode.clash", code=code, sku=e.entry.sku, owner=owner[0])
                    report.rejected.append(self._rejection(e, msg("catalogue.barcode", code=e.barcode, reason=clash)))
                    e = replace(e, entry=replace(e.entry, codes={}))
                    break
                held[code] = (e.entry.sku, units)
            kept.append(e)
        changes = apply_entries(session, list(enumerate(e.entry for e in kept)), shop_id=self.shop_id)
        refused = {row for row, _why in changes.rejected}
        for row in sorted(refused):
            report.rejected.append(self._rejection(kept[row], msg("catalogue.sku_twice", sku=kept[row].entry.sku)))
        landed = [e for n, e in enumerate(kept) if n not in refused]
        report.added += changes.inserted
        report.changed += changes.updated
        report.unchanged += changes.unchanged
        report.barcodes_added += sum(
            owners.get(code) != (e.entry.sku, units) for e in landed for code, units in e.entry.codes.items()
        )
        repo = CatalogueSyncRepository(session)
        marks = repo.marks(e.entry.sku for e in landed)
        repo.set_marks([(e.entry.sku, e.mark) for e in landed if marks.get(e.entry.sku) != e.mark])

    @staticmethod
    def _rejection(e: SkuEntry, why: Message) -> Rejection:
        return Rejection(e.entry.item_id or "", e.entry.sku_id or "", e.entry.sku, e.barcode, why)


def sync_catalogues(
    session_factory: sessionmaker[Session],
    data_dir: Path,
    name: str | None = None,
    *,
    retry: RetryPolicy | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> list[CatalogueSyncReport]:
    """Syncs the catalogue of one shop, or of every Taobao shop with an API connection. A shop that fails records
    why and the next goes on.

    Raises:
        PackDeskError: for a single named shop, its failure (a shop without an API connection, an expired
            authorisation, an unreachable gateway...); otherwise nothing (failures are in the reports).
    """
    with session_factory() as session:
        if name:
            named = find_shop(session, name.strip())
            if not named.has_api:
                raise InvalidInput(msg("catalogue.no_api", name=named.name))
            if named.platform is not Platform.TAOBAO:
                raise InvalidInput(msg("catalogue.not_taobao", name=named.name, platform=named.platform.value))
        shops = [(s.id, s.name) for s in api_shops(session, name)]
    make = client_factory(data_dir, retry)
    reports = []
    for shop_id, shop_name in shops:
        try:
            with session_factory() as session:
                shop = ShopRepository(session).get(shop_id)
                assert shop is not None
            with make(shop) as client:
                reports.append(CatalogueSync(session_factory, shop_id, client, progress=progress or _no_progress).run())
        except PackDeskError as exc:
            log.info("catalogue sync of %s stopped: %s", shop_name, exc.message)
            with session_factory.begin() as session:
                CatalogueSyncRepository(session).record_error(shop_id, exc.msg, datetime.now(UTC))
            if name:
                raise
            reports.append(CatalogueSyncReport(shop_name, message=exc.msg))
    return reports
