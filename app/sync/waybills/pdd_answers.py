"""What PackDesk reads from Pinduoduo's e-waybill answers, as typed values (sync layer).

`app.sync.pdd.PddClient.read` converts each answer into one of these with msgspec (not strict: PDD documents its
counts as "string | number"), so the provider never meets a text where it expects a count or a list where it
expects an object. Field names are PDD's (lywzx/pdd-node-sdk packages/pdd-origin-api/src/dianZiMianDan); only the
fields PackDesk uses are declared.

`print_data` is JSON text inside the answer: `print_document` reads it into the mapping the print components take as
it is, and the routing printed on our own labels (routingInfo `bigShotName` 大头笔, `threeSegmentCode` 三段码,
`endBranchName` 集包地).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from printers.waybill import Routing

Count = Annotated[int, Meta(ge=0)]
Code = Annotated[str, Meta(min_length=1, max_length=40, pattern=r"^[0-9A-Za-z-]+$")]
Text = str | None


class ShippAddress(Struct, frozen=True):
    province: Text = None
    city: Text = None
    district: Text = None
    town: Text = None  # not in PDD's documentation; read when a gateway sends it
    detail: Text = None


class BranchAccount(Struct, frozen=True):
    branch_code: Text = None
    branch_name: Text = None
    quantity: Count | None = None  # numbers left: the balance
    shipp_address_cols: list[ShippAddress] = []


class Subscription(Struct, frozen=True):
    wp_code: Annotated[str, Meta(min_length=1, max_length=20)]
    wp_type: int | None = None
    branch_account_cols: list[BranchAccount] = []


class SearchAnswer(Struct, frozen=True):
    """pdd.waybill.search."""

    waybill_apply_subscription_cols: list[Subscription] = []


class Module(Struct, frozen=True):
    """One number pdd.waybill.get issued: for the request `object_id`."""

    waybill_code: Code
    object_id: str = ""
    print_data: str = ""
    parent_waybill_code: Text = None


class GetAnswer(Struct, frozen=True):
    """pdd.waybill.get."""

    modules: list[Module] = []


class CloudPrint(Struct, frozen=True):
    waybill_code: Code
    object_id: str = ""
    print_data: str = ""


class QueryModule(Struct, frozen=True):
    waybill_cloud_print_response: CloudPrint


class QueryAnswer(Struct, frozen=True):
    """pdd.waybill.query.by.waybillcode."""

    modules: list[QueryModule] = []


class CancelAnswer(Struct, frozen=True):
    """pdd.waybill.cancel."""

    cancel_result: bool


class UpdateAnswer(Struct, frozen=True):
    """pdd.waybill.update."""

    waybill_code: Code
    print_data: str = ""


class MallAnswer(Struct, frozen=True):
    """pdd.mall.info.get (its root is `mall_info_get_response`): the shop the access token belongs to."""

    mall_id: Annotated[int, Meta(ge=0)] | Annotated[str, Meta(min_length=1, max_length=40)]
    mall_name: Text = None


class RoutingInfo(Struct, frozen=True):
    bigShotName: Text = None  # noqa: N815 - PDD's field names
    threeSegmentCode: Text = None  # noqa: N815
    endBranchName: Text = None  # noqa: N815
    endBranchCode: Text = None  # noqa: N815


class PrintContent(Struct, frozen=True):
    waybillCode: Text = None  # noqa: N815
    wpCode: Text = None  # noqa: N815
    routingInfo: RoutingInfo | None = None  # noqa: N815


class PrintDocument(Struct, frozen=True):
    data: PrintContent | None = None
    encryptedData: Text = None  # noqa: N815

    @property
    def encrypted(self) -> bool:
        """Only PDD's print component can render it (the receiver is inside the ciphertext)."""
        return bool(self.encryptedData)

    @property
    def routing(self) -> Routing:
        """The routing the carrier gave, as printed on our labels; empty when it gave none (or it is encrypted)."""
        info = self.data.routingInfo if self.data is not None else None
        if info is None:
            return Routing()
        return Routing(info.bigShotName or "", info.threeSegmentCode or "", info.endBranchName or "")


def print_document(text: str) -> tuple[Mapping[str, Any], PrintDocument]:
    """The print data as answered (a mapping, for the print components and reprints) and as read.

    Raises:
        ValueError: it is not a JSON object of print data.
    """
    try:
        document = msgspec.json.decode(text.encode("utf-8"))
    except msgspec.DecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from None
    if not isinstance(document, dict):
        raise ValueError("not a JSON object")
    try:
        parsed = msgspec.convert(document, PrintDocument, strict=False)
    except msgspec.ValidationError as exc:
        raise ValueError(str(exc)) from None
    if parsed.data is None and not parsed.encrypted:
        raise ValueError("neither data nor encryptedData")
    return document, parsed
