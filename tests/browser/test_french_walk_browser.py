"""A physician who chose Français walks the composer and the calendar in a real Chromium and meets
no English: not in the pages, not in what the JavaScript writes while they type (the live counts,
X's overflow note), not in the calendar FullCalendar draws (its buttons, hints and day names).

The check reads what a person sees or a screen reader says (visible text, and the title,
aria-label, placeholder and alt of visible elements) and looks for words French never uses.
What people wrote (post texts, names) and the networks' and products' names are left out first.
"""

from __future__ import annotations

import re
from datetime import datetime, time

import pytest

from accounts.models import ConnectedAccount
from tests.browser_support import BROWSER_TEST, signed_in_page
from tests.calendar.browsing import next_monday, settled
from tests.calendar.conftest import TORONTO, place
from tests.english_left import ENGLISH_WORDS

pytestmark = BROWSER_TEST

# Names that stay as they are in French: the networks, the products, and words both languages share.
KEPT_NAMES = {"X", "Facebook", "LinkedIn", "Instagram", "YouTube", "PhysSocial", "Reels", "Shorts", "UTM", "CSV"}
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Every piece of text a person sees or hears: text nodes and the read attributes of rendered elements.
READ_PAGE = """
() => {
  const READ = ["title", "aria-label", "placeholder", "alt"];
  const shown = (element) => {
    if (!element) return false;
    if (element.tagName === "OPTION") return shown(element.closest("select"));
    return element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
  };
  const pieces = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest("script, style, noscript, template, code, pre, kbd")) continue;
    if (node.textContent.trim() && shown(parent)) pieces.push(node.textContent.trim());
  }
  document.body.querySelectorAll("*").forEach((element) => {
    if (!shown(element)) return;
    READ.forEach((name) => {
      const value = element.getAttribute(name);
      if (value && value.trim()) pieces.push(value.trim());
    });
  });
  return pieces;
}
"""


def english_left(page, *, written_by_people: list[str]) -> list[str]:
    """The pieces of text on ``page`` that still hold English words, once what people wrote is removed."""
    found = []
    for piece in page.evaluate(READ_PAGE):
        if any(piece in words for words in written_by_people):
            continue  # their words, or part of them (a preview cuts the text)
        rest = piece
        for words in written_by_people:
            rest = rest.replace(words, " ")
        english = [word for word in WORD.findall(rest) if word not in KEPT_NAMES and word.lower() in ENGLISH_WORDS]
        if english:
            found.append(f"{piece!r} ({', '.join(english)})")
    return sorted(set(found))


@pytest.fixture
def french_alice(alice):
    alice.language = "fr"
    alice.save(update_fields=["language"])
    return alice


@pytest.fixture
def clinic_accounts(org):
    return {
        network: ConnectedAccount.objects.create(
            organization=org, network=network, kind=kind, external_id=f"{network}-1", display_name=name
        )
        for network, kind, name in [
            ("twitter", "x_user", "Clinique sur X"),
            ("instagram", "instagram_business", "Clinique sur Instagram"),
        ]
    }


def test_the_composer_speaks_french_while_the_physician_writes(
    live_server, settings, french_alice, org, clinic_accounts
):
    settings.MEDIA_MAX_IMAGE_BYTES = 1000
    x, instagram = clinic_accounts["twitter"], clinic_accounts["instagram"]
    text = "Flu shots are in this week at the clinic, book now. " * 6  # English, as she writes, and too long for X
    people = [text.strip(), "Clinique sur X", "Clinique sur Instagram", org.name, str(french_alice), "big.png"]
    with signed_in_page(live_server, french_alice, org, viewport={"width": 1400, "height": 1200}) as page:
        page.goto("/compose/")
        assert page.get_attribute("html", "lang") == "fr"
        page.check(f'input[name="accounts"][value="{x.pk}"]')
        page.check(f'input[name="accounts"][value="{instagram.pk}"]')
        page.fill("#text", text)

        # The live count and X's overflow note, written by the browser as she types.
        page.dispatch_event("#text", "input")
        counter = page.locator(f'output[data-counter="text"][data-account="{x.pk}"]')
        assert counter.text_content() == str(len(text))
        overflow = page.locator(f"#check-{x.pk} [data-x-overflow]")
        overflow.wait_for()
        assert f"Retirez {len(text) - 280} caractères pour respecter la limite de X" in overflow.text_content()
        # Instagram without a picture: the server's check says so, in French.
        problem = page.wait_for_selector(f"#check-{instagram.pk} .problems")
        assert problem.text_content().strip()
        # A picture too big is refused before it is sent, its size written the French way.
        page.set_input_files(
            "#composer-files", files=[{"name": "big.png", "mimeType": "image/png", "buffer": b"\x89PNG" + b"\0" * 3000}]
        )
        refusal = page.wait_for_selector(".upload-item [role=alert]").text_content()
        assert "big.png fait 3\u202fko" in refusal  # a narrow no-break space, as Intl writes it

        left = english_left(page, written_by_people=people)
        assert left == [], "English on the page:\n" + "\n".join(left)


def test_the_calendar_speaks_french_in_the_month_view(live_server, french_alice, org):
    account = ConnectedAccount.objects.create(
        organization=org, network="twitter", kind="x_user", external_id="x-1", display_name="Clinique sur X"
    )
    monday = next_monday()
    place(account, at=datetime.combine(monday, time(10, 0), TORONTO), author=french_alice, text="Flu shots are in.")
    people = ["Flu shots are in.", "Clinique sur X", org.name, str(french_alice)]
    with signed_in_page(live_server, french_alice, org, viewport={"width": 1400, "height": 1200}) as page:
        page.goto(f"/calendar/?date={monday.isoformat()}")
        settled(page)
        page.get_by_role("tab", name=re.compile("Mois")).click()
        page.locator(".calendar-item", has_text="Flu shots are in.").first.wait_for()
        settled(page)

        # French month and day names, and the week starts on Monday (lundi).
        headers = page.locator('[role="columnheader"]').all_inner_texts()
        assert headers[0].strip().lower().startswith("lun")
        left = english_left(page, written_by_people=people)
        assert left == [], "English on the page:\n" + "\n".join(left)
