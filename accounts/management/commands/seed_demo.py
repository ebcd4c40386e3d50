"""Create the demo practice and its people, so a fresh `make run` has someone to log in as.

Idempotent: running it again finds what exists and fixes only roles and
memberships; it never resets a password someone changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from accounts import services
from accounts.models import Membership, Organization, Role, User

#: Published in the README and printed below: for trying PhysSocial, never for real accounts.
DEMO_PASSWORD = "physsocial-demo"
CLINIC_SLUG = "demo-clinic"


@dataclass(frozen=True)
class DemoPerson:
    label: str
    email: str
    display_name: str
    professional_title: str
    role: Role


PEOPLE = [
    DemoPerson("owner", "owner@demo-clinic.example", "Dr. Olivia Owens", "MD, FRCPC", Role.OWNER),
    DemoPerson("admin", "admin@demo-clinic.example", "Adam Alvarez", "Practice manager", Role.ADMIN),
    DemoPerson("physician", "physician@demo-clinic.example", "Dr. Priya Patel", "MD, CCFP", Role.EDITOR),
    # A resident drafts posts that go to review; a board member follows along without acting.
    DemoPerson("contributor", "contributor@demo-clinic.example", "Dr. Chris Chen", "PGY-2 resident", Role.CONTRIBUTOR),
    DemoPerson("viewer", "viewer@demo-clinic.example", "Vera Vance", "Board member", Role.VIEWER),
]


class Command(BaseCommand):
    help = (
        "Create the Demo Clinic practice with its owner, admin, physician, contributor and viewer (safe to run again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DJANGO_DEBUG=false. The demo password is public: do not use on a real server.",
        )

    def handle(self, *args, force: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a published password; it runs only in development "
                "(DJANGO_DEBUG=true). Pass --force if you really want demo accounts here."
            )
        with transaction.atomic():
            clinic, created = Organization.objects.get_or_create(
                slug=CLINIC_SLUG,
                defaults={"name": "Demo Clinic", "kind": Organization.Kind.PRACTICE, "time_zone": "America/Toronto"},
            )
            self.stdout.write(f"{'Created' if created else 'Found'} {clinic.name} ({clinic.slug}).")
            new_people = set()
            for person in PEOPLE:
                user = User.objects.filter(email__iexact=person.email).first()
                if user is None:
                    user = services.sign_up(
                        email=person.email,
                        password=DEMO_PASSWORD,
                        display_name=person.display_name,
                        professional_title=person.professional_title,
                        time_zone="America/Toronto",
                    )
                    new_people.add(person.email)
                Membership.objects.update_or_create(organization=clinic, user=user, defaults={"role": person.role})

        login_url = settings.PUBLIC_BASE_URL + reverse("login")
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo Clinic is ready. Sign in at {login_url} as:"))
        for person in PEOPLE:
            note = "" if person.email in new_people else "  (already existed)"
            self.stdout.write(f"  {person.label:<12} {person.email:<34} {person.role.label}{note}")
        self.stdout.write(
            self.style.WARNING(
                f"  DEMO password for all of them: {DEMO_PASSWORD}  (for trying PhysSocial only; "
                "unchanged for accounts that already existed)"
            )
        )
