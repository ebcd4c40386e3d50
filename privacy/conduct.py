"""Professional risks, warned about and never blocked: advice to one person, undisclosed interests, heat.

These follow the professional bodies' guidance on social media (the CMPA's, the colleges'): a post
that reads as individual medical advice creates a doctor-patient relationship with a stranger; a
product praised without a disclosure hides a commercial interest; a heated reply is what the
colleges' complaints are made of.
"""

from __future__ import annotations

import re

from privacy import clinical, identifiers, lexicon
from privacy.base import Category, Hit, Text, words

ACTIONS_EN = (
    r"stop|start|take|increase|decrease|double|halve|cut|switch|skip|hold|restart|up|lower|raise|"
    r"go off|come off|get off|drop|taper|stop taking|avoid taking|not take"
)
# A medicine named by its class's ending: fosfomycine, amoxicilline, ciprofloxacin, doxycycline, estradiol, omeprazole.
DRUG_BY_ENDING = (
    r"(?:\w{3,}(?:mycine?|cill(?:in|ine)|floxacin[e]?|cycline|prazole|azole|olol|pril|sartan|statine?|estradiol|"
    # and the cephalosporins by their first letters: céphalexine, cefuroxime.
    r"oxacine|dronate|tidine|triptan|profen|profène|iclone|olpidem|azépam|azepam|zolam|codone|morphone)|"
    r"(?:cef|céf|ceph|céph)\w{4,}|morphine|codéine|codeine|tramadol|fentanyl)"
)
# Advice about a third person, told or reported: "she should stop her son's inhaler", « qu'elle devrait
# arrêter la pompe de son fils ». Not "he should take his time".
ADVICE_THIRD_PERSON_EN = re.compile(
    r"\b(?:she|he|they)\s+(?:should|must|needs? to|has to|have to)\s+(?:just\s+)?(?:stop|start|take|increase|"
    r"decrease|double|halve|cut|switch|skip|hold|drop|taper|come off|go off)\s+(?:her|his|their)\s+"
    r"(?!time\b|turn\b|chances?\b)[^.!?\n]*",
    re.IGNORECASE,
)
ADVICE_THIRD_PERSON_FR = re.compile(
    r"\b(?:elle|il)s?\s+(?:devrait|doit|devraient|doivent)\s+(?:arrêter|cesser|commencer|prendre|augmenter|"
    r"diminuer|doubler|changer|sauter)\s+(?:la|le|les|sa|son|ses)\s+(?!temps\b|peine\b)[^.!?\n]*",
    re.IGNORECASE,
)
# Advice put as a suggestion: "I'd suggest you stop the melatonin", « je vous suggère d'ajouter 25 mg… ».
ADVICE_SUGGESTED_EN = re.compile(
    r"\bI(?:\s+would|'d|’d)?\s+(?:suggest|recommend|advise)\s+(?:that\s+)?(?:you\s+)?(?:add|stop|start|take|"
    r"increase|decrease|double|switch|cut|halve|skip|hold|drop|taper)(?:ping|ing)?\b[^.!?\n]*",
    re.IGNORECASE,
)
ADVICE_SUGGESTED_FR = re.compile(
    r"\bje\s+(?:vous|te)\s+(?:suggère|conseille|recommande|propose)\s+d['’e]\s*(?:ajouter|cesser|arrêter|"
    r"prendre|augmenter|diminuer|doubler|commencer|changer|couper|sauter|reprendre|remplacer)\b[^.!?\n]*",
    re.IGNORECASE,
)
# Advice to whoever is on a medicine, put as a condition on the reader: "If you're on metformin and your stomach is
# upset, just stop it for a week". Not "if you're on call this weekend, take a nap".
ADVICE_IF_YOURE_ON_EN = re.compile(
    r"\bif\s+you(?:'re|’re|\s+are)\s+(?:on|taking)\s+(?!call\b|shift\b|duty\b|vacation\b|holiday\b|leave\b|the\s)"
    r"[^.!?\n]{1,80}?,\s*(?:just\s+|simply\s+)?(?:stop|start|double|halve|skip|cut|take|switch|hold|drop)\b[^.!?\n]*",
    re.IGNORECASE,
)
# A reader's child's symptom asked back, then what to give: "Your kid has a fever of 39? Alternate Tylenol and Advil
# every 2 hours", « Votre enfant fait 39 de fièvre ? Alternez Tylenol et Advil ». Needs a treatment named after it.
ADVICE_AFTER_READERS_SYMPTOM = re.compile(
    r"\b(?:your|votre|ton|ta)\s+(?:kid|child|baby|toddler|son|daughter|enfant|bébé|fils|fille|petite?)\s+"
    r"(?:has|have|got|is|a|fait)\b[^.!?\n]{0,50}\?\s*[^.!?\n]+",
    re.IGNORECASE,
)
# « Arrêtez la cortisone » is advice; « arrêtez le moteur avant de débloquer » and « arrêtez de raconter n'importe
# quoi » are not: these imperatives need a treatment named after them.
FRENCH_IMPERATIVE = re.compile(
    r"\b(?:arrêtez|cessez|doublez|augmentez|diminuez|sautez|coupez|alternez)\b[^.!?\n]*", re.IGNORECASE
)
# A reply to one viewer or reader, after a colon, as a directive with a strength or a schedule: "…wrote that her
# rash has lasted three months: stop the hydrocortisone now, start tacrolimus 0.1% twice a day", « : arrêtez la
# crème, appliquez le tacrolimus deux fois par jour ».
_SCHEDULE = (
    r"\d+(?:[.,]\d+)?\s*%|\b(?:once|twice|three times|\d+ times) (?:a|per) day\b|"
    r"\b(?:une|deux|trois|\d+) fois par jour\b|"
    r"\d+(?:[.,]\d+)?\s*(?:mg|mcg|ml|units?|iu|ui|unités)\b"
)
DIRECTIVE_AFTER_COLON = re.compile(
    r"(?<=: )(?:stop|start|take|use|apply|switch to|cut|double|halve|arrêtez|cessez|commencez|prenez|appliquez|"
    # Not an agenda's "start with the 2 mg/kg slide".
    rf"mettez|passez à)\b(?!\s+(?:with|by|par)\b)(?=[^.!?\n]*(?:{_SCHEDULE}))(?:[^.!?\n]|\.(?=\d))*",
    re.IGNORECASE,
)
# Whom the directive after a colon answers: one person who asked ("the viewer who wrote that…:", « à une abonnée
# qui demande… : »), not a guideline's readers.
ONE_PERSON_ASKED = words(
    "viewer", "reader", "follower", "subscriber", "commenter", "who wrote", "who asked", "she", "he", "her", "his",
    "abonnée", "abonné", "lectrice", "lecteur", "qui m'a écrit", "qui demande", "qui me demande", "elle", "il",
    # or wrote in private (eleventh session): "To the person in my DMs about a rash…:", « À la personne… en MP ».
    "the person", "in my DMs?", "in my inbox", "DMed me", "DM'd me", "messaged me", "who messaged", "who emailed",
    "à la personne", "en MP", "en DM", "en message privé", "en messages privés", "qui m'écrit", "dans mes messages",
)  # fmt: skip
# Sent to get a dose: "you should just ask your pharmacist for 1 mg estradiol", « demandez à votre pharmacien… ».
# Asking the pharmacist is the caution's words, but for a dose chosen already it is the advice itself.
ADVICE_ASK_FOR_DOSE = re.compile(
    r"\b(?:ask|demandez(?:-lui)?|demandez à|demande à)\s+(?:your|votre|ton)\s+(?:pharmacist|doctor|"
    r"pharmacien(?:ne)?|médecin)\s+(?:for|pour|de vous prescrire|de te prescrire|du|de la|des)\s+[^.!?\n]{0,30}?"
    # or a medicine, then how much to take: "ask your pharmacist for codeine over the counter, take two every 4 hours".
    r"(?:\d+(?:[.,]\d+)?\s*(?:mg|mcg|ml|ui|iu|units?)\b|[^.!?\n]{0,30}\btake\s+(?:one|two|three|\d)\s+every\s+\d+\s*h)"
    r"[^.!?\n]*",
    re.IGNORECASE,
)
ADVICE = [
    # A dose doubled on one's own: "just double the dose if they seem uncomfortable", « doublez la dose ».
    re.compile(r"\b(?:just\s+)?(?:double|triple|halve)\s+the\s+dose\b[^.!?\n]*|\bdoublez\s+la\s+dose\b[^.!?\n]*", re.I),
    # A patient named then told what to do with a medicine: "Doris, stop the metformin the morning of your CT".
    re.compile(
        rf"(?:^|[.!?]\s+)(?-i:[A-ZÉ][a-zà-ÿ'’-]+),\s+(?:stop|start|take|hold|skip|double|arrêtez|prenez|cessez)\s+"
        rf"(?:the|your|la|le|les|votre|vos)\s+[^.!?\n]{{0,40}}?(?:{DRUG_BY_ENDING}|metformin|metformine|insulin|insuline)"
        r"[^.!?\n]*",
        re.IGNORECASE,
    ),
    # Not a relative clause: "until you've ruled out everything you can stop" names drugs, tells no one to act.
    re.compile(
        r"(?<!\beverything )(?<!\banything )(?<!\bwhatever )(?<!\bwhat )"
        rf"\byou\s+(?:should|must|need to|have to|ought to|'d better|had better|can|could)\s+"
        r"(?:just\s+|simply\s+|really\s+|probably\s+|safely\s+)?(?!stop by|drop by|start by)"
        # Not an idiom: "you need to take a long hard look at…", "you should take a break".
        rf"(?:{ACTIONS_EN})\b(?!\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:look|break|moment|breath|minute|walk|step|stand)\b)"
        r"[^.!?\n]*",
        re.IGNORECASE,
    ),
    re.compile(
        r"\bI'?d\s+(?:double|stop|increase|decrease|start|switch|cut|halve|hold|up)\s+(?:your|the)\b[^.!?\n]*",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:give|take)\s+(?:him|her|them|it|your \w+)?\s*\d+(?:[.,]\d+)?\s*(?:ml|mg|mcg|units?|tabs?|"
        r"tablets?|pills?|mg/kg)\b[^.!?\n]*",
        re.IGNORECASE,
    ),
    # Not "security can hold your keys", "hold your breath".
    re.compile(
        r"\b(?:double|halve|stop|increase|decrease|hold|skip)\s+your\s+(?!(?:keys|breath|spot|place|seat|hand|hands|"
        r"bags?|coat|phone|questions|calls|mail|horses|tongue|nose|applause|ground|own|engine|car|vehicle|bike)\b)"
        r"\w+[^.!?\n]*",
        re.IGNORECASE,
    ),
    ADVICE_THIRD_PERSON_EN,
    ADVICE_THIRD_PERSON_FR,
    ADVICE_SUGGESTED_EN,
    ADVICE_SUGGESTED_FR,
    ADVICE_IF_YOURE_ON_EN,
    ADVICE_AFTER_READERS_SYMPTOM,
    # An imperative straight after the handle of the person replied to is addressed to that person.
    re.compile(
        r"(?<=^)@\w+\s+(?:start|stop|take|double|halve|increase|decrease|cut|skip|hold|switch)\b"
        # Not what one tells a troll: "@troll stop spreading lies about vaccines".
        r"(?!\s+(?:spreading|posting|lying|being|trolling|talking|arguing|harassing|tagging|it|that|this|the lies)\b)"
        r"[^.!?\n]*",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:start taking|take|stop taking)\s+\d+(?:[.,]\d+)?\s*(?:IU|mg|mcg|ml|units?)\b[^.!?\n]*", re.IGNORECASE
    ),
    # An instruction with a dose after a condition on the reader's own reading: "if your home cuff reads over 160,
    # take an extra amlodipine 5 mg", « si votre glycémie dépasse 15, prenez 4 unités de plus ».
    re.compile(
        r"(?<=[,:;] )(?:take|give)\s+(?:an extra|another|a second|one more|an additional|half (?:a|your))?\s*"
        r"(?:[\w-]+\s+){0,2}\d+(?:[.,]\d+)?\s*(?:mg|mcg|ml|units?|iu|puffs?)\b[^.!?\n]*",
        re.IGNORECASE,
    ),
    re.compile(
        # and a dose given to the reader's child: « vous devriez lui donner 2,5 ml d'ibuprofène ».
        r"\b(?:vous|tu)\s+(?:devriez|devez|pourriez|pouvez|peux|devrais|dois)\s+(?:arrêter|cesser|commencer|prendre|"
        r"augmenter|diminuer|doubler|changer|sauter|reprendre|couper|"
        r"(?:lui|leur)\s+donner(?=[^.!?\n]*\d+(?:[.,]\d+)?\s*(?:ml|mg|gouttes|comprimés?)\b))\b[^.!?\n]*",
        re.IGNORECASE,
    ),
    FRENCH_IMPERATIVE,
    # "Prenez" is advice with a dose or a medicine after it, not in "prenez soin", "prenez le rendez-vous",
    # nor in the question "qu'est-ce que vous prenez".
    re.compile(
        r"(?<!vous )\bprenez\b(?=[^.!?\n]*(?:\d\s*(?:mg|mcg|ml|ui|unités?|comprimés?|gouttes)\b|comprimé|pilule|"
        # or a count of a medicine named with a capital: « prenez deux Doliprane ».
        r"(?-i:(?:un|une|deux|trois|\d)\s+[A-Z][a-z]{3,})|"
        # or a course's length: « prenez les restes de cipro de votre conjoint pendant 3 jours ».
        rf"médicament|dose|sirop|antibiotique|ibuprofène|acétaminophène|tylenol|advil|vitamine|{DRUG_BY_ENDING}|"
        r"pendant\s+\d+\s+jours))"
        r"[^.!?\n]*",
        re.IGNORECASE,
    ),
    DIRECTIVE_AFTER_COLON,
    re.compile(
        r"\bdonnez(?:-lui|-leur)?\s+\d+(?:[.,]\d+)?\s*(?:ml|mg|mg/kg|comprimés?|gouttes)\b[^.!?\n]*", re.IGNORECASE
    ),
    re.compile(r"\bdonnez(?:-lui|-leur)\s[^.!?\n]*\d+\s*(?:ml|mg|mg/kg)\b[^.!?\n]*", re.IGNORECASE),
    # A medicine named for the reader's child, in a reply: « votre fils a une otite, donnez-lui de l'amoxicilline ».
    re.compile(
        rf"\b(?:donnez|donne|give)(?:-lui|-leur|\s+(?:him|her|them))\s+[^.!?\n]{{0,25}}?{DRUG_BY_ENDING}[^.!?\n]*",
        re.IGNORECASE,
    ),
    ADVICE_ASK_FOR_DOSE,
]
# The doctor named to be bypassed is no caution: « sans repasser par votre médecin », "no need to see your doctor".
CAUTION_WAIVED = words(
    r"sans (?:repasser|passer) par", r"sans (?:revoir|voir|reconsulter) (?:votre|ton)", "pas besoin de",
    "no need to", r"without (?:seeing|going back to|bothering) your", "skip your doctor",
)  # fmt: skip
# General cautions ("never stop a medication without talking to your doctor") are the opposite of advice.
GENERAL_CAUTION = words(
    "without talking",
    "without speaking",
    "without consulting",
    "without checking",
    "talk to your",
    "speak to your",
    "speak with your",
    "ask your",
    "asking your",
    "check with your",
    "consult your",
    "never",
    "don't stop",
    "do not stop",
    "sans en parler",
    "sans consulter",
    "parlez-en",
    "consultez",
    "jamais",
    "n'arrêtez",
    "ne cessez",
    "your doctor",
    "your pharmacist",
    "votre médecin",
    "votre pharmacien",
)

