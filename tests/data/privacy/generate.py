# ruff: noqa: E501 -- one post per line reads better than wrapped sentences.
"""Generated part of the tuning set: many phrasings x varied slot values, with a fixed seed.

Written separately from the handwritten posts and from the held-out set. Every value is invented: the
health-card, SIN and SSN numbers are random digits that happen to pass the provinces' check digits, the
phone numbers use the 555-01xx range kept for fiction, and names come from the lists below.
"""

import random

SURNAMES_EN = [
    "Jones",
    "Murphy",
    "Singh",
    "Thompson",
    "MacDonald",
    "Wong",
    "Campbell",
    "Kaur",
    "Ahmed",
    "Fraser",
    "Sutherland",
    "Osei",
    "Petrov",
    "Rossi",
    "Nakamura",
    "Whitehorse",
    "Bergstrom",
    "Hughes",
    "Kim",
    "Baptiste",
]
SURNAMES_FR = [
    "Tremblay",
    "Gagnon",
    "Roy",
    "Côté",
    "Bouchard",
    "Gauthier",
    "Morin",
    "Lavoie",
    "Fortin",
    "Gagné",
    "Ouellet",
    "Pelletier",
    "Bélanger",
    "Lévesque",
    "Bergeron",
    "Leblanc",
    "Paquette",
    "Girard",
    "Simard",
    "Boucher",
]
FIRST_EN = [
    "Margaret",
    "Harold",
    "Doris",
    "Frank",
    "Aaliyah",
    "Liam",
    "Priya",
    "Owen",
    "Grace",
    "Walter",
    "Chloe",
    "Ethan",
    "Ruth",
    "Malik",
    "Hazel",
    "Arthur",
]
FIRST_FR = [
    "Gisèle",
    "Réal",
    "Thérèse",
    "Gaétan",
    "Jacinthe",
    "Yvon",
    "Nathalie",
    "Mathieu",
    "Rose",
    "Lucien",
    "Chantal",
    "Félix",
    "Monique",
    "Benoît",
    "Ginette",
    "Raymond",
]
DOCTORS_EN = [
    "Dr. Anita Shah",
    "Dr. Mike Evans",
    "Dr. Lisa Moreau",
    "Dr. Kwame Asante",
    "Dr. Rachel Stein",
    "Dr. Omar Haddad",
    "Dr. Beth O'Connor",
    "Dr. Tony Lam",
]
DOCTORS_FR = [
    "Dre Annie Lapointe",
    "Dr Jean-François Roy",
    "Dre Mélanie Girard",
    "Dr Youssef Amrani",
    "Dre Catherine Dion",
    "Dr Hugo Vachon",
    "Dre Isabelle Paré",
    "Dr Samuel Ouellet",
]
TOWNS = ["Kenora", "Timmins", "Moosonee", "Kapuskasing", "Elliot Lake", "Hearst", "Fort Frances", "Atikokan"]
VILLES = ["Rimouski", "Gaspé", "Amos", "Roberval", "Matane", "La Tuque", "Maniwaki", "Baie-Comeau"]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
OHIP = ["5635515058", "4335326502", "9340722470", "1564041042", "8831067924", "4463478612", "2883143667", "8072902227"]
BC_PHN = ["9800239045", "9248611142", "9893643906", "9084745375", "9838306409", "9037614364"]
SIN = ["651788002", "983263898", "806671723", "243372117", "704534577"]
STREETS_EN = [
    "Elm Street",
    "Oak Avenue",
    "Riverside Drive",
    "Pine Crescent",
    "Hillcrest Road",
    "King Street East",
    "Cedar Lane",
    "Victoria Avenue",
]
RUES = [
    "rue des Pins",
    "avenue du Parc",
    "chemin du Lac",
    "rue Notre-Dame",
    "boulevard Laurier",
    "rang Saint-Paul",
    "rue Sherbrooke Est",
    "montée Gagnon",
]
POSTAL = ["P8N 1A7", "K1Y 4E9", "M4C 1B5", "L3T 7P9", "N2L 3G1", "G5L 8T2", "H2X 1Y4", "J4K 2T3", "P0T 2E0"]
SERVICES_EN = ["the ER", "our ED", "the ICU", "clinic", "the walk-in", "L&D", "the ward"]
SERVICES_FR = ["l'urgence", "la clinique", "l'USI", "l'unité", "la salle d'accouchement", "le sans rendez-vous"]
DRUGS = ["metformin", "lisinopril", "apixaban", "sertraline", "levothyroxine", "prednisone", "atorvastatin"]
MEDICAMENTS = ["la metformine", "le ramipril", "l'apixaban", "la sertraline", "la lévothyroxine", "la prednisone"]
BRANDS = [
    "Ozempic",
    "Dexcom G7",
    "FreeStyle Libre",
    "Oura Ring",
    "Fitbit Charge",
    "Theragun",
    "Omron monitor",
    "Hydro Flask",
    "Lululemon scrubs",
    "Figs scrubs",
]


