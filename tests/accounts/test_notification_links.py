"""A link in a notification or e-mail opens in the notification's organization, whichever one the
reader is working in when they click it."""

from django.core import mail

from accounts.models import Organization
from accounts.notifications import notify


def test_a_notification_link_names_its_organization_in_the_app_and_the_email(alice, org):
    [note] = notify([alice], organization=org, title="Failed", body="It did not go out.", link="/failures/?account=3")

    assert note.link == f"/failures/?account=3&org={org.slug}"
    assert f"/failures/?account=3&org={org.slug}" in mail.outbox[0].body


def test_opening_it_from_another_organization_switches_there_and_keeps_the_rest_of_the_address(
    alice_client, alice, org
):
    personal = Organization.objects.get(memberships__user=alice, kind="personal")
    alice_client.post("/organizations/switch/", {"organization": personal.pk})

    response = alice_client.get(f"/failures/?account=3&org={org.slug}")

    assert response.status_code == 302 and response.url == "/failures/?account=3"
    assert alice_client.get(response.url).wsgi_request.organization == org


def test_someone_outside_that_organization_stays_where_they_are(bob_client, bob, alice):
    elsewhere = Organization.objects.get(memberships__user=alice, kind="personal")
    working_in = bob_client.get("/organizations/").wsgi_request.organization

    response = bob_client.get(f"/organizations/?org={elsewhere.slug}")

    assert response.status_code == 200
    assert response.wsgi_request.organization == working_in != elsewhere
