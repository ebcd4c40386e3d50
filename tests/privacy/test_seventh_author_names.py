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


def test_a_doctors_nickname_in_quotes_and_his_family_are_a_colleagues_in_a_memorial():
    memorial = (
        'We lost Dr. Bernard "Bud" Kaminski on Sunday. He ran the clinic in Neepawa for 40 years. '
        "Bud taught us to listen. His wife Edna asks for no flowers. Rest easy, Bud."
    )
    assert names(memorial) == []
    assert (
        names("Hommage au Dr Jean « Jeannot » Lavoie. Jeannot a soigné le village. Sa femme Huguette remercie.") == []
    )


def test_a_patients_nickname_in_quotes_and_his_family_are_still_flagged():
    story = (
        'Our patient Bernard "Bud" Kaminski died on the ward on Sunday after a long fight with COPD. '
        "Bud taught us to listen. His wife Edna asks for no flowers."
    )
    assert {"Bud", "Edna"} <= set(names(story))


def test_patients_spoken_of_in_general_are_not_whose_spouse_a_colleagues_memorial_names():
    hommage = (
        "Hommage à la Dre Claire Dubé, pédiatre, décédée à 81 ans. Claire a ouvert la clinique en 1975, quand on "
        "envoyait les patients à Québec. Son mari, Gilles, et son fils, Marc, vous invitent à la messe."
    )
    assert names(hommage) == []


def test_the_spouse_of_a_patient_a_doctor_saw_is_still_flagged():
    assert "Gilles" in names("La Dre Claire Dubé a reçu hier une patiente de 81 ans. Son mari, Gilles, l'a trouvée.")
