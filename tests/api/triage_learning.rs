//! Triage learns from staff: corrections of a triaged ticket's category and skills are recorded, a
//! retraining activates a model that scores at least as well, and later tickets like the
//! corrected ones are triaged the way staff taught it.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser, error_code, eventually, pipeline_config};

const MODEL: &str = "{ triageModel { version examples corrections active heldOutAccuracy { category priority priorityWithinOne skills skillsPrecision } } }";
const RETRAIN: &str = "mutation { retrainTriageModel { activated candidate { version corrections examples } active { version } } }";
const SUGGESTION: &str =
    "query($id: ID!) { ticket(id: $id) { triage { suggestedCategory { slug } } } }";
const CORRECT: &str = r#"mutation($id: ID!, $c: String!, $s: [String!]) {
    updateTicket(id: $id, input: { category: $c, relatedSkills: $s }) { category { slug } relatedSkills } }"#;
const SKILLS: &str = "query($id: ID!) { ticket(id: $id) { relatedSkills } }";

/// Files a ticket and waits for triage; answers its id and the suggested category.
async fn triaged(app: &TestApp, user: &TestUser, staff: &TestUser, title: &str) -> (Value, String) {
    let ticket = app.create_ticket(user, title).await;
    let id = ticket["id"].clone();
    let suggestion = || async {
        let body = app
            .gql(Some(&staff.token), SUGGESTION, json!({ "id": id }))
            .await;
        body["data"]["ticket"]["triage"]["suggestedCategory"]["slug"]
            .as_str()
            .map(str::to_owned)
    };
    eventually("triage", || async { suggestion().await.is_some() }).await;
    let slug = suggestion().await.unwrap_or_default();
    (id, slug)
}

#[tokio::test]
async fn staff_corrections_retrain_triage_and_change_later_predictions() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    let user = app.sign_up("requester").await;

    let shipped = app.gql(Some(&admin.token), MODEL, json!({})).await;
    let model = &shipped["data"]["triageModel"];
    assert_eq!(model["version"], 0, "{shipped}");
    assert!(model["examples"].as_i64().unwrap_or(0) >= 1500, "{shipped}");
    assert!(
        model["heldOutAccuracy"]["category"].as_f64().unwrap_or(0.0) > 0.7,
        "{shipped}"
    );
    let forbidden = app.gql(Some(&user.token), RETRAIN, json!({})).await;
    assert_eq!(error_code(&forbidden), "FORBIDDEN", "{forbidden}");

    // Our own product, which the shipped corpus never saw: the model's first guess...
    let (first_id, first_guess) = triaged(
        &app,
        &user,
        &admin,
        "Quillfeather kiosk prints no visitor badges in the lobby",
    )
    .await;
    // ...is not what this help desk files such tickets under.
    let taught = if first_guess == "feature" {
        "other"
    } else {
        "feature"
    };
    // ...and the kiosk is on the network, which its skills do not say.
    let first_skills = app
        .gql(Some(&admin.token), SKILLS, json!({ "id": first_id }))
        .await["data"]["ticket"]["relatedSkills"]
        .clone();
    let taught_skill = if first_skills
        .as_array()
        .is_some_and(|s| s.contains(&json!("networking")))
    {
        "mobile"
    } else {
        "networking"
    };
    // Skills are validated and canonical: "VPN" is networking, eleven are too many.
    let too_many: Vec<String> = (0..11).map(|n| format!("skill-{n}")).collect();
    let refused = app
        .gql(
            Some(&admin.token),
            CORRECT,
            json!({ "id": first_id, "c": taught, "s": too_many }),
        )
        .await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
    let phrasings = [
        "Quillfeather kiosk prints no visitor badges in the lobby",
        "The Quillfeather kiosk on floor 3 stopped printing badges",
        "Quillfeather badge kiosk is stuck on the welcome screen",
        "Visitors cannot get a badge from the Quillfeather kiosk",
        "Quillfeather kiosk: badge printer jammed again",
        "Our Quillfeather kiosk shows an empty badge preview",
        "Quillfeather kiosk reboots when a visitor signs in",
        "Quillfeather kiosk badges come out blank",
        "Badge kiosk (Quillfeather) at reception is frozen",
        "Quillfeather kiosk no longer recognises visitor QR codes",
        "Quillfeather kiosk prints badges with the wrong date",
        "The lobby Quillfeather kiosk does not respond to touch",
    ];
    for title in phrasings {
        let (id, _) = triaged(&app, &user, &admin, title).await;
        let skills = if taught_skill == "networking" {
            json!(["VPN", "networking"])
        } else {
            json!([taught_skill])
        };
        let moved = app
            .gql(
                Some(&admin.token),
                CORRECT,
                json!({ "id": id, "c": taught, "s": skills }),
            )
            .await;
        let updated = &moved["data"]["updateTicket"];
        assert_eq!(updated["category"]["slug"], taught, "{moved}");
        assert_eq!(updated["relatedSkills"], json!([taught_skill]), "{moved}");
    }
    assert_eq!(
        app.count_rows(&format!(
            "triage_corrections WHERE category = '{taught}' AND skills = ARRAY['{taught_skill}']"
        ))
        .await,
        12
    );
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'UPDATED' AND to_value LIKE '%relatedSkills%'")
            .await,
        12
    );

    let retrained = app.gql(Some(&admin.token), RETRAIN, json!({})).await;
    let result = &retrained["data"]["retrainTriageModel"];
    assert_eq!(result["activated"], true, "{retrained}");
    assert_eq!(result["candidate"]["version"], 1, "{retrained}");
    assert_eq!(result["candidate"]["corrections"], 12, "{retrained}");
    assert_eq!(result["active"]["version"], 1, "{retrained}");
    let now = app.gql(Some(&admin.token), MODEL, json!({})).await;
    assert_eq!(now["data"]["triageModel"]["version"], 1, "{now}");
    assert_eq!(
        app.count_rows("triage_models WHERE active AND corrections = 12")
            .await,
        1
    );

    // A new ticket like the corrected ones is now triaged the way staff taught it.
    let (id, guess) = triaged(
        &app,
        &user,
        &admin,
        "Quillfeather kiosk in the east wing prints no badges",
    )
    .await;
    assert_eq!(guess, taught);
    let skills = app
        .gql(Some(&admin.token), SKILLS, json!({ "id": id }))
        .await;
    assert!(
        skills["data"]["ticket"]["relatedSkills"]
            .as_array()
            .is_some_and(|s| s.contains(&json!(taught_skill))),
        "{skills}"
    );
}

