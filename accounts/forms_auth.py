"""Forms for signing up, logging in with a second factor, and the profile.

Forms only parse and check what was typed; creating users and organizations
is ``accounts.services.sign_up``'s job.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.contrib.auth.password_validation import validate_password
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts import two_factor
from accounts.form_fields import TimeZoneField
from accounts.models import User


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As your colleagues and patients know you, e.g. “Dr. Amira Haddad”."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    professional_title = forms.CharField(
        label=_("Professional title"),
        max_length=80,
        required=False,
        help_text=_("Optional, e.g. “MD, FRCPC”."),
        widget=forms.TextInput(attrs={"autocomplete": "honorific-suffix"}),
    )
    time_zone = TimeZoneField(help_text=_("Times are shown and scheduled in this zone."))
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=_("At least 10 characters, not a common password and not all digits."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    # The service reports a weak password under "password"; show it under the first box.
    service_field_names = {"password": "password1"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            # static/js/app.js then starts the list at the browser's zone.
            self.fields["time_zone"].widget.attrs["data-guess-time-zone"] = ""

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ. Please type the same password twice.")
        if first:
            # sign_up checks this too; checking here as well shows every problem
            # with the form at once instead of in two rounds.
            candidate = User(
                email=cleaned.get("email") or "",
                display_name=cleaned.get("display_name") or "",
                professional_title=cleaned.get("professional_title") or "",
            )
            try:
                validate_password(first, user=candidate)
            except forms.ValidationError as e:
                self.add_error("password1", e)
        return cleaned

    def add_service_errors(self, error_dict: dict[str, list[str]]) -> None:
        """Show a ValidationError from ``sign_up`` next to the fields it names."""
        for field, messages in error_dict.items():
            name = self.service_field_names.get(field, field)
            for message in messages:
                self.add_error(name if name in self.fields else None, message)


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, for e-mail addresses.

    It authenticates with ``email=`` rather than ``username=``: django-axes
    keys its failure records by the user model's USERNAME_FIELD ("email"),
    so this makes the lockout count per address. Lower-casing first means
    "ALICE@…" and "alice@…" share one count and one account.
    """

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "That e-mail address and password do not match an account. Check both and try again.",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("E-mail address")
        self.fields["username"].widget = forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"

    def clean(self):
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            self.user_cache = authenticate(self.request, email=User.objects.canonical_email(email), password=password)
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class ResetInTheirLanguageForm(PasswordResetForm):
    """Django's reset form, with the e-mail in the person's chosen language; without one, in the
    language of the page that asked (their browser's)."""

    def send_mail(self, subject_template_name, email_template_name, context, *args, **kwargs) -> None:
        with translation.override(context["user"].language or translation.get_language()):
            super().send_mail(subject_template_name, email_template_name, context, *args, **kwargs)


class CodeForm(forms.Form):
    """A six-digit code from an authenticator app."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": r"[0-9 ]*",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].replace(" ", "")
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError(_("Enter the six digits your authenticator app shows."))
        return code


class CodeOrBackupCodeForm(forms.Form):
    """A code from the authenticator app, or one of the user's backup codes (when the phone is lost)."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app, or a backup code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}),
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        # Six digits, or a backup code: eight letters and digits (a dash or space may be typed in between).
        if not (code.isdigit() and len(code) == 6) and not (len(code.replace("-", "")) == 8 and code.isascii()):
            raise forms.ValidationError(
                _("Enter the six digits your authenticator app shows, or one of your eight-character backup codes.")
            )
        return code


class DisableTwoFactorForm(forms.Form):
    """Proof that whoever turns two-factor off is the account's owner: a current code or the password."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app, or a backup code"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    password = forms.CharField(
        label=_("Or your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        code = "".join((cleaned.get("code") or "").split())
        password = cleaned.get("password") or ""
        user = self.request.user
        if code:
            if two_factor.verify_code(user, code) is None:
                self.add_error("code", _("That code is not right, or it was already used. Wait for the next one."))
        elif password:
            # authenticate() rather than check_password(), so django-axes counts
            # wrong passwords here like it does on the login page.
            if authenticate(self.request, email=user.email, password=password) is None:
                self.add_error("password", _("That password is not right."))
        else:
            raise forms.ValidationError(_("Enter a code from your authenticator app or your password."))
        return cleaned


class ProfileForm(forms.ModelForm):
    time_zone = TimeZoneField(help_text=_("Times are shown and scheduled in this zone."))

    class Meta:
        model = User
        fields = ["display_name", "professional_title", "time_zone", "language"]
        labels = {
            "display_name": _("Your name"),
            "professional_title": _("Professional title"),
            "language": _("Language"),
        }
        help_texts = {"professional_title": _("Shown after your name, e.g. “MD, FRCPC”.")}
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "professional_title": forms.TextInput(attrs={"autocomplete": "honorific-suffix"}),
        }
