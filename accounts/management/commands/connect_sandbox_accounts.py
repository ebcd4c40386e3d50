"""Connect the platform simulator's demo accounts to an organization (``make run`` does this).

Uses the simulator's fixed sandbox tokens and asks it who they belong to,
exactly as ``connect_account`` would. A network pointed at a real API is
skipped. Safe to run again: each account is updated in place.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts import connections, crypto
from accounts.models import Organization
from accounts.models.connected import Network
from platforms.base import PlatformError

#: network -> (access token, refresh token) seeded by simulator/networks/*.seed_demo.
SANDBOX_TOKENS: dict[str, tuple[str, str]] = {
    # Facebook Pages and Instagram both come from the demo user's Facebook login:
    # the page "Demo Clinic" and its Instagram business account.
    Network.TWITTER: ("sandbox-twitter-access", "sandbox-twitter-refresh"),
    Network.FACEBOOK: ("sandbox-facebook-access", ""),
    Network.INSTAGRAM: ("sandbox-facebook-access", ""),
    Network.LINKEDIN: ("sandbox-linkedin-access", "sandbox-linkedin-refresh"),
    Network.YOUTUBE: ("sandbox-google-access", "sandbox-google-refresh"),
}


class Command(BaseCommand):
    help = "Connect the platform simulator's five demo accounts to an organization (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--org", default="demo-clinic", metavar="SLUG", help="default: demo-clinic")

    def handle(self, *args, **options):
        organization = Organization.objects.filter(slug=options["org"]).first()
        if organization is None:
            raise CommandError(f"No organization has the slug {options['org']!r}; run seed_demo first.")
        try:
            crypto.check_keys()
        except crypto.ConfigurationError as exc:
            raise CommandError(str(exc)) from None
        failed = []
        for network, (access_token, refresh_token) in SANDBOX_TOKENS.items():
            label = Network(network).label
            if not connections.is_sandbox_network(network):
                self.stdout.write(f"{label}: skipped, it points at a real API.")
                continue
            try:
                account = connections.connect_with_tokens(
                    organization=organization,
                    network=network,
                    access_token=access_token,
                    refresh_token=refresh_token,
                )
            except (PlatformError, ValidationError) as exc:
                message = exc.message if isinstance(exc, PlatformError) else " ".join(exc.messages)
                self.stderr.write(f"{label}: not connected: {message}")
                failed.append(label)
                continue
            self.stdout.write(f"{label}: {account.get_kind_display()} {account.display_name} connected.")
        if failed:
            raise CommandError(f"Could not connect the sandbox accounts of {', '.join(failed)}.")
