"""Settings → API tokens; included by physsocial/urls.py under "settings/api-tokens/"."""

from django.urls import path

from accounts import views_api_tokens as views

urlpatterns = [
    path("", views.api_tokens, name="api-tokens"),
    path("<int:pk>/revoke/", views.revoke, name="api-token-revoke"),
]
