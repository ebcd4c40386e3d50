"""Page URLs of campaigns, share kits and bulk import; included by physsocial/urls.py at the root."""

from django.urls import include, path

urlpatterns = [
    path("", include("campaigns.urls_campaigns")),
    path("", include("campaigns.urls_kits")),
    path("", include("campaigns.urls_import")),
]
