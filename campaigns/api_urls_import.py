"""``/api/v1/`` URL of bulk import; included under "api/v1/" by campaigns/api_urls.py."""

from django.urls import path

from campaigns import api_import

urlpatterns = [
    path("posts/import/", api_import.PostImportApi.as_view(), name="api-posts-import"),
]
