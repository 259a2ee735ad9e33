"""A sixteenth pass, written apart from the others from the people around an online game:
players on PCs, consoles and phones, parents who pay for them, and the clans and streamers
who organise them. They name matches, servers, patches, skins, coins, ranks and platforms,
and paste a crash code now and then. It leans on what a game blurs: the game itself crashing
or losing progress (bug) against the player's own connection, drivers or console settings
(technical), a purchase that never arrived (billing) against a stolen or locked login
(account), and how a mode works (question) against a wish for a new one (feature).
Few copies each."""

from scenarios import s

W = 4

GAMES = [
    # ---------------------------------------------------------------- bug: the game loses or breaks things
    s("bug", "HIGH", ["database"], [
        ("Inventory wiped after the patch", "Since last night's patch my inventory is empty: three years of skins and weapons gone. My whole clan has the same."),
        ("Ranked wins count as losses", "Since the season started every ranked win is recorded as a loss, so hundreds of us are dropping tiers."),
    ], weight=W, logs=True, i18n={
        "de": [("Inventar nach dem Patch leer", "Seit dem Patch gestern Abend ist mein Inventar leer, alle Skins aus drei Jahren sind weg. Mein ganzer Clan hat das gleiche Problem.")],
    }),
    s("bug", "MEDIUM", [], [
        ("Game crashes when the match loads", "The game closes to the desktop every time a match finishes loading, error code 0xC0000005. It started with the update."),
        ("Daily reward not given", "I logged in five days in a row and the fifth daily reward never arrived, the calendar shows it as claimed."),
        ("Stuck in the loading screen after a match", "After each match I'm stuck on the loading screen and have to kill the game. Friends on the same version are fine."),
    ], weight=W, i18n={
        "fr": [("Le jeu plante au chargement de la partie", "Le jeu se ferme à chaque fois que la partie finit de charger, code d'erreur 0xC0000005. Ça a commencé avec la mise à jour.")],
        "es": [("No recibí la recompensa diaria", "Entré cinco días seguidos y la quinta recompensa nunca llegó, aunque el calendario la marca como recogida.")],
    }),
    s("bug", "LOW", ["ui"], [
        ("Subtitles overlap the map", "In the settings menu the subtitles box sits on top of the map preview. Small thing."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- technical: the player's machine and network
    s("technical", "MEDIUM", ["networking"], [
        ("NAT type strict, can't join friends", "My console says NAT type strict and I can't join my friends' lobbies. I have a new router from my provider."),
        ("High ping only in the evening", "My ping jumps from 30 to 300 every evening. I'm on Wi-Fi in the attic, is it my connection?"),
    ], weight=W, i18n={
        "de": [("NAT-Typ strikt, kann Freunden nicht beitreten", "Meine Konsole zeigt NAT-Typ strikt und ich komme nicht in die Lobby meiner Freunde. Ich habe einen neuen Router.")],
    }),
    s("technical", "LOW", ["performance"], [
        ("Low frame rate on my laptop", "The game runs at 20 frames on my laptop. It has two graphics cards, maybe it uses the weak one?"),
        ("Antivirus deletes the launcher", "My antivirus keeps putting the launcher in quarantine, so it won't start."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- account: logins, links, hijacked accounts
    s("account", "HIGH", ["security", "authentication"], [
        ("Someone stole my account", "Someone changed the email and password of my account and is selling my items. I still have the purchase receipts."),
    ], weight=W, i18n={
        "es": [("Me robaron la cuenta", "Alguien cambió el correo y la contraseña de mi cuenta y está vendiendo mis objetos. Tengo los recibos de compra.")],
    }),
    s("account", "LOW", ["authentication"], [
        ("Link my console account to PC", "I played on console for two years and want to keep my progress on PC. How do I link the accounts?"),
        ("Change my player name", "I made my player name when I was twelve and it's embarrassing now. Can it be changed?"),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Lier mon compte console au PC", "J'ai joué deux ans sur console et je veux garder ma progression sur PC. Comment lier les comptes ?")],
    }),

    # ---------------------------------------------------------------- billing: purchases, refunds, the pass
    s("billing", "MEDIUM", ["billing"], [
        ("Paid for coins that never arrived", "I bought 2,000 coins for 19.99 and the money left my account, but the coins never showed up."),
        ("My son bought gems without asking", "My 9-year-old spent 85 euros on gems from my card. Can these purchases be refunded?"),
        ("Season pass charged twice", "The season pass was charged twice on my card the day it came out."),
    ], weight=W, i18n={
        "de": [("Münzen bezahlt, aber nicht erhalten", "Ich habe 2.000 Münzen für 19,99 gekauft, das Geld ist abgebucht, aber die Münzen sind nie angekommen.")],
        "es": [("Mi hijo compró gemas sin permiso", "Mi hijo de 9 años gastó 85 euros en gemas con mi tarjeta. ¿Se pueden devolver?")],
    }),
    s("billing", "LOW", ["billing"], [
        ("Receipt for the founder's pack", "Could I get a receipt for the founder's pack I bought in March? I need it for my records."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- question: how does it work
    s("question", "LOW", [], [
        ("How does ranked matchmaking work?", "Does the game match me by rank or by hidden skill rating? I keep meeting much higher ranks."),
        ("Does progress carry over between seasons?", "If I don't finish the battle pass this season, do I keep the levels I already have?"),
        ("Is crossplay on by default?", "Am I matched with console players when I play on PC, and can I turn it off?"),
    ], can_escalate=False, weight=W, i18n={
        "de": [("Wie funktioniert das Ranked-Matchmaking?", "Werde ich nach Rang oder nach einer versteckten Wertung eingeteilt? Ich treffe oft viel höhere Ränge.")],
    }),

    # ---------------------------------------------------------------- feature: please add
    s("feature", "LOW", [], [
        ("Colour-blind mode, please", "Enemy outlines are red on green for me. A colour-blind mode would really help."),
        ("Let us remap the controller", "Please add controller remapping; I can't reach the crouch button with my hand."),
        ("Private lobbies for tournaments", "Our community runs weekly tournaments. Private lobbies with a password would make that much easier."),
    ], can_escalate=False, weight=W, i18n={
        "fr": [("Un mode daltonien, s'il vous plaît", "Les contours des ennemis sont rouges sur vert pour moi. Un mode daltonien m'aiderait beaucoup.")],
    }),

    # ---------------------------------------------------------------- general: the relationship
    s("general", "LOW", [], [
        ("Thanks for the charity stream", "Our clan raised 3,000 for the children's hospital in your charity event. Thank you for setting it up."),
        ("Unhappy with how reports of cheaters are handled", "I've reported the same cheater six times and never heard back. It feels like nobody reads the reports."),
    ], can_escalate=False, weight=W),

    # ---------------------------------------------------------------- other: not for this desk
    s("other", "LOW", [], [
        ("Application for the community manager job", "Hello, I would like to apply for the community manager job you posted. My CV is attached."),
        ("Fan art for the studio", "I drew our favourite characters and wanted to send it to the artists. Where can I post it?"),
    ], can_escalate=False, weight=W),
]