BRANDS = words(
    "ozempic",
    "wegovy",
    "mounjaro",
    "zepbound",
    "rybelsus",
    "jardiance",
    "farxiga",
    "eliquis",
    "xarelto",
    "lipitor",
    "crestor",
    "synthroid",
    "humira",
    "keytruda",
    "dupixent",
    "botox",
    "juvederm",
    "paxlovid",
    "tylenol",
    "advil",
    "motrin",
    "benadryl",
    "reactine",
    "claritin",
    "centrum",
    "ensure",
    "metamucil",
    "voltaren",
    "dexcom",
    "freestyle libre",
    "libre",
    "omnipod",
    "apple watch",
    "fitbit",
    "oura",
    "oura ring",
    "garmin",
    "whoop",
    "theragun",
    "hypervolt",
    "littmann",
    "omron",
    "withings",
    "eko",
    "butterfly iq",
    "peloton",
    "ag1",
    "athletic greens",
    "lululemon",
    "figs",
    "hoka",
    "hydro flask",
    "stanley",
    "nespresso",
    "starbucks",
    "tim hortons",
    "cerave",
    "la roche-posay",
    "neutrogena",
    "vichy",
    "nivea",
    "aveeno",
)
PROMOTION = words(
    "use code",
    "use my code",
    "my code",
    "code",
    "promo",
    "promo code",
    "discount",
    "% off",
    "link in bio",
    "affiliate",
    "recommend",
    "highly recommend",
    "game changer",
    "game-changer",
    "love",
    "loving",
    "obsessed",
    "favourite",
    "favorite",
    "best",
    "check out",
    "can't live without",
    "must-have",
    "must have",
    "try it",
    "code promo",
    "rabais",
    "lien dans ma bio",
    "lien dans la bio",
    # Swearing by a thing: « je ne jure plus que par mon otoscope ».
    "je ne jure que par",
    "je ne jure plus que par",
    "je recommande",
    "recommande",
    "j'adore",
    "adore",
    "accro",
    "coup de cœur",
    "meilleur",
    "meilleure",
    "essayez",
    "allez voir",
)
# A commercial offer needs no brand list: a discount code or an affiliate link is one by itself.
OFFER = re.compile(
    r"(?:\b(?:use\s+(?:my\s+)?code|code promo|promo code|code)\s+(?-i:(?=[A-Z0-9]*[A-Z])[A-Z0-9]{3,})\b|"
    r"\b\d{1,2}\s?%\s?(?:off|de rabais)\b|\baffiliate link\b|\blien affilié\b|"
    # An affiliate link in other words: "with my partner link you get free shipping", « avec mon lien partenaire ».
    r"\b(?:my|mon)\s+(?:partner\s+|referral\s+|affiliate\s+)?(?:link|lien)"
    r"(?:\s+partenaire|\s+de parrainage|\s+affilié)?\b"
    r"(?=[^.!?\n]{0,40}\b(?:free shipping|livraison gratuite|discount|rabais|réduction)))",
    re.IGNORECASE,
)
# "Link in bio" also points at a Zoom link or a registration form: an offer only beside a product's praise.
# Said with "my", "the" or nothing: "link in bio", « mon lien dans la bio ».
LINK_IN_BIO = re.compile(r"\blink in (?:my |the )?bio\b|\blien (?:est )?dans (?:ma |la )?bio\b", re.IGNORECASE)
DISCLOSURE = re.compile(
    r"(?:#ad\b|#sponsored|#sponsorisé|#partner|#paid|#pub\b|#commandité|#partenariat|#collab|paid partnership|"
    r"sponsored|disclosure|i'?m a paid|paid advisor|speaker fees|honoraria|conflicts? of interest|\bcoi\b|"
    r"commandité|partenariat rémunéré|divulgation|conflit d'intérêts|rémunérée?|i receive|je reçois|"
    r"no conflicts|aucun conflit)",
    re.IGNORECASE,
)

INSULTS = words(
    "idiot",
    "idiots",
    "idiotic",
    "moron",
    "morons",
    "stupid",
    "clown",
    "clowns",
    "fool",
    "liar",
    "liars",
    "fraud",
    "quack",
    "disgrace",
    "pathetic",
    "imbecile",
    "dumb",
    "garbage take",
    "trash",
    "shut up",
    "shame on you",
    "how dare you",
    "delete your account",
    "get lost",
    "you're a joke",
    "you are a joke",
    "should be ashamed",
    "go back to where",
    r"go back to your\s+(?:videos|conspiracy|conspiracies|research|forums|groups|basement|echo chamber|podcasts)",
    "ignorant",
    "idiote",
    "imbécile",
    "imbéciles",
    "crétin",
    "crétine",
    "abruti",
    "abrutie",
    "ta gueule",
    "ferme-la",
    "fermez-la",
    "menteur",
    "menteuse",
    "charlatan",
    "charlatans",
    "honte à vous",
    "honte à toi",
    "tu es une honte",
    "une honte",
    "n'importe quoi",
    "pathétique",
    "stupide",
    "débile",
    "comment osez-vous",
    "comment oses-tu",
    "espèce d'idiot",
    "espèce d'imbécile",
    "espèce d'abruti",
    "espèce de",
    "fools",
    "frauds",
    "quacks",
    "ignorants",
    "ignorantes",
    "menteurs",
    "crétins",
    "abrutis",
    "débiles",
    # Contempt said without a swear word: dismissing the person, blaming their kind, closing the door.
    r"(?:have|has)\s+no\s+idea\s+what\s+(?:you're|you’re|you are)\s+talking\s+about",
    r"(?:ne|n')\s*(?:savez|sais|savent)\s+(?:manifestement\s+|visiblement\s+|clairement\s+|même\s+)?pas\s+"
    r"de\s+quoi\s+(?:vous\s+parlez|tu\s+parles|ils\s+parlent)",
    r"(?:people|folks|someone|those)\s+like\s+you\s+(?:are|is)\s+(?:the\s+reason|why|the\s+problem|dangerous)",
    r"(?:c'est|ce\s+sont|c’est)\s+des\s+gens\s+comme\s+(?:vous|toi)\s+qui",
    # Closing the door on someone, not on a year or an old pager system.
    r"(?:blocked|bloquée?)\W{1,3}(?:and\s+|et\s+)?(?:good riddance|bon débarras)",
    # Put-downs that answer a critic: "…calling me a pharma shill: grow up.", « aucune leçon de médecine à
    # recevoir de quelqu'un qui… », « avant d'ouvrir votre grande gueule ».
    r"(?<=[:,—–-]\s)grow up",
    "get a life",
    "shut up",
    r"no lessons?\s+(?:[\w-]+\s+){0,3}(?:to take|to learn)\s+from",
    r"aucune leçon\s+(?:[\w-]+\s+){0,3}à recevoir",
    "grande gueule",
    r"allez vous faire (?:voir|foutre|soigner)",
    "ta gueule",
    "fermez-la",
    "ferme-la",
    # Sent back to their sources, not "retournez à vos activités".
    r"retourne(?:z)?\s+à\s+(?:vos|tes)\s+(?:vidéos|complots|théories|recherches|forums|groupes|chroniqueurs)",
    r"go back to your (?:youtube|facebook|google|tiktok|conspiracy|videos|forums?)",
    r"failed (?:high school|grade \w+|basic) (?:biology|science|chemistry|math)",
    # Cowardice thrown at a critic, harm wished on them or on a group: "you are a coward hiding behind an egg
    # avatar and I hope your keyboard breaks", "the people cheering the cuts should be the first ones turned away".
    "coward",
    "cowards",
    "espèce de lâche",
    "bande de lâches",
    r"(?:vous êtes|tu es|t'es) (?:une?|des) lâches?",
    r"I hope (?:your|you)\b[^.!?\n]{0,30}\b(?:breaks?|dies?|burns?|rots?|suffer|get sick|gets? sick)",
    r"j'espère que (?:ton|ta|votre|vous|tu)\b[^.!?\n]{0,30}\b(?:casse|crève|brûle|souffre|tombe malade)",
    r"should be the first (?:ones?\s+)?(?:turned away|refused|denied|sent home|left to die)",
    # Daring, dismissing and threatening a critic: "Say it to my face.", "Blocking you now", "Unfollow if vaccines
    # offend you", "or I'll publish your real name", « Allez donc le leur expliquer », « taisez-vous ».
    "say it to my face",
    r"dites-le(?:-moi)? en face",
    "blocking you now",
    r"unfollow (?:me )?if",
    r"désabonnez-vous si",
    r"or I'll (?:publish|post|share|expose)",
    r"ou je (?:publie|dévoile)",
    r"allez (?:donc )?le leur expliquer",
    r"go explain (?:that|it) to",
    "taisez-vous",
    "tais-toi",
    r"c'est la dernière fois que vous",
    r"(?:devraient|mériteraient) d'être (?:les premi(?:er|ère)s? )?(?:refusée?s|renvoyée?s|laissée?s)",
)
SHOUTING = re.compile(r"\b[A-Z]{4,}\b")


TREATMENT_WORDS = words(
    "medication",
    "medications",
    "meds",
    "medicine",
    "pills?",
    "dose",
    "doses",
    "insulin",
    "inhaler",
    "puffer",
    "antibiotics?",
    "statin",
    "chemo",
    "treatment",
    "prescription",
    "drugs?",
    "tablets?",
    "mg",
    "médicaments?",
    "pilules?",
    "insuline",
    "pompe",
    "antibiotiques?",
    "traitement",
    "ordonnance",
    "comprimés?",
    "chimio",
    "melatonin",
    "mélatonine",
    "ibuprofen",
    "ibuprofène",
    "acetaminophen",
    "acétaminophène",
    "aspirin",
    "aspirine",
    "vitamin",
    "vitamine",
    "supplements?",
    "suppléments?",
    "antidepressants?",
    "antidépresseurs?",
    "opioids?",
    # Opioids and sleeping pills by name: « arrêtez simplement la morphine », "ask your pharmacist for codeine".
    "morphine",
    "codeine",
    "codéine",
    "oxycodone",
    "hydromorphone",
    "fentanyl",
    "tramadol",
    "zopiclone",
    "zolpidem",
    "opioïdes?",
    # What goes on the skin is a treatment too: « arrêtez la cortisone sur les paupières ».
    "cortisone",
    "hydrocortisone",
    "steroids?",
    "stéroïdes?",
    "corticoïdes?",
    "creams?",
    "crèmes?",
    "ointments?",
    "pommades?",
    r"\d+(?:[.,]\d+)?\s*(?:mg|mcg|ml|ui|iu|units?|unités)",
    DRUG_BY_ENDING,
)
# Patterns whose verbs are as common outside medicine ("I suggest you start with the module", "he should
# stop his bike"): advice only when they name a treatment.
NEEDS_A_TREATMENT = (
    ADVICE_THIRD_PERSON_EN,
    ADVICE_THIRD_PERSON_FR,
    ADVICE_SUGGESTED_EN,
    ADVICE_SUGGESTED_FR,
    FRENCH_IMPERATIVE,
    ADVICE_AFTER_READERS_SYMPTOM,
    DIRECTIVE_AFTER_COLON,  # not "Today's tip: stop smoking, start walking 30 minutes twice a day"
)


