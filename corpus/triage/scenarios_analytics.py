"""A fifteenth pass, written apart from the others from the people who live in a data and
reporting platform: analysts with dashboards and scheduled reports, data engineers with
connectors and sync jobs, finance teams reading the numbers in a meeting. They name charts,
filters, connectors, syncs, row counts and the warehouse, and paste a query or an error now
and then. It leans on what such a platform blurs: the platform computing or showing a wrong
number (bug) against a source database, a firewall or credentials on the writer's side
(technical), the platform's seats and plan (billing) against who may see a dashboard
(account), and how a metric is defined (question) against a wish for a new chart (feature).
Few copies each."""

from scenarios import s

W = 4

ANALYTICS = [
    # ---------------------------------------------------------------- bug: wrong numbers, wrong charts
    s("bug", "HIGH", ["database"], [
        ("Revenue dashboard double counts refunds", "The revenue dashboard subtracts each refund twice, so last month shows 18 % less than the ledger. The board sees it on Monday."),
        ("Sync deletes rows it should update", "Since the connector update, the nightly sync deletes changed rows instead of updating them. Our orders table lost 4,000 rows."),
    ], weight=W, logs=True, i18n={
        "de": [("Umsatz-Dashboard zählt Erstattungen doppelt", "Das Umsatz-Dashboard zieht jede Erstattung zweimal ab, der letzte Monat zeigt 18 % weniger als die Buchhaltung.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Date filter ignores the last day", "Filtering a chart from the 1st to the 31st leaves out everything on the 31st."),
        ("Scheduled report arrives empty", "The Monday sales report arrives as an empty PDF since the weekend, though the dashboard itself shows data."),
        ("Percentages add up to 140 %", "The pie chart of channels shows shares that add up to 140 %."),
    ], weight=W, i18n={
        "fr": [("Le filtre de dates ignore le dernier jour", "Quand je filtre un graphique du 1er au 31, tout ce qui est du 31 disparaît.")],
        "es": [("El informe programado llega vacío", "El informe de ventas del lunes llega como un PDF vacío desde el fin de semana.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Legend covers the chart when exported", "When I export the chart as an image the legend sits over the bars."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: sources, firewalls, credentials
    s("technical", "MEDIUM", ["database", "networking"], [
        ("Connector can't reach our Postgres", "The new connector times out reaching our Postgres server. We added your IP addresses to the firewall yesterday, maybe the wrong ones?"),
        ("Sync fails after we rotated the password", "We rotated the database password on Friday and since then every sync fails with 'authentication failed for user report_reader'."),
    ], weight=W, logs=True, i18n={
        "de": [("Connector erreicht unsere Datenbank nicht", "Der neue Connector bekommt bei unserem Postgres-Server eine Zeitüberschreitung. Wir haben gestern Ihre IP-Adressen in der Firewall freigegeben.")],
    }),
    s("technical", "MEDIUM", ["performance"], [
        ("Dashboard takes two minutes to load", "Our main dashboard takes two minutes to load since we connected the raw events table with 900 million rows. Should we use a summary table?"),
    ], weight=W),
    s("technical", "LOW", ["api"], [
        ("Spreadsheet add-on shows an old token error", "The spreadsheet add-on says our token is invalid. I think I pasted the old one after we made a new one."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: who may see what
    s("account", "MEDIUM", ["authentication"], [
        ("Single sign-on sends us in a loop", "Since our identity team changed the SSO settings, signing in loops back to the login page for everyone in finance."),
    ], weight=W, i18n={
        "fr": [("L'authentification unique tourne en boucle", "Depuis que notre équipe a modifié le SSO, la connexion revient à la page de login pour toute la finance.")],
    }),
    s("account", "LOW", [], [
        ("Give the new analyst viewer access", "Please give our new analyst, Lena, view access to the marketing dashboards only."),
        ("Transfer dashboards from a leaver", "Our old analyst left and owns 40 dashboards. Can they be moved to me before his account is closed?"),
    ], can_escalate=False, weight=W, i18n={
        "es": [("Transferir paneles de alguien que se fue", "Nuestro analista se fue y es dueño de 40 paneles. ¿Pueden pasármelos antes de cerrar su cuenta?")],
    }),

    # ---------------------------------------------------------------- billing: seats and plan
    s("billing", "MEDIUM", ["billing"], [
        ("Billed for viewer seats that should be free", "Our invoice charges 30 viewer seats, but the plan page says viewers are free."),
        ("Overage charge for rows synced", "We got an overage charge for 50 million rows synced, but most were the failed syncs you told us to rerun."),
    ], weight=W),
    s("billing", "LOW", ["billing"], [
        ("Move to annual billing with a PO", "Our procurement needs a purchase order and one annual invoice. Can we switch?"),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: what does it mean, how do I
    s("question", "LOW", [], [
        ("How is 'active user' counted?", "On the usage dashboard, is an active user someone who logged in, or someone who did something?"),
        ("Which time zone do reports use?", "Our team is in Chicago and Berlin. Which time zone do the daily cut-offs in reports use?"),
        ("Can I join two data sources in one chart?", "Is it possible to combine the CRM and the billing database in one chart, or do I need a view first?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wie wird 'aktiver Nutzer' gezählt?", "Ist im Nutzungs-Dashboard ein aktiver Nutzer jemand, der sich angemeldet hat, oder jemand, der etwas getan hat?")],
    }),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Alerts when a number drops", "We'd love an alert by email when daily sign-ups drop below 100."),
        ("Comments on charts", "Please let us leave comments on a chart, like 'campaign started here'."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Alertes quand un chiffre baisse", "Nous aimerions une alerte par e-mail quand les inscriptions quotidiennes passent sous 100.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Renewal meeting with our account manager", "Our contract renews in March. Could our account manager set up a call to talk about next year?"),
        ("Feedback on the new editor", "The new chart editor is much faster, thanks. The old colour palette was nicer though."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Webinar: 10 tips for data-driven marketing", "Join our free webinar next Thursday and learn how top brands use data. Register now, seats are limited!"),
        ("Out of office", "I'm out of the office until 4 March with no access to email. For urgent matters contact data-team@."),
    ], can_escalate=False, weight=W),
]
