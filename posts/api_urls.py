"""``/api/v1/`` URLs for posts and media; included by physsocial/urls.py under "api/v1/"."""

from django.urls import path

from posts import api, api_comments, api_media, api_review

urlpatterns = [
    path("posts/", api.PostListCreateApi.as_view(), name="api-posts"),
    path("posts/validate/", api.PostValidateApi.as_view(), name="api-posts-validate"),
    path("posts/<int:pk>/", api.PostDetailApi.as_view(), name="api-post"),
    path("posts/<int:pk>/approve/", api_review.PostApproveApi.as_view(), name="api-post-approve"),
    path(
        "posts/<int:pk>/request-changes/", api_review.PostRequestChangesApi.as_view(), name="api-post-request-changes"
    ),
    path("posts/<int:pk>/reject/", api_review.PostRejectApi.as_view(), name="api-post-reject"),
    path("posts/<int:pk>/comments/", api_comments.PostCommentsApi.as_view(), name="api-post-comments"),
    path("media/", api_media.MediaUploadApi.as_view(), name="api-media"),
    path("media/<int:pk>/", api_media.MediaDetailApi.as_view(), name="api-media-detail"),
]
