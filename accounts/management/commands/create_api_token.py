"""Print a new API token for scripting: ``create_api_token --email E --org SLUG [--name N]``.

Only the key is written to standard output (details go to standard error),
so ``TOKEN=$(python manage.py create_api_token ...)`` captures just the key.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.api_auth import create_api_token
from accounts.models import Organization, User


class Command(BaseCommand):
    help = "Create an API token for a member of an organization and print its key (shown only this once)."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, metavar="E", help="the user's e-mail address")
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organization's slug")
        parser.add_argument(
            "--name", default="Command line", metavar="N", help='what it is for (default "Command line")'
        )

    def handle(self, *args, **options):
        email = options["email"].strip().lower()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No user has the e-mail address {email!r}.")
        if not user.is_active:
            raise CommandError(f"{email} is deactivated, so cannot have a token.")
        organization = Organization.objects.filter(slug=options["org"]).first()
        if organization is None:
            raise CommandError(f"No organization has the slug {options['org']!r}.")
        try:
            token, key = create_api_token(user=user, organization=organization, name=options["name"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stderr.write(
            f"Created “{token.name}” ({token.prefix}…) for {user.email} in {organization.name}. "
            "Keep the key secret; it is not shown again."
        )
        self.stdout.write(key)
