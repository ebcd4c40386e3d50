"""The privacy guard's decisions on a post's page (release, ask for a release, "not a patient", undo)."""

from django.urls import path

from posts import views_privacy

urlpatterns = [
    path("posts/<int:pk>/privacy/release/", views_privacy.release, name="post-privacy-release"),
    path("posts/<int:pk>/privacy/ask-release/", views_privacy.ask_release, name="post-privacy-ask-release"),
    path("posts/<int:pk>/privacy/dismiss/", views_privacy.dismiss, name="post-privacy-dismiss"),
    path(
        "posts/<int:pk>/privacy/dismissals/<int:dismissal_id>/undo/",
        views_privacy.undo_dismissal,
        name="post-privacy-undo-dismissal",
    ),
]
