"""Campaigns, the share kits an association offers its members, and the rows bulk imports made.

A campaign is an organization's named run of posts: dates, a colour on the calendar, hashtags
and a landing link tagged per network. A post belongs to at most one (``Post.campaign``).
An association's staff add *suggestions* to a campaign; a member *adopts* one into an
organization where they may schedule, which makes an ordinary post of theirs: the association
learns that it was scheduled and published, never what the member's drafts said.

``campaigns`` sits above ``scheduler`` and ``posts``: it reads and creates posts. ``posts`` knows
campaigns only through the foreign key on ``Post``.
"""

from __future__ import annotations

import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

hex_colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", _('Give a colour as "#" and six hexadecimal digits, e.g. #2f6f8f.'))


class CampaignQuerySet(models.QuerySet):
    def of(self, organization) -> CampaignQuerySet:
        return self.filter(organization=organization)

    def running_on(self, day: datetime.date) -> CampaignQuerySet:
        """Campaigns whose dates include ``day``."""
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def not_over(self, day: datetime.date) -> CampaignQuerySet:
        """Running or still to come on ``day``."""
        return self.filter(ends_on__gte=day)


class Campaign(models.Model):
    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="campaigns")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=80, help_text=_("Used in links and as utm_campaign."))
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    colour = models.CharField(_("colour"), max_length=7, default="#2f6f8f", validators=[hex_colour])
    hashtags = models.JSONField(_("hashtags"), default=list, blank=True, help_text=_("Without their #, each once."))
    landing_url = models.URLField(_("landing link"), max_length=2000, blank=True)
    utm_medium = models.CharField(_("utm_medium"), max_length=100, default="social")
    utm_campaign = models.CharField(
        _("utm_campaign"), max_length=100, blank=True, help_text=_("Empty: the campaign's short name.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_campaigns"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "slug"], name="one_campaign_slug_per_organization"),
            models.CheckConstraint(condition=Q(ends_on__gte=F("starts_on")), name="campaign_ends_after_it_starts"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def utm_campaign_value(self) -> str:
        return self.utm_campaign or self.slug

    def tagged_link(self, url: str, network: str) -> str:
        """``url`` with this campaign's UTM parameters for ``network``: ``utm_source`` the network,
        ``utm_medium`` and ``utm_campaign``. The link's other parameters keep their order; a UTM
        parameter it already had is replaced, never repeated (analytics would count either). An
        empty ``url`` stays empty."""
        if not url:
            return url
        parts = urlsplit(url)
        tags = {
            "utm_source": network,
            "utm_medium": self.utm_medium or "social",
            "utm_campaign": self.utm_campaign_value,
        }
        kept = [(key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key not in tags]
        return urlunsplit(parts._replace(query=urlencode([*kept, *tags.items()])))

    def link_for(self, link: str, network: str) -> str:
        """What a post of this campaign links to on ``network``: its own link, else the campaign's
        landing link, tagged. Publishing and the composer's previews both ask here."""
        return self.tagged_link(link or self.landing_url, network)

    def is_running_on(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on


class Suggestion(models.Model):
    """A post an association suggests its members share, with a window to share it in."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="suggestions")
    title = models.CharField(_("title"), max_length=120, help_text=_("A short label members see in the list."))
    text = models.TextField(_("text"), blank=True)
    network_texts = models.JSONField(
        _("texts per network"), default=dict, blank=True, help_text=_("Network key to that network's own text.")
    )
    link = models.URLField(_("link"), max_length=2000, blank=True)
    media = models.ManyToManyField("posts.MediaAsset", blank=True, related_name="suggestions")
    hashtags = models.JSONField(_("hashtags"), default=list, blank=True)
    window_weekdays = models.JSONField(
        _("days"), default=list, blank=True, help_text=_("Monday is 0; empty means any day of the campaign.")
    )
    window_starts_at = models.TimeField(_("from"), null=True, blank=True)
    window_ends_at = models.TimeField(_("until"), null=True, blank=True)
    note_to_members = models.TextField(_("note to members"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Adoption(models.Model):
    """A member's post made from a suggestion. The association reads these rows and the post's
    targets' states and links, nothing else of the member's post."""

    suggestion = models.ForeignKey(Suggestion, on_delete=models.CASCADE, related_name="adoptions")
    post = models.OneToOneField("posts.Post", on_delete=models.CASCADE, related_name="adoption")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="adoptions")
    organization = models.ForeignKey(
        "accounts.Organization",
        on_delete=models.CASCADE,
        related_name="adoptions",
        help_text=_("Where the member scheduled it, usually their personal organization."),
    )
    anonymous = models.BooleanField(_("count me without my name"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["suggestion", "member"], name="adoption_suggestion_member_idx")]

    def __str__(self) -> str:
        return f"{self.suggestion} adopted as post {self.post_id}"


class ImportedRow(models.Model):
    """One CSV row already imported into an organization: importing the same file again finds its
    fingerprint here and creates nothing. Deleting the post forgets the row."""

    organization = models.ForeignKey("accounts.Organization", on_delete=models.CASCADE, related_name="+")
    fingerprint = models.CharField(max_length=64)
    post = models.ForeignKey("posts.Post", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "fingerprint"], name="import_row_once_per_organization")
        ]

    def __str__(self) -> str:
        return f"row {self.fingerprint[:8]} → post {self.post_id}"
