"""People in clinical context: names, dates of birth and care, great ages, beds and rooms, encounter stories.

A name alone is not a finding: colleagues ("Dr. Patel"), public figures ("Premier Ford") and
organizations are named all the time. A name is flagged when the text ties it to care: a courtesy
title used the way clinicians speak of patients ("Mrs. Jones", "Mr. K", "Mme Tremblay"), the word
patient or a patient's relative in front of it, an age after it ("Marjorie, 91"), or a first name
doing what patients do ("Noah was born at 24 weeks").
"""

from __future__ import annotations

import datetime
import re

from privacy import lexicon
from privacy.base import Category, Hit, Text, words

# "Tremblay", "Jean-Luc", and with an elided particle or a prefix, "O'Connor", "D'Amours", "McDavid", "MacLeod", or a
# capital inside as Acadian and Italian surnames have it, "LeBlanc", "DeSouza", "DiNardo" (read whole, not as "Le").
NAME_WORD = (
    r"(?:[DLO]['’]|(?:Ma?c|Le|La|De|Di|Du|Van)(?=[A-Z][a-zà-ÿ]))?"
    r"[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ'’]+(?:-[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ'’]+)?"
)
INITIALS = r"[A-Z]\.?(?:\s?[A-Z]\.)?(?![a-z])"
HONORIFIC = re.compile(
    rf"(?<![\w.'’])(?P<title>Mrs?\.?|Ms\.?|Miss|Mx\.?|M\.|Mme|Mlle|[Mm]onsieur|[Mm]adame|[Mm]ademoiselle)"
    rf"(?:\s+(?:and|et)\s+(?:Mrs?\.?|Mme|M\.)\s*)?\s+(?P<name>(?:{NAME_WORD}(?:\s+{NAME_WORD})?)|{INITIALS})"
)
ROLE_THEN_NAME = re.compile(
    rf"(?<!\w)(?P<role>patients?|patientes?|pt|client|cliente|bénéficiaire)\s*,?\s+"
    rf"(?-i:(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?|[A-Z]\.\s?[A-Z]\.|[A-Z]{{2}}(?![\w])))",
    re.IGNORECASE,
)
RELATIVES = (
    # A generation further on, before the shorter words they hold: "her great-niece Ada", « son arrière-petit-fils ».
    "great-grandson|great-granddaughter|great-grandchild|great-grandmother|great-grandfather|great-niece|"
    "great-nephew|great-aunt|great-uncle|arrière-petit-fils|arrière-petite-fille|arrière-grand-mère|"
    "arrière-grand-père|petite-nièce|petit-neveu|grand-tante|grand-oncle|"
    "wife|husband|son|daughter|mother|mom|mum|father|dad|brother|sister|partner|granddaughter|grandson|niece|"
    "nephew|grandmother|grandfather|fiancé|fiancée|girlfriend|boyfriend|"
    "fille|fils|épouse|époux|conjoint|conjointe|mari|femme|mère|père|frère|sœur|soeur|petite-fille|petit-fils|"
    "nièce|neveu|grand-mère|grand-père|copine|copain|chum|blonde|compagnon|compagne|"
    # Both parents at once: "ses parents, Camille et Jonathan"
    "parents|grandparents|grands-parents"
)
RELATIVE_THEN_NAME = re.compile(
    # "My own daughter, Ruth": "own" between the owner and the relative.
    rf"(?<!\w)(?P<owner>[\w'’.]+)\s+(?:(?:own|propre)\s+)?(?:(?:patient'?s|pt'?s|du patient|de la patiente)\s+)?"
    rf"(?P<relative>{RELATIVES})"
    rf"(?:\s+(?:du patient|de la patiente|of the patient))?\s*,?\s+(?-i:(?P<name>{NAME_WORD}))"
    rf"(?:\s+(?:and|et|&)\s+(?-i:(?P<other>{NAME_WORD})))?",
    re.IGNORECASE,
)
OWN_RELATIVE_BEFORE = re.compile(
    rf"\b(?:my|our|mon|ma|mes|notre|nos)\s+(?:own\s+|propre\s+)?(?:{RELATIVES})\s*,?\s*$", re.IGNORECASE
)
OWN_FAMILY = frozenset({"my", "our", "mon", "ma", "mes", "notre", "nos", "i", "me"})
NAME_THEN_AGE = re.compile(
    rf"(?<![\w.'’])(?P<name>{NAME_WORD})\s*(?:,\s*|\(\s*)(?P<age>\d{{1,3}})(?:\s*(?:ans|yo|y/o|years? old))?\s*[,)]"
)
LITTLE_ONE = re.compile(
    rf"(?<!\w)(?:baby|bébé|little|young|le petit|la petite|le jeune|la jeune)(?:\s+(?:boy|girl|garçon|fille))?\s+"
    rf"(?-i:(?P<name>{NAME_WORD}))"
    # "Baby K.", "bébé L": a newborn is often known by an initial
    r"|(?<!\w)(?:baby|bébé)\s+(?-i:(?P<name_initial>[A-Z]\.?))(?![\w])",
    re.IGNORECASE,
)
NAME_DOES = re.compile(
    rf"(?<![\w.'’])(?P<name>{NAME_WORD})(?:\s+{NAME_WORD})?(?:\s+(?:and|et)\s+(?P<other>{NAME_WORD}))?"
    # An aside may stand between the name and what happened: "Samuel Ouellette, who some of you know…, came in".
    r"(?:\s*,\s*(?:who|qui)\s[^,.;:!?]{1,80},)?\s+"
    r"(?:came in|came to (?:our |the |my )?(?:ED|ER|emergency|clinic|office|ward)\b|came to see (?:me|us)|"
    r"walked into (?:our |the |my )?(?:ED|ER|emergency|clinic|office)\b|est venue? (?:à l'urgence|"
    r"aux urgences|me voir|consulter)|presented|was admitted|was discharged|passed away|died|rang the bell|"
    r"was diagnosed|went home|"
    r"was born|were born|would have turned|aurait eu|had (?:her|his) surgery|is walking|is home|is back home|"
    r"is recovering|is out of|"
    r"were discharged|est décédée?|a été admise?|a sonné la cloche|est arrivée?|a reçu son congé|est née?|"
    r"sont née?s|est rentrée? à la maison|sont rentrée?s|remarche|est de retour à la maison|se rétablit)"
)
_IS_AGE = r"\s+(?:is|was|turned|turns|will be|'ll be|a|aura|avait|vient d'avoir|a eu)\s+"
NAME_IS_AGE = re.compile(
    rf"(?<![\w.'’])(?P<name>{NAME_WORD}){_IS_AGE}(?P<age>\d{{1,3}})(?:\s+(?:ans|years? old))?(?![\d%/.,]\d|\s*%)"
)
FULL_NAME_IS_GREAT_AGE = re.compile(
    rf"(?<![\w.'’])(?P<name>{NAME_WORD})\s+(?P<surname>{NAME_WORD}){_IS_AGE}"
    r"(?P<age>9\d|1[01]\d)(?:\s+(?:ans|years? old))?(?![\d%/.,]\d|\s*%)"
)
NAME_WHERE = re.compile(
    # The chair a patient is treated in too: "shoutout to Ernesto in chair 12", « Lucie, au fauteuil 4 ».
    rf"(?<![\w.'’])(?P<name>{NAME_WORD}),?\s+(?:from|in|de la|du|de|au)\s+(?:room|bed|bay|chambre|lit|civière|chair|"
    rf"fauteuil)\s*\d",
    re.IGNORECASE,
)
# "Remembering Walter", "En mémoire de Lucien": a memorial names someone who died in our care.
MEMORIAL = re.compile(
    rf"(?:\b(?:remembering|in memory of|in loving memory of|rest in peace|rip|en mémoire de|à la mémoire de|"
    rf"repose en paix|on se souvient de)\s*,?\s+)(?-i:(?P<name>{NAME_WORD}))",
    re.IGNORECASE,
)
NAME_OF_RELATIVE = re.compile(rf"(?<![\w.'’])(?P<name>{NAME_WORD})(?:'s|’s)\s+(?:{RELATIVES})\b")
NAMED = re.compile(
    rf"(?<!\w)(?:named|called|call me|went by|goes by|known as|nommée?|prénommée?|appelée?|qui s'appelle|"
    rf"qui s'appelait|appelez-moi|appelle-moi|surnommée?|on l'appelait)\s+(?-i:(?P<name>{NAME_WORD}))",
    re.IGNORECASE,
)
# What follows a word after "named" when it is an honour: a province's or a body's title, "of the Year".
NAMED_TO_AN_HONOUR = re.compile(
    r"['’]s\s+[A-Z]|(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:of the [Yy]ear|de l['’][Aa]nnée)\b|\s+(?:Award|Prize|Fellow)\b"
)
STANDALONE_INITIALS = re.compile(r"(?<![\w.'’])[A-Z]\.[A-Z]\.(?:'s|’s)?")
NOT_INITIALS = frozenset({"U.S.", "P.S.", "A.M.", "P.M.", "B.C.", "N.B.", "D.C.", "U.K.", "E.R.", "O.R.", "I.V."})
CLINICAL_CUES = words(
    "patient",
    "pt",
    "seizure",
    "diagnosis",
    "diagnosed",
    "admitted",
    "discharged",
    "bed",
    "chart",
    "report",
    "clinic",
    "hospital",
    "icu",
    "er",
    "ed",
    "ward",
    "patiente",
    "diagnostic",
    "hospitalisé",
    "hospitalisée",
    "lit",
    "dossier",
    "urgence",
    "chsld",
    # France's nursing homes: a resident there is cared for.
    "ehpad",
    "soins",
    "care",
    "treatment",
    "traitement",
)

# French abbreviates months with a dot, or without one on forms: "3 déc. 1931", "2 janv", "14 févr. 2027".
_MONTHS_FR_SHORT = r"(?:janv|févr|fév|fevr|avr|juil|juill|sept|oct|nov|déc|dec)\.?"
DATE_PATTERNS = [
    re.compile(
        rf"(?<!\w)(?:(?:{lexicon.WEEKDAYS_EN})\.?,?\s+)?(?:{lexicon.MONTHS_EN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
        r"(?:,?\s+\d{4})?(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{lexicon.MONTHS_EN})\.?(?:,?\s+\d{{4}})?(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)(?:(?:{lexicon.WEEKDAYS_FR})\s+)?(?:1er|\d{{1,2}})\s+(?:{lexicon.MONTHS_FR}|{_MONTHS_FR_SHORT})"
        r"(?:\s+\d{4})?(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<!\w)(?:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR})\.?\s+\d{{4}}(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w/-])\d{4}([-/.])\d{1,2}\1\d{1,2}(?![\w/-])"),  # "2027-03-14", "1931/12/03"
    # As labels and wristbands print them: "03-Mar-1931", "03 MAR 1931", "3/mars/1931".
    re.compile(
        rf"(?<![\w/-])\d{{1,2}}[-/ ](?:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR})\.?[-/ ]\d{{2,4}}(?![\w/-])",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\w/-])\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})(?![\w/-])"),
]
MONTH_YEAR_ONLY = DATE_PATTERNS[3]
# Days in words: "March third", "the twenty-first of June", « le trois mars », « le vingt et un juin ».
_ORDINALS_EN = (
    r"(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth"
)
_DAYS_FR = (
    r"premier|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|"
    r"dix-huit|dix-neuf|vingt(?:-deux|-trois|-quatre|-cinq|-six|-sept|-huit|-neuf| et un)?|trente(?: et un)?"
)
DATE_PATTERNS.extend(
    [
        re.compile(
            rf"(?<!\w)(?:(?:{lexicon.MONTHS_EN})\.?\s+(?:the\s+)?(?:{_ORDINALS_EN})|"
            rf"the\s+(?:{_ORDINALS_EN})\s+of\s+(?:{lexicon.MONTHS_EN}))(?:,?\s+\d{{4}})?(?!\w)",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<!\w)le\s+(?:{_DAYS_FR})\s+(?:{lexicon.MONTHS_FR})(?:\s+\d{{4}})?(?!\w)", re.IGNORECASE),
    ]
)
# A day and month without a year ("admitted 03/03", "opéré le 5/3") only right after a word of care or birth:
# otherwise it is a score, a fraction or a blood pressure.
DAY_MONTH = re.compile(
    r"(?<!\w)(?:admitted|discharged|seen|born|dob|surgery|operated|died|delivered|transferred|since|on|went home|"
    r"sent home|came in|rentrée?|sortie?|"
    r"admise?|opérée?|née?|le|depuis|vue?|décédée?|transférée?)\s*:?\s*"
    # Day/month as Canada and France write it, or month/day as the US does when the day is past 12 ("3/14");
    # never "24/7".
    r"(?P<date>(?!24/7\b)(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])))"
    r"(?![\w/]|\.\d|\s+(?:of|des?|du|d')\b|\s*(?:of|d')\b)",
    re.IGNORECASE,
)

AGE_PATTERNS = [
    # "At 94 you get all the pudding you want": a great age opening a sentence, then someone or anyone.
    re.compile(r"\bat (?P<age>9\d|1[01]\d),?\s+(?=(?:she|he|they)\b|(?-i:you)\b)", re.IGNORECASE),
    re.compile(
        r"\bat (?P<age>ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one) hundred),?\s+"
        r"(?=(?:she|he|they)\b)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:man|woman|patient|gentleman|lady|veteran|resident|grandmother|grandfather|widow|widower)\s+"
        r"(?:aged|of)\s+(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d)",
        re.IGNORECASE,
    ),
    # One person, or a few counted ("our two centenarians"); not a population ("a country of centenarians").
    re.compile(
        r"\b(?:nonagenarian|centenarian|supercentenarian|nonagénaire|centenaire)\b|"
        r"\b(?:our|my|nos|mes|two|three|deux|trois)\s+(?:\w+\s+)?(?:nonagenarian|centenarian|nonagénaire|centenaire)s\b",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\w.'’])(?:9\d|1[01]\d)\s*-?\s*(?:years?|yrs?)[\s-]*(?:old|young)(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w.'’])(?:9\d|1[01]\d)\s*(?:yo|y/o|y\.o\.|ans|an)(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w.'’])(?:9\d|1[01]\d)(?:st|nd|rd|th|e|ème)\s+(?:birthday|anniversaire)", re.IGNORECASE),
    re.compile(r"(?<![\w.'’])(?:9\d|1[01]\d)\s+(?:candles|bougies|chandelles)(?!\w)", re.IGNORECASE),
    # Case shorthand: "92F with CHF", "94 yo M presenting with…", "91H, admis pour…".
    re.compile(
        r"(?<![\w.'’$])(?P<age>9\d|1[01]\d)\s?(?:yo\s?|y/o\s?|ans\s?)?[FMH](?=\s*(?:with|w/|presenting|presents|"
        r"admitted|avec|pt|patient|hx|h/o|known|s/p|came|brought|from|admise?|connue?|,|\())"
    ),
    re.compile(r"(?<=turned )(?:9\d|1[01]\d)(?!\w)|(?<=a eu )(?:9\d|1[01]\d)(?= ans)", re.IGNORECASE),
    # A person turning that age now: "Ivy Marchand …, who turns 100 today!"; not "the hospital turns 100".
    re.compile(r"(?:(?<=\bwho turns )|(?<=\bshe turns )|(?<=\bhe turns ))(?:9\d|1[01]\d)(?!\w)", re.IGNORECASE),
    re.compile(r"(?<![\w.'’])(?:9\d|1[01]\d)(?:th)(?=\s+birthday)", re.IGNORECASE),
    # "Happy 100th to our patient Evelyn!", « Joyeux 95e à Mme Roy! »: the birthday goes without saying.
    # Not "Happy 90th anniversary to our hospital", « joyeux 100e anniversaire à notre clinique ».
    re.compile(
        r"\b(?:happy|joyeux)\s+(?P<age>(?:9\d|1[01]\d)(?:st|nd|rd|th|e|ème))(?!\w)"
        r"(?!\s+anniversary\b)(?!\s+anniversaire\s+(?:de|à|au)\s+(?:notre|nos|la|l'|du|ce|cette)\b)",
        re.IGNORECASE,
    ),
    re.compile(
        # "She'd be 99 this year": the age a patient who died would have reached.
        r"\b(?:she|he|who|they)(?:\s(?:is|was|will be|would be|would have been)|'ll be|'s|’s|'d be|’d be)\s"
        r"(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d|\s*%)|"
        r"\b(?:elle|il|qui)\s(?:a|aura|avait)\s(?P<age_fr>9\d|1[01]\d)(?=\s+ans)",
        re.IGNORECASE,
    ),
]
# Great ages in words: "ninety-four", "a hundred and one", "quatre-vingt-quatorze", "cent deux".
_NINETY_EN = r"ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
_HUNDRED_EN = r"(?:a|one)\s+hundred(?:\s+and\s+(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
_NINETY_FR = r"quatre-vingt-(?:dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)"
_HUNDRED_FR = r"cent(?:\s+(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix))?"
AGE_PATTERNS.extend(
    [
        re.compile(
            rf"(?<!\w)(?:{_NINETY_EN}|{_HUNDRED_EN})(?:[\s-]*years?[\s-]*old|(?=\s+(?:when|and|at|last|this|on)\b))|"
            rf"\b(?:was|is|turned|turns|aged|of)\s+(?P<age>{_NINETY_EN}|{_HUNDRED_EN})(?![\w-])",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<!\w)(?:{_NINETY_FR}|{_HUNDRED_FR})\s+ans(?!\w)", re.IGNORECASE),
        # "turning 95", "will turn 100", "fête ses 99 ans", "célèbre ses 101 ans".
        re.compile(
            r"\b(?:turning|will turn|is about to turn|fête ses|fêtera ses|célèbre ses|célébrera ses|"
            r"aura bientôt)\s+(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d)",
            re.IGNORECASE,
        ),
        # "(age 95)", "âgée de 93 ans", "aged 97,", "at the age of 96" about one person; groups are kept out below.
        re.compile(
            r"(?<!\w)(?:age of|l'âge de|age|aged|âge|âgée?s?\s+de)\s*:?\s*(?P<age>9\d|1[01]\d)"
            r"(?![\d%/-]|[.,]\d|\s*(?:to|à|-|and|et)\s*\d)",
            re.IGNORECASE,
        ),
    ]
)
# "still doing the church accounts at 100.": a great age closing a clause about someone. Not a reading
# ("sats at 94.", "BP came down to 95/60 at 92."), which the sentence's vital-sign words give away.
AT_AGE_CLOSING = re.compile(r"\bat (?P<age>9\d|1[01]\d)(?=\s*(?:[.!?;]|,\s|$))", re.IGNORECASE)
SOMEONE_IN_SENTENCE = words("she", "he", "her", "his", "elle", "il")
READING_CUES = words(
    "sat",
    "sats",
    "spo2",
    "o2",
    "saturation",
    "bp",
    "pressure",
    "pression",
    "heart rate",
    "hr",
    "pulse",
    "pouls",
    "mmhg",
    "rate",
    "score",
    "weight",
    "poids",
    "kg",
    "lb",
    "glucose",
    "glycémie",
    "temp",
    "km/h",
    "mph",
    "%",
)
# An institution's anniversary: « 100e anniversaire à notre clinique », "100th birthday of our hospital".
ANNIVERSARY_SAID = re.compile(r"(?:anniversaire|birthday|anniversary|\d(?:st|nd|rd|th|e|ème))$", re.IGNORECASE)
ORGANIZATION_ANNIVERSARY = re.compile(
    r"\s*(?:anniversaire|birthday|anniversary)?\s+(?:à|de|au|du|to|of)\s+(?:notre|nos|our|the|la|l'|le)\s*"
    r"(?:clinique|hôpital|hospital|clinic|fondation|foundation|centre|center|association|ordre|collège|college|"
    r"department|département|service|unité|unit|clsc|gmf|chsld|cisss|ciusss|faculté|faculty|école|school)\b",
    re.IGNORECASE,
)
# "Mrs. Oduya (94!)", "our pt (97)": an age in brackets right after a person.
AGE_IN_BRACKETS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mme|M)\.?\s+[A-ZÉ][\w'’-]+|\b(?:patient|patiente|pt|lady|gentleman|dame|monsieur))"
    r"\s*\((?P<age>9\d|1[01]\d)\s*!*\)"
)
# A study's or a registry's figures are about many people: "the oldest participant was 101, the median 82".
AGE_STATISTICS = words(
    "median",
    "médian",
    "médiane",
    "mean age",
    "âge moyen",
    "average age",
    "participant",
    "participants",
    "cohort",
    "cohorte",
    "enrolled",
    "respondents",
    "répondants",
    "range",
    "étendue",
)
# The group may be said after the unit: "aged 90 years and over", « âgées de 90 ans et plus ».
AGE_GROUP_AFTER = re.compile(
    r"^\s*(?:(?:ans|years?(?:\s+old)?|yrs?)\s+)?(?:\+|and (?:older|over|up)|or older|et plus|ou plus|and above)",
    re.IGNORECASE,
)
AGE_GROUP_BEFORE = words(
    "over",
    "above",
    "aged",
    "ages",
    "plus de",
    "de plus de",
    "personnes de",
    "patients de",
    "adults",
    "adultes de",
    "people",
    "those",
    "under",
    "moins de",
)

BED = re.compile(
    r"(?<!\w)(?:(?:icu|er|ed)\s+)?(?:bed|lit|civière|stretcher|"
    # The chair a patient is treated in, week after week: "dialysis chair 4", « fauteuil de chimio 6 ».
    r"(?:dialysis|infusion|chemo|chemotherapy|treatment)\s+chair|fauteuil(?:\s+de\s+(?:dialyse|chimio|perfusion|traitement))?"
    r")\s*#?\s*(?:\d{1,2}[A-Z]?-)?\d{1,3}[A-Z]?(?!\w)",
    re.IGNORECASE,
)
ROOM = re.compile(
    # A resident's apartment in a seniors' residence is their room: « Mme <nom>, appartement 3-12 d'une RPA ».
    r"(?<!\w)(?:room|rm|chambre|ch\.|bay|ward|unit|unité|cubicle|pod|box|resus|réa|trauma|iso|isolement|appartement|"
    # A hallway spot and a palliative suite, as tracking boards and families name them: "in Hall 7", "Suite 3".
    r"apartment|hall|suite|"
    # Operating and birthing rooms as boards write them, in capitals: "OR 6", "LDR 7", "PACU 3" (not "or 6 weeks").
    r"(?-i:OR|LDR|PACU|SDN))\s*#?\s*"
    # "Room 6", "Bay C", and as hospitals number them: "Room 3B-12", "chambre 7-214", "room 4.112".
    # A cubicle or bay lettered then numbered: "cubicle C-14", "bay B2".
    r"(?-i:\d{1,2}[A-Z]?[-.]\d{1,4}[A-Z]?|\d{1,4}[A-Z]?|[A-Z]-?\d{1,3}|[A-Z])(?![\w-]|\.\d)",
    re.IGNORECASE,
)
ROOM_EVENT_CUES = words(
    "rounds(?!\\s+of)",  # teaching rounds, not "four rounds of chemotherapy"
    "talk",
    "lecture",
    "conference",
    "webinar",
    "meeting",
    "seminar",
    "workshop",
    "zoom",
    "session",
    "réunion",
    "conférence",
    "séminaire",
    "atelier",
    "cours",
    "salle",
    "amphithéâtre",
    "auditorium",
    "sim lab",
    "simulation",
    "mannequin",
    "mannequins",
    # Teaching and training: "Dr. Ahmed will speak in Room 201", "orientation in Room 3"; not "he wouldn't speak
    # to any of us".
    "will speak",
    r"speak(?:s|ing)?\s+(?:at|in|on|about)",
    "cme",
    "register",
    "registration",
    "présentera",
    "orientation",
    "training",
    "formation",
    "class",
    "classe",
    "info session",
    "séance d'information",
    "meets",
    "se réunit",
    "council",
    "committee",
    "comité",
)
ROOM_PERSON_CUES = re.compile(
    # Not after a dot: the "m." of "p.m." is a time, not « M. ».
    r"(?<![\w.])(?:patient|patiente|pt|mr\.?|mrs\.?|ms\.?|mme|m\.|monsieur|madame|he|she|his|her|gentleman|lady|"
    r"man|woman|il|elle|sa|son|dame|homme|femme|kid|child|boy|girl|baby|daughter|enfant|garçon|fille|bébé|"
    # A relative at the bedside ties the bed to the one they visit.
    r"mother|father|mom|dad|husband|wife|grandfather|grandmother|grandpa|grandma|grand-père|grand-mère|"
    r"mère|père|mari|épouse|conjointe?|fils|son\s+fils|"
    # « Toute l'équipe du 4e Nord lui a fait une haie d'honneur »; a child patient called "our little one":
    # « Notre petit « Ti-Loup » a soufflé ses bougies dans la chambre 7 » ("ses" alone is also a unit's: « l'unité 6
    # et ses infirmières »).
    r"lui|(?:notre|our)\s+(?:petite?|little)(?!\s+(?:hôpital|hospital|clinique|clinic|unité|unit|ville|town|village|"
    r"équipe|team|communauté|community|centre|center)\b)"
    r")(?!\w)",
    re.IGNORECASE,
)
# A room in a named building is a venue ("Room 1.105 of the Health Sciences Building", "salle 2.14 du
# pavillon Vachon"); a unit or suite right after a street number is part of an address ("200 Wellington
# St., Unit 5").
ROOM_IN_BUILDING = re.compile(
    # or just after a comma, as a venue is listed: "Room 2.104, Kingston Health Sciences Centre".
    r"^(?:,?\s+(?:of|in|at|du|de la|de l'|au)|,)\s+(?:the\s+)?(?:[A-ZÉ][\w'’-]*\s+){0,4}"
    r"(?:Building|Pavilion|Hall|Library|Faculty|School|Campus|Centre|Center|Complex|Tower)\b|"
    r"^,?\s+(?:du|de la|de l'|au)\s+(?:pavillon|bâtiment|faculté|école|campus|complexe)\b",
    re.IGNORECASE,
)
STREET_BEFORE = re.compile(
    r"(?<![\w-])\d{1,5}[A-Z]?,?\s+(?:(?:[\w'’.-]+\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Way|Lane|Crescent|Court)\.?(?:\s+(?:East|West|North|South|E|W|N|S)\b)?|"
    r"(?:rue|avenue|boulevard|boul\.|chemin|route)(?:\s+[\w'’.-]+){1,4}),\s*$"
)
# The room a baby was born in: "born in L&D room 7", « née à 22 h 05, en salle 4 ».
BIRTH_ROOM = re.compile(
    r"(?<!\w)(?:salle(?: d'accouchement| de naissance| de travail)?|delivery room|(?:birthing|delivery|labour|labor) "
    r"(?:room|suite)|L&D room|LDRP?|room|suite)\s*#?\s*"
    r"(?P<number>\d{1,2})(?![\w.,]\d|\w)",
    re.IGNORECASE,
)

