"""``/api/v1/`` URLs for posts and media; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from posts import api_media

urlpatterns = [
    path("media/", api_media.MediaUploadApi.as_view(), name="api-media"),
    path("media/<int:pk>/", api_media.MediaDetailApi.as_view(), name="api-media-detail"),
]