#[tokio::test]
async fn the_language_is_detected_and_prefers_a_moderator_who_reads_it() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let reader = app
        .user_with_role("mod-es", Role::Moderator, &["authentication", "lang:es"])
        .await;
    app.user_with_role("mod-auth", Role::Moderator, &["authentication"])
        .await;
    let user = app.sign_up("cliente").await;
    let body = app
        .gql(
            Some(&user.token),
            crate::common::CREATE_TICKET,
            json!({ "input": {
                "title": "No puedo iniciar sesión en mi cuenta",
                "description": "Desde ayer no puedo entrar, la página dice que la contraseña es incorrecta aunque la cambié dos veces."
            } }),
        )
        .await;
    let id = body["data"]["createTicket"]["id"].clone();
    let view =
        "query($id: ID!) { ticket(id: $id) { language assignee { id } triage { language } } }";
    eventually("triage and assignment", || async {
        let body = app
            .gql(Some(&reader.token), view, json!({ "id": id }))
            .await;
        !body["data"]["ticket"]["assignee"].is_null()
    })
    .await;
    let body = app
        .gql(Some(&reader.token), view, json!({ "id": id }))
        .await;
    let ticket = &body["data"]["ticket"];
    assert_eq!(ticket["language"], "es", "{body}");
    assert_eq!(ticket["triage"]["language"], "es", "{body}");
    assert_eq!(ticket["assignee"]["id"], reader.id.as_str(), "{body}");
}

#[tokio::test]
async fn category_default_skills_route_tickets_whose_text_names_no_skill() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    let desk = app
        .user_with_role(
            "mod-desk",
            Role::Moderator,
            &[
                "general-desk",
                "question-desk",
                "other-desk",
                "billing-desk",
            ],
        )
        .await;
    for slug in ["general", "question", "other", "billing"] {
        let body = app
            .gql(
                Some(&admin.token),
                "mutation($s: String!, $k: [String!]!) { setCategoryDefaultSkills(slug: $s, skills: $k) { slug defaultSkills } }",
                json!({ "s": slug, "k": [format!("{slug}-desk")] }),
            )
            .await;
        assert_eq!(
            body["data"]["setCategoryDefaultSkills"]["defaultSkills"],
            json!([format!("{slug}-desk")]),
            "{body}"
        );
    }
    let refused = app
        .gql(
            Some(&desk.token),
            "mutation { setCategoryDefaultSkills(slug: \"general\", skills: [\"x\"]) { slug } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");

    let user = app.sign_up("customer").await;
    let ticket = app
        .create_ticket(&user, "Please send us the signed contract for next year")
        .await;
    let id = ticket["id"].clone();
    let view = "query($id: ID!) { ticket(id: $id) { relatedSkills assignee { id } assignmentReason { rule } } }";
    eventually("assignment", || async {
        let body = app.gql(Some(&admin.token), view, json!({ "id": id })).await;
        !body["data"]["ticket"]["assignee"].is_null()
    })
    .await;
    let body = app.gql(Some(&admin.token), view, json!({ "id": id })).await;
    let ticket = &body["data"]["ticket"];
    assert_eq!(ticket["relatedSkills"], json!([]), "{body}");
    assert_eq!(ticket["assignee"]["id"], desk.id.as_str(), "{body}");
    assert_ne!(
        ticket["assignmentReason"]["rule"], "ADMIN_FALLBACK",
        "{body}"
    );
}
