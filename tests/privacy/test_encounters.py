"""Encounter stories: a recent, specific, local encounter lets the patient or their family recognise it."""

from tests.privacy.helpers import categories


def test_coming_off_a_shift_is_as_recent_as_today():
    assert "encounter" in categories("Just finished a night in our ER, where a 40-year-old logger from Hearst came in.")
    assert "encounter" in categories("Je sors d'une garde à l'urgence où un pêcheur de 52 ans de Gaspé est arrivé.")


def test_one_named_night_or_the_small_hours_pin_the_encounter():
    assert "encounter" in categories("Saturday night a very sick baby was left at our ER door. Please call us.")
    assert "encounter" in categories("À 3 h du matin, une femme de 80 ans est arrivée seule à l'urgence.")
    assert "encounter" not in categories("On a Friday evening a man in his sixties can wait hours in any ER.")


def test_a_bed_or_a_corridor_is_a_setting():
    assert "encounter" in categories("Pt in bed 9, a 90 y/o lady, fell last night reaching for her glasses.")


def test_someone_named_with_their_age_in_a_wards_news_is_flagged_by_the_name():
    # Ten authors label the name there and not the encounter (tenth session, warn23); once the name is taken out, the
    # same sentence reads as an encounter again.
    found = categories("Proud of our ICU team. Jacob Lindgren, 19, came off ECMO today.")
    assert "name" in found and "encounter" not in found
    assert "encounter" in categories("Proud of our ICU team. A 19-year-old in our ICU came off ECMO today.")
    assert "encounter" not in categories("Congrats to our ICU team! Dr. Maria Santos, 45, ran the marathon today.")


def test_the_last_shift_is_recent():
    assert "encounter" in categories("Last shift, a woman in her 80s came into our ER with a hip fracture.")


def test_what_one_read_watched_or_celebrated_is_not_an_encounter():
    assert "encounter" not in categories("Just finished reading a paper on a young woman with lupus in a rural ICU.")
    assert "encounter" not in categories("Saturday night I watched a documentary about a farmer from Saskatchewan.")
    assert "encounter" not in categories(
        "Ce week-end, une étudiante de notre programme a remporté le prix à l'hôpital."
    )
    assert "encounter" not in categories("Our ER this weekend: a nurse from Kenora joined us for the first time!")
