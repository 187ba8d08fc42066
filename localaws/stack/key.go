package stack

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
)

func (d *deployer) createKey(ctx context.Context, p map[string]any) (created, error) {
	in := &kms.CreateKeyInput{}
	desc, err := stringProp(p, "Description")
	if err != nil {
		return created{}, err
	}
	if desc != "" {
		in.Description = aws.String(desc)
	}
	spec, err := stringProp(p, "KeySpec")
	if err != nil {
		return created{}, err
	}
	if spec != "" {
		in.KeySpec = types.KeySpec(spec)
	}
	usage, err := stringProp(p, "KeyUsage")
	if err != nil {
		return created{}, err
	}
	if usage != "" {
		in.KeyUsage = types.KeyUsageType(usage)
	}
	out, err := d.kms.CreateKey(ctx, in)
	if err != nil {
		return created{}, fmt.Errorf("create key: %w", err)
	}
	id := aws.ToString(out.KeyMetadata.KeyId)
	arn := aws.ToString(out.KeyMetadata.Arn)
	return created{ref: id, attrs: map[string]any{"Arn": arn, "KeyId": id}}, nil
}

func (d *deployer) createAlias(ctx context.Context, p map[string]any) (created, error) {
	name, err := stringProp(p, "AliasName")
	if err != nil {
		return created{}, err
	}
	target, err := stringProp(p, "TargetKeyId")
	if err != nil {
		return created{}, err
	}
	if !strings.HasPrefix(name, "alias/") {
		return created{}, fmt.Errorf("AliasName %q must start with alias/", name)
	}
	if _, err := d.kms.CreateAlias(ctx, &kms.CreateAliasInput{AliasName: aws.String(name), TargetKeyId: aws.String(target)}); err != nil {
		return created{}, fmt.Errorf("create alias %s: %w", name, err)
	}
	return created{ref: name}, nil
}
