"""Forms for organizations, members and invitations.

Forms only parse and check the shape of what was typed; the rules live in
``accounts.services``, whose ValidationErrors views attach back to the form
with ``add_service_error`` so they appear next to the right field.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy

from accounts.form_fields import TimeZoneField
from accounts.models import Organization, Role
from accounts.privacy_policy import CATEGORY_LABELS
from accounts.services import CREATABLE_KINDS

MAX_LOGO_BYTES = 2 * 1024 * 1024


class Form(forms.Form):
    """Labels without Django's trailing colon, which screen readers read out."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class OrganizationCreateForm(Form):
    name = forms.CharField(
        max_length=150, label=gettext_lazy("Name"), widget=forms.TextInput(attrs={"autofocus": True})
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"),
        choices=[(k.value, k.label) for k in CREATABLE_KINDS],
        initial=Organization.Kind.PRACTICE,
        widget=forms.RadioSelect,
    )
    time_zone = TimeZoneField()


class OrganizationUpdateForm(Form):
    name = forms.CharField(max_length=150, label=gettext_lazy("Name"))
    time_zone = TimeZoneField()
    # A plain file field: accounts.services.sanitize_logo decides what the file is, with messages a
    # person understands (Django's ImageField calls a decompression bomb "not an image or corrupted").
    logo = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        help_text=gettext_lazy("A square PNG or JPEG of up to 2 MB works best."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/heic"}),
    )
    remove_logo = forms.BooleanField(label=gettext_lazy("Remove the current logo"), required=False)
    requires_two_factor = forms.BooleanField(
        label=gettext_lazy("Require two-factor authentication"),
        required=False,
        help_text=gettext_lazy("Members must set up an authenticator app before they can work in this organization."),
    )
    alt_text_required = forms.BooleanField(
        label=gettext_lazy("Require a description (alt text) on every image"),
        required=False,
        help_text=gettext_lazy("People who use screen readers hear the description instead of seeing the picture."),
    )
    late_window_minutes = forms.IntegerField(
        label=gettext_lazy("Late window, in minutes"),
        required=False,
        min_value=1,
        max_value=7 * 24 * 60,
        help_text=gettext_lazy(
            "A post that cannot go out this long after its time fails as missed instead of going out stale."
        ),
    )

    approval_required_for = forms.ChoiceField(
        label=gettext_lazy("Approval required for"),
        choices=Organization.ApprovalRequired.choices,
        required=False,  # left out: kept as it is
        help_text=gettext_lazy("Whose posts wait on the Review page until an approver schedules them."),
    )
    editors_may_approve = forms.BooleanField(
        label=gettext_lazy("Editors may approve posts"),
        required=False,
        help_text=gettext_lazy("Owners and admins always may."),
    )
    may_approve_own_posts = forms.BooleanField(
        label=gettext_lazy("People may approve their own posts"),
        required=False,
    )

    # Shown with the checkboxes: a form without it (an older page, a script) leaves the policy as it is,
    # instead of reading "no box ticked" as "block nothing".
    privacy_policy_shown = forms.BooleanField(required=False, widget=forms.HiddenInput)
    privacy_blocked = forms.MultipleChoiceField(
        label=gettext_lazy("Privacy guard: refuse to schedule a post that holds"),
        choices=lambda: [(category, gettext(label)) for category, label in CATEGORY_LABELS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "What is not ticked is shown to the author as a warning only. What could identify a patient "
            "is ticked until you untick it."
        ),
    )

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and logo.size > MAX_LOGO_BYTES:
            raise ValidationError(gettext_lazy("This image is larger than 2 MB; please choose a smaller one."))
        return logo

    @classmethod
    def for_organization(cls, organization: Organization, **kwargs) -> OrganizationUpdateForm:
        initial = {
            "name": organization.name,
            "time_zone": organization.time_zone,
            "requires_two_factor": organization.requires_two_factor,
            "alt_text_required": organization.alt_text_required,
            "late_window_minutes": organization.late_window_minutes,
            "approval_required_for": organization.approval_required_for,
            "editors_may_approve": organization.editors_may_approve,
            "may_approve_own_posts": organization.may_approve_own_posts,
            "privacy_policy_shown": True,
            "privacy_blocked": organization.privacy_blocked_categories,
        }
        return cls(initial=initial, **kwargs)


class OrganizationDeleteForm(Form):
    confirm_name = forms.CharField(
        label=gettext_lazy("Type the organization's name to confirm"),
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )


def _role_choices(allowed: list[str] | None) -> list[tuple[str, str]]:
    return [(r.value, r.label) for r in Role if allowed is None or r.value in allowed]


class InvitationForm(Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "off"})
    )
    role = forms.ChoiceField(label=gettext_lazy("Role"), initial=Role.EDITOR)

    def __init__(self, *args, allowed_roles: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(allowed_roles)


class RoleForm(Form):
    role = forms.ChoiceField(label=gettext_lazy("Role"))

    def __init__(self, *args, allowed_roles: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = _role_choices(allowed_roles)


class SwitchOrganizationForm(Form):
    organization = forms.CharField()
    next = forms.CharField(required=False)


class InvitationSignUpForm(Form):
    """Create an account for the invited address (the e-mail comes from the invitation, not from here)."""

    display_name = forms.CharField(
        label=gettext_lazy("Your name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    professional_title = forms.CharField(
        label=gettext_lazy("Professional title"),
        max_length=80,
        required=False,
        help_text=gettext_lazy('For example "MD, FRCPC".'),
    )
    password = forms.CharField(
        label=gettext_lazy("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy("At least 10 characters; not a common password."),
    )
    time_zone = TimeZoneField(help_text=gettext_lazy("Times are shown to you in this time zone."))
