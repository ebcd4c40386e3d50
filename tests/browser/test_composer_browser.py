"""The composer in a real Chromium: pick accounts, write, insert hashtags, fix a problem, schedule.

Playwright drives Debian's Chromium against pytest-django's live server. Skipped
when Playwright or Chromium is not installed.
"""

from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from twitter_text import parse_tweet

from accounts.models import ConnectedAccount
from posts import media, services
from posts.models import Post, TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


@pytest.fixture
def site(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_CACHE_DIR = str(tmp_path / "media-cache")
    return settings


@pytest.fixture
def clinic(org, alice):
    accounts = {
        network: ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=f"Clinic {network}"
        )
        for network, kind in [
            ("twitter", "x_user"),
            ("linkedin", "linkedin_member"),
            ("instagram", "instagram_business"),
        ]
    }
    buffer = BytesIO()
    # Wider than Instagram's 1.91:1: the composer must offer a fix.
    Image.new("RGB", (1000, 400), (30, 120, 200)).save(buffer, format="JPEG")
    photo = SimpleUploadedFile("waiting-room.jpg", buffer.getvalue(), content_type="image/jpeg")
    asset = media.ingest_upload(
        organization=org, uploaded_by=alice, uploaded_file=photo, alt_text="Our waiting room, with six blue chairs."
    )
    services.seed_demo_hashtag_sets(org)
    return accounts, asset


@pytest.fixture
def page(site, live_server, alice, org):
    with signed_in_page(live_server, alice, org) as page:
        yield page


def wait_for_server_count(page, account, expected: int, kind: str = "text") -> str:
    """The text counter once the server's check of the current text has replaced the browser's.

    An earlier check (from ticking an account) may answer after typing began, so wait for the
    one that counted what is in the box now.
    """
    selector = f'output[data-counter="{kind}"][data-account="{account.pk}"]'
    page.wait_for_function(
        f"""() => {{
            const output = document.querySelector('{selector}');
            return output && output.dataset.source === 'server' && output.textContent.trim() === '{expected}';
        }}"""
    )
    return page.text_content(selector).strip()


def test_a_physician_composes_checks_and_schedules_a_post(page, clinic, alice, org):
    accounts, photo = clinic
    x, linkedin, instagram = accounts["twitter"], accounts["linkedin"], accounts["instagram"]
    page.goto("/compose/")

    page.check(f'input[name="accounts"][value="{x.pk}"]')
    page.check(f'input[name="accounts"][value="{linkedin.pk}"]')
    text = "Flu shots are in 💉 book at https://example.org/" + "a" * 60 + " 流感疫苗"
    page.fill("#text", text)

    # The server's count and the browser's agree, and both are X's weighted count.
    counted_by_server = wait_for_server_count(page, x, parse_tweet(text).weightedLength)
    page.dispatch_event("#text", "input")  # the browser recounts the same text at once
    browser_counter = page.locator(f'output[data-counter="text"][data-account="{x.pk}"]')
    assert browser_counter.get_attribute("data-source") == "browser"
    assert browser_counter.text_content() == counted_by_server

    # One click inserts the organization's hashtag set where the cursor is.
    page.click("#text")
    page.keyboard.press("End")
    page.click("button[data-insert='#MedTwitter #CDNHealth #ONHealth #CDNPoli']")
    assert page.input_value("#text").endswith("流感疫苗 #MedTwitter #CDNHealth #ONHealth #CDNPoli")

    # Instagram without a picture: the problem is named, and the preview shows the gap.
    page.check(f'input[name="accounts"][value="{instagram.pk}"]')
    problem = page.wait_for_selector(f"#check-{instagram.pk} .problems")
    assert "Instagram needs at least one image or video." in problem.text_content()
    assert "No image" in page.text_content(f"#check-{instagram.pk} .preview")
    page.check(f'input[name="media"][value="{photo.pk}"]')
    problem = page.wait_for_selector(f"#check-{instagram.pk} .problems li[data-code=aspect_ratio]")
    assert "crop or pad it" in problem.text_content()
    page.select_option(f"#o-{instagram.pk}-fit-{photo.pk}", "crop")
    page.wait_for_selector(f"#check-{instagram.pk} .ready")
    page.wait_for_function(f"() => document.querySelector('#check-{instagram.pk} .preview img')?.naturalWidth > 0")

    # Tailor X in its tab: the tab shows only X's panel.
    page.click(f"#tab-{x.pk}")
    assert page.is_visible(f"#panel-{x.pk}")
    assert not page.is_visible(f"#panel-{linkedin.pk}")
    page.fill(f"#t-{x.pk}", "Flu shots are in 💉 #MedTwitter")
    page.select_option(f"#o-{x.pk}-reply_settings", "following")
    # The check follows the tailored text.
    wait_for_server_count(page, x, parse_tweet("Flu shots are in 💉 #MedTwitter").weightedLength)

    # Schedule for tomorrow at 09:30 in Alice's zone (Toronto).
    tomorrow = (timezone.now() + timedelta(days=1)).astimezone(ZoneInfo("America/Toronto")).date()
    page.fill("#scheduled_local", f"{tomorrow:%Y-%m-%d}T09:30")
    page.wait_for_selector("#checks .when")
    page.click("button[name=action][value=at]")
    page.wait_for_url("**/posts/")
    assert "Scheduled: Instagram, LinkedIn, X." in page.text_content(".messages")

    post = Post.objects.get()
    assert post.hashtags == ["MedTwitter", "CDNHealth", "ONHealth", "CDNPoli"]
    expected_at = datetime(
        tomorrow.year, tomorrow.month, tomorrow.day, 9, 30, tzinfo=ZoneInfo("America/Toronto")
    ).astimezone(ZoneInfo("UTC"))
    for target in post.targets.all():
        assert (target.state, target.scheduled_at) == (TargetState.SCHEDULED, expected_at)
    tailored = post.targets.get(account=x)
    assert (tailored.text_override, tailored.options) == (
        "Flu shots are in 💉 #MedTwitter",
        {"reply_settings": "following"},
    )
    assert list(post.media.all()) == [photo]
    assert post.targets.get(account=instagram).options == {"fit": {str(photo.pk): "crop"}}
    cropped = services.check_saved_target(post.targets.get(account=instagram)).draft.media[0]
    assert cropped.width / cropped.height <= 1.91
    assert "Scheduled" in page.text_content(f"#target-{tailored.pk}")


