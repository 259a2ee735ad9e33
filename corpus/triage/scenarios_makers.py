"""A seventh pass, written apart from the others from the products our users build and run:
developer platforms and hosting, consumer apps (fitness, banking, streaming, booking),
connected devices (thermostats, card terminals, cameras), and tools for creators (video,
podcasts, newsletters, online courses). Each scenario is the ticket that product's customers
send, in their words (deploys, firmware, episodes, payouts, streaks), so the model learns
what a ticket is about from situations the earlier passes never met. Few copies each."""

from scenarios import s

W = 4

MAKERS = [
    # ---------------------------------------------------------------- bug: the product is wrong
    s("bug", "MEDIUM", [], [
        ("Streak reset although I trained", "I logged a run every day this week but the app reset my streak to zero on Thursday. The runs are all there in the history."),
        ("Workout minutes counted twice", "Any workout I sync from my watch shows up twice in the weekly total, so it says 9 hours when I did 4 and a half."),
        ("Progress chart starts in the wrong month", "The progress chart on the dashboard starts in February although my first entry is from last October."),
    ], weight=W, i18n={
        "es": [("Mi racha se reinició", "Registré un entrenamiento cada día pero la aplicación puso mi racha a cero el jueves.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Episode published without its audio", "The episode went live on schedule this morning but the player says 'no audio file'. The upload finished fine yesterday."),
        ("Chapters out of order after editing", "After I renamed one chapter of my course, the lessons show in a different order for students than in the editor."),
        ("Subscriber count drops every Sunday", "The newsletter dashboard shows about 200 fewer subscribers every Sunday night and they come back on Monday."),
    ], weight=W, i18n={
        "de": [("Folge ohne Audio veröffentlicht", "Die Folge ist heute früh planmäßig online gegangen, aber der Player sagt 'keine Audiodatei'.")],
    }),
    s("bug", "HIGH", [], [
        ("Deploys succeed but serve the old version", "Since yesterday every deploy is marked successful but the site keeps serving the previous build. We have a fix for customers stuck in review and can't ship it."),
        ("Scheduled transfers executed twice", "Standing orders set up in the app ran twice on the 1st, so a lot of our members paid rent twice. Support lines are full."),
    ], weight=W),
    s("bug", "URGENT", [], [
        ("Card terminals decline every payment", "Since the firmware update last night all 14 card terminals in our shops decline every card with error 05. We are taking cash only on a Saturday."),
        ("Thermostats stuck at 30 degrees", "After this morning's update the thermostats in our care home all heat to 30 °C and ignore the schedule. The residents are elderly, we need this stopped now."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["ui"], [
        ("Video timeline zooms by itself", "In the editor the timeline zooms all the way out whenever I trim a clip, then I have to find my place again."),
        ("Dark theme makes captions invisible", "With the dark theme on, the caption text in the editor is black on dark grey and I can't read it."),
        ("Buttons overlap on small laptop", "On my 13 inch laptop the 'Publish' and 'Preview' buttons sit on top of each other."),
    ], weight=W, i18n={
        "fr": [("La timeline zoome toute seule", "Dans l'éditeur, la timeline se dézoome complètement à chaque fois que je coupe un clip.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Emoji picker cut off at the edge", "The emoji picker in comments opens half outside the window on the right. I can still pick most of them."),
        ("Wrong plural on the badge", "My profile badge says '1 episodes published'. Tiny thing."),
    ], can_escalate=False, weight=W),
    s("bug", "MEDIUM", ["mobile"], [
        ("Widget shows yesterday's balance", "The home screen widget of the banking app still shows yesterday's balance until I open the app."),
        ("App forgets downloaded episodes", "Episodes I downloaded for the flight vanish from the Android app after a restart, even though the storage is still used."),
        ("Camera app crashes when I scroll clips", "The iOS app for our doorbell camera crashes when I scroll back through more than a day of recordings."),
    ], weight=W),
    s("bug", "MEDIUM", ["performance"], [
        ("Export of a 10 minute video takes an hour", "Since the last version exporting a short 1080p video takes about an hour, it used to be five minutes on the same computer."),
        ("Dashboard takes 30 seconds to load", "Opening the analytics for our course now takes around 30 seconds every time, it was instant last month."),
    ], weight=W),
    s("bug", "HIGH", ["email"], [
        ("Newsletter sent to unsubscribed readers", "Yesterday's issue went out to everyone who unsubscribed, several hundred people, and we are getting angry replies and spam reports."),
    ], weight=W),

    # ---------------------------------------------------------------- technical: their setup, integrations, devices
    s("technical", "MEDIUM", ["networking"], [
        ("Thermostat won't join the new Wi-Fi", "We replaced our router and now the thermostat can't connect to the network. It finds it but says 'authentication failed'. The password is right."),
        ("Cameras offline behind the new firewall", "Since IT put in a new firewall the cameras show offline in the app. Which ports do they need open?"),
        ("Terminal can't reach the payment host", "The card terminal at the new shop says 'host unreachable'. It's on the guest network there, could that be it?"),
    ], weight=W, i18n={
        "de": [("Thermostat verbindet sich nicht mit dem neuen WLAN", "Wir haben den Router getauscht, jetzt kann sich das Thermostat nicht mehr verbinden. Das Passwort stimmt.")],
    }),
    s("technical", "MEDIUM", ["infrastructure"], [
        ("Custom domain stuck on pending", "I pointed our domain's CNAME to you two days ago but the dashboard still says 'pending verification' and the certificate isn't issued."),
        ("Build runs out of memory", "Our builds fail with 'JavaScript heap out of memory' on your build machines, locally it works. Can we get a bigger build or set a flag?"),
        ("Environment variables not picked up", "I added a new environment variable in the project settings but the running app doesn't see it, even after a redeploy."),
    ], weight=W, i18n={
        "fr": [("Domaine personnalisé toujours en attente", "J'ai fait pointer le CNAME de notre domaine vers vous il y a deux jours, mais il est toujours 'en attente de vérification'.")],
    }),
    s("technical", "MEDIUM", ["api"], [
        ("Webhook signature never matches", "We verify the signature header on your webhooks as the docs say, but our computed value never matches yours. Are we hashing the wrong body?"),
        ("SDK throws on Node 22", "Your JavaScript SDK fails to install on Node 22 with a peer dependency error. Is there a version that supports it?"),
        ("Calendar sync with Google stopped", "Bookings don't show in our Google calendar anymore. I reconnected the account twice and it still says 'sync paused'."),
    ], weight=W),
    s("technical", "MEDIUM", ["email"], [
        ("Our newsletter lands in spam", "Since we moved to our own sending domain most issues end up in the spam folder at Gmail. I think our DKIM is wrong, can you check the records?"),
        ("Bounce emails from our mail server", "Your notification emails to our staff bounce with '550 relay not permitted'. Our IT says something must be whitelisted."),
    ], weight=W),
    s("technical", "LOW", [], [
        ("Which OBS settings for the live stream?", "We want to stream our weekly class through you with OBS. What bitrate and keyframe interval should we set?"),
        ("Setting up the second card reader", "We bought a second reader for the market stall. Do I pair it from the same phone or does it need its own account?"),
    ], weight=W),
    s("technical", "HIGH", ["infrastructure"], [
        ("Database connection limit reached", "Since we got featured this morning our app on your platform fails with 'too many connections'. Signups are failing, what can we change right now?"),
    ], weight=W),

    # ---------------------------------------------------------------- billing
    s("billing", "MEDIUM", ["billing"], [
        ("Payout didn't arrive", "Our weekly payout for course sales was due on Monday and it's not in our bank account. The dashboard says 'paid'."),
        ("Charged for build minutes we didn't use", "This month's invoice has 4,000 extra build minutes. Our builds were paused most of the month."),
        ("Subscription renewed after I cancelled", "I cancelled my premium membership in the app in March and was still charged for April. Please refund it."),
    ], weight=W, i18n={
        "es": [("No recibimos el pago", "El pago semanal de las ventas del curso debía llegar el lunes y no está en nuestra cuenta.")],
        "fr": [("Abonnement renouvelé après résiliation", "J'ai résilié mon abonnement premium en mars et j'ai quand même été prélevé en avril. Merci de me rembourser.")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Receipt for the annual plan", "Could you send a receipt for our annual plan with our company's tax number on it? Our accountant needs it."),
        ("Which card is on file?", "Which card are you charging for our account? We changed banks and I want to be sure the old card isn't used."),
        ("Student discount", "I'm a student, do you have a discount for the creator plan and how do I prove it?"),
    ], weight=W),
    s("billing", "HIGH", ["billing"], [
        ("Payouts frozen before payday", "Our payouts have been on hold for a week 'pending review' and we need that money to pay our tutors on Friday."),
    ], weight=W),

    # ---------------------------------------------------------------- account
    s("account", "MEDIUM", ["authentication"], [
        ("Lost my phone with the authenticator", "My phone was stolen and with it the authenticator app. I can't get past the 2FA code screen. How do I get back into my account?"),
        ("Magic link expired before I click it", "The sign-in link in the email says expired every time, even when I click it right away."),
        ("Can't sign in with Apple anymore", "I always signed in with Apple, now it says there's no account for that email."),
    ], weight=W, i18n={
        "de": [("Handy mit Authenticator verloren", "Mein Handy wurde gestohlen und damit die Authenticator-App. Wie komme ich wieder in mein Konto?")],
    }),
    s("account", "LOW", [], [
        ("Change the email on my account", "I'd like to move my account to my new work email address. How do I change it?"),
        ("Transfer the channel to my co-host", "I'm leaving the podcast. Please make my co-host the owner of the show so she keeps everything."),
        ("Merge two accounts", "I accidentally made a second account with my Gmail. Can you merge it into my main one?"),
        ("Close my account", "Please delete my account and all my recordings. I don't use the app anymore."),
    ], weight=W, i18n={
        "es": [("Cambiar el correo de mi cuenta", "Quiero pasar mi cuenta a mi nuevo correo del trabajo. ¿Cómo lo cambio?")],
    }),
    s("account", "MEDIUM", [], [
        ("Invite for new team member never arrives", "I invited our new editor to the workspace three times; she never gets the email and there's no pending invite on her side."),
        ("Remove a former employee", "A developer left last week and still has access to our projects. I'm an admin but the remove button is greyed out."),
    ], weight=W),
    s("account", "HIGH", ["security"], [
        ("Someone changed my password", "I got an email that my password was changed, it wasn't me. Now I can't log in and my account has payouts linked to it."),
    ], weight=W),

    # ---------------------------------------------------------------- feature
    s("feature", "LOW", [], [
        ("Please add a sleep timer", "It would be lovely to have a sleep timer in the player, so episodes stop after 30 minutes."),
        ("Export workouts as GPX", "Could you let us export our runs as GPX files? I want to use them in another app."),
        ("Schedule posts for a time zone", "We'd like to schedule the newsletter in the readers' time zone instead of ours."),
        ("Vacation mode for thermostats", "A holiday mode that keeps the house at 15 degrees until a date would save us fiddling with the schedule."),
    ], weight=W, i18n={
        "fr": [("Ajouter une minuterie de sommeil", "Ce serait génial d'avoir une minuterie dans le lecteur pour arrêter l'épisode après 30 minutes.")],
        "de": [("Export als GPX", "Könntet ihr einen Export unserer Läufe als GPX-Datei anbieten?")],
    }),
    s("feature", "LOW", ["api"], [
        ("Webhook when a course is completed", "Is it on your roadmap to send a webhook when a student completes a course? We'd issue certificates from our side."),
        ("API access to camera events", "We'd like to read motion events from the cameras through an API, for our own alarm panel."),
    ], weight=W),
    s("feature", "LOW", ["ui"], [
        ("Keyboard shortcuts in the editor", "Editing would be much faster with keyboard shortcuts for split, ripple delete and markers, like other editors have."),
        ("Bigger thumbnails in the library", "Please offer a bigger thumbnail size in the media library, I can't tell my clips apart."),
    ], weight=W),

    # ---------------------------------------------------------------- question: how to do something
    s("question", "LOW", [], [
        ("How do I add a co-host?", "How do I give my co-host access to edit episodes without giving her my password?"),
        ("Where do I find the RSS feed?", "Where can I find my show's RSS feed link to submit it to Spotify?"),
        ("Can I pause my membership?", "I'm injured for two months. Can I pause my membership instead of cancelling it?"),
        ("What happens to students when I unpublish?", "If I unpublish a course, can students who already bought it still watch it?"),
    ], weight=W, i18n={
        "es": [("¿Dónde está el feed RSS?", "¿Dónde encuentro el enlace del feed RSS de mi programa para enviarlo a Spotify?")],
        "de": [("Kann ich meine Mitgliedschaft pausieren?", "Ich bin zwei Monate verletzt. Kann ich die Mitgliedschaft pausieren statt kündigen?")],
    }),
    s("question", "LOW", [], [
        ("Does the thermostat work without internet?", "If our internet goes down, does the thermostat keep following its schedule?"),
        ("How long are recordings kept?", "How many days of camera recordings do you keep on the basic plan?"),
        ("Is my data stored in the EU?", "Where are our customers' videos stored? We need to know if it's inside the EU for our privacy notice."),
    ], weight=W),
    s("question", "MEDIUM", [], [
        ("How do I roll back a deploy?", "The last deploy broke our checkout page. How do I go back to the previous version from the dashboard?"),
    ], weight=W),

    # ---------------------------------------------------------------- general: business with the vendor
    s("general", "LOW", [], [
        ("Partnership for our running club", "Hi, we run a club of 300 runners and would love to talk about a group partnership or discount with your team."),
        ("Loved the new editor", "Just wanted to say the new editor is fantastic, it cut my editing time in half. Thank you!"),
        ("Request for a case study call", "Our agency uses your platform for all our clients. Would your marketing team like to do a case study together?"),
        ("Security questionnaire for procurement", "Our procurement team needs you to fill in the attached vendor security questionnaire before we renew."),
    ], weight=W, i18n={
        "fr": [("Partenariat pour notre club", "Bonjour, nous sommes un club de 300 coureurs et aimerions discuter d'un partenariat avec votre équipe.")],
    }),
    s("general", "LOW", [], [
        ("Feedback after a year with you", "We've used the app for a year now. A few thoughts from our team: the onboarding was great, reports could be clearer. Happy to chat."),
        ("Speaking at your user conference", "I'd like to propose a talk for your user conference about how we run our podcast network."),
    ], weight=W),

    # ---------------------------------------------------------------- other: not for this helpdesk
    s("other", "LOW", [], [
        ("Question about my gym's opening hours", "Hi, is the gym on Main Street open on Sunday? I booked through your app but I'm asking about the gym itself."),
        ("Out of office", "I'm away until the 14th with no access to email. For urgent matters contact my colleague Anna."),
        ("Selling backlinks", "Hello webmaster, we offer high authority backlinks for your site at a great price, reply for our list."),
        ("My neighbour's camera points at my garden", "My neighbour's security camera films my garden. I want it moved."),
    ], weight=W, i18n={
        "es": [("Fuera de la oficina", "Estoy fuera hasta el día 14 sin acceso al correo. Para asuntos urgentes contacte con Ana.")],
    }),
    s("other", "LOW", [], [
        ("Recipe for the podcast episode", "In last week's episode the host mentioned a lasagne recipe. Can you send it to me?"),
        ("Test", "test test, please ignore"),
    ], weight=W),
]
