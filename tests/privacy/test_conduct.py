"""Professional risks are warnings: advice to one person, undisclosed commercial interest, heated replies."""

from tests.privacy.helpers import categories


def test_telling_one_person_to_change_a_medication_is_medical_advice():
    assert categories("@kate_runs You should stop taking the ibuprofen right away.") == {"medical_advice"}
    assert categories("@julie_mtl Vous devriez arrêter de prendre l'ibuprofène.") == {"medical_advice"}


def test_a_dose_for_someone_is_medical_advice():
    assert categories("Reply to @anxiousmom: give him 10 ml of amoxicillin twice a day.") == {"medical_advice"}


def test_a_general_caution_to_see_ones_doctor_is_not_advice():
    assert categories("Please don't stop any medication without speaking to your doctor first.") == set()
    assert categories("Ne cessez jamais un médicament sans en parler à votre pharmacien.") == set()


def test_a_discount_code_without_disclosure_is_a_commercial_interest():
    assert categories("Obsessed with my new scrubs! Use code DOC20 for 20% off.") == {"commercial_interest"}


def test_a_praised_brand_without_disclosure_is_a_commercial_interest():
    assert categories("Loving my Apple Watch, highly recommend it.") == {"commercial_interest"}


def test_a_disclosed_partnership_is_not_flagged():
    assert categories("#ad Partnering with Novo Nordisk on obesity care. Paid partnership, use code DOC20.") == set()


def test_news_about_a_brand_without_promotion_is_not_flagged():
    assert categories("Health Canada has approved a new indication for Ozempic.") == set()


def test_the_words_code_postal_are_not_a_discount_code():
    assert "commercial_interest" not in categories("Son code postal, J8Y 3R2, fait partie d'un secteur sans médecin.")


def test_an_insult_is_heated():
    assert categories("@antivax_truth You are a liar and a fraud.") == {"heated"}
    assert categories("@anonyme123 espèce d'imbécile, tu ne connais rien.") == {"heated"}


def test_a_respectful_disagreement_is_not_heated():
    assert categories("@policywonk I respectfully disagree; the data point the other way.") == set()


def test_shouting_in_ones_own_advocacy_post_is_not_heated_but_in_a_reply_it_is():
    assert categories("WHY ARE WE STILL WAITING FOR FUNDING?! Our ER CLOSED AGAIN!!") == set()
    assert categories("@minister WHY ARE WE STILL WAITING?! Our ER CLOSED AGAIN!!") == {"heated"}


def test_a_link_in_bio_is_an_offer_only_beside_praise_for_a_product():
    assert categories("Grand Rounds at noon, Room 4-210, Zoom link in bio.") == set()
    assert categories("Can't recommend these compression socks enough, link in bio!") == {"commercial_interest"}


def test_permission_to_stop_a_medication_is_advice_too():
    assert categories("@hank you should just stop the statin, your numbers are fine.") == {"medical_advice"}
    assert "medical_advice" in categories("@jean vous pouvez arrêter la statine, vos résultats sont beaux.")


def test_you_can_stop_by_is_not_advice():
    assert categories("@hank you can stop by the clinic any time this week.") == set()
