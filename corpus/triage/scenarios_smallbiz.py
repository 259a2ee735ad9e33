"""An eighteenth pass, written apart from the others from the owners and office managers of
a small business who run it on rented software: an online booking calendar, e-signatures,
a website and shop builder, a shared password vault, a newsletter tool and payroll. They
rarely know the technical words; they say what they saw and what it costs them. It leans on
what their plain words blur: the product doing the wrong thing (bug) against their own
calendar, domain or mailbox settings (technical), a wrong payslip (a defect that costs money,
so urgent) against a wrong subscription charge (billing), a stolen or shared login (account)
against how the vault keeps secrets (question), and "can it do X?" (question) against "please
make it do X" (feature). Few copies each."""

from scenarios import s

W = 4

SMALLBIZ = [
    # ---------------------------------------------------------------- bug: the product does it wrong
    s("bug", "HIGH", ["database"], [
        ("Two clients booked into the same slot", "Since Monday the booking page lets two clients take the same 10:00 slot. Today three of my clients turned up at once and I had to send two home."),
        ("Appointments vanished from the calendar", "All of next week's appointments disappeared from my calendar overnight. Clients are still getting reminders for them, so they exist somewhere."),
    ], weight=W, i18n={
        "es": [("Dos clientes en la misma hora", "Desde el lunes la página de reservas deja que dos clientes reserven la misma hora. Hoy vinieron tres personas a la vez.")],
    }),
    s("bug", "URGENT", ["database"], [
        ("Payroll paid everyone the wrong amount", "This month's payroll run paid every employee last month's gross instead of this month's. Forty people are short and rent is due."),
        ("Salaries sent twice", "The salary run went out twice this morning, every employee got paid double and our account is now overdrawn."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "de": [("Gehälter doppelt überwiesen", "Der Gehaltslauf wurde heute Morgen zweimal ausgeführt, jeder Mitarbeiter hat doppelt bekommen und unser Konto ist im Minus.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Signed contract is missing the last page", "When my client signs, the PDF we both get back has only 4 of the 5 pages. The signature page is the one missing."),
        ("Reminder sent after the client signed", "Clients who already signed still get your 'please sign' reminder every two days. It looks unprofessional."),
        ("Shop shows sold-out items as available", "Items with zero stock still show 'in stock' in my shop, and people order things I don't have."),
    ], weight=W, i18n={
        "fr": [("Le contrat signé n'a pas la dernière page", "Quand mon client signe, le PDF que nous recevons n'a que 4 pages sur 5. Il manque justement la page de signature.")],
        "es": [("La tienda muestra productos agotados", "Los productos sin stock aparecen como disponibles en mi tienda y la gente compra cosas que no tengo.")],
    }),
    s("bug", "MEDIUM", ["email"], [
        ("Newsletter went out with the wrong names", "Yesterday's newsletter greeted everyone as 'Dear Maria'. The name field worked fine last month."),
        ("Unsubscribed people still get the newsletter", "People who clicked unsubscribe weeks ago still receive our newsletter and they are angry with us."),
    ], weight=W),
    s("bug", "LOW", ["ui"], [
        ("Save button hidden on small laptop", "On my small laptop the Save button of the booking settings is below the screen and I can't scroll to it."),
        ("Calendar shows Sunday as the first day", "The calendar starts weeks on Sunday even though I set Monday in the settings."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Kalender beginnt am Sonntag", "Der Kalender beginnt die Woche am Sonntag, obwohl ich Montag eingestellt habe.")],
    }),
    s("bug", "MEDIUM", ["mobile"], [
        ("Phone app logs me out every day", "The vault app on my phone forgets me every single day and I have to type the long master password again."),
    ], weight=W),

    # ---------------------------------------------------------------- technical: their own settings, domain and devices
    s("technical", "MEDIUM", ["api"], [
        ("Google Calendar sync stopped", "My bookings no longer appear in my Google Calendar. I changed my Google password last week, could that be it?"),
        ("Outlook calendar shows bookings an hour late", "Bookings land in my Outlook an hour later than they really are. My laptop is set to London time."),
    ], weight=W, i18n={
        "fr": [("La synchronisation avec Google Agenda ne marche plus", "Mes réservations n'apparaissent plus dans Google Agenda depuis que j'ai changé mon mot de passe Google.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("My own domain shows your page not my website", "I bought a domain at another company and pointed it to you, but it still shows a 'coming soon' page after three days."),
        ("Shop not secure warning", "Visitors see 'not secure' next to my shop address since I connected my own domain."),
    ], weight=W, i18n={
        "es": [("Mi dominio no muestra mi web", "Compré un dominio en otra empresa y lo apunté a ustedes, pero tras tres días sigue saliendo una página de 'próximamente'.")],
    }),
    s("technical", "MEDIUM", ["email"], [
        ("Our newsletter lands in spam", "Most of our subscribers find the newsletter in their spam folder. Someone said we must add something to our domain settings."),
        ("Signature requests don't reach clients at one company", "Clients whose email is at one big firm never receive my signing requests. Everyone else does. Their IT may be blocking you."),
    ], weight=W, logs=True, i18n={
        "de": [("Newsletter landet im Spam", "Die meisten Abonnenten finden unseren Newsletter im Spam-Ordner. Müssen wir etwas an unserer Domain einstellen?")],
    }),
    s("technical", "LOW", ["mobile"], [
        ("Vault app won't fill passwords on my phone", "The vault app doesn't offer to fill passwords on my new phone. On the old one it did."),
    ], can_escalate=False, weight=W),
    s("technical", "URGENT", ["infrastructure"], [
        ("Booking page won't open at all", "Our booking page has shown an error for an hour for everyone. Nobody can book, and Saturday is our busiest day."),
        ("Shop is down", "My shop gives a server error to every visitor since about nine. No orders since then."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "fr": [("La boutique est en panne", "Ma boutique affiche une erreur serveur pour tous les visiteurs depuis neuf heures. Plus aucune commande.")],
    }),

    # ---------------------------------------------------------------- account: who can sign in
    s("account", "URGENT", ["security", "authentication"], [
        ("Someone else is in our password vault", "We got an alert that our company vault was opened from another country at 3 am. None of us was awake. What do we do now?"),
        ("Former employee still signing in", "A bookkeeper we let go on Friday signed into the payroll account today and downloaded all payslips."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Alguien entró en nuestra bóveda de contraseñas", "Recibimos un aviso de que nuestra bóveda se abrió desde otro país a las 3 de la mañana. Nadie de nosotros estaba despierto.")],
    }),
    s("account", "MEDIUM", ["authentication"], [
        ("Forgot the master password", "I forgot the master password of our vault. The reset email does not come."),
        ("Can't get the sign-in code", "The six-digit code never arrives by text message, so I can't get into the shop admin."),
    ], weight=W, i18n={
        "de": [("Masterpasswort vergessen", "Ich habe das Masterpasswort unseres Tresors vergessen und die Mail zum Zurücksetzen kommt nicht an.")],
    }),
    s("account", "LOW", [], [
        ("Move the account to my partner", "I am retiring and my partner takes over the salon. Can the account be put in her name?"),
        ("Add a second person who can edit the site", "How do I let my assistant edit the website without giving her my own login?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Transférer le compte à mon associée", "Je prends ma retraite et mon associée reprend le salon. Le compte peut-il passer à son nom ?")],
    }),

    # ---------------------------------------------------------------- billing: the subscription
    s("billing", "MEDIUM", ["billing"], [
        ("Charged for five users, we are three", "Our bill counts five users but only three of us use it. The two who left were removed in August."),
        ("Price went up without notice", "This month's charge is 39 instead of 29. Nobody told us the price would change."),
        ("Charged after I cancelled", "I cancelled the website plan in September and you took the money again in October."),
    ], weight=W, i18n={
        "es": [("Me cobran cinco usuarios y somos tres", "La factura cuenta cinco usuarios pero solo usamos tres. Los otros dos se eliminaron en agosto.")],
        "de": [("Abbuchung nach Kündigung", "Ich habe den Website-Tarif im September gekündigt und im Oktober wurde trotzdem wieder abgebucht.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Invoice in the company name", "The invoices are in my own name. Could they show the salon's name and tax number instead?"),
        ("Pay yearly instead", "Can we pay for the whole year at once? Our accountant prefers one invoice."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how does it work
    s("question", "LOW", [], [
        ("Can clients book for someone else?", "Can a mother book an appointment for her child under her own email, or does each person need their own?"),
        ("Is an e-signature legally valid here?", "Is a contract signed with your tool valid in Spain, or do we still need a paper copy?"),
        ("How many people can open one newsletter?", "Is there a limit on how many subscribers one newsletter can go to?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Es válida la firma electrónica?", "¿Un contrato firmado con su herramienta es válido en España o necesitamos copia en papel?")],
    }),
    s("question", "LOW", ["security"], [
        ("Can your staff see our passwords?", "Before we move the team's passwords in: can anyone at your company read them?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Können Ihre Mitarbeiter unsere Passwörter sehen?", "Bevor wir die Passwörter des Teams übertragen: Kann jemand bei Ihnen sie lesen?")],
    }),

    # ---------------------------------------------------------------- feature: please make it do
    s("feature", "LOW", [], [
        ("Let clients pay a deposit when booking", "It would save us many no-shows if clients paid a small deposit when they book."),
        ("Waiting list for full days", "Please add a waiting list so people can be told when a slot frees up."),
        ("Sign on paper and upload", "Some older clients can't sign on a screen. Could we upload a photo of a paper signature?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Liste d'attente pour les jours complets", "Merci d'ajouter une liste d'attente pour prévenir les clients quand un créneau se libère.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Thank you from the bakery", "Just a note to say the new shop has doubled our online orders. Thank you to whoever built it."),
        ("Feedback after a year", "We have used the booking calendar for a year now. Mostly happy, but the reminders could be friendlier."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Looking for a web designer", "Do you know someone local who could design our site for us? We are in Leeds."),
        ("Charity raffle prize", "We run the school raffle this spring. Would your company donate a prize?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Spende für die Tombola", "Wir veranstalten die Schultombola im Frühjahr. Würde Ihre Firma einen Preis spenden?")],
    }),
]
