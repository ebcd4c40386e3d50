"""A campaign's links carry utm_source (the network), utm_medium and utm_campaign, once each."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.campaigns.conftest import make_campaign

pytestmark = pytest.mark.django_db


def query(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def test_a_link_gets_the_network_the_medium_and_the_campaigns_short_name(campaign):
    tagged = campaign.tagged_link("https://clinic.example/flu", "linkedin")

    assert tagged == "https://clinic.example/flu?utm_source=linkedin&utm_medium=social&utm_campaign=flu-season"


def test_existing_query_parameters_are_kept_in_order(campaign):
    tagged = campaign.tagged_link("https://clinic.example/flu?lang=fr&ref=home#book", "twitter")

    assert query(tagged) == [
        ("lang", "fr"),
        ("ref", "home"),
        ("utm_source", "twitter"),
        ("utm_medium", "social"),
        ("utm_campaign", "flu-season"),
    ]
    assert tagged.endswith("#book")


def test_utm_parameters_already_in_the_link_are_replaced_never_repeated(campaign):
    tagged = campaign.tagged_link("https://clinic.example/?utm_source=newsletter&utm_campaign=old&x=1", "facebook")

    keys = [key for key, _value in query(tagged)]
    assert sorted(keys) == ["utm_campaign", "utm_medium", "utm_source", "x"]
    assert dict(query(tagged))["utm_source"] == "facebook"
    assert dict(query(tagged))["utm_campaign"] == "flu-season"


def test_a_chosen_medium_and_campaign_name_win_over_the_defaults(org):
    campaign = make_campaign(org, utm_medium="organic", utm_campaign="flu_2026")

    assert dict(query(campaign.tagged_link("https://clinic.example/", "x")))["utm_medium"] == "organic"
    assert dict(query(campaign.tagged_link("https://clinic.example/", "x")))["utm_campaign"] == "flu_2026"


def test_a_post_without_its_own_link_uses_the_landing_link(campaign):
    assert campaign.link_for("", "twitter").startswith("https://clinic.example/flu?lang=en&utm_source=twitter")


def test_no_link_and_no_landing_link_stays_empty(org):
    campaign = make_campaign(org, landing_url="")

    assert campaign.link_for("", "twitter") == ""
