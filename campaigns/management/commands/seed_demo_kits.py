"""Seed the Demo Medical Association, its flu campaign and three suggested posts (``make run``).

The demo physician (see ``accounts``' ``seed_demo``) is a member of the association and adopts
its posts into her personal organization, which gets the sandbox LinkedIn account and a posting
schedule (every hour, 08:00 to 20:00), so "use my queue" finds a slot within the hour and the
simulator publishes it. The demo owner runs the association: their Campaigns → kit and adoption
pages show the figures and the link. Safe to run again; without the simulator it seeds
everything but the sandbox account.
"""

from __future__ import annotations

import io
from datetime import time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from accounts import connections, crypto
from accounts.management.commands.connect_sandbox_accounts import SANDBOX_TOKENS
from accounts.models import Membership, Organization, Role, User
from campaigns.models import Campaign, Suggestion
from platforms.base import PlatformError
from posts.media.ingest import ingest_upload
from scheduler.schedules import create_schedule, has_posting_schedule

ASSOCIATION_SLUG = "demo-medical-association"
STAFF_EMAIL = "owner@demo-clinic.example"
MEMBER_EMAIL = "physician@demo-clinic.example"


def _poster() -> SimpleUploadedFile:
    image = Image.new("RGB", (1200, 675), (47, 111, 143))
    ImageDraw.Draw(image).rectangle((420, 200, 780, 475), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    return SimpleUploadedFile("flu-season.jpg", buffer.getvalue(), content_type="image/jpeg")


class Command(BaseCommand):
    help = "Seed the Demo Medical Association's flu campaign and share kit, and the demo physician's own organization."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Seed even with DJANGO_DEBUG=false.")

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_demo_kits is for development (DJANGO_DEBUG=true); pass --force to run it anyway.")
        staff = User.objects.filter(email=STAFF_EMAIL).first()
        member = User.objects.filter(email=MEMBER_EMAIL).first()
        if staff is None or member is None:
            raise CommandError("Run seed_demo first: the association's staff and member are the demo clinic's people.")
        with transaction.atomic():
            association = self._association(staff, member)
            campaign = self._campaign(association, staff)
            self._suggestions(campaign, staff)
            personal = Organization.objects.filter(kind=Organization.Kind.PERSONAL, memberships__user=member).first()
            if personal is None:
                raise CommandError(f"{member} has no personal organization.")
            if not has_posting_schedule(personal):
                create_schedule(
                    organization=personal,
                    slots=[(day, time(hour)) for day in range(7) for hour in range(8, 21)],
                    time_zone=member.time_zone,
                    by=member,
                )
        self._connect_sandbox_linkedin(personal)
        self.stdout.write(
            f"{association.name} is ready: {staff.email} edits the kit of {campaign.name}; {member.email} adopts "
            f"its posts into {personal.name}."
        )

    def _association(self, staff: User, member: User) -> Organization:
        association, _ = Organization.objects.get_or_create(
            slug=ASSOCIATION_SLUG,
            defaults={
                "name": "Demo Medical Association",
                "kind": Organization.Kind.ASSOCIATION,
                "time_zone": "America/Toronto",
            },
        )
        Membership.objects.get_or_create(organization=association, user=staff, defaults={"role": Role.OWNER})
        Membership.objects.get_or_create(organization=association, user=member, defaults={"role": Role.VIEWER})
        return association

    def _campaign(self, association: Organization, staff: User) -> Campaign:
        today = timezone.localdate()
        campaign, _ = Campaign.objects.get_or_create(
            organization=association,
            slug="flu-season",
            defaults={
                "name": "Flu season",
                "description": "Help patients get their flu shot before the holidays.",
                "starts_on": today - timedelta(days=7),
                "ends_on": today + timedelta(days=60),
                "hashtags": ["FluSeason"],
                "landing_url": "https://demo-medical-association.example/flu",
                "owner": staff,
            },
        )
        if campaign.ends_on < today:  # an old demo database: keep the campaign running
            campaign.starts_on, campaign.ends_on = today - timedelta(days=7), today + timedelta(days=60)
            campaign.save(update_fields=["starts_on", "ends_on"])
        return campaign

    def _suggestions(self, campaign: Campaign, staff: User) -> None:
        if campaign.suggestions.exists():
            return
        poster = ingest_upload(
            organization=campaign.organization,
            uploaded_by=staff,
            uploaded_file=_poster(),
            alt_text="A white card on a blue background: the association's flu season poster.",
        )
        today = Suggestion.objects.create(
            campaign=campaign,
            title="Flu shots are here",
            text="Flu shots are available now. Ask at your next visit or book at your pharmacy.",
            network_texts={
                "linkedin": "Colleagues: flu shots protect our patients and our teams. Here is where to book."
            },
            hashtags=["GetVaccinated"],
            note_to_members="Any day of the campaign works for this one.",
            position=0,
            created_by=staff,
        )
        today.media.set([poster])
        Suggestion.objects.create(
            campaign=campaign,
            title="Myth of the week",
            text="Myth: the flu shot gives you the flu. Fact: it cannot; the vaccine holds no live virus.",
            hashtags=["FluFacts"],
            window_weekdays=[1],
            window_starts_at=time(8, 0),
            window_ends_at=time(10, 0),
            note_to_members="Tuesday mornings get the most readers.",
            position=1,
            created_by=staff,
        )
        Suggestion.objects.create(
            campaign=campaign,
            title="Lunchtime reminder",
            text="A flu shot takes five minutes. Most pharmacies take walk-ins at lunchtime.",
            window_weekdays=[0, 2, 4],
            window_starts_at=time(12, 0),
            window_ends_at=time(13, 30),
            position=2,
            created_by=staff,
        )

    def _connect_sandbox_linkedin(self, organization: Organization) -> None:
        if not connections.is_sandbox_network("linkedin"):
            self.stdout.write("LinkedIn points at a real API: no sandbox account for the demo physician.")
            return
        access_token, refresh_token = SANDBOX_TOKENS["linkedin"]
        try:
            crypto.check_keys()
            account = connections.connect_with_tokens(
                organization=organization, network="linkedin", access_token=access_token, refresh_token=refresh_token
            )
        except (crypto.ConfigurationError, PlatformError, ValidationError, OSError) as exc:
            self.stderr.write(f"No sandbox LinkedIn account for {organization.name} (is the simulator up?): {exc}")
            return
        self.stdout.write(f"LinkedIn: {account.display_name} connected to {organization.name}.")
