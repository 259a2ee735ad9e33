"""A fourth pass of scenarios, written apart from the others: the shapes tickets take in the
field (one-line asks, forwarded threads, tickets about a colleague's problem, questions that
mention money or logins without being about them) across other trades: HR and payroll,
logistics, hotels, schools, labs, law firms, restaurants, developers. Many situations with
few copies each, so the model learns boundaries instead of phrasings."""

from scenarios import s

W = 5

FIELD = [
    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Overcharged for add-on we removed", "We switched off the SMS add-on in August, it's still on every monthly bill since."),
        ("Annual price went up without notice", "Our renewal came in 30% higher than last year and nobody told us. Please explain or apply last year's rate."),
        ("Paid but plan still says trial", "Card was charged yesterday, the workspace still shows 'trial ends in 2 days'."),
    ], weight=W, i18n={
        "es": [("Pagado pero sigue en prueba", "Me cobraron ayer y la cuenta todavía dice que estoy en periodo de prueba.")],
        "de": [("Bezahlt, aber noch Testphase", "Die Karte wurde gestern belastet, das Konto zeigt aber immer noch 'Testphase'.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Switch to yearly billing", "We'd like to move from monthly to yearly billing at the next renewal."),
        ("Add our cost centre to invoices", "Could the cost centre code HR-204 appear on our invoices from now on?"),
        ("Copy of all invoices for 2025", "Our auditor wants every invoice from last year in one zip, whenever you can."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Passer à la facturation annuelle", "Nous souhaitons passer de la facturation mensuelle à annuelle au prochain renouvellement.")],
    }),
    s("billing", "MEDIUM", ["billing"], [
        ("Cancel our subscription", "We're closing the shop at the end of the month, please cancel the plan and stop charging the card."),
        ("Downgrade to the basic plan", "Please downgrade us to Basic from next month, we don't use the reporting features."),
        ("Refund for unused months", "We cancelled in March after paying for the year. Can we get the remaining months refunded?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Abo kündigen", "Wir schließen das Geschäft Ende des Monats, bitte kündigen Sie das Abo und buchen nichts mehr ab.")],
        "es": [("Cancelar la suscripción", "Cerramos la tienda a fin de mes, por favor cancelen el plan y dejen de cobrar la tarjeta.")],
    }),
    s("billing", "HIGH", ["billing"], [
        ("Direct debit failed, service at risk", "Your reminder says the service stops tomorrow because the direct debit bounced. The bank says the mandate is fine. 120 nurses rely on the rota app."),
        ("Wrong amount debited from our account", "You debited 14,900 instead of 1,490 from our business account. We can't pay salaries until it's returned."),
    ], weight=W),
    s("billing", "MEDIUM", ["billing"], [
        ("Credit note for outage", "Your status page confirms the 6-hour outage last Tuesday. Per our SLA we're due a service credit."),
        ("Reseller discount missing", "As a certified partner we should get 20% off, the last order was at list price."),
    ], weight=W),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Locked out after too many attempts", "My account got locked after I typed the old password a few times. It's been an hour and I still can't get in."),
        ("Magic link expired every time", "The sign-in link in the email says expired even when I click it right away."),
        ("Authenticator codes rejected", "Since I moved to a new phone the six-digit codes from my authenticator are always rejected."),
    ], weight=W, i18n={
        "fr": [("Compte bloqué", "Mon compte est bloqué après plusieurs essais de mot de passe, impossible de me connecter depuis une heure.")],
        "es": [("Cuenta bloqueada", "Mi cuenta se bloqueó después de varios intentos y sigo sin poder entrar.")],
    }),
    s("account", "LOW", [], [
        ("Rename our workspace", "We rebranded from Bluefin to Harbor Labs, please rename the workspace to match."),
        ("Change my display name", "My surname changed after the wedding, how do I update it on my profile? Or can you?"),
        ("Transfer ownership to my colleague", "I'm leaving the company next month. Please make Ana Lopez the owner of our account."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Arbeitsbereich umbenennen", "Wir heißen jetzt Harbor Labs, bitte benennen Sie unseren Arbeitsbereich um.")],
    }),
    s("account", "LOW", [], [
        ("Delete my account", "I don't use the service any more. Please close my account and delete my data."),
        ("Merge two accounts", "I accidentally signed up twice with two emails. Can the two accounts be merged into one?"),
        ("Reactivate a deactivated user", "We deactivated Paul by mistake last week, please turn his user back on."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Supprimer mon compte", "Je n'utilise plus le service, merci de fermer mon compte et d'effacer mes données.")],
        "es": [("Eliminar mi cuenta", "Ya no uso el servicio. Por favor cierren mi cuenta y borren mis datos.")],
    }),
    s("account", "MEDIUM", [], [
        ("Give me admin rights", "Our previous admin left and nobody can change settings now. I'm the office manager, can you make me admin?"),
        ("Colleague sees wrong projects", "A new teammate sees the finance projects she shouldn't have access to. Please check her role."),
        ("Invite email never received", "I invited four people to our team yesterday, none of them got the invitation."),
    ], weight=W),
    s("account", "HIGH", ["authentication", "security"], [
        ("Someone changed my password", "I got an email saying my password was changed, it wasn't me. I can't log in now and my account has client data."),
        ("Unknown logins on our admin account", "The login history shows sign-ins from a country we've never been to. We changed nothing."),
    ], weight=W, i18n={
        "de": [("Fremde Anmeldungen", "Im Anmeldeverlauf sehe ich Logins aus einem Land, in dem wir nie waren. Ich habe nichts geändert.")],
    }),

    # ---------------------------------------------------------------- bug
    s("bug", "MEDIUM", ["ui"], [
        ("Save button greyed out", "After editing a customer record the Save button stays grey, so changes can't be stored unless I reload."),
        ("Dropdown closes immediately", "The assignee dropdown opens and closes again before I can pick anyone."),
        ("Table columns reset", "Every time I come back to the orders list the column widths and sort order are reset."),
    ], weight=W, i18n={
        "es": [("Botón Guardar desactivado", "Después de editar un cliente el botón Guardar queda gris y no puedo guardar sin recargar.")],
        "fr": [("Bouton Enregistrer grisé", "Après modification d'une fiche client, le bouton Enregistrer reste grisé.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Typo in the settings menu", "It says 'Notifcations' in the settings menu."),
        ("Icon misaligned", "The bell icon in the top bar sits a few pixels lower than the others."),
        ("Wrong tooltip text", "Hovering 'Archive' shows the tooltip for 'Delete'. Confusing but harmless."),
        ("Date shown in US format", "Dates show as MM/DD although my profile is set to German locale."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Tippfehler im Menü", "Im Einstellungsmenü steht 'Benachrichtigunen'. Nur ein Schönheitsfehler.")],
        "fr": [("Faute de frappe", "Il est écrit 'Notifcations' dans le menu des paramètres. Rien de grave.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Totals don't add up", "The monthly summary shows 212 orders, but the list for the same month has 219."),
        ("Duplicate entries after import", "Every contact we imported from the CSV appears twice in the list."),
        ("Filter ignores the end date", "Filtering from 1 to 15 March still shows records from the 20th."),
        ("Time zone wrong on appointments", "Appointments booked for 9:00 show up at 10:00 in the calendar view."),
    ], weight=W, i18n={
        "es": [("Los totales no cuadran", "El resumen mensual muestra 212 pedidos pero la lista del mismo mes tiene 219.")],
        "de": [("Summen stimmen nicht", "Die Monatsübersicht zeigt 212 Bestellungen, die Liste für denselben Monat aber 219.")],
    }),
    s("bug", "HIGH", [], [
        ("Reports show another team's data", "When I open the weekly report I see numbers that belong to our other branch. Managers are making decisions on this."),
        ("Shifts disappear from the rota", "Shifts we plan for next week vanish overnight. Staff don't know when to come in."),
        ("Emails sent to the wrong customers", "The appointment reminder for one patient went to a different patient's address."),
    ], weight=W),
    s("bug", "URGENT", ["database"], [
        ("Records deleted when archiving", "Archiving a project deleted all its tasks instead of hiding them. Three months of work gone for the whole department."),
        ("Orders overwritten by each other", "Since the latest release saving an order overwrites the previous one. We're losing every order but the last."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("App freezes on the photo step", "The Android app freezes when I attach a photo to a report and I have to force close it."),
        ("Push notification opens wrong screen", "Tapping a notification on iPhone opens the home screen instead of the message."),
        ("Offline mode loses entries", "Entries I make in the app with no signal are gone after reconnecting."),
    ], weight=W, i18n={
        "fr": [("L'appli se fige", "L'application Android se fige quand j'ajoute une photo et je dois la forcer à fermer.")],
    }),
    s("bug", "MEDIUM", ["email"], [
        ("Notification emails are empty", "The emails we get about new comments have a subject but no text."),
        ("Digest sent three times", "Our daily digest arrives three times every morning since Monday."),
    ], weight=W),
    s("bug", "LOW", [], [
        ("Search ranks old items first", "Searching for 'contract' shows documents from 2019 before last week's ones. Minor annoyance."),
        ("Export file name has a typo", "The exported file is called 'exprot.csv'. Not a big deal."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", ["performance"], [
        ("Calendar takes a minute to open", "Since yesterday's update the calendar takes about a minute to open for everyone at our clinic."),
        ("Search times out for large accounts", "Searching in our account times out after 30 seconds. We have 2 million records and 50 agents waiting."),
    ], weight=W),

    # ---------------------------------------------------------------- technical
    s("technical", "MEDIUM", ["api"], [
        ("OAuth callback error", "Our app gets 'redirect_uri mismatch' when users connect their account, although we registered the URL."),
        ("API returns 500 on large payloads", "POSTing more than about 2,000 line items returns a 500 from the orders endpoint."),
        ("Webhook payload missing fields", "The order.created webhook no longer contains the customer object our integration reads."),
    ], logs=True, weight=W, i18n={
        "de": [("OAuth-Fehler beim Verbinden", "Unsere App bekommt 'redirect_uri mismatch', obwohl die URL registriert ist.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Blocked by our corporate proxy", "Our proxy blocks the websocket connection, so the live view never updates. Which hosts do we need to allow?"),
        ("IP allowlist for outgoing calls", "Our partner needs the IP addresses your servers call from, to allow them in their firewall."),
        ("Timeouts from Asia office only", "Colleagues in Singapore get timeouts all day, Europe is fine."),
    ], weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("DKIM check failing", "The DNS records are in place but the domain verification still says DKIM failed."),
        ("Replies from customers not threading", "When customers reply to our emails a new conversation starts instead of joining the old one."),
        ("Mail to Outlook addresses bounced", "Messages to anyone using Outlook bounce with 550 5.7.1."),
    ], weight=W),
    s("technical", "HIGH", ["infrastructure"], [
        ("Backups failing for a week", "The nightly backup of our hosted instance has failed for seven days in a row. We need a working backup before the migration on Friday."),
        ("Storage full, uploads rejected", "File uploads fail with 'quota exceeded' for all our staff, the documents can't be filed."),
    ], weight=W),
    s("technical", "URGENT", ["infrastructure"], [
        ("Our portal is down for all clients", "Our customer portal on your platform returns a gateway error for every visitor since 6am. Nobody can log in or place orders."),
        ("Instance not starting after maintenance", "After last night's maintenance our instance doesn't start. The whole company is without the system."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Nuestro portal está caído", "El portal de clientes da error para todos desde las 6 de la mañana. Nadie puede entrar ni hacer pedidos.")],
        "de": [("Portal für alle Kunden down", "Unser Kundenportal liefert seit 6 Uhr für jeden Besucher einen Gateway-Fehler. Niemand kann bestellen.")],
    }),
    s("technical", "MEDIUM", ["database"], [
        ("Nightly sync skips records", "The nightly sync to our ERP skips every record updated after 10pm."),
        ("Connector can't read our SQL Server", "The database connector fails with a login error against our SQL Server although the user works in other tools."),
    ], logs=True, weight=W),
    s("technical", "MEDIUM", [], [
        ("Zapier integration stopped", "Our Zap that creates a task for each new form entry stopped running on Thursday."),
        ("Slack app not posting", "The Slack integration doesn't post new tickets in our channel any more. We reinstalled it, no change."),
        ("Calendar sync with Outlook broken", "Bookings made in your tool don't show up in our Outlook calendars since the weekend."),
    ], weight=W, i18n={
        "fr": [("Synchronisation Outlook cassée", "Les réservations faites dans votre outil n'apparaissent plus dans nos agendas Outlook depuis le week-end.")],
    }),
    s("technical", "HIGH", ["security"], [
        ("Certificate warning on our login page", "Users see 'your connection is not private' on our branded login page since this morning."),
        ("Suspicious API traffic", "We see thousands of API calls from an unknown address using one of our keys. Please help us block it."),
    ], weight=W),
    s("technical", "LOW", ["api"], [
        ("Deprecation notice question", "We got a mail about the v1 endpoints being retired. Our integration still uses two of them, what's the deadline?"),
        ("SDK warning in the logs", "The Python SDK prints a warning about an old TLS library at startup. Everything works."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Bulk edit please", "It would save us hours if we could change the status of many records at once."),
        ("Custom fields on contacts", "We'd love to add our own fields to contacts, like membership number."),
        ("Recurring tasks", "Please add recurring tasks, we create the same checklist every Monday by hand."),
        ("Templates for messages", "Could you add reusable message templates? We type the same answers all day."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Edición masiva", "Nos ahorraría horas poder cambiar el estado de muchos registros a la vez.")],
        "de": [("Wiederkehrende Aufgaben", "Bitte fügen Sie wiederkehrende Aufgaben hinzu, wir legen jeden Montag dieselbe Liste an.")],
        "fr": [("Modèles de messages", "Pourriez-vous ajouter des modèles de réponses ? Nous tapons les mêmes réponses toute la journée.")],
    }),
    s("feature", "LOW", ["ui"], [
        ("Bigger font option", "Some of our older staff struggle with the small text. An option for larger fonts would help."),
        ("Compact list view", "A more compact list with more rows per screen would be nice for power users."),
        ("Keyboard shortcuts", "Keyboard shortcuts for reply and close would make us much faster."),
    ], can_escalate=False, weight=W),
    s("feature", "LOW", ["api"], [
        ("GraphQL API wish", "Any plans for a GraphQL API? The REST one needs many calls for one screen."),
        ("Webhook for deleted records", "Please add a webhook when a record is deleted, we can't keep our copy in sync otherwise."),
    ], can_escalate=False, weight=W),
    s("feature", "MEDIUM", [], [
        ("Need approval step before sending", "For compliance we need a manager to approve quotes before they're sent. Without it we may have to switch tools by the next audit."),
        ("Audit log export required", "Our new ISO certification requires exporting the audit log. Is this coming? The audit is in spring."),
    ], weight=W),
    s("feature", "LOW", ["mobile"], [
        ("Tablet layout", "On iPad the app is just the phone layout stretched. A proper tablet view would be great."),
        ("Scan barcodes in the app", "It would be handy to scan barcodes with the phone camera when counting stock."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("Can I undo an import?", "I imported the wrong file this morning. Is there a way to roll it back?"),
        ("How many users can we have?", "Is there a limit on the number of users on the Team plan?"),
        ("Where do I find archived projects?", "I archived a project last year, where can I see it again?"),
        ("Can guests comment?", "Can people outside our company comment on a shared document without an account?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Dónde están los proyectos archivados?", "Archivé un proyecto el año pasado, ¿dónde puedo verlo de nuevo?")],
        "de": [("Können Gäste kommentieren?", "Können Personen außerhalb unserer Firma ein geteiltes Dokument ohne Konto kommentieren?")],
        "fr": [("Peut-on annuler un import ?", "J'ai importé le mauvais fichier ce matin. Est-il possible de revenir en arrière ?")],
    }),
    s("question", "LOW", ["billing"], [
        ("Is VAT included in the price?", "Are the prices on your website including VAT or not?"),
        ("What happens when we add a user mid-month?", "If we add someone in the middle of the month, do we pay the full month for them?"),
        ("Do you have non-profit pricing?", "We're a registered charity. Do you offer a non-profit discount?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("TVA comprise ?", "Les prix affichés sur votre site sont-ils TTC ou HT ?")],
        "es": [("¿Precio para ONG?", "Somos una organización sin ánimo de lucro. ¿Tienen descuento?")],
    }),
    s("question", "LOW", ["authentication"], [
        ("Do you support passkeys?", "Can our users sign in with passkeys instead of passwords?"),
        ("How long do sessions last?", "After how many hours is a user logged out automatically?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["api"], [
        ("Is there a bulk endpoint?", "Is there an endpoint to create many contacts in one request?"),
        ("What's the webhook timeout?", "How long does your system wait for our webhook endpoint before it retries?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", ["security"], [
        ("Do you encrypt data at rest?", "Our security questionnaire asks whether customer data is encrypted at rest. Is it?"),
        ("Pen test results", "Do you run regular penetration tests, and can we see a summary?"),
    ], can_escalate=False, weight=W),
    s("question", "LOW", [], [
        ("Is the product available in Polish?", "Do you have the interface in Polish for our Warsaw team?"),
        ("Training for new staff?", "Do you offer onboarding sessions for a group of new employees?"),
        ("Difference between roles", "What's the difference between a manager and an editor role?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Kudos to Maria", "Maria from your team solved our issue in ten minutes yesterday. Please pass on our thanks."),
        ("Our office closes over the holidays", "Just letting you know we're closed from 23 December to 2 January, no need to reach us."),
        ("New main contact", "From next week Julia Brandt is our contact person for everything about the account."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Lob für Maria", "Maria aus Ihrem Team hat unser Problem gestern in zehn Minuten gelöst. Bitte richten Sie unseren Dank aus.")],
        "es": [("Gracias al equipo", "Queríamos agradecer a vuestro equipo la ayuda de la semana pasada.")],
    }),
    s("general", "MEDIUM", [], [
        ("Security questionnaire to fill in", "Our procurement needs your answers to the attached vendor security questionnaire before we can renew."),
        ("Request for a reference customer", "Our board asks to speak to a reference customer in healthcare before we sign."),
        ("Need a W-9 form", "Our accounts payable needs your W-9 before they can release the payment."),
    ], weight=W),
    s("general", "LOW", [], [
        ("Meeting request with your product team", "We'd like a call with your product manager to share how we use the tool."),
        ("Press inquiry", "I'm a journalist writing about remote work tools. Could someone answer a few questions?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("Wrong company?", "Hi, I think I wrote to the wrong company, I wanted to order a pizza."),
        ("Selling office furniture", "We have 20 used office chairs for sale, interested?"),
        ("asdf", "asdf"),
        ("Crypto investment opportunity", "Earn 40% a month with our trading bot, reply for details."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Oferta de muebles", "Vendemos 20 sillas de oficina usadas, ¿les interesa?")],
        "fr": [("Mauvaise entreprise ?", "Bonjour, je crois que je me suis trompé d'entreprise, je voulais commander une pizza.")],
        "de": [("Falsche Firma?", "Hallo, ich glaube ich habe die falsche Firma angeschrieben, ich wollte einen Tisch reservieren.")],
    }),
    s("other", "LOW", [], [
        ("Automatic reply: on vacation", "I'm out of the office until Monday with limited access to email."),
        ("Delivery notification", "Your parcel will be delivered tomorrow between 9 and 12."),
        ("Newsletter", "This month's top ten productivity tips and our spring sale."),
    ], can_escalate=False, weight=W),
    # ---------------------------------------------------------------- second round
    s("bug", "LOW", [], [
        ("Sorting ignores lowercase names", "Names starting with a lowercase letter are sorted after Z in the contact list. Small thing."),
        ("Counter badge off by one", "The unread badge says 4 when there are 3 unread messages."),
        ("Print view cuts the last line", "When I print an order the last line of the table is cut off. We can live with it."),
        ("Emoji shown as question marks", "Emojis in customer names show up as ??? in the export."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Zähler stimmt nicht", "Das Badge zeigt 4 ungelesene Nachrichten, es sind aber nur 3. Nur eine Kleinigkeit.")],
        "es": [("Contador incorrecto", "El contador dice 4 mensajes sin leer cuando hay 3. Es un detalle menor.")],
        "fr": [("Compteur faux", "Le badge indique 4 messages non lus alors qu'il y en a 3. Rien de grave.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Scrollbar appears twice", "On the settings page there are two scrollbars next to each other in Chrome."),
        ("Placeholder text overlaps", "In the search field the placeholder overlaps the typed text on Safari."),
        ("Button label cut off in French", "With the interface in French, the 'Enregistrer' button label is cut off."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", [], [
        ("Attachment upload fails for PDFs", "I can't attach any PDF to a record, it says 'upload failed'. Images work. I need to send a contract."),
        ("Cannot save my profile", "Saving my profile returns an error every time, so my phone number stays wrong."),
        ("Report export stuck at 0%", "The monthly report export stays at 0% forever, I need it for my manager."),
    ], weight=W, i18n={
        "de": [("PDF-Upload schlägt fehl", "Ich kann keine PDF-Datei anhängen, es kommt 'Upload fehlgeschlagen'. Bilder gehen.")],
        "fr": [("Échec d'envoi des PDF", "Impossible de joindre un PDF, le message 'échec de l'envoi' apparaît. Les images fonctionnent.")],
        "es": [("No se suben los PDF", "No puedo adjuntar ningún PDF, dice 'error al subir'. Las imágenes sí funcionan.")],
    }),
    s("technical", "URGENT", ["infrastructure"], [
        ("All branches offline", "None of our branches can reach the system since 9:00, every location is taking orders on paper."),
        ("Checkout API down for all stores", "The API our tills use returns errors for every store since this morning. We cannot sell anything."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Alle Filialen offline", "Seit 9 Uhr erreicht keine unserer Filialen das System, alle schreiben Bestellungen von Hand auf."),
               ("System ausgefallen", "Seit heute früh ist das System für die ganze Firma nicht erreichbar. Niemand kann arbeiten.")],
        "fr": [("Toutes les agences hors ligne", "Depuis 9 h aucune de nos agences n'accède au système, tout le monde travaille sur papier."),
               ("Service hors service", "Depuis ce matin le service est inaccessible pour toute l'entreprise. Personne ne peut travailler.")],
        "es": [("Todas las tiendas sin sistema", "Desde las 9 ninguna de nuestras tiendas puede acceder al sistema, todo se hace en papel."),
               ("Sistema caído", "Desde esta mañana el sistema no funciona para toda la empresa. Nadie puede trabajar.")],
    }),
    s("account", "URGENT", ["authentication"], [
        ("Nobody can sign in", "Since the update nobody in our company can sign in, every login ends with an error. 300 people are idle."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Niemand kann sich anmelden", "Seit dem Update kann sich niemand in unserer Firma anmelden. 300 Mitarbeiter können nicht arbeiten.")],
        "fr": [("Personne ne peut se connecter", "Depuis la mise à jour personne dans l'entreprise ne peut se connecter. 300 employés sont bloqués.")],
        "es": [("Nadie puede iniciar sesión", "Desde la actualización nadie en la empresa puede iniciar sesión. 300 empleados no pueden trabajar.")],
    }),
    s("technical", "HIGH", ["performance"], [
        ("Everything very slow for the team", "Every page takes 20 seconds or more for our whole sales team since yesterday. They can barely work."),
    ], weight=W, i18n={
        "de": [("Alles sehr langsam", "Jede Seite braucht seit gestern über 20 Sekunden, für das ganze Vertriebsteam.")],
        "fr": [("Tout est très lent", "Chaque page met plus de 20 secondes à charger pour toute l'équipe commerciale depuis hier.")],
        "es": [("Todo muy lento", "Cada página tarda más de 20 segundos para todo el equipo de ventas desde ayer.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Add a second billing contact", "Please also send invoices to our bookkeeper at books@tidewater.example."),
        ("Update company name on invoices", "Our legal name is now Tidewater GmbH, please use it on future invoices."),
        ("Remove old card", "Please delete the old company card that's still saved in our billing settings."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Firmenname auf Rechnungen", "Unser Firmenname lautet jetzt Tidewater GmbH, bitte auf künftigen Rechnungen verwenden.")],
        "es": [("Segundo contacto de facturación", "Por favor envíen también las facturas a nuestra contable.")],
    }),
    s("question", "LOW", [], [
        ("Where are the keyboard shortcuts listed?", "Is there a page that lists all keyboard shortcuts?"),
        ("Can I change the language?", "How can I switch the interface to Spanish?"),
        ("Do you have a status page?", "Where can we check whether your service has an incident?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Changer la langue ?", "Comment passer l'interface en espagnol ?")],
        "de": [("Gibt es eine Statusseite?", "Wo sehen wir, ob es bei Ihnen gerade eine Störung gibt?")],
    }),
    s("general", "LOW", [], [
        ("Feedback after the training", "Thanks for the onboarding session last week, the team found it very useful."),
        ("We're moving offices", "FYI our postal address changes in January, the new one is in our signature."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Merci pour la formation", "Merci pour la session de la semaine dernière, l'équipe l'a trouvée très utile.")],
    }),
    s("feature", "LOW", [], [
        ("Export to Excel directly", "Could exports come as .xlsx instead of CSV? Our managers open everything in Excel."),
        ("Undo for deletions", "An undo button after deleting something would prevent a lot of mistakes."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Export direkt nach Excel", "Könnten Exporte als .xlsx statt CSV kommen? Unsere Leitung öffnet alles in Excel.")],
        "es": [("Deshacer al borrar", "Un botón de deshacer después de borrar algo evitaría muchos errores.")],
    }),
]
