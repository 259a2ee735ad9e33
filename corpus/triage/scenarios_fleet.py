"""A twenty-first pass, written apart from the others from the people who run vans and trucks
on a rented fleet-management service: dispatchers watching the live map, drivers with the
phone app, a workshop manager, and the owner who pays the bill. It leans on three lines the
corpus blurs: a tracker, phone or link that cannot reach the service (technical) against the
service computing or showing something wrong (bug); how to do something (question) against
trying it and failing (technical); and a driver's access (account) against a note about the
team (general). Few copies each."""

from scenarios import s

W = 4

FLEET = [
    # ---------------------------------------------------------------- technical: trackers, phones and links that cannot reach the service
    s("technical", "URGENT", ["infrastructure"], [
        ("Live map empty for the whole fleet", "Since 6am the live map shows none of our 60 vans. Dispatch can't see who is where and the morning deliveries are going out blind."),
        ("Nothing loads, dispatch is stuck", "The fleet site won't load at all for any of our dispatchers, just a gateway error. We plan 200 drops a day from it."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "de": [("Live-Karte für die ganze Flotte leer", "Seit 6 Uhr zeigt die Live-Karte keines unserer 60 Fahrzeuge. Die Disposition fährt blind.")],
        "es": [("No carga nada, la flota parada", "La web de la flota no carga para ningún despachador desde esta mañana, solo un error de puerta de enlace.")],
    }),
    s("technical", "HIGH", ["networking"], [
        ("Ten trackers stopped reporting", "Ten of our trackers have sent nothing since Tuesday. They have power, the light is on, but no positions come through."),
        ("Trackers offline after SIM change", "We moved the trackers to new SIM cards from another network and since then half of them show 'offline'."),
    ], weight=W),
    s("technical", "MEDIUM", ["mobile"], [
        ("Driver app won't sync jobs", "The drivers' app shows yesterday's jobs and won't pull today's, even on good signal. Logging out and in didn't help."),
        ("Proof-of-delivery photos stuck uploading", "Photos taken in the driver app stay on 'uploading' all day and only go through when the driver is back on the depot wifi."),
    ], weight=W, i18n={
        "fr": [("L'appli chauffeur ne synchronise pas", "L'application des chauffeurs affiche les tournées d'hier et ne récupère pas celles d'aujourd'hui, même avec du réseau.")],
    }),
    s("technical", "MEDIUM", ["api"], [
        ("Hours feed to payroll failing", "The link that sends driving hours to our payroll system fails every night with 'unauthorized' since we renewed the key."),
        ("Fuel card import errors", "The import from our fuel card company stopped on the 3rd with a certificate error in the log."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["performance"], [
        ("Route planning takes forever", "Planning tomorrow's routes used to take a minute. Now it runs for half an hour and sometimes never finishes."),
        ("Map very slow in the afternoon", "From about 2pm the live map takes ages to move or zoom, every dispatcher on every PC."),
    ], weight=W),
    s("technical", "LOW", [], [
        ("New tracker won't register", "I fitted a new tracker in van 41 and typed in its serial, but the site says 'device not found'."),
        ("Tablet in the cab won't connect to the tracker", "The cab tablet can't pair with the tracker over bluetooth since we replaced the tablet."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug: the service computes or shows something wrong
    s("bug", "MEDIUM", ["ui"], [
        ("Map shows van in the sea", "Van 12 is parked in our yard but the map puts it in the middle of the harbour. Its trip history is all right."),
        ("Wrong van name on the map", "When I click van 7 on the map the panel opens with the details of van 17."),
    ], weight=W, i18n={
        "es": [("El mapa pone la furgoneta en el mar", "La furgoneta 12 está en nuestro patio pero el mapa la sitúa en medio del puerto.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Mileage report doubles some trips", "The monthly mileage report counts some trips twice. Van 3 shows 9,800 km for October, the odometer says 4,900."),
        ("Fuel per 100 km is nonsense", "The fuel report says our vans use 2 litres per 100 km. That's impossible and it started with this month's report."),
    ], weight=W, i18n={
        "de": [("Kilometerbericht zählt Fahrten doppelt", "Der Monatsbericht zählt manche Fahrten doppelt. Fahrzeug 3 hat laut Bericht 9.800 km, laut Tacho 4.900.")],
    }),
    s("bug", "MEDIUM", ["email"], [
        ("Service reminders sent for sold vans", "We keep getting service reminder emails for vans we sold and removed in the summer."),
        ("Reminder email has the wrong date", "The inspection reminder email says the due date is 1970-01-01 for every vehicle."),
    ], weight=W),
    s("bug", "HIGH", ["database"], [
        ("Trip history gone for last week", "All trips from last Monday to Wednesday have vanished from the history. We need them for a customer dispute."),
        ("Edited routes revert overnight", "Routes we change in the planner go back to the old version the next morning. Drivers went to the wrong customers twice."),
    ], weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("Driver app crashes on signature", "The driver app closes when the customer signs on the screen, so the delivery isn't confirmed."),
        ("App logs drivers out every hour", "Since the last update the driver app logs out every hour in the middle of a round."),
    ], weight=W, i18n={
        "fr": [("L'appli plante à la signature", "L'application se ferme quand le client signe sur l'écran, la livraison n'est pas validée.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Speed shown in mph for us", "The dashboard shows speeds in mph although our settings say km/h. Only on the dashboard, the reports are fine."),
        ("Button text cut off", "On the vehicle page the 'Schedule service' button reads 'Schedule serv', the text is cut off."),
    ], can_escalate=False, weight=W),
    s("bug", "URGENT", ["security"], [
        ("We can see another company's vans", "Since this morning our map also shows a fleet that isn't ours, with drivers' names and live positions."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I set up a geofence around a customer?", "How do I draw a zone around a customer's site so we get told when a van arrives?"),
        ("How do I add a new tracker?", "We bought two more trackers. What are the steps to add them to our account?"),
        ("Can I see last year's trips?", "How far back does the trip history go? We need a trip from March last year."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wie richte ich eine Geozone ein?", "Wie zeichne ich eine Zone um das Gelände eines Kunden, damit wir die Ankunft sehen?")],
    }),
    s("question", "LOW", ["security"], [
        ("Can drivers be tracked off duty?", "A driver asked whether we can see where his van is in the evening. Can tracking be switched off outside working hours?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["api"], [
        ("Is there an API for positions?", "Our customers want live arrival times. Is there an API we can read van positions from?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account
    s("account", "HIGH", ["security"], [
        ("Dismissed driver still logged in", "We let a driver go yesterday and he still has the app and can see all vans. Please cut his access right away."),
    ], can_escalate=False, weight=W),
    s("account", "MEDIUM", ["authentication"], [
        ("Driver can't log into the app", "One of our drivers gets 'wrong password' in the app and the reset text never reaches his phone."),
        ("Dispatcher locked out", "Our dispatcher is locked out after too many attempts and the morning plan isn't done."),
    ], can_escalate=False, weight=W),
    s("account", "LOW", [], [
        ("Add our new workshop manager", "Our new workshop manager needs a login that sees vehicles and services but not the drivers' hours."),
        ("Rename our company on the account", "We changed our company name after the merger. Can you update it on the account?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", ["ui"], [
        ("Show the driver's phone number on the map", "It would save time if clicking a van on the map showed the driver's phone number."),
        ("Dark mode for night dispatch", "Our night dispatchers would love a dark map, the white screen is hard on the eyes at 3am."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["mobile"], [
        ("Checklist before driving", "Could the driver app have a daily walk-around checklist (tyres, lights) before the first trip?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Lista de revisión antes de salir", "¿Podría la app tener una lista diaria de revisión (neumáticos, luces) antes del primer viaje?")],
    }),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Still paying for removed trackers", "We removed eight trackers in August and we are still billed for all 68."),
        ("Two invoices for November", "We received two invoices for November with different numbers and the same amount."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general and other
    s("general", "LOW", [], [
        ("Thanks to your installer", "Your installer fitted all our trackers in one day without holding up a single van. Thank you."),
        ("Drivers like the new app", "Just so you know, the drivers say the new app is much easier than the old one."),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("Selling two vans, interested?", "We are selling two of our older vans. Does anyone at your company buy used vehicles?"),
        ("Your van blocked our gate", "One of your installers' vans blocked our yard gate for an hour this morning."),
    ], can_escalate=False, weight=W),
]
