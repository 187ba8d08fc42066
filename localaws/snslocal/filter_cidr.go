package snslocal

import (
	"net/netip"
	"strconv"
	"strings"
)

// parseCIDR reads a {"cidr": "10.0.0.0/24"} match, an IPv4 or IPv6
// prefix, refusing it in the words AWS uses (LocalStack's
// test_validate_policy_string_operators, error-condition-bad-type and
// -bad-cidr-*, recorded from AWS; a pattern that is not a string is
// answered as if it were a prefix match).
func parseCIDR(arg any, bad func(string) (condition, error)) (condition, error) {
	text, ok := arg.(string)
	if !ok {
		return bad("prefix match pattern must be a string")
	}
	addr, bits, ok := strings.Cut(text, "/")
	if !ok || strings.Contains(bits, "/") {
		return bad("Malformed CIDR, one '/' required")
	}
	n, err := strconv.Atoi(bits)
	if err != nil {
		return bad("Malformed CIDR, mask bits must be an integer")
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return bad("Nonstandard IP address: " + addr)
	}
	prefix, err := ip.Prefix(n)
	if err != nil {
		return bad("Malformed CIDR, mask bits must be an integer")
	}
	return condition{cidr: &prefix}, nil
}

// inCIDR reports whether v is an IP address within prefix.
func inCIDR(v value, prefix netip.Prefix) bool {
	if v.kind != kindString {
		return false
	}
	ip, err := netip.ParseAddr(v.s)
	return err == nil && prefix.Contains(ip.Unmap())
}
