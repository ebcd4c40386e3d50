"""``GET /api/v1/analytics/``: the page's figures for an API token, grouped, and 400 in plain words."""

from datetime import UTC, date, datetime

import pytest
from rest_framework.test import APIClient

from analytics import reports
from tests.analytics.conftest import connect, publish


@pytest.fixture
def api(org, alice, token_for, settings):
    settings.SECURE_SSL_REDIRECT = False
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token_for(alice, org)}")
    return client


@pytest.fixture
def posted(toronto_org):
    x, fb = connect(toronto_org, "twitter", "Clinic X"), connect(toronto_org, "facebook", "Clinic FB")
    publish(x, datetime(2026, 3, 10, 14, 0, tzinfo=UTC), {"likes": 12, "shares": 3, "comments": 1, "views": 800})
    publish(fb, datetime(2026, 3, 11, 3, 30, tzinfo=UTC), {"likes": 5, "comments": 2, "shares": 1, "views": 300})
    return {"x": x, "fb": fb}


def test_it_answers_the_totals_and_every_day(api, posted):
    answer = api.get("/api/v1/analytics/", {"from": "2026-03-10", "to": "2026-03-11"})

    assert answer.status_code == 200, answer.content
    body = answer.json()
    assert body["from"] == "2026-03-10" and body["to"] == "2026-03-11" and body["time_zone"] == "America/Toronto"
    assert body["totals"] == {"published": 2, "posts": 2, "engagement": 24, "reach": 1100, "with_reach": 2}
    assert [(g["key"], g["engagement"]) for g in body["groups"]] == [("2026-03-10", 24), ("2026-03-11", 0)]
    twitter = next(d for d in body["definition"] if d["network"] == "twitter")
    assert twitter["engagement"] == ["likes", "shares", "comments", "quotes"] and twitter["reach"] == "views"


def test_it_groups_by_network_account_or_campaign(api, posted):
    by_account = api.get("/api/v1/analytics/", {"from": "2026-03-10", "to": "2026-03-11", "group_by": "account"})
    by_network = api.get(
        "/api/v1/analytics/", {"from": "2026-03-10", "to": "2026-03-11", "group_by": "network", "network": "facebook"}
    )

    assert [(g["label"], g["engagement"]) for g in by_account.json()["groups"]] == [("Clinic X", 16), ("Clinic FB", 8)]
    assert [(g["key"], g["reach"]) for g in by_network.json()["groups"]] == [("facebook", 300)]


def test_it_answers_the_same_figures_as_the_service_behind_the_page(api, posted, toronto_org):
    answer = api.get("/api/v1/analytics/", {"from": "2026-03-01", "to": "2026-03-31", "account": posted["x"].pk})
    filters = reports.Filters(
        organization=toronto_org, start=date(2026, 3, 1), end=date(2026, 3, 31), account_id=posted["x"].pk
    )

    assert answer.json()["totals"]["engagement"] == reports.totals(filters).engagement == 16


@pytest.mark.parametrize(
    ("query", "field", "words"),
    [
        ({"from": "10/03/2026"}, "from", "YYYY-MM-DD"),
        ({"from": "2026-03-12", "to": "2026-03-10"}, "to", "before the first"),
        ({"from": "2020-01-01", "to": "2026-01-01"}, "to", "at most"),
        ({"to": "0001-01-01"}, "to", "between 1970 and 2999"),
        ({"network": "myspace"}, "network", "not one of the accepted values"),
        ({"group_by": "hour"}, "group_by", "not one of the accepted values"),
        ({"account": "abc"}, "account", "whole number"),
        ({"account": "999999"}, "account", "no account with this id"),
        ({"campaign": "999999"}, "campaign", "no campaign with this id"),
        ({"to": ""}, "to", "leave it out"),
        ({"colour": "red"}, "colour", "not a filter"),
    ],
)
def test_bad_parameters_are_refused_in_plain_words(api, query, field, words):
    answer = api.get("/api/v1/analytics/", query)

    assert answer.status_code == 400
    assert words in " ".join(answer.json()[field])


def test_another_organizations_account_is_unknown_here(api, charlies_org):
    theirs = connect(charlies_org, "twitter", "Charlie on X")

    answer = api.get("/api/v1/analytics/", {"account": theirs.pk})

    assert answer.status_code == 400 and "no account with this id" in answer.json()["account"][0]
