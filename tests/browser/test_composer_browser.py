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
from posts import services
from posts.media.ingest import ingest_upload
from posts.models import MediaAsset, Post, TargetState
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.image_reading import tasks_run_at_once  # noqa: F401 (a fixture)

# Uploads are read for the privacy guard as they commit (a worker's task, run at once here): a post
# with an image still being read could not be scheduled.
pytestmark = [*BROWSER_TEST, pytest.mark.usefixtures("tasks_run_at_once")]


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
    asset = ingest_upload(
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

    # Editing it shows its time, in the field and in words; Schedule again keeps that time.
    page.click(f"#post-{post.pk} a:has-text('Edit')")
    assert page.input_value("#scheduled_local") == f"{tomorrow:%Y-%m-%d}T09:30"
    assert "Scheduled for" in page.text_content(".current-schedule")
    page.click("button[name=action][value=at]")
    page.wait_for_url("**/posts/")
    assert {target.scheduled_at for target in post.targets.all()} == {expected_at}


def test_the_live_check_says_at_once_that_a_time_has_passed(page, clinic):
    accounts, _photo = clinic
    page.goto("/compose/")
    page.check(f'input[name="accounts"][value="{accounts["twitter"].pk}"]')
    page.fill("#text", "Flu shots are in.")
    page.wait_for_selector(f"#check-{accounts['twitter'].pk} .ready")

    yesterday = (timezone.now() - timedelta(days=1)).astimezone(ZoneInfo("America/Toronto"))
    page.fill("#scheduled_local", f"{yesterday:%Y-%m-%d}T09:30")

    page.wait_for_selector("#checks .when-error")
    assert "That time has passed" in page.text_content("#checks .when-error")
    assert page.locator(f"#check-{accounts['twitter'].pk} .ready").count() == 0


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


def read_previews(page) -> dict[str, str]:
    return page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('[data-preview-text]')).map(
            (p) => [p.dataset.network, p.textContent]))"""
    )


def test_link_placement_and_the_feed_cut_in_the_browser_agree_with_the_server(page, clinic, org):
    """composer.js reads each network's link placement, media rule and preview cut-off from the
    page's JSON; with a photo attached (where Facebook and LinkedIn move the link into the text)
    its counters and "… more" marks must be the server's."""
    facebook = ConnectedAccount.objects.create(
        organization=org, network="facebook", kind="facebook_page", external_id="fb-1", display_name="Clinic page"
    )
    accounts, photo = clinic
    page.goto("/compose/")
    for account in [*accounts.values(), facebook]:
        page.check(f'input[name="accounts"][value="{account.pk}"]')
    page.check(f'input[name="media"][value="{photo.pk}"]')
    text = "Flu season is here. " * 30  # past every feed's cut-off
    link = "https://example.org/flu"
    page.fill("#link", link)
    page.fill("#text", text)
    wait_for_server_count(page, facebook, len(f"{text}\n\n{link}"))
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('output[data-counter]'))"
        ".every((output) => output.dataset.source === 'server')"
    )
    by_server, previews_by_server = read_counters(page), read_previews(page)
    assert "… more" in previews_by_server["linkedin"] and "… more" in previews_by_server["facebook"]

    page.dispatch_event("#text", "input")  # the browser redraws counters and previews itself
    by_browser = read_counters(page)
    assert {source for source, _value in by_browser.values()} == {"browser"}
    assert {key: value for key, (_source, value) in by_browser.items()} == {
        key: value for key, (_source, value) in by_server.items()
    }
    assert read_previews(page) == previews_by_server

    page.fill("#text", "Short.")  # drawn at once, before the server's check (it waits for a pause)
    redrawn = read_previews(page)
    assert redrawn["linkedin"].startswith("Short.") and "… more" not in redrawn["linkedin"]


# --- in-place upload, layout at desktop and phone widths, X overflow ------------------------------------

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


