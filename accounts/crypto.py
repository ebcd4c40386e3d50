"""Encryption at rest for the networks' tokens.

Tokens are Fernet tokens made with ``settings.TOKEN_ENCRYPTION_KEYS``
(newest first). MultiFernet encrypts with the first key and decrypts with
any of them, so a new key can be put in front while old rows still read;
``manage.py rotate_token_keys`` then re-encrypts every row with the newest
key, after which the old key can be removed.

Nothing here logs, and no exception raised here carries a token or a key.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from physsocial.env import ConfigurationError

_HOW_TO_MAKE_A_KEY = (
    'make one with: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"'
)


class TokenDecryptionError(Exception):
    """A stored token was encrypted with a key no longer in TOKEN_ENCRYPTION_KEYS (or was altered)."""


@cache
def _fernets(keys: tuple[str, ...]) -> tuple[MultiFernet, Fernet]:
    if not keys:
        raise ConfigurationError(f"TOKEN_ENCRYPTION_KEYS is empty; {_HOW_TO_MAKE_A_KEY}.")
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except (ValueError, TypeError):
            # Never echo the key itself: it is a secret even when malformed.
            raise ConfigurationError(
                f"TOKEN_ENCRYPTION_KEYS entry {position} of {len(keys)} is not a Fernet key "
                f"(32 bytes in URL-safe base64, 44 characters); {_HOW_TO_MAKE_A_KEY}."
            ) from None
    return MultiFernet(fernets), fernets[0]


def _keys() -> tuple[MultiFernet, Fernet]:
    keys = settings.TOKEN_ENCRYPTION_KEYS
    if isinstance(keys, str):
        keys = [k.strip() for k in keys.split(",") if k.strip()]
    return _fernets(tuple(keys))


def check_keys() -> None:
    """Raise ConfigurationError now if a key is malformed, rather than at the first token."""
    _keys()


def encrypt_token(value: str) -> str:
    """The Fernet token for ``value`` with the newest key; "" stays "" (no token stored)."""
    if not value:
        return ""
    multi, _ = _keys()
    return multi.encrypt(value.encode()).decode("ascii")


#: The tokens this process decrypted lately, by the keys and the stored token: a worker publishes for
#: the same accounts again and again, and each publish decrypted both of an account's tokens. One
#: memo for the whole process, not one per thread: a worker's 16 threads each met most accounts for
#: the first time during a burst, so a memo per thread still decrypted nearly every time. Keyed by
#: what is stored, so a refreshed token (stored anew) is never answered from here, and by the keys,
#: so a key taken out of the settings opens nothing. Only in memory, as any token in use. A plain
#: dict: each get and set is atomic under the GIL, and two threads decrypting one token at once
#: both store the same answer.
_decrypted: dict[tuple[int, str], str] = {}
DECRYPTED_KEPT = 4096


def decrypt_token(stored: str) -> str:
    """The plain token; "" stays "". Raises TokenDecryptionError if no key opens it."""
    if not stored:
        return ""
    multi, _ = _keys()
    plain = _decrypted.get((id(multi), stored))
    if plain is not None:
        return plain
    try:
        plain = multi.decrypt(stored.encode("ascii")).decode()
    except (InvalidToken, UnicodeError):
        raise TokenDecryptionError(
            "A stored token cannot be decrypted with any key in TOKEN_ENCRYPTION_KEYS; "
            "was a key removed before rotate_token_keys ran?"
        ) from None
    if len(_decrypted) >= DECRYPTED_KEPT:
        _decrypted.clear()
    _decrypted[(id(multi), stored)] = plain
    return plain


def is_encrypted_with_newest_key(stored: str) -> bool:
    if not stored:
        return True
    _, newest = _keys()
    try:
        newest.decrypt(stored.encode("ascii"))
    except (InvalidToken, UnicodeError):
        return False
    return True


def reencrypt_token(stored: str) -> str:
    """``stored`` encrypted with the newest key (MultiFernet.rotate); raises TokenDecryptionError."""
    if not stored:
        return ""
    multi, _ = _keys()
    try:
        return multi.rotate(stored.encode("ascii")).decode("ascii")
    except (InvalidToken, UnicodeError):
        raise TokenDecryptionError(
            "A stored token cannot be decrypted with any key in TOKEN_ENCRYPTION_KEYS; "
            "was a key removed before rotate_token_keys ran?"
        ) from None