RECENT = words(
    "ce midi",
    "today",
    "tonight",
    "this morning",
    "this afternoon",
    "this evening",
    "yesterday",
    "last night",
    "just now",
    "earlier today",
    "this week",
    "overnight",
    "on call last night",
    "aujourd'hui",
    "ce matin",
    "cet après-midi",
    "ce soir",
    "hier",
    "hier soir",
    "cette nuit",
    "tantôt",
    "cette semaine",
    "plus tôt aujourd'hui",
    "last week",
    "last weekend",
    "the other day",
    "the other night",
    "la semaine dernière",
    "la fin de semaine dernière",
    "l'autre jour",
    "l'autre soir",
    *(f"last {day}" for day in "monday tuesday wednesday thursday friday saturday sunday".split()),
    *(f"{day} dernier" for day in lexicon.WEEKDAYS_FR.split("|")),
    # Coming off a shift, a weekend, a named night: the same recency, said another way.
    "this weekend",
    "this past weekend",
    "ce week-end",
    "ce weekend",
    "cette fin de semaine",
    r"just finished (?:a|my|an)\s+(?:[\w-]+\s+){0,2}(?:shift|night|call|stretch|stint)",
    "just got home",
    "just got off",
    "just off",
    "post-call",
    "je sors d'une garde",
    "je sors de garde",
    "je sors d'un quart",
    "je reviens d'une garde",
    # One named night, not "on a Friday evening" or "every Friday night".
    rf"(?<!\ba )(?<!every )(?:{'|'.join(lexicon.WEEKDAYS_EN.split('|')[:7])})\s+(?:night|morning|evening)",
    rf"(?<!\bun )(?<!les )(?:{lexicon.WEEKDAYS_FR})\s+(?:soir|matin)",
    # A time in the small hours pins one night: "at 2 a.m.", "à 2 h du matin".
    r"(?:at|around|about)\s+[1-5](?::\d\d)?\s*(?:a\.m\.|am)",
    r"(?:à|vers)\s+[1-5]\s*h(?:\s*\d\d)?\s+du\s+matin",
    # and around midnight (eleventh session): "brought in around midnight", « Vers minuit, une jeune femme… ». Not "at
    # midnight", which is also New Year's.
    r"(?:around|about|just after|shortly after)\s+midnight",
    r"(?:vers|peu après|juste après)\s+minuit",
    "in the middle of the night",
    # A shift's heading sets the time of what follows: "Busy morning: a 78-year-old farmer…", « Grosse nuit : ».
    r"(?:busy|rough|long|wild|crazy|tough|hard|heavy|intense|quiet)\s+(?:morning|night|shift|day|evening|call)"
    r"(?:\s+(?:in|at|on)\s+[^:!.\n]{1,25})?(?=\s*[:!—–])",
    r"(?:grosse|longue|dure|rude|drôle de)\s+(?:nuit|garde|matinée|journée|soirée)"
    r"(?:\s+(?:à|au|en|aux)\s+[^:!.\n]{1,25})?(?=\s*[:!—–])",
    "au milieu de la nuit",
    "last shift",
    "on my shift",
    "ma dernière garde",
    "mon dernier quart",
    "lors de ma garde",
)
DATED_BACK = re.compile(
    r"\b(?:in|en|last|dernier)\s+(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|\b(?:en|in)\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
    r"décembre)\b|\b(?:years? ago|last year|l'an dernier|l'année dernière|il y a \d+ ans)\b",
    re.IGNORECASE,
)
# "cette nuit où…", "ce soir-là": a night in a story, not tonight.
NOT_RECENT_AFTER = re.compile(r"^(?:\s+où|-là)")
# An anniversary ("Five years ago today", « il y a cinq ans aujourd'hui ») or nowadays (« encore aujourd'hui », "even
# today") dates no one's visit to today (eleventh session).
NOT_RECENT_BEFORE = re.compile(
    r"(?:\b(?:ago|encore|even)|\bil\s+y\s+a\s+[\w-]+\s+(?:ans?|mois|semaines?))\s+$", re.IGNORECASE
)


def said_as_recent(text: Text, match: re.Match, end: int) -> bool:
    """A recent word (``RECENT``) that dates what is told, not a night in a story, an anniversary or nowadays."""
    return not NOT_RECENT_AFTER.match(text.value[match.end() : end]) and not NOT_RECENT_BEFORE.search(
        text.value, max(0, match.start() - 30), match.start()
    )


SETTING = words(
    "er",
    "ed",
    "emerg",
    "emergency",
    "icu",
    "clinic",
    "ward",
    "or",
    "l&d",
    "walk-in",
    "on call",
    "hospital",
    "nicu",
    "picu",
    "trauma bay",
    "urgence",
    "l'urgence",
    "urgences",
    # France's emergency department and mobile unit: « cette nuit au SAU de Mende », « le SMUR ».
    "sau",
    "smur",
    "clinique",
    "la clinique",
    "usi",
    "soins intensifs",
    "unité",
    "l'unité",
    "étage",
    "salle d'accouchement",
    "sans rendez-vous",
    "bloc",
    "hôpital",
    "l'hôpital",
    "garde",
    # Where a patient lies or waits is a setting too.
    "bed",
    "lit",
    "civière",
    "stretcher",
    "corridor",
    "hallway",
    "ambulance bay",
    "waiting room",
    "salle d'attente",
    # A family doctor's office, as Québec says it: « ce matin au bureau », « au cabinet ».
    "au bureau",
    "au cabinet",
    "my office",
    # Remote and rural care: "at the nursing station in Attawapiskat", « au dispensaire ».
    "nursing station",
    "health centre",
    "health center",
    "centre de santé",
    "dispensaire",
    "poste de soins",
    "medevac",
    "air ambulance",
    "évacuation médicale",
)
# An age in words (eleventh session): "a two-year-old", "a seventy-eight-year-old", « un garçon de deux ans ».
_AGE_IN_WORDS_EN = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen)"
)
_AGE_IN_WORDS_FR = (
    r"(?:(?:vingt|trente|quarante|cinquante|soixante|quatre-vingt)s?(?:-et-une?|-(?:deux|trois|quatre|cinq|six|sept|"
    r"huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf))?|dix-sept|dix-huit|dix-neuf|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize)"
)
DESCRIPTOR = re.compile(
    # "a very sick baby", "an elderly man": up to two words of description before the person.
    r"(?<!\w)(?:an?\s+(?:young\s+|elderly\s+|old\s+|older\s+|very\s+|really\s+|sick\s+|injured\s+|frail\s+)?"
    r"(?:young\s+|elderly\s+|old\s+|sick\s+|injured\s+|frail\s+)?"
    rf"(?:(?:\d{{1,3}}|{_AGE_IN_WORDS_EN})[\s-]*(?:years?|yrs?|month|week)[\s-]*old|"
    r"man|woman|boy|girl|teen|teenager|toddler|infant|baby|father|mother|mom|dad|farmer|student|patient|"
    r"gentleman|lady|guy|kid|child|grandmother|grandfather|grandma|grandpa|retiree|worker|trucker|"
    r"hunter|logger|miner|nurse|teacher|fisherman|fisher|referee|hiker|skier|snowmobiler|cyclist|driver|tourist|"
    r"camper|runner|goalie|player|swimmer|diver)|an?\s+(?:young|teenage|middle-aged|pregnant|homeless)\s+[a-z]+|"
    # Someone said by their decade of life: "a fisherman in his late sixties", « un travailleur…, la quarantaine ».
    r"\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?(?:teens|twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties|[2-9]0s)|"
    r"(?:,\s*|\bdans\s+)la\s+(?:vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|septantaine)|"
    # A newborn by its gestation: "a 24-weeker", « un grand prématuré », "a preemie".
    r"an?\s+\d{2}[- ]?weeker|an?\s+(?:preemie|newborn|neonate)|une?\s+(?:grande?\s+)?(?:prématurée?|nouveau-née?)|"
    # French trades, as the English list has them: « une enseignante de Joliette ».
    r"une?\s+(?:enseignante?|agricultrice|camionneur|camionneuse|chasseur|pêcheur|bûcheron|mineur|ouvrière?|"
    r"retraitée?|motoneigiste|cycliste|travailleur|travailleuse|randonneur|randonneuse|pêcheuse|skieur|skieuse|"
    r"automobiliste|conducteur|conductrice|motard|plongeur|plongeuse)|"
    # A whole family brought in: "a family of five", « une famille de cinq ».
    r"an?\s+family\s+of\s+(?:\d+|three|four|five|six|seven|eight)|une\s+famille\s+de\s+(?:\d+|trois|quatre|cinq|six|sept|huit)|"
    r"\d{1,3}\s*(?:yo|y/o)|"
    # An age by decade (eleventh session): "a 30-something cyclist", "an 80-something man", « un octogénaire ».
    rf"an?\s+(?:\d0|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-something|"
    r"une?\s+(?:trentenaire|quadragénaire|quinquagénaire|sexagénaire|septuagénaire|octogénaire|nonagénaire)|"
    # A triage note's bare opening, from a town (eleventh session): "Teenager from <town>, ATV rollover…", "ED tonight:
    # 16-year-old goalie from <town>, puck to the throat", « Ado de <village>, chute de quad… ».
    r"^\s*(?:[^:.!?]{0,40}:\s*)?(?:\d{1,3}[\s-]*(?:years?|yrs?|month|week)[\s-]*old|teen|teenager|man|woman|boy|girl|"
    r"toddler|homme|femme|garçon|fille|ado|adolescente?)\b(?=(?:\s+[\w-]+){0,3}\s+(?:from|de|d['’])\s*(?-i:[A-ZÉ]))|"
    r"une?\s+jeune\s+[a-zà-ÿ]+|"
    r"une?\s+(?:jeune\s+|vieux\s+|vieille\s+)?(?:homme|femme|garçon|fille|adolescente?|jeune|bébé|patiente?|père|mère|"
    rf"enfant|étudiante?|agriculteur|aîné|aînée|dame|monsieur)(?:\s+de\s+(?:\d{{1,3}}|{_AGE_IN_WORDS_FR})\s+(?:ans|mois))?|"
    rf"une?\s+(?:[\w-]+\s+){{1,4}}de\s+(?:\d{{1,3}}|{_AGE_IN_WORDS_FR})\s+(?:ans|mois))(?!\w)",
    re.IGNORECASE,
)
# Someone named with their age, as a ward's news gives them: "Jacob Lindgren, 19, came off ECMO today".
NAMED_WITH_AGE = re.compile(r"(?<![\w.])(?-i:[A-ZÉ][a-zà-ÿ'’-]+(?:\s+[A-ZÉ][a-zà-ÿ'’-]+)?),\s*\d{1,3}(?:\s*ans)?\s*,")
NOT_AN_ENCOUNTER = words(
    # Teaching, or anyone addressed: "Pearl for the residents…", "Teaching thread for the new PGY1s", « Les pièges : »,
    # "If you're a patient or family member who waited…".
    "teaching",
    "pearl",
    "pgy1s?",
    "les pièges",
    "if you're a",
    "if you are a",
    "si vous êtes une?",
    "paper",
    "article",
    "study",
    "documentary",
    "documentaire",
    "reportage",
    "podcast",
    "balado",
    "watched",
    # Someone seen on a screen: "Watching CBC tonight: a young doctor from Iqaluit talks about…".
    "watching",
    "j'ai lu",
    "lu dans",
    "on tv",
    "à la télé",
    "interview",
    "entrevue",
    "reading",
    "read",
    "movie",
    "film",
    "award",
    "prix",
    "gala",
    "won",
    "remporté",
    "joined us",
    "joined our team",
    "s'est jointe?",
    "welcome",
    "bienvenue",
    # A celebration or a congratulation on the ward is not an acute event: « a célébré ses 70 ans de mariage »,
    # « Bravo à Maëlle, 7 ans, qui s'est fait sa première injection ».
    "celebrated",
    "a célébré",
    "wedding anniversary",
    "anniversaire de mariage",
    "ans de mariage",
    "bravo",
    # A teaching case presented, not met: "Tonight's webinar… with a case of a 78-year-old from Sudbury".
    "webinar",
    "webinaire",
    "a case of",
    "case study",
    "un cas de",
    # A birthday on the ward: « a soufflé ses bougies ce matin à l'unité ».
    "candles",
    "bougies",
    "birthday",
    "a fêté",
    "congrats",
    "congratulations",
    "félicitations",
)
TITLE_BEFORE = re.compile(r"\b(?:Dr|Dre|Drs|Prof|Pre|Pr)\.?\s+(?:[A-ZÉ][\w'’-]+\s+)?$")
# Where the patient was met, with the town: "a 16-year-old goalie at tonight's tryouts in Sudbury", « une
# femme de 40 ans au tournoi de Rimouski ».
MET_IN_TOWN = re.compile(
    rf"(?<!\w)(?:at|à|au|aux)\s+(?:[\w'’-]+\s+){{0,4}}(?:in|à|de)\s+(?-i:{NAME_WORD})(?!\w)", re.IGNORECASE
)
ENCOUNTER_WHOLE_COUNTRY = re.compile(
    r"\b(?:France|Canada|Belgique|Suisse|Europe|Afrique|Amérique|Belgium|Switzerland|America|Africa|England|Angleterre)\b"
)
# A place by its name, where something happened: "at Union Station", "at the Eaton Centre", « à Avesnelles », « au
# marché des Capucins ».
ENCOUNTER_NAMED_PLACE = re.compile(
    rf"(?<!\w)(?i:at the|at|à|au|aux)\s+(?:(?i:marché|parc|gare|centre|place|plage|aréna)\s+(?:des|du|de la|de)\s+)?"
    rf"(?-i:{NAME_WORD})(?:\s+(?-i:{NAME_WORD}))?(?!\w)"
)
# A region named where the patient was met: "a 5 y/o today with measles in the Waterloo region", « dans la région de
# Lanaudière », "in Renfrew County".
REGION = re.compile(
    rf"(?<!\w)(?:in|near|around)\s+(?:the\s+)?(?-i:{NAME_WORD})(?:\s+(?-i:{NAME_WORD}))?\s+(?:region|area|county|valley)\b|"
    rf"(?<!\w)(?:dans|de)\s+la\s+(?:région|vallée)\s+(?:de|du|des|d')\s*(?-i:{NAME_WORD})",
    re.IGNORECASE,
)
ORIGIN = re.compile(
    rf"(?<!\w)(?:from|de|d'|du)\s*(?:our\s+|notre\s+|the\s+|la\s+)?(?:{NAME_WORD}|town|village|reserve|"
    r"community|high school|school|rez|polyvalente|région|réserve|communauté|école|rang)(?!\w)"
)


ORGANIZATION_AFTER_NAME = re.compile(
    r"^(?:'s|’s)?\s+(?:[A-Z][a-z]+\s+)?(?:Book|Club|Foundation|Fund|Award|Prize|Lecture|Scholarship|Centre|Center|"
    r"House|Hall|Pavilion|Wing|Institute|Fondation|Prix|Bourse|Pavillon|Maison|Institut)\b"
)


MIDDLE_INITIAL_BEFORE = re.compile(rf"{NAME_WORD}\s$")
FICTION_CUES = words(
    "watching",
    "watched",
    "movie",
    "movies",
    "film",
    # Nouns, not the verbs of care: "to show off his garden", "book your follow-up", "a series of scans".
    r"(?:the|a|this|that|his|her|their|my|our|new|tv|hit|favou?rite)\s+(?:show|series|book)s?(?!\s+of\b)",
    "novel",
    "character",
    "superhero",
    "cartoon",
    # A show's episode, not an illness's: "first-episode psychosis", "an episode of chest pain", « épisode dépressif ».
    r"(?<!first-)(?<!first )(?<!single )(?<!manic )(?<!psychotic )(?<!depressive )episode(?!\s+of\s+(?!the\b))",
    "netflix",
    # "une série", not a device's "no de série"
    "(?<!de\\s)série",
    "roman",
    "personnage",
    "émission",
    "dessin animé",
    "bande dessinée",
    # A singer or a band named with a favourite song is not a patient: "her music (Édith Butler, of course)".
    "music",
    "musique",
    "song",
    "songs",
    "chanson",
    "chansons",
    "singer",
    "chanteur",
    "chanteuse",
    "album",
    "playlist",
    "concert",
)


# A researcher cited: "Ahmed et al. found", "Smith and Jones (2019)", "Gagnon et coll."
STREET = (
    r"(?:rue|avenue|av\.|boulevard|boul\.|chemin|ch\.|rang|route|montée|place|"
    r"(?:[A-Z][\w'’-]+\s+){1,2}(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Crescent|Cres|Blvd|Boulevard|Way|Lane|Court|Place))\b"
)
# The year must be one ("Charron, 4587, avenue des Pins" is an address) and not a street number.
CITED_AFTER = re.compile(
    rf"(?:\s+(?:and|et|&)\s+[A-Z][\w'’-]+)?\s*"
    rf"(?:et al\b|et coll\b|\((?:19|20)\d\d\)|,\s*(?:19|20)\d\d\b(?!,?\s+{STREET}))"
)


# A name after these words names a place, a building or a day, not a person: "the old Princess Margaret",
# "St. Michael's", "au sommet du mont Albert", "chaque Noël", "every Easter".
NOT_A_PERSON_BEFORE = re.compile(
    r"(?<![\w'’-])(?:Princess|Prince|Queen|King|Lady|Sir|Saint|Sainte|St|Ste|Mount|Mt|Mont|mont|monts|Lake|lac|Lac|"
    r"Port|Fort|Cap|cap|Pointe|pointe|Île|île|rivière|River|Pavillon|pavillon|école|École|collège|Collège|rue|Rue|"
    r"avenue|boulevard|chemin|Maison|maison|chaque|each|every|this|next|ce|cet|cette|Joyeux|joyeux|Merry|merry|"
    # A building, a quarter or a hall named like a person: « le bâtiment Tastet-Girard », « le quartier Saint-Roch ».
    r"bâtiment|Bâtiment|quartier|Quartier|amphithéâtre|Amphithéâtre|aréna|Aréna|arena|Arena|"
    # A person's name takes no article: « un agriculteur de la Thiérache », « un vigneron du Médoc ».
    r"de\s+la|du)\.?\s+$"
)
# A holiday after a word of time is the day, whoever shares its name: "the night before Christmas", « avant Noël ».
TIME_WORD_BEFORE = re.compile(
    r"(?<!\w)(?i:before|after|until|till|since|for|over|at|avant|après|jusqu['’]à|depuis|pour|à|de|"
    # "his first Christmas without her", « son dernier Noël »
    r"first|last|next|premier|dernier|prochain)\s+$"
)
HOLIDAY_NAMED = re.compile(r"(?:Noël|Christmas|Easter|Pâques|Thanksgiving|Hanukkah|Halloween|Toussaint)(?!\w)")


# Places of care a town is named after: "the ward in Brandon", « la maternité de Privas », « le SAU de Morlaix ». A
# hospital is often named after a person, so "at" is read only where a town is the likely word ("ward at Stanton").
PLACE_OF_CARE_TOWN_BEFORE = (
    r"(?i:(?:hospital|clinic|ward|unit|ER|ED|ICU|NICU|emergency(?:\s+(?:room|department))?|maternity(?:\s+ward)?|"
    r"birth(?:ing)?\s+cent(?:er|re)|health\s+cent(?:er|re)|nursing\s+(?:home|station)|care\s+home|hospice|"
    r"practice|dispensary|pharmacy)s?\s+(?:in|at|of)"
    r"|(?:hôpital|clinique|polyclinique|urgences?|maternité|SAU|SMUR|réa|réanimation|CHU?|CHR|CHG|CHSLD|CLSC|"
    r"EHPAD|USLD|CMPP?|CMP|PMI|GMF|dispensaire|pharmacie|cabinet|centre\s+de\s+santé|maison\s+de\s+santé|triage|"
    r"faculté\s+de\s+médecine|"
    r"maison\s+de\s+naissance|centre\s+hospitalier|unité)s?\s+(?:de|d['’]|du|à))"
)
# A town named after the place in it: "centre hospitalier de Valence", "the University of Regina", "la ville de
# Laval"; after a street address: "44 Townsend Street, Sydney"; or where someone of an age comes from: « un homme
# de 58 ans de Matane » (a person's name after an age takes no « de »); or where a programme or a shift is: "the
# interpreter program at Stanton", "my residency at Foothills" (hospitals are often named after a person).
TOWN_BEFORE = re.compile(
    # After an elided article too: « l'urgence de Maria », « l'hôpital d'Amos ».
    r"(?:(?<![\w'’-])|(?<=\b[lL]['’]))(?i:hospitalier|hôpital|hospital|CHU?|clinique|clinic|urgence|ville|city|town|village|région|region|"
    r"université|university|collège|college|province|county|comté|municipalité|municipality)\s+(?:de|d['’]|du|of)\s*$"
    r"|(?<![\w-])\d{1,5}[A-Z]?,?\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|"
    r"Way|Lane|Crescent|Cres|Court)\.?,\s*$"
    r"|(?<![\w-])\d{1,5}[A-Z]?,?\s+(?:rue|avenue|boulevard|boul\.|chemin|route)(?:\s+[\w'’.-]+){1,4},\s*$"
    r"|(?<![\w-])\d{1,3}\s+ans\s+(?:de|d['’])\s*$"
    # After a French postal code: "146 rue Léo-Saignat, 33076 Bordeaux".
    r"|(?<![\w-])\d{5}\s+$"
    r"|(?<![\w'’-])(?i:program|programme|clinic|unit|ward|residency|rotation|fellowship|shift|department)s?\s+at\s*$"
    # A town after any place of care, in either language: "the medicine ward in Brandon", "our ER in Prince Rupert",
    # « la maternité de Privas », « au SAU de Mende », « au CMPP d'Annecy ».
    rf"|(?<![\w'’-]){PLACE_OF_CARE_TOWN_BEFORE}\s*$"
)


# "the Mackenzie run", "the Henderson wing", "the Apgar score": a name before a thing names the thing.
THE_BEFORE = re.compile(r"(?<!\w)(?i:the)\s+$")
THING_AFTER = re.compile(
    r"\s+(?:run|trail|slope|road|highway|bridge|building|wing|pavilion|award|prize|lecture|fund|scholarship|hall|"
    r"river|lake|creek|park|arena|rink|field|institute|method|criteria|score|rule|sign|test|manoeuvre|maneuver|"
    r"protocol|program|programme|unit|ward|floor|tower|room|lab|library|collection)\b"
)


def names_a_thing(text: Text, start: int, end: int) -> bool:
    return bool(THE_BEFORE.search(text.value, max(0, start - 5), start) and THING_AFTER.match(text.value, end))


# A town with a place's prefix after a word of origin or place, « un bûcheron de Mont-Laurier », « à l'aréna de
# Saint-Quentin », "from Saint-Louis-de-Kent" (a surname may be Saint-Pierre, so only after « de », "from", "in"); and
# a part of a town's hyphenated name after « -de- » ("Kent" of Saint-Louis-de-Kent).
PLACE_PREFIXED = re.compile(
    r"(?:Saint|Sainte|St|Ste|Mont|Pointe|Port|Lac|Val|Rivière|Baie|Cap|Notre-Dame|Grande?-Rivière|Anse|L['’]Anse)-"
)
ORIGIN_BEFORE = re.compile(r"(?<!\w)(?:de|d['’]|du|à|from|in|of|near|près de)\s*$", re.IGNORECASE)
PART_OF_A_TOWN_BEFORE = re.compile(r"\w-(?:de|du|des|d['’]|sur|en|la|le|les)-$")


