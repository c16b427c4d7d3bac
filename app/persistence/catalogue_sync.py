"""Where a shop's catalogue sync stands, what the platform last said of each product, and the stock pushed back to
the platform (persistence layer).

The catalogue sync keeps its window and page under way in `catalogue_sync.cursor`, written in the transaction that
stores the page's products, so a sync killed mid-way resumes at that page; the watermark moves only when a window is
complete. A product's `platform_modified_at` is the item's `modified` as last synced (an item listed again unchanged
is not read again) and its `image_url` the item's picture.

A stock push is recorded on the product in two steps: `claim` writes the figure about to be sent with no time
(`pushed_quantity` = N, `pushed_at` NULL: sent, answer not known yet) and is committed before the platform is called;
`confirm` sets the time once the platform answered (or a read-back showed the figure there). A product found claimed
and unconfirmed was possibly sent: it is read back before anything is sent again. The caller owns the transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from app.domain.enums import Platform
from app.domain.messages import Message
from app.persistence.products import CHUNK, _chunks
from app.persistence.rows import CatalogueSyncRow, ProductRow, ShopRow

PRODUCTS = ProductRow.__table__


@dataclass(frozen=True)
class CatalogueSyncState:
    """A shop's catalogue sync: the watermark (items modified up to it are in), the pull under way (None: none),
    the last success and the last error."""

    watermark: datetime | None = None
    cursor: dict[str, Any] | None = None
    last_success_at: datetime | None = None
    last_error: Message | None = None


@dataclass(frozen=True)
class PlatformMark:
    """What the platform last said of a product besides the catalogue's fields: its picture and item `modified`."""

    image_url: str
    modified: datetime | None


@dataclass(frozen=True)
class PushDue:
    """A tracked product of a push-enabled shop whose figure on the platform may differ from PackDesk's."""

    product_id: int
    shop_id: int
    sku: str
    item_id: str
    sku_id: str
    available: int  # max(0, on hand - reserved)
    pushed: int | None  # the figure last sent (None: never)
    unconfirmed: bool  # sent, answer not known: read it back before sending again


class CatalogueSyncRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, shop_id: int) -> CatalogueSyncRow:
        row = self.session.get(CatalogueSyncRow, shop_id)
        if row is None:
            row = CatalogueSyncRow(shop_id=shop_id)
            self.session.add(row)
        return row

    def state(self, shop_id: int) -> CatalogueSyncState:
        row = self.session.get(CatalogueSyncRow, shop_id)
        if row is None:
            return CatalogueSyncState()
        cursor = dict(row.cursor) if row.cursor else None
        return CatalogueSyncState(row.watermark, cursor, row.last_success_at, Message.decode(row.last_error))

    def save_cursor(self, shop_id: int, cursor: dict[str, Any] | None, now: datetime) -> None:
        """The pull under way stands at `cursor` (written with the page it follows)."""
        row = self._row(shop_id)
        row.cursor, row.updated_at = cursor, now

    def complete_window(self, shop_id: int, watermark: datetime, now: datetime) -> None:
        """Items modified up to `watermark` are in; no pull is under way; the last error is gone."""
        row = self._row(shop_id)
        row.watermark, row.cursor, row.last_success_at, row.last_error, row.updated_at = (
            watermark, None, now, None, now
        )  # fmt: skip

    def record_error(self, shop_id: int, message: Message, now: datetime) -> None:
        """Why the catalogue sync of the shop stopped (its watermark and cursor stay)."""
        row = self._row(shop_id)
        row.last_error, row.updated_at = message.encode(), now

    # -- what the platform last said of products ------------------------------------------------------------------

    def item_marks(self, item_ids: Iterable[str]) -> dict[str, datetime | None]:
        """Item id -> the oldest `platform_modified_at` of its products (None when one was never synced)."""
        found: dict[str, datetime | None] = {}
        for chunk in _chunks(sorted(set(item_ids))):
            # MIN ignores NULLs: a product never synced is counted apart, and makes the item's mark None
            query = (
                select(
                    ProductRow.item_id,
                    func.min(ProductRow.platform_modified_at),
                    func.count() - func.count(ProductRow.platform_modified_at),
                )
                .where(ProductRow.item_id.in_(chunk))
                .group_by(ProductRow.item_id)
            )
            for item_id, oldest, unsynced in self.session.execute(query):
                found[item_id] = None if unsynced else oldest
        return found

    def marks(self, skus: Iterable[str]) -> dict[str, PlatformMark]:
        found: dict[str, PlatformMark] = {}
        for chunk in _chunks(sorted(set(skus)), CHUNK):
            query = select(ProductRow.sku, ProductRow.image_url, ProductRow.platform_modified_at)
            for sku, image, modified in self.session.execute(query.where(ProductRow.sku.in_(chunk))):
                found[sku] = PlatformMark(image or "", modified)
        return found

    def set_marks(self, marks: Sequence[tuple[str, PlatformMark]]) -> None:
        """Writes products' pictures and item `modified` (SKU, mark); the caller passes only those that differ."""
        if not marks:
            return
        statement = (
            update(PRODUCTS)
            .where(PRODUCTS.c.sku == bindparam("s"))
            .values(image_url=bindparam("i"), platform_modified_at=bindparam("m"))
        )
        self.session.execute(statement, [{"s": sku, "i": m.image_url, "m": m.modified} for sku, m in marks])


class StockPushRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def set_push_stock(self, shop_id: int, on: bool) -> bool:
        """Turns the shop's stock push on or off; returns whether that changed anything."""
        result = self.session.execute(
            update(ShopRow).where(ShopRow.id == shop_id, ShopRow.push_stock.is_not(on)).values(push_stock=on)
        )
        return bool(result.rowcount)

    def push_stock(self, shop_id: int) -> bool:
        return bool(self.session.execute(select(ShopRow.push_stock).where(ShopRow.id == shop_id)).scalar_one())

    def due(self) -> list[PushDue]:
        """Tracked products with a platform item, of Taobao API shops that push stock, whose available figure
        differs from the one last sent, or whose last send is unconfirmed; by shop, then SKU."""
        available = func.max(ProductRow.stock - ProductRow.reserved, 0)
        query = (
            select(
                ProductRow.id,
                ProductRow.shop_id,
                ProductRow.sku,
                ProductRow.item_id,
                ProductRow.sku_id,
                available.label("available"),
                ProductRow.pushed_quantity,
                ProductRow.pushed_at,
            )
            .join(ShopRow, ShopRow.id == ProductRow.shop_id)
            .where(
                ShopRow.push_stock.is_(True),
                ShopRow.platform == Platform.TAOBAO.value,
                ShopRow.gateway_url.is_not(None),
                ProductRow.stock_tracked.is_(True),
                ProductRow.item_id.is_not(None),
                or_(
                    ProductRow.pushed_quantity.is_(None),
                    ProductRow.pushed_at.is_(None),
                    ProductRow.pushed_quantity != available,
                ),
            )
            .order_by(ProductRow.shop_id, ProductRow.sku)
        )
        return [
            PushDue(r.id, r.shop_id, r.sku, r.item_id, r.sku_id or "", int(r.available), r.pushed_quantity,
                    r.pushed_quantity is not None and r.pushed_at is None)
            for r in self.session.execute(query)
        ]  # fmt: skip

    def claim(self, product_id: int, quantity: int, last: int | None) -> bool:
        """Records that `quantity` is about to be sent (unconfirmed), if the product still stands where the caller
        read it (`last`: the figure then recorded, confirmed); False when another round got there first."""
        if last is None:
            where = ProductRow.pushed_quantity.is_(None)
        else:
            where = (ProductRow.pushed_quantity == last) & ProductRow.pushed_at.is_not(None)
        result = self.session.execute(
            update(ProductRow)
            .where(ProductRow.id == product_id, where)
            .values(pushed_quantity=quantity, pushed_at=None)
        )
        return bool(result.rowcount)

    def confirm(self, product_id: int, quantity: int, now: datetime) -> None:
        """The platform holds `quantity` for the product since `now`."""
        self.session.execute(
            update(ProductRow).where(ProductRow.id == product_id).values(pushed_quantity=quantity, pushed_at=now)
        )

    def forget(self, product_id: int) -> None:
        """A send found not applied: the product is due again (as never pushed)."""
        self.session.execute(
            update(ProductRow).where(ProductRow.id == product_id).values(pushed_quantity=None, pushed_at=None)
        )