DOSE_OR_SCHEDULE = re.compile(_SCHEDULE + r"|\b(?:every|toutes les)\s+\d+\s*(?:hours|h|heures)\b", re.IGNORECASE)


def _cautioned_only_after_a_dose(text: Text, match: re.Match) -> bool:
    """A reply to one person that gives a dose, then adds "see your doctor" or « consultez », is still advice: "@mum
    stop the amoxicillin and give 10 mg of cetirizine, then see your doctor". A caution said first stays one."""
    return (
        text.value.lstrip().startswith("@")
        and bool(DOSE_OR_SCHEDULE.search(match.group()))
        and not GENERAL_CAUTION.search(text.value, text.sentence_around(match.start())[0], match.start())
        and not GENERAL_CAUTION.search(match.group().split(",")[0])
    )


# An instruction negated is the caution to keep going, said to whoever reads: "if you are on dialysis and travelling,
# do NOT skip your run the day before", "never double your dose". Not "don't wait: double your dose tonight".
WARN22_NEGATED_BEFORE = re.compile(r"\b(?:do not|don't|don’t|never|ne)\s+$", re.IGNORECASE)
# A condition, not an instruction: "ibuprofen 400 mg if you can take it" (if the reader tolerates it).
ADVICE_AS_A_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+$", re.IGNORECASE)


def medical_advice(text: Text) -> list[Hit]:
    hits = []
    for pattern in ADVICE:
        for match in pattern.finditer(text.value):
            if WARN22_NEGATED_BEFORE.search(
                text.value, max(0, match.start() - 12), match.start()
            ) or ADVICE_AS_A_CONDITION_BEFORE.search(text.value, max(0, match.start() - 8), match.start()):
                continue
            start, end = text.sentence_around(match.start())
            cautioned = GENERAL_CAUTION.search(text.value[start:end]) and not CAUTION_WAIVED.search(
                text.value, start, end
            )
            if cautioned and pattern is not ADVICE_ASK_FOR_DOSE and not _cautioned_only_after_a_dose(text, match):
                continue
            if pattern is ADVICE_AFTER_READERS_SYMPTOM and GENERAL_CAUTION.search(match.group()):
                continue  # "Your kid has a fever? Never give Advil without asking your doctor."
            if pattern in NEEDS_A_TREATMENT and not (
                TREATMENT_WORDS.search(match.group()) or BRANDS.search(match.group())
            ):
                continue
            if pattern is DIRECTIVE_AFTER_COLON and not ONE_PERSON_ASKED.search(text.value, start, match.start()):
                continue  # "New guideline: start apixaban 5 mg twice a day for most patients" is for everyone
            hits.append(Hit(Category.MEDICAL_ADVICE, match.start(), match.end(), "medical_advice", None))
    return hits


# A product praised without a brand list: a capitalised name before what kind of product it is, in a sentence
# that vouches for it ("DermaGlow Tinted SPF 50, hands down the best on the market", "Joint Renew collagen,
# which I've started recommending to all my runners", « les gélules Marin Oméga…, les meilleures que j'aie testées »).
PRODUCT_KIND = (
    r"spf|sunscreen|collagen|collagène|capsules|gélules|serum|sérum|cream|crème|supplements?|suppléments?|gummies|"
    r"protein|protéines?|powder|poudre|vitamins?|vitamines?|sleeve|brace|insoles|semelles|tea|tisane|shampoo|balm|baume"
)
PRODUCT = re.compile(
    rf"(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){{0,2}}(?:\s+[a-z]+)?)\s+(?i:{PRODUCT_KIND})\b|\b(?i:{PRODUCT_KIND})\s+(?-i:[A-Z][\w-]+"
    r"(?:\s+[A-Z][\w-]+){0,2})"
)
VOUCHED = re.compile(
    r"\b(?:the best (?:on the market|out there|there is)|best [\w ]{0,20} out there|hands down|"
    r"(?:started |been )?recommending (?:it )?to (?:all|every)|recommend (?:it )?to (?:all|every)|i swear by|"
    r"(?:les |la |le )?meilleure?s? que j'(?:aie|ai) (?:testée?s?|essayée?s?)|"
    r"je (?:la |le |les )?recommande à (?:tous|toutes)|c'est ce que je recommande à (?:tous|toutes)|"
    r"je ne jure (?:plus )?que par)",
    re.IGNORECASE,
)


def _products_vouched_for(text: Text) -> list[Hit]:
    if not VOUCHED.search(text.value):
        return []
    hits = []
    for start, end in text.sentence_bounds:
        product = VOUCHED.search(text.value, start, end) and PRODUCT.search(text.value, start, end)
        if product:
            hits.append(Hit(Category.COMMERCIAL_INTEREST, product.start(), end, "commercial_interest", None))
    return hits


# Sent to a shop to buy a named product: "Grab it on Amazon!", "get yours at Costco", « commandez-la sur Amazon »,
# « disponible chez Jean Coutu ». Not without a product named ("grab a coffee at Tim's").
BUY_AT = re.compile(
    r"\b(?:grab|get|buy|order|pick up|snag)\s+(?:it|them|one|yours|some|a tube|a bottle|a box)\s+(?:on|at|from)\s+"
    r"(?-i:[A-Z][\w'’&.-]+)|"
    r"\b(?:achetez|commandez|procurez-vous|trouvez)(?:-le|-la|-les)?\s+(?:[\w'’-]+\s+){0,2}(?:sur|chez|à)\s+"
    r"(?-i:[A-Z][\w'’&.-]+)|\b(?:available|disponibles?)\s+(?:on|at|sur|chez)\s+(?-i:Amazon|[A-Z][\w'’&.-]+\.(?:com|ca|fr))",
    re.IGNORECASE,
)


def _products_sent_to_buy(text: Text) -> list[Hit]:
    buy = BUY_AT.search(text.value)
    product = buy and PRODUCT.search(text.value)
    if not product:
        return []
    start = text.sentence_around(product.start())[0]
    return [Hit(Category.COMMERCIAL_INTEREST, start, max(buy.end(), product.end()), "commercial_interest", None)]


# A café or shop named as a place in the building, in practice news: "the Tim Hortons kiosk in the main lobby stays
# open until 9 pm", « le Starbucks du hall est ouvert le dimanche ». Where to get a coffee praises nothing.
WARN22_SHOP_ON_SITE = re.compile(
    r"\s+(?:(?:kiosk|counter|outlet|stand|booth|cart|café|cafe|kiosque|comptoir)s?\b|"
    r"(?:in|on|at|near|by)\s+(?:the\s+)?(?:main\s+|front\s+)?"
    r"(?:lobby|entrance|atrium|cafeteria|ground floor|concourse)\b|"
    r"(?:du|dans le|au)\s+(?:hall|rez-de-chaussée)\b|"
    r"(?:stays|is|are|will be|est|sera)\s+(?:now\s+)?(?:open|closed|ouverte?|fermée?)\b)",
    re.IGNORECASE,
)


