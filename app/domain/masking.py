"""Privacy masking of names and phone numbers, as the platforms deliver them (domain layer)."""

from __future__ import annotations

import re


def mask_name(name: str) -> str:
    """Keeps the first character: 张三丰 -> 张**; an already masked name is left alone."""
    name = name.strip()
    if not name or "*" in name:
        return name
    return name[0] + "*" * max(1, len(name) - 1)


def mask_phone(phone: str) -> str:
    """Masks the middle digits of a mobile number: 13812345678 -> 138****5678."""
    digits = re.sub(r"\D", "", phone)
    if "*" in phone or len(digits) < 7:
        return phone
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
