package digest_test

import (
	"testing"

	"github.com/payflow-dev/payflow/localaws/asl/digest"
)

// The expected digests of "abc" are the test vectors published with each
// algorithm: RFC 1321 (MD5), FIPS 180-2 appendices (SHA-1, SHA-256,
// SHA-384, SHA-512).
func TestHex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		algorithm string
		want      string
		wantOK    bool
	}{
		{"MD5", "MD5", "900150983cd24fb0d6963f7d28e17f72", true},
		{"SHA-1", "SHA-1", "a9993e364706816aba3e25717850c26c9cd0d89d", true},
		{"SHA-256", "SHA-256", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", true},
		{"SHA-384", "SHA-384", "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7", true},
		{"SHA-512", "SHA-512", "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", true},
		{"lower-case name is not Step Functions' spelling", "sha-256", "", false},
		{"unknown algorithm", "SHA3-256", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, ok := digest.Hex(tt.algorithm, "abc")
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("Hex(%q, \"abc\") = %q, %v; want %q, %v", tt.algorithm, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}
