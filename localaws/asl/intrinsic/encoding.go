package intrinsic

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"unicode/utf8"
)

// maxEncodingInput is the longest string, in characters, that
// States.Base64Encode, States.Base64Decode and States.Hash accept.
const maxEncodingInput = 10000

func limitedString(args []any, i int) (string, error) {
	s, err := stringArg(args, i)
	if err != nil {
		return "", err
	}
	if n := utf8.RuneCountInString(s); n > maxEncodingInput {
		return "", fmt.Errorf("the input is %d characters long, more than the %d allowed", n, maxEncodingInput)
	}
	return s, nil
}

// base64Encode encodes a string's UTF-8 bytes with the standard, padded
// alphabet.
func base64Encode(_ *evaluator, _ *call, args []any) (any, error) {
	s, err := limitedString(args, 0)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.EncodeToString([]byte(s)), nil
}

// base64Decode decodes standard, padded base64 into a string.
func base64Decode(_ *evaluator, _ *call, args []any) (any, error) {
	s, err := limitedString(args, 0)
	if err != nil {
		return nil, err
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the input is not valid base64: %v", err)
	}
	return string(b), nil
}

// hashString returns the lower-case hex digest of a string with one of the
// algorithms Step Functions supports.
func hashString(_ *evaluator, _ *call, args []any) (any, error) {
	s, err := limitedString(args, 0)
	if err != nil {
		return nil, err
	}
	alg, err := stringArg(args, 1)
	if err != nil {
		return nil, err
	}
	var h hash.Hash
	switch alg {
	case "MD5":
		h = md5.New()
	case "SHA-1":
		h = sha1.New()
	case "SHA-256":
		h = sha256.New()
	case "SHA-384":
		h = sha512.New384()
	case "SHA-512":
		h = sha512.New()
	default:
		return nil, fmt.Errorf("the algorithm %q is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", alg)
	}
	h.Write([]byte(s))
	return hex.EncodeToString(h.Sum(nil)), nil
}