def names_a_place(text: Text, start: int) -> bool:
    if PART_OF_A_TOWN_BEFORE.search(text.value, max(0, start - 6), start):
        return True
    if PLACE_PREFIXED.match(text.value, start) and ORIGIN_BEFORE.search(text.value, max(0, start - 10), start):
        return True
    return bool(
        NOT_A_PERSON_BEFORE.search(text.value, max(0, start - 12), start)
        or TOWN_BEFORE.search(text.value, max(0, start - 60), start)
        or (HOLIDAY_NAMED.match(text.value, start) and TIME_WORD_BEFORE.search(text.value, max(0, start - 12), start))
    )


# "Tell him I said hi": what the author said is no public figure's statement.
SAID_BY_THE_AUTHOR = re.compile(r"(?i:\b(?:I|we|you|je|on|nous)\s+(?:said|say|dit|disais))$")
# Said to the author, not to the public: « Sa maman, Mme Lacroix-Ferrand, m'a dit en riant… », "told me".
NAMES21_SAID_TO_THE_AUTHOR = re.compile(r"(?i:\b[mt]['’])$")


# "dialysis chair 4", "chemo chair 12", « fauteuil 3 »: the seat a patient is treated in, not a committee's chair.
TREATMENT_CHAIR = re.compile(r"(?i:chairs?)\s*#?\s*\d")


# A trade after an indefinite article describes a patient, it names no office: "Mme Thibault, une enseignante de
# Dieppe, est venue pour une toux", "a teacher from Moncton".
DESCRIBED_BEFORE_A_ROLE = re.compile(r"(?<!\w)(?:un|une|a|an)\s+(?:[\w'’-]+\s+)?$", re.IGNORECASE)
# A chair is an office only as "the chair", "chair of", "co-chair": "a plastic chair", "his chair" are furniture.
CHAIR_AS_OFFICE = re.compile(r"(?:\b(?:the|our|as|board|committee|department)\s+|co-|vice-)$", re.IGNORECASE)


def _a_public_role_cue(around: str) -> bool:
    return any(
        not (match.group().lower() in {"said", "dit"} and SAID_BY_THE_AUTHOR.search(around, 0, match.end()))
        and not NAMES21_SAID_TO_THE_AUTHOR.search(around, 0, match.start())
        and not TREATMENT_CHAIR.match(around, match.start())
        and not DESCRIBED_BEFORE_A_ROLE.search(around, max(0, match.start() - 30), match.start())
        and not (
            match.group().lower() == "chair"
            and not CHAIR_AS_OFFICE.search(around, max(0, match.start() - 20), match.start())
            and not re.match(r"\s+(?:of|de)\b", around[match.end() :])
        )
        for match in lexicon.PUBLIC_ROLE_CUES.finditer(around)
    )


def _clinical_name(text: Text, start: int, end: int, surname: str) -> bool:
    """Not a patient: a public role (a minister, an op-ed, a clinic manager), a character in a film or a book,
    the person a reply is addressed to (their handle holds the name), or the name of a place, fund or award
    ("Mrs. Dalloway's Book Club")."""
    around = text.window(start, end, before=40, after=30)
    if names_a_place(text, start):
        return False
    if CITED_AFTER.match(text.value, end) or lexicon.PUBLIC_FIGURES.search(text.value, max(0, start - 20), end + 20):
        return False
    if _a_public_role_cue(around) or FICTION_CUES.search(text.window(start, end, before=40, after=50)):
        return False
    if len(surname) > 2 and any(surname.lower() in handle.lower() for handle in re.findall(r"@\w+", text.value)):
        return False
    return not ORGANIZATION_AFTER_NAME.match(text.value[end:])


def _patient_phrase(text: Text, title: str) -> str:
    if text.language == "fr":
        return "une patiente" if title.lower().startswith(("mme", "madame", "mlle", "mademoiselle")) else "un patient"
    return "a patient"


def _over_90(text: Text) -> str:
    return "plus de 90 ans" if text.language == "fr" else "over 90"


def names22_a_middle_initial(text: Text, match: re.Match[str]) -> bool:
    """ "Sarah M. Lee": "M." after a first name is its middle initial. Not after a word of the sentence (« Pour M. et
    Mme Hamon », « Merci M. Roy ») nor in a couple's title, which only « Monsieur » begins."""
    before = MIDDLE_INITIAL_BEFORE.search(text.value, 0, match.start())
    if not before or NAMES22_COUPLE_TITLE.match(text.value, match.start()):
        return False
    return before.group(0).strip().lower() not in lexicon.NOT_A_NAME


# A couple by its shared surname: « M. et Mme Hamon », "Mr. and Mrs. Okafor".
NAMES22_COUPLE_TITLE = re.compile(r"(?:M\.|Mr\.?)\s+(?:et|and)\s+(?:Mme|Mrs\.?)\s")


def _titled_names(text: Text) -> list[Hit]:
    """A courtesy title is how clinicians speak of patients: "Mrs. Jones", "Mr. K", "Mme Tremblay"."""
    hits = []
    for match in HONORIFIC.finditer(text.value):
        name = match.group("name")
        if name.lower() in lexicon.NOT_A_NAME or not _clinical_name(text, match.start(), match.end(), name.split()[-1]):
            continue
        if match["title"] == "M." and names22_a_middle_initial(text, match):
            continue  # "Sarah M. Lee": a middle initial, not the French "Monsieur"
        preceded = text.lower[max(0, match.start() - 16) : match.start()]
        replacement = (
            "" if re.search(r"(patient|patiente)\s*,?\s*$", preceded) else _patient_phrase(text, match["title"])
        )
        hits.append(Hit(Category.NAME, match.start(), match.end(), "name_titled", replacement))
    return hits


def _patients_named(text: Text) -> list[Hit]:
    """A name given to a patient: "my patient Tom", "la patiente Julie"."""
    hits = []
    for match in ROLE_THEN_NAME.finditer(text.value):
        name = match.group("name")
        first = name.split()[0].lower()
        if first in lexicon.NOT_A_NAME or (name[0].islower()) or first in {"mr", "mrs", "ms", "mme", "mlle", "mx"}:
            continue  # "patient Mr. Spencer" is read by _titled_names, title and all
        if match["role"][0].isupper() and match.start() != text.sentence_around(match.start())[0]:
            continue  # "the Patient Connect NB waitlist", « Accès Patient N.-B. »: a programme's name, capitals and all
        hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_patient", ""))
    return hits


# A doctor's nickname may stand in quotes between the names: 'Dr. Harold "Hal" Greenberg', « Dre Marie « Mimi » Roy ».
DOCTOR_NAMED = re.compile(
    rf"(?<!\w)(?:Dr|Dre|Pr|Pre|Prof)\.?\s+(?P<first>{NAME_WORD})"
    rf"(?:\s+[\"“«]\s?(?P<nickname>{NAME_WORD})\s?[\"”»])?(?:\s+(?P<last>{NAME_WORD}))?"
)
# A person the post speaks of: a first name (not a saint's, as in a church's), a courtesy title, or a patient.
SOMEONE_SPOKEN_OF = re.compile(
    rf"(?<!\w)(?:Mrs?|Ms|Mme|Mlle|M)\.?\s+(?=[A-Z])|(?<![\w'’.-])(?<!St\. )(?<!Saint )(?P<name>{NAME_WORD})|"
    r"(?<!\w)(?i:patients?|patientes?|client|cliente)(?!\w)"
)
THIRD_PERSON_OWNERS = frozenset({"his", "her", "their", "son", "sa", "ses", "leur", "leurs"})
PLURAL_OWNERS = frozenset({"their", "leur", "leurs"})
PLURAL_PATIENTS = re.compile(r"(?i:patients|patientes|clients|clientes)")


# A parent, in a post about a child's care, is the child's: no colleague's parent is spoken of in a child's case.
NAMES21_A_PARENT = re.compile(
    r"(?i:his|her|their|son|sa|ses|leur|leurs)\s+(?i:dad|mom|mum|father|mother|parents|papa|maman|père|mère)\b"
)
NAMES21_A_CHILD_IN_CARE = re.compile(
    r"(?<![\w-])(?:\d{1,2}\s?(?:y/o|yo|-year-old|ans\b)\s*(?:boy|girl|kid|garçon|fille|ado)?|boy|girl|toddler|"
    r"infant|newborn|baby|garçon|fillette|ado|adolescente?|enfant|bébé|nourrisson)(?![\w-])",
    re.IGNORECASE,
)


def _a_colleagues_relative(text: Text, owner: str, position: int) -> bool:
    """ "Dr. Colin MacAulay … Colin was the doctor who… Condolences for his wife Marion": "his" is the last person the
    post spoke of, a doctor named with a title, so the wife is the colleague's, not a patient's."""
    if owner not in THIRD_PERSON_OWNERS:
        return False
    if NAMES21_A_PARENT.match(text.value, position) and NAMES21_A_CHILD_IN_CARE.search(text.value):
        return False  # "A 10 y/o boy… Dr. Fortin took him to the OR… His dad, Jonah": a child patient's parent
    doctors = {
        word
        for match in DOCTOR_NAMED.finditer(text.value)
        for word in (match["first"], match["nickname"], match["last"])
        if word
    }
    if not doctors:
        return False
    last = None
    for match in SOMEONE_SPOKEN_OF.finditer(text.value, 0, position):
        if match["name"] and (
            (match["name"].lower() not in lexicon.FIRST_NAMES and match["name"] not in doctors)
            or names_a_place(text, match.start())
        ):
            continue  # a capitalised word that is no known first name, or a town, says nothing of who "his" is
        if owner not in PLURAL_OWNERS and PLURAL_PATIENTS.fullmatch(match.group()):
            continue  # « on envoyait les patients à Montréal … Son conjoint »: one person's spouse, not patients'
        last = match
    if not (last and last["name"]):
        return False
    from privacy.stories import _named_as_colleague  # stories reads clinical: asked only when a relative is named

    # In a post about a doctor, the last person spoken of may be another colleague named with a role: "…with the
    # midwife Annie Roy. Sa fille Léonie…" is still no patient's daughter.
    return last["name"] in doctors or _named_as_colleague(text, last.start(), last.end())


def _relatives_named(text: Text) -> list[Hit]:
    """A relative's name: "his wife Linda", "le conjoint de la patiente, Sylvain"; not the author's own family."""
    hits = []
    for match in RELATIVE_THEN_NAME.finditer(text.value):
        owner = match.group("owner").lower()
        name = match.group("name")
        if owner in OWN_FAMILY or name.lower() in lexicon.NOT_A_NAME or name[0].islower():
            continue
        if _a_colleagues_relative(text, owner, match.start()):
            continue
        if owner in {"la", "le", "the", "l'", "l’"} and not re.search(
            r"patient|patiente|\bpt\b", text.lower[match.start() : match.end() + 40]
        ):
            # "the daughter Emma" with no patient in sight is too weak alone.
            if not lexicon.PERSON_CUES.search(text.lower):
                continue
        hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_relative", ""))
        if match["other"] and match["other"].lower() not in lexicon.NOT_A_NAME:
            hits.append(Hit(Category.NAME, match.start("other"), match.end("other"), "name_relative", ""))
    return hits


# A first name before the surname that holds the age: "Rosalie Vachon, 81," is Rosalie as much as Vachon.
FIRST_NAME_BEFORE = re.compile(rf"(?<![\w.'’-])(?P<first>{NAME_WORD})\s+$")


def _with_first_name(text: Text, start: int) -> int:
    """Where the name begins: at a known first name right before the surname, else at the surname."""
    before = FIRST_NAME_BEFORE.search(text.value, max(0, start - 30), start)
    if before and before["first"].lower() in lexicon.FIRST_NAMES and before["first"].lower() not in lexicon.NOT_A_NAME:
        return before.start("first")
    return start


# "résidence des Érables, 14, allée des Érables": a number before a street is the street's, not an age; so is one
# before a numbered street ("Rouyn, 41, 6e Rue", "Brandon, 22, 3rd Avenue").
STREET_AFTER_NUMBER = re.compile(
    rf"\s*(?:{STREET}|(?:allée|impasse|quai|cours|square|Allée|Impasse|Quai)\b"
    r"|\d{1,3}(?:e|re|er|ème|st|nd|rd|th)\s+(?i:rue|avenue|av\.|street|st|ave|road|rd|boulevard|boul\.)\b)"
)


