"""``/api/v1/`` URLs for accounts; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from accounts import api

urlpatterns = [
    path("accounts/", api.AccountListApi.as_view(), name="api-accounts"),
]
