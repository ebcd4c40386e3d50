"""Re-encrypt every stored token with the newest key in TOKEN_ENCRYPTION_KEYS.

Put the new key first, restart, run this, then drop the old keys. Running
it again changes nothing: rows already on the newest key are left alone.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import crypto
from accounts.models import ConnectedAccount

TOKEN_FIELDS = ("access_token_encrypted", "refresh_token_encrypted")


class Command(BaseCommand):
    help = "Re-encrypt every stored network token with the newest key in TOKEN_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        try:
            crypto.check_keys()
        except crypto.ConfigurationError as exc:
            raise CommandError(str(exc)) from None
        rotated = current = unreadable = 0
        for pk in ConnectedAccount.objects.order_by("pk").values_list("pk", flat=True).iterator():
            # One short transaction per row, locked, so a token refresh running
            # meanwhile is not overwritten with the old token re-encrypted.
            with transaction.atomic():
                account = ConnectedAccount.objects.select_for_update().filter(pk=pk).first()
                if account is None:
                    continue
                changed = []
                for field in TOKEN_FIELDS:
                    stored = getattr(account, field)
                    if not stored:
                        continue
                    if crypto.is_encrypted_with_newest_key(stored):
                        current += 1
                        continue
                    try:
                        setattr(account, field, crypto.reencrypt_token(stored))
                    except crypto.TokenDecryptionError:
                        unreadable += 1
                        name = field.removesuffix("_encrypted")
                        self.stderr.write(f"Account {pk}: the {name} opens with no key.")
                        continue
                    changed.append(field)
                    rotated += 1
                if changed:
                    account.save(update_fields=changed)
        self.stdout.write(
            f"Re-encrypted {rotated} token(s) with the newest key; {current} already used it"
            + (f"; {unreadable} could not be decrypted with any key." if unreadable else ".")
        )
        if unreadable:
            raise CommandError(
                f"{unreadable} token(s) could not be decrypted: "
                "keep the old key(s) until those accounts are reconnected."
            )
