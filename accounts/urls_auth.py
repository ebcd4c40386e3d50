"""Signing up, in and out, passwords and two-factor authentication.

Names follow Django's auth views (``login``, ``password_reset``,
``password_reset_confirm`` …) so Django's own code and e-mails find them.
"""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import views_auth

urlpatterns = [
    path("signup/", views_auth.sign_up, name="signup"),
    path("login/", views_auth.LoginView.as_view(), name="login"),
    path("login/code/", views_auth.login_code, name="login-code"),
    path("logout/", views_auth.LogoutView.as_view(), name="logout"),
    path("password/change/", views_auth.PasswordChangeView.as_view(), name="password_change"),
    path("password/reset/", views_auth.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="registration/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views_auth.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="registration/password_reset_complete.html"),
        name="password_reset_complete",
    ),
    path("two-factor/", views_auth.two_factor_overview, name="two-factor"),
    path("two-factor/setup/", views_auth.two_factor_setup, name="two-factor-setup"),
    path("two-factor/backup-codes/", views_auth.two_factor_backup_codes, name="two-factor-backup-codes"),
    path("two-factor/disable/", views_auth.two_factor_disable, name="two-factor-disable"),
]
