"""Sending buyer notices by SMS from the outbox (sync layer): each notice reaches the provider once.

A notice is an outbox entry of kind `notice` (app.services.notices queues it); `OutboxWorker.flush` delivers the
due ones with the ship-backs and memo write-backs, following the same rules:

- The entry is claimed (state `sending`, attempts + 1) and the provider's day of the attempt written down, and that
  is committed before `SendSms` leaves, with `OutId` = the notice's id. After a kill an entry found `sending` may
  have been sent; so may one whose answer was lost (a dropped connection, a 5xx after the request left).
- Such an entry is first looked up with `QuerySendDetails` (the number, each day an attempt was made, the OutId):
  found, it is done without a second message. Not found, it is sent again only once the provider has had
  `settle` (10 minutes by default) to record the first attempt; sooner, it waits for the next round. If the lookup
  itself is refused (the AccessKey may not query), the notice stops as "unclear: check before resending": the seller
  looks in the provider's console and says whether it went (`packdesk notify checked ID --sent|--not-sent`).
- A clear "not sent" (a refused connection, a rate limit, the per-number limit `isv.BUSINESS_LIMIT_CONTROL`) waits for
  a later round; any other refusal (`isv.MOBILE_NUMBER_ILLEGAL`, a template the provider does not know) stops the
  notice as failed with the provider's code and words.

A payment reminder is not sent to an order PackDesk holds that was paid or closed meanwhile: it stops as failed with
that reason (unless an earlier attempt may have gone: that one is looked up first, as above).

A finished notice (sent or refused) keeps only the masked number. A notice marked `platform_number` (a privacy
order, app.services.notices) never held more: before each attempt and each look-up the platform is asked for the
number it allows (app.sync.platform_numbers), which lives in this round's memory only. A virtual number with an
extension turns the notice into a copy for the chat window (`copied`), with why; a stale oaid or no number stops
it, with why; a platform that cannot be asked keeps it for a later round.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.enums import OrderStatus
from app.domain.errors import InvalidInput, PackDeskError
from app.domain.masking import mask_phone
from app.domain.messages import Message, msg
from app.domain.notices import NoticePayload
from app.persistence.notices import NoticeRepository, SmsAccount
from app.services.notices import PAYMENT_REMINDER, PROVIDERS
from app.sync.aliyun_sms import AliyunSms, Offline, SmsRefused, Unclear
from app.sync.pdd import MalformedAnswer as PddMalformed
from app.sync.pdd import PddError, TokenExpired
from app.sync.platform_numbers import ForChat, NoNumber, PlatformNumbers
from app.sync.shops import Credentials, store_credentials
from app.sync.top import MalformedAnswer as TopMalformed
from app.sync.top import RateLimited, SessionExpired, TopError

log = logging.getLogger(__name__)
CHINA = timezone(timedelta(hours=8))
SmsFor = Callable[[SmsAccount], AliyunSms]
SETTLE = timedelta(minutes=10)


@dataclass
class NoticeReport:
    """What a round of notices did."""

    sent: int = 0
    verified: int = 0  # found sent after an unclear attempt
    retry_later: int = 0
    failed: int = 0
    to_check: int = 0  # unclear and not checkable: the seller checks before resending
    copied: int = 0  # the platform's number takes no messages: turned into a copy for the chat window
    cancelled: int = 0  # payment reminders to orders paid or closed meanwhile: not sent
    # {"id", "order_no", "reason": English, "code": the provider's code, "message": kept out of the JSON}
    errors: list[dict[str, Any]] = field(default_factory=list)

    def error(self, entry_id: int, order_no: str, message: Message, code: str = "") -> None:
        self.errors.append(
            {"id": entry_id, "order_no": order_no, "reason": message.render(), "code": code, "message": message}
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": self.sent,
            "verified": self.verified,
            "retry_later": self.retry_later,
            "failed": self.failed,
            "to_check": self.to_check,
            "copied": self.copied,
            "cancelled": self.cancelled,
            "errors": [{k: v for k, v in e.items() if k != "message"} for e in self.errors],
        }


def provider_day(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y%m%d")


def push_notices(
    session_factory: sessionmaker[Session],
    sms_for: SmsFor,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    *,
    wait: Callable[[int], timedelta] = lambda attempts: timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1))),
    now_too: bool = False,
    settle: timedelta = SETTLE,
    numbers: PlatformNumbers | None = None,
) -> NoticeReport:
    """One round: every due notice (all waiting ones with `now_too`). An account that cannot be reached keeps its
    notices for the next round. `numbers` asks the platforms for the numbers of notices marked `platform_number`
    (None: such notices wait)."""
    report = NoticeReport()
    with session_factory() as session:
        due = NoticeRepository(session).due(None if now_too else clock())
    clients: dict[str, AliyunSms] = {}
    blocked: set[str] = set()
    try:
        for entry_id in due:
            _deliver(session_factory, sms_for, clients, blocked, entry_id, clock, wait, settle, report, numbers)
    finally:
        for client in clients.values():
            client.close()
    return report


def _deliver(
    session_factory: sessionmaker[Session], sms_for: SmsFor, clients: dict[str, AliyunSms], blocked: set[str],
    entry_id: int, clock: Callable[[], datetime], wait: Callable[[int], timedelta], settle: timedelta,
    report: NoticeReport, numbers: PlatformNumbers | None = None,
) -> None:  # fmt: skip
    now = clock()
    with session_factory.begin() as session:
        repo = NoticeRepository(session)
        claimed = repo.claim(entry_id)
        if claimed is None:
            return  # another round (the window's, the command line's) has it
        payload = claimed.payload
        if payload.account in blocked:
            repo.later(entry_id, now, msg("notice.account_unreachable", account=payload.account), unclear=False,
                       wait=lambda _n: timedelta(0))  # fmt: skip
            report.retry_later += 1
            return
        account = repo.account(payload.account or None)
        if account is None:
            reason = msg("notice.account_gone", account=payload.account)
            repo.failed(entry_id, reason, payload.closed(mask_phone(payload.phone)))
            report.failed += 1
            report.error(entry_id, payload.order_no, reason)
            return
        verify_first, last_try = claimed.verify_first, payload.attempt_days
        if not verify_first and _cancelled(repo, entry_id, payload, report):
            return
        if not verify_first:
            payload = payload.attempted(provider_day(now), now)
            repo.rewrite(entry_id, payload)  # committed before the message leaves: where to look if it is lost

    def later(reason: Message, *, unclear: bool, code: str = "") -> None:
        with session_factory.begin() as session:
            NoticeRepository(session).later(entry_id, now, reason, unclear=unclear, wait=wait)
        report.retry_later += 1
        report.error(entry_id, payload.order_no, reason, code)

    to = payload.phone  # the number, in memory only when it is the platform's
    if payload.platform_number:
        asked = _ask_platform(session_factory, numbers, entry_id, payload, now, verify_first, report)
        if isinstance(asked, Message):
            later(asked, unclear=verify_first)
            return
        if asked is None:
            return
        to = asked
    try:
        client = clients.get(account.name) or clients.setdefault(account.name, sms_for(account))
        if verify_first:
            found = None
            try:
                for day in last_try or (provider_day(now),):
                    found = client.find(to, day, str(entry_id))
                    if found is not None:
                        break
            except SmsRefused as exc:  # the key may not look: the seller checks in the provider's console
                reason = msg("notice.cannot_check", words=exc.msg)
                with session_factory.begin() as session:
                    NoticeRepository(session).hold_for_check(entry_id, reason)
                report.to_check += 1
                report.error(entry_id, payload.order_no, reason, exc.sms_code)
                return
            if found is not None and found.status == 2:  # the provider took it and could not deliver it
                reason = msg("notice.undelivered", code=found.err_code or "?")
                with session_factory.begin() as session:
                    NoticeRepository(session).failed(entry_id, reason, payload.closed(mask_phone(payload.phone)))
                report.failed += 1
                report.error(entry_id, payload.order_no, reason, found.err_code)
                return
            if found is not None:
                _done(session_factory, entry_id, now, payload, verified=True)
                report.verified += 1
                return
            if payload.last_attempt_at and now - datetime.fromisoformat(payload.last_attempt_at) < settle:
                later(msg("notice.waiting_record"), unclear=True)
                return
            # not found after the provider had time to record it: it was not sent
            with session_factory.begin() as session:
                if _cancelled(NoticeRepository(session), entry_id, payload, report):
                    return
                payload = payload.attempted(provider_day(now), now)
                NoticeRepository(session).rewrite(entry_id, payload)
        sent = client.send(to, account.sign_name, payload.template_code, payload.params, str(entry_id))
        _done(session_factory, entry_id, now, payload, verified=False, biz_id=sent.biz_id)
        report.sent += 1
    except Unclear as exc:
        later(exc.msg, unclear=True)
    except Offline as exc:
        later(exc.msg, unclear=verify_first)
        blocked.add(account.name)
    except SmsRefused as exc:
        if exc.later:
            later(exc.msg, unclear=verify_first, code=exc.sms_code)
            return
        with session_factory.begin() as session:
            NoticeRepository(session).failed(entry_id, exc.msg, payload.closed(mask_phone(payload.phone)))
        report.failed += 1
        report.error(entry_id, payload.order_no, exc.msg, exc.sms_code)
    except PackDeskError as exc:  # its account's secret is gone, and the like: the seller must act
        later(exc.msg, unclear=verify_first)
        blocked.add(account.name)


def _ask_platform(
    session_factory: sessionmaker[Session], numbers: PlatformNumbers | None, entry_id: int, payload: NoticePayload,
    now: datetime, verify_first: bool, report: NoticeReport,
) -> str | Message | None:  # fmt: skip
    """The platform's number for `payload`, held in memory only; a Message: why the notice waits for a later round;
    None: the notice was settled here (for the chat window, stopped, or held for the seller's check)."""
    order_no = payload.order_no
    if numbers is None:
        return msg("notice.platform_unreachable", order_no=order_no, why=msg("notice.platform_not_asked"))
    try:
        return numbers.number(session_factory, order_no)
    except (ForChat, NoNumber) as exc:
        settled: PackDeskError = exc
    except (TopMalformed, PddMalformed):  # its words may hold the plaintext: never kept
        return msg("notice.platform_unreachable", order_no=order_no, why=msg("notice.platform_garbled"))
    except (RateLimited, SessionExpired, TokenExpired, Offline, Unclear) as exc:
        return msg("notice.platform_unreachable", order_no=order_no, why=exc.msg)
    except (TopError, PddError) as exc:
        settled = NoNumber(msg("notice.platform_refused", order_no=order_no, words=exc.msg))
    with session_factory.begin() as session:
        repo = NoticeRepository(session)
        if verify_first:  # an earlier attempt may have gone, and it cannot be looked up without the number
            repo.hold_for_check(entry_id, settled.msg)
            report.to_check += 1
        elif isinstance(settled, ForChat):
            repo.for_chat(entry_id, now, settled.msg, payload.for_chat())
            report.copied += 1
        else:
            repo.failed(entry_id, settled.msg, payload.closed(payload.phone))
            report.failed += 1
    report.error(entry_id, order_no, settled.msg)
    return None


def _cancelled(repo: NoticeRepository, entry_id: int, payload: NoticePayload, report: NoticeReport) -> bool:
    """Stops a payment reminder whose order PackDesk holds and no longer waits for payment (paid or closed since it
    was queued); False for any other notice."""
    if payload.template != PAYMENT_REMINDER:
        return False
    status = repo.status_of_entry(entry_id)
    if status is None or status == OrderStatus.AWAITING_PAYMENT.value:
        return False
    repo.failed(
        entry_id, msg("notice.unpaid_meanwhile", order_no=payload.order_no), payload.closed(mask_phone(payload.phone))
    )
    report.cancelled += 1
    return True


def _done(
    session_factory: sessionmaker[Session], entry_id: int, now: datetime, payload: NoticePayload, *, verified: bool,
    biz_id: str = "",
) -> None:  # fmt: skip
    with session_factory.begin() as session:
        NoticeRepository(session).delivered(
            entry_id,
            now,
            payload.closed(mask_phone(payload.phone), biz_id),
            msg("notice.verified") if verified else None,
        )


def add_sms_account(
    session: Session, data_dir: Path, *, name: str, provider: str, gateway: str, access_key_id: str, sign_name: str,
    secret: str, now: datetime,
) -> tuple[SmsAccount, Message | None]:  # fmt: skip
    """Adds (or updates) an SMS account; its AccessKey secret goes to the keyring. Returns it and a warning (the
    secret had to go into a file), if any.

    Raises:
        InvalidInput: an unknown provider, a gateway that is no http(s) address, a missing key, sign name or secret.
    """
    name = name.strip()
    if not name:
        raise InvalidInput(msg("notice.account_name_missing"))
    if provider not in PROVIDERS:
        raise InvalidInput(msg("notice.unknown_provider", provider=provider, known=", ".join(PROVIDERS)))
    if not gateway.startswith(("http://", "https://")):
        raise InvalidInput(msg("notice.gateway_not_http", gateway=gateway))
    if not access_key_id.strip() or not sign_name.strip():
        raise InvalidInput(msg("notice.key_or_sign_missing"))
    if not secret:
        raise InvalidInput(msg("notice.secret_missing"))
    ref = f"sms:{name}"
    account = NoticeRepository(session).save_account(
        name=name, provider=provider, gateway_url=gateway, access_key_id=access_key_id.strip(),
        sign_name=sign_name.strip(), credentials_ref=ref, seller_phone="", now=now,
    )  # fmt: skip
    warning = store_credentials(data_dir, ref, Credentials(secret, ""))
    return account, warning


__all__ = ["NoticeReport", "add_sms_account", "push_notices"]
