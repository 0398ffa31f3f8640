//! Who is asking, as an address: the connection's peer, unless the peer is one of the reverse
//! proxies named in `PASSERELLE_TRUSTED_PROXIES`; then the address that proxy saw, from
//! `X-Forwarded-For` (read from the right, past every trusted proxy). Rate limits count per
//! client, so behind a proxy without this setting every visitor would share one budget.

use std::net::{IpAddr, SocketAddr};

use axum::extract::ConnectInfo;
use axum::http::request::Parts;

/// A proxy's address, or a network of them (`10.0.0.0/8`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrustedProxy {
    network: IpAddr,
    prefix: u8,
}

impl TrustedProxy {
    /// Reads `192.0.2.1`, `2001:db8::1` or a network such as `10.0.0.0/8`.
    pub fn parse(text: &str) -> Option<TrustedProxy> {
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix.parse::<u8>().ok()?)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().ok()?;
        let bits = if network.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(bits);
        (prefix <= bits).then_some(TrustedProxy { network, prefix })
    }

    fn contains(&self, address: IpAddr) -> bool {
        let (network, address, bits) = match (self.network, address.to_canonical()) {
            (IpAddr::V4(network), IpAddr::V4(address)) => {
                (u128::from(network.to_bits()), u128::from(address.to_bits()), 32)
            }
            (IpAddr::V6(network), IpAddr::V6(address)) => (network.to_bits(), address.to_bits(), 128),
            _ => return false,
        };
        let shift = bits - u32::from(self.prefix);
        shift >= bits || (network >> shift) == (address >> shift)
    }
}

/// Reads the comma-separated list of `PASSERELLE_TRUSTED_PROXIES`; `Err` names what does not read.
pub fn parse_trusted(list: &str) -> Result<Vec<TrustedProxy>, String> {
    list.split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| TrustedProxy::parse(item).ok_or_else(|| format!("'{item}' is not an IP address or network")))
        .collect()
}

/// The client's address for this request, as text ("unknown" without a connection).
pub fn client_address(parts: &Parts, trusted: &[TrustedProxy]) -> String {
    let Some(peer) = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip()) else {
        return "unknown".to_string();
    };
    let forwarded = parts.headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok());
    let forwarded: Vec<&str> = forwarded.flat_map(|value| value.split(',')).map(str::trim).collect();
    resolve(peer, &forwarded, trusted).to_canonical().to_string()
}

fn resolve(peer: IpAddr, forwarded: &[&str], trusted: &[TrustedProxy]) -> IpAddr {
    let is_trusted = |address: IpAddr| trusted.iter().any(|proxy| proxy.contains(address));
    let mut client = peer;
    for hop in forwarded.iter().rev() {
        if !is_trusted(client) {
            break;
        }
        match hop.parse::<IpAddr>() {
            Ok(address) => client = address,
            // A hop that is not an address: what the trusted proxy saw cannot be known.
            Err(_) => break,
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("address")
    }

    #[test]
    fn the_forwarded_address_counts_only_behind_a_trusted_proxy() {
        let trusted = parse_trusted("127.0.0.1, 10.0.0.0/8").expect("list");
        let chain = ["203.0.113.9", "10.1.2.3"];
        assert_eq!(resolve(ip("127.0.0.1"), &chain, &trusted), ip("203.0.113.9"), "past both proxies");
        assert_eq!(
            resolve(ip("198.51.100.7"), &chain, &trusted),
            ip("198.51.100.7"),
            "an untrusted peer is the client"
        );
        let spoofed = ["1.2.3.4", "203.0.113.9"];
        assert_eq!(
            resolve(ip("127.0.0.1"), &spoofed, &trusted),
            ip("203.0.113.9"),
            "what the client wrote is not believed"
        );
        assert_eq!(resolve(ip("127.0.0.1"), &[], &trusted), ip("127.0.0.1"));
        assert_eq!(resolve(ip("127.0.0.1"), &["nonsense"], &trusted), ip("127.0.0.1"));
        assert!(parse_trusted("10.0.0.0/33").is_err());
        assert!(parse_trusted("proxy.example").is_err());
        assert!(TrustedProxy::parse("::1").is_some_and(|proxy| proxy.contains(ip("::1"))));
    }
}
