"""``/api/v1/`` URLs for the privacy guard's decisions; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from posts import api_privacy

urlpatterns = [
    path("posts/<int:pk>/privacy/release/", api_privacy.PostReleaseApi.as_view(), name="api-post-privacy-release"),
    path(
        "posts/<int:pk>/privacy/dismissals/",
        api_privacy.PostDismissalsApi.as_view(),
        name="api-post-privacy-dismissals",
    ),
    path(
        "posts/<int:pk>/privacy/dismissals/<int:dismissal_id>/",
        api_privacy.PostDismissalApi.as_view(),
        name="api-post-privacy-dismissal",
    ),
]
