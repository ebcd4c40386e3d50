"""Hashtags by twitter-text's rules, hashtag sets, suggestions, and browser/server agreement."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from twitter_text import parse_tweet

from accounts.models import ConnectedAccount, Role
from posts import services
from posts.hashtags import extract_hashtags, is_valid_hashtag, parse_hashtag_list
from posts.models import HashtagSet
from tests.ci_rules import twitter_text_conformance

BUNDLE = Path(settings.BASE_DIR) / "static/vendor/twitter-text-3.1.0/twitter-text.min.js"
NODE = shutil.which("node")

# Runs the vendored browser bundle in a bare VM context, as a page would (it sets window.twttr).
RUN_BUNDLE = r"""
const fs = require("fs"), vm = require("vm");
const context = {window: {}};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const txt = context.window.twttr.txt;
const texts = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(texts.map((text) => {
  const parsed = txt.parseTweet(text);
  return {weightedLength: parsed.weightedLength, valid: parsed.valid, hashtags: txt.extractHashtags(text)};
})));
"""

SAMPLES = [
    "Flu shots are in! #FluSeason #MedTwitter",
    "#CDNHealth #ONHealth #CDNPoli",
    "Read https://example.org/#section and #this",
    "café #café #日本語 #한국어 #русский #العربية",
    "#2024 is not a tag but #Y2024 is",
    "&#39; entity, a#b inside a word, #a#b run-on, #tag://",
    "🎉 #hello🎉 #️⃣ keycap",
    "＃全角 full-width sign",
    "#under_score #dash-ed #dot.ted",
    "👨‍👩‍👧‍👦 family 👍🏽 https://t.co/abc 流感疫苗",
]


def test_hashtags_are_found_as_x_finds_them():
    assert extract_hashtags("Flu shots are in! #FluSeason #MedTwitter") == ["FluSeason", "MedTwitter"]
    assert extract_hashtags("#2024 but #Y2024") == ["Y2024"]
    assert extract_hashtags("https://example.org/#section") == []
    assert extract_hashtags("&#39; and a#b and #a#b") == []
    assert extract_hashtags("#café #日本語 ＃全角") == ["café", "日本語", "全角"]
    assert extract_hashtags("#dash-ed #under_score") == ["dash", "under_score"]


def test_the_conformance_hashtags_are_valid_or_not_as_twitter_text_says():
    cases = twitter_text_conformance()["hashtags"]
    wrong = [case["description"] for case in cases if is_valid_hashtag(case["text"]) != case["expected"]]
    assert wrong == []


def test_a_post_stores_its_hashtags_from_every_version_once(org, alice):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="1", display_name="X"
    )
    post = services.create_post(
        organization=org,
        author=alice,
        text="#FluSeason starts #MedTwitter",
        account_ids=[account.pk],
        overrides={account.pk: {"text": "#fluseason on X #CDNHealth"}},
    )
    assert post.hashtags == ["FluSeason", "MedTwitter", "CDNHealth"]


def test_typed_hashtag_lists_are_normalised():
    assert parse_hashtag_list("MedTwitter, #CDNHealth #medtwitter") == ["#MedTwitter", "#CDNHealth"]
    with pytest.raises(ValueError, match="#2024 is not a hashtag X would recognise"):
        parse_hashtag_list("#2024")


# --- sets -----------------------------------------------------------------------------------------------


def test_an_editor_creates_an_organization_set_everyone_can_insert(org, bob, alice, member):
    created = services.create_hashtag_set(organization=org, by=bob, name="Flu", hashtags="#FluSeason FluShot")
    assert (created.owner, created.hashtags) == (None, ["#FluSeason", "#FluShot"])
    viewer = member(Role.VIEWER)
    assert list(services.hashtag_sets_for(viewer, org)) == [created]


def test_a_personal_set_is_seen_only_by_its_owner(org, bob, alice, member):
    contributor = member(Role.CONTRIBUTOR)
    mine = services.create_hashtag_set(organization=org, by=contributor, name="Mine", hashtags="#A1", personal=True)
    assert list(services.hashtag_sets_for(contributor, org)) == [mine]
    assert list(services.hashtag_sets_for(alice, org)) == []
    with pytest.raises(PermissionDenied):
        services.update_hashtag_set(mine, by=alice, name="Taken", hashtags="#B")


def test_a_contributor_cannot_change_the_organizations_sets(org, bob, member):
    shared = services.create_hashtag_set(organization=org, by=bob, name="Shared", hashtags="#A1")
    contributor = member(Role.CONTRIBUTOR)
    with pytest.raises(PermissionDenied):
        services.create_hashtag_set(organization=org, by=contributor, name="Org", hashtags="#A1")
    with pytest.raises(PermissionDenied):
        services.delete_hashtag_set(shared, by=contributor)


def test_a_set_needs_a_name_and_real_hashtags(org, bob):
    with pytest.raises(ValidationError) as error:
        services.create_hashtag_set(organization=org, by=bob, name="", hashtags="#A")
    assert error.value.message_dict == {"name": ["Give the set a name."]}
    with pytest.raises(ValidationError) as error:
        services.create_hashtag_set(organization=org, by=bob, name="Years", hashtags="#2024")
    assert error.value.message_dict == {
        "hashtags": ["#2024 is not a hashtag X would recognise: use letters, digits and _ only."]
    }


def test_the_demo_set_is_seeded_once(org):
    first = services.seed_demo_hashtag_sets(org)
    second = services.seed_demo_hashtag_sets(org)
    assert first.pk == second.pk
    assert first.hashtags == ["#MedTwitter", "#CDNHealth", "#ONHealth", "#CDNPoli"]
    assert HashtagSet.objects.filter(organization=org).count() == 1


def test_the_organizations_most_used_hashtags_are_suggested_first(org, alice):
    for text in ["#FluSeason #MedTwitter", "#fluseason", "#FluSeason #CDNHealth", "#MedTwitter"]:
        services.create_post(organization=org, author=alice, text=text)
    assert services.suggested_hashtags(org, limit=3) == ["#FluSeason", "#MedTwitter", "#CDNHealth"]


def test_another_organizations_hashtags_are_never_suggested(org, alice, charlie, charlies_org):
    services.create_post(organization=charlies_org, author=charlie, text="#Secret")
    assert services.suggested_hashtags(org) == []


# --- the browser's twitter-text and the server's agree ------------------------------------------------


def run_bundle(texts: list[str]) -> list[dict]:
    if NODE is None:
        pytest.skip("node is not installed")
    answer = subprocess.run(
        [NODE, "-e", RUN_BUNDLE, str(BUNDLE)], input=json.dumps(texts), capture_output=True, text=True, timeout=60
    )
    assert answer.returncode == 0, answer.stderr
    return json.loads(answer.stdout)


def test_the_browser_counts_the_conformance_cases_as_the_server_and_the_suite_do():
    tests = twitter_text_conformance()
    cases = tests["WeightedTweetsWithDiscountedEmojiCounterTest"] + tests["UnicodeDirectionalMarkerCounterTest"]
    browser = run_bundle([case["text"] for case in cases])
    for case, counted in zip(cases, browser, strict=True):
        server = parse_tweet(case["text"])
        expected = case["expected"]
        assert counted["weightedLength"] == server.weightedLength == expected["weightedLength"], case["description"]
        assert counted["valid"] == server.valid == expected["valid"], case["description"]


def test_the_browser_and_the_server_count_and_find_hashtags_alike():
    browser = run_bundle(SAMPLES)
    for text, counted in zip(SAMPLES, browser, strict=True):
        assert counted["weightedLength"] == parse_tweet(text).weightedLength, text
        assert counted["hashtags"] == extract_hashtags(text), text
