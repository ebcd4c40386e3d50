"""Accounts URLs, split by area so each can grow on its own."""

from django.urls import include, path

urlpatterns = [
    path("", include("accounts.urls_auth")),
    path("", include("accounts.urls_organizations")),
    path("accounts/", include("accounts.urls_connections")),
]
