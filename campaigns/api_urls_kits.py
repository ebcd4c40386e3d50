"""``/api/v1/`` URLs of the share kits: the members' kits and adopting, the kit and its figures for staff."""

from django.urls import path

from campaigns import api_kits

urlpatterns = [
    path("share-kits/", api_kits.ShareKitListApi.as_view(), name="api-share-kits"),
    path("share-kits/<int:suggestion_id>/adopt/", api_kits.AdoptApi.as_view(), name="api-share-kit-adopt"),
    path(
        "campaigns/<int:campaign_id>/suggestions/",
        api_kits.SuggestionListCreateApi.as_view(),
        name="api-campaign-suggestions",
    ),
    path(
        "campaigns/<int:campaign_id>/suggestions/<int:pk>/",
        api_kits.SuggestionDetailApi.as_view(),
        name="api-campaign-suggestion",
    ),
    path("campaigns/<int:campaign_id>/adoption/", api_kits.CampaignAdoptionApi.as_view(), name="api-campaign-adoption"),
]
