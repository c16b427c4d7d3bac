"""What a Pinduoduo e-waybill request says (sync layer): carrier codes, the sender and receiver as PDD takes them,
the parcel, and what is refused before any call (app.sync.waybills.pdd sends them).

PDD's `pdd.waybill.get` needs, for sender and recipient alike, a name, a phone (a mobile number as `mobile`,
another as `phone`) and an address whose province, city, district and detail are not empty ("仅支持非空值"). A
county-level city under its province (济源市, 仙桃市) has no city above it, and the cache keeps it as the district
with the city empty; it is sent with that name as its city too. A Taobao privacy order (with an `oaid`) holds only a
masked address, which only Cainiao can resolve: it is never sent to PDD. A Pinduoduo order's receiver goes as the
ciphertexts PDD sent (PDD reads its own orders' ciphertexts): PackDesk never decrypts it for a PDD e-waybill.

Carrier codes are ours except where PDD's `wp_code` differs (JT is JTSD, POSTB is YZXB). The template is the
account's (`settings["template_url"]`), else PDD's standard one-part template of the carrier.

Insurance (保价) rides in a parcel's `logistics_services`, which PDD's request types give as a string of value-added
services (lywzx/pdd-node-sdk packages/pdd-origin-api/src/dianZiMianDan/PddWaybillGet.ts, "物流服务内容"); the field
mirrors Cainiao's, whose services are a JSON object {SERVICE_CODE: {attribute: value}}. The service is sent as
{"SVC-INSURE": {"value": "<fen>"}} [I: neither the code nor the unit is in the PDD material at hand; they are
Cainiao's (app.sync.waybills.cainiao), which PDD's e-waybill copies field for field, and fen is the unit of PDD's money
fields]. A parcel not insured carries no `logistics_services` at all.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any

from app.domain.errors import WaybillRefused
from app.domain.messages import msg
from app.domain.waybills import WaybillAccount, WaybillRequest
from app.services.waybills.ports import Refusal

CHANNELS = {"pdd": "PDD", "taobao": "TB", "tmall": "TM", "jd": "JD", "douyin": "DY"}  # else OTHERS
WP_CODES = {"JT": "JTSD", "POSTB": "YZXB"}  # our carrier code -> PDD's wp_code, where they differ
OURS = {wp: ours for ours, wp in WP_CODES.items()}
TEMPLATE = "https://file-link.pinduoduo.com/{wp}_one"  # PDD's standard one-part template of a carrier
ADDRESS_PARTS = ("province", "city", "district", "detail")
_MOBILE = re.compile(r"^1[0-9*]{10}$")


def wp_code(carrier: str) -> str:
    """PDD's code of our carrier `carrier`."""
    code = carrier.strip().upper()
    return WP_CODES.get(code, code)


def carrier_of(wp: str) -> str:
    """Our carrier code of PDD's `wp`."""
    return OURS.get(wp, wp)


def address_id(province: str, city: str, district: str, detail: str) -> str:
    """The id of a PDD sender address (PDD gives none): a digest of what it says, the same on every search."""
    return hashlib.sha1("|".join((province, city, district, detail)).encode("utf-8")).hexdigest()[:16]


def template_url(account: WaybillAccount, carrier: str) -> str:
    return str(account.settings.get("template_url") or TEMPLATE.format(wp=wp_code(carrier).lower()))


def phones(phone: str) -> dict[str, str]:
    """A phone as PDD takes it: a mobile number (masked ones too) as `mobile`, any other as `phone`."""
    phone = phone.strip()
    return {"mobile": phone, "phone": ""} if _MOBILE.match(phone) else {"mobile": "", "phone": phone}


def missing(parts: Mapping[str, str]) -> str | None:
    """The first part a PDD waybill needs that `parts` lacks (its message id, pdd.part.*), or None."""
    for part in ("name", "phone", *ADDRESS_PARTS):
        if not str(parts.get(part, "")).strip():
            return f"pdd.part.{part}"
    return None


def city(request: WaybillRequest) -> str:
    """The receiver's city as PDD takes it (a county-level city under its province is its own city)."""
    return request.city.strip() or request.district.strip()


