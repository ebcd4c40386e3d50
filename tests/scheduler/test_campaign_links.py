"""What the networks receive for a campaign's post: its link tagged for each network."""

from datetime import date

from campaigns.models import Campaign
from scheduler import services


def flu_campaign(org, **fields):
    return Campaign.objects.create(
        organization=org,
        name="Flu season",
        slug="flu-season",
        starts_on=date(2026, 10, 1),
        ends_on=date(2026, 11, 30),
        **fields,
    )


def test_x_receives_the_posts_link_tagged_with_the_campaign(schedule, make_post, x_account, simulator, x_user, org):
    campaign = flu_campaign(org)
    post = make_post(text="Flu shots this Saturday.", link="https://clinic.example/flu?lang=fr", campaign=campaign)
    target = schedule(x_account, post=post)

    services.publish_target(target.pk)

    [sent] = simulator.posts_for("twitter", x_user["id"])
    assert sent.text.startswith("Flu shots this Saturday.")
    assert sent.text.split()[-1] == (
        "https://clinic.example/flu?lang=fr&utm_source=twitter&utm_medium=social&utm_campaign=flu-season"
    )


def test_linkedin_receives_the_campaigns_landing_link_when_the_post_has_none(
    schedule, make_post, linkedin_account, simulator, linkedin_member, org
):
    campaign = flu_campaign(org, landing_url="https://clinic.example/flu", utm_medium="organic")
    target = schedule(linkedin_account, post=make_post(text="Flu shots this Saturday.", campaign=campaign))

    services.publish_target(target.pk)

    [sent] = simulator.posts_for("linkedin", linkedin_member["id"])
    assert sent.body["content"]["article"]["source"] == (
        "https://clinic.example/flu?utm_source=linkedin&utm_medium=organic&utm_campaign=flu-season"
    )


def test_a_post_of_no_campaign_goes_out_with_its_link_untouched(schedule, make_post, x_account, simulator, x_user):
    target = schedule(x_account, post=make_post(text="Flu shots.", link="https://clinic.example/flu?utm_source=me"))

    services.publish_target(target.pk)

    [sent] = simulator.posts_for("twitter", x_user["id"])
    assert sent.text.split()[-1] == "https://clinic.example/flu?utm_source=me"
