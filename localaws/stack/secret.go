package stack

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
)

// createSecret creates an AWS::SecretsManager::Secret. A secret declared
// without SecretString or GenerateSecretString is created without a value,
// as CloudFormation does, so that the value is put in place outside the
// template (for an API key, by the operator). Ref and Fn::GetAtt Id are the
// secret's ARN.
func (d *deployer) createSecret(ctx context.Context, id string, p map[string]any) (created, error) {
	name, err := stringProp(p, "Name")
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
	}
	desc, err := stringProp(p, "Description")
	if err != nil {
		return created{}, err
	}
	kmsKey, err := stringProp(p, "KmsKeyId")
	if err != nil {
		return created{}, err
	}
	value, err := stringProp(p, "SecretString")
	if err != nil {
		return created{}, err
	}
	in := &secretsmanager.CreateSecretInput{Name: aws.String(name)}
	if desc != "" {
		in.Description = aws.String(desc)
	}
	if kmsKey != "" {
		in.KmsKeyId = aws.String(kmsKey)
	}
	gen, hasGen := p["GenerateSecretString"].(map[string]any)
	switch {
	case value != "" && hasGen:
		return created{}, fmt.Errorf("SecretString and GenerateSecretString are mutually exclusive")
	case value != "":
		in.SecretString = aws.String(value)
	case hasGen:
		s, err := generateSecretString(gen)
		if err != nil {
			return created{}, fmt.Errorf("GenerateSecretString: %w", err)
		}
		in.SecretString = aws.String(s)
	}
	out, err := d.secrets.CreateSecret(ctx, in)
	if err != nil {
		return created{}, fmt.Errorf("create secret %s: %w", name, err)
	}
	arn := aws.ToString(out.ARN)
	return created{ref: arn, attrs: map[string]any{"Id": arn}}, nil
}

// Character classes GenerateSecretString draws from, as Secrets Manager's
// GetRandomPassword describes them.
const (
	lowerChars       = "abcdefghijklmnopqrstuvwxyz"
	upperChars       = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	digitChars       = "0123456789"
	punctuationChars = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
)

// generateSecretString makes a random password under the
// GenerateSecretString properties (length 32 by default, character classes
// and exclusions), placed under GenerateStringKey in SecretStringTemplate
// when both are given.
func generateSecretString(g map[string]any) (string, error) {
	length, err := intProp(g, "PasswordLength", 32)
	if err != nil {
		return "", err
	}
	if length < 1 || length > 4096 {
		return "", fmt.Errorf("PasswordLength %d is not between 1 and 4096", length)
	}
	exclude, err := stringProp(g, "ExcludeCharacters")
	if err != nil {
		return "", err
	}
	var alphabet strings.Builder
	for _, class := range []struct{ prop, chars string }{
		{"ExcludeLowercase", lowerChars}, {"ExcludeUppercase", upperChars},
		{"ExcludeNumbers", digitChars}, {"ExcludePunctuation", punctuationChars},
	} {
		skip, err := boolProp(g, class.prop)
		if err != nil {
			return "", err
		}
		if !skip {
			alphabet.WriteString(class.chars)
		}
	}
	if space, err := boolProp(g, "IncludeSpace"); err != nil {
		return "", err
	} else if space {
		alphabet.WriteByte(' ')
	}
	chars := []rune(strings.Map(func(r rune) rune {
		if strings.ContainsRune(exclude, r) {
			return -1
		}
		return r
	}, alphabet.String()))
	if len(chars) == 0 {
		return "", fmt.Errorf("every character class is excluded")
	}
	pw := make([]rune, length)
	for i := range pw {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(chars))))
		if err != nil {
			return "", fmt.Errorf("read random: %w", err)
		}
		pw[i] = chars[n.Int64()]
	}
	tmpl, err := stringProp(g, "SecretStringTemplate")
	if err != nil {
		return "", err
	}
	key, err := stringProp(g, "GenerateStringKey")
	if err != nil {
		return "", err
	}
	if (tmpl == "") != (key == "") {
		return "", fmt.Errorf("SecretStringTemplate and GenerateStringKey go together")
	}
	if tmpl == "" {
		return string(pw), nil
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(tmpl), &doc); err != nil {
		return "", fmt.Errorf("SecretStringTemplate is not a JSON object: %w", err)
	}
	doc[key] = string(pw)
	b, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
