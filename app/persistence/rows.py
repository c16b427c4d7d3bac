"""ORM rows (persistence layer). Class names end in Row so they never clash with the domain's dataclasses.

Ids that come from a platform (order numbers, sub-order ids, tracking numbers) are strings: Taobao's 19-digit tids do
not fit a JavaScript number and some carriers' numbers carry letters. Nothing here is specific to SQLite.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.persistence.base import Base
from app.persistence.types import Money, UtcDateTime


class ShopGroupRow(Base):
    """Associated shops (店铺关联): one sender address and waybill account serve every shop of the group."""

    __tablename__ = "shop_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    sender_name: Mapped[str] = mapped_column(String(40), default="")
    sender_phone: Mapped[str] = mapped_column(String(20), default="")
    sender_province: Mapped[str] = mapped_column(String(20), default="")
    sender_city: Mapped[str] = mapped_column(String(20), default="")
    sender_district: Mapped[str] = mapped_column(String(20), default="")
    sender_detail: Mapped[str] = mapped_column(String(256), default="")

    shops: Mapped[list[ShopRow]] = relationship(back_populates="group")
    accounts: Mapped[list[WaybillAccountRow]] = relationship(back_populates="group")


class WaybillAccountRow(Base):
    """A waybill account (电子面单账户) that hands out tracking numbers of one carrier."""

    __tablename__ = "waybill_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("shop_groups.id"))
    carrier: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="demo")  # demo | cainiao | roll
    next_serial: Mapped[int] = mapped_column(BigInteger, default=0)
    serial_end: Mapped[int] = mapped_column(BigInteger)
    is_default: Mapped[bool] = mapped_column(default=False)
    # An online provider's account (cainiao | pdd | kuaidi100): where it is reached and the keyring entry of its
    # secrets (never the secrets); a Cainiao account may use a TOP shop's app key and session (`source_shop_id`).
    gateway_url: Mapped[str | None] = mapped_column(String(300))
    app_key: Mapped[str | None] = mapped_column(String(100))
    credentials_ref: Mapped[str | None] = mapped_column(String(200))
    source_shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"))
    # The provider's own options: template URL, user id, print data encryption, branch partner id...
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    address_id: Mapped[str | None] = mapped_column(String(64))  # the chosen sender address, as the provider named it
    warn_below: Mapped[int] = mapped_column(Integer, default=200, server_default="200")  # balance warning threshold

    group: Mapped[ShopGroupRow] = relationship(back_populates="accounts")


class WaybillAccountCarrierRow(Base):
    """A carrier an account is subscribed to, as its provider last answered (`ii.search`): balance and addresses."""

    __tablename__ = "waybill_account_carriers"
    __table_args__ = (UniqueConstraint("account_id", "carrier"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("waybill_accounts.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(20))
    balance: Mapped[int | None] = mapped_column(Integer)  # numbers left; None when the provider does not say
    branch_code: Mapped[str] = mapped_column(String(64), default="")
    branch_name: Mapped[str] = mapped_column(String(100), default="")
    # [{address_id, province, city, district, town, detail}] as the provider returned them
    addresses: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class WaybillIssueRow(Base):
    """The ledger of number requests to online providers: recorded (and committed) before the request is sent, so
    after a crash or a lost answer PackDesk knows what it asked and looks it up before asking again. Its id is the
    request's `object_id` and `package_info.id`."""

    __tablename__ = "waybill_issues"
    __table_args__ = (
        # One request in flight per order: never two live numbers asked for one parcel.
        Index(
            "ux_waybill_issues_requested_order",
            "order_id",
            unique=True,
            sqlite_where=text("state = 'requested'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("waybill_accounts.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(20))
    state: Mapped[str] = mapped_column(String(20), index=True)  # app.domain.waybills.IssueState
    unclear: Mapped[bool] = mapped_column(default=False, server_default=sa_false())  # an attempt's answer was lost
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"), unique=True)
    print_data: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the provider's print document, as answered
    encrypted: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    label_image: Mapped[bytes | None] = mapped_column(LargeBinary)  # a label image the provider rendered
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the last refusal or failure, as a stored Message
    # The receiver the number was issued for (app.services.waybills.issuing.receiver_digest): another one now means
    # the address changed after the number was taken, and the next print updates the number or replaces it.
    receiver_digest: Mapped[str | None] = mapped_column(String(64))
    # The value the request insured the parcel for (保价, yuan; None: not insured), recorded with the request before it
    # leaves: asked again or looked up, it carries the same; the parcel's label shows it (migration 0028).
    insured: Mapped[Decimal | None] = mapped_column(Money())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class ShopRow(Base):
    __tablename__ = "shops"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    platform: Mapped[str] = mapped_column(String(20))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("shop_groups.id"))
    gateway_url: Mapped[str | None] = mapped_column(String(300))
    app_key: Mapped[str | None] = mapped_column(String(100))
    # The name of the keyring entry holding the secrets; never the secrets themselves.
    credentials_ref: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Whether PackDesk pushes its available stock back to the platform (taobao.item.quantity.update): off by default.
    push_stock: Mapped[bool] = mapped_column(default=False, server_default=sa_false())

    group: Mapped[ShopGroupRow | None] = relationship(back_populates="shops")


class ProductRow(Base):
    """A SKU of the shop's catalogue. Order lines name it by `sku` (the merchant code, as the platform gives it), else
    by one of the keys below that names no other product (app.domain.products.link_skus)."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)  # outer_sku_id / 商家编码
    title: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(200), default="")
    price: Mapped[Decimal] = mapped_column(Money())
    weight_g: Mapped[int] = mapped_column(Integer, default=0)
    stock: Mapped[int] = mapped_column(Integer, default=0)  # on hand
    safety_stock: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The item's own merchant code (outer_iid / 商品编码): what an order line carries when its SKU has no code.
    outer_id: Mapped[str | None] = mapped_column(String(64), index=True)
    # The platform's ids (sku_id, num_iid): what an order line carries when the seller set no merchant code at all.
    sku_id: Mapped[str | None] = mapped_column(String(64), index=True)
    item_id: Mapped[str | None] = mapped_column(String(64), index=True)
    shop_id: Mapped[int | None] = mapped_column(ForeignKey("shops.id"))  # the shop whose sheet or sync brought it
    # The seller's own picture of the product (http(s) URL or file URI): shown at the bench when a line has none.
    image_url: Mapped[str] = mapped_column(String(500), default="", server_default=text("''"))
    # Whether PackDesk keeps this SKU's stock: only a SKU whose on-hand figure the seller gave (a sheet's stock column,
    # `stock set`, a stock count) can make an order out of stock; the others are never short.
    stock_tracked: Mapped[bool] = mapped_column(server_default=sa_false())  # no Python default: bulk inserts
    # Units of waiting orders covered by on-hand stock, as the last stock recomputation allotted them (oldest paid
    # first); available = stock - reserved.
    reserved: Mapped[int] = mapped_column(Integer, server_default="0")
    # The platform's `modified` of the item as last synced (the catalogue sync's incremental watermark per item).
    platform_modified_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The quantity last pushed to the platform and when (None: never pushed); a push sends only a changed figure.
    pushed_quantity: Mapped[int | None] = mapped_column(Integer)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    barcodes: Mapped[list[BarcodeRow]] = relationship(back_populates="product", cascade="all, delete-orphan")


class BarcodeRow(Base):
    """A code printed on a product or its case; `units` is how many pieces one scan of it counts."""

    __tablename__ = "barcodes"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    units: Mapped[int] = mapped_column(Integer, default=1)

    product: Mapped[ProductRow] = relationship(back_populates="barcodes")


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("shop_id", "order_no"),
        Index("ix_orders_status_deadline", "status", "deadline"),
        # The workspace's filters and sorts (app.persistence.order_query; migration 0014_order_search).
        Index("ix_orders_deadline", "deadline"),
        Index("ix_orders_paid_at", "paid_at"),
        Index("ix_orders_total", "total"),
        Index("ix_orders_units", "units"),
        Index("ix_orders_province", "receiver_province"),
        Index("ix_orders_shop_deadline", "shop_id", "deadline"),
        Index("ix_orders_platform_deadline", "platform", "deadline"),
        Index("ix_orders_flag_deadline", "flag", "deadline"),
        Index("ix_orders_message_deadline", "deadline", sqlite_where=text("buyer_message <> ''")),
        Index("ix_orders_memo_deadline", "deadline", sqlite_where=text("seller_memo <> ''")),
        Index("ix_orders_memo_paid", "paid_at", sqlite_where=text("seller_memo <> ''")),  # 0024_note_paid_indexes
        Index("ix_orders_message_paid", "paid_at", sqlite_where=text("buyer_message <> ''")),
        Index("ix_orders_priority_deadline", "priority", "deadline"),  # expedited first (0015_order_actions)
        Index("ix_orders_print_state_deadline", "print_state", "deadline"),  # printed / reprinted (0029_print_state)
        Index("ix_orders_stock_mark", "stock_mark", sqlite_where=text("stock_mark IS NOT NULL")),  # every recompute
        # Merged parcels (0017_merges): a lead's members, and the orders a page's orders could merge with.
        Index("ix_orders_merged_into", "merged_into_id", sqlite_where=text("merged_into_id IS NOT NULL")),
        Index("ix_orders_merge_key", "buyer_nick", "shop_id", "receiver_phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    order_no: Mapped[str] = mapped_column(String(64), index=True)  # tid_str
    platform: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(30))
    platform_status: Mapped[str] = mapped_column(String(40), default="")
    buyer_nick: Mapped[str] = mapped_column(String(100), default="")
    receiver_name: Mapped[str] = mapped_column(String(40), default="")
    receiver_phone: Mapped[str] = mapped_column(String(30), default="")
    receiver_province: Mapped[str] = mapped_column(String(20), default="")
    receiver_city: Mapped[str] = mapped_column(String(20), default="")
    receiver_district: Mapped[str] = mapped_column(String(30), default="")
    receiver_town: Mapped[str] = mapped_column(String(30), default="")
    receiver_address: Mapped[str] = mapped_column(String(256), default="")
    buyer_message: Mapped[str] = mapped_column(Text, default="")
    seller_memo: Mapped[str] = mapped_column(Text, default="")
    flag: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[Decimal] = mapped_column(Money())
    post_fee: Mapped[Decimal] = mapped_column(Money())
    paid_at: Mapped[datetime] = mapped_column(UtcDateTime())
    deadline: Mapped[datetime] = mapped_column(UtcDateTime())
    modified_at: Mapped[datetime] = mapped_column(UtcDateTime())  # the platform's `modified`
    # Hash of the platform's view of the order as last stored: a sync or import that brings nothing new is a no-op.
    content_hash: Mapped[str] = mapped_column(String(40), default="", server_default=text("''"))
    # Taobao's open address id of a privacy order: a Cainiao waybill request passes it with the order number instead
    # of an address PackDesk never decrypts ("" when the platform sent none).
    oaid: Mapped[str] = mapped_column(String(64), default="", server_default=text("''"))
    # Pinduoduo's receiver ciphertexts (JSON: name, phone, address), decrypted only when a label needs them; the
    # columns above hold PDD's masks. Never plaintext (app.sync.pdd_order_answers). "" for other platforms.
    receiver_cipher: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    # A supervisor let this out-of-stock order print and pack anyway (audited); cleared when it ships or closes.
    stock_override: Mapped[bool] = mapped_column(server_default=sa_false())  # no Python default: bulk inserts
    # Units over all lines, kept by triggers on order_lines (migration 0014_order_search): the items sort reads it.
    units: Mapped[int] = mapped_column(Integer, server_default="0")  # no Python default: the triggers own it
    # Acting on the backlog (app.services.order_actions; migration 0015_order_actions): expedited orders sort first
    # (1), the seller's hold and its reason (None: not held here), a manual out-of-stock mark with its reason and
    # the date the seller expects stock (the automatic allotment leaves such an order alone until then).
    priority: Mapped[int] = mapped_column(Integer, server_default="0")  # no Python default: bulk inserts
    hold_reason: Mapped[str | None] = mapped_column(Text)
    stock_mark: Mapped[str | None] = mapped_column(Text)
    stock_expected: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Merged into the parcel of this order, its lead (app.services.merges; migration 0017_merges); None: its own.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    # The ship-by time the platform gave (承诺发货时间, presale, last_ship_time; migration 0022_service_rules): it
    # stands whatever the seller's deadline rules say; None: `deadline` comes from those rules.
    promised_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The most any live parcel of the order was printed, capped at 2 (0 not printed, 1 printed, 2 reprinted), kept
    # by triggers on packages (migration 0029_print_state): the workspace's printed filters walk its index.
    print_state: Mapped[int] = mapped_column(Integer, server_default="0")  # no Python default: the triggers own it

    shop: Mapped[ShopRow] = relationship()
    lines: Mapped[list[OrderLineRow]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLineRow.id"
    )
    packages: Mapped[list[PackageRow]] = relationship(back_populates="order", order_by="PackageRow.id")


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[str] = mapped_column(String(64))  # oid_str
    sku: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(200))
    spec: Mapped[str] = mapped_column(String(200), default="")
    qty: Mapped[int] = mapped_column(Integer)
    price: Mapped[Decimal] = mapped_column(Money())
    refund_status: Mapped[str] = mapped_column(String(20), default="none")
    shipped: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    image_url: Mapped[str] = mapped_column(String(500), default="", server_default=text("''"))  # pic_path
    # Split parcels (app.services.splits; migration 0018_splits): the units the order's next parcel carries when the
    # seller split it (None: no split, all that is left), and the units that left in earlier parcels.
    parcel_qty: Mapped[int | None] = mapped_column(Integer)
    sent_qty: Mapped[int] = mapped_column(Integer, server_default="0")  # no Python default: bulk inserts

    order: Mapped[OrderRow] = relationship(back_populates="lines")


class PackageRow(Base):
    """A parcel: one waybill with its tracking number. The number is unique across the whole database."""

    __tablename__ = "packages"
    __table_args__ = (  # the workspace's carrier and print-status filters (migration 0014_order_search)
        Index("ix_packages_carrier_order", "carrier", "order_id"),
        Index("ix_packages_print_count_order", "print_count", "order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("waybill_accounts.id"))
    carrier: Mapped[str] = mapped_column(String(20))
    tracking_no: Mapped[str] = mapped_column(String(40), unique=True)
    state: Mapped[str] = mapped_column(String(20))
    print_count: Mapped[int] = mapped_column(Integer, default=0)
    # What the waybill service returned for sorting: 大头笔, 三段码, 集包地 (see printers.waybill.Routing).
    routing: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # The value its number was issued insured for (保价, yuan; None: not insured): its label's mark (migration 0028).
    insured: Mapped[Decimal | None] = mapped_column(Money())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime())

    order: Mapped[OrderRow] = relationship(back_populates="packages")


class PackageLineRow(Base):
    """What a shipped parcel carried: units of one order line (a split parcel carries some lines, or some units)."""

    __tablename__ = "package_lines"

    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), primary_key=True)
    line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id", ondelete="CASCADE"), primary_key=True, index=True)
    qty: Mapped[int] = mapped_column(Integer)


class PrintJobRow(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    printer_uri: Mapped[str] = mapped_column(String(300), index=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    copy_no: Mapped[int] = mapped_column(Integer)  # 1 for the first print, 2 for the first reprint...
    reason: Mapped[str | None] = mapped_column(Text)  # reprint reason or failure reason
    bytes_sent: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The process sending it ("station/pid"): a job left `sending` by a process that is gone was interrupted.
    claimed_by: Mapped[str | None] = mapped_column(String(120))
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class ScanEventRow(Base):
    """Every scan at a station, recorded as it happens."""

    __tablename__ = "scan_events"
    __table_args__ = (Index("ix_scan_events_packer_at", "packer", "at"),)  # a packer's pace today

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    station: Mapped[str] = mapped_column(String(60))
    packer: Mapped[str] = mapped_column(String(60))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    code: Mapped[str] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(30))
    sku: Mapped[str | None] = mapped_column(String(64))
    units: Mapped[int] = mapped_column(Integer, default=0)


class OrderShortageRow(Base):
    """What keeps a waiting order out of stock (缺货待补货): per SKU, the units on-hand stock could not cover when
    the last stock recomputation allotted stock to waiting orders oldest paid first."""

    __tablename__ = "order_shortages"

    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), primary_key=True, index=True)
    missing: Mapped[int] = mapped_column(Integer)


class StockMoveRow(Base):
    """Every change of a SKU's on-hand stock, with why: set, adjust, count, import, ship. A parcel's shipment takes
    its units off once: one `ship` move per package and product (a unique index says so)."""

    __tablename__ = "stock_moves"
    __table_args__ = (
        Index(
            "ux_stock_moves_ship_package",
            "package_id",
            "product_id",
            unique=True,
            sqlite_where=text("kind = 'ship'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # set / adjust / count / import / ship
    delta: Mapped[int] = mapped_column(Integer)
    on_hand: Mapped[int] = mapped_column(Integer)  # after the move
    reason: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    package_id: Mapped[int | None] = mapped_column(ForeignKey("packages.id"))
    actor: Mapped[str] = mapped_column(String(60), default="", server_default=text("''"))
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)


class CatalogueSyncRow(Base):
    """Where a shop's catalogue sync stands: the watermark of the incremental pull (the items' `modified`, UTC) and,
    while a pull is under way, the page it has reached, so a pull cut off resumes there."""

    __tablename__ = "catalogue_sync"

    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), primary_key=True)
    watermark: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # The pull under way: {"start": ISO, "end": ISO, "page": N} (None: none under way)
    cursor: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)  # an order's trail (0016_history_index)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(60))
    station: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxRow(Base):
    """A message for a platform (ship-back, notice) written in the same transaction as the change it reports."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    dedupe_key: Mapped[str] = mapped_column(String(120), unique=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)  # 0016_history_index
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SyncStateRow(Base):
    """Where a shop's sync stands: the watermark of the incremental pull (the platform's `modified`, UTC)."""

    __tablename__ = "sync_state"

    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"), primary_key=True)
    watermark: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Where an unfinished first fill stands (JSON, app.sync.pdd_orders): a sync killed mid-way resumes there
    cursor: Mapped[str | None] = mapped_column(Text)


