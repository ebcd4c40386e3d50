"""Warnings as the sixteenth and seventeenth authors wrote them: punishment wished on a group, the addressee told to own
the harm, a request refused then sent back to the protocol, money offered per post; and what merely looks like them:
a caution to keep up a treatment, a café in the lobby, a call for accountability, a question answered."""

import pytest

from tests.privacy.helpers import categories


@pytest.mark.parametrize(
    "text",
    [
        "Anyone who sells turmeric as a cure for melanoma should be locked up. It delays surgery.",
        "Clinics that sell 'detox' IV drips to dialysis patients deserve to lose their licence.",
        "The executives who closed our rural dialysis unit should resign, all of them.",
        "Ces vendeurs de cures miracles qui ciblent les patients dialysés méritent d'être poursuivis.",
        "Les gestionnaires qui ont fermé le service de nuit devraient être mis à la porte.",
        "Les responsables de ce fiasco sont des incompétents, et tout le monde le sait.",
    ],
)
def test_punishment_wished_on_a_group_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Practitioners who sell black salve should be reported to their regulatory college.",
        "Les agents de l'ARS devraient être mieux formés au dépistage du mélanome.",
        "The laser should be fired at the lowest setting first, then titrated.",
        "Our residents are incompetent at nothing but sleeping, and we love them for it 😂",
    ],
)
def test_a_call_for_accountability_or_a_procedure_is_not(text):
    assert "heated" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you keep spreading these lies about the MMR vaccine, the measles cases this winter are on you.",
        "Si tu continues à partager ces bêtises, assume les hospitalisations.",
        "Vous continuez de répandre vos mensonges sur l'aluminium des vaccins : vous en porterez la responsabilité.",
        "Keep telling parents to skip the vaccine. The funerals will be on you.",
    ],
)
def test_the_addressee_told_to_own_the_harm_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "If you keep posting great questions like this one, I'll keep answering them on Fridays.",
        "Si vous continuez à partager nos affiches, plus de familles sauront où se faire vacciner.",
    ],
)
def test_keeping_up_a_good_habit_is_not(text):
    assert "heated" not in categories(text)


def test_a_refusal_that_sends_the_requester_back_to_the_protocol_is_heated():
    assert "heated" in categories(
        'No, I will not "just approve" a gadolinium MRI for a dialysis patient because your list is long. '
        "Read the guidelines or page me."
    )
    assert "heated" in categories(
        "Non, je ne validerai pas un scanner injecté sans créatinine parce que les urgences débordent. "
        "Lisez le protocole ou appelez-moi."
    )


def test_the_same_words_offering_help_are_not():
    assert "heated" not in categories(
        "Questions about the new contrast pathway for CKD patients? Read the protocol or call me, any time."
    )


@pytest.mark.parametrize(
    "text",
    [
        "A supplement company wrote to me: « we'll pay you $300 per post if you mention our kidney cleanse ». No.",
        "On m'a proposé 250 € par vidéo pour parler d'une tisane « détox rénale ». J'ai refusé.",
        "I get $50 for each story where I tag the brand.",
    ],
)
def test_money_offered_per_post_is_a_commercial_interest(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Boosting a clinic announcement costs about $20 per post, so we share them for free instead.",
        "#ad I'm paid $300 per post by this brand, and I say so every time.",
    ],
)
def test_a_price_with_nobody_paid_or_a_disclosed_one_is_not(text):
    assert "commercial_interest" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Renal families: the Tim Hortons kiosk in the main lobby stays open until 9 pm. We love you all!",
        "Le Starbucks du hall est ouvert le dimanche maintenant. On adore nos bénévoles !",
    ],
)
def test_a_cafe_in_the_building_is_not_a_product_praised(text):
    assert "commercial_interest" not in categories(text)


def test_a_brand_praised_is_still_one():
    assert "commercial_interest" in categories("Honestly I love the new Tim Hortons oat latte, best drink on nights.")


