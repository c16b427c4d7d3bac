"""Taobao's receiver behind an oaid, `taobao.top.oaid.decrypt` (sync layer): the number a buyer notice may go to.

Verified against the platform's published metadata (bububa/opentaobao model/tbtrade/TaobaoTopOaidDecryptAPIRequest,
TaobaoTopOaidDecryptAPIResponse, ReceiverQuery, Receiver and metadata/assets/json/tbtrade/taobao_top_oaid_decrypt.json):
the one parameter `query_list`, a list of ReceiverQuery {`tid`, `oaid` (both required), `scene` (required: the
decryption scene, 2002 客户关怀 customer care being a notice's), `secret_no_days`}, at most 20; the answer root
`top_oaid_decrypt_response` with `receiver_list`, each Receiver {`tid`, `oaid`, `name`, `mobile`, `phone`, `state`,
`city`, `district`, `town`, `address_detail`, `matched` (false: the oaid is no longer the trade's, re-read the
trade), `privacy_protection` (true: `mobile` is a virtual number, "格式为18877771111-123", with its extension),
`secret_no_expire_time` (when the virtual number stops working)}.
Not verified, marked [I]: that `query_list` travels as one JSON-encoded parameter (as TOP's other object-list
parameters do); that the JSON answer wraps the list as {"receiver": [...]} (the SDK's XML tag is
`receiver_list>receiver`), a bare list is read as well; that a Receiver without `matched` is a matching one (the SDK
omits false booleans when it writes, the platform's metadata calls the field required); the time format of
`secret_no_expire_time` (TOP's usual yyyy-MM-dd HH:mm:ss).

What comes back is plaintext: it lives in the returned value only, is never logged and never stored.
"""

from __future__ import annotations

import msgspec
from msgspec import Struct

from app.sync.top import TopClient

OAID_DECRYPT = "taobao.top.oaid.decrypt"
CUSTOMER_CARE = "2002"  # the scene of a buyer notice (客户关怀)


class OaidReceiver(Struct, frozen=True):
    tid: str | int | None = None
    oaid: str | None = None
    mobile: str | None = None
    phone: str | None = None
    matched: bool = True
    privacy_protection: bool = False
    secret_no_expire_time: str | None = None

    def __repr__(self) -> str:  # never the number, should a receiver ever reach a log or a traceback
        return f"OaidReceiver(tid={self.tid!r}, matched={self.matched}, privacy={self.privacy_protection})"


class _Receivers(Struct, frozen=True):
    receiver: list[OaidReceiver] = []


class OaidDecryptAnswer(Struct, frozen=True):
    """`top_oaid_decrypt_response`: {"receiver_list": {"receiver": [...]}} [I: the wrapper]."""

    receiver_list: _Receivers | list[OaidReceiver] | None = None

    def receivers(self) -> list[OaidReceiver]:
        found = self.receiver_list
        if isinstance(found, _Receivers):
            return found.receiver
        return found or []


def decrypt_receiver(client: TopClient, tid: str, oaid: str, scene: str = CUSTOMER_CARE) -> OaidReceiver | None:
    """The receiver behind `oaid` of trade `tid` (None when the answer holds none for it).

    Raises:
        TopError, Offline, SessionExpired, RateLimited, MalformedAnswer: as TopClient.read.
    """
    query_list = [{"tid": tid, "oaid": oaid, "scene": scene}]
    params = {"query_list": msgspec.json.encode(query_list).decode("utf-8")}
    answer = client.read(OAID_DECRYPT, params, OaidDecryptAnswer)
    return next((r for r in answer.receivers() if str(r.tid or tid) == tid), None)


__all__ = ["OAID_DECRYPT", "OaidReceiver", "decrypt_receiver"]