class PlatformCarrierRow(Base):
    """A platform's carrier codes and tracking-number patterns (taobao.logistics.companies.get)."""

    __tablename__ = "platform_carriers"

    platform: Mapped[str] = mapped_column(String(20), primary_key=True)
    code: Mapped[str] = mapped_column(String(30), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    pattern: Mapped[str] = mapped_column(Text, default="")
    # The platform's own id of the carrier where its API takes one (PDD's logistics_id); "" for Taobao's codes.
    platform_id: Mapped[str] = mapped_column(String(30), default="", server_default=text("''"))


class PackerRow(Base):
    """Someone who packs: signs in with name and PIN, or by scanning a badge."""

    __tablename__ = "packers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    badge: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(default=True, server_default=sa_true())


class PinGuardRow(Base):
    """Wrong PINs in a row for one subject ("packer:<name>" or "supervisor"): backoff, then lock-out."""

    __tablename__ = "pin_guards"

    subject: Mapped[str] = mapped_column(String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_failure_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    locked_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class HistoryEventRow(Base):
    """What the reports need, recorded as it happens and kept after orders leave the waiting list: written by the
    triggers of migrations 0021_history_rollups and 0027_unpaid_history (orders not paid yet record nothing until
    they are paid) in the same transaction as the change (kinds: paid, line_in,
    line_out, shipped, closed, reopened, printed, waybill, scan_<outcome>). Rolled up per day into the rollup_*
    tables; old events may be pruned (app.persistence.history) without changing the roll-ups."""

    __tablename__ = "history_events"
    __table_args__ = (
        Index("ix_history_events_at", "at"),
        Index("ix_history_events_order_kind", "order_id", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    kind: Mapped[str] = mapped_column(String(30))
    shop_id: Mapped[int] = mapped_column(Integer)  # 0: a scan of no known order
    order_id: Mapped[int | None] = mapped_column(Integer)  # no foreign key: history outlives what it is about
    packer: Mapped[str] = mapped_column(String(60), server_default=text("''"))
    sku: Mapped[str | None] = mapped_column(String(64))
    qty: Mapped[int] = mapped_column(Integer, server_default="0")
    carrier: Mapped[str | None] = mapped_column(String(20))
    tracking_no: Mapped[str | None] = mapped_column(String(40))
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())  # the order's first print (shipped events)
    on_time: Mapped[bool | None] = mapped_column()  # shipped or closed by the order's deadline


class RollupStateRow(Base):
    """How far the roll-ups have read the history (one row, id 1), and the oldest event kept after pruning."""

    __tablename__ = "rollup_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer, server_default="0")
    pruned_before: Mapped[datetime | None] = mapped_column(UtcDateTime())


class RollupTrendRow(Base):
    """Per China-time day and shop: orders paid (new), shipped, closed (cancelled), reopened, first printed."""

    __tablename__ = "rollup_trend"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD, Asia/Shanghai
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    new: Mapped[int] = mapped_column(Integer, server_default="0")
    shipped: Mapped[int] = mapped_column(Integer, server_default="0")
    cancelled: Mapped[int] = mapped_column(Integer, server_default="0")
    reopened: Mapped[int] = mapped_column(Integer, server_default="0")
    printed: Mapped[int] = mapped_column(Integer, server_default="0")


class RollupCountRow(Base):
    """Per China-time day and shop, a count by metric and key (hours of the day, packer and outcome, carrier,
    duration histograms: app.persistence.history names them)."""

    __tablename__ = "rollup_counts"
    __table_args__ = (Index("ix_rollup_counts_metric_day", "metric", "day"),)  # one metric over many days

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    metric: Mapped[str] = mapped_column(String(30), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, server_default="0")


class RollupSkuRow(Base):
    """Per China-time day, shop, SKU and day of payment: units that joined the backlog and units that left it (the
    backlog by product at any day's end, and how old its oldest waiting units are)."""

    __tablename__ = "rollup_sku"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    paid_day: Mapped[str] = mapped_column(String(10), primary_key=True)
    units_in: Mapped[int] = mapped_column(Integer, server_default="0")
    units_out: Mapped[int] = mapped_column(Integer, server_default="0")
    first_paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class RollupMonthRow(Base):
    """The counts of `rollup_counts` summed per China-time month (hours of the day keyed by weekday and hour, the
    weekday as SQLite's %w, 0 Sunday): a range's whole months are read here, its other days from the daily rows."""

    __tablename__ = "rollup_months"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    metric: Mapped[str] = mapped_column(String(30), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, server_default="0")


class RollupSkuCohortRow(Base):
    """Per SKU, day of payment and shop: every unit that joined and left the backlog so far. The open cohorts (units
    still waiting) are few and indexed; the backlog at a past day's end corrects them by the later days' rollup_sku."""

    __tablename__ = "rollup_sku_cohorts"
    __table_args__ = (Index("ix_rollup_sku_cohorts_open", "paid_day", sqlite_where=text("units_in <> units_out")),)

    sku: Mapped[str] = mapped_column(String(64), primary_key=True)
    paid_day: Mapped[str] = mapped_column(String(10), primary_key=True)
    shop_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    units_in: Mapped[int] = mapped_column(Integer, server_default="0")
    units_out: Mapped[int] = mapped_column(Integer, server_default="0")
    first_paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


# -- service rules (app.domain.carrier_rules, app.domain.deadlines; migration 0022_service_rules) --------------------


class CarrierStopRow(Base):
    """A carrier that does not collect for some regions over some dates (kind "stop"), or one still running in
    spring-festival mode (kind "runs"). `regions`: province or city names, comma-separated."""

    __tablename__ = "carrier_stops"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), server_default="stop")
    carrier: Mapped[str] = mapped_column(String(20))
    regions: Mapped[str] = mapped_column(Text)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, server_default=text("''"))


