"""Numbers and addresses: health cards, national ids, record numbers, phones, e-mail, places, plates, serials.

Each rule is a function ``(text) -> list[Hit]``. Formats with a check digit are checked: a number that
fails its check is not that card (Ontario's health number and Canada's SIN use Luhn; British
Columbia's PHN starts with 9 and carries a weighted mod-11 digit; Québec's RAMQ number encodes the
birth month, +50 for women). Provinces whose format has no public check (Alberta's nine digits,
Manitoba, Saskatchewan, the Maritimes) are caught by context: a number after words such as "health
card", "PHN", "ULI" or "carte santé".
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from privacy import lexicon
from privacy.base import Category, Hit, Text, words
from privacy.clinical import RELATIVES

DIGIT_GROUPS = re.compile(r"(?<![\w-])(\d{4})[-\s]?(\d{3})[-\s]?(\d{3})(?:[-\s]?([A-Z]{2}))?(?![\w-])")
RAMQ = re.compile(r"(?<!\w)([A-Z]{4})\s?(\d{2})(\d{2})\s?(\d{2})(\d{2})(?!\w)")
CARD_AFTER_CUE = re.compile(
    # "carte santé du Manitoba", "carte Santé Manitoba", "health card from Nova Scotia": the province in between.
    # or whose it is: « carte soleil de madame : ».
    r"(?:\s+(?:du|de la|de l'|des|de|of|from|for|d')\s*[\w-]+|\s+[A-ZÉÎ][\w-]+(?:\s+[A-Z][\w-]+)?)?"
    r"[\s,:#°.-]*(?:no\.?|n°|number|numéro|#)?[\s:#,]*"
    r"(?:is\s+|est\s+)?([A-Z0-9](?:[A-Z0-9 -]{6,16})[A-Z0-9])"
)
# The number announced later in the sentence, after the card's owner: "carte d'assurance-maladie du
# Nouveau-Brunswick au nom de « Réal Thériault » (no 545 203 267)", "health card in his name, no. 123 456 789".
CARD_NUMBER_LATER = re.compile(
    r"[^.!?\n]{0,80}?(?<!\w)(?:no\.?|n°|numéro|number|#)\s*:?\s*(\d[\d -]{6,14}\d(?:[ -]?[A-Z]{2})?)(?![\w-])"
)
# Or after a colon, a few words on, the province abbreviated with dots: « sa carte d'assurance-maladie du N.-B. agrafée
# sur la couverture : 604 218 377 ».
CARD_NUMBER_AFTER_COLON = re.compile(r"[^!?\n:]{0,60}?:\s*(\d{3}\s?\d{3}\s?\d{3}(?:\s?\d)?)(?![\w-])")
# France's social security number (NIR): sex, year, month, département (2A/2B for Corsica), commune, order,
# then a key of 97 minus the number modulo 97; written in groups: "2 31 03 75 056 012 47".
NIR = re.compile(
    r"(?<![\w-])(?P<number>[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3})"
    r"\s?(?P<key>\d{2})(?![\w-])"
)
# A passport's number after its name: "her passport number, P4812237", « son passeport : AB123456 ».
PASSPORT = re.compile(
    r"(?<!\w)(?:passport|passeport)(?:\s+(?:number|no\.?|numéro|n°))?[\s,:#]*(?:is\s+|est\s+)?"
    # France's passports are two digits, two letters, five digits: « passeport 19FV83122 ».
    # and nine digits, as the US and the UK print them.
    r"(?P<number>[A-Z]{1,2}\d{6,8}|\d{2}[A-Z]{2}\d{5}|\d{9})(?![\w-])",
    re.IGNORECASE,
)
# Belgium's national register number (NISS): birth date YY.MM.DD, a birth order, then a key of 97 minus the first nine
# digits modulo 97 (with a 2 in front for births from 2000): « 31.05.12-228.01 ».
TENTH_NISS = re.compile(r"(?<![\w.-])(?P<number>\d{2}\.?\d{2}\.?\d{2}[-\s]?\d{3})\.?(?P<key>\d{2})(?![\w.-])")
# Switzerland's AVS (AHV) number: 756, then nine digits and an EAN-13 check digit, written in dotted groups.
TENTH_AVS = re.compile(r"(?<![\w.-])756\.\d{4}\.\d{4}\.\d{2}(?![\w.-])")
SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
NINE_DIGITS = re.compile(r"(?<![\w-])\d{3}[-\s]?\d{3}[-\s]?\d{3}(?![\w-])")
RECORD_CUE = re.compile(
    r"(?<!\w)(?:mrn|mr(?=\s*#)|hosp(?:ital)?(?=\s*#)|chart|dossier(?: médical)?|medical record(?: number)?|"
    r"record number|hospital number|patient id|numéro de dossier médical|"
    r"patient number|numéro de dossier|no de dossier|n° de dossier|nda|"
    # France's hospitals number each patient once for all stays: the IPP (identifiant permanent du patient).
    r"ipp|identifiant permanent|encounter(?: number| no\.?| #)|"
    r"visit number|admission number|account number|numéro de visite|numéro d'épisode|numéro de séjour|"
    # A prescription's number on a pharmacy label is the patient's: "Rx 4417823", « ordonnance n° 5591034 ».
    r"(?-i:Rx)|prescription number|prescription no\.?|ordonnance n°)(?!\w)"
    # "MRN 00482913", "chart #A-559210", "dossier no 554 221" (digits grouped by spaces, as French writes them)
    # "dossier 3 418 772": a leading single digit only with two groups after it.
    r"[\s:#°.(-]*(?:no\.?|n°|number|numéro|#)?[\s:#]*(#?[A-Z]{0,3}-?\d[\d-]{3,}[A-Z]?|\d{2,4}(?: \d{3}){1,3}|"
    r"\d(?: \d{3}){2,3})(?![\w])",
    re.IGNORECASE,
)
# The number in apposition, between commas: « Son numéro de dossier, 554 221, était visible », "his chart number,
# 4471920, was on the screen". Not a year after a comma ("in his chart, 2019 notes…"): grouped or six digits and more.
RECORD_IN_APPOSITION = re.compile(
    r"(?<!\w)(?:mrn|chart number|medical record number|record number|numéro de dossier|no de dossier|"
    r"n° de dossier|dossier médical|ipp)\s*,\s*(\d{2,4}(?: \d{3}){1,3}|\d{6,10})(?=\s*[,)])",
    re.IGNORECASE,
)
# The number a few words after its cue: "her chart number at the hospital, 4471920", "son dossier à l'hôpital,
# le 0083317". Only long runs of digits, since a count can follow a cue from that far.
RECORD_CUE_FAR = re.compile(
    r"(?<!\w)(?:mrn|chart|dossier|medical record|record)(?:\s+(?:number|numéro|no\.?))?"
    # « son numéro de dossier hospitalier, le 4458120 », "the MRN on the wristband in that photo was 00391847".
    r"(?:\s+(?:hospitalier|médical|hospital|medical))?"
    # "His MRN is on the sticker: 00482913".
    r"(?:\s+(?:is|was|est|était))?"
    r"(?:\s+(?:at|in|from|on|à|au|de|du|chez)\s+(?:the\s+|l'|l’|la\s+|le\s+)?(?:[\w'’-]+\s+)?[\w'’-]+){0,2}"
    # Not a count: « le dossier médical, 12000000 de Français l'ont ouvert ».
    r"\s*[,:]?\s*(?:(?:is|was|est|le|la|:)\s+)?(\d{6,10})(?![\w-])(?!\s+(?:de|d'|patients|people|personnes|visits))",
    re.IGNORECASE,
)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w])", re.IGNORECASE)
ROLE_MAILBOXES = frozenset(
    "info contact contacts rsvp admin office reception bookings booking appointments events communications "
    "media press secretariat inscription inscriptions accueil noreply no-reply hello help support research "
    "referrals referral clinic clinique rendezvous rdv bureau general admissions recruitment recruiting "
    "recrutement careers career jobs emplois emploi hr rh president presidence présidence chair secretary "
    "membership members membres volunteer volunteers benevoles bénévoles donations dons giving foundation "
    "fondation communication comms webmaster editor redaction rédaction newsletter privacy "
    "confidentialite feedback plaintes commentaires dr dre doc docteur docteure md".split()
)
# "ob.recruitment@…", "recrutement.obstetrique@…": a role word anywhere in the mailbox makes it a role's.
MAILBOX_PARTS = re.compile(r"[._-]")
STREET_EN = re.compile(
    r"(?<![\w-])\d{1,5}[A-Z]?\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Crescent|Cres|Court|Ct|Lane|Ln|Way|Place|Pl|"
    r"Trail|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Square|Gardens|Grove|Heights)\b\.?"
    r"(?:\s+(?:East|West|North|South|E|W|N|S)\b)?"
)
STREET_FR = re.compile(
    r"(?<![\w-])\d{1,5},?\s+(?i:rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|rang|route|place|montée|côte|"
    r"allée|impasse|promenade|croissant|terrasse)\s+(?:(?:de la|de l'|des|du|de|d')\s*)?"
    # Rural Québec numbers its rangs and routes: "55, rang 3", "1200, route 132".
    r"(?:[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2}|\d{1,3}(?!\w))"
)
# A street without a number, said as where someone lives: "her neighbour on Elm Street", "the house on
# Wellington Crescent", "sa voisine sur la rue des Pins", "la maison de la rue Cartier".
HOME_STREET_EN = re.compile(
    r"\b(?:lives|lived|living|house|home|neighbou?rs?|next door|grew up|moved)\b[^.!?\n]{0,20}?\bon\s+"
    r"(?P<street>(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Crescent|Court|Lane|Way|"
    r"Place|Trail|Terrace|Circle|Gardens|Grove|Heights)\b)"
)
HOME_STREET_FR = re.compile(
    r"\b(?:habite|habitait|vit|vivait|demeure|demeurait|maison|voisine?s?|logement|appartement|a grandi|"
    # French may drop the preposition: "elle habite rue des Lilas".
    # « sa maison du chemin du Bassin »: the street said with "du" too.
    r"a déménagé)\b(?:[^.!?\n]{0,20}?\b(?:sur|dans|de)\s+(?:la|le|l')\s*|\s+du\s+|\s+)"
    r"(?P<street>(?:rue|avenue|boulevard|chemin|rang|route|montée|côte|croissant|terrasse)\s+"
    r"(?:(?:de la|de l'|des|du|de|d')\s*)?[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2}|"
    # Rural Québec numbers its rangs and routes: « elle vit seule dans le rang 4 ».
    r"(?:rang|route|concession)\s+\d{1,3}(?!\w))"
)
ADDRESS_PERSON_CUES = words(
    "lives",
    "lived",
    "living",
    "home",
    "house",
    "apartment",
    "his",
    "her",
    "patient",
    "patient's",
    "pt",
    "ambulance",
    "mailed",
    "visit",
    "visite",
    "habite",
    "vit",
    "domicile",
    "maison",
    "logement",
    "patiente",
    "son",
    "sa",
    "chez",
    # A letter's sender, as one describes an envelope: "the return address said…", "l'adresse de retour disait…".
    # Someone described rather than named: "la dame du 4521, rue…", "the gentleman at 12 Elm Street".
    "la dame",
    "le monsieur",
    "lady",
    "gentleman",
    "return address said",
    "return address read",
    "adresse de retour disait",
    "adresse de retour indiquait",
)
POSTAL_CA = re.compile(r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])")
# France's five-digit postal code, after the town or street it follows ("à Annecy-le-Vieux, 74940") or before the
# town ("31200 Toulouse"); départements run 01 to 95, and 97 overseas.
_CODE_FR = r"(?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3}"
POSTAL_FR = re.compile(
    # After a town's name, not after a year: « en 2019, 12000 personnes ».
    # Not the first part of a longer number: « votre frère, 61842-0397 ».
    rf"(?<=[\w'’], )(?<!\d, )(?P<after>{_CODE_FR})(?![\w,.-]\d|\w)|"
    rf"(?<![\w,.-])(?P<before>{_CODE_FR})(?=\s+[A-ZÉ][a-zé])"
)
POSTAL_TOWN_AFTER = re.compile(rf",?\s+{_CODE_FR}\s+[A-ZÉ][\w'’-]*")
HOME_SAID = words("habite", "habitait", "vit", "vivait", "demeure", "demeurait", "domicile", "lives", "lived")
ZIP_IN_CONTEXT = re.compile(
    r"(?:\bzip(?: code|\+4)?\s*[:,]?\s*|\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|"
    r"MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+)(\d{5}(?:-\d{4})?)(?!\d)",
    re.IGNORECASE,
)
# Fundraisers, care diaries and obituaries: each page is about one person.
PERSONAL_PAGE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:gofundme\.com|gofund\.me|caringbridge\.org|legacy\.com|spotfund\.com|"
    r"givesendgo\.com|fundrazr\.com|mealtrain\.com|lotsahelpinghands\.com|everloved\.com|echovita\.com|"
    r"dignitymemorial\.com|arbormemorial\.ca|necrocanada\.com|avis-de-deces\.net)"
    r"/[^\s)\]]+",
    re.IGNORECASE,
)
# A page that follows someone's illness: "suivez le combat de Léo sur facebook.com/…", "follow her journey at…".
FOLLOWING_SOMEONE = words("journey", "fight", "battle", "combat", "parcours", "bataille", "updates on", "nouvelles de")
PROFILE_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(?:facebook\.com|instagram\.com|tiktok\.com|x\.com|twitter\.com|linkedin\.com/in|"
    r"youtube\.com/@?)/?[^\s)\]]*[^\s)\].,;:!?]",  # not the sentence's full stop or comma
    re.IGNORECASE,
)
# "my patient @karenlovesyoga": a handle given to a patient.
PATIENT_HANDLE = re.compile(r"(?<!\w)(?:patient|patiente|pt)\s*,?\s+(@[\w.]{2,})", re.IGNORECASE)
# "call her daughter at 555-0134": a local number without its area code, which phonenumbers does not read.
# France's ten digits in pairs, "06 39 98 41 27" or "+33 6 39 98 41 27", in French posts: phonenumbers reads
# only allocated ranges, and a second pass of its matcher with France's plan would double the phone rule's time.
PHONE_FR = re.compile(r"(?<![\d+])(?:0|\+33\s?)[1-9](?:[ .-]?\d{2}){4}(?![\d])")
LOCAL_NUMBER = re.compile(r"(?<![\d-])\d{3}-\d{4}(?![\d-])")
HANDLE_OF_PERSON = re.compile(
    r"(?:\b(?:her|his|their|patient'?s|pt'?s|family'?s|son|sa|leur|du patient|de la patiente)\s+"
    # "Her sister's handle @…": the owner's relative may stand between.
    r"(?:[\w'’]+\s+){0,3}(?:instagram|insta|tiktok|twitter|facebook|account|handle|compte|profil|profile|page)"
    r"\W{0,5}(?:is\s+|est\s+|:\s*)?)(@[\w.]{2,})",
    re.IGNORECASE,
)
# Whose account it is said after the word: "the Instagram account of our patient's granddaughter, @…", « le compte de
# la fille de ma patiente, @… ».
ACCOUNT_OF_A_PATIENTS = re.compile(
    rf"\b(?:account|compte|handle|profile|profil|page)\s+(?:of|de)\s+(?:our|my|the|a|notre|ma|mon|la|le)\s+"
    rf"(?:patient'?s|patiente?)\b(?:\s+(?:{RELATIVES}))?[^.!?\n@]{{0,15}}?(@[\w.]*\w)|"
    rf"\b(?:account|compte|handle|profile|profil|page)\s+(?:of|de)\s+(?:la|le|l')\s*(?:{RELATIVES})\s+"
    r"(?:de|du)\s+(?:ma|mon|notre|la|le)\s+(?:patiente?)\b[^.!?\n@]{0,15}?(@[\w.]*\w)",
    re.IGNORECASE,
)
# A patient who asked to be tagged: "my patient Maya (she asked me to tag her, @maya.beats)", "ma patiente Kim
# m'a demandé de la mentionner : sur @kim_apres_la_greffe, elle raconte…". The handle comes after a word for
# tagging or following, in a sentence about one's own patient.
TAGGED_HANDLE = re.compile(
    r"\b(?:tag|tagged|tagging|mention|mentioned|mentionner|mentionne|identifier|identifiée?|follow|following|"
    r"suivre|suivez|her account|his account|son compte|sur|on)\b[^.!?\n@]{0,30}?(?<![\w@.])(@[\w.]{2,})",
    re.IGNORECASE,
)
# A relative's or patient's handle given in brackets or between commas, in a sentence about care: "Her daughter
# (@lily.fights.lupus) posted the photo from her hospital bed", « sa fille, @julie_et_maman, a tout raconté ».
RELATIVE_HANDLE = re.compile(
    r"\b(?:patient|patiente|daughter|son|wife|husband|mother|father|mom|dad|grandson|granddaughter|fille|fils|mère|"
    r"père|épouse|mari|conjointe?|petite?-fil(?:le|s))\s*[(,]\s*(@[\w.]*\w)",
    re.IGNORECASE,
)
RELATIVE_OF_SOMEONE_BEFORE = re.compile(r"\b(?:his|her|their|son|sa|leur)\s+\w", re.IGNORECASE)
# A relative of a patient who posted about them, and the account they posted from: "the patient's sister had posted
# about the same night from @…", « la fille de la patiente a tout raconté sur @… ».
PATIENTS_RELATIVE_POSTED = re.compile(
    rf"(?:\b(?:patient'?s|pt'?s)\s+(?:{RELATIVES})|\b(?:{RELATIVES})\s+(?:du patient|de la patiente))"
    r"\b(?:[^.!?\n@]{0,60}?\b(?:posted|wrote|tweeted|commented|shared|publié|écrit|commenté|partagé|raconté)\b"
    # or the account named right after them: "My patient's son runs @bigjohnfitness".
    r"[^.!?\n@]{0,40}?|[^.!?\n@,;]{0,25}?)(@[\w.]*\w)",
    re.IGNORECASE,
)
HOSPITAL_WORDS = words("hospital", "hôpital", "icu", "usi", "chemo", "chimio", "dialysis", "dialyse", "er", "urgence")
# One patient: "our patients can book on @ClinicApp" is a service.
OWN_PATIENT = re.compile(r"\b(?:my|our|ma|mon|notre)\s+(?:\w+\s+)?(?:patient|patiente|pt)\b", re.IGNORECASE)
PLATE = re.compile(
    # "plate ABC 123", "plaque du Québec FHK 283", "une camionnette immatriculée Y83 FHK".
    # Whole words: not the "plate" of "platelets 88".
    r"(?<!\w)(?:licen[cs]e plate|plate|plaque(?: d'immatriculation)?|immatriculation|immatricul[ée]e?s?)(?!\w)"
    r"(?: number| no\.?| #| tag)?"
    r"(?:\s+(?:du|de l'|de la|de|au|from|in)\s*[A-ZÉ][\w'’-]+|\s+[\wé]+(?:ienne|oise|aise))?"  # « plaque ontarienne »
    r"[\s,:#]*(?:is\s+|est\s+|:\s*)?([A-Z0-9]{2,4}[ -]?[A-Z0-9]{2,4})(?![\w])",
    re.IGNORECASE,
)
# France's plates since 2009 (SIV) are two letters, three digits, two letters, dashed: "GH-482-TK". I, O and U
# are never used, and a dashed token of that shape is nothing else in a post.
PLATE_FR = re.compile(r"(?<![\w-])[A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}(?![\w-])")
# A plate right after the car it is on, described by colour and make: "the grey Civic CBRT 417", « la Clio grise
# GH 482 TK », "his red F-150 ABC 1234".
_COLOURS = (
    r"grey|gray|silver|black|white|red|blue|green|beige|brown|gold|yellow|orange|maroon|navy|"
    r"gris|grise|noir|noire|blanc|blanche|rouge|bleu|bleue|vert|verte|argent|argentée?|jaune|brun|brune"
)
# The plate's shape is looked for first, the car before it only then: cheaper than trying every capitalised word.
PLATE_SHAPE = re.compile(
    # Not a model year: "the black Honda CRV 2018".
    r"(?<![\w-])(?:[A-Z]{2,4}[ -]?(?!(?:19|20)\d\d(?!\d))\d{3,4}|\d{3}[ -]?[A-Z]{3}|[A-Z]{2}[ -]\d{3}[ -][A-Z]{2})"
    r"(?![\w-])"
)
# The organization's own van is not a patient's: "our grey Ford Transit ABC 123 mobile clinic".
OUR_CAR = re.compile(r"\b(?:our|notre|nos)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
CAR_BEFORE = re.compile(rf"(?:\b(?i:{_COLOURS})\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?|\b[A-Z][\w-]+\s+(?i:{_COLOURS}))\s+$")
SERIAL = re.compile(
    r"(?:serial(?: number| no\.?| #)?|s/n|\bsn\b|numéro de série|no de série|n° de série)"
    # Where it is printed: "serial on her card:", « numéro de série sur sa carte : ».
    r"(?:\s+(?:du|de la|de l'|de son|de sa|of the|on the|of his|of her|of this|on her|on his|on their|sur sa|sur son|"
    r"sur la|sur le)"
    r"\s*\w+)?[\s,:#]*(?:is\s+|est\s+)?"
    # One token, or capitals and digits in groups as a card prints them: « PJN 418 203 H », or a maker's prefix
    # then the number: "CADD-SN 4410298".
    r"((?-i:[A-Z][A-Z0-9]{1,6}(?:-[A-Z0-9]{1,6})*\s\d{4,12}(?![\w]))|"
    r"(?-i:[A-Z0-9]{1,5}(?:[ ][A-Z0-9]{1,5}){2,4}(?![\w]))|[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?![\w])",
    re.IGNORECASE,
)
TOLL_FREE = ("800", "833", "844", "855", "866", "877", "888")


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, character in enumerate(reversed(digits)):
        value = int(character)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def bc_phn_valid(digits: str) -> bool:
    if len(digits) != 10 or digits[0] != "9":
        return False
    weights = (2, 4, 8, 5, 10, 9, 7, 3)
    remainder = sum(int(digit) * weight % 11 for digit, weight in zip(digits[1:9], weights, strict=True)) % 11
    return 11 - remainder == int(digits[9])


def ramq_plausible(month: str, day: str) -> bool:
    month_number, day_number = int(month), int(day)
    return (1 <= month_number <= 12 or 51 <= month_number <= 62) and 1 <= day_number <= 31


def _near(pattern, text: Text, start: int, end: int, *, before: int = 40, after: int = 20) -> bool:
    return bool(pattern.search(text.window(start, end, before=before, after=after)))


# Alberta prints its nine-digit health number as five digits, a dash and four ("61842-0397"), the shape of a US ZIP+4:
# it is a card's number when the sentence speaks of a number or a card, and no state or "zip" comes before it.
CARD_ALBERTA = re.compile(r"(?<![\w-])\d{5}-\d{4}(?![\w-])")
CARD_ALBERTA_CUES = words("number", "numéro", "no", "n°", "card", "carte", "alberta", "albertain", "albertaine")


# The card a form expected, said after what was written in its place: "SIN on a referral form instead of the OHIP
# number: …", « son NAS au lieu de son numéro RAMQ : … ».
IDS22_CARD_EXPECTED_INSTEAD = re.compile(
    r"\b(?:instead of|rather than|in place of|au lieu d[ue']|à la place d[ue'])\s*"
    r"(?:the|her|his|their|a|la|le|l'|son|sa|leur|du|de la)?\s*(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)


def health_cards(text: Text) -> list[Hit]:
    hits = []
    for match in DIGIT_GROUPS.finditer(text.value):
        digits = "".join(match.group(1, 2, 3))
        has_cue = _near(lexicon.HEALTH_CARD_CUES, text, match.start(), match.end())
        phone_like = _near(lexicon.PHONE_CUES, text, match.start(), match.end(), before=25, after=5)
        if has_cue or ((luhn_valid(digits) or bc_phn_valid(digits)) and not phone_like):
            code = "bc_phn" if bc_phn_valid(digits) and not luhn_valid(digits) else "health_card"
            hits.append(Hit(Category.HEALTH_CARD, match.start(), match.end(), code))
    for match in CARD_ALBERTA.finditer(text.value):
        zip_code = any(zip_match.start(1) == match.start() for zip_match in ZIP_IN_CONTEXT.finditer(text.value))
        if not zip_code and text.sentence_has(CARD_ALBERTA_CUES, match.start()):
            hits.append(Hit(Category.HEALTH_CARD, match.start(), match.end(), "health_card"))
    for match in RAMQ.finditer(text.value):
        if ramq_plausible(match.group(3), match.group(4)):
            hits.append(Hit(Category.HEALTH_CARD, match.start(), match.end(), "health_card"))
    for cue in lexicon.HEALTH_CARD_CUES.finditer(text.value):
        if IDS22_CARD_EXPECTED_INSTEAD.search(text.value, max(0, cue.start() - 30), cue.start()):
            continue  # "her SIN instead of her PHN: …": the number written is the SIN, read by national_ids
        after = (
            CARD_AFTER_CUE.match(text.value, cue.end())
            or CARD_NUMBER_LATER.match(text.value, cue.end())
            or CARD_NUMBER_AFTER_COLON.match(text.value, cue.end())
        )
        if after and sum(character.isdigit() for character in after.group(1)) >= 8:
            hits.append(Hit(Category.HEALTH_CARD, after.start(1), after.end(1), "health_card"))
    return hits


def nir_valid(number: str, key: str) -> bool:
    digits = re.sub(r"\s", "", number).replace("2A", "19").replace("2B", "18")
    return 97 - int(digits) % 97 == int(key)


def niss_valid(number: str, key: str) -> bool:
    digits = re.sub(r"\D", "", number)
    # Separators are how the number is written; without any, eleven digits could be anything else.
    return any(97 - int(prefix + digits) % 97 == int(key) for prefix in ("", "2"))


def avs_valid(number: str) -> bool:
    digits = [int(digit) for digit in re.sub(r"\D", "", number)]
    weighted = sum(digit * (3 if position % 2 else 1) for position, digit in enumerate(digits[:-1]))
    return (10 - weighted % 10) % 10 == digits[-1]


def national_ids(text: Text) -> list[Hit]:
    hits = [Hit(Category.NATIONAL_ID, match.start(), match.end(), "ssn") for match in SSN.finditer(text.value)]
    hits.extend(
        Hit(Category.NATIONAL_ID, match.start("number"), match.end("number"), "passport")
        for match in PASSPORT.finditer(text.value)
    )
    hits.extend(
        Hit(Category.NATIONAL_ID, match.start(), match.end(), "nir")
        for match in NIR.finditer(text.value)
        if nir_valid(match["number"], match["key"])
    )
    hits.extend(
        Hit(Category.NATIONAL_ID, match.start(), match.end(), "niss")
        for match in TENTH_NISS.finditer(text.value)
        if not match.group().isdigit() and niss_valid(match["number"], match["key"])
    )
    hits.extend(
        Hit(Category.NATIONAL_ID, match.start(), match.end(), "avs")
        for match in TENTH_AVS.finditer(text.value)
        if avs_valid(match.group())
    )
    for match in NINE_DIGITS.finditer(text.value):
        digits = re.sub(r"\D", "", match.group())
        # Grouped with dashes it reads as a SIN; grouped with spaces it may be a French-style count
        # ("8 984 000 habitants"), so then only with a SIN word nearby.
        dashed = "-" in match.group()
        # A field label may come a clause before its value ("A Social Insurance Number, typed in the header
        # because…: 420 881 260"): in the same sentence, a number that passes the SIN's check is one.
        # or in the sentence before: "never put your SIN in the comments… Someone just did (462 817 032)".
        sentence_start = text.sentence_around(match.start())[0]
        named_in_sentence = luhn_valid(digits) and (
            text.sentence_has(lexicon.NATIONAL_ID_CUES, match.start())
            or (sentence_start > 0 and text.sentence_has(lexicon.NATIONAL_ID_CUES, sentence_start - 1))
        )
        near = _near(lexicon.NATIONAL_ID_CUES, text, match.start(), match.end())
        if near or named_in_sentence or (dashed and luhn_valid(digits)):
            hits.append(Hit(Category.NATIONAL_ID, match.start(), match.end(), "sin"))
    return hits


# A runner's bib number names them to anyone with the results: "Bastien, dossard 1187, arrived confused", "bib #2241".
BIB = re.compile(r"(?<!\w)(?:dossard|bib|race number)(?:\s+(?:no\.?|n°|number|numéro))?\s*#?\s*(\d{2,6})(?![\w])", re.I)
BIB_PERSON = words(
    "he",
    "she",
    "his",
    "her",
    "il",
    "elle",
    "son",
    "sa",
    "runner",
    "coureur",
    "coureuse",
    "arrived",
    "arrivé",
    "arrivée",
    "collapsed",
    "transported",
    "évacué",
    "évacuée",
    "confused",
    "confus",
    "confuse",
)


def _bibs(text: Text) -> list[Hit]:
    return [
        Hit(Category.RECORD_NUMBER, match.start(1), match.end(1), "record_number")
        for match in BIB.finditer(text.value)
        if text.sentence_has(BIB_PERSON, match.start())
    ]


# A code printed on a patient's label or band, a short prefix in capitals then the number: "ACC 2026-118834" on an
# accession label, "HSC-448120" on an identity band, « IPP-00418822 » on a bracelet. The sentence names the label.
# Not a product's code: a lot, a reference or a model ("LOT 2026-118834", "the printer model ZT 2301-4410").
RECORD_ON_LABEL = re.compile(
    r"(?<![\w-])(?!(?:LOT|REF|SKU|CAT|MOD|PN|SN|UPC|GTIN|NDC|DIN)\b)[A-Z]{2,5}[ -](?=(?:\d-?){6,14}(?![\w-]))\d[\d-]*\d"
    r"(?![\w-])"
)
# A patient's banner, as a photo's corner shows it: « HACHÉ N. – 17-04-1933 – VIT-2219047 ». A full date of last
# century beside the code is a birth date.
BIRTH_DATE_ON_A_BANNER = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]19\d\d(?![\d/.-])")
RECORD_LABEL_OF_A_PRODUCT = words("model", "modèle", "printer", "imprimante", "lot", "batch", "expiry", "péremption")
RECORD_LABELS = words(
    "label", "labels", "band", "wristband", "armband", "identity band", "id band", "bracelet", "sticker",
    "étiquette", "étiquettes", "autocollant", "accession", "requisition", "réquisition", "barcode", "code-barres",
    "tube", "specimen", "spécimen", "prélèvement",
    # A code shaped like a label's in a sentence about a patient's file: « Dossier de Mme X, numéro HSC-0048172 ».
    "dossier", "chart", "file",
)  # fmt: skip


IDS19_DATE_AFTER_A_CODE = re.compile(r"\d{4}-\d{2}-\d{2}$|\d{2}-\d{2}-\d{4}$")


def _records_on_labels(text: Text) -> list[Hit]:
    return [
        Hit(Category.RECORD_NUMBER, match.start(), match.end(), "record_number")
        for match in RECORD_ON_LABEL.finditer(text.value)
        if (text.sentence_has(RECORD_LABELS, match.start()) or text.sentence_has(BIRTH_DATE_ON_A_BANNER, match.start()))
        and not text.sentence_has(RECORD_LABEL_OF_A_PRODUCT, match.start())
        and not IDS19_DATE_AFTER_A_CODE.search(match.group())  # « DDN 1934-06-21 » is a birth date, read as a date
        and not IDS23_A_STANDARDS_NUMBER.match(match.group())  # « le dossier ISO 9001-2015 » is a standard's
    ]


# A worker's number on a vest, a badge or a form names them to their workplace: "employee NLM-22917", "tag number
# EMP-04871", « matricule MAG-30418 », « carte d'employé LAR-19204 », « son numéro d'employé, CMA-07752 ».
TENTH_PERSONNEL_NUMBER = re.compile(
    r"(?<!\w)(?:employee|employé|employée|staff|worker|payroll|badge|tag|clock|matricule|travailleur|travailleuse)"
    r"(?:\s+(?:number|no\.?|id|#|numéro|n°|card))?[\s:#,]*"
    r"(?<=[\s:#,])(?P<code>[A-Z]{0,4}-?\d[\d-]{2,}\d[A-Z]?)(?![\w-])"
    r"|(?<!\w)(?:numéro|n°|no|carte|badge)\s+d[e'’]\s*(?:employé|employée|travailleur|travailleuse|matricule)"
    r"[\s:#,]*(?P<code_fr>[A-Z]{0,4}-?\d[\d-]{2,}\d[A-Z]?)(?![\w-])",
    re.IGNORECASE,
)
# Not a year, a span of years, or a phone number written on the badge ("my ID badge: 250-555-0172").
TENTH_YEARS_OR_PHONE = re.compile(r"(?:19|20)\d\d(?:-(?:19|20)?\d\d)?|(?:\d{3}-)?\d{3}-\d{4}")


def _personnel_numbers(text: Text) -> list[Hit]:
    hits = []
    for match in TENTH_PERSONNEL_NUMBER.finditer(text.value):
        group = "code" if match["code"] else "code_fr"
        code = match[group]
        digits = sum(character.isdigit() for character in code)
        # A letter prefix says it is a code; bare digits only when too many for a year or a span of years.
        if (code[0].isalpha() and digits >= 4) or (digits >= 5 and not TENTH_YEARS_OR_PHONE.fullmatch(code)):
            hits.append(Hit(Category.RECORD_NUMBER, match.start(group), match.end(group), "personnel_number"))
    return hits


def record_numbers(text: Text) -> list[Hit]:
    hits = [
        Hit(Category.RECORD_NUMBER, match.start(1), match.end(1), "record_number")
        for match in RECORD_CUE.finditer(text.value)
        if sum(character.isdigit() for character in match.group(1)) >= 4
    ]
    hits.extend(
        Hit(Category.RECORD_NUMBER, match.start(1), match.end(1), "record_number")
        for pattern in (RECORD_CUE_FAR, RECORD_IN_APPOSITION)
        for match in pattern.finditer(text.value)
    )
    # A label's code whose number a cue already read ("IPP 5510342") is that number.
    on_labels = [on for on in _records_on_labels(text) if not any(h.start < on.end and on.start < h.end for h in hits)]
    return hits + _bibs(text) + on_labels + _personnel_numbers(text)


# What kind of contact point it is says nothing of whose it is: "her home in Bangor, fax 207-…" is hers.
KIND_OF_CONTACT = words("fax", "télécopieur", "number", "numéro", "adresse", "address", "e-mail", "email", "courriel")


# A venue or an office answers for its own address and line: « à l'amphithéâtre… de la faculté de médecine, 146 rue… »,
# "the patient representative is at 506-…" (an office, though it says "patient").
VENUES_AND_OFFICES = words(
    "faculté", "faculty", "amphithéâtre", "amphi", "auditorium", "université", "university", "campus",
    "patient representative", "patient relations", "ombudsman", "commissaire aux plaintes", "représentant des usagers",
    # A service's own line, by its initials or its desk: « Nouveau numéro de la PMI de … », "Please call L&D at …".
    "pmi", "protection maternelle et infantile", "l&d", "labour and delivery", "labor and delivery", "switchboard",
    "standard téléphonique", "triage desk", "nursing station", "poste des infirmières", "maison médicale",
    # The writer's practice giving its own: « Notre adresse : 220, avenue Principale… », "Our address: …".
    "notre adresse", "our address", "nos coordonnées", "our contact details",
)  # fmt: skip


def _owner_cues(snippet: str, person_cues: re.Pattern[str]) -> list[tuple[int, bool]]:
    """(position, is a person) of each word in ``snippet`` that says whose a contact point is."""
    snippet = lexicon.SERVICE_NAMES.sub(" clinic ", lexicon.ORGANIZATION_NAMES.sub(" clinic ", snippet))
    cues = [(match.end(), True) for match in person_cues.finditer(snippet)]
    for pattern in (lexicon.ORGANIZATION_CUES, lexicon.CONTACT_OWNER_CUES, lexicon.EVENT_CUES, VENUES_AND_OFFICES):
        cues.extend(
            (match.end(), False) for match in pattern.finditer(snippet) if not KIND_OF_CONTACT.fullmatch(match.group())
        )
    return sorted(cues)


def _belongs_to_a_person(text: Text, start: int, end: int, person_cues=lexicon.PERSON_CUES) -> bool:
    """Whose a phone, mailbox or address is, by the nearest word that says so: writers name the owner
    just before ("her clinic moves to…", "l'unité mère-enfant répond au…", "call his daughter at…"), or
    else just after. With neither nearby, the post decides: one that speaks only of an organization (a
    clinic's news, a programme's notice) publishes its own contacts; otherwise assume a person."""
    before = _owner_cues(text.window(start, start, before=80, after=0), person_cues)
    if before:
        return before[-1][1]
    after = _owner_cues(text.window(end, end, before=0, after=40), person_cues)
    if after:
        return after[0][1]
    whole_post = _owner_cues(text.lower, person_cues)
    return not whole_post or any(is_person for _, is_person in whole_post)


# Letters just before digits make them a code, not a phone: "ACC 2026-118834", "HSC-448120".
PHONE_CODE_PREFIX = re.compile(r"(?<![\w-])[A-Z]{2,5}[ -]$")
# A line open day and night is a service's: « Agri'écoute : 09 69 39 29 19, 24 h/24 », "call 204-555-0100, 24/7".
PHONE_ALWAYS_OPEN = re.compile(
    # or a line to register or book on: "Call 506-555-0112 to register", « au 506-… pour prendre rendez-vous ».
    r"^\W{0,3}(?:to register|to book|for appointments|to make an appointment|pour vous inscrire|pour s'inscrire|"
    r"pour prendre rendez-vous|24\s?h\s?/\s?24|24/7|24\s?h(?:eures)?\s+sur\s+24|7\s?j(?:ours)?\s?/\s?7|24 hours a day|"
    r"day or night|"
    r"jour et nuit|around the clock)",
    re.IGNORECASE,
)
# The number read off someone's label, file or form is theirs, whoever looks it up: "We have tried the number on
# the label, 807-…", « le numéro inscrit sur son dossier, 06… ».
PHONE_ON_A_PERSONS_PAPER = re.compile(
    r"\b(?:number|numéro)\s+(?:(?:written|printed|listed|inscrit|indiqué|noté)\s+)?(?:on|in|from|sur|dans|de)\s+"
    r"(?:the|a|his|her|their|la|le|l'|son|sa|leur)\s*(?:label|tag|wristband|bracelet|chart|file|form|referral|"
    r"étiquette|dossier|fiche|formulaire)\b[^.!?\n\d]{0,10}$",
    re.IGNORECASE,
)


# A relative's phone left behind or given: « Le fils de M. Boudreau a laissé son cell à la clinique, c'est le 506-… »,
# "her son left his cell at the desk, 506-…". Whose it is was said before the clinic was named.
PHONE_LEFT_BY_SOMEONE = re.compile(
    r"\b(?:patient|patiente|mother|father|mom|dad|daughter|son|wife|husband|sister|brother|fille|fils|mère|père|sœur|"
    # The dot of a title may stand between: « Le fils de M. Boudreau a laissé… ».
    r"soeur|frère|épouse|mari|conjointe?)\b[^!?\n]{0,40}\b(?:left|gave|forgot|a laissé|a oublié|a donné|m'a laissé)\s+"
    r"(?:his|her|their|son|sa|leur)\s+(?:cell|cellphone|phone|number|cellulaire|cell|téléphone|numéro)\b[^.!?\n]{0,50}$",
    re.IGNORECASE,
)


# A number said to be someone's, whatever follows before it: "His mom asked me to share her number for other parents
# who want to talk: 604-…", « la fille de M. Didelot… son numéro : 06… ».
IDS19_POSSESSED_NUMBER = re.compile(
    rf"\b(?:his|her|their|sa|son|leur|(?:{RELATIVES})(?:'s|’s))\s+(?:own\s+)?(?:cell|cellphone|number|phone|numéro|"
    r"cellulaire|téléphone)\b[^.!?\n\d]{0,50}$",
    re.IGNORECASE,
)


# A household's own line, said so just before: « le téléphone fixe de la maison à la main, 04 … », "their home landline,
# 613-…". Not the clinic's: "our landline", « notre ligne fixe ».
IDS23_A_HOMES_LINE = re.compile(
    r"(?<!notre )(?<!our )\b(?:téléphone fixe|ligne fixe|home phone|home landline|house phone|landline)"
    r"(?:\s+(?:de\s+(?:la|leur|sa|son)\s+maison|at home|à la maison))?[^.!?\n\d]{0,30}$",
    re.IGNORECASE,
)


# A code's tail is no phone: digits hung on letters by a dash ("RDH-CT-2026-118834"), or a year then a serial
# ("2026-118834"), a grouping no one writes a phone in.
IDS22_TAIL_OF_A_CODE = re.compile(r"[A-Za-z0-9]-$")
IDS22_YEAR_THEN_SERIAL = re.compile(r"(?:19|20)\d\d-\d{5,7}|(?:19|20)\d\d-\d\d-\d{4}")  # ids23: « n° 2026-11-0934 »


# ids24: an organisation saying where it is or moves to publishes its own line with its address: « Nous sommes au 39
# avenue …, téléphone 04 … », « Le centre déménage au 147 boulevard … Tél. 04 … », "The clinic moves to 12 Main St.
# on Monday; phone 306-…". Not when a person is named between: "we are at the ER with my mom, call me at …".
IDS24_ORGANIZATION_SAYS_WHERE = re.compile(
    r"\b(?:nous sommes|nous serons|we are|we['’]re|we will be|déménage(?:nt|ra)?|emménage(?:nt)?|s['’]installe(?:nt)?|"
    r"moves|is moving|are moving|relocates|is relocating)\s+(?:au|aux|à|dans|to|at|into)\s+\d",
    re.IGNORECASE,
)
IDS24_PERSON_BETWEEN = re.compile(
    rf"\b(?:{RELATIVES}|patient|patiente|me|moi|my|mon|ma|mes|his|her|their)\b|\b(?-i:Mr|Mrs|Ms|M|Mme|Mlle)\.?\s+(?-i:[A-Z])",
    re.IGNORECASE,
)


def _ids24_an_organizations_new_place(text: Text, start: int) -> bool:
    said = [m.end() for m in IDS24_ORGANIZATION_SAYS_WHERE.finditer(text.value, max(0, start - 200), start)]
    return bool(said) and not IDS24_PERSON_BETWEEN.search(text.value, said[-1], start)


def _a_service_line(text: Text, start: int, end: int) -> bool:
    """A code with a letter prefix, or a line open around the clock, is no one's phone."""
    return bool(
        PHONE_CODE_PREFIX.search(text.value[max(0, start - 6) : start])
        or IDS22_TAIL_OF_A_CODE.search(text.value[max(0, start - 2) : start])
        or IDS22_YEAR_THEN_SERIAL.fullmatch(text.value[start:end])
        or PHONE_ALWAYS_OPEN.match(text.value[end : end + 30])
        or _ids24_an_organizations_new_place(text, start)
    )


