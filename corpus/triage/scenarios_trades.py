"""A sixth pass, written apart from the others from the trades our users serve: clinics and
schools, shops and warehouses, restaurants and hotels, agencies, factories and charities.
Each scenario is the kind of ticket that trade sends, in its own words (appointments,
rosters, pick lists, covers, gift aid), so the model learns what a ticket is about from
vocabulary the earlier passes never used. Few copies each."""

from scenarios import s

W = 4

TRADES = [
    # ---------------------------------------------------------------- bug
    s("bug", "MEDIUM", [], [
        ("Appointments double booked", "The calendar lets two patients be booked into the same 10:30 slot with Dr. Haas. It should block the second one, it used to."),
        ("Recurring booking skips weeks", "A weekly appointment created for every Tuesday only shows up every other Tuesday in the diary."),
        ("Reminder sent for cancelled visit", "Patients whose appointment we cancelled still get the reminder text the day before."),
    ], weight=W, i18n={
        "de": [("Termine doppelt vergeben", "Der Kalender erlaubt zwei Patienten im selben Termin um 10:30. Früher wurde das blockiert.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Grades rounded wrong", "The gradebook rounds 89.5 down to 89 on the report card but up to 90 on the teacher view."),
        ("Attendance resets at midnight", "Register marks made in the evening class vanish after midnight and the students show as absent."),
        ("Assignment due date ignores time zone", "Homework due at 23:59 closes at 22:59 for our students, an hour early."),
    ], weight=W, i18n={
        "fr": [("Notes mal arrondies", "Le carnet de notes arrondit 14,5 à 14 sur le bulletin mais à 15 dans la vue enseignant.")],
    }),
    s("bug", "HIGH", [], [
        ("Stock counts go negative", "Since the update, selling the last item doesn't stop the shop: stock goes to -3 and we oversell. We've had to refund 20 orders today."),
        ("Pick list missing items", "The pick list printed for the warehouse leaves out every second line of multi-item orders, so parcels go out incomplete all day."),
    ], weight=W),
    s("bug", "MEDIUM", ["ui"], [
        ("Table plan doesn't save", "In the restaurant floor plan, moving a table and pressing save puts it back where it was."),
        ("Receipt printout cut off", "The right side of the till receipt is cut off, prices are missing the last digit."),
        ("Room grid shows wrong dates", "The hotel room grid header says March while the bookings in it are for April."),
    ], weight=W, i18n={
        "es": [("El plano de mesas no se guarda", "En el plano del restaurante, muevo una mesa, guardo, y vuelve a su sitio.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Icon misaligned on the roster", "On the staff roster the little clock icon sits a few pixels below the shift name. Only cosmetic."),
        ("Typo in the booking confirmation", "The confirmation page says 'Your booking is confimred'. Small thing."),
    ], can_escalate=False, weight=W),
    s("bug", "URGENT", [], [
        ("Payroll run pays everyone twice", "Today's payroll run sent every employee's salary twice to their bank. 180 people, the bank transfer goes out at 16:00, we need to stop it now."),
        ("Orders from the website are lost", "Since 9 am orders placed on our web shop are confirmed to customers but never appear in the back office. We can't ship anything."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("Driver app shows yesterday's route", "Our delivery drivers open the app in the morning and it still shows yesterday's stops until they force close it."),
        ("Scanner app beeps but doesn't record", "The barcode scanner in the Android app beeps on a scan but the item isn't added to the count."),
    ], weight=W),
    s("bug", "MEDIUM", ["database"], [
        ("Duplicate customers after import", "Importing our guest list created each guest twice, and merging them loses their stay history."),
        ("Report totals don't match the ledger", "The monthly sales report is 312 euros lower than the sum of the ledger entries for the same month."),
    ], weight=W),

    # ---------------------------------------------------------------- technical
    s("technical", "MEDIUM", ["api"], [
        ("Shopify sync stuck", "Products changed in Shopify haven't reached your system since Sunday. The integration page says last sync 3 days ago."),
        ("Accounting export to Xero fails", "The nightly push of invoices to Xero fails with 'token expired' even after we reconnected it."),
        ("Calendar feed not updating in Outlook", "We subscribed to the bookings calendar in Outlook and it stopped refreshing a week ago."),
    ], weight=W, i18n={
        "de": [("Shopify-Abgleich hängt", "Änderungen an Produkten in Shopify kommen seit Sonntag nicht mehr bei Ihnen an.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Terminals offline in one branch", "The card terminals and tills in our Leeds branch can't reach your servers, other branches are fine. Their internet works."),
        ("Kiosk can't connect behind our firewall", "The self check-in kiosk shows 'connection failed'. Our IT says the firewall only allows listed domains, which ones do we need?"),
    ], weight=W),
    s("technical", "MEDIUM", [], [
        ("Label printer prints blank labels", "Our Zebra label printer prints blank labels from the shipping screen. Test page from Windows is fine."),
        ("Receipt printer not found", "After moving the till to a new PC the receipt printer isn't found anymore. Which driver do we need?"),
        ("Barcode scanner types wrong characters", "The USB scanner enters 'é' instead of '2' in the product search. It's set up as a keyboard."),
    ], weight=W, i18n={
        "fr": [("L'imprimante d'étiquettes imprime des étiquettes vides", "Notre imprimante Zebra sort des étiquettes blanches depuis l'écran d'expédition.")],
    }),
    s("technical", "HIGH", ["email"], [
        ("Booking confirmations bounce for Gmail guests", "Every confirmation to a gmail.com address bounces since we changed our domain. Guests think their booking failed and call the front desk all day."),
        ("Our sending domain was blocked", "Mails from our shop to customers are rejected as spam since this morning, order confirmations included."),
    ], weight=W),
    s("technical", "MEDIUM", ["authentication"], [
        ("Azure AD sign-in for the school", "We want staff to sign in with their school Microsoft accounts. The SAML setup gives 'AADSTS50011 reply URL mismatch'."),
        ("Google Workspace login for the clinic", "Staff get 'access blocked: app not approved' when they try to sign in with our Google Workspace accounts."),
    ], weight=W),
    s("technical", "URGENT", ["infrastructure"], [
        ("All tills down in every store", "None of our 14 stores can take payments, the till software can't reach your service since 11:20. Queues at every checkout."),
        ("Hospital ward screens show no data", "The ward dashboards in all three hospitals stopped loading patient lists an hour ago. Nurses are working from paper."),
    ], can_escalate=False, weight=W),
    s("technical", "MEDIUM", ["performance"], [
        ("End of day close takes an hour", "Closing the day on the till used to take a minute, now it runs for about an hour and blocks the register."),
        ("Timetable generation never finishes", "Generating next term's timetable has been running since yesterday and is still at 40%."),
    ], weight=W),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Charged for a location we closed", "We closed our second shop in September but you still bill us for two locations."),
        ("Seats billed for staff who left", "Two teachers left in July and we deactivated them, yet the invoice still counts 32 seats."),
        ("Per-room price wrong", "We have 18 rooms but the invoice charges for 24."),
    ], weight=W, i18n={
        "es": [("Nos cobran un local cerrado", "Cerramos la segunda tienda en septiembre pero nos siguen cobrando dos locales.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Purchase order number on invoices", "Our council needs the PO number 4500123 on every invoice. Where do we add it?"),
        ("Receipts for expense claims", "Can I get a receipt for each monthly payment? Our bookkeeper wants them for the expense claims."),
        ("Paying by bank transfer", "Can we pay yearly by bank transfer instead of card? Our school can't use credit cards."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Bestellnummer auf der Rechnung", "Unsere Gemeinde braucht die Bestellnummer auf jeder Rechnung. Wo tragen wir sie ein?")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Direct debit failed, account suspended", "Our direct debit bounced because the bank changed our IBAN, and now the whole clinic is locked out. We've sent the new mandate."),
        ("Card payouts not reaching us", "Card payments taken at our restaurant over the weekend haven't been paid out to our bank, about 9,000 euros. Rent is due."),
    ], weight=W),
    s("billing", "MEDIUM", ["billing"], [
        ("Gift aid claim wrong", "The gift aid report adds tax relief on donations from donors who never signed a declaration."),
        ("Charity discount not applied", "We were approved for the charity discount but the last invoice is at the full price."),
    ], weight=W),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Head teacher locked out", "Our head teacher entered the wrong code too often and is locked out. She's the only admin."),
        ("New phone, no authenticator", "I got a new phone and the authenticator codes are gone. How do I get back into my account?"),
        ("Front desk account disabled", "The shared front desk login was disabled overnight and the morning shift can't check guests in."),
    ], weight=W, i18n={
        "fr": [("Nouveau téléphone, plus de codes", "J'ai changé de téléphone et je n'ai plus les codes de l'application d'authentification.")],
    }),
    s("account", "LOW", [], [
        ("Add a new nurse to the team", "Please add our new nurse Tomás to the ward team with the same rights as the others."),
        ("Transfer ownership to the new manager", "I'm leaving the restaurant at the end of the month. Please make Chloé the account owner."),
        ("Rename our school", "Our school merged and has a new name. Can the account name be changed?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Kontoinhaber ändern", "Ich verlasse den Betrieb Ende des Monats. Bitte machen Sie Frau Keller zur Kontoinhaberin.")],
        "es": [("Cambiar el titular de la cuenta", "Dejo el restaurante a fin de mes. Por favor, pongan a Lucía como titular de la cuenta.")],
    }),
    s("account", "MEDIUM", [], [
        ("Close our account and delete our data", "We've sold the shop. Please close the account and delete all customer data, and confirm in writing."),
        ("Export everything before we leave", "We're moving to another system at the end of the term. How do we get all our pupils' records out first?"),
    ], weight=W),
    s("account", "HIGH", ["security"], [
        ("Former employee still logging in", "A waiter we let go last week still logs into the till app from home. Please cut him off and tell us what he looked at."),
        ("Someone changed our payout bank account", "Someone logged in as our manager and changed the bank account for payouts. She didn't do it."),
    ], weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Waiting list for full classes", "It would help a lot if parents could join a waiting list when a class is full, and get a place when one frees up."),
        ("Allergens on the menu", "Could you add allergen icons to dishes on the online menu? Guests ask every day."),
        ("Split a bill between guests", "Please let us split one table's bill across several cards at the till."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Liste d'attente pour les cours complets", "Ce serait bien que les parents puissent s'inscrire sur une liste d'attente quand un cours est complet.")],
        "de": [("Rechnung aufteilen", "Bitte ermöglichen Sie es, die Rechnung eines Tisches auf mehrere Karten aufzuteilen.")],
    }),
    s("feature", "LOW", [], [
        ("Loyalty stamps", "A simple stamp card in the app, ten coffees and the eleventh free, would bring our regulars back."),
        ("Shift swap requests", "We'd love staff to be able to request a shift swap in the roster and have a manager approve it."),
        ("Bulk price change", "Is a bulk edit for prices on the roadmap? Changing 600 products one by one takes days."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Intercambio de turnos", "Nos gustaría que el personal pudiera pedir un cambio de turno y que un responsable lo apruebe.")],
    }),
    s("feature", "LOW", ["mobile"], [
        ("Offline mode for the inspection app", "Our inspectors work in basements without signal. An offline mode that syncs later would be a big improvement."),
        ("Tablet layout for the waiters", "The waiter app on tablets is just the phone layout stretched. A proper tablet view would be nice."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["api"], [
        ("Webhook when a booking is cancelled", "We'd like a webhook when a guest cancels, so our channel manager can release the room."),
        ("API for attendance", "Is there any plan to expose attendance records through the API? We'd feed them into our own reports."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I set opening hours for holidays?", "We close early on Christmas Eve. Where do I set special opening hours for one day?"),
        ("Where do I see no-shows?", "Is there a report of patients who didn't turn up to their appointment last month?"),
        ("Can parents see homework?", "Do parents get their own login to see their child's homework, or only the students?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Cómo pongo el horario de festivos?", "Cerramos antes en Nochebuena. ¿Dónde se configura un horario especial para un día?")],
        "fr": [("Où voir les rendez-vous manqués ?", "Existe-t-il un rapport des patients qui ne sont pas venus à leur rendez-vous le mois dernier ?")],
    }),
    s("question", "LOW", [], [
        ("Difference between archive and delete", "What happens to a product's sales history if I archive it instead of deleting it?"),
        ("How many users can the starter plan have?", "Before we sign up: is the starter plan limited in staff accounts, and can we add more later?"),
        ("Which card readers work with you?", "We're opening a café. Which card readers are supported?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Welche Kartenlesegeräte?", "Wir eröffnen ein Café. Welche Kartenterminals werden unterstützt?")],
    }),
    s("question", "LOW", [], [
        ("Is patient data stored in the EU?", "Our privacy officer asks where patient records are hosted and whether backups leave the EU."),
        ("Do you keep a log of who changed a record?", "If a grade is changed, can we see who changed it and when?"),
    ], can_escalate=False, weight=W),
    s("question", "MEDIUM", [], [
        ("How do we move guests to another room?", "A pipe burst in room 12. How do I move tonight's booking to room 15 without cancelling it?"),
        ("Correct a sale that was already closed", "The till closed the day with a wrong sale in it. How do we correct it before the accountant's export tomorrow?"),
    ], weight=W),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Thanks for the quick help with the tills", "Your colleague on the phone got all four tills running again before lunch service. Much appreciated."),
        ("Feedback from our teachers", "After one term our teachers find the gradebook much easier than the old system. The parent app could be clearer."),
        ("Praise for the onboarding", "The onboarding sessions for our nurses were excellent. Please thank Anouk."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Merci pour l'aide rapide", "Votre collègue a remis nos quatre caisses en marche avant le service du midi. Merci beaucoup.")],
        "de": [("Lob für die Einführung", "Die Schulungen für unsere Pflegekräfte waren ausgezeichnet. Bitte richten Sie Anouk unseren Dank aus.")],
    }),
    s("general", "LOW", [], [
        ("Renewal for next school year", "We'd like to renew for the next school year and add a second campus. Who should we talk to?"),
        ("Tender documents", "Our hospital trust is running a tender. Can you send your security questionnaire answers and references?"),
        ("Reference call", "A chain of hotels is considering you and asked if they could call us. Is that OK with you, and what should we say?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Renovación para el próximo curso", "Queremos renovar para el próximo curso y añadir un segundo campus. ¿Con quién hablamos?")],
    }),
    s("general", "LOW", [], [
        ("Training day for new staff", "Could you run a training day for our 12 new staff in January? We'd pay for it."),
        ("Invitation to our open day", "We're holding an open day for other restaurants in the area and would like you to present."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("Table for four on Saturday", "Hi, I'd like to book a table for four on Saturday at 8pm please."),
        ("My prescription", "Hello, is my prescription ready to pick up at the pharmacy?"),
        ("Question about my son's grades", "Why did my son get a C in maths? I want to talk to his teacher."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Mesa para cuatro el sábado", "Hola, quería reservar una mesa para cuatro el sábado a las 20:00.")],
        "fr": [("Ma commande de pizza", "Bonjour, ma pizza n'est toujours pas arrivée, ça fait une heure.")],
    }),
    s("other", "LOW", [], [
        ("Guest post on your blog", "I write about hospitality tech and would like to publish a guest article on your blog, with one link."),
        ("Cheap office furniture", "We sell refurbished office chairs at half price. Interested in a catalogue?"),
        ("Automatic reply: on leave", "Thank you for your message. I am on parental leave until March and will not read email."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Automatische Antwort: im Urlaub", "Vielen Dank für Ihre Nachricht. Ich bin bis zum 12. im Urlaub und lese keine E-Mails.")],
    }),
]
