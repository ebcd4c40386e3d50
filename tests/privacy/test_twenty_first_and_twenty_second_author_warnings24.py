"""Warnings as the twenty-first and twenty-second authors wrote them (eleventh session): orders and contempt aimed at
an administrator, an official or a commenter rather than at an idea; a product vouched for as the best with the reader
sent to get it; a dose told to one person who wrote in private; encounters told with an age in words, a trade and a
town set off by commas, or "the driver … who collapsed on the platform"; and what merely looks like them: firm but
civil advocacy, an invitation, an idiom, a public-health message, whoever comes "when" something happens, an
anniversary, "still today", a link to a webinar, a named patient whose name is flagged already."""

import pytest

from tests.privacy.helpers import categories, flagged


@pytest.mark.parametrize(
    "text",
    [
        # Bad faith named and ordered to stop; an ultimatum to step aside.
        "To the deputy minister: stop lying to rural families about 'temporary' closures.",
        "Arrêtez de nous mentir sur les fermetures de l'urgence de Matane.",
        "Fund the nurses or get out of the way of those who will.",
        "Réglez le problème des effectifs ou laissez la place à ceux qui savent.",
        # Courtesy declared over.
        "I've asked nicely for three years. I'm done being civil about it.",
        "Trois ans de courriels sans réponse. J'ai fini d'être polie.",
        # The dare to come and do the work before judging it.
        "To the VP who says we are slow: come work triage on a Monday at noon and then tell me we're slow.",
        "If the minister thinks rural call is easy, let her cover the Kindersley ER herself for a month.",
        "Au directeur qui trouve qu'on traîne : venez faire une nuit aux urgences et on en reparlera.",
        "Venez tenir une garde de pédiatrie avant de nous dire comment gérer les lits.",
        # Sent to read before speaking, or to find out before opening their mouth.
        "Read a single paper before you pontificate about vaccines.",
        "Relisez le code de déontologie avant de nous faire la leçon.",
        "Allez vous informer avant de l'ouvrir sur les sages-femmes.",
        # Their view called a vice or vile, or the worst of its kind.
        "Your arrogance is the reason nurses quit.",
        "Votre mépris tue les soignants à petit feu.",
        "Your comments about people who use drugs are disgusting.",
        "Vos propos sur les migrants sont tout simplement abjects.",
        "That is the stupidest tweet I've seen from a health minister, and you should be embarrassed.",
        # Their paperwork mocked as doing no care.
        "Your dashboards don't staff a single bed.",
        "Vos indicateurs ne soignent personne.",
        # A sneer, an exclamation of contempt at what was read or heard, the writer never there.
        "Vous vous moquez de nous ? Deux infirmières pour quarante patients.",
        "J'ai lu le communiqué de l'agence ce matin. Quelles âneries.",
        "Heard the councillor say naloxone enables drug use. What utter nonsense.",
        "Whoever drafted this memo has clearly never worked a night in a rural ER.",
        "Celui qui a rédigé cette note n'a jamais mis les pieds dans un bloc.",
        "@troll_du_lac arrêtez de répandre vos balivernes sur l'homéopathie.",
    ],
)
def test_orders_and_contempt_aimed_at_an_official_or_a_reader_are_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "I urge the minister to fund a stable locum pool for every rural ER.",
        "Nous demandons au ministère un plancher d'effectifs infirmiers dans chaque urgence.",
        "Stop smoking, start walking: two things that change everything.",
        "Stop blaming yourself. Stop lying to yourself about the drinking, and talk to someone.",
        "If you hear a siren, pull over or get out of the way of the ambulance.",
        "I'm done being on call for the holidays, see you in January!",
        "Come spend a day at our clinic open house and then tell me what you think!",
        "Let them do it themselves, even if it takes longer; that is how kids learn.",
        "Read the protocol before your first shift on the unit.",
        "Lisez la notice avant de prendre le médicament.",
        "Vérifiez la date de péremption du flacon avant de l'ouvrir.",
        "Forgive my ignorance, but how does the new billing code work?",
        "Don't be embarrassed by your ignorance of billing codes, nobody teaches them.",
        "Your comments are welcome below.",
        "Taking call the night before my exam was the dumbest thing I've done.",
        "You shouldn't be embarrassed to ask about a lump.",
        "Your slides don't need more text; show one graph.",
        "J'ai oublié mes clés au bureau, quelle bêtise !",
        "Whoever wrote the original protocol deserves a medal.",
    ],
)
def test_firm_advocacy_an_invitation_or_an_idiom_is_not(text):
    assert "heated" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The new PulseMate oximeter is the best I've ever tried, order one for your clinic today!",
        "Le tensiomètre Cardiolis est de loin le meilleur du marché, commandez-le sans hésiter.",
        "The wound dressing from Medisorb has transformed my practice and every clinic should stock it.",
        "La crème de chez Dermavie est la meilleure que j'aie jamais testée, foncez en pharmacie.",
    ],
)
def test_a_product_vouched_for_as_the_best_with_the_reader_sent_to_get_it_is_a_commercial_interest(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "The best vaccine is the one you get. Book yours at any pharmacy.",
        "Get your flu shot at Shoppers or your clinic; it is by far the best protection we have.",
        "Our team loves the new bladder scanner, it's the best thing that happened this year.",
        "#ad Sponsored by PulseMate: their oximeter is the best I've ever tried, order one for your clinic.",
    ],
)
def test_public_health_advice_plain_thanks_or_a_disclosed_sponsor_is_not(text):
    assert "commercial_interest" not in categories(text)


