"""Where a patient is, as the sixteenth and seventeenth authors told it: a dialysis chair or station with the
patient's schedule, a plane seat with the flight, a child's school or daycare beside the child, a hunting camp, a
chalet or a resort's room where a patient stayed, a street told with what happened there or whose home it is. Each
beside its look-alike: a chair without a slot, a seat without a flight, a school hosting an event, a clinic's
address, a ward named as a hospital's, a conference's hotel room."""

import pytest

from tests.privacy.helpers import flagged


def found(text: str, category: str) -> list[str]:
    return [excerpt for kind, excerpt in flagged(text) if kind == category]


@pytest.mark.parametrize(
    ("text", "room"),
    [
        (
            "Whoever parked the blue Civic by the dialysis entrance: you're in chair 6 at 7 am, your lights are on.",
            "chair 6",
        ),
        ("Mr. Daniels, chair 8 on MWF mornings, brought donuts for the whole unit.", "chair 8 on MWF mornings"),
        ("Our patient in chair 11, Mon/Wed/Fri 13:30, finally got his fistula.", "chair 11, Mon/Wed/Fri 13:30"),
        ("Mme Keller est au fauteuil 4 le mardi à 14 h pour sa chimio.", "fauteuil 4 le mardi à 14 h"),
        ("M. Roth, poste 9 des mardi-jeudi-samedi soir, fête ses 80 ans avec l'équipe.", "poste 9"),
        ("Il dialysait au poste 2 le lundi matin depuis six ans.", "poste 2 le lundi matin"),
    ],
)
def test_a_treatment_chair_with_its_patients_schedule_is_a_room(text, room):
    assert any(room in excerpt for excerpt in found(text, "room")), found(text, "room")


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("My patient flew home on WestJet flight 1420, seat 12F, with her oxygen concentrator.", "seat 12F"),
        (
            "Back from Lima on AC 91, seat 41B, with a fever since the landing: malaria until proven otherwise.",
            "seat 41B",
        ),
        ("M. Ferreira rentre de Dakar jeudi, vol 718, siège 22D, avec son traitement antipaludique.", "siège 22D"),
        ("Mme Royer, TGV 8712 vers Lyon, voiture 14, place 63, a fait un malaise à bord.", "place 63"),
    ],
)
def test_a_seat_with_its_flight_or_train_is_a_room(text, seat):
    assert any(seat in excerpt for excerpt in found(text, "room")), found(text, "room")


@pytest.mark.parametrize(
    ("text", "school"),
    [
        (
            "Her son Owen, 9, goes to Maple Ridge Elementary and the nurse there calls us every week.",
            "Maple Ridge Elementary",
        ),
        (
            "Noah, 4, at Sunshine Montessori on Elm Ave, came in with hand-foot-and-mouth.",
            "Sunshine Montessori on Elm Ave",
        ),
        ("Jade, 16, grade 11 at Westdale Secondary, asked about her acne scars.", "Westdale Secondary"),
        ("Lou, 2 ans, à la crèche Les Petits Lutins de la rue Nationale, a la varicelle.", "crèche Les Petits Lutins"),
        ("Inès, 9 ans, en CM1 à l'école Paul-Bert de Cesson, revient avec une gale.", "école Paul-Bert de Cesson"),
        ("Le petit Arthur, 5 ans, au CPE Les Bourgeons de Gatineau, a encore de l'impétigo.", "CPE Les Bourgeons"),
        ("Four kids with sledding injuries this week, including Mason from Glebe Collegiate.", "Glebe Collegiate"),
        (
            "Un garçon de 15 ans, demi de mêlée au collège Saint-Exupéry de Blagnac, plaqué haut.",
            "collège Saint-Exupéry",
        ),
        ("Tanner, a grade 10 at Bishop Carroll High, took a puck to the face Saturday.", "Bishop Carroll High"),
    ],
)
def test_a_childs_school_or_daycare_beside_the_child_is_an_address(text, school):
    assert any(school in excerpt for excerpt in found(text, "address")), found(text, "address")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Trapper with a chainsaw cut, Ray Boucher, cabin 3 off Hwy 11, Hearst, drove himself in.",
            "cabin 3 off Hwy 11",
        ),
        ("Chasseur blessé à l'épaule, M. Simard, au camp 12, Zec Kipawa ; il va bien.", "camp 12, Zec Kipawa"),
        ("Latest one: Leo M., from the Riviera Maya Grand resort, room 2207, with a sea-urchin spine.", "room 2207"),
        ("The home care nurse found him on the floor at 16 Maple Crescent W this morning.", "16 Maple Crescent W"),
        ("Mon patient est tombé au 12 rue des Lilas à Vannes en sortant du cabinet.", "12 rue des Lilas"),
        (
            "« M. Paul Girard, de la rue des Forges à Trois-Rivières » : on a retiré son nom de l'avis.",
            "rue des Forges",
        ),
        (
            "The home dialysis machine at 9 Birch Road, Sandy Bay, the Keeper home, runs three nights a week.",
            "9 Birch Road",
        ),
        ("She was found in the laundry room of her apartment on Carling Avenue, two days after.", "Carling Avenue"),
        ("Son chalet au chemin du Lac-Vert, à Messines, n'a pas de téléphone.", "chemin du Lac-Vert"),
        (
            "Une carte de vœux de Mme Odile Weber, 14 rue des Vosges, 68000 Colmar, qui va très bien.",
            "14 rue des Vosges",
        ),
    ],
)
def test_where_a_patient_stayed_or_something_happened_to_them_is_an_address(text, place):
    assert any(place in excerpt for excerpt in found(text, "address")), found(text, "address")


