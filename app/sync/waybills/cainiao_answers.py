"""What PackDesk reads from Cainiao's e-waybill answers (cainiao.waybill.ii.*), as typed values (sync layer).

Read through `TopClient.read` like the trade answers (app/sync/top_answers.py): not strict about numbers given as
text, lists either non-simplified (``"modules": {"waybill_cloud_print_response": [...]}``) or plain, only the fields
PackDesk uses declared. An answer that does not fit is one PackDesk does not understand (`MalformedAnswer`), and
nothing of it is used.

`print_data` comes as a JSON text inside the answer: `print_document` reads it into the provider's document (kept
as answered, for the print components and reprints) and the routing printed on our own labels.
"""

from __future__ import annotations

from typing import Annotated, Any, TypeVar

import msgspec
from msgspec import Meta, Struct

from printers.waybill import Routing

Text = str | None
# A tracking number as PackDesk stores and prints it: letters and digits (packages.tracking_no holds 40).
WaybillCode = Annotated[str, Meta(min_length=6, max_length=40, pattern=r"^[0-9A-Za-z]+$")]
_T = TypeVar("_T")


def _items(value: Any, inner: str) -> list[Any]:
    """A list as TOP sends it: plain, wrapped as {inner: [...]}, or wrapped around a single object."""
    if value is None:
        return []
    if isinstance(value, list):
        return value
    found = getattr(value, inner)
    return found if isinstance(found, list) else [found]


class PrintModule(Struct, frozen=True):
    """One number issued (`WaybillCloudPrintResponse`)."""

    waybill_code: WaybillCode
    object_id: Text = None
    print_data: Text = None
    parent_waybill_code: Text = None
    cp_code: Text = None
    real_cp_code: Text = None


class PrintModules(Struct, frozen=True):
    waybill_cloud_print_response: list[PrintModule] | PrintModule = []


class GetAnswer(Struct, frozen=True):
    """`cainiao.waybill.ii.get`: one module per request, echoing its object_id."""

    modules: list[PrintModule] | PrintModules | None = None

    @property
    def items(self) -> list[PrintModule]:
        return _items(self.modules, "waybill_cloud_print_response")


class FoundModule(Struct, frozen=True):
    """One answer of the query methods (`WaybillCloudPrintWithResultDescResponse`)."""

    object_id: Text = None
    success: bool | None = None
    error_code: Text = None
    error_message: Text = None
    waybill_cloud_print_response: PrintModule | None = None


class FoundModules(Struct, frozen=True):
    waybill_cloud_print_with_result_desc_response: list[FoundModule] | FoundModule = []


class FoundAnswer(Struct, frozen=True):
    """`cainiao.waybill.ii.query.by.tradecode` and `query.by.waybillcode`."""

    modules: list[FoundModule] | FoundModules | None = None

    @property
    def items(self) -> list[FoundModule]:
        return _items(self.modules, "waybill_cloud_print_with_result_desc_response")


class CancelAnswer(Struct, frozen=True):
    """`cainiao.waybill.ii.cancel`."""

    cancel_result: bool = False


class UpdateAnswer(Struct, frozen=True):
    """`cainiao.waybill.ii.update`: the same number with its new print data."""

    waybill_code: WaybillCode
    print_data: Text = None


class Address(Struct, frozen=True):
    """A sender address of a subscription (`AddressDto`)."""

    province: Text = None
    city: Text = None
    district: Text = None
    town: Text = None
    detail: Text = None
    waybill_address_id: Annotated[int, Meta(ge=0)] | Annotated[str, Meta(max_length=64)] | None = None


class Addresses(Struct, frozen=True):
    address_dto: list[Address] | Address = []


class BranchAccount(Struct, frozen=True):
    """A carrier branch the account is subscribed with (`WaybillBranchAccount`): `quantity` is the balance."""

    branch_code: Text = None
    branch_name: Text = None
    quantity: int | None = None
    shipp_address_cols: list[Address] | Addresses | None = None

    @property
    def addresses(self) -> list[Address]:
        return _items(self.shipp_address_cols, "address_dto")


class BranchAccounts(Struct, frozen=True):
    waybill_branch_account: list[BranchAccount] | BranchAccount = []


class Subscription(Struct, frozen=True):
    """One carrier the account is subscribed to (`WaybillApplySubscriptionInfo`)."""

    cp_code: Annotated[str, Meta(min_length=1, max_length=20)]
    cp_type: int | None = None
    branch_account_cols: list[BranchAccount] | BranchAccounts | None = None

    @property
    def branches(self) -> list[BranchAccount]:
        return _items(self.branch_account_cols, "waybill_branch_account")


class Subscriptions(Struct, frozen=True):
    waybill_apply_subscription_info: list[Subscription] | Subscription = []


class SearchAnswer(Struct, frozen=True):
    """`cainiao.waybill.ii.search`. No `waybill_apply_subscription_cols`: no subscriptions."""

    waybill_apply_subscription_cols: list[Subscription] | Subscriptions | None = None

    @property
    def items(self) -> list[Subscription]:
        return _items(self.waybill_apply_subscription_cols, "waybill_apply_subscription_info")


class Place(Struct, frozen=True):
    name: Text = None
    code: Text = None


class RoutingInfo(Struct, frozen=True):
    """`data.routingInfo` of unencrypted print data: 大头笔 (sortation), 三段码 (routeCode), 集包地 (consolidation)."""

    sortation: Place | None = None
    routeCode: Text = None  # noqa: N815 - the platform's own name
    consolidation: Place | None = None


class PrintContent(Struct, frozen=True):
    waybillCode: Text = None  # noqa: N815
    cpCode: Text = None  # noqa: N815
    routingInfo: RoutingInfo | None = None  # noqa: N815


class PrintDocument(Struct, frozen=True):
    """The print data: `{data, signature, templateURL}` or, encrypted, `{encryptedData, signature, templateURL,
    ver}` (only the print component can render that one)."""

    data: PrintContent | None = None
    encryptedData: Text = None  # noqa: N815
    templateURL: Text = None  # noqa: N815

    @property
    def encrypted(self) -> bool:
        return bool(self.encryptedData)

    @property
    def routing(self) -> Routing:
        info = self.data.routingInfo if self.data is not None else None
        if info is None:
            return Routing()
        consolidation = info.consolidation or Place()
        return Routing(
            sort_headline=((info.sortation or Place()).name or "").strip(),
            route_code=(info.routeCode or "").strip(),
            consolidation=(consolidation.name or consolidation.code or "").strip(),
        )


def print_document(text: str | None) -> tuple[dict[str, Any], PrintDocument]:
    """`print_data` (a JSON text) as the document to keep as answered and its typed reading; ({}, empty) for none.

    Raises:
        ValueError: the text is not a JSON object of the print data's shape.
    """
    if not text:
        return {}, PrintDocument()
    try:
        raw = msgspec.json.decode(text)
    except msgspec.DecodeError:
        raise ValueError("print_data is not JSON") from None
    if not isinstance(raw, dict):
        raise ValueError("print_data is not a JSON object")
    return raw, msgspec.convert(raw, PrintDocument, strict=False)