def _names_with_age(text: Text) -> list[Hit]:
    """A name with an age: "Jacob, 7,", "Marjorie (91)", "Rosalie Vachon, 81,"; an age over 89 is flagged too."""
    hits = []
    for match in NAME_THEN_AGE.finditer(text.value):
        name, age = match.group("name"), int(match.group("age"))
        if name.lower() in lexicon.NOT_A_NAME or age > 115:
            continue
        if STREET_AFTER_NUMBER.match(text.value, match.end()):
            continue
        if names_a_place(text, match.start("name")):
            continue  # « un agriculteur de la Beauce, 34 ans », « de Mont-Laurier, 88 ans »: where he is from, his age
        # "My daughter Zoé (8) asked…": the author's own child; privacy.stories reads her care. A great age is
        # flagged all the same.
        if not OWN_RELATIVE_BEFORE.search(text.value, max(0, match.start() - 30), match.start()):
            start = _with_first_name(text, match.start("name"))
            hits.append(Hit(Category.NAME, start, match.end("name"), "name_with_age", _patient_phrase(text, "")))
        if age >= 90 and not _not_a_patients_age(text, match.start("age")):
            hits.append(Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", _over_90(text)))
    return hits


def _names_that_are_ages(text: Text) -> list[Hit]:
    """A known first name said with an age: "Agnes is 98", "Agathe a 98 ans"; a full name with a great age,
    "Bernadette Lavallée was 91", whatever the first name."""
    hits = []
    for match in NAME_IS_AGE.finditer(text.value):
        if OWN_RELATIVE_BEFORE.search(text.value, max(0, match.start() - 30), match.start()):
            continue  # "My son Liam turned 5 today"
        if names_a_place(text, match.start("name")):
            continue  # "from Saint-Louis-de-Kent was 97"
        if match.group("name").lower() in lexicon.FIRST_NAMES and int(match.group("age")) <= 115:
            hits.append(
                Hit(Category.NAME, match.start("name"), match.end("name"), "name_with_age", _patient_phrase(text, ""))
            )
            if int(match.group("age")) >= 90:
                hits.append(Hit(Category.AGE, match.start("age"), match.end(), "age_over_89", _over_90(text)))
    for match in FULL_NAME_IS_GREAT_AGE.finditer(text.value):
        if not {match["name"].lower(), match["surname"].lower()} & lexicon.NOT_A_NAME:
            hits.append(Hit(Category.AGE, match.start("age"), match.end(), "age_over_89", _over_90(text)))
    return hits


def _names_in_rooms(text: Text) -> list[Hit]:
    """A name tied to a room: "Jeremy from Room 6", "Jérémie, de la chambre 6"."""
    hits = []
    for match in NAME_WHERE.finditer(text.value):
        name = match.group("name")
        if text.sentence_has(ROOM_EVENT_CUES, match.start()) or (name.isupper() and len(name) <= 5):
            continue  # "our PICU in bed 4", « l'USIN, lit 3 »: a unit's acronym, not a name
        if name.lower() in lexicon.FIRST_NAMES or (
            name[0].isupper()
            and name.lower() not in lexicon.NOT_A_NAME
            and match.start() != text.sentence_around(match.start())[0]
        ):
            hits.append(
                Hit(Category.NAME, match.start("name"), match.end("name"), "name_patient", _patient_phrase(text, ""))
            )
    return hits


def _names_given(text: Text) -> list[Hit]:
    """In a clinical text, a name given: "a patient named Rosalind"."""
    hits = []
    if CLINICAL_CUES.search(text.value):
        for match in NAMED.finditer(text.value):
            if NAMED_TO_AN_HONOUR.match(text.value, match.end("name")):
                continue  # "named Ontario's Nurse of the Year", « nommée Médecin de l'année »: an honour, no name
            if match.group("name").lower() not in lexicon.NOT_A_NAME:
                hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_patient", ""))
    return hits


def _memorials(text: Text) -> list[Hit]:
    """A memorial: "Remembering Walter", "En mémoire de Lucien"."""
    hits = []
    for match in MEMORIAL.finditer(text.value):
        if match.group("name").lower() not in lexicon.NOT_A_NAME:
            hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_in_care", ""))
    return hits


def _a_name_word(word: str) -> bool:
    return word.lower() not in lexicon.NOT_A_NAME and word.lower() not in {
        "mr",
        "mrs",
        "ms",
        "mme",
        "mlle",
        "dr",
        "dre",
    }


def _names_of_relatives(text: Text) -> list[Hit]:
    """A name whose relative is mentioned: "call Doreen's son back"."""
    hits = []
    for match in NAME_OF_RELATIVE.finditer(text.value):
        name = match.group("name")
        known = name.lower() in lexicon.FIRST_NAMES
        mid_sentence = (
            match.start() != text.sentence_around(match.start())[0] and name.lower() not in lexicon.NOT_A_NAME
        )
        if TITLE_BEFORE.search(text.value, max(0, match.start() - 30), match.start()):
            continue  # "Dr. Ramirez's son shadowed us": a colleague's son
        if (known or mid_sentence) and _clinical_name(text, match.start(), match.end(), name):
            # "Tamsin Greaves's mom": the whole name, first name and all, known or not.
            before = FIRST_NAME_BEFORE.search(text.value, max(0, match.start() - 30), match.start())
            start = before.start("first") if before and _a_name_word(before["first"]) else match.start()
            hits.append(Hit(Category.NAME, start, match.end("name"), "name_patient", _patient_phrase(text, "")))
    return hits


def _little_ones(text: Text) -> list[Hit]:
    """A child named: "Baby Noah", "le petit Mathis"."""
    hits = []
    for match in LITTLE_ONE.finditer(text.value):
        if match["name_initial"]:
            hits.append(Hit(Category.NAME, match.start(), match.end(), "name_initials", _patient_phrase(text, "")))
        elif match.group("name").lower() not in lexicon.NOT_A_NAME:
            # "Baby Shark", "Little Women": in English, a title; a child's name is one we know, or said with boy/girl.
            said = match.group().lower()
            if said.startswith(("baby ", "little ", "young ", "le jeune ", "la jeune ")) and not re.match(
                r"\w+\s+(?:boy|girl)\b", said
            ):
                if match.group("name").lower() not in lexicon.FIRST_NAMES:
                    continue
            hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_patient", ""))
    return hits


def _names_in_stories(text: Text) -> list[Hit]:
    """Known first names doing what patients do: "Noah was born…", "Ava and Ella went home"."""
    hits = []
    for match in NAME_DOES.finditer(text.value):
        names_here = [group for group in ("name", "other") if match[group]]
        if not any(match[group].lower() in lexicon.FIRST_NAMES for group in names_here):
            continue
        preceding = text.value[max(0, match.start() - 5) : match.start()]
        if re.search(r"(?:Dr\.?|Dre|NP|RN)\s*$", preceding) or names_a_place(text, match.start()):
            continue
        if FICTION_CUES.search(text.window(match.start(), match.end(), before=40, after=50)):
            continue  # a character in a series: "Watching Grey's Anatomy: Meredith was diagnosed…"
        for group in names_here:
            if match[group].lower() not in lexicon.NOT_A_NAME:
                hits.append(
                    Hit(Category.NAME, match.start(group), match.end(group), "name_in_care", _patient_phrase(text, ""))
                )
    return hits


def _initials(text: Text) -> list[Hit]:
    """In a clinical text, initials: "J.M.'s seizure"."""
    hits = []
    if CLINICAL_CUES.search(text.value):
        for match in STANDALONE_INITIALS.finditer(text.value):
            initials = match.group()[:4]
            if initials not in NOT_INITIALS:
                hits.append(
                    Hit(Category.NAME, match.start(), match.start() + 4, "name_initials", _patient_phrase(text, ""))
                )
    return hits


# How wristbands, specimen labels, monitors and charts write a name: "SMITH, John A", "DOE,JANE",
# "CÔTÉ, François", or "Whitfield, Margaret R." on the line after a "Name"/"Nom" label; a line of its own.
_UPPER = "A-ZÀ-ÖØ-Þ"
_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"
LABELLED_NAME = re.compile(
    rf"^(?:(?:Name|Nom|Patient|Patiente)[ \t]*:?[ \t]*[\n \t](?P<mixed>[{_UPPER}][{_LETTER}'’-]+)"
    rf"|(?P<caps>[{_UPPER}][{_UPPER}'’-]+))[ \t]?,[ \t]?[{_UPPER}][{_LETTER}'’-]+(?:[ \t][{_UPPER}]\.?)?[ \t]*$",
    re.MULTILINE,
)
# A label's other identifiers: a name shaped like a record's only counts next to one of them.
LABEL_CUES = re.compile(
    r"\b(?:DOB|D0B|DDN|MRN|RAMQ|NAM|OHIP|Dossier|Chart|Acc\s?#|Date of birth|Date de naissance|Née? le)\b",
    re.IGNORECASE,
)


def _names_on_labels(text: Text) -> list[Hit]:
    """A name as a wristband or a chart writes it, next to a birth date or record number: what OCR
    reads off a photo of a patient's label."""
    hits = []
    for match in LABELLED_NAME.finditer(text.value):
        if not LABEL_CUES.search(text.window(match.start(), match.end(), before=200, after=200)):
            continue
        start = match.start("mixed") if match.group("mixed") else match.start("caps")
        if text.value[start : text.value.index(",", start)].strip().lower() in lexicon.NOT_A_NAME:
            continue
        end = len(text.value[: match.end()].rstrip())
        hits.append(Hit(Category.NAME, start, end, "name_on_label", _patient_phrase(text, "")))
    return hits


# A hashtag rallying for someone: "#PrayForLiam", "#TeamLéa", "#NoahStrong", "#CourageÉmile".
HASHTAG_NAME = re.compile(
    r"#(?:(?:PrayFor|PrayersFor|Praying4|PrayingFor|Pray4|TeamFor|Team|HopeFor|Hope4|LoveFor|Love4|JusticeFor|"
    r"Justice4|RIP|Courage|ForceÀ|Force|Go|Support|Help|Remembering|InMemoryOf|EnMémoireDe|PensonsÀ)"
    r"(?P<after>[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ]+)|(?P<before>[A-ZÉÈÀÂÎÔÇ][a-zà-ÿ]+)(?:Strong|Fight|Fights|Warrior|Journey|Army|"
    r"Tough|Brave|sFight|sJourney|sArmy|sLegacy|Fort|Forte|Courage))(?![a-zà-ÿ])"
)


def _hashtag_names(text: Text) -> list[Hit]:
    hits = []
    for match in HASHTAG_NAME.finditer(text.value):
        group = "after" if match["after"] else "before"
        if match[group].lower() in lexicon.FIRST_NAMES and match[group].lower() not in lexicon.NOT_A_NAME:
            hits.append(Hit(Category.NAME, match.start(group), match.end(group), "name_in_care", None))
    return hits


NAME_RULES = (
    _hashtag_names,
    _titled_names,
    _patients_named,
    _relatives_named,
    _names_with_age,
    _names_that_are_ages,
    _names_in_rooms,
    _names_given,
    _memorials,
    _names_of_relatives,
    _little_ones,
    _names_in_stories,
    _initials,
    _names_on_labels,
)


def names(text: Text) -> list[Hit]:
    return [hit for rule in NAME_RULES for hit in rule(text)]


# Holidays are dates too: "admitted on Christmas Eve", "décédé la veille de Noël".
HOLIDAY = re.compile(
    r"(?<!\w)(?:Christmas(?: Eve| Day)?|Boxing Day|New Year's (?:Eve|Day)|Canada Day|Thanksgiving(?: Day)?|"
    r"Easter(?: Sunday| Monday)?|Good Friday|Halloween|Valentine's Day|Mother's Day|Father's Day|Labour Day|"
    r"Victoria Day|Remembrance Day|St\.? Patrick's Day|(?:la )?veille de Noël|(?:le )?jour de Noël|Noël|"
    r"(?:le )?jour de l'An|(?:la )?Saint-Jean(?:-Baptiste)?|(?:la )?fête nationale|(?:l')?Action de grâce|"
    r"Pâques|(?:la )?fête des Mères|(?:la )?fête des Pères|(?:la )?Saint-Valentin)(?!\w)"
)
# A year of birth more than 89 years back says the age: "born in 1929", "née en 1931".
BIRTH_YEAR = re.compile(
    r"(?<!\w)(?:born(?: in)?|b\.|née?s?(?: en)?|year of birth:?|année de naissance\s*:?|dob:?|d\.o\.b\.?:?|ddn:?)"
    r"\s+(?P<year>1[89]\d\d)(?![\d/-])",
    re.IGNORECASE,
)


# A holiday as the day something happened: "on Christmas Eve", "le jour de Noël", "à Pâques"; not "until
# after Christmas" or "Christmas shifts".
HOLIDAY_AS_DAY = re.compile(r"(?:\b(?:on|at|over|during|since|le|à|depuis|pendant|durant)\s+|^)$", re.IGNORECASE)


def _holidays(text: Text) -> list[Hit]:
    hits = []
    for match in HOLIDAY.finditer(text.value):
        said_as_day = match.group().lower().startswith(("la ", "le ", "l'")) or HOLIDAY_AS_DAY.search(
            text.value[max(0, match.start() - 10) : match.start()]
        )
        if not said_as_day or text.value[match.end() : match.end() + 1].isalpha():
            continue
        care = text.sentence_has(lexicon.CARE_CUES, match.start())
        birth = text.sentence_has(lexicon.BIRTH_CUES, match.start())
        if (care or birth) and not text.sentence_has(lexicon.EVENT_CUES, match.start()):
            code = "date_of_birth" if birth else "date_of_care"
            hits.append(Hit(Category.DATE, match.start(), match.end(), code, ""))
    return hits


def _birth_years(text: Text) -> list[Hit]:
    this_year = datetime.date.today().year
    return [
        Hit(Category.AGE, match.start("year"), match.end("year"), "age_over_89", _over_90(text))
        for match in BIRTH_YEAR.finditer(text.value)
        if this_year - int(match["year"]) >= 90
    ]


# "We transferred 12 patients on December 2", « 4 000 patients admis depuis le 1er mars »: a count of
# people makes the date a ward's or a program's, not one person's.
PATIENT_COUNT = re.compile(
    r"(?<![\w.,])\d[\d,  ]*\s+(?:patients|patientes|people|personnes|babies|bébés|residents|résidents|usagers|"
    r"clients|admissions|births|naissances|visits|visites)\b",
    re.IGNORECASE,
)
# Two dates joined as a life's span: "April 9, 2007 to November 24, 2026", « 3 mars 1941 – 2 déc. 2026 ».
LIFESPAN_JOIN = re.compile(r"^\s*(?:to|until|-|–|—|au|à)\s*$")


# A day said with an indefinite article is a kind of day, not one that happened: « deux minutes de plus et c'était un 2
# décembre », "born on a February 29".
DATE_AS_A_KIND = re.compile(r"(?<![\w'’])(?:un|une|a)\s+$", re.IGNORECASE)


def _date_matches(text: Text, pattern: re.Pattern[str]) -> list[re.Match]:
    """A date pattern's matches in a text, found once: several date rules read the same dates."""
    key = ("date_matches", pattern.pattern)
    if key not in text._sentence_cache:
        text._sentence_cache[key] = [
            match
            for match in pattern.finditer(text.value)
            if not DATE_AS_A_KIND.search(text.value, max(0, match.start() - 5), match.start())
        ]
    return text._sentence_cache[key]


def _in_a_lifespan(text: Text, match: re.Match) -> bool:
    if not text.sentence_has(lexicon.DEATH_CUES, match.start()):
        return False
    matches = [other for pattern in DATE_PATTERNS[:3] for other in _date_matches(text, pattern)]
    return any(
        LIFESPAN_JOIN.match(text.value[match.end() : other.start()])
        or LIFESPAN_JOIN.match(text.value[other.end() : match.start()])
        for other in matches
        if other.span() != match.span()
    )


def _event_in_sentence(text: Text, position: int) -> bool:
    """An event's word in the sentence; "due" inside "her due date was March 14" is the date's own name, and someone
    "on vacation", « en vacances au camping », is where a patient was, not a clinic closed for the holidays."""
    if not text.sentence_has(lexicon.EVENT_CUES, position):
        return False
    start, end = text.sentence_around(position)
    return any(
        not (cue.group().lower() == "due" and text.lower.startswith("due date", cue.start()))
        and not DATES22_ON_VACATION.search(text.value, max(0, cue.start() - 4), cue.end())
        for cue in lexicon.EVENT_CUES.finditer(text.value, start, end)
    )


DATES22_ON_VACATION = re.compile(r"\b(?:en vacances|on vacation|on holiday)$", re.IGNORECASE)


# A doctor's death told in a memorial is a colleague's: "Remembering Dr. Hall, who died on Dec 2". A patient named
# in the same sentence ("Dr. Roy's patient, Mr. Lee, died on…") keeps it a patient's.
def _a_colleagues_death(text: Text, position: int) -> bool:
    return (
        text.sentence_has(lexicon.DEATH_CUES, position)
        and text.sentence_has(DOCTOR_IN_SENTENCE, position)
        and not text.sentence_has(TITLE_IN_SENTENCE, position)
        and not text.sentence_has(PATIENT_NAMED, position)
    )


AGE_OF_A_THING_AFTER = re.compile(
    r"\s+(?:hospital|building|church|bridge|house|tradition|clinic|institution|company|school|"
    r"organi[sz]ation|hôpital|bâtiment|édifice|église|pont|maison|clinique|école|institution|entreprise)\b",
    re.IGNORECASE,
)
ORGANIZATION_POSSESSIVE = re.compile(
    r"\b(?:unit|hospital|clinic|centre|center|department|foundation|school|program|team|ward)(?:'s|’s)\s+$",
    re.IGNORECASE,
)
# An organization's birthday: "the unit's 100th birthday", « le 100e anniversaire de notre hôpital ».
ORGANIZATION_BIRTHDAY = re.compile(
    r"\b(?:unit|hospital|clinic|centre|center|department|foundation|school|program|team|ward)(?:'s|’s)\s+"
    r"(?:\d+(?:st|nd|rd|th)\s+)?(?:birthday|anniversary)|"
    r"\b(?:anniversaire|fête)\s+(?:de|du)\s+(?:notre|nos|l'|la|le)\s*(?:unité|hôpital|clinique|centre|service|"
    r"fondation|équipe|département)",
    re.IGNORECASE,
)


# A full date of a year long past, written as forms print it ("17-04-1933", "03/05/1941"), is a birth date: nothing else
# is dated to the day that long ago in a clinician's post.
DATE_OLD_FULL = re.compile(r"(?<![\w/.-])\d{1,2}[/.-]\d{1,2}[/.-]19[0-5]\d(?![\w/.-])")
# A stay from one day to another, in a sentence about someone: "caring for my dad… from October 30 to November 6",
# « merci d'avoir accompagné notre mère… du 2 octobre au 19 octobre ».
DATE_STAY_BETWEEN = re.compile(
    rf"\b(?:from|du)\s+(?P<first>(?:the\s+)?(?:1er|\d{{1,2}})(?:st|nd|rd|th)?\s+(?:{lexicon.MONTHS_FR}|{lexicon.MONTHS_EN})|"
    rf"(?:{lexicon.MONTHS_EN})\.?\s+\d{{1,2}})\s+(?:to|until|au|jusqu'au)\s+(?P<second>(?:the\s+)?(?:1er|\d{{1,2}})(?:st|nd|rd|th)?"
    rf"\s+(?:{lexicon.MONTHS_FR}|{lexicon.MONTHS_EN})|(?:{lexicon.MONTHS_EN})\.?\s+\d{{1,2}})(?!\w)",
    re.IGNORECASE,
)
# Someone's death told right after the day: « Le 12 novembre, Ti-Guy Lachance est mort comme il a vécu ».
DATE_DEATH_TOLD_AFTER = re.compile(
    r"^[^.!?\n]{0,50}?\b(?:died|passed away|est morte?|est décédée?|s'est éteinte?|nous a quittés?)\b", re.IGNORECASE
)
# A weekday and a day of the month: "Saw you at the clinic Tuesday the 17th".
DATE_WEEKDAY_ORDINAL = re.compile(
    rf"(?<!\w)(?:{lexicon.WEEKDAYS_EN})\.?,?\s+the\s+(?:[12]?\d|3[01])(?:st|nd|rd|th)(?!\w)", re.I
)


# A death told earlier in a long sentence, places between: « est mort chez lui à Saint-Simon, dans son lit… face à la
# baie, le 11 novembre au matin ».
DATE_DEATH_EARLIER_IN_SENTENCE = re.compile(
    r"\b(?:died|passed away|est morte?|est décédée?|s'est éteinte?|nous a quittés?)\b[^.!?\n]{0,130}$", re.IGNORECASE
)
# A follow-up visit or a treatment since a day: « après la visite de contrôle du 18 décembre », « hémodialyse trois fois
# par semaine… depuis le 2 février ».
DATE_FOLLOW_UP_BEFORE = re.compile(
    r"\b(?:visite de contrôle|rendez-vous de contrôle|contrôle|follow-up visit|follow-up|check-up|checkup)\s+"
    r"(?:du|le|on|of)\s+$",
    re.IGNORECASE,
)
DATE_SINCE_BEFORE = re.compile(r"\b(?:depuis le|since)\s+$", re.IGNORECASE)


def _days_of_long_told_deaths_and_follow_ups(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            at = match.start()
            start = text.sentence_around(at)[0]
            death = DATE_DEATH_EARLIER_IN_SENTENCE.search(text.value, start, at)
            visit = DATE_FOLLOW_UP_BEFORE.search(text.value, max(0, at - 30), at) or (
                # Since a day, a treatment must be named: not "since March 3 the clinic opens at 8".
                DATE_SINCE_BEFORE.search(text.value, max(0, at - 12), at) and text.sentence_has(CARE_ACT, at)
            )
            someone = _someone_near(text, at) or text.sentence_has(TITLE_IN_SENTENCE, at)
            if not ((death or visit) and someone):
                continue
            if text.sentence_has(DOCTOR_IN_SENTENCE, at) or text.sentence_has(COLLEAGUES_DAY, at):
                continue
            if not text.sentence_has(lexicon.EVENT_CUES, at):
                hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


def _old_birth_dates_stays_deaths_and_weekdays(text: Text) -> list[Hit]:
    hits = [Hit(Category.DATE, m.start(), m.end(), "date_of_birth", "") for m in DATE_OLD_FULL.finditer(text.value)]
    for match in DATE_STAY_BETWEEN.finditer(text.value):
        someone = _someone_near(text, match.start()) or text.sentence_has(RELATIVE_WORD, match.start())
        if someone and not text.sentence_has(lexicon.EVENT_CUES, match.start()):
            hits.extend(
                Hit(Category.DATE, match.start(g), match.end(g), "date_of_care", "") for g in ("first", "second")
            )
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            if DATE_DEATH_TOLD_AFTER.match(text.value[match.end() : match.end() + 70]):
                if not text.sentence_has(DOCTOR_IN_SENTENCE, match.start()):
                    hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    for match in DATE_WEEKDAY_ORDINAL.finditer(text.value):
        at = match.start()
        if (_someone_near(text, at) or text.sentence_has(lexicon.CARE_CUES, at)) and not text.sentence_has(
            lexicon.EVENT_CUES, at
        ):
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


def dates(text: Text) -> list[Hit]:
    hits = [*_holidays(text), *_birth_years(text), *_old_birth_dates_stays_deaths_and_weekdays(text)]
    hits += _days_of_long_told_deaths_and_follow_ups(text)
    for pattern in DATE_PATTERNS:
        for match in _date_matches(text, pattern):
            before = text.window(match.start(), match.end(), before=60, after=0)
            event = _event_in_sentence(text, match.start()) or text.sentence_has(lexicon.PUBLISHED_CUES, match.start())
            # A day given with its hour and nobody near is when something is held: "our dinner is Feb 4, 6 p.m.".
            held = HOUR_AFTER.match(text.value[match.end() : match.end() + 16]) and not _someone_near(
                text, match.start()
            )
            event = event or bool(held)
            birth = (
                # Searched in the text itself, so a word cut by the window (« Jour|née ») is no « née ».
                lexicon.BIRTH_CUES.search(text.value, max(0, match.start() - 60), match.end())
                or text.sentence_has(lexicon.BIRTH_CUES, match.start())
                or (lexicon.DUE_DATE_CUES.search(before[-25:]) and not event)  # not "abstracts' due date"
                or _in_a_lifespan(text, match)
            )
            care = (
                text.sentence_has(lexicon.CARE_CUES, match.start())
                and not text.sentence_has(PATIENT_COUNT, match.start())
                and not text.sentence_has(COLLEAGUES_DAY, match.start())  # "appointed chief of surgery on October 1"
                and not _a_colleagues_death(text, match.start())
            )
            if birth and text.sentence_has(ORGANIZATION_BIRTHDAY, match.start()):
                birth = _in_a_lifespan(text, match)  # "the unit's 100th birthday on May 1" is nobody's
            if pattern is MONTH_YEAR_ONLY and not birth:
                continue
            # "From March 1, women in Wingham will drive 55 minutes to give birth": when a service changes.
            if UNTIL_BEFORE.search(text.value[max(0, match.start() - 25) : match.start()]) and not _in_a_lifespan(
                text, match
            ):
                continue
            if birth or (care and not event):
                code = "date_of_birth" if birth else "date_of_care"
                hits.append(Hit(Category.DATE, match.start(), match.end(), code, ""))
    return hits


# In a post that tells one patient's story, a day that happened to someone in it is theirs, whatever the
# verb: "came to clinic on January 9th", « est entrée à l'EHPAD le mardi 24 novembre », « pendant la panne du
# 14 janvier » (after "chez lui"). Someone must be in the sentence or the one before it; a day something
# lasts "until" is a notice's ("cards at the front desk until December 20").
STORY_PERSON = words(
    "he", "she", "his", "her", "him", "il", "elle", "lui", "son", "sa", "ses",
    # The patient, not "the patient portal was down on March 3".
    r"patiente?(?!\s+(?:portal|portail|safety|care|education|experience|services|records?|satisfaction|flow|partners?))",
    "mr", "mrs", "ms", "mme", "madame", "monsieur", "conjoint", "conjointe", "wife", "husband", "mother", "mère",
)  # fmt: skip
UNTIL_BEFORE = re.compile(
    r"(?:\b(?:until|till|by|before|from|starting|jusqu'au|jusqu’au|avant le|dès le|à partir du|à compter du)\s+"
    r"(?:the\s+|le\s+)?)$",
    re.IGNORECASE,
)
TITLE_IN_SENTENCE = re.compile(r"(?<!\w)(?:Mr|Mrs|Ms|Mme|M|Madame|Monsieur)\.?\s+[A-ZÉ]")
# Told as past: a story's day has happened. Notices speak of days to come ("her clinic moves… on Feb 2", « nos
# cours reprennent le 13 janvier », "will host… on January 15"), and a day followed by an hour is an event's.
TOLD_AS_PAST = re.compile(
    r"(?<![\w'’])(?:was|were|had|came|went|fell|took|got|seen|found|lay|left|saw|told|said|brought|gave|ran|woke|felt|"
    r"kept|sent|[a-z]{3,}ed|revue?|est|sont|a|ont|avait|était|avaient|étaient|"
    r"l'a|m'a|n'a|n'ont|n'avait|n'était|n'avaient|[a-zé]{2,}ait|"
    # What happened to someone, said by its participle: « revenue de Côte d'Ivoire le 18/11 », « mordue par un chien ».
    r"revenue?|rentrée?|tombée?|mordue?|piquée?|blessée?|brûlée?)(?!\w)",
    re.IGNORECASE,
)
TOLD_AS_TO_COME = re.compile(
    r"(?<![\w'’])(?:will|'ll|going to|reminder|avis|[a-zé]{3,}(?:eront|eriez|erons|erez)|prochaine?)(?!\w)",
    re.IGNORECASE,
)
HOUR_AFTER = re.compile(
    r"^,?\s*(?:at|à|,|from|de|dès)?\s*\d{1,2}(?:[:h]\d{0,2}|\s*(?:h|am|pm|a\.m\.|p\.m\.))", re.IGNORECASE
)


def _told_as_a_past_day(text: Text, match: re.Match) -> bool:
    if HOUR_AFTER.match(text.value[match.end() : match.end() + 16]):
        return False
    at = match.start()
    if text.sentence_has(TOLD_AS_TO_COME, at) or text.sentence_has(lexicon.PUBLISHED_CUES, at):
        return False
    return text.sentence_has(TOLD_AS_PAST, at)


# A colleague's or the organization's day is not a patient's: "our nurse Linda Park retired on June 30",
# « Mme Tremblay, notre directrice, a annoncé le 4 mars… », "On January 15 our hospital opened a new unit"; not
# "our hospital" alone: patients arrive there ("On the night of January 11, Priya arrived at our little hospital").
COLLEAGUES_DAY = words(
    # Not "a retired machinist", "a 72-year-old retired ferry captain" nor "the retired lock-keeper", a patient
    # described.
    r"(?<!\ba )(?<!\ban )(?<!old )(?<!\bthe )retired", "retirement", "retraite", "joined our", "joined the team",
    "a rejoint",
    "launched", "a lancé",
    "announced", "a annoncé", "opened", "a ouvert", "inaugurated", "a inauguré", "appointed", "nommé", "nommée",
    "élu", "élue",
    r"(?:our|my|notre|nos|mon|ma)\s+(?:[\w-]+\s+)?(?:nurses?|manager|receptionist|colleagues?|team|infirmières?|"
    r"infirmiers?|réceptionniste|collègues?|gestionnaire|secrétaire|équipe|résidents?|résidentes?|director|"
    r"directrice|directeur|chief|cheffe?|portal|portail)",
    # The organization's milestone, its first patient: « Notre unité a admis son premier patient le 3 mars 2019 ».
    r"(?:its|son|sa|their|leur)\s+(?:very\s+)?(?:first|premier|première|100th|1000th|centième|millième)\s+"
    r"(?:patient|patiente|baby|bébé|birth|naissance|admission)",
)  # fmt: skip


def _someone_near(text: Text, position: int) -> bool:
    start, _ = text.sentence_around(position)
    before = text.sentence_around(start - 1)[0] if start else start
    return any(
        text.sentence_has(STORY_PERSON, at) or dates23_first_name_in_sentence(text, at) for at in {position, before}
    )


# A first name that is also a month, before a day, is that date: "closed Dec 24 to Jan 1 … after Jan 2", "May 3".
DATES23_MONTHS = frozenset(
    (lexicon.MONTHS_EN + "|" + lexicon.MONTHS_FR + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec").split("|")
)
DATES23_DAY_AFTER = re.compile(r"\.?\s+\d")


def dates23_first_name_in_sentence(text: Text, position: int) -> bool:
    if not text.sentence_has(FIRST_NAME_WORD, position):
        return False
    start, end = text.sentence_around(position)
    return any(
        not (name.group().lower() in DATES23_MONTHS and DATES23_DAY_AFTER.match(text.value, name.end()))
        for name in FIRST_NAME_WORD.finditer(text.value, start, end)
    )


def _dates_in_stories(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical: asked only when a rule runs

    # A person named with their age ("Félix Beaudoin, 4 ans,") or a title ("Mme Gagnon") is whom a post is about.
    about_someone = NAMED_WITH_AGE.search(text.value) or TITLE_IN_SENTENCE.search(text.value)
    if not (about_someone or tells_a_care_story(text)):
        return []
    hits = []
    # Forms' dates too: "a pre-op film on 2026-10-06", « opérée le 21/11/2026 ».
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6], DATE_PATTERNS[-1]):
        for match in _date_matches(text, pattern):
            if UNTIL_BEFORE.search(text.value[max(0, match.start() - 25) : match.start()]):
                continue
            if text.sentence_has(lexicon.EVENT_CUES, match.start()) or not _someone_near(text, match.start()):
                continue
            if not _told_as_a_past_day(text, match) or text.sentence_has(COLLEAGUES_DAY, match.start()):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A day of the month alone, in the sentence that tells the care: "came in on the 14th… went home on the 17th".
# Not "the 5th floor" nor "on the 3rd attempt": only "on the Nth" closing a clause or before a time or a comma.
ORDINAL_DAY = re.compile(
    r"(?<!\w)on the (?P<day>(?:[12]?\d|3[01])(?:st|nd|rd|th))(?=\s*(?:[.,;:!?)]|$|at\s|with\s|and\s))"
)


def _ordinal_days_of_care(text: Text) -> list[Hit]:
    return [
        Hit(Category.DATE, match.start("day"), match.end("day"), "date_of_care", "")
        for match in ORDINAL_DAY.finditer(text.value)
        if text.sentence_has(lexicon.CARE_CUES, match.start())
        and not text.sentence_has(lexicon.EVENT_CUES, match.start())
    ]


# A weekday before a day and month makes it a date, whatever follows: « Opérée mardi 24/11 d'une hernie ».
DATE_WEEKDAY_DAY_MONTH = re.compile(
    rf"(?<!\w)(?:{lexicon.WEEKDAYS_FR}|{lexicon.WEEKDAYS_EN})\.?,?\s+"
    r"(?P<date>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2]))(?![\w/]|\.\d)",
    re.IGNORECASE,
)


def _days_and_months(text: Text) -> list[Hit]:
    hits = []
    for match in DATE_WEEKDAY_DAY_MONTH.finditer(text.value) if "/" in text.value else ():
        at = match.start()
        if not _someone_near(text, at) or text.sentence_has(lexicon.EVENT_CUES, at):
            continue
        if not text.sentence_has(TOLD_AS_TO_COME, at) and not text.sentence_has(COLLEAGUES_DAY, at):
            hits.append(Hit(Category.DATE, match.start("date"), match.end("date"), "date_of_care", ""))
    for match in DAY_MONTH.finditer(text.value):
        if text.sentence_has(lexicon.EVENT_CUES, match.start()):
            continue
        # The cue is the match's own first word ("born 11/28"): read up to the date, not up to the cue.
        birth = lexicon.BIRTH_CUES.search(text.window(match.start("date"), match.start("date"), before=30, after=0))
        # What happened to someone in the sentence, told as past: « Léo-Paul, mordu par un macaque le 17/10, n'avait
        # pas fait son vaccin ».
        happened = _someone_near(text, match.start()) and _told_as_a_past_day(text, match)
        if birth or happened or text.sentence_has(lexicon.CARE_CUES, match.start()):
            code = "date_of_birth" if birth else "date_of_care"
            hits.append(Hit(Category.DATE, match.start("date"), match.end("date"), code, ""))
    return hits


# The time of a call, an arrival or a birth pins the day a story told with consent opens on, even in a thread's
# present tense: "1. Saturday Nov 28 around 2 am, a pickup pulls up to our ambulance bay", "Then on 2026-11-17 at
# 4:12 am, <name> arrived in labour", « Le 17/11/2026 à 4 h, <name> accouche… ». A notice gives a day and an hour
# too, but mid-sentence, and says the day is to come or names its event.
STORY_HOUR_AFTER = re.compile(
    r"^,?\s*(?:at|à|around|about|towards|vers|aux alentours de|,)?\s*"
    r"(?P<hour>\d{1,2})(?:(?P<clock>[:h])\d{0,2}\s*(?P<half>am|pm|a\.m\.|p\.m\.)?|\s*(?P<suffix>h|am|pm|a\.m\.|p\.m\.))"
    r"(?!\w)",
    re.IGNORECASE,
)
# Between midnight and seven in the morning nothing is announced: it is a night that happened to someone. By day the
# sentence must tell what happened: a call, an arrival, an injury, a birth ("vers 7 h, appel pour un chasseur blessé").
STORY_EVENT = words(
    "call", "called", "appel", "appelle", "injured", "hurt", "blessé", "blessée", "collapsed", "s'effondre",
    "crash", "accident", "found", "retrouvé", "retrouvée", "accouche", "gives birth", "in labour", "in labor",
    "en travail", "arrives", "arrive", "arrivent", "brought", "amené", "amenée", "rushed", "transporté", "transportée",
    "comes in", "came in", "walks in", "walked in",
    # A birth told by the baby's arrival or its complication: "Baby comes at 0212 on October 22, shoulder dystocia".
    "baby comes", "baby came", "baby arrives", "baby arrived", "bébé arrive", "dystocia", "dystocie",
)  # fmt: skip


def _at_night(hour: re.Match) -> bool:
    value = int(hour["hour"])
    half = (hour["half"] or hour["suffix"] or "").lower().replace(".", "")
    if half == "pm":
        return False
    if half == "am":
        return value == 12 or value < 7
    return value < 7 or 22 <= value <= 23  # a 24-hour clock: "4:12", « 4 h », "23:50"


THREAD_PART_MARK = re.compile(r"(?:🧵|\s/|(?<!\S)\d{1,2}/)\s")
# What may stand before the day opening a sentence: a thread part's number, "Then on", « Le ».
SENTENCE_OPENING = re.compile(r"^[\W\d]*(?:[\w'’]+\s+){0,2}$")


# The hour may open the sentence before the day: "At 02:40 on Sunday, November 15, a 31-year-old… arrived".
DATE_STORY_HOUR_BEFORE = re.compile(
    # or a few words first and the hour as a ward writes it: "Baby comes at 0212 on October 22".
    r"^[\W\d]*?(?:[\w'’]+\s+){0,3}?(?:at|à|around|vers)\s+(?P<hour>[01]?\d|2[0-3])(?:(?P<clock>[:h]|(?=[0-5]\d\b))\d{0,2}\s*"
    r"(?P<half>am|pm|a\.m\.|p\.m\.)?|\s*(?P<suffix>h|am|pm|a\.m\.|p\.m\.))\s*,?\s+(?:on|le|ce)\s+$",
    re.IGNORECASE,
)


def _days_a_story_opens_on(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical: asked only when a rule runs

    story = tells_a_care_story(text)
    hits = []
    for pattern in (*DATE_PATTERNS[:5], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            sentence_start, _ = text.sentence_around(match.start())
            # A thread part opens after its number or the thread's mark: "🧵 1/ Dec. 3rd, 1:30 a.m.: …".
            opening = THREAD_PART_MARK.split(text.value[sentence_start : match.start()])[-1]
            if SENTENCE_OPENING.match(opening):
                hour = STORY_HOUR_AFTER.match(text.value[match.end() : match.end() + 24])
            else:
                hour = DATE_STORY_HOUR_BEFORE.match(opening)  # "At 02:40 on Sunday, November 15, a 31-year-old…"
            if not hour:
                continue
            at = match.start()
            told = text.sentence_has(STORY_EVENT, at) or text.sentence_has(lexicon.CARE_CUES, at)
            # Without a word of consent or of patients, the sentence must tell the event itself, at night.
            if not ((story and (_at_night(hour) or told)) or (told and _at_night(hour))):
                continue
            # An event's own words are said near its day ("On Dec 5 at 7 pm, join us…"); "roads closed" further on
            # is not one.
            if lexicon.EVENT_CUES.search(text.value, sentence_start, match.end() + 30):
                continue
            if any(
                text.sentence_has(pattern, at) for pattern in (TOLD_AS_TO_COME, lexicon.PUBLISHED_CUES, PATIENT_COUNT)
            ):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# The day someone died, told in the clause before it: "Il est mort paisiblement le mardi 24 novembre, la fenêtre
# ouverte sur la mer" (an open window is no event). Not a colleague's: "our colleague Dr. Roy died on June 3".
DEATH_TOLD_BEFORE = re.compile(
    r"\b(?:died|passed away|passed|est morte?|est décédée?|s'est éteinte?|nous a quittés?|buried (?:her|him)|"
    r"laid (?:her|him) to rest|a été (?:inhumée?|enterrée?))\b[^.!?\n,;]{0,40}$|"
    # "RIP Yvette, Nov 28.", « Repose en paix, Ti-Guy, 12 novembre ».
    r"\b(?:RIP|R\.I\.P\.|repose en paix)\s*,?\s*[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+)?\s*,?\s*$",
    re.IGNORECASE,
)
# An operation named by its suffix (appendectomy, cholécystectomie, arthroplasty…), read by several rules.
OPERATION_SUFFIX = r"(?:ectomy|otomy|plasty|ectomie|otomie|plastie)"
# A day of care to come for one person: "See you both at his 6-week check on January 12", « On se voit pour son
# contrôle le 12 janvier ». Not "your" (a notice's "book your flu shot by…") nor a doctor's own visits.
APPOINTMENT_BEFORE = re.compile(
    # "her second round of chemo Monday, Dec 7": up to three words between.
    r"\b(?:his|her|their|son|sa|leur)\s+(?:[\w-]+\s+){0,3}(?:check|check-up|checkup|follow-up|appointment|"
    r"surgery|operation|scan|biopsy|chemo|infusion|contrôle|suivi|rendez-vous|rdv|opération|chirurgie|échographie|"
    r"biopsie|chimio|perfusion|"
    # What is done at the visit: "his cast removal on Jan. 8", « retirer son plâtre le 8 janv. ».
    r"cast removal|cast|stitches|dialysis|dialyse|sessions?|séances?|treatments?|traitements?|"
    r"dressing change|x-ray|ultrasound|consult|recheck|plâtre|points|pansement|"
    r"radiographie|consultation|"
    # An operation named by its suffix: "his appendectomy on Sept 2", « sa cholécystectomie le 3 mars ».
    rf"\w+{OPERATION_SUFFIX})s?\b[^.!?\n]{{0,40}}$",
    re.IGNORECASE,
)
# A birthday told by the age turned: "He's homebound and turning 100 on Dec 9", « elle fêtera ses 95 ans le 3 mars ».
AGE_TURNED_BEFORE = re.compile(
    r"\b(?:turning|turns|turned|will turn|will be|aiming for|hoping to reach|celebrated (?:her|his)|fête ses|"
    r"fêtera ses|a fêté (?:ses|son)|"
    r"a célébré (?:ses|son)|aura|aurait eu|would have turned)\s+\d{1,3}(?:st|nd|rd|th|e|ème)?"
    r"(?:\s+(?:ans|birthday|anniversaire))?\s+(?:on|le)\s+$",
    re.IGNORECASE,
)
DOCTOR_IN_SENTENCE = re.compile(r"(?<!\w)(?:Dr|Dre|Drs|Pr|Pre|Prof)\.?\s+[A-ZÉ]")


def _days_of_death_appointments_and_birthdays(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6], DATE_PATTERNS[-1]):
        for match in _date_matches(text, pattern):
            at = match.start()
            before = text.value[max(0, at - 60) : at]
            death = DEATH_TOLD_BEFORE.search(before)
            appointment = APPOINTMENT_BEFORE.search(before)
            birthday = (
                AGE_TURNED_BEFORE.search(before)
                and not lexicon.ORGANIZATION_CUES.search(before)
                and not _not_a_patients_age(text, at)
            )
            if not (death or appointment or birthday):
                continue
            if text.sentence_has(COLLEAGUES_DAY, at) or text.sentence_has(DOCTOR_IN_SENTENCE, at):
                continue
            if death and text.sentence_has(TOLD_AS_TO_COME, at):
                continue
            code = "date_of_birth" if birthday else "date_of_care"
            hits.append(Hit(Category.DATE, match.start(), match.end(), code, ""))
    return hits


# A day named after what happened to someone: "still sends a card every March 9, the day of her stent", « chaque 3
# mars, le jour de sa greffe ». Not a colleague's retirement or wedding.
DATE_NAMED_FOR_SOMEONES_CARE = re.compile(
    r",?\s+(?:the day (?:of |after |before )?(?:her|his|their)|the anniversary of (?:her|his|their)|le jour (?:de |d')"
    r"(?:sa|son|ses)|l'anniversaire de (?:sa|son|ses)|le jour où (?:il|elle))\s+"
    r"(?!retirement|wedding|graduation|retraite|mariage|départ|diplôme|promotion)",
    re.IGNORECASE,
)
# A patient's return after care: "He's back in net on December 12 if symptom-free", « elle reprend l'école le 7
# décembre ». In a post about someone named with their age, or a story of care.
DATE_RETURN_BEFORE = re.compile(
    r"\b(?:he|she|he's|she's|il|elle)\b[^.!?\n]{0,12}?\b(?:back|returns?|returning|reprend|retourne|revient|"
    r"sera de retour)\b[^.!?\n]{0,25}?\b(?:on|le)\s+$|"
    # told of the patient by name: « Ti-Pou est retourné à l'école le lundi 23 novembre ».
    r"\b(?:est retournée?|est revenue?|returned|went back)\b[^.!?\n]{0,25}?\b(?:on|le)\s+$",
    re.IGNORECASE,
)


def _days_named_for_care_or_return(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical: asked only when a rule runs

    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            at = match.start()
            named_for_care = DATE_NAMED_FOR_SOMEONES_CARE.match(text.value, match.end())
            returning = DATE_RETURN_BEFORE.search(text.value, max(0, at - 60), at) and (
                NAMED_WITH_AGE.search(text.value) or tells_a_care_story(text)
            )
            if not (named_for_care or returning) or text.sentence_has(lexicon.EVENT_CUES, at):
                continue
            # A colleague back from leave is said in the sentence or the one before: "Dr. Lee… She's back on Dec 12".
            before = text.value[text.sentence_around(max(0, text.sentence_around(at)[0] - 1))[0] : at]
            if returning and (COLLEAGUES_DAY.search(before) or DOCTOR_IN_SENTENCE.search(before)):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A month without a day, tied to one person's care, is still more precise than the year (the corpus's labelling
# rule): "diagnosed with leukemia in October", "admitted in March 2024", « hospitalisée en mars 2024 ». Not a
# ward's month ("we admitted 40 patients in March") nor a course's ("as we practised in October").
# The month is looked for first, the verb of care before it only then: the verbs are everywhere, months less so.
MONTH_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|since|early|late|mid-|en|depuis|début|fin|à la fin d'|au début d')\s*"
    # English months with their capital: "in may" is rarely the month.
    r"(?P<month>(?-i:January|February|March|April|May|June|July|August|September|October|November|December)|"
    rf"{lexicon.MONTHS_FR})(?:\s+\d{{4}})?(?!\w)",
    re.IGNORECASE,
)
CARE_VERB_BEFORE = re.compile(
    r"\b(?P<verb>diagnosed|admitted|hospitali[sz]ed|operated on|discharged|transplanted|died|passed away|"
    r"diagnostiquée?|admise?|hospitalisée?|opérée?|décédée?|greffée?|est morte?|"
    # An exam asked for in a month: "the MRI ordered in March", « l'IRM demandée en mars ».
    r"ordered|requested|referred|demandée?|prescrite?|référée?|"
    # A visit told by what the patient said at it: « Mme Gagnon m'avait dit en janvier que sa toux… ».
    r"told me|came to see me|consulted|m'a dit|m'avait dit|m'a confié|m'avait confié|est venue? me voir|"
    r"m'a consultée?|"
    # Found, or come in, in a month: "we found the mass on his CT in October", "came in in August tired".
    r"found|came in|showed up|est venue?|est arrivée?|a consulté)\b[^.!?\n;]{0,50}$",
    re.IGNORECASE,
)


OWN_CARE_BEFORE = re.compile(
    r"\b(?:I|I've|I had|je|j'ai)\s+(?:was|been|got|have been|été|suis|ai été)?\s*$", re.IGNORECASE
)
TOLD_VERB = re.compile(
    r"told me|came to see me|consulted|m'a dit|m'avait dit|m'a confié|m'avait confié|est venue? me voir"
)
RELATIVE_WORD = re.compile(rf"\b(?:{RELATIVES})\b", re.IGNORECASE)


# A person described by their age is the one a story is about: "On Monday, November 23, a 9-month-old came to our
# practice", "6-year-old <name> swallowed a button battery on Sunday Nov 29", « <prénom>, 15 ans, rupture du LCA le
# 21/11/2026 ». Not a thing's age ("our 10-year-old program"), a notice's day to come, an event's or a colleague's.
AGE_DESCRIBED = re.compile(
    r"(?<![\w.])(?<!\bmy )(?<!\bour )(?<!\bmon )(?<!\bma )(?<!\bnotre )"
    r"\d{1,3}[\s-]*(?:years?|yrs?|months?|weeks?|days?)[\s-]*old\b(?!\s+(?:program|programme|clinic|unit|"
    r"hospital|building|service|initiative|tradition|practice|team|study|policy|ward|wing|floor|centre|center|"
    r"campaign|drive|fundraiser|event|tournament|league|registry)\b)|"
    r"(?<![\w.])(?-i:[A-ZÉ][a-zà-ÿ'’-]+),\s*\d{1,3}\s*(?:ans|mois)\s*,|"
    # French says a person by a noun and their age: « une cycliste de 34 ans », « un garçon de 13 ans ». Not a thing's
    # length: « un programme de 10 ans », « un suivi de 5 ans ».
    r"\b(?:une?|la|le)\s+(?!(?:programme|projet|plan|suivi|étude|mandat|contrat|carrière|période|délai|durée|"
    r"garantie|tradition|histoire|expérience|partenariat|engagement|service|bail|prêt)\b)[a-zà-ÿ-]{3,}\s+"
    r"de\s+\d{1,3}\s*(?:ans|mois)\b",
    re.IGNORECASE,
)


# A person named with an age a person can have, not a place with its street number ("Jean-Baptiste-Meilleur, 777,").
DATE_PERSON_WITH_AGE = re.compile(
    r"(?<![\w.])(?-i:(?:(?:Mr|Mrs|Ms|Mme|M)\.?\s+)?[A-ZÉ][a-zà-ÿ'’-]+(?:\s+[A-ZÉ][a-zà-ÿ'’-]+)?),\s*(?:\d{1,2}|1[01]\d)"
    r"(?:\s*ans)?\s*,(?!\s*(?:rue|boulevard|avenue|chemin|route|rang)\b)"
)


def _days_of_someone_described_by_age(text: Text) -> list[Hit]:
    if not (AGE_DESCRIBED.search(text.value) or DATE_PERSON_WITH_AGE.search(text.value)):
        return []
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6], DATE_PATTERNS[-1]):
        for match in _date_matches(text, pattern):
            at = match.start()
            described = text.sentence_has(AGE_DESCRIBED, at) or text.sentence_has(DATE_PERSON_WITH_AGE, at)
            if not described or UNTIL_BEFORE.search(text.value[max(0, at - 25) : at]):
                continue
            sentence_start, _ = text.sentence_around(at)
            if OWN_FAMILY_BEFORE.search(text.value[sentence_start:at]):
                continue  # "my 6-year-old's recital on March 3"
            # A patient named with their age may have plans: "Mr. Gould, 92, going to Kenya… January 6".
            to_come = TOLD_AS_TO_COME if not text.sentence_has(DATE_PERSON_WITH_AGE, at) else lexicon.PUBLISHED_CUES
            if any(
                text.sentence_has(pattern, at)
                for pattern in (
                    lexicon.EVENT_CUES,
                    lexicon.PUBLISHED_CUES,
                    to_come,
                    COLLEAGUES_DAY,
                    PATIENT_COUNT,
                    ORGANIZATION_BIRTHDAY,
                )
            ):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# The day of someone's last dose or visit, as a history is taken: "His wife brought the card; last booster was June