def phones(text: Text) -> list[Hit]:
    # A clinic's published booking line is a hard negative: flagging it would teach people to ignore us.
    hits = []
    matches = {(m.start, m.end): m for m in phonenumbers.PhoneNumberMatcher(text.value, "CA")}
    for match in matches.values():
        number = match.number
        national = str(number.national_number)
        if number.country_code == 1 and national[:3] in TOLL_FREE or _a_service_line(text, match.start, match.end):
            continue
        before = text.window(match.start, match.start, before=80, after=0)
        sent_from = (
            NUMBER_SENDER.search(before)
            or PHONE_ON_A_PERSONS_PAPER.search(before)
            or PHONE_LEFT_BY_SOMEONE.search(before)
            or IDS19_POSSESSED_NUMBER.search(before)
            or IDS23_A_HOMES_LINE.search(before)
        )
        if sent_from or _belongs_to_a_person(text, match.start, match.end):
            hits.append(Hit(Category.PHONE, match.start, match.end, "phone"))
    for match in PHONE_FR.finditer(text.value) if text.language == "fr" else ():
        if _a_service_line(text, match.start(), match.end()):
            continue
        if (match.start(), match.end()) not in matches and _belongs_to_a_person(text, match.start(), match.end()):
            hits.append(Hit(Category.PHONE, match.start(), match.end(), "phone"))
    for match in LOCAL_NUMBER.finditer(text.value):
        if _near(lexicon.PHONE_CUES, text, match.start(), match.end(), before=30, after=0) and _belongs_to_a_person(
            text, match.start(), match.end()
        ):
            hits.append(Hit(Category.PHONE, match.start(), match.end(), "phone"))
    return hits


# "the patient's e-mail,", "son adresse personnelle,", "le courriel de la patiente :": whose mailbox it is.
MAILBOX_OWNER = re.compile(
    # Not "her e-mail" alone: "Dr. Roy: her e-mail is marie.roy@chu…" is a colleague's work address.
    r"(?:\b(?:patient'?s|pt'?s|family'?s|mother'?s|father'?s|daughter'?s|son'?s|personal|private|personnelle|"
    r"personnel|perso)\s+"
    r"(?:[\w-]+\s+){0,2}(?:e-?mail|courriel|adresse|address|inbox)"
    r"|\b(?:e-?mail|courriel|adresse(?: courriel| électronique)?)\s+(?:of|de|du|d')\s*(?:the\s+|la\s+|le\s+|l')?"
    r"(?:patient|patiente|family|famille|fils|fille|mother|father|mère|père)"
    r"|\b(?:son|sa)\s+(?:adresse|courriel)\s+(?:personnelle|perso)"
    # A patient's old or home mailbox, said by the relative who sent it: "she included his old …@…".
    r"|\b(?:his|her|their)\s+(?:old|home|personal|own|private)(?:\s+(?:e-?mail|address|inbox))?"
    # Someone's by title: « L'adresse de M. Painchaud, », "Mrs. Olsen's e-mail,".
    r"|\b(?:e-?mail|courriel|adresse(?: courriel| électronique)?)\s+(?:of|de|du)\s+(?:mr|mrs|ms|m|mme|mlle|madame|"
    r"monsieur)\.?\s+[\w'’-]+|\b(?:mr|mrs|ms)\.?\s+[\w'’-]+'s\s+(?:e-?mail|address))"
    r"[^.!?\n]{0,25}$",
    re.IGNORECASE,
)


# "A patient e-mailed me from jdoe@acme.com", « sa fille m'a écrit de m.roy@entreprise.ca »: sent by them.
MAILBOX_SENDER = re.compile(
    r"\b(?:patient|patiente|pt|mother|father|daughter|son|wife|husband|family|famille|fille|fils|mère|père|"
    r"épouse|mari|conjointe?)\b[^.!?\n]{0,40}\b(?:e-?mailed|messaged|wrote|writes|sent|contacted|replied|écrit|écrivait|"
    r"envoyé|contacté|répondu)\b"
    r"[^.!?\n]{0,25}\b(?:from|de|depuis)\s*$",
    re.IGNORECASE,
)


# "His daughter texted the unit from 306-555-0143": whoever sent a message owns the number it came from, whatever
# organization it was sent to ("the unit"); « sa fille a appelé l'unité du 514-555-0199 ».
NUMBER_SENDER = re.compile(
    r"\b(?:patient|patiente|pt|mother|father|mom|dad|daughter|son|wife|husband|sister|brother|family|famille|fille|"
    r"fils|mère|père|sœur|soeur|frère|épouse|mari|conjointe?)\b[^.!?\n]{0,40}\b(?:texted|called|phoned|rang|"
    r"messaged|wrote|a texté|a appelé|a téléphoné|a écrit)\b[^.!?\n]{0,25}\b(?:from|du|depuis|de)\s*$",
    re.IGNORECASE,
)


def _at_personal_provider(address: str) -> bool:
    first_label = address.rsplit("@", 1)[1].split(".")[0].lower()
    return re.sub(r"-(?:example|exemple|test|demo)$", "", first_label) in lexicon.PERSONAL_MAIL_PROVIDERS


def emails(text: Text) -> list[Hit]:
    """A mailbox at a personal provider, unless an organization's; at a workplace's domain, only when the
    post says it is a patient's or their family's (organizations publish theirs under every name)."""
    hits = []
    for match in EMAIL.finditer(text.value):
        mailbox = match.group().split("@")[0].lower()
        if mailbox in ROLE_MAILBOXES or ROLE_MAILBOXES.intersection(MAILBOX_PARTS.split(mailbox)):
            continue
        before = text.window(match.start(), match.start(), before=80, after=0)
        said_whose = MAILBOX_OWNER.search(before[-60:]) or MAILBOX_SENDER.search(before)
        personal = _at_personal_provider(match.group()) and _belongs_to_a_person(text, match.start(), match.end())
        if said_whose or personal:
            hits.append(Hit(Category.EMAIL, match.start(), match.end(), "email"))
    return hits


# A street named without a number, in a sentence about someone, in a post that tells a patient's story:
# "he got lost walking to the corner store on Pembroke Street", "au coin de chez lui sur le boulevard Talbot".
NAMED_STREET_EN = re.compile(
    r"\b(?:on|along|off|near|down|up)\s+(?P<street>(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|"
    r"Drive|Crescent|Court|Lane|Way|Trail|Terrace|Circle|Gardens|Grove|Heights|Concession|Sideroad|Line)\b)"
)
NAMED_STREET_FR = re.compile(
    r"\b(?:sur|dans|de|près de|au coin de)\s+(?:la|le|l'|l’)\s*"
    r"(?P<street>(?:rue|avenue|boulevard|chemin|rang|route|montée|côte|croissant|terrasse)\s+"
    r"(?:(?:de la|de l'|des|du|de|d')\s*)?[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2})"
)
# One's patient said by the street she lives on: « Josée, ma patiente du chemin du Lac-Noir », "my patient from
# Pembroke Road". The street belongs to the patient as much as a house number would.
PATIENT_FROM_STREET = re.compile(
    r"\b(?i:patient|patiente|pt)\s+(?:du|de la|de l'|de|from|on|off|sur la|sur le)\s*"
    r"(?P<street>(?:(?i:rue|avenue|boulevard|chemin|rang|route|montée|côte|croissant|terrasse)\s+"
    r"(?:(?:de la|de l'|des|du|de|d')\s*)?[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2})|"
    r"(?:[A-Z][\w'’-]+\s+){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Crescent|Court|Lane|Way|Trail|Line|"
    r"Concession|Sideroad)\b)"
)
STREET_PERSON_CUES = words("he", "she", "his", "her", "him", "il", "elle", "lui", "chez lui", "chez elle", "son", "sa")


