"""The demo organization's campaign (run after seed_demo_content, whose posts it groups). Safe to run twice."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import Organization
from campaigns.demo import seed_demo_campaign


class Command(BaseCommand):
    help = "Seed the demo organization's flu-season campaign with its demo posts (run after seed_demo_content)."

    def add_arguments(self, parser):
        parser.add_argument("--org", default="demo-clinic", help="The organization's slug.")

    def handle(self, *args, org: str, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with the slug {org!r}; run seed_demo first.")
        campaign = seed_demo_campaign(organization, today=timezone.localdate())
        self.stdout.write(f"Campaign {campaign.name!r} ready for {organization.name}: {campaign.posts.count()} posts.")
