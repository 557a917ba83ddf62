//! Which address a request came from, behind reverse proxies. Each proxy appends the address it received the
//! request from to `X-Forwarded-For`, so only the entries our own proxies added can be believed, and they are
//! at the right end: the client is the rightmost address that is not one of our proxies. The leftmost entry
//! is whatever the client chose to send.

use std::net::IpAddr;
use std::str::FromStr;

use ipnet::IpNet;

/// `SITECARD_TRUSTED_PROXIES`: how many proxies stand in front of the server (`1` for one load balancer), or
/// the networks they live in (`10.0.0.0/8,fd00::/8`). Empty: none, and `X-Forwarded-For` is ignored.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TrustedProxies {
    #[default]
    None,
    /// The last `n` hops are ours (the connecting peer is the nearest of them).
    Hops(usize),
    /// Hops whose address is in one of these networks are ours, the connecting peer included.
    Networks(Vec<IpNet>),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SITECARD_TRUSTED_PROXIES: expected a number of hops or a comma-separated list of CIDR networks, got {0:?}")]
pub struct InvalidTrustedProxies(pub String);

impl FromStr for TrustedProxies {
    type Err = InvalidTrustedProxies;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() || s == "0" {
            return Ok(Self::None);
        }
        if let Ok(n) = s.parse::<usize>() {
            return Ok(Self::Hops(n));
        }
        let networks = s
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| p.parse::<IpNet>().or_else(|_| p.parse::<IpAddr>().map(IpNet::from)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| InvalidTrustedProxies(s.to_owned()))?;
        Ok(Self::Networks(networks))
    }
}

/// The client's address: `peer` is who connected to us, `forwarded_for` the `X-Forwarded-For` header values in
/// order. An entry that is not an address ends the walk: nothing to its left can be believed.
pub fn client_ip(peer: IpAddr, forwarded_for: &[&str], trusted: &TrustedProxies) -> IpAddr {
    let hops = forwarded_for.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|h| !h.is_empty());
    let hops: Vec<&str> = hops.collect();
    match trusted {
        TrustedProxies::None => peer,
        TrustedProxies::Hops(n) => {
            // The peer is the nearest proxy; it added the last entry, the one before it the entry before that.
            let mut client = peer;
            for hop in hops.iter().rev().take(*n) {
                match parse_hop(hop) {
                    Some(ip) => client = ip,
                    None => break,
                }
            }
            client
        }
        TrustedProxies::Networks(nets) => {
            let ours = |ip: &IpAddr| nets.iter().any(|n| n.contains(&ip.to_canonical()));
            let mut client = peer;
            for hop in hops.iter().rev() {
                if !ours(&client) {
                    break;
                }
                match parse_hop(hop) {
                    Some(ip) => client = ip,
                    None => break,
                }
            }
            client
        }
    }
}

/// `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or `[2001:db8::1]:5678`.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    if let Ok(ip) = hop.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Ok(sock) = hop.parse::<std::net::SocketAddr>() {
        return Some(sock.ip().to_canonical());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn the_client_is_the_rightmost_address_our_proxies_did_not_add() {
        let one = TrustedProxies::Hops(1);
        let lan: TrustedProxies = "10.0.0.0/8, 192.168.1.7".parse().unwrap();
        let cases: [(&str, &[&str], &TrustedProxies, &str); 12] = [
            // No proxy trusted: the header is the client's own invention.
            ("10.0.0.2", &["6.6.6.6"], &TrustedProxies::None, "10.0.0.2"),
            // One proxy: it appended the address it saw, whatever the client sent before it.
            ("10.0.0.2", &["203.0.113.9"], &one, "203.0.113.9"),
            ("10.0.0.2", &["6.6.6.6, 203.0.113.9"], &one, "203.0.113.9"),
            ("10.0.0.2", &["6.6.6.6", "203.0.113.9"], &one, "203.0.113.9"),
            // Two proxies: the second-to-last entry.
            ("10.0.0.2", &["6.6.6.6, 203.0.113.9, 10.0.0.3"], &TrustedProxies::Hops(2), "203.0.113.9"),
            // Fewer entries than trusted hops: the leftmost we have (still added by a proxy of ours).
            ("10.0.0.2", &["203.0.113.9"], &TrustedProxies::Hops(3), "203.0.113.9"),
            ("10.0.0.2", &[], &one, "10.0.0.2"),
            // Garbage stops the walk at the last believable address.
            ("10.0.0.2", &["203.0.113.9, not-an-ip"], &one, "10.0.0.2"),
            ("10.0.0.2", &["[2001:db8::1]:443"], &one, "2001:db8::1"),
            // Networks: skip our own hops from the right; the first outsider is the client.
            ("10.0.0.2", &["6.6.6.6, 203.0.113.9, 192.168.1.7, 10.1.2.3"], &lan, "203.0.113.9"),
            // A peer outside our networks is the client, whatever it claims.
            ("198.51.100.4", &["6.6.6.6"], &lan, "198.51.100.4"),
            ("::ffff:10.0.0.2", &["203.0.113.9"], &lan, "203.0.113.9"),
        ];
        for (peer, xff, trusted, want) in cases {
            assert_eq!(client_ip(ip(peer), xff, trusted), ip(want), "peer {peer}, X-Forwarded-For {xff:?}, {trusted:?}");
        }
    }

    #[test]
    fn the_setting_is_a_hop_count_or_networks() {
        assert_eq!("".parse::<TrustedProxies>(), Ok(TrustedProxies::None));
        assert_eq!("0".parse::<TrustedProxies>(), Ok(TrustedProxies::None));
        assert_eq!("2".parse::<TrustedProxies>(), Ok(TrustedProxies::Hops(2)));
        assert_eq!(
            "10.0.0.0/8,::1".parse::<TrustedProxies>(),
            Ok(TrustedProxies::Networks(vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()]))
        );
        assert!("10.0.0.0/33".parse::<TrustedProxies>().is_err());
        assert!("yes".parse::<TrustedProxies>().is_err());
    }
}
