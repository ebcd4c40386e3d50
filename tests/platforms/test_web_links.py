"""Links to published posts and account pictures follow the configured website: the real network by
default, the simulator's timeline under `make run`, so the sandbox never sends anyone to x.com."""

import re

import pytest
import requests

from platforms import get_adapter
from platforms.base import Credentials, Draft, Tokens
from simulator.networks import facebook as facebook_sim
from simulator.networks import linkedin as linkedin_sim
from simulator.networks import twitter as x_sim


def opened(url: str) -> requests.Response:
    return requests.get(url, allow_redirects=False, timeout=5)


@pytest.fixture
def x_account(simulator):
    user = x_sim.new_account(simulator, username="dr_ada", name="Dr. Ada")
    return Credentials(external_id=user["id"], access_token=user["access_token"], kind="x_user", handle="dr_ada")


def test_an_x_post_links_to_x_by_default(sim_config, x_account):
    published = get_adapter("twitter", sim_config("twitter")).publish(x_account, Draft(text="Flu shots today"))

    assert published.url == f"https://x.com/dr_ada/status/{published.external_id}"


def test_with_the_simulator_as_xs_website_an_x_post_opens_on_the_simulators_timeline(simulator, sim_config, x_account):
    adapter = get_adapter("twitter", sim_config("twitter", www_url=f"{simulator.base_url}/twitter"))
    published = adapter.publish(x_account, Draft(text="Flu shots today"))

    answer = opened(published.url)

    assert published.url == f"{simulator.base_url}/twitter/dr_ada/status/{published.external_id}"
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/_sim/timeline/twitter#post-{published.external_id}"
    timeline = opened(simulator.base_url + answer.headers["Location"]).text
    assert f'<article id="post-{published.external_id}">' in timeline
    assert "Flu shots today" in timeline


def test_a_facebook_post_opens_on_the_simulators_timeline(simulator, sim_config):
    person = facebook_sim.new_account(simulator, page_name="Northside Clinic")
    page = Credentials(external_id=person["page_id"], access_token=person["page_token"], kind="facebook_page")

    published = get_adapter("facebook", sim_config("facebook")).publish(page, Draft(text="Open on Saturday"))

    answer = opened(published.url)
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/_sim/timeline/facebook#post-{published.external_id}"


def test_a_linkedin_post_opens_on_the_simulators_timeline(simulator, sim_config):
    member = linkedin_sim.new_account(simulator, name="Dr. Grace Hopper")
    account = Credentials(external_id=member["urn"], access_token=member["access_token"], kind="linkedin_member")

    published = get_adapter("linkedin", sim_config("linkedin")).publish(account, Draft(text="New hours"))

    answer = opened(published.url)
    assert answer.status_code == 302
    assert answer.headers["Location"] == f"/_sim/timeline/linkedin#post-{published.external_id}"


def test_an_address_the_simulator_never_gave_out_is_a_404_page(simulator):
    answer = opened(f"{simulator.base_url}/twitter/nobody/status/1")

    assert answer.status_code == 404
    assert "no post with this address" in answer.text


def test_the_timeline_and_pictures_need_nothing_from_the_internet(simulator, sim_config, x_account):
    get_adapter("twitter", sim_config("twitter")).publish(x_account, Draft(text="<b>Not bold</b>"))

    page = opened(f"{simulator.base_url}/_sim/timeline/twitter").text
    picture = opened(f"{simulator.base_url}/_sim/avatars/twitter/{x_account.external_id}.svg")

    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    # No favicon to ask for, on the timeline or the simulator's front page.
    assert '<link rel="icon" href="data:,">' in page
    assert '<link rel="icon" href="data:,">' in opened(f"{simulator.base_url}/_sim/").text
    assert "&lt;b&gt;Not bold&lt;/b&gt;" in page
    assert picture.status_code == 200
    assert picture.headers["Content-Type"] == "image/svg+xml"
    assert ">DA</text>" in picture.text


def test_account_pictures_come_from_the_simulator(simulator, sim_config):
    user = x_sim.new_account(simulator, username="dr_bo", name="Dr. Bo")
    tokens = Tokens(access_token=user["access_token"], refresh_token=user["refresh_token"])

    [identity] = get_adapter("twitter", sim_config("twitter")).identities(tokens)

    assert identity.avatar_url == f"{simulator.base_url}/_sim/avatars/twitter/{user['id']}.svg"
    assert opened(identity.avatar_url).status_code == 200
