"""Names the fifth author's posts showed the guard missing or mistaking, each habit with a look-alike that stays
clean. The sentences are written here, in words of their own, not taken from the corpora."""

from privacy import lexicon

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_common_short_and_older_first_names_are_known_first_names():
    for first_name in ("ron", "wendell", "winnie", "hollis", "abe", "ollie", "rosa", "otis"):
        assert first_name in lexicon.FIRST_NAMES


def test_first_names_that_are_also_everyday_words_places_or_months_are_left_out():
    for word in ("will", "may", "mark", "grant", "hope", "bill", "ray", "april", "florida", "sunday", "carolina"):
        assert word not in lexicon.FIRST_NAMES


def test_a_patient_called_by_an_older_first_name_is_found_in_a_story_of_care():
    assert names(
        "Overnight call: Wendell, a retired logger, came in with chest pain and a troponin through the roof."
    ) == ["Wendell"]
    assert names("Winnie Hargreave finally went home today after six weeks on our ward. Proud of her.") == [
        "Winnie Hargreave"
    ]
    assert names("Thinking of Ron, who started chemo this week. He brought donuts for the whole unit.") == ["Ron"]


def test_everyday_words_that_are_also_first_names_stay_clean():
    assert names("Will you be at the conference in May? Mark and Grant will present the June data.") == []
    assert names("Ray of sunshine on the ward today: the new X-ray machine finally works.") == []


def test_a_town_after_someones_age_in_french_is_where_they_come_from_not_their_name():
    text = "Un homme de 44 ans de Florence est arrivé hier soir avec une douleur thoracique. Il va mieux."
    assert names(text) == []
    text = "Hier, une femme de 67 ans d'Amos est arrivée en hypothermie après une panne de motoneige."
    assert names(text) == []


def test_a_first_name_beside_an_age_is_still_a_patients_name_in_french():
    text = "Cette semaine, Winnie, 8 ans, a fini sa chimiothérapie et a sonné la cloche."
    assert names(text) == ["Winnie"]
    text = "Florence, 44 ans, est arrivée hier soir avec une douleur thoracique. Elle va mieux."
    assert names(text) == ["Florence"]
