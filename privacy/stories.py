"""People across sentences: what long posts do that one sentence does not show.

A long post tells a story. The patient is named in one sentence ("Some of you knew Margaret
Kowalczyk, who volunteered at the library.") and called a patient in the next ("She was also my
patient for eleven years."); a grandson named after the sentence about palliative care; the family
named before the hospital is; and the name comes back later by first name alone ("Margaret wanted
people to know"). The rules in ``privacy.clinical`` read one sentence; these read a sentence with its
neighbours, and the whole post for two things:

* whether it tells a story about a patient at all (the word patient, or the consent such a story is
  told with: "with her family's permission", "asked me to share"); without it, a first name beside
  the word hospital is most often a colleague's;
* every later mention of a name already found, by first name, surname or the surname after an initial.

Colleagues stay out the way they do in short posts: a title ("Dr. Marchetti"), a role next to the name
("the hospital pharmacist, Kevin Wu", "Rachel Dumont, our clinic manager"); and a name met once as a
colleague is a colleague everywhere in the post ("Kevin, this thread is for you").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from privacy import clinical, lexicon, name_habits
from privacy.base import Category, Hit, Text, words

NAME_WORD = clinical.NAME_WORD
# A first name with an optional surname, or an initial and a surname ("K. Lindqvist").
# Read at every capitalized word (a lookahead), so that "Dre Sophie Martin" is read from "Sophie" too.
PERSON = re.compile(
    rf"(?<![\w.@#’'-])(?=(?:(?P<initial>[A-Z])\.\s?)?(?P<first>{NAME_WORD})(?:\s+(?P<last>{NAME_WORD}))?(?P<after>.?))"
)

# The post is about a patient: the word, or the consent a patient's story is told with.
STORY_CUES = words(
    "patient",
    "patients",
    "patiente",
    "patientes",
    "with permission",
    "with her permission",
    "with his permission",
    "with their permission",
    "with the family's permission",
    "with her family's permission",
    "with his family's permission",
    "with the family's consent",
    "with consent",
    "with her blessing",
    "with his blessing",
    "with the family's blessing",
    "her family asked me",
    "his family asked me",
    "asked me to share",
    "asked that i post",
    "asked that i share",
    "asked that we share",
    "asked that we post",
    "asked me to post",
    "asked me to say",
    "asked me to write",
    "asked us to post",
    "wanted people to know",
    "can't share medical details",
    "cannot share medical details",
    "avec sa permission",
    "avec leur permission",
    "avec l'accord",
    "avec son accord",
    "avec la bénédiction",
    "avec leur consentement",
    "avec son consentement",
    "m'a demandé de partager",
    "m'a demandé de publier",
    "m'a demandé d'écrire",
    "nous a demandé d'en parler",
    "voulait que les gens sachent",
    "ne peux rien dire de médical",
    # Consent said in other words: "she gave me permission to tell", "j'ai le droit de raconter".
    "gave me permission",
    "gave us permission",
    "permission to share",
    "permission to tell",
    "allowed me to share",
    "agreed to let me share",
    "le droit de raconter",
    "la permission de",
    "m'a permis de raconter",
    "m'a autorisé",
    "m'a autorisée",
    "a accepté que je",
    "ont accepté que je",
)
# The same consent, said in any person's words: "with their blessing", "with her parents' okay", « la famille
# Côté m'a permis de partager », « ses parents nous ont autorisés à partager la nouvelle ».
CONSENT = re.compile(
    r"(?<!\w)(?:with\s+(?:her|his|their|the)(?:\s+(?:family's|family’s|parents'|parents’|mother's|father's|"
    r"mom's|dad's))?\s+(?:permission|blessing|consent|okay|ok)"
    r"|(?:permis|autorisée?s?)\s+(?:de|à)\s+"
    r"(?:partager|raconter|publier|parler|écrire|en parler)"
    r"|(?:asked|wanted|allowed|let)\s+(?:me|us)\s+(?:to\s+)?(?:share|post|tell|write))(?!\w)",
    re.IGNORECASE,
)
STORY_CUES = re.compile(f"{STORY_CUES.pattern}|{CONSENT.pattern}", re.IGNORECASE)
THANKED = re.compile(
    r"(?:thanks to|thank you to|thanks,|kudos to|shout-?out to|congratulations to|congrats to|welcome to|"
    r"merci à|merci aux|bravo à|félicitations à|bienvenue à)[^.!?]*$",
    re.IGNORECASE,
)
OWN_PATIENT = re.compile(
    r"(?<!\w)(?:(?:my|our) patient|(?:ma|notre) patiente|(?:mon|notre) patient|patient and friend|"
    # "our patient advisory council", "notre patient partenaire": the word as an adjective or a role
    r"patiente et amie|résidente? (?:de|du) (?:notre |la |du )?(?:chsld|résidence|foyer|centre d'hébergement)|"
    r"residents? (?:of|at) (?:our|the) (?:long-term care|nursing home|care home|residence|lodge)|"
    r"patiente et amie)(?!\w)(?!\s+(?:advisory|portal|relations|experience|partners?|safety|care|council|committee|"
    r"navigator|navigation|education|flow|satisfaction|feedback|records?|partenaires?|ressource))",
    re.IGNORECASE,
)
# Care near a name, in its sentence or the ones around it.
CARE_WORDS = (
    *(
        "patient patients patiente patientes sick ill illness malade maladie cancer melanoma mélanome tumour "
        "tumor chemo chemotherapy chimiothérapie chimio palliative palliatifs palliatif hospice hospital "
        "hôpital chu clsc er ed icu emergency urgence ward étage surgery chirurgie pneumonia pneumonie "
        "bronchiolitis bronchiolite oxygen oxygène stroke avc dementia démence diagnosed diagnosis diagnostic "
        "admitted admise admis discharged congé died décédé décédée passed heart failure insuffisance "
        "cardiaque rehab réadaptation x-ray radiographie biopsy biopsie clinic clinique treated soigné soignée "
        "diabetes diabète insulin insuline glucose glycémie glycémies asthma asthme inhaler pompe leukemia "
        "leucémie alzheimer alzheimer's als sla maid amm dialysis dialyse transplant greffe medication "
        "medications médicament médicaments ecg infarctus seizure convulsion overdose surdose fracture "
        "diagnostic remission rémission ambulance nicu picu néonatalogie néonatologie néonatal neonatal pouponnière "
        "labour labor delivery accouchement newborn nouveau-né obstetrics obstétrique contractions morte décès suicide "
        "seizures follow-up check-up checkup usi usin"
    ).split(),
    "palliative care",
    "soins palliatifs",
    "home visit",
    "house call",
    "visite à domicile",
    "home care",
    "soins à domicile",
)
CARE_NEARBY = words(*CARE_WORDS)
# Places of care, and patients in general ("accepting new patients"), say nothing about the people named beside
# them but in the name's own sentence.
PLACES_OF_CARE = frozenset(
    "hospital hôpital chu clsc er ed icu emergency urgence ward étage clinic clinique patients patientes nicu picu "
    "néonatalogie néonatologie pouponnière usi usin".split()
)
CARE_BEYOND_PLACES = words(*(word for word in CARE_WORDS if word not in PLACES_OF_CARE))
# What happens to a patient, not to a clinic: two of them make a post a story of care.
CARE_EVENTS = words(
    *(
        "diagnosed diagnosis pneumonia pneumonie x-ray radiographie melanoma mélanome cancer chemo chimio "
        "chemotherapy chimiothérapie palliative palliatifs hospice admitted admise admis discharged biopsy "
        "biopsie stroke avc surgery chirurgie operated opérée opéré bronchiolitis bronchiolite intubated intubé "
        "intubée dementia démence fracture sepsis seizure convulsion overdose surdose diagnostic diagnostiqué "
        "diagnostiquée alzheimer alzheimer's leukemia leukaemia leucémie lymphoma lymphome diabetes diabète "
        "insulin insuline dialysis dialyse transplant greffe ventilator respirateur amputation amputé amputée "
        "resuscitated réanimé réanimée cpr rcr ambulance hospitalized hospitalised hospitalisé hospitalisée "
        "remission rémission relapse rechute radiation radiothérapie ecg echo échographie infarctus "
        "infarction"
    ).split(),
    "heart attack",
    "crise cardiaque",
    "medical assistance in dying",
    "aide médicale à mourir",
    "heart failure",
    "insuffisance cardiaque",
    "came in",
    "went home",
    "est arrivé",
    "est arrivée",
)
# A role next to a name makes it a colleague's, a contributor's or a public figure's.
ROLES = (
    "nurse|nurses|charge nurse|nurse practitioner|np|rn|rpn|psw|pharmacist|physician|doctor|resident|student|"
    "colleague|midwife|paramedic|therapist|physiotherapist|social worker|dietitian|chaplain|analyst|officer|"
    "artist|musician|author|speaker|host|guest|clerk|partner|mentor|friend and colleague|"
    "rt|rrt|respiratory therapist|lpn|occupational therapist|tech|technician|technologist|porter|housekeeper|"
    "unit clerk|ward clerk|volunteer|orderly|sonographer|receptionist|manager|coordinator|educator|scribe|"
    "technologue|ergothérapeute|physiothérapeute|infirmière auxiliaire|bénévole|commis|réceptionniste|"
    "gestionnaire|coordonnatrice|coordonnateur|secretary|secrétaire|assistant|assistante|adjointe|adjoint|"
    "advocate|patient advocate|patient partner|patient-partenaire|patiente partenaire|patient partenaire|"
    "ambassador|ambassadrice|ambassadeur|porte-parole|founder|fondatrice|fondateur|board member|"
    "co-chair|teammate|coéquipière|coéquipier|"
    "infirmière|infirmier|infirmières|ips|pharmacienne|pharmacien|médecin|résidente|résident|étudiante|"
    "étudiant|collègue|sage-femme|paramédic|travailleuse sociale|travailleur social|nutritionniste|"
    "inhalothérapeute|préposée|préposé|responsable|analyste|artiste|auteure|auteur|animatrice|animateur|invitée|"
    "invité|conférencière|conférencier|physicist|physicienne|physicien|chief|chef|cheffe|director|directrice|directeur|"
    "dentist|dentiste|psychologist|psychologue|surgeon|chirurgienne|chirurgien|anesthetist|anesthésiste|"
    "obstetrician|obstétricienne|obstétricien|avocate|avocat|lawyer|navigator|infirmière pivot|intervenante|"
    "intervenant|interne|intern|externe|extern|"
    # Those who make a clinic run beside the clinicians: "Lizzie, our interpreter", « Mme Roy, notre agente
    # administrative ».
    "interpreter|interprète|cadre de santé|cadre infirmier|cadre infirmière|"
    # Public and working roles beside the clinic's: « M. Didier Roussel, délégué syndical », « Mme Sophie Larrieu,
    # mandataire à Pau », "the prefect, M. Mirail", « Mme Jeannette Vollant, agente de liaison innue ».
    "puéricultrice|puériculteur|préfet|préfète|prefect|mandataire|délégué syndical|déléguée syndicale|"
    "union rep|union representative|shop steward|agente de liaison|agent de liaison|liaison worker|liaison officer|"
    "team lead|team leader|chef d'équipe|cheffe d'équipe|"
    "agente administrative|agent administratif|administrative assistant|"
    # Short titles of the allied professions before a name: "OT Raj", "Physio Denise", "SLP Mona".
    # « doyen de notre unité » is its oldest patient, not a dean
    "dean|vice-dean|associate dean|"
    r"doyenne?(?!\s+(?:de|du|des|d['’])\s*(?:notre|nos|l['’]unité|l['’]étage|la résidence|patients|résidents|service))|"
    "vice-doyen|vice-doyenne|recteur|rectrice|provost|"
    "ot|physio|slp|kinésiologue|kinesiologist|orthophoniste|audiologiste|audiologist|"
    # Any specialist of care by the ending of the word: a neuropsychologist, a geriatrician, a gériatre, a
    # neuropsychologue; a root of medicine first, so that a patient's trade ("a retired electrician") stays one.
    "(?:neuro|psych|cardi|onc|h[eé]mat|gastr|pneum|pulmon|rh?umat|rheumat|endocrin|n[eé]phr|ur|gyn|dermat|immun|"
    "radi|anesth|path|audi|kin[eé]si|phys|g[eé]r|p[eé]d|clin|di[eé]t|obst[eé]tr|opht?h?almo|oto|h[eé]pat|allerg|"
    "[eé]pid[eé]mi|sonogr|ergo|orthophon|intens|n[eé]onat|toxic)"
    "[a-zà-ÿ-]*(?:ologist|ologue|ician|icienne|iatrist|iatre|thérapeute|therapist|ographer|ographe)"
)
# Plurals too: « les préposées Nathalie et Sonia », "nurses Kim and Jo".
ROLES = f"(?:{ROLES})s?"
# A name that leads a team or a program is a colleague's: "the pharmacy team led by Tomasz Wójcik".
LEADS = (
    r"(?:led|headed|run|chaired|coordinated|directed|staffed)\s+by|"
    r"(?:dirigée?s?|menée?s?|coordonnée?s?|animée?s?|tenue?s?)\s+par"
)
ROLE_BEFORE = re.compile(
    # The role may carry its field: "l'infirmière en diabète, Josée Pelletier", "la physicienne médicale, Mme Roussel".
    # A verb of speech is no role: "the return address said Marguerite…".
    # Colleagues in pairs after their role: "our palliative nurses, Kim and Jo".
    rf"(?:(?<![\w-])(?:{ROLES})(?:\s+[\w'’-]+){{0,3}}(?:\s*,?\s*(?-i:{NAME_WORD})\s+(?:and|et|&))?|(?<!\w){LEADS}"
    # A team's members picked out of it: "the nurses at our satellite unit, especially Mia and Jo".
    rf"|(?<![\w-])(?:{ROLES})(?:\s+[\w'’-]+){{0,5}}\s*,\s*(?:especially|notably|in particular|including|"
    r"notamment|surtout|en particulier|dont)"
    # "This week's teacher was Rosalie Vachon, 81": a role said of a patient with a copula is a figure of speech.
    rf"|(?!said|announced|tweeted|a déclaré|a annoncé){lexicon.PUBLIC_ROLE_CUES.pattern}"
    rf"(?:\s+(?!was\b|is\b|était\b|est\b)[\w'’-]+)?)\s*,?\s*$",
    re.IGNORECASE,
)
ROLE_AFTER = re.compile(
    r"^(?:\s+(?:from|of|on|de|du) (?:our|the|notre|l'|la) (?:team|équipe)|"
    # Named by the post they hold: "Robyn at the front desk", « Josée à l'accueil ».
    r"\s+(?:at|from|on) (?:the |our )?(?:front desk|reception|switchboard)\b|\s+(?:à|de) l['’]accueil\b|"
    r"\s*,\s*(?:(?:our|the|my|a|an|who is our|notre|la|le|l'|un|une|mon|ma|qui est notre)\s*)?"
    rf"(?:[\w'’-]+\s+){{0,2}}(?:{ROLES})\b)",
    re.IGNORECASE,
)
# Named by the volume of their work, which is staff's, never a patient's: "Annie and Tom interpreted over 3,000
# visits", « Noémie et Paul ont traduit plus de 3 000 consultations », "Hal delivered 3,000 babies".
NAMES_WORK_COUNTED_AFTER = re.compile(
    rf"^(?:\s+(?:and|et|&)\s+(?-i:{NAME_WORD})(?:\s+(?-i:{NAME_WORD}))?)?\s+"
    r"(?:(?:has|have|had|a|ont|avait|avaient)\s+)?(?:(?:also|aussi|déjà|already)\s+)?[a-zà-ÿ]+\s+"
    r"(?:(?:more than|over|nearly|almost|about|some|plus de|près de|presque|environ)\s+)?"
    r"(?:something like\s+)?\d{1,3}(?:[ ,\u202f\u00a0]\d{3})+\s+"
    r"(?:patients|patientes|consultations|visits|visites|appointments|rendez-vous|babies|bébés|calls|appels|"
    r"children|kids|enfants|families|familles|deliveries|accouchements|vaccines|vaccins|rides|trajets)\b",
    re.IGNORECASE,
)
# Staff retire in a clinician's post; a patient's retirement is told with the word patient, read first: « deux départs
# à la retraite : Sylvie Morand, 38 ans de carrière », "Linda is retiring after 30 years on 4 North".
STAFF_RETIRING = words(
    "retirement",
    "retirements",
    "retiring",
    r"départs?\s+à\s+la\s+retraite",
    r"pren(?:d|nent|ait)\s+(?:sa|leur)\s+retraite",
    r"part(?:ent)?\s+à\s+la\s+retraite",
)
# Care happening in the sentence makes the titled person the patient: "Pastor X was brought in by ambulance",
# « L'aînée Y est arrivée en ambulance avec un AVC ».
CARE_HAPPENING_TO_THEM = words(
    "admitted",
    "brought in",
    "came in",
    "came to the er",
    "came to the ed",
    "by ambulance",
    "in our icu",
    "in the icu",
    "intubated",
    "stroke",
    "heart attack",
    "fracture",
    "sepsis",
    "pneumonia",
    "overdose",
    "admise?",
    "admis",
    "hospitalisée?",
    "intubée?",
    "en ambulance",
    "avc",
    "infarctus",
    "aux soins intensifs",
    "à l'usi",
)
ONE_PATIENT_WORD = words("patient", "patiente", "pt")
# The titles a clinic gives its own: a community's titles (Imam, Pastor, l'aînée) can be a patient's as well.
CLINICAL_TITLE = re.compile(r"\s*(?:Dr|Dre|Drs|Pre|Pr|Prof|Professor|Docteure?|Nurse)\b")
COLLEAGUE_TITLE_BEFORE = re.compile(
    # « la Pre Martin »: the feminine of « Pr », as « Dre » is of « Dr »
    r"(?:\bDr|\bDre|\bDrs|\bPre|\bPr|\bProf|\bProfessor|\bDocteure?|\bNurse|\bSister|\bFather|\bRev)\.?\s*$"
    # Those a community names with a title of its own: "Imam Ahmad Khalil", "Rabbi Avi", « l'aînée
    # Anne-Marie » (with its article: « sa fille aînée Marie » is a daughter).
    r"|(?-i:\b(?:Rabbi|Imam|Reverend|Pastor|Chief|Grand Chief))\s+"
    r"(?:(?-i:[A-ZÉ][\w'’-]+)\s+)?$|(?<=\b[lL]['’])(?i:aînée?)\s+$"
)
OWN_FAMILY_BEFORE = re.compile(
    rf"\b(?:my|our|mon|ma|mes|notre|nos)\s+(?:own\s+|propre\s+)?(?:{clinical.RELATIVES})\s*,?\s*$", re.IGNORECASE
)
# A surname said as a family: "the Beaulieu family", "la famille Gauthier".
# Or by its children: "the Petrov twins", « les jumeaux Tremblay ».
FAMILY = re.compile(
    rf"(?<!\w)(?:[Tt]he\s+(?P<en>{NAME_WORD})\s+(?:family(?!\s+(?:Health|Medicine|Practice|Foundation|Fund|Centre|Center))|"
    rf"twins|triplets|kids|children|boys|girls|siblings)\b|"
    rf"(?:[Ll]a\s+famille|[Ll]es\s+(?:jumeaux|jumelles|triplés|triplées|enfants|petits)|[Cc]hez\s+les)\s+(?P<fr>{NAME_WORD}))"
)
# A name on a whiteboard or a census line: "K. Lindqvist – bed 14", "Mme Roy, ch. 12", "R. Vaillancourt - DOB".
CENSUS_LINE = re.compile(
    rf"(?<![\w.])(?-i:(?P<name>(?:[A-Z]\.\s?)?{NAME_WORD}(?:\s+{NAME_WORD})?))\s*[–—,:(-]\s*"
    r"(?:bed|lit|room|rm|chambre|ch\.|bay|civière|stretcher|dob|d\.o\.b\.|né|née|mrn)\b",
    re.IGNORECASE,
)
# Where a residence, a building or a lake is named like a person ("Riverview Manor, room 214", "the Constance Lake
# First Nation"), it is a place.
PLACE_WORDS = frozenset(
    "manor lodge villa residence résidence place centre center hospital hôpital pavilion pavillon wing home "
    "house hall tower tour court gardens terrace manoir foyer chsld clsc clinic clinique building "
    "chapel chapelle church église cathedral cathédrale temple mosque mosquée synagogue "
    "lake river creek falls narrows mission maison studio auditorium amphitheatre amphithéâtre".split()
)
# The author's own relative named in a sentence about their care: "Notre fils Léo, 5 ans, a reçu un diagnostic".
OWN_RELATIVE_NAMED = re.compile(
    rf"(?<!\w)(?:my|our|mon|ma|notre)\s+(?:own\s+|propre\s+)?(?:{clinical.RELATIVES})\s*,?\s+(?-i:(?P<name>{NAME_WORD}))",
    re.IGNORECASE,
)
# A great age said after a name already found: "Bernadette Lavallée… Lavallée was 91", "Thérèse avait 96 ans".
AGE_AFTER_NAME = re.compile(
    # Where the person is from may come between: "Mr. Ernest Savoie from Saint-Louis-de-Kent was 99 and a half".
    r"(?:\s+(?:from|of|de|du)\s+(?-i:[A-ZÉ])[\w'’.-]*(?:\s+(?-i:[A-ZÉ])[\w'’.-]*){0,2})?"
    r"\s*,?\s+(?:is|was|turned|turns|will be|who is|who was|is now|a|avait|aura|a eu|vient d'avoir|qui a)\s+"
    r"(?P<age>9\d|1[01]\d)(?:\s+(?:ans|years? old))?(?![\d%/.,]\d|\s*(?:%|percent|kg|lb|mg|mm|bpm))",
    re.IGNORECASE,
)
# Said outright: "her name is Loretta Sinclair", "elle s'appelle Rolande Paquette".
# In any tense, and the name friends used: "her name was Grace", « elle s'appelait Thérèse », "his friends called
# him Jojo", « ses amies l'appelaient « Juju » », "the nickname he asked me to use, "Tank"".
NAME_SAID = re.compile(
    r"(?<!\w)(?:(?:her|his|their) (?:first )?name (?:is|was)|(?:elle|il) s['’]appel(?:le|ait)|"
    r"son (?:nom|prénom) (?:est|était)|"
    # "we all call Moose", "you called him Captain"
    r"(?:friends|family|everyone|everybody|we|they|nurses|kids|you)\s+(?:all\s+call(?:s|ed)?(?:\s+(?:him|her|them))?|"
    r"call(?:s|ed)?\s+(?:him|her|them))|"
    r"(?:l['’]|les\s+)appel(?:le|ait|aient|lent|er)|(?:he|she|they)\s+(?:went|goes|go)\s+by|"
    # « que ses amis appellent « Ti-Jo » », "whom the kids call "Bean"".
    r"(?:amis|amies|parents|enfants|petits-enfants|gens|voisins)\s+appel(?:lent|aient)|"
    r"(?:friends|kids|grandkids|family|neighbours|neighbors)\s+call(?:ed)?|"
    r"nicknamed|surnommée?|(?:the\s+)?nickname\b[^.;:!?\"“«]{0,50}|(?:le\s+)?surnom\b[^.;:!?\"“«]{0,50}|"
    # Whoever does the calling, a name in quotes after the verb is what they call the patient: « une adolescente que
    # toute sa classe appelle « Pépette » », "a man the whole street calls "Bear"".
    r"(?:appel(?:le|lent|ait|aient)|surnomm(?:e|ent|ait|aient)|calls?|called)(?=\s*[«\"“]))"
    # « Elle tient à son surnom : Noisette »: the name may follow a colon; a nickname in quotes may take an article
    # (« le Marquis », "the Professor").
    rf"\s*[,:]?\s*(?:[«\"“]\s*(?:(?:le|la|les|the|l['’])\s*)?)?(?-i:(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?))",
    re.IGNORECASE,
)
# The nickname first: « Ti-Guy, comme tout le monde l'appelle », "Red, as everyone called him".
NICKNAME_THEN_SAID = re.compile(
    rf"(?<![\w'’-])(?-i:(?P<name>{NAME_WORD}))\s*[»\"”]?\s*,?\s*(?:comme|as)\s+(?:tout le monde|everyone|everybody|on|"
    r"ses amis|ses amies|his friends|her friends|the nurses|les infirmières)\s+"
    r"(?:l['’]appel(?:le|ait|lent|aient)|call(?:s|ed)? (?:him|her))(?!\w)",
    re.IGNORECASE,
)
# The name, then in brackets that it is the one people use or the patient allowed: '"Nanna Kaur" (what everyone on
# 6 West called her)', « Mémé Suzon (c'est ainsi qu'elle signait) », "Travis (he said I could use his first name)".
NAME_THEN_SAID_IN_BRACKETS = re.compile(
    rf"(?<![\w'’-])(?-i:(?P<name>{NAME_WORD}(?:\s+{NAME_WORD})?))\s*[»\"”]?\s*\("
    r"(?:what|how|as|comme|c['’]est ainsi|ainsi|he|she|they|il|elle)\b[^)]{0,80}?"
    r"(?:call|appel|sign|first name|prénom|\bname\b|\bnom\b)",
    re.IGNORECASE,
)
# The name the patient asked for: « « Mimi », comme elle veut qu'on l'appelle », "Doc, as he likes to be called".
NICKNAME_AS_WANTED = re.compile(
    rf"(?<![\w'’-])(?-i:(?P<name>{NAME_WORD}))\s*[»\"”]?\s*,?\s*(?:comme|as)\s+(?:elle|il|she|he)\s+"
    r"(?:veut|voulait|aime|aimait|likes|liked|wants|wanted)\s+(?:qu['’]on\s+l['’]appel(?:le|ait)|to be called)(?!\w)",
    re.IGNORECASE,
)
# A nickname in quotes inside the full name: 'Mr. Bartholomew "Bart" Qilaut', « Marie-Rose « Mimi » Gagnon ».
NICKNAME_INSIDE_NAME = re.compile(
    # Not a doctor's: 'Dr. Margaret "Peggy" Lindqvist' is a colleague.
    rf"(?<![\w'’-])(?<!Dr\.\s)(?<!Dr\s)(?<!Dre\s)(?<!Dre\.\s)(?<!Pr\s)(?<!Prof\.\s)"
    rf"(?-i:{NAME_WORD})\s+[\"“«]\s*(?-i:(?P<name>{NAME_WORD}))\s*[\"”»]\s+(?-i:{NAME_WORD})"
)
# "Her name is Ada, our new therapy dog!"
AN_ANIMAL_AFTER = re.compile(
    r"\s*,\s*(?:our|the|a|an|notre|la|le|un|une)?\s*(?:[\w'’-]+\s+){0,2}"
    r"(?:dog|cat|puppy|kitten|horse|mascot|chien|chienne|chat|chatte|chiot|mascotte)\b",
    re.IGNORECASE,
)
# A name the author made up is not the patient's: "her name (not her real one) was Anna".
PSEUDONYM = words(
    "not her real name",
    "not his real name",
    "not their real name",
    "names changed",
    "name changed",
    "names have been changed",
    "name has been changed",
    "pseudonym",
    "pseudonyme",
    "nom fictif",
    "prénom fictif",
    "pas son vrai nom",
    "pas son vrai prénom",
    "noms ont été changés",
    "nom a été changé",
)


def _sentence_index(text: Text, position: int) -> int:
    return max(0, bisect_right(text._sentence_starts, position) - 1)


def _care_nearby(text: Text, position: int, *, places: bool = False) -> bool:
    """Care in the sentence holding ``position`` or in the two before or after it (a short story's span).

    A place of care alone (the clinic, the hospital, the ER) counts only in the name's own sentence: staff,
    volunteers and visitors are named near those words all the time; a family named near one ("the Beaulieu
    family… their youngest is still at the hospital") is the exception, with ``places``."""
    bounds = text.sentence_bounds
    index = _sentence_index(text, position)
    if text.sentence_has(CARE_NEARBY, bounds[index][0]):
        return True
    nearby = range(max(0, index - 2), min(len(bounds), index + 3))
    care = CARE_NEARBY if places else CARE_BEYOND_PLACES
    return any(text.sentence_has(care, bounds[i][0]) for i in nearby)


NAMES24_AGE_AFTER = re.compile(r"(?:\s+[A-ZÉ][\w'’-]+)?\s*,\s*\d{1,3}\s*(?:ans|years? old|yo|y/o)?\s*,")
NAMES24_DIAGNOSED = re.compile(
    r"(?<![\w-])(?:diagnosed|diagnostiquée?s?|hospitali[sz]ed|hospitalisée?s?|intubated|intubée?s?|"
    r"smear-positive|frottis positif|culture-positive)(?![\w-])",
    re.IGNORECASE,
)


def _named_as_colleague(text: Text, start: int, end: int) -> bool:
    """A title or a role right next to the name: that person is a colleague wherever else they are named."""
    if _said_to_be_a_patient(text, start):
        return False
    sentence_start = text.sentence_around(start)[0]
    before = text.value[max(sentence_start, start - 50) : start]
    title = COLLEAGUE_TITLE_BEFORE.search(before)

    # "Pastor Dwayne Ellis was brought in by ambulance", "Happy retirement to Bob Smith, our longest-serving patient":
    # a community's title or a retirement gives way to care happening to the person, or the word patient.
    def cared_for() -> bool:  # read only for a community's title or a retirement, not for every name
        return text.sentence_has(CARE_HAPPENING_TO_THEM, start) or text.sentence_has(ONE_PATIENT_WORD, start)

    # « L'étudiante, Léa Roy, 20 ans, diagnostiquée le 2 mai »: an age and a diagnosis make the role a description.
    described = NAMES24_AGE_AFTER.match(text.value, end) and text.sentence_has(NAMES24_DIAGNOSED, start)
    return bool(
        (title and (CLINICAL_TITLE.match(title.group(0)) or not cared_for()))
        or (ROLE_BEFORE.search(before) and not described)
        or names22_role_after(text, start, end)
        or NAMES_WORK_COUNTED_AFTER.match(text.value[end : end + 120])
        or (text.sentence_has(STAFF_RETIRING, start) and not cared_for())
        or (OWN_FAMILY_BEFORE.search(text.value[max(0, start - 30) : start]) and not _own_family_in_care(text, start))
        or _a_colleagues_relative(text, start)
    )


THIRD_PERSON_RELATIVE_BEFORE = re.compile(
    rf"(?<!\w)(?P<owner>his|her|their|son|sa|ses|leur|leurs)\s+(?:{clinical.RELATIVES})\s*,?\s*$", re.IGNORECASE
)


# The team as the subject of what is said to the person named: "Mr. Anderson, the nurses want you to know…",
# « Mme Roy, les infirmières vous embrassent ». The role starts a new clause; it is not the name's apposition.
NAMES22_TEAM_SPEAKING_AFTER = re.compile(
    r"\s+(?:all\s+|still\s+|also\s+)?(?:want|wanted|say|said|send|sent|miss|missed|kept|keep|are|were|have|had|"
    r"wish|hope|veulent|disent|vous|te|t['’]|ont|sont|gardent|espèrent)\b",
    re.IGNORECASE,
)


def names22_role_after(text: Text, start: int, end: int) -> bool:
    """A role right after the name is that person's, unless the name is a patient's relative's, whose job is told
    ("Sa sœur Anne, infirmière à Bâle"), or the team named after it is speaking to them."""
    role = ROLE_AFTER.match(text.value[end : end + 60])
    if not role:
        return False
    if THIRD_PERSON_RELATIVE_BEFORE.search(text.value, max(0, start - 30), start):
        return False  # the relative's colleagues are read by _a_colleagues_relative
    return not NAMES22_TEAM_SPEAKING_AFTER.match(text.value, end + role.end())


def _a_colleagues_relative(text: Text, start: int) -> bool:
    """ "his wife Marion", where "his" is the colleague the post is about."""
    relative = THIRD_PERSON_RELATIVE_BEFORE.search(text.value, max(0, start - 30), start)
    return bool(relative) and clinical._a_colleagues_relative(text, relative["owner"].lower(), relative.start())


STAFF_ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{ROLES})(?:\s+[\w'’-]+){{0,3}}\s*,?\s*$", re.IGNORECASE)


def _staff_by_title_or_role(text: Text, start: int, end: int) -> bool:
    """A name read off a record is a colleague's only with a title or a staff role beside it: "the return address
    said Marguerite…" is not a public figure's quote, as "said" before a name can be elsewhere."""
    before = text.value[max(text.sentence_around(start)[0], start - 50) : start]
    return bool(
        COLLEAGUE_TITLE_BEFORE.search(before)
        or STAFF_ROLE_BEFORE.search(before)
        or ROLE_AFTER.match(text.value[end : end + 60])
    )


def _own_family_in_care(text: Text, position: int) -> bool:
    """ "Our daughter Amelia, who is six, was diagnosed with leukemia": the author's child is the patient here."""
    return text.sentence_has(CARE_EVENTS, position)


def _said_to_be_a_patient(text: Text, position: int) -> bool:
    """ "…knew Gisèle Fortin, bénévole à la bibliothèque. Elle était aussi ma patiente": the patient wins."""
    bounds = text.sentence_bounds
    index = _sentence_index(text, position)
    return any(text.sentence_has(OWN_PATIENT, bounds[i][0]) for i in range(index, min(len(bounds), index + 2)))


def _tokens(name: str) -> list[str]:
    """The words of a name that can come back alone: first name and surname, not titles or initials."""
    return [
        token
        for token in re.findall(NAME_WORD, name)
        if len(token) > 2 and token.lower() not in lexicon.NOT_A_NAME and token.lower() not in TITLES
    ]


LOWER_CASE_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ]+(?![\w'’-])")
QUOTES = frozenset({'"', "“", "«", "'", "‘"})
TITLES = frozenset({"mrs", "mr", "ms", "miss", "mme", "mlle", "monsieur", "madame", "mademoiselle", "mx"})


# Three names or more in a row are a team, people thanked or a line-up: "Maya, Tyler and Sarah ran the marathon".
NAME_LIST = re.compile(
    rf"(?<![\w'’-])(?:{NAME_WORD}(?:\s+{NAME_WORD})?\s*,\s*){{2,}}(?:(?:and|et|&)\s+)?{NAME_WORD}(?:\s+{NAME_WORD})?"
    rf"|(?<![\w'’-])(?:{NAME_WORD}(?:\s+{NAME_WORD})?\s*,\s*){{1,}}{NAME_WORD}(?:\s+{NAME_WORD})?,?\s+(?:and|et|&)\s+"
    rf"{NAME_WORD}(?:\s+{NAME_WORD})?"
)
# Unless the list is of patients: "my patients Gord, Rita and Yvon", "Remembering Walter, Doris and Frank",
# "our NICU triplets Ava, Ella and Mia".
PATIENTS_LISTED = words(
    "patients",
    "patientes",
    "remembering",
    "in memory of",
    "in loving memory of",
    "rest in peace",
    "rip",
    "en mémoire de",
    "à la mémoire de",
    "repose en paix",
    "twins",
    "triplets",
    "quadruplets",
    "jumeaux",
    "jumelles",
    "triplés",
    "triplées",
)
# A colleague met as "Robert" may come back as "Bob".
NICKNAMES = {
    "robert": ("bob", "rob", "bobby"),
    "william": ("bill", "will", "billy", "liam"),
    "james": ("jim", "jimmy", "jamie"),
    "richard": ("rick", "dick", "rich"),
    "michael": ("mike", "mikey"),
    "elizabeth": ("liz", "beth", "betty", "lisa"),
    "margaret": ("maggie", "peggy", "meg"),
    "katherine": ("kate", "katie", "kathy"),
    "catherine": ("cathy", "kate", "cat"),
    "jennifer": ("jen", "jenny"),
    "christopher": ("chris",),
    "christine": ("chris",),
    "thomas": ("tom", "tommy"),
    "joseph": ("joe", "joey"),
    "daniel": ("dan", "danny"),
    "david": ("dave",),
    "edward": ("ed", "eddie", "ted"),
    "anthony": ("tony",),
    "patricia": ("pat", "patty", "trish"),
    "patrick": ("pat",),
    "alexander": ("alex",),
    "alexandra": ("alex",),
    "nicholas": ("nick",),
    "samuel": ("sam",),
    "samantha": ("sam",),
    "benjamin": ("ben",),
    "jonathan": ("jon",),
    "matthew": ("matt",),
    "stephen": ("steve",),
    "steven": ("steve",),
    "gregory": ("greg",),
    "andrew": ("andy", "drew"),
    "deborah": ("deb", "debbie"),
    "susan": ("sue", "susie"),
    "jean-françois": ("jf",),
    "jean-philippe": ("jp",),
    "jean-pierre": ("jp",),
    "marie-claude": ("mc",),
}


QUOTED_NICKNAME_AFTER = re.compile(rf"\s+[\"“«]\s?(?P<nickname>{NAME_WORD})\s?[\"”»]")


def _people(text: Text) -> tuple[list[tuple[int, int]], set[str]]:
    """Names that look like people's (a known first name, or an initial and a surname), and the words of
    those met as colleagues anywhere in the post."""
    people, colleagues, read_up_to = [], set(), 0
    lower_case_words = set(LOWER_CASE_WORD.findall(text.value))
    listed = [
        (match.start(), match.end()) for match in NAME_LIST.finditer(text.value) if not _a_list_of_patients(text, match)
    ]
    for match in PERSON.finditer(text.value):
        first, start = match["first"], match.start()
        if start < read_up_to or first.lower() in lexicon.NOT_A_NAME or first.lower() in TITLES:
            continue
        if clinical.names_a_place(text, start) or (match["last"] or "").lower() in PLACE_WORDS:
            continue  # "Grace Chapel", "Riverview Manor": a place named like a person
        if not (match["initial"] or first.lower() in lexicon.FIRST_NAMES):
            continue
        end = (
            match.end("last")
            if match["last"] and match["last"].lower() not in lexicon.NOT_A_NAME
            else match.end("first")
        )
        read_up_to = end
        if clinical.names_a_thing(text, start, end):
            continue
        # "Pearl:" heads a teaching point; « Gérard » names a thing, in quotes.
        if match["after"] == ":" or text.value[max(0, start - 2) : start].strip() in QUOTES:
            continue
        # A word used in lower case elsewhere in the post is a word there too ("Rose" at the start of a sentence).
        if not match["initial"] and first.lower() in lower_case_words:
            continue
        in_a_list = any(list_start <= start < list_end for list_start, list_end in listed)
        if _named_as_colleague(text, start, end) or (in_a_list and not _said_to_be_a_patient(text, start)):
            tokens = _tokens(text.value[start:end])
            colleagues.update(tokens)
            colleagues.update(
                nickname.capitalize() for token in tokens for nickname in NICKNAMES.get(token.lower(), ())
            )
            # 'charge nurse Doreen "Dee" Comeau': the nickname in quotes after the first name is the colleague's too.
            quoted = QUOTED_NICKNAME_AFTER.match(text.value, match.end("first"))
            if quoted:
                colleagues.add(quoted["nickname"])
            continue
        # Near a public role or in a film ("volunteers", "minister", "Netflix"), or thanked for their work
        # ("Huge thanks to Sarah, Kevin and Priya"), this mention is not a patient's; others may be.
        thanked = THANKED.search(text.value[max(text.sentence_around(start)[0], start - 60) : start])
        public = not clinical._clinical_name(text, start, end, text.value[start:end].split()[-1])
        if _said_to_be_a_patient(text, start) or not (thanked or public):
            people.append((start, end))
    return people, colleagues


def tells_a_care_story(text: Text) -> bool:
    """The word patient, the consent such stories are told with, or two different events of care."""
    key = ("tells_a_care_story", -1)  # asked by several rules of one text: remembered with the sentence answers
    if key not in text._sentence_cache:
        text._sentence_cache[key] = bool(STORY_CUES.search(text.value)) or (
            len({m.group().lower() for m in CARE_EVENTS.finditer(text.value)}) >= 2
        )
    return text._sentence_cache[key]


# Someone's dying, not a service: "I sat with Harold during his last hours", « ses derniers moments ».
LAST_HOURS = words(
    "last hours",
    "last days",
    "final hours",
    "final days",
    "last breath",
    "derniers moments",
    "dernières heures",
    "derniers jours",
    "dernier souffle",
)


def story_names(text: Text, people: list[tuple[int, int]], colleagues: set[str]) -> list[Hit]:
    """In a post about a patient, a person named next to care is the patient or their family; in any post, a person
    sat with in their last hours."""
    if not tells_a_care_story(text):
        return [
            Hit(Category.NAME, start, end, "name_in_care", clinical._patient_phrase(text, ""))
            for start, end in people
            if text.sentence_has(LAST_HOURS, start) and not colleagues.intersection(_tokens(text.value[start:end]))
        ]
    hits = []
    for start, end in people:
        if colleagues.intersection(_tokens(text.value[start:end])):
            continue
        if _care_nearby(text, start):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", clinical._patient_phrase(text, "")))
    for match in FAMILY.finditer(text.value):
        group = "en" if match["en"] else "fr"
        if _family_of_a_patient(text, match, group) and _care_nearby(text, match.start(), places=True):
            hits.append(Hit(Category.NAME, match.start(group), match.end(group), "name_in_care", ""))
    return hits


# A first name, then what happened to them in a relative clause: « Une pensée pour Ginette, qui a commencé sa
# chimio aujourd'hui », "Thinking of Paul, who was diagnosed last spring".
NAME_WHO = re.compile(
    rf"(?<![\w'’.-])(?-i:(?P<name>{NAME_WORD}))\s*,\s*(?:who|qui)\b(?P<clause>[^.;!?]*)", re.IGNORECASE
)


def names_with_care_in_a_clause(text: Text, colleagues: set[str]) -> list[Hit]:
    hits = []
    for match in NAME_WHO.finditer(text.value):
        name, start, end = match["name"], match.start("name"), match.end("name")
        if name.lower() not in lexicon.FIRST_NAMES or name.lower() in lexicon.NOT_A_NAME or name in colleagues:
            continue
        if not CARE_EVENTS.search(match["clause"]) or _named_as_colleague(text, start, end):
            continue
        if THANKED.search(text.value[max(text.sentence_around(start)[0], start - 60) : start]):
            continue  # "Thanks to Julie, who started the chemo unit's protocol"
        if clinical._clinical_name(text, start, end, name):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", clinical._patient_phrase(text, "")))
    return hits


# A family as a plural surname doing what families do at a clinic: "The Hendersons brought their son back".
PLURAL_FAMILY = re.compile(
    r"(?<!\w)[Tt]he\s+(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)s\s+(?:brought|came|were|are|have|had|took|called|"
    r"asked|returned|visited|welcomed)\b"
)


THEIR_KIN = re.compile(
    rf"\btheir\s+(?:{clinical.RELATIVES}|baby|toddler|kids|children|twins|triplets|boy|girl|newborn)\b", re.IGNORECASE
)


def plural_families_in_care(text: Text) -> list[Hit]:
    """Only with their child or parent in the sentence and care in it or the next: "the Oilers came back" is hockey."""
    hits = []
    for match in PLURAL_FAMILY.finditer(text.value):
        if match["name"].lower() in lexicon.NOT_A_NAME or not text.sentence_has(THEIR_KIN, match.start()):
            continue
        index = _sentence_index(text, match.start())
        nearby = text.sentence_bounds[index : index + 2]
        if any(text.sentence_has(CARE_EVENTS, start) or text.sentence_has(CARE_NEARBY, start) for start, _ in nearby):
            hits.append(Hit(Category.NAME, match.start("name"), match.end("name") + 1, "name_relative", ""))
    return hits


def census_lines(text: Text) -> list[Hit]:
    """A name written beside a bed, a room or a date of birth, as on a tracking board."""
    hits = []
    for match in CENSUS_LINE.finditer(text.value):
        name = match["name"]
        first = re.sub(r"^[A-Z]\.\s?", "", name).split()[0].lower()
        if first in lexicon.NOT_A_NAME or first in TITLES or text.sentence_has(clinical.ROOM_EVENT_CUES, match.start()):
            continue
        if name.split()[-1].lower() in PLACE_WORDS:
            continue
        if name[1:2] == "." or first in lexicon.FIRST_NAMES or len(name.split()) > 1:
            hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_patient", ""))
    return hits


HASHTAG = re.compile(r"#(\w+)")
CAMEL_CASE_WORD = re.compile(r"[A-ZÀ-Ö][a-zà-ÿ]+|[a-zà-ÿ]+|[A-Z]+(?![a-z])")


def hashtag_words(text: Text) -> str:
    """The words a post's hashtags hold, "#HospicePalliativeCare" read as "hospice palliative care": a short post
    often says where it comes from only there."""
    return " ".join(word for tag in HASHTAG.findall(text.value) for word in _tag_words(tag))


def _tag_words(tag: str) -> list[str]:
    """A hashtag's words, lower-cased. A capitalised piece of two letters ends an abbreviation ("#MedEd", "#SoMe")
    rather than naming a department: "ED" and "ER" are written in capitals ("#ERLife")."""
    words = []
    for piece in CAMEL_CASE_WORD.findall(tag):
        if words and len(piece) <= 2 and piece.istitle():
            words[-1] += piece.lower()
        else:
            words.append(piece.lower())
    return words


# Mental health and addiction care, which the words of the body's care do not name: "11 years I've followed him for
# his schizophrenia", "14 months sober", "#psychiatry".
MENTAL_HEALTH_CARE = words(
    *(
        "psychiatry psychiatric psychiatrist psychiatrie psychiatrique psychiatre pédopsychiatrie schizophrenia "
        "schizophrénie psychosis psychose depression dépression bipolar bipolaire anorexia anorexie bulimia boulimie "
        "addiction addictions dépendance sober sobriety sobre sobriété recovery rétablissement detox désintox "
        "methadone méthadone suboxone"
    ).split(),
    "days clean",
    "weeks clean",
    "months clean",
    "years clean",
)

# A public-health thread's cases are patients too: "the index case was a line cook", « le premier cas identifié ».
PUBLIC_HEALTH_CASES = words(
    "index case",
    "first case",
    "confirmed cases",
    "outbreak",
    "cluster",
    "contact tracing",
    "cas index",
    "premier cas",
    "cas confirmés",
    "éclosion",
    "foyer épidémique",
)


def about_care(text: Text) -> bool:
    """The post is about care: the word patient or a story's consent, clinical words, or care in its hashtags."""
    return bool(
        STORY_CUES.search(text.value)
        or clinical.CLINICAL_CUES.search(text.value)
        or CARE_NEARBY.search(text.value)
        or CARE_NEARBY.search(hashtag_words(text))
        or MENTAL_HEALTH_CARE.search(text.value)
        or MENTAL_HEALTH_CARE.search(hashtag_words(text))
        or PUBLIC_HEALTH_CASES.search(text.value)
    )


def names_said(text: Text) -> list[Hit]:
    """A name said outright in a post about care: "her name is Loretta Sinclair", "his friends called him Jojo"."""
    matches = [
        match
        for pattern in (
            NAME_SAID,
            NICKNAME_THEN_SAID,
            NICKNAME_AS_WANTED,
            NICKNAME_INSIDE_NAME,
            NAME_THEN_SAID_IN_BRACKETS,
        )
        for match in pattern.finditer(text.value)
        if not AN_ANIMAL_AFTER.match(text.value, match.end("name"))
    ]
    if not matches or PSEUDONYM.search(text.value):
        return []
    # A name in brackets said to be what people call someone is a person's wherever it is told; the others, in a post
    # about care.
    in_care = about_care(text)
    return [
        Hit(Category.NAME, match.start("name"), match.end("name"), "name_in_care", "")
        for match in matches
        if (in_care or match.re is NAME_THEN_SAID_IN_BRACKETS)
        and match["name"].split()[0].lower() not in lexicon.NOT_A_NAME
        and not _staff_by_title_or_role(text, match.start("name"), match.end("name"))
        # 'charge nurse Doreen "Dee" Comeau': the role is read before the whole name the nickname sits in.
        and not (match.re is NICKNAME_INSIDE_NAME and _named_as_colleague(text, match.start(), match.end()))
    ]


def name_tokens(text: Text, found: list[Hit]) -> set[str]:
    """The words of the names found that can come back alone: first names and surnames. A name a label prints in
    capitals comes back in ordinary case: 'the label reads "TREVOR MACISAAC — …"… Trevor is fine'."""
    said = [text.value[hit.start : hit.end] for hit in found if hit.category == Category.NAME]
    return {token for name in said for token in _tokens(name.title() if name.isupper() else name)}


def recalled(text: Text, found: list[Hit], colleagues: set[str]) -> list[Hit]:
    """Every other mention of a name already found: "Mrs. Haldorsen" then "Haldorsen", "Gordon Ashby" then "Gordon"."""
    tokens = name_tokens(text, found)
    # "Margaret Kowalczyk… Maggie loved the library": a patient comes back by her nickname too.
    tokens |= {nickname.capitalize() for token in tokens for nickname in NICKNAMES.get(token.lower(), ())}
    return _mentions(text, tokens - colleagues, found)


def recalled_from_other_texts(text: Text, tokens: set[str], found: list[Hit]) -> list[Hit]:
    """A name found in another text of the same post, here again: a thread's first part names "Mr. Okafor",
    the third says "Okafor's wife insisted"; a reply to the post names the patient its text named. Not where
    this text meets the name as a colleague's."""
    if not tokens:
        return []
    _, colleagues = _people(text)
    return _mentions(text, tokens - colleagues, found)


def _mentions(text: Text, tokens: set[str], found: list[Hit]) -> list[Hit]:
    if not tokens:
        return []
    taken = [(hit.start, hit.end) for hit in found if hit.category == Category.NAME]
    pattern = re.compile(r"(?<![\w@#/.-])(?:" + "|".join(re.escape(token) for token in sorted(tokens)) + r")(?![\w@-])")
    hits = []
    for match in pattern.finditer(text.value):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if COLLEAGUE_TITLE_BEFORE.search(text.value[max(0, match.start() - 8) : match.start()]):
            continue
        hits.append(Hit(Category.NAME, match.start(), match.end(), "name_again", clinical._patient_phrase(text, "")))
    return [*hits, *_recalled_in_hashtags(text, tokens)]


def _recalled_in_hashtags(text: Text, tokens: set[str]) -> list[Hit]:
    """A patient's name again inside a hashtag, as a campaign for them writes it: "#StemCellsForKayden",
    "#LaForceDeLéa". The name must stand as a word of the tag: "#Gracefully" is not Grace."""
    if "#" not in text.value:
        return []
    inside = re.compile(
        r"(?:(?<=#)|(?<=[a-zà-ÿ0-9]))(?:" + "|".join(re.escape(token) for token in sorted(tokens)) + r")(?![a-zà-ÿ])"
    )
    hits = []
    for tag in re.finditer(r"#\w+", text.value):
        for match in inside.finditer(text.value, tag.start(), tag.end()):
            hits.append(Hit(Category.NAME, match.start(), match.end(), "name_again", None))
    return hits


# A family giving or thanked is a donor: "the Tremblay family's gift to the unit", "la famille Roy a donné".
DONOR_CUES = words(
    "gift",
    "gifts",
    "donated",
    "donation",
    "donations",
    "donor",
    "donors",
    "generous",
    "generosity",
    "fund",
    "endowed",
    "sponsored",
    "don",
    "dons",
    "donné",
    "généreux",
    "générosité",
    "fonds",
    "commandité",
)


def _family_of_a_patient(text: Text, match: re.Match, group: str) -> bool:
    if match[group].lower() in lexicon.NOT_A_NAME:
        return False
    if THANKED.search(
        text.value[max(text.sentence_around(match.start())[0], match.start() - 60) : match.start()]
    ) and not text.sentence_has(CONSENT, match.start()):
        return False  # a family thanked is a donor's, unless thanked for letting the story be told
    return not DONOR_CUES.search(text.window(match.start(), match.end(), before=30, after=60))


# What a ward or a family calls an older patient: "Grandpa Joe", "Auntie May", "Papi Gilles", "Mémère Rose".
KIN_NICKNAME = re.compile(
    rf"(?<![\w'’])(?:(?i:my|our|mon|ma|notre)\s+)?(?:Grandpa|Grandma|Granny|Nana|Gramps|Auntie|Aunty|Uncle|Papi|"
    rf"Papy|Mamie|Pépère|Mémère|Grand-maman|Grand-papa|Tante|Matante|Mononcle|grandpa|grandma|granny|auntie|uncle|"
    rf"Mémé|Pépé|Nanna|Nonna|Nonno|Grampa|Grandad|Granddad|Gran|Bubbie|Zaida|Kokum|Mushum)"
    rf"\s+(?P<name>{NAME_WORD})"
)


def _a_list_of_patients(text: Text, match: re.Match) -> bool:
    """The cue right before the list ("my patients Gord, Rita…"), or opening it ("Remembering Walter, …")."""
    sentence_start = text.sentence_around(match.start())[0]
    return bool(PATIENTS_LISTED.search(text.value, max(sentence_start, match.start() - 25), match.start() + 15))


def patients_listed(text: Text) -> list[Hit]:
    """Every name in a list of patients: "my patients Gord, Rita and Yvon", "Remembering Walter, Doris and Frank"."""
    hits = []
    for match in NAME_LIST.finditer(text.value):
        if not _a_list_of_patients(text, match):
            continue
        for name in re.finditer(NAME_WORD, match.group()):
            if name.group().lower() not in lexicon.NOT_A_NAME and not PATIENTS_LISTED.fullmatch(name.group()):
                start = match.start() + name.start()
                hits.append(Hit(Category.NAME, start, start + len(name.group()), "name_patient", ""))
    return hits


def kin_nicknames(text: Text) -> list[Hit]:
    hits = []
    for match in KIN_NICKNAME.finditer(text.value):
        own = match.group().lower().startswith(("my ", "our ", "mon ", "ma ", "notre "))
        if match["name"].lower() in lexicon.NOT_A_NAME or (own and not _own_family_in_care(text, match.start())):
            continue
        if _care_nearby(text, match.start()) and clinical._clinical_name(
            text, match.start(), match.end(), match["name"]
        ):
            hits.append(Hit(Category.NAME, match.start("name"), match.end("name"), "name_in_care", ""))
    return hits


def families_in_care(text: Text) -> list[Hit]:
    """ "Our hearts are with the Nguyen family tonight. Their son was admitted to the ICU": a family named beside
    what happened to one of them, in any post; not "the Nguyen Family Foundation", nor a family thanked."""
    hits = []
    for match in FAMILY.finditer(text.value):
        group = "en" if match["en"] else "fr"
        if not _family_of_a_patient(text, match, group):
            continue
        index = _sentence_index(text, match.start())
        nearby = text.sentence_bounds[index : index + 2]
        # "La famille Nguyen est revenue nous voir à la néonatalogie": a place of care in the family's own sentence.
        # The family that consents to the story is the patient's: « La famille Côté m'a permis de partager l'histoire ».
        if (
            text.sentence_has(CONSENT, match.start())
            or text.sentence_has(CARE_NEARBY, match.start())
            or any(text.sentence_has(CARE_EVENTS, start) for start, _ in nearby)
        ):
            hits.append(Hit(Category.NAME, match.start(group), match.end(group), "name_relative", ""))
    return hits


def own_relatives_in_care(text: Text) -> list[Hit]:
    """The author's own child or parent, named in a sentence about their illness, is a patient too."""
    return [
        Hit(Category.NAME, match.start("name"), match.end("name"), "name_relative", "")
        for match in OWN_RELATIVE_NAMED.finditer(text.value)
        if match["name"].lower() not in lexicon.NOT_A_NAME and _own_family_in_care(text, match.start())
    ]


def ages_after_names(text: Text, found: list[Hit]) -> list[Hit]:
    hits = []
    for hit in found:
        if hit.category != Category.NAME:
            continue
        match = AGE_AFTER_NAME.match(text.value, hit.end)
        if match:
            hits.append(Hit(Category.AGE, match.start("age"), match.end(), "age_over_89", clinical._over_90(text)))
    return hits


# A relative who shares a colleague's trade, in a post about that colleague: "Her son Callum, also a surgeon, will
# speak at the memorial", « sa fille Inès, elle aussi chirurgienne ». "His wife Linda, a nurse, stayed by his bed"
# is still a patient's wife: only "also" says the one whose relative it is works with us.
ALSO_A_COLLEAGUE_AFTER = re.compile(
    rf"\s*,\s*(?:also|elle aussi|lui aussi|aussi)\s+(?:(?:a|an|un|une)\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{ROLES})\b",
    re.IGNORECASE,
)


def _not_a_colleague(text: Text, hit: Hit, colleagues: set[str]) -> bool:
    """A first name doing what patients do ("Olivia came in") is a colleague's once she was met as one
    ("our nurse Olivia"); a title, a relative or the word patient says otherwise, so those stay."""
    if hit.reason_code == "name_relative" and ALSO_A_COLLEAGUE_AFTER.match(text.value, hit.end):
        return False
    if hit.reason_code == "name_patient" and clinical.NAME_OF_RELATIVE.match(text.value, hit.start):
        # "Karine Boisvert, respiratory educator … a demo by Karine's son": a colleague's son, not a patient's.
        return not colleagues.intersection(_tokens(text.value[hit.start : hit.end]))
    if hit.reason_code in {"name_titled", "name_with_age"}:
        # "la physicienne médicale, Mme Jacinthe Roussel", "our volunteer driver, Gord, 78": a colleague named with
        # a role, whatever else is said with the name.
        return not _named_as_colleague(text, hit.start, hit.end)
    return hit.reason_code != "name_in_care" or not colleagues.intersection(_tokens(text.value[hit.start : hit.end]))


def names(text: Text) -> list[Hit]:
    people, colleagues = _people(text)
    found = [
        *(hit for hit in clinical.names(text) if _not_a_colleague(text, hit, colleagues)),
        *story_names(text, people, colleagues),
        *census_lines(text),
        *names_with_care_in_a_clause(text, colleagues),
        *names_said(text),
        *families_in_care(text),
        *plural_families_in_care(text),
        *own_relatives_in_care(text),
        *kin_nicknames(text),
        *patients_listed(text),
        *(hit for hit in name_habits.names_on_records(text) if not _staff_by_title_or_role(text, hit.start, hit.end)),
        *(
            hit
            for hit in name_habits.names_with_their_care(text)
            if not colleagues.intersection(_tokens(text.value[hit.start : hit.end]))
        ),
        *name_habits.patients_addressed_by_their_address(text),
        *name_habits.names_said_to_be_patients(text),
        *(hit for hit in name_habits.names_of_a_birth(text) if not _named_as_colleague(text, hit.start, hit.end)),
        *(
            hit
            for hit in name_habits.patients_thanked_or_hurt(text)
            if not _named_as_colleague(text, hit.start, hit.end)
        ),
        *name_habits.titled_relatives_of_the_addressee(text),
        # A family signing is no list of colleagues, whatever list the names make.
        *(
            hit
            for hit in name_habits.families_signing_a_letter(text)
            if not _named_as_colleague(text, hit.start, hit.end)
        ),
        *(
            hit
            for hit in name_habits.names_with_their_own_care(text)
            if not _named_as_colleague(text, hit.start, hit.end)
            and not colleagues.intersection(_tokens(text.value[hit.start : hit.end]))
        ),
        *(
            hit
            for hit in name_habits.names_after_a_description(text)
            if about_care(text) and not _named_as_colleague(text, hit.start, hit.end)
        ),
        *(
            hit
            for hit in (
                *name_habits.names_shown_with_consent_or_age(text),
                *name_habits.names_by_the_patients_things(text),
                *name_habits.patients_named_by_their_handle(text),
                *name_habits.patients_thanked_before_a_visit(text),
                *name_habits.patients_arriving_in_need(text),
                *name_habits.names_right_after_their_age(text),
                *name_habits.names_on_a_card_in_french(text),
                *name_habits.patients_addressed_by_name(text),
                *name_habits.patients_named_by_a_titled_initial(text),
                *(name_habits.names_asked_for(text) if about_care(text) else ()),
                *name_habits.names_thanked_with_a_parent_or_greeted(text),
                *name_habits.names19_names(text),
                *name_habits.names20_names(text),
                *names20_children_named(text),
                *name_habits.names21_names(text),
                *names21_addressed_before_an_emoji(text),
                *name_habits.names22_names(text),
                *(name_habits.names22_names_in_care(text) if about_care(text) else ()),
                *name_habits.names23_names(text),
                *(name_habits.names23_names_in_care(text) if about_care(text) else ()),
                *name_habits.names24_names(text),
                *(name_habits.names24_names_in_care(text) if about_care(text) else ()),
            )
            if not _named_as_colleague(text, hit.start, hit.end)
            and not colleagues.intersection(_tokens(text.value[hit.start : hit.end]))
        ),
        *name_habits.names24_names_of_theirs(text),
        *(
            hit
            for hit in name_habits.names_told_of_pride(text)
            if about_care(text) and not _named_as_colleague(text, hit.start, hit.end)
        ),
    ]
    made_up = name_habits.pseudonyms(text)
    if made_up:
        found = [
            hit
            for hit in found
            if text.value[hit.start : hit.end] not in made_up
            and not made_up.intersection(_tokens(text.value[hit.start : hit.end]))
        ]
    found = [*found, *recalled(text, found, colleagues | made_up)]
    found = [*found, *names21_named_beside(text, found, colleagues | made_up)]
    return [*found, *ages_after_names(text, found)]


RULES = (names,)


# A child as a paediatric or surgical post tells one, by what they are then their name: "a 4-year-old named Abena",
# « une fillette de 3 ans prénommée Zoé »; or called baby or little in lower case, in a post about care: "the cast
# for little Tuk", « les photos de bébé Ayla ». Capitalised mid-sentence ("Baby Shark", "Little Women") it is a title.
NAMES20_CHILD_THEN_NAMED = re.compile(
    r"(?<!\w)(?i:(?:a|an|the|one|our|un|une|le|la|notre)\s+(?:(?:little|petite?|jeune)\s+)?"
    r"(?:\d{1,2}[- ](?:year|month|week|day)[- ]old|toddler|newborn|infant|baby|kid|child|boy|girl|enfant|garçon|"
    r"fillette|bambin|bambine|bébé|nourrisson|ado|adolescente?)"
    r"(?:\s+(?:de\s+\d{1,2}\s+(?:ans|mois|semaines))|\s+(?:boy|girl))?\s*,?\s+"
    r"(?:named|called|nommée?|prénommée?|appelée?|qui s['’]appelle))\s+"
    rf"(?P<name>{clinical.NAME_WORD})"
)
NAMES20_LITTLE_ONE = re.compile(rf"(?<![\w'’])(?:baby|little|bébé)\s+(?P<name>{clinical.NAME_WORD})(?![\w'’-])")


def names20_children_named(text: Text) -> list[Hit]:
    """A child described then named, or called baby or little in a post about care."""
    patterns = (NAMES20_CHILD_THEN_NAMED, NAMES20_LITTLE_ONE) if about_care(text) else (NAMES20_CHILD_THEN_NAMED,)
    hits = []
    for pattern in patterns:
        for match in pattern.finditer(text.value):
            start, end = match.span("name")
            if match["name"].lower() not in lexicon.NOT_A_NAME and clinical._clinical_name(
                text, start, end, match["name"]
            ):
                hits.append(Hit(Category.NAME, start, end, "name_patient", clinical._patient_phrase(text, "")))
    return hits


# A patient answered by first name at a reply's clause end, an emoji after it: "…in the comments, Kaitlyn 🙈 but
# since you did", « … ton bilan, Maëlle 🙏 ». The older rule reads a name before a full stop or "!".
NAMES21_ADDRESSED_BEFORE_AN_EMOJI = re.compile(
    rf"(?<=,)\s*(?P<name>{clinical.NAME_WORD})\s*(?=[\U0001F300-\U0001FAFF\u2600-\u27BF])"
)
NAMES21_SECOND_PERSON = re.compile(r"(?<!\w)(?:you|your|vous|votre|vos|tu|ton|ta|tes|t['’])(?!\w)", re.IGNORECASE)
# The addressee's own care said in the second person: "your transfer date", "your embryo's grade", « ton écho ».
NAMES21_OWN_CARE = re.compile(
    r"(?<!\w)(?:your|votre|vos|ton|ta|tes)\s+(?:[\w'’-]+\s+)?(?:embryos?|embryo['’]s|transfer|beta|scan|ultrasound|"
    r"results?|appointment|surgery|cycle|retrieval|pregnancy|bump|labou?r|delivery|birth|baby|due date|stitches|"
    r"incision|cast|knee|hip|shoulder|embryons?|transfert|échographie|écho|résultats?|rendez-vous|opération|"
    r"grossesse|accouchement|bébé|cicatrice|plâtre|genou|hanche|épaule)(?!\w)",
    re.IGNORECASE,
)


def names21_addressed_before_an_emoji(text: Text) -> list[Hit]:
    """A known first name after a comma and before an emoji, in a sentence spoken to someone, in a post about care."""
    hits = []
    for match in NAMES21_ADDRESSED_BEFORE_AN_EMOJI.finditer(text.value):
        start, end = match.span("name")
        if not name_habits.names21_first_name(match["name"]) or not text.sentence_has(NAMES21_SECOND_PERSON, start):
            continue
        own_care = about_care(text) or text.sentence_has(NAMES21_OWN_CARE, start)
        if own_care and clinical._clinical_name(text, start, end, match["name"]):
            hits.append(Hit(Category.NAME, start, end, "name_in_care", ""))
    return hits


# A first name joined to a patient's or a relative's already found: "to Kayleigh and Mark: he's perfect",
# « Léa et Jules », "Finn and Isla". The pair are one family; a title or a role beside the second says otherwise.
# Not a room ("and Hall 3") nor a firm's suffix ("Ferme Haché et Fils", "Smith and Sons").
NAMES21_AND_AFTER = re.compile(
    rf"\s+(?:and|et|&)\s+(?!(?i:fils|sons?|frères|brothers|daughters|filles|cie|co)\b)"
    rf"(?P<name>{clinical.NAME_WORD})(?![\w'’.-])(?!\s*\d)"
)
NAMES21_AND_BEFORE = re.compile(rf"(?<![\w'’.-])(?P<name>{clinical.NAME_WORD})\s+(?:and|et|&)\s+$")


def names21_named_beside(text: Text, found: list[Hit], colleagues: set[str]) -> list[Hit]:
    """The first name joined by "and" to a name found as a patient's or a relative's."""
    taken = {(hit.start, hit.end) for hit in found}
    hits = []
    for hit in found:
        if hit.category != Category.NAME:
            continue
        after = NAMES21_AND_AFTER.match(text.value, hit.end)
        before = NAMES21_AND_BEFORE.search(text.value, max(0, hit.start - 30), hit.start)
        for match in (after, before):
            if not match or match["name"].lower() in lexicon.NOT_A_NAME or match["name"] in colleagues:
                continue
            start, end = match.span("name")
            end -= 2 if match["name"].endswith(("'s", "’s")) else 0  # "Leah and Omar's triplets": Omar
            if any(left < end and start < right for left, right in taken) or _named_as_colleague(text, start, end):
                continue
            if not clinical._clinical_name(text, start, end, match["name"]):
                continue
            taken.add((start, end))
            hits.append(Hit(Category.NAME, start, end, hit.reason_code, hit.replacement))
    return hits


# A nickname in quotes right after a name found: 'Randy Morin, "Tank" to everyone', « Réal, « Ti-Pit » pour la
# gang ». The nickname names the same person, and is known more widely than the name.
NAMES24_NICKNAME_AFTER = re.compile(
    r"\s*,?\s*[\"“«]\s?(?P<name>[A-ZÉÈÀÂÎÔÇ][\w'’-]*(?:\s[A-ZÉÈÀÂÎÔÇ][\w'’-]*){0,2})\s?[\"”»]"
    r"(?=\s*[,;)]|\s+(?:to|for|among|on|in|at|around|as|pour|auprès|dans|sur|chez|comme|de|du)\b)"
)


def names24_nicknames_beside(text: Text, found: list[Hit]) -> list[Hit]:
    """The quoted nickname given right after a name found as a patient's or a relative's."""
    taken = {(hit.start, hit.end) for hit in found}
    hits = []
    for hit in found:
        match = NAMES24_NICKNAME_AFTER.match(text.value, hit.end) if hit.category == Category.NAME else None
        if not match or match.span("name") in taken or match["name"].lower() in lexicon.NOT_A_NAME:
            continue
        taken.add(match.span("name"))
        hits.append(Hit(Category.NAME, *match.span("name"), hit.reason_code, hit.replacement))
    return hits
