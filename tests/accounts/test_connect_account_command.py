"""manage.py connect_account and connect_sandbox_accounts: the network says who a token is."""

import io
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import ConnectedAccount
from simulator.networks import facebook as sim_facebook
from simulator.networks import linkedin as sim_linkedin
from simulator.networks import twitter as sim_twitter
from tests.factories import OrganizationFactory


@pytest.fixture(autouse=True)
def networks(networks_at_simulator):
    """Every network pointed at the running simulator, as make run does."""
    settings = networks_at_simulator
    return settings


def run(*args: str, stdin: str = "") -> str:
    out = io.StringIO()
    previous, sys.stdin = sys.stdin, io.StringIO(stdin)
    try:
        call_command(*args, stdout=out, stderr=io.StringIO())
    finally:
        sys.stdin = previous
    return out.getvalue()


# --- connect_account ---------------------------------------------------------------------------


def test_an_x_token_connects_the_user_x_says_it_belongs_to(org, simulator):
    user = sim_twitter.new_account(simulator, username="dr_cmd", name="Dr. Command Line")

    output = run(
        "connect_account",
        "--org",
        org.slug,
        "--network",
        "twitter",
        "--access-token",
        user["access_token"],
        "--refresh-token",
        user["refresh_token"],
    )

    account = ConnectedAccount.objects.get(organization=org)
    assert (account.network, account.external_id, account.display_name, account.handle) == (
        "twitter",
        user["id"],
        "Dr. Command Line",
        "dr_cmd",
    )
    assert (account.access_token, account.refresh_token) == (user["access_token"], user["refresh_token"])
    assert output == f"Connected X user Dr. Command Line @dr_cmd (id {user['id']}) to Alice's Clinic.\n"
    assert user["access_token"] not in output


def test_running_it_again_updates_the_same_account_and_keeps_the_refresh_token(org, simulator):
    user = sim_twitter.new_account(simulator)
    base = ["connect_account", "--org", org.slug, "--network", "twitter", "--access-token", user["access_token"]]
    run(*base, "--refresh-token", user["refresh_token"])

    run(*base)

    account = ConnectedAccount.objects.get(organization=org)
    assert account.refresh_token == user["refresh_token"]


def test_a_token_can_come_from_standard_input_to_stay_out_of_shell_history(org, simulator):
    user = sim_twitter.new_account(simulator)

    run("connect_account", "--org", org.slug, "--network", "twitter", "--access-token", "-", stdin=user["access_token"])

    assert ConnectedAccount.objects.get(organization=org).external_id == user["id"]


def test_an_unknown_organization_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No organization has the slug 'nowhere'"):
        run("connect_account", "--org", "nowhere", "--network", "twitter", "--access-token", "t")


def test_a_token_the_network_refuses_is_a_clear_error_that_does_not_repeat_it(org):
    with pytest.raises(CommandError) as e:
        run("connect_account", "--org", org.slug, "--network", "twitter", "--access-token", "made-up-token-123")

    assert "X does not accept this access token (expired or revoked)" in str(e.value)
    assert "made-up-token-123" not in str(e.value)
    assert not ConnectedAccount.objects.exists()


def test_a_facebook_user_token_connects_its_page(org, simulator):
    user = sim_facebook.new_account(simulator, page_name="Harbour Pediatrics")

    run("connect_account", "--org", org.slug, "--network", "facebook", "--access-token", user["access_token"])

    page = ConnectedAccount.objects.get(organization=org)
    assert (page.kind, page.external_id, page.display_name) == ("facebook_page", user["page_id"], "Harbour Pediatrics")
    assert page.access_token != user["access_token"]  # the page's own token, not the user's
    assert simulator.tokens.lookup("facebook", page.access_token).account_id == user["page_id"]


def test_a_page_the_token_cannot_post_as_is_a_clear_error(org, simulator):
    user = sim_facebook.new_account(simulator, page_name="Harbour Pediatrics")

    with pytest.raises(CommandError) as e:
        run(
            "connect_account",
            "--org",
            org.slug,
            "--network",
            "facebook",
            "--access-token",
            user["access_token"],
            "--page",
            "999999",
        )

    assert "This token cannot post to Facebook as 999999" in str(e.value)
    assert f"{user['page_id']} (Harbour Pediatrics)" in str(e.value)
    assert not ConnectedAccount.objects.exists()


