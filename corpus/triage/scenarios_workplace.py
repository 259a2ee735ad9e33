"""A tenth pass, written apart from the others from a company's own service desk: employees
writing to IT about their laptops, phones, printers and meeting rooms, the access a new
starter needs or a leaver must lose, the shared drives and mailboxes, and the in-house tools
the company runs. The writers are staff, not customers; they say "my laptop", "the VPN",
"the intranet" and "my manager approved it". It leans on the boundaries the others leave
thin: a fault in the tool itself (bug) against a device, a cable or a set-up (technical), a
request for access (account) against a wish for something new (feature), and the company's
business (general) against what no desk handles (other). Few copies each."""

from scenarios import s

W = 4

WORKPLACE = [
    # ---------------------------------------------------------------- technical: devices, set-up
    s("technical", "MEDIUM", [], [
        ("Laptop won't start after the update", "My laptop installed updates overnight and now it only shows a black screen with a blinking cursor. I have a client call at 2."),
        ("Docking station: no external screens", "Since I got the new docking station neither of my monitors gets a signal. The laptop screen works."),
        ("Outlook keeps asking for my password", "Outlook on my desktop asks for my password every ten minutes, even though I type it correctly."),
    ], weight=W, i18n={
        "de": [("Laptop startet nach Update nicht", "Mein Laptop hat nachts Updates installiert und zeigt jetzt nur einen schwarzen Bildschirm mit blinkendem Cursor.")],
        "fr": [("Pas d'écran externe avec la station d'accueil", "Depuis la nouvelle station d'accueil, aucun de mes deux écrans ne reçoit de signal.")],
    }),
    s("technical", "LOW", [], [
        ("Printer on 3rd floor prints streaks", "The printer by the kitchen on the 3rd floor prints grey streaks down every page. The one on 2 is fine for now."),
        ("Need Visio installed", "Could you install Visio on my laptop? My manager approved the licence last week."),
        ("Headset crackles in calls", "My headset crackles during Teams calls. A colleague's headset works on my laptop, so maybe it's mine."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("La impresora de la 3ª planta deja rayas", "La impresora junto a la cocina de la tercera planta deja rayas grises en cada página.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("VPN disconnects every few minutes", "Working from home, the VPN drops every five minutes and I lose my remote desktop session each time."),
        ("No Wi-Fi in meeting room B", "Nobody gets Wi-Fi in meeting room B anymore, the guest network doesn't show up either. We have a workshop there tomorrow."),
        ("Shared drive not mapped", "The S: drive doesn't appear anymore when I log in at the office. Colleagues still have it."),
    ], weight=W, i18n={
        "de": [("VPN trennt alle paar Minuten", "Im Homeoffice bricht das VPN alle fünf Minuten ab und meine Remote-Desktop-Sitzung ist jedes Mal weg.")],
    }),
    s("technical", "MEDIUM", ["mobile"], [
        ("Work phone won't sync mail", "My new work phone shows the calendar but no emails since I enrolled it in the device management."),
        ("Softphone app doesn't ring", "The softphone app on my work mobile shows missed calls afterwards but never rings when someone calls my extension."),
    ], weight=W),
    s("technical", "HIGH", ["infrastructure"], [
        ("File server full, nobody can save", "The finance file server says 'disk full', so nobody in finance can save the month-end workbooks. Closing is tomorrow."),
        ("Warehouse scanners lost connection", "All handheld scanners in the warehouse lost the connection to the stock system after the network work this morning. We're writing picks on paper."),
    ], weight=W),
    s("technical", "URGENT", ["networking", "infrastructure"], [
        ("Whole office offline", "The whole Leeds office has no network since 8:30: no internet, no phones, no file shares. 120 people can't work."),
        ("Email down for everyone", "Nobody in the company can send or receive email since 11:00, Outlook and webmail both fail."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: access in, access out
    s("account", "MEDIUM", ["authentication"], [
        ("Password expired while travelling", "My password expired while I'm abroad and the self-service reset wants a code sent to my desk phone."),
        ("Locked out of my Windows login", "My Windows account is locked after the weekend, it says too many attempts. I haven't typed anything wrong."),
    ], weight=W, i18n={
        "fr": [("Mot de passe expiré en déplacement", "Mon mot de passe a expiré pendant que je suis à l'étranger et la réinitialisation envoie un code sur mon téléphone de bureau.")],
        "es": [("Cuenta de Windows bloqueada", "Mi cuenta de Windows está bloqueada después del fin de semana, dice demasiados intentos.")],
    }),
    s("account", "LOW", [], [
        ("Access to the marketing shared mailbox", "Please give me access to the marketing@ shared mailbox, I'm covering for Julia while she's on leave. Her manager agreed."),
        ("New starter on Monday", "Anna Berg starts in accounts on Monday. She needs a login, an email address and access to the finance folder."),
        ("Remove access for a leaver", "Tom Reyes left the sales team on Friday. Please disable his account and forward his mail to me."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Neue Mitarbeiterin ab Montag", "Anna Berg fängt am Montag in der Buchhaltung an. Sie braucht ein Login, eine E-Mail-Adresse und Zugriff auf den Finanzordner.")],
    }),
    s("account", "HIGH", ["security"], [
        ("I clicked a link in a fake email", "I clicked a link in an email that looked like it came from HR and typed my password before I noticed. Please reset it and check my account."),
        ("My account sent emails I didn't write", "Colleagues got emails from my address with an invoice attachment that I never sent."),
    ], weight=W),

    # ---------------------------------------------------------------- bug: the in-house tools misbehave
    s("bug", "MEDIUM", [], [
        ("Timesheet tool rounds hours wrong", "The timesheet tool turns 7.5 hours into 7 when I submit the week, so my overtime is wrong. Several of us see it."),
        ("Room booking shows rooms as free that are taken", "The room booking page showed room C as free at 10, we booked it and found another team there with a booking from last week."),
        ("Expense form rejects valid receipts", "The expense tool says 'file type not allowed' for PDF receipts since Monday's update. It took them before."),
    ], weight=W, i18n={
        "de": [("Zeiterfassung rundet falsch", "Das Zeiterfassungstool macht aus 7,5 Stunden beim Einreichen 7 Stunden. Mehrere Kollegen sehen das.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Intranet menu overlaps the search box", "On the intranet the drop-down menu covers the search box when it opens. Clicking elsewhere closes it."),
        ("Wrong birthday on the team page", "The team page on the intranet wishes me happy birthday in March, it's in May. Harmless."),
    ], can_escalate=False, weight=W),
    s("bug", "HIGH", [], [
        ("Payslips show last month's figures", "Everyone's payslip for this month in the HR portal shows last month's amounts. Pay day is Friday."),
    ], weight=W),
    s("bug", "URGENT", [], [
        ("Till system refuses every sale in all stores", "Since opening the till software in all 14 stores refuses every sale with 'price not found'. Queues out the door."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how do I
    s("question", "LOW", [], [
        ("How do I set an out-of-office?", "I'm on holiday from next week. How do I set up an automatic reply?"),
        ("Where do I find the holiday request form?", "Where is the form for requesting holiday now that the intranet has changed?"),
        ("Can I use my own laptop?", "Am I allowed to work on my private laptop from home, or do I need a company one?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Comment activer le message d'absence ?", "Je pars en vacances la semaine prochaine. Comment configurer une réponse automatique ?")],
        "es": [("¿Dónde está el formulario de vacaciones?", "¿Dónde está ahora el formulario para pedir vacaciones en la nueva intranet?")],
    }),
    s("question", "LOW", ["security"], [
        ("Is this email real?", "I got an email asking me to confirm my payroll details through a link. I didn't click. Is it genuine?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature: something new for the company
    s("feature", "LOW", [], [
        ("Idea: book desks from the phone", "It would be handy to book a hot desk from my phone on the train instead of only on the desktop."),
        ("Could the expense tool read receipts?", "Suggestion: let the expense tool read the amount and date from a receipt photo so we don't type them."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Idee: Schreibtisch per Handy buchen", "Es wäre praktisch, einen Schreibtisch schon im Zug per Handy buchen zu können.")],
    }),

    # ---------------------------------------------------------------- billing: cost centres, licences
    s("billing", "LOW", ["billing"], [
        ("Which cost centre pays for my licence?", "Finance asks which cost centre the new design software licence was charged to. Can you tell me?"),
        ("Phone bill shows roaming I didn't use", "My company phone bill shows 60 euros of roaming for days I was at home. Can you check with the provider?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- general and other
    s("general", "LOW", [], [
        ("Thanks for the quick laptop swap", "Just wanted to say thanks to Marco for swapping my laptop within an hour yesterday."),
        ("IT team at the summer party?", "Is the IT team joining the summer party on the 12th? We're counting heads for the barbecue."),
    ], can_escalate=False, weight=W),
    s("other", "LOW", [], [
        ("Coffee machine on 2nd floor broken", "The coffee machine on the second floor only gives hot water. Who do I tell?"),
        ("Found keys in the car park", "Found a set of car keys with a red tag in the car park this morning. They're at reception."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Llaves encontradas en el aparcamiento", "Encontré unas llaves de coche con una etiqueta roja en el aparcamiento. Están en recepción.")],
    }),
]
