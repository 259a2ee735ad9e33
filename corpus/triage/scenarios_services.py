"""A ninth pass, written apart from the others from the services people must use rather than
choose: power, water and broadband, insurers and banks, councils and tax offices, transit
passes, libraries, universities and patients' portals. The writers are residents, students,
patients and the clerks who serve them; they name the meter, the claim, the permit or the
enrolment rather than the software, and most of what they send is calm and small. It leans
on the boundaries the others leave thin: a portal that misbehaves (bug) against a device,
browser or set-up on the writer's side (technical), a bill that is wrong (billing) against a
question about one, and getting in (account) against everything else. Few copies each."""

from scenarios import s

W = 4

SERVICES = [
    # ---------------------------------------------------------------- billing: money owed, paid, wrong
    s("billing", "MEDIUM", ["billing"], [
        ("Estimated bill far too high", "My electricity bill for October is 412 euros, based on an estimated reading. I sent the real meter reading (04512) on the 2nd and it is far lower. Please recalculate."),
        ("Water bill charged for the old flat", "I moved out on 30 June and gave you the final reading, but the July water bill still charges me for the old flat."),
        ("Premium taken twice this month", "My car insurance premium was taken twice by direct debit on the 1st. Please return one of the payments."),
    ], weight=W, i18n={
        "de": [("Abschlag viel zu hoch", "Meine Stromrechnung beruht auf einer Schätzung und ist viel zu hoch. Ich habe den Zählerstand am 2. gemeldet, bitte neu berechnen.")],
        "es": [("Factura estimada demasiado alta", "La factura de la luz de octubre se basa en una lectura estimada. Envié la lectura real y es mucho menor. Por favor, recalculen.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Change the direct debit date", "Could the monthly direct debit be taken on the 15th instead of the 1st? My salary comes mid-month."),
        ("Annual statement for my tax return", "Where can I get a statement of everything I paid last year? I need it for my tax return."),
        ("Pay the parking fine in instalments?", "Is it possible to pay the 180 euro fine in three parts? I can pay the first part today."),
        ("Copy of last year's receipts", "I need copies of my tuition fee receipts from last year for my employer, they reimburse part of it."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Changer la date du prélèvement", "Est-il possible que le prélèvement mensuel soit fait le 15 au lieu du 1er ? Mon salaire arrive en milieu de mois.")],
        "de": [("Jahresübersicht für die Steuererklärung", "Wo bekomme ich eine Übersicht aller Zahlungen des letzten Jahres? Ich brauche sie für die Steuererklärung.")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Disconnection notice although I paid", "I got a notice that my gas will be cut off on Thursday for an unpaid bill, but I paid it on the 3rd and have the bank confirmation. Please stop the disconnection."),
        ("Enrolment blocked over a fee I paid", "The university portal says my fee is unpaid and blocks my exam registration, which closes Friday. The bank transfer went out two weeks ago."),
    ], weight=W),
    s("billing", "MEDIUM", ["billing"], [
        ("Refund for the cancelled season ticket", "I returned my annual transit pass in March with 8 months left and was promised a refund. Nothing has arrived."),
        ("Deposit not returned", "The library card deposit of 20 euros was supposed to come back when I closed the card. It's been six weeks."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: getting in, whose account
    s("account", "MEDIUM", ["authentication"], [
        ("Can't sign in to the patient portal", "The patient portal says my date of birth and code don't match, but they are the ones in the letter from the clinic. I need to see my test results."),
        ("Activation letter code expired", "The activation code in the letter for the council tax account expired before it reached me. How do I get a new one?"),
        ("Student login locked", "My student account got locked after I mistyped the password a few times, and the unlock link in the email doesn't work."),
    ], weight=W, i18n={
        "fr": [("Impossible de me connecter au portail patient", "Le portail patient dit que ma date de naissance et le code ne correspondent pas, pourtant ce sont ceux de la lettre de la clinique.")],
        "es": [("Cuenta de estudiante bloqueada", "Mi cuenta de estudiante se bloqueó después de varios intentos y el enlace de desbloqueo del correo no funciona.")],
    }),
    s("account", "LOW", [], [
        ("Add my wife to the energy account", "Please add my wife as a second holder on our energy account so she can call about it too."),
        ("Change my name after marriage", "I got married and changed my surname. How do I update it on my insurance account?"),
        ("Close my late father's account", "My father passed away last month. What do I need to send to close his account?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Namensänderung nach der Heirat", "Ich habe geheiratet und einen neuen Nachnamen. Wie ändere ich ihn in meinem Versicherungskonto?")],
    }),
    s("account", "HIGH", ["authentication", "security"], [
        ("Someone changed my bank details on my account", "I got an email that my bank details were changed on my pension account, but I didn't do that. Please lock the account before the next payment on Monday."),
        ("Stranger logged in to my portal", "The portal shows a login from another country last night and my phone number was changed. It's not me."),
    ], weight=W),
    s("account", "MEDIUM", ["authentication"], [
        ("Verification SMS never comes", "When I sign in to online banking the confirmation text never arrives. I have signal and the number is right."),
        ("Can't pass the ID check", "The identity check keeps rejecting the photo of my passport, so I can't finish opening the account."),
    ], weight=W),

    # ---------------------------------------------------------------- bug: the portal itself is wrong
    s("bug", "MEDIUM", [], [
        ("Meter reading form rejects a valid reading", "The form says my reading 10234 is 'lower than the previous one' although the last reading on my bill is 10012. I tried three times."),
        ("Timetable shows trains that don't run", "Since your update the journey planner shows a 7:40 train on Sundays that doesn't exist. Two of us waited for it."),
        ("Claim form loses the attachments", "When I submit the claim form with photos of the damage, the confirmation lists no attachments, and your clerk says none arrived."),
    ], weight=W, i18n={
        "de": [("Zählerstand wird abgelehnt", "Das Formular lehnt meinen Zählerstand als 'kleiner als der vorherige' ab, obwohl er höher ist als auf der letzten Rechnung.")],
        "fr": [("Le formulaire de déclaration perd les pièces jointes", "Quand j'envoie la déclaration de sinistre avec les photos, la confirmation n'indique aucune pièce jointe.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Opening hours wrong on the website", "The branch page says the library closes at 18:00 on Saturdays, but the sign on the door says 14:00. Just so you know."),
        ("Date shown in US format", "The appointment confirmation shows 04/11 for 11 April. Confusing but I figured it out."),
        ("Button text cut off in Dutch", "In the Dutch version the 'Submit' button text is cut off halfway. It still works."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Horario incorrecto en la web", "La página de la biblioteca dice que cierra a las 18:00 los sábados, pero el cartel dice 14:00. Solo para que lo sepan.")],
    }),
    s("bug", "MEDIUM", ["ui"], [
        ("Payment page loops back to the basket", "Paying the permit fee: after I enter the card, the page goes back to the start and the fee is still open. Tried it on two computers."),
        ("Calendar won't let me pick next month", "When booking a vaccination slot, the arrow to next month does nothing, so I can only choose dates this week."),
    ], weight=W),
    s("bug", "HIGH", [], [
        ("Portal shows other people's letters", "When I open 'My documents' I see two letters addressed to someone else, with their address and account number."),
        ("Results published with the wrong names", "The exam results page lists my mark under another student's name and hers under mine. Results are final tomorrow."),
    ], weight=W),
    s("bug", "URGENT", [], [
        ("Nobody can top up their prepaid meter", "Since 7 this morning every top-up for prepaid meters fails at the last step, in the app and in shops. Households are running out of power tonight."),
        ("Ticket machines charge but print nothing", "All ticket machines on line 4 take the card payment and then print no ticket since this morning. Passengers are being fined."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: the writer's side
    s("technical", "LOW", [], [
        ("Card reader not found by the browser", "To sign the tax form I need the ID card reader, but the browser says no reader found. It's plugged in, is there a driver I need?"),
        ("PDF letters open blank", "The letters I download from the portal open as a blank page on my old tablet. On my laptop they are fine."),
        ("Which browsers does the portal support?", "The enrolment site looks odd on my computer at the library. Which browsers should I use?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Kartenleser wird nicht erkannt", "Zum Signieren brauche ich den Ausweisleser, aber der Browser findet ihn nicht. Er ist angeschlossen. Brauche ich einen Treiber?")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Smart meter stopped sending readings", "My smart meter hasn't sent a reading for three weeks. The display works. We changed our Wi-Fi router last month."),
        ("Broadband drops every evening", "My fibre connection drops every evening around 8 and comes back after a few minutes. The router lights go red."),
    ], weight=W, i18n={
        "es": [("La fibra se corta cada noche", "Mi conexión de fibra se cae todas las noches hacia las 8 y vuelve a los pocos minutos. Las luces del router se ponen rojas.")],
    }),
    s("technical", "MEDIUM", ["mobile"], [
        ("Banking app won't open on a rooted phone", "The banking app closes straight away on my phone. A friend says it's because I installed a custom ROM."),
        ("Transit app can't find my location", "The transit app says 'location unavailable' although location is on. Other map apps work."),
    ], weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("University emails go to spam", "Since the new term every email from the enrolment office lands in my Gmail spam folder, so I missed a deadline reminder."),
        ("Can't receive the council's e-bill", "I switched to paperless bills but my work email server blocks the messages as suspicious."),
    ], weight=W),
    s("technical", "HIGH", ["infrastructure"], [
        ("Clinic's booking kiosk offline since the move", "Our ward's check-in kiosk hasn't connected since facilities moved it to the new wing. Patients queue at the desk all morning."),
    ], weight=W),
    s("technical", "URGENT", ["networking", "infrastructure"], [
        ("Whole district without broadband", "No internet in the whole Nordstadt district since 6 am, all neighbours too. Shops can't take cards and my mother's alarm box is offline."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how, when, whether
    s("question", "LOW", [], [
        ("How long does a permit take?", "I applied for a parking permit on Monday. How long does it usually take to be approved?"),
        ("What documents do I need?", "What do I need to bring to register my new address, just my passport or also the rental contract?"),
        ("Can I borrow e-books from abroad?", "I'm spending the winter in Spain. Can I still borrow e-books with my library card from there?"),
        ("When is the next meter reading?", "When will your reader come to read the meter this year? I'd like to be home."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Quels documents faut-il ?", "Que dois-je apporter pour déclarer ma nouvelle adresse, seulement le passeport ou aussi le bail ?")],
        "es": [("¿Cuánto tarda un permiso?", "Solicité el permiso de aparcamiento el lunes. ¿Cuánto suele tardar la aprobación?")],
        "de": [("Wann kommt der Ableser?", "Wann kommt dieses Jahr der Zählerableser? Ich möchte gern zu Hause sein.")],
    }),
    s("question", "LOW", ["billing"], [
        ("How is the standing charge worked out?", "What exactly is the standing charge on my bill, and why is it the same when I use less?"),
        ("Does the student discount apply to me?", "I'm a part-time student. Do I get the reduced transit fare or is it only for full-time?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["authentication"], [
        ("Can I log in with the national e-ID?", "Can I use the national e-ID app to sign in instead of creating another password?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature: please make it possible
    s("feature", "LOW", [], [
        ("Let me send the reading by photo", "It would be easier if I could just take a photo of the meter in the app instead of typing the numbers."),
        ("Reminders before the book is due", "Please send a reminder two days before a loan is due. I always notice too late."),
        ("Wish: see all family members' appointments", "I manage appointments for my two children and my mother. One view for all of them would help a lot."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Zählerstand per Foto", "Es wäre einfacher, wenn ich in der App einfach ein Foto vom Zähler schicken könnte.")],
        "fr": [("Rappel avant la date de retour", "Merci d'envoyer un rappel deux jours avant la date de retour d'un prêt.")],
    }),
    s("feature", "LOW", ["mobile"], [
        ("Put the season ticket in the phone wallet", "Could the season ticket be added to Apple Wallet or Google Wallet? The app takes too long to open at the gate."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general: the relationship, not a fault
    s("general", "LOW", [], [
        ("Thank you to the nurse on the phone line", "Please pass my thanks to the nurse who answered the help line on Sunday night. She was very patient with my father."),
        ("Complaint about the engineer's visit", "The engineer who came to fit the meter left mud all over the hall and didn't say a word. Not acceptable."),
        ("Request for the data you hold on me", "Under the GDPR I'd like a copy of all the personal data you hold about me."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Agradecimiento a la enfermera", "Quiero dar las gracias a la enfermera que atendió la línea de ayuda el domingo por la noche. Fue muy paciente.")],
        "de": [("Auskunft über meine Daten", "Gemäß DSGVO bitte ich um eine Kopie aller personenbezogenen Daten, die Sie über mich speichern.")],
    }),
    s("general", "LOW", [], [
        ("Press enquiry about the tariff change", "I'm a reporter at the local paper writing about next year's tariffs. Who can I speak to for a comment?"),
        ("Our school would like a visit", "Our primary school would love a visit from your team to explain where our water comes from. Is that something you do?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Meant for the school office", "Sorry if this is the wrong address: my son Leo in class 3b is off sick today and won't be in."),
        ("Lost umbrella on the bus", "I left a green umbrella on the number 12 bus yesterday. Has anyone handed it in?"),
        ("Congratulations you won", "Dear winner, your email was selected in our international lottery. Send your bank details to claim the prize."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Parapluie oublié dans le bus", "J'ai oublié un parapluie vert dans le bus 12 hier. Quelqu'un l'a-t-il rapporté ?")],
    }),
]
