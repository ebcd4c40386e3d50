"""The composer, the posts list and hashtag sets, included at the site root."""

from django.urls import path

from posts import views, views_comments, views_review

urlpatterns = [
    path("compose/", views.compose, name="compose"),
    path("compose/validate/", views.validate, name="compose-validate"),
    path("compose/autosave/", views.autosave, name="compose-autosave"),
    path("posts/", views.post_list, name="posts"),
    path("posts/<int:pk>/edit/", views.compose, name="post-edit"),
    path("posts/<int:pk>/duplicate/", views.duplicate, name="post-duplicate"),
    path("posts/<int:pk>/delete/", views.delete, name="post-delete"),
    path("posts/<int:pk>/comments/", views_comments.comments_page, name="post-comments"),
    path("posts/<int:pk>/comments/members/", views_comments.mention_suggestions, name="post-comment-members"),
    path("review/", views_review.review_page, name="review"),
    path("posts/<int:pk>/approve/", views_review.approve, name="post-approve"),
    path("posts/<int:pk>/request-changes/", views_review.request_changes, name="post-request-changes"),
    path("posts/<int:pk>/reject/", views_review.reject, name="post-reject"),
    path("hashtags/", views.hashtag_sets, name="hashtag-sets"),
    path("hashtags/<int:pk>/edit/", views.hashtag_set_edit, name="hashtag-set-edit"),
    path("hashtags/<int:pk>/delete/", views.hashtag_set_delete, name="hashtag-set-delete"),
]
