"""Connect an account from tokens obtained elsewhere (a network's developer console, another tool).

The network is asked who the token belongs to; names are never typed in.
"""

import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts import connections, crypto
from accounts.models import Organization
from accounts.models.connected import Network
from platforms.base import AuthExpired, PlatformError


class Command(BaseCommand):
    help = (
        "Connect the account an access token belongs to. The network says who it is. "
        'Give "-" as a token to read it from standard input, which keeps it out of shell history.'
    )

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, metavar="SLUG", help="the organization's slug")
        parser.add_argument("--network", required=True, choices=Network.values)
        parser.add_argument("--access-token", required=True, metavar="TOKEN")
        parser.add_argument("--refresh-token", default="", metavar="TOKEN")
        parser.add_argument(
            "--page",
            default="",
            metavar="ID",
            help="Facebook page id (or its Instagram account id); LinkedIn organization id or URN",
        )

    def handle(self, *args, **options):
        organization = Organization.objects.filter(slug=options["org"]).first()
        if organization is None:
            raise CommandError(f"No organization has the slug {options['org']!r}.")
        try:
            crypto.check_keys()
        except crypto.ConfigurationError as exc:
            raise CommandError(str(exc)) from None
        network = options["network"]
        label = Network(network).label
        try:
            account = connections.connect_with_tokens(
                organization=organization,
                network=network,
                access_token=self._token(options["access_token"]),
                refresh_token=self._token(options["refresh_token"]),
                page_id=options["page"],
            )
        except AuthExpired as exc:
            raise CommandError(
                f"{label} does not accept this access token (expired or revoked): {exc.message}"
            ) from None
        except PlatformError as exc:
            raise CommandError(f"{label} answered with an error: {exc.message}") from None
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        handle = f" {account.display_handle}" if account.display_handle else ""
        self.stdout.write(
            f"Connected {account.get_kind_display()} {account.display_name}{handle} "
            f"(id {account.external_id}) to {organization.name}."
        )

    def _token(self, value: str) -> str:
        if value == "-":
            return sys.stdin.readline().strip()
        return value.strip()
