"""The Django admin site, which requires two-factor authentication (django-otp's ``OTPAdminSite``).

It replaces Django's default site (``accounts.apps.AdminConfig``), so every
``@admin.register`` — ours and those of Django, django-otp and axes — lands on
it. A staff session not verified with a code is treated as not staff; the
admin then sends it to its login page, which is ours (``views_auth.admin_login``)
and leads to the two-factor step.
"""

from django_otp.admin import OTPAdminSite


class TwoFactorAdminSite(OTPAdminSite):
    def __init__(self, name: str = "admin"):
        # Named "admin" (not django-otp's "otpadmin") so reverse("admin:…") keeps working.
        super().__init__(name)
