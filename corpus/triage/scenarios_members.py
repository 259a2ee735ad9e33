"""A fourteenth pass, written apart from the others from organisations that run on members,
donors and attendees: charities taking donations, clubs and gyms managing memberships and
classes, event organisers selling tickets and scanning them at the door, volunteers on a
rota. The writers are organisers, treasurers, front-of-house volunteers and members
themselves; they name gift aid, renewals, check-in, the waiting list and the door scanners.
It leans on what this world blurs: the platform counting, sending or scanning wrongly (bug)
against a phone, a scanner or a venue's Wi-Fi (technical), a donation or a fee (billing)
against a member's login (account), and how something works (question) against a wish
(feature). Few copies each."""

from scenarios import s

W = 4

MEMBERS = [
    # ---------------------------------------------------------------- bug: counts, sends or scans wrongly
    s("bug", "HIGH", [], [
        ("Door scanner rejects valid tickets", "At the doors tonight the check-in app rejects about one ticket in five as 'already used', though those people just arrived. The queue is round the block."),
        ("Renewal reminders sent to lapsed members", "The renewal reminder went to 900 members who left years ago, and some got charged when they clicked through."),
    ], weight=W, i18n={
        "de": [("Einlass-Scanner lehnt gültige Tickets ab", "Am Einlass lehnt die App heute etwa jedes fünfte Ticket als 'bereits benutzt' ab, obwohl die Leute gerade erst kommen.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Class shows full with three places left", "The Tuesday spin class shows 'full' in the app while the instructor's list has 17 of 20 booked."),
        ("Gift aid total is wrong on the claim", "The gift aid report adds donations from people who didn't tick the gift aid box. The claim total is too high."),
        ("Waiting list skips people", "When a place frees up, the waiting list offers it to the person in fourth place instead of the first."),
    ], weight=W, i18n={
        "fr": [("Le cours s'affiche complet avec trois places libres", "Le cours de mardi est affiché complet dans l'application alors que 17 places sur 20 sont réservées.")],
        "es": [("La lista de espera se salta gente", "Cuando queda una plaza libre, la lista de espera se la ofrece al cuarto de la lista y no al primero.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Donate button overlaps the amount on phones", "On a phone the donate button covers the amount field, so people can't type their own amount."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: scanners, phones, the venue's network
    s("technical", "MEDIUM", ["networking"], [
        ("Check-in tablets lose connection in the hall", "Our check-in tablets keep losing the connection in the main hall. The venue's Wi-Fi is weak there, can they work offline?"),
        ("Card reader at the club bar won't connect", "The card reader behind the bar can't connect to the till app since the club changed its internet box."),
    ], weight=W, i18n={
        "de": [("Check-in-Tablets verlieren die Verbindung", "Unsere Check-in-Tablets verlieren im großen Saal ständig die Verbindung. Das WLAN ist dort schwach.")],
    }),
    s("technical", "LOW", ["mobile"], [
        ("Membership card won't add to my phone wallet", "When I tap 'add to wallet' on my old iPhone nothing happens. My partner's newer phone works."),
        ("Volunteer app won't install", "One of our volunteers can't install the rota app, the store says her phone is not compatible."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: members' and volunteers' logins
    s("account", "MEDIUM", ["authentication"], [
        ("Member can't sign in to book classes", "A member says the app doesn't accept her password and the reset email never comes. She's tried for two days."),
        ("Treasurer locked out before the audit", "Our treasurer is locked out of the admin area and the auditors come on Thursday."),
    ], weight=W, i18n={
        "fr": [("Un membre ne peut pas se connecter", "Une adhérente dit que l'application refuse son mot de passe et que l'e-mail de réinitialisation n'arrive jamais.")],
    }),
    s("account", "LOW", [], [
        ("Hand over the admin role", "I'm stepping down as club secretary. Please make Sam Okafor the main admin and remove me."),
        ("Two family members on one email", "My son and I share an email address. Can we have two memberships on it?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- billing: donations, fees, payouts
    s("billing", "MEDIUM", ["billing"], [
        ("Monthly donation taken twice", "My monthly donation of 15 pounds was taken twice this month. Happy to give, but not twice."),
        ("Ticket sales payout is short", "The payout for our spring concert is 340 euros less than the ticket sales in the report, and no fees explain it."),
        ("Refund for a cancelled class pass", "The gym closed for renovation for a month and we were promised a refund of the class pass. Nothing yet."),
    ], weight=W, i18n={
        "es": [("Donación mensual cobrada dos veces", "Mi donación mensual de 15 libras se cobró dos veces este mes.")],
        "de": [("Auszahlung der Ticketverkäufe zu niedrig", "Die Auszahlung für unser Frühlingskonzert ist 340 Euro niedriger als die Ticketverkäufe im Bericht.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Donation receipt for my tax return", "Could I have one receipt for all my donations last year? I need it for my tax return."),
        ("Charity discount on the plan", "We're a registered charity. Is there a discount on the yearly plan?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how does it work
    s("question", "LOW", [], [
        ("Can members freeze their membership?", "If a member is injured for two months, can they pause the membership, and how?"),
        ("How do I export the attendee list?", "How do I get the list of everyone who bought a ticket, with dietary needs, for the caterer?"),
        ("Is the guest list visible to other guests?", "When people register for our gala, can they see who else is coming?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Peut-on suspendre une adhésion ?", "Si un membre est blessé pendant deux mois, peut-il suspendre son adhésion, et comment ?")],
    }),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Let donors choose the project", "Donors often ask to give to the well project specifically. Could the donation form let them choose?"),
        ("Swap shifts between volunteers", "It would help if volunteers could swap rota shifts with each other without emailing me."),
        ("Early-bird prices that end on a date", "Please add early-bird tickets whose price goes up automatically on a set date."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Schichten zwischen Ehrenamtlichen tauschen", "Es wäre hilfreich, wenn Ehrenamtliche ihre Schichten untereinander tauschen könnten.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Our story for your newsletter", "Your platform helped us raise 40,000 for the shelter this year. Would you like our story for your newsletter?"),
        ("Disappointed with the support at our event", "On the night of our festival nobody answered the emergency line for an hour. We need to talk about that."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Lost property at the concert", "I lost a black scarf at the concert in the town hall on Saturday. Has anyone found it?"),
        ("Raffle prize donation", "Our bakery would like to donate a cake for your raffle. Who should we talk to?"),
    ], can_escalate=False, weight=W),
]
