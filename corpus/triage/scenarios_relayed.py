"""An eighth pass, written apart from the others in the forms a ticket takes when someone
else writes it down: a front-line agent's note of a phone call ("Customer called, says…"),
a live chat turned into a ticket, a reseller or an IT contact writing on a client's behalf,
a one-line escalation from a colleague. The problem is told in the third person and with
the writer's own shorthand, so the model learns what a ticket is about whoever tells it. It
leans on the boundaries the others leave thin: their setup (technical) against our defect
(bug), a wish (feature) against a how-to (question), and sign-in trouble (account) against
a network or device (technical). Few copies each."""

from scenarios import s

W = 4

RELAYED = [
    # ---------------------------------------------------------------- technical: their side
    s("technical", "MEDIUM", ["networking"], [
        ("Caller can't reach the portal from the office", "Customer called: the portal loads fine on her phone's 4G but times out on the office network. Their IT changed the proxy last week. Asked her to get us the proxy details."),
        ("Chat: VPN blocks the app", "From chat: user is on the company VPN and the app won't connect, turning the VPN off fixes it. Needs to know which addresses to allow."),
        ("Reseller: client's firewall drops uploads", "Writing for our client Hartmann GmbH: large uploads stop at 99 %. Their firewall inspects HTTPS traffic, we suspect it cuts the connection."),
    ], weight=W, i18n={
        "de": [("Anrufer erreicht das Portal nicht aus dem Büro", "Kundin hat angerufen: Das Portal lädt über 4G, im Büronetz aber nicht. Die IT hat letzte Woche den Proxy geändert.")],
    }),
    s("technical", "MEDIUM", ["api"], [
        ("Dev on chat: OAuth redirect mismatch", "Developer in chat says their integration gets 'redirect_uri mismatch' after they moved to a new domain. They updated the app settings on their side only."),
        ("Partner's import script hits rate limits", "Escalating from the partner team: their nightly import sends 50 requests a second and gets 429s. They want to know the limits and the right way to batch."),
        ("Client's ERP connector sends wrong field names", "IT contact at the client writes that their ERP connector maps 'customer_no' but our import expects 'customer_number', so every sync fails validation."),
    ], weight=W),
    s("technical", "MEDIUM", ["authentication"], [
        ("Customer's SSO set up wrong", "Call notes: their admin set up single sign-on with Okta, users get 'invalid audience'. Sounds like the entity ID in Okta doesn't match ours."),
        ("SAML certificate expired on their side", "Client IT says nobody can log in through their identity provider since this morning; their signing certificate expired and they uploaded a new one only on their side."),
    ], weight=W),
    s("technical", "LOW", [], [
        ("Chat: which browsers are supported", "Customer asked in chat whether we support Internet Explorer 11, their kiosks still run it. Told him I'd check."),
        ("Printer setup for labels", "Caller wants to print shipping labels on a Zebra printer from the web app and the labels come out tiny. Probably driver settings on their PC."),
    ], weight=W, i18n={
        "es": [("Configuración de la impresora de etiquetas", "El cliente quiere imprimir etiquetas en una Zebra desde la web y salen diminutas. Probablemente sea la configuración del controlador.")],
    }),
    s("technical", "URGENT", ["infrastructure"], [
        ("Client's DNS change took their portal down", "Reseller reports their client changed DNS at the registrar this morning and now the customer portal on their domain is down for all their customers. They need the right records now."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug: ours
    s("bug", "MEDIUM", [], [
        ("Customer says search ignores accents", "Caller says searching 'Muller' doesn't find 'Müller' anymore. I tried it myself and it's the same for me, so it's on our side."),
        ("Reproduced: discount applied twice", "From chat, and I reproduced it: adding a voucher and then changing the quantity applies the voucher a second time."),
        ("Colleague: CSV export drops the last row", "Passing this on from Tom: every CSV export is missing the last line. Checked with three different reports, always the last one."),
    ], weight=W, i18n={
        "fr": [("La recherche ignore les accents", "Un client signale que chercher 'Muller' ne trouve plus 'Müller'. J'ai reproduit chez moi, c'est donc de notre côté.")],
    }),
    s("bug", "MEDIUM", ["ui"], [
        ("Caller: save button disappears", "Customer on the phone: when she scrolls down the long form, the save button is gone and never comes back. Same on my screen."),
        ("Chat: dropdown shows other language", "User in chat: the country dropdown is suddenly in Polish although everything else is English. I see it too."),
    ], weight=W),
    s("bug", "HIGH", [], [
        ("Several callers: orders confirmed twice", "Third call this morning about it: customers get two confirmations and are charged twice for a single order. Started after last night's release."),
    ], weight=W),
    s("bug", "URGENT", [], [
        ("Escalation: nobody can check out", "Escalating, lots of chats: every checkout since about 10:00 ends in an error page and no order is created. All stores, all browsers."),
    ], can_escalate=False, weight=W),
    s("bug", "LOW", [], [
        ("Caller spotted a typo in the footer", "A customer rang to tell us the footer says 'Copyrigth'. No rush, just passing it on."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: getting in, who has access
    s("account", "MEDIUM", ["authentication"], [
        ("Caller locked out after password attempts", "Customer called, locked out after too many wrong passwords and the unlock email doesn't come. Verified her identity on the phone."),
        ("Chat: 2FA codes rejected", "User in chat says every code from his authenticator is rejected. Phone time looks right. Needs 2FA reset."),
    ], weight=W, i18n={
        "de": [("Anruferin nach Fehlversuchen gesperrt", "Kundin hat angerufen, nach zu vielen falschen Passwörtern gesperrt, die Entsperr-Mail kommt nicht.")],
    }),
    s("account", "LOW", [], [
        ("Reseller asks to add a user for the client", "Reseller asks us to add a second admin to their client's account, name and email below. Client confirmed by email."),
        ("Caller wants the account in the company's name", "Customer called to have the account moved from his personal name to the company he just founded."),
        ("Chat: rename the workspace", "Asked in chat how to get their workspace renamed after a rebrand; she's not the owner so she can't."),
    ], weight=W),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Caller disputes the renewal price", "Customer called upset that the renewal was 30 % more than last year, says nobody told him. Wants the old price or a refund."),
        ("Reseller: client invoiced directly", "Reseller says their client got an invoice from us directly although they buy through the reseller. Client is now billed twice."),
    ], weight=W, i18n={
        "es": [("El cliente discute el precio de renovación", "Llamó un cliente molesto porque la renovación costó un 30 % más que el año pasado. Quiere el precio anterior o un reembolso.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Chat: invoice address change", "User in chat needs the invoices to go to accounts@ from now on instead of to her."),
        ("Caller wants to pay by bank transfer", "Customer asked on the phone if they can pay yearly by bank transfer instead of card."),
    ], weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Several customers asked for a calendar view", "Fourth chat this month asking for a calendar view of the bookings. Logging it as a request."),
        ("Reseller wants white-label emails", "Reseller would like the notification emails to carry their brand instead of ours for their clients. Would help them sell."),
        ("Caller suggests bulk edit", "Customer suggested on the phone that we add a way to change the status of many orders at once; she does it one by one today."),
    ], weight=W, i18n={
        "fr": [("Plusieurs clients demandent une vue calendrier", "Quatrième chat ce mois-ci qui demande une vue calendrier des réservations. Je le note comme demande.")],
    }),
    s("feature", "LOW", ["api"], [
        ("Partner asks for a delete endpoint", "Partner team passes on: their developers need an API call to delete contacts, today they can only create and update."),
    ], weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("Chat: where are old invoices", "Asked in chat where to find invoices older than a year; I wasn't sure if they're archived somewhere."),
        ("Caller asks how to duplicate a form", "Customer asked on the phone how she can copy an existing form instead of building it again."),
        ("Reseller asks about user limits", "Reseller wants to know how many users the standard plan allows before they quote their client."),
        ("Can guests see internal comments?", "Customer in chat wants to know if the people they invite as guests can see the internal comments."),
    ], weight=W, i18n={
        "de": [("Anruferin fragt, wie man ein Formular kopiert", "Kundin hat am Telefon gefragt, wie sie ein bestehendes Formular kopieren kann, statt es neu zu bauen.")],
    }),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Caller praised the onboarding", "Just logging a nice call: the customer said our onboarding call was the best she's had with any vendor."),
        ("Reseller wants to discuss next year", "Reseller would like a meeting about their targets and margins for next year."),
        ("Client's lawyer asks for the contract", "A lawyer for one of our clients asks for a copy of the signed service agreement and the DPA."),
    ], weight=W),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("Wrong number", "Caller was looking for the dentist with a similar name, not us. Gave him the right number."),
        ("Chat: someone selling SEO", "Chat visitor only wanted to sell us SEO services. Closed the chat."),
        ("Parcel delivered to us by mistake", "A courier left a parcel for the bakery next door at our office. Nothing to do with any customer."),
    ], weight=W),
]
