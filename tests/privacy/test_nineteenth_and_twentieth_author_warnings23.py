"""Warnings as the eighteenth to twentieth authors wrote them: a commenter blocked or scolded, advice on one reader's
child or parent, a product sent to every shelf; and what merely looks like them: the author's own quiet gesture, an
idiom, a caution, a public-health notice, a disclosed code or sponsor."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "Quit sending me anti-vax memes. I'm blocking you and reporting every account you open.",
        "Enough with the private messages about ivermectin. I am reporting you.",
        "Vos messages privés sur les vaccins, ça suffit. Je vous bloque et je vous signale.",
        "Go back to your protest signs and leave my patients alone.",
        "Retournez à vos banderoles et laissez nos patientes tranquilles.",
        "Et vous, arrêtez de parler de ce que vous ne connaissez pas.",
        "You obviously have never held a dying child, so spare us the lecture.",
        "Vous n'avez visiblement jamais mis les pieds dans une urgence un soir de grippe.",
        "Anyone who thinks nurses are lazy can come work a night shift.",
        "Ceux qui disent que l'urgence exagère n'ont qu'à venir faire une garde.",
        "You don't get a say in my patients' care.",
        "Shame on all of you who mock grieving parents for clicks.",
        "Have some shame. #Opioids",
        "Si un enfant meurt de la rougeole, ce sera sur votre conscience.",
        "People like you would rather see them freeze than fund a shelter.",
    ],
)
def test_a_commenter_blocked_shamed_or_sent_off_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        'What I say now: "I\'m so sorry. Would you like to hold her?" What I do now: I sit down.',
        "If a stranger DMs you health advice, block and report them.",
        "Block me if you must; the evidence stays the same.",
        "You have never seen a case of diphtheria, and that is thanks to vaccines.",
        "Medical students can come work a night with us: sign up at the front desk.",
        "Les externes peuvent venir faire une garde avec nous cet hiver, inscrivez-vous au secrétariat.",
        "People like you make this job worth doing. Thank you for the cookies!",
        "Some of you need to take a long hard look at your own sleep before the night shift.",
    ],
)
def test_a_quiet_gesture_an_invitation_or_an_idiom_is_not(text):
    assert "heated" not in categories(text)
    assert "medical_advice" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "@dad_of_twins your daughter should stop the amoxicillin and take cetirizine tonight.",
        "@mamandelea ta fille doit arrêter le Ventolin et prendre de la cortisone ce soir.",
        "If your mom takes a water pill, skip it during the heat wave.",
        "Si votre père prend des benzodiazépines depuis des années, cachez-les-lui pendant les fêtes.",
        "If your grandpa keeps falling at night, hide his sleeping pills; you don't need a doctor's permission.",
    ],
)
def test_advice_on_a_readers_child_or_parent_is_medical_advice(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "@dad_of_twins your daughter should see her doctor tomorrow if the rash spreads.",
        "Si votre père prend un somnifère depuis dix ans, parlez-en à son médecin avant les fêtes.",
        "If your mom takes a water pill, ask her pharmacist what to do during the heat wave.",
        "If your son plays hockey, check his helmet fits before the season.",
    ],
)
def test_a_caution_or_advice_without_a_medicine_is_not(text):
    assert "medical_advice" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "My runners love the new ElectroMax chews, grab some at any Sport Chek!",
        "Mes patients adorent le gel ArnicaPlus, disponible dans toutes les pharmacies du Québec.",
    ],
)
def test_a_product_praised_and_sent_to_every_shelf_is_commercial(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Flu shots are available at all pharmacies this week, and I love that it is free.",
        "Disclosure: I'm a paid advisor to Medtronic. With that said, the new guideline is worth reading.",
        "Transparence : je suis rémunérée par Lundbeck pour présenter au symposium samedi.",
        "Le vaccin est en vente dans toutes les pharmacies, sur ordonnance.",
        # The README's rule: a disclosure makes a code or a sponsor's pay honest, whatever the seller sells (authors
        # 18 and 20 labelled some of these anyway; a label choice, not chased).
        "Full disclosure, #ad: use code SKIN20 for 20% off the new cleanser, which I love.",
        "#partenariat Code promo BEBE10 pour 10 % sur le porte-bébé.",
        "Disclosure: sponsored by Norvik Medical, makers of the FlexiCuff brace, who are paying me $800.",
        "Divulgation : la société Orthéa, qui fabrique des semelles, me verse des honoraires pour cette tournée.",
    ],
)
def test_a_notice_or_an_honest_disclosure_is_not(text):
    assert "commercial_interest" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Man in his 70s, Bell Island, this morning, collapsed shovelling the driveway. STEMI. Flown out.",
        "Last night on the Digby ferry: a man in his 60s collapsed in the cafeteria, his wife beside him.",
        "A 15-year-old boy brought by his mom to the Stollery ER at 3 am last night, a goalie from Sherwood Park.",
    ],
)
def test_an_encounter_told_as_a_triage_note_or_on_a_named_crossing_is_an_encounter(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Man in his 70s? Shovelling snow is a cardiac stress test. Take breaks. #HeartMonth",
        "The Digby ferry has an AED on every deck: ask the crew where it is before you need it.",
        "Our ER is on the way to Bell Island; the ferry schedule changes in winter.",
    ],
)
def test_advice_about_a_kind_of_person_or_a_crossing_is_not(text):
    assert "encounter" not in categories(text)


def test_an_encounter_told_by_a_devices_serial_is_flagged_by_the_serial_alone():
    found = categories("Pump check at the Royal Alex today: Medtronic serial NGP218774H in a man of 88, went fine.")
    assert "device_serial" in found
    assert "encounter" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Saturday night a man in his forties in a Flames jersey went blue in the stands, the code was run on the ice.",
        "Cette nuit, une femme d'une trentaine d'années, maillot du Stade Toulousain, arrêt cardiaque au bar.",
    ],
)
def test_an_encounter_told_with_a_teams_colours_is_an_encounter(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wear your Oilers jersey to the clinic on Friday for the food drive!",
        "Un patient m'a dit un jour qu'il portait toujours sa casquette de l'OM à l'hôpital.",
    ],
)
def test_colours_worn_without_a_recent_patient_are_not(text):
    assert "encounter" not in categories(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hier soir aux urgences de Rimouski, Josiane Gagnon, 31 ans, arrivée avec une prééclampsie sévère.", "name"),
        ("Last night in our ER a 14-year-old from Westdale, Ethan, in grade 9, with a collapsed lung.", "name"),
    ],
)
def test_an_encounter_told_with_the_patients_name_is_flagged_by_the_name_alone(text, name):
    found = categories(text)
    assert name in found
    assert "encounter" not in found


def test_an_encounter_told_without_a_name_is_still_one():
    assert "encounter" in categories("Hier soir aux urgences de Rimouski, une femme de 31 ans, en prééclampsie.")


def test_what_happens_whenever_it_happens_is_no_encounter_but_a_when_with_its_own_time_is():
    night = "Night shift again. At 3 am the waiting room was full."
    whenever = "When a trucker from Hearst rolls his rig, we are the only ER for 200 km."
    assert "encounter" not in categories(f"{night} {whenever}")
    met = "When I got in at 3 am, a trucker from Hearst was waiting in our ER, wrist broken."
    assert "encounter" in categories(met)
