from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and organizations"

    def ready(self) -> None:
        # Connects the receiver that counts failed logins per client address.
        from accounts import throttling  # noqa: F401
