//! `deskql triage-eval`: the configured provider over a labelled file, scored. With the
//! builtin provider it is the model trained on the shipped corpus alone (no database).

use crate::ai::Provider;
use crate::config::PipelineConfig;
use crate::domain::skills::SynonymTable;
use crate::domain::triage::TriageInput;
use crate::domain::triage::model::eval::{Answer, Metrics, score};
use crate::domain::triage::model::{CATEGORIES, LabelledTicket, SKILLS};

pub async fn run(config: &PipelineConfig, tickets: &[LabelledTicket]) -> anyhow::Result<Metrics> {
    let provider = Provider::from_config(config)?;
    let synonyms = SynonymTable::builtin();
    let categories: Vec<String> = CATEGORIES.iter().map(|c| (*c).to_owned()).collect();
    let skills: Vec<String> = SKILLS.iter().map(|s| (*s).to_owned()).collect();
    let mut answers = Vec::with_capacity(tickets.len());
    for ticket in tickets {
        let input = TriageInput {
            title: &ticket.title,
            description: &ticket.description,
            categories: &categories,
            known_skills: &skills,
            synonyms: &synonyms,
        };
        let analysis = provider
            .analyze(&input)
            .await
            .map_err(|err| anyhow::anyhow!("{} on {:?}: {err}", provider.name(), ticket.title))?;
        answers.push(Answer {
            category: analysis.category,
            priority: analysis.priority,
            skills: analysis.related_skills,
        });
    }
    Ok(score(tickets, &answers))
}
