use std::collections::BTreeSet;

use crate::domain::{DomainError, DomainResult};

const MAX_SKILLS: usize = 50;
const MAX_SKILL_CHARS: usize = 40;

/// Trims, lowercases and de-duplicates skills (keeping first-seen order), rejecting empty or
/// overlong ones, so "React ", "react" and "REACT" are one skill.
pub fn normalize_skills(field: &str, skills: &[String]) -> DomainResult<Vec<String>> {
    let mut seen = BTreeSet::new();
    let mut normalized = Vec::new();
    for raw in skills {
        let skill = raw.trim().to_lowercase();
        if skill.is_empty() {
            return Err(DomainError::invalid(field, "skills must not be blank"));
        }
        if skill.chars().count() > MAX_SKILL_CHARS {
            return Err(DomainError::invalid(
                field,
                format!("a skill is at most {MAX_SKILL_CHARS} characters"),
            ));
        }
        if seen.insert(skill.clone()) {
            normalized.push(skill);
        }
    }
    if normalized.len() > MAX_SKILLS {
        return Err(DomainError::invalid(
            field,
            format!("at most {MAX_SKILLS} skills"),
        ));
    }
    Ok(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_lowercases_and_deduplicates() {
        let input = vec![" React".into(), "react ".into(), "Postgres".into()];
        assert_eq!(
            normalize_skills("skills", &input).expect("valid"),
            vec!["react".to_string(), "postgres".to_string()]
        );
    }

    #[test]
    fn rejects_blank_skill() {
        let err = normalize_skills("skills", &["  ".into()]).expect_err("blank");
        assert!(matches!(err, DomainError::InvalidInput { field, .. } if field == "skills"));
    }
}
