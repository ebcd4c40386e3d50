"""False alarms the tenth and eleventh authors' posts showed, each written as the habit behind it with a veto in
principle (privacy.public_roles) and a look-alike patient beside it who is still flagged. The sentences are our own
words, not the corpora's, in both languages."""

import json
from pathlib import Path

from privacy.text import scan

from .helpers import flagged

CORPUS = Path(__file__).resolve().parents[1] / "data" / "privacy"


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


# People named with their job or working role are at work, not in care.


def test_a_person_named_with_a_trade_or_a_working_role_before_the_name_is_at_work():
    assert names("Thanks to everyone at the clinic, especially our MOA Jessamyn, who runs the place.") == []
    assert names("Our practice partner, Josée, covered my clinic all week so I could go to the conference.") == []
    assert (
        names("I've watched the bakery owner next door, Mrs. Tremblay, bring day-old bread every Friday for the line.")
        == []
    )
    assert (
        names("Nous accueillons une nouvelle infirmière en pratique avancée, Mme Lucie Perrin, pour les diabétiques.")
        == []
    )


def test_a_trade_may_say_the_street_or_town_it_is_on():
    assert names("Shout-out to the pharmacy owner on Quinpool, Mr. Haddad, who stocks naloxone for anyone.") == []


def test_a_person_named_with_a_working_role_after_the_name_is_at_work():
    assert names("Ce n'est pas une patiente sur la photo : c'est Noémie, notre chauffeuse, qui fait la sieste.") == []
    assert names("Au programme : Mme Karima Saïdi, pair-aidante du CAARUD d'Épinal, sur l'aller-vers.") == []
    assert names("Mention spéciale à Jean-Marc Dorval, pair aidant, qui a animé un atelier de théâtre à l'unité.") == []


def test_a_person_at_work_who_is_also_the_case_is_still_flagged():
    assert names("The corner store owner, Mr. Okafor, 82, was admitted overnight with a GI bleed.") == ["Mr. Okafor"]
    assert "Kévin" in names("Kévin, notre chauffeur, 91 ans, a été hospitalisé hier pour une pneumonie.")
    assert names("Notre patiente Sabrina Lavoie, paire aidante, a fait une surdose hier soir.") == ["Sabrina Lavoie"]
    assert names("His wife, Josée, a receptionist, stayed by his bed all night after the stroke.") == ["Josée"]
    assert names("The index case was a line cook, Tomás Reyes, who worked four shifts while jaundiced.") != []


# Towns and places named the way places are written.


def test_a_town_after_a_place_and_its_qualifiers_is_a_town_wherever_it_comes_back():
    assert names("Tournée à la clinique de pédiatrie du sport de Charlesbourg, 100 rue Principale, Québec.") == []
    assert names("Soirée au stade de Gerland, puis retour au CHRU de Nancy pour la garde, et à Nancy il pleut.") == []
    assert names("This week's assessment, for the Supreme Court in Truro: a 52-year-old woman, charged.") == []
    assert names("Atelier naloxone le samedi 14 mars à la salle des fêtes de Rambervillers, de 10 h à 12 h.") == []


def test_a_place_closed_or_opened_by_a_place_noun_is_no_one():
    assert names("A retired crab fisher from Bay Roberts, 89, admitted in March.") == []
    assert names("We met a retired fisher from Cape Harbour, 88, who told us about the ice.") == []


def test_a_town_before_its_province_and_postal_code_is_a_town_wherever_it_comes_back():
    post = (
        "Public talk, Room 4 of the Kingston Coliseum Arena, 377 Bath Road, Kingston, ON K7L 3T1. See you in Kingston!"
    )
    assert names(post) == []


def test_a_hyphenated_name_after_a_street_corner_a_park_or_a_school_of_a_town_is_a_place():
    assert names("Il vit chez sa mère, coin Pierre-de-Coubertin, et il joue au parc Pierre-de-Coubertin.") == []
    assert names("Elle joue au basket à la polyvalente de L'Ancienne-Lorette depuis son retour.") == []


def test_the_town_a_titled_person_comes_from_is_not_a_second_name():
    assert names("Je suis allée voir M. Perrin de Gérardmer, 97 ans, qui m'a montré ses ruches.") == ["M. Perrin"]


