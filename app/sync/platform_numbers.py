"""The number a buyer notice may go to, asked of the platform at send time (sync layer).

PackDesk's cache holds only masked phone numbers. For a privacy order the platform answers with the number it
allows for the buyer: Taobao decrypts the order's oaid (`taobao.top.oaid.decrypt`, app.sync.oaid_decrypt; a virtual
number, 隐私号, when `privacy_protection` says so), Pinduoduo decrypts the order's phone ciphertext
(`pdd.open.decrypt.batch`, paced as for labels: app.sync.pdd_receiver). app.sync.notice_push asks here before each
attempt and each look-up of a notice marked `platform_number`, and keeps the answer in memory for that attempt only:
it is never stored, logged, or put in an outbox payload, an error or the audit log.

What the platform answers decides the notice:
- a whole mobile number (the buyer's, or a virtual number without an extension): the SMS goes to it;
- a virtual number with an extension (PDD's "隐私号的四位分机号", Taobao's "18877771111-123": it takes calls, not
  messages), or a virtual number past its `secret_no_expire_time`: `ForChat`, the notice is for the seller's chat
  window, with why;
- a stale oaid (`matched` false: the address changed since the sync), no mobile number, a refusal: `NoNumber`, the
  notice stops with why;
- the platform not reachable or busy: its error, the notice waits for a later round.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import Platform
from app.domain.errors import InvalidInput, PackDeskError
from app.domain.messages import msg
from app.domain.notices import sendable_number
from app.domain.shops import Shop
from app.persistence.notices import NoticeRepository
from app.persistence.shops import ShopRepository
from app.sync.oaid_decrypt import decrypt_receiver
from app.sync.pdd_receiver import PddReceivers
from app.sync.top import parse_china_time

_EXTENSION = re.compile(r"1[3-9]\d{9}\s*(?:-|转|,|#)\s*\d{1,6}")


class ForChat(PackDeskError):
    """The platform's number cannot take a message: the notice is for the chat window (the message says why)."""

    code = "platform_number_for_chat"


class NoNumber(PackDeskError):
    """The platform gives no number a message may go to: the notice stops (the message says why)."""

    code = "platform_number_refused"


class PlatformNumbers:
    """Asks a shop's platform for the number of an order's buyer (see the module docstring).

    Args:
        client_for: a new client of a shop (TopClient or PddClient), closed here after the question.
        pdd: the PDD decryption calls and their pacing (app.sync.pdd_receiver).
    """

    def __init__(
        self,
        client_for: Callable[[Shop], Any],
        pdd: PddReceivers | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client_for, self.clock = client_for, clock
        # its own client factory is not used: the clients come from `client_for`
        self.pdd = pdd or PddReceivers(Path("."))

    def number(self, session_factory: sessionmaker[Session], order_no: str) -> str:
        """The whole mobile number an SMS about `order_no` may go to, now.

        Raises:
            ForChat, NoNumber: see the module docstring; the platform client's errors (Offline, TopError, PddError...)
                as they come.
        """
        with session_factory() as session:
            source = NoticeRepository(session).number_source(order_no)
            shop = ShopRepository(session).get(source.shop_id) if source is not None else None
        if source is None or shop is None:
            raise NoNumber(msg("notice.platform_no_order", order_no=order_no))
        if shop.platform is Platform.PDD and source.receiver_cipher:
            mobile = self._pdd(shop, order_no, source.receiver_cipher)
        elif shop.platform in (Platform.TAOBAO, Platform.TMALL) and source.oaid:
            mobile = self._taobao(shop, order_no, source.oaid)
        else:
            raise NoNumber(msg("notice.platform_cannot_tell", order_no=order_no))
        try:
            return sendable_number(mobile)
        except InvalidInput:
            if _has_extension(mobile):
                raise ForChat(msg("notice.platform_extension", order_no=order_no)) from None
            raise NoNumber(msg("notice.platform_no_mobile", order_no=order_no)) from None

    def _taobao(self, shop: Shop, order_no: str, oaid: str) -> str:
        with self.client_for(shop) as client:
            receiver = decrypt_receiver(client, order_no, oaid)
        if receiver is None:
            raise NoNumber(msg("notice.platform_no_mobile", order_no=order_no))
        if not receiver.matched:
            raise NoNumber(msg("notice.platform_stale", order_no=order_no))
        if receiver.privacy_protection and receiver.secret_no_expire_time:
            try:
                expired = parse_china_time(receiver.secret_no_expire_time) <= self.clock()
            except ValueError:
                expired = False  # an unreadable time: the provider tells whether the number takes messages
            if expired:
                raise ForChat(msg("notice.platform_expired", order_no=order_no))
        return (receiver.mobile or "").strip()

    def _pdd(self, shop: Shop, order_no: str, cipher: str) -> str:
        try:
            sealed = json.loads(cipher).get("phone") or ""
        except (ValueError, AttributeError):
            sealed = ""
        if not isinstance(sealed, str) or not sealed:
            raise NoNumber(msg("notice.platform_cannot_tell", order_no=order_no))
        with self.client_for(shop) as client:
            item = self.pdd.decrypt(client, [(order_no, sealed)]).get((order_no, sealed))
        if item is None or item.error_code or not item.decrypted_data:
            words = (item.error_msg or str(item.error_code or "")) if item is not None else ""
            raise NoNumber(msg("notice.platform_refused", order_no=order_no, words=words or "?"))
        return item.decrypted_data.strip()


def _has_extension(number: str) -> bool:
    """A virtual number with its extension (17012345678-1234, 17012345678转1234)."""
    return _EXTENSION.fullmatch(number.strip().removeprefix("+86")) is not None


__all__ = ["ForChat", "NoNumber", "PlatformNumbers"]
