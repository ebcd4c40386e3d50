"""Warnings as a third author gave reason for them: a patient met where the town is named, a product vouched for
without a known brand, a put-down to a critic. Each stands beside a look-alike that stays quiet."""

from tests.privacy.helpers import categories


def test_a_described_patient_met_recently_at_a_remote_post_or_an_event_in_a_named_town_is_an_encounter():
    assert "encounter" in categories("This morning at the health centre in Moosonee a 60-year-old woman walked in.")
    assert "encounter" in categories("Tonight I splinted a 12-year-old pitcher at the regional tournament in Timmins.")
    assert "encounter" in categories(
        "Ce matin à l'urgence de Sept-Îles, un pêcheur de homard de 58 ans est arrivé en hypothermie.", language="fr"
    )


def test_a_person_described_in_a_study_is_no_encounter():
    assert "encounter" not in categories("Today I read a paper on a 60-year-old woman with lupus from a trial in Lyon.")


def test_a_product_vouched_for_without_a_brand_list_is_commercial_interest():
    assert "commercial_interest" in categories(
        "I put every runner on FlexiKnee compression sleeve, the best out there."
    )
    assert "commercial_interest" in categories(
        "Ma routine : les gélules Omégaplus de chez SantéNord, les meilleures que j'aie testées.", language="fr"
    )


def test_a_product_named_without_being_vouched_for_stays_quiet():
    assert "commercial_interest" not in categories("We studied Vitamin D supplements in 300 older adults; no effect.")


def test_a_put_down_to_a_critic_is_heated_and_growing_up_is_not():
    assert "heated" in categories("To everyone calling me a shill in the replies: grow up.")
    assert "heated" in categories(
        "Je n'ai aucune leçon de pédiatrie à recevoir d'un anonyme qui n'a jamais vu un enfant malade.", language="fr"
    )
    assert "heated" not in categories("Watching my patients' kids grow up is the best part of family medicine.")


def test_a_dose_told_after_a_condition_on_the_readers_reading_is_advice_and_a_studys_dose_is_not():
    assert "medical_advice" in categories("Public answer: if your sugar is over 15 at bedtime, take an extra 4 units.")
    assert "medical_advice" not in categories("In the trial, patients who take aspirin 81 mg daily had fewer strokes.")
    assert "medical_advice" in categories("Si votre glycémie dépasse 15 au coucher, prenez 4 unités de plus.")


def test_a_patients_relative_met_on_a_medevac_recently_is_an_encounter_and_one_read_about_is_not():
    assert "encounter" in categories(
        "On the medevac from Peawanuck last week I sat beside a grandmother whose grandson had rolled his ATV."
    )
    assert "encounter" not in categories("Last week I read about a grandmother who flew on a medevac in the 1970s.")


def test_a_teenager_described_recently_in_a_clinic_is_an_encounter_and_teenagers_in_general_are_not():
    assert "encounter" in categories(
        "Yesterday in our Kenora clinic a teenage hockey player came in with a broken wrist."
    )
    assert "encounter" not in categories("Today: a teenage athlete needs more sleep than you think, says a new study.")


def test_telling_a_critic_to_get_lost_in_french_is_heated():
    assert "heated" in categories("Monsieur, allez vous faire soigner ailleurs.", language="fr")


def test_someone_seen_on_a_screen_tonight_is_no_encounter():
    assert "encounter" not in categories("Watching CBC tonight: a young doctor from Iqaluit talks about housing.")


def test_a_colleague_named_with_an_age_who_joined_us_today_or_a_story_read_this_morning_is_no_encounter():
    assert "encounter" not in categories("Our new physio, Karen, 34, joined us this morning at the clinic.")
    assert "encounter" not in categories(
        "J'ai lu ce matin l'histoire d'une femme de 45 ans à l'urgence de Paris dans Le Monde.", language="fr"
    )
