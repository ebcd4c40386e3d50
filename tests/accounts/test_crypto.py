"""Tokens are encrypted at rest with rotatable Fernet keys and never shown."""

import threading

import pytest
from cryptography.fernet import Fernet, MultiFernet
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from accounts import crypto
from accounts.models import ConnectedAccount

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
ACCESS = "access-token-that-must-never-be-seen-1234"
REFRESH = "refresh-token-that-must-never-be-seen-5678"


@pytest.fixture(autouse=True)
def keys(settings):
    settings.TOKEN_ENCRYPTION_KEYS = [KEY_A]
    return settings


@pytest.fixture
def account(org):
    account = ConnectedAccount(
        organization=org, network="twitter", kind="x_user", external_id="2244994945", display_name="Dr. Ada"
    )
    account.access_token = ACCESS
    account.refresh_token = REFRESH
    account.save()
    return account


def stored_columns(account) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT access_token_encrypted, refresh_token_encrypted FROM accounts_connectedaccount WHERE id = %s",
            [account.pk],
        )
        return cursor.fetchone()


def test_the_database_holds_only_ciphertext_and_the_model_reads_the_token_back(account):
    access_column, refresh_column = stored_columns(account)

    assert ACCESS not in access_column and REFRESH not in refresh_column
    assert Fernet(KEY_A).decrypt(access_column.encode()).decode() == ACCESS
    reloaded = ConnectedAccount.objects.get(pk=account.pk)
    assert (reloaded.access_token, reloaded.refresh_token) == (ACCESS, REFRESH)


def test_an_empty_token_is_stored_as_nothing_rather_than_as_ciphertext(account):
    account.refresh_token = ""
    account.save()

    assert stored_columns(account)[1] == ""
    assert not ConnectedAccount.objects.get(pk=account.pk).has_refresh_token


def test_no_token_appears_in_the_accounts_repr_or_str(account):
    shown = repr(account) + str(account) + repr(ConnectedAccount.objects.filter(pk=account.pk))

    assert ACCESS not in shown and REFRESH not in shown


def test_a_malformed_key_stops_with_a_configuration_error_that_names_its_position_but_not_the_key(keys):
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_A, "not-a-fernet-key-but-still-a-secret"]

    with pytest.raises(crypto.ConfigurationError) as e:
        crypto.encrypt_token("anything")

    assert "entry 2 of 2" in str(e.value)
    assert "not-a-fernet-key" not in str(e.value)


def test_no_keys_at_all_is_a_configuration_error(keys):
    keys.TOKEN_ENCRYPTION_KEYS = []

    with pytest.raises(crypto.ConfigurationError, match="TOKEN_ENCRYPTION_KEYS is empty"):
        crypto.encrypt_token("anything")


def test_a_new_key_in_front_still_reads_tokens_written_with_the_old_one(account, keys):
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B, KEY_A]

    assert ConnectedAccount.objects.get(pk=account.pk).access_token == ACCESS


def test_rotate_token_keys_reencrypts_every_token_with_the_newest_key(account, keys, capsys):
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B, KEY_A]

    call_command("rotate_token_keys")

    assert "Re-encrypted 2 token(s) with the newest key; 0 already used it." in capsys.readouterr().out
    access_column, refresh_column = stored_columns(account)
    assert Fernet(KEY_B).decrypt(access_column.encode()).decode() == ACCESS
    assert Fernet(KEY_B).decrypt(refresh_column.encode()).decode() == REFRESH
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B]  # the old key can now go
    reloaded = ConnectedAccount.objects.get(pk=account.pk)
    assert (reloaded.access_token, reloaded.refresh_token) == (ACCESS, REFRESH)


def test_rotating_twice_changes_nothing_the_second_time(account, keys, capsys):
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B, KEY_A]
    call_command("rotate_token_keys")
    capsys.readouterr()
    columns_after_first_run = stored_columns(account)

    call_command("rotate_token_keys")

    assert "Re-encrypted 0 token(s) with the newest key; 2 already used it." in capsys.readouterr().out
    assert stored_columns(account) == columns_after_first_run


def test_a_token_no_key_opens_is_reported_without_showing_it(account, keys, capsys):
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B]  # KEY_A dropped before rotating

    with pytest.raises(crypto.TokenDecryptionError) as e:
        _ = ConnectedAccount.objects.get(pk=account.pk).access_token
    with pytest.raises(CommandError, match="2 token"):
        call_command("rotate_token_keys")

    output = capsys.readouterr()
    for text in (str(e.value), output.out, output.err):
        assert ACCESS not in text and REFRESH not in text
    assert stored_columns(account)[0] != ""  # nothing was thrown away


def test_a_token_read_before_its_key_was_dropped_is_not_opened_from_memory(account, keys):
    # The process keeps the tokens it decrypted lately; the keys are part of what it remembers by.
    assert ConnectedAccount.objects.get(pk=account.pk).access_token == ACCESS
    keys.TOKEN_ENCRYPTION_KEYS = [KEY_B]

    with pytest.raises(crypto.TokenDecryptionError):
        _ = ConnectedAccount.objects.get(pk=account.pk).access_token


def test_a_token_stored_anew_is_read_anew(account):
    assert ConnectedAccount.objects.get(pk=account.pk).access_token == ACCESS
    account.access_token = "a-refreshed-access-token"
    account.save()

    assert ConnectedAccount.objects.get(pk=account.pk).access_token == "a-refreshed-access-token"


def test_a_token_one_worker_thread_decrypted_is_not_decrypted_again_by_another(account, monkeypatch):
    # A worker's threads publish for the same accounts: one memo for the process, not one per thread.
    stored = stored_columns(account)[0]
    assert crypto.decrypt_token(stored) == ACCESS
    decrypted = []
    monkeypatch.setattr(MultiFernet, "decrypt", lambda self, token: decrypted.append(token))
    answers = []

    other = threading.Thread(target=lambda: answers.append(crypto.decrypt_token(stored)))
    other.start()
    other.join()

    assert answers == [ACCESS]
    assert decrypted == []
