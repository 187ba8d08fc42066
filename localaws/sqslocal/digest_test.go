package sqslocal_test

import (
	"crypto/md5"
	"encoding/hex"
)

// md5hex is the plain body digest the query tests compare against (the
// SDK checks it itself on the JSON side).
func md5hex(s string) string {
	sum := md5.Sum([]byte(s))
	return hex.EncodeToString(sum[:])
}
