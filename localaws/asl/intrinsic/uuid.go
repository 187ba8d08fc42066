package intrinsic

import (
	"crypto/rand"
	"encoding/binary"
	"fmt"
)

// uuid returns a version 4 UUID from Env.UUID, or from crypto/rand.
func uuid(ev *evaluator, _ *call, _ []any) (any, error) {
	if ev.env.UUID != nil {
		return ev.env.UUID(), nil
	}
	return newUUID(), nil
}

// newUUID builds a random (version 4, RFC 4122 variant) UUID.
func newUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails on supported platforms
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// cryptoFloat returns a uniformly distributed number in [0, 1) from
// crypto/rand, the default for Env.Random.
func cryptoFloat() float64 {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return float64(binary.BigEndian.Uint64(b[:])>>11) / (1 << 53)
}
