"""Rooms, bays and beds tied to a person, and the lecture rooms, suites and meeting rooms that are not."""

from tests.privacy.helpers import categories, flagged


def test_a_relative_at_the_bedside_ties_the_bay_to_the_one_they_visit():
    assert ("room", "Resus 3") in flagged("To the family who waited while your grandmother was in Resus 3: thank you.")
    assert ("room", "chambre 208") in flagged("Son mari a dormi dans la chambre 208 toute la semaine.")


def test_a_time_of_day_is_not_a_monsieur():
    assert "room" not in categories("Volunteer training, 6 to 8 p.m., Room 2.110.")


def test_a_room_in_a_named_building_is_a_venue():
    assert "room" not in categories("Her talk is on Monday in Room 1.204 of the Health Sciences Building.")
    assert "room" not in categories("Il présente lundi, salle 2.14 du pavillon Vachon.")


def test_a_unit_after_a_street_address_is_a_suite():
    assert "room" not in categories("Her clinic moves to 12 Queen Street, Unit 4, on March 1.")
    assert ("room", "unit 4") in flagged("Mr. Okafor is back in unit 4 after his surgery.")


def test_the_room_a_baby_was_born_in_is_tied_to_the_mother():
    assert ("room", "salle 3") in flagged("La petite Rose est née à 4 h 10, 3,2 kg, en salle 3.")
    assert ("room", "L&D room 5") in flagged("Baby girl born at 02:40 in L&D room 5, mom and baby well.")
    assert "room" not in categories("Réunion des infirmières en salle 3 à midi.")
    assert "room" not in categories("Prenatal class in room 5, Tuesdays at 7; babies welcome at the next session.")


def test_a_room_where_someone_speaks_or_trains_is_a_venue():
    assert "room" not in categories("Dr. Ahmed will speak in Room 201 on Friday; she will cover asthma.")
    assert "room" not in categories("Students meet in Room 3 at 8 for her orientation.")
    assert ("room", "Room 3") in flagged("She spent her last week in Room 3, with her daughter beside her.")


def test_a_room_where_a_council_meets_is_a_venue():
    assert "room" not in categories("Our patient advisory council meets the first Tuesday of the month in Room 2.")


def test_a_bed_spoken_of_as_the_wards_equipment_is_not_someones():
    assert flagged("In bed 3 today: nobody. First empty ICU in months.") == []
    assert flagged("Le lit 7 de l'urgence est réservé aux cas de santé mentale.") == []
    assert ("room", "Bed 14A") in flagged("Bed 14A is now free, and Mrs. Park finally has a window.")