class CarrierRuleRow(Base):
    """A carrier-choice rule: its carrier for orders meeting all its conditions, tried by priority."""

    __tablename__ = "carrier_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    priority: Mapped[int] = mapped_column(Integer)
    carrier: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(100), server_default=text("''"))
    conditions: Mapped[dict[str, Any]] = mapped_column(JSON)


class CarrierCostRow(Base):
    """The cost table: a carrier's price to a province ("*": any other) for the first and each next kilogram."""

    __tablename__ = "carrier_costs"

    carrier: Mapped[str] = mapped_column(String(20), primary_key=True)
    province: Mapped[str] = mapped_column(String(20), primary_key=True)
    first_kg: Mapped[Decimal] = mapped_column(Money())
    extra_kg: Mapped[Decimal] = mapped_column(Money())


class DeadlineRuleRow(Base):
    """Ship within `hours` of payment, for a shop, a SKU, or orders paid in an activity's window."""

    __tablename__ = "deadline_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    hours: Mapped[int] = mapped_column(Integer)
    shop: Mapped[str] = mapped_column(String(100), server_default=text("''"))
    sku: Mapped[str] = mapped_column(String(100), server_default=text("''"))
    starts: Mapped[datetime | None] = mapped_column(UtcDateTime())
    ends: Mapped[datetime | None] = mapped_column(UtcDateTime())
    note: Mapped[str] = mapped_column(Text, server_default=text("''"))


