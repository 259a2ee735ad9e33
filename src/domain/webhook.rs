//! Outgoing webhooks as rules: the event types an endpoint can subscribe to, what a valid
//! endpoint URL is, and which network addresses a webhook may never reach.

use std::net::IpAddr;
use std::sync::LazyLock;

use ipnet::IpNet;

use crate::domain::{DomainError, DomainResult};

/// What an endpoint subscribes to; sent as the payload's `type`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    async_graphql::Enum,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
pub enum WebhookEventType {
    /// A ticket was filed (any source).
    #[strum(serialize = "ticket.created")]
    TicketCreated,
    /// Title, category, notes or priority changed, or triage filled in its analysis;
    /// `data.changedFields` names what.
    #[strum(serialize = "ticket.updated")]
    TicketUpdated,
    /// The ticket was assigned or unassigned (`data.ticket.assigneeId`).
    #[strum(serialize = "ticket.assigned")]
    TicketAssigned,
    #[strum(serialize = "ticket.status_changed")]
    TicketStatusChanged,
    /// A public message; internal notes too for endpoints that opt in.
    #[strum(serialize = "message.created")]
    MessageCreated,
    /// An SLA target passed unmet.
    #[strum(serialize = "sla.breached")]
    SlaBreached,
    /// The requester rated the resolution.
    #[strum(serialize = "ticket.rated")]
    TicketRated,
}

pub const URL_MAX_CHARS: usize = 2000;
pub const DESCRIPTION_MAX_CHARS: usize = 500;

/// An endpoint URL: absolute http(s), a host, no credentials. A literal address must be
/// public unless private targets are allowed; host names are checked when they resolve.
pub fn validate_url(raw: &str, allow_private: bool) -> DomainResult<url::Url> {
    let invalid = |message: &str| DomainError::invalid("url", message);
    if raw.chars().count() > URL_MAX_CHARS {
        return Err(invalid("url is longer than 2000 characters"));
    }
    let url = url::Url::parse(raw.trim()).map_err(|_| invalid("url is not an absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(invalid("url must use http or https"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(invalid("url must not carry credentials"));
    }
    let Some(host) = url.host() else {
        return Err(invalid("url has no host"));
    };
    let literal = match host {
        url::Host::Ipv4(ip) => Some(IpAddr::V4(ip)),
        url::Host::Ipv6(ip) => Some(IpAddr::V6(ip)),
        url::Host::Domain(_) => None,
    };
    if let Some(ip) = literal
        && !allow_private
        && !is_public(ip)
    {
        return Err(invalid(
            "url points to a private, loopback or link-local address",
        ));
    }
    Ok(url)
}

/// Networks no webhook may reach: "this" network, private (RFC 1918, CGNAT, unique local),
/// loopback, link-local (where cloud metadata services live), documentation, benchmarking,
/// multicast and reserved space.
static BLOCKED: LazyLock<Vec<IpNet>> = LazyLock::new(|| {
    [
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.88.99.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "64:ff9b:1::/48",
        "100::/64",
        "2001:db8::/32",
        "fc00::/7",
        "fe80::/10",
        "fec0::/10",
        "ff00::/8",
    ]
    .iter()
    .filter_map(|net| net.parse().ok())
    .collect()
});

/// Whether a webhook may connect to this address. IPv4 addresses embedded in IPv6
/// (mapped, NAT64) are judged as the IPv4 address they reach.
pub fn is_public(ip: IpAddr) -> bool {
    let ip = match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None if v6.segments()[..6] == [0x64, 0xff9b, 0, 0, 0, 0] => {
                let [.., a, b] = v6.segments();
                IpAddr::V4(std::net::Ipv4Addr::from(
                    (u32::from(a) << 16) | u32::from(b),
                ))
            }
            None => ip,
        },
        IpAddr::V4(_) => ip,
    };
    !BLOCKED.iter().any(|net| net.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_special_addresses_are_refused() {
        for blocked in [
            "127.0.0.1",
            "10.1.2.3",
            "172.31.255.255",
            "192.168.0.10",
            "169.254.169.254",
            "100.100.100.200",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00:ec2::254",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
        ] {
            let ip: IpAddr = blocked.parse().expect("test address");
            assert!(!is_public(ip), "{blocked} should be refused");
        }
        for public in [
            "93.184.216.34",
            "1.1.1.1",
            "2606:4700:4700::1111",
            "::ffff:8.8.8.8",
        ] {
            let ip: IpAddr = public.parse().expect("test address");
            assert!(is_public(ip), "{public} should be allowed");
        }
    }

    #[test]
    fn urls_are_checked_for_shape_and_literal_addresses() {
        assert!(validate_url("https://hooks.example.com/x?y=1", false).is_ok());
        assert!(validate_url("http://127.0.0.1:9000/hook", true).is_ok());
        for bad in [
            "ftp://example.com/",
            "not a url",
            "https://user:pass@example.com/",
            "http://127.0.0.1/hook",
            "http://[::1]/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://0x7f000001/",
        ] {
            assert!(validate_url(bad, false).is_err(), "{bad} should be refused");
        }
    }
}
