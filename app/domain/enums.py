"""Domain enumerations (domain layer). Values are stable strings: they are stored and printed in JSON."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Platform(StrEnum):
    TAOBAO = "taobao"
    TMALL = "tmall"
    PDD = "pdd"
    JD = "jd"
    DOUYIN = "douyin"
    OTHER = "other"


class OrderStatus(StrEnum):
    """PackDesk's own order status; platform statuses are mapped onto these by the sync layer."""

    AWAITING_SHIPMENT = "awaiting_shipment"  # 待发货
    PARTLY_SHIPPED = "partly_shipped"  # 部分发货
    OUT_OF_STOCK = "out_of_stock"  # 缺货待补货
    ON_HOLD = "on_hold"  # 挂起 (seller hold / ship-forbidden)
    SHIPPED = "shipped"  # 已发货
    CLOSED = "closed"  # 交易关闭
    # 待付款: created, not paid yet (Taobao's WAIT_BUYER_PAY). Kept only to remind the buyer to pay (催付): it is not
    # open, so no backlog count, list of work, print, ship, stock allotment or deadline ever takes it; paid, it
    # becomes awaiting shipment (its deadline counted from the payment), closed unpaid, closed.
    AWAITING_PAYMENT = "awaiting_payment"

    @property
    def is_open(self) -> bool:
        """True while the order may still need a parcel (never before it is paid)."""
        return self in (OrderStatus.AWAITING_SHIPMENT, OrderStatus.PARTLY_SHIPPED, OrderStatus.OUT_OF_STOCK)


class RefundStatus(StrEnum):
    NONE = "none"
    REQUESTED = "requested"  # buyer asked; the line must not ship
    REFUNDED = "refunded"

    @property
    def blocks_shipping(self) -> bool:
        return self is not RefundStatus.NONE


class Flag(IntEnum):
    """Seller flag colours as Taobao numbers them (seller_flag)."""

    NONE = 0
    RED = 1
    YELLOW = 2
    GREEN = 3
    BLUE = 4
    PURPLE = 5

    @property
    def label(self) -> str:
        return self.name.lower()


class PackageState(StrEnum):
    ALLOCATED = "allocated"  # tracking number reserved, nothing printed yet
    PRINTED = "printed"
    SHIPPED = "shipped"
    VOID = "void"


class PrintJobState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # interrupted while sending: did it print? the packer confirms


class OutboxState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    DONE = "done"
    FAILED = "failed"


class ScanOutcome(StrEnum):
    """What one scan at the station meant. These are the `event` values of `packdesk pack --json`."""

    ORDER_OPENED = "order_opened"
    ITEM_OK = "item_ok"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    UNKNOWN_CODE = "unknown_code"
    ORDER_COMPLETE = "order_complete"
    LABEL_PRINTED = "label_printed"
    PRINT_FAILED = "print_failed"
    INTERCEPTED = "intercepted"
    SHIPPED = "shipped"
    ORDER_BUSY = "order_busy"  # an order code was scanned while another parcel is still open
    UNDONE = "undone"
    REOPENED = "reopened"  # a parcel closed by mistake was opened again: the earlier attempt's counts are void
    PARKED = "parked"  # the open parcel was set aside to pack another; scanning its order again resumes it
    WEIGHT_MISMATCH = "weight_mismatch"  # the parcel on the scale does not weigh what its items should
