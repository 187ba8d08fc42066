package intrinsic

import (
	"encoding/base64"
	"fmt"
	"unicode/utf8"

	"github.com/payflow-dev/payflow/localaws/asl/digest"
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
	sum, ok := digest.Hex(alg, s)
	if !ok {
		return nil, fmt.Errorf("the algorithm %q is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", alg)
	}
	return sum, nil
}