def test_a_patient_who_shares_a_towns_name_is_still_flagged():
    assert names("Nancy, 84 ans, a été transférée au CHRU de Nancy hier soir.") == ["Nancy"]
    assert "Courcy" in names("Mme Anne de Courcy, 94 ans, est venue avec sa fille pour sa vaccination.")


# Things given a name, and a drug taken.


def test_a_name_given_to_a_mannequin_a_cast_or_a_doll_is_the_things_wherever_it_comes_back():
    assert (
        names("If you want the scenario (no patient data, it's a mannequin named Agatha), e-mail the sim centre.") == []
    )
    assert names('Her splint itched "like ants," so we gave it a name: Hector. Hector the splint comes off soon.') == []
    assert names("Sa poupée, on l'a appelée Rosie. Rosie a eu un plâtre elle aussi.") == []


def test_a_thing_named_with_a_pronoun_right_after_it_keeps_its_name():
    assert names("Our sim mannequin delivered twice today. We call her Martha. Martha needs a new battery.") == []


def test_a_patient_named_like_a_thing_is_still_flagged():
    assert "Gertrude" in names("A patient named Gertrude, 93, came in with sepsis last night.")


def test_a_brand_of_drug_taken_is_no_name():
    assert names("Il dort au refuge depuis septembre et il ne prend plus son Abilify. Vous pouvez le rappeler ?") == []
    assert names("Depuis sa sortie, il ne prend plus son fils Mathis à l'école, dit sa femme.") == ["Mathis"]


# A place's own contacts.


def of(category: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == category]


def test_the_address_of_an_events_venue_is_the_venues():
    post = (
        "Conférence grand public à la Maison des jeunes de Saint-Michel, 8800 boulevard Pie-IX, le mardi 3 février "
        "à 19 h : « Vapotage et ados, ce que les parents doivent savoir ». Avec la Dre Sonia Auguste, pédiatre."
    )
    assert flagged(post) == []


def test_a_clinics_address_postal_code_and_booking_line_are_the_clinics():
    post = (
        "Je quitte le club après 9 ans. Merci au président, M. Paul Fabre, et à mes enfants, Léa et Hugo. Je reste "
        "en consultation au centre médical des Rives, 15 avenue du Port, 29200 Brest, sur Doctolib ou au 02 98 11 22 33"
    )
    assert flagged(post) == []
    video = "Vidéo tournée à la clinique du sport de Sillery, 1200 chemin Saint-Louis, Québec (Québec) G1S 1E5."
    assert flagged(video) == []


def test_where_someone_lives_or_sleeps_stays_theirs_whatever_place_is_named():
    assert of("address", "He sleeps at the men's shelter on weekdays, 9100 Walker Street, since his eviction.") != []
    assert of("address", "Après la conférence, je suis passée chez M. Roy, 15 avenue du Port, 29200 Brest.") != []
    assert of("phone", "La fille de Mme Roy, au centre de la salle d'attente, m'a donné son numéro : 06 12 34 56 78.")


# Heat, advice and rooms said of no one.


def test_trash_as_a_bin_is_no_insult():
    assert of("heated", "Our street team found two of those summaries in the trash behind the library, soaked.") == []
    assert of("heated", "Someone threw the naloxone kits into the trash can by the bus shelter, still sealed.") == []
    assert of("heated", "Your take on safe supply is trash and so are your sources.") == ["trash"]


def test_an_insult_said_of_oneself_is_no_heat_but_said_to_someone_it_is():
    assert of("heated", "J'ai fondu en larmes dans le bus en la voyant partir, comme une idiote.") == []
    assert of("heated", "I stood in the parking lot and cried like an idiot after her last visit.") == []
    assert of("heated", "Vous parlez comme une idiote de sujets que vous ne connaissez pas.") == ["idiote"]


def test_telling_a_relative_to_stop_writing_is_no_medical_advice_but_a_dose_is():
    reply = "@nina.b ta grand-mère a bien reçu son ordonnance, tu peux arrêter de m'écrire, elle passe à la pharmacie."
    assert of("medical_advice", reply) == []
    assert of("medical_advice", "@nina.b tu peux arrêter de lui donner le Doliprane, 500 mg 3 fois par jour suffisent.")


