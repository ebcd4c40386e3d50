"""What each network is, as data: the one place a network's facts are written.

Validation, previews, the composer (through JSON), the account pages and the
adapters themselves read these descriptions; nothing else spells a network's
label, its options, where its link goes, which files it takes, its title rule
or where its feed cuts a long text. Change a fact here and every reader
follows.

The descriptions live apart from the adapters so that reading them never
imports a network's SDK: the composer describes every network on every load,
and ``platforms.adapter_class`` imports an adapter only when it is used. Each
adapter points at its own description (``Twitter.description``).

Plain Python, like the rest of ``platforms``: no Django. Words people read are
marked with ``gettext_noop`` so that ``makemessages`` collects them; the app
translates them where it shows them (``physsocial.networks``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


def gettext_noop(message: str) -> str:
    """Marks ``message`` for translation without translating it (Django's name, so makemessages finds it)."""
    return message


# --- the parts of a description ------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    value: str  # what is stored and sent to the network
    label: str  # what a person reads


@dataclass(frozen=True)
class Option:
    """One per-network setting, as it is stored in a target's ``options`` and shown in the composer.

    ``kind`` says how a value is checked and stored: ``choice`` (one of ``choices``),
    ``text`` (up to ``max_length`` characters), ``tags`` (a list, or text with commas),
    ``flag`` (true or false), ``media_id`` (a file of the library), ``thread`` (further
    posts) and ``fit`` (a choice per attached file). A value equal to ``default`` is not
    stored. ``noun`` names the setting inside a sentence ("… is not a privacy setting").
    ``in_composer``: the composer's page sends it, as ``o-<account>-<name>`` (a fit as
    ``o-<account>-fit-<file>``, next to each file's problem); the others come from the API only.
    """

    name: str
    kind: Literal["choice", "text", "tags", "flag", "media_id", "thread", "fit"]
    label: str
    noun: str
    choices: tuple[Choice, ...] = ()
    default: str | bool | None = None
    max_length: int | None = None
    blank_label: str = ""  # a first, empty choice ("Decide from what is attached"), or none
    in_composer: bool = True

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(choice.value for choice in self.choices)


@dataclass(frozen=True)
class MediaRule:
    """Which of a post's files go to the network.

    ``thumbnail``: a chosen cover image goes after the videos (YouTube).
    ``none_with_format``: the format option value that sends no files (a Facebook link post
    shows the link's preview instead).
    """

    images: bool
    videos: bool
    thumbnail: bool = False
    none_with_format: str = ""


@dataclass(frozen=True)
class TitleRule:
    """A network whose posts carry a title (YouTube): from the ``option``, else the text's first line."""

    option: str
    max_length: int
    forbidden: str = ""  # characters the network refuses in a title
    preview_cutoff: int | None = None  # where lists of posts cut the title with "…"

    def title_for(self, text: str, options: dict) -> str:
        title = str(options.get(self.option) or "").strip()
        if title:
            return title
        lines = text.strip().splitlines()
        return lines[0].strip() if lines else ""


LinkPlacement = Literal["text", "card"]


@dataclass(frozen=True)
class NetworkDescription:
    """One network, as PhysSocial shows and checks it.

    ``link_placement``: where a post's link goes when the text does not hold it already.
    ``text``: it joins the text (the network has no link field). ``card``: the network
    shows it as a link card, except on a post with files, where it joins the text.
    ``link_card``: the network draws a card for a link (in the text or the link field)
    when no file is attached. ``preview_cutoff``: how many characters the feed shows
    before "…more" (None: the whole text).
    """

    network: str  # "twitter": also the adapter's module, the settings prefix and the database value
    label: str
    link_placement: LinkPlacement
    link_card: bool
    media: MediaRule
    preview_cutoff: int | None
    options: tuple[Option, ...] = ()
    title: TitleRule | None = None
    text_name: str = gettext_noop("Text")  # what the composer calls this network's text

    def option(self, name: str) -> Option:
        return next(option for option in self.options if option.name == name)

    @property
    def option_names(self) -> tuple[str, ...]:
        return tuple(option.name for option in self.options)

    def link_joins_text(self, *, text: str, link: str, has_media: bool) -> bool:
        """Whether ``link`` is added to ``text`` for this network (see ``link_placement``)."""
        if not link or link in text:
            return False
        return self.link_placement == "text" or has_media


def with_link(text: str, link: str) -> str:
    """``text`` with ``link`` on a paragraph of its own, as every network receives it."""
    return f"{text}\n\n{link}" if text else link


# --- the networks -----------------------------------------------------------------------------------

# Where feeds cut a long text with "…more" are not published by the networks; these are the figures
# the tools people use agree on (checked 2026-12): Facebook about 480 characters on desktop
# (bulkpublish.com/blog/facebook-character-limit, posthell.com: 477), Instagram 125
# (charactercounter.com/instagram), LinkedIn 210 (web-3-apps.com/char-counter/articles/
# linkedin-post-length, boltpost.app/linkedin-see-more-preview.html), YouTube's description
# about 157 and its title 70 in search results (lettercounter.org/blog/youtube-character-limit-guide).
# X shows a post of up to 280 characters whole.

TWITTER = NetworkDescription(
    network="twitter",
    label="X",  # the brand's name: not translated
    # X has no link field; a link in the text gets a card.
    link_placement="text",
    link_card=True,
    media=MediaRule(images=True, videos=True),
    preview_cutoff=None,
    options=(
        Option(
            "reply_settings",
            "choice",
            gettext_noop("Who can reply"),
            gettext_noop("reply setting"),
            choices=(
                Choice("everyone", gettext_noop("Everyone")),
                Choice("following", gettext_noop("Accounts you follow")),
                Choice("mentionedUsers", gettext_noop("Only accounts you mention")),
                Choice("verified", gettext_noop("Verified accounts")),
                Choice("subscribers", gettext_noop("Your subscribers")),
            ),
            default="everyone",
        ),
        Option("thread", "thread", gettext_noop("Thread"), gettext_noop("thread"), in_composer=False),
    ),
)

FACEBOOK = NetworkDescription(
    network="facebook",
    label="Facebook",
    link_placement="card",
    link_card=True,
    media=MediaRule(images=True, videos=True, none_with_format="link"),
    preview_cutoff=480,
    options=(
        Option(
            "format",
            "choice",
            gettext_noop("Post as"),
            gettext_noop("post format"),
            choices=(
                Choice("link", gettext_noop("Link post (shows the link's preview)")),
                Choice("photo", gettext_noop("Photo or video post")),
            ),
            blank_label=gettext_noop("Decide from what is attached"),
        ),
    ),
)

# What the composer offers for an Instagram image whose shape Instagram refuses.
FIT_CHOICES = (
    Choice("default", gettext_noop("As uploaded")),
    Choice("crop", gettext_noop("Crop")),
    Choice("pad", gettext_noop("White bars")),
    Choice("pad_blur", gettext_noop("Blurred bars")),
)

INSTAGRAM = NetworkDescription(
    network="instagram",
    label="Instagram",
    # Instagram has no link field and shows no card: a link is only text in the caption.
    link_placement="text",
    link_card=False,
    media=MediaRule(images=True, videos=True),
    preview_cutoff=125,
    text_name=gettext_noop("Caption"),
    options=(
        Option(
            "format",
            "choice",
            gettext_noop("Post as"),
            gettext_noop("post format"),
            choices=(
                Choice("feed", gettext_noop("Feed image")),
                Choice("carousel", gettext_noop("Carousel (2 to 10)")),
                Choice("reel", gettext_noop("Reel (one video)")),
            ),
            blank_label=gettext_noop("Decide from what is attached"),
        ),
        Option("fit", "fit", gettext_noop("Fit"), gettext_noop("fit"), choices=FIT_CHOICES),
        Option(
            "share_to_feed",
            "flag",
            gettext_noop("Share to feed"),
            gettext_noop("share_to_feed"),
            default=True,
            in_composer=False,
        ),
    ),
)

LINKEDIN = NetworkDescription(
    network="linkedin",
    label="LinkedIn",
    link_placement="card",
    link_card=True,
    media=MediaRule(images=True, videos=True),
    preview_cutoff=210,
    options=(
        Option(
            "visibility",
            "choice",
            gettext_noop("Who can see it"),
            gettext_noop("visibility"),
            choices=(Choice("PUBLIC", gettext_noop("Anyone")), Choice("CONNECTIONS", gettext_noop("Connections only"))),
        ),
    ),
)

YOUTUBE = NetworkDescription(
    network="youtube",
    label="YouTube",
    # YouTube has no link field: the link joins the description.
    link_placement="text",
    link_card=False,
    media=MediaRule(images=False, videos=True, thumbnail=True),
    preview_cutoff=157,
    text_name=gettext_noop("Description"),
    title=TitleRule(option="title", max_length=100, forbidden="<>", preview_cutoff=70),
    options=(
        Option("title", "text", gettext_noop("Title"), gettext_noop("title"), max_length=1000),
        Option("tags", "tags", gettext_noop("Tags"), gettext_noop("tag"), max_length=500),
        Option(
            "privacy",
            "choice",
            gettext_noop("Privacy"),
            gettext_noop("privacy setting"),
            choices=(
                Choice("public", gettext_noop("Public")),
                Choice("unlisted", gettext_noop("Unlisted")),
                Choice("private", gettext_noop("Private")),
            ),
        ),
        # YouTube's video categories a physician is likely to want (ids are YouTube's, region US/CA).
        Option(
            "category",
            "choice",
            gettext_noop("Category"),
            gettext_noop("category"),
            choices=(
                Choice("22", gettext_noop("People & Blogs")),
                Choice("27", gettext_noop("Education")),
                Choice("28", gettext_noop("Science & Technology")),
                Choice("25", gettext_noop("News & Politics")),
                Choice("26", gettext_noop("Howto & Style")),
                Choice("29", gettext_noop("Nonprofits & Activism")),
            ),
        ),
        Option("made_for_kids", "flag", gettext_noop("Made for kids"), gettext_noop("made_for_kids"), default=False),
        Option("thumbnail_id", "media_id", gettext_noop("Thumbnail"), gettext_noop("thumbnail")),
    ),
)

#: network -> its description, in the order the app lists networks.
DESCRIPTIONS: dict[str, NetworkDescription] = {
    description.network: description for description in (TWITTER, FACEBOOK, INSTAGRAM, LINKEDIN, YOUTUBE)
}


def describe(network: str) -> NetworkDescription:
    """``network``'s description; ValueError for a network PhysSocial does not know."""
    try:
        return DESCRIPTIONS[network]
    except KeyError:
        raise ValueError(f"Unknown network {network!r}; expected one of {', '.join(DESCRIPTIONS)}.") from None
