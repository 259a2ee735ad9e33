"""A twelfth pass, written apart from the others from staff who run a business on a sector
platform: hotel and hostel front desks on their booking system and channel manager,
restaurants on their reservations and till, schools on their gradebook and parent messaging,
clinics and salons on their appointment calendar. The writers are receptionists, owners,
teachers and office managers; they name their own work ("the rooming list", "tonight's
covers", "report cards", "the 9:40 patient") rather than the software's parts. It leans on
what a new trade blurs: the platform computing or showing something wrong (bug) against the
till, the card reader or the front-desk PC (technical), the platform's invoice (billing)
against a staff login (account), and how to do something (question) against asking for a
new ability (feature). Few copies each."""

from scenarios import s

W = 4

SECTOR = [
    # ---------------------------------------------------------------- bug: the platform gets it wrong
    s("bug", "HIGH", [], [
        ("Same room sold twice for tonight", "The channel manager let two websites sell room 14 for tonight. Both guests have confirmations and we have one room."),
        ("Report cards show another pupil's grades", "Two parents told us the report card they opened shows another child's grades. Reports went out at 4 pm."),
    ], weight=W, i18n={
        "es": [("La misma habitación vendida dos veces", "El gestor de canales dejó que dos webs vendieran la habitación 14 para esta noche. Ambos huéspedes tienen confirmación.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Tonight's covers count is wrong", "The reservations screen says 46 covers for tonight but when I add up the bookings it's 58. The kitchen preps from that number."),
        ("Reminder texts go out with the wrong time", "Patients booked for 9:40 are getting reminders saying 8:40. It started after the clocks changed."),
        ("Homework marked late when it wasn't", "The gradebook marks homework handed in before the deadline as late. Pupils are losing points for it."),
    ], weight=W, i18n={
        "de": [("Erinnerungs-SMS mit falscher Uhrzeit", "Patienten mit Termin um 9:40 bekommen Erinnerungen für 8:40. Das fing nach der Zeitumstellung an.")],
        "fr": [("Devoirs marqués en retard à tort", "Le carnet de notes marque en retard des devoirs rendus avant la date limite.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Calendar cuts off the last appointment", "On the day view the 18:30 appointment is cut off at the bottom and I can only see it if I zoom out."),
        ("Guest names with accents show as symbols", "Guest names like José or Müller show up as question marks and boxes on the arrivals list."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: the till, the terminals, the front-desk PC
    s("technical", "HIGH", ["networking"], [
        ("Card terminal offline on a Saturday night", "The card terminal says 'no connection' and we are full tonight. Cash only for now, the router lights look normal."),
        ("Key card encoder not talking to the system", "The key card encoder at reception stopped talking to the booking system after the PC restarted. We are writing keys by hand."),
    ], weight=W, i18n={
        "de": [("Kartenterminal offline am Samstagabend", "Das Kartenterminal sagt 'keine Verbindung' und wir sind heute voll. Nur Barzahlung im Moment.")],
    }),
    s("technical", "MEDIUM", [], [
        ("Receipt printer prints blank slips", "The kitchen printer pushes out blank slips for every order since we changed the paper roll."),
        ("Classroom tablets can't open the app", "The class set of tablets shows a white screen when opening the app. Teachers' laptops are fine."),
        ("Front desk PC very slow in the mornings", "The reception computer takes ten minutes to open the booking system every morning. Is it our PC?"),
    ], weight=W, i18n={
        "fr": [("L'imprimante de tickets sort des feuilles blanches", "L'imprimante de la cuisine sort des tickets vides depuis qu'on a changé le rouleau.")],
    }),
    s("technical", "MEDIUM", ["email"], [
        ("Booking emails land in guests' spam", "Several guests say our confirmation emails went to spam. We set up our own domain for sending last week."),
    ], weight=W),

    # ---------------------------------------------------------------- account: staff logins and roles
    s("account", "MEDIUM", ["authentication"], [
        ("New receptionist can't log in", "Our new receptionist got the invite but the link says expired, and she starts her first shift tonight."),
        ("Teacher locked out before parents' evening", "I'm locked out of the gradebook after changing my password, and parents' evening is at 6."),
    ], weight=W, i18n={
        "es": [("La nueva recepcionista no puede entrar", "La nueva recepcionista recibió la invitación pero el enlace dice que ha caducado.")],
    }),
    s("account", "LOW", [], [
        ("Remove a former waiter's access", "Marco stopped working here last month. Please remove his login to the till and the rota."),
        ("Give the deputy head admin rights", "Can the deputy head get the same rights as me so she can publish the timetable when I'm away?"),
        ("Change the clinic name on our account", "We renamed the practice. Please change the name on the account and on the booking page."),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Zugang eines ehemaligen Kellners entfernen", "Marco arbeitet seit letztem Monat nicht mehr hier. Bitte entfernen Sie seinen Zugang zur Kasse.")],
    }),

    # ---------------------------------------------------------------- billing: the platform's charges
    s("billing", "MEDIUM", ["billing"], [
        ("Commission charged on cancelled bookings", "This month's statement charges commission on eleven bookings that guests cancelled for free."),
        ("Charged for more staff seats than we have", "We're invoiced for 25 staff seats but only 18 people have logins."),
        ("Payout from online orders missing", "The weekly payout for our online orders didn't arrive on Tuesday. It's about 2,300 euros."),
    ], weight=W, i18n={
        "fr": [("Commission facturée sur des annulations", "Le relevé du mois facture une commission sur onze réservations annulées gratuitement.")],
        "es": [("Falta el pago de los pedidos en línea", "El pago semanal de los pedidos en línea no llegó el martes. Son unos 2.300 euros.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Invoice in the school's name", "Could the invoices be made out to the school trust instead of to me personally?"),
        ("Pause the subscription over the winter", "We close from November to March. Can we pause the plan and not pay those months?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how do I
    s("question", "LOW", [], [
        ("How do I block rooms for renovation?", "We're painting rooms 20 to 24 next week. How do I take them off sale for those days?"),
        ("Can parents see the comments I write?", "When I add a comment to a pupil's grade, is it visible to parents or only to staff?"),
        ("Where do I set the no-show fee?", "Where can I set a no-show fee for appointments that aren't cancelled 24 hours ahead?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wie sperre ich Zimmer für die Renovierung?", "Wir streichen nächste Woche die Zimmer 20 bis 24. Wie nehme ich sie für diese Tage aus dem Verkauf?")],
        "fr": [("Les parents voient-ils mes commentaires ?", "Quand j'ajoute un commentaire à une note, est-il visible par les parents ou seulement par l'équipe ?")],
    }),
    s("question", "LOW", ["api"], [
        ("Can the bookings go into our accounting software?", "Is there a way to send each day's takings to our accounting software automatically, or do we export by hand?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Waiting list for fully booked evenings", "Please add a waiting list so guests can leave their number when we're full and get a text if a table frees up."),
        ("Seating plan for exams", "It would save us hours if the timetable could make seating plans for exam halls."),
        ("Deposit for large groups", "We'd like to ask groups over 8 for a deposit when they book online."),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Lista de espera para noches llenas", "Por favor añadan una lista de espera para que los clientes dejen su número cuando estamos llenos.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Unhappy with how our complaint was handled", "We waited four days for an answer about the double booking and then got a template reply. We expected better after six years with you."),
        ("Can we be a reference customer?", "We're very happy with the new calendar and would gladly be a reference for other clinics."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Mécontents du traitement de notre réclamation", "Nous avons attendu quatre jours une réponse et reçu un message type. Nous attendions mieux.")],
    }),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Table for four on Friday", "Hello, could I book a table for four people on Friday at 8? Thank you, Martina"),
        ("Is Leo in school today?", "Hi, this is Leo's mum, did he make it to school this morning? He left late."),
        ("Wholesale coffee offer", "We roast speciality coffee and supply 40 restaurants in the city. May I send you our price list?"),
    ], can_escalate=False, weight=W),
]