def pick(rng, values):
    return rng.choice(values)


def english(rng):
    s, f, doc, town = pick(rng, SURNAMES_EN), pick(rng, FIRST_EN), pick(rng, DOCTORS_EN), pick(rng, TOWNS)
    month, day, year = pick(rng, MONTHS_EN), rng.randint(1, 28), rng.randint(1930, 2024)
    hon = pick(rng, ["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Miss"])
    age_old, age_young = rng.randint(90, 104), rng.randint(18, 85)
    phone = f"{pick(rng, ['416', '705', '807', '613', '905', '519'])}-555-01{rng.randint(10, 99)}"
    n, rel = rng.randint(2, 40), pick(rng, ["daughter", "son", "wife", "husband", "granddaughter", "brother"])
    service, drug, brand = pick(rng, SERVICES_EN), pick(rng, DRUGS), pick(rng, BRANDS)
    positives = [
        f"Still thinking about [[name:{hon} {s}]], who held my hand after I gave her the diagnosis. Medicine is a two-way street.",
        f"Shout out to [[name:{hon} {s}]] for walking the full hallway today, 3 weeks after the stroke!",
        f"[[name:{f}]] ({age_young}) came back to the clinic to thank the team. Made our whole week.",
        f"Patient [[name:{f} {s}]] has agreed to let us share her recovery journey. Stay tuned!",
        f"Please welcome back our longtime patient [[name:{hon} {s}]] to the dialysis unit.",
        f"The patient's {rel}, [[name:{f}]], stayed at the bedside all night.",
        f"Saw [[name:{hon} {s[0]}.]] in follow-up; her A1c is finally under 7. Small victories.",
        f"DOB [[date:{month} {day}, {year}]] on the label we found in the recycling bin. Shred everything, people.",
        f"Patient was born [[date:{day} {month} {year}]] and the requisition still had the wrong birthday.",
        f"Admitted on [[date:{month} {day}]] with sepsis, discharged today walking. Great work by the team.",
        f"He had his surgery on [[date:{year}-{rng.randint(1, 12):02d}-{day:02d}]] and is already back to curling.",
        f"She delivered on [[date:{month} {day}]] at 31 weeks; mom and baby are both doing well.",
        f"A lovely [[age:{age_old}-year-old]] patient told me today she still drives to church every Sunday.",
        f"My [[age:{age_old} yo]] patient beat me at cribbage again today.",
        f"Celebrated a patient's [[age:{age_old}th]] birthday on the unit this afternoon.",
        f"Her health card number [[health_card:{pick(rng, OHIP)}]] was on the fax cover sheet. Please check before sending.",
        f"The OHIP # [[health_card:{pick(rng, OHIP)[:4]} {pick(rng, OHIP)[4:7]} 000]] ... scratch that. Never type these here.",
        f"BC health number [[health_card:{pick(rng, BC_PHN)}]] came through in the chat — deleted, reported.",
        f"SIN [[national_id:{pick(rng, SIN)}]] showed up in a scanned document someone posted to our team page.",
        f"Pt's wife wants a callback at [[phone:{phone}]] about the discharge plan.",
        f"Her son's cell is [[phone:{phone}]] if anyone on nights needs to reach the family.",
        f"Patient's e-mail [[email:{f.lower()}.{s.lower()}{rng.randint(10, 99)}@gmail.com]] was visible in the screenshot.",
        f"Home visit to [[address:{rng.randint(2, 999)} {pick(rng, STREETS_EN)}]] this morning; he hasn't left the house in a year.",
        f"Patient lives at postal code [[postal_code:{pick(rng, POSTAL)}]], 300 km from the nearest dialysis unit.",
        f"MRN [[record_number:{rng.randint(1000000, 9999999)}]] — results are in, please review.",
        f"Chart # [[record_number:{rng.randint(100000, 999999)}]] needs a co-sign before noon.",
        f"Patient in [[room:bed {n}]] asked for ginger ale at 4 am and told me her life story.",
        f"The gentleman in [[room:room {rng.randint(100, 899)}]] played the piano for the whole floor tonight.",
        f"[[encounter:Tonight in {service} a {age_young}-year-old man from {town} with]] a simple sprain taught me patience.",
        f"[[encounter:This afternoon in {service}, a {age_young}-year-old woman from {town} arrived]] after an hour on a snowmobile.",
        f"@{f.lower()}{rng.randint(1, 99)} [[medical_advice:you should stop taking the {drug}]] until we see your labs.",
        f"@{f.lower()}_{s.lower()} [[medical_advice:I'd double your {drug} dose]] for the next few days.",
        f"Obsessed with my [[commercial_interest:{brand}! Use code DOC20 for 20% off]].",
        f"[[commercial_interest:Can't recommend the {brand} enough, link in bio]] for the deal.",
        f"@{s.lower()}_{rng.randint(1, 99)} [[heated:You are an idiot]] and you have no business talking about vaccines.",
        f"@{f.lower()}{rng.randint(1, 99)} [[heated:Shut up. Seriously, you are a disgrace]] to the profession.",
    ]
    negatives = [
        f"Congratulations to {doc} on receiving the Order of Ontario! So well deserved.",
        f"Thrilled to welcome {doc} to our team this {month}.",
        f"Huge thanks to {doc} for an inspiring talk at Grand Rounds today.",
        f"{doc} and I will be at the {town} health fair on {month} {day}. Come say hi!",
        f"Save the date: our annual gala is {month} {day}, {rng.randint(2026, 2028)}. Tickets on sale now.",
        f"Rounds are moved to {month} {day} at 8 am in the Auditorium.",
        f"Our clinic's booking line is {phone}. Please call during office hours.",
        f"For appointments at the {town} Family Health Team, call {phone}.",
        f"Hospital switchboard: {phone}. For emergencies, call 911.",
        f"In {year if year > 2000 else 2023}, {rng.randint(2, 40)}% of adults over 65 had a fall. Prevention matters.",
        f"Public Health confirms {rng.randint(10, 900)} new cases of influenza this week in the {town} district.",
        f"Teaching case: {age_young}-year-old with {pick(rng, ['fever and rash', 'syncope', 'back pain', 'dyspnea'])}. What's your differential?",
        f"Pearl: in patients over 90, start low and go slow with {drug}.",
        f"Reminder: never stop {drug} abruptly without talking to your prescriber.",
        f"Excited to join the panel on rural health at the {town} conference next month.",
        f"Our new {pick(rng, ['diabetes', 'COPD', 'prenatal', 'memory'])} clinic opens {month} {day}. Referrals welcome.",
        f"Thank you to the {town} Rotary Club for funding our new ultrasound machine!",
        f"Proud of our residents who ran the {town} half-marathon to raise money for the food bank.",
        f"New study: {drug} reduced admissions by {rng.randint(5, 30)}% in a trial of {rng.randint(200, 9000)} patients.",
        f"@{f.lower()}{rng.randint(1, 99)} great question! I'd suggest asking your family doctor, who knows your history.",
        f"@{s.lower()}md thanks for sharing, this is a useful resource for our patients.",
        f"Disclosure: I have no conflicts. Interesting new data on {brand.split()[0]} in today's journal club.",
        f"#ad Partnering with {brand.split()[0]} to share evidence-based tips. Paid partnership.",
        f"Our office is at {rng.randint(10, 900)} {pick(rng, STREETS_EN)}, {town}. Wheelchair accessible.",
        f"Happy {rng.randint(5, 40)}th anniversary to our clinic! Thank you {town}.",
        f"Questions about the flu clinic? Email info@{town.lower().replace(' ', '')}fht.ca.",
    ]
    return positives, negatives