# 11, 2009", "her last period was on March 2", « son dernier rappel date du 3 mars 2019 ». Someone must be near.
LAST_CARE_BEFORE = re.compile(
    r"\b(?:last|previous|most recent|latest)\s+(?:[\w-]+\s+){0,2}(?:booster|shot|dose|vaccine|vaccination|jab|"
    r"period|lmp|mammogram|colonoscopy|pap|scan|infusion|transfusion|admission|seizure|fall|drink|bleed)s?\s+"
    r"(?:was|were|on|given|done)\s+(?:on\s+|in\s+)?$|"
    r"\b(?:dernier|dernière|précédente?)\s+(?:[\w-]+\s+){0,2}(?:rappel|vaccin|dose|injection|règles|mammographie|"
    r"coloscopie|perfusion|transfusion|hospitalisation|crise|chute)s?\s+(?:date du|remonte au|était le|le|du)\s+$",
    re.IGNORECASE,
)


def _days_of_last_care(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*DATE_PATTERNS[:5], DATE_PATTERNS[6], DATE_PATTERNS[-1]):
        for match in _date_matches(text, pattern):
            at = match.start()
            if not LAST_CARE_BEFORE.search(text.value, max(0, at - 60), at) or not _someone_near(text, at):
                continue
            if text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(TOLD_AS_TO_COME, at):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A story's part may open on a day and the act of care alone, without a verb: « 3/ Le 30 novembre, dernière ponction
# lombaire du protocole. », "4/ March 2: first chemo cycle." Only in a story of care, with someone in it.
CARE_ACT = words(
    "ponction", "biopsie", "chimio", "chimiothérapie", "greffe", "chirurgie", "opération", "dialyse", "perfusion",
    "transfusion", "césarienne", "accouchement", "irm", "amputation", "radiothérapie", "lumbar puncture", "biopsy",
    "chemo", "chemotherapy", "transplant", "surgery", "operation", "dialysis", "infusion", "c-section", "mri",
    "amputation", "radiation", "intubation", "extubation", "extubated",
    # A lesion's removal: « Exérèse le 14 octobre au CHU », "Excision on March 4, margins clear."
    "exérèse", "excision", "résection", "resection",
    # A turn for the worse is an event of care too: « Le 12 novembre, décompensation. »
    "décompensation", "decompensation", "rechute", "relapse", "arrêt cardiaque", "cardiac arrest",
)  # fmt: skip


def _days_opening_an_act_of_care(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical: asked only when a rule runs

    # A thread about a titled patient is a story of care without the word: « M. Arsenault… / 3/ Le 12 novembre, ».
    about_someone = TITLE_IN_SENTENCE.search(text.value) or NAMED_WITH_AGE.search(text.value)
    if not (about_someone or tells_a_care_story(text)):
        return []
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6], DATE_PATTERNS[-1]):
        for match in _date_matches(text, pattern):
            at = match.start()
            sentence_start, sentence_end = text.sentence_around(at)
            opening = THREAD_PART_MARK.split(text.value[sentence_start:at])[-1]
            if not SENTENCE_OPENING.match(opening) or not re.match(r"\s*[,:–—-]", text.value[match.end() :]):
                continue
            if not CARE_ACT.search(text.value, match.end(), sentence_end) or not _someone_near(text, at):
                continue
            if any(
                text.sentence_has(pattern, at)
                for pattern in (lexicon.EVENT_CUES, TOLD_AS_TO_COME, lexicon.PUBLISHED_CUES, PATIENT_COUNT)
            ):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A sentence opening on an act of care and its day, in a story about someone: « Biopsie le 3 novembre, confirmé. »,
# "Surgery on March 4, uneventful." The act dates the day even with nobody in that sentence.
DATE_ACT_OPENS = re.compile(r"^[\W\d]*(?:[\w'’-]+\s+)?(?:the\s+)?$")
DATE_ACT_JOIN = re.compile(r"^\s+(?:le|du|on|the|of)?\s*$", re.IGNORECASE)


def _days_an_act_of_care_opens_with(text: Text) -> list[Hit]:
    from privacy.stories import tells_a_care_story  # stories reads clinical: asked only when a rule runs

    about_someone = NAMED_WITH_AGE.search(text.value) or TITLE_IN_SENTENCE.search(text.value)
    if not (about_someone and tells_a_care_story(text)):
        return []
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            at = match.start()
            sentence_start, _ = text.sentence_around(at)
            opening = THREAD_PART_MARK.split(text.value[sentence_start:at])[-1]
            act = CARE_ACT.search(opening)
            if (
                not act
                or not DATE_ACT_OPENS.match(opening[: act.start()])
                or not DATE_ACT_JOIN.match(opening[act.end() :])
            ):
                continue
            if any(
                text.sentence_has(cue, at)
                for cue in (lexicon.EVENT_CUES, TOLD_AS_TO_COME, lexicon.PUBLISHED_CUES, PATIENT_COUNT)
            ):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A form's date right after the act of care it dates, beside someone: "<name>, ACL reconstruction 2026-09-02, back on
# the field", « Mme Roy, prothèse de hanche le 12/03/2026 ». Only the dates forms print (ISO, day/month/year).
CARE_ACT_BEFORE = re.compile(
    rf"(?:{CARE_ACT.pattern}|\b(?:reconstruction|repair|replacement|réparation|prothèse|fracture|rupture)|"
    # What it was done to may follow: « prothèse de hanche le 12/03/2026 ».
    rf"\w+{OPERATION_SUFFIX})(?:\s+(?:de|du|of)\s+[\w'’-]+)?\W{{0,3}}(?:on\s+|le\s+|du\s+)?$",
    re.IGNORECASE,
)


