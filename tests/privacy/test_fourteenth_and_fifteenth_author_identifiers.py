"""Identifiers other than names that the fourteenth and fifteenth authors told in their own ways: a patient's or a
relative's own mailbox at a domain that names no organization."""

import pytest

from tests.privacy.helpers import flagged


def of_kind(kind: str, text: str) -> list[str]:
    return [excerpt for found, excerpt in flagged(text) if found == kind]


@pytest.mark.parametrize(
    ("text", "mailbox"),
    [
        (
            "Mark, thanks for the e-mail (mark.tully77@example.com). Your biopsy result is on the portal.",
            "mark.tully77@example.com",
        ),
        (
            "Owen's dad wrote to me at david.kerr.home@example.net to thank the PICU nurses.",
            "david.kerr.home@example.net",
        ),
        (
            "Sa fille m'a écrit de claire.dubois@example.fr pour remercier l'équipe des soins intensifs.",
            "claire.dubois@example.fr",
        ),
        (
            "Sophie, merci pour votre courriel (sophie.gagnon71@example.ca). On revoit la ferritine en janvier.",
            "sophie.gagnon71@example.ca",
        ),
        (
            "Le résultat a été envoyé à la mère d'une patiente, à julie.roy@example.ca, par erreur.",
            "julie.roy@example.ca",
        ),
    ],
)
def test_a_mailbox_named_for_a_person_at_an_unnamed_domain_in_a_post_about_care_is_theirs(text, mailbox):
    assert mailbox in of_kind("email", text)


@pytest.mark.parametrize(
    "text",
    [
        # A colleague's, said with their title or role.
        "Dr. Roy is our new lead: her e-mail is marie.roy@chu-example.ca.",
        "Inscription auprès de la Dre Julie Tremblay : julie.tremblay@example.ca",
        "Our coordinator for the surgery rotation is lovely, write to sophie.martin@example.org to sign up.",
        # A post about no one's care.
        "Questions sur l'atelier : julie.tremblay@example.ca",
        # A role's mailbox, whatever its domain.
        "Lisa, the referrals go to referrals.lisa@example.com now, after the admission of the new clinic.",
    ],
)
def test_a_colleagues_or_a_roles_mailbox_stays_unflagged(text):
    assert of_kind("email", text) == []


def handles(text: str) -> list[str]:
    return of_kind("url_handle", text)


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        (
            "@mo.and.baby.leo your little one was 3.2 kg, born Feb 2 at dawn, and what a night it was!",
            "@mo.and.baby.leo",
        ),
        ("@sam_in_truro so glad the retrieval went smoothly! Results on Friday, hang in there.", "@sam_in_truro"),
        (
            "Thank you @dana.k.runs: you wrote that after your daughter's birth at the IWK you felt alone.",
            "@dana.k.runs",
        ),
        (
            "@chloe_et_ses_loulous contente que le retour à la maison se passe bien ! "
            "On se voit le 3 mai pour la visite.",
            "@chloe_et_ses_loulous",
        ),
        (
            "Quelle joie de revoir @mel_et_ses_jumeaux, maman de jumeaux que j'ai accouchée il y a un an !",
            "@mel_et_ses_jumeaux",
        ),
        ("Papi Jean a 98 ans. Ses petits-enfants le suivent sur Instagram : @papijean_98.", "@papijean_98"),
        (
            "Grandma Ruth is 101 and her grandkids follow her on TikTok, @ruth.at.101 for her dance videos.",
            "@ruth.at.101",
        ),
    ],
)
def test_a_handle_spoken_to_about_the_care_we_gave_its_owner_or_followed_as_a_persons_is_theirs(text, handle):
    assert handle in handles(text), handles(text)


@pytest.mark.parametrize(
    "text",
    [
        # Advice to a stranger in the comments tells of no care we gave.
        "@mama_of_three_yeg He sounds like he needs to be seen, but I can't advise on him here. Call 811.",
        "@runner_mom_22 thanks for asking! In general, a child with a limp for more than 2 days should be seen.",
        # A colleague's handle, and a clinic's own account.
        "@DrKimLe your talk on the delivery went well, see you at the follow-up meeting.",
        "Follow us on Instagram: @kelowna_birth_unit for the prenatal class dates.",
    ],
)
def test_a_strangers_a_colleagues_or_a_clinics_handle_stays_unflagged(text):
    assert handles(text) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (
            "I keep getting texts meant for the unit at 902-555-0144 from Tom Reid's wife, please update the chart.",
            "902-555-0144",
        ),
        (
            "Hi Anna! Your daughter called the clinic at 403-555-0119 about your cast. We'll call that number back.",
            "403-555-0119",
        ),
    ],
)
def test_a_number_said_with_the_relative_it_came_from_is_theirs(text, number):
    assert number in of_kind("phone", text)


def test_a_clinics_number_given_to_call_is_not_a_relatives():
    assert of_kind("phone", "Questions about your cast? Call the clinic at 403-555-0119, Monday to Friday.") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ('A farmer came in with his badge still on: "T. Novak, ID K-20931". Troponin normal.', "K-20931"),
        ('Photo of an isolette tag, "Baby Girl Arsenault – QEII 0381274", sent by a proud dad.', "QEII 0381274"),
    ],
)
def test_a_number_quoted_beside_a_persons_name_on_a_label_is_theirs(text, number):
    assert number in of_kind("record_number", text)


def test_a_trials_code_in_quotes_is_not_a_persons_number():
    text = 'We are enrolling in "ERAS for Emergency Laparotomy, NCT 05102396" this spring.'
    assert of_kind("record_number", text) == []
