package kmslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

func TestGenerateAndVerifyMac(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	tests := []struct {
		spec    types.KeySpec
		alg     types.MacAlgorithmSpec
		wantLen int
	}{
		{types.KeySpecHmac256, types.MacAlgorithmSpecHmacSha256, 32},
		{types.KeySpecHmac384, types.MacAlgorithmSpecHmacSha384, 48},
		{types.KeySpecHmac512, types.MacAlgorithmSpecHmacSha512, 64},
	}
	for _, tt := range tests {
		t.Run(string(tt.spec), func(t *testing.T) {
			t.Parallel()
			key := createHMAC(t, c, tt.spec)
			if got := key.MacAlgorithms; len(got) != 1 || got[0] != tt.alg {
				t.Errorf("MacAlgorithms = %v, want [%s]", got, tt.alg)
			}
			alias := "alias/mac-" + string(tt.spec)
			createAlias(t, c, alias, *key.KeyId)
			msg := []byte("order o-1 amount 1999 EUR")
			gen, err := c.GenerateMac(context.Background(), &kms.GenerateMacInput{KeyId: aws.String(alias), MacAlgorithm: tt.alg, Message: msg})
			if err != nil {
				t.Fatalf("GenerateMac: %v", err)
			}
			if len(gen.Mac) != tt.wantLen {
				t.Errorf("len(Mac) = %d, want %d", len(gen.Mac), tt.wantLen)
			}
			again, err := c.GenerateMac(context.Background(), &kms.GenerateMacInput{KeyId: key.KeyId, MacAlgorithm: tt.alg, Message: msg})
			if err != nil {
				t.Fatalf("GenerateMac again: %v", err)
			}
			if string(again.Mac) != string(gen.Mac) {
				t.Errorf("GenerateMac is not deterministic for one key and message")
			}
			ver, err := c.VerifyMac(context.Background(), &kms.VerifyMacInput{KeyId: key.Arn, MacAlgorithm: tt.alg, Message: msg, Mac: gen.Mac})
			if err != nil || !ver.MacValid {
				t.Fatalf("VerifyMac of a fresh MAC = %v, %v; want valid", ver, err)
			}
			_, err = c.VerifyMac(context.Background(), &kms.VerifyMacInput{KeyId: key.Arn, MacAlgorithm: tt.alg, Message: append(msg, '!'), Mac: gen.Mac})
			if got := errorCode(t, err); got != "KMSInvalidMacException" {
				t.Errorf("VerifyMac of a changed message: code %q, want KMSInvalidMacException", got)
			}
		})
	}
}

func TestMacRejects(t *testing.T) {
	t.Parallel()
	c, _ := newClient(t)
	mac256 := createHMAC(t, c, types.KeySpecHmac256)
	mac512 := createHMAC(t, c, types.KeySpecHmac512)
	sym := createSymmetric(t, c)
	gen, err := c.GenerateMac(context.Background(), &kms.GenerateMacInput{KeyId: mac256.KeyId, MacAlgorithm: types.MacAlgorithmSpecHmacSha256, Message: []byte("m")})
	if err != nil {
		t.Fatalf("GenerateMac: %v", err)
	}

	tests := []struct {
		name string
		key  *string
		alg  types.MacAlgorithmSpec
		msg  []byte
		want string
	}{
		{name: "symmetric key", key: sym.KeyId, alg: types.MacAlgorithmSpecHmacSha256, msg: []byte("m"), want: "InvalidKeyUsageException"},
		{name: "algorithm of another spec", key: mac256.KeyId, alg: types.MacAlgorithmSpecHmacSha512, msg: []byte("m"), want: "InvalidKeyUsageException"},
		{name: "MAC from another key", key: mac512.KeyId, alg: types.MacAlgorithmSpecHmacSha512, msg: []byte("m"), want: "KMSInvalidMacException"},
		{name: "message too long", key: mac256.KeyId, alg: types.MacAlgorithmSpecHmacSha256, msg: make([]byte, 4097), want: "ValidationException"},
		{name: "unknown key", key: aws.String("alias/none"), alg: types.MacAlgorithmSpecHmacSha256, msg: []byte("m"), want: "NotFoundException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := c.VerifyMac(context.Background(), &kms.VerifyMacInput{KeyId: tt.key, MacAlgorithm: tt.alg, Message: tt.msg, Mac: gen.Mac})
			if got := errorCode(t, err); got != tt.want {
				t.Errorf("error code = %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}
