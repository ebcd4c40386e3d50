"""Names the sixth author's posts showed the guard mistaking or missing, each habit with a look-alike that is
still flagged. The sentences are written here, in words of their own, not taken from the corpora."""

from .helpers import flagged


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_a_colleague_named_by_the_desk_they_work_at_is_no_patient():
    assert (
        names("Big thanks to Darlene at the front desk, who rebooked forty appointments in the storm. Hero, Darlene.")
        == []
    )
    assert names("Merci à Josiane à l'accueil, qui a rappelé tous nos patients du lundi. Tu es géniale, Josiane.") == []


def test_a_patient_met_at_the_front_desk_is_still_a_patient():
    assert (
        names("Darlene Whitcombe, 58, collapsed at the front desk while checking in for her chemo; we coded her.") != []
    )


def test_an_interpreter_or_a_clerk_named_with_their_role_is_a_colleague():
    assert names("Thank you to Nellie Tukkiapik, our interpreter, who made every visit of this trip possible.") == []
    assert names("Merci à Mme Huguette Lacasse, notre agente administrative, pour l'horaire des vaccins.") == []


def test_a_patient_who_needed_an_interpreter_is_still_a_patient():
    assert names("Nellie Tukkiapik, 71, was admitted with sepsis; we needed an interpreter for the consent.") != []


def test_a_doctors_hyphenated_name_stays_a_colleagues_name_in_each_of_its_parts():
    assert (
        names("Farewell to our colleague Dr Paul-Aimé Bastarache, who ran the clinic for 30 years. Merci, Paul-Aimé.")
        == []
    )
    assert names("Congrats to Dr. Yara Lindqvist-Haddad, named teacher of the year. Haddad family, be proud!") == []


def test_a_patients_hyphenated_name_is_still_flagged():
    assert names("Jean-Aimé Bastarache, 67, came in with crushing chest pain; we took him straight to the cath lab.")


def test_a_room_named_like_a_person_is_a_place():
    assert names("The talk was filmed in the Bradley Studio, room 2-140, thanks to our AV team.") == []
