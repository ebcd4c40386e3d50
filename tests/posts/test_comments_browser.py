"""The comment box in a real Chromium: type "@", choose a colleague from the list, post; all by keyboard."""

from accounts.models import Notification
from posts.models import Post, PostComment
from tests.browser_support import BROWSER_TEST, signed_in_page

pytestmark = BROWSER_TEST


def test_typing_at_offers_members_and_enter_mentions_the_chosen_one(live_server, alice, bob, org, member):
    brenda = member("viewer")
    brenda.display_name = "Brenda Bishop"
    brenda.save()
    post = Post.objects.create(organization=org, author=alice, text="Flu shots are in this week.")

    with signed_in_page(live_server, alice, org) as page:
        errors: list[str] = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(f"/posts/{post.pk}/comments/")
        box = page.get_by_label("Add a comment")
        box.click()
        box.press_sequentially("Please check this, @b")

        options = page.get_by_role("listbox", name="Members to mention").get_by_role("option")
        options.first.wait_for()
        assert options.all_inner_texts() == ["Bob Brown bob@example.org", f"Brenda Bishop {brenda.email}"]
        assert box.get_attribute("aria-activedescendant") == "comment-mentions-0"
        assert "2 members match" in page.locator("#comment-mentions-status").inner_text()

        box.press("ArrowDown")
        box.press("ArrowUp")
        box.press("ArrowDown")  # Brenda, then back to Bob, then Brenda again
        assert box.get_attribute("aria-activedescendant") == "comment-mentions-1"
        box.press("Enter")
        assert page.get_by_role("listbox", name="Members to mention").is_hidden()
        assert box.input_value() == f"Please check this, @{brenda.email} "

        box.press_sequentially("and @bo")
        options.first.wait_for()
        box.press("Escape")
        assert page.locator("#comment-mentions").is_hidden()
        box.press_sequentially("b")  # "@bob": the list comes back; choose with the mouse this time
        page.get_by_role("option", name="Bob Brown").click()
        assert box.input_value() == f"Please check this, @{brenda.email} and @bob@example.org "

        page.get_by_role("button", name="Comment", exact=True).click()
        page.get_by_role("status").filter(has_text="Comment added.").wait_for()
        thread = page.locator(".comments").inner_text()
        assert "Please check this, @Brenda Bishop and @Bob Brown" in thread
        assert page.get_by_label("Add a comment").input_value() == ""
        assert errors == []

    comment = PostComment.objects.get()
    assert set(comment.mentioned.all()) == {bob, brenda}
    told = Notification.objects.filter(kind=Notification.Kind.MENTIONED).values_list("user", flat=True)
    assert sorted(told) == sorted([bob.pk, brenda.pk])
