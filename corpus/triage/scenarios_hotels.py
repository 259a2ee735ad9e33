"""A twentieth pass, written apart from the others from the staff of small hotels and holiday
lets on a rented property-management system: receptionists at a busy desk, housekeepers
with the phone app, owners who do the books at night. It leans on the line between a setup
or connection problem on the hotel's side or between systems (technical) and the product
itself doing something wrong (bug), drawn as pairs over the same parts of the system: the
booking calendar, the channel sync with booking sites, key cards, guest emails, invoices and
reports. Few copies each."""

from scenarios import s

W = 4

HOTELS = [
    # ---------------------------------------------------------------- technical: connections, devices, the service as a whole
    s("technical", "URGENT", ["infrastructure"], [
        ("Can't check anyone in, system won't load", "The front desk screen just spins since 7am. We have a coach of 40 guests arriving at noon and can't check anyone in."),
        ("PMS down at all three of our hotels", "None of our three properties can open the reservations screen, it times out for everyone. Guests are queueing at reception."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "es": [("No podemos hacer check-in", "La pantalla de recepción no carga desde las 7. Llega un grupo de 40 huéspedes a mediodía y no podemos registrar a nadie.")],
        "de": [("System lädt nicht, kein Check-in möglich", "Seit 7 Uhr lädt die Rezeption nicht mehr. Mittags kommt eine Reisegruppe mit 40 Gästen.")],
    }),
    s("technical", "HIGH", ["api"], [
        ("Booking sites not syncing, rooms sold twice", "Since yesterday evening the availability is not going out to the booking sites. We already have two rooms sold twice for Saturday."),
        ("Channel sync stopped", "The channel connection shows 'last sync 14 hours ago'. New bookings from the big booking site are not arriving in the calendar."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Synchronisation des canaux arrêtée", "La synchronisation avec les sites de réservation ne se fait plus depuis hier soir. Deux chambres ont déjà été vendues deux fois.")],
    }),
    s("technical", "HIGH", ["networking"], [
        ("Key card encoder not connecting", "The key card machine at reception says 'no connection to server' so we can't make room keys. Staff are walking guests up with the master key."),
        ("Door keys can't be made since new router", "Since the internet company swapped our router, the card encoder can't reach your system. We cut no keys all morning."),
    ], weight=W),
    s("technical", "HIGH", ["networking", "infrastructure"], [
        ("Guest wifi down in the east wing", "Guests in rooms 201 to 230 have no wifi since last night, several have complained and one is checking out early."),
        ("wifi gone in half the building", "half the hotel has no internet for guests. the access points blink orange. conference group tomorrow"),
    ], weight=W, i18n={
        "de": [("Gäste-WLAN im Ostflügel ausgefallen", "Die Zimmer 201 bis 230 haben seit gestern Abend kein WLAN. Mehrere Gäste haben sich beschwert.")],
    }),
    s("technical", "MEDIUM", ["performance"], [
        ("Very slow at check-out time", "Every morning between 10 and 11 the system gets so slow that each check-out takes minutes. The rest of the day it is fine."),
        ("Reservations screen takes ages", "Opening a reservation takes 20 seconds or more on all our front desk PCs, it used to be instant."),
    ], weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("Our confirmation emails bounce", "Guests tell us they never get the booking confirmation, and some come back as 'rejected by policy'. We changed our domain last month."),
        ("Emails to guests land in spam", "Pre-arrival emails sent from our address go to the guests' spam. Do we need to add something to our domain settings?"),
    ], weight=W),
    s("technical", "MEDIUM", ["authentication"], [
        ("Microsoft login stopped working for staff", "Our IT changed something in our Microsoft accounts and now nobody can sign in to the PMS with them. Local passwords still work."),
        ("Single sign-on error after IT change", "Staff get 'invalid audience' when they log in through our company login since Monday."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["api"], [
        ("Export to our accounting software times out", "The nightly transfer of invoices to our accounting package fails with a timeout since we passed 5,000 invoices."),
        ("Accounting link failing", "The link to our bookkeeping tool stopped sending the day's payments. It says 'connection refused'."),
    ], logs=True, weight=W),
    s("technical", "LOW", [], [
        ("Receipt printer not found on new PC", "We replaced the reception computer and now the receipt printer doesn't show up in the PMS. The old PC printed fine."),
        ("Second screen at reception not detected", "The guest-facing screen at the desk stopped showing the registration card since we moved the desk."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug: the system itself wrong
    s("bug", "HIGH", ["ui", "database"], [
        ("Calendar shows booked room as free", "Room 12 is booked for the 14th to the 16th but the calendar shows it free, and the booking page let someone else book it."),
        ("Room shown available though occupied", "The room plan shows 104 as empty tonight although the guest checked in yesterday. Housekeeping almost went in."),
    ], weight=W, i18n={
        "es": [("El calendario muestra libre una habitación reservada", "La habitación 12 está reservada del 14 al 16 pero el calendario la muestra libre y alguien más pudo reservarla.")],
    }),
    s("bug", "MEDIUM", ["billing"], [
        ("Tourist tax added twice on invoices", "Every invoice since the update lists the city tax twice, so guests are overcharged at check-out and we correct by hand."),
        ("Invoice total wrong with a discount", "When a reservation has a 10% discount, the invoice shows the right lines but the total ignores the discount."),
    ], weight=W, i18n={
        "de": [("Kurtaxe doppelt auf Rechnungen", "Seit dem Update steht die Kurtaxe auf jeder Rechnung zweimal. Wir korrigieren es von Hand.")],
    }),
    s("bug", "MEDIUM", ["mobile"], [
        ("Housekeeping app closes when marking room clean", "When the housekeepers tap 'clean' on a room the app closes and the room stays dirty on the plan."),
        ("Cleaning app freezes", "The housekeeping app freezes on the room list since the last update, Android and iPhone both."),
    ], weight=W, i18n={
        "fr": [("L'appli ménage se ferme", "Quand les femmes de chambre marquent une chambre comme propre, l'application se ferme et la chambre reste sale sur le plan.")],
    }),
    s("bug", "MEDIUM", ["email"], [
        ("Confirmation email shows wrong check-in time", "The booking confirmation tells guests check-in is from 10am. Our settings say 3pm and the website says 3pm."),
        ("Guests get someone else's name in the email", "Two guests today got a pre-arrival email greeting them with another guest's first name."),
    ], weight=W),
    s("bug", "MEDIUM", [], [
        ("Revenue report doesn't match night audit", "The monthly revenue report is 1,240 EUR lower than the sum of our night audits for October."),
        ("Occupancy report counts cancelled rooms", "The occupancy report includes bookings that were cancelled, so it says 95% when we were at 70%."),
    ], weight=W),
    s("bug", "MEDIUM", ["ui"], [
        ("Check-out button greyed out", "For guests who paid a deposit the check-out button is greyed out, so we can't close their stay."),
        ("Can't save a reservation with a child", "Adding a child to a reservation and pressing save shows a red bar with no message and nothing is saved."),
    ], weight=W),
    s("bug", "HIGH", ["database"], [
        ("Guest notes disappear after editing a booking", "When we change the dates of a reservation, all the notes on it vanish: allergies, late arrival, everything."),
        ("Changes to bookings lost", "Date changes we make to reservations revert back the next day. We have had three guests arrive on the wrong date."),
    ], weight=W),
    s("bug", "LOW", ["ui"], [
        ("Accents garbled on registration card", "Names with accents print as strange symbols on the registration card, like 'JosÃ©'."),
        ("Room plan colours swapped", "On the room plan the legend says green is clean but clean rooms show in yellow. Confusing for new staff."),
    ], can_escalate=False, weight=W),
    s("bug", "URGENT", ["security"], [
        ("We can see another hotel's guests", "Since this morning our reception can search and open guests of a hotel we don't own, with passports and phone numbers."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wir sehen Gäste eines fremden Hotels", "Seit heute früh kann unsere Rezeption Gäste eines fremden Hotels öffnen, mit Ausweisnummern und Telefonnummern.")],
    }),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I set a minimum stay for the holidays?", "How can I set a three-night minimum over Christmas without changing the rest of the year?"),
        ("Where is the night audit report?", "Where do I find the night audit report? The new menu has moved things around."),
        ("Can two rooms share one booking?", "Can a family book two connecting rooms under one reservation and one invoice?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Cómo pongo una estancia mínima?", "¿Cómo puedo poner un mínimo de tres noches en Navidad sin cambiar el resto del año?")],
    }),
    s("question", "LOW", ["email"], [
        ("Can pre-arrival emails go out automatically?", "Is it possible to send the pre-arrival email three days before check-in automatically?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["security", "billing"], [
        ("Who keeps the guests' card numbers?", "When a guest pays by card at check-in, is the card number kept by you or only by the payment company?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account
    s("account", "HIGH", ["security"], [
        ("Former manager still has access", "Our manager left on bad terms on Friday and can still log in to the PMS from home. Please block her account now."),
    ], can_escalate=False, weight=W),
    s("account", "MEDIUM", ["authentication"], [
        ("Locked out before my shift", "I typed my password wrong too many times and now I'm locked out. My night shift starts at 10."),
        ("Reset link never arrives", "I asked for a password reset three times today and no email came."),
    ], can_escalate=False, weight=W),
    s("account", "LOW", [], [
        ("Login for a new receptionist", "We have a new receptionist starting Monday. How do I give her her own login with front desk rights only?"),
        ("Change the owner on our account", "We sold the guesthouse in September. The new owner needs to take over the account."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", ["ui"], [
        ("Housekeeping view by floor", "It would help a lot if the housekeeping list could be sorted by floor instead of by room number."),
        ("Colour for VIP guests", "Could you add a way to mark VIP guests with a colour on the room plan?"),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["api"], [
        ("Connect our door lock brand", "Do you plan to support our door lock make? We'd like keys to be made from the booking automatically."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Compatibilité avec nos serrures", "Prévoyez-vous de prendre en charge notre marque de serrures ? Nous aimerions créer les clés depuis la réservation.")],
    }),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Charged for 40 rooms, we have 32", "Our subscription invoice charges for 40 rooms. We only have 32 and never had more."),
        ("Price went up without notice", "This month's invoice for the PMS is 30% higher and nobody told us about a price change."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general and other
    s("general", "LOW", [], [
        ("Thanks for the training day", "The training session last week was really useful for our new staff. Could we book another one for spring?"),
        ("Happy after the first season", "First summer on your system. Bookings went smoothly, thank you to the team who set us up."),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("Guest left a laptop in a room", "A guest left a laptop in room 8. Is this something your system can help us trace, or should we just call them?"),
        ("Recommend a cleaning agency?", "Do you know a good agency for extra cleaning staff in the summer? We are in Cornwall."),
    ], can_escalate=False, weight=W),
]
