"""PINs, kept only as salted PBKDF2 hashes (services layer): the supervisor's (in config.toml) for what a packer
alone may not do (bind an unknown code, confirm a line by hand, override a STOP), and the packers' (in the database).

How many wrong PINs may be tried, and how fast, is app.services.pin_guard's business.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from app.domain.errors import PackDeskError
from app.domain.messages import msg

# OWASP's figure for PBKDF2-HMAC-SHA256 (2023): about 0.15 s per check here. A stolen hash of a 6-digit PIN then
# costs days of CPU to try every PIN, instead of the seconds 100 000 rounds of a 4-digit PIN took.
ITERATIONS = 600_000
OLD_ITERATIONS = 100_000  # hashes written before the count was stored in them ("pbkdf2$salt$hash")
SUPERVISOR_DIGITS = 6  # the shortest supervisor PIN
PACKER_DIGITS = 4  # the shortest packer PIN: a packer's sign-in is locked after a few wrong tries anyway
LONGEST = 12


class NotAllowed(PackDeskError):
    code = "not_allowed"


class WrongPin(NotAllowed):
    """The PIN did not match (what app.services.pin_guard counts)."""

    code = "wrong_pin"


def hash_pin(pin: str, salt: bytes | None = None, *, supervisor: bool = False) -> str:
    """'pbkdf2$<iterations>$<salt hex>$<hash hex>' for a PIN of digits only.

    Args:
        pin: 4 to 12 digits for a packer, 6 to 12 for the supervisor.
        salt: for tests that need a fixed hash (default: 16 random bytes).
        supervisor: apply the supervisor's rule (at least 6 digits).

    Raises:
        NotAllowed: the PIN is not digits only, too short or too long.
    """
    shortest = SUPERVISOR_DIGITS if supervisor else PACKER_DIGITS
    if not (pin.isdigit() and shortest <= len(pin) <= LONGEST):
        rule = "pin.supervisor_digits" if supervisor else "pin.packer_digits"
        raise NotAllowed(msg(rule, shortest=shortest, longest=LONGEST))
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, ITERATIONS)
    return f"pbkdf2${ITERATIONS}${salt.hex()}${digest.hex()}"


def hash_supervisor_pin(pin: str) -> str:
    """The hash of a new supervisor PIN (6 to 12 digits)."""
    return hash_pin(pin, supervisor=True)


def check_pin(stored: str, pin: str) -> None:
    """Raises WrongPin unless `pin` matches the stored hash, NotAllowed when there is no usable hash (a missing hash
    allows nothing)."""
    if not stored:
        raise NotAllowed(msg("pin.supervisor_not_set"))
    damaged = NotAllowed(msg("pin.supervisor_damaged"))
    parts = stored.split("$")
    try:
        if len(parts) == 3:
            scheme, salt_hex, digest_hex = parts
            iterations = OLD_ITERATIONS
        else:
            scheme, rounds, salt_hex, digest_hex = parts
            iterations = int(rounds)
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        raise damaged from None
    if scheme != "pbkdf2" or not 1 <= iterations <= 10 * ITERATIONS:
        raise damaged
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations).hex()
    if not hmac.compare_digest(digest, digest_hex):
        raise WrongPin(msg("pin.supervisor_wrong"))
