use std::collections::{BTreeSet, HashMap};

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

/// Skill synonyms: every term maps to one canonical skill, so "React", "frontend" and "UI"
/// are the same skill when matching tickets to moderators.
#[derive(Debug, Clone, Default)]
pub struct SynonymTable {
    canonical_of: HashMap<String, String>,
}

/// Groups shipped with deskql; a synonyms file extends or overrides them.
const BUILTIN_SYNONYMS: &str = "\
ui: frontend, front-end, front end, react, vue, angular, css, html, user interface, layout, button, buttons, dropdown, tooltip, modal, dark mode, font, sidebar, widget, chart, charts, screen, scrolling, date picker, icon
database: postgres, postgresql, sql, mysql, db, query, queries, replica, backup, backups, restore, records, data loss, duplicates, migration, datenbank, base de datos
authentication: auth, login, logins, log in, logged out, sign in, signin, password, passwords, 2fa, mfa, two-factor, two factor, sso, saml, oauth, okta, azure ad, locked out, session expired, verification code, authenticator, passwort, contraseña, mot de passe, anmelden, iniciar sesión, connexion
billing: payment, payments, invoice, invoices, refund, subscription, stripe, credit card, charge, charged, receipt, vat, pricing, price, checkout, credit note, billed, rechnung, zahlung, factura, pago, facture, paiement, remboursement
networking: network, dns, vpn, firewall, ssl, tls, certificate, proxy, cname, ip address, ip range, websocket, custom domain, domain verification
security: vulnerability, breach, hacked, phishing, xss, csrf, compromised, sql injection, pentest, penetration test, exposed, leaked, unauthorized, suspicious, encryption, soc 2, data exposure, privacy
api: rest, graphql, webhook, webhooks, endpoint, endpoints, integration, sdk, api key, rate limit, rate limited, 429, 401, json
mobile: ios, android, iphone, ipad, app store, mobile app, tablet, push notification, push notifications, smartphone
email: smtp, mail, inbox, newsletter, bounce, bounces, e-mail, emails, spam, dkim, spf, notification email, correo, courriel
infrastructure: server, servers, outage, deployment, kubernetes, docker, aws, cloud, self-hosted, on-prem, on-premise, helm, cluster, 502, 503, bad gateway, servidor, serveur
performance: slow, slowness, latency, lag, timeout, timeouts, times out, sluggish, freezes, takes ages, memory, langsam, lento, lent
";

impl SynonymTable {
    pub fn builtin() -> Self {
        Self::parse(BUILTIN_SYNONYMS).unwrap_or_default()
    }

    /// The builtin table extended by `extra` (same format; later lines win).
    pub fn builtin_with(extra: &str) -> Result<Self, String> {
        let mut table = Self::builtin();
        table.canonical_of.extend(Self::parse(extra)?.canonical_of);
        Ok(table)
    }

    /// One group per line: `canonical: synonym, synonym`; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut canonical_of = HashMap::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if line.is_empty() {
                continue;
            }
            let (canonical, synonyms) = line
                .split_once(':')
                .ok_or_else(|| format!("line {}: expected `skill: synonym, ...`", number + 1))?;
            let canonical = canonical.trim().to_lowercase();
            if canonical.is_empty() || canonical.chars().count() > MAX_SKILL_CHARS {
                return Err(format!("line {}: invalid skill name", number + 1));
            }
            canonical_of.insert(canonical.clone(), canonical.clone());
            for synonym in synonyms.split(',').map(|s| s.trim().to_lowercase()) {
                if !synonym.is_empty() {
                    canonical_of.insert(synonym, canonical.clone());
                }
            }
        }
        Ok(Self { canonical_of })
    }

    /// The canonical form of a skill: its group's name, or the trimmed lowercase skill.
    pub fn canonical(&self, skill: &str) -> String {
        let skill = skill.trim().to_lowercase();
        self.canonical_of.get(&skill).cloned().unwrap_or(skill)
    }

    /// Every (term, canonical skill) pair, terms included their canonical names.
    pub fn terms(&self) -> impl Iterator<Item = (&str, &str)> {
        self.canonical_of
            .iter()
            .map(|(term, canonical)| (term.as_str(), canonical.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_map_to_their_group() {
        let table = SynonymTable::builtin_with("frontend: svelte\ndatabase: mongo").expect("valid");
        assert_eq!(table.canonical("React"), "ui");
        assert_eq!(table.canonical(" Postgres "), "database");
        assert_eq!(table.canonical("mongo"), "database");
        assert_eq!(table.canonical("svelte"), "frontend");
        assert_eq!(table.canonical("Rust"), "rust");
        assert!(SynonymTable::parse("no colon here").is_err());
    }

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
