"""An eleventh pass, written apart from the others from the people who use consumer apps and
the devices paired with them: streaming and music subscriptions, fitness watches, smart-home
plugs, cameras and thermostats, travel and food-delivery bookings, banking and budgeting apps,
photo backup and a car's companion app. The writers are members of the public on their
phones; they name the gadget, not the system ("the watch", "the doorbell", "my plan"). It
leans on the boundaries a new domain blurs: the app itself doing the wrong thing (bug) against
the writer's phone, router, Bluetooth or pairing (technical), a charge (billing) against the
login or profile it was made from (account), and asking how something works (question)
against asking for it to work differently (feature). Few copies each."""

from scenarios import s

W = 4

CONSUMER = [
    # ---------------------------------------------------------------- technical: the writer's device, network, pairing
    s("technical", "MEDIUM", ["mobile"], [
        ("Watch won't pair with my new phone", "I switched to a new phone and the watch will not pair with it. Bluetooth is on, the watch shows the code, then the phone says pairing failed."),
        ("Smart plug stuck offline after router change", "We got a new router from our internet provider and since then the two smart plugs show offline. They still click on with the button."),
        ("App can't find the doorbell on the home Wi-Fi", "The doorbell setup gets to 'joining network' and then times out. Our Wi-Fi is 5 GHz only, could that be it?"),
    ], weight=W, i18n={
        "de": [("Uhr koppelt nicht mit neuem Handy", "Ich habe ein neues Handy und die Uhr lässt sich nicht koppeln. Bluetooth ist an, danach heißt es Kopplung fehlgeschlagen.")],
        "es": [("El enchufe inteligente sale desconectado", "Cambiamos de router y desde entonces los dos enchufes aparecen sin conexión. Con el botón siguen funcionando.")],
    }),
    s("technical", "LOW", [], [
        ("Casting to the TV keeps buffering", "When I cast a film from my phone to the living room TV it buffers every minute. On the phone itself it plays fine."),
        ("Downloads don't fit on my phone", "The app says there's not enough space to download the season, but I cleared 6 GB. Is there a setting I'm missing?"),
        ("Thermostat shows the wrong room temperature", "The thermostat says 24 degrees but the room is cold. It's mounted above the radiator, maybe that's why."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("La diffusion vers la télé saccade", "Quand je diffuse un film du téléphone vers la télé, ça charge toutes les minutes. Sur le téléphone ça marche.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Camera drops off every night", "The garden camera disconnects around midnight every night and comes back in the morning. It's the furthest device from the router."),
        ("Car app says vehicle unreachable", "The car's app says 'vehicle unreachable' when the car is in our underground garage. Outside it connects."),
    ], weight=W),

    # ---------------------------------------------------------------- bug: the app or service does the wrong thing
    s("bug", "MEDIUM", ["mobile"], [
        ("Steps reset to zero at noon", "Since the last app update my step count goes back to zero at noon instead of midnight. My wife's phone does the same."),
        ("Playlist order scrambles after saving", "I drag songs into the order I want, press save, and the playlist comes back sorted by date added. Every time."),
        ("Order tracker shows the wrong restaurant", "The tracking screen shows a different restaurant's name and address than the one I ordered from, though the food was right."),
    ], weight=W, i18n={
        "de": [("Schritte springen mittags auf null", "Seit dem letzten Update springt mein Schrittzähler mittags auf null statt um Mitternacht. Beim Handy meiner Frau auch.")],
        "fr": [("L'ordre de la playlist change après l'enregistrement", "Je range les titres dans l'ordre voulu, j'enregistre, et la playlist revient triée par date d'ajout.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Budget app counts a transfer as spending", "Moving money between my own two accounts shows up as 'spending' in the budget app, so my monthly total is double."),
        ("Booking confirmation has the wrong dates", "I booked the flat for 12 to 15 May and the confirmation email says 12 to 15 March. The app shows May."),
        ("Subtitles out of sync on every episode", "Subtitles are about three seconds late on every episode of the series, on the TV and in the browser."),
    ], weight=W, i18n={
        "es": [("La confirmación tiene fechas equivocadas", "Reservé el piso del 12 al 15 de mayo y el correo de confirmación dice del 12 al 15 de marzo.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Dark mode makes the prices invisible", "In dark mode the prices on the menu screen are black on dark grey, you can't read them."),
        ("Button hidden behind the keyboard", "When I type my address the 'Continue' button stays under the keyboard and I have to close it to tap."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", ["database"], [
        ("Photos from last year are gone from my backup", "All my photos from 2025 have disappeared from the cloud backup. The album is there but empty, and I deleted them from the phone after backing up."),
        ("Workout history wiped after update", "After updating the app my whole workout history of three years is gone, it starts from today."),
    ], weight=W),

    # ---------------------------------------------------------------- account: sign-in, profile, household members
    s("account", "MEDIUM", ["authentication"], [
        ("Login code never arrives", "I try to sign in and it sends a code by text, but the text never comes. I changed my phone number last month."),
        ("Locked out after too many tries", "The app says my account is locked for too many attempts. I only tried twice with the right password."),
    ], weight=W, i18n={
        "fr": [("Le code de connexion n'arrive jamais", "Quand je me connecte, on m'envoie un code par SMS qui n'arrive jamais. J'ai changé de numéro le mois dernier.")],
        "de": [("Konto nach zu vielen Versuchen gesperrt", "Die App sagt, mein Konto ist wegen zu vieler Versuche gesperrt. Ich habe es nur zweimal versucht.")],
    }),
    s("account", "LOW", [], [
        ("Remove my ex from the family plan", "Please take my ex-partner off our family profile, she still sees what we watch."),
        ("Change the email on my account", "I no longer use my old university email. How do I move my account to my personal address?"),
        ("Delete my account and data", "I don't use the app anymore. Please close my account and delete everything you have about me."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Eliminar mi cuenta", "Ya no uso la aplicación. Por favor cierren mi cuenta y borren todos mis datos.")],
    }),
    s("account", "HIGH", ["security"], [
        ("Someone else is using my profile", "There are shows in my history I never watched and a new device I don't own in my device list. I think someone has my password."),
        ("Strange login from another country", "I got a notice of a login from a country I've never been to, and my delivery address was changed."),
    ], weight=W),

    # ---------------------------------------------------------------- billing: charges, trials, refunds
    s("billing", "MEDIUM", ["billing"], [
        ("Charged after the free trial I cancelled", "I cancelled the trial two days before it ended and still got charged 12.99 for the first month."),
        ("Paid twice for one delivery", "My card shows two payments of 31.40 for one order on Saturday evening."),
        ("Refund for a cancelled stay", "The host cancelled our stay and I was told the refund takes five days. It's been three weeks."),
    ], weight=W, i18n={
        "de": [("Nach gekündigter Testphase belastet", "Ich habe die Testphase zwei Tage vor Ende gekündigt und trotzdem 12,99 für den ersten Monat bezahlt.")],
        "fr": [("Payé deux fois une livraison", "Ma carte montre deux paiements de 31,40 pour une seule commande samedi soir.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Switch to yearly payment", "Can I switch my plan from monthly to yearly? I'd rather pay once."),
        ("Receipt for my subscription", "I need a receipt with VAT for this year's subscription for my accountant."),
        ("Price went up without notice", "My plan went from 9.99 to 11.99 this month. I don't remember any email about it."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how does it work
    s("question", "LOW", [], [
        ("Can I watch on two TVs at once?", "Does my plan allow watching on the TV in the living room and the one upstairs at the same time?"),
        ("Does the watch work without the phone nearby?", "If I go running without my phone, does the watch still record the route?"),
        ("How far ahead can I book?", "How many months ahead can I book a stay? I'm planning a trip for next summer."),
        ("What happens to my downloads abroad?", "If I travel outside the country for a month, can I still watch what I downloaded?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Puedo ver en dos televisores a la vez?", "¿Mi plan permite ver en la tele del salón y en la de arriba al mismo tiempo?")],
        "de": [("Funktioniert die Uhr ohne Handy?", "Wenn ich ohne Handy laufen gehe, zeichnet die Uhr die Strecke trotzdem auf?")],
    }),
    s("question", "LOW", ["security"], [
        ("Who can see the camera recordings?", "Are the doorbell recordings stored only on my account, or can your staff see them?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature: please make it do more
    s("feature", "LOW", [], [
        ("Let me hide what the kids watched", "It would be great to keep the children's shows out of my recommendations."),
        ("Split the bill with friends", "Please add a way to split a group order between friends so everyone pays their part."),
        ("Heart rate zones in the weekly summary", "Could the weekly summary show time spent in each heart rate zone? I'm training for a half marathon."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Partager l'addition entre amis", "Ce serait bien de pouvoir partager une commande de groupe pour que chacun paie sa part.")],
    }),
    s("feature", "LOW", ["mobile"], [
        ("Widget for the thermostat", "A home screen widget to turn the heating up without opening the app would be really handy."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general: feedback and the relationship
    s("general", "LOW", [], [
        ("The courier was rude", "The courier threw the bag at my door and shouted at my son. I don't want him delivering to us again."),
        ("Thanks for sorting out my holiday", "Your agent on the chat found us a new room in an hour when our flat fell through. Thank you so much."),
        ("Why did you remove my favourite show?", "The series I was halfway through has disappeared from the catalogue. Very disappointing, I paid for this."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Der Kurier war unhöflich", "Der Kurier hat die Tüte vor die Tür geworfen und meinen Sohn angeschrien.")],
    }),

    # ---------------------------------------------------------------- other: not for this service
    s("other", "LOW", [], [
        ("Restaurant forgot my drink", "Hi, this is for the pizza place on King Street, you forgot the cola again. Not a big deal."),
        ("Your parcel is waiting", "Your parcel could not be delivered. Pay the 1.99 customs fee at the link below within 24 hours."),
        ("Selling my old watch", "Anyone interested in my old watch, barely used, with charger? 60 euros."),
    ], can_escalate=False, weight=W),
]
