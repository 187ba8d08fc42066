package stack

import (
	"context"
	"encoding/json"
	"fmt"

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
		s, err := d.generateSecretString(ctx, gen)
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

// generateSecretString makes a password as CloudFormation does for
// GenerateSecretString, by asking Secrets Manager's GetRandomPassword with
// the same properties, and places it under GenerateStringKey in
// SecretStringTemplate when both are given.
func (d *deployer) generateSecretString(ctx context.Context, g map[string]any) (string, error) {
	in := &secretsmanager.GetRandomPasswordInput{}
	length, err := intProp(g, "PasswordLength", 32)
	if err != nil {
		return "", err
	}
	in.PasswordLength = aws.Int64(int64(length))
	exclude, err := stringProp(g, "ExcludeCharacters")
	if err != nil {
		return "", err
	}
	if exclude != "" {
		in.ExcludeCharacters = aws.String(exclude)
	}
	for prop, field := range map[string]**bool{
		"ExcludeLowercase": &in.ExcludeLowercase, "ExcludeUppercase": &in.ExcludeUppercase,
		"ExcludeNumbers": &in.ExcludeNumbers, "ExcludePunctuation": &in.ExcludePunctuation,
		"IncludeSpace": &in.IncludeSpace, "RequireEachIncludedType": &in.RequireEachIncludedType,
	} {
		if _, set := g[prop]; !set {
			continue
		}
		v, err := boolProp(g, prop)
		if err != nil {
			return "", err
		}
		*field = aws.Bool(v)
	}
	out, err := d.secrets.GetRandomPassword(ctx, in)
	if err != nil {
		return "", err
	}
	pw := aws.ToString(out.RandomPassword)
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
		return pw, nil
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(tmpl), &doc); err != nil {
		return "", fmt.Errorf("SecretStringTemplate is not a JSON object: %w", err)
	}
	doc[key] = pw
	b, err := json.Marshal(doc)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