def test_a_link_in_bio_to_a_webinar_is_no_commercial_offer():
    text = "Our nurses love this program, a real game changer. Come to my webinar on the 10th, link in bio."
    assert ("commercial_interest", "link in bio") not in flagged(text)
    text = "Inscription à l'atelier de jeudi : lien dans la bio. J'adore ce cours."
    assert "commercial_interest" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "To the person in my DMs about a sore throat: start penicillin V 300 mg four times a day.",
        "À la personne qui m'écrit en MP pour sa toux : prenez l'amoxicilline 1 g trois fois par jour.",
    ],
)
def test_a_dose_told_to_one_person_who_wrote_in_private_is_medical_advice(text):
    assert "medical_advice" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "New guideline: start apixaban 5 mg twice a day for most patients with AF.",
        "To everyone asking in my DMs: I can't give individual advice here; please see your doctor.",
    ],
)
def test_a_guideline_or_a_refusal_to_advise_in_private_is_not(text):
    assert "medical_advice" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "A seventy-year-old from a farm near Biggar came to our ER last night with a crushed hand.",
        "Un petit de deux ans de Chicoutimi est arrivé hier soir à l'urgence après avoir avalé une pile.",
        "A man in his fifties, a trucker from Timmins, came in last night with chest pain.",
        "Une femme dans la quarantaine, enseignante de Rimouski, est arrivée ce matin en choc septique.",
        "Recovery room, the cyclist from Verdun who collapsed on the Metro platform this morning is awake.",
    ],
)
def test_an_encounter_with_an_age_in_words_a_set_off_trade_and_town_or_a_platform_is_flagged(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "When a hospital closes overnight, a woman in labour has to drive 140 km.",
        "Chaque fois qu'un agriculteur arrive à l'urgence, je pense à mon père.",
        "So when a family refuses a medevac without an escort, that is history, not non-compliance.",
        "Five years ago today I started at the rural ER. Every time a farmer comes into our ER I think of my dad.",
        "Il y a dix ans aujourd'hui, j'ai commencé ma résidence. Une femme de Hearst m'a appris à écouter.",
        "Encore aujourd'hui, une patiente francophone peut attendre deux heures un interprète à l'urgence.",
    ],
)
def test_whoever_comes_when_something_happens_an_anniversary_or_nowadays_is_no_encounter(text):
    assert "encounter" not in categories(text)


