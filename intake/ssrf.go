package intake

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// errBlockedAddr is the cause attached to KindPrivate errors.
var errBlockedAddr = errors.New("blocked address")

// blockedPrefixes are the special-purpose ranges (RFC 6890 and friends) a
// server-side fetch must not reach unless private URLs are allowed.
var blockedPrefixes = func() []netip.Prefix {
	var ps []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8",       // "this network", 0.0.0.0 reaches localhost on Linux
		"10.0.0.0/8",      // private
		"100.64.0.0/10",   // carrier-grade NAT
		"127.0.0.0/8",     // loopback
		"169.254.0.0/16",  // link-local (cloud metadata 169.254.169.254)
		"172.16.0.0/12",   // private
		"192.0.0.0/24",    // IETF protocol assignments
		"192.0.2.0/24",    // documentation
		"192.88.99.0/24",  // 6to4 relay anycast
		"192.168.0.0/16",  // private
		"198.18.0.0/15",   // benchmarking
		"198.51.100.0/24", // documentation
		"203.0.113.0/24",  // documentation
		"224.0.0.0/4",     // multicast
		"240.0.0.0/4",     // reserved, includes 255.255.255.255
		"::/128",          // unspecified
		"::1/128",         // loopback
		"100::/64",        // discard
		"2001:db8::/32",   // documentation
		"fc00::/7",        // unique local (ULA)
		"fe80::/10",       // link-local
		"fec0::/10",       // deprecated site-local
		"ff00::/8",        // multicast
		"2001::/32",       // Teredo (embeds an IPv4 address)
		"2001:10::/28",    // ORCHID
		"64:ff9b:1::/48",  // local-use NAT64
		"::ffff:0:0:0/96", // SIIT translated addresses
		"::/96",           // IPv4-compatible (deprecated), includes :: and ::1
	} {
		ps = append(ps, netip.MustParsePrefix(s))
	}
	return ps
}()

var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// isPublicIP reports whether ip is a globally routable unicast address that
// a server-side fetch may connect to.
func isPublicIP(ip netip.Addr) bool {
	if !ip.IsValid() {
		return false
	}
	ip = ip.Unmap().WithZone("")
	if ip.Is6() {
		b := ip.As16()
		switch {
		case nat64.Contains(ip):
			// NAT64: judge the embedded IPv4 address.
			return isPublicIP(netip.AddrFrom4([4]byte{b[12], b[13], b[14], b[15]}))
		case sixToFour.Contains(ip):
			// 6to4: judge the embedded IPv4 address.
			return isPublicIP(netip.AddrFrom4([4]byte{b[2], b[3], b[4], b[5]}))
		}
	}
	if ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() || ip.IsMulticast() {
		return false
	}
	for _, p := range blockedPrefixes {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// dialControl is installed as net.Dialer.Control: it runs after DNS
// resolution, on the address actually being connected to, so it also
// covers redirects and DNS rebinding.
func dialControl(network, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return fmt.Errorf("%w: %q: %v", errBlockedAddr, address, err)
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: %q is not an IP address", errBlockedAddr, host)
	}
	if !isPublicIP(ip) {
		return fmt.Errorf("%w: %s (%s)", errBlockedAddr, ip, network)
	}
	return nil
}
