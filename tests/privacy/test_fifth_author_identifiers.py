"""The fifth author's rooms, handles, serials, bibs and venues, in other words, each beside a look-alike."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    ("text", "category", "excerpt"),
    [
        # The chair a patient is treated in.
        ("Yes, that was Mrs. Okafor in infusion chair 6, the one with the crossword.", "room", "infusion chair 6"),
        ("Mme Roy, au fauteuil de dialyse 3, nous a apporté des biscuits.", "room", "fauteuil de dialyse 3"),
        # Someone said by a nickname in quotes or a first name right before the room.
        ('Rehab ward: "Lucky" in room 218 walked the whole hallway today.', "room", "room 218"),
        ("Gerald in room 9 asked for his harmonica back.", "room", "room 9"),
        ("Psych unit: 'Bear' in room 7 finally slept through the night.", "room", "room 7"),
        # A relative of a patient posted from a handle.
        (
            "Her grandson put the video on TikTok: @nana_rose_rehab. Please do not share it.",
            "url_handle",
            "@nana_rose_rehab",
        ),
        (
            "La fille de M. Gagnon a partagé sa photo sur Instagram (@papa_gagnon_usi).",
            "url_handle",
            "@papa_gagnon_usi",
        ),
        # A device's serial written as the maker's prefix and the number.
        ("We replaced his insulin pump, serial MMT-780 5523817, at the visit.", "device_serial", "MMT-780 5523817"),
        # A runner's bib.
        ("Km 32: a runner, bib 4410, collapsed at the aid station; he is fine now.", "record_number", "4410"),
    ],
)
def test_a_chair_a_room_after_a_person_a_relatives_handle_a_serial_and_a_bib_are_flagged(text, category, excerpt):
    assert (category, excerpt) in flagged(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("She came to our crisis unit 31 times before anyone asked about her housing.", "room"),
        ("Meeting in Room 201 at noon: the new dialysis chairs arrive Monday.", "room"),
        ("Dialysis chair 4 is broken again; the company is sending a technician Monday.", "room"),
        ("My daughter posted the fundraiser on Instagram: @run_for_renal. Go follow!", "url_handle"),
        ("Bib pickup opens Friday at the arena: bib numbers 1 to 500 before noon.", "record_number"),
        # An event's venue, its town and its postal code are the organizer's.
        (
            "A ribbon cutting is planned for Monday, March 2, at 11 am, 88 Mill Road, Hearst, P0L 1N0. All welcome.",
            "address",
        ),
        (
            "A ribbon cutting is planned for Monday, March 2, at 11 am, 88 Mill Road, Hearst, P0L 1N0. All welcome.",
            "postal_code",
        ),
        (
            "Un 5 à 7 aura lieu jeudi au restaurant Le Moulin, 12, rue des Érables. Patients et familles bienvenus !",
            "address",
        ),
        ("Parents, le numéro de la plateforme régionale est le 04 72 11 22 33. Elle répond 7 jours sur 7.", "phone"),
    ],
)
def test_counts_meetings_own_family_bib_pickups_and_venues_stay_quiet(text, category):
    assert category not in categories(text, language="fr" if " le " in text or " au " in text else None)
