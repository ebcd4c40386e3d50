"""The Django admin for staff: people, organizations, memberships, invitations and connected accounts.

Secrets never appear here: invitation tokens (a link that lets someone join)
and social account tokens are left out of every page, list and search.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm

from accounts.models import ApiToken, ConnectedAccount, Invitation, Membership, Notification, Organization, User


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


class MembershipOfUserInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    autocomplete_fields = ["organization"]
    fields = ["organization", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "display_name", "professional_title", "is_active", "is_staff", "date_joined"]
    list_filter = ["is_active", "is_staff", "is_superuser"]
    search_fields = ["email", "display_name"]
    readonly_fields = ["last_login", "date_joined"]
    inlines = [MembershipOfUserInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "professional_title", "time_zone"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]}),
        ("Dates", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "usable_password", "password1", "password2"]}),
    ]

    def get_inlines(self, request, obj):
        # Memberships are added once the user exists, like Django's own two-step user creation.
        return self.inlines if obj is not None else []


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organization"
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "kind", "time_zone", "requires_two_factor", "created_at"]
    list_filter = ["kind", "requires_two_factor"]
    search_fields = ["name", "slug"]
    # The logo is uploaded on the organization's page, which strips its metadata (services.sanitize_logo).
    readonly_fields = ["created_at", "logo"]
    inlines = [MembershipInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        # Deleting goes through the organization's page: it revokes the network tokens and deletes stored files.
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organization", "role", "created_at"]
    list_filter = ["role", "organization__kind"]
    search_fields = ["user__email", "user__display_name", "organization__name"]
    autocomplete_fields = ["user", "organization"]
    list_select_related = ["user", "organization"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organization", "role", "status", "invited_by", "created_at", "expires_at"]
    list_filter = ["role"]
    search_fields = ["email", "organization__name"]
    list_select_related = ["organization", "invited_by"]
    # The token is a key to the organization: never shown. New invitations go
    # through the organization page, which also sends the e-mail.
    fields = ["organization", "email", "role", "invited_by", "created_at", "expires_at", "accepted_at",
              "accepted_by", "revoked_at"]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="Status")
    def status(self, obj: Invitation) -> str:
        return obj.status.label


def _is_secret(field_name: str) -> bool:
    # Expiry times are not secret and help staff see why an account needs reconnecting.
    return ("token" in field_name or "secret" in field_name) and not field_name.endswith("_expires_at")


#: Every ConnectedAccount field except the encrypted tokens, found by name so a
#: token field added later stays hidden without anyone remembering this file.
CONNECTED_ACCOUNT_FIELDS = [f.name for f in ConnectedAccount._meta.fields if f.name != "id" and not _is_secret(f.name)]


@admin.register(ConnectedAccount)
class ConnectedAccountAdmin(admin.ModelAdmin):
    """Read-only: connecting and disconnecting go through the app, which talks to the network."""

    list_display = ["display_name", "network", "organization", "status"]
    list_filter = ["network", "status"]
    search_fields = ["display_name", "handle", "organization__name"]
    list_select_related = ["organization"]
    fields = CONNECTED_ACCOUNT_FIELDS
    readonly_fields = CONNECTED_ACCOUNT_FIELDS

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only, never the key's digest: staff may see who has tokens, and revoke them by deleting."""

    list_display = ["name", "prefix", "user", "organization", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["organization"]
    search_fields = ["name", "prefix", "user__email"]
    list_select_related = ["user", "organization"]
    fields = ["name", "prefix", "user", "organization", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "user", "organization", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["title", "user__email"]
    list_select_related = ["user", "organization"]
    readonly_fields = ["user", "organization", "kind", "title", "body", "link", "created_at", "read_at"]

    def has_add_permission(self, request) -> bool:
        return False