@pytest.mark.parametrize(
    "text",
    [
        "Please remember: if you are on dialysis and flying south, do NOT skip your run the day before you leave.",
        "On insulin and the power is out? Never double your dose to 'catch up'; call the diabetes line.",
    ],
)
def test_a_caution_to_keep_up_a_treatment_is_not_medical_advice(text):
    assert "medical_advice" not in categories(text)


def test_the_same_verb_unnegated_is_still_advice():
    assert "medical_advice" in categories("@kidneymom if he feels dizzy, just skip your son's evening metoprolol.")


@pytest.mark.parametrize(
    "text",
    [
        # A street, a neighbourhood, a named emergency, a venue walked into, a reserve: each pins a recent encounter.
        "Fever clinic: a 31-year-old nurse back from Lagos, shivering in our office on Dundas this morning. Malaria.",
        "A man in his 70s found yesterday in a rooming house on Barrington Street in Halifax, days after dialysis.",
        "Une femme de 60 ans du quartier de la Robertsau, amenée hier soir par sa fille, potassium à 7,8.",
        "Le motoneigiste de 19 ans de Mont-Laurier, arrivé cette nuit à l'urgence de Rivière-Rouge, les doigts blancs.",
        "The teenager who limped into the Bayshore walk-in clinic on Sunday afternoon with a fishhook in her thumb.",
        "A 9-year-old boy from a James Bay community, flown in tonight after a dog bite, is asking for his grandma.",
    ],
)
def test_a_recent_encounter_pinned_to_a_place_is_warned_about(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # Not recent, not pinned, not met, or told by an address that is flagged already.
        "A man in his 70s on Barrington Street taught me more about dialysis than any textbook, years ago.",
        "In March a woman from a northern community taught our residents how to read a winter road map.",
        "The woman who runs the kiosk on Queen Street brought muffins for the night shift today. Thank you!",
        "Watching a documentary tonight about a 16-year-old girl from a Manitoba reserve who became a nurse.",
        "Ce matin, une patiente m'a montré son jardin, au 42, rue des Tilleuls : recadré avant de publier.",
    ],
)
def test_a_look_alike_is_not(text):
    assert "encounter" not in categories(text)


def test_an_encounter_told_by_a_phone_number_is_left_to_the_phone():
    told = "A man in his 80s called the clinic from his cell, 613-555-0177, this morning, bleeding after his Mohs."
    assert categories(told) == {"phone"}
    assert "encounter" in categories("A man in his 80s called the clinic this morning, bleeding after his Mohs.")


@pytest.mark.parametrize(
    "text",
    [
        "To the man selling 'cancer-starving' diets in my replies: you are a vulture, and I have screenshots.",
        "Vous êtes méprisables de harceler des parents en deuil sous cette publication.",
        "Vous n'avez jamais fait une garde et vous venez me faire la leçon sur les urgences ?",
        "Allez vous rhabiller, bande d'ignorants.",
    ],
)
def test_the_addressee_called_a_name_or_lectured_back_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "To the nurses on 4 West tonight: you are heroes, and I mean it.",
        "Vous êtes formidables, merci pour vos messages pendant ma convalescence.",
        "The vultures circling the lake this morning were a sight on my drive to the clinic.",
    ],
)
def test_thanks_or_a_bird_are_not(text):
    assert "heated" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Votre fille de 2 ans, vous pourriez lui donner 5 ml de sirop d'ibuprofène ce soir.",
        "Pour un mal de gorge, prenez les antibiotiques qui restent dans votre armoire pendant 5 jours.",
    ],
)
def test_a_dose_for_the_readers_child_or_a_course_from_leftovers_is_medical_advice(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vous pourriez lui donner rendez-vous à la clinique jeudi, la secrétaire vous rappellera.",
        "Prenez le temps de vous reposer, et prenez des nouvelles de vos proches.",
    ],
)
def test_an_appointment_or_rest_is_not(text):
    assert "medical_advice" not in categories(text)
