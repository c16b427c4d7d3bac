"""The supervisor's PIN: what a packer alone may not do (bind an unknown code, confirm a line by hand, override a
STOP) needs it. Only a salted PBKDF2 hash is kept, in config.toml."""

from __future__ import annotations

import hashlib
import hmac
import os

from app.domain.errors import PackDeskError

ITERATIONS = 100_000


class NotAllowed(PackDeskError):
    code = "not_allowed"


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """'pbkdf2$<salt hex>$<hash hex>' for a PIN of 4 to 12 digits.

    Raises:
        NotAllowed: the PIN is not 4-12 digits.
    """
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        raise NotAllowed("A supervisor PIN is 4 to 12 digits.")
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)
    return f"pbkdf2${salt.hex()}${digest.hex()}"


def check_pin(stored: str, pin: str) -> None:
    """Raises NotAllowed unless `pin` matches the stored hash (a missing hash allows nothing)."""
    if not stored:
        raise NotAllowed("No supervisor PIN is set on this station: set one with `packdesk supervisor pin`.")
    try:
        scheme, salt_hex, digest_hex = stored.split("$")
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        raise NotAllowed("The supervisor PIN in config.toml is damaged: set it again.") from None
    if scheme != "pbkdf2":
        raise NotAllowed("The supervisor PIN in config.toml is damaged: set it again.")
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS).hex()
    if not hmac.compare_digest(digest, digest_hex):
        raise NotAllowed("Wrong supervisor PIN.")
