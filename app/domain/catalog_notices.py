"""What the core says about: notices to the buyer (app.services.notices, app.sync.notice_push), the SMS provider's
client (app.sync.aliyun_sms) and parcels at risk (app.domain.parcel_risk). Message id -> English template, merged
into app.domain.catalog.CATALOG (see there for the rules)."""

from __future__ import annotations

from printers.errors import QT_TRANSLATE_NOOP  # noqa: F401 - lupdate reads the calls by this name

NOTICES: dict[str, str] = {
    # Templates (app.domain.notices)
    "notice.body_empty": QT_TRANSLATE_NOOP("CoreMessages", "The text of template '{key}' is empty."),
    "notice.unknown_variable": QT_TRANSLATE_NOOP(
        "CoreMessages", "Template '{key}' names variables PackDesk does not know: {names}. Use: {known}."
    ),
    "notice.body_needs": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Template '{key}' must say the concrete {names} as variables: the buyer must read why and when.",
    ),
    "notice.value_missing": QT_TRANSLATE_NOOP(
        "CoreMessages", "The notice needs a value for {names} (give the reason with --reason and the date with --date)."
    ),
    "notice.no_number": QT_TRANSLATE_NOOP(
        "CoreMessages", "There is no phone number to send the notice to: give the number the platform allows."
    ),
    "notice.masked_number": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform gives only the masked number {phone}; no SMS can reach it. Give the virtual number the "
        "platform shows for this order (--phone), or copy the notice into the chat window (--copy).",
    ),
    "notice.extension_number": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "{phone} is a virtual number with an extension: it takes calls, not messages. Copy the notice into the chat "
        "window instead (--copy).",
    ),
    "notice.not_mobile": QT_TRANSLATE_NOOP(
        "CoreMessages", "{phone} is not a mainland mobile number; an SMS cannot be sent to it."
    ),
    # Queueing (app.services.notices)
    "notice.unknown_template": QT_TRANSLATE_NOOP("CoreMessages", "No notice template '{key}'. Templates: {known}."),
    "notice.no_order": QT_TRANSLATE_NOOP("CoreMessages", "Order {order_no} is not in PackDesk."),
    "notice.unpaid_not_held": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is not in PackDesk (a Taobao shop's sync keeps the orders waiting for payment of the last "
        "three days). For a payment reminder, name its shop with --shop and give the buyer's number with --phone.",
    ),
    "notice.not_unpaid": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} is no longer waiting for payment: it needs no payment reminder."
    ),
    "notice.unpaid_needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Payment reminders need the reason they tell the buyer (--unpaid-reason), e.g. 库存有限.",
    ),
    "notice.unpaid_meanwhile": QT_TRANSLATE_NOOP(
        "CoreMessages", "Order {order_no} was paid or closed before its payment reminder left: it was not sent."
    ),
    "notice.no_account": QT_TRANSLATE_NOOP("CoreMessages", "No SMS account named '{name}'."),
    "notice.no_code": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Template '{key}' has no approved template code from the SMS provider yet: set it with "
        "`packdesk notify template {key} --code SMS_...`, or copy the notice (--copy).",
    ),
    "notice.limit_reached": QT_TRANSLATE_NOOP(
        "CoreMessages", "{buyer} has had {limit} notices today, the most a buyer gets in a day; nothing was queued."
    ),
    "notice.limit_too_small": QT_TRANSLATE_NOOP(
        "CoreMessages", "The notices a buyer may get in a day must be 1 or more."
    ),
    "notice.hours_negative": QT_TRANSLATE_NOOP("CoreMessages", "The hours and days cannot be below 0."),
    "notice.breach_needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Notices before a breach need the reason they tell the buyer (--breach-reason) and how many days after the "
        "deadline you expect to ship (--breach-days).",
    ),
    "notice.split_needs_reason": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Notices on a split need the reason the rest comes later (--split-reason) and in how many days (--split-days).",
    ),
    "notice.account_name_missing": QT_TRANSLATE_NOOP("CoreMessages", "An SMS account needs a name."),
    "notice.unknown_provider": QT_TRANSLATE_NOOP(
        "CoreMessages", "Unknown SMS provider '{provider}'. Use one of: {known}."
    ),
    "notice.gateway_not_http": QT_TRANSLATE_NOOP(
        "CoreMessages", "The gateway '{gateway}' is not an http(s) address, e.g. https://dysmsapi.aliyuncs.com/"
    ),
    "notice.key_or_sign_missing": QT_TRANSLATE_NOOP(
        "CoreMessages", "An SMS account needs its AccessKey ID and its approved signature (sign name)."
    ),
    "notice.secret_missing": QT_TRANSLATE_NOOP("CoreMessages", "The AccessKey secret is missing."),
    "notice.secret_not_stored": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The secret of SMS account '{account}' is not stored here: add it again with `packdesk notify add-account`.",
    ),
    "notice.bad_code": QT_TRANSLATE_NOOP(
        "CoreMessages", "'{code}' is not a template code; the provider's codes look like SMS_123456789."
    ),
    "notice.nothing_to_check": QT_TRANSLATE_NOOP("CoreMessages", "Notice #{id} is not waiting for a check."),
    # Sending (app.sync.notice_push)
    "notice.account_gone": QT_TRANSLATE_NOOP(
        "CoreMessages", "The SMS account '{account}' of this notice no longer exists; nothing was sent."
    ),
    "notice.account_unreachable": QT_TRANSLATE_NOOP(
        "CoreMessages", "The SMS account '{account}' could not be reached in this round; the notice waits."
    ),
    "notice.cannot_check": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Unclear whether this notice went, and the provider refused the lookup ({words}). Check before resending: "
        "look for it in the SMS console, then run `packdesk notify checked ID --sent` or `--not-sent`.",
    ),
    "notice.waiting_record": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The last attempt's answer was lost and the provider has no record of it yet; PackDesk looks again before "
        "sending.",
    ),
    "notice.undelivered": QT_TRANSLATE_NOOP(
        "CoreMessages", "The provider took the message but could not deliver it ({code}); it is not sent again."
    ),
    "notice.verified": QT_TRANSLATE_NOOP(
        "CoreMessages", "Found at the provider after an unclear answer: it was sent once, not again."
    ),
    # The number the platform allows, asked at send time (app.sync.platform_numbers)
    "notice.platform_no_order": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Order {order_no} is no longer in PackDesk: its platform cannot be asked for the buyer's number.",
    ),
    "notice.platform_cannot_tell": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform cannot give a number for order {order_no}: send it with the number (--phone), or copy it "
        "into the chat window.",
    ),
    "notice.platform_no_mobile": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform gave no mobile number for order {order_no}: send it with the number (--phone), or copy it "
        "into the chat window.",
    ),
    "notice.platform_stale": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "Taobao says the address of order {order_no} changed since the last sync (its oaid is out of date): sync the "
        "shop, then send the notice again.",
    ),
    "notice.platform_extension": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform's number for order {order_no} is a virtual number with an extension: it takes calls, not "
        "messages. The notice is for the chat window: copy it there.",
    ),
    "notice.platform_expired": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform's virtual number for order {order_no} has expired: the notice is for the chat window, copy it "
        "there.",
    ),
    "notice.platform_refused": QT_TRANSLATE_NOOP(
        "CoreMessages", "The platform would not give the buyer's number for order {order_no}: {words}"
    ),
    "notice.platform_unreachable": QT_TRANSLATE_NOOP(
        "CoreMessages",
        "The platform could not be asked for the buyer's number of order {order_no} ({why}); the notice waits for "
        "the next round.",
    ),
    "notice.platform_garbled": QT_TRANSLATE_NOOP("CoreMessages", "its answer was not understood"),
    "notice.platform_not_asked": QT_TRANSLATE_NOOP("CoreMessages", "no platform connection was set up for it"),
    # The SMS provider's client (app.sync.aliyun_sms)
    "sms.refused": QT_TRANSLATE_NOOP("CoreMessages", "The SMS provider refused it: {words} ({code})"),
    "sms.failure.unreachable": QT_TRANSLATE_NOOP("CoreMessages", "cannot reach the SMS provider ({error})"),
    "sms.failure.http": QT_TRANSLATE_NOOP("CoreMessages", "the SMS provider answered HTTP {status}"),
    "sms.failure.limited": QT_TRANSLATE_NOOP("CoreMessages", "the SMS provider limited the calls for {seconds} s"),
    "sms.failure.busy": QT_TRANSLATE_NOOP("CoreMessages", "the SMS provider is busy"),
    "sms.offline": QT_TRANSLATE_NOOP(
        "CoreMessages", "The SMS provider could not be reached for {method}: {failure}. PackDesk will try again later."
    ),
    "sms.unclear.broke": QT_TRANSLATE_NOOP(
        "CoreMessages", "The connection to the SMS provider broke during {method}; the message may have gone."
    ),
    "sms.unclear.http": QT_TRANSLATE_NOOP(
        "CoreMessages", "The SMS provider failed (HTTP {status}) during {method}; the message may have gone."
    ),
    "sms.unclear.failed": QT_TRANSLATE_NOOP("CoreMessages", "The SMS provider failed during {method}: {words}"),
    # Parcels at risk (app.domain.parcel_risk)
    "risk.no_pickup": QT_TRANSLATE_NOOP("CoreMessages", "No pickup scan {hours} hours after shipping"),
    "risk.stalled": QT_TRANSLATE_NOOP("CoreMessages", "No movement for {hours} hours"),
    "risk.returned": QT_TRANSLATE_NOOP("CoreMessages", "On its way back: {step}"),
    "risk.signed_by_other": QT_TRANSLATE_NOOP("CoreMessages", "Signed for by someone else: {step}"),
}