def small_png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (120, 90), (200, 60, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def in_viewport(page, selector: str) -> bool:
    """Whether the element is entirely inside the visible part of the page, as it is scrolled now."""
    return page.evaluate(
        f"""() => {{
            const box = document.querySelector('{selector}').getBoundingClientRect();
            return box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
        }}"""
    )


def box(page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


def check_layout(page, viewport: dict) -> None:
    if viewport is PHONE:
        # The action bar is in reach at once, with nothing scrolled.
        assert page.evaluate("window.scrollY") == 0
        assert in_viewport(page, ".schedule-buttons")
        assert in_viewport(page, "button[name=action][value=at]")
    else:
        # Write on the left, the previews on the right, side by side.
        editor, previews = box(page, ".composer-editor"), box(page, ".composer-previews")
        assert previews["x"] >= editor["x"] + editor["width"]
        assert previews["y"] < editor["y"] + 200
        page.mouse.wheel(0, 1500)  # the previews stay in view while the editor scrolls
        page.wait_for_function("() => window.scrollY > 0")
        assert box(page, ".composer-previews")["y"] >= -1


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def sized_page(request, site, live_server, alice, org):
    with signed_in_page(live_server, alice, org, viewport=request.param) as page:
        page.viewport = request.param
        yield page


def test_a_photo_is_uploaded_in_the_composer_and_the_post_scheduled_and_edited(sized_page, org, alice):
    page = sized_page
    x = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic X"
    )
    linkedin = ConnectedAccount.objects.create(
        organization=org, network="linkedin", kind="linkedin_member", external_id="li-1", display_name="Clinic in"
    )
    page.goto("/compose/")
    check_layout(page, page.viewport)

    page.check(f'input[name="accounts"][value="{x.pk}"]')
    page.check(f'input[name="accounts"][value="{linkedin.pk}"]')
    page.fill("#text", "Our waiting room has new chairs. Come and see them at your next visit.")

    # Pick a file right here: it uploads with a progress bar, lands in the picker ticked, and asks for alt text.
    page.set_input_files(
        "#composer-files", files=[{"name": "waiting-room.png", "mimeType": "image/png", "buffer": small_png()}]
    )
    page.wait_for_selector(".upload-item.done")
    assert page.eval_on_selector(".upload-item progress", "(bar) => bar.value") == 100
    assert "waiting-room.png is uploaded and attached." in page.text_content(".upload-item [role=status]")
    asset = MediaAsset.objects.get(organization=org)
    tile = f"#choice-{asset.pk}"
    assert page.is_checked(f'{tile} input[name="media"]')
    page.wait_for_function(f"() => document.querySelector('{tile} img').naturalWidth > 0")
    page.fill(f"#alt-{asset.pk}", "Six new blue chairs in the waiting room.")
    page.click(f"{tile} [data-save-alt-text]")
    page.wait_for_selector(f"{tile} [data-alt-text-status]:has-text('Alt text saved.')")
    assert page.get_attribute(f"{tile} img", "alt") == "Six new blue chairs in the waiting room."
    asset.refresh_from_db()
    assert asset.alt_text == "Six new blue chairs in the waiting room."
    # The previews show the attached photo with its alt text.
    page.wait_for_selector(f'#check-{x.pk} .preview img[alt="Six new blue chairs in the waiting room."]')

    tomorrow = (timezone.now() + timedelta(days=1)).astimezone(ZoneInfo("America/Toronto")).date()
    page.fill("#scheduled_local", f"{tomorrow:%Y-%m-%d}T09:30")
    page.wait_for_selector("#checks .when")
    page.click("button[name=action][value=at]")
    page.wait_for_url("**/posts/")
    post = Post.objects.get()  # one post: the page's autosaves and its submit share one draft key
    assert list(post.media.all()) == [asset]
    assert {target.state for target in post.targets.all()} == {TargetState.SCHEDULED}

    # Open it again: the photo is still attached, with its alt text, the time is kept, the layout holds.
    page.goto(f"/posts/{post.pk}/edit/")
    assert page.is_checked(f'{tile} input[name="media"]')
    assert page.get_attribute(f"{tile} img", "alt") == "Six new blue chairs in the waiting room."
    assert page.input_value("#scheduled_local") == f"{tomorrow:%Y-%m-%d}T09:30"
    check_layout(page, page.viewport)
    page.click("button[name=action][value=at]")
    page.wait_for_url("**/posts/")

    # The home page's week shows it tomorrow at 09:30, on both networks.
    page.goto("/")
    day = page.locator(f"#day-{tomorrow:%Y-%m-%d}")
    day.scroll_into_view_if_needed()
    assert day.is_visible()
    assert "09:30" in day.text_content()
    assert "X" in day.text_content() and "LinkedIn" in day.text_content()


def test_a_refused_file_says_why_in_place(page, org):
    page.goto("/compose/")
    page.set_input_files(
        "#composer-files",
        files=[
            {"name": "notes.txt", "mimeType": "text/plain", "buffer": b"Patient list"},
            {"name": "scan.png", "mimeType": "image/png", "buffer": b"Patient list: Jane Doe\n"},
        ],
    )
    page.wait_for_selector(".upload-item:nth-child(2) [role=alert]")
    refusals = page.locator(".upload-item [role=alert]").all_text_contents()
    assert refusals[0].startswith("notes.txt is not a photo or video. PhysSocial accepts JPEG, PNG")
    assert refusals[1].startswith("This file is a text file. PhysSocial accepts JPEG, PNG")
    assert not MediaAsset.objects.exists()
    assert page.url.endswith("/compose/")


def test_a_file_too_big_is_refused_before_it_is_sent(page, org, settings):
    settings.MEDIA_MAX_IMAGE_BYTES = 1000
    page.goto("/compose/")
    page.set_input_files(
        "#composer-files", files=[{"name": "big.png", "mimeType": "image/png", "buffer": small_png() + b"\0" * 3000}]
    )
    alert = page.wait_for_selector(".upload-item [role=alert]")
    assert "big.png is 3 kB; the largest image PhysSocial accepts is 1 kB." == alert.text_content()
    assert not MediaAsset.objects.exists()


def test_an_x_text_too_long_says_how_much_to_cut_and_marks_it(page, org):
    x = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinic X"
    )
    page.goto("/compose/")
    page.check(f'input[name="accounts"][value="{x.pk}"]')
    page.wait_for_selector(f"#check-{x.pk}")
    text = "Flu shots 💉 " + "a" * 265 + "TOOLONG"  # 12 + 265 + 7 weighs 285 (the emoji counts 2)
    page.fill("#text", text)
    note = page.locator(f"#check-{x.pk} [data-x-overflow]")
    assert note.text_content() == "Cut 5 characters to fit X: the part past the limit is marked in the preview."
    assert page.text_content(f"#check-{x.pk} mark.overflow") == "OLONG"
    wait_for_server_count(page, x, parse_tweet(text).weightedLength)  # the server marks the same
    assert page.text_content(f"#check-{x.pk} mark.overflow") == "OLONG"
    assert "Cut 5 characters" in note.text_content()

    page.fill("#text", text[:-5])
    assert note.is_hidden()
    assert page.locator(f"#check-{x.pk} mark.overflow").count() == 0


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
