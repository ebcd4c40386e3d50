"""Demo content for the Demo Clinic: the organization's hashtag set and a few weeks of posts.

Separate from accounts' seed_demo because accounts must not import posts
(dependencies point scheduler → posts → accounts). Safe to run twice.
The posts need connected accounts: `make run` runs this once before the sandbox
accounts are connected (hashtag sets only) and again after (physsocial/devrun.py).
"""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organization
from posts import services
from posts.demo import DEMO_POSTS, seed_demo_posts
from posts.demo_images import seed_demo_wristband


class Command(BaseCommand):
    help = "Seed the demo organization's hashtag sets and a few weeks of posts in every state (run after seed_demo)."

    def add_arguments(self, parser):
        parser.add_argument("--org", default="demo-clinic", help="The organization's slug.")

    def handle(self, *args, org: str, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with the slug {org!r}; run seed_demo first.")
        services.seed_demo_hashtag_sets(organization)
        self.stdout.write(f"Hashtag sets ready for {organization.name}.")
        wristband = seed_demo_wristband(organization)
        self.stdout.write(
            f"A wristband photo is in the library ({wristband.original_name}): attach it in the composer to see the "
            "privacy guard flag the name read from it (a worker reads it)."
        )
        if not organization.connected_accounts.exists():
            self.stdout.write("No connected accounts yet, so no demo posts: connect one and run this again.")
            return
        created = seed_demo_posts(organization)
        self.stdout.write(
            f"Demo posts ready for {organization.name}: {created} new, "
            f"{len(DEMO_POSTS) - created} already there (draft, in review, scheduled, published, failed, "
            "needs attention and cancelled, three weeks either side of the first run, and eight weeks of published "
            "health tips for Analytics)."
        )
