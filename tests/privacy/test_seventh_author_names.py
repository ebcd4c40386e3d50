"""Names the seventh author's posts showed the guard mistaking or missing, each habit with a look-alike that is
still flagged. The sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_town_after_a_place_of_care_is_a_place_in_either_language():
    assert "Selkirk" not in names("Day shift on the surgical ward in Selkirk, a 64-year-old roofer, Bert, fell.")
    assert "Sedan" not in names("Cette nuit aux urgences de Sedan, un couvreur de 64 ans est arrivé après une chute.")
    assert "Vierzon" not in names("En mai, à la maternité de Vierzon, une patiente de 29 ans a accouché seule.")
    assert "Amboise" not in names("Ce matin au SAU d'Amboise, une cycliste de 40 ans est arrivée en ambulance.")


def test_a_patient_named_after_the_town_of_the_place_of_care_is_still_flagged():
    assert "Bert Kowalchuk" in names("Day shift on the surgical ward in Selkirk: Bert Kowalchuk, 64, fell off a roof.")
    assert "Odile" in names("Aux urgences de Sedan, Odile, une couvreuse de 64 ans, est arrivée après une chute.")
