"""A seventeenth pass, written apart from the others from the people on a business account
and payments platform: shop owners taking card payments, bookkeepers reconciling
statements, directors proving who they are, and developers wiring up its payment API. They
name transfers, payouts, card terminals, statements, identity checks and bank feeds. It
leans on what money blurs: the platform booking or showing a wrong amount (bug) against a
fee the writer disputes (billing), the bank feed or the shop's own terminal and server
(technical) against an identity check or a director's login (account), and how a transfer
works (question) against a wish for a new kind (feature). Few copies each."""

from scenarios import s

W = 4

PAYMENTS = [
    # ---------------------------------------------------------------- bug: the platform books it wrong
    s("bug", "HIGH", ["database"], [
        ("Balance shows card payments twice", "Since last night our balance counts every card payment twice. It says 48,000 where the statement says 24,000, and our bookkeeper has stopped all payments."),
        ("Payouts marked sent but never left", "Yesterday's payouts to 60 of our sellers show as sent, but none of them arrived and the bank has no record."),
    ], weight=W, logs=True, i18n={
        "de": [("Kontostand zählt Kartenzahlungen doppelt", "Seit gestern Nacht zählt unser Kontostand jede Kartenzahlung doppelt. Er zeigt 48.000, der Auszug 24.000.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Statement export leaves out refunds", "The CSV statement for October has no refunds in it, though the app lists eleven."),
        ("Receipt shows the wrong VAT", "Receipts from the card reader show 19 % VAT on everything, even on food we set to 7 %."),
        ("Search by amount finds nothing", "Searching transactions for 120.00 finds nothing, though there are three payments of exactly that."),
    ], weight=W, i18n={
        "fr": [("L'export du relevé oublie les remboursements", "Le relevé CSV d'octobre ne contient aucun remboursement, alors que l'application en affiche onze.")],
        "es": [("El recibo muestra el IVA equivocado", "Los recibos del lector de tarjetas muestran 21 % de IVA en todo, incluso en productos con el 10 %.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Dark mode hides the amounts", "In dark mode the amounts in the transaction list are dark grey on black. Hard to read."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: bank feeds, terminals, the writer's server
    s("technical", "MEDIUM", ["api", "networking"], [
        ("Payment notifications don't reach our server", "Your payment notifications stopped reaching our shop after we moved it to a new host. Our firewall may be blocking your addresses."),
        ("Bank feed to our accounting software disconnected", "The feed into our accounting software stopped after I changed my online banking password. Do I need to connect it again?"),
    ], weight=W, logs=True, i18n={
        "de": [("Zahlungsbenachrichtigungen erreichen unseren Server nicht", "Ihre Zahlungsbenachrichtigungen kommen nicht mehr an, seit wir den Shop zu einem neuen Hoster umgezogen haben.")],
    }),
    s("technical", "LOW", ["mobile", "networking"], [
        ("Card reader won't pair with the new phone", "I got a new phone and the card reader won't pair with it over Bluetooth. The old phone still works."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: identity checks and who may sign in
    s("account", "HIGH", ["authentication"], [
        ("Identity check blocks our account", "Our account was frozen pending an identity check, and the upload keeps rejecting the director's passport. Payroll is due Friday."),
    ], weight=W, i18n={
        "fr": [("La vérification d'identité bloque notre compte", "Notre compte est gelé en attendant une vérification d'identité, et l'envoi refuse le passeport du gérant. La paie est vendredi.")],
    }),
    s("account", "LOW", ["authentication"], [
        ("Add our bookkeeper with read-only access", "Can our external bookkeeper get her own login that can see statements but not send money?"),
        ("Lost the phone with my sign-in codes", "My phone with the sign-in app was stolen. How do I get into the business account again?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Acceso de solo lectura para la gestora", "¿Puede nuestra gestora externa tener su propio acceso para ver los extractos sin poder enviar dinero?")],
    }),

    # ---------------------------------------------------------------- billing: fees and the plan
    s("billing", "MEDIUM", ["billing"], [
        ("Monthly fee though we're on the free plan", "We were charged the 15 monthly account fee, but we never left the free plan."),
        ("Currency fee higher than advertised", "The fee on our dollar payments was 2.9 %, but your price page says 0.5 % above the market rate."),
        ("Charged for a chargeback we won", "We won the dispute for order 5521 but were still charged the 15 chargeback fee."),
    ], weight=W, i18n={
        "de": [("Monatsgebühr trotz kostenlosem Tarif", "Uns wurden 15 Kontoführungsgebühr berechnet, obwohl wir nie aus dem kostenlosen Tarif gewechselt sind.")],
        "es": [("Comisión de divisa más alta de lo anunciado", "La comisión de nuestros pagos en dólares fue del 2,9 %, pero su web dice 0,5 % sobre el cambio.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Fee invoice for the year", "Could you send one invoice of all the fees we paid this year, for our accountant?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how does it work
    s("question", "LOW", [], [
        ("How long does an international transfer take?", "If I send euros to a supplier in Poland today, when will they have the money?"),
        ("Is there a limit on card payments?", "Is there a daily limit on how much we can take by card? We have a big event next month."),
        ("What happens when a customer disputes a payment?", "If a customer disputes a card payment, how long do we have to answer and what do we send?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Combien de temps prend un virement international ?", "Si j'envoie des euros à un fournisseur en Pologne aujourd'hui, quand aura-t-il l'argent ?")],
    }),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Approvals for large payments", "Please add a rule that payments over 5,000 need a second director to approve them."),
        ("Separate pots for tax", "It would help to set money aside for tax in a separate pot inside the account."),
        ("Tips on the card reader", "Our café would like customers to add a tip on the card reader screen."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Freigaben für große Zahlungen", "Bitte fügen Sie eine Regel hinzu, dass Zahlungen über 5.000 von einem zweiten Geschäftsführer freigegeben werden müssen.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Thanks for the quick help last week", "Your team sorted out our frozen payout within an hour last week. Thank you, it saved our month."),
        ("We are thinking of leaving", "Three outages during our busiest month and no apology. We are looking at other providers."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Partnership proposal", "We run a bookkeeping app for freelancers and would love to explore a partnership. Who is the right person?"),
        ("Letter for the previous company at this address", "We keep getting your letters for a company that used to be at our address. Please stop sending them here."),
    ], can_escalate=False, weight=W),
]
