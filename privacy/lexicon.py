"""Word lists the rules read context from, English and French side by side.

Every list here was written for PhysSocial by hand from general knowledge of how clinicians write
(no outside data set); it is part of the project under the project's licence.
"""

from privacy.base import words

# Someone who is (or is close to) a patient: the context that turns a number or a place into an identifier.
PERSON_CUES = words(
    "patient", "patients'", "patient's", "pt", "pt's", "pts", "he", "she", "him", "her", "his", "hers",
    "wife", "husband", "son", "daughter", "mother", "mom", "mum", "father", "dad", "family", "sister",
    "brother", "grandson", "granddaughter", "grandmother", "grandfather", "partner", "cell", "cellphone",
    "home", "lives", "lived", "living", "gentleman", "lady", "resident", "texted", "called me", "callback",
    "patiente", "patientes", "il", "elle", "lui", "sa", "ses", "fille", "fils", "épouse", "époux", "conjoint",
    "conjointe", "mari", "mère", "père", "famille", "sœur", "soeur", "frère", "petit-fils", "petite-fille",
    "cellulaire", "cell", "domicile", "habite", "vit", "monsieur", "madame", "dame", "rappelle", "rappeler",
)

# An organization speaking about itself: its phone line, its mailbox, its address are published on purpose.
ORGANIZATION_CUES = words(
    "clinic", "clinic's", "hospital", "hospital's", "office", "line", "booking", "book", "appointments",
    "appointment", "switchboard", "reception", "front desk", "call us", "contact us", "contact", "questions",
    "info", "information", "referrals", "referral", "fax", "toll-free", "hours", "team", "centre", "center",
    "fht", "lab", "pharmacy", "suite", "unit", "department", "program", "we've moved", "we have moved",
    "find us", "located", "our new address", "our address", "join us", "library", "venue", "conference",
    "accessible", "registration", "register", "event", "gala", "rsvp", "telehealth", "helpline", "hotline",
    "clinique", "hôpital", "l'hôpital", "bureau", "ligne", "rendez-vous", "standard", "accueil", "réception",
    "composez", "composer", "télécopieur", "gmf", "clsc", "cisss", "ciusss", "heures", "infos", "urgence",
    "l'urgence", "situé", "située", "nouvelle adresse", "adresse", "bibliothèque", "portes ouvertes",
    "inscription", "inscriptions", "colloque", "congrès", "conférence", "salle", "équipe", "service",
)

HEALTH_CARD_CUES = words(
    "ohip", "health card", "health-card", "health number", "health card number", "hcn", "phn", "uli", "ahcip",
    "msp", "ramq", "carte santé", "carte-santé", "carte soleil", "assurance maladie", "assurance-maladie",
    "nam", "numéro d'assurance maladie", "health insurance number", "medicare", "mcp",
)
NATIONAL_ID_CUES = words(
    "sin", "social insurance", "ssn", "social security", "nas", "assurance sociale", "numéro d'assurance sociale",
)
PHONE_CUES = words(
    "call", "called", "phone", "tel", "tél", "téléphone", "cell", "cellulaire", "fax", "text", "texted",
    "appelé", "appelez", "appeler", "composez", "rappeler", "numéro de téléphone",
)

# Dates: what ties a date to a person's birth or care, and what says it is an event's.
BIRTH_CUES = words(
    "born", "birth", "birthday", "dob", "d.o.b.", "date of birth", "né", "née", "naissance", "ddn",
    "date de naissance", "anniversaire",
)
CARE_CUES = words(
    "admitted", "admission", "discharged", "discharge", "died", "passed away", "passed", "death", "surgery",
    "operated", "delivered", "diagnosed", "diagnosis", "seen", "saw", "presented", "came in", "arrived",
    "transferred", "intubated", "transplant", "went home", "sent home", "readmitted", "visit", "visited",
    "admis", "admise", "hospitalisé", "hospitalisée", "son congé", "reçu son congé", "eu son congé", "décédé", "décédée", "décès", "opéré", "opérée",
    "chirurgie", "accouché", "accouchement", "diagnostiqué", "diagnostiquée", "vu", "vue", "consulté",
    "consulté", "arrivé", "arrivée", "transféré", "transférée", "greffe", "nous a quittés", "nous a quitté",
    "intubé", "intubée", "réadmis", "réadmise",
)
EVENT_CUES = words(
    "join us", "join", "webinar", "rounds", "conference", "symposium", "register", "registration", "deadline",
    "gala", "talk", "lecture", "closed", "open", "opens", "save the date", "will be away", "be away", "workshop",
    "meeting", "launch", "fair", "tickets", "abstracts", "due", "holiday", "holidays", "festival",
    "conférence", "inscription", "inscriptions", "colloque", "congrès", "fermée", "fermé", "fermeture",
    "ouverte", "ouvert", "ouvre", "réunion", "tournées", "soirée", "absent", "absente", "atelier", "lancement",
    "date limite", "réservez", "portes ouvertes", "journée", "webinaire", "congé férié", "fête",
    "en congé", "on leave", "vacances", "vacation",
)