def unfit(request: WaybillRequest) -> Refusal | None:
    """Why `request` cannot be asked for (said before any call), or None."""
    if request.oaid and request.platform != "pdd":
        return Refusal(request.object_id, msg("pdd.waybill.privacy_order", order_no=request.order_no))
    part = missing(
        {
            "name": request.name,
            "phone": request.phone,
            "province": request.province,
            "city": city(request),
            "district": request.district,
            "detail": request.address,
        }
    )
    if part is not None:
        return Refusal(
            request.object_id, msg("pdd.waybill.receiver_incomplete", order_no=request.order_no, part=msg(part))
        )
    return None


def ciphertexts(request: WaybillRequest) -> dict[str, str] | None:
    """A Pinduoduo order's receiver ciphertexts (name, phone, address), which PDD's own e-waybill reads for its
    orders: the receiver goes as PDD sent it, never decrypted here. None for other orders."""
    if request.platform != "pdd" or not request.cipher:
        return None
    try:
        parsed = json.loads(request.cipher)
    except ValueError:
        return None
    if not isinstance(parsed, dict) or not all(isinstance(parsed.get(k), str) for k in ("name", "phone", "address")):
        return None
    return {k: parsed[k] for k in ("name", "phone", "address")}


def recipient(request: WaybillRequest) -> dict[str, Any]:
    """The recipient of `request`: a PDD order's ciphertexts (province, city and district stay plain: PDD sends
    them so), else the receiver as the request holds it."""
    sealed = ciphertexts(request)
    address = {
        "province": request.province,
        "city": city(request),
        "district": request.district,
        "town": request.town,
        "detail": sealed["address"] if sealed else request.address,
    }
    if sealed:
        return {"name": sealed["name"], "mobile": sealed["phone"], "phone": "", "address": address}
    return {"name": request.name, **phones(request.phone), "address": address}


def package(request: WaybillRequest) -> dict[str, Any]:
    """`package_info`: its id is the request's (the ledger's), which makes asking again safe."""
    items = [{"name": title[:100], "count": qty} for title, qty in request.items[:100] if qty > 0]
    info: dict[str, Any] = {"id": request.object_id, "items": items or [{"name": request.order_no, "count": 1}]}
    if request.weight_g > 0:
        info["weight"] = request.weight_g
    return info


INSURE = "SVC-INSURE"  # PDD's code of the insurance service (保价) [I: see the module docstring]


def services(request: WaybillRequest) -> str | None:
    """`logistics_services` of `request` as PDD takes it (JSON text): insurance for `request.insured` yuan, its value
    in whole fen; None when the parcel is not insured."""
    if request.insured is None:
        return None
    fen = int((request.insured * 100).to_integral_value())
    return json.dumps({INSURE: {"value": str(fen)}}, separators=(",", ":"))


def parcel(request: WaybillRequest, template: str, user_id: str) -> dict[str, Any]:
    """One `trade_order_info_dtos` entry, with its value-added services when it has any (insurance)."""
    entry: dict[str, Any] = {
        "object_id": request.object_id,
        "order_info": {
            "order_channels_type": CHANNELS.get(request.platform, "OTHERS"),
            "trade_order_list": request.trade_orders,
        },
        "package_info": package(request),
        "recipient": recipient(request),
        "template_url": template,
        "user_id": user_id,
    }
    extra = services(request)
    if extra is not None:
        entry["logistics_services"] = extra
    return entry


def apply_base(account: WaybillAccount) -> dict[str, Any]:
    """What every pdd.waybill.get of `account` says besides its parcels: the carrier, the sender, the encryption.

    Raises:
        WaybillRefused: (account level) no carrier, no sender address, or an incomplete one.
    """
    if not account.carrier:
        raise WaybillRefused(msg("pdd.waybill.no_carrier", account=account.name), account_level=True)
    sender = account.sender
    if sender is None:
        raise WaybillRefused(msg("pdd.waybill.no_sender", account=account.name), account_level=True)
    parts = {
        "name": sender.name,
        "phone": sender.phone,
        "province": sender.province,
        "city": sender.city,
        "district": sender.district,
        "detail": sender.detail,
    }
    lacking = missing(parts)
    if lacking is not None:
        raise WaybillRefused(
            msg("pdd.waybill.sender_incomplete", account=account.name, part=msg(lacking)), account_level=True
        )
    address = {k: parts[k] for k in ADDRESS_PARTS} | {"town": sender.town}
    base: dict[str, Any] = {
        "wp_code": wp_code(account.carrier),
        "sender": {"name": sender.name, **phones(sender.phone), "address": address},
    }
    if account.settings.get("need_encrypt"):
        base["need_encrypt"] = True
    return base
