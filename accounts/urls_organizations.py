"""Organizations, members and invitations. Fixed paths come before ``<slug>`` (see services.RESERVED_SLUGS)."""

from django.urls import path

from accounts import views_organizations as views

urlpatterns = [
    path("organizations/", views.organization_list, name="organization-list"),
    path("organizations/new/", views.organization_create, name="organization-create"),
    # The navigation's "Organization" link: the page of the organization in use.
    path("organizations/current/", views.organization_current, name="organization"),
    path("organizations/switch/", views.organization_switch, name="organization-switch"),
    path("organizations/<slug:slug>/", views.organization_detail, name="organization-detail"),
    path("organizations/<slug:slug>/edit/", views.organization_update, name="organization-update"),
    path("organizations/<slug:slug>/leave/", views.organization_leave, name="organization-leave"),
    path("organizations/<slug:slug>/delete/", views.organization_delete, name="organization-delete"),
    path("organizations/<slug:slug>/invitations/", views.invitation_create, name="invitation-create"),
    path(
        "organizations/<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("organizations/<slug:slug>/members/<int:pk>/role/", views.member_role, name="member-role"),
    path("organizations/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member-remove"),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
