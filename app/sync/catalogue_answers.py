"""What PackDesk reads from the Taobao Open Platform's item answers, as typed values (sync layer).

`TopClient.read` converts each answer into one of these (as app.sync.top_answers does for trades): a text where an id
belongs, an impossible time or an amount too large to store is an answer PackDesk does not understand
(`MalformedAnswer`), and nothing of it is stored. Only the fields PackDesk uses are declared.

The shapes follow the platform's metadata (the SDK generated from it, and a recorded answer of
taobao.items.seller.list.get): non-simplified lists (``"items": {"item": [...]}``, ``"skus": {"sku": [...]}``), a
SKU's `properties_name` as ``pid:vid:name:value;...``, `item_weight` in kilograms, times in GMT+8.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from msgspec import Struct
from msgspec.structs import force_setattr

from app.sync.top_answers import Count, Id, Text, check_amount, id_text, utc_time


class Sku(Struct, frozen=True):
    """One SKU of an item (taobao.item.seller.get / items.seller.list.get with the field `sku`)."""

    sku_id: Id = None
    outer_id: Text = None
    properties_name: Text = None
    price: Decimal | None = None
    barcode: Text = None
    quantity: int | None = None
    modified: datetime | None = None
    status: Text = None  # normal | delete

    def __post_init__(self) -> None:
        check_amount(self.price, "price")
        force_setattr(self, "modified", utc_time(self.modified))

    @property
    def number(self) -> str:
        return id_text(self.sku_id)


class SkuList(Struct, frozen=True):
    sku: list[Sku] | Sku = []


class Item(Struct, frozen=True):
    """An item (宝贝) with the fields asked for; every one may be absent but its number."""

    num_iid: Id = None
    title: Text = None
    outer_id: Text = None
    pic_url: Text = None
    barcode: Text = None
    price: Decimal | None = None
    item_weight: Text = None  # kilograms, as text (a number is read as one too: the answers are not strict)
    num: int | None = None
    modified: datetime | None = None
    skus: list[Sku] | SkuList | None = None

    def __post_init__(self) -> None:
        number = id_text(self.num_iid)
        if not number.isdigit():
            raise ValueError("an item without a num_iid" if not number else f"num_iid {number!r} is not a number")
        check_amount(self.price, "price")
        force_setattr(self, "modified", utc_time(self.modified))

    @property
    def number(self) -> str:
        return id_text(self.num_iid)

    @property
    def sku_list(self) -> list[Sku]:
        """Its SKUs, those the seller deleted left out."""
        found = self.skus
        if found is None:
            return []
        if not isinstance(found, list):
            found = found.sku if isinstance(found.sku, list) else [found.sku]
        return [s for s in found if (s.status or "normal") != "delete"]


class ItemList(Struct, frozen=True):
    item: list[Item] | Item = []


class ItemsPage(Struct, frozen=True):
    """A page of `taobao.items.onsale.get`; no `items` key: no items. Also `taobao.items.seller.list.get`."""

    total_results: Count | None = None
    items: list[Item] | ItemList | None = None

    @property
    def found(self) -> list[Item]:
        found = self.items
        if found is None:
            return []
        if isinstance(found, list):
            return found
        return found.item if isinstance(found.item, list) else [found.item]


class ItemAnswer(Struct, frozen=True):
    """`taobao.item.seller.get` and `taobao.item.quantity.update`: {"item": {...}}."""

    item: Item | None = None


__all__ = ["Count", "Item", "ItemAnswer", "ItemsPage", "Sku"]
