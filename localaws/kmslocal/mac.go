package kmslocal

import (
	"crypto/hmac"
	"crypto/sha256"
	"crypto/sha512"
	"hash"
)

// macAlgorithmFor names the one MAC algorithm an HMAC key spec supports.
func macAlgorithmFor(spec string) string {
	switch spec {
	case "HMAC_224":
		return "HMAC_SHA_224"
	case "HMAC_256":
		return "HMAC_SHA_256"
	case "HMAC_384":
		return "HMAC_SHA_384"
	case "HMAC_512":
		return "HMAC_SHA_512"
	}
	return ""
}

func hashFor(alg string) func() hash.Hash {
	switch alg {
	case "HMAC_SHA_224":
		return sha256.New224
	case "HMAC_SHA_256":
		return sha256.New
	case "HMAC_SHA_384":
		return sha512.New384
	case "HMAC_SHA_512":
		return sha512.New
	}
	return nil
}

type macInput struct {
	KeyID        string `json:"KeyId"`
	MacAlgorithm string `json:"MacAlgorithm"`
	Message      []byte `json:"Message"`
	Mac          []byte `json:"Mac"`
}

type generateMacOutput struct {
	KeyID        string `json:"KeyId"`
	Mac          []byte `json:"Mac"`
	MacAlgorithm string `json:"MacAlgorithm"`
}

type verifyMacOutput struct {
	KeyID        string `json:"KeyId"`
	MacAlgorithm string `json:"MacAlgorithm"`
	MacValid     bool   `json:"MacValid"`
}

// macAlgorithms are the MacAlgorithm values, in the order AWS lists them
// when it refuses another.
var macAlgorithms = []string{"HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512"}

// computeMac validates a GenerateMac or VerifyMac request (op) and returns
// the key and the MAC of its message.
func (s *regional) computeMac(body []byte, op string) (macInput, *key, []byte, error) {
	var in macInput
	if err := decode(body, &in); err != nil {
		return in, nil, nil, err
	}
	if err := checkLength("message", len(in.Message), maxPlaintext); err != nil {
		return in, nil, nil, err
	}
	newHash := hashFor(in.MacAlgorithm)
	if newHash == nil {
		return in, nil, nil, enumError(in.MacAlgorithm, "macAlgorithm", macAlgorithms)
	}
	k, err := s.usableKey(in.KeyID)
	if err != nil {
		return in, nil, nil, err
	}
	if err := k.requireUsage(usageMac, op); err != nil {
		return in, nil, nil, err
	}
	if macAlgorithmFor(k.spec) != in.MacAlgorithm {
		return in, nil, nil, errorf(codeInvalidKeyUsage, "Algorithm %s is incompatible with key spec %s.", in.MacAlgorithm, k.spec)
	}
	_, cur := k.current()
	m := hmac.New(newHash, cur.secret)
	m.Write(in.Message)
	return in, k, m.Sum(nil), nil
}

func (s *regional) generateMac(body []byte) (any, error) {
	in, k, mac, err := s.computeMac(body, "GenerateMac")
	if err != nil {
		return nil, err
	}
	return generateMacOutput{KeyID: k.arn, Mac: mac, MacAlgorithm: in.MacAlgorithm}, nil
}

// verifyMac fails with KMSInvalidMacException on a mismatch rather than
// answering MacValid false, as AWS does.
func (s *regional) verifyMac(body []byte) (any, error) {
	in, k, mac, err := s.computeMac(body, "VerifyMac")
	if err != nil {
		return nil, err
	}
	if len(in.Mac) == 0 {
		return nil, errorf(codeValidation, "Mac is required")
	}
	if !hmac.Equal(mac, in.Mac) {
		return nil, errorf(codeInvalidMac, "")
	}
	return verifyMacOutput{KeyID: k.arn, MacAlgorithm: in.MacAlgorithm, MacValid: true}, nil
}
