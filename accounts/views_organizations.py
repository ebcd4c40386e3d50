"""Organization pages: details and settings, members, invitations, the switcher.

Each view fetches through ``accounts.permissions`` (an outsider gets 404, a
member without the role 403), calls one service and redirects; a service's
ValidationError re-renders the page with the message next to the field.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts import permissions, services
from accounts.forms_organizations import (
    InvitationForm,
    InvitationSignUpForm,
    OrganizationCreateForm,
    OrganizationDeleteForm,
    OrganizationUpdateForm,
    RoleForm,
    SwitchOrganizationForm,
)
from accounts.models import Invitation, Membership, Organization, Role, User
from accounts.privacy_policy import policy_blocking
from accounts.views_connections import revocation_message
from physsocial.web import add_service_error, is_htmx


def _member_row(viewer: Membership, member: Membership, errors: list[str] | None = None) -> dict:
    """What the member list shows ``viewer`` about ``member``, and which controls."""
    manageable = permissions.may_manage_member(viewer, member)
    return {
        "membership": member,
        "manageable": manageable,
        "role_form": RoleForm(
            initial={"role": member.role},
            allowed_roles=permissions.roles_grantable_by(viewer.role),
            prefix=f"m{member.pk}",
        )
        if manageable
        else None,
        "errors": errors or [],
    }


def _render_member_row(request: HttpRequest, member: Membership, *, errors: list[str] | None = None, note: str = ""):
    """The member's table row alone, for htmx; errors come back with 200 because htmx swaps only 2xx answers."""
    organization = member.organization
    viewer = permissions.require(request.user, "org.manage_members", organization)
    context = {
        "row": _member_row(viewer, member, errors),
        "organization": organization,
        "may_manage": True,
        "note": note,
    }
    return render(request, "organizations/_member_row.html", context)


def _removed(request: HttpRequest, slug: str, *, note: str) -> HttpResponse:
    """After removing a row: for htmx, the note in the row's place; otherwise the page, with the note."""
    if is_htmx(request):
        return render(request, "organizations/_removed_row.html", {"note": note, "columns": 4})
    messages.success(request, note)
    return redirect("organization-detail", slug=slug)


