"""``/api/v1/`` URLs of campaigns, share kits and bulk import; included under "api/v1/"."""

from django.urls import include, path

urlpatterns = [
    path("", include("campaigns.api_urls_campaigns")),
    path("", include("campaigns.api_urls_kits")),
    path("", include("campaigns.api_urls_import")),
]
