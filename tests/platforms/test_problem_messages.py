"""A network's problem is an English sentence with blanks, so whoever shows it can translate it."""

from platforms.base import Draft, MediaItem, NetworkConfig, Phrase, Problem, gettext_noop
from platforms.instagram import Instagram

FRENCH = {
    "%(network)s: %(name)s is %(size)s; the limit is %(limit)s.": (
        "%(network)s : %(name)s fait %(size)s ; limite %(limit)s."
    ),
    "photo %(number)s": "la photo %(number)s",
    "%(size)s MB": "%(size)s Mo",
}


def french(template: str) -> str:
    return FRENCH.get(template, template)


def comma_decimal(value: int | float) -> str:
    return str(value).replace(".", ",")


def test_the_message_is_the_english_sentence_with_numbers_grouped():
    problem = Problem(
        "text_too_long", gettext_noop("X: %(used)s of %(limit)s characters"), params={"used": 1234, "limit": 280}
    )
    assert problem.message == "X: 1,234 of 280 characters"


def test_a_sentence_without_values_may_hold_a_percent_sign():
    assert Problem("x", "100% of the file was read").message == "100% of the file was read"


def test_every_part_is_translated_and_every_number_written_the_readers_way():
    problem = Problem(
        "media_too_large",
        "%(network)s: %(name)s is %(size)s; the limit is %(limit)s.",
        "media",
        {
            "network": "Facebook",
            "name": Phrase("photo %(number)s", {"number": 2}),
            "size": Phrase("%(size)s MB", {"size": 12.5}),
            "limit": Phrase("%(size)s MB", {"size": 10.0}),
        },
    )
    assert problem.message == "Facebook: photo 2 is 12.5 MB; the limit is 10 MB."
    assert problem.phrase.render(french, comma_decimal) == "Facebook : la photo 2 fait 12,5 Mo ; limite 10,0 Mo."


def test_adapters_problems_carry_their_msgid_and_values():
    adapter = Instagram(NetworkConfig(api_url="https://graph.invalid"))  # validate() never calls it
    problems = adapter.validate(Draft(text="#a " * 31, media=(MediaItem(kind="image", content_type="image/jpeg"),)))
    hashtags = next(p for p in problems if p.code == "too_many_hashtags")
    assert hashtags.template == "Instagram allows %(limit)s hashtags; this caption has %(count)s."
    assert hashtags.params == {"limit": 30, "count": 31}
    assert hashtags.message == "Instagram allows 30 hashtags; this caption has 31."