def test_a_label_read_out_in_quotes_is_no_advice():
    post = 'Quote from the bottle he showed me: the label reads "take 2 tabs at bedtime — Rx 5520013". Keep it private.'
    assert of("medical_advice", post) == []


def test_the_pronoun_after_a_box_is_no_room_but_a_bay_lettered_i_is():
    assert of("room", "He locks his insulin in a box I gave him, because the shelter lockers get broken into.") == []
    assert of("room", "Bay I: Mr. Dorval, chest pain, waiting for troponin.") == ["Bay I"]


# Habits met in earlier authors' labelled posts too.


def test_a_town_a_titled_person_or_a_family_comes_from_is_a_town_wherever_it_comes_back():
    post = "Mme Jeanne Awashish, aînée atikamekw de Wemotaci, 91 ans, est venue. Jeanne est rentrée à Wemotaci jeudi."
    assert "Wemotaci" not in names(post)
    assert "Plessisville" not in names("Maëlys est née à 4 h 10 dans la famille Gauthier-Roy de Plessisville, 3,2 kg.")


def test_a_place_told_by_its_distance_and_a_hospital_named_general_are_places():
    assert names("Nearest MRI: Fort Nelson, 5 hours by road, and the highway was closed.") == []
    assert names("1/ Overnight at Kingston General. A teaching case about the chest pain that wasn't.") == []


def test_kin_words_said_as_names_and_pieces_of_longer_words_are_no_ones_names():
    assert names("Son petit-fils m'ouvre la porte : « Mamie vous a gardé une part de tarte, elle s'est levée. »") == []
    assert names("Sa glycémie et son HbA1c ont enfin baissé depuis septembre.") == []


def test_a_time_zone_after_a_clock_time_is_no_ones_name():
    assert names("Our lead nurse runs a monthly call for other teams on the first Tuesday at 1 p.m. Eastern.") == []
    assert names("Live Q&A on the new guidelines Thursday, noon Pacific; bring your questions.") == []


def test_a_patient_with_a_time_zones_word_for_a_name_is_still_flagged():
    assert names("My patient, Mrs. Pacific, 93, was admitted at 1 p.m. with a hip fracture.") != []


def test_a_colleague_at_the_front_desk_stays_a_colleague_when_thanked_again():
    assert names("Rita, à la réception, connaît tous les patients par leur prénom. Merci Rita.") == []


def test_a_job_said_with_a_or_un_describes_a_patient():
    assert names("Mr. Lionel Okoye, a school bus driver from Sudbury, came back to clinic with the hernia.") != []


def test_people_cheered_together_for_no_care_are_not_patients_but_new_parents_are():
    cheered = "Bravo à Romain Tessier et Julie Gendron, 14 chevilles strappées en 8 minutes avant le derby !"
    assert names(cheered) == []
    assert "Kwame" in names("Huge congratulations to Priscilla Owusu and Kwame on the arrival of their twins!")
    assert names("Bravo à ses parents, Clara et Hugo Martel, pour leur premier bébé né cette nuit.") != []


# The figures of both parts, pinned here (tests/privacy/test_corpus.py belongs to another helper).


def _clean_posts_flagged(name: str) -> tuple[int, int]:
    with (CORPUS / name).open(encoding="utf-8") as source:
        posts = [json.loads(line) for line in source if line.strip()]
    clean = [post for post in posts if not post["labels"]]
    flagged_posts = [post for post in clean if scan({"body": post["text"]}, language=post["language"])]
    return len(flagged_posts), len(clean)


def test_the_tenth_and_eleventh_authors_clean_posts_stay_under_the_five_percent_target():
    # Measured on 3 December 2026: author 10, 0 of 60 (3 before these vetoes); author 11, 0 of 63 (12 before).
    for name in ("tune_author10.jsonl", "tune_author11.jsonl"):
        flagged_posts, clean = _clean_posts_flagged(name)
        assert flagged_posts <= clean * 0.05, name
