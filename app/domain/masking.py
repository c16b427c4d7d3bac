"""Privacy masking of receivers' names and phone numbers, as the platforms' privacy waybills (隐私面单) show them.

What the cache stores: only masked receiver names and phone numbers. Taobao, Pinduoduo and JD deliver them masked
(张**, 138****5678) or encrypted; a platform, export or older release that hands over plaintext is masked on the way
in (`app.sync.store.upsert_orders`, migration 0008), so no list, export, log or label can show what the platform
hides. The address is kept whole: the carrier needs the street, and the platforms deliver it (masked or not) for the
label. A label that must carry the real name and number goes through the waybill provider's privacy path, which
decrypts inside the provider's print component; PackDesk never holds the plaintext.

The rules, applied identically everywhere (and idempotent: a masked value is returned as it is):
- a name keeps its first character and hides the rest behind two asterisks, whatever its length (欧阳明华 -> 欧**,
  王 -> 王**), so the mask does not even tell how long the name is;
- a mobile number keeps its first three and last four digits (13912345678 -> 139****5678; +86 and separators go);
- a landline keeps its area code and last four digits (0571-88886666 -> 0571-****6666, 010 12345678 -> 010-****5678);
- an extension (a virtual number's 分机号, 转801) stays readable after a dash: it identifies nobody;
- any other number of seven digits or more keeps at most three leading and the last four digits; shorter texts are no
  phone number and stay as they are.
"""

from __future__ import annotations

import re

NAME_MASK = "**"
_MASKS = ("*", "＊")  # a platform's masks, half- and full-width
_MOBILE = re.compile(r"(?:0086|86)?(1\d{10})")
_EXTENSION = re.compile(r"(?P<number>.*?\d)\s*(?:-|转|#|,|ext\.?|x)\s*(?P<ext>\d{1,6})", re.IGNORECASE)
_NOT_DIGIT = re.compile(r"\D")


def is_masked(text: str) -> bool:
    """True when `text` already carries a platform's mask (an asterisk, half- or full-width)."""
    return any(mask in text for mask in _MASKS)


def mask_name(name: str) -> str:
    """The first character and two asterisks: 欧阳明华 -> 欧**, 张三 -> 张**; an already masked name is left alone."""
    name = name.strip()
    if not name or is_masked(name):
        return name
    return name[0] + NAME_MASK


def mask_phone(phone: str) -> str:
    """Hides the middle digits: 13912345678 -> 139****5678, 0571-88886666 -> 0571-****6666, an extension stays."""
    text = phone.strip()
    if not text or is_masked(text):
        return text
    with_extension = _EXTENSION.fullmatch(text)
    if with_extension:
        number = _mask_known(with_extension["number"])
        if number is not None:
            return f"{number}-{with_extension['ext']}"
    known = _mask_known(text)
    if known is not None:
        return known
    digits = _NOT_DIGIT.sub("", text)
    if len(digits) < 7:
        return text
    head = min(3, max(0, len(digits) - 8))
    return digits[:head] + "*" * (len(digits) - head - 4) + digits[-4:]


def _mask_known(text: str) -> str | None:
    """A Chinese mobile or landline number masked, None when `text` is neither."""
    digits = _NOT_DIGIT.sub("", text)
    mobile = _MOBILE.fullmatch(digits)
    if mobile:
        number = mobile[1]
        return number[:3] + "****" + number[-4:]
    if digits.startswith("0"):
        area = 3 if digits[1:2] in ("1", "2") else 4  # 010 and 02x are the three-digit area codes
        local = digits[area:]
        if 7 <= len(local) <= 8:
            return f"{digits[:area]}-{'*' * (len(local) - 4)}{local[-4:]}"
    return None
