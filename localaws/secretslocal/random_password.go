package secretslocal

import (
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"strings"
)

// The character classes GetRandomPassword draws from, as its API
// reference lists them.
const (
	lowerChars       = "abcdefghijklmnopqrstuvwxyz"
	upperChars       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digitChars       = "0123456789"
	punctuationChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)

type randomPasswordInput struct {
	PasswordLength          *int64 `json:"PasswordLength"`
	ExcludeCharacters       string `json:"ExcludeCharacters"`
	ExcludeNumbers          bool   `json:"ExcludeNumbers"`
	ExcludePunctuation      bool   `json:"ExcludePunctuation"`
	ExcludeUppercase        bool   `json:"ExcludeUppercase"`
	ExcludeLowercase        bool   `json:"ExcludeLowercase"`
	IncludeSpace            bool   `json:"IncludeSpace"`
	RequireEachIncludedType *bool  `json:"RequireEachIncludedType"`
}

type randomPasswordOutput struct {
	RandomPassword string `json:"RandomPassword"`
}

// getRandomPassword makes a password: 32 characters by default (1 to
// 4096), drawn from the classes not excluded, less ExcludeCharacters, and
// by default with at least one character of each class left.
func (s *regional) getRandomPassword(body []byte) (any, error) {
	var in randomPasswordInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	length := int64(32)
	if in.PasswordLength != nil {
		length = *in.PasswordLength
	}
	if length < 1 || length > 4096 {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%d' at 'passwordLength' failed to satisfy constraint: Member must have value between 1 and 4096", length)
	}
	var classes []string
	for _, c := range []struct {
		skip  bool
		chars string
	}{
		{in.ExcludeLowercase, lowerChars}, {in.ExcludeUppercase, upperChars}, {in.ExcludeNumbers, digitChars},
		{in.ExcludePunctuation, punctuationChars}, {!in.IncludeSpace, " "},
	} {
		if left := strings.Map(func(r rune) rune {
			if strings.ContainsRune(in.ExcludeCharacters, r) {
				return -1
			}
			return r
		}, c.chars); !c.skip && left != "" {
			classes = append(classes, left)
		}
	}
	if len(classes) == 0 {
		return nil, errorf(codeInvalidParameter, "The password can't be made: every character is excluded.")
	}
	requireEach := in.RequireEachIncludedType == nil || *in.RequireEachIncludedType
	if requireEach && int(length) < len(classes) {
		return nil, errorf(codeInvalidParameter, "The password length %d is too short to include a character of each of the %d included types.", length, len(classes))
	}
	pw, err := password(s.random, int(length), classes, requireEach)
	if err != nil {
		return nil, fmt.Errorf("get random password: %w", err)
	}
	return randomPasswordOutput{RandomPassword: pw}, nil
}

// password draws length characters uniformly from the classes together;
// with requireEach, the first of each class is drawn from that class alone
// and the result shuffled, so every class appears.
func password(random io.Reader, length int, classes []string, requireEach bool) (string, error) {
	all := []byte(strings.Join(classes, ""))
	out := make([]byte, 0, length)
	if requireEach {
		for _, c := range classes {
			b, err := pick(random, []byte(c))
			if err != nil {
				return "", err
			}
			out = append(out, b)
		}
	}
	for len(out) < length {
		b, err := pick(random, all)
		if err != nil {
			return "", err
		}
		out = append(out, b)
	}
	for i := len(out) - 1; i > 0; i-- {
		j, err := rand.Int(random, big.NewInt(int64(i+1)))
		if err != nil {
			return "", fmt.Errorf("read random: %w", err)
		}
		out[i], out[j.Int64()] = out[j.Int64()], out[i]
	}
	return string(out), nil
}

// pick returns one of chars, uniformly.
func pick(random io.Reader, chars []byte) (byte, error) {
	n, err := rand.Int(random, big.NewInt(int64(len(chars))))
	if err != nil {
		return 0, fmt.Errorf("read random: %w", err)
	}
	return chars[n.Int64()], nil
}
