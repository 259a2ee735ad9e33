//! Reply addresses that name their ticket: `support+tkt-2026-0042.<tag>@example.com`. The tag
//! is an HMAC of the ticket number under the inbound-mail secret, so an address cannot be
//! made up for a ticket; replies still have to come from the requester or the assignee.

use hmac::{Hmac, Mac};
use lettre::message::Mailbox;
use sha2::Sha256;

/// Hex characters of the tag: 48 bits, plenty against guessing within the sender check.
const TAG_CHARS: usize = 12;

fn tag(key: &str, number: &str) -> Option<String> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).ok()?;
    mac.update(number.to_ascii_uppercase().as_bytes());
    let digest = mac.finalize().into_bytes();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Some(hex[..TAG_CHARS].to_owned())
}

/// The reply address for a ticket, beside the sender's own address.
pub fn for_ticket(from: &Mailbox, key: &str, number: &str) -> Option<Mailbox> {
    let tag = tag(key, number)?;
    let user = from.email.user();
    let base = user.split('+').next().unwrap_or(user);
    let address = format!(
        "{base}+{}.{tag}@{}",
        number.to_ascii_lowercase(),
        from.email.domain()
    );
    Some(Mailbox::new(from.name.clone(), address.parse().ok()?))
}

/// The ticket number a reply address names, if its tag is right.
pub fn ticket_number(address: &str, key: &str) -> Option<String> {
    let local = address.rsplit_once('@')?.0;
    let token = local.split_once('+')?.1;
    let (number, given) = token.rsplit_once('.')?;
    let expected = tag(key, number)?;
    let matches = given.len() == expected.len()
        && given
            .to_ascii_lowercase()
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0;
    matches.then(|| number.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip_and_forged_tags_fail() {
        let from: Mailbox = "Help <support@help.example.com>".parse().expect("mailbox");
        let reply = for_ticket(&from, "s3cret", "TKT-2026-0042").expect("address");
        let address = reply.email.to_string();
        assert!(address.starts_with("support+tkt-2026-0042."), "{address}");
        assert!(address.ends_with("@help.example.com"), "{address}");
        assert_eq!(
            ticket_number(&address, "s3cret").as_deref(),
            Some("TKT-2026-0042")
        );
        assert_eq!(
            ticket_number(&address.to_ascii_uppercase(), "s3cret").as_deref(),
            Some("TKT-2026-0042")
        );
        assert_eq!(ticket_number(&address, "other key"), None);
        let forged = address.replace("tkt-2026-0042", "tkt-2026-0043");
        assert_eq!(ticket_number(&forged, "s3cret"), None);
        assert_eq!(ticket_number("support@help.example.com", "s3cret"), None);
    }
}