def _form_dates_after_an_act_of_care(text: Text) -> list[Hit]:
    hits = []
    for pattern in (DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            at = match.start()
            if not CARE_ACT_BEFORE.search(text.value, max(0, at - 40), at):
                continue
            someone = _someone_near(text, at) or text.sentence_has(NAMED_AFTER_A_WORD, at)
            if not someone or text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(TOLD_AS_TO_COME, at):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


# A full name mid-sentence, as case notes give it: "Ortho follow-up: <first> <last>, …".
NAMED_AFTER_A_WORD = re.compile(r"(?<=[:,]\s)(?-i:[A-ZÉ][a-zà-ÿ'’-]+\s+[A-ZÉ][a-zà-ÿ'’-]+),")


# An exam said right beside its month: « Radiographie normale en juin », « En septembre, un scan : cancer… ».
DATE_EXAM_BESIDE_MONTH = re.compile(
    r"\b(?:scan|ct|x-ray|mri|irm|radiographie|radio|échographie|écho|mammographie|mammogram|coloscopie|colonoscopy|"
    r"biopsie|biopsy)\b",
    re.IGNORECASE,
)


def _months_of_care(text: Text) -> list[Hit]:
    hits = []
    for month in MONTH_AFTER_PREPOSITION.finditer(text.value):
        match = CARE_VERB_BEFORE.search(text.value, max(0, month.start() - 60), month.start())
        if not match:
            exam = DATE_EXAM_BESIDE_MONTH.search(text.value, max(0, month.start() - 30), month.start()) or (
                DATE_EXAM_BESIDE_MONTH.search(text.value, month.end(), month.end() + 15)
            )
            at = month.start("month")
            if exam and _someone_near(text, at) and not text.sentence_has(lexicon.EVENT_CUES, at):
                if not text.sentence_has(PATIENT_COUNT, at) and not text.sentence_has(COLLEAGUES_DAY, at):
                    hits.append(Hit(Category.DATE, at, month.end(), "date_of_care", ""))
            continue
        at = month.start("month")
        if OWN_CARE_BEFORE.search(text.value, max(0, match.start() - 25), match.start()):
            continue  # "I was diagnosed with Crohn's in May 2019": the author's own care
        if text.sentence_has(PATIENT_COUNT, at) or text.sentence_has(COLLEAGUES_DAY, at):
            continue
        if TOLD_VERB.fullmatch(match["verb"].lower()):
            # What someone told me in a month is a visit only when the one who told is a patient, by title or word:
            # « Mme Gagnon m'avait dit en janvier… »; not "my mother told me in March".
            someone = text.sentence_has(TITLE_IN_SENTENCE, at) or text.sentence_has(PATIENT_NAMED, at)
        else:
            # "My dad was diagnosed… in June" is his own care.
            someone = text.sentence_has(RELATIVE_WORD, at) or _someone_near(text, at)
            someone = someone or text.sentence_has(TITLE_IN_SENTENCE, at)
        if someone:
            hits.append(Hit(Category.DATE, at, month.end(), "date_of_care", ""))
    return hits


# The author's own family is not a patient unless the sentence tells of their care: "My grandmother turned 90 last
# week" stays, "my mother, 93, was admitted" does not. A colleague's great age is not a patient's either: "our
# volunteer Bob, 92, was honoured at his retirement party", « notre bénévole Gisèle, 93 ans, a pris sa retraite ».
OWN_FAMILY_BEFORE = re.compile(
    rf"\b(?:my|our|ma|mon|mes|notre|nos)\s+(?:own\s+|propre\s+)?(?:{RELATIVES}|grandma|grandpa|nana|grand-maman|"
    r"grand-papa|mamie|papi)\b"
    # Not kin: "my grandmother's best friend, Agnes, 97", « ma grand-mère de cœur, Mémé Fernande, 96 ans ».
    r"(?!(?:'s|’s)\s+(?:best\s+|old\s+|close\s+)?(?:friends?|neighbou?rs?|roommates?)\b|\s+de\s+c(?:œ|oe)ur\b)"
    r"[^.!?\n]{0,40}$",
    re.IGNORECASE,
)
COLLEAGUE_BEFORE = re.compile(
    r"\b(?:our|my|notre|nos|mon|ma)\s+(?:[\w-]+\s+)?(?:nurse|volunteer|colleague|receptionist|clerk|secretary|"
    r"physician|porter|pharmacist|bénévole|collègue|infirmière|infirmier|secrétaire|réceptionniste|préposée?|"
    r"pharmacienne?|commis)s?\s*,?\s*[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# A retirement, not a retired person described: "Mr. J., 94, a retired farmer, came in" is a patient.
RETIREMENT = words(
    "retirement", r"(?<!never )retiring", r"(?<!\ba )(?<!\ban )retired", "sa retraite", "départ à la retraite"
)


# A colleague's memorial gives the age a sentence later: "Our longtime receptionist Marg passed away on Nov 3. She was
# 92 and worked here until 80."
COLLEAGUE_OPENS = re.compile(
    r"^\W*(?:our|my|notre|nos|mon|ma)\s+(?:[\w-]+\s+)?(?:nurse|volunteer|colleague|receptionist|clerk|secretary|"
    r"physician|porter|pharmacist|bénévole|collègue|infirmière|infirmier|secrétaire|réceptionniste|préposée?|"
    r"pharmacienne?|commis)\b",
    re.IGNORECASE,
)
PRONOUN_OPENS = re.compile(r"^\W*(?:she|he|elle|il)\b", re.IGNORECASE)


# A patient of the reader's, in general: « si vous ne connaissez pas la biographie de votre patient de 90 ans », "your
# 95-year-old patients deserve…".
AGE_GENERIC_PATIENT_BEFORE = re.compile(
    r"\b(?:your|votre|vos|ton|ta|tes)\s+(?:\w+\s+)?(?:patiente?s?|résidente?s?)\s+(?:de\s+)?$", re.I
)


def _not_a_patients_age(text: Text, start: int) -> bool:
    sentence_start, sentence_end = text.sentence_around(start)
    before = text.value[sentence_start:start]
    if AGE_GENERIC_PATIENT_BEFORE.search(before[-40:]):
        return True
    if OWN_FAMILY_BEFORE.search(before) and not text.sentence_has(lexicon.CARE_CUES, start):
        return True
    if sentence_start and PRONOUN_OPENS.match(before):
        previous_start, previous_end = text.sentence_around(sentence_start - 1)
        previous = text.value[previous_start:previous_end]
        # Unless a patient is in it too: "Our nurse Jo sat with Mr. Lee all night. He was 96."
        patient_too = TITLE_IN_SENTENCE.search(previous) or PATIENT_NAMED.search(previous)
        if COLLEAGUE_OPENS.match(previous) and not patient_too:
            return True
    return bool(COLLEAGUE_BEFORE.search(before)) or _retirement_in_sentence(text, start)


# "a lovely retired ferry engineer" describes a patient; "our nurse retired on June 30" is a colleague's retirement.
RETIRED_DESCRIBING = re.compile(
    r"\b(?:an?|the)\s+(?:[\w-]+\s+){1,2}retired\b", re.IGNORECASE
)  # "a 94-year-old retired…"


def _retirement_in_sentence(text: Text, position: int) -> bool:
    start, end = text.sentence_around(position)
    described = [match.end() for match in RETIRED_DESCRIBING.finditer(text.value, start, end)]
    return any(match.end() not in described for match in RETIREMENT.finditer(text.value, start, end))


def ages(text: Text) -> list[Hit]:
    hits = []
    for pattern in AGE_PATTERNS:
        for match in pattern.finditer(text.value):
            group = next((name for name in ("age", "age_fr") if pattern.groupindex.get(name) and match[name]), 0)
            start, end = match.span(group)
            after = text.value[end : end + 20]
            before = text.lower[max(0, match.start() - 20) : match.start()]
            if AGE_GROUP_AFTER.search(after) or AGE_GROUP_BEFORE.search(before):
                continue
            if text.sentence_has(AGE_STATISTICS, start):
                continue
            if ANNIVERSARY_SAID.search(text.value[start:end]) and ORGANIZATION_ANNIVERSARY.match(text.value, end):
                continue
            if ORGANIZATION_BIRTHDAY.match(text.value, max(0, start - 20)) or ORGANIZATION_POSSESSIVE.search(before):
                continue  # "the unit's 100th birthday"
            if AGE_OF_A_THING_AFTER.match(text.value, end):
                continue  # "the 92-year-old hospital building"
            if match.group().lower().startswith("at ") and text.sentence_has(READING_CUES, start):
                continue  # "heart rate at 95, she…" is a reading
            replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
            if re.search(r"old$", text.value[start:end], re.IGNORECASE):
                replacement = "elderly"
            hits.append(Hit(Category.AGE, start, end, "age_over_89", replacement))
    found = hits + _ages_closing_or_bracketed(text) + _ages_after_initials_or_death(text) + _ages_reached(text)
    found += _oldest_and_worked_out_ages(text)
    # A hashtag is a topic, not someone's age: "#centenarian". An age hoped for is not reached: « est-ce que je vais
    # fêter mes cent ans ? », « elle attendait ses cent ans pour… », "she wants to make it to 100".
    return [
        hit
        for hit in found
        if not _not_a_patients_age(text, hit.start)
        and not text.value[: hit.start].endswith("#")
        and not DATES22_AGE_HOPED_FOR_BEFORE.search(text.value, max(0, hit.start - 40), hit.start)
        and not dates23_a_colleagues_age_at_death(text, hit.start)
        and not DATES23_AGE_OF_A_GROUP.match(text.value, hit.start)
        and not dates23_an_age_still_to_come(text, hit)
    ]


# An age someone is still to reach, after the lower one they are: « Pépère Donat, 97 ans, … c'était pour ses 100 ans »,
# "Mrs. Hall, 96, wants the shot for her 100th". Not a birthday kept: « ses 100 ans » alone, "her 100th today".
DATES23_FOR_AN_AGE_BEFORE = re.compile(r"\b(?:pour|for)\s+(?:ses|mes|his|her|my)\s+$", re.IGNORECASE)
DATES23_AGE_SAID = re.compile(r"(?<![\d,.])(?P<age>[89]\d|1[01]\d)(?:\s*(?:ans|years? old|-year-old)|\s*[,)])")


def dates23_an_age_still_to_come(text: Text, hit: Hit) -> bool:
    number = re.match(r"\d+", text.value[hit.start : hit.end])
    if not number or not DATES23_FOR_AN_AGE_BEFORE.search(text.value, max(0, hit.start - 20), hit.start):
        return False
    return any(int(said["age"]) < int(number.group()) for said in DATES23_AGE_SAID.finditer(text.value, 0, hit.start))


# A colleague's age at death is told in a memorial, in public: "Remembering Dr. Walter Hnatyshyn, who died last week at
# 91", « Hommage au Dr Armand Bourque, mort à 93 ans ». A patient's is not: "Mr. Roy died at 94, Dr. Lee with him".
DATES23_DEATH_OR_MEMORIAL = re.compile(
    r"\b(?:died|passed away|remembering|in memoriam|in memory|obituary|rest in peace|mort|morte|décédée?|"
    r"s['’]est éteinte?|hommage|nécrologie|avis de décès)\b",
    re.IGNORECASE,
)


def dates23_a_colleagues_age_at_death(text: Text, position: int) -> bool:
    return (
        text.sentence_has(DATES23_DEATH_OR_MEMORIAL, position)
        and text.sentence_has(DOCTOR_IN_SENTENCE, position)
        and not text.sentence_has(TITLE_IN_SENTENCE, position)
        and not text.sentence_has(PATIENT_NAMED, position)
    )


# Ages said in the plural are people that age, no one person: "we stop statins in 95-year-olds", « nos centenaires »,
# "centenarians".
DATES23_AGE_OF_A_GROUP = re.compile(
    r"(?:nos|les|des|ces|our|the)\s+(?:nonagénaires|centenaires|supercentenaires)\b|"
    r"[\w-]*(?:year-olds|centenarians|nonagenarians|centenaires|nonagénaires)\b",
    re.IGNORECASE,
)


DATES22_AGE_HOPED_FOR_BEFORE = re.compile(
    r"\b(?:fêter|atteindre|attendre|attend|attends|attendait|attendaient|vivre jusqu['’]à|se rendre à|fera|ferai|"
    r"live to|living to|make it to|to see)\s+(?:ses|mes|leurs|nos|tes|vos|his|her|my|their|your|the\s+)?"
    r"\s*(?:(?:grand|big)\s+)?$",
    re.IGNORECASE,
)


def _oldest_and_worked_out_ages(text: Text) -> list[Hit]:
    if not GREAT_AGE_NUMBER.search(text.value):
        return []
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    hits = []
    for pattern in (AGE_OF_THE_OLDEST, AGE_WORKED_OUT, AGE_AFTER_TITLED_APPOSITION):
        for match in pattern.finditer(text.value):
            group = "age" if match["age"] else "age_fr"  # only AGE_WORKED_OUT has a French group
            at = match.start()
            if not text.sentence_has(AGE_STATISTICS, at) and not text.sentence_has(READING_CUES, at):
                hits.append(Hit(Category.AGE, match.start(group), match.end(group), "age_over_89", replacement))
    return hits


# A great age after a person written by initials, as a case is anonymised: "Ms. R.P., 94, admitted Nov. 30", « M. G.L.,
# 96 ans, »; one initial after a title is as much a person: "Ms. L., 96, brought from her apartment". A name with an
# age is read by the name rules; initials are not a name word.
INITIALS_THEN_AGE = re.compile(
    r"(?<![\w.])(?:(?:Mr|Mrs|Ms|Mme|Mlle|M)\.?\s+(?P<initial>[A-Z]\.)|"
    r"(?:(?:Mr|Mrs|Ms|Mme|Mlle|M)\.?\s+)?(?P<initials>[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?))\s*(?:,\s*|\(\s*)"
    r"(?P<age>9\d|1[01]\d)(?:\s*(?:ans|yo|y/o|years? old))?\s*[,;)]"
)
# A great age in apposition after a person said by a common noun: "The patient, 97, went home today", "A woman, 94,
# came in after a fall", "His wife, 91, stayed all night". Not a colleague ("our receptionist, 91,"), read below.
# The age is looked for first, the person before it only then.
# The apposition may go on with what the person still does: "A logger, 91 and still splitting his own wood, came in".
AGE_IN_APPOSITION = re.compile(
    r"(?:,\s*|\(\s*)(?P<age>9\d|1[01]\d)(?:\s*(?:ans|yo|y/o|years? old))?\s*"
    r"(?:[,;)]|(?:and|et)\s+(?!older|over|up|plus|counting|more|above)\w)"
)
# Grandparents as families call them, "great-" or not: "Jaxon's great-grandma, 97,", « sa mamie, 94 ans, ».
DATES22_FAMILY_NAMES = r"(?:great-)*(?:grandma|grandpa|granny|gramma|grampa|nana|papa)|mamie|mamy|papi|papy|mémé|pépé"
PERSON_NOUN_BEFORE = re.compile(
    rf"\b(?:patient|patiente|pt|woman|man|lady|gentleman|veteran|widow|widower|resident|dame|homme|femme|monsieur|"
    rf"madame|{RELATIVES}|{DATES22_FAMILY_NAMES})\s*$|"
    # Someone said by a trade after an article ("A logger, 91"), or by a first name within a sentence ("My patient
    # Walter, 96, told me"); not a place opening a sentence ("Toronto, 95 nurses…" has no closing comma anyway).
    # A double surname too: "Mrs. Edna Ruiz-Halvorsen, 94".
    r"(?:^|[.!?:]\s+|\s)(?:an?|une?)\s+[a-zà-ÿ-]{3,}\s*$|"
    r"(?<=[a-zà-ÿ,]\s)(?-i:[A-ZÉ][a-zà-ÿ'’]+(?:-[A-ZÉ][a-zà-ÿ'’]+)?)\s*$",
    re.IGNORECASE,
)
# When someone was seen may stand between them and their age: "Mrs. Roy this morning, 94 and still walking", "a
# retired ferry engineer last week, 93,". The person is then looked for before it.
AGE_TIME_BETWEEN = re.compile(
    r"\s+(?:this (?:morning|afternoon|evening|week)|last (?:night|week|month)|yesterday|today|tonight|"
    r"ce matin|cet après-midi|ce soir|hier(?: soir)?|aujourd'hui|la semaine dernière|cette semaine)\s*$",
    re.IGNORECASE,
)
# A person described by a few words after an article: "a lovely retired ferry engineer".
PERSON_DESCRIBED_BEFORE = re.compile(r"(?:^|\s)(?:an?|une?)\s+(?:[a-zà-ÿ-]{3,}\s+){1,3}[a-zà-ÿ-]{3,}\s*$", re.I)
# An age reached, said by the one who reached it: '"didn't get to 91 by listening to doctors"', "made it to 100".
AGE_REACHED = re.compile(
    # Reached, not hoped for: not "he plans to make it to 100".
    r"\b(?:got|made it|lived|(?:didn't|did not|wouldn't have|would not have)\s+(?:get|make it|live))\s+to\s+"
    r"(?P<age>9\d|1[01]\d)"
    r"(?![\d%/]|[.,]\d|\s*(?:%|km|kg|lbs?|bpm|mph|degrees|°))",
    re.IGNORECASE,
)
# A great birthday celebrated: "She celebrated her 100th on Feb 2", « il a célébré son 95e ».
CELEBRATED_AGE = re.compile(
    r"\b(?:celebrated|celebrates|celebrating|a célébré|célèbre|a fêté|fête)\s+(?:her|his|their|son|sa)\s+"
    r"(?P<age>9\d|1[01]\d)(?:st|nd|rd|th|e|ème)(?!\w)",
    re.IGNORECASE,
)
# A great age said as when someone died: "who died Nov 23 at 97 and told me…", « décédée à 96 ans ».
DIED_AT_AGE = re.compile(
    r"\b(?:died|passed away|passed|est morte?|est décédée?|décédée?|s'est éteinte?)\b[^.!?\n;]{0,30}?\b(?:at|à)\s+"
    r"(?P<age>9\d|1[01]\d)(?:\s+ans)?(?![\d%/.,:]\d|\s*(?:%|km|kg|h\b|am\b|pm\b|a\.m|p\.m))",
    re.IGNORECASE,
)


# A titled patient, described in apposition, then their age: "Mr. H., a retired tool-and-die maker from Oshawa, is 93".
AGE_AFTER_TITLED_APPOSITION = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Mme|M|Mlle)\.?\s+[A-ZÉ][\w'’.-]*,\s+[^.!?\n]{0,60}?,\s+(?:is|was|turned|turns|a|avait)\s+"
    r"(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d|\s*(?:%|km|kg|patients))"
)
# The oldest of one's patients, and the age that follows: "Our oldest hip fracture this year: 103.", « notre doyenne
# du service, 101 ans ». A study's oldest participant is kept out by its words (AGE_STATISTICS).
AGE_OF_THE_OLDEST = re.compile(
    r"\b(?:oldest|doyenne?|plus âgée?)\b[^.!?\n\d]{0,40}?(?::|,|\bwas|\bis|\best|\bétait|\ba)\s*"
    r"(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d|\s*(?:%|km|kg|years? ago|ans? plus tôt|patients|people|personnes))",
    re.IGNORECASE,
)
# An age worked out from a birth date: "born on 2 February 1931, which would make her 95", « ce qui lui fait 95 ans ».
AGE_WORKED_OUT = re.compile(
    r"\b(?:makes?|made|would make|making)\s+(?:her|him|them)\s+(?P<age>9\d|1[01]\d)(?![\d%/]|[.,]\d)|"
    r"\b(?:lui|leur)\s+(?:fait|ferait|donne|donnerait)\s+(?P<age_fr>9\d|1[01]\d)(?=\s+ans)",
    re.IGNORECASE,
)


# Every one of these needs a great age's number: most posts have none, and then none of them runs.
GREAT_AGE_NUMBER = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")


def _person_apposed(text: Text, position: int) -> bool:
    """Someone right before an apposed age, or before when they were seen: "Mrs. Roy this morning, 94"."""
    time_between = AGE_TIME_BETWEEN.search(text.value, max(0, position - 30), position)
    if time_between:
        position = time_between.start()
        if PERSON_DESCRIBED_BEFORE.search(text.value, max(0, position - 50), position):
            return True
    return bool(PERSON_NOUN_BEFORE.search(text.value, max(0, position - 25), position))


def _ages_reached(text: Text) -> list[Hit]:
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    return [
        Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", replacement)
        for match in AGE_REACHED.finditer(text.value)
        if text.sentence_has(SOMEONE_IN_SENTENCE, match.start())
        and not text.sentence_has(READING_CUES, match.start())
        and not text.sentence_has(AGE_STATISTICS, match.start())
    ]


def _ages_after_initials_or_death(text: Text) -> list[Hit]:
    if not GREAT_AGE_NUMBER.search(text.value):
        return []
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    return [
        Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", replacement)
        for pattern in (INITIALS_THEN_AGE, DIED_AT_AGE, AGE_IN_APPOSITION, CELEBRATED_AGE)
        for match in pattern.finditer(text.value)
        if pattern is not AGE_IN_APPOSITION or _person_apposed(text, match.start())
        if not text.sentence_has(AGE_STATISTICS, match.start())
        and (
            pattern is not INITIALS_THEN_AGE or (match["initials"] or "").replace(" ", "") not in NOT_INITIALS
        )  # "U.S., 92,"
    ]


def _ages_closing_or_bracketed(text: Text) -> list[Hit]:
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    hits = [
        Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", replacement)
        for match in AT_AGE_CLOSING.finditer(text.value)
        if text.sentence_has(SOMEONE_IN_SENTENCE, match.start())
        and not text.sentence_has(READING_CUES, match.start())
        and not text.sentence_has(AGE_STATISTICS, match.start())
    ]
    hits.extend(
        Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", replacement)
        for match in AGE_IN_BRACKETS.finditer(text.value)
    )
    return hits


RURAL_BEFORE = re.compile(r"(?:\bRR|\bR\.R\.|\bSite|\bP\.?O\.?)\s*#?\s*\d*,?\s*$")


# A bed spoken of as the ward's equipment, with nobody in it: "In bed 3 today: nobody", « le lit 7 de
# l'urgence est réservé aux… », "bed 4 is open".
BED_AS_EQUIPMENT = re.compile(
    r"^\s*(?:(?:de|of)\s+(?:l'|la\s+|le\s+|the\s+)?[\w'’-]+\s+)?(?:is|are|est|sont|reste)\s+(?:now\s+|désormais\s+)?"
    r"(?:reserved|réservée?s?|open|ouverte?s?|free|libre|empty|vide|closed|fermée?s?|available|disponible)|"
    r"^\s*(?:today|aujourd'hui)?\s*:\s*(?:nobody|personne|empty|vide)",
    re.IGNORECASE,
)


def _bed_as_equipment(text: Text, match: re.Match) -> bool:
    if text.sentence_has(ROOM_PERSON_CUES, match.start()):
        return False  # "Bed 14A is now free, and Mrs. Park finally has a window"
    return bool(BED_AS_EQUIPMENT.match(text.value[match.end() : match.end() + 60]))


# A ward named by its floor and wing, as staff say it: "every nurse on 7 West", « l'équipe du 4e Nord »; not a
# street ("7 West Street") nor a unit's own news without anyone in it.
WARD = re.compile(
    r"(?<![\w-])(?:\d{1,2}\s?(?:West|East|North|South)|\d{1,2}(?:e|ème|er)\s+(?:Nord|Sud|Est|Ouest))(?![\w-])"
    r"(?!\s+(?:[A-Z]|St\b|rue\b|street\b|avenue\b))"
)
# A room number alone after a titled patient: "Mr. Fox in 312 asked for his guitar", « Mme Roy, de la 312, ». Not a
# year ("Mr. Fox in 2019") nor a count or an amount.
ROOM_AFTER_TITLED = re.compile(
    rf"(?<![\w.])(?:Mr|Mrs|Ms|Mme|M|Mlle)\.?\s+{NAME_WORD}\s*,?\s+(?:in|from|de la|du|au|à la)\s+"
    # Not a phone number's area code: « rappeler le fils de Mme Doré au 819-555-0155 ».
    r"(?P<room>(?!(?:19|20)\d\d\b)\d{3,4}[A-Z]?)(?![\w%$]|[.,]\d|[-\s.]\d{3}|\s*(?:%|\$|km|kg|mg|patients|people|personnes|ans|years|"
    r"days|jours|pages|words|mots)\b)"
)
THREE_DIGITS = re.compile(r"\d{3}")
# A room as hospitals number it, without the word room: "it was Mr. Osei in 4B-12".
ROOM_CODE = re.compile(r"(?<=\b(?:in|to|en|au) )\d{1,2}[A-Z]-\d{1,4}(?![\w-])")


def _wards_and_room_codes(text: Text) -> list[Hit]:
    hits = []
    for match in WARD.finditer(text.value):
        at = match.start()
        # Staff are named on their ward all the time ("the nurses of 4 West, Marcus and Tiana"): only a person said
        # by a pronoun or a title, in a sentence without a doctor in it, is there as a patient.
        # The person is said near the ward, not anywhere in a long sentence; a named room on a ward is a venue ("the
        # Rotary Family Room on 8 North").
        sentence_start, sentence_end = text.sentence_around(at)
        near = text.value[max(sentence_start, at - 60) : at]
        around = text.value[max(sentence_start, at - 60) : min(sentence_end, match.end() + 30)]
        someone = ROOM_PERSON_CUES.search(around) and not text.sentence_has(DOCTOR_IN_SENTENCE, at)
        if re.search(r"(?i:room|lounge|salle|suite|office|bureau)\s+(?:on|au|du)\s+$", near):
            continue
        if someone and not text.sentence_has(ROOM_EVENT_CUES, at):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    hits.extend(
        Hit(Category.ROOM, match.start(), match.end(), "room", "")
        for match in ROOM_CODE.finditer(text.value)
        if text.sentence_has(ROOM_PERSON_CUES, match.start())
    )
    hits.extend(
        Hit(Category.ROOM, match.start("room"), match.end("room"), "room", "")
        for match in (ROOM_AFTER_TITLED.finditer(text.value) if THREE_DIGITS.search(text.value) else ())
    )
    return hits


# A person said right before "in room N", by a nickname in quotes or a first name inside a sentence: '"Sunny" in
# room 412 painted a mural', "Gerald in room 4 asked for tea". Not a sentence's first word ("Meeting in Room 201").
PERSON_BEFORE_ROOM = re.compile(
    # or a surname in capitals and an initial, as a tracking board lists them: "HALVORSEN, I. in Hall 7".
    r"(?:[\"“«'‘]\s?(?-i:[A-ZÉ][a-zà-ÿ-]+)\s?[\"”»'’]|(?<=[a-zà-ÿ,]\s)(?-i:[A-ZÉ][a-zà-ÿ'’-]+)|"
    r"(?-i:\b[A-ZÉ]{2,}(?:-[A-ZÉ]{2,})?,\s*[A-Z]\.))\s+"
    r"(?:in|from|dans la|de la|en)\s+$"
)
# Someone is admitted or moved to a room: "admitted to LDR 7", « transférée en salle 3 », "moved to bed 12".
ROOM_ADMITTED_TO = re.compile(
    r"\b(?:admitted|transferred|moved|wheeled|brought|admise?|transférée?|installée?|conduite?)\s+"
    r"(?:to|into|in|en|à|dans)(?:\s+(?:the|la|le|l'))?\s*$",
    re.IGNORECASE,
)
ROOM_OR_AT_A_TIME = re.compile(r"OR\s*\d{4}")
ROOM_TEAM_OF_A_UNIT = re.compile(
    r"\b(?:équipe|team|staff|personnel|nurses|infirmières|infirmiers)\s+(?:de l'|du|de la|des|of|of the|on|at)\s*$",
    re.IGNORECASE,
)
# "from the whole Unit 4B team", « l'unité 6 et ses infirmières »: the unit's people, not a patient's room.
ROOM_TEAM_AFTER = re.compile(r"\s+(?:team|staff|nurses|crew|family)\b", re.IGNORECASE)
# A count after a unit is a count of visits: "came to our crisis unit 47 times".
COUNT_AFTER_ROOM = re.compile(r"\s+(?:times|fois|visits|visites|admissions)\b", re.IGNORECASE)


# A room match that is a treatment chair ("dialysis chair 4"): named apart from the name rules' TREATMENT_CHAIR.
CHAIR_AS_ROOM = re.compile(r"chair|fauteuil", re.IGNORECASE)


# Sat "in chair 11", not "board chair 2 years ago".
ROOM_BARE_CHAIR = re.compile(r"(?:(?<=\bin )|(?<=\bto )|(?<=\binto ))chair\s*#?\s*\d{1,2}(?!\w)", re.IGNORECASE)
ROOM_CHAIR_TREATMENT = words(
    "dialysis", "hemodialysis", "haemodialysis", "hd", "dialyse", "hémodialyse", "infusion", "infusions",
    "chemo", "chemotherapy", "chimio", "chimiothérapie", "perfusion", "transfusion",
)  # fmt: skip


def rooms(text: Text) -> list[Hit]:
    hits = [
        Hit(Category.ROOM, m.start(), m.end(), "room", "")
        for m in BED.finditer(text.value)
        if (not text.sentence_has(ROOM_EVENT_CUES, m.start()) or text.sentence_has(ROOM_PERSON_CUES, m.start()))
        and not _bed_as_equipment(text, m)
        # A chair is the unit's equipment ("dialysis chair 4 is broken again") unless someone sits in it.
        and (not CHAIR_AS_ROOM.search(m.group()) or text.sentence_has(ROOM_PERSON_CUES, m.start()))
    ]
    # A bare "chair 11" in a sentence about a treatment given in one is that patient's seat, week after week.
    hits.extend(
        Hit(Category.ROOM, m.start(), m.end(), "room", "")
        for m in ROOM_BARE_CHAIR.finditer(text.value)
        if text.sentence_has(ROOM_CHAIR_TREATMENT, m.start())
        and (
            text.sentence_has(ROOM_PERSON_CUES, m.start())
            # "Dialysis shoutout to Ernesto in chair 12": the one sitting in it, by first name.
            or PERSON_BEFORE_ROOM.search(text.value, max(0, m.start() - 30), m.start())
        )
    )
    for match in ROOM.finditer(text.value):
        if RURAL_BEFORE.search(text.value[max(0, match.start() - 15) : match.start()]):
            continue  # "RR 2, Site 5, Box 12": a rural address, read by privacy.identifiers
        in_building = ROOM_IN_BUILDING.search(text.value[match.end() : match.end() + 80])
        suite = STREET_BEFORE.search(text.value[max(0, match.start() - 60) : match.start()])
        if in_building or suite or COUNT_AFTER_ROOM.match(text.value, match.end()):
            continue
        if ROOM_TEAM_OF_A_UNIT.search(text.value, max(0, match.start() - 20), match.start()):
            continue
        if ROOM_TEAM_AFTER.match(text.value, match.end()):
            continue  # « l'équipe de l'unité 5 », "the staff of unit 5": the team's, not a patient's room
        if ROOM_OR_AT_A_TIME.fullmatch(match.group()):
            continue  # "OR 0700" on a board is when the patient goes to the operating room, not a room
        someone = (
            PERSON_BEFORE_ROOM.search(text.value, max(0, match.start() - 30), match.start())
            or _in_a_care_unit(text, match)
            or ROOM_ADMITTED_TO.search(text.value, max(0, match.start() - 30), match.start())
            or text.sentence_has(ROOM_PERSON_CUES, match.start())
            or text.sentence_has(FIRST_NAME_WORD, match.start())
            or _patient_just_before(text, match.start())
        )
        if someone and not text.sentence_has(ROOM_EVENT_CUES, match.start()):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    return hits + _birth_rooms(text) + _wards_and_room_codes(text) + _board_lines(text)


BIRTH_TOLD = words(
    "born",
    "arrived",
    "delivered",
    "delivery",
    "baby",
    "née",
    "né",
    # Twins and triplets: « Léa et Jules, nés le 2 octobre… en salle 5 », « Jumelles nées cette nuit en salle 2 ».
    "née?s",
    "arrivée?",
    "arrivé",
    "accouchement",
    "naissance",
    # A labour told as the ward says it: « Mme K., G3P2, salle 2, 7 cm », "midwife".
    r"G\d+P\d+",
    "sage-femme",
    "sages-femmes",
    "midwife",
    "midwives",
    "in labour",
    "in labor",
    "en travail",
)


# A tracking board's line, copied into a post: "T1 – ROBICHAUD, K. – 90 – ?hip", "Bed 3 – THERIAULT, M. – NPO". The
# first cell is the patient's room, a great age in a later cell theirs.
ROOM_BOARD_LINE = re.compile(
    r"(?P<room>(?<![\w-])(?:[A-Z]{1,3}\s?\d{1,2}[A-Z]?|(?i:bed|room|lit|box|hall)\s?\d{1,3}[A-Z]?))\s*[–—-]\s*"
    r"[A-ZÉÈ]{2,}(?:[-' ][A-ZÉÈ]{2,})?,\s*[A-Z]\.(?P<rest>[^\n\"”»]{0,80})"
)
ROOM_BOARD_AGE = re.compile(r"[–—-]\s*(?P<age>9\d|1[01]\d)\s*(?=[–—-]|$)")


# A room named in a sentence about a tracking board or a whiteboard is a patient's: "Tracking board photo… with B.
# LEFEBVRE and Hall 3 visible".
ROOM_BOARD_PERSON = re.compile(r"\b[A-Z]\.\s?[A-ZÉÈ]{2,}\b|\b[A-ZÉÈ]{2,},\s*[A-Z]\.")
ROOM_BOARD_SAID = words("tracking board", "whiteboard", "white board", "tableau blanc", "tableau des patients")


def _board_lines(text: Text) -> list[Hit]:
    hits = [
        Hit(Category.ROOM, m.start(), m.end(), "room", "")
        for m in (ROOM.finditer(text.value) if ROOM_BOARD_SAID.search(text.value) else ())
        if text.sentence_has(ROOM_BOARD_SAID, m.start())
        # with someone on it: "B. LEFEBVRE and Hall 3", not "Bay 1 to Bay 12 are now colour-coded"
        and (text.sentence_has(ROOM_BOARD_PERSON, m.start()) or text.sentence_has(ROOM_PERSON_CUES, m.start()))
        and not ROOM_OR_AT_A_TIME.fullmatch(m.group())
        and not text.sentence_has(ROOM_EVENT_CUES, m.start())
    ]
    if "–" not in text.value and " - " not in text.value and "—" not in text.value:
        return hits
    for match in ROOM_BOARD_LINE.finditer(text.value):
        hits.append(Hit(Category.ROOM, match.start("room"), match.end("room"), "room", ""))
        age = ROOM_BOARD_AGE.search(match["rest"])
        if age:
            start = match.start("rest") + age.start("age")
            replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
            hits.append(Hit(Category.AGE, start, start + len(age["age"]), "age_over_89", replacement))
    return hits


def _birth_rooms(text: Text) -> list[Hit]:
    """A room named in the sentence that tells a birth is the mother's: "salle" is a meeting room otherwise."""
    return [
        Hit(Category.ROOM, match.start(), match.end(), "room", "")
        for match in BIRTH_ROOM.finditer(text.value)
        if text.sentence_has(BIRTH_TOLD, match.start()) and not text.sentence_has(lexicon.EVENT_CUES, match.start())
    ]


PATIENT_NAMED = re.compile(
    r"(?<!\w)(?:patient|patiente|pt|mr\.|mrs\.|ms\.|mme|m\.|monsieur|madame)(?!\w)", re.IGNORECASE
)


def _patient_just_before(text: Text, position: int) -> bool:
    """A patient named in the sentence before: "…a patient, Mr. Abernathy, asked me to call… I sat in room 412", or
    someone named with their age: "Theo, 4, tells you he's a brave ladybug. Room 3B is now the ladybug room"."""
    start, _ = text.sentence_around(position)
    if start == 0:
        return False
    before = text.sentence_around(start - 1)[0]
    return text.sentence_has(PATIENT_NAMED, before) or text.sentence_has(NAMED_WITH_AGE, before)


# A box or bed said with the care unit it is in is where a patient lies: « box 5 de la réa », "bay 4 of the ICU". Not
# the unit's equipment ("box 5 de la réa est fermé").
ROOM_UNIT_AFTER = re.compile(
    r"\s+(?:de la|du|de l'|des|in the|of the|at the|in)\s+(?:réa|réanimation|urgences?|usi|usic|soins intensifs|"
    r"icu|er|ed|nicu|picu|ccu|trauma|déchocage)\b",
    re.IGNORECASE,
)


def _in_a_care_unit(text: Text, match: re.Match) -> bool:
    return bool(ROOM_UNIT_AFTER.match(text.value, match.end())) and not _bed_as_equipment(text, match)


# Case-sensitive: "Rose" in a sentence is someone, "rose" is not.
FIRST_NAME_WORD = re.compile(
    r"(?<![\w@#])(?:"
    + "|".join(re.escape(name.capitalize()) for name in sorted(lexicon.FIRST_NAMES, key=len, reverse=True))
    + r")(?!\w)"
)


# A patient named in full with a title beside the description ("Last week I operated on a man… Mr. Lionel <surname>, a
# school bus driver…", « une patiente… Mme Jacqueline <nom>, 83 ans, ») is identified by the name, flagged as one; the
# sentences around it are not an anonymous encounter to warn about.
TITLED_FULL_NAME = re.compile(rf"(?<![\w.])(?:Mr|Mrs|Ms|Mme|M|Madame|Monsieur)\.?\s+{NAME_WORD}\s+{NAME_WORD}")


def _named_in_full_beside(text: Text, index: int) -> bool:
    bounds = text.sentence_bounds
    return any(
        TITLED_FULL_NAME.search(text.value, *bounds[near])
        for near in range(max(0, index - 1), min(len(bounds), index + 2))
    )


# A street corner pins where a described patient was met as surely as a town: "on the corner of Wilson Ave and 4th St
# at noon today: a man in his 20s…", « au coin de la rue Principale ce matin, un homme… ».
ENCOUNTER_CORNER = re.compile(
    r"\b(?:on|at) the (?:corner|intersection) of\b|\b(?:au coin|à l'angle|à l'intersection) (?:de|du|des)\b",
    re.IGNORECASE,
)


# People listed with the towns they come from are still recognisable: "a teacher from Bathurst…, a fisherman from
# Lamèque…", where a ward's portrait names none.
ENCOUNTER_FROM_A_TOWN = re.compile(r"(?<!\w)(?:from|de|d['’])\s*[A-ZÉÈ][\w'’-]+")


# A decade of life qualifies the person just described, it brings in no one else (eleventh session): "A man in his
# 40s, a cyclist, was brought in…" describes one man, not a ward's three.
DECADE_OF_LIFE = re.compile(r"^(?:in\s|,|dans\s)", re.IGNORECASE)


SET_OFF = re.compile(r"[^,;:.!?]{0,40},(?P<described>[^,;:.!?]{1,50}),")


def _people_described(sentence: str) -> int:
    return sum(1 for match in DESCRIPTOR.finditer(sentence) if not DECADE_OF_LIFE.match(match.group()))


def encounters(text: Text) -> list[Hit]:
    """A recent, local encounter with a described patient: the people involved could recognise it."""
    hits = []
    recent_in = [
        any(said_as_recent(text, m, end) for m in RECENT.finditer(text.value, start, end))
        for start, end in text.sentence_bounds
    ]
    named_in_full = bool(TITLED_FULL_NAME.search(text.value))
    for index, (start, end) in enumerate(text.sentence_bounds):
        if named_in_full and _named_in_full_beside(text, index):
            continue
        sentence = text.value[start:end]
        descriptor = DESCRIPTOR.search(sentence)
        if descriptor and _people_described(sentence) >= 3 and not ENCOUNTER_FROM_A_TOWN.search(sentence):
            continue  # a ward's portrait: « il y a une ancienne institutrice…, un ancien vigneron…, une dame… »
        named = not descriptor and NAMED_WITH_AGE.search(sentence)
        if named and TITLE_BEFORE.search(sentence[: named.start()]):
            named = None  # "Dr. Maria Santos, 45, ran the marathon today": a colleague
        # "Tonight I want to tell you about the shift I just finished. Around 2 am a young guy…": the time is
        # often set a sentence or two before the patient comes in.
        # A story dated back ("In January a family of five came in… in the middle of the night") is not recent,
        # whatever time of night it tells.
        recent = any(recent_in[max(0, index - 2) : index + 1]) and not DATED_BACK.search(sentence)
        if named and recent and not text.sentence_has(NOT_AN_ENCOUNTER, start):  # "Karen, 34, joined us today"
            # The ward is often named a sentence before: "Proud of our ICU team. Jacob Lindgren, 19, came off…"
            before = text.value[text.sentence_bounds[index - 1][0] : start] if index else ""
            if SETTING.search(sentence) or SETTING.search(before):
                hits.append(Hit(Category.ENCOUNTER, start, end, "encounter", None))
            continue
        if not descriptor or not recent:
            continue
        # What one read, watched or celebrated is not an encounter: "a paper on a young woman with lupus",
        # "a student from our program won the award", "a nurse from Kenora joined us".
        if text.sentence_has(NOT_AN_ENCOUNTER, start):
            continue
        # Where the patient is from counts only right after the description ("a 34-year-old woman from Kenora").
        right_after = re.split(r"[,;:.]", sentence[descriptor.end() : descriptor.end() + 40])[0]
        where_met = re.split(r"[,;:.]", sentence[descriptor.end() : descriptor.end() + 70])[0]
        # or where it happened, said before the person: "This afternoon at the rink in Swift Current a 52-year-old…".
        # or a named place: "At Union Station this morning an older man…", « sur la N2 à Avesnelles, un motard ».
        place_before = (
            MET_IN_TOWN.search(sentence, 0, descriptor.start())
            or ENCOUNTER_NAMED_PLACE.search(sentence, 0, descriptor.start())
        ) and not (lexicon.EVENT_CUES.search(sentence) or ROOM_EVENT_CUES.search(sentence))
        # or in a description set off by commas after it (eleventh session): "a man in his sixties, a retired miner from
        # <town>, came in", « Un homme d'une soixantaine d'années, mineur retraité de <village>, est arrivé ».
        # Set off on both sides: « une patiente ce matin, prise près du Lac. » names where a photo was taken.
        set_off = SET_OFF.match(sentence, descriptor.end())
        origin = ORIGIN.search(right_after) or (set_off and ORIGIN.search(set_off["described"]))
        if origin and ENCOUNTER_WHOLE_COUNTRY.search(origin.group()):
            origin = None  # « championne de France de bridge »: a country places no one
        place = origin or MET_IN_TOWN.search(where_met) or REGION.search(where_met) or place_before
        place = place or (ENCOUNTER_NAMED_PLACE.search(where_met) and not text.sentence_has(lexicon.EVENT_CUES, start))
        if SETTING.search(sentence) or place or ENCOUNTER_CORNER.search(sentence):
            hits.append(Hit(Category.ENCOUNTER, start, end, "encounter", None))
    if not hits:
        return hits
    # A phone or a numbered address in the sentence tells the story and is blocked already (ninth session). Imported
    # here: conduct reads this module's patterns.
    from privacy import conduct

    return conduct.warn22_not_told_by_an_identifier(text, hits)


# Names are read by privacy.stories, which adds what long posts need to the rules here.
RULES = (
    dates,
    _days_and_months,
    _dates_in_stories,
    _days_a_story_opens_on,
    _days_of_death_appointments_and_birthdays,
    _days_named_for_care_or_return,
    _months_of_care,
    _days_of_someone_described_by_age,
    _days_of_last_care,
    _days_opening_an_act_of_care,
    _days_an_act_of_care_opens_with,
    _form_dates_after_an_act_of_care,
    _ordinal_days_of_care,
    ages,
    rooms,
    encounters,
)


# A day told of a patient's care, birth, overdose, death or anniversary is a date, in every format, whatever verb or
# none tells it: "Overdosed November 30", "Pins out Nov 20", "after his June 5 ankle reconstruction", « sa fracture de
# la main du 12 août », « Arthroscopie le 22 avril ». The words of what happened to someone sit in the date's own
# clause, with someone in the sentence or the one before; an event's day names its event and is left alone.
IDS19_HAPPENED_TO_SOMEONE = words(
    "overdose", "overdosed", "od'd", "died", "passed", "passed away", "death", "born", "birth", "delivered", "labour",
    "labor", "surgery", "operation", "operated", "fracture", "fractured", "broke", "broken", "sprain", "injury",
    "injured", "concussion", "cast", "pins", "carries", "dose", "dosed", "admitted", "discharged", "intake", "treated",
    "turned", "clean", "sober", "testify", "cleared", "reconstruction", "repair", "rang the bell", "chemo", "diagnosed",
    "relapsed", "ldr", "met", "arrived", "fell", "unit", "ward", "ago today", "years since",
    "surdose", "mort", "morte", "décédé", "décédée", "né", "née", "naissance", "accouché", "accouchée", "accouchement",
    "opéré", "opérée", "opération", "chirurgie", "fracture", "entorse", "brûlé", "brûlée", "brûlure", "commotion",
    "plâtre", "vu", "vue", "admis", "admise", "hospitalisé", "hospitalisée", "sortie prévue", "suivi", "suivie",
    "arthroscopie", "m'a appelée", "m'a appelé", "injection", "fugué", "ans ce matin", "ans aujourd'hui",
    "descente", "chute", "tombé", "tombée", "appel de la maman", "appel du papa", "called me", "texted me",
)  # fmt: skip
IDS19_CLAUSE = re.compile(r"[.;!?\n«»]|\s/\s|(?<=\S)\s+—\s+")
# A day and month in figures only after "du", "le" or "on": « l'opération de son genou du 19/11 ». Alone, "3/4" is
# a score.
IDS19_DAY_MONTH_AFTER_ARTICLE = re.compile(
    r"(?<=\b(?:du|le|on) )(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|\.\d)", re.IGNORECASE
)
_IDS19_DAY_PATTERNS = (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6], DATE_PATTERNS[-1])
# A day standing alone before the sentence that tells what happened on it: "December 2. Three years since Jaylen's
# overdose at the encampment."
IDS19_DAY_ALONE_THEN_TOLD = re.compile(
    r"\s*[.!]\s+[^.!?\n]{0,40}\b(?:years? since|ans depuis|ans que|years ago)\b", re.IGNORECASE
)