def test_instagram_is_picked_by_its_pages_id(org, simulator):
    user = sim_facebook.new_account(simulator, ig_username="harbour_peds")

    run(
        "connect_account",
        "--org",
        org.slug,
        "--network",
        "instagram",
        "--access-token",
        user["access_token"],
        "--page",
        user["page_id"],
    )

    account = ConnectedAccount.objects.get(organization=org)
    assert (account.network, account.external_id, account.handle) == ("instagram", user["ig_id"], "harbour_peds")


def test_a_linkedin_token_connects_the_member_or_with_page_one_of_their_organization_pages(org, simulator):
    member = sim_linkedin.new_account(simulator, name="Dr. Lee Linked", organizations=("Linked Dermatology",))
    base = ["connect_account", "--org", org.slug, "--network", "linkedin", "--access-token", member["access_token"]]

    run(*base)
    run(*base, "--page", member["organizations"][0]["id"])

    assert sorted(ConnectedAccount.objects.values_list("kind", "display_name")) == [
        ("linkedin_member", "Dr. Lee Linked"),
        ("linkedin_organization", "Linked Dermatology"),
    ]


# --- connect_sandbox_accounts ------------------------------------------------------------------


@pytest.fixture
def demo_clinic(db):
    return OrganizationFactory(name="Demo Clinic", slug="demo-clinic")


EXPECTED_SANDBOX = [
    ("facebook", "facebook_page", "200000000000001", "Demo Clinic"),
    ("instagram", "instagram_business", "17841400000000001", "Demo Clinic"),
    ("linkedin", "linkedin_member", "urn:li:person:sandboxDr1", "Dr. Demo Sandbox"),
    ("twitter", "x_user", "1580000000000000001", "Demo Clinic"),
    ("youtube", "youtube_channel", "UCsandboxDemoClinic00001", "Demo Clinic"),
]


def sandbox_rows(organization):
    return list(
        ConnectedAccount.objects.filter(organization=organization)
        .order_by("network")
        .values_list("network", "kind", "external_id", "display_name")
    )


def test_the_demo_organization_gets_the_five_sandbox_accounts(demo_clinic):
    output = run("connect_sandbox_accounts")

    rows = sandbox_rows(demo_clinic)
    assert [r[:3] for r in rows] == [r[:3] for r in EXPECTED_SANDBOX]
    assert dict((r[0], r[3]) for r in rows)["linkedin"] == "Dr. Demo Sandbox"
    assert output.count(" connected.") == 5
    assert all(a.status == "active" for a in ConnectedAccount.objects.all())


def test_connecting_the_sandbox_accounts_twice_changes_nothing(demo_clinic):
    run("connect_sandbox_accounts", "--org", "demo-clinic")
    first = {a.pk: (a.external_id, a.refresh_token) for a in ConnectedAccount.objects.all()}

    run("connect_sandbox_accounts", "--org", "demo-clinic")

    assert {a.pk: (a.external_id, a.refresh_token) for a in ConnectedAccount.objects.all()} == first


def test_a_network_pointed_at_its_real_api_is_skipped(demo_clinic, networks):
    networks.PLATFORMS["twitter"]["api_url"] = "https://api.x.com"

    output = run("connect_sandbox_accounts")

    assert "X: skipped, it points at a real API." in output
    assert "twitter" not in {r[0] for r in sandbox_rows(demo_clinic)}
    assert len(sandbox_rows(demo_clinic)) == 4


def test_the_sandbox_command_names_a_missing_organization(db):
    with pytest.raises(CommandError, match="No organization has the slug 'demo-clinic'; run seed_demo first."):
        run("connect_sandbox_accounts")


def test_a_malformed_encryption_key_stops_the_command_with_one_clear_line(demo_clinic, networks):
    networks.TOKEN_ENCRYPTION_KEYS = ["too-short"]

    with pytest.raises(CommandError, match="TOKEN_ENCRYPTION_KEYS entry 1 of 1 is not a Fernet key"):
        run("connect_sandbox_accounts")

    assert not ConnectedAccount.objects.exists()
