"""The project's URLs plus the API's, until physsocial/urls.py includes them itself."""

from django.urls import include, path

from physsocial.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path("api/v1/", include("accounts.api_urls")),
    path("api/v1/", include("posts.api_urls")),
    path("settings/api-tokens/", include("accounts.urls_api_tokens")),
    *project_urlpatterns,
]
