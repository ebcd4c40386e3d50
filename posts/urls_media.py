"""Media library URLs, included at the site root: every path starts with media-library/."""

from django.urls import path

from posts import views_media

urlpatterns = [
    path("media-library/", views_media.library, name="media-library"),
    path("media-library/upload/", views_media.upload, name="media-upload"),
    path("media-library/<int:pk>/file/", views_media.asset_file, name="media-file"),
    path("media-library/<int:pk>/thumbnail/", views_media.thumbnail, name="media-thumbnail"),
    path("media-library/<int:pk>/alt-text/", views_media.edit_alt_text, name="media-alt-text"),
    path("media-library/<int:pk>/delete/", views_media.delete, name="media-delete"),
    # For networks that fetch media themselves (Instagram): no login, a signed expiring token.
    path("media-library/signed/<str:token>/<str:filename>", views_media.serve_signed, name="media-signed"),
]