class HolidayRow(Base):
    """Days the platform announced as holidays: the ship-by clock stands still on them."""

    __tablename__ = "holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    starts: Mapped[date] = mapped_column(Date)
    ends: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, server_default=text("''"))


class ServiceSettingRow(Base):
    """The seller's service settings (due-soon hours, default ship-within hours, insurance threshold, spring
    festival dates), one value per key."""

    __tablename__ = "service_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class NoticeTemplateRow(Base):
    """A buyer notice's text with ${variables}, and the SMS provider's approved template code for it (0023_notices).
    A starter set is written by the migration; the seller edits them."""

    __tablename__ = "notice_templates"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    provider_code: Mapped[str] = mapped_column(String(40), default="", server_default=text("''"))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime())


class SmsAccountRow(Base):
    """An SMS provider account (Alibaba Cloud SMS): what is not secret; its AccessKey secret is in the keyring under
    `credentials_ref` (0023_notices)."""

    __tablename__ = "sms_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    provider: Mapped[str] = mapped_column(String(20))
    gateway_url: Mapped[str] = mapped_column(String(300))
    access_key_id: Mapped[str] = mapped_column(String(100))
    sign_name: Mapped[str] = mapped_column(String(60))
    credentials_ref: Mapped[str] = mapped_column(String(120))
    seller_phone: Mapped[str] = mapped_column(String(30), default="", server_default=text("''"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class NoticeSettingRow(Base):
    """One notice setting (the per-buyer daily limit, the triggers the seller switched on), shared by every station
    on the database (0023_notices)."""

    __tablename__ = "notice_settings"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ReviewAlertRow(Base):
    """A neutral or negative rating a buyer gave, raised as an alert for the seller (0023_notices)."""

    __tablename__ = "review_alerts"
    __table_args__ = (Index("ux_review_alerts_rating", "shop_id", "order_no", "oid", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shop_id: Mapped[int] = mapped_column(ForeignKey("shops.id"))
    order_no: Mapped[str] = mapped_column(String(64))
    oid: Mapped[str] = mapped_column(String(64))
    result: Mapped[str] = mapped_column(String(10))  # neutral | bad
    nick: Mapped[str] = mapped_column(String(100), default="")
    item_title: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    rated_at: Mapped[datetime] = mapped_column(UtcDateTime())
    raised_at: Mapped[datetime] = mapped_column(UtcDateTime())
    seen: Mapped[bool] = mapped_column(default=False, server_default=sa_false())


class ParcelTraceRow(Base):
    """A shipped parcel's route as the platform last gave it, and the risk PackDesk read in it (0023_notices)."""

    __tablename__ = "parcel_traces"

    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(60), default="")
    company: Mapped[str] = mapped_column(String(60), default="")
    steps: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    checked_at: Mapped[datetime] = mapped_column(UtcDateTime())
    risk: Mapped[str | None] = mapped_column(String(30), index=True)
    risk_detail: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))


class TrackingAccountRow(Base):
    """A route-query account (Kuaidi100's real-time query): what is not secret; its key is in the keyring under
    `credentials_ref` (0025_tracking_accounts)."""

    __tablename__ = "tracking_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    provider: Mapped[str] = mapped_column(String(20))
    gateway_url: Mapped[str] = mapped_column(String(300))
    customer: Mapped[str] = mapped_column(String(100))
    credentials_ref: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
