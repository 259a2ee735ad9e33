"""A twenty-third pass, written apart from the others from the people of small medical,
dental and physiotherapy practices on rented practice software, and from their patients on
its portal: receptionists booking appointments, doctors writing notes between patients,
practice managers doing the claims, patients who cannot read their results. They name
appointments, recalls, lab results, prescriptions, claims and the practice's own PCs,
scanners and phones. It leans on the line between the practice's own machines, network and
links to labs and insurers (technical) and the software itself doing something wrong (bug),
and on patients' questions, wishes and stray messages. Few copies each."""

from scenarios import s

W = 4

CLINICS = [
    # ---------------------------------------------------------------- technical: the practice's machines, network and links
    s("technical", "URGENT", ["infrastructure"], [
        ("Whole practice can't open patient records", "Since 8 this morning none of the five consultation rooms can open a patient file, it just spins. We have a full waiting room."),
        ("Nothing loads for any of our doctors", "The practice software doesn't load on any PC at either of our two sites. The doctors are writing on paper."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "de": [("Keine Patientenakte lässt sich öffnen", "Seit 8 Uhr kann keines unserer fünf Sprechzimmer eine Patientenakte öffnen. Das Wartezimmer ist voll.")],
        "es": [("No se abre ninguna historia clínica", "Desde las 8 ninguna de las cinco consultas puede abrir la ficha de un paciente. La sala de espera está llena.")],
    }),
    s("technical", "HIGH", ["api"], [
        ("Lab results not coming in", "Since Tuesday no blood results from the lab arrive in the patient files. The lab says they send them as usual."),
        ("Link to the lab stopped", "The lab interface shows 'last message received 3 days ago'. The lab changed their server at the weekend."),
    ], logs=True, weight=W, i18n={
        "fr": [("Les résultats du labo n'arrivent plus", "Depuis mardi aucun résultat d'analyse n'arrive dans les dossiers. Le laboratoire dit qu'il les envoie comme d'habitude.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Treatment room PC can't reach the server", "The PC in room 3 says 'database server not found' since we moved it to the new room. The other rooms are fine."),
        ("Scanner at reception not connecting", "The document scanner at reception can't send scans to the software any more after our IT person changed the network."),
    ], weight=W, i18n={
        "de": [("PC im Behandlungsraum findet den Server nicht", "Der PC in Raum 3 meldet 'Datenbankserver nicht gefunden', seit wir ihn in den neuen Raum gestellt haben.")],
    }),
    s("technical", "MEDIUM", ["email"], [
        ("Appointment reminders go to spam", "Patients say our reminder emails land in their spam folder. We send them from our own practice address. Is there a setting on our domain?"),
        ("Reminder texts not sent since new number", "We changed our practice phone number and since then patients get no reminder texts at all."),
    ], weight=W),
    s("technical", "MEDIUM", ["authentication"], [
        ("Smart card reader not recognised", "The health card reader isn't recognised after the Windows update on the reception PC, so we can't read patients' cards."),
        ("Doctors can't sign prescriptions with their card", "Our two doctors get 'certificate not found' when signing e-prescriptions since their new cards arrived."),
    ], logs=True, weight=W),
    s("technical", "LOW", [], [
        ("Label printer prints blank labels", "The sample label printer prints blank labels since we changed the roll. Is there a setting for the label size?"),
        ("Second monitor on the dentist's PC", "How do we get the X-ray viewer onto the second screen in the surgery? It always opens on the main one."),
    ], can_escalate=False, weight=W),
    s("technical", "MEDIUM", ["performance"], [
        ("Very slow on Monday mornings", "Every Monday between 8 and 10 the software crawls, booking an appointment takes a minute. We have the phones ringing nonstop then."),
    ], weight=W),

    # ---------------------------------------------------------------- bug: the software itself wrong
    s("bug", "URGENT", ["database"], [
        ("Allergies missing from patient files", "Since the update last night the allergy list is empty in patient files that definitely had allergies. A doctor nearly prescribed penicillin to an allergic patient."),
        ("Wrong patient's notes shown", "When I open a patient after searching, it sometimes shows the notes of the patient I had open before, under the new name."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Allergien fehlen in den Akten", "Seit dem Update gestern Abend ist die Allergieliste in Akten leer, die sicher Allergien hatten. Fast wäre Penicillin verschrieben worden.")],
    }),
    s("bug", "HIGH", ["ui", "database"], [
        ("Double bookings in the calendar", "The calendar lets two patients be booked in the same slot for the same doctor since the update, and shows only one of them."),
        ("Appointments moved to the wrong day", "Appointments booked through the portal appear one day later in our calendar. Patients are turning up when we don't expect them."),
    ], weight=W, i18n={
        "es": [("Citas dobles en la agenda", "Desde la actualización la agenda deja citar a dos pacientes a la misma hora con el mismo médico y solo muestra uno.")],
    }),
    s("bug", "MEDIUM", ["billing"], [
        ("Claims rejected for a wrong code", "Every insurance claim since Monday is rejected because the software sends the old treatment code, even though we picked the new one."),
        ("Invoice shows the fee twice", "Patient invoices for physiotherapy list the session fee twice when there is a follow-up on the same day."),
    ], weight=W, i18n={
        "fr": [("Factures avec la séance en double", "Les factures des patients affichent la séance deux fois quand il y a un suivi le même jour.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Recall letters not generated", "The yearly check-up recall letters were not created for anyone this month. The recall list shows them as due."),
        ("Note template loses the last paragraph", "When I save a note from the template the last paragraph disappears. Typing the same thing by hand works."),
    ], weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("Portal app shows no appointments", "In the patient app my appointment list is empty, but I got a reminder for tomorrow. On the website I can see it."),
        ("App closes when I upload a photo", "The patient app closes every time I try to attach a photo of my rash for the doctor."),
    ], weight=W, i18n={
        "de": [("App zeigt keine Termine", "In der Patienten-App ist meine Terminliste leer, obwohl ich eine Erinnerung für morgen bekommen habe.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Date of birth shown the American way", "Since the update the portal shows dates of birth as month/day, so 03/04 is confusing our patients."),
        ("Button text overlaps on the booking page", "On the booking page the 'Confirm' button text runs over its edge on small phones."),
    ], can_escalate=False, weight=W),
    s("bug", "URGENT", ["security"], [
        ("Patients can read other patients' results", "A patient called to say she could open someone else's blood test in the portal by changing the number in the address bar."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Un patient voit les résultats d'un autre", "Une patiente nous dit qu'elle peut ouvrir les analyses d'un autre patient sur le portail en changeant le numéro dans l'adresse.")],
    }),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Charged for a third doctor we don't have", "Our monthly invoice charges for three doctor licences. We have two doctors and a nurse."),
        ("Direct debit taken twice", "The subscription was taken twice from our practice account this month."),
    ], can_escalate=False, weight=W),
    s("billing", "LOW", ["billing"], [
        ("Invoice with our new practice name", "We renamed the practice after the merger. Can next year's invoices show the new name?"),
        ("Price for an extra site", "What would it cost to add our second location with two more treatment rooms?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Factura con el nuevo nombre", "Cambiamos el nombre de la consulta tras la fusión. ¿Pueden salir las próximas facturas con el nombre nuevo?")],
    }),

    # ---------------------------------------------------------------- account
    s("account", "HIGH", ["security"], [
        ("Locum still has access after leaving", "A locum doctor finished with us last month and can still log in and see patient files. Please close his access today."),
    ], can_escalate=False, weight=W),
    s("account", "MEDIUM", ["authentication"], [
        ("Patient can't log in to the portal", "I can't get into the patient portal, it says my date of birth doesn't match, but it's right."),
        ("Reset code never arrives", "I asked for a code to reset my portal password three times and no text came."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Kein Zugang zum Patientenportal", "Ich komme nicht ins Patientenportal, es heißt, mein Geburtsdatum stimmt nicht, aber es ist richtig.")],
    }),
    s("account", "LOW", [], [
        ("Access for my elderly father", "How can I manage my father's appointments in the portal? He agreed but can't use a phone."),
        ("New receptionist login", "We have a new receptionist from Monday. Please set her up with booking rights but no clinical notes."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I cancel an appointment online?", "Can I cancel my physio appointment in the portal, or do I have to call?"),
        ("Where do I see my results?", "The doctor said my results are ready. Where in the app do I find them?"),
        ("Can the calendar block school holidays?", "Is there a way to block a doctor's calendar for the school holidays in one go?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Comment annuler un rendez-vous en ligne ?", "Est-ce que je peux annuler mon rendez-vous de kiné sur le portail, ou faut-il appeler ?")],
    }),
    s("question", "LOW", ["security"], [
        ("Who can see my notes?", "Can the receptionist read what the doctor writes about me, or only the doctor?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Waiting list for cancellations", "It would be great if patients could join a waiting list and get offered a slot when someone cancels."),
        ("Online booking for group classes", "Could you add booking for our group pilates classes, with a limit of eight places?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Lista de espera para cancelaciones", "Sería genial que los pacientes pudieran apuntarse a una lista de espera y recibir una cita cuando alguien cancela.")],
    }),
    s("feature", "LOW", ["mobile"], [
        ("Video consultations in the app", "Any plans for video appointments inside the patient app? Our patients in the villages would love it."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general and other
    s("general", "LOW", [], [
        ("Thank you for the quick migration", "We moved from our old system last month and your team made it painless. Thanks."),
        ("Your holiday support hours?", "Will your support line be open between Christmas and New Year? We are open on the 27th."),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("I need a sick note", "I'm ill and need a sick note for work, can you send one?"),
        ("Looking for a dentist near me", "Can you recommend a dentist in Leeds who takes new patients?"),
        ("wrong practice", "sorry this was meant for my GP, please ignore"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Ich brauche eine Krankmeldung", "Ich bin krank und brauche eine Krankmeldung für meinen Arbeitgeber. Können Sie mir eine schicken?")],
    }),
]
