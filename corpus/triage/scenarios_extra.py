"""A third pass of scenarios, written apart from the first two: other industries (shops,
clinics, schools, logistics, agencies), other products and other people's ways of writing.
Each scenario has few copies, so the model learns from many situations, not many repeats
of a few."""

from scenarios import s

W = 9  # copies per scenario: breadth over repetition

EXTRA = [
    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Wrong currency on our invoices", "Since we moved to the UK office our invoices are still issued in dollars. We need them in GBP from now on."),
        ("Charged after downgrade", "We downgraded to the free tier on the 3rd and the card was still debited 240 EUR on the 5th."),
        ("Seat count on bill is wrong", "The bill lists 45 seats but we only have 31 active members. Please correct it and credit the difference."),
    ], weight=W),
    s("billing", "LOW", ["billing"], [
        ("Receipt for expense report", "Could you send me a PDF receipt for last month's payment? I need it for my expense report."),
        ("Change the billing contact", "Please send future invoices to accounts@northwind.example instead of me."),
        ("Purchase order number on invoice", "Our finance team asks that PO 88121 is printed on the next invoice. Is that possible?"),
    ], can_escalate=False, weight=W),
    s("billing", "LOW", ["billing"], [
        ("Do you accept bank transfer?", "We cannot pay by card due to company policy. Do you accept SEPA bank transfer for the yearly plan?"),
        ("Education discount", "I'm a teacher at a public school. Is there a discounted price for schools?"),
        ("When is the next charge?", "When will the next renewal be charged? I want to make sure the card has funds."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Aceptan transferencia bancaria?", "No podemos pagar con tarjeta. ¿Aceptan transferencia para el plan anual?")],
        "de": [("Zahlung per Überweisung?", "Wir können nicht per Kreditkarte zahlen. Akzeptieren Sie Überweisung für den Jahresplan?")],
        "fr": [("Paiement par virement ?", "Nous ne pouvons pas payer par carte. Acceptez-vous le virement pour l'abonnement annuel ?")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Account suspended for non-payment by mistake", "Our workspace was suspended for an unpaid invoice that we paid two weeks ago, remittance attached. The whole sales team cannot work."),
        ("Payout to our bank not received", "The marketplace payout of 18,400 EUR due on Friday never reached our bank account. We have suppliers to pay this week."),
        ("Subscription cancelled after failed charge", "Your system cancelled our subscription after one failed charge and 60 people lost access this morning."),
    ], weight=W),
    s("billing", "URGENT", ["billing", "api"], [
        ("Customers charged multiple times", "Since the deploy an hour ago some shoppers are being charged three or four times for one order. Refund requests are pouring in, please stop it now."),
        ("Payment terminal integration down", "None of our 40 stores can take card payments, the terminals time out talking to your payments endpoint. Queues at every till."),
    ], logs=True, can_escalate=False, weight=W),
    s("billing", "MEDIUM", ["billing"], [
        ("Tax charged although we're exempt", "We uploaded our tax exemption certificate but sales tax is still added to every invoice."),
        ("Coupon not applied", "I entered the code SPRING30 at checkout and was charged full price anyway."),
        ("Trial converted without warning", "My trial turned into a paid plan without any reminder email. I'd like it reversed."),
    ], weight=W, i18n={
        "de": [("Gutschein nicht angewendet", "Ich habe den Code SPRING30 eingegeben und trotzdem den vollen Preis bezahlt.")],
        "fr": [("Code promo non appliqué", "J'ai saisi le code SPRING30 mais j'ai payé le plein tarif.")],
        "es": [("Cupón no aplicado", "Introduje el código SPRING30 y me cobraron el precio completo.")],
    }),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Lost my phone with the authenticator", "My phone was stolen and with it the 2FA app. I can't get into my account any more. How can I prove it's me?"),
        ("Backup codes don't work", "None of my two-factor backup codes are accepted, I'm stuck at the verification step."),
        ("SMS code never arrives", "The verification text message never comes, I've tried five times over two days."),
    ], weight=W, i18n={
        "es": [("No me llega el código SMS", "El código de verificación por SMS nunca llega y no puedo entrar en mi cuenta.")],
        "de": [("Kein SMS-Code", "Der Bestätigungscode per SMS kommt nie an, ich komme nicht in mein Konto.")],
        "fr": [("Code SMS jamais reçu", "Le code de vérification par SMS n'arrive jamais, je ne peux pas me connecter.")],
    }),
    s("account", "LOW", [], [
        ("Change my display name", "How do I change the name other people see? It still shows my maiden name."),
        ("Update email address", "I have a new work address, please change the email on my profile to j.ortiz@newco.example."),
        ("Merge two accounts", "I accidentally created a second account with my personal email. Can you merge it into my work one?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Changer mon adresse e-mail", "J'ai une nouvelle adresse professionnelle, pouvez-vous modifier l'e-mail de mon profil ?")],
        "de": [("E-Mail-Adresse ändern", "Bitte ändern Sie die E-Mail-Adresse in meinem Profil auf meine neue Firmenadresse.")],
    }),
    s("account", "LOW", [], [
        ("Close my account", "Please close my account and delete my personal data. I no longer use the service."),
        ("Remove a former employee", "Maria left the company last month. How do we remove her user and keep her files?"),
        ("Transfer ownership of the workspace", "I'm leaving the company and need to make my colleague the owner of our workspace."),
    ], can_escalate=False, weight=W),
    s("account", "HIGH", ["authentication", "security"], [
        ("Someone changed my password", "I got an email that my password was changed, but it wasn't me. Now I can't log in and I see orders I didn't place."),
        ("Account taken over", "My account email was changed to an address I don't know and the attacker is messaging my customers."),
    ], weight=W),
    s("account", "HIGH", ["authentication"], [
        ("SSO login broken for our team", "Since this morning nobody in our company can sign in through Okta, we get 'SAML response invalid'. 80 agents are locked out."),
        ("Admins locked out", "Both of our admins are locked out after the password policy change and nobody can manage users."),
    ], weight=W),
    s("account", "MEDIUM", [], [
        ("Invitation link expired", "The invitation link my manager sent says it expired, and she's on holiday. How do I join the team?"),
        ("Can't accept invite", "Clicking 'accept invitation' takes me to an empty page and I never get added to the organisation."),
        ("Wrong role after joining", "I joined as a viewer but I should be an editor, and I can't change it myself."),
    ], weight=W),

    # ---------------------------------------------------------------- technical
    s("technical", "MEDIUM", ["api"], [
        ("API returns 401 with a valid token", "Our integration gets 401 Unauthorized on every call although the token was created today and has full scope."),
        ("Rate limited at low volume", "We receive 429 Too Many Requests after about 20 calls a minute, far below the documented limit."),
        ("Pagination cursor repeats results", "When paging through /v2/orders with the next cursor we get the same 100 records twice."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("Our emails land in spam", "Notifications sent from our custom domain end up in spam for Gmail recipients. SPF and DKIM look correct to us."),
        ("Custom sender domain not verifying", "We added the DNS records for our sender domain two days ago and it still shows 'pending verification'."),
        ("Bounced emails", "About a third of our outgoing messages bounce with '550 5.7.1 rejected'."),
    ], weight=W, i18n={
        "de": [("E-Mails landen im Spam", "Unsere Benachrichtigungen von der eigenen Domain landen bei Gmail im Spam-Ordner.")],
        "es": [("Los correos llegan a spam", "Los avisos que enviamos desde nuestro dominio acaban en la carpeta de spam.")],
    }),
    s("technical", "HIGH", ["networking", "infrastructure"], [
        ("VPN tunnel to your service dropping", "The site-to-site tunnel to your data centre drops every few minutes, our warehouse scanners lose the connection and picking has stopped."),
        ("Connection timeouts from our region", "All requests from our servers in Singapore time out since last night. Other regions are fine."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["networking"], [
        ("Firewall whitelist", "Our IT department needs the list of IP addresses your service connects from so they can allow it through the firewall."),
        ("Proxy breaks the desktop app", "Behind our corporate proxy the desktop client says 'network unavailable', while the browser works."),
        ("DNS for custom domain", "Which CNAME record do we need for the help centre on support.ourdomain.example?"),
    ], weight=W),
    s("technical", "MEDIUM", ["database"], [
        ("Import stuck at 99 percent", "The CSV import of our 200,000 products has been stuck at 99% since yesterday afternoon."),
        ("Sync with our database duplicates rows", "The nightly sync to our MySQL server creates duplicate customer rows every run."),
        ("Backup restore fails", "Restoring last week's backup fails with 'checksum mismatch' on the attachments table."),
    ], logs=True, weight=W),
    s("technical", "URGENT", ["infrastructure", "database"], [
        ("Production database unreachable", "Our hosted instance can't reach its database since 03:10, every page shows 'connection refused'. All customers are affected."),
        ("Disk full on hosted instance, site down", "The managed server ran out of disk and the shop is offline. We lose orders every minute."),
    ], logs=True, can_escalate=False, weight=W),
    s("technical", "MEDIUM", ["api"], [
        ("Webhook signature doesn't verify", "The HMAC signature on your webhook never matches what we compute with our secret. Which bytes do you sign?"),
        ("SDK throws on startup", "The Python SDK version 4.2 raises ImportError: cannot import name 'Client' on startup."),
        ("OAuth redirect mismatch", "Our OAuth app gets 'redirect_uri_mismatch' although the URL is registered exactly."),
    ], logs=True, weight=W),
    s("technical", "LOW", ["infrastructure"], [
        ("Planning a migration to your cloud", "We're moving from self-hosted to your cloud next quarter. What do we need to prepare? No rush."),
        ("Staging environment request", "Could we get a sandbox environment to test upgrades before they hit production?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug
    s("bug", "MEDIUM", ["ui"], [
        ("Date picker shows wrong month", "When I open the date picker in the booking form it always jumps to January, whatever date is selected."),
        ("Save button greyed out", "The save button on the profile page stays greyed out even after I change fields."),
        ("Dropdown cut off", "The country dropdown on the checkout form is cut off at the bottom, I can't pick anything after Mexico."),
        ("Text overlaps in dark mode", "In dark mode the labels in the settings panel overlap the input fields and are unreadable."),
    ], weight=W, i18n={
        "es": [("El botón guardar no funciona", "El botón de guardar del perfil sigue desactivado aunque cambie los campos.")],
        "de": [("Speichern-Knopf ausgegraut", "Der Speichern-Knopf auf der Profilseite bleibt grau, auch wenn ich etwas ändere.")],
        "fr": [("Bouton enregistrer grisé", "Le bouton enregistrer de la page profil reste grisé même après modification.")],
    }),
    s("bug", "MEDIUM", ["mobile"], [
        ("Android app freezes on scan", "The Android app freezes when I scan a barcode, I have to force close it."),
        ("Push notifications duplicated", "On my iPhone every notification arrives twice since the last update."),
        ("Camera upload rotates photos", "Photos uploaded from the mobile app are rotated 90 degrees."),
    ], weight=W),
    s("bug", "LOW", ["ui"], [
        ("Typo in the footer", "The footer says 'Privacy Polcy'. Just letting you know."),
        ("Icon misaligned", "The bell icon in the header is a few pixels lower than the other icons. Cosmetic only."),
        ("Tooltip has wrong text", "Hovering 'Archive' shows the tooltip for 'Delete'. Minor, but confusing."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Faute de frappe", "Le pied de page indique 'Politique de confidentialté'. Rien de grave.")],
        "de": [("Tippfehler im Menü", "Im Menü steht 'Einstelungen' statt 'Einstellungen'. Nur kosmetisch.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Report totals don't add up", "The monthly report shows 1,204 orders in total but the daily rows add up to 1,187."),
        ("Time zone wrong in exports", "Exported timestamps are in UTC although my profile is set to Europe/Madrid."),
        ("Search ignores accents", "Searching for 'Muñoz' finds nothing, 'Munoz' finds the customer. Search should handle accents."),
    ], weight=W),
    s("bug", "HIGH", ["database"], [
        ("Edits silently lost", "When two of us edit the same record, one person's changes vanish without any warning. We lost a day of work."),
        ("Records disappearing after sync", "After each sync some of our contacts disappear from the list. About 300 are gone so far."),
    ], weight=W),
    s("bug", "URGENT", ["security"], [
        ("Users can see other companies' data", "One of our users can open invoices belonging to another tenant by changing the number in the URL. This is a data leak."),
        ("Password shown in plain text in logs page", "The activity log page displays users' passwords in clear text to every member."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", ["performance"], [
        ("Dashboard takes a minute to load", "Since the update the dashboard takes 50 to 70 seconds to load for our whole team. Work has slowed to a crawl."),
        ("Search times out", "Every search now times out after 30 seconds. The support team can't find customers."),
    ], weight=W),
    s("bug", "MEDIUM", ["email"], [
        ("Notification emails show raw HTML", "The emails we receive about new comments show raw HTML tags instead of formatted text."),
        ("Unsubscribe link broken", "The unsubscribe link at the bottom of your newsletter leads to a 404."),
        ("Reply by email not threaded", "When customers reply to our email, the reply opens a new ticket instead of going to the existing one."),
    ], weight=W),
    s("bug", "MEDIUM", ["api"], [
        ("API returns 500 for unicode names", "Creating a contact with the name 'Zoë' via the API returns HTTP 500. ASCII names work."),
        ("Webhook sent twice", "Every order.created webhook reaches us twice, a second apart, with the same id."),
    ], logs=True, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", ["ui"], [
        ("Keyboard shortcuts please", "It would save us a lot of time if we could move between tickets with keyboard shortcuts."),
        ("Bulk edit", "Please add a way to select many items and change their status at once."),
        ("Custom columns in the list", "We'd love to choose which columns appear in the list view."),
        ("Dark mode for the editor", "Any plans for a dark theme in the editor? My eyes would thank you."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Modo oscuro", "¿Tienen pensado añadir un modo oscuro? Sería muy útil para trabajar de noche.")],
        "de": [("Tastenkürzel gewünscht", "Es wäre toll, wenn man mit Tastenkürzeln zwischen Einträgen wechseln könnte.")],
        "fr": [("Modification en masse", "Ce serait pratique de pouvoir modifier plusieurs éléments à la fois.")],
    }),
    s("feature", "LOW", ["api"], [
        ("GraphQL API", "Do you plan to offer a GraphQL endpoint? It would simplify our frontend a lot."),
        ("Webhook for deleted records", "Could you add a webhook event when a record is deleted? We only get created and updated."),
        ("Higher export limits", "It would be great if the export API allowed more than 10,000 rows per call."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", [], [
        ("Integration with Microsoft Teams", "Our company runs on Teams. An integration that posts updates to a channel would be great."),
        ("Recurring tasks", "Feature request: let us create tasks that repeat every week."),
        ("More languages", "Please translate the interface into Polish, half of our staff would benefit."),
        ("Calendar sync", "Suggestion: two-way sync with Google Calendar for appointments."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Synchronisation agenda", "Suggestion : une synchronisation avec Google Agenda pour les rendez-vous.")],
        "de": [("Kalender-Synchronisation", "Vorschlag: eine Synchronisation mit Outlook für Termine wäre super.")],
        "es": [("Tareas recurrentes", "Sugerencia: poder crear tareas que se repitan cada semana.")],
    }),
    s("feature", "LOW", ["mobile"], [
        ("Offline mode in the app", "Our technicians work in basements with no signal. An offline mode for the mobile app would help."),
        ("Tablet layout", "The iPad app just stretches the phone layout. A proper tablet view would be nice."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["security"], [
        ("Support for hardware keys", "We would like to use YubiKeys for two-factor login. Any plans?"),
        ("IP allowlist for admins", "Could you add an option to restrict admin logins to our office IP range?"),
        ("Audit log export", "Please let us export the audit log for our compliance reviews."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("How do I add a signature?", "Where do I set an email signature that's added to my replies?"),
        ("Can customers see internal notes?", "Just to be sure: are internal notes hidden from the customer?"),
        ("How to archive old projects", "What's the best way to archive projects we finished last year without deleting them?"),
        ("Difference between admin and owner", "What can an owner do that an admin can't?"),
        ("How do I change the language?", "How can I switch the interface to German?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Cómo añado una firma?", "¿Dónde configuro una firma que se añada a mis respuestas?"),
               ("¿Cómo cambio el idioma?", "¿Cómo puedo cambiar el idioma de la interfaz a inglés?")],
        "de": [("Wie füge ich eine Signatur hinzu?", "Wo kann ich eine Signatur für meine Antworten einstellen?"),
               ("Sprache ändern", "Wie stelle ich die Oberfläche auf Englisch um?")],
        "fr": [("Comment ajouter une signature ?", "Où puis-je configurer une signature ajoutée à mes réponses ?"),
               ("Changer la langue", "Comment passer l'interface en anglais ?")],
    }),
    s("question", "LOW", ["api"], [
        ("Is there a sandbox API key?", "Can we get a test key that doesn't create real orders while we develop?"),
        ("Which fields does the contact endpoint accept?", "Is there a list of the fields I can send when creating a contact through the API?"),
        ("What is the rate limit?", "How many API requests per minute are we allowed on the Business plan?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["security"], [
        ("Are you GDPR compliant?", "Our DPO asks whether you sign a data processing agreement and where the data is stored."),
        ("Do you have SOC 2?", "Can you share your SOC 2 report or other security certifications?"),
        ("Is data encrypted at rest?", "For our security questionnaire: is customer data encrypted at rest and in transit?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("DSGVO-Konformität", "Unser Datenschutzbeauftragter fragt, ob Sie einen AV-Vertrag unterschreiben und wo die Daten liegen.")],
        "fr": [("Conformité RGPD", "Notre DPO demande si vous signez un accord de traitement des données et où elles sont hébergées.")],
    }),
    s("question", "LOW", ["mobile"], [
        ("Does the app work on older iPhones?", "Which iOS version does the app need? Some of our staff have an iPhone 8."),
        ("Can I use the app without Google Play?", "Our company phones don't have Google Play. Is there an APK?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", [], [
        ("How do I export my data?", "I'd like to download all my records as a spreadsheet, how does that work?"),
        ("Can I schedule a report?", "Is it possible to get the weekly report emailed automatically every Monday?"),
        ("Where are the release notes?", "Where can I read what changed in the latest version?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Thank you!", "Just wanted to say your support team was fantastic last week. Keep it up."),
        ("Feedback on the new design", "The new look is cleaner, though I miss the old sidebar. Overall a good change."),
        ("Meeting request", "Could someone from your team join a call with us next month to talk about our plans for next year?"),
        ("Partnership inquiry", "We run a consultancy and would like to become a reseller partner. Who should we talk to?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¡Gracias!", "Solo quería agradecer la ayuda de su equipo la semana pasada.")],
        "de": [("Vielen Dank", "Ich wollte mich nur für die schnelle Hilfe Ihres Teams bedanken.")],
        "fr": [("Merci", "Je voulais simplement remercier votre équipe pour son aide la semaine dernière.")],
    }),
    s("general", "LOW", [], [
        ("Case study", "We'd be happy to be featured in a customer story. Who can we contact?"),
        ("Conference sponsorship", "Would your company be interested in sponsoring our user group meetup in Lyon?"),
        ("Visiting your office", "Will you have a booth at the trade fair in Berlin this spring?"),
    ], can_escalate=False, weight=W),
    s("general", "LOW", [], [
        ("Survey results", "Here are the answers to the survey you sent us. Overall we are satisfied."),
        ("Renewal conversation", "Our contract ends in March. We'd like to talk about renewing for three years."),
        ("Your status page", "Do you have a public status page we can subscribe to?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("SEO services for your website", "Dear sir, we can bring your website to the first page of Google. Reply for our price list."),
        ("Job application", "Hello, I'd like to apply for the support engineer position. My CV is attached."),
        ("Wrong company", "I think I sent this to the wrong company, I was trying to reach my bank."),
        ("Press inquiry", "I'm a journalist writing about remote work tools. Could I interview your CEO?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Oferta de servicios", "Ofrecemos diseño web y posicionamiento a precios imbatibles. Responda para más información.")],
        "de": [("Bewerbung", "Hallo, ich möchte mich als Support-Mitarbeiterin bewerben. Mein Lebenslauf ist angehängt.")],
        "fr": [("Mauvais destinataire", "Je crois que ce message ne vous était pas destiné, je voulais écrire à ma banque.")],
    }),
    s("other", "LOW", [], [
        ("test", "test test 123"),
        ("hello?", "is anyone there"),
        ("asdf", "sorry, pressed send by accident"),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("Lost property", "I left my umbrella in your office during the meeting on Tuesday."),
        ("Donation request", "Our school is collecting prizes for a charity raffle. Would you donate something?"),
        ("Student research", "I'm writing my thesis on customer support and would love to ask you a few questions."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- impact in other words
    s("technical", "URGENT", ["infrastructure"], [
        ("Everything is down for us", "None of our locations can open the app since about 7am. Patients are waiting at reception and we are booking on paper."),
        ("Hosted site returns 502", "Our storefront has been returning 502 Bad Gateway for forty minutes. It's the biggest sales day of the year."),
        ("Service outage in EU", "Your EU cluster seems to be down, our whole company is idle. Status page says nothing."),
    ], logs=True, can_escalate=False, weight=W),
    s("bug", "URGENT", ["database"], [
        ("Data wiped after update", "After this morning's update all client files from the last three months are gone from every account in our firm."),
        ("Orders deleted", "The cleanup job deleted live orders instead of drafts. Thousands of customer orders are missing right now."),
    ], can_escalate=False, weight=W),
    s("technical", "URGENT", ["security"], [
        ("We think we've been breached", "We found an unknown admin user created at 02:13 and a full export of our customer list was downloaded. Please help us lock it down."),
        ("API keys leaked", "Our API keys were pushed to a public GitHub repository an hour ago and someone is already using them to pull customer data."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", ["email"], [
        ("No emails going out since noon", "None of our appointment reminders have been sent since noon, clients are missing their appointments."),
        ("Password reset emails not sent to anyone", "None of our users receive password reset emails any more. Support is flooded with calls."),
    ], weight=W),
    s("technical", "HIGH", ["api"], [
        ("Integration broken before the deadline", "Our order import through your API has failed since Tuesday, and we must ship all pre-orders by Friday or pay penalties."),
        ("Payroll export failing", "The payroll export for 900 employees fails with a timeout and salaries must be sent to the bank tomorrow."),
    ], logs=True, weight=W),
    s("account", "URGENT", ["security", "authentication"], [
        ("Former employee still has admin access", "A fired employee still has admin rights and is deleting our data right now. We can't remove him, the button errors."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", ["mobile"], [
        ("App crashes for all drivers", "Since version 5.2 the driver app crashes at login for all 120 of our drivers. Deliveries are on hold."),
        ("iOS app won't open after update", "The iOS update crashes on launch for everyone in our sales team, they can't take orders in the field."),
    ], weight=W),
    s("billing", "MEDIUM", ["billing"], [
        ("URGENT!!! invoice has wrong address", "THE INVOICE HAS OUR OLD STREET NAME!!! FIX IT!!!"),
        ("Unacceptable!!", "I have asked twice for a receipt with our company name and still nothing!!! Terrible service!!!"),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["ui"], [
        ("URGENT: need a purple theme", "WE NEED A PURPLE THEME ASAP!!! Our brand colour is purple!!!"),
        ("Critical request!!!", "It is absolutely critical that you add emoji reactions to comments!!!"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", [], [
        ("Not urgent - question about reports", "No rush at all: can the monthly report include archived items?"),
        ("Whenever you have time", "Whenever someone has a moment: where do I change the default currency shown in reports?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- how-to in technical words
    s("question", "LOW", ["api"], [
        ("How do I paginate the orders endpoint?", "What is the right way to page through all orders with the REST API? Do I use offset or a cursor?"),
        ("Webhook retries?", "If our endpoint is down, how often do you retry a webhook and for how long?"),
        ("Which scopes does a read-only token need?", "We want a token that can only read tickets. Which scopes should we tick?"),
        ("Is there an OpenAPI file?", "Do you publish an OpenAPI or Swagger description of the API somewhere?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["authentication"], [
        ("How do I set up SAML?", "We use Azure AD. Where do I find the metadata URL to configure SAML single sign-on?"),
        ("Can we enforce 2FA for everyone?", "Is there a setting that forces all members of our workspace to use two-factor authentication?"),
        ("Session length", "How long does a login session last before people have to sign in again?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("SSO einrichten", "Wie richten wir Single Sign-On mit Azure AD ein? Wo finde ich die Metadaten-URL?")],
        "es": [("¿Cómo configuro SSO?", "Usamos Azure AD. ¿Dónde encuentro la URL de metadatos para configurar el inicio de sesión único?")],
    }),
    s("question", "LOW", ["database"], [
        ("Can we connect our BI tool?", "Is there a read replica or export we can point Power BI at for reporting?"),
        ("How long are backups kept?", "How many days of backups do you keep, and can we ask for a restore of a single record?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["email"], [
        ("How do I use our own email domain?", "Which DNS records do I need so that notifications come from support@ourcompany.example?"),
        ("Can replies go to a shared inbox?", "Can customer replies be forwarded to our shared Outlook mailbox as well?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["billing"], [
        ("What happens if a payment fails?", "If our card expires, how long before the account is paused?"),
        ("Can we get one invoice for two workspaces?", "We have two workspaces. Is it possible to receive a single combined invoice?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- small defects, low impact
    s("bug", "LOW", [], [
        ("Sorting by name ignores lowercase", "When I sort contacts by name, names starting with a lowercase letter end up at the bottom. Not a big deal."),
        ("Wrong plural", "The counter says '1 tickets'. Small thing."),
        ("Export file name has no date", "Exported files are always called export.csv, a date in the name would be better. There is a workaround, I rename them."),
        ("Avatar blurry", "Profile pictures look blurry on high resolution screens."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Plural incorrecto", "El contador dice '1 tickets'. Es un detalle sin importancia.")],
        "fr": [("Avatar flou", "Les photos de profil sont floues sur les écrans haute résolution. Rien d'urgent.")],
    }),
    s("bug", "LOW", ["mobile"], [
        ("App forgets dark mode", "The Android app switches back to light mode after every restart. Annoying but harmless."),
        ("Keyboard covers the button", "On small iPhones the keyboard covers the send button, I have to close it first."),
    ], can_escalate=False, weight=W),
    s("technical", "LOW", ["api"], [
        ("Deprecated field warning", "Our logs show a deprecation warning for the field 'customer_ref'. What should we use instead, and by when?"),
        ("SDK version mismatch", "The Java SDK pulls an old version of Jackson. Not blocking us, just wanted to flag it."),
    ], can_escalate=False, weight=W),
    s("account", "LOW", ["authentication"], [
        ("Remember me doesn't remember", "I tick 'remember me' but still have to log in every morning. I can live with it."),
        ("Login page language", "The login page always shows English although my browser is set to French."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug or technical
    s("bug", "MEDIUM", [], [
        ("Filter resets when I go back", "When I filter the list and open an item, pressing back loses the filter every time."),
        ("Duplicate entries after import", "Every contact I import appears twice in the list, although the file has each once."),
        ("Wrong totals in invoice preview", "The invoice preview adds the discount twice, the final PDF is right."),
        ("Notifications for archived items", "I still get notifications for projects that were archived weeks ago."),
    ], weight=W, i18n={
        "de": [("Filter geht verloren", "Wenn ich die Liste filtere und einen Eintrag öffne, ist der Filter nach dem Zurückgehen weg.")],
        "fr": [("Doublons après import", "Chaque contact importé apparaît deux fois dans la liste.")],
    }),
    s("technical", "MEDIUM", ["infrastructure"], [
        ("Self-hosted upgrade fails", "Upgrading our self-hosted installation from 3.4 to 3.5 stops at the migration step with 'permission denied for schema public'."),
        ("Docker container restarts", "The docker image keeps restarting on our server with exit code 137 after about an hour."),
        ("SSL certificate not renewing", "The certificate for our custom domain expired yesterday and did not renew automatically."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["api", "networking"], [
        ("Requests hang from our office", "API calls from our office network hang for 30 seconds, the same calls from home are instant."),
        ("TLS handshake errors", "Our old Java service gets 'handshake_failure' when calling your API since last week."),
    ], logs=True, weight=W),

    # ---------------------------------------------------------------- general and other in more words
    s("general", "LOW", [], [
        ("Suggestions from our team", "We collected some thoughts from our team after the first month. Overall we like it a lot; the onboarding could be shorter."),
        ("Contact for our account manager", "Who is our account manager now that Petra left?"),
        ("Holiday opening hours", "Is your support open between Christmas and New Year?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Öffnungszeiten über Weihnachten", "Ist Ihr Support zwischen Weihnachten und Neujahr erreichbar?")],
        "es": [("Horario en vacaciones", "¿Está abierto su soporte entre Navidad y Año Nuevo?")],
    }),
    s("other", "LOW", [], [
        ("Out of office", "I am out of the office until Monday with limited access to email."),
        ("Unsubscribe me from sales calls", "Your sales team keeps calling my personal phone. Please stop."),
        ("Crypto investment opportunity", "Earn 40% a month with our trading bot, limited places, reply now."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Absence du bureau", "Je suis absent jusqu'à lundi avec un accès limité à mes e-mails.")],
        "de": [("Abwesenheitsnotiz", "Ich bin bis Montag nicht im Büro und lese meine E-Mails nur eingeschränkt.")],
    }),
]