def test_a_patient_named_in_full_with_an_age_is_a_name_not_also_an_encounter():
    for text in (
        "SMUR de Reims cette nuit, sortie sur la A4. Motard Anatole Lambert, 24 ans, incarcéré. Il va bien.",
        "From the Inuvik ER overnight, to the student who asked about elders: Lazare Kikoak, 93, brought in by a son.",
    ):
        found = categories(text)
        assert "encounter" not in found
        assert "name" in found


@pytest.mark.parametrize(
    "text",
    [
        "You sell bleach as a cure for autism? Disgraceful. Hand in your licence.",
        "Vous vendez de l'eau salée comme vaccin ? Rendez votre diplôme.",
        "Go ahead and report me to the board. I'll keep handing out naloxone.",
        "Allez-y, signalez-moi à l'Ordre. Je continuerai de distribuer de la naloxone.",
        "If you believe children should catch measles on purpose, say it under your own name.",
        "Si vous pensez que la rougeole est bénigne, dites-le sous votre vrai nom.",
        "People like you keep spreading this myth and children end up in the ICU.",
        "Les gens comme vous répandent des mythes et ce sont les enfants qui paient.",
        "Your grasp of immunology is laughable.",
        "Votre compréhension de l'épidémiologie ferait rougir un élève de cinquième.",
    ],
)
def test_a_licence_demanded_a_dare_to_report_or_sign_or_their_grasp_mocked_is_heated(text):
    assert "heated" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Retiring this year? Turn in your licence to the College by March 31 to avoid the annual fee.",
        "Residents, hand in your badge at the front desk on your last day.",
        "If you disagree, say it in the comments; I read them all.",
        "People like you keep this clinic running. Thank you, volunteers!",
        "Your grasp of the new billing rules is better than mine, thanks for the help.",
    ],
)
def test_a_procedure_an_invitation_or_thanks_is_not(text):
    assert "heated" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Loving the new FlexiCool ankle brace in our clinic. DM me for a discount code!",
        "Cette attelle Orthoflex change tout, écrivez-moi en privé pour un code de réduction.",
        "Honestly the best tracker for my clients is StepWise, download it, you won't regret it.",
    ],
)
def test_a_discount_offered_on_request_or_the_best_for_my_patients_is_a_commercial_interest(text):
    assert "commercial_interest" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "DM me for the registration link for Thursday's grand rounds.",
        "#ad Paid partnership with FlexiCool. DM me for a discount code.",
        "The best advice for my patients this winter: get the flu shot, you won't regret it.",
    ],
)
def test_an_event_link_a_disclosed_offer_or_plain_advice_is_not_a_commercial_interest(text):
    assert "commercial_interest" not in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Busy ED today: a 40-something hiker from Canmore came in with a broken ankle.",
        "Hier soir aux urgences, un octogénaire de Rimouski est arrivé avec une fracture de hanche.",
        "Teen from Flin Flon, snowmobile crash, flown out of our ER last night.",
        "Cette nuit à l'urgence : ado de Matane, chute de quad, évacué en hélicoptère.",
        "Long night. A woman in her 70s, a retired teacher, was brought to our ICU around midnight after a fall.",
        "Nuit difficile. Vers minuit, une jeune femme a été amenée à l'urgence de Gatineau après un accident de vélo.",
    ],
)
def test_an_age_by_decade_a_triage_notes_bare_opening_or_around_midnight_is_an_encounter(text):
    assert "encounter" in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Research shows a 40-something runner from any town can have a silent heart attack.",
        "Octogénaires de la région : le vaccin contre le zona est gratuit à la pharmacie.",
        "Our walk-in now stays open until midnight, every weekday.",
    ],
)
def test_a_statistic_a_notice_or_opening_hours_is_no_encounter(text):
    assert "encounter" not in categories(text)