@pytest.mark.parametrize(
    "text",
    [
        # A chair or a station without anyone's slot, a committee's chair, a loading bay.
        "Our dialysis unit has 14 chairs; chair 3 is the isolation chair.",
        "The committee chair, Dr. Patel, opens the meeting at 1 pm on Tuesday.",
        "Bay 3 at the loading dock closes at 6 pm for renovations.",
        "Notre unité compte 12 postes, dont le poste 7 réservé aux patients isolés.",
        # A seat without a flight; a square named Place.
        "Seat belts save lives: 34 children were in car seats in the study.",
        "Book your flight early; the conference is in Montpellier. Place de la Comédie is lovely.",
        # A school hosting an event or a programme, a talk given at a school.
        "Frontenac Secondary hosted our vaccination clinic on Thursday: 212 students vaccinated.",
        "Grade 12 students at Frontenac Secondary can apply for our summer research program.",
        "Je donne une conférence à l'école Jules-Verne de Chantepie sur les tiques jeudi.",
        # A school of a kind, not named; a road where a stranger crashed; a clinic in a house.
        "Jeanne a 12 ans, elle est en 5e dans un collège de la Guillotière.",
        "A cyclist from Haines Junction crashed on the Alaska Road and came in by ambulance.",
        "Three family doctors in a converted house on Main Street took on 400 new patients.",
        # The writer's own child; a school's own day; a camp's cabin of campers.
        "Ma fille Léa, 8 ans, est à l'école Sainte-Marie et adore la lecture.",
        "Visiting Riverdale Collegiate Institute's career day on Friday with 12-year-old shadow students.",
        "Cabin 7 at Camp Kitchikewana has our diabetes campers this week.",
        # "High" that names no school.
        "The Mile High Stadium hosts our concussion clinic on Saturdays.",
        # A class, not one child.
        "Grade 4 at Hillcrest Elementary sent our ward 200 get-well cards this week.",
        # The clinic's address, a move of the practice.
        "We've moved! Lakeside Family Health is now at 40 King St W, Suite 2, a new home for our team.",
        "Our clinic at 88 Clergy St W is open Monday to Friday.",
        "Le cabinet déménage au 12 rue des Lilas à Vannes à partir du 3 janvier.",
        # A camp closed to all, a programme for many families.
        "The hunting camp season opens soon; camp 14 off Hwy 41 is closed this year for the fire ban.",
        "Our new home hemodialysis program covers Wunnumin Lake and Sandy Lake families.",
        # A conference's hotel room, a ward named as a hospital's.
        "Join us at the Delta Kingston Waterfront, room Frontenac B, for the Travel Medicine Update on Feb 20.",
        "Conference hotel: Hilton Garden Inn, room 214 for the speakers' lounge, registration at 8 am.",
        "The new dialysis unit opens on 7 West next month, with 12 stations.",
    ],
)
def test_look_alikes_are_not_places_of_a_patient(text):
    assert not [kind for kind, _ in flagged(text) if kind in ("room", "address")], flagged(text)


def test_a_ward_named_as_a_towns_is_the_unit_not_the_patients_room():
    text = "Case: Mrs. Ahenakew, chair 9, Tues/Thurs/Sat 07:00 at Regina's 4 North, with arm swelling."
    assert found(text, "room") == ["chair 9, Tues/Thurs/Sat 07:00"]


def test_a_ward_told_as_where_a_patient_is_stays_a_room():
    assert "7 West" in found("The plate CKRT 418 belongs to the son of our patient in 7 West.", "room")
