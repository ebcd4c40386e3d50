"""A family's farm, ranch or cabin by its name and its road is an address; an eponym said in part, a town as a
dateline and an age said as a decade are no one's: habits of the thirty-second to forty-sixth authors."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str, language: str | None = None) -> list[str]:
    return [excerpt for found, excerpt in flagged(text, language=language) if found == kind]


@pytest.mark.parametrize(
    ("text", "language", "place"),
    [
        (
            "A 16-year-old with a concussion after sledding into a sugarhouse at the Lapierre farm on Route 114. Her "
            "mom drove.",
            "en",
            "the Lapierre farm on Route 114",
        ),
        (
            "Earl Fenstermacher from the 3-Bar Ranch north of Melville came in with his brother's insulin.",
            "en",
            "the 3-Bar Ranch north of Melville",
        ),
        (
            "Snowmobile crash on the trail behind the Hollett cabin at Salmonier Line. Ryan, 19, helmet not strapped.",
            "en",
            "the Hollett cabin at Salmonier Line",
        ),
        (
            "Mme Josette Chabrol, 67 ans, éleveuse du côté de la ferme des Bessades, à Saint-Bonnet-de-Salers.",
            "fr",
            "ferme des Bessades, à Saint-Bonnet-de-Salers",
        ),
        (
            "Éleveur de 70 ans, il vit à la bergerie de Capu di Muru, au-dessus de Coti-Chiavari.",
            "fr",
            "bergerie de Capu di Muru, au-dessus de Coti-Chiavari",
        ),
    ],
)
def test_a_familys_farm_by_its_name_and_its_road_is_an_address(text, language, place):
    assert place in of_kind("address", text, language)


@pytest.mark.parametrize(
    "text",
    [
        "Our farm safety day is at the Miller farm on Route 9 this Saturday: kids welcome.",
        "Thanks to the Miller farm near Carman for the pumpkins for our paediatric ward!",
        "The Dyck farm on Road 30E sells its strawberries at the Steinbach market every Saturday.",
    ],
)
def test_a_farm_that_sells_hosts_or_gives_with_no_one_beside_it_is_not_an_address(text):
    assert of_kind("address", text, "en") == []


def test_an_eponym_of_two_names_said_in_part_elsewhere_is_no_one():
    text = (
        "In this video I talk about Charles Bonnet syndrome in people with macular degeneration. Chapters: 0:00 intro "
        "/ 1:20 Charles Bonnet / 4:00 Lewy body."
    )
    assert of_kind("name", text, "en") == []


def test_a_patient_whose_name_a_disease_also_bears_is_still_flagged():
    text = "Charles Smith, 84, came in with his wife; Charles has had Parkinson disease for years."
    assert "Charles Smith" in of_kind("name", text, "en")


def test_a_town_opening_the_post_as_a_dateline_is_no_name():
    text = "Bastia : enfant de 9 ans, piqûre de vive à la plage de l'Arinella. Eau chaude, antalgiques."
    assert of_kind("name", text, "fr") == []


@pytest.mark.with_tagger
@pytest.mark.parametrize(
    "text",
    [
        "Last month I saw a 90-something woman labelled as paranoid dementia in her nursing home chart.",
        "Our falls clinic sees more women in their 90s every year; bring your walker to the visit.",
    ],
)
def test_an_age_said_as_a_decade_is_already_the_group_safe_harbor_asks_for(text):
    assert of_kind("age", text, "en") == []
