"""Demo content for the Demo Clinic: the organization's hashtag set.

Separate from accounts' seed_demo because accounts must not import posts
(dependencies point scheduler → posts → accounts). Safe to run twice.
"""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organization
from posts import services


class Command(BaseCommand):
    help = "Seed the demo organization's hashtag sets (run after seed_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--org", default="demo-clinic", help="The organization's slug.")

    def handle(self, *args, org: str, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with the slug {org!r}; run seed_demo first.")
        services.seed_demo_hashtag_sets(organization)
        self.stdout.write(f"Hashtag sets ready for {organization.name}.")