# Public roles: a person named with one of these is speaking or acting in public, not being treated.
PUBLIC_ROLE_CUES = words(
    "minister", "premier", "prime minister", "mp", "mpp", "mla", "mna", "senator", "mayor", "councillor",
    "president", "ceo", "chair", "hon.", "honourable", "government", "government's", "op-ed", "said",
    "announced", "tweeted", "interview", "spokesperson", "leader", "party", "ministre", "premier ministre",
    "député", "députée", "sénateur", "maire", "mairesse", "président", "présidente", "pdg", "gouvernement",
    "l'honorable", "porte-parole", "chef", "a déclaré", "a annoncé", "entrevue",
    # Staff named in their role ("Ms. Rivera, our clinic manager") are colleagues, not patients.
    "manager", "coordinator", "director", "administrator", "receptionist", "secretary", "volunteer",
    "volunteers", "chairman", "chairwoman", "treasurer", "clerk", "principal", "teacher", "coach",
    "gestionnaire", "coordonnateur", "coordonnatrice", "directeur", "directrice", "administrateur",
    "administratrice", "réceptionniste", "secrétaire", "bénévole", "bénévoles", "adjointe", "adjoint",
    "trésorier", "trésorière", "enseignant", "enseignante", "entraîneur",
)

MONTHS_EN = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
WEEKDAYS_EN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun"
WEEKDAYS_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"

# Capitalised words that follow "patient" or a comma without being anyone's name.
NOT_A_NAME = frozenset(
    """
    safety experience care advocacy portal ombudsman navigator navigators partner partners day week voices
    education centre center council relations information services rights first family journey portal
    the a an and or but in on at to for of with from by this that these those it its our my your their his her
    today yesterday tonight now here there then when while after before during since until also still just
    i we you he she they me us them who what which where why how yes no not please thanks thank
    speaker chair chairman president minister mayor premier secretary justice
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    canada ontario quebec québec alberta manitoba saskatchewan nova scotia brunswick newfoundland labrador
    toronto ottawa montreal montréal vancouver calgary edmonton winnipeg halifax
    er ed icu or ward clinic hospital unit floor bed room dr dre doctor nurse np rn md
    le la les un une des du de et ou mais en au aux pour par avec sans sur sous dans ce cette ces son sa ses
    mon ma mes notre nos votre vos leur leurs il elle ils elles nous vous je tu on qui que quoi où
    aujourd'hui hier demain ce soir matin merci bravo oui non
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    """.split()
)

# Common first names in Canada, English and French, for "Name came in…"-type sentences. Hand-written.
FIRST_NAMES = frozenset(
    """
    aaliyah abigail adam aiden alexander alice amelia andrew anna arthur audrey ava benjamin betty bob brian
    caleb carl carol caroline charles charlotte chloe chris christopher claire daniel david deborah dennis
    donald doris dorothy edward eleanor elijah elizabeth ella emily emma ethan evelyn frank gary george grace
    agnes albert alfred alma annie barbara beatrice bernice bertha bill carl clara clarence dolores donna
    earl edith edna elsie ernest esther ethel eugene evelyn florence frances fred gertrude gladys gloria gordon
    herbert howard irene jeremy jessie joyce june kathleen lillian lloyd lois louise mabel marion martha
    maxine mildred muriel myrtle norma norman pearl phyllis ralph ray roy shirley stanley stella thelma vera
    vernon viola violet wallace wilma
    hannah harold harry hazel helen henry isaac isabella jack jacob james jane jason jennifer jessica joan john
    joseph joshua judy julia kayla karen kevin larry liam lily linda lucas lucy madison malik margaret maria
    marjorie mark mary mason matthew megan mia michael mildred nancy nathan noah nora olivia oliver owen patricia
    paul peter priya rachel richard robert rose ruth ryan samuel sarah scott sophia steven susan thomas tom
    tyler victoria walter william zoe
    agathe aline armand aurore bertrand cécile clément denise fernand fernande georgette germaine gérard
    ghislaine henri huguette jérémie jeannine laurette lise lorraine lucille madeleine marcelle marguerite
    micheline normand paulette pauline rita roland rolande simone thérèse yvette yvonne
    alain andré annie benoît bernard brigitte camille céline chantal christiane claude colette denis diane
    éléonore élise émile émilie éric étienne félix florence france françois françoise gabriel gaétan geneviève
    gilles ginette gisèle guy hélène hugo isabelle jacinthe jacques jean jeanne jocelyne josée julie julien
    laurent léa léo louis louise lucien lucie luc manon marc marcel marie martin mathieu mathis maxime michel
    monique nathalie nicole olivier pascal pierre raymond réal réjean rémi rené richard robert roger rose
    sébastien serge simon solange sophie stéphane suzanne sylvain sylvie thérèse thomas valérie vincent yves yvon
    """.split()
)

# Organizations whose names hold a word that is otherwise a person cue ("Family Health Team").
ORGANIZATION_NAMES = words(
    "family health team", "family medicine", "family doctor", "family doctors", "family physician",
    "family physicians", "family practice", "family health", "médecin de famille", "médecins de famille",
    "médecine familiale", "médecine de famille", "groupe de médecine de famille",
)