def french(rng):
    s, f, doc, ville = pick(rng, SURNAMES_FR), pick(rng, FIRST_FR), pick(rng, DOCTORS_FR), pick(rng, VILLES)
    month, day, year = pick(rng, MONTHS_FR), rng.randint(1, 28), rng.randint(1930, 2024)
    hon = pick(rng, ["Mme", "M.", "Madame", "Monsieur", "Mlle"])
    age_old, age_young = rng.randint(90, 104), rng.randint(18, 85)
    phone = f"{pick(rng, ['418', '450', '514', '819', '581', '438'])} 555-01{rng.randint(10, 99)}"
    n = rng.randint(2, 40)
    rel = pick(rng, ["La fille", "Le fils", "L'épouse", "Le conjoint", "La petite-fille", "Le frère"])
    service, med, brand = pick(rng, SERVICES_FR), pick(rng, MEDICAMENTS), pick(rng, BRANDS)
    ramq = f"{s[:3].upper().replace('É', 'E').replace('Ô', 'O')}{f[0].upper()} {rng.randint(30, 99)}{rng.choice([1, 5])}{rng.randint(1, 2)} {rng.randint(10, 28)}{rng.randint(10, 99)}"
    positives = [
        f"Je pense encore à [[name:{hon} {s}]], qui m'a tenu la main pendant que je lui annonçais le diagnostic.",
        f"Bravo à [[name:{hon} {s}]] qui a marché tout le corridor aujourd'hui, trois semaines après son AVC!",
        f"[[name:{f}]] ({age_young} ans) est revenue à la clinique pour remercier l'équipe. Ça nous a fait la semaine.",
        f"Notre patiente [[name:{f} {s}]] a accepté qu'on partage son parcours. À suivre!",
        f"{rel} du patient, [[name:{f}]], est restée à son chevet toute la nuit.",
        f"Vu [[name:{hon} {s[0]}.]] en suivi; son HbA1c est enfin sous 7 %. Petites victoires.",
        f"Date de naissance [[date:{day} {month} {year}]] sur l'étiquette trouvée au recyclage. Déchiquetez tout!",
        f"Né le [[date:{day} {month} {year}]], le patient avait encore la mauvaise date sur sa requête.",
        f"Hospitalisée le [[date:{day} {month}]] pour une sepsis, elle est sortie à pied aujourd'hui.",
        f"Opéré le [[date:{day:02d}/{rng.randint(1, 12):02d}/{year}]], il est déjà retourné au curling.",
        f"Elle a accouché le [[date:{day} {month}]] à 31 semaines; la maman et le bébé vont bien.",
        f"Une charmante patiente de [[age:{age_old} ans]] m'a dit qu'elle conduit encore pour aller à la messe.",
        f"Mon patient de [[age:{age_old} ans]] m'a encore battu aux cartes aujourd'hui.",
        f"Carte RAMQ [[health_card:{ramq}]] visible sur la photo d'une ordonnance. Attention!",
        f"Le numéro de carte santé [[health_card:{pick(rng, OHIP)}]] était sur la page couverture de la télécopie.",
        f"NAS [[national_id:{pick(rng, SIN)[:3]} {pick(rng, SIN)[3:6]} {pick(rng, SIN)[6:]}]] aperçu dans un document numérisé partagé.",
        f"L'épouse du patient veut qu'on la rappelle au [[phone:{phone}]] au sujet du congé.",
        f"Le cellulaire de son fils est le [[phone:{phone}]] si l'équipe de nuit doit joindre la famille.",
        f"Le courriel de la patiente, [[email:{f.lower()}.{s.lower()}@videotron.ca]], était visible sur la capture d'écran.",
        f"Visite à domicile au [[address:{rng.randint(2, 999)}, {pick(rng, RUES)}]] ce matin; il ne sort plus depuis un an.",
        f"Le patient habite le code postal [[postal_code:{pick(rng, POSTAL)}]], à 300 km du centre de dialyse.",
        f"Dossier [[record_number:{rng.randint(1000000, 9999999)}]] : les résultats sont arrivés, à réviser.",
        f"No de dossier [[record_number:{rng.randint(100000, 999999)}]] à contresigner avant midi.",
        f"La patiente du [[room:lit {n}]] m'a demandé un ginger ale à 4 h et m'a raconté sa vie.",
        f"Le monsieur de la [[room:chambre {rng.randint(100, 899)}]] a joué du piano pour tout l'étage ce soir.",
        f"[[encounter:Ce soir à {service}, un homme de {age_young} ans de {ville}]] avec une simple entorse m'a appris la patience.",
        f"[[encounter:Cet après-midi à {service}, une femme de {age_young} ans de {ville} est arrivée]] après une heure de motoneige.",
        f"@{f.lower()}{rng.randint(1, 99)} [[medical_advice:vous devriez arrêter de prendre {med}]] en attendant vos analyses.",
        f"@{f.lower()}_{rng.randint(1, 99)} [[medical_advice:doublez votre dose de {med.split()[-1].lstrip('la').lstrip(chr(39))}]] pour quelques jours.",
        f"Je suis accro à mon [[commercial_interest:{brand}! Code promo DOC20 pour 20 % de rabais]].",
        f"[[commercial_interest:Je recommande le {brand} à tout le monde, lien dans ma bio]] pour l'offre.",
        f"@{s.lower()}_{rng.randint(1, 99)} [[heated:Espèce d'idiot]], tu n'as rien à dire sur les vaccins.",
        f"@{f.lower()}{rng.randint(1, 99)} [[heated:Ferme-la. Sérieusement, tu es une honte]] pour la profession.",
    ]
    negatives = [
        f"Félicitations à la {doc} pour sa nomination à l'Ordre du Canada!"
        if doc.startswith("Dre")
        else f"Félicitations au {doc} pour sa nomination à l'Ordre du Canada!",
        f"Ravis d'accueillir {'la' if doc.startswith('Dre') else 'le'} {doc} dans notre équipe en {month}.",
        f"Merci {'à la' if doc.startswith('Dre') else 'au'} {doc} pour sa présentation inspirante aux grandes tournées.",
        f"Réservez la date : notre soirée-bénéfice aura lieu le {day} {month} {rng.randint(2026, 2028)}.",
        f"La réunion clinique est déplacée au {day} {month}, 8 h, à l'amphithéâtre.",
        f"Ligne de rendez-vous de la clinique : {phone}. Appelez pendant les heures d'ouverture.",
        f"Pour un rendez-vous au GMF de {ville}, composez le {phone}.",
        f"Standard de l'hôpital : {phone}. En cas d'urgence, faites le 911.",
        f"En 2023, {rng.randint(2, 40)} % des aînés de 65 ans et plus ont fait une chute. La prévention compte.",
        f"La Santé publique confirme {rng.randint(10, 900)} nouveaux cas d'influenza cette semaine dans la région de {ville}.",
        f"Cas clinique : patient de {age_young} ans avec {pick(rng, ['fièvre et éruption', 'syncope', 'lombalgie', 'dyspnée'])}. Votre diagnostic différentiel?",
        f"Perle : chez les patients de plus de 90 ans, commencez bas et allez lentement avec {med}.",
        f"Rappel : n'arrêtez jamais {med} brusquement sans en parler à votre médecin.",
        f"Heureuse de participer au panel sur la santé en région au congrès de {ville} le mois prochain.",
        f"Notre nouvelle clinique de {pick(rng, ['diabète', 'MPOC', 'suivi de grossesse', 'mémoire'])} ouvre le {day} {month}. Références bienvenues.",
        f"Merci au Club Rotary de {ville} pour le financement de notre nouvel échographe!",
        f"Nouvelle étude : {med} a réduit les hospitalisations de {rng.randint(5, 30)} % chez {rng.randint(200, 9000)} patients.",
        f"@{f.lower()}{rng.randint(1, 99)} bonne question! Je vous suggère d'en parler à votre médecin de famille.",
        f"@{s.lower()}md merci du partage, c'est une ressource utile pour nos patients.",
        f"#pub En partenariat avec {brand.split()[0]} pour partager des conseils fondés sur les données. Partenariat rémunéré.",
        f"Notre bureau est situé au {rng.randint(10, 900)}, {pick(rng, RUES)}, à {ville}. Accessible en fauteuil roulant.",
        f"Joyeux {rng.randint(5, 40)}e anniversaire à notre clinique! Merci {ville}.",
        f"Des questions sur la vaccination? Écrivez à info@gmf{ville.lower().replace(' ', '').replace('-', '')}.ca.",
    ]
    return positives, negatives


def source_text(seed: int = 20261203, per_language: int = 130) -> str:
    rng = random.Random(seed)
    lines = ["# Generated by generate.py (do not edit by hand). Format: lang|kind|text"]
    seen = set()
    for language, make in (("en", english), ("fr", french)):
        index = 0
        while index < per_language:
            positives, negatives = make(rng)
            flagged = index % 2 == 0
            text = pick(rng, positives if flagged else negatives)
            if text in seen:
                continue
            seen.add(text)
            lines.append(f"{language}|{'flagged' if flagged else 'clean'}|{text}")
            index += 1
    return "\n".join(lines) + "\n"
