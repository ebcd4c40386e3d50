"""Share kits' pages: the kit editor and adoption figures under a campaign, the members' kits."""

from django.urls import path

from campaigns import views_kits

urlpatterns = [
    path("campaigns/<int:pk>/kit/", views_kits.kit, name="campaign-kit"),
    path("campaigns/<int:campaign_pk>/kit/<int:pk>/edit/", views_kits.suggestion_edit, name="suggestion-edit"),
    path("campaigns/<int:campaign_pk>/kit/<int:pk>/delete/", views_kits.suggestion_delete, name="suggestion-delete"),
    path("campaigns/<int:campaign_pk>/kit/<int:pk>/move/", views_kits.suggestion_move, name="suggestion-move"),
    path("campaigns/<int:pk>/adoption/", views_kits.adoption, name="campaign-adoption"),
    path("share-kits/", views_kits.share_kits, name="share-kits"),
    path("share-kits/<int:pk>/adopt/", views_kits.adopt, name="share-kit-adopt"),
]