def _streets_in_stories(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical, which reads nothing of ours

    if not tells_a_care_story(text):
        return []
    hits = []
    for pattern in (NAMED_STREET_EN, NAMED_STREET_FR):
        for match in pattern.finditer(text.value):
            # Who the street belongs to is said just before it: "her garden on…", "our clinic on…".
            sentence_start = text.sentence_around(match.start())[0]
            before = text.lower[max(sentence_start, match.start() - 60) : match.start()]
            before = lexicon.ORGANIZATION_NAMES.sub(" clinic ", before)
            if STREET_PERSON_CUES.search(before) and not lexicon.ORGANIZATION_CUES.search(before):
                hits.append(Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address"))
    return hits


# Rural and postal addresses: "RR 2, Site 5, Box 12", "R.R. #3", "PO Box 45", "C.P. 210", "case postale 12".
RURAL_ADDRESS = re.compile(
    r"(?<!\w)(?:R\.?R\.?\s*#?\s*\d{1,3}(?:,?\s*Site\s*\d{1,3})?(?:,?\s*(?:Box|Comp)\s*\d{1,4})?|"
    r"P\.?\s?O\.?\s+Box\s+\d{1,5}|C\.P\.\s*\d{1,5}|case postale\s+\d{1,5})(?!\w)"
)


# A street right after a person named with a title, as a round's list or a letter writes it: "M. Arsenault
# (96 ans), rang Saint-Joseph", "Mrs. Kowalski, Concession Road 4".
STREET_AFTER_PERSON = re.compile(
    r"(?:\b(?:M|Mme|Mr|Mrs|Ms|Mlle)\.?\s+[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)?)(?:\s*\([^)]{1,20}\))?,\s+"
    r"(?P<street>(?:rue|rang|chemin|avenue|boulevard|route|montée|côte|(?:[A-Z][\w'’-]+\s+){1,3}"
    r"(?:Street|Road|Avenue|Drive|Lane|Line|Concession|Sideroad))\b(?:\s+(?:de la|de l'|des|du|de|d')?\s*"
    r"[A-ZÉ0-9][\w'’-]*){0,3})"
)


THANKED = words("merci", "thanks", "thank you", "remercie", "remercier", "donated", "donation", "don", "félicitations")


def _streets_after_patients(text: Text) -> list[Hit]:
    # Not a person thanked: "Merci à M. Tremblay, rue Principale, pour son don" is a donor's street.
    return [
        Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address")
        for match in STREET_AFTER_PERSON.finditer(text.value)
        if not text.sentence_has(THANKED, match.start())
    ]


# The town that follows a street before its postal code: "241 Eighth Street, Cochrane, P0L 1C0".
# The province may follow the town in brackets: "220, avenue Principale, Rouyn-Noranda (Québec) J9X 4P5".
TOWN_BETWEEN = re.compile(r"^\s*,?\s*(?:\(?[A-ZÉ][\w'’.-]*\)?\s*){0,3},?\s*(?:[A-Z]{2},?\s*)?$")


def _closes_an_organizations_street(text: Text, start: int, streets: list[tuple[int, int]]) -> bool:
    """A postal code that closes a street address already read as an organization's or a venue's is theirs too."""
    return any(0 <= start - end <= 40 and TOWN_BETWEEN.match(text.value[end:start]) for _, end in streets)


# A postal code read off a patient's papers ties them to a place: "Postal code on a referral today, X0A 1H0, was the
# only thing tying <name>'s file to the right community", « le code postal de sa demande de consultation ».
POSTAL_ON_A_PERSONS_PAPER = words(
    "referral", "requisition", "his file", "her file", "'s file", "’s file", "his chart", "her chart", "'s chart",
    "demande de consultation", "son dossier", "le dossier de", "sa fiche", "réquisition",
)  # fmt: skip
# The wrong code, said to be wrong, is no one's: « c'était H2J 3K8 et pas H2J 3K9 ».
POSTAL_SAID_WRONG = re.compile(
    r"(?:\bet pas|\band not|\bnot|\binstead of|\bau lieu de|\bplutôt que|\brather than|\bpas le)\s*$", re.IGNORECASE
)


def addresses(text: Text) -> list[Hit]:
    hits = []
    organizations_streets = []
    for pattern in (STREET_EN, STREET_FR):
        for match in pattern.finditer(text.value):
            if not _belongs_to_a_person(text, match.start(), match.end(), ADDRESS_PERSON_CUES):
                organizations_streets.append(match.span())
            else:
                # The code and town that end a French address belong to it: "8, allée des Tilleuls, 31200 Toulouse".
                tail = POSTAL_TOWN_AFTER.match(text.value, match.end())
                hits.append(Hit(Category.ADDRESS, match.start(), tail.end() if tail else match.end(), "address"))
                # and its postal code is one too, which a fix may keep the town of: "14 rue des Lilas, 31500 Toulouse".
                code = re.search(r"\d{5}", tail.group()) if tail else None
                if code:
                    hits.append(
                        Hit(Category.POSTAL_CODE, tail.start() + code.start(), tail.start() + code.end(), "postal_code")
                    )
    for pattern in (HOME_STREET_EN, HOME_STREET_FR):
        for match in pattern.finditer(text.value):
            # "a converted house on Main Street" where the clinic is: an organization's address. Said in the same
            # sentence: « arrivée à l'urgence… Elle voulait retourner à sa maison du chemin du Bassin » is her home.
            sentence_start = text.sentence_around(match.start())[0]
            before = lexicon.ORGANIZATION_NAMES.sub(
                " clinic ", text.lower[max(sentence_start, match.start() - 100) : match.start()]
            )
            if lexicon.ORGANIZATION_CUES.search(before):
                continue
            hits.append(Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address"))
    hits.extend(_streets_in_stories(text))
    hits.extend(
        Hit(Category.ADDRESS, match.start("street"), match.end("street"), "address")
        for match in PATIENT_FROM_STREET.finditer(text.value)
    )
    hits.extend(_streets_after_patients(text))
    for match in RURAL_ADDRESS.finditer(text.value):
        if _belongs_to_a_person(text, match.start(), match.end(), ADDRESS_PERSON_CUES):
            hits.append(Hit(Category.ADDRESS, match.start(), match.end(), "address"))
    for match in POSTAL_CA.finditer(text.value):
        if _closes_an_organizations_street(text, match.start(), organizations_streets):
            continue
        if POSTAL_SAID_WRONG.search(text.value[max(0, match.start() - 20) : match.start()]):
            continue
        on_papers = text.sentence_has(POSTAL_ON_A_PERSONS_PAPER, match.start())
        if on_papers or _belongs_to_a_person(text, match.start(), match.end(), ADDRESS_PERSON_CUES):
            hits.append(Hit(Category.POSTAL_CODE, match.start(), match.end(), "postal_code"))
    in_addresses = [(hit.start, hit.end) for hit in hits]
    for match in POSTAL_FR.finditer(text.value) if text.language == "fr" else ():
        if any(start <= match.start() < end for start, end in in_addresses):
            continue
        # "Elle habite à deux rues du cabinet, à Annecy-le-Vieux, 74940": where someone lives, whatever else is named.
        home = text.sentence_has(HOME_SAID, match.start())
        if home or _belongs_to_a_person(text, match.start(), match.end(), ADDRESS_PERSON_CUES):
            hits.append(Hit(Category.POSTAL_CODE, match.start(), match.end(), "postal_code"))
    for match in ZIP_IN_CONTEXT.finditer(text.value):
        if _belongs_to_a_person(text, match.start(1), match.end(1), ADDRESS_PERSON_CUES):
            hits.append(Hit(Category.POSTAL_CODE, match.start(1), match.end(1), "postal_code"))
    return hits


# In a post telling a patient's story, "his niece", « sa fille » is the patient's: "His niece posted the photo on
# Instagram as @…".
STORY_RELATIVE_POSTED = re.compile(
    rf"\b(?:his|her|their|son|sa|leur)\s+(?:{RELATIVES}|niece|nephew|nièce|neveu)\b[^.!?\n@]{{0,60}}?"
    r"\b(?:posted|wrote|tweeted|commented|shared|publié|écrit|commenté|partagé|raconté)\b[^.!?\n@]{0,80}?(@[\w.]*\w)",
    re.IGNORECASE,
)


# Outside a story too, a patient's relative said by a possessive or after a titled patient posted from a handle:
# "His granddaughter posted the whole thing on Instagram: @…", « Le petit-fils de Mme Arsenault a publié sa photo sur
# TikTok (@…) ». Not the author's own family ("my daughter posted it on @…").
TITLED_PATIENTS_RELATIVE_POSTED = re.compile(
    rf"\b(?:(?:his|her|son|sa)\s+(?:{RELATIVES}|niece|nephew|nièce|neveu)|"
    rf"(?:{RELATIVES}|niece|nephew|nièce|neveu)\s+(?:of|de|du)\s+(?:Mr|Mrs|Ms|Mme|M|Madame|Monsieur)\.?\s+[A-ZÉ][\w'’-]+)"
    r"\b[^.!?\n@]{0,60}?\b(?:posted|put|shared|uploaded|publié|mis|partagé|affiché)\b[^.!?\n@]{0,50}?"
    r"\b(?:instagram|insta|tiktok|facebook|twitter|x|youtube|snapchat)\b[^.!?\n@]{0,5}?(@[\w.]*\w)",
    re.IGNORECASE,
)


# A relative said by the first name of the one the post is about, in any post: "Jaxon's mom posted his jersey photo…
# with the tag @…". The author's own family is said with "my".
NAMED_PERSONS_RELATIVE_POSTED = re.compile(
    rf"(?<![\w.'’])(?-i:[A-ZÉ][a-zà-ÿ-]+)(?:'s|’s)\s+(?:{RELATIVES}|niece|nephew)\b[^.!?\n@]{{0,60}}?"
    r"\b(?:posted|wrote|tweeted|commented|shared|uploaded|put)\b[^.!?\n@]{0,80}?(@[\w.]*\w)",
    re.IGNORECASE,
)
# The account said to be one's patient right after it: "@…, c'est ma patiente", "@… is my patient".
HANDLE_THEN_OWN_PATIENT = re.compile(
    r"(?<![\w@.])(@[\w.]*\w)\s*,?\s*(?:c'est|c’est|est|is|was|était)\s+(?:(?:ma|mon|my|our|notre)\s+"
    r"(?:[\w-]+\s+)?(?:patient|patiente|pt)|(?:one of (?:my|our)|l'une? de (?:mes|nos)|une? de (?:mes|nos))\s+"
    r"patiente?s)\b",
    re.IGNORECASE,
)
HANDLE_KEEPER_ILL = words(
    "schizophrénie", "schizophrenia", "dépression", "depression", "bipolaire", "bipolar", "cancer", "diabète",
    "diabetes", "maladie", "illness", "disease", "diagnosis", "diagnostic", "traitement", "treatment", "chimio",
    "chemo", "dialyse", "dialysis", "greffe", "transplant", "réadaptation", "rehab",
)  # fmt: skip
# In a care story, or in a sentence that gives an illness, the account someone described keeps: "Il a… un chat, et un
# compte Instagram de photos de pigeons, @…", "She runs a TikTok about her rehab, @…". The pronoun is the patient.
HANDLE_KEPT_BY_SOMEONE = re.compile(
    r"\b(?:il|elle|he|she)\s+(?:a|avait|tient|tenait|gère|gérait|has|had|runs|ran|keeps|kept|started|a lancé|a créé)\b"
    r"[^.!?\n@]{0,80}?\b(?:compte|account|page|chaîne|channel|blog|blogue|instagram|tiktok|youtube)\b"
    r"[^.!?\n@]{0,60}?(@[\w.]*\w)",
    re.IGNORECASE,
)


def _handles_a_relative_posted_from_in_a_story(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical, which reads nothing of ours

    hits = [
        Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
        for match in NAMED_PERSONS_RELATIVE_POSTED.finditer(text.value)
    ]
    story = tells_a_care_story(text)
    hits.extend(
        Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
        for match in HANDLE_KEPT_BY_SOMEONE.finditer(text.value)
        if story or text.sentence_has(HANDLE_KEEPER_ILL, match.start())
    )
    if story:
        hits.extend(
            Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
            for match in STORY_RELATIVE_POSTED.finditer(text.value)
        )
    return hits


def links_to_people(text: Text) -> list[Hit]:
    hits = [Hit(Category.URL_HANDLE, m.start(), m.end(), "fundraiser") for m in PERSONAL_PAGE.finditer(text.value)]
    for match in PROFILE_URL.finditer(text.value):
        # Whose page it is may come right after: "Shoutout to tiktok.com/@…, my patient's granddaughter films…".
        if _near(lexicon.PERSON_CUES, text, match.start(), match.end(), before=50, after=40) or _near(
            FOLLOWING_SOMEONE, text, match.start(), match.end(), before=50, after=0
        ):
            hits.append(Hit(Category.URL_HANDLE, match.start(), match.end(), "profile"))
    for pattern in (HANDLE_OF_PERSON, PATIENT_HANDLE, HANDLE_THEN_OWN_PATIENT):
        for match in pattern.finditer(text.value):
            hits.append(Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile"))
    for match in ACCOUNT_OF_A_PATIENTS.finditer(text.value) if "@" in text.value else ():
        group = 1 if match[1] else 2
        hits.append(Hit(Category.URL_HANDLE, match.start(group), match.end(group), "profile"))
    for match in RELATIVE_HANDLE.finditer(text.value):
        # A third person's relative ("Son petit-fils, @…") is the patient's in a post about one.
        theirs = RELATIVE_OF_SOMEONE_BEFORE.search(text.value, max(0, match.start() - 8), match.start() + 1)
        if (
            theirs
            or text.sentence_has(lexicon.CARE_CUES, match.start())
            or text.sentence_has(HOSPITAL_WORDS, match.start())
        ):
            hits.append(Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile"))
    hits.extend(
        Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
        for match in (PATIENTS_RELATIVE_POSTED.finditer(text.value) if "@" in text.value else ())
    )
    hits.extend(_handles_a_relative_posted_from_in_a_story(text) if "@" in text.value else ())
    hits.extend(
        Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
        for match in (TITLED_PATIENTS_RELATIVE_POSTED.finditer(text.value) if "@" in text.value else ())
    )
    for match in TAGGED_HANDLE.finditer(text.value):
        if text.sentence_has(OWN_PATIENT, match.start(1)):
            hits.append(Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile"))
    return hits


# Telling someone about their own care in a reply tells everyone that they are a patient.
OWN_CARE = words(
    "your surgery",
    "your operation",
    "your biopsy",
    "your results",
    "your test results",
    "your follow-up",
    "your appointment",
    "your delivery",
    "your scan",
    "your mri",
    "your chemo",
    "your transplant",
    "see you in clinic",
    "see you at clinic",
    "at your next visit",
    "your next appointment",
    "vos résultats",
    "votre chirurgie",
    "votre opération",
    "votre suivi",
    "votre rendez-vous",
    "votre accouchement",
    "votre biopsie",
    "votre greffe",
    "votre prochaine visite",
    "à la clinique la semaine prochaine",
)


# Said to the person a reply is addressed to, these speak of their own illness; only in that part of a
# thread. Not "your doctor" or "your dose": "talk to your doctor" is what every general reply says.
OWN_TREATMENT = words(
    "your pain",
    "your prescription",
    "your diagnosis",
    "your treatment",
    "your symptoms",
    "your cancer",
    "votre douleur",
    "votre ordonnance",
    "votre diagnostic",
    "votre traitement",
    "vos symptômes",
    "votre cancer",
    # What their own doctor should do about their care: "your doctor should not cut you off overnight".
    r"your (?:doctor|prescriber|physician|specialist) (?:should|shouldn't|should not|must not|mustn't)",
    r"votre (?:médecin|prescripteur|spécialiste) (?:ne )?(?:devrait|doit)",
)
# A reply to a relative about their relative's care: "vous accusez l'équipe d'avoir négligé votre mère".
RELATIVE_CARED_FOR = re.compile(
    # « ta mère » too: a relative may be answered with « tu ».
    r"\b(?:your|votre|ta|ton)\s+(?:late\s+|défunte?\s+)?(?:mother|father|mom|mum|dad|wife|husband|son|daughter|mère|père|"
    r"fils|fille|épouse|mari|conjointe?|brother|sister|frère|sœur|soeur)\b",
    re.IGNORECASE,
)
# A relative's own number posted in public: « le numéro albertain de votre frère », "your mother's health card".
RELATIVES_NUMBER = re.compile(
    r"\b(?:numéro|number|no\.?|carte|card|dossier|chart|file)\b[^.!?\n]{0,20}\b(?:de|du|of)\s+(?:votre|ta|ton|your)\s+|"
    r"\b(?:your|votre)\s+[\w]+(?:'s|’s)\s+(?:[\w-]+\s+)?(?:number|card|chart|file|health card|mrn)\b",
    re.IGNORECASE,
)
# What a grieving relative accuses the team of; general advice about "your son" carries none of it.
CARE_BLAMED = words(
    "neglected", "négligé", "négligée", "killed", "tué", "tuée", "let her die", "let him die", "laissé mourir"
)
# Declining to discuss a relative's care in public says there is care to discuss: "I can't discuss your mom's care
# here", « je comprends votre colère pour votre père, mais je ne peux rien dire publiquement ».
CANNOT_DISCUSS = words(
    r"(?:can't|cannot|can not|won't|am not able to|'m not able to)\s+(?:discuss|comment on|talk about|go into)\s+"
    r"(?:(?:your|his|her|their)\s+(?:[\w-]+'s\s+)?)?(?:care|case|file|chart|treatment|situation|stay)",
    r"(?:can't|cannot|can not) say anything (?:here|publicly|in public)",
    r"ne (?:peux|pourrai|puis) (?:rien dire|rien commenter|rien partager)",
    r"ne (?:peux|pourrai|puis) pas (?:discuter|commenter|parler)\s+(?:de\s+|des\s+|du\s+)?"
    r"(?:(?:son|sa|ses|votre|vos|leur)\s+)?(?:soins|dossier|cas|traitement|situation|séjour)",
)
# The relative's own illness, said to the one replied to: "so sorry about your husband's stroke", « l'AVC de votre
# mari »; the team's sympathy is for someone it cared for.
RELATIVES_ILLNESS = re.compile(
    r"\b(?:your|votre)\s+(?:mother|father|mom|mum|dad|wife|husband|son|daughter)(?:'s|’s)\s+(?:stroke|cancer|"
    r"heart attack|surgery|diagnosis|fall|fracture|overdose|illness|infection|tumou?r|biopsy|scan|mri|chemo|"
    r"treatment|results|test results)\b"
    # Not a cause carried on in their name: "your husband's cancer research foundation".
    r"(?!\s+(?:research|foundation|fund|fundraiser|walk|run|society|charity|awareness|campaign))|"
    r"\b(?:l'|la\s+|le\s+|les\s+résultats\s+de\s+la\s+)(?:avc|cancer|infarctus|chirurgie|diagnostic|chute|fracture|"
    r"surdose|maladie|infection|tumeur|biopsie|chimio|opération|hospitalisation|traitement)\s+(?:de|du)\s+"
    r"(?:votre\s+)?(?:mère|père|fils|fille|épouse|mari|conjointe?)\b",
    re.IGNORECASE,
)
# A relative getting better: "I hope your mom's hip is healing well", « la hanche de votre mère guérit bien ».
RECOVERING = words(
    "healing", "recovering", "recovery", "getting better", "guérit", "guérisse", "se remet", "se rétablit",
    "rétablissement", "convalescence",
    # "so glad he's walking to the mailbox again", « contente qu'il remarche ».
    r"(?:he's|she's|he is|she is) (?:walking|eating|driving|home|back)\b[^.!?\n]{0,30}\bagain", "remarche", "remange",
)  # fmt: skip
HANDLE = re.compile(r"(?<![\w@.])@\w{2,}(?:\.\w+)*")  # dotted too: "@seb.morin.gaspe"
# A thread part ends where the next one is numbered ("6/") or at a line break.
THREAD_PART_END = re.compile(r"\s\d{1,2}/\s|\n")


def _thread_part_after(text: Text, position: int) -> str:
    """The text from ``position`` to the end of its thread part ("… 2/ …") or line."""
    part_end = THREAD_PART_END.search(text.value, position)
    return text.value[position : part_end.start() if part_end else len(text.value)]


def addressed_patients(text: Text) -> list[Hit]:
    hits = []
    anywhere = bool(OWN_CARE.search(text.value))
    for match in HANDLE.finditer(text.value):
        part = _thread_part_after(text, match.end())
        relative = RELATIVES_ILLNESS.search(part) or (
            RELATIVE_CARED_FOR.search(part)
            and (
                lexicon.CARE_CUES.search(part)
                or CARE_BLAMED.search(part)
                or CANNOT_DISCUSS.search(part)
                or RECOVERING.search(part)
                # Condolences to a relative of one's own patient: "…the loss of your mother. She was my patient".
                or OWN_PATIENT.search(part)
                or RELATIVES_NUMBER.search(part)
            )
        )
        if anywhere or OWN_CARE.search(part) or OWN_TREATMENT.search(part) or relative:
            hits.append(Hit(Category.URL_HANDLE, match.start(), match.end(), "handle_of_patient", ""))
    return hits


# A plate given for a car parked where it should not be, with its province or state before it: "To whoever is parked in
# the ambulance bay, BC 7LK-392", « la voiture garée devant l'entrée, QC 123-ABC ». Letters and digits both.
PLATE_PARKED_SHAPE = re.compile(r"(?<![\w-])(?:[A-Z]{2}\s)?(?P<plate>[A-Z0-9]{2,4}[ -][A-Z0-9]{3,4})(?![\w-])")
PLATE_MODEL_YEAR = re.compile(r"[A-Z]{2,4}[ -](?:19|20)\d\d")  # "his Honda CRV 2018 was towed"
PLATE_PARKED = words(
    "parked", "parking", "park", "tow", "towed", "garé", "garée", "stationné", "stationnée", "stationnement",
    "remorqué", "remorquée",
)  # fmt: skip


def plates_and_serials(text: Text) -> list[Hit]:
    hits = []
    for match in PLATE.finditer(text.value):
        token = match.group(1)
        if any(c.isdigit() for c in token) and any(c.isalpha() for c in token):
            hits.append(Hit(Category.PLATE, match.start(1), match.end(1), "plate"))
    hits.extend(Hit(Category.PLATE, m.start(), m.end(), "plate") for m in PLATE_FR.finditer(text.value))
    hits.extend(
        Hit(Category.PLATE, m.start(), m.end(), "plate")
        for m in PLATE_SHAPE.finditer(text.value)
        if CAR_BEFORE.search(before := text.value[max(0, m.start() - 40) : m.start()]) and not OUR_CAR.search(before)
    )
    hits.extend(
        Hit(Category.PLATE, m.start(), m.end(), "plate")
        for m in PLATE_PARKED_SHAPE.finditer(text.value)
        # The plate itself has letters and digits, whatever its province: "BC 7LK-392", "ON BXKR 771".
        if any(c.isdigit() for c in m["plate"])
        and any(c.isalpha() for c in m["plate"])
        and not POSTAL_CA.fullmatch(m["plate"])
        and not PLATE_MODEL_YEAR.fullmatch(m["plate"])
        and text.sentence_has(PLATE_PARKED, m.start())
    )
    for match in SERIAL.finditer(text.value):
        if sum(c.isdigit() for c in match.group(1)) >= 3:
            hits.append(Hit(Category.DEVICE_SERIAL, match.start(1), match.end(1), "device_serial"))
    return hits


RULES = (
    health_cards,
    national_ids,
    record_numbers,
    phones,
    emails,
    addresses,
    links_to_people,
    addressed_patients,
    plates_and_serials,
)


# Where a patient sleeps, lives, died or was found is an address, in whatever form it is told: a shelter and its bunk,
# an encampment, a rooming house, a tent behind a building, a street said with "on", « il dort au refuge… », « vit au
# 4e étage du bâtiment B de la cité… ». An event's venue, a clinic's or a programme's address is not: those sentences
# say no one sleeps or lives there.
# A word of a place's name; a full stop inside it ("St.") but not one that ends the sentence; never an article.
_IDS19_ARTICLE = r"(?:The|A|An|Our|My|His|Her|Their|This|That|Le|La|Les|Un|Une)\b"
_IDS19_CAP = rf"(?:(?!{_IDS19_ARTICLE})[A-Z0-9ÉÈÀÂÎÔÇ](?:[\w'’-]|\.(?!\s))*)"
_IDS19_JOIN = r"(?:\s+(?:of the|of|de la|de l['’]|du|des|de|d['’])\s*|\s+)"
# A place's own name: "Salvation Army Centre of Hope", "Out of the Cold", « Mission Old Brewery ».
_IDS19_NAME = rf"{_IDS19_CAP}(?:{_IDS19_JOIN}{_IDS19_CAP}){{0,5}}"
IDS19_LODGING_EN = (
    r"shelter|shelters|bunk|bunks|beds|encampment|camp|rooming house|boarding house|group home|halfway house|tents?|"
    r"trailer|annex|hostel|motel|squat|building|stairwell|apartment|basement|lot|parking lot|underpass|bridge|"
    # Where someone is found or sits through an overdose: "a curb on Gerrish Street".
    r"curb|sidewalk|alley|alleyway|doorway|bench"
)
# A lodging only a person has tells, by itself, that someone sleeps there: "Frankie = tent behind the…".
IDS19_PERSONAL_LODGING = words(
    "tents?", "bunk", "trailer", "rooming house", "boarding house", "squat", "curb", "doorway", "tente", "lit"
)
IDS19_STREET_EN = r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Crescent|Court|Lane|Way|Terrace|Row|Parkway"
# A street said after a place, "on Robie", "behind the Needham Centre on Russell St".
_IDS19_TAIL_EN = rf"(?:\s+(?:on|off|behind|by|near|at|under)\s+(?:the\s+)?(?=[A-Z]){_IDS19_NAME})"
IDS19_LODGING_NAMED_EN = re.compile(
    rf"(?<![\w-])(?P<place>(?=[A-Z]){_IDS19_NAME}\s+(?i:{IDS19_LODGING_EN})\b{_IDS19_TAIL_EN}?"
    # "the Metro Turning Point bunk by the west window"
    r"(?:\s+by the\s+\w+\s+(?:window|door|wall|stairs))?)"
)
IDS19_LODGING_THEN_STREET_EN = re.compile(
    rf"\b(?:{IDS19_LODGING_EN})\s+(?:on|off|behind|by|near|at|under|outside)\s+(?:the\s+)?"
    rf"(?P<place>{_IDS19_NAME}(?:{_IDS19_TAIL_EN})?)"
)
IDS19_DWELLING_EN = (
    r"sleeps|slept|sleeping|lives|lived|living|stays|stayed|staying|camps|camped|camping|died|overdosed|overdose|"
    r"OD'd|was found|were found|found him|found her|housed|has been|have been|'s been|he's|she's|they're|"
    r"is staying|met (?:him|her|them)"
)
IDS19_DWELLING_VERB_EN = re.compile(rf"\b(?i:{IDS19_DWELLING_EN})\b")
IDS19_PREPOSITION_PLACE_EN = re.compile(
    r"\b(?:at|in|on|behind|outside|under|near)\s+(?:the\s+)?"
    rf"(?P<place>{_IDS19_NAME}(?:\s+(?i:{IDS19_LODGING_EN}))?{_IDS19_TAIL_EN}?)"
)
IDS19_PLACE_KIND_EN = re.compile(
    rf"\b(?:{IDS19_STREET_EN})\b\.?|\b(?i:{IDS19_LODGING_EN}|centre|center|mission|house|army)\b|"
    r"\s(?:on|off|behind|near)\s+[A-Z]"
)
# French: a shelter, a foyer or a housing estate's building, with what follows it (« pavillon Webster », « 1er étage,
# lit 6 », « chemin de la Commanderie »).
IDS19_LODGING_FR = (
    r"refuge|foyer|centre d['’]hébergement|maison d['’]hébergement|centre|squat|campement|tente|parking|"
    r"immeuble|cage d['’]escalier|cité|résidence|logement|chambre d['’]hôtel|hôtel"
)
_IDS19_FR_STREET = r"(?:rue|avenue|boulevard|chemin|route|traverse|impasse|allée|place|montée|quai|cours)"
_IDS19_OF = r"(?:(?:de la|de l['’]|des|du|de|d['’])\s*)"
# « 10690 rue Lausanne », « 8, allée des Tilleuls ».
_IDS19_NUMBERED_STREET_FR = rf"\d{{1,5}},?\s+{_IDS19_FR_STREET}\s+{_IDS19_OF}?{_IDS19_NAME}"
_IDS19_FR_MORE = (
    rf"(?:,\s+(?:pavillon\s+{_IDS19_NAME}|{_IDS19_FR_STREET}\s+{_IDS19_OF}?{_IDS19_NAME}(?:\s+(?:Ouest|Est|Nord|Sud))?"
    rf"|{_IDS19_NUMBERED_STREET_FR}|\d+(?:er|e|ème)\s+étage|lit\s+\d+|bâtiment\s+[A-Z0-9]{{1,3}}|chambre\s+\d+)"
    rf"|\s+à\s+{_IDS19_NAME})"
)
IDS19_LODGING_NAMED_FR = re.compile(
    rf"(?<![\w-])(?P<place>(?i:{IDS19_LODGING_FR})\s+{_IDS19_OF}?{_IDS19_NAME}(?:{_IDS19_FR_MORE}){{0,3}})"
)
_IDS19_FLOOR = r"\d+(?:er|e|ème)\s+étage"
# A housing estate's building or a floor needs nothing else: « bâtiment 7 de la cité Font-Vert », « 4e étage du
# bâtiment B », « 3e étage du 10690 rue Lausanne », « appartement 3, 10480 avenue Pelletier ».
_IDS19_ESTATE_BUILDING = (
    r"(?i:bâtiment|bât\.|immeuble|tour|escalier)\s+[A-Z0-9]{1,3}\s+(?:de la|de l['’]|du|des)\s*"
    rf"(?:cité\s+(?:Les\s+|La\s+|Le\s+)?)?{_IDS19_NAME}"
)
IDS19_BUILDING_FR = re.compile(
    rf"(?<![\w-])(?P<place>(?:{_IDS19_FLOOR}\s+(?:du|de l['’]|de la)\s*)?{_IDS19_ESTATE_BUILDING}|"
    rf"{_IDS19_FLOOR}\s+(?:du|de l['’]|de la)\s*{_IDS19_NUMBERED_STREET_FR})"
)
IDS19_FLOOR_OR_FLAT_FR = re.compile(
    rf"(?<![\w-])(?P<place>(?:{_IDS19_FLOOR}|appartement\s+\d+|appt\.?\s+\d+),?\s+(?:du|de l['’]|de la|au)?\s*"
    rf"(?:(?i:bâtiment|immeuble)\s+[A-Z0-9]{{1,3}}|{_IDS19_NUMBERED_STREET_FR}))"
)
IDS19_DWELLING_FR = (
    r"dort|dormait|dormi|vit|vivait|habite|habitait|demeure|demeurait|hébergée?|logée?|est mort|est morte|"
    r"est décédée?|a fait sa surdose|a fait une surdose|retrouvée?|il est|elle est|une place"
)
IDS19_DWELLING_VERB_FR = re.compile(rf"\b(?i:{IDS19_DWELLING_FR})\b")
IDS19_PREPOSITION_PLACE_FR = re.compile(
    r"\b(?:au|à la|à l['’]|aux|dans la|dans le|dans l['’]|sur la|sur le|de la|du)\s*"
    rf"(?P<place>(?:{_IDS19_NUMBERED_STREET_FR}|(?:(?i:{IDS19_LODGING_FR}|{_IDS19_FR_STREET})\s+{_IDS19_OF}?)?{_IDS19_NAME})"
    rf"(?:{_IDS19_FR_MORE}){{0,3}})"
)
IDS19_PLACE_KIND_FR = re.compile(
    rf"(?i:\b(?:{IDS19_LODGING_FR}|{_IDS19_FR_STREET}|bâtiment|étage|pavillon|lit)\b)|,\s+(?:rue|pavillon)\s"
)
# Someone the place is told of: a pronoun, a client or patient, a verb of sleeping, living or dying.
IDS19_SOMEONE = words(
    "he", "she", "him", "his", "her", "they", "il", "elle", "lui", "sa", "son", "client", "cliente", "patient",
    "patiente", "sleeps", "slept", "lives", "lived", "died", "overdose", "overdosed", "dort", "vit", "habite",
    "habitait", "hébergé", "hébergée", "surdose", "mort", "morte", "who", "qui", "met", "famille", "family", "chez",
)  # fmt: skip
# Not where someone lives: a drive, a donation, an event or a tour held at the place, or the clinic's own site.
IDS19_NOT_A_HOME = words(
    "donate", "donated", "donation", "donations", "drive", "volunteer", "volunteers", "fundraiser", "event", "tour",
    "opening", "don", "dons", "collecte", "bénévoles", "conférence",
    "journée", "atelier", "inauguration", "visite guidée", "formation", "open house", "portes ouvertes",
)  # fmt: skip
# The clinic's own site: "our site on Gottingen", « notre local de la rue… ».
IDS19_OURS_BEFORE = re.compile(r"(?i)\b(?:our|notre|nos)\s+(?:[\w'’-]+\s+){0,2}$")
# What a place phrase must not run into: the time it is told at ("last night", "this week"), a town after a comma.
_IDS19_TRAILING = re.compile(
    r"(?:\s+(?:last|this|all|most|every|since|for|tonight|today|with|again|when|while)\b.*)$", re.DOTALL
)


IDS19_NAMED_PLACES_EN = (IDS19_LODGING_NAMED_EN, IDS19_LODGING_THEN_STREET_EN)
IDS19_NAMED_PLACES_FR = (IDS19_LODGING_NAMED_FR, IDS19_BUILDING_FR, IDS19_FLOOR_OR_FLAT_FR)
IDS19_CLAUSE_END = re.compile(r"[.!?\n;:«»]")


def _ids19_trim(text: Text, start: int, end: int) -> tuple[int, int]:
    place = text.value[start:end]
    trailing = _IDS19_TRAILING.search(place)
    if trailing:
        end = start + trailing.start()
    return start, end


def ids19_places_someone_sleeps_or_lives(text: Text) -> list[Hit]:
    """A place told as where a named or described patient sleeps, lives, died or was found is an address."""
    hits = []
    candidates = []
    if text.language == "fr":
        named, verbs, told_places, kind = (
            IDS19_NAMED_PLACES_FR,
            IDS19_DWELLING_VERB_FR,
            IDS19_PREPOSITION_PLACE_FR,
            IDS19_PLACE_KIND_FR,
        )
    else:
        named, verbs, told_places, kind = (
            IDS19_NAMED_PLACES_EN,
            IDS19_DWELLING_VERB_EN,
            IDS19_PREPOSITION_PLACE_EN,
            IDS19_PLACE_KIND_EN,
        )
    for pattern in named:
        for match in pattern.finditer(text.value):
            start, end = _ids19_trim(text, *match.span("place"))
            # A lodging only a person has says whose it is; any other place needs someone near.
            told = bool(IDS19_PERSONAL_LODGING.search(match.group()))
            if end > start and (pattern is not IDS19_LODGING_THEN_STREET_EN or kind.search(text.value, start, end)):
                candidates.append((start, end, match.start(), told))
    # A verb of sleeping, living or dying says whose the place is: the first place told after it, within its clause.
    for verb in verbs.finditer(text.value):
        clause_end = IDS19_CLAUSE_END.search(text.value, verb.end(), verb.end() + 60)
        for match in told_places.finditer(
            text.value, verb.end(), clause_end.start() if clause_end else verb.end() + 60
        ):
            start, end = _ids19_trim(text, *match.span("place"))
            if end > start and kind.search(text.value, start, end):
                candidates.append((start, end, verb.start(), True))
                break
    for start, end, told_from, told in candidates:
        someone = told or text.sentence_has(IDS19_SOMEONE, told_from) or text.sentence_has(IDS19_SOMEONE, start)
        if not someone or IDS19_OURS_BEFORE.search(text.value, max(0, told_from - 25), start):
            continue
        if text.sentence_has(IDS19_NOT_A_HOME, start):
            continue
        # A clinic or hospital's own building: "our clinic on Gottingen", « le bâtiment B de l'hôpital ».
        if lexicon.ORGANIZATION_NAMES.search(text.value, start, end) or re.search(
            r"(?i)\b(?:hôpital|hospital|clinique|clinic|CHU|CLSC|faculté|université|university|MSP|CAARUD|CSAPA|ER|ED|ICU)\b",
            text.value[start:end],
        ):
            continue
        hits.append(Hit(Category.ADDRESS, start, end, "address"))
    return hits


RULES = (*RULES, ids19_places_someone_sleeps_or_lives)


# A relative's handle, said with the relative: "her dad @… live-tweeted every point", "Her mom @… asked me to thank",
# "the mom who just DM'd me from @… about Milo's wrist", « Sa mère, @…, a pleuré ».
_IDS19_KIN = rf"(?:{RELATIVES}|nan|nana|nanny|granny|grandma|grandpa|mamie|papi|papy|maman|papa)"
IDS19_RELATIVE_THEN_HANDLE = re.compile(
    rf"\b(?i:her|his|their|the|sa|son|leur|la|le)\s+(?i:{_IDS19_KIN})\b"
    r"(?:\s*,?\s*|[^.!?\n@]{0,30}?\b(?:from|as|depuis)\s+)(?P<handle>@[\w.]*\w)"
)
# A reply to a relative about their family's care: "@… no, I can't tell you if your nan's meds are right", "@… ta mamie
# a bien reçu sa nouvelle ordonnance", "@… Pour Lyna, non, la glace sur une brûlure…", or "I can't discuss a child's
# file here".
IDS19_REPLY_ABOUT_FAMILY = re.compile(
    rf"\b(?:your|votre|vos|ta|ton|tes)\s+(?i:{_IDS19_KIN}|kid|kids|child|enfant|petit|petite)(?:'s|’s)?\b|"
    r"^\W*(?i:pour|for)\s+[A-ZÉ][a-zà-ÿ]+\s*,"
)
IDS19_CARE_IN_A_REPLY = words(
    "meds", "medication", "medications", "pharmacist", "pharmacy", "prescription", "dose", "ordonnance", "pharmacie",
    "médicament", "médicaments", "brûlure", "burn", "cast", "plâtre", "x-ray", "radio", "fracture", "consultez",
    "dossier", "file", "chart",
)  # fmt: skip
IDS19_CANNOT_DISCUSS_A_FILE = re.compile(
    r"(?i)\bne (?:peux|pourrai|puis) pas (?:discuter|commenter|parler)\s+(?:du|de ce|de son|d'un)\s+dossier|"
    r"\b(?:can't|cannot|can not)\s+(?:discuss|comment on)\s+(?:a|this|that|the)\s+(?:child's|patient's|kid's)\s+"
    r"(?:file|chart|case|care)"
)


def ids19_handles_of_relatives(text: Text) -> list[Hit]:
    hits = [
        Hit(Category.URL_HANDLE, match.start("handle"), match.end("handle"), "profile", "")
        for match in IDS19_RELATIVE_THEN_HANDLE.finditer(text.value)
    ]
    for match in HANDLE.finditer(text.value):
        if text.value[: match.start()].strip(" \n@") and not THREAD_PART_END.search(text.value, match.start() - 4):
            continue  # a reply opens with the handle replied to
        part = _thread_part_after(text, match.end())
        about_family = IDS19_REPLY_ABOUT_FAMILY.search(part) and IDS19_CARE_IN_A_REPLY.search(part)
        if about_family or IDS19_CANNOT_DISCUSS_A_FILE.search(part):
            hits.append(Hit(Category.URL_HANDLE, match.start(), match.end(), "handle_of_patient", ""))
    return hits


RULES = (*RULES, ids19_handles_of_relatives)


# A child patient's school, named, is where they are every day: "Ollie from Queen Elizabeth Annex", "#9 on the Sir
# Winston Churchill Secondary team", « Maëlle de la polyvalente de L'Ancienne-Lorette », « la classe de 3e année de
# l'école des Explorateurs ». A school where an event is held, or one no child of the story is told of, is not.
IDS19_SCHOOL = re.compile(
    r"(?<![\w-])(?P<school>(?:(?!(?:The|A|At|On|From|In)\b)[A-Z][\w'’.-]*\s+){1,4}"
    r"(?:Elementary|Secondary|Middle School|High School|Junior High|Annex|Collegiate|Public School|Academy)\b"
    r"|(?i:école(?:\s+(?:primaire|secondaire))?|lycée|collège|polyvalente)\s+(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?"
    r"[A-ZÉ][\w'’-]*(?:[\s-]+[A-ZÉ][\w'’-]*){0,3})"
)
IDS19_SCHOOL_CARE = words(
    "consultation", "stitches", "points de suture", "fracture", "fractures", "broke", "cast", "plâtre", "commotion",
    "concussion", "ACL", "LCA", "rappelé", "éducation physique", "return to play", "retour au jeu", "de retour",
)  # fmt: skip
IDS19_CHILD_TOLD = words(
    "he", "she", "his", "her", "him", "il", "elle", "sa", "son", "ses", "pour", "kid", "child", "enfant"
)
# Not a college of physicians, nor a school a talk or a clinic is held at.
IDS19_NOT_A_CHILDS_SCHOOL = words(
    "collège des médecins", "collège royal", "royal college", "college of physicians", "medical school", "faculté",
    "talk", "conférence", "presentation", "présentation", "gym", "gymnase", "vaccination",
)  # fmt: skip


def ids19_schools_of_children(text: Text) -> list[Hit]:
    from privacy.clinical import FIRST_NAME_WORD, IDS19_HAPPENED_TO_SOMEONE  # clinical reads nothing of ours
    from privacy.stories import tells_a_care_story

    # A post that tells of a child's care: an injury, an operation, a cast, a visit.
    if not IDS19_SCHOOL.search(text.value):
        return []
    if not (
        tells_a_care_story(text) or IDS19_HAPPENED_TO_SOMEONE.search(text.value) or IDS19_SCHOOL_CARE.search(text.value)
    ):
        return []
    hits = []
    for match in IDS19_SCHOOL.finditer(text.value):
        at = match.start()
        if not (text.sentence_has(FIRST_NAME_WORD, at) or text.sentence_has(IDS19_CHILD_TOLD, at)):
            continue
        if text.sentence_has(IDS19_NOT_A_CHILDS_SCHOOL, at) or text.sentence_has(lexicon.EVENT_CUES, at):
            continue
        hits.append(Hit(Category.ADDRESS, match.start("school"), match.end("school"), "address"))
    return hits


RULES = (*RULES, ids19_schools_of_children)


# A plate said to be one, with its province or state: "Plate NS HFX 482 — the van she sleeps in", « plaque QC 123 ABC ».
IDS19_PLATE_SAID = re.compile(
    r"\b(?i:licen[cs]e plate|plate|plaque(?: d'immatriculation)?|immatriculation)\s*(?:#|:|no\.?|n°)?\s*"
    r"(?P<plate>(?:[A-Z]{2}\s)?(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{3,4})(?![\w-])"
)


def ids19_plates_said(text: Text) -> list[Hit]:
    return [
        Hit(Category.PLATE, match.start("plate"), match.end("plate"), "plate")
        for match in IDS19_PLATE_SAID.finditer(text.value)
        if not PLATE_MODEL_YEAR.fullmatch(match.group("plate"))
    ]


RULES = (*RULES, ids19_plates_said)


# A page or account a patient's family or friends keep for them, however it is given: "His friends have made a
# fundraiser page… you've probably seen @…", "Follow @… for updates from Ava's mom", « Suivez @… pour les nouvelles de
# Milo », « une cagnotte… : leetchi.com/c/… », shirts printed "#NicoFort". A support campaign named "<name> Strong" /
# « <prénom> Fort » is one person's; a pot on a crowdfunding site is too.
IDS20_POT_SITE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:leetchi\.com|lepotcommun\.fr|cotizup\.com|onparticipe\.fr|zeffy\.com)/[^\s)\]]*[\w/]",
    re.IGNORECASE,
)
IDS20_SUPPORT_TAG = re.compile(
    r"(?<![\w@#.])[@#](?:team)?(?P<first>[A-Za-zÀ-ÿ]{2,}?)(?:strong|fort|forte)\b", re.IGNORECASE
)
# Whose the fundraiser is: a family's or friends' for one of theirs, not a foundation's run.
IDS20_SUPPORT_PAGE_BEFORE = re.compile(
    r"\b(?:his|her|their|family|friends|parents|classmates|ses|sa|son|leur|famille|amis|chums|classe)\b"
    r"[^.!?\n@#]{0,40}?\b(?:fundraiser|fundraising|gofundme|cagnotte|collecte)\b[^.!?\n@#]{0,80}?"
    r"(?<![\w@.])(@[\w.]*\w)",
    re.IGNORECASE,
)
IDS20_NEWS_OF_SOMEONE_AFTER = re.compile(
    r"(?<![\w@.])(@[\w.]*\w)\s+(?:for|pour)\s+(?:the\s+|les\s+|des\s+)?(?:updates|news|nouvelles)\s+(?:from|of|on|de|du)\s",
    re.IGNORECASE,
)


def ids20_support_pages(text: Text) -> list[Hit]:
    if "@" not in text.value and "#" not in text.value and "." not in text.value:
        return []
    hits = [Hit(Category.URL_HANDLE, m.start(), m.end(), "fundraiser") for m in IDS20_POT_SITE.finditer(text.value)]
    hits.extend(
        Hit(Category.URL_HANDLE, m.start(), m.end(), "profile")
        for m in IDS20_SUPPORT_TAG.finditer(text.value)
        if m["first"].lower() in lexicon.FIRST_NAMES  # "#BostonStrong" is a city's
    )
    for pattern in (IDS20_SUPPORT_PAGE_BEFORE, IDS20_NEWS_OF_SOMEONE_AFTER):
        hits.extend(Hit(Category.URL_HANDLE, m.start(1), m.end(1), "profile") for m in pattern.finditer(text.value))
    return hits


RULES = (*RULES, ids20_support_pages)


# A reply that opens on a handle is to a patient's family when it speaks to them of their kin (« votre grand-mère a été
# une patiente formidable », "your grandson") or tells them of a named child's care: a scan's result, a consultation,
# the return to school, where to send the child's cards. A colleague is told who was in which bed, not results.
# Not a doctor's handle: "@DrKim your son's talk".
IDS20_OPENING_HANDLE = re.compile(r"^\s*(@(?![Dd][Rr][Ee]?(?:_|[A-Z]))[\w.]*\w)\s")
IDS20_ADDRESSEES_KIN = re.compile(
    rf"\b(?:your|votre|ta|ton)\s+(?:{RELATIVES}|grand-mère|grand-père|mamie|papi|mémère|pépère|nan|nana|grandma|"
    r"grandpa|mère|père|fils|fille|enfant|bébé|petite?-fil(?:le|s))\b",
    re.IGNORECASE,
)
# Their kin told as cared for, not only named: « votre mère est chanceuse » says nothing of care.
IDS20_KIN_CARED_FOR = words(
    "patient", "patiente", "care for", "cared for", "soigner", "soigné", "soignée", "our unit", "notre service",
    "on the ward", "dans le service", "à l'unité", "on our floor",
)  # fmt: skip
IDS20_NEWS_OF_A_CHILDS_CARE = re.compile(
    r"(?-i:[A-ZÉ][a-zà-ÿ]+)(?:'s|’s)\s+(?:scan|results|labs|biopsy|mri|x-ray|bloodwork)\b|"
    r"\b(?:consultation|résultats?|scanner|irm|biopsie|prise de sang)\s+(?:de|du|d['’])\s*(?-i:[A-ZÉ0-9])|"
    r"\b(?:reprendre l['’]école|retourner à l['’]école|back to school|return to school)\b|"
    r"\b(?:cartes|dessins|lettres|cards|letters|drawings)\s+(?:pour|for)\s+(?-i:[A-ZÉ][a-zà-ÿ]+)\b",
    re.IGNORECASE,
)


def ids20_replies_to_a_family(text: Text) -> list[Hit]:
    match = IDS20_OPENING_HANDLE.match(text.value)
    if not match:
        return []
    part = _thread_part_after(text, match.end())
    kin_cared_for = IDS20_ADDRESSEES_KIN.search(part) and IDS20_KIN_CARED_FOR.search(part)
    if kin_cared_for or IDS20_NEWS_OF_A_CHILDS_CARE.search(part):
        return [Hit(Category.URL_HANDLE, match.start(1), match.end(1), "handle_of_patient")]
    return []


RULES = (*RULES, ids20_replies_to_a_family)


# The territories' and provinces' plans by their own initials or a short "no.", right before the number: "HSN 712 048
# 336" (Saskatchewan's health services number), "YHCIP 002 417 385" (Yukon's plan), "NWT health care no. N2718406" (a
# letter then seven digits), « no d'assurance-maladie du N.-B. 812 447 309 ». The number must follow at once.
IDS20_CARD_CUES = words(
    "hsn", "yhcip", "hcip", "health care no", "health card no", "health no", "no d'assurance-maladie",
    "n° d'assurance-maladie", "no d'assurance maladie", "n° d'assurance maladie", "no de carte santé",
)  # fmt: skip
IDS20_CARD_NUMBER_AT_ONCE = re.compile(
    r"\.?(?:\s+(?:du|de la|de l'|of|from)\s+[\w.-]+)?[\s,:#°.-]*(?:no\.?|n°|number|#)?[\s:#]*"
    r"((?:[A-Z]\d{7,9}|\d{3}[ -]?\d{3}[ -]?\d{3}(?:[ -]?\d)?))(?![\w-])"
)


def ids20_health_cards_by_their_plans_initials(text: Text) -> list[Hit]:
    hits = []
    for cue in IDS20_CARD_CUES.finditer(text.value):
        number = IDS20_CARD_NUMBER_AT_ONCE.match(text.value, cue.end())
        if number:
            hits.append(Hit(Category.HEALTH_CARD, number.start(1), number.end(1), "health_card"))
    return hits


RULES = (*RULES, ids20_health_cards_by_their_plans_initials)


# A mailbox named for a person, "first.last", "first.last.home", "first.last82", "lisa82", at a domain that names no
# organization ("example.com", a personal provider), in a post about care or addressed to someone by that first name,
# is that person's own: a patient's or a relative's ("Lisa, I got your e-mail at lisa.m…@…", « la mère d'un patient, à
# nathalie.d…58@… »). A domain that names its owner ("chu-…", "acme-logistics") is an organization's, and a colleague's
# mailbox is said with their title or role ("Dr. Roy: her e-mail is marie.roy@…").
IDS21_UNNAMED_DOMAIN_LABELS = frozenset(
    "example exemple test demo mail email courriel home www com net org ca fr qc be ch co uk us".split()
)
IDS21_MAILBOX_PARTS = re.compile(r"[a-z]+|\d+")
IDS21_COLLEAGUE_BEFORE = re.compile(
    r"\b(?:dr|dre|drs|docteure?|prof|coordinator|coordonnat(?:eur|rice)|manager|gestionnaire|secretary|"
    r"secrétaire|director|directeur|directrice|chief|chef|lead|colleague|collègue|resident|résidente?|fellow|"
    r"my work|mon adresse de travail|work mailbox|role mailbox)\b[^.!?\n]{0,60}$",
    re.IGNORECASE,
)
IDS21_PATIENT_OR_KIN = re.compile(rf"\b(?:patient|patiente|pt|{RELATIVES}|maman|papa|mama)(?:'s|’s)?\b", re.IGNORECASE)


def _ids21_plain(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


IDS21_PLAIN_FIRST_NAMES = frozenset(_ids21_plain(name) for name in lexicon.FIRST_NAMES)


def _ids21_first_part_of_mailbox(mailbox: str) -> str | None:
    """The word a mailbox opens with, when it reads "first" then a surname or digits."""
    parts = IDS21_MAILBOX_PARTS.findall(_ids21_plain(mailbox))
    if len(parts) < 2 or not parts[0].isalpha() or len(parts[0]) < 3 or parts[0] in ROLE_MAILBOXES:
        return None
    return parts[0]


def _ids21_domain_names_no_one(address: str) -> bool:
    labels = re.split(r"[.-]", address.rsplit("@", 1)[1].lower())
    return all(label in IDS21_UNNAMED_DOMAIN_LABELS for label in labels) or _at_personal_provider(address)


def ids21_personal_mailboxes(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads nothing of ours

    if "@" not in text.value:
        return []
    hits = []
    for match in EMAIL.finditer(text.value):
        mailbox = match.group().split("@")[0]
        first = _ids21_first_part_of_mailbox(mailbox)
        if not first or ROLE_MAILBOXES.intersection(MAILBOX_PARTS.split(mailbox.lower())):
            continue
        if not _ids21_domain_names_no_one(match.group()):
            continue
        sentence_start, _ = text.sentence_around(match.start())
        if IDS21_COLLEAGUE_BEFORE.search(text.value, sentence_start, match.start()):
            continue
        # The post opens on the mailbox's first name: "Lisa, I got your e-mail at lisa.m…@…".
        addressed = re.match(rf"\W*{re.escape(first)}\s*,", _ids21_plain(text.value[:40]))
        if not (addressed or first in IDS21_PLAIN_FIRST_NAMES):
            continue
        about_care = (
            tells_a_care_story(text)
            or lexicon.CARE_CUES.search(text.value)
            or IDS21_PATIENT_OR_KIN.search(text.value, sentence_start, match.start())
        )
        if addressed or about_care:
            hits.append(Hit(Category.EMAIL, match.start(), match.end(), "email"))
    return hits


RULES = (*RULES, ids21_personal_mailboxes)


# A handle spoken to about the care its owner had from us is a patient's, whatever they call themselves: a birth we
# attended ("your little guy was 8 lb 11, born Oct 21", "after your son's birth at the IWK"), a step of treatment that
# went well ("so glad the transfer went smoothly", « contente que le retour à la maison se passe bien »), the next visit
# (« on se voit le 8 décembre pour la visite »), "the mum of triplets I delivered" (« maman de triplés que j'ai
# accouchée »). Advice to a stranger in the comments ("you should stop the metformin") tells of no care we gave.
_IDS21_CHILD = r"(?:son|daughter|baby|babies|little (?:guy|one|girl|man|boy)|boy|girl|twins|triplets)"
IDS21_CARE_WE_GAVE = re.compile(
    rf"\byour\s+{_IDS21_CHILD}(?:'s|’s)?\s+(?:was|were|birth|delivery|arrival)\b|"
    r"\bafter\s+your\s+(?:\w+\s+)?(?:birth|delivery|c-section|surgery|transfer|retrieval|induction)\b|"
    r"\bborn\s+(?:on\s+)?(?:the\s+)?(?:\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|"
    r"\b(?:transfer|retrieval|delivery|birth|surgery|c-section|induction|scope|procedure|discharge)\s+went\s+"
    r"(?:smoothly|well|great|fine)\b|"
    r"\b(?:I|we)\s+(?:delivered|operated on|looked after|cared for|treated)\s+(?:you|your)\b|"
    r"\b(?:see you|I'll see you)\b[^.!?\n]{0,30}\b(?:for|at)\s+(?:your|the)\s+(?:\S+\s+)?"
    r"(?:visit|appointment|follow-up|check)|"
    r"\b(?:retour à la maison|accouchement|césarienne|transfert|ponction|opération|sortie)\s+(?:se passe|s['’]est)\s+"
    r"(?:bien|très bien)\b|"
    r"\b(?:que|qu['’])\s*(?:j['’]ai|nous avons|on a)\s+(?:accouchée?s?|opérée?s?|suivie?s?|soignée?s?)\b|"
    r"\b(?:je\s+(?:t['’]|vous\s+)ai|on\s+(?:t['’]|vous\s+)a|nous\s+vous\s+avons)\s*(?:accouchée?|opérée?|suivie?|soignée?)\b|"
    r"\bon se (?:voit|revoit)\b[^.!?\n]{0,30}\bpour\s+(?:la|votre|ta)\s+(?:visite|consultation|échographie|suivi)\b|"
    r"\b(?:votre|ton|ta)\s+(?:fils|fille|bébé|petit|petite|jumeaux|jumelles)\s+(?:est né|est née|sont nés|pesait)",
    re.IGNORECASE,
)
IDS21_COLLEAGUES_HANDLE = re.compile(r"@(?:[Dd][Rr][Ee]?(?:_|[A-Z])|dr[a-z]*md\b)")


def ids21_handles_of_those_we_cared_for(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    hits = []
    for match in HANDLE.finditer(text.value):
        if IDS21_COLLEAGUES_HANDLE.match(match.group()):
            continue
        part = _thread_part_after(text, match.end())
        if IDS21_CARE_WE_GAVE.search(part[:300]):
            hits.append(Hit(Category.URL_HANDLE, match.start(), match.end(), "handle_of_patient", ""))
    return hits


RULES = (*RULES, ids21_handles_of_those_we_cared_for)


# A person's own account, told as followed by someone: « ses petits-enfants la suivent sur Instagram : @… », "her
# grandkids follow her on TikTok, @…", "suivez-la sur Instagram : @…". A clinic's is "follow us", « suivez-nous ».
IDS21_FOLLOWED_PERSON = re.compile(
    r"\b(?:follows?|following|followed)\s+(?:her|him)\b|\b(?:la|le)\s+(?:suivent|suit|suivaient|suivait)\b|"
    r"\bsuivez-(?:la|le)\b",
    re.IGNORECASE,
)
IDS21_ON_A_NETWORK_THEN_HANDLE = re.compile(
    r"\s+(?:on|sur)\s+(?:instagram|insta|tiktok|facebook|x|twitter|youtube|snapchat)\s*[:,]?\s*(@[\w.]*\w)",
    re.IGNORECASE,
)


def ids21_handles_of_people_followed(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    hits = []
    for match in IDS21_FOLLOWED_PERSON.finditer(text.value):
        handle = IDS21_ON_A_NETWORK_THEN_HANDLE.match(text.value, match.end())
        if handle and not IDS21_COLLEAGUES_HANDLE.match(handle.group(1)):
            hits.append(Hit(Category.URL_HANDLE, handle.start(1), handle.end(1), "profile", ""))
    return hits


RULES = (*RULES, ids21_handles_of_people_followed)


# A numbered street told as a person's: after someone named with a title and "from" (« Mr. … from 1187 Ponderosa
# Drive »), after "his/her address" (« son adresse au 14 traverse des Bonnes-Grâces »), or read off the envelope they
# sent ("The return address on the envelope was 27 Birch Hill Rd"). The town and postal code that close it are theirs.
_IDS21_FR_STREET = (
    r"rue|avenue|av\.|boulevard|boul\.|bd|chemin|ch\.|rang|route|place|montée|côte|allée|impasse|promenade|croissant|"
    r"terrasse|traverse|quai|cours|passage|square|sentier|ruelle|voie|lotissement|hameau|lieu-dit|résidence|cité"
)
IDS21_STREET_FR = re.compile(
    rf"(?<![\w-])\d{{1,5}}(?:\s?(?:bis|ter))?,?\s+(?i:{_IDS21_FR_STREET})\s+(?:(?:de la|de l['’]|des|du|de|d['’])\s*)?"
    r"[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s+[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2}"
)
IDS21_WHOSE_STREET_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|M|Mme|Mlle|Madame|Monsieur)\.?\s+(?:[A-ZÉ][\w'’-]+\s+){1,3}(?:from|of|at|du|de|au)\s+|"
    r"\b(?:his|her|their|son|sa|leur)\s+(?:home\s+|personal\s+|)(?:address|adresse)(?:\s+(?:is|was|est|était))?"
    r"\s*(?:au|at|:|,)?\s*|"
    r"\b(?:return address|adresse de retour|adresse de l['’]expéditeur)\b[^.!?\n]{0,30}?\b(?:was|is|:|était|est)\s*)$",
    re.IGNORECASE,
)
IDS21_TOWN_THEN_CODE = re.compile(
    r",\s+(?:[A-ZÉ][\w'’.-]*\s*){1,3},?\s*"
    r"(?:\(?(?P<ca>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)\)?)"
    r"|,\s*(?P<fr>(?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3})\s+[A-ZÉ][\w'’-]*"
)


def _ids21_numbered_streets_of_people(text: Text) -> list[Hit]:
    hits = []
    for pattern in (STREET_EN, IDS21_STREET_FR):
        for match in pattern.finditer(text.value):
            if not IDS21_WHOSE_STREET_BEFORE.search(text.value, max(0, match.start() - 60), match.start()):
                continue
            end = match.end()
            code = IDS21_TOWN_THEN_CODE.match(text.value, end)
            if code and code["fr"]:
                hits.append(Hit(Category.POSTAL_CODE, code.start("fr"), code.end("fr"), "postal_code"))
                end = code.end()
            elif code:
                hits.append(Hit(Category.POSTAL_CODE, code.start("ca"), code.end("ca"), "postal_code"))
            hits.append(Hit(Category.ADDRESS, match.start(), end, "address"))
    return hits


# Where a patient stays on holiday or while waiting for care: a campground's site (« au camping … de la Pointe-Basse,
# site 42 », "site 17 at Green Acres Campground") and a guest house's or a motel's room (« au gîte La Maison du Havre,
# chambre Bleue »). The site or the room names the spot; a campground or an inn alone is a public place.
_IDS21_PLACE_NAME = r"(?:[A-ZÉ][\w'’-]*(?:\s+(?:de la|de l['’]|du|des|de|d['’]|of the|of)?\s*[A-ZÉ][\w'’-]*){0,4})"
IDS21_CAMPSITE = re.compile(
    r"(?i:camping|campground|campsite|RV park|trailer park|terrain de camping)\s+"
    rf"(?P<place>(?:(?:de la|de l['’]|du|des|de)\s*)?(?:{_IDS21_PLACE_NAME},?\s+)?"
    r"(?i:site|emplacement|lot|pad|spot)\s*#?\s*\d{1,4})\b|"
    rf"(?P<site>(?i:site|emplacement|lot|pad|spot)\s*#?\s*\d{{1,4}}\s+(?:at|of|du|au)\s+(?:the\s+)?"
    rf"{_IDS21_PLACE_NAME}\s+"
    r"(?i:campground|camping|RV park))"
)
IDS21_LODGING_ROOM = re.compile(
    r"(?i:gîte|auberge|hôtel|hotel|motel|inn|B&B|bed and breakfast|guest house|maison d['’]hôtes|chalets?)\s+"
    rf"(?P<place>{_IDS21_PLACE_NAME},?\s+(?i:chambre|room|suite|chalet|cabin|unit|studio)\s+"
    r"(?:[A-ZÉ][\w'’-]*|\d{1,4}[A-Z]?))"
)


def ids21_places_where_a_patient_stays(text: Text) -> list[Hit]:
    hits = _ids21_numbered_streets_of_people(text)
    for match in IDS21_CAMPSITE.finditer(text.value):
        group = "place" if match["place"] else "site"
        hits.append(Hit(Category.ADDRESS, match.start(group), match.end(group), "address"))
    for match in IDS21_LODGING_ROOM.finditer(text.value):
        if not text.sentence_has(lexicon.EVENT_CUES, match.start()):
            hits.append(Hit(Category.ADDRESS, match.start("place"), match.end("place"), "address"))
    return hits


RULES = (*RULES, ids21_places_where_a_patient_stays)


# A number said with the relative it came from, after it ("texts … at 902-555-0193 from Sarah Doiron's partner", « des
# textos au 418-555-0101 de la fille de Mme Roy »), or one the writer will call back after a relative called from it
# ("Your sister called the clinic at 403-555-0157… We'll call that number back").
IDS21_NUMBER_THEN_SENDER = re.compile(
    r"^\s+(?:from|de|du|de la)\s+"
    rf"(?:(?:[A-ZÉ][\w'’-]+\s+){{1,2}}|(?:his|her|their|your|the patient's|la|le|sa|son)\s+)?"
    rf"(?:[A-ZÉ][\w'’-]+(?:'s|’s)\s+)?(?:{RELATIVES})\b",
    re.IGNORECASE,
)
IDS21_RELATIVE_CALLED = re.compile(
    rf"\b(?:{RELATIVES})\s+(?:called|phoned|rang|texted|a appelé|a téléphoné|a texté)\b", re.IGNORECASE
)
IDS21_CALL_THAT_NUMBER_BACK = re.compile(
    r"\b(?:call|ring|text)\s+(?:that|this)\s+number\s+back\b|\brappeler?\s+(?:à\s+)?ce\s+numéro\b", re.IGNORECASE
)
IDS21_PHONE = re.compile(r"(?<![\d-])(?:\+?1[ -]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?![\d-])")


def ids21_numbers_of_relatives(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    called_back = IDS21_CALL_THAT_NUMBER_BACK.search(text.value)
    hits = []
    for match in IDS21_PHONE.finditer(text.value):
        sender_after = IDS21_NUMBER_THEN_SENDER.match(text.value[match.end() : match.end() + 80])
        called_from = called_back and text.sentence_has(IDS21_RELATIVE_CALLED, match.start())
        if sender_after or called_from:
            hits.append(Hit(Category.PHONE, match.start(), match.end(), "phone"))
    return hits


RULES = (*RULES, ids21_numbers_of_relatives)


# A number printed beside a person's name on a badge, a wristband or a label, quoted in the post: '"R. Kaminski, ID
# T-40913"', '"Baby Boy LeBlanc – IWK 0473921"' (a hospital's initials, then its number). Quoted with the name, it is
# theirs; a trial's or a product's code has no one's name beside it.
IDS21_QUOTED_LABEL = re.compile(r"[\"“«]\s*(?P<label>[^\"”»\n]{3,120}?)\s*[\"”»]")
IDS21_NAME_ON_A_LABEL = re.compile(
    r"(?-i:\b(?:Baby\s+(?:Boy|Girl)|Bébé\s+(?:garçon|fille)|[A-Z]\.\s?[A-Z][a-z]+|[A-Z][a-z]+\s+[A-Z][a-z]+|"
    r"[A-Z]{2,},\s*[A-Z][a-z]*))"
)
IDS21_NUMBER_ON_A_LABEL = re.compile(
    r"(?-i:\bID\s*#?\s*(?P<id>[A-Z]{0,3}-?\d{4,10})\b|\b(?P<code>(?!NCT|ISBN|ISSN|DOI|PMID)[A-Z]{2,5}\s\d{6,9})\b)"
)


def ids21_numbers_on_a_persons_label(text: Text) -> list[Hit]:
    if '"' not in text.value and "“" not in text.value and "«" not in text.value:
        return []
    hits = []
    for label in IDS21_QUOTED_LABEL.finditer(text.value):
        if not IDS21_NAME_ON_A_LABEL.search(label["label"]):
            continue
        for number in IDS21_NUMBER_ON_A_LABEL.finditer(text.value, label.start("label"), label.end("label")):
            group = "id" if number["id"] else "code"
            hits.append(Hit(Category.RECORD_NUMBER, number.start(group), number.end(group), "record_number"))
    return hits


RULES = (*RULES, ids21_numbers_on_a_persons_label)


# An imaging or pathology specimen's number after the word that says what it is: "Accession RDH-CT-2026-118834",
# "PACS ID EDM-PACS-77304512", « PACS STR-US-2026-04417 », "accession S26-51203", « n° d'anapath 26H-018734 ». Letters,
# digits and dashes; the number finds the patient's images and slides. A sequence database's accession (GenBank) is
# a virus's, not a patient's.
IDS22_SPECIMEN_CUE = re.compile(
    r"(?<!\w)(?:accession|acc\.?(?=\s*(?:#|no|n°))|pacs|specimen|spécimen|path(?:ology)?|anapath|biopsy|biopsie|"
    r"sample(?=\s*(?:id|#|no|n°|number)\b)|échantillon(?=\s*(?:n°|no|numéro)\b)|"
    r"anatomopathologie|histo(?:logie)?|cytologie|cytology|prélèvement|requisition|réquisition|numéro d['’]examen|"
    r"exam(?=\s*(?:#|no|n°|number|id))|examen(?=\s*(?:n°|no|numéro)))"
    r"(?:\s+(?:number|no\.?|n°|numéro|id|#|ID|code))?(?:\s+(?:number|no\.?|n°|id|#))?\s*[:#]?\s*"
    # Not a date written with dashes: "biopsy 2026-11-30 was benign" is a day, read as one.
    r"(?P<number>(?!NCT|ISRCTN|EUDRACT|(?:19|20)\d\d-(?:19|20)?\d\d(?![\w-])|\d{4}-\d\d-\d\d(?![\w-])|\d\d-\d\d-\d{4}(?![\w-]))(?=[A-Z0-9-]*\d{4})(?:[A-Z0-9]{1,8}-)+[A-Z0-9]*\d[A-Z0-9]*(?:-[A-Z0-9]{1,4})*|[A-Z]{0,3}\d{6,12})(?![\w-])",
    re.IGNORECASE,
)
IDS22_NOT_A_PATIENTS_SPECIMEN = words(
    "genbank", "gisaid", "uniprot", "ncbi", "sequence", "séquence", "strain", "souche"
)
# A report's header quotes the specimen's number beside the patient's name, the surname in capitals: « 26H-018734,
# PÉRON Solène », "S26-51203 – FAIRWEATHER, J.".
IDS22_NUMBER_BESIDE_A_CAPITAL_SURNAME = re.compile(
    r"(?<![\w-])(?P<number>(?=[A-Z0-9]*\d)[A-Z0-9]{2,6}-\d{4,10})\s*[,–—-]\s*"
    r"(?-i:(?P<surname>[A-ZÉÈÀÂÎÔÇ]{2,}(?:[-' ][A-ZÉÈÀÂÎÔÇ]{2,})*)(?:\s+[A-ZÉ][a-zà-ÿ]|,\s*[A-ZÉ]))"
)
# A room or a code beside an institution's initials is no one's: "salle 2B-1034, CHU Sainte-Justine".
IDS22_INSTITUTIONS_INITIALS = frozenset(
    "CHU CHUM CHUQ CHUS CHRU CHR CH CHSLD CLSC CISSS CIUSSS GMF HUS HCL APHP AP-HP APHM UHN CHEO IWK MUHC CUSM ICU USI "
    "NHS HGJ HSC SMH TGH AHS CRHU UQAM UDEM ULAVAL UBC UOFT UCLA CIHR IRSC INSPQ INSERM CNRS HAS ARS CPAM".split()
)


def ids22_specimen_numbers(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    hits = [
        Hit(Category.RECORD_NUMBER, match.start("number"), match.end("number"), "record_number")
        for match in IDS22_SPECIMEN_CUE.finditer(text.value)
        if not text.sentence_has(IDS22_NOT_A_PATIENTS_SPECIMEN, match.start())
    ]
    hits.extend(
        Hit(Category.RECORD_NUMBER, match.start("number"), match.end("number"), "record_number")
        for match in IDS22_NUMBER_BESIDE_A_CAPITAL_SURNAME.finditer(text.value)
        if match["surname"] not in IDS22_INSTITUTIONS_INITIALS
    )
    return hits


RULES = (*RULES, ids22_specimen_numbers)


# A number a relative or a patient called from, said after it ("called the clinic at 613-… from her home line", « nous
# a appelés au 06… depuis son portable »), or one the writer called them back on (« la secrétaire l'a rappelé au
# 06… », "we called her back at 613-…"): theirs. A service's line is called by "us" and "you" ("call us at").
IDS22_FROM_THEIR_OWN_LINE = re.compile(
    r"\s*,?\s*(?:from|on|depuis|de|sur)\s+(?:her|his|their|sa|son|leur)\s+(?:own\s+|personal\s+|personnel\s+)?"
    r"(?:home line|home phone|home number|landline|cell(?:phone)?|mobile|phone|own phone|line|ligne|fixe|portable|"
    r"cellulaire|téléphone|numéro)\b",
    re.IGNORECASE,
)
IDS22_CALLED_SOMEONE_AT = re.compile(
    r"(?:\b(?:called|call|calling|rang|ring|phoned|phone|texted|text|reached|reach|reaching)\s+(?:him|her|them)"
    r"(?:\s+back)?\s+(?:at|on)|"
    # A call that was made, to someone: « l'a rappelé au », « les avons jointes au »; not « l'appeler au » (a service).
    r"(?<![\w-])(?:l['’]|la\s+|le\s+|les\s+)(?:a|ai|avons|ont|avait|avions|avaient)\s+"
    r"(?:rappel|appel|joint|joindre|contact|text)\w*\s+(?:au|sur le|sur son)|"
    # Or said to be called from home before it: "she called from home at 613-…", « il a appelé de chez lui au 06… ».
    r"\b(?:called|phoned|rang|texted|calling|appelé|appelée|téléphoné)\s+(?:us\s+|me\s+|nous\s+)?"
    r"(?:from\s+(?:home|her home|his home|their home)|de\s+chez\s+(?:elle|lui|eux)|de la maison)"
    r"\s*(?:at|on|au|,)?)\s*$",
    re.IGNORECASE,
)


def ids22_numbers_called_from_or_back(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    numbers = [match.span() for match in IDS21_PHONE.finditer(text.value)]
    numbers += [match.span() for match in PHONE_FR.finditer(text.value)] if text.language == "fr" else []
    hits = []
    for start, end in numbers:
        if _a_service_line(text, start, end):
            continue
        from_their_line = IDS22_FROM_THEIR_OWN_LINE.match(text.value, end)
        called_back = IDS22_CALLED_SOMEONE_AT.search(text.value, max(0, start - 50), start)
        if from_their_line or called_back:
            hits.append(Hit(Category.PHONE, start, end, "phone"))
    return hits


RULES = (*RULES, ids22_numbers_called_from_or_back)


# A device's serial said a few words after its name, before a colon (« Numéro de série du dermatoscope prêté à Mme … :
# DS-4471-2290-QC »), after the maker and model ("serial ResMed AS11 23161488290"), or a device lent to or worn by a
# patient numbered with "n°" (« la pompe PCA n° 55-10482 de M. … »).
IDS22_SERIAL_THEN_COLON = re.compile(
    r"(?<!\w)(?:serial(?: number| no\.?| #)?|s/n|numéro de série|no de série|n° de série)\b"
    # A title's dot does not end the sentence: « prêté à M. Le Roux pour le suivi : … ».
    r"(?:[^.!?\n:]|(?<=\bM)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bDr)\.|(?<=\bMrs)\.){0,90}:\s*"
    r"(?P<serial>(?=(?:[A-Z-]*\d){4})[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])(?![\w-])",
    re.IGNORECASE,
)
IDS22_SERIAL_AFTER_MODEL = re.compile(
    r"(?<!\w)(?i:serial(?: number| no\.?| #)?|numéro de série|n° de série)\s+(?:[A-Z][\w-]*\s+){1,3}(?P<serial>\d{6,})"
    r"(?![\w-])"
)
IDS22_NUMBERED_DEVICE = re.compile(
    r"(?<!\w)(?:pompe|pump|cpap|bipap|pca|concentrateur|concentrator|glucomètre|glucometer|holter|défibrillateur|"
    r"defibrillator|fauteuil roulant|wheelchair|moniteur|monitor|dermatoscope|nébuliseur|nebulizer|stimulateur|"
    r"pacemaker|neurostimulateur|neurostimulator|capteur|sensor|appareil auditif|hearing aid)"
    r"(?:\s+(?:à|a|de|d['’]|for|of)\s*\w+)?(?:\s+(?-i:[A-Z]{2,6}))?\s*(?:n°|no\.|#)\s*(?P<serial>(?=(?:[A-Z-]*\d){4})[A-Z0-9][A-Z0-9-]*[A-Z0-9])(?![\w-])",
    re.IGNORECASE,
)


def ids22_device_serials_said_further_on(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    return [
        Hit(Category.DEVICE_SERIAL, match.start("serial"), match.end("serial"), "device_serial")
        for pattern in (IDS22_SERIAL_THEN_COLON, IDS22_SERIAL_AFTER_MODEL, IDS22_NUMBERED_DEVICE)
        for match in pattern.finditer(text.value)
    ]


RULES = (*RULES, ids22_device_serials_said_further_on)


# A patient's relative's account, said with whose relative it is: "Ava's mom's Instagram @…", "his daughter's TikTok,
# @…", « le compte Instagram de la maman d'Ava, @… »; and an account told as a patient's by what it posts: « Vidéo
# TikTok d'une patiente de 16 ans sur…, @… », "a reel from a young patient of mine, @…".
_IDS22_KIN = rf"(?:{RELATIVES}|mama|maman|papa|nan|nana|grandma|grandpa|mamie|papi|granny)"
_IDS22_NETWORK = r"(?:instagram|insta|tiktok|facebook|twitter|youtube|snapchat|account|page|handle|blog|compte|profil)"
IDS22_KINS_ACCOUNT = re.compile(
    rf"(?:(?<![\w.'’])(?-i:[A-ZÉ][a-zà-ÿ-]+)(?:'s|’s)|\b(?:his|her|their|the patient's|our patient's))\s+"
    rf"{_IDS22_KIN}(?:'s|’s)\s+(?:\w+\s+)?{_IDS22_NETWORK}\b\W{{0,5}}(?:is\s+)?(@[\w.]*\w)|"
    rf"\b{_IDS22_NETWORK}(?:\s+(?:instagram|tiktok|facebook|youtube))?\s+(?:de|du)\s+(?:la|le|sa|son|l['’])\s*"
    rf"{_IDS22_KIN}\s+(?:de|d['’])\s*(?-i:[A-ZÉ][a-zà-ÿ-]+)\W{{0,5}}(@[\w.]*\w)",
    re.IGNORECASE,
)
IDS22_A_PATIENTS_POST = re.compile(
    r"\b(?:vidéo|video|compte|account|post|publication|story|reel|page|chaîne|channel|live|tiktok|instagram)"
    r"(?:\s+(?:tiktok|instagram|youtube|facebook|snapchat))?\s+"
    r"(?:d['’]une?|de\s+(?:ma|mon|notre)|of\s+(?:a|my|our|one of my)|from\s+(?:a|my|our|one of my)|"
    r"by\s+(?:a|my|our))\s+"
    r"(?:[\w-]+\s+){0,2}(?:patient|patiente|pt)s?\b[^.!?\n@]{0,100}?(?<![\w@.])(@[\w.]*\w)",
    re.IGNORECASE,
)


IDS22_TITLE_BEFORE = re.compile(r"\b(?:Dr|Dre|Prof|Pr)\.?\s+$")


def ids22_accounts_of_patients_and_their_kin(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    hits = []
    for pattern in (IDS22_KINS_ACCOUNT, IDS22_A_PATIENTS_POST):
        for match in pattern.finditer(text.value):
            group = 1 if match[1] else 2
            colleagues_kin = IDS22_TITLE_BEFORE.search(text.value, max(0, match.start() - 8), match.start())
            if not IDS21_COLLEAGUES_HANDLE.match(match[group]) and not colleagues_kin:
                hits.append(Hit(Category.URL_HANDLE, match.start(group), match.end(group), "profile"))
    return hits


RULES = (*RULES, ids22_accounts_of_patients_and_their_kin)


# A reply that opens on a handle and speaks to its owner of their kin's care is to a patient's family: sympathy for
# their kin with care said ("so sorry about your dad, we can't discuss his labs here"), or their kin's care thing
# ("your grandson's dialysis chair", « le fauteuil de dialyse de votre mère »). A thank-you to a colleague's mum is not.
IDS22_SORRY_ABOUT_KIN = re.compile(
    rf"\b(?:sorry|sad|condolences|thinking of you)\b[^.!?\n]{{0,20}}\b(?:your|votre|ta|ton)\s+{_IDS22_KIN}\b|"
    rf"\b(?:désolée?|condoléances|pensées)\b[^.!?\n]{{0,20}}\b(?:votre|ta|ton)\s+{_IDS22_KIN}\b",
    re.IGNORECASE,
)
_IDS22_CARE_THING = (
    r"(?:dialysis|chair|labs?|results?|scan|biopsy|chemo|surgery|bed|room|meds|medications?|treatment|transplant|"
    r"chart|file|appointment|diagnosis)"
)
IDS22_KINS_CARE_THING = re.compile(
    rf"\b(?:your|ur)\s+{_IDS22_KIN}(?:'s|’s)\s+(?:[\w-]+\s+)?{_IDS22_CARE_THING}\b|"
    # or the kin home after a stay: "glad your dad is home after the stent".
    rf"\b(?:your|ur)\s+{_IDS22_KIN}\s+(?:is|was|got|came|went)\s+(?:back\s+)?(?:home|discharged|out)\b"
    r"[^.!?\n]{0,30}?\b(?:after|from)\b|"
    r"\b(?:dialyse|fauteuil|poste|résultats?|scanner|biopsie|chimio|chirurgie|lit|chambre|traitement|greffe|dossier|"
    rf"rendez-vous)\s+(?:de\s+dialyse\s+)?(?:de|d['’])\s*(?:votre|ta|ton)\s+{_IDS22_KIN}\b",
    re.IGNORECASE,
)
IDS22_CARE_SAID = re.compile(
    rf"\b(?:discuss|talk about|comment on|share)\s+(?:his|her|their)\s+{_IDS22_CARE_THING}\b|"
    r"\b(?:the unit|the ward|charge nurse|l['’]unité|infirmière-chef|le service)\b",
    re.IGNORECASE,
)


def ids22_replies_about_kins_care(text: Text) -> list[Hit]:
    match = IDS20_OPENING_HANDLE.match(text.value)
    if not match:
        return []
    part = _thread_part_after(text, match.end())
    sympathy_with_care = IDS22_SORRY_ABOUT_KIN.search(part) and IDS22_CARE_SAID.search(part)
    if sympathy_with_care or IDS22_KINS_CARE_THING.search(part):
        return [Hit(Category.URL_HANDLE, match.start(1), match.end(1), "handle_of_patient")]
    return []


RULES = (*RULES, ids22_replies_about_kins_care)


# A postal code that closes the address of a person named with a title just before it ("Mme Hélène Ott, 7 rue du
# Ried, 67600 Sélestat", "Mr. Dale Kerr, 14 Birch Rd, Kaladar, K0H 1Z0"), or one in brackets after the town where
# someone lives or can be written to (« chez sa grand-mère à Caluire (69300) »).
IDS22_TITLED_PERSON_THEN_STREET = re.compile(
    # "du" or "of" may stand before the number: « M. Rosaire Chabot, du 1142, 3e Avenue, J9P 1T4 ».
    r"\b(?:M|Mme|Mlle|Mr|Mrs|Ms|Madame|Monsieur)\.?\s+(?:[A-ZÉ][\w'’-]+\s+){0,2}[A-ZÉ][\w'’-]+,\s+"
    r"(?:(?:du|de|of|from|at|au)\s+)?\d{1,5}"
    r"[^.!?\n()]{3,60}$"
)
IDS22_TOWN_THEN_CODE_IN_BRACKETS = re.compile(rf"\b[A-ZÉ][\w'’-]+\s+\((?P<code>{_CODE_FR})\)")
# A postal code said to be someone's, a few words on: « Le code postal de Nelly, pour la livraison… : 13015 », "Mr.
# Dube's postal code, for the courier: P0V 2W0". The code of a clinic or a town is not said to be a person's.
IDS22_SOMEONES_CODE = re.compile(
    rf"\b(?:code postal|postal code|zip code)\s+(?:de|d['’]|du|of)\s*(?:(?:la|le|sa|son|ma|mon|notre|our|my|the)\s+)?"
    rf"(?:patiente?|patient|(?:{RELATIVES})\b|(?:M|Mme|Mlle|Mr|Mrs|Ms)\.?\s+[A-ZÉ][\w'’-]+|(?P<first>(?-i:[A-ZÉ][a-zà-ÿ-]+)))"
    rf"[^.!?\n]{{0,60}}?:\s*(?P<code>{_CODE_FR}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)(?!\w)|"
    rf"(?:(?P<first2>(?-i:[A-ZÉ][a-zà-ÿ-]+))|patient|(?:{RELATIVES}))(?:'s|’s)\s+postal code"
    r"[^.!?\n]{0,40}?[:,]?\s*(?:is\s+)?"
    rf"(?P<code2>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d|\d{{5}})(?!\w)",
    re.IGNORECASE,
)
IDS22_SOMEONES_HOME_SAID = words("chez", "habite", "vit", "domicile", "lives", "home", "envoyés chez", "à envoyer")


def ids22_postal_codes_of_people(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    hits = []
    codes = [match.span() for match in POSTAL_CA.finditer(text.value)]
    codes += [match.span() for match in POSTAL_FR.finditer(text.value)] if text.language == "fr" else []
    for start, end in codes:
        if IDS22_TITLED_PERSON_THEN_STREET.search(text.value, max(0, start - 120), start):
            hits.append(Hit(Category.POSTAL_CODE, start, end, "postal_code"))
    for match in IDS22_TOWN_THEN_CODE_IN_BRACKETS.finditer(text.value) if text.language == "fr" else ():
        if text.sentence_has(IDS22_SOMEONES_HOME_SAID, match.start()):
            hits.append(Hit(Category.POSTAL_CODE, match.start("code"), match.end("code"), "postal_code"))
    for match in IDS22_SOMEONES_CODE.finditer(text.value):
        first = match["first"] or match["first2"]
        if first and _ids21_plain(first) not in IDS21_PLAIN_FIRST_NAMES:
            continue  # a town's code: « le code postal de Rimouski : G5L 1A1 »
        group = "code" if match["code"] else "code2"
        hits.append(Hit(Category.POSTAL_CODE, match.start(group), match.end(group), "postal_code"))
    return hits


RULES = (*RULES, ids22_postal_codes_of_people)


# A plate after the word for a registered car, its province first: « le pick-up immatriculé NB LMP 318 ».
IDS22_REGISTERED_AS = re.compile(
    r"\b(?i:immatricul(?:é|ée|és|ées))\s+(?:(?i:au|en|du)\s+[A-ZÉ][\w-]+\s+)?"
    r"(?P<plate>(?:[A-Z]{2}\s)?(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{2,4}[ -][A-Z0-9]{3,4})(?![\w-])"
)


def ids22_plates_of_registered_cars(text: Text) -> list[Hit]:
    return [
        Hit(Category.PLATE, match.start("plate"), match.end("plate"), "plate")
        for match in IDS22_REGISTERED_AS.finditer(text.value)
        if not PLATE_MODEL_YEAR.fullmatch(match.group("plate"))
    ]


RULES = (*RULES, ids22_plates_of_registered_cars)


# A person's handle written without its "@", after the network and whose it is: "her TikTok is zoe.skin.journey", « le
# compte Instagram de sa fille : lea_et_ses_boucles », "his mom's IG: ava.and.her.strawberry". A bare name has a dot,
# an underscore or digits to be a handle; the clinic's or the author's own ("our Instagram is …", "my TikTok") is not.
IDS22_BARE_HANDLE_OF_SOMEONE = re.compile(
    rf"(?:\b(?:her|his|their|patient'?s|pt'?s|(?:{_IDS22_KIN})(?:'s|’s))\s+(?:[\w'’]+\s+){{0,2}}"
    r"(?:instagram|insta|ig|tiktok|snapchat|snap|twitter|x|threads)(?:\s+(?:account|handle))?|"
    r"\b(?:compte|profil)\s+(?:instagram|insta|tiktok|snapchat|twitter|x)\s+(?:de|du|d['’])\s*(?:la|le|sa|son|leur|l['’])?"
    rf"\s*(?:patiente?|{_IDS22_KIN})\b|"
    r"\b(?:son|sa|leur)\s+(?:compte\s+)?(?:instagram|insta|tiktok|snapchat|twitter|x)\b)"
    r"\s*(?:is|est|:|=|,|as|sous le nom(?: de)?|under)\s*"
    r"(?P<handle>(?=[\w.]*[._\d])[a-z][\w.]{2,29}[a-z0-9_])(?![\w.@])",
    re.IGNORECASE,
)


def ids22_bare_handles_of_people(text: Text) -> list[Hit]:
    return [
        Hit(Category.URL_HANDLE, match.start("handle"), match.end("handle"), "profile")
        for match in IDS22_BARE_HANDLE_OF_SOMEONE.finditer(text.value)
    ]


RULES = (*RULES, ids22_bare_handles_of_people)


# A handle thanked for letting the author tell its owner's story is a patient's (or their family's): "Thank you
# @… for letting me share your melanoma story", « Merci à @… de m'autoriser à raconter son parcours ».
IDS22_HANDLE_THANKED_FOR_SHARING = re.compile(
    r"(?<![\w@.])(@[\w.]*\w)[^.!?\n@]{0,30}?\b(?:for letting me|for allowing me to|for the permission to|"
    r"for agreeing to let me|de m['’]autoriser à|de me permettre de|d['’]avoir accepté que je|"
    r"pour l['’]autorisation de)\s+(?:share|tell|post|use|show|raconter|partager|publier|utiliser|montrer|racontes?|"
    r"partages?)\s+(?:your|his|her|their|son|sa|ses|votre|vos|ton|ta|tes)\s+(?:[\w-]+\s+)?(?:story|journey|case|photos?|"
    r"pictures?|words|scans?|x-rays?|rash|skin|results|recovery|histoire|parcours|cas|mots|combat|résultats|guérison)\b",
    re.IGNORECASE,
)


def ids22_handles_thanked_for_their_story(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    return [
        Hit(Category.URL_HANDLE, match.start(1), match.end(1), "profile")
        for match in IDS22_HANDLE_THANKED_FOR_SHARING.finditer(text.value)
        if not IDS21_COLLEAGUES_HANDLE.match(match.group(1))
    ]


RULES = (*RULES, ids22_handles_thanked_for_their_story)


# A number a player wears or an athlete draws names them to anyone with the roster or the draw sheet: "jersey #12", «
# maillot n° 9 », "#27 on the Canmore Eagles U18", « n° 88 des Alizés M13 », "Carter Mah, #9:", "drew #14 for the short
# go", "draw 8 in the bull riding". A count or a rank is not worn: "the #1 cause", « n° 1 de la prévention », "tip #3".
IDS23_AGE_CLASS = (
    r"(?:U|M|moins de\s+)\d{1,2}\b|\b(?:A{1,3}|midget|bantam|peewee|pee-wee|atom|novice|junior|cadet|benjamin|minime)"
)
IDS23_SPORT_SAID = re.compile(
    rf"(?-i:\b{IDS23_AGE_CLASS})|\b(?:hockey|rink|aréna|arena|team|équipe|club|league|ligue|game|match|"
    r"tournament|tournoi|jersey|maillot|chandail|dressing room|vestiaire|race|slalom|course|football|soccer|basketball|"
    r"volleyball|rugby|ringuette|ringette|lacrosse|baseball|academy|académie|FC|goalie|gardien|gardienne|defenceman|défenseur|winger|"
    r"ailier|quarterback|QB|striker|attaquant|player|joueur|joueuse)\b",
    re.IGNORECASE,
)
IDS23_WORN_NUMBER = re.compile(
    # after the garment: "jersey #12", "sweater number 4", « maillot n° 9 », « porte le numéro 10 »
    r"\b(?:jersey|sweater|maillot|chandail|dossard|bib|wears|wearing|wore|porte|portait|portant)\s+"
    r"(?:(?:the|le|la|number|numéro|no\.?|n°)\s+){0,2}#?\s*(?P<worn>\d{1,3})(?![\w.,]\d|\w|\s*(?:%|ans|years|to\s|à\s|-|–|through))"
    # a rodeo's or a race's draw: "drew #14", "draw 8 in the bull riding", « a tiré le n° 3 »
    r"|\b(?:drew|draw|drawn|a tiré|tirage)\s+(?:(?:the|le|number|numéro|no\.?|n°)\s+){0,2}#?\s*(?P<draw>\d{1,3})"
    r"(?=\s+(?:in|for|at|on|du|de|dans|pour|au)\b)"
    r"|\bdrew\s+#(?P<drew>\d{1,3})\b",
    re.IGNORECASE,
)
IDS23_DRAW_EVENT = re.compile(
    r"\b(?:rodeo|rodéo|bronc|bull|bulls|barrel|steer|roping|go-round|short go|chuckwagon|saddle|race|course|heat|"
    r"slalom|competition|compétition|event|épreuve|tournament|tournoi)\b",
    re.IGNORECASE,
)
# "#27 on the Canmore Eagles U18", « n° 88 des Gaspé Alizés M13 AA »: the number, then the team it is worn for.
IDS23_NUMBER_FOR_A_TEAM = re.compile(
    # Not the end of a range ("players #1 to #30 on Tuesday"), nor a day after "on".
    r"(?<![\w#])(?<!to )(?<!à )(?:#|n°\s?|no\.?\s|number\s|numéro\s)(?P<number>\d{1,3})\s+"
    r"(?:(?:on|for|of|with|des|du|de la|chez les|avec les)\s+|de l['’]\s*)(?:the\s+)?(?=[A-ZÉ])"
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|January|February|"
    r"March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|"
    r"Nov|Dec)\b)"
    r"(?P<team>(?:[\w'’.-]+\s+){0,5}?[\w'’.-]+)(?=[\s,.;:!?)]|$)"
)
# "Carter Mah, #9:", "Kieran from the U15 Winnipeg Wild, #4, took a skate": the number in apposition, in a sentence
# about a team.
IDS23_NUMBER_IN_APPOSITION = re.compile(
    r"(?<=[\w)]),\s+(?P<sign>#|n°\s?|(?i:number|numéro|no\.)\s)(?P<number>\d{1,3})(?=\s*[,:;)])"
    # or in brackets with the team: "Owen (#22, Kelowna Rockets U16)", « Hugo (n° 2, M14 de Balma) »
    r"|\(\s*(?P<sign_b>#|n°\s?)(?P<number_b>\d{1,3})\s*,\s*(?=[A-ZÉ]|(?:U|M)\d)[^()\n]{2,60}\)"
    # or said to be theirs: "a jersey with his number 31 on it", « le maillot avec son numéro 9 »
    r"|\b(?:his|her|their|son|sa)\s+(?P<sign_p>number|numéro|no\.?|#)\s*(?P<number_p>\d{1,3})(?![\d.,-]|\s*(?:%|ans|years))"
)

IDS23_GARMENT = words("jersey", "sweater", "maillot", "chandail", "dossard", "bib", "helmet", "casque")


def ids23_numbers_worn_or_drawn(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    hits = []
    for match in IDS23_WORN_NUMBER.finditer(text.value):
        group = next(name for name in ("worn", "draw", "drew") if match[name])
        if group == "draw" and not text.sentence_has(IDS23_DRAW_EVENT, match.start()):
            continue
        if group == "worn" and not text.sentence_has(IDS23_SPORT_SAID, match.start()):
            continue
        hits.append(Hit(Category.RECORD_NUMBER, match.start(), match.end(group), "record_number"))
    for match in IDS23_NUMBER_FOR_A_TEAM.finditer(text.value):
        team_said = re.search(rf"(?-i:{IDS23_AGE_CLASS})", match["team"]) or text.sentence_has(
            IDS23_SPORT_SAID, match.start()
        )
        if team_said:
            hits.append(Hit(Category.RECORD_NUMBER, match.start(), match.end("number"), "record_number"))
    for match in IDS23_NUMBER_IN_APPOSITION.finditer(text.value):
        suffix = next(suffix for suffix in ("", "_b", "_p") if match["number" + suffix])
        worn = suffix != "_p" or text.sentence_has(IDS23_GARMENT, match.start())
        if worn and text.sentence_has(IDS23_SPORT_SAID, match.start()):
            start, end = match.start("sign" + suffix), match.end("number" + suffix)
            hits.append(Hit(Category.RECORD_NUMBER, start, end, "record_number"))
    return hits


RULES = (*RULES, ids23_numbers_worn_or_drawn)


# An ambulance's or an air ambulance's run number finds the call and so the patient: "WFPS run #2026-004817",
# "Lifeflight run LF-26-1183", "EMS call number 26-118834", « intervention n° 2026-11-0934 », « numéro d'intervention
# 26-0412 ». The word for the run, then a code with four digits or more, dashed or after "#"/"n°": "a 5 km run", "run 2
# of the trial" and "the 2026-2027 run of the course" are not calls.
IDS23_RUN_NUMBER = re.compile(
    r"(?<!\w)(?:run|call|trip|transport|mission|intervention|incident|dispatch|sortie|appel|affectation|"
    # or its report: "run sheet PCR 26-118440", "ePCR 2026-0912", « rapport d'intervention 26-0412 »
    r"run sheet|run report|(?-i:e?PCR)|patient care report|rapport d['’]intervention|fiche d['’]intervention)"
    r"(?:\s+(?:number|no\.?|n°|numéro|#))?\s*(?P<sign>#|n°|no\.?|:)?\s*"
    r"(?P<code>(?:[A-Z]{1,5}-)?(?=(?:[\d-]*\d){4})\d[\d-]*\d)(?![\w-])"
    r"|(?<!\w)(?:numéro|n°|no)\s+d['’](?:intervention|appel|affectation)\s*(?:[A-Z]{2,5}\s+)?:?\s*"
    r"(?P<code_fr>(?=(?:[\d-]*\d){4})\d[\d-]*\d)(?![\w-])",
    re.IGNORECASE,
)
IDS23_RUN_SAID_BY = re.compile(
    r"\b(?:ambulance|ambulancier|ambulancière|ambulanciers|paramedics?|paramédics?|EMS|EMT|911|SMUR|SAMU|"
    r"air ambulance|flight|lifeflight|helicopter|hélicoptère|évacuation|medevac|transport|dispatch|répartition|"
    r"run|intervention)\b",
    re.IGNORECASE,
)


def ids23_ambulance_run_numbers(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    hits = []
    for match in IDS23_RUN_NUMBER.finditer(text.value):
        group = "code" if match["code"] else "code_fr"
        code = match[group]
        shaped_as_a_code = "-" in code or match["sign"] in {"#", "n°"} or group == "code_fr"
        if not shaped_as_a_code or TENTH_YEARS_OR_PHONE.fullmatch(code):
            continue
        if text.sentence_has(IDS23_RUN_SAID_BY, match.start()):
            hits.append(Hit(Category.RECORD_NUMBER, match.start(group), match.end(group), "record_number"))
    return hits


RULES = (*RULES, ids23_ambulance_run_numbers)


# A locker's code or number opens someone's belongings: "Locker code for Mrs. Fraser's belongings is 4471", "her
# locker combination: 12-34-08", « le code du casier de Mme Nadeau est 2811 », « Casier n° 17 du vestiaire ». Not the
# room ("the locker room at 7"), nor a count ("40 new lockers").
IDS23_LOCKER_CODE = re.compile(
    r"\b(?:locker|padlock|lock|safe|casier|cadenas|coffre)\s+(?:code|combination|combo|number|pin)\b"
    r"|\b(?:code|combinaison|numéro|code d['’]accès)\s+(?:du|de son|de sa|de la|de l['’])\s*"
    r"(?:casier|cadenas|coffre)\b",
    re.IGNORECASE,
)
IDS23_CODE_SAID = re.compile(
    r"(?:[^.!?\n]|(?<=\bMrs)\.|(?<=\bMr)\.|(?<=\bMs)\.|(?<=\bM)\.|(?<=\bDr)\.){0,60}?(?:\b(?:is|was|est|était|are)\b|:|=)\s*(?P<code>\d{1,3}(?:-\d{1,3}){1,3}|\d{2,8})(?![\w-])"
)
IDS23_NUMBERED_LOCKER = re.compile(
    r"\b(?:locker|casier)\s*(?:#|n°|no\.?|number|numéro)\s*(?P<code>\d{1,4})(?![\w-])", re.IGNORECASE
)


def ids23_locker_codes(text: Text) -> list[Hit]:
    hits = []
    for match in IDS23_LOCKER_CODE.finditer(text.value):
        said = IDS23_CODE_SAID.match(text.value, match.end())
        if said:
            hits.append(Hit(Category.RECORD_NUMBER, said.start("code"), said.end("code"), "record_number"))
    for match in IDS23_NUMBERED_LOCKER.finditer(text.value):
        hits.append(Hit(Category.RECORD_NUMBER, match.start(), match.end("code"), "record_number"))
    return hits


RULES = (*RULES, ids23_locker_codes)


# A court's or a tribunal's file number is a person's case, public record or not: « Dossier TAQ-SAS-2026-08817 », «
# dossier RG 26/01844 », "court file no. FS-26-00412", "docket 2026-FL-0044". After the word for a file, a code of
# letters and digits with four digits or more, dashed or slashed.
IDS23_CASE_FILE = re.compile(
    r"(?<!\w)(?:(?i:dossier|file|case|docket|court file|numéro de rôle|n° de rôle)(?!\w)|RG|n° RG|no RG)"
    # whose file it is may come between: « Le dossier du tribunal, TAQ-… », "the court's file, FS-…"
    r"(?:\s+(?i:du tribunal|de la cour|du TAQ|du TAL|at the tribunal|at the court|of the court))?,?"
    r"(?:\s+(?:number|no\.?|n°|numéro|#))?\s*:?\s*"
    r"(?P<code>(?:[A-Z]{1,5}[ -])*(?=[\dA-Z/-]*\d{2})\d[\dA-Z]*(?:[/-][\dA-Z]+)+)(?![\w/-])",
)

IDS23_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}$")
IDS23_A_STANDARDS_NUMBER = re.compile(r"(?:ISO|NF|EN|CSA|IEC|ANSI|CAN|DIN|ASTM)\b")


def ids23_case_file_numbers(text: Text) -> list[Hit]:
    hits = []
    for match in IDS23_CASE_FILE.finditer(text.value):
        code = match["code"]
        if sum(character.isdigit() for character in code) < 5 or TENTH_YEARS_OR_PHONE.fullmatch(code):
            continue
        if IDS23_A_STANDARDS_NUMBER.match(code):  # « le dossier ISO 9001-2015 de la clinique »
            continue
        if IDS19_DATE_AFTER_A_CODE.search(code) or IDS23_SLASHED_DATE.search(code):  # a birth date: « DDN 1934-06-21 »
            continue
        hits.append(Hit(Category.RECORD_NUMBER, match.start("code"), match.end("code"), "record_number"))
    return hits


RULES = (*RULES, ids23_case_file_numbers)


# A prescription's number at the pharmacy is the patient's: "Ordonnance no RX 3318452", « l'ordonnance no 0047-22618
# », "prescription #4471920", "Rx no. 3318452". A French law's ordinance is numbered by its year and dated: « ordonnance
# n° 2020-306 du 25 mars 2020 ».
IDS23_PRESCRIPTION_NUMBER = re.compile(
    r"(?<!\w)(?:(?i:ordonnance|prescription|script)\s+(?i:no\.?|n°|numéro|number|#)|(?i:Rx)\s*(?i:no\.?|n°|#|number))"
    r"\s*:?\s*(?P<code>(?:RX\s*)?\d[\d -]{4,}\d)(?![\w-])"
    r"|(?<!\w)RX\s*(?P<rx>\d{6,10})(?![\w-])"
)
IDS23_ORDINANCE_OF_A_LAW = re.compile(r"(?:19|20)\d\d-\d{1,5}\s+du\s+\d")


def ids23_prescription_numbers(text: Text) -> list[Hit]:
    hits = []
    for match in IDS23_PRESCRIPTION_NUMBER.finditer(text.value):
        group = "code" if match["code"] else "rx"
        if IDS23_ORDINANCE_OF_A_LAW.match(text.value, match.start(group)):
            continue
        if sum(character.isdigit() for character in match[group]) >= 6:
            hits.append(Hit(Category.RECORD_NUMBER, match.start(group), match.end(group), "record_number"))
    return hits


RULES = (*RULES, ids23_prescription_numbers)


# A province's plan by its two-letter abbreviation, then "health" and the number at once: "MB health 109 482 736", "SK
# health card 712 048 336", "NS health no. 0012 345 678".
IDS23_PROVINCE_HEALTH_NUMBER = re.compile(
    r"(?<![\w-])(?:AB|BC|SK|MB|ON|QC|NB|NS|PE|PEI|NL|YT|NT|NWT|NU)\s+(?i:health)(?:\s+(?i:card|number|no\.?|#))?"
    r"\s*:?\s*(?P<number>\d{3,4}[ -]?\d{3}[ -]?\d{3}(?:[ -]?\d)?)(?![\w-])"
)


def ids23_health_numbers_after_a_provinces_initials(text: Text) -> list[Hit]:
    return [
        Hit(Category.HEALTH_CARD, match.start("number"), match.end("number"), "health_card")
        for match in IDS23_PROVINCE_HEALTH_NUMBER.finditer(text.value)
    ]


RULES = (*RULES, ids23_health_numbers_after_a_provinces_initials)


# A working boat's name, quoted after its kind or its owner, names its skipper on every wharf, as a registration does:
# « son bateau, le « Marie-Ève II » », « Le crabier « Capitaine Bujold » », « Le « Sylvie-Anne », chalutier »,
# "his lobster boat, the 'Lady Jocelyne'". A ferry, a cruise ship or a tall ship named in quotes is public: « le
# traversier « Madeleine » », "the cruise ship 'Ocean Star'".
_IDS23_WORKING_BOAT = (
    r"bateau|bateau de pêche|crabier|chalutier|homardier|caseyeur|palangrier|senneur|cordier|doris|chaloupe|barque|"
    r"voilier|goélette|canot|zodiac|pêcheur|boat|fishing boat|lobster boat|crab boat|trawler|dragger|seiner|longliner|"
    r"skiff|dory|sailboat|schooner|vessel|yacht"
)
_IDS23_QUOTED_NAME = r"(?P<name>[«\"“']\s*[A-ZÉÈÀÂÎÔÇ][\w'’. -]{1,40}?\s*[»\"”'])"
IDS23_BOAT_THEN_NAME = re.compile(
    rf"\b(?i:{_IDS23_WORKING_BOAT})\b\s*,?\s*(?:(?i:le|la|the|named|nommé|appelé|baptisé)\s+){{0,2}}{_IDS23_QUOTED_NAME}"
)
IDS23_NAME_THEN_BOAT = re.compile(
    rf"\b(?i:le|la|the)\s+{_IDS23_QUOTED_NAME}\s*,\s*(?:(?i:un|une|a|an|son|sa|his|her|their|notre)\s+)?"
    rf"(?i:{_IDS23_WORKING_BOAT})\b"
)
IDS23_PUBLIC_SHIP = words(
    "traversier", "ferry", "navire de croisière", "cruise", "paquebot", "brise-glace", "icebreaker", "garde côtière",
    "coast guard", "musée", "museum", "tall ship", "trois-mâts", "frégate", "frigate", "replica", "réplique",
)  # fmt: skip


def ids23_names_of_working_boats(text: Text) -> list[Hit]:
    if not any(quote in text.value for quote in "«\"“'"):
        return []
    hits = []
    for pattern in (IDS23_BOAT_THEN_NAME, IDS23_NAME_THEN_BOAT):
        for match in pattern.finditer(text.value):
            # Said of the boat itself, not of a ferry that did not sail earlier in the sentence.
            if not IDS23_PUBLIC_SHIP.search(text.value, max(0, match.start() - 25), match.end() + 25):
                hits.append(Hit(Category.PLATE, match.start("name"), match.end("name"), "plate"))
    return hits


RULES = (*RULES, ids23_names_of_working_boats)


# A person's account told by what they post under it: "posts her art on Instagram as @…", « publie ses dessins sur
# TikTok sous @… »; by the care it tells of: « Le fil Instagram @… raconte chaque jour l'hospitalisation de son fils »,
# "the TikTok @… documents her son's chemo"; or set beside the person in apposition: « Femme enceinte de 20 semaines,
# TikTok @…, qui publie ses idées noires ». The clinic's own ("follow us on Instagram @…") is said with us and ours.
_IDS23_NETWORK = r"(?:instagram|insta|ig|tiktok|facebook|youtube|snapchat|x|twitter|threads|bluesky)"
IDS23_POSTS_AS = re.compile(
    r"\b(?:posts?|posted|posting|shares?|shared|sharing|goes|went|publie|publiait|poste|postait|partage|partageait)\s+"
    r"(?:(?:her|his|their|ses|son|sa|leurs?)\b[^.!?\n@]{0,40}?\s+)?(?:on|sur)\s+"
    rf"{_IDS23_NETWORK}\s+(?:as|under|by|sous(?: le nom(?: de)?)?|comme)\s+(?P<handle>@[\w.]*\w)",
    re.IGNORECASE,
)
IDS23_ACCOUNT_TELLS_OF_CARE = re.compile(
    rf"(?:\b(?:fil|compte|page|account|feed|chaîne|channel)\s+{_IDS23_NETWORK}|"
    rf"\b{_IDS23_NETWORK}\s+(?:account|page|feed|channel))\s+(?P<handle>@[\w.]*\w)"
    r"\s+(?:raconte|relate|documente|partage|suit|tells|documents|chronicles|shares|follows)\b[^.!?\n]{0,80}?"
    r"(?:\b(?:son|sa|ses|her|his|their)\s+(?:fils|fille|bébé|enfant|enfants|mari|femme|son|daughter|baby|child|kids|"
    r"husband|wife|cancer|chimio|chemo|diagnostic|diagnosis|greffe|transplant)\b|"
    r"\b(?:hospitalisation|hospitalization|chimio|chemo|greffe|transplant)\b)",
    re.IGNORECASE,
)
IDS23_PERSON_THEN_ACCOUNT = re.compile(
    r"\b(?:\d{1,3}\s*(?:ans|years?|yo|semaines|weeks)|year-old|patiente?|patient|femme|homme|woman|man|mother|mère|"
    r"maman|mom|mum|père|father|dad|papa|ado|teen|girl|boy|fille|garçon|enceinte|pregnant)\b[^.!?\n@]{0,40}?,\s*"
    rf"{_IDS23_NETWORK}\s*:?\s*(?P<handle>@[\w.]*\w)",
    re.IGNORECASE,
)

IDS23_TITLE_DOT_BEFORE = re.compile(r"\b(?:Dr|Dre|Prof|Pr)\.\s*$")
IDS23_TITLED_PERSON = re.compile(r"\b(?:Dr|Dre|Prof|Pr)\.?\s+[A-ZÉ]")


def ids23_accounts_told_by_what_they_post(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    hits = []
    for pattern in (IDS23_POSTS_AS, IDS23_ACCOUNT_TELLS_OF_CARE, IDS23_PERSON_THEN_ACCOUNT):
        for match in pattern.finditer(text.value):
            # A colleague's account, said with their title or role: "Dr. Haddad posts her sketches on Instagram as @…".
            sentence_start, _ = text.sentence_around(match.start())
            if IDS23_TITLE_DOT_BEFORE.search(text.value, max(0, sentence_start - 8), sentence_start):
                sentence_start = text.sentence_around(max(0, sentence_start - 2))[0]  # "Dr." did not end a sentence
            before_handle = text.value[sentence_start : match.start("handle")]
            if IDS21_COLLEAGUE_BEFORE.search(before_handle) or IDS23_TITLED_PERSON.search(before_handle):
                continue
            if match["handle"] and not IDS21_COLLEAGUES_HANDLE.match(match["handle"]):
                hits.append(Hit(Category.URL_HANDLE, match.start("handle"), match.end("handle"), "profile"))
    return hits


RULES = (*RULES, ids23_accounts_told_by_what_they_post)


# Belgium's numbers, as a Belgian household writes its own: nine digits for a landline, « 04 555 01 87 » (a one-digit
# zone) or « 081 22 33 44 », ten for a mobile, « 0475 12 34 56 ». Whose it is is read as for any phone.
IDS23_PHONE_BE = re.compile(r"(?<![\d+])(?:0|\+32\s?)(?:\d\s\d{3}|\d{2}\s\d{2}|4\d{2}\s\d{2})\s\d{2}\s\d{2}(?![\d])")


# A practice's notice of its lines: « Maison médicale de Jambes : nouvelle ligne pour les visites à domicile, 081 … ».
IDS23_A_PRACTICES_LINES = words(
    "nouvelle ligne",
    "nouveau numéro",
    "ligne directe",
    "fax",
    "télécopieur",
    "secrétariat",
    "accueil",
    "maison médicale",
)


def ids23_belgian_phones(text: Text) -> list[Hit]:
    if text.language != "fr" or not any(ch.isdigit() for ch in text.value):
        return []
    return [
        Hit(Category.PHONE, match.start(), match.end(), "phone")
        for match in IDS23_PHONE_BE.finditer(text.value)
        if not _a_service_line(text, match.start(), match.end())
        and not text.sentence_has(IDS23_A_PRACTICES_LINES, match.start())
        and (
            IDS23_A_HOMES_LINE.search(text.window(match.start(), match.start(), before=80, after=0))
            or _belongs_to_a_person(text, match.start(), match.end())
        )
    ]


RULES = (*RULES, ids23_belgian_phones)


# ids24. A code is what the word before it names: "her chart YK-…", "tag 00…", "cluster BC-…", « requête labo n° X-… »,
# "flight AB 123", « vol AB-CD 2207 », "member no. 48 771 203". Told beside a person, a code that no other rule reads
# is that person's: a prefix and a number, or a long or grouped run of digits. A bare short number is a count or a
# rank ("tag 3", "flight 6"), a year is a year, a dose or a count has its unit after it.
_IDS24_CODE = (
    # "LBM-34-778120", "E7-1142", "YK-AN-40127", "OMR 2290 K", "PAL 98271643.0001", "SK SM 20817"
    r"(?-i:[A-Z][A-Z0-9]{0,5}(?:[- ][A-Z]{1,5})?[- ](?=\d)[\d.-]*\d(?:\s[A-Z](?![\w'’-]))?)"
    r"|\d{5,12}(?:\.\d{2,6})?"  # "708012394"
    r"|\d{2,4}(?:-\d{2,6}){1,3}"  # "61-2207-88"
    r"|\d{2,3}(?:[ .]\d{3}){2,3}"  # « 48 771 203 »
)
_IDS24_NOT_AFTER = (
    r"(?!\s*(?:%|\$|€|d['’]|(?i:de|millions?|billions?|milliards?|mg|mcg|µg|g|kg|ml|l|ui|iu|units?|unités?|km|people|persons|patients|personnes|cases|cas|"
    r"chf|dollars|francs|euros|members|membres|assurés|doses|tests)\b))"
)
# What the code is, by the word before it; a hunting or fishing licence or card is the holder's, a firearms or
# driver's licence is a government's id of the person.
_IDS24_KIND_RECORD = (
    r"chart|tag|requisition|réquisition|requête(?:\s+(?:de\s+)?labo(?:ratoire)?)?|cluster|grappe|flight|vol|disc|disk|"
    r"disque|member(?:ship)?|membre|adhérent|policy|insurance|assurance|insurer|assureur|mutuelle|caisse|"
    # A compensation board's claim and a student's number: "WCB claim 4471209", « réclamation CNESST 123456789 ».
    r"claim|réclamation|sinistre|student\s+(?:id|number|card)|carte\s+étudiante|numéro\s+(?:d['’])?étudiant|"
    r"(?:fishing|hunting|trapping|outdoors?|angling)\s+(?:licen[cs]e|permit|card)|"
    r"permis\s+de\s+(?:pêche|chasse|piégeage)|(?:carte|card)"
)
_IDS24_KIND_NATIONAL = (
    r"(?:firearms?|gun|possession and acquisition)\s+licen[cs]e|permis\s+(?:de\s+port\s+)?d['’]armes(?:\s+à\s+feu)?|"
    r"driver['’]?s\s+licen[cs]e|permis\s+de\s+conduire|(?-i:PAL|PPA)|"
    # A state's papers of a person: a status card, a work or study permit, « titre de séjour ».
    r"status\s+card|carte\s+de\s+statut(?:\s+d['’]indien)?|(?:work|study|residence)\s+permit|"
    r"permis\s+de\s+(?:travail|séjour|études)|titre\s+de\s+séjour|pr\s+card|carte\s+de\s+résident(?:\s+permanent)?"
)
IDS24_NAMED_CODE = re.compile(
    rf"(?<![\w-])(?:(?P<national>{_IDS24_KIND_NATIONAL})|(?P<record>{_IDS24_KIND_RECORD}))(?![\w-])"
    r"(?:\s+(?:lab|labo|number|no\.?|n°|numéro|nr|id|#))*"
    # The plan or the maker between, by its proper name: « assurance LAMal Groupe Mutuel 48 771 203 ».
    # A whole word each, never cut: "member ID XJH884127303" has no "XJH8841" before a code "27303".
    r"(?:\s+(?-i:[A-Z][\w'’-]+)(?![\w'’-])){0,3}?"
    r"[\s:#,]*(?:(?:is|was|read|reads|said|says|est|était|le|la|:)\s+)?"
    # Whole: not "SSQ 44" of « SSQ 44 118 209 », whose number is the groups after the insurer's initials.
    rf"(?<![\w-])(?P<code>{_IDS24_CODE})(?![\w-]|[.,]\d|\s\d){_IDS24_NOT_AFTER}",
    re.IGNORECASE,
)
IDS24_YEAR = re.compile(r"(?:19|20)\d\d")
IDS24_ANOTHER_KIND = re.compile(r"\b(?:plate|plaque|sn|s/n|serial|série|lot|batch)\b", re.IGNORECASE)
IDS24_DATE_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4}|(?:19|20)\d\d-(?:19|20)?\d\d")
IDS24_PHONE_SHAPED = re.compile(r"\d{3}[ .-]\d{3}[ .-]\d{4}")
# A study's, a standard's, a product's or a coding system's number is no one's: "NCT 04512345", "ISO 9001", "LOT 2291".
IDS24_PUBLIC_PREFIX = re.compile(
    r"(?:NCT|ISRCTN|EUDRACT|ISO|NF|EN|CSA|IEC|ANSI|CAN|DIN|ASTM|ICD|CIM|DSM|ATC|NDC|LOT|REF|SKU|ISBN|DOI|GTIN|UPC|"
    r"RPPS|ADELI|CPSO|CPSS|CPSA|CPSM|CMQ|CPSBC|COVID|SARS|HIV|VIH|HPV|H\d+N\d+)\b",
    re.IGNORECASE,
)
# Someone beside the code: a possessive, a patient, a kin word, a title, an age, in the sentence or the two before.
IDS24_SOMEONE = re.compile(
    rf"\b(?:his|her|their|him|son|sa|ses|leur|lui|elle|patient|patiente|pt|(?:{RELATIVES}))\b|"
    r"\b(?-i:Mr|Mrs|Ms|M|Mme|Mlle)\.?\s+(?-i:[A-ZÉ])|\b\d{1,3}\s*(?:ans|years?|yo|y/o|weeks|semaines)\b|"
    r"\b\d{1,3}-year-old\b|(?<!\w)(?-i:[A-Z]\.\s?[A-Z]\.)|(?-i:\b[A-Z][a-zà-ÿ]+),\s\d{1,3}\s?,|"  # "Peter K., 68,"
    r"\b(?:woman|man|girl|boy|child|kid|baby|infant|teen|elder|femme|homme|garçon|enfant|bébé|ado|aînée?|"
    r"fisherman|hunter|driver|rider|pêcheur|chasseur|conducteur|conductrice)\b",
    re.IGNORECASE,
)
# A trip of one's own or a meeting's is not a patient's: "my flight AC 123 to the conference", « notre vol au congrès ».
IDS24_OWN_TRIP = re.compile(
    r"\b(?:my|our|mon|notre|nos)\s+(?:\w+\s+)?(?:flight|vol)\b|\b(?:conference|congress|congrès|meeting|colloque|"
    r"symposium|webinar|webinaire|journée)\b",
    re.IGNORECASE,
)


def _ids24_beside_someone(text: Text, start: int) -> bool:
    sentence_start, sentence_end = text.sentence_around(start)
    return bool(IDS24_SOMEONE.search(text.value, max(0, sentence_start - 160), sentence_end + 80))


def ids24_codes_named_by_their_kind(text: Text) -> list[Hit]:
    if not any(character.isdigit() for character in text.value):
        return []
    hits = []
    for match in IDS24_NAMED_CODE.finditer(text.value):
        code = match["code"]
        digits = sum(character.isdigit() for character in code)
        number = re.sub(r"^[^\d]*", "", code)
        if digits < 3 or IDS24_YEAR.fullmatch(number) or IDS24_PHONE_SHAPED.fullmatch(number):
            continue
        # Digits and dashes alone: six digits at least, and not a date ("2026-11-30", "30-11-2026").
        if code[0].isdigit() and "-" in code and (digits < 6 or IDS24_DATE_SHAPED.fullmatch(code)):
            continue
        if IDS24_PUBLIC_PREFIX.match(code) or not _ids24_beside_someone(text, match.start("code")):
            continue
        # Another rule's cue said with it: "licence plate tag ABC 123", "tag SN W7-…" are a plate and a serial.
        if IDS24_ANOTHER_KIND.search(text.value, max(0, match.start() - 15), match.start("code")):
            continue
        kind = (match["national"] or match["record"]).lower()
        if kind in ("flight", "vol") and text.sentence_has(IDS24_OWN_TRIP, match.start()):
            continue
        # A bare card or "carte" is said of someone's card only with a code that has letters or is long.
        if kind in ("card", "carte") and digits < 6:
            continue
        category, reason = (
            (Category.NATIONAL_ID, "licence_number") if match["national"] else (Category.RECORD_NUMBER, "named_code")
        )
        # "chart number is MRN 4471823": a file's own abbreviation before the number names its kind again; the
        # number is the identifier, as the record-number rule reads it.
        start = match.start("code")
        kind_again = IDS24_KIND_ABBREVIATION.match(text.value, start)
        if kind_again and kind_again.end() < match.end("code"):
            start = kind_again.end()
        hits.append(Hit(category, start, match.end("code"), reason))
    return hits


IDS24_KIND_ABBREVIATION = re.compile(r"(?:MRN|IPP|NDA|NIP|EMR|DME|HSN|PHN|MR|UR)\s+(?=\d)")

RULES = (*RULES, ids24_codes_named_by_their_kind)


# A vehicle's registration, where people who drive, ride or fish write it: after the word for registering ("the sled's
# registration, YT AB-1234", « immatriculé 143227 »), after the vehicle itself (« la motoneige ABC 1234 K », "the boat
# E-12345", "truck unit 412"), or after a province's or territory's initials in a post about a vehicle ("his truck YT
# 7AB-123", "the red pickup NU 38129"). Letters and digits, or digits alone after a registering word.
_IDS24_VEHICLE = (
    r"truck|pickup|pick-up|car|van|suv|sled|snowmobile|ski-doo|skidoo|snow machine|quad|atv|side-by-side|boat|vessel|"
    r"trailer|rig|semi|motorbike|motorcycle|camion|camionnette|voiture|auto|bateau|remorque|vtt|quatre-roues|"
    r"motoneige|moto|traîneau|embarcation|drives|drove|driving|conduit|conduisait|" + _IDS23_WORKING_BOAT
)
_IDS24_PLATE = r"(?-i:[A-Z0-9]{1,7}(?:[ -][A-Z0-9]{1,5}){0,2})"
IDS24_REGISTERED_CODE = re.compile(
    r"(?<![\w-])(?:registration|registered|immatricul(?:ation|é|ée|és|ées)|enregistrée?)(?:\s+(?:no\.?|n°|number|numéro|#))?"
    r"[\s:#,]*(?:(?:is|was|est|était|au|en|as|sous)\s+)?"
    rf"(?P<plate>(?-i:(?:AB|BC|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)\s)?{_IDS24_PLATE})(?![\w-]|\s\d)",
    re.IGNORECASE,
)
IDS24_VEHICLE_THEN_CODE = re.compile(
    rf"\b(?:{_IDS24_VEHICLE})\b(?:\s+(?:unit|unité|no\.?|n°|#))?\s*,?\s*(?:(?:le|la|the)\s+)?"
    rf"(?P<plate>(?-i:[A-Z][A-Z0-9]{{0,3}}[ -][A-Z0-9]{{2,5}}(?:\s[A-Z](?![\w'’-]))?)|(?i:unit|unité)\s+\d{{2,5}})"
    r"(?![\w-]|\s\d)",
    re.IGNORECASE,
)
IDS24_JURISDICTION_THEN_CODE = re.compile(
    rf"(?<![\w-])(?:AB|BC|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU)\s(?P<plate>{_IDS24_PLATE})(?![\w-]|\s\d)"
)
IDS24_VEHICLE = re.compile(rf"\b(?:{_IDS24_VEHICLE})\b", re.IGNORECASE)
# Not a model ("Ski-Doo MXZ 600", "F-150 2019") nor a health number (a province's initials then nine digits).
IDS24_MODEL_WORDS = words("model", "modèle", "engine", "moteur", "cc", "hp", "ch")


def _ids24_a_plate(plate: str) -> bool:
    digits = sum(character.isdigit() for character in plate)
    return (
        digits >= 3
        and len(plate) <= 11
        and not IDS24_YEAR.fullmatch(re.sub(r"^[A-Z]+[ -]", "", plate))
        and not POSTAL_CA.fullmatch(plate)
        and not IDS24_PHONE_SHAPED.fullmatch(plate)
        and not IDS24_PUBLIC_PREFIX.match(plate)
    )


def ids24_registrations_of_vehicles(text: Text) -> list[Hit]:
    if not any(character.isdigit() for character in text.value) or not IDS24_VEHICLE.search(text.value):
        return []
    hits = []
    for match in IDS24_REGISTERED_CODE.finditer(text.value):
        plate = match["plate"]
        # Digits alone are a registration only in a sentence about a vehicle: « bateau …, immatriculé 143227 ».
        letters = any(character.isalpha() for character in plate)
        if _ids24_a_plate(plate) and (letters or text.sentence_has(IDS24_VEHICLE, match.start())):
            hits.append(Hit(Category.PLATE, match.start("plate"), match.end("plate"), "plate"))
    for match in IDS24_VEHICLE_THEN_CODE.finditer(text.value):
        if _ids24_a_plate(match["plate"]) and not text.sentence_has(IDS24_MODEL_WORDS, match.start()):
            hits.append(Hit(Category.PLATE, match.start("plate"), match.end("plate"), "plate"))
    for match in IDS24_JURISDICTION_THEN_CODE.finditer(text.value):
        plate = match["plate"]
        # A road's number is not a plate: "a truck on the ON 401"; a plate has four digits or letters with them.
        if sum(character.isdigit() for character in plate) < 4 and not any(c.isalpha() for c in plate):
            continue
        # A vehicle told of in the sentence or the one before: "…a cut on the boat. … sees the NU 4471 Q back in".
        sentence_start, _ = text.sentence_around(match.start())
        near = IDS24_VEHICLE.search(text.value, max(0, sentence_start - 120), match.end() + 60)
        if near and _ids24_a_plate(plate) and not text.sentence_has(IDS24_MODEL_WORDS, match.start()):
            hits.append(Hit(Category.PLATE, match.start("plate"), match.end("plate"), "plate"))
    return hits


RULES = (*RULES, ids24_registrations_of_vehicles)


# A number someone was given and still carries, said after its owner: "she still knows her number from then by heart:
# E7-1142", "her mother's disc number: E5-806", « son matricule au sanatorium : K4-210 ». Letters and digits only: a
# bare number after "her number" is a phone's, read by the phone rules.
IDS24_OWN_NUMBER = re.compile(
    r"\b(?:her|his|their|son|sa|leur|own|disc|disk|disque|matricule)\s+(?:[\w'’-]+\s+)?(?:number|numéro|no\.?)\b"
    r"[^.!?\n:]{0,60}:\s*(?P<code>(?-i:[A-Z][A-Z0-9]{0,3}-\d{2,8}))(?![\w-])",
    re.IGNORECASE,
)


def ids24_numbers_people_carry(text: Text) -> list[Hit]:
    return [
        Hit(Category.RECORD_NUMBER, match.start("code"), match.end("code"), "named_code")
        for match in IDS24_OWN_NUMBER.finditer(text.value)
        if not IDS24_PUBLIC_PREFIX.match(match["code"])
    ]


RULES = (*RULES, ids24_numbers_people_carry)


# A person's name on a dating or chat app, written without its "@": "his Grindr profile "Bear_1984"", "if your Hornet
# name is otter_77", « pseudo loulou_13 sur l'appli », « son pseudo Tinder : max.du.13 ». The handle has a digit, an
# underscore or a dot, or mixes cases, to be one; the app's name says it is a person's, not a clinic's page.
_IDS24_APP = (
    r"grindr|hornet|tinder|hinge|bumble|scruff|jack['’]?d|feeld|okcupid|badoo|plenty of fish|pof|kik|discord|snapchat|"
    r"snap"
)
IDS24_APP_NAME = re.compile(
    rf"(?:\b(?:{_IDS24_APP})\s+(?:profile|profil|name|username|handle|pseudo|account|compte|nom)|"
    r"\b(?:pseudo|username|user name|screen name|nom d['’]utilisateur|nom d['’]usager))"
    r"\s*(?:is|est|was|était|:|=)?\s*[\"“«'‘]?\s*"
    r"(?P<handle>(?=[\w.]*(?:[_\d.]|(?-i:[a-z][A-Z])))[A-Za-z][\w.]{2,29}[A-Za-z0-9_])(?![\w.@-])",
    re.IGNORECASE,
)


def ids24_names_on_dating_apps(text: Text) -> list[Hit]:
    return [
        Hit(Category.URL_HANDLE, match.start("handle"), match.end("handle"), "profile")
        for match in IDS24_APP_NAME.finditer(text.value)
        if not IDS21_COLLEAGUES_HANDLE.match("@" + match["handle"])
    ]


RULES = (*RULES, ids24_names_on_dating_apps)


# A handle named as a relative's or a patient's account, the owner said after it: « le compte @… de sa fille a été
# tagué », "the account @… of her son", "@… (her daughter's account)".
IDS24_ACCOUNT_THEN_OWNER = re.compile(
    rf"\b(?:compte|account|profil|profile|page|handle)(?:\s+{_IDS23_NETWORK})?\s+(?P<handle>@[\w.]*\w)\s+"
    r"(?:de|du|d['’]|of)\s*(?:(?:sa|son|ses|leur|la|le|l['’]|une?|his|her|their|the|a|our|my|notre|ma|mon)\s*)?"
    rf"(?:(?:patient|pt)(?:'s|’s)\s+)?(?:{_IDS22_KIN}|patiente?|patient)\b",
    re.IGNORECASE,
)
# A reply that opens on a handle and tells its owner, or their kin, a step of their care: "@… glad your dad is home!
# Tell him the staples come out on the 14th", "@… your wife says you're not resting. Doctor's orders: no lifting for 6
# weeks", « @… les points seront retirés lundi, reposez-vous ». A family's own account thanking the team for its care:
# « @famille_… merci pour le message, on transmet à l'équipe du bloc ».
IDS24_YOU_OR_YOUR_KIN = re.compile(
    rf"\b(?:your|votre|ta|ton|vos)\s+(?:{_IDS22_KIN}|grand-mère|grand-père|mamie|papi|pépère|mémère)\b|"
    r"\b(?:you['’]re|you are|you were|vous êtes|tu es|reposez-vous|repose-toi)\b",
    re.IGNORECASE,
)
IDS24_STEP_OF_CARE = words(
    "staples", "stitches", "sutures", "dressing", "cast", "doctor's orders", "doctor’s orders", "resting",
    "is home", "are home", "back home", "discharged", "follow-up", "follow up", "no lifting", "no driving",
    "come out", "points de suture", "agrafes", "pansement", "plâtre", "ordre du médecin", "ordres du médecin",
    "repos", "reposez-vous", "de retour à la maison", "rentré", "rentrée", "sorti de l'hôpital", "sortie de l'hôpital",
    "rendez-vous de suivi", "retirés", "retirées",
)  # fmt: skip
IDS24_FAMILY_HANDLE = re.compile(r"@(?:famille|family|fam|familia)[_.]", re.IGNORECASE)
IDS24_CARE_TEAM = words(
    "équipe", "team", "bloc", "service", "unit", "unité", "nurses", "infirmières", "soignants", "staff"
)  # fmt: skip
IDS24_ORGANIZATION_HANDLE = re.compile(r"(?:med|doc|clinic|clinique|sant[eé]|health|hop|hosp|chu|gmf|fmf|md)", re.I)


def ids24_handles_of_patients_and_families(text: Text) -> list[Hit]:
    if "@" not in text.value:
        return []
    hits = [
        Hit(Category.URL_HANDLE, match.start("handle"), match.end("handle"), "profile")
        for match in IDS24_ACCOUNT_THEN_OWNER.finditer(text.value)
        if not IDS21_COLLEAGUES_HANDLE.match(match["handle"])
    ]
    opening = IDS20_OPENING_HANDLE.match(text.value)
    if opening and not IDS24_ORGANIZATION_HANDLE.search(opening[1]):
        part = _thread_part_after(text, opening.end())
        told_their_care = IDS24_YOU_OR_YOUR_KIN.search(part) and IDS24_STEP_OF_CARE.search(part)
        family_thanks_team = IDS24_FAMILY_HANDLE.match(opening[1]) and IDS24_CARE_TEAM.search(part)
        if told_their_care or family_thanks_team:
            hits.append(Hit(Category.URL_HANDLE, opening.start(1), opening.end(1), "handle_of_patient"))
    return hits


RULES = (*RULES, ids24_handles_of_patients_and_families)


# A relative or a patient who writes in their own voice gives their own contacts: « je suis le fils de votre patiente.
# Vous pouvez me joindre à …@… ou au 705-… », "I'm her daughter, you can reach me at …". Every mailbox and phone after
# the words for reaching them, to the end of the sentence, is theirs.
IDS24_KIN_SPEAKS = re.compile(
    r"\b(?:je suis|i am|i['’]m|this is|c['’]est)\s+(?:(?:le|la|l['’]|the|his|her|son|sa|votre|your)\s+)?"
    rf"(?:{_IDS22_KIN}|patiente?|patient)\b",
    re.IGNORECASE,
)
IDS24_REACH_ME = re.compile(
    r"\b(?:me joindre|me rejoindre|me contacter|m['’]appeler|me rappeler|m['’]écrire|reach me|contact me|call me|"
    r"text me|email me|e-mail me|write to me|call me back)\b(?:[^.!?\n]|\.(?=\S)){0,160}",  # a mailbox's dots too
    re.IGNORECASE,
)
# A number said to be one's personal line is a person's, whoever's: « sur mon répondeur personnel : 506-… », "my
# personal cell, 613-…", "her private line".
IDS24_PERSONAL_LINE = re.compile(
    r"\b(?:(?:personal|private|perso)\s+(?:cell|cellphone|mobile|line|number|voicemail|phone)|"
    r"(?:répondeur|ligne|numéro|cellulaire|portable|téléphone|cell)\s+(?:personnel(?:le)?|perso|privée?))"
    r"[^.!?\n\d]{0,20}$",
    re.IGNORECASE,
)
# An e-mail said to come from a patient or a relative: "Email from a patient's son at work: …", « un courriel de la
# fille de M. X : … ».
IDS24_MAIL_FROM_SOMEONE = re.compile(
    r"\b(?:e-?mail|courriel|message|note)\s+(?:from|de|du|d['’])\s*(?:(?:a|an|the|my|our|his|her|un|une|le|la|sa|son|"
    rf"mon|ma|l['’])\s*)?(?:(?:patient|pt)(?:'s|’s)\s+)?(?:{_IDS22_KIN}|patiente?|patient)\b[^.!?\n@]{{0,40}}$",
    re.IGNORECASE,
)


def _ids24_a_role_mailbox(match: re.Match[str]) -> bool:
    return bool(ROLE_MAILBOXES.intersection(MAILBOX_PARTS.split(match.group().split("@")[0].lower())))


def _ids24_phones_in(text: Text, start: int, end: int):
    for pattern in (IDS21_PHONE, PHONE_FR):
        for match in pattern.finditer(text.value, start, end):
            if not _a_service_line(text, match.start(), match.end()):
                yield match


def ids24_contacts_people_give_as_theirs(text: Text) -> list[Hit]:
    if not any(character.isdigit() or character == "@" for character in text.value):
        return []
    hits = []
    # Who they are is said before the contacts or just after: « Vous pouvez me joindre au 06…, je suis sa sœur ».
    for reach in IDS24_REACH_ME.finditer(text.value):
        if not IDS24_KIN_SPEAKS.search(text.value, max(0, reach.start() - 200), reach.end() + 60):
            continue
        mails = EMAIL.finditer(text.value, reach.start(), reach.end())
        hits.extend(Hit(Category.EMAIL, m.start(), m.end(), "email") for m in mails if not _ids24_a_role_mailbox(m))
        phones_given = _ids24_phones_in(text, reach.start(), reach.end())
        hits.extend(Hit(Category.PHONE, m.start(), m.end(), "phone") for m in phones_given)
    for match in _ids24_phones_in(text, 0, len(text.value)):
        if IDS24_PERSONAL_LINE.search(text.value, max(0, match.start() - 60), match.start()):
            hits.append(Hit(Category.PHONE, match.start(), match.end(), "phone"))
    for match in EMAIL.finditer(text.value) if "@" in text.value else ():
        if _ids24_a_role_mailbox(match):
            continue
        if IDS24_MAIL_FROM_SOMEONE.search(text.value, max(0, match.start() - 100), match.start()):
            hits.append(Hit(Category.EMAIL, match.start(), match.end(), "email"))
    return hits


RULES = (*RULES, ids24_contacts_people_give_as_theirs)


# ids25. A US plan's member number, said after the plan: Medicaid by its states' own names ("MaineCare ID M10482937",
# "her MassHealth card, 100298374651"), Medicare, a private insurer's "member ID XJH884127303". The number may come a
# few words on in the sentence ("read her son's Medicaid number out loud in a full waiting room, VT 0038-61472"); it
# has seven digits at least (or is New York's client id, letters around five digits), is neither a phone number nor
# a date, and someone is beside it.
IDS25_US_PLAN = re.compile(
    r"\b(?:medicaid|medicare|mainecare|masshealth|medi-cal|tenncare|badgercare|soonercare|ahcccs|husky|tricare|"
    r"blue\s+cross(?:\s+blue\s+shield)?|bcbs|aetna|cigna|humana|united\s?healthcare|kaiser|"
    r"(?:insurance|subscriber|member|policy)\s+(?:id|number|no\.?|#))(?![\w-])",
    re.IGNORECASE,
)
# New York's client id, letters around digits: "CIN KX48215R", "Medicaid TQ66013M".
IDS25_CLIENT_ID = re.compile(r"[A-Z]{2}\d{5}[A-Z]")
IDS25_PLAN_NUMBER_LATER = re.compile(
    r"[^.!?\n]{0,70}?(?<![\w-])(?P<number>(?-i:[A-Z]{1,4})[ -]?\d[\d -]{5,14}\d|\d[\d -]{5,14}\d"
    rf"|(?-i:{IDS25_CLIENT_ID.pattern}))(?![\w-]|[.,]\d)"
)
IDS25_PHONE_OR_DATE = re.compile(r"(?:1[ -])?\d{3}[ .-]\d{3}[ .-]\d{4}|\d{1,4}[-/]\d{1,2}[-/]\d{1,4}")


def ids25_us_plans_member_numbers(text: Text) -> list[Hit]:
    if not any(character.isdigit() for character in text.value):
        return []
    hits = []
    for cue in IDS25_US_PLAN.finditer(text.value):
        after = IDS25_PLAN_NUMBER_LATER.match(text.value, cue.end())
        if not after:
            continue
        number = after["number"]
        digits = sum(character.isdigit() for character in number)
        if (
            digits < 5
            or IDS25_PHONE_OR_DATE.fullmatch(number)
            or (digits < 7 and not IDS25_CLIENT_ID.fullmatch(number))
        ):
            continue
        if _ids24_beside_someone(text, after.start("number")):
            hits.append(Hit(Category.HEALTH_CARD, after.start("number"), after.end("number"), "health_card"))
    return hits


RULES = (*RULES, ids25_us_plans_member_numbers)


# Medicare's beneficiary identifier has a shape of its own, eleven characters in three groups: a digit, a letter, a
# letter or digit, a digit; a letter, a letter or digit, a digit; two letters, two digits ("1EG4-TE5-MK73"); the letters
# are never S, L, O, I, B or Z.
_IDS25_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
IDS25_MEDICARE_BENEFICIARY_ID = re.compile(
    rf"(?<![\w-])[1-9]{_IDS25_MBI_LETTER}[0-9AC-HJKMNP-RT-Y]\d-?{_IDS25_MBI_LETTER}[0-9AC-HJKMNP-RT-Y]\d-?"
    rf"{_IDS25_MBI_LETTER}{{2}}\d\d(?![\w-])"
)


def ids25_medicare_beneficiary_ids(text: Text) -> list[Hit]:
    return [
        Hit(Category.HEALTH_CARD, match.start(), match.end(), "health_card")
        for match in IDS25_MEDICARE_BENEFICIARY_ID.finditer(text.value)
    ]


RULES = (*RULES, ids25_medicare_beneficiary_ids)


# Ontario's driver's licence has a shape no other number has: the surname's initial, four digits, five, five
# ("M4128-30275-51205"). A driver's licence is a record of the person in the corpus's labels.
IDS25_ONTARIO_DRIVERS_LICENCE = re.compile(r"(?<![\w-])[A-Z]\d{4}[- ]?\d{5}[- ]?\d{5}(?![\w-])")


def ids25_ontario_drivers_licences(text: Text) -> list[Hit]:
    return [
        Hit(Category.RECORD_NUMBER, match.start(), match.end(), "licence_number")
        for match in IDS25_ONTARIO_DRIVERS_LICENCE.finditer(text.value)
    ]


RULES = (*RULES, ids25_ontario_drivers_licences)


# A postal code is its own identifier inside an address, as the corpus labels it: "12 rue du Fontenoy, 59100
# Roubaix", "Peabody Hill Road in Brownington, 05860". Whichever rule or model read the address, its code is reported
# as a postal code too, and an "address" that is only a code and a town ("59100 Roubaix") is the code alone: a town
# alone locates no one.
IDS25_CODE_IN_ADDRESS = re.compile(
    r"(?<![\w-])(?:"
    r"[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d"  # Canada's
    # A ZIP or a French code after the town, last in the address: "Brownington, 05860"; not a street's number
    # after the flat's (« appartement 3, 10480 avenue Pelletier »).
    r"|(?<=, )\d{5}(?:-\d{4})?(?=[,.;)]?\s*$)"
    r"|(?<=\b[A-Z]{2} )\d{5}(?:-\d{4})?(?=[,.;)]?\s*$)"  # after a state: "VT 05860"
    r")(?![\w-])"
)
# Before the town in French, Belgian and Swiss addresses, after the street ("12 rue du Fontenoy, 59100 Roubaix") or
# alone with its town ("1030 Schaerbeek"); not a street's number ("1820 Ocean Drive").
IDS25_CODE_BEFORE_TOWN = re.compile(r"(?:(?<=, )|^)\d{4,5}(?=\s+[A-ZÉ][a-zéèà])")
IDS25_TOWN = r"[A-ZÉÎ][\w'’-]*(?:[\s-]+[A-ZÉÎ][\w'’-]*){0,2}"
IDS25_CODE_AND_TOWN = re.compile(rf"\d{{4,5}}\s+{IDS25_TOWN}")
IDS25_TOWN_ALONE = re.compile(rf"[\s,()-]*(?:{IDS25_TOWN})?[\s,()-]*")
# A street's kind says the capitalised words are a street, not a town: "1820 Ocean Drive".
IDS25_STREET_KIND = re.compile(
    r"\b(?:drive|dr|road|rd|street|st|avenue|ave|lane|ln|way|boulevard|blvd|court|crescent|place|highway|hwy|"
    r"route|trail|rue|chemin|rang|allée|impasse|quai|cours|bd|av)\b",
    re.IGNORECASE,
)


def _ids25_a_town(span: str, pattern: re.Pattern[str]) -> bool:
    return bool(pattern.fullmatch(span)) and not IDS25_STREET_KIND.search(span)


def ids25_postal_codes_out_of_addresses(text: Text, hits: list[Hit]) -> list[Hit]:
    """``hits`` with each address's postal code reported as one, and a code-and-town "address" as the code alone."""
    codes_found = [hit for hit in hits if hit.category == Category.POSTAL_CODE]
    kept, codes_added = [], []
    for hit in hits:
        if hit.category != Category.ADDRESS:
            kept.append(hit)
            continue
        span = text.value[hit.start : hit.end]
        inside = list(IDS25_CODE_IN_ADDRESS.finditer(span))
        if text.language == "fr":
            before_town = IDS25_CODE_BEFORE_TOWN.finditer(span)
            inside += [m for m in before_town if m.start() > 0 or _ids25_a_town(span, IDS25_CODE_AND_TOWN)]
        for match in inside:
            start, end = hit.start + match.start(), hit.start + match.end()
            if not any(code.start < end and start < code.end for code in codes_found + codes_added):
                codes_added.append(Hit(Category.POSTAL_CODE, start, end, "postal_code"))
        after = IDS27_CODE_AFTER_ADDRESS.match(text.value, hit.end)
        if after and not inside:
            start, end = after.span("code")
            if not any(code.start < end and start < code.end for code in codes_found + codes_added):
                codes_added.append(Hit(Category.POSTAL_CODE, start, end, "postal_code"))
        rest = re.sub("|".join(re.escape(match[0]) for match in inside), "", span) if inside else span
        if not (inside and _ids25_a_town(rest, IDS25_TOWN_ALONE)):
            kept.append(hit)
    return kept + codes_added


# The code right after an address found without it, past the town and the state: "1422 E Olive St, 98122", "412
# Sunflower Ave, Indianola, MS 38751", "27 Church St, Rolling Fork 39159", "rue des Pâquis 27, 1201 Genève". The
# sixteenth session's unseen authors wrote eight such codes the guard missed.
IDS27_CODE_AFTER_ADDRESS = re.compile(
    r",?\s*(?:(?-i:[A-ZÉ][\w'’.-]*)(?:[\s-]+(?-i:[A-ZÉ][\w'’.-]*)){0,2},?\s+)?(?:(?-i:[A-Z]{2}),?\s+)?"
    r"(?P<code>(?-i:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)|\d{5}(?:-\d{4})?"
    r"|\d{4}(?=\s+[A-ZÉ][a-zéèà]))(?![\w-])"
)


# A patient's boat by its name, which the harbour knows as well as a plate: "His boat, the Lady Marlene",
# « son bateau, le « Marie-Ève II » », « le crabier « Capitaine Bujold » », « à bord du Marie-Soleil II », "the boat's
# name on his hoodie: Miss Madison II", « la pirogue s'appelle « Mi Lobi Yu » ». The name is one to four capitalised
# words, a roman numeral or a number after them, and someone is beside it.
_IDS25_BOAT = (
    r"boat|vessel|trawler|dragger|longliner|seiner|skiff|lobster\s+boat|crab\s+boat|bateau|navire|chalutier|crabier|"
    r"homardier|caseyeur|yole|pirogue|chaland|voilier|canot"
)
_IDS25_BOAT_NAME = (
    r"[«\"“]?\s*(?P<name>(?-i:[A-Z][\w'’-]+(?:[ -](?:[A-Z][\w'’-]*|II|III|IV|\d{1,2}))*"
    r"|[A-Z][\w'’-]*(?:\s+[a-zà-ÿ]{1,4}){0,2}(?=\s*[»\"”])(?:\s+[A-Z][\w'’-]*)*))\s*[»\"”]?"
)
IDS25_BOAT_NAMED = re.compile(
    rf"\b(?:{_IDS25_BOAT})(?:['’]s\s+name)?"
    # "His boat, the …", "the boat's name on his hoodie: …", « la pirogue s'appelle … », « le crabier « … » ».
    r"(?:\s*,\s*(?:the|le|la|l['’])\s+|[^.!?\n:]{0,40}:\s+|\s+(?:named|called|s['’]appelle|nommée?|baptisée?)\s+|"
    r"\s+(?=[«\"“]))"
    rf"{_IDS25_BOAT_NAME}",
    re.IGNORECASE,
)
IDS25_ABOARD = re.compile(
    rf"\b(?:à\s+bord\s+(?:du|de\s+la|de\s+l['’])|aboard(?:\s+the)?|on\s+board(?:\s+the)?)\s+{_IDS25_BOAT_NAME}",
    re.IGNORECASE,
)

IDS25_BOAT_WORD = re.compile(rf"\b(?:{_IDS25_BOAT}|à\s+bord|aboard|on\s+board)\b", re.IGNORECASE)


def ids25_boats_by_their_names(text: Text) -> list[Hit]:
    if not IDS25_BOAT_WORD.search(text.value):
        return []
    hits = []
    for pattern in (IDS25_BOAT_NAMED, IDS25_ABOARD):
        for match in pattern.finditer(text.value):
            if _ids24_beside_someone(text, match.start("name")):
                hits.append(Hit(Category.PLATE, match.start("name"), match.end("name"), "plate"))
    return hits


RULES = (*RULES, ids25_boats_by_their_names)


# Sixteenth session: slips of the four new authors the model had not read (tune_author59–62), each a way of writing
# a number that no rule read.

# A device's serial in apposition or after "n°", the maker's name between: « Son générateur, NX2-3817740, est installé
# dans le garage », « le cycleur, n° CLR-38-0092841 », « glucomètre FreeStyle n° MHGT193-P4421 ». A serial has letters
# and at least four digits, so a phone or a count is none.
IDS27_DEVICE_THEN_SERIAL = re.compile(
    r"(?<!\w)(?:cycleur|cycler|générateur|generator|dialysis machine|machine de dialyse|moniteur|monitor|glucomètre|"
    r"glucometer|lecteur de glycémie|pompe|pump|concentrateur|concentrator|cpap|bipap|ventilateur|ventilator|"
    r"défibrillateur|defibrillator|stimulateur|pacemaker|capteur|sensor|appareil auditif|hearing aid)"
    r"(?:\s+(?-i:[A-Z][\w-]*)){0,2}\s*(?:,\s*(?:(?:n°|no\.|#|serial)\s*)?|(?:n°|no\.|#)\s*)"
    r"(?P<serial>(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){4})[A-Z0-9]+(?:-[A-Z0-9]+)+)(?![\w-])",
    re.IGNORECASE,
)
# A claim's or a member's file, the body that keeps it between: "Claim 4418273", « Dossier CNESST 125 884 307 »,
# « adhérent MGEN 2288 4417 03 ». Not an amount or a count after it.
IDS27_FILE_OF_A_BODY = re.compile(
    r"(?<![\w-])(?:claim|réclamation|dossier|adhérente?|member|membre)(?:\s+(?:no\.?|n°|number|numéro|#))?"
    # Not a phone written on the file: « son téléphone écrit sur le dossier : 04 67 55 01 84 ».
    r"[\s:,]+(?:(?-i:[A-Z]{2,6})[\s:,]+)?(?!0\d(?: \d\d){4})(?P<number>\d[\d ]{5,14}\d)(?![\w-])"
    r"(?!\s*(?:\$|€|dollars|euros|patients|people|personnes|cas|cases|visits|visites))",
    re.IGNORECASE,
)
# A dialysis station is a patient's place three times a week: « Séance décalée à 14 h au poste 9 ».
IDS27_DIALYSIS_STATION = re.compile(r"(?<!\w)(?:poste|station)\s*\d{1,2}(?![\w-])", re.IGNORECASE)
IDS27_DIALYSIS = re.compile(r"dialys|séance", re.IGNORECASE)


def ids27_serials_files_and_stations(text: Text) -> list[Hit]:
    if not any(ch.isdigit() for ch in text.value):
        return []
    hits = [
        Hit(Category.DEVICE_SERIAL, match.start("serial"), match.end("serial"), "device_serial")
        for match in IDS27_DEVICE_THEN_SERIAL.finditer(text.value)
    ]
    hits += [
        Hit(Category.RECORD_NUMBER, match.start("number"), match.end("number"), "record_number")
        for match in IDS27_FILE_OF_A_BODY.finditer(text.value)
        if sum(ch.isdigit() for ch in match["number"]) >= 7
    ]
    if IDS27_DIALYSIS.search(text.value):
        hits += [
            Hit(Category.ROOM, match.start(), match.end(), "room")
            for match in IDS27_DIALYSIS_STATION.finditer(text.value)
        ]
    return hits


RULES = (*RULES, ids27_serials_files_and_stations)