def read_counters(page) -> dict[str, tuple[str, str]]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('output[data-counter]')).map(
            (o) => [`${o.dataset.network} ${o.dataset.counter}`, [o.dataset.source, o.textContent.trim()]]))"""
    )


def test_every_counter_in_the_browser_agrees_with_the_server(page, clinic, org):
    youtube = ConnectedAccount.objects.create(
        organization=org, network="youtube", kind="youtube_channel", external_id="yt-1", display_name="Clinic tube"
    )
    facebook = ConnectedAccount.objects.create(
        organization=org, network="facebook", kind="facebook_page", external_id="fb-1", display_name="Clinic page"
    )
    accounts, _photo = clinic
    page.goto("/compose/")
    for account in [*accounts.values(), youtube, facebook]:
        page.check(f'input[name="accounts"][value="{account.pk}"]')
    text = "Grippe (influenza) : café, 流感 & 👍🏽 *vite* #FluSeason #Grippe_2026 [voir] @drlee\nSecond line ✓"
    page.fill("#text", text)
    page.fill("#link", "https://example.org/flu?lang=fr")
    page.click(f"#tab-{youtube.pk}")
    title = "Grippe — ce qu’il faut savoir 👩🏽‍⚕️"
    page.fill(f"#o-{youtube.pk}-title", title)
    wait_for_server_count(
        page, accounts["twitter"], parse_tweet(f"{text}\n\nhttps://example.org/flu?lang=fr").weightedLength
    )
    wait_for_server_count(page, youtube, len(title), kind="title")  # the check made after the last change
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('output[data-counter]'))"
        ".every((output) => output.dataset.source === 'server')"
    )
    by_server = read_counters(page)
    assert set(by_server) >= {"twitter text", "linkedin text", "instagram text", "instagram hashtags"}
    assert {"youtube text", "youtube title", "facebook text"} <= set(by_server)

    page.dispatch_event("#text", "input")  # the browser counts the same content itself
    by_browser = read_counters(page)
    assert {key: value for key, (_source, value) in by_browser.items()} == {
        key: value for key, (_source, value) in by_server.items()
    }
    assert {source for source, _value in by_browser.values()} == {"browser"}


def test_checking_again_while_a_check_is_under_way_logs_no_console_error(page, clinic):
    """A check overtaken by a newer one used to be aborted, and htmx logs every abort as an error."""
    page.goto("/compose/")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.evaluate(
        """() => { window.checksAnswered = 0;
        document.body.addEventListener('htmx:afterRequest', () => window.checksAnswered++); }"""
    )

    # Three changes at once: one check is under way while the others ask again.
    page.evaluate(
        """() => { const form = document.getElementById('composer');
        for (let i = 0; i < 3; i++) form.dispatchEvent(new Event('change', {bubbles: true})); }"""
    )

    page.wait_for_function("() => window.checksAnswered >= 2 && !document.querySelector('.htmx-request')")
    assert errors == []
