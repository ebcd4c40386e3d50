"""Each network is described once (platforms/description.py): the composer's JavaScript, the
previews and validation all read that description, and reading it loads no network's SDK."""

import json
import os
import subprocess
import sys
from html import unescape

import pytest
from django.urls import reverse

import platforms
from accounts.models import ConnectedAccount
from accounts.models.connected import Network
from physsocial.networks import descriptions_json
from platforms import DESCRIPTIONS, describe
from posts.validation import clean_options
from tests.posts.conftest import encode, make_video, two_tone, upload


def test_loading_the_composers_code_does_not_load_any_networks_sdk():
    script = (
        "import sys, django; django.setup(); "
        "import posts.validation, posts.views, posts.services, physsocial.networks; "
        "sdks = ('facebook', 'tweepy', 'googleapiclient', 'linkedin_v2'); "
        "print(sorted(name for name in sdks if name in sys.modules))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "physsocial.settings"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_every_adapter_carries_its_own_networks_description():
    for network in platforms.NETWORKS:
        adapter = platforms.adapter_class(network)
        assert adapter.description is describe(network)
        assert adapter.network == network


def test_the_account_models_networks_are_the_described_ones():
    assert [(value, str(label)) for value, label in Network.choices] == [
        (network, description.label) for network, description in DESCRIPTIONS.items()
    ]


@pytest.fixture
def composer_page(alice_client, org):
    ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic"
    )
    return alice_client.get(reverse("compose")).content.decode()


def _json_script(html: str, element_id: str):
    start = html.index(f'<script id="{element_id}" type="application/json">') + len(
        f'<script id="{element_id}" type="application/json">'
    )
    return json.loads(unescape(html[start : html.index("</script>", start)]))


def test_the_composer_gets_every_networks_description_as_json(composer_page):
    sent = _json_script(composer_page, "network-descriptions")

    assert sent == descriptions_json()
    assert set(sent) == set(platforms.NETWORKS)
    for network, description in DESCRIPTIONS.items():
        assert sent[network]["label"] == description.label
        assert sent[network]["preview_cutoff"] == description.preview_cutoff
        assert sent[network]["link_placement"] == description.link_placement
        assert [option["name"] for option in sent[network]["options"]] == list(description.option_names)


def test_the_composer_offers_the_values_the_description_lists(composer_page):
    for value in describe("linkedin").option("visibility").values:
        assert f'<option value="{value}"' in composer_page


@pytest.mark.parametrize("network", list(DESCRIPTIONS))
def test_validation_takes_exactly_the_described_choices(network):
    for option in describe(network).options:
        if option.kind != "choice":
            continue
        for value in option.values:
            expected = {} if value == option.default else {option.name: value}
            assert clean_options(network, {option.name: value}) == expected
        with pytest.raises(Exception, match="is not a"):
            clean_options(network, {option.name: "nothing-like-this"})


def test_a_long_text_is_cut_in_the_preview_where_the_feed_cuts_it(alice_client, org):
    account = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic"
    )
    cutoff = describe("linkedin").preview_cutoff
    text = "a" * cutoff + "b" * 10
    response = alice_client.post(reverse("compose-validate"), {"text": text, "accounts": [account.pk]})
    html = response.content.decode()

    assert "a" * cutoff + '<span class="see-more">' in html
    assert "b" * 10 not in html


def test_a_youtube_preview_shows_the_chosen_thumbnail_not_the_video(alice_client, org, ingest):
    account = ConnectedAccount.objects.create(
        organization=org, network="youtube", kind="youtube_channel", external_id="yt-1", display_name="Clinic"
    )
    video = ingest(upload(make_video(), "talk.mp4"))
    thumbnail = ingest(upload(encode(two_tone((1280, 720)), "JPEG"), "cover.jpg"))
    data = {
        "text": "Flu shots\nWhy they matter",
        "accounts": [account.pk],
        "media": [video.pk],
        f"o-{account.pk}-thumbnail_id": thumbnail.pk,
    }
    html = alice_client.post(reverse("compose-validate"), data).content.decode()
    cover = html[html.index('class="preview-media preview-media-youtube"') :]

    assert reverse("media-thumbnail", args=[thumbnail.pk]) in cover[: cover.index("</div>")]
    assert '<p class="preview-title">Flu shots</p>' in html


def test_a_youtube_preview_without_a_video_says_so_even_with_a_thumbnail(alice_client, org, ingest):
    account = ConnectedAccount.objects.create(
        organization=org, network="youtube", kind="youtube_channel", external_id="yt-1", display_name="Clinic"
    )
    thumbnail = ingest(upload(encode(two_tone((1280, 720)), "JPEG"), "cover.jpg"))
    data = {"text": "Flu shots", "accounts": [account.pk], f"o-{account.pk}-thumbnail_id": thumbnail.pk}
    html = alice_client.post(reverse("compose-validate"), data).content.decode()

    assert "No video" in html
    assert reverse("media-thumbnail", args=[thumbnail.pk]) not in html
