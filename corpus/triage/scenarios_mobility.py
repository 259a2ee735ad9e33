"""A thirteenth pass, written apart from the others from people who move things and people:
shops sending parcels through a shipping platform, drivers on a delivery app, fleet managers
with trackers in their vans, riders of hired bikes and scooters, passengers of a ride app and
an airline. The writers name shipments, labels, routes, depots, vans and trips, and write
from the road as often as from a desk. It leans on what this trade blurs: the platform
routing, pricing or tracking wrongly (bug) against a scanner, a tracker or a phone in the
cab (technical), a surcharge or refund (billing) against the driver's or shop's login
(account), and how a rule works (question) against a wish for a new one (feature). Few
copies each."""

from scenarios import s

W = 4

MOBILITY = [
    # ---------------------------------------------------------------- bug: the platform routes, prices or tracks wrongly
    s("bug", "HIGH", [], [
        ("Labels printed with the wrong addresses", "Since this morning every shipping label we print has the address of the order before it. 60 parcels already left with the courier."),
        ("Route sends drivers to a closed depot", "The route planner still sends all drivers to the old depot on Mill Road, which closed on Friday. They lose an hour each."),
    ], weight=W, i18n={
        "de": [("Etiketten mit falschen Adressen", "Seit heute früh hat jedes Versandetikett die Adresse der vorherigen Bestellung. 60 Pakete sind schon weg.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Tracking stuck on 'label created' for delivered parcels", "Parcels our customers already received still show 'label created' in tracking, so they open claims with us."),
        ("Arrival time jumps around", "The app's arrival time for my driver jumps between 3 and 25 minutes every few seconds, on every ride this week."),
        ("Scooter ride doesn't end after parking", "I parked in the marked zone and pressed end ride, the app says ride ended, but the timer kept running for 40 minutes."),
    ], weight=W, i18n={
        "es": [("El viaje no termina al aparcar", "Aparqué en la zona marcada y pulsé terminar viaje, la app dice terminado pero el contador siguió 40 minutos.")],
        "fr": [("Le suivi reste sur 'étiquette créée'", "Des colis déjà reçus par nos clients affichent encore 'étiquette créée' dans le suivi.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Map pins cover the delivery notes", "On the driver app the map pins sit on top of the delivery notes, so I can't read the door code."),
        ("Seat map shows paid seats as free", "The seat map shows the exit row as free, and when I pick it, it says unavailable."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: scanners, trackers, phones in the cab
    s("technical", "MEDIUM", ["mobile"], [
        ("Driver app logs out when the phone sleeps", "My phone is a Galaxy A12 and the driver app closes itself whenever the screen turns off. Battery saver is on, is that why?"),
        ("Handheld scanner won't read barcodes", "The handheld scanner at our packing desk beeps but doesn't put the barcode into the app. Typing it works."),
    ], weight=W, i18n={
        "de": [("Fahrer-App schließt sich im Standby", "Die Fahrer-App schließt sich, sobald der Bildschirm ausgeht. Energiesparmodus ist an, liegt es daran?")],
    }),
    s("technical", "MEDIUM", ["networking"], [
        ("Van trackers stop reporting in the tunnel area", "Three vans' trackers stop sending positions around the harbour tunnels and only come back an hour later."),
        ("Label printer not found on the shop network", "We moved the label printer to another room and now the shipping app can't find it on the network."),
    ], weight=W, i18n={
        "fr": [("L'imprimante d'étiquettes n'est plus trouvée", "Nous avons déplacé l'imprimante d'étiquettes dans une autre pièce et l'application ne la trouve plus sur le réseau.")],
    }),
    s("technical", "HIGH", ["infrastructure"], [
        ("Warehouse can't sync orders", "Our warehouse PC stopped pulling new orders from the shop at 7:00, nothing has been packed this morning. The internet works."),
    ], weight=W),

    # ---------------------------------------------------------------- account: drivers, shops, riders
    s("account", "MEDIUM", ["authentication"], [
        ("Driver can't log in for his shift", "One of our drivers gets 'invalid credentials' on the app, his shift started 20 minutes ago. He hasn't changed anything."),
        ("Verification of my licence is stuck", "I uploaded my driving licence a week ago to rent cars and the account still says 'verification pending'."),
    ], weight=W, i18n={
        "es": [("Un conductor no puede entrar", "Uno de nuestros conductores recibe 'credenciales no válidas' y su turno empezó hace 20 minutos.")],
    }),
    s("account", "LOW", [], [
        ("Add a second warehouse user", "Please add our new packer, Priya, as a user who can print labels but not see invoices."),
        ("Merge my two rider accounts", "I have one account with my email and one with my phone number. Can you merge them and keep my ride credits?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- billing: surcharges, claims, refunds
    s("billing", "MEDIUM", ["billing"], [
        ("Fuel surcharge on every parcel", "This month's invoice adds a fuel surcharge to every parcel, although our contract has a fixed price."),
        ("Refund for the cancelled flight", "My flight on the 3rd was cancelled by you and I chose a refund, not a voucher. Nothing has come back."),
        ("Charged a cleaning fee for the car", "I got a 50 euro cleaning fee for the rental car, which I returned clean. I have photos."),
    ], weight=W, i18n={
        "de": [("Treibstoffzuschlag auf jedes Paket", "Die Rechnung dieses Monats schlägt auf jedes Paket einen Treibstoffzuschlag auf, obwohl wir einen Festpreis haben.")],
        "fr": [("Remboursement du vol annulé", "Mon vol du 3 a été annulé et j'ai choisi le remboursement, pas un avoir. Rien n'est arrivé.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Monthly invoice instead of per shipment", "Could we get one invoice a month instead of one per shipment? It's a lot of paperwork."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how the rules work
    s("question", "LOW", [], [
        ("Can I ship batteries?", "Are lithium batteries allowed in parcels to other EU countries, and do they need a special label?"),
        ("How long do you keep an undelivered parcel?", "If the customer isn't home, how many days does the depot keep the parcel before it comes back to us?"),
        ("Can I take a bike on the ride?", "Is there a car type in the app that takes a folding bike in the boot?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("¿Puedo enviar baterías?", "¿Se pueden enviar baterías de litio a otros países de la UE y necesitan una etiqueta especial?")],
        "de": [("Wie lange bleibt ein Paket im Depot?", "Wenn der Kunde nicht da ist, wie viele Tage behält das Depot das Paket, bevor es zurückkommt?")],
    }),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Let customers choose a delivery day", "Our customers keep asking to choose the delivery day at checkout. Could the platform offer that?"),
        ("Favourite drop-off points", "It would be nice to save favourite drop-off points in the ride app instead of typing the address each time."),
        ("Proof of delivery photos in the report", "Please add the driver's delivery photo to the daily report so we can answer 'not received' claims faster."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Choisir le jour de livraison", "Nos clients demandent de pouvoir choisir le jour de livraison. La plateforme pourrait-elle le proposer ?")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Complaint about a driver's driving", "Your van with plate KL-482 was speeding past the school this morning and nearly hit a child. Please speak to the driver."),
        ("Thanks to the driver who waited", "Your driver waited ten minutes for my grandmother to get to the door. Please thank him from us."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Queja sobre la conducción", "Su furgoneta con matrícula KL-482 iba muy rápido delante del colegio esta mañana.")],
    }),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Council tax form", "I think I sent my council tax reduction form to the wrong address. Please pass it on to the council office."),
        ("Looking for a driving job", "Hello, I have 10 years of experience as a van driver. Do you have any openings? My CV is attached."),
    ], can_escalate=False, weight=W),
]