def _ids19_clause(text: Text, start: int, end: int) -> tuple[int, int]:
    """The clause a date sits in: from the last stop before it to the next one after it (60 characters at most)."""
    before = [m.end() for m in IDS19_CLAUSE.finditer(text.value, max(0, start - 90), start)]
    after = IDS19_CLAUSE.search(text.value, end, end + 60)
    return (before[-1] if before else max(0, start - 90)), (after.start() if after else end + 60)


def ids19_days_of_what_happened_to_someone(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*_IDS19_DAY_PATTERNS, IDS19_DAY_MONTH_AFTER_ARTICLE):
        for match in _date_matches(text, pattern):
            at = match.start()
            clause = _ids19_clause(text, match.start(), match.end())
            alone = IDS19_DAY_ALONE_THEN_TOLD.match(text.value, match.end())
            if alone and _ids19_someone_told(text, alone.end() - 1):
                hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
                continue
            if not IDS19_HAPPENED_TO_SOMEONE.search(text.value, *clause):
                continue
            if not (_someone_near(text, at) or _ids19_someone_told(text, at)):
                continue
            if text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(COLLEAGUES_DAY, at):
                continue
            if text.sentence_has(TOLD_AS_TO_COME, at) or text.sentence_has(lexicon.PUBLISHED_CUES, at):
                continue
            # A notice's day ("Starting January 4, the clinic moves") and a colleague's death are nobody's care.
            if UNTIL_BEFORE.search(text.value, max(0, at - 25), at) or _a_colleagues_death(text, at):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


RULES = (*RULES, ids19_days_of_what_happened_to_someone)


# Someone the day is told of, beyond a pronoun or a known first name: a name's possessive ("Jaylen's overdose"), a
# memorial's name ("RIP Wade."), a relative clause ("Alfie, who I met on…"), a family (« la famille Haddad »).
IDS19_SOMEONE_TOLD = re.compile(
    r"(?<![\w'’])[A-ZÉ][a-zà-ÿ]+(?:'s|’s)\s|\bRIP\s+[A-ZÉ]|(?<=,\s)(?:who|qui)\b|\b(?:famille|family)\s+[A-ZÉ]"
)
# A weekday or a month alone is a day only when it is told of what happened to someone: "he passed on Sunday",
# « son père ne répond plus depuis mardi », « suivi en clinique externe depuis avril », « son opération de juin »,
# « sa reprise progressive en janvier », "in the second week of September", « tout le mois de mars ».
IDS19_WEEKDAY_OR_MONTH_TOLD = re.compile(
    r"(?:\b(?:passed|died|passed away|overdosed|est mort|est morte|est décédée?|nous a quittés?)\s+"
    r"(?:on\s+|le\s+|last\s+)?"
    rf"(?P<weekday>(?i:{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR}))"
    rf"|\b(?:depuis|since)\s+(?:(?P<since>(?i:{lexicon.WEEKDAYS_FR}|monday|tuesday|wednesday|thursday|friday|saturday|"
    rf"sunday))|(?P<since_month>(?i:{lexicon.MONTHS_FR}|january|february|march|april|june|july|august|september|"
    r"october|november|december)))\b"
    r"|\b(?:opération|chirurgie|fracture|accouchement|reprise|retour|surgery|operation|fracture|delivery|return|treated|"
    r"traitée?|soignée?|opérée?)\b[^.;!?\n]{0,40}?\b(?:de|en|in|du mois de|of)\s+(?:the\s+)?"
    r"(?P<month>(?:(?:first|second|third|last)\s+week\s+of\s+|(?:début|fin|mi-)\s*)?"
    rf"(?i:{lexicon.MONTHS_FR}|january|february|march|april|june|july|august|september|october|november|december))"
    rf"|\b(?:tout le mois de|toute la semaine du|all of)\s+(?P<whole>(?i:{lexicon.MONTHS_FR}|{lexicon.MONTHS_EN}))\b)"
)
IDS19_LABEL_QUOTE = re.compile(r"«[^»\n]{10,200}»|\"[^\"\n]{10,200}\"|“[^”\n]{10,200}”")
# A patient's name as a label or a board prints it: "TREVOR MACISAAC", « DESROSIERS M.-È. », « HUMBERT Jean-Claude ».
IDS19_NAME_ON_A_LABEL = re.compile(r"\b[A-Z][A-Z'’-]{2,}\s+(?:[A-Z][A-Z'’-]{2,}|[A-Z][a-zé]+|[A-Z]\.|[A-Z]\b)")
IDS19_DAY_ON_A_LABEL = re.compile(r"(?<![\w/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|\.\d)")


DATES22_WAITING = (
    r"\b(?:attend|attends|attendent|attendait|attendaient|attendu|en attente|sur la liste d['’]attente|waits|waiting|"
    r"waited|been waiting|on the wait ?list|on the waiting list)\s+(?:\w+\s+){0,3}"
)
DATES22_WAITING_BEFORE = re.compile(rf"{DATES22_WAITING}$", re.IGNORECASE)


def ids19_weekdays_months_and_label_days(text: Text) -> list[Hit]:
    hits = []
    for match in IDS19_WEEKDAY_OR_MONTH_TOLD.finditer(text.value):
        group = next(g for g in ("weekday", "since", "since_month", "month", "whole") if match.group(g))
        at = match.start()
        someone = _someone_near(text, at) or text.sentence_has(IDS19_SOMEONE_TOLD, at)
        if not someone or text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(COLLEAGUES_DAY, at):
            continue
        # Since a month, the care must be told in the clause: not "vaccinating in people's homes since October".
        if group == "since_month" and not IDS19_HAPPENED_TO_SOMEONE.search(text.value, *_ids19_clause(text, at, at)):
            continue
        # Waiting since a month is a complaint about a list, not a day of care: « attend depuis juin pour un naevus ».
        if group == "since_month" and DATES22_WAITING_BEFORE.search(text.value, max(0, at - 40), at):
            continue
        if not _a_colleagues_death(text, at):
            hits.append(Hit(Category.DATE, match.start(group), match.end(group), "date_of_care", ""))
    # A day printed on a patient's label or a ward's board, beside their name, is theirs.
    for quote in IDS19_LABEL_QUOTE.finditer(text.value):
        if not IDS19_NAME_ON_A_LABEL.search(quote.group()):
            continue
        days = [m for pattern in _IDS19_DAY_PATTERNS for m in pattern.finditer(text.value, *quote.span())]
        days += list(IDS19_DAY_ON_A_LABEL.finditer(text.value, *quote.span()))
        hits.extend(Hit(Category.DATE, m.start(), m.end(), "date_of_care", "") for m in days)
    return hits


def _ids19_someone_told(text: Text, position: int) -> bool:
    start, _ = text.sentence_around(position)
    before = text.sentence_around(start - 1)[0] if start else start
    return text.sentence_has(IDS19_SOMEONE_TOLD, position) or text.sentence_has(IDS19_SOMEONE_TOLD, before)


RULES = (*RULES, ids19_weekdays_months_and_label_days)


# Where a named or described patient lies, sits or sleeps is their room, whatever else the sentence speaks of: "Lily
# in bed 7 beat me at Uno during rounds", "the knitted hat from incubator 14", "he's on top bunk 14", « toujours sur
# la chaise 11 de l'hémodialyse », « au secteur D, cellule 12 », « la salle 3 de l'unité des grands brûlés », "the
# psych assessment room PAR-2". A room on a board or label beside a printed name is that patient's (« Ch. 4
# DESROSIERS M.-È. », "BOUTILIER K — Resus 2").
IDS19_PLACE_OF_A_PATIENT = re.compile(
    r"(?<![\w-])(?:(?i:(?:top|bottom|lower|upper)\s+)?(?i:bunk|incubator|isolette|couveuse|cellule|cell|chaise)"
    r"\s*#?\s*\d{1,3}[A-Z]?"
    r"|(?i:secteur|wing|aile)\s+[A-Z],\s+(?i:cellule|cell)\s+\d{1,3}"
    r"|(?i:salle|room)\s+\d{1,3}\s+(?:de l['’]unité|du service|of the unit|on the unit)"
    r"(?:\s+(?:des|de la|du|de)\s+[\w-]+(?:\s+[\w-]+)?)?"
    r"|(?i:room)\s+[A-Z]{2,4}-?\d{1,3}"
    r"|(?<=\bin )(?i:bed)\s*#?\s*\d{1,3}[A-Z]?)(?![\w-])"
)
IDS19_ROOM_ON_A_BOARD = re.compile(
    r"(?<![\w-])(?:Ch\.|Chambre|Room|Rm|Bed|Lit|Resus|Bay|Box|Civière)\s*\d{1,3}[A-Z]?(?![\w-])"
)


def ids19_rooms_of_someone(text: Text) -> list[Hit]:
    hits = []
    for match in IDS19_PLACE_OF_A_PATIENT.finditer(text.value):
        at = match.start()
        named = PERSON_BEFORE_ROOM.search(text.value, max(0, at - 30), at) or text.sentence_has(FIRST_NAME_WORD, at)
        someone = named or text.sentence_has(ROOM_PERSON_CUES, at) or _someone_near(text, at)
        # A party or rounds held for a patient named in the sentence are still about their bed.
        if someone and (named or not text.sentence_has(lexicon.EVENT_CUES, at)):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    for quote in IDS19_LABEL_QUOTE.finditer(text.value):
        if IDS19_NAME_ON_A_LABEL.search(quote.group()):
            hits.extend(
                Hit(Category.ROOM, m.start(), m.end(), "room", "")
                for m in IDS19_ROOM_ON_A_BOARD.finditer(text.value, *quote.span())
            )
    return hits


RULES = (*RULES, ids19_rooms_of_someone)


# A great age said of someone with no "years" after it: a relative's "Mum's 96 and…", a person named or titled then
# their age and when they reached it, "Mr. Sack from Indian Brook, 90 last week," « M. Roy, 93 la semaine dernière ».
IDS19_GREAT_AGE_OF_SOMEONE = re.compile(
    rf"\b(?:(?i:{RELATIVES}|nan|nana|granny|grandma|grandpa|mamie|papi))(?:'s|’s)\s+(?P<age>9\d|1[01]\d)\b(?![\d%/.,]\d)"
    r"|(?<=[a-zà-ÿ],\s)(?P<age_named>9\d|1[01]\d)\s+(?=(?i:last week|this week|last month|yesterday|today|on \w+day|"
    r"la semaine dernière|cette semaine|hier|aujourd'hui)\b)"
)


def ids19_great_ages_of_someone(text: Text) -> list[Hit]:
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    hits = []
    for match in IDS19_GREAT_AGE_OF_SOMEONE.finditer(text.value):
        group = "age" if match.group("age") else "age_named"
        if text.sentence_has(AGE_STATISTICS, match.start(group)):
            continue
        hits.append(Hit(Category.AGE, match.start(group), match.end(group), "age_over_89", replacement))
    return [hit for hit in hits if not _not_a_patients_age(text, hit.start)]


RULES = (*RULES, ids19_great_ages_of_someone)


