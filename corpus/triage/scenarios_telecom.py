"""A nineteenth pass, written apart from the others from the customers of an internet and
mobile provider: households with a router and a fibre or cable line, people with a phone
plan and its app, and small offices on a business line. They describe lights, bars and
speeds rather than causes. It leans on what they blur: the provider's app or bill showing
something false (bug) against their own router, cabling or phone settings (technical), a
line down for a whole street (urgent) against one slow room (not), a SIM swap nobody asked
for (account, security) against a question about roaming, and a charge they dispute
(billing) against a plan they would like (feature). Few copies each."""

from scenarios import s

W = 4

TELECOM = [
    # ---------------------------------------------------------------- technical: lines, routers, phones
    s("technical", "URGENT", ["infrastructure", "networking"], [
        ("Whole street without internet", "Nobody on our street has had internet since the storm last night. My neighbours and I all have a red light on the box, and two of us work from home."),
        ("Business line dead, shop can't take cards", "Our office line and internet went dead at 8 this morning. The card machine runs over it, so we can't take payments."),
    ], logs=True, can_escalate=False, weight=W, i18n={
        "es": [("Toda la calle sin internet", "Nadie en nuestra calle tiene internet desde la tormenta de anoche. Todos tenemos la luz roja en el router.")],
        "fr": [("Ligne pro coupée", "Notre ligne et internet au bureau sont coupés depuis 8 h. Le terminal de paiement passe par là, nous ne pouvons plus encaisser.")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Wifi drops every evening", "The wifi cuts out every evening around eight and comes back after a restart of the router."),
        ("Speed far below what we pay for", "We pay for 500 and the speed test shows 40 when plugged in with a cable."),
        ("New router, printer can't connect", "Since the new router came the printer and the TV can't join the network, the phones can."),
    ], weight=W, i18n={
        "de": [("WLAN bricht jeden Abend ab", "Das WLAN bricht jeden Abend gegen acht ab und geht erst nach einem Neustart des Routers wieder.")],
    }),
    s("technical", "LOW", ["mobile"], [
        ("Voicemail won't set up on my phone", "I can't set up voicemail on my new phone, it says the number is not available."),
        ("No signal in the back bedroom", "I get one bar at most in the back bedroom. The rest of the house is fine."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- bug: the provider's app or systems wrong
    s("bug", "MEDIUM", ["mobile"], [
        ("App says I used all my data", "The app says I used 20 GB this month but I was abroad on wifi the whole time and the phone shows 2 GB."),
        ("App crashes when I open the bill", "Every time I tap 'bills' in the app it closes. Reinstalled it twice."),
    ], weight=W, i18n={
        "fr": [("L'appli plante sur la facture", "Chaque fois que j'ouvre 'factures' dans l'application, elle se ferme. Je l'ai réinstallée deux fois.")],
    }),
    s("bug", "MEDIUM", ["ui"], [
        ("Online account shows the old plan", "I changed to the cheaper plan a month ago and got the letter, but the website still shows the old plan."),
        ("Order page stuck at step 3", "Ordering the fibre upgrade on your website stops at step 3 with a spinning wheel, every browser I try."),
    ], weight=W, i18n={
        "es": [("La web muestra la tarifa antigua", "Cambié a la tarifa más barata hace un mes pero la web sigue mostrando la antigua.")],
    }),

    # ---------------------------------------------------------------- account: who owns the line
    s("account", "URGENT", ["security", "authentication"], [
        ("My number was moved to someone else's SIM", "My phone lost signal this morning and now my bank says a new SIM was activated on my number. I never asked for one. They are trying to get into my bank."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Meine Nummer auf fremder SIM", "Mein Handy hat seit heute früh kein Netz und meine Bank meldet eine neue SIM auf meiner Nummer. Ich habe keine bestellt.")],
    }),
    s("account", "LOW", [], [
        ("Put the contract in my name", "My husband passed away in the spring. How do I move the contract into my name?"),
        ("Change the email on the account", "I no longer use my old email address. How can I change it on the account?"),
    ], can_escalate=False, weight=W),
    s("account", "MEDIUM", ["authentication"], [
        ("Can't log into the customer portal", "The customer portal keeps saying my password is wrong, and the reset text never comes."),
    ], weight=W),

    # ---------------------------------------------------------------- billing: the bill
    s("billing", "MEDIUM", ["billing"], [
        ("Roaming charges though I had the travel pack", "I bought the EU travel pack before my holiday and was still charged 86 for roaming."),
        ("Charged for a router I sent back", "You charged me 120 for the router, but I returned it in May and have the receipt."),
        ("Bill went up after the offer", "My bill jumped from 25 to 45 this month. Nobody told me the offer ended."),
    ], weight=W, i18n={
        "fr": [("Frais d'itinérance malgré le forfait voyage", "J'avais acheté le forfait voyage UE avant les vacances et on m'a quand même facturé 86 d'itinérance.")],
        "es": [("Me cobran un router devuelto", "Me han cobrado 120 por el router, pero lo devolví en mayo y tengo el justificante.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Paper bills please", "My mother is 84 and has no email. Can her bills come by post again?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question
    s("question", "LOW", [], [
        ("Can I keep my number if I switch?", "If I move my phone plan to you, can I keep the number I have now?"),
        ("Does the plan work in Switzerland?", "I'm going to Zurich for a week. Does my data allowance work there?"),
        ("What happens when I move house?", "We're moving in March. Does the contract move with us, and is there a fee?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Kann ich meine Nummer mitnehmen?", "Wenn ich meinen Handyvertrag zu Ihnen wechsle, kann ich meine jetzige Nummer behalten?")],
    }),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("eSIM for my watch", "Please offer an eSIM for smartwatches, other providers already do."),
        ("Pause the contract while abroad", "It would help if we could pause the home internet for the months we live abroad."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("eSIM pour ma montre", "Merci de proposer une eSIM pour les montres connectées, d'autres opérateurs le font déjà.")],
    }),

    # ---------------------------------------------------------------- general
    s("general", "LOW", [], [
        ("Thanks to the engineer", "The engineer who came on Tuesday was patient and tidy and fixed everything. Please thank him."),
        ("Complaint about the shop staff", "The staff in your high street shop were rude and would not help with my contract."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other
    s("other", "LOW", [], [
        ("Mast near the school", "Our parents' group wants to know who to write to about the phone mast planned near the school."),
        ("Selling my old phones", "Do you buy old phones? I have six in a drawer."),
    ], can_escalate=False, weight=W),
]