def commercial_interest(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    hits = [
        Hit(Category.COMMERCIAL_INTEREST, m.start(), m.end(), "commercial_offer", None)
        for m in OFFER.finditer(text.value)
    ]
    praised = any(not LINK_IN_BIO.fullmatch(m.group()) for m in PROMOTION.finditer(text.value))
    if praised or BRANDS.search(text.value):
        hits.extend(
            Hit(Category.COMMERCIAL_INTEREST, m.start(), m.end(), "commercial_offer", None)
            for m in LINK_IN_BIO.finditer(text.value)
            if not WARN24_LINK_TO_AN_EVENT.search(text.value, *text.sentence_around(m.start()))
        )
    if PROMOTION.search(text.value):
        hits.extend(
            Hit(Category.COMMERCIAL_INTEREST, m.start(), m.end(), "commercial_interest", None)
            for m in BRANDS.finditer(text.value)
            if not WARN22_SHOP_ON_SITE.match(text.value, m.end())
        )
    return hits + _products_vouched_for(text) + _products_sent_to_buy(text)


# The link in bio that points at a talk, not a product (eleventh session): "Come to my webinar on the 10th, link in
# bio", « Inscription à l'atelier : lien dans la bio ». Said in the link's own sentence.
WARN24_LINK_TO_AN_EVENT = words(
    "webinar", "webinars", "talk", "lecture", "workshop", "livestream", "live stream", "q&a", "ama", "town hall",
    "conference", "symposium", "course", "registration", "register", "sign up", "signup", "rsvp", "grand rounds",
    "webinaire", "conférence", "atelier", "formation", "inscription", "inscrivez-vous", "colloque", "causerie",
)  # fmt: skip


def heated(text: Text) -> list[Hit]:
    hits = [Hit(Category.HEATED, m.start(), m.end(), "heated", None) for m in INSULTS.finditer(text.value)]
    # Shouting in a post of one's own is advocacy; in a reply to someone it is heat.
    shouted = SHOUTING.findall(text.value)
    if not hits and text.value.lstrip().startswith("@") and len(shouted) >= 3 and "!!" in text.value:
        hits.append(Hit(Category.HEATED, 0, len(text.value), "heated_shouting", None))
    return hits


RULES = (medical_advice, commercial_interest, heated)


# Advice on one reader's case, put as their condition or their child's: "If your kid has the classic pattern, you can
# give ibuprofen 10 mg/kg at bedtime and skip the doctor visit", "@… If his shins hurt every run, stop running for 2
# weeks, no need to come in", « Et si votre enfant s'est cogné hier et vomit ce matin, donnez-lui un Doliprane et
# attendez demain », « Pour le poignet de votre fille, mettez-lui une attelle et donnez-lui de l'Advil ». It names a
# treatment or waives the visit; a caution ("call 811", "see your doctor") makes it general guidance.
IDS19_ADVICE_ON_A_READERS_CASE = re.compile(
    r"\b(?:if|si)\s+(?:your|his|her|votre|ton|ta|son|sa)\b[^.!?\n]{0,80}?,[^.!?\n]*?"
    r"\b(?:(?:you can\s+)?give|donnez(?:-lui)?|mettez-lui|stop|skip|switch|take|prenez)\b[^.!?\n]*"
    r"|\b(?i:pour)\s+(?:le|la|les)\s+\w+\s+de\s+(?:votre|ta|ton)\s+\w+\s*,[^.!?\n]*",
    re.IGNORECASE,
)
IDS19_VISIT_WAIVED = words(
    "no need to come in", "skip the doctor", "skip the doctor visit", "attendez demain", "ça va passer",
    "no need to see", "pas besoin de consulter",
)  # fmt: skip
IDS19_CAUTION = words("call 811", "call 911", "appelez le 811", "appelez le 911", "urgences", "emergency", "ER")


def ids19_advice_on_a_readers_case(text: Text) -> list[Hit]:
    hits = []
    for match in IDS19_ADVICE_ON_A_READERS_CASE.finditer(text.value):
        advice = match.group()
        treats = TREATMENT_WORDS.search(advice) or BRANDS.search(advice) or DOSE_OR_SCHEDULE.search(advice)
        waived = IDS19_VISIT_WAIVED.search(advice) or CAUTION_WAIVED.search(advice)
        if not (treats or waived):
            continue
        if not waived and (GENERAL_CAUTION.search(advice) or IDS19_CAUTION.search(advice)):
            continue
        hits.append(Hit(Category.MEDICAL_ADVICE, match.start(), match.end(), "medical_advice", None))
    return hits


RULES = (*RULES, ids19_advice_on_a_readers_case)


# A product vouched for as the best or the only one, or everyone told to buy it, with its maker or brand named in the
# sentence: "best product out there, I'd never use anything else", "the only one that works", « le meilleur appareil du
# marché », « la seule crème qui marche vraiment », "every department should buy…", « achetez-le tous », "I tell every
# family to grab two tubes", « je les conseille à tous mes patients ». A disclosure makes it honest.
IDS20_VOUCHED_AS_THE_ONE = re.compile(
    r"\b(?:best (?:product|device)[\w ]{0,25}|the only one that (?:works|helps)|"
    r"(?:i'?d|i would|i will) never use anything else|"
    r"every (?:department|hospital|clinic|unit|family|parent) should (?:buy|get|grab)|"
    r"i tell every (?:family|parent|patient)|le meilleur (?:produit|appareil|outil)(?: du marché| sur le marché)?|"
    r"la seule [\w-]+ qui (?:marche|fonctionne)|je n'utiliserai jamais rien d'autre|achetez-les? tous|"
    r"j'en fais acheter à (?:toutes|tous)|je (?:les|le|la) conseille à tous)\b",
    re.IGNORECASE,
)
# A maker's or brand's name: capitalised inside the sentence, with small letters (not "ICU").
IDS20_BRAND_IN_SENTENCE = re.compile(r"(?<=[\w,;:—–-] )(?-i:[A-ZÉ][a-zà-ÿ]+[\w-]*)")


def ids20_products_vouched_as_the_one(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    hits = []
    for match in IDS20_VOUCHED_AS_THE_ONE.finditer(text.value):
        start, end = text.sentence_around(match.start())
        if IDS20_BRAND_IN_SENTENCE.search(text.value, start, end):
            hits.append(Hit(Category.COMMERCIAL_INTEREST, start, end, "commercial_interest", None))
    return hits


RULES = (*RULES, ids20_products_vouched_as_the_one)


# Contempt aimed at the person answered rather than at an idea, in whatever words (eighth session): what they say
# called rubbish ("go bother someone who has time for your nonsense", « arrêtez de répandre vos bêtises »,
# « allez vendre votre salade ailleurs », « balancer des âneries pareilles »), their reading or knowledge put down
# ("you clearly didn't read a single study before typing that", "you have no clue what you're talking about",
# « renseignez-vous un minimum »), or them sent off ("sit down", "don't lecture me", « je vous laisse expliquer ça
# aux parents », "go peddle that to someone else"), or found unfit ("you should not be anywhere near a hospital",
# « vous le savez très bien », « ça vous évitera le ridicule »). General words about misinformation ("ignore the
# nonsense online", « les bêtises qui circulent ») are aimed at no one and stay quiet.
CONTEMPT_FOR_WHAT_YOU_SAY = re.compile(
    r"\b(?:your|vos|votre|tes|ton|ta)\s+(?:\w+\s+)?(?:nonsense|drivel|garbage|rubbish|bs|bullshit|crap|"
    # and as Québec and older French say it, « vos niaiseries », « vos balivernes » (eleventh session).
    r"hogwash|claptrap|twaddle|baloney|niaiseries|balivernes|sornettes|fadaises|"
    r"bêtises|âneries|conneries|sottises|foutaises|inepties|salades?|délires?)\b"
    r"|\b(?:balancer|raconter|répandre|écrire|débiter)\s+des\s+(?:bêtises|âneries|conneries|sottises|inepties|"
    r"niaiseries|balivernes|sornettes|fadaises)"
    r"(?:\s+pareilles)?"
    # Their reading or knowledge put down.
    r"|\byou (?:clearly |obviously )?(?:didn't|did not|never|haven't|have not) (?:even )?(?:read|opened)\b"
    r"|\b(?:you|u) have(?: absolutely)? no clue\b|\byou have no idea\s*[.!]"
    r"|\bvous n'avez (?:aucune|pas la moindre) idée\s*[.!]"
    r"|\b(?:read (?:a (?:single )?(?:study|book|paper)|something) (?:before|once)|maybe read something)\b"
    r"|\b(?:read|lisez|lis) (?:the |a |les |la |le )?\w+ (?:before you (?:tweet|post|comment|type)|"
    r"avant de (?:tweeter|commenter|publier|parler|écrire))"
    r"|\brenseignez-vous (?:un minimum|avant|d'abord)\b|\bavant de (?:balancer|raconter|écrire)\b"
    # Them sent off.
    # "I sit down" is what the author does, not where they send someone.
    r"|(?<!to )(?<!\bI )(?<!\bwe )\b(?:sit down|take a seat)(?=\s*[.!])"
    r"|\bsit this one out\b|\b(?:don't|do not) lecture me\b"
    r"|\bgo bother (?:someone|somebody)\b|\b(?:gardez|garde) (?:vos|tes) leçons\b|\bkeep your lectures\b"
    r"|\bgo (?:sell|peddle|preach to|lecture) (?:someone|somebody|anyone) else\b"
    r"|\ballez (?:vendre|raconter|prêcher) (?:votre|vos|ça|ces)\s+(?:[\w'’-]+\s+){0,3}(?:à|ailleurs)\b"
    r"|\b(?:this nonsense|des âneries)\b"
    # Them found unfit or shamed.
    r"|\b(?:should not|shouldn't) be anywhere near\b|\b(?:vous le savez|tu le sais) très bien\b"
    r"|\bévitera le ridicule\b|\b(?:devriez|devrais) avoir honte\b"
    r"|\bje vous laisse (?:l'|le |leur )?expliquer (?:ça |cela )?(?:aux|à)\b",
    re.IGNORECASE,
)


def heat_at_the_addressee(text: Text) -> list[Hit]:
    hits = []
    for match in CONTEMPT_FOR_WHAT_YOU_SAY.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    return hits


RULES = (*RULES, heat_at_the_addressee)


# Punishment wished on a group of people for what they do (ninth session): "People who tell cancer patients to skip
# Mohs… should be sued into oblivion", "anyone selling this should be locked up", « Ceux qui vendent… méritent la
# prison », « les gens de l'ARS… devraient être virés », « …sont des incompétents qui devraient démissionner ».
# Measured calls for accountability ("should be reported to the College", « devraient être formés ») stay quiet: only
# jail, the courts, the sack, a licence taken or resignation demanded are wished as punishment.
WARN22_PUNISHMENT_WISHED = re.compile(
    r"\b(?:should|must|ought to|need to|deserve to)\s+(?:all\s+)?(?:be\s+)?(?:sued|jailed|locked up|thrown in jail|"
    r"prosecuted|arrested|fired|sacked|struck off|disbarred|stripped of (?:their|his|her) licen[cs]es?|"
    r"lose (?:their|his|her) licen[cs]es?|resign)\b(?!\s+(?:at|from|with|into|up|on|in|by)\b)"
    r"|\bdeserves?\s+(?:jail|prison|to be (?:sued|jailed|fired|locked up|struck off)|to rot|"
    r"to lose (?:their|his|her) licen[cs]e)\b"
    r"|\binto oblivion\b"
    r"|\bmérite(?:nt|rait|raient)?\s+(?:la prison|la taule|d'être (?:radiée?s?|virée?s?|poursuivie?s?|"
    r"condamnée?s?|enfermée?s?|jetée?s? en prison))"
    r"|\b(?:devrai(?:en)?t|doi(?:ven)?t)\s+(?:tous\s+)?(?:être\s+(?:virée?s?|radiée?s?|poursuivie?s?|enfermée?s?|"
    r"jetée?s? en prison|mise?s? à la porte|condamnée?s?)|démissionner|aller en prison)\b"
    r"|\bsont\s+(?:tous\s+)?des\s+incompétente?s\b|\b(?:are|is)\s+(?:a bunch of|a pack of)\s+incompetents\b"
    r"|\bare\s+(?:all\s+)?incompetent(?=\s*[.!,]|\s+(?:and|who)\b)",
    re.IGNORECASE,
)


def warn22_punishment_wished(text: Text) -> list[Hit]:
    hits = []
    for match in WARN22_PUNISHMENT_WISHED.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    return hits


RULES = (*RULES, warn22_punishment_wished)


# The addressee told to stop or own the harm (ninth session): an ultimatum on what they keep spreading ("if you keep
# spreading these lies", « Si vous continuez à répandre ces âneries sous mes publications ») or the harm laid at their
# door ("the deaths are on you", "blood on your hands", « assumez les enfants hospitalisés »). "If you keep posting
# great questions" names nothing as rubbish and stays quiet.
WARN22_BLAME_ON_THE_ADDRESSEE = re.compile(
    r"\b(?:you|vous|tu)\s+(?:keep|continue|continuez|continues)\s+(?:to\s+|on\s+|à\s+|de\s+|d['’])?"
    r"(?:spread|post|shar|push|peddl|repeat|writ|répandre|publier|partager|colporter|diffuser|raconter|écrire|"
    r"propager)\w*\s+(?:these|this|that|your|such|ces|cette|vos|tes|de telles|des|ce genre d['’])\s*(?:\w+\s+)?"
    r"(?:lies|nonsense|garbage|rubbish|drivel|bs|bullshit|crap|âneries|bêtises|conneries|inepties|sottises|"
    r"foutaises|mensonges|salades)\b"
    r"|\b(?:(?:the|those|these|their)\s+(?:deaths?|hospitali[sz]ations?|funerals?)\s+(?:are|is|will be)\s+on\s+you|"
    r"blood\s+on\s+your\s+hands|(?:that's|that is|it's|it is)\s+on\s+you\b(?=\s*[.!])|"
    r"du\s+sang\s+sur\s+les\s+mains|vous\s+en\s+porterez\s+la\s+responsabilité|"
    r"assumez\s+(?:les|ces|vos)\s+(?:enfants|morts|décès|hospitalisations|malades|conséquences|rougeoles))",
    re.IGNORECASE,
)
# A request refused, then the requester sent to read and to call (ninth session): "No, I will not "just approve" a
# contrast CT… Read the protocol or call me.", « Non, je ne validerai pas… Lisez le protocole ou appelez-moi. » The same
# words under a question ("Questions about the new pathway? Read the protocol or call me") are an offer of help.
WARN22_REFUSAL_OPENING = re.compile(r"^\s*(?:@\w+\s+)?(?:No|Non)\s*[,.!]\s*(?:I|je)\b", re.IGNORECASE)
WARN22_READ_OR_CALL = re.compile(
    r"\b(?:read|lisez|lis)\s+(?:the|your|le|la|les|votre|vos)\s+(?:[\w-]+\s+)?(?:protocol|guidelines?|policy|chart|"
    r"requisition|order set|literature|protocole|recommandations|consignes|dossier|procédure)\s+(?:or|ou)\s+"
    r"(?:call|page|phone)\s+me\b[^.!?\n]*"
    r"|\b(?:lisez|lis)\s+(?:le|la|les|votre|vos)\s+(?:[\w-]+\s+)?(?:protocole|recommandations|consignes|dossier|"
    r"procédure)\s+ou\s+(?:appelez|appelle|bipez|bipe)-moi\b[^.!?\n]*",
    re.IGNORECASE,
)


def warn22_blame_on_the_addressee(text: Text) -> list[Hit]:
    hits = []
    for match in WARN22_BLAME_ON_THE_ADDRESSEE.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    if WARN22_REFUSAL_OPENING.search(text.value):
        hits.extend(
            Hit(Category.HEATED, match.start(), match.end(), "heated", None)
            for match in WARN22_READ_OR_CALL.finditer(text.value)
        )
    return hits


RULES = (*RULES, warn22_blame_on_the_addressee)


# Money per post offered or taken (ninth session): « nous vous versons 400 € par publication », "we'll pay you $300 per
# post", "I get $50 for each video", « on me paie 200 $ par vidéo ». A sum per publication is a commercial relation
# whether the author accepts it or quotes it to warn colleagues; a disclosure makes it honest. "Boosting costs $20
# per post" has nobody paid and stays quiet.
WARN22_MONEY = r"(?:[$€£]\s?\d[\d,.\s]*\d|[$€£]\s?\d|\d[\d,.\s]*\s?(?:[$€£]|euros?|dollars?|k\$|k€))"
WARN22_PAID_PER_POST = re.compile(
    rf"{WARN22_MONEY}\s*(?:per|par|for each|for every|pour chaque|a|an|la|le)\s+"
    r"(?:(?:sponsored|sponsorisée?|single)\s+)?(?:posts?|publications?|videos?|vidéos?|stor(?:y|ies)|reels?|tweets?|"
    r"articles?|mentions?|partages?|shares?)\b",
    re.IGNORECASE,
)
WARN22_SOMEONE_PAID = words(
    "pay", "pays", "paid", "paying", "offer", "offered", "offers", "earn", "earned", "get", "got", "make",
    "versons", "verserons", "verse", "versent", "payons", "paierons", "paie", "paient", "payé", "payée",
    "rémunère", "rémunérons", "rémunéré", "rémunérée", "proposé", "propose", "proposent", "offrons", "offre", "gagne",
    "gagner", "touche", "toucher",
)  # fmt: skip


def warn22_paid_per_post(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    hits = []
    for match in WARN22_PAID_PER_POST.finditer(text.value):
        start, end = text.sentence_around(match.start())
        if WARN22_SOMEONE_PAID.search(text.value, start, end):
            hits.append(Hit(Category.COMMERCIAL_INTEREST, start, end, "commercial_interest", None))
    return hits


RULES = (*RULES, warn22_paid_per_post)


# An encounter pinned to a place a neighbour would know (ninth session). The older rule (``clinical.encounters``)
# reads a described person, a recent time and a setting or a town; authors 16 and 17 pinned the person down with a
# street ("our waiting room on Yonge", "a seniors' building on Gaetz Avenue"), a neighbourhood (« du quartier de la
# Krutenau »), a named emergency (« aux urgences de Pontchaillou », « à l'urgence de Maniwaki »), a venue walked into
# ("walked into the Rideau Centre walk-in clinic") or a reserve ("from a Northern Manitoba reserve"), and often opened
# with the definite article ("The woman with the burned tattoo who…", « Le pompier volontaire de 45 ans de… »). A
# teaching pearl told on this morning's patient is still this morning's patient; a paper or a film is not.
_WARN22_NAME = r"(?-i:[A-ZÉÈ][\w'’-]+)"
_WARN22_NOT_A_PLACE = (
    rf"(?!(?i:{lexicon.WEEKDAYS_EN}|{lexicon.WEEKDAYS_FR}|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|christmas|instagram|facebook|tiktok|youtube|twitter|zoom|teams|call|duty)\b)"
)
WARN22_PINNED_PLACE = re.compile(
    # A street: "on Gaetz Avenue", "off Bank St", « rue Sainte-Catherine », or a room or building on one ("on Yonge").
    rf"\b(?:on|off)\s+{_WARN22_NOT_A_PLACE}{_WARN22_NAME}(?:\s+{_WARN22_NAME})?\s+(?-i:Street|St|Avenue|Ave|Road|Rd|"
    r"Boulevard|Blvd|Drive|Dr|Lane|Crescent|Cres|Way|Highway|Hwy)\b"
    rf"|\b(?:room|clinic|office|building|apartment|house|shelter|pharmacy|store|bus stop|corner)\s+on\s+"
    rf"{_WARN22_NOT_A_PLACE}{_WARN22_NAME}"
    rf"|\b(?:rue|avenue|boulevard|chemin|rang|route)\s+(?:de la |du |des |de |d['’]|de l['’])?{_WARN22_NAME}"
    # A neighbourhood: « du quartier de la Krutenau », "in the Glebe neighbourhood".
    rf"|\b(?:quartier|faubourg|arrondissement)\s+(?:de la |du |des |de |d['’]|de l['’])?{_WARN22_NAME}"
    rf"|\b(?:the\s+)?{_WARN22_NAME}\s+(?:neighbourhood|neighborhood|district)\b"
    # A venue walked into: "walked into the Rideau Centre walk-in clinic", "was brought to Sunnybrook".
    # Also "brought by her dad to the McMaster Children's ER" (tenth session).
    rf"|\b(?:walked|came|limped|rolled|stumbled|wandered|staggered|brought|carried)\s+"
    r"(?:by\s+(?:her|his|their|a|an)\s+[\w'’-]+\s+)?(?:in)?to\s+(?:the\s+|our\s+)?"
    rf"{_WARN22_NOT_A_PLACE}{_WARN22_NAME}"
    # A named crossing or island, a neighbour's landmark (tenth session): "on the Nanaimo ferry", "Fogo Island",
    # « dans le traversier de Souris », « sur le quai de Grande-Entrée ».
    rf"|\bon\s+the\s+{_WARN22_NOT_A_PLACE}{_WARN22_NAME}\s+(?:ferry|bus|train|flight|plane|boat|subway|gondola|"
    # or its platform (eleventh session): "collapsed on the <line> platform", « sur le quai du métro Jean-Talon ».
    r"chairlift|platform|station)\b"
    rf"|(?<!\bthe )\b{_WARN22_NOT_A_PLACE}{_WARN22_NAME}\s+(?-i:Island|Harbour|Cove)\b"
    rf"|\b(?:traversier|bateau|quai|télésiège|île)\s+(?:de la |du |des |de |d['’]|de l['’])?{_WARN22_NAME}"
    # A team's or a brand's colours worn (tenth session; authors 11, 14 and 15): "in a pink Habs jersey", "in a
    # Canucks jersey", « casquette de l'OM », « tatouage du FC Nancy ». A fan is a neighbour's landmark too.
    rf"|\bin\s+(?:a|an|his|her|their)\s+(?:[a-z]+\s+)?{_WARN22_NAME}\s+(?:jersey|cap|hat|hoodie|tuque|toque|shirt|"
    r"t-shirt|jacket)\b"
    rf"|\b(?:casquette|maillot|tatouage|chandail|tee-shirt|t-shirt|écharpe|survêtement)\s+(?:de l['’]|du|de la|des|de|"
    rf"d['’])\s*{_WARN22_NAME}"
    # A named emergency or hospital: « aux urgences de Pontchaillou », « à l'urgence de Maniwaki ».
    rf"|\b(?:urgences?|l['’]urgence|hôpital|l['’]hôpital|clinique|CHU|CLSC|dispensaire|SAU)\s+(?:de|du|d['’])\s*"
    rf"{_WARN22_NAME}"
    # A reserve, a community or a building one is from: "from a Northern Manitoba reserve", « d'une réserve ».
    r"|\bfrom\s+(?:a|an|one of our|our)\s+(?:[\w'’-]+\s+){0,3}(?:reserve|first nation|community|village|"
    r"seniors['’]?\s+(?:building|home|residence)|building|trailer park|shelter)\b"
    r"|\b(?:d['’]une|d['’]un)\s+(?:réserve|communauté|village|immeuble|HLM|foyer|résidence)\b"
    # An age then a town, as French descriptions run: « de 45 ans de Gracefield ».
    rf"|\bde\s+\d{{1,3}}\s+ans\s+(?:de|d['’])\s*{_WARN22_NAME}",
    re.IGNORECASE,
)
WARN22_DEFINITE_PERSON = re.compile(
    # A heading may end with a comma too (eleventh session): "<city> PACU, the bus driver from <suburb> who…".
    r"^\s*(?:\d+/\s*)?(?:[^:.!?]{0,40}:\s*|[^:.!?,]{0,30},\s*)?(?:The|Le|La|L['’])\s*(?:[\w'’-]+\s+){0,2}?"
    r"(?:woman|man|boy|girl|teen|teenager|lady|gentleman|guy|kid|child|baby|toddler|hunter|trucker|farmer|"
    r"firefighter|logger|fisherman|worker|student|snowmobiler|skier|hiker|cyclist|runner|tourist|traveller|traveler|"
    r"driver|conducteur|conductrice|chauffeur|chauffeuse|"
    r"homme|femme|garçon|fille|dame|monsieur|ado|adolescente?|bébé|enfant|pompier|pompière|chasseur|agriculteur|"
    r"agricultrice|motoneigiste|camionneur|bûcheron|pêcheur|ouvrier|ouvrière|étudiante?|randonneur|randonneuse|"
    # French puts an adjective after: « Le pompier volontaire de 45 ans ».
    r"cycliste|touriste|voyageur|voyageuse|retraitée?)\b(?-i:\s+[a-zà-ÿ'’-]+)??(?=\s+(?:who|with|from|in|at|de|du|qui|avec|arrivée?|"
    r"brûlée?|amenée?|retrouvée?|tombée?)\b|\s*,)",
    re.IGNORECASE,
)
# A person as a triage note opens (tenth session): "Woman in her 90s, Fogo Island, tonight, fell…", « Homme de 80 ans,
# île d'Entrée, ce matin… ».
WARN23_BARE_PERSON = re.compile(
    r"^\s*(?:\d+/\s*)?(?-i:Woman|Man|Boy|Girl|Lady|Teen|Toddler|Baby|Homme|Femme|Garçon|Fille|Dame|Ado|Bébé)\s+"
    r"(?:in\s+(?:her|his|their)\s+(?:early\s+|late\s+)?\d0s|of\s+\d{1,3}|\d{1,3}|de\s+\d{1,3}\s+ans|"
    r"dans\s+la\s+\w+aine)\s*,",
    re.IGNORECASE,
)
# Recent in the way the older list misses: "on Saturday afternoon", « samedi après-midi ».
WARN22_RECENT_AFTERNOON = re.compile(
    r"(?<!\bevery )(?<!\ba )\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+afternoon\b|"
    rf"(?<!\bles )(?<!\bun )\b(?:{lexicon.WEEKDAYS_FR})\s+après-midi\b",
    re.IGNORECASE,
)
WARN22_THREAD_PART = re.compile(r"\s/\s|(?<!\S)\d{1,2}/\s")
# The person came to care: brought, flown or found, or ill ("feverish", « a raté sa dialyse »), where a setting is
# not named. "The woman who runs the kiosk on Queen Street brought muffins today" met nobody in care.
WARN22_MET_IN_CARE = words(
    "brought in", "flown in", "flown out", "medevaced", "found", "admitted", "transferred", "intubated",
    "feverish", "fever", "bleeding", "unconscious", "seizing", "overdose", "dialysis", "dialyzed", "x-ray", "ct",
    r"amenée?", r"retrouvée?", r"arrivée?", r"admise?", r"hospitalisée?", r"transférée?", r"évacuée?",
    "fiévreuse?", "fièvre", "dialyse", "inconsciente?", "intubée?",
    # or hurt: "with a perforated eardrum", "a broken wrist", « les doigts gelés ».
    "perforated", "broken", r"fractured?", "fractures", "burns?", "burned", "burnt", "frostbite", "frostbitten",
    "bitten", "laceration", "sprained", r"brûlée?", "brûlures?", "gelures?", r"gelée?s?", r"cassée?", "cloques",
    r"fracturée?",
    # or collapsed where a neighbour saw it (tenth session): "collapsed on the car deck", "fell in the snow".
    "collapsed", "fell", "cpr", r"effondrée?", r"tombée?", "massage cardiaque",
    "cardiac arrest", "went blue", "turned blue", "arrêt cardiaque", "coupure", "overdosed", "surdose",
)  # fmt: skip
# Teaching words that frame a case met today without making it any less today's.
WARN22_TEACHING_FRAME = frozenset({"teaching", "pearl", "pgy1", "pgy1s", "read", "reading"})


def _warn22_clauses(text: Text) -> list[tuple[int, int]]:
    """Sentences, cut again at a thread's part marks ("… a fall". / 2/ A man…"), which end no sentence."""
    clauses = []
    for start, end in text.sentence_bounds:
        cut = start
        for mark in WARN22_THREAD_PART.finditer(text.value, start, end):
            if mark.start() > cut:
                clauses.append((cut, mark.start()))
            cut = mark.end()
        if end > cut:
            clauses.append((cut, end))
    return clauses


def _warn22_recent(text: Text, start: int, end: int) -> bool:
    told = any(clinical.said_as_recent(text, match, end) for match in clinical.RECENT.finditer(text.value, start, end))
    return (told or bool(WARN22_RECENT_AFTERNOON.search(text.value, start, end))) and not clinical.DATED_BACK.search(
        text.value, start, end
    )


def _warn22_named_in_full_around(text: Text, position: int) -> bool:
    if not clinical.TITLED_FULL_NAME.search(text.value):
        return False
    sentence = text.sentence_around(position)
    return clinical._named_in_full_beside(text, text.sentence_bounds.index(sentence))


def warn22_encounters_pinned_to_a_place(text: Text) -> list[Hit]:
    hits = []
    clauses = _warn22_clauses(text)
    recent = [_warn22_recent(text, start, end) for start, end in clauses]
    for index, (start, end) in enumerate(clauses):
        clause = text.value[start:end]
        definite = WARN22_DEFINITE_PERSON.search(clause) or WARN23_BARE_PERSON.search(clause)
        described = definite or clinical.DESCRIPTOR.search(clause)
        if not described or not any(recent[max(0, index - 2) : index + 1]):
            continue
        if clinical._people_described(clause) >= 3 or _warn22_named_in_full_around(text, start):
            continue  # a ward's portrait, or a patient named in full (flagged as a name)
        vetoes = {match.group().lower() for match in clinical.NOT_AN_ENCOUNTER.finditer(clause)}
        if vetoes - WARN22_TEACHING_FRAME:
            continue
        if WARN22_PINNED_PLACE.search(clause) and (
            clinical.SETTING.search(clause) or WARN22_MET_IN_CARE.search(clause)
        ):
            hits.append(Hit(Category.ENCOUNTER, start, end, "encounter", None))
    return warn22_not_told_by_an_identifier(text, hits) if hits else hits


def warn22_not_told_by_an_identifier(text: Text, hits: list[Hit]) -> list[Hit]:
    """An encounter whose clause holds a numbered street address or a phone number is told by them: they are flagged
    and blocked already (« le numéro civique, 1187, chemin du Lac », "called from 613-…"), a warning beside them
    says nothing more. A street without a number ("a seniors' building on Gaetz Avenue") is the encounter's place."""
    phones = [hit for hit in identifiers.phones(text) if hit.category == Category.PHONE]
    # A device's serial tells the story as a phone does (tenth session): "Medtronic serial PJN438112S in a woman of
    # 91 … today".
    phones += [hit for hit in identifiers.plates_and_serials(text) if hit.category == Category.DEVICE_SERIAL]
    return [
        hit
        for hit in hits
        if not identifiers.STREET_EN.search(text.value, hit.start, hit.end)
        and not identifiers.STREET_FR.search(text.value, hit.start, hit.end)
        and not any(hit.start < phone.end and phone.start < hit.end for phone in phones)
        and not warn23_named_in_the_sentence(text, hit)
        and not warn23_said_of_whoever(text, hit)
        and not warn24_said_of_anyone_who_comes(text, hit)
    ]


# The patient named in the encounter's sentence with an age or set off by commas (tenth session): « Mélissa Côté, 27
# ans, arrivée… », « Petit Aymeric, 5 ans, box 4… », "a 15-year-old from Kelvin High School, Jayden, in grade 10",
# « Mme Chevarie, 92 ans, fracture de hanche ». Every author labels the name there, never the encounter: the name is
# flagged and blocked, a warning beside it says nothing more.
WARN23_NAMED_WITH_AGE = re.compile(
    r"(?P<title>\b(?:Mme|M\.|Mr\.?|Mrs\.?|Ms\.?|Mlle)\s+)?(?-i:(?P<first>[A-ZÉ][a-zà-ÿ'’-]+))"
    r"(?:\s+(?-i:[A-ZÉ][a-zà-ÿ'’-]+)){0,2},\s*\d{1,3}(?:\s*(?:ans|years?\s+old))?\s*,"
    r"|,\s+(?-i:(?P<set_off>[A-ZÉ][a-zà-ÿ'’-]+)),\s"
)


def warn23_named_in_the_sentence(text: Text, hit: Hit) -> bool:
    position = hit.start
    while match := WARN23_NAMED_WITH_AGE.search(text.value, position, hit.end):
        name = (match["first"] or match["set_off"]).lower()
        if match["title"] or (name in lexicon.FIRST_NAMES and name not in lexicon.NOT_A_NAME):
            return True
        # A first and a last name before the age are a name whatever the first is (eleventh session): "<first
        # name> <surname>, 91, brought in by his son"; a trade before them hides nothing, each capitalised word is
        # tried in turn: « Conducteur <prénom> <nom>, 31 ans, incarcéré ».
        if match["first"] and WARN24_FULL_NAME_WITH_AGE.match(text.value, match.start("first")):
            return True
        position = match.start() + 1
    return False


WARN24_FULL_NAME_WITH_AGE = re.compile(
    r"(?-i:[A-ZÉ][a-zà-ÿ'’-]+)(?:\s+(?-i:[A-ZÉ][a-zà-ÿ'’-]+))?\s+(?-i:[A-ZÉ][a-zà-ÿ'’-]+),\s*\d{1,3}(?:\s*(?:ans|years?\s+old))?\s*,"
)


RULES = (*RULES, warn22_encounters_pinned_to_a_place)


# The addressee called a name worse than a swear word, or lectured back (authors 13 and 14): "you are a predator",
# « vous êtes odieux », « bande d'hypocrites », « Allez vous rhabiller », « vous venez me faire la morale », "I'll
# report you to every regulator". "You are a hero" and « vous êtes formidables » are thanks.
WARN22_CALLED_A_NAME = re.compile(
    r"\b(?:you are|you're|you’re|vous êtes|tu es|t['’]es)\s+(?:a\s+|an\s+|une?\s+|des\s+|so\s+|tellement\s+)?"
    r"(?:predators?|vile|disgusting|odious|despicable|hypocrites?|parasites?|vultures?|monsters?|odieux|odieuse|"
    r"ignobles?|abjecte?s?|prédat(?:eur|eurs|rice|rices)|charognards?|vautours?|méprisables?|hypocrites?)\b"
    r"|\bbande\s+d['’](?:hypocrites|ignorants|incapables|irresponsables|escrocs)\b"
    r"|\ballez\s+vous\s+rhabiller\b|\b(?:venez|viens|venir)\s+me\s+faire\s+(?:la\s+morale|la\s+leçon)\b"
    r"|\bI['’]?ll report you to every\b|\bje (?:vous )?bloquerai (?:chacun|tous|toutes)\b",
    re.IGNORECASE,
)


def warn22_addressee_called_a_name(text: Text) -> list[Hit]:
    hits = []
    for match in WARN22_CALLED_A_NAME.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    return hits


RULES = (*RULES, warn22_addressee_called_a_name)


# The commenter scolded or shut out (tenth session, authors 18–20): blocked and reported ("I'm blocking you and every
# sock puppet account you make", « Je bloque et je signale »), told to leave the author's patients alone (« laissez mes
# patientes tranquilles »), to stop talking about what they do not know or lecturing those who do, told they have
# never once been there ("You clearly have never sat with a dying person"), dared to come and work a night, denied a
# say in the exam room, shamed ("Shame on every one of you", "Have some decency."), or the harm left on their
# conscience (« ce sera sur votre conscience, pas la mienne »); "people like you would rather watch them die".
# "Block me if you must", "If a troll DMs you, block and report" and "you have never seen measles, thanks to
# vaccines" shut no one out and stay quiet.
WARN23_SCOLDED = re.compile(
    r"\bI['’]?(?:m| am| will|ll)\s+(?:now\s+)?(?:blocking|block|reporting|report)(?:ing)?\s+(?:and\s+(?:reporting|"
    r"blocking)\s+)?you\b"
    r"|\b(?:you(?:['’]ve| have| are| were|['’]re)\s+(?:been\s+)?(?:blocked|reported)\b)"
    r"|\bje\s+(?:vous\s+|te\s+)?bloque\s+et\s+(?:je\s+)?(?:vous\s+|te\s+)?signale\b"
    r"|\bje\s+(?:vous|te)\s+(?:bloque|signale)\b"
    r"|\b(?:leave|let)\s+my\s+(?:patients|moms|mothers|families|kids|nurses|staff)\s+alone\b"
    r"|\blaissez\s+(?:mes|nos)\s+(?:patientes?|patients|familles|infirmières|équipes?)\s+tranquilles\b"
    r"|\b(?:stop|quit)\s+(?:lecturing|telling)\s+(?:people|those|us|anyone)\s+who\b"
    r"|\barrêtez\s+de\s+(?:parler|discourir)\s+de\s+ce\s+que\s+vous\s+(?:ignorez|ne\s+connaissez\s+pas)\b"
    r"|\bstop\s+talking\s+about\s+(?:what|things)\s+you\s+(?:don['’]t|do\s+not)\s+(?:know|understand)\b"
    r"|(?<!\bif )\byou\s+(?:clearly|obviously)\s+(?:have|['’]ve)\s+never\b|\byou\s+have\s+never\s+once\b"
    r"|\bvous\s+n['’]avez\s+(?:manifestement|visiblement|clairement)\s+jamais\b"
    r"|\b(?:can|should|could)\s+come\s+(?:and\s+)?(?:work|do|try)\s+a\s+(?:night|shift|weekend|night shift)\b"
    r"(?<=\w)(?=\s*[.!])"
    r"|\b(?:peut|peuvent|n['’]a\s+qu['’]à|n['’]ont\s+qu['’]à)\s+venir\s+faire\s+une\s+(?:garde|nuit)\s*[.!]"
    r"|\byou\s+(?:don['’]t|do\s+not)\s+get\s+(?:a\s+vote|a\s+say)\s+in\b"
    r"|\bvous\s+n['’]avez\s+(?:pas\s+votre|aucun)\s+mot\s+à\s+dire\s+(?:dans|sur)\b"
    r"|\bshame\s+on\s+(?:every\s+(?:one|single\s+one)\s+of\s+you|all\s+of\s+you|each\s+of\s+you|you\s+all|you\s+people)"
    r"|\bhave\s+some\s+(?:decency|shame)\s*[.!]|\b(?:un\s+peu\s+de|ayez\s+un\s+peu\s+de)\s+(?:décence|pudeur)\s*[.!]"
    r"|\bhonte\s+à\s+(?:vous|tous\s+ceux|toutes\s+celles|chacun)\b"
    r"|\b(?:on\s+your\s+conscience|sur\s+votre\s+conscience|sur\s+ta\s+conscience)\b"
    r"|\bpeople\s+like\s+you\s+(?:would\s+rather|prefer|don['’]t\s+care|just\s+want)\b"
    r"|\bles\s+gens\s+comme\s+vous\s+(?:préfèrent|préféreraient|se\s+moquent|se\s+fichent)\b",
    re.IGNORECASE,
)


def warn23_commenter_scolded(text: Text) -> list[Hit]:
    hits = []
    for match in WARN23_SCOLDED.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    return hits


RULES = (*RULES, warn23_commenter_scolded)


# Advice on one reader's child or parent (tenth session): a reply to a handle that tells what their child must stop
# or take ("@momofthree_ab your son should stop his ibuprofen and start acetaminophen", « @julie_gaspe votre fils doit
# arrêter le salbutamol »), and, in a post to all, a condition on the reader's parent followed by a medicine to drop
# or an act the doctor is waived for (« si votre père prend un somnifère depuis dix ans, supprimez-le-lui », « si votre
# mamie prend un diurétique, sautez-le », "if your dad is getting lost on familiar roads, take the keys tonight…; you
# don't need a doctor's permission"). "@… your son should see his doctor tomorrow" and « si votre père prend un
# somnifère, parlez-en à son médecin » are the caution.
_WARN23_KIN = (
    r"son|daughter|kid|child|baby|boy|girl|toddler|teen|dad|father|mom|mum|mother|husband|wife|grandma|grandpa|"
    r"grandmother|grandfather|parents?|fils|fille|enfant|bébé|petit|petite|ado|père|mère|papa|maman|mari|femme|"
    r"conjoint|conjointe|mamie|papi|papy|grand-mère|grand-père|parents?"
)
WARN23_HANDLES_CHILD_TOLD = re.compile(
    rf"^\s*@\w+[\s,:]+(?:[^.!?\n]{{0,40}}?\b)?(?:your|votre|ton|ta)\s+(?:{_WARN23_KIN})\s+"
    r"(?:should|must|needs\s+to|has\s+to|can|doit|devrait|peut|va\s+devoir)\s+(?:(?:just|simply|juste)\s+)?"
    r"(?:stop|start|take|switch|double|skip|halve|restart|come off|go off|arrêter|cesser|prendre|commencer|passer|"
    r"doubler|sauter|reprendre|diminuer|augmenter)\b[^.!?\n]*",
    re.IGNORECASE,
)
WARN23_IF_YOUR_KIN = re.compile(
    rf"\b(?:if|si)\s+(?:your|votre|ton|ta)\s+(?:{_WARN23_KIN})\b[^.!?\n]{{0,80}}?[,;:]\s*"
    r"(?:(?:just|honestly|simply|juste)\s+)?(?P<act>stop|skip|cut|drop|halve|double|take|hide|"
    r"supprimez|sautez|arrêtez|coupez|cachez|doublez|diminuez|enlevez|retirez)(?:-le|-la|-les|-lui|-leur)*\b[^.!?\n]*",
    re.IGNORECASE,
)
WARN23_MEDICINE = re.compile(
    rf"{TREATMENT_WORDS.pattern}|{DRUG_BY_ENDING}|\b(?:somnifères?|diurétiques?|sleeping pills?|diuretics?|"
    r"ibuprofen|ibuprofène|acetaminophen|acétaminophène|paracétamol|tylenol|advil|prednisone|salbutamol|ventolin|"
    r"benzos?|benzodiazépines?|antidépresseurs?|antidepressants?|water pills?|anticoagulants?|blood thinners?)\b",
    re.IGNORECASE,
)
WARN23_DOCTOR_WAIVED = re.compile(
    r"\b(?:you\s+)?(?:don['’]t|do\s+not)\s+need\s+(?:a|the|your)\s+(?:doctor|physician|gp)['’]?s?\s*(?:permission|ok|okay)?"
    r"|\bpas\s+besoin\s+(?:de\s+l['’](?:avis|accord)\s+du|d['’](?:attendre|demander)\s+(?:le|au))\s+médecin",
    re.IGNORECASE,
)


def warn23_advice_on_a_readers_kin(text: Text) -> list[Hit]:
    hits = []
    for match in WARN23_HANDLES_CHILD_TOLD.finditer(text.value):
        told = match.group().split(",")[0]
        if WARN23_MEDICINE.search(told) and not GENERAL_CAUTION.search(told):
            hits.append(Hit(Category.MEDICAL_ADVICE, match.start(), match.end(), "medical_advice", None))
    for match in WARN23_IF_YOUR_KIN.finditer(text.value):
        start, end = text.sentence_around(match.start())
        said = text.value[start:end]
        if GENERAL_CAUTION.search(text.value, match.start("act"), match.end()):
            continue
        if WARN23_MEDICINE.search(match.group()) or WARN23_DOCTOR_WAIVED.search(said):
            hits.append(Hit(Category.MEDICAL_ADVICE, match.start(), match.end(), "medical_advice", None))
    return hits


RULES = (*RULES, warn23_advice_on_a_readers_kin)


# A product praised and the reader sent to the shelf (tenth session): "Loving the new HydraBoost sports drink…, grab it
# at any Co-op!", « Mes jeunes skieurs adorent la boisson IsoNeige, en vente dans toutes les pharmacies ». The older
# rule wants a shop's name right after "at"; these point at every shop of a kind. "Flu shots are available at all
# pharmacies" praises no named product and stays quiet.
WARN23_ON_EVERY_SHELF = re.compile(
    r"\b(?:grab|get|buy|pick\s+up|find|order)\s+(?:it|them|one|yours|some|a\s+\w+)\s+(?:at|from|in)\s+"
    r"(?:any|all|every|most|your\s+local)\b"
    r"|\b(?:available|sold|on\s+sale|in\s+stock)\s+(?:at|in)\s+(?:any|all|every|most)\b"
    r"|\ben\s+vente\s+(?:dans|chez|en)\b|\b(?:disponibles?|vendue?s?)\s+(?:dans\s+(?:toutes|tous)\s+les|en\s+pharmacie|"
    r"chez\s+(?:tous|votre))\b|\b(?:trouvez|achetez|procurez-vous)(?:-le|-la|-les)?\s+(?:dans|chez)\s+(?:toutes|tous|"
    r"n['’]importe)\b",
    re.IGNORECASE,
)
WARN23_NAMED_PRODUCT = re.compile(
    r"(?-i:\b[A-Z][a-z]+[A-Z][a-z]\w*)"
    r"|\b(?:new|nouveau|nouvelle|drink|bar|gel|spray|cream|boisson|barre|crème|pastilles?|gummies|patch)\s+"
    r"(?-i:[A-Z][\w-]{2,})",
    re.IGNORECASE,
)
WARN23_PRAISED = re.compile(
    r"\b(?:lov(?:e|es|ing)|adore|adorent|adorons|j['’]adore|favou?rite|best|meilleure?s?|swear by|obsessed|"
    r"recommend|recommande|coup de cœur|game[- ]changer)\b",
    re.IGNORECASE,
)


def warn23_product_sent_to_every_shelf(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    hits = []
    for match in WARN23_ON_EVERY_SHELF.finditer(text.value):
        start, end = text.sentence_around(match.start())
        if WARN23_PRAISED.search(text.value, start, end) and WARN23_NAMED_PRODUCT.search(text.value, start, end):
            hits.append(Hit(Category.COMMERCIAL_INTEREST, start, end, "commercial_interest", None))
    return hits


RULES = (*RULES, warn23_product_sent_to_every_shelf)


# What happens whenever it happens (tenth session): « Quand il fait −38 et qu'une dame de Cadillac tombe dans son
# entrée, elle n'a pas d'autre porte que la nôtre », "When a trucker from Hearst rolls his rig, we are the only ER".
# The night set two sentences before does not make it tonight's; "When I got in this morning, a man from Hearst…"
# says its own time and stays an encounter.
WARN23_WHENEVER = re.compile(
    r"\s*(?:\d+/\s*)?(?:Quand|Lorsque|Chaque fois qu['’]?|When|Whenever|Every time)\b", re.IGNORECASE
)


def warn23_said_of_whoever(text: Text, hit: Hit) -> bool:
    return bool(WARN23_WHENEVER.match(text.value, hit.start)) and not clinical.RECENT.search(
        text.value, hit.start, hit.end
    )


# Whoever comes, in a clause of its own (eleventh session): "When a hospital closes overnight, a woman in labour on
# the highway gets a 140 km drive", "every time a farmer comes into our ER I think of him", "So when a family hesitates
# to send a teenager south…", « Quand une femme enceinte doit faire 140 km… ». A person met is told in the past; one
# who comes whenever something happens is in the present, after "when" and "a". The clause's own "overnight" is part of
# the condition, and a recent word elsewhere ("When I got in this morning, a man…") keeps the story.
WARN24_WHOEVER_COMES = re.compile(
    r"\b(?:when|whenever|every\s+time|each\s+time|any\s+time|quand|lorsqu['’]?|chaque\s+fois\s+qu['’]?)\s*"
    r"(?:a|an|any|une?|quelqu['’]un)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:comes|arrives|walks|shows|gets|closes|is|has|needs|goes|lives|falls|calls|hesitates|refuses|waits|drives|"
    r"presents|turns|can['’]t|cannot|doesn['’]t|does|must|arrive|vient|tombe|consulte|appelle|ferme|doit|hésite|"
    r"refuse|attend|se\s+présente|ne\s+peut|n['’]a\s+pas)\b[^,;:.!?\n]*",
    re.IGNORECASE,
)


def warn24_said_of_anyone_who_comes(text: Text, hit: Hit) -> bool:
    for match in WARN24_WHOEVER_COMES.finditer(text.value, hit.start, hit.end):
        if not any(
            clinical.said_as_recent(text, recent, hit.end)
            for recent in clinical.RECENT.finditer(text.value, hit.start, hit.end)
            if not match.start() <= recent.start() < match.end()
        ):
            return True
    return False


# Orders and contempt aimed at an official or a reader (eleventh session, authors 21 and 22), in whatever words: bad
# faith named and ordered to stop ("Stop lying to us", "Stop spinning this", « arrêtez de nous mentir »), an ultimatum
# to step aside ("Fix the staffing or get out of the way", « ou laissez la place »), courtesy declared over ("I'm done
# being polite"), the dare to come and do the work before judging it ("come stand in the induction room at <time> … and
# then tell me who the bottleneck is", "let him cover the ER on a long weekend himself", « venez induire à <heure> … et
# on en reparle », « venez passer une journée en salle avant de nous expliquer… »), sent to read before speaking ("Go
# read the literature before you spew…", « Lisez la loi avant de donner des leçons », « avant de l'ouvrir »), their view
# called a vice or vile ("your ignorance", « votre discours … est ignoble », "the dumbest, cruelest take … you should be
# embarrassed"), their paperwork mocked as doing no care (« Vos tableurs ne poussent pas les brancards »), a sneer
# (« vous rigolez ou quoi ? ») or an exclamation of contempt (« quelle bêtise », "what utter nonsense"). Firm but
# civil advocacy ("I urge the minister to fund…", « Nous demandons… »), "stop smoking", "pull over or get out of the way
# of the ambulance", "come spend a day with us and then tell me what you think", "read the protocol before your shift"
# and "forgive my ignorance" stay quiet.
_WARN24_CLAUSE_START = r"(?:^|(?<=[.!?:;]\s)|(?<=\n))\s*(?:@\w+\s+)?(?:(?:so|now|please|just|and|alors|donc|et)\s+)?"
WARN24_ORDERS_AND_CONTEMPT = re.compile(
    # Bad faith named and ordered to stop.
    rf"{_WARN24_CLAUSE_START}(?:stop|quit)\s+(?:lying|spinning|gaslighting|insulting|misleading|twisting|deflecting|"
    r"patronizing|patronising)\b(?!\s+(?:to\s+)?(?:yourself|yourselves|your\s+(?:doctor|nurse|pharmacist|family)))"
    rf"|{_WARN24_CLAUSE_START}(?:arrêtez|cessez)\s+de\s+(?:nous\s+)?(?:mentir|insulter|mépriser|manipuler|enfumer|"
    r"prendre\s+(?:les\s+gens|les\s+soignants|les\s+patients|le\s+monde)\s+pour)\b"
    # An ultimatum to step aside.
    r"|\b(?:fix|fund|staff|lead|solve|do\s+(?:your|the|their)\s+jobs?)\b[^.!?\n]{0,60}?\bor\s+(?:get\s+out\s+of\s+the\s+way|"
    r"step\s+aside|resign)\b"
    r"|\b(?:réglez|financez|faites|agissez|réparez)\b[^.!?\n]{0,60}?\bou\s+(?:laissez|cédez)\s+la\s+place\b"
    r"|\bou\s+(?:dégagez|démissionnez)\b"
    # Courtesy declared over.
    r"|\bI['’]?(?:m| am)\s+(?:done|through|finished)\s+(?:with\s+)?being\s+(?:polite|nice|civil|diplomatic|courteous)\b"
    r"|\bj['’]ai\s+fini\s+d['’]être\s+(?:poli|polie|gentil|gentille|diplomate|courtois|courtoise)\b"
    r"|\bje\s+ne\s+(?:vais|serai)\s+plus\s+(?:être\s+)?(?:poli|polie|gentil|gentille|diplomate|courtois|courtoise)\b"
    r"|\b(?:fini|terminée?)\s+la\s+politesse\b"
    # The dare to come and do the work, then judge it.
    r"|\bcome\s+(?:and\s+)?(?:stand|work|spend|sit|do|try|cover|run|induce|intubate|staff)\b[^.!?\n]{0,160}?"
    r"\bthen\s+tell\s+(?:me|us)\b(?!\s+(?:what\s+you\s+think|how\s+(?:it|you)\b|about\b|if\s+you\s+(?:liked|enjoyed)))"
    r"|\bcome\s+(?:and\s+)?(?:stand|work|spend|sit|do|try|cover|run|staff)\b[^.!?\n]{0,120}?\bbefore\s+you\s+"
    r"(?:tell|lecture|explain\s+to|teach)\s+(?:us|me|anyone|nurses|doctors)\b"
    r"|\blet\s+(?:him|her|them)\s+(?:cover|staff|work(?!\s+(?:it\s+)?out\b))\b[^.!?\n]{0,60}?\b"
    r"(?:himself|herself|themselves)\b"
    r"|\bvenez\s+(?:donc\s+)?(?:passer|faire|induire|intuber|travailler|tenir|couvrir|voir|essayer|prendre)\b"
    r"[^.!?\n]{0,120}?(?:\bet\s+on\s+en\s+(?:re)?parler(?:a|ons)?\b|\bon\s+en\s+reparle(?:ra)?\b|\bavant\s+de\s+"
    r"(?:nous|me)\s+(?:expliquer|dire|apprendre|faire\s+la\s+leçon|juger))"
    r"|\bqu['’](?:il|elle|ils|elles)\s+vienne(?:nt)?\s+(?:faire|couvrir|tenir|assurer)\b[^.!?\n]{0,60}?"
    r"\b(?:lui-même|elle-même|eux-mêmes|elles-mêmes)\b"
    # Sent to read before speaking, or told to keep their mouth shut.
    r"|\bbefore\s+you\s+(?:spew|spout|open\s+your\s+mouth|run\s+your\s+mouth|pontificate|mouth\s+off)\b"
    # Not « vérifiez la date avant de l'ouvrir »: the mouth is opened after being told to find out.
    r"|\b(?:renseigner|informer|instruire|documenter|réfléchir)\s+avant\s+de\s+l['’]ouvrir\b"
    r"|\bavant\s+d['’]ouvrir\s+(?:la|votre|ta)\s+(?:bouche|gueule)\b"
    r"|\b(?:read|reread|lisez|relisez|lis|relis|lire)\s+(?:[\w'’-]+\s+){1,5}?(?:before\s+(?:you\s+)?(?:lecturing|"
    r"preaching|lecture\s+(?:us|me|others|people|anyone)|preach)|avant\s+de\s+(?:donner\s+des\s+leçons|faire\s+la\s+"
    r"(?:leçon|morale)|nous\s+faire\s+la\s+(?:leçon|morale)))\b"
    # Their view called a vice or vile.
    r"|(?<![Ff]orgive )(?<![Pp]ardon )(?<![Ee]xcusez )\b(?:your|votre|ton|ta)\s+(?:sheer\s+|crasse\s+)?(?:ignorance|"
    r"stupidity|bigotry|arrogance|contempt|cruelty|stupidité|bêtise(?!\s+d['’]enfant)|arrogance|mépris|bigoterie|"
    # said as what it is or does: "Your ignorance is not an opinion", « votre mépris tue ».
    r"cruauté|racisme|sexisme)\b(?<!\bta\sbêtise)\s+(?:is|isn['’]t|was|will|kills|has|n['’]est|est|ne|tue|met|fait|a)\b"
    r"|\b(?:your|votre|vos|ton|ta|tes)\s+(?:discours|propos|post|posts|tweets?|comments?|commentaires?|messages?|"
    r"takes?|remarks|words|publications?|threads?|opinions?)\b[^.!?\n]{0,120}?\b(?:is|are|was|were|est|sont|était|"
    r"étaient)\s+(?:(?:just|simply|frankly|truly|franchement|tout\s+simplement|absolument|vraiment|carrément)\s+)?"
    r"(?:vile|disgusting|despicable|shameful|abhorrent|repugnant|odious|ignoble|ignobles|abjects?|abjectes?|"
    r"répugnante?s?|honteuse?s?|honteux|dégoûtante?s?|dégueulasses?|écœurante?s?|infâmes?|odieuse?s?|odieux)\b"
    r"|\b(?:dumbest|stupidest|cruell?est|most\s+(?:ignorant|idiotic|hateful))\b(?:,?\s+\w+est)?\s+(?:take|tweet|post|"
    r"comment|argument|opinion)s?\b"
    r"|\byou\s+should\s+be\s+(?:embarrassed|mortified)\b"
    # Their paperwork mocked as doing no care.
    r"|\b(?:your|vos|votre)\s+(?:spreadsheets?|slides|memos?|press\s+releases?|dashboards?|KPIs|metrics|powerpoints?|"
    r"tableurs?|tableaux(?:\s+excel)?|tableaux\s+de\s+bord|indicateurs|notes\s+de\s+service|communiqués?|powerpoints?)\s+"
    r"(?:don['’]t|do\s+not|won['’]t|will\s+not|can['’]t|cannot|never|ne|n['’])\s*(?:\w+\s+)?(?:push|pushes|treat|"
    r"treats|staff|intubate|nurse|save|saves|heal|feed|lift|carry|answer|see|start|run|poussent|pousse|soignent|"
    r"soigne|endorment|endort|sauvent|sauve|intubent|portent|remplacent|remplace|nourrissent|accouchent|opèrent)\b"
    # A sneer, or an exclamation of contempt.
    r"|\b(?:vous\s+(?:rigolez|plaisantez|vous\s+moquez|vous\s+foutez)|tu\s+(?:rigoles|plaisantes|te\s+moques|te\s+fous))"
    r"(?:\s+de\s+(?:nous|qui|notre\s+gueule|ma\s+gueule|moi)|\s+ou\s+quoi)\b"
    r"|\b(?:are\s+you\s+(?:kidding|joking)(?:\s+me|\s+us)?,?\s+or\s+what|who\s+(?:do\s+you\s+think\s+)?(?:are\s+)?you(?:['’]re)?"
    r"\s+kidding)\b"
    # Told to give up their licence, dared to report or to sign with their name, lumped with "people like you" who keep
    # doing harm: "Shameful. Turn in your licence.", "Go ahead, report me to the College.", "say it with your real
    # name", "people like you keep telling the government…", « Rendez votre diplôme », « Allez-y, signalez-moi ».
    # As an order that ends the sentence: not "turn in your licence to the College by March 31" for a retiring doctor.
    rf"|{_WARN24_CLAUSE_START}(?:turn\s+in|hand\s+in|hand\s+back|give\s+up)\s+your\s+(?:licen[cs]e|degree|diploma|"
    r"white\s+coat)(?=\s*[.!])"
    rf"|{_WARN24_CLAUSE_START}rendez\s+(?:votre|ton)\s+(?:diplôme|permis|licence|blouse|droit\s+d['’]exercer)(?=\s*[.!])"
    r"|\bgo\s+ahead,?\s+(?:and\s+)?(?:report|sue|block)\s+me\b|\ballez-y,?\s+(?:signalez|dénoncez|poursuivez|bloquez)-moi\b"
    r"|\b(?:say|post|write)\s+(?:it|that|this)\s+(?:with|under)\s+your\s+(?:real|own|full)\s+name\b"
    r"|\b(?:dites|écrivez|signez)-le\s+(?:sous|avec)\s+votre\s+(?:vrai|propre)\s+nom\b"
    r"|\bpeople\s+like\s+you\s+keep\s+(?:telling|saying|spreading|pushing|claiming|posting|voting|lying)\b"
    r"|\bles\s+gens\s+comme\s+vous\s+(?:continuent|répètent|répandent|racontent)\b"
    # Their grasp of the subject mocked: "your grasp of neuroscience would embarrass…", « votre compréhension … ferait
    # rougir… ».
    r"|\b(?:your|votre|ta)\s+(?:grasp|understanding|knowledge|reading|compréhension|connaissance|lecture)\s+(?:of|de|du|"
    r"des|d['’])\s*[^.!?\n]{0,40}?\b(?:would\s+embarrass|is\s+(?:laughable|embarrassing|pathetic)|ferait\s+rougir|"
    r"est\s+(?:risible|navrante|affligeante|pathétique))"
    # The writer of a statement said never to have been there: "whoever wrote it has never set foot in our ER".
    r"|\b(?:whoever|the\s+(?:person|people|one|ones)\s+who)\s+(?:wrote|signed|drafted|approved|said)\s+(?:it|(?:this|that|"
    r"the)(?:\s+\w+)?)\s+(?:has|have|had)\s+(?:clearly\s+|obviously\s+)?never\s+(?:set\s+foot|worked|been|spent|stood)\b"
    r"|\b(?:celui|celle|ceux|celles)\s+qui\s+(?:a|ont)\s+(?:écrit|rédigé|signé|pondu)\s+(?:ça|cela|ce\s+\w+|cette\s+\w+)"
    r"\s+n['’](?:a|ont)\s+(?:manifestement\s+|visiblement\s+|clairement\s+)?jamais\s+(?:mis\s+les\s+pieds|travaillé)\b",
    re.IGNORECASE,
)


# An exclamation of contempt at what one read or heard: « Quand je lis encore que…, quelle bêtise », "Just heard a
# councillor say…: what utter nonsense". « J'ai oublié mes clés, quelle bêtise » reads nothing and stays quiet.
WARN24_EXCLAIMED = re.compile(
    r"\bquelles?\s+(?:bêtises?|conneries?|âneries?|idioties?|stupidités?|inepties?)\b(?!\s+(?:de\s+ma\s+part|j['’]ai))"
    r"|\bwhat\s+(?:utter|absolute|complete|total)\s+(?:nonsense|garbage|rubbish|drivel|bs|bullshit|tripe)\b",
    re.IGNORECASE,
)
WARN24_READ_OR_HEARD = words(
    r"(?:re)?lis", r"(?:re)?lit", r"lu", "lire", "entends", "entendu", "écrit", "écrire", "dit", "dire", "prétend",
    "read", "reading", "hear", "heard", "hearing", "says", "said", "saying", "claims?", "claimed", "posted", "tweeted",
    "wrote", "written",
)  # fmt: skip


def warn24_orders_and_contempt(text: Text) -> list[Hit]:
    hits = []
    for match in WARN24_ORDERS_AND_CONTEMPT.finditer(text.value):
        start, end = text.sentence_around(match.start())
        hits.append(Hit(Category.HEATED, start, end, "heated", None))
    for match in WARN24_EXCLAIMED.finditer(text.value):
        start, end = text.sentence_around(match.start())
        index = text.sentence_bounds.index((start, end))
        # What was read may be told in the sentence before: "Read the agency's statement. What utter nonsense."
        if WARN24_READ_OR_HEARD.search(text.value, text.sentence_bounds[max(0, index - 1)][0], end):
            hits.append(Hit(Category.HEATED, start, end, "heated", None))
    return hits


RULES = (*RULES, warn24_orders_and_contempt)


# A product vouched for as the best and the reader sent to get it, its name or maker in the sentence (eleventh
# session): "Our new <brand> video laryngoscope is the best I've ever used, get one for your department!", « Le nouveau
# gel <marque> est le meilleur du marché, foncez en pharmacie ! », "The injectable from <maker> has transformed my
# practice and every clinic … should switch their patients to it", « l'autotest de chez <fabricant> est de loin le
# meilleur du marché, achetez celui-là ». Both are needed: "the best vaccine is the one you get" sends no one to a
# shelf, and "get one for your department" alone may be a free toolkit. A disclosure makes it honest.
WARN24_VOUCHED_BEST = re.compile(
    r"\bthe\s+best\s+(?:[\w-]+\s+){0,2}?I(?:['’]ve|\s+have)?\s+(?:ever\s+)?(?:used|tried|bought|owned|worn|prescribed)\b"
    r"|\b(?:by\s+far|hands\s+down)\s+the\s+best\b(?!\s+(?:thing|way|protection|prevention|advice|time|part|medicine|"
    r"treatment|place|option\s+for\s+(?:you|your)))"
    r"|\bthe\s+best\s+(?:[\w-]+\s+)?(?:on\s+the\s+market|money\s+can\s+buy)\b"
    r"|\b(?:has|have)\s+(?:completely\s+|totally\s+|truly\s+)?(?:transformed|revolutioni[sz]ed|changed)\s+my\s+practice\b"
    r"|\bworth\s+every\s+(?:cent|penny|dollar)\b"
    r"|\b(?:le|la|les)\s+meilleure?s?\s+(?:[\w-]+\s+)?(?:du|sur\s+le)\s+marché\b|\bde\s+loin\s+(?:le|la|les)\s+meilleure?s?\b"
    # The best of its kind for the author's patients: "the best app for my clients is <brand>".
    r"|\bthe\s+best\s+(?:[\w-]+\s+){1,2}for\s+(?:my|our)\s+(?:patients|clients|families|kids|athletes|runners|moms|"
    r"parents|residents)\b"
    r"|\b(?:le|la|les)\s+meilleure?s?\s+[\w-]+\s+pour\s+(?:mes|nos)\s+(?:patients|patientes|clients|clientes|familles|"
    r"athlètes|mamans|parents|résidents)\b"
    r"|\b(?:le|la|les)\s+meilleure?s?\s+que\s+j['’](?:aie|ai)\s+(?:jamais\s+)?(?:utilisée?s?|essayée?s?|testée?s?)\b"
    r"|\ba\s+(?:complètement\s+|totalement\s+|vraiment\s+)?(?:transformé|révolutionné|changé)\s+ma\s+pratique\b"
    r"|\bvaut\s+(?:chaque|le\s+moindre)\s+(?:sou|euro|dollar|centime)\b",
    re.IGNORECASE,
)
WARN24_SENT_TO_GET_IT = re.compile(
    r"\b(?:get|buy|order|grab|download)\s+(?:one|it|them|yours|this\s+one|that\s+one|some)\b"
    r"|\b(?:get|buy|order)\s+(?:the|a)\s+(?-i:[A-Z][\w-]+)"
    r"|\b(?:switch|move|convert)\s+(?:(?:all\s+)?(?:your|their|our)\s+patients\s+)?(?:over\s+)?to\s+it\b"
    r"|\bshould\s+(?:all\s+)?(?:switch|buy|order|stock)\b"
    r"|\b(?:foncez|courez|filez)\s+(?:en|chez|à|l['’]acheter|sur)\b"
    r"|\b(?:achetez|commandez|procurez-vous|adoptez|téléchargez)(?:-le|-la|-les)?\s+(?:celui-là|celle-là|ceux-là|"
    r"celles-là|le|la|les|en|sans|dès|maintenant|vite|tout\s+de\s+suite|les\s+yeux\s+fermés)\b"
    r"|\b(?:achetez|commandez|procurez-vous|téléchargez)-(?:le|la|les)\b"
    r"|\bdevraient?\s+(?:tous\s+|toutes\s+)?(?:passer\s+à|acheter|commander|adopter|s['’]équiper)\b"
    r"|\byou\s+won['’]t\s+regret\s+it\b|\bvous\s+ne\s+le\s+regretterez\s+pas\b",
    re.IGNORECASE,
)
# A maker or a brand: capitalised inside the sentence, with small letters after (not "ICU"), or said as a maker's.
WARN24_NAMED_MAKER = re.compile(
    r"(?<=[\w,;:—–-] )(?-i:[A-ZÉ][a-zà-ÿ]+[\w-]*)|\b(?:from|by|de\s+chez|chez|de\s+la\s+marque)\s+(?-i:[A-ZÉ][\w-]+)",
)


# A discount offered on request, the code itself unsaid (eleventh session; authors 10, 14 and 15 wrote it too): "DM me
# for a clinic discount code!", « écrivez-moi en privé pour un code de réduction ». An offer as surely as a code shown.
WARN24_OFFER_ON_REQUEST = re.compile(
    r"\b(?:DM|message|email|e-mail|text|contact|ping)\s+me\s+(?:for|to\s+get)\s+(?:a|the|my|our)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:discount|promo|coupon|referral)(?:\s+code)?\b"
    r"|\b(?:écrivez|contactez)-moi\s+(?:en\s+privé|en\s+MP|en\s+message\s+privé|en\s+DM)\s+pour\s+(?:un|le|mon|une|la)\s+"
    r"(?:code|rabais|remise|réduction|tarif\s+préférentiel)\b",
    re.IGNORECASE,
)


def warn24_offer_on_request(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    return [
        Hit(Category.COMMERCIAL_INTEREST, m.start(), m.end(), "commercial_offer", None)
        for m in WARN24_OFFER_ON_REQUEST.finditer(text.value)
    ]


def warn24_best_and_get_it(text: Text) -> list[Hit]:
    if DISCLOSURE.search(text.value):
        return []
    hits = []
    for start, end in text.sentence_bounds:
        vouched = WARN24_VOUCHED_BEST.search(text.value, start, end)
        if (
            vouched
            and WARN24_SENT_TO_GET_IT.search(text.value, start, end)
            and WARN24_NAMED_MAKER.search(text.value, start, end)
        ):
            hits.append(Hit(Category.COMMERCIAL_INTEREST, start, end, "commercial_interest", None))
    return hits


RULES = (*RULES, warn24_best_and_get_it, warn24_offer_on_request)
