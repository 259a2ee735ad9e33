"""Ticket scenarios: what a ticket is about, its labels, and several ways people write it."""


def s(category, priority, skills, en, i18n=None, logs=False, can_escalate=True, weight=30):
    return {"category": category, "priority": priority, "skills": skills, "en": en,
            "i18n": i18n or {}, "logs": logs, "can_escalate": can_escalate, "weight": weight}


SCENARIOS = [
    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Charged twice this month", "I was charged twice for my subscription in November. Please refund the duplicate charge."),
        ("Double charge on card", "My credit card shows two identical payments of 49 EUR on the same day for {product}."),
        ("duplicate payment", "we paid invoice 2026-118 twice by mistake, can you refund one of them"),
        ("Two charges for one plan", "Looks like your system billed us two times for the same plan. Bank statement attached."),
    ], i18n={
        "es": [("Cobro duplicado", "Me han cobrado dos veces la suscripción de este mes. Por favor, devuélvanme el segundo cargo.")],
        "de": [("Doppelte Abbuchung", "Mir wurde das Abo diesen Monat zweimal abgebucht. Bitte erstatten Sie die doppelte Zahlung.")],
        "fr": [("Double prélèvement", "J'ai été débité deux fois pour mon abonnement ce mois-ci. Merci de rembourser le doublon.")],
    }),
    s("billing", "MEDIUM", ["billing"], [
        ("Need a corrected invoice", "The invoice for October has our old company address. Could you issue a corrected invoice with the new VAT number?"),
        ("VAT number missing on invoice", "Our VAT ID is missing on the last three invoices, our accountant needs it."),
        ("Invoice address wrong", "Please change the billing address on invoice INV-2291, the street name is misspelled."),
        ("Where is my invoice?", "I cannot find the invoice for my last payment in the billing section of {product}."),
    ], i18n={
        "de": [("Rechnung korrigieren", "Auf der Rechnung für Oktober steht noch unsere alte Adresse. Bitte stellen Sie eine korrigierte Rechnung mit der USt-IdNr. aus.")],
        "fr": [("Facture à corriger", "La facture d'octobre porte notre ancienne adresse. Pouvez-vous émettre une facture corrigée avec le numéro de TVA ?")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Card declined but it is valid", "Our renewal payment keeps getting declined although the card works everywhere else. The account will be suspended tomorrow."),
        ("Payment failing on renewal", "The automatic payment for our annual plan failed three times, your system says 'card_declined'. We do not want to lose access."),
        ("Can't pay the invoice", "Your payment page errors out when I try to pay our overdue invoice, and we get suspension warnings."),
    ], logs=True),
    s("billing", "MEDIUM", ["billing"], [
        ("Refund for cancelled plan", "I cancelled my subscription on the 2nd but was still charged for the full month. I would like a refund."),
        ("Refund request", "We downgraded from Business to Starter, please refund the difference for the rest of the year."),
        ("money back please", "cancelled within the trial, still got charged 99 dollars. want my money back"),
    ], can_escalate=False, i18n={
        "es": [("Solicitud de reembolso", "Cancelé mi plan dentro del periodo de prueba y aun así me cobraron. Quiero el reembolso.")],
        "fr": [("Demande de remboursement", "J'ai annulé pendant l'essai gratuit et j'ai quand même été facturé. Je souhaite un remboursement.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Question about pricing for nonprofits", "Do you offer a discount for registered charities? We are a small nonprofit."),
        ("Switch to annual billing", "How can we switch from monthly to annual billing, and is there a discount?"),
        ("Upgrade plan cost", "What would it cost to move from 10 to 25 seats in the middle of our billing cycle?"),
    ], can_escalate=False),
    s("billing", "URGENT", ["billing", "api"], [
        ("Checkout payments failing for everyone", "Since 14:00 every card payment in our shop returns an error from your payment API. No customer can complete a purchase."),
        ("All transactions declined", "All transactions through the payment gateway are being declined with error 'processor_unavailable'. Our store makes no sales right now."),
        ("Stripe webhook payments not captured", "Payments are authorised but never captured since the last update, so every order of today is unpaid."),
    ], logs=True, can_escalate=False, weight=24),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Cannot log in", "I can't log in to {product}, it says my password is wrong but I reset it twice."),
        ("Password reset email never arrives", "I requested a password reset three times and no email arrives, not even in spam."),
        ("locked out of my account", "my account got locked after too many attempts, how do i unlock it"),
        ("Login loop", "After entering my password the login page just reloads and asks again."),
    ], i18n={
        "es": [("No puedo iniciar sesión", "No puedo entrar en mi cuenta, dice que la contraseña es incorrecta aunque la he cambiado.")],
        "de": [("Anmeldung nicht möglich", "Ich kann mich nicht anmelden, das Passwort wird als falsch angezeigt, obwohl ich es zurückgesetzt habe.")],
        "fr": [("Impossible de me connecter", "Je n'arrive pas à me connecter, le mot de passe est refusé alors que je l'ai réinitialisé.")],
    }),
    s("account", "MEDIUM", ["authentication", "security"], [
        ("Lost my phone, 2FA codes gone", "I lost my phone with the authenticator app and can't get past two-factor authentication. How can I recover my account?"),
        ("2FA reset needed", "New phone, old authenticator codes don't work anymore. Please reset my MFA."),
        ("Two factor not accepting codes", "The six digit codes from my authenticator are always rejected as invalid."),
    ]),
    s("account", "MEDIUM", ["authentication"], [
        ("SSO login fails for new employees", "New hires cannot sign in with our Azure AD single sign-on, they get 'user not provisioned'."),
        ("SAML error after certificate change", "Since we rotated our IdP certificate, SSO login shows 'invalid SAML response'."),
        ("Okta login broken", "Our Okta SSO integration stopped working, users see an error page after authenticating."),
    ], logs=True),
    s("account", "LOW", [], [
        ("Change the email on my account", "I would like to change the email address of my account to my new work address."),
        ("Update company name", "Our company was renamed, please update the organisation name on our account."),
        ("Change account owner", "I am leaving the company, how do I transfer ownership of the account to my colleague?"),
    ], i18n={
        "de": [("E-Mail-Adresse ändern", "Ich möchte die E-Mail-Adresse meines Kontos auf meine neue Adresse ändern.")],
        "es": [("Cambiar el correo de la cuenta", "Quisiera cambiar la dirección de correo de mi cuenta por la nueva del trabajo.")],
    }, can_escalate=False),
    s("account", "MEDIUM", [], [
        ("Delete my account and data", "Please delete my account and all personal data you hold about me, as is my right under GDPR."),
        ("Close our account", "We no longer use the service, please close our organisation's account."),
        ("Remove my personal data", "I want my profile and all my data removed from your systems."),
    ], i18n={
        "fr": [("Supprimer mon compte", "Merci de supprimer mon compte et toutes mes données personnelles conformément au RGPD.")],
        "de": [("Konto löschen", "Bitte löschen Sie mein Konto und alle personenbezogenen Daten gemäß DSGVO.")],
    }),
    s("account", "LOW", [], [
        ("Add a new user to our team", "How do I invite two new colleagues to our workspace?"),
        ("Remove a former employee", "Please remove the user j.smith from our organisation, he left last month."),
        ("Change user roles", "Can you make Anna an administrator of our account?"),
    ], can_escalate=False),
    s("account", "URGENT", ["security", "authentication"], [
        ("Account hacked", "Someone changed my password and email, I no longer have access and I see orders I did not place."),
        ("Suspicious logins on our admin account", "We got alerts of logins from Russia and Brazil on our admin account tonight. Nobody here did that."),
        ("Compromised account", "I believe my account has been compromised, there are API keys I never created."),
    ], can_escalate=False, weight=24),

    # ---------------------------------------------------------------- technical
    s("technical", "MEDIUM", ["networking"], [
        ("VPN keeps disconnecting", "The VPN client disconnects every few minutes since the last update, I have to reconnect constantly."),
        ("Cannot connect through VPN", "When I'm on the VPN I can't reach {product} at all, without VPN it works."),
        ("VPN drops", "vpn drops every 10 min, reconnect works but annoying"),
    ], i18n={
        "es": [("La VPN se desconecta", "La VPN se desconecta cada pocos minutos desde la última actualización.")],
        "de": [("VPN trennt ständig", "Die VPN-Verbindung bricht seit dem letzten Update alle paar Minuten ab.")],
        "fr": [("Le VPN se déconnecte", "Le VPN se déconnecte toutes les quelques minutes depuis la dernière mise à jour.")],
    }),
    s("technical", "HIGH", ["networking", "security"], [
        ("SSL certificate expired", "Browsers show 'your connection is not private' on our custom domain, the certificate seems to have expired."),
        ("TLS handshake errors", "Clients get TLS handshake failures when calling our custom domain since this morning."),
        ("Certificate warning on our portal", "Customers report a certificate warning when they open our portal domain."),
    ], logs=True),
    s("technical", "MEDIUM", ["networking"], [
        ("Custom domain not resolving", "We added a CNAME for help.example.com yesterday but the domain still does not resolve."),
        ("DNS setup question for custom domain", "Which DNS records do we need to point our subdomain to your service?"),
        ("Domain verification failing", "The TXT record is in place but domain verification keeps failing."),
    ]),
    s("technical", "MEDIUM", ["api"], [
        ("API returns 429 too many requests", "Our nightly sync hits 429 rate limit errors from the API after about 500 calls. What are the limits?"),
        ("Rate limited by the API", "We are getting rate limited on the REST endpoint /v2/contacts although we stay under 10 requests per second."),
        ("API token rejected", "Our integration gets 401 invalid_token although we generated a new API key today."),
    ], logs=True),
    s("technical", "MEDIUM", ["api"], [
        ("Webhooks not delivered", "Our endpoint stopped receiving webhook events since {day}. The endpoint is up and returns 200."),
        ("Webhook signature verification fails", "We can't verify the webhook signature, the HMAC never matches with our secret."),
        ("Missing webhook events", "Some order.created webhooks never arrive at our server."),
    ], logs=True),
    s("technical", "MEDIUM", ["email"], [
        ("Our notification emails go to spam", "Emails sent from {product} to our customers land in spam folders. Do we need SPF or DKIM records?"),
        ("Emails bounce", "Outgoing mails to customers bounce with '550 5.7.1 rejected by policy'."),
        ("SMTP relay not working", "The SMTP settings we configured do not send anything, the test email fails."),
    ], i18n={
        "fr": [("Nos e-mails arrivent en spam", "Les e-mails envoyés à nos clients arrivent dans les spams. Faut-il configurer SPF ou DKIM ?")],
    }, logs=True),
    s("technical", "URGENT", ["infrastructure"], [
        ("Site down", "Our whole site returns 502 Bad Gateway since 10 minutes. Nothing loads for anyone."),
        ("Service outage", "{product} is completely down for all our users, we get a blank page and timeouts."),
        ("Everything is down", "None of our services respond, the status page says operational but nothing works."),
    ], i18n={
        "es": [("Servicio caído", "Todo el sitio está caído desde hace 20 minutos, ningún cliente puede entrar.")],
        "de": [("Dienst komplett ausgefallen", "Die gesamte Plattform ist seit 20 Minuten nicht erreichbar, kein Kunde kann sich anmelden.")],
        "fr": [("Panne totale", "Tout le site est en panne depuis 20 minutes, aucun client ne peut se connecter.")],
    }, logs=True, can_escalate=False, weight=26),
    s("technical", "HIGH", ["performance", "infrastructure"], [
        ("Very slow since the update", "Since your update on {day} every page takes 20 seconds to load for our team."),
        ("Timeouts on reports", "Generating any report now times out after 60 seconds, it used to take 5."),
        ("App extremely sluggish", "{product} has become extremely slow today, our agents can barely work."),
    ], logs=True),
    s("technical", "MEDIUM", ["database"], [
        ("Database connection errors in sync", "Our nightly database sync fails with 'too many connections' on your Postgres replica."),
        ("SQL export query fails", "The SQL query export to our data warehouse fails with a syntax error since the schema change."),
        ("Replication lag", "Data in the read replica is hours behind, our reports show yesterday's numbers."),
    ], logs=True),
    s("technical", "MEDIUM", ["infrastructure"], [
        ("Deployment failing on Kubernetes", "Our on-premise deployment fails to start on Kubernetes, the pod crashes with exit code 137."),
        ("Docker image won't start", "The self-hosted docker image exits immediately with 'permission denied' on the data volume."),
        ("Upgrade of self-hosted instance failed", "The upgrade to 4.2 on our own server stopped halfway through the migration."),
    ], logs=True),

    # ---------------------------------------------------------------- bug
    s("bug", "MEDIUM", ["ui"], [
        ("Save button does nothing", "When I click Save on the profile page nothing happens, no error, changes are lost."),
        ("Button not responding", "The 'Submit' button on the contact form is greyed out even when all fields are filled."),
        ("Form won't submit", "the form on settings page does not submit, console shows an error"),
    ], i18n={
        "es": [("El botón guardar no funciona", "Al hacer clic en Guardar no pasa nada y se pierden los cambios.")],
        "de": [("Speichern-Knopf ohne Funktion", "Wenn ich auf Speichern klicke, passiert nichts und die Änderungen gehen verloren.")],
        "fr": [("Le bouton Enregistrer ne fait rien", "Quand je clique sur Enregistrer, rien ne se passe et les modifications sont perdues.")],
    }, logs=True),
    s("bug", "LOW", ["ui"], [
        ("Typo on the settings page", "There's a typo on the settings page: 'Notifcations' instead of 'Notifications'."),
        ("Layout broken on small screens", "On my laptop the sidebar overlaps the main content when the window is narrow."),
        ("Icon misaligned", "The export icon is a few pixels off next to the button, just cosmetic."),
        ("Dark mode colours", "In dark mode some labels are dark grey on black and hard to read."),
    ], can_escalate=False),
    s("bug", "MEDIUM", ["mobile"], [
        ("App crashes on startup", "The iOS app crashes immediately after the splash screen since the latest update."),
        ("Android app freezes", "The Android app freezes when I open the notifications tab, I have to force close it."),
        ("Mobile app login crash", "iPhone app closes itself when I tap 'Sign in'."),
    ], i18n={
        "de": [("App stürzt beim Start ab", "Die iOS-App stürzt seit dem letzten Update direkt nach dem Start ab.")],
        "fr": [("L'application plante au démarrage", "L'application Android plante dès l'ouverture depuis la dernière mise à jour.")],
        "es": [("La app se cierra sola", "La aplicación de iPhone se cierra al abrirla desde la última actualización.")],
    }),
    s("bug", "MEDIUM", ["ui"], [
        ("Export to CSV produces empty file", "Exporting the contacts list to CSV downloads a file with only the header row."),
        ("PDF export has wrong dates", "Dates in the PDF export are shifted by one day compared to the screen."),
        ("Report totals wrong", "The monthly report shows a total that doesn't match the sum of the rows."),
    ], logs=True),
    s("bug", "MEDIUM", [], [
        ("Error 500 when opening an order", "Opening order #4411 gives an internal server error 500, other orders open fine."),
        ("Page shows 'something went wrong'", "The invoices page shows 'Something went wrong' every time I open it."),
        ("Crash when uploading attachment", "Uploading a PDF attachment to a ticket ends with an error page."),
    ], logs=True),
    s("bug", "HIGH", ["database"], [
        ("Changes not saved, data disappears", "Edits to customer records disappear after a refresh, we have re-entered data three times today."),
        ("Duplicate records created", "Each import now creates duplicate contacts, our database has thousands of duplicates."),
        ("Sync overwrote our data", "The two-way sync overwrote newer data with old values for some accounts."),
    ], logs=True),
    s("bug", "URGENT", ["database"], [
        ("All our data is gone", "After this morning's update our project list is empty. Years of data are gone. Please restore a backup."),
        ("Data loss after migration", "The migration deleted every attachment uploaded before 2025. This is data loss for all our customers."),
        ("Records deleted by bulk action", "A bulk action deleted all 12,000 contacts instead of the 12 selected ones."),
    ], can_escalate=False, weight=24),
    s("bug", "MEDIUM", ["email"], [
        ("Notification emails not sent", "We stopped receiving email notifications for new comments."),
        ("Duplicate notification emails", "Every notification email arrives three times."),
        ("Email template shows raw code", "The reminder email shows {{customer_name}} instead of the name."),
    ]),
    s("bug", "MEDIUM", ["performance", "ui"], [
        ("Search takes forever", "Searching for a customer takes more than 30 seconds and often shows nothing."),
        ("Dashboard never finishes loading", "The dashboard spinner keeps turning and the charts never appear."),
    ]),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", ["ui"], [
        ("Feature request: dark mode", "It would be great to have a dark mode for the web app."),
        ("Please add keyboard shortcuts", "Would be nice to have keyboard shortcuts for common actions like reply and close."),
        ("Suggestion: customizable dashboard", "I would love to rearrange the widgets on the dashboard."),
        ("Idea: bulk edit", "It would save us a lot of time if we could edit several records at once."),
    ], i18n={
        "es": [("Sugerencia: modo oscuro", "Sería genial tener un modo oscuro en la aplicación web.")],
        "de": [("Funktionswunsch: Dunkelmodus", "Es wäre toll, wenn die Web-App einen Dunkelmodus hätte.")],
        "fr": [("Suggestion : mode sombre", "Ce serait super d'avoir un mode sombre dans l'application.")],
    }, can_escalate=False),
    s("feature", "LOW", ["api"], [
        ("Feature request: webhook for deleted contacts", "Could you add a webhook event when a contact is deleted? We need it for our sync."),
        ("API endpoint for bulk import", "Please consider adding a bulk endpoint to the API so we can import many records in one call."),
        ("GraphQL API support", "Are there plans for a GraphQL API? We would prefer it over REST."),
    ], can_escalate=False),
    s("feature", "LOW", ["mobile"], [
        ("Offline mode for the app", "Our technicians often have no signal. An offline mode in the mobile app would help a lot."),
        ("iPad version please", "Is there a tablet layout planned for iPad? The phone layout is small."),
    ], can_escalate=False),
    s("feature", "LOW", [], [
        ("Export to Excel", "It would be nice if reports could be exported directly to Excel format."),
        ("Integration with Slack", "Please add a Slack integration so we get notified in our channel."),
        ("Multiple languages", "Can you add a German translation of the interface for our staff?"),
        ("Custom fields", "We'd like to add our own custom fields to the customer record."),
    ], i18n={
        "de": [("Wunsch: Export nach Excel", "Es wäre schön, wenn man Berichte direkt als Excel-Datei exportieren könnte.")],
        "fr": [("Demande : intégration Slack", "Pourriez-vous ajouter une intégration Slack pour recevoir les notifications ?")],
    }, can_escalate=False),
    s("feature", "LOW", ["security", "authentication"], [
        ("Support for hardware security keys", "We would like to use YubiKeys / WebAuthn as a second factor."),
        ("Enforce 2FA for all users", "Could you add a setting that forces two-factor authentication for everyone in our organisation?"),
        ("Audit log feature", "We'd like an audit log of who changed what, for compliance."),
    ], can_escalate=False),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I export my data?", "How can I export all my contacts and notes? I could not find it in the menu."),
        ("Where do I change notification settings?", "Where can I turn off the daily summary emails?"),
        ("How to add a signature", "How do I add a signature to my outgoing replies?"),
        ("Is it possible to merge two records?", "Is there a way to merge two duplicate customer entries?"),
        ("question about filters", "how do i save a filter so i dont have to set it every time"),
    ], i18n={
        "es": [("¿Cómo exporto mis datos?", "¿Cómo puedo exportar todos mis contactos? No lo encuentro en el menú.")],
        "de": [("Wie exportiere ich meine Daten?", "Wie kann ich alle meine Kontakte exportieren? Ich finde es nicht im Menü.")],
        "fr": [("Comment exporter mes données ?", "Comment puis-je exporter tous mes contacts ? Je ne le trouve pas dans le menu.")],
    }, can_escalate=False, weight=26),
    s("question", "LOW", ["api"], [
        ("How do I authenticate against the API?", "Which header do I send the API key in? The docs mention both."),
        ("Pagination in the API", "How does pagination work on the /contacts endpoint? Is there a cursor?"),
        ("Is there an SDK for Python?", "Do you provide an official Python SDK for the REST API?"),
    ], can_escalate=False),
    s("question", "LOW", ["billing"], [
        ("Which payment methods do you accept?", "Can we pay by bank transfer instead of credit card?"),
        ("When will I be billed?", "If I upgrade today, when is the next charge taken?"),
        ("Do you charge VAT?", "Will VAT be added to the price for a business in Austria?"),
    ], can_escalate=False),
    s("question", "LOW", ["mobile"], [
        ("Is there an Android app?", "Do you have an app for Android phones or only iPhone?"),
        ("How to enable push notifications", "How can I enable push notifications in the mobile app?"),
    ], can_escalate=False),
    s("question", "LOW", ["security"], [
        ("Where is our data stored?", "In which country are your servers? We need data residency in the EU."),
        ("Do you have SOC 2?", "Our security team asks whether you are SOC 2 or ISO 27001 certified."),
        ("Encryption at rest?", "Is customer data encrypted at rest and in transit?"),
    ], can_escalate=False),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Thank you!", "Just wanted to say your support team was great last week, thanks a lot."),
        ("Feedback on the new design", "The new design looks nice, although I miss the old colours. Keep it up."),
        ("Compliment for Sarah", "Sarah from your team helped us a lot during onboarding, please pass on our thanks."),
    ], i18n={
        "es": [("¡Gracias!", "Solo quería agradecer al equipo de soporte por la ayuda de la semana pasada.")],
        "fr": [("Merci !", "Je voulais simplement remercier votre équipe pour son aide la semaine dernière.")],
    }, can_escalate=False),
    s("general", "LOW", [], [
        ("Who is our account manager?", "We have a few contract questions, who is our account manager now?"),
        ("Contact for partnership", "We are an agency and would like to talk about becoming a reseller partner."),
        ("Office hours", "What are your support hours during the holidays?"),
        ("Press inquiry", "I am a journalist writing about help desk software and would like to interview someone."),
        ("Meeting request", "Could we schedule a call next week to review our contract renewal?"),
    ], i18n={
        "de": [("Ansprechpartner gesucht", "Wer ist aktuell unser Ansprechpartner für Vertragsfragen?")],
        "fr": [("Demande de partenariat", "Nous sommes une agence et souhaitons devenir revendeur partenaire.")],
    }, can_escalate=False),
    s("general", "MEDIUM", [], [
        ("Contract renewal documents", "Our contract ends next month, please send the renewal offer and the updated terms."),
        ("Need a signed DPA", "Our legal team needs a signed data processing agreement before renewal."),
        ("Supplier onboarding form", "Please fill in our supplier onboarding form so we can keep paying you."),
    ]),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("test", "test test please ignore"),
        ("Hello", "hello? is anyone reading this?"),
        ("asdf", "sorry, sent by mistake"),
        ("Wrong address", "I think I sent this to the wrong company, please disregard."),
    ], can_escalate=False),
    s("other", "LOW", [], [
        ("Job application", "I would like to apply for the support engineer position, CV attached."),
        ("SEO services offer", "We can bring your website to the first page of Google, reply for a free audit."),
        ("Are you hiring?", "Do you have internships for students this summer?"),
        ("Business proposal", "Our company sells office chairs at wholesale prices, interested?"),
    ], i18n={
        "es": [("Solicitud de empleo", "Me gustaría postular al puesto de soporte técnico, adjunto mi CV.")],
        "de": [("Bewerbung", "Ich möchte mich auf die Stelle im Support bewerben, mein Lebenslauf ist angehängt.")],
    }, can_escalate=False),
    s("other", "LOW", [], [
        ("Lost item in your office", "I think I left my umbrella at your office after the meetup yesterday."),
        ("Parking at your building", "Where can visitors park when coming to your Berlin office?"),
        ("Unsubscribe me", "Please stop sending me your newsletter."),
    ], can_escalate=False),
]
