"""A twenty-second pass, written apart from the others from the owners and renters of smart
homes and the landlords and installers who fit them: thermostats, door locks, cameras,
doorbells, plugs and the hub and phone app that run them, on a monthly plan. They name rooms,
devices, firmware versions and their own routers, and rarely know which part failed. It
leans on the line between the home's own network, wiring or set-up (technical) and the
product's firmware, app or cloud doing something wrong (bug), on the same devices, and on
the questions, wishes, thanks and stray messages (question, feature, general, other) people
send a device maker. Few copies each."""

from scenarios import s

W = 4

HOMES = [
    # ---------------------------------------------------------------- technical: the home's network, wiring and set-up
    s("technical", "MEDIUM", ["networking"], [
        ("Hub keeps going offline", "The hub drops off every evening around 8 and comes back an hour later. It sits next to the TV box, which also uses the wifi a lot."),
        ("Camera won't join the 5 GHz network", "Trying to add the garden camera, it never finds my network. The router only broadcasts 5 GHz since I changed the settings."),
        ("devices offline after new router", "got a new router from the internet company yesterday, now every plug and the thermostat show offline. same wifi name as before I think"),
    ], weight=W, i18n={
        "de": [("Hub ist ständig offline", "Seit wir einen neuen Router haben, sind alle Steckdosen und das Thermostat offline. Der WLAN-Name ist derselbe.")],
        "fr": [("La caméra ne trouve pas le wifi", "Je n'arrive pas à ajouter la caméra du jardin, elle ne trouve jamais mon réseau. Ma box n'émet plus qu'en 5 GHz.")],
    }),
    s("technical", "MEDIUM", [], [
        ("Thermostat screen blank after install", "The electrician fitted the new thermostat this morning and the screen stays black. The old one worked on the same wires. Is there a common wire needed?"),
        ("Doorbell rings but no chime inside", "The video doorbell works on the phone but the chime in the hall is silent since we fitted it. Our transformer is quite old."),
    ], weight=W, i18n={
        "es": [("El termostato no enciende tras instalarlo", "El electricista instaló el termostato nuevo esta mañana y la pantalla sigue negra. El antiguo funcionaba con los mismos cables.")],
    }),
    s("technical", "LOW", [], [
        ("Which batteries for the door sensor?", "The door sensor says low battery. Which type does it take, and does a rechargeable one work?"),
        ("Smart plug too far from the hub", "The plug in the shed only connects half the time. Is there a range extender I can put in between?"),
    ], can_escalate=False, weight=W),
    s("technical", "HIGH", ["networking", "security"], [
        ("Front door lock unreachable, tenants locked out", "Our rental flat's lock lost its connection after the building changed its internet provider. The new tenants arrive tonight and the codes can't be sent to the lock."),
        ("Lock offline since the power cut", "After a power cut the lock at our holiday cottage is offline and guests can't get in with their code. The router there came back but the lock did not."),
    ], weight=W, i18n={
        "de": [("Türschloss nicht erreichbar", "Seit dem Stromausfall ist das Schloss unserer Ferienwohnung offline und die Gäste kommen mit ihrem Code nicht hinein.")],
    }),
    s("technical", "MEDIUM", ["api"], [
        ("Voice assistant doesn't see my lights", "I linked my account to the voice assistant but it says it found no devices. The lights work fine in your app."),
        ("Home automation script can't reach the local API", "My script on a Raspberry Pi gets 'connection refused' from the hub's local API since I put the hub on a separate VLAN."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["mobile"], [
        ("App can't find the new camera on my phone", "Setting up the camera, the app asks for location permission and then never finds the camera. I'm on an older Android phone with battery saver on."),
        ("No notifications on my new phone", "Since I moved to a new iPhone I don't get any motion alerts. Notifications for the app look on in the settings."),
    ], weight=W, i18n={
        "fr": [("Plus de notifications sur mon nouveau téléphone", "Depuis que j'ai changé de téléphone, je ne reçois plus les alertes de mouvement. Les notifications de l'application sont activées.")],
    }),

    # ---------------------------------------------------------------- bug: firmware, app or cloud wrong
    s("bug", "HIGH", ["security"], [
        ("Lock opened by itself at night", "Since firmware 3.2 our back door lock unlocked twice on its own at night, the history shows 'unlocked by app' but nobody touched the app."),
        ("Old guest codes still open the door", "Codes I deleted in the app still open the lock. I tested it with last month's cleaner code and the door opened."),
    ], weight=W, i18n={
        "es": [("La cerradura se abrió sola", "Desde el firmware 3.2 la cerradura de la puerta trasera se abrió sola dos veces por la noche y nadie tocó la app.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Heating schedule ignored after update", "Since the last firmware the thermostat ignores my schedule and heats to 21 all night. The schedule is still correct in the app."),
        ("Thermostat shows wrong temperature", "The thermostat reads 26 degrees while the room is 19 on two other thermometers. It started after the update, same spot on the wall as always."),
        ("Away mode turns off by itself", "Away mode switches itself off after a few minutes every time. Worked fine until the update on Monday."),
    ], weight=W, i18n={
        "de": [("Heizplan wird ignoriert", "Seit dem letzten Firmware-Update ignoriert das Thermostat meinen Zeitplan und heizt die ganze Nacht auf 21 Grad.")],
        "fr": [("Le mode absence se désactive tout seul", "Le mode absence se désactive tout seul au bout de quelques minutes depuis la mise à jour de lundi.")],
    }),
    s("bug", "MEDIUM", ["mobile"], [
        ("App crashes when I open the camera", "The app closes every time I tap the living room camera. Other cameras open fine. iPhone, newest version of the app."),
        ("Live view black in the app", "Live view shows a black picture in the app since version 6.1, but the recordings play normally."),
    ], weight=W, logs=True, i18n={
        "es": [("La app se cierra al abrir la cámara", "La aplicación se cierra cada vez que abro la cámara del salón. Las demás cámaras funcionan.")],
    }),
    s("bug", "MEDIUM", ["database"], [
        ("Recordings missing from the timeline", "Motion clips from Saturday are missing in the timeline although the camera sent alerts for them. I pay for 30 days of history."),
        ("Energy history reset to zero", "The energy history of all my plugs went back to zero after the app update. Two years of data gone from the charts."),
    ], weight=W),
    s("bug", "LOW", ["ui"], [
        ("Temperature shown in Fahrenheit after update", "The app now shows Fahrenheit on the home screen although my settings say Celsius."),
        ("Room names cut off in the widget", "The widget cuts long room names after six letters, so 'Bedroom 1' and 'Bedroom 2' look the same."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["email"], [
        ("Weekly report email is empty", "The weekly energy report email arrives every Sunday but the charts in it are empty since October."),
    ], weight=W),
    s("bug", "URGENT", ["security", "infrastructure"], [
        ("I see strangers' cameras in my app", "This morning my app showed live video from two cameras that are not mine, someone else's kitchen and a baby room."),
        ("Cloud down, no lock responds", "None of our locks or cameras respond through the app since 6am, and the status page says nothing. We manage 80 rental flats with them."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Ich sehe fremde Kameras in meiner App", "Heute früh zeigte meine App das Livebild von zwei fremden Kameras, eine fremde Küche und ein Kinderzimmer.")],
    }),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Charged for the plan after I cancelled", "I cancelled the video history plan in August and I am still charged 4.99 every month."),
        ("Two plans billed for one camera", "I'm billed for the Plus plan and the Basic plan, but I only have one camera."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Toujours facturé après résiliation", "J'ai résilié l'abonnement vidéo en août et je suis toujours prélevé de 4,99 chaque mois.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Receipt for the camera plan", "Could I get a receipt for this year's camera plan with my company's name? I work from home and claim it."),
        ("Switch the plan to yearly", "Is there a cheaper yearly option for the camera plan, and do I lose my recordings if I switch?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Lost the phone with the two-step codes", "My phone was stolen and the two-step codes were on it. Now I can't log in to see my cameras."),
        ("Can't log in after changing my email", "I changed my email in the app yesterday and now neither the old nor the new one is accepted."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Perdí el móvil con los códigos", "Me robaron el móvil donde tenía los códigos de verificación y ahora no puedo entrar para ver mis cámaras.")],
    }),
    s("account", "HIGH", ["security"], [
        ("My ex still controls the heating and lock", "We separated and my ex-partner still has access to the home, he changes the heating and can open the lock. How do I remove him now?"),
    ], can_escalate=False, weight=W),
    s("account", "LOW", [], [
        ("Give my tenant access to the thermostat only", "How can I share only the thermostat with my tenant, not the cameras?"),
        ("Move devices to my new account", "I made a second account by mistake. Can the devices be moved to my main one?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("Does the lock work without internet?", "If the internet is down, can the codes still open the lock?"),
        ("How long are clips kept?", "How many days of motion clips are kept on the free plan?"),
        ("Can the thermostat control underfloor heating?", "Will the thermostat work with electric underfloor heating in the bathroom or only with the boiler?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Funktioniert das Schloss ohne Internet?", "Wenn das Internet ausfällt, öffnen die Codes das Schloss trotzdem?")],
    }),
    s("question", "LOW", ["security"], [
        ("Where is the camera video stored?", "Is the video from my cameras stored in Europe, and can your staff look at it?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Heating schedule per room", "It would be great to set a different heating schedule for each room instead of one for the whole house."),
        ("Geofencing for the whole family", "Please make away mode wait until the last person in the family has left, not just the account owner."),
        ("Please support a second hub", "Our house is long and one hub doesn't reach the garage. Could you support two hubs on one account?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Programmation par pièce", "Ce serait super de pouvoir programmer le chauffage pièce par pièce au lieu d'un seul programme pour toute la maison.")],
    }),
    s("feature", "LOW", ["api"], [
        ("Open API for the energy data", "I'd like to pull my plugs' energy data into my own spreadsheet. Any plans for an API or a CSV export?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general and other
    s("general", "LOW", [], [
        ("Great installer", "Just wanted to say the installer you sent on Tuesday was excellent, tidy and patient with my mother."),
        ("Feedback on the new app", "Some thoughts after a month with the new app: the home screen is nicer, the device list took getting used to."),
        ("Do you have a showroom?", "Is there somewhere in Manchester where I can see the doorbell and the lock before buying?"),
        ("Interested in selling your products", "We run a small electrical shop and would like to stock your locks. Who should we talk to?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Muy buen instalador", "Solo quería decir que el instalador del martes fue excelente, ordenado y muy paciente con mi madre.")],
    }),
    s("other", "LOW", [], [
        ("Parcel delivered to the wrong house", "The courier left my parcel with a neighbour three streets away. Not your fault, but can you tell them?"),
        ("Wrong address, meant for my energy supplier", "Sorry, I think this message was meant for my electricity company about my meter reading."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Falsche Adresse, sorry", "Entschuldigung, diese Nachricht war für meinen Stromanbieter wegen des Zählerstands gedacht.")],
    }),
]