def _render_detail(
    request: HttpRequest,
    organization: Organization,
    *,
    update_form: OrganizationUpdateForm | None = None,
    invite_form: InvitationForm | None = None,
    member_errors: dict[int, list[str]] | None = None,
    page_errors: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    membership = permissions.require(request.user, "org.view", organization)
    role = membership.role
    may_manage = permissions.role_allows(role, "org.manage_members")
    grantable = permissions.roles_grantable_by(role)
    members = [
        _member_row(membership, member, (member_errors or {}).get(member.pk))
        for member in organization.memberships.select_related("user").order_by("user__display_name", "user__email")
    ]
    context = {
        "organization": organization,
        "membership": membership,
        "members": members,
        "may_edit": permissions.role_allows(role, "org.edit"),
        "may_delete": permissions.role_allows(role, "org.delete"),
        "may_manage": may_manage,
        "invitations": organization.invitations.pending().select_related("invited_by") if may_manage else [],
        "update_form": update_form or OrganizationUpdateForm.for_organization(organization),
        "invite_form": invite_form or InvitationForm(allowed_roles=grantable),
        "page_errors": page_errors or [],
        "is_only_owner": membership.is_owner
        and not organization.memberships.owners().exclude(pk=membership.pk).exists(),
    }
    return render(request, "organizations/detail.html", context, status=status)


@login_required
def organization_list(request: HttpRequest) -> HttpResponse:
    memberships = Membership.objects.for_user(request.user)
    return render(request, "organizations/list.html", {"memberships": memberships})


@login_required
def organization_current(request: HttpRequest) -> HttpResponse:
    """The navigation's "Organization" link: the page of the organization in use."""
    if request.organization is None:
        return redirect("organization-list")
    return redirect("organization-detail", slug=request.organization.slug)


@login_required
@require_http_methods(["GET", "POST"])
def organization_create(request: HttpRequest) -> HttpResponse:
    form = OrganizationCreateForm(request.POST or None, initial={"time_zone": request.user.time_zone})
    if request.method == "POST" and form.is_valid():
        try:
            organization = services.create_organization(by=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_error(form, e)
        else:
            services.switch_active_organization(user=request.user, organization=organization, session=request.session)
            messages.success(
                request,
                _("%(organization)s is ready. Invite your colleagues below.") % {"organization": organization},
            )
            return redirect("organization-detail", slug=organization.slug)
    status = 400 if form.is_bound else 200
    return render(request, "organizations/create.html", {"form": form}, status=status)


@login_required
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = permissions.get_organization(request.user, slug, "org.view")
    return _render_detail(request, organization)


@login_required
@require_POST
def organization_update(request: HttpRequest, slug: str) -> HttpResponse:
    organization = permissions.get_organization(request.user, slug, "org.edit")
    form = OrganizationUpdateForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        changes = {
            "name": data["name"],
            "time_zone": data["time_zone"],
            "requires_two_factor": data["requires_two_factor"],
            "alt_text_required": data["alt_text_required"],
            "late_window_minutes": data["late_window_minutes"],
            "approval_required_for": data["approval_required_for"] or None,
            "editors_may_approve": data["editors_may_approve"],
            "may_approve_own_posts": data["may_approve_own_posts"],
        }
        if data["privacy_policy_shown"]:
            changes["privacy_policy"] = policy_blocking(data["privacy_blocked"])
        if data["logo"]:
            changes["logo"] = data["logo"]
        elif data["remove_logo"]:
            changes["logo"] = None
        try:
            services.update_organization(organization, by=request.user, **changes)
        except ValidationError as e:
            add_service_error(form, e)
            organization.refresh_from_db()
        else:
            messages.success(request, _("Saved."))
            return redirect("organization-detail", slug=organization.slug)
    return _render_detail(request, organization, update_form=form, status=400)


@login_required
@require_POST
def invitation_create(request: HttpRequest, slug: str) -> HttpResponse:
    organization = permissions.get_organization(request.user, slug, "org.manage_members")
    grantable = permissions.roles_grantable_by(permissions.role_of(request.user, organization))
    form = InvitationForm(request.POST, allowed_roles=grantable)
    if form.is_valid():
        try:
            sent = services.invite_member(organization, by=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_error(form, e)
        else:
            email = sent.invitation.email
            if sent.withdrew_earlier:
                note = _("Invitation sent to %(email)s. The link sent to them earlier no longer works.")
            else:
                note = _("Invitation sent to %(email)s.")
            messages.success(request, note % {"email": email})
            if settings.DEBUG:
                # No real mail leaves a development server; the link is otherwise only in the console.
                url = services.invitation_url(sent.invitation)
                link = format_html('<a href="{}">{}</a>', url, url)
                messages.info(request, format_html(_("Development only: the invitation link is {link}"), link=link))
            return redirect("organization-detail", slug=organization.slug)
    return _render_detail(request, organization, invite_form=form, status=400)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    invitation = permissions.get_object(
        request.user, Invitation.objects.filter(organization__slug=slug), pk, "org.manage_members"
    )
    try:
        services.revoke_invitation(invitation, by=request.user)
    except ValidationError as e:
        return _render_detail(request, invitation.organization, page_errors=e.messages, status=400)
    return _removed(request, slug, note=f"The invitation for {invitation.email} was withdrawn.")


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = permissions.get_object(
        request.user, Membership.objects.filter(organization__slug=slug), pk, "org.manage_members"
    )
    organization = membership.organization
    form = RoleForm(request.POST, prefix=f"m{pk}", allowed_roles=list(Role.values))
    if form.is_valid():
        try:
            services.change_role(membership, role=form.cleaned_data["role"], by=request.user)
        except ValidationError as e:
            errors = e.messages
        else:
            done = f"{membership.user} is now {membership.get_role_display().lower()}."
            if is_htmx(request):
                return _render_member_row(request, membership, note=done)
            messages.success(request, done)
            return redirect("organization-detail", slug=slug)
    else:
        errors = [str(m) for msgs in form.errors.values() for m in msgs]
    membership.refresh_from_db()
    if is_htmx(request):
        return _render_member_row(request, membership, errors=errors)
    return _render_detail(request, organization, member_errors={membership.pk: errors}, status=400)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    membership = permissions.get_object(
        request.user, Membership.objects.filter(organization__slug=slug), pk, "org.manage_members"
    )
    try:
        services.remove_member(membership, by=request.user)
    except ValidationError as e:
        if is_htmx(request):
            return _render_member_row(request, membership, errors=e.messages)
        return _render_detail(request, membership.organization, member_errors={membership.pk: e.messages}, status=400)
    return _removed(request, slug, note=f"{membership.user} was removed from {membership.organization}.")


@login_required
@require_POST
def organization_leave(request: HttpRequest, slug: str) -> HttpResponse:
    organization = permissions.get_organization(request.user, slug, "org.leave")
    try:
        services.leave_organization(organization, user=request.user)
    except ValidationError as e:
        return _render_detail(request, organization, page_errors=e.messages, status=400)
    messages.success(request, _("You left %(organization)s.") % {"organization": organization})
    return redirect("organization-list")


@login_required
@require_http_methods(["GET", "POST"])
def organization_delete(request: HttpRequest, slug: str) -> HttpResponse:
    """Delete an organization, once its owner has typed its name."""
    organization = permissions.get_organization(request.user, slug, "org.delete")
    form = OrganizationDeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deletion = services.delete_organization(
                organization, by=request.user, confirm_name=form.cleaned_data["confirm_name"]
            )
        except ValidationError as e:
            add_service_error(form, e)
        else:
            done = _("%(name)s was deleted, with its posts, media and connected accounts.") % {"name": deletion.name}
            messages.success(request, done)
            for revocation in deletion.not_revoked:
                messages.warning(request, revocation_message(revocation.account_name + ":", revocation))
            return redirect("organization-list")
    context = {
        "organization": organization,
        "form": form,
        "accounts": organization.connected_accounts.shown(),
    }
    return render(request, "organizations/delete.html", context, status=400 if form.is_bound else 200)


def _safe_next(request: HttpRequest, candidate: str | None) -> str | None:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None


@login_required
@require_POST
def organization_switch(request: HttpRequest) -> HttpResponse:
    """Make another organization the active one and go back to where the switcher was used."""
    form = SwitchOrganizationForm(request.POST)
    if not form.is_valid():
        raise Http404(_("No such organization."))
    # The switcher sends the id; links elsewhere may send the slug (never all digits, see services._unique_slug).
    value = form.cleaned_data["organization"]
    if value.isdigit():
        organization = permissions.get_object(
            request.user, Organization.objects, int(value), "org.switch", org_field=""
        )
    else:
        organization = permissions.get_organization(request.user, value, "org.switch")
    services.switch_active_organization(user=request.user, organization=organization, session=request.session)
    back = _safe_next(request, form.cleaned_data["next"]) or _safe_next(request, request.headers.get("Referer"))
    return redirect(back or "home")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """Where the e-mailed link lands. Signed in with the invited address: join. Signed in as someone
    else: explain. Not signed in: sign in, or create an account for the invited address and join."""
    invitation = Invitation.objects.select_related("organization", "invited_by").filter(token=token).first()
    if invitation is None:
        raise Http404(_("No such invitation."))
    user = request.user if request.user.is_authenticated else None
    problem = services.invitation_problem(invitation, email=user.email if user else None)
    signup_form = None
    has_account = False
    if user is None and problem is None:
        has_account = User.objects.filter(email__iexact=invitation.email).exists()
        if not has_account:
            signup_form = InvitationSignUpForm(request.POST or None)

    if request.method == "POST" and problem is None:
        try:
            if user is not None:
                membership = services.accept_invitation(invitation, user=user)
            elif signup_form is not None and signup_form.is_valid():
                membership = services.sign_up_and_accept_invitation(invitation, **signup_form.cleaned_data)
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            else:
                membership = None
        except ValidationError as e:
            if signup_form is not None:
                add_service_error(signup_form, e)
            else:
                problem = " ".join(e.messages)
            membership = None
        if membership is not None:
            services.switch_active_organization(
                user=membership.user, organization=membership.organization, session=request.session
            )
            messages.success(
                request,
                _("Welcome to %(organization)s. You joined as %(role)s.")
                % {"organization": membership.organization, "role": membership.get_role_display()},
            )
            return redirect("organization-detail", slug=membership.organization.slug)

    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "problem": problem,
        "signup_form": signup_form,
        "has_account": has_account,
        "next_url": reverse("invitation-accept", args=[token]),
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "organizations/invitation.html", context, status=status)