# A day told right after an act of care or transfer done to someone, in the same clause, is theirs whoever is near:
# "Medevac from Old Crow 11/29", "Medevac from Cambridge Bay to YK on Nov 26", "Liam's scan from Nov 24", « opéré le 2
# décembre », « fistule créée le 03/11/2026 pour Mme… », « d'après la consultation du 17/11/2026 », « a eu 6 ans le
# 24 novembre à l'hôpital ». A notice's or an event's day is not (those sentences say so, or the day is to come).
IDS20_ACT_OF_CARE = (
    r"medevac(?:ed|'d)?|airlifted|flown|evacuated|scan|mri|ct|x-ray|biopsy|consult|consultation|surgery|operated|"
    r"fistula|admitted|discharged|transferred|évacuée?|évacuation|opérée?|opération|scanner|irm|biopsie|"
    r"prise de sang|fistule|créée?|admise?|sortie?|transférée?|a eu \d{1,2} ans|turned \d{1,2}"
)
# In figures, the act is in the same phrase, no comma between: "Medevac from Old Crow 11/29", not « depuis
# l'opération, et il a eu 9/10 en maths ».
IDS20_ACT_THEN_FIGURES = re.compile(rf"\b(?:{IDS20_ACT_OF_CARE})\b[^,.;:!?\n«»]{{0,30}}?\s$", re.IGNORECASE)
# The author's own family's day is theirs to tell: "My grandmother turned 94 on March 3".
IDS20_OWN_FAMILY = re.compile(rf"\b(?:my|ma|mon|our|notre)\s+(?:{RELATIVES}|grand-mère|grand-père|mère|père)\b", re.I)
IDS20_ACT_THEN_DAY = re.compile(
    rf"\b(?:{IDS20_ACT_OF_CARE})\b(?!\s+(?:day|days|clinic|service|team|journée|program|programme|publique|public))"
    r"[^.;!?\n«»]{0,45}?"
    r"(?:(?<=\s)(?:on|from|of|du|le|the)\s+|(?<=\s))$",
    re.IGNORECASE,
)
# A month and day in figures, as Canada or the US write it after such an act: "11/29"; a year may follow.
IDS20_DAY_IN_FIGURES = re.compile(
    r"(?<![\w/.-])(?:(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01]))"
    r"(?:/(?:19|20)\d\d)?(?![\w/]|\.\d|\s+(?:of|des?|du|d')\b)"
)


IDS20_CLAUSE_END = re.compile(r"[:.;!?\n«»]")


def ids20_days_after_an_act_of_care(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*_IDS19_DAY_PATTERNS, IDS20_DAY_IN_FIGURES):
        for match in _date_matches(text, pattern):
            at = match.start()
            act = IDS20_ACT_THEN_DAY.search(text.value[max(0, at - 60) : at])
            if not act or text.sentence_has(IDS20_OWN_FAMILY, at):
                continue
            if pattern is IDS20_DAY_IN_FIGURES and not IDS20_ACT_THEN_FIGURES.search(text.value[max(0, at - 60) : at]):
                continue
            # An event's cue counts between the act and the clause's end: « opéré le 2 décembre : première journée ».
            clause_end = IDS20_CLAUSE_END.search(text.value, match.end())
            end = clause_end.start() if clause_end else len(text.value)
            if lexicon.EVENT_CUES.search(text.value, max(0, at - 60) + act.start(), end):
                continue
            if text.sentence_has(COLLEAGUES_DAY, at) or text.sentence_has(TOLD_AS_TO_COME, at):
                continue
            # A count of patients makes it a ward's day: "transferred 12 patients on December 2".
            if not (_a_colleagues_death(text, at) or text.sentence_has(PATIENT_COUNT, at)):
                hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


RULES = (*RULES, ids20_days_after_an_act_of_care)


# A month alone is a date when the sentence tells of someone's treatment: "what she said to me in August, when we
# stopped the last protocol", "on our shared list since September for ALL maintenance", « il finit son traitement au
# mois de janvier », « rencontré en août, quand il avait refusé la chimio », « en box 6 de la réa tout le mois
# d'octobre », « pas besoin de revenir avant janvier » after a child's result.
IDS20_MONTH_AFTER = re.compile(
    r"\b(?:in|since|until|en|depuis|avant|au mois d['’]|au mois de|tout le mois d['’]|tout le mois de|à partir de)\s*"
    rf"(?P<month>(?i:{lexicon.MONTHS_EN}|{lexicon.MONTHS_FR}))\b(?!\s+\d)",
    re.IGNORECASE,
)
IDS20_TREATMENT_TOLD = words(
    "protocol", "protocole", "treatment", "traitement", "chemo", "chimio", "radiotherapy", "radiothérapie", "réa",
    "maintenance", "stopped", "refusé", "refused", "revenir", "come back", "résultat", "result", "prise de sang",
)  # fmt: skip


def ids20_months_of_someones_treatment(text: Text) -> list[Hit]:
    hits = []
    for match in IDS20_MONTH_AFTER.finditer(text.value):
        at = match.start("month")
        if not text.sentence_has(IDS20_TREATMENT_TOLD, at) or not _someone_near(text, at):
            continue
        if text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(COLLEAGUES_DAY, at):
            continue
        if text.sentence_has(IDS20_OWN_FAMILY, at) or text.sentence_has(PATIENT_COUNT, at):
            continue
        hits.append(Hit(Category.DATE, at, match.end("month"), "date_of_care", ""))
    return hits


RULES = (*RULES, ids20_months_of_someones_treatment)


# Where a patient stays while away from a ward is their room too: a cot in an evacuation centre ("Harold…, cot 41"), a
# ferry's cabin (« installée dans la cabine 5 »), a berth, a camp bed. Said with the person, as a room on a ward is.
IDS21_BERTH = re.compile(
    r"(?<!\w)(?:cot|cots|cabin|cabine|berth|couchette|lit de camp|camp bed|bunk)\s*#?\s*\d{1,4}[A-Z]?(?![\w-])",
    re.IGNORECASE,
)
# Someone settled in it, named or not: « On a installé Chantale dans la cabine 214 », "we put her in cot 12".
IDS21_SETTLED_IN = re.compile(
    r"\b(?:admitted|transferred|moved|put|settled|installée?|installés|transférée?|mise?|couchée?)\s+"
    r"(?:(?-i:[A-ZÉ][\w'’-]+)\s+|her\s+|him\s+|them\s+)?(?:to|into|in|en|à|dans)(?:\s+(?:the|la|le|l'))?\s*$",
    re.IGNORECASE,
)
# A room in a care unit, « salle 4 de l'UHCD », « salle 2 de la maternité »: a patient's place, not a meeting room.
IDS21_SALLE_OF_A_CARE_UNIT = re.compile(
    r"(?<!\w)salle\s*#?\s*\d{1,2}(?=\s+(?:de la|du|de l['’]|des)\s*(?:UHCD|SSPI|USC|USI|UHTCD|UHCD|réa|réanimation|"
    r"urgences?|maternité|déchocage|salle de naissance|bloc obstétrical|naissance|travail|surveillance)\b)",
    re.IGNORECASE,
)
# A room copied with a patient's identifiers, on a note's header or a board's line: '"SINCLAIR, Dale, PHN …, DOB …,
# Room 5W-12"', '"POIRIER, A. – 39+4 – Rm 412 – IOL day 2"': whatever the post is (a talk's slides, a caption).
IDS21_IDENTIFIERS_ON_THE_LINE = re.compile(
    r"(?-i:\b[A-ZÉÈ]{2,}(?:[-' ][A-ZÉÈ]{2,})?,\s*(?:[A-Z]\.|[A-ZÉ][a-zà-ÿ]+))|"
    r"\b(?:DOB|DDN|PHN|MRN|NAM|HCN|ULI|IPP|né(?:e)? le)\b",
)
# « Salle » is a meeting room only in a sentence about a meeting: here the unit says it is a patient's.
ROOM_EVENT_CUES_BUT_SALLE = re.compile(ROOM_EVENT_CUES.pattern.replace("|salle|", "|"), re.IGNORECASE)
IDS21_LINE_BREAK = re.compile(r"[\n\"”»]|[.!?]\s+(?-i:[A-Z])")


def ids21_rooms_where_a_patient_stays(text: Text) -> list[Hit]:
    hits = []
    for match in IDS21_BERTH.finditer(text.value):
        at = match.start()
        someone = (
            text.sentence_has(ROOM_PERSON_CUES, at)
            or text.sentence_has(FIRST_NAME_WORD, at)
            or IDS21_SETTLED_IN.search(text.value, max(0, at - 40), at)
        )
        # Not lexicon.EVENT_CUES: a nurse « en vacances » or « en congé » helps in a cabin as well as anyone.
        if someone and not text.sentence_has(ROOM_EVENT_CUES_BUT_SALLE, at):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    for match in IDS21_SALLE_OF_A_CARE_UNIT.finditer(text.value):
        at = match.start()
        if not text.sentence_has(lexicon.EVENT_CUES, at) and not text.sentence_has(ROOM_EVENT_CUES_BUT_SALLE, at):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    for match in ROOM.finditer(text.value):
        before = text.value[max(0, match.start() - 100) : match.start()]
        line = IDS21_LINE_BREAK.split(before)[-1]
        # Not a venue listed after an organization's initials: "Victoria Hospital PA, Conference Room B".
        if ROOM_EVENT_CUES.search(line) or ROOM_OR_AT_A_TIME.fullmatch(match.group()):
            continue
        if IDS21_IDENTIFIERS_ON_THE_LINE.search(line):
            hits.append(Hit(Category.ROOM, match.start(), match.end(), "room", ""))
    return hits


RULES = (*RULES, ids21_rooms_where_a_patient_stays)


# A great age told the short ways, of one person: after a titled person ("Mrs. Goldie Wick at 99 is the oldest…"),
# with what they came in with ("came to us at 93 with a hip fracture", « arrivée à 96 ans avec… »), or as a caption's
# sentence of its own, with when ("101 last Tuesday.", « 100 ans hier ! »). A reading ("sats at 94 with…") is not.
_IDS21_GREAT = r"(?:9\d|1[01]\d)"
IDS21_GREAT_AGE_SHORT = re.compile(
    rf"(?<![\w.])(?:Mr|Mrs|Ms|Mme|M|Mlle)\.?\s+(?:{NAME_WORD}\s+){{1,2}}at\s+(?P<titled>{_IDS21_GREAT})\b(?![\d%/.,]\d)|"
    rf"\bat\s+(?P<with>{_IDS21_GREAT})\s+with\s+(?:a|an|her|his|their|no|severe|new)\b|"
    rf"\bà\s+(?P<avec>{_IDS21_GREAT})\s+ans\s*,?\s+avec\b|"
    rf"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<caption>{_IDS21_GREAT})(?:\s+ans)?\s+(?:today|yesterday|last\s+\w+|this\s+\w+|"
    r"on\s+\w+day|aujourd['’]hui|hier|ce\s+\w+|cette\s+\w+|la semaine dernière|mardi|lundi|mercredi|jeudi|vendredi|"
    r"samedi|dimanche)\b(?=\s*[.!🎂🎉])",  # a sentence of its own, not "90 today: beds open"
    re.IGNORECASE,
)


def ids21_great_ages_told_short(text: Text) -> list[Hit]:
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    hits = []
    for match in IDS21_GREAT_AGE_SHORT.finditer(text.value):
        group = next(name for name in ("titled", "with", "avec", "caption") if match[name])
        at = match.start(group)
        if text.sentence_has(READING_CUES, at) or text.sentence_has(AGE_STATISTICS, at):
            continue
        if _not_a_patients_age(text, at):
            continue
        if group == "with" and dates23_a_question_about_nobody(text, at):
            continue  # "4. Statins for primary prevention at 92 with a life expectancy under two years?"
        hits.append(Hit(Category.AGE, at, match.end(group), "age_over_89", replacement))
    return hits


RULES = (*RULES, ids21_great_ages_told_short)


def dates23_a_question_about_nobody(text: Text, position: int) -> bool:
    """A question with nobody in it asks about people of that age: "Statins at 92 with a life expectancy of months?"."""
    start, end = text.sentence_around(position)
    return (
        text.value[start:end].rstrip().endswith("?")
        and not text.sentence_has(SOMEONE_IN_SENTENCE, position)
        and not text.sentence_has(STORY_PERSON, position)
        and not dates23_first_name_in_sentence(text, position)
    )


# Days told the short ways, of one person's care:
# - a day of the month alone, to someone about their own care, in a reply or a post that speaks of it ("your knee
#   scope on the 11th", "so glad the transfer went smoothly on the 18th!", "your MRI… you can't ride on the 15th"), or
#   with a weekday before it and someone in the sentence ("On Tuesday the 17th a woman was found…");
# - an hour then « le 21 », as a birth is told (« née à 6 h 40 le 21 »);
# - a day after the visit it is for (« au rendez-vous du 22/12 », « on se voit le 8 décembre pour la visite »);
# - a day then a birth weight ("Baby girl Nov 29, 8 lb 6 oz").
IDS21_YOUR_CARE = re.compile(
    r"\b(?:your|votre|ton|ta|tes|vos)\s+(?:[\w-]+\s+){0,2}(?:scope|mri|scan|surgery|transfer|retrieval|visit|"
    r"appointment|results?|biopsy|c-section|induction|delivery|cast|x-ray|follow-up|bloodwork|labs|ultrasound|"
    r"rendez-vous|échographie|visite|opération|chirurgie|résultats?|transfert|ponction|accouchement|césarienne)\b|"
    r"\b(?:transfer|retrieval|scope|surgery|delivery|induction|procedure)\s+went\b",
    re.IGNORECASE,
)
IDS21_DAY_ALONE = re.compile(
    rf"(?<!\w)(?:(?P<weekday>(?:{lexicon.WEEKDAYS_EN})\.?,?\s+)|on\s+|for\s+|since\s+|until\s+)"
    r"the\s+(?P<day>(?:[12]?\d|3[01])(?:st|nd|rd|th))(?!\s+(?:floor|time|attempt|try|percentile|week|day|grade|"
    r"century|round|dose|cycle|of\s+(?:the|my|our|his|her)\b))(?!\w)",
    re.IGNORECASE,
)
IDS21_HOUR_THEN_DAY = re.compile(
    r"(?<![\w:])(?:[01]?\d|2[0-3])\s?h\s?(?:[0-5]\d)?\s+le\s+(?:1er|[12]?\d|3[01])(?![\w/]|[.,]\d|\s*(?:%|ans|h\b|mg|kg))"
)
IDS21_VISIT_THEN_DAY = re.compile(
    r"\b(?:rendez-vous|rdv|visite|consultation|appointment|visit|follow-up|suivi)\s+(?:du|le|de la|on|for)\s+"
    r"(?P<day>(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\w/]|\.\d))|"
    r"\bon se (?:voit|revoit)\s+le\s+(?P<day_fr>(?:1er|\d{1,2})\s+(?:" + lexicon.MONTHS_FR + r"))\b(?=[^.!?\n]{0,20}"
    r"\bpour\s+(?:la|votre|ta|le|ton)\s+(?:visite|consultation|suivi|rendez-vous|échographie|contrôle))",
    re.IGNORECASE,
)
IDS21_BIRTH_WEIGHT_AFTER = re.compile(
    r"\s*,?\s*(?:at\s+[\d:]+\s*(?:a\.m\.|p\.m\.|am|pm)?\s*,?\s*)?(?:\d{1,2}\s*(?:lb|lbs|kg)\b|\d,\d{2,3}\s*kg\b)",
    re.IGNORECASE,
)


def ids21_days_told_short(text: Text) -> list[Hit]:
    hits = []
    spoken_to_of_care = bool(IDS21_YOUR_CARE.search(text.value))
    for match in IDS21_DAY_ALONE.finditer(text.value):
        at = match.start("day")
        if text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(DOCTOR_IN_SENTENCE, at):
            continue
        care = spoken_to_of_care or text.sentence_has(lexicon.CARE_CUES, at)
        someone = match["weekday"] and text.sentence_has(ROOM_PERSON_CUES, at)
        if care or someone:
            start = match.start("weekday") if match["weekday"] else at
            hits.append(Hit(Category.DATE, start, match.end("day"), "date_of_care", ""))
    for match in IDS21_HOUR_THEN_DAY.finditer(text.value):
        at = match.start()
        told = text.sentence_has(BIRTH_TOLD, at) or text.sentence_has(lexicon.CARE_CUES, at)
        if told and not text.sentence_has(lexicon.EVENT_CUES, at):
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_birth", ""))
    for match in IDS21_VISIT_THEN_DAY.finditer(text.value):
        group = "day" if match["day"] else "day_fr"
        if not text.sentence_has(lexicon.EVENT_CUES, match.start()):
            hits.append(Hit(Category.DATE, match.start(group), match.end(group), "date_of_care", ""))
    for pattern in (DATE_PATTERNS[0], DATE_PATTERNS[2]):
        for match in _date_matches(text, pattern):
            if IDS21_BIRTH_WEIGHT_AFTER.match(text.value, match.end()):
                hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_birth", ""))
    return hits


RULES = (*RULES, ids21_days_told_short)


# The day someone leaves on or comes back from a trip, told at a travel clinic, is theirs whatever the tense: "going
# to Tanzania with his partner on December 18", « Mme Roy part le 19 décembre au Cambodge », « revenu de Conakry le
# 28 novembre ». Not the author's own trip ("we fly to Haiti on March 3"), nor a doctor's, nor an event's.
DATES22_TRIP_BEFORE = re.compile(
    r"\b(?:(?:going|flying|heading|travell?ing|off|leaving|leaves|flies|departs|departing|returning|returned|"
    r"came back|coming back|back)\s+(?:to|for|from)|"
    # Not « revient », « reviennent »: events come back too (« Les Journées… reviennent les 23 et 24 avril »).
    r"part|partent|partira|partiront|partait|partaient|s['’]envolent?|s['’]envolera|rentre|rentrent|rentrera|"
    r"de retour|revenue?s?|rentrée?s?)\b[^.;!?\n]{0,70}$",
    re.IGNORECASE,
)
DATES22_OWN_TRIP = re.compile(
    r"\b(?:we|we're|we are|I|I'm|I am|nous|je|j['’]|on|notre équipe|our team|our group|notre groupe)\s+"
    r"(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


DATES22_A_LEAVE = re.compile(
    r"\b(?:leave|sabbatical|congé|congés|maternité|paternité|parental|retraite|retirement)\b", re.IGNORECASE
)


def dates22_days_someone_travels(text: Text) -> list[Hit]:
    hits = []
    for pattern in DATE_PATTERNS[:3]:
        for match in _date_matches(text, pattern):
            at = match.start()
            sentence_start, _ = text.sentence_around(at)
            trip = DATES22_TRIP_BEFORE.search(text.value, max(sentence_start, at - 90), at)
            if not trip or DATES22_OWN_TRIP.search(text.value, max(sentence_start, trip.start() - 25), trip.start()):
                continue
            if DATES22_A_LEAVE.search(text.value, trip.start(), at):  # "back from maternity leave on March 3"
                continue
            someone = _someone_near(text, at) or text.sentence_has(TITLE_IN_SENTENCE, at)
            if not someone or text.sentence_has(DOCTOR_IN_SENTENCE, at):
                continue
            if text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(COLLEAGUES_DAY, at):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


RULES = (*RULES, dates22_days_someone_travels)


# An exposure notice that names its source case dates where that person was: « Exposition à la rougeole : la personne
# cas source, <prénom>, étudiante… Lieu : autobus 11, le 20 novembre », "Measles exposure: the index case, <name>, was
# at Gate 14 on March 3". A public health notice gives the places and days too, and stays clean: it names nobody.
_DATES22_CONTAGION = (
    r"(?:rougeole|measles|tuberculose|tb|coqueluche|pertussis|varicelle|chickenpox|méningite|meningitis)"
)
# Not the sun's: « exposition solaire », "sun exposure".
DATES22_EXPOSURE = re.compile(
    rf"\b(?:(?:exposition|exposure)\s+(?:à\s+la\s+|au\s+|à\s+l['’]|to\s+)?{_DATES22_CONTAGION}|"
    rf"{_DATES22_CONTAGION}\s+exposure|cas source|cas index|index case|source case|contact tracing|"
    r"recherche de contacts)\b",
    re.IGNORECASE,
)
DATES22_SOURCE_NAMED = re.compile(
    r"\b(?:cas source|cas index|index case|source case|la personne|the person|le patient|la patiente|the patient)"
    r"\s*[,:]\s*(?-i:[A-ZÉ][a-zà-ÿ'’-]+)",
    re.IGNORECASE,
)


def dates22_days_of_an_exposure_named(text: Text) -> list[Hit]:
    if not DATES22_EXPOSURE.search(text.value) or not DATES22_SOURCE_NAMED.search(text.value):
        return []
    hits = []
    for pattern in DATE_PATTERNS[:3]:
        for match in _date_matches(text, pattern):
            at = match.start()
            if text.sentence_has(DOCTOR_IN_SENTENCE, at) or text.sentence_has(TOLD_AS_TO_COME, at):
                continue
            hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


RULES = (*RULES, dates22_days_of_an_exposure_named)


# A life's span from its year of birth to the day of death, in a memorial: "Rest easy, <name>. 2017 – Nov 28, 2026",
# « Repose en paix. 1941 – 2 déc. 2026 ». A program's span ("2019 – March 31, 2026: 4,000 visits") has no farewell.
DATES22_YEAR_THEN_DAY = re.compile(r"(?<![\w/.-])(?:19|20)\d\d\s*[–—-]\s*$")
DATES22_FAREWELL = re.compile(
    rf"{lexicon.DEATH_CUES.pattern}|🕊|\b(?:rest easy|rest in peace|RIP|fly high|gone too soon|repose en paix|"
    r"nous a quittés?|forever (?:in our hearts|missed))\b",
    re.IGNORECASE,
)


def dates22_days_a_life_ended(text: Text) -> list[Hit]:
    if not DATES22_FAREWELL.search(text.value):
        return []
    return [
        Hit(Category.DATE, match.start(), match.end(), "date_of_care", "")
        for pattern in DATE_PATTERNS[:3]
        for match in _date_matches(text, pattern)
        if DATES22_YEAR_THEN_DAY.search(text.value, max(0, match.start() - 8), match.start())
        and not text.sentence_has(DOCTOR_IN_SENTENCE, match.start())
    ]


RULES = (*RULES, dates22_days_a_life_ended)


# The day of someone's visit, written in full, in a reply or a story: « d'après la consultation du 17/11/2026 », "at
# her follow-up on March 3". Not a public consultation, a minister's visit, nor an event's day.
DATES22_VISIT_THEN_DAY = re.compile(
    r"(?<!public )(?<!publique )\b(?:rendez-vous|rdv|visite|consultation|appointment|visit|follow-up|suivi|contrôle|"
    r"check-up|checkup)\s+(?:du|le|of|on)\s+$",
    re.IGNORECASE,
)
DATES22_VISIT_BY_WHOM = re.compile(r"\b(?:minist\w*|premier|première|mayor|maire|prime minister|député\w*|MPP?|MNA)\b")


def dates22_days_of_someones_visit(text: Text) -> list[Hit]:
    hits = []
    for pattern in (*DATE_PATTERNS[:3], DATE_PATTERNS[4], DATE_PATTERNS[6]):
        for match in _date_matches(text, pattern):
            at = match.start()
            if not DATES22_VISIT_THEN_DAY.search(text.value, max(0, at - 30), at):
                continue
            someone = _someone_near(text, at) or text.sentence_has(TITLE_IN_SENTENCE, at) or text.value.startswith("@")
            if not someone or text.sentence_has(lexicon.EVENT_CUES, at) or text.sentence_has(DOCTOR_IN_SENTENCE, at):
                continue
            if not text.sentence_has(DATES22_VISIT_BY_WHOM, at) and not text.sentence_has(COLLEAGUES_DAY, at):
                hits.append(Hit(Category.DATE, match.start(), match.end(), "date_of_care", ""))
    return hits


RULES = (*RULES, dates22_days_of_someones_visit)


# dates24: a great age after a name and where the person is from or belongs, before what they did: "Walt from the
# co-op, 97, came in on his tractor", « Rosaire du rang 4, 96 ans, a chauffé… ». The age is the named person's, as in
# "Walt, 97, came in"; a civic number ("Le Bistro, 285, rue …") or a count ("Class of 2019, 94 %") is none.
DATES24_NAME_FROM_THEN_AGE = re.compile(
    rf"(?<![\w.'’])(?:{NAME_WORD})(?:\s+{NAME_WORD})?\s+(?i:from|of|de|du|d['’]|des)\s*"
    r"(?i:the\s+|la\s+|le\s+|les\s+|l['’])?[\w'’-]+(?:\s+[\w'’-]+)?\s*,\s*"
    r"(?P<age>9\d|1[01]\d)(?:\s*(?i:ans|years? old))?\s*,\s+(?=[a-zà-ÿ])"
)


def dates24_great_ages_after_a_name_and_its_place(text: Text) -> list[Hit]:
    replacement = "plus de 90 ans" if text.language == "fr" else "over 90"
    return [
        Hit(Category.AGE, match.start("age"), match.end("age"), "age_over_89", replacement)
        for match in DATES24_NAME_FROM_THEN_AGE.finditer(text.value)
        if _dates24_one_persons_name(match.group().split(None, 1)[0])
        and not text.sentence_has(AGE_STATISTICS, match.start("age"))
        and not _not_a_patients_age(text, match.start("age"))
    ]


def _dates24_one_persons_name(word: str) -> bool:
    """Not a group ("Patients from the north, 95, …", "Veterans of …") nor a word that is no name."""
    lower = word.lower()
    if lower in lexicon.NOT_A_NAME or lower in {"patient", "patiente", "patients", "patientes"}:
        return False
    return not lower.endswith("s") or lower in lexicon.FIRST_NAMES


RULES = (*RULES, dates24_great_ages_after_a_name_and_its_place)
