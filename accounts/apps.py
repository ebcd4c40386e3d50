from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and organizations"

    def ready(self) -> None:
        # Connects the receiver that counts failed logins per client address.
        from accounts import throttling  # noqa: F401


class AdminConfig(admin_apps.AdminConfig):
    """Django's admin with a site that requires two-factor authentication (accounts/admin_site.py).

    Named in INSTALLED_APPS in place of "django.contrib.admin"; ``default = False``
    keeps ``AccountsConfig`` the configuration of the "accounts" app.
    """

    default = False
    default_site = "accounts.admin_site.TwoFactorAdminSite"
