"""A fifth pass of scenarios, written apart from the others in the voices tickets arrive in:
a story told in order ("first… then…"), a forwarded complaint, a quoted error, a reply to an
old thread, a manager writing for a team. It leans on the boundaries the earlier passes leave
thin: a defect in the product (bug) against a problem in the customer's setup or an
integration (technical), a how-to (question) against a wish (feature) against a change to the
account, and business mail to the vendor (general) against mail that is not for a helpdesk at
all (other). Few copies each, so the model learns what a ticket is about, not its wording."""

from scenarios import s

W = 4

VOICES = [
    # ---------------------------------------------------------------- bug: the product is wrong
    s("bug", "MEDIUM", [], [
        ("Filter forgets itself", "First I filter the list by region, then I open one record and go back. The filter is gone and I'm looking at everything again. Happens every time."),
        ("Wrong totals after editing a line", "If I change the quantity on one line of a quote, the total at the bottom keeps the old amount until I reload the page."),
        ("Dates shift by one day", "Every date I enter in the due date field is saved one day earlier. I type the 14th, it shows the 13th."),
    ], weight=W, i18n={
        "es": [("Las fechas se guardan un día antes", "Cada fecha que pongo en el campo de vencimiento se guarda un día antes. Escribo el 14 y aparece el 13.")],
        "de": [("Datum verschiebt sich um einen Tag", "Jedes Datum, das ich im Fälligkeitsfeld eingebe, wird einen Tag früher gespeichert.")],
    }),
    s("bug", "MEDIUM", ["ui"], [
        ("Fwd: button does nothing", "Forwarding this from our front desk: the 'Check in' button doesn't react when they click it. Nothing in the screen changes, no message. Worked last week."),
        ("Modal can't be closed", "The 'new contact' popup has no working close button. Escape doesn't close it either, I have to reload and lose what I typed."),
        ("Table columns jump around", "Whenever I sort by a column, the columns reorder themselves and the one I sorted ends up at the far right."),
    ], weight=W, i18n={
        "fr": [("Le bouton ne fait rien", "Le bouton 'Enregistrer' ne réagit plus quand on clique dessus. Aucun message, rien ne se passe.")],
    }),
    s("bug", "LOW", [], [
        ("Tooltip shows wrong text", "Hovering over the archive icon says 'Delete'. It archives correctly, the label is just wrong."),
        ("Page title says Untitled", "The browser tab for the reports page always says 'Untitled'. Cosmetic, but thought you'd want to know."),
        ("Empty state picture is stretched", "When a list is empty the illustration is squashed sideways. Harmless."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", [], [
        ("Invoices generated with someone else's logo", "Since this morning the PDFs we send to clients carry another company's logo and address. We've stopped sending invoices for now, 40 are waiting."),
        ("Approvals skip the manager", "Expense claims are marked approved the moment they're submitted, without going to the manager. Finance has already paid out several."),
    ], weight=W),
    s("bug", "URGENT", ["security"], [
        ("I can see other customers' tickets", "Logged in as our normal user I can open tickets from companies I've never heard of by changing the number in the address bar. That's their private data."),
        ("Shared link opens the whole workspace", "A 'view only' link we sent to one supplier lets them edit and browse every project we have."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("iPhone app logs me out when I switch apps", "Each time I switch to another app and back, the iOS app has logged me out and wants the password again."),
        ("Android keyboard covers the input", "On Android the keyboard hides the message field, so I can't see what I'm typing in chat."),
        ("Offline changes lost on sync", "I did my inspections offline on the tablet; when it got signal again half of them didn't sync and are gone from the app."),
    ], weight=W),
    s("bug", "MEDIUM", ["email"], [
        ("Reply notifications link to a 404", "The 'view reply' link in your notification emails goes to a page not found."),
        ("Emails show raw HTML", "Since the update the reminder emails show the HTML tags as text, like <p> and <br>."),
    ], weight=W),
    s("bug", "MEDIUM", ["performance"], [
        ("Board gets slower the longer it's open", "If I leave the planning board open for an hour it becomes so slow that dragging a card takes seconds. Reloading fixes it for a while."),
        ("Typing lags in long notes", "In notes longer than a page every keystroke takes half a second to appear."),
    ], weight=W),

    # ---------------------------------------------------------------- technical: setup, integrations, environment
    s("technical", "MEDIUM", ["api"], [
        ("Our Zapier zap stopped triggering", "The zap that creates a row in our sheet for every new order hasn't fired since Thursday. The connection test in Zapier says OK."),
        ("Importing through the API gives 422", "Our script that pushes contacts gets 422 Unprocessable Entity with 'phone: invalid' even for numbers in international format."),
        ("Token refresh returns invalid_grant", "Our backend refreshes the OAuth token every hour, since yesterday the refresh call answers invalid_grant."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("Replies from customers don't reach us", "We set up forwarding from support@ourshop to your inbound address, but replies from customers never show up as tickets."),
        ("DMARC failures on your mails", "Our mail gateway quarantines your notification emails, the report says DMARC fail for our domain."),
        ("SMTP relay rejects login", "We configured our own SMTP server in settings; sending fails with '535 authentication failed' though the credentials work in Outlook."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["networking"], [
        ("Scanner can't reach the server on the new Wi-Fi", "After our office moved to a new Wi-Fi network, the barcode scanners can't connect to the server. Laptops on the same network are fine."),
        ("TLS error from our on-prem gateway", "Our gateway logs 'certificate verify failed' when calling your endpoint since you renewed your certificate."),
        ("IPv6 only network can't connect", "Our new branch only has IPv6, and the client can't connect from there."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", ["infrastructure"], [
        ("Self-hosted upgrade fails on migration step", "Upgrading our self-hosted install from 5.3 to 5.4 stops at the migration step with exit code 1. We rolled back."),
        ("Docker container restarts in a loop", "The worker container keeps restarting every 30 seconds with 'out of memory'. The host has 8 GB free."),
        ("Cron jobs not running on our server", "Since we moved the install to a new VM the scheduled reminders don't go out. The cron entry is there."),
    ], logs=True, weight=W),
    s("technical", "HIGH", ["database"], [
        ("Replication lag on our dedicated instance", "Reports on our dedicated instance are hours behind the live data, the read replica seems stuck. Managers use these every morning."),
        ("Nightly ETL fails on your export", "Our warehouse load fails every night since your export started sending a new column. All dashboards for 200 staff are stale."),
    ], logs=True, weight=W),
    s("technical", "URGENT", ["infrastructure", "networking"], [
        ("Can't reach anything hosted by you", "None of your hosted pages load from any of our offices or from mobile data, DNS lookups fail. Our shop and bookings are offline."),
        ("Load balancer returns 503 to everyone", "Every request to our instance answers 503 Service Unavailable since 14:20. Customers can't log in or order anything."),
    ], can_escalate=False, weight=W),
    s("technical", "LOW", ["api"], [
        ("Deprecation warning in API responses", "Our logs show a 'Deprecation' header on the v1 endpoints. Nothing broken yet, we'd like to plan the move."),
        ("SDK prints a warning on startup", "The Node SDK logs 'punycode is deprecated' on start. Works fine, just noisy."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how do I / does it
    s("question", "LOW", [], [
        ("Where did the export button go?", "After the redesign I can't find where to export the list anymore. Did it move?"),
        ("Difference between archive and delete", "What is the difference between archiving and deleting a project? Can archived ones be restored?"),
        ("Can two people edit the same record?", "If two of us open the same order at once, whose changes win? Just want to understand before we train the team."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Dónde está el botón de exportar?", "Después del rediseño no encuentro dónde exportar la lista. ¿Se movió?")],
        "de": [("Unterschied zwischen Archivieren und Löschen", "Was ist der Unterschied zwischen Archivieren und Löschen? Kann man Archiviertes wiederherstellen?")],
        "fr": [("Où est passé l'export ?", "Depuis la nouvelle interface je ne trouve plus comment exporter la liste. Il a changé de place ?")],
    }),
    s("question", "LOW", [], [
        ("How are working hours counted?", "Does the response time in your reports count weekends, or only our business hours?"),
        ("What happens when the trial ends?", "If we don't pick a plan by the end of the trial, do we lose our data or is it kept for a while?"),
        ("Is there a limit on attachments?", "How large can a file be when I attach it to a record, and which formats are allowed?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["api"], [
        ("Do you send webhooks for updates too?", "I see a webhook for new orders. Is there one when an order changes, or do we need to poll?"),
        ("Is the API versioned?", "If we build on the API today, how long will this version keep working? Do you announce breaking changes?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["authentication"], [
        ("Does SSO work with Google Workspace?", "We're on Google Workspace. Can staff sign in with their Google account instead of a password?"),
        ("How long do sessions last?", "How long does a login stay valid before people have to sign in again? Can we change it?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["mobile"], [
        ("Does the app work offline?", "Our technicians are often in basements with no signal. Can they still fill in forms in the app?"),
        ("Can I use the app on two phones?", "I have a work phone and a private phone. Can I be logged in on both at the same time?"),
    ], can_escalate=False, weight=W),
    s("question", "MEDIUM", [], [
        ("Need to know how to close the month before Friday", "Our accountant starts Monday and I have to show her how closing the month works. Where is that done? We need it before Friday."),
        ("Training 40 new starters tomorrow", "We onboard 40 new agents tomorrow morning. How do I give them all the same view and permissions in one go?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature: please add / it would help
    s("feature", "LOW", [], [
        ("Idea: recurring tasks", "We do the same safety check every Monday. It would help if a task could repeat itself every week instead of us creating it again."),
        ("Would love a dark mode", "Our night shift works in a dark control room. A dark theme would be easier on the eyes."),
        ("Let us pin important notes", "Suggestion: let us pin one note to the top of a customer so everyone sees it first."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wunsch: wiederkehrende Aufgaben", "Es wäre hilfreich, wenn sich eine Aufgabe jede Woche automatisch wiederholen könnte.")],
        "fr": [("Suggestion : mode sombre", "Un thème sombre serait bien pratique pour notre équipe de nuit.")],
        "es": [("Sugerencia: tareas recurrentes", "Sería útil que una tarea se repitiera cada semana sin tener que crearla de nuevo.")],
    }),
    s("feature", "LOW", [], [
        ("Missing: export to Excel with formatting", "The CSV export works, but a real Excel file with the column widths and dates formatted would save our office manager time."),
        ("Please support more than one currency", "We've started selling in Switzerland. Any chance of quoting in CHF next to EUR?"),
        ("Add a field for the PO number", "Our bigger clients want their purchase order number on every order. A field for it would be great."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["api"], [
        ("Bulk endpoint request", "Creating 5,000 products one call at a time takes ages. A bulk create endpoint would help a lot."),
        ("Expose custom fields in the API", "Our custom fields don't appear in the API responses. Could you add them?"),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["authentication"], [
        ("Support passkeys", "Would you consider passkeys as a sign-in option? Our staff keep forgetting passwords."),
        ("Login with Microsoft", "A 'Sign in with Microsoft' button would make things easier for our office, we're all on 365."),
    ], can_escalate=False, weight=W),
    s("feature", "MEDIUM", [], [
        ("We'll need e-invoicing by January", "From January the law here requires electronic invoices in XRechnung format. Do you plan to support it? Otherwise we have to move our invoicing elsewhere."),
        ("Accessibility for a blind colleague", "A new colleague uses a screen reader and many buttons have no labels. Improving this matters for us, we're required to provide accessible tools."),
    ], weight=W),

    # ---------------------------------------------------------------- account: who can get in, and as whom
    s("account", "LOW", [], [
        ("Please update my email address", "I changed jobs inside the company and my email is now m.keller@north.example. Can you change it on my login?"),
        ("Remove a former employee", "Jonas left us last Friday. Please deactivate his user, I don't see the option."),
        ("Add two more seats for new hires", "We have two new people starting next week. How do I add them as users?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("E-Mail-Adresse ändern", "Meine E-Mail-Adresse hat sich geändert, bitte passen Sie sie bei meinem Login an.")],
        "es": [("Dar de baja a un exempleado", "Jonas dejó la empresa el viernes. Por favor desactiven su usuario.")],
    }),
    s("account", "MEDIUM", ["authentication"], [
        ("Verification email never arrives", "I signed up an hour ago and the email to confirm my address never came. Not in spam either. I can't log in without it."),
        ("Lost my phone with the 2FA app", "My phone was stolen and the codes were on it. How can I get back into my account?"),
        ("Password reset says the link is invalid", "Each time I request a new password and click the link it says 'invalid or expired token'."),
    ], weight=W, i18n={
        "fr": [("Téléphone perdu, plus de code 2FA", "On m'a volé mon téléphone avec l'application de codes. Comment récupérer l'accès à mon compte ?")],
        "es": [("No llega el correo de verificación", "Me registré hace una hora y no me llega el correo para confirmar la dirección. No puedo entrar.")],
    }),
    s("account", "MEDIUM", [], [
        ("Wrong permissions after role change", "I was promoted to team lead but I still can't see my team's reports. Can my role be updated?"),
        ("Our account was merged with another company", "After your migration our workspace shows users from another company with a similar name."),
    ], weight=W),
    s("account", "HIGH", ["security", "authentication"], [
        ("Ex-employee still logging in", "We removed a dismissed employee yesterday but the audit log shows he logged in this morning and downloaded files."),
        ("Phishing mail used our login page", "Several of our staff entered their passwords on a fake copy of your login page. Please help us reset everyone and check access."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- billing: money between us
    s("billing", "MEDIUM", ["billing"], [
        ("Charged after we cancelled", "We cancelled in writing on 28 September (reply attached) and were still charged for October and November."),
        ("Tax added twice", "The invoice adds 19% VAT to a price that already includes it."),
        ("Seats billed for deactivated users", "We're paying for 30 seats but only 22 users are active. The deactivated ones seem to count."),
    ], weight=W, i18n={
        "de": [("Nach Kündigung weiter abgebucht", "Wir haben am 28. September schriftlich gekündigt und wurden trotzdem für Oktober und November belastet.")],
        "fr": [("TVA comptée deux fois", "La facture ajoute 20 % de TVA sur un prix qui la contient déjà.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Can we pay by bank transfer?", "Our finance team prefers to pay invoices by bank transfer instead of card. Is that possible?"),
        ("Quote for 50 more licences", "Could you send us a quote for 50 additional licences for next year's budget?"),
        ("Invoice in our company's name", "Please put the company name instead of my name on future invoices."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Podemos pagar por transferencia?", "Nuestro departamento financiero prefiere pagar las facturas por transferencia bancaria. ¿Es posible?")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Account suspended for non-payment, but we paid", "We paid invoice 7731 on the 3rd (proof attached) and today the account was suspended for non-payment. The whole office is locked out."),
        ("Payout to our account missing", "The weekly payout of our online sales didn't arrive. We rely on it to pay suppliers on Friday."),
    ], weight=W),

    # ---------------------------------------------------------------- general: business mail to the vendor
    s("general", "LOW", [], [
        ("Feedback after six months", "We've used the system for six months now. The team likes it, especially the calendar. Reports could be clearer. Happy to talk more."),
        ("Who is our account manager?", "We were told we'd get a named contact after signing. Who should we talk to about our plans for next year?"),
        ("Introduction from our new IT lead", "Hello, I'm the new IT lead at Marlow Foods and will be your contact from now on. Nice to meet you."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Retour après six mois", "Nous utilisons le système depuis six mois. L'équipe est contente, surtout du calendrier. Au plaisir d'en discuter.")],
        "de": [("Vorstellung neuer Ansprechpartner", "Guten Tag, ich bin der neue IT-Leiter und ab sofort Ihr Ansprechpartner.")],
    }),
    s("general", "LOW", [], [
        ("Do you offer training sessions?", "We'd like a training day for our team leads. Do you offer that, and what does it involve?"),
        ("Partnership enquiry", "We build apps for dental practices and would like to discuss an integration partnership with you."),
        ("Holiday support hours", "Are you open between Christmas and New Year? We want to let our staff know who to call."),
    ], can_escalate=False, weight=W),
    s("general", "LOW", [], [
        ("Complaint about your sales rep", "The salesperson who called us yesterday was pushy and wouldn't take no for an answer. Please pass this on."),
        ("Our references for your tender", "As requested, here are the contact details of two references for the public tender."),
        ("Newsletter too frequent", "We get your product newsletter three times a week. Once a month would be plenty."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this helpdesk
    s("other", "LOW", [], [
        ("Guest post opportunity", "Hi team, I run a blog about productivity and would love to publish an article on your site. Let me know your rates."),
        ("Invitation: webinar on crypto trading", "Join our free webinar and learn how to earn 10,000 USD a month from home!"),
        ("Unsubscribe", "unsubscribe"),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("Parking space", "Is the car in space 14 yours? It's been blocking our delivery entrance all morning."),
        ("Meant for my doctor", "Sorry, this message was meant for my doctor's office, please ignore it."),
        ("Out of office", "I'm out of the office until 12 January with limited access to email. For urgent matters contact my colleague."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Fuera de la oficina", "Estaré fuera de la oficina hasta el 12 de enero. Para asuntos urgentes, contacte a mi compañera.")],
        "de": [("Abwesenheitsnotiz", "Ich bin bis zum 12. Januar nicht im Büro. In dringenden Fällen wenden Sie sich an meine Kollegin.")],
        "fr": [("Absence du bureau", "Je suis absent jusqu'au 12 janvier avec un accès limité aux e-mails.")],
    }),
    s("other", "LOW", [], [
        ("Selling office furniture", "We're clearing our old office and have 20 desks and chairs for sale. Interested?"),
        ("Quiz night", "Our pub quiz team is looking for a sponsor for the league shirts."),
        (".", "."),
    ], can_escalate=False, weight=W),
]
