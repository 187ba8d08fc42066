package stack

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// createTable creates an AWS::DynamoDB::Table: keys, billing, secondary
// indexes and TTL. A StreamSpecification is passed on, and the local
// DynamoDB refuses it, so a template that needs streams fails loudly.
func (d *deployer) createTable(ctx context.Context, id string, p map[string]any) (created, error) {
	name, err := stringProp(p, "TableName")
	if err != nil {
		return created{}, err
	}
	if name == "" {
		name = d.physicalName(id)
	}
	in := &dynamodb.CreateTableInput{TableName: aws.String(name)}
	for _, a := range objects(p["AttributeDefinitions"]) {
		n, _ := stringProp(a, "AttributeName")
		t, _ := stringProp(a, "AttributeType")
		in.AttributeDefinitions = append(in.AttributeDefinitions, types.AttributeDefinition{AttributeName: aws.String(n), AttributeType: types.ScalarAttributeType(t)})
	}
	in.KeySchema = keySchema(p["KeySchema"])
	billing, err := stringProp(p, "BillingMode")
	if err != nil {
		return created{}, err
	}
	if billing == "" {
		billing = string(types.BillingModeProvisioned)
	}
	in.BillingMode = types.BillingMode(billing)
	if in.ProvisionedThroughput, err = throughput(p["ProvisionedThroughput"]); err != nil {
		return created{}, err
	}
	for _, g := range objects(p["GlobalSecondaryIndexes"]) {
		n, _ := stringProp(g, "IndexName")
		tp, err := throughput(g["ProvisionedThroughput"])
		if err != nil {
			return created{}, err
		}
		in.GlobalSecondaryIndexes = append(in.GlobalSecondaryIndexes, types.GlobalSecondaryIndex{
			IndexName: aws.String(n), KeySchema: keySchema(g["KeySchema"]), Projection: projection(g["Projection"]), ProvisionedThroughput: tp,
		})
	}
	for _, l := range objects(p["LocalSecondaryIndexes"]) {
		n, _ := stringProp(l, "IndexName")
		in.LocalSecondaryIndexes = append(in.LocalSecondaryIndexes, types.LocalSecondaryIndex{
			IndexName: aws.String(n), KeySchema: keySchema(l["KeySchema"]), Projection: projection(l["Projection"]),
		})
	}
	if ss, ok := p["StreamSpecification"].(map[string]any); ok {
		view, _ := stringProp(ss, "StreamViewType")
		in.StreamSpecification = &types.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: types.StreamViewType(view)}
	}
	for _, tag := range objects(p["Tags"]) {
		k, _ := stringProp(tag, "Key")
		v, _ := stringProp(tag, "Value")
		in.Tags = append(in.Tags, types.Tag{Key: aws.String(k), Value: aws.String(v)})
	}
	if dp, err := boolProp(p, "DeletionProtectionEnabled"); err == nil && dp {
		in.DeletionProtectionEnabled = aws.Bool(true)
	}
	for _, prop := range []string{"KinesisStreamSpecification", "ImportSourceSpecification"} {
		if _, ok := p[prop]; ok {
			return created{}, fmt.Errorf("table %s: %s is not emulated by the local DynamoDB", name, prop)
		}
	}
	// Encryption at rest has nothing to emulate in memory; recovery and
	// Contributor Insights are worth a warning only when switched on.
	for prop, flag := range map[string]string{
		"PointInTimeRecoverySpecification": "PointInTimeRecoveryEnabled", "ContributorInsightsSpecification": "Enabled",
	} {
		if spec, ok := p[prop].(map[string]any); ok {
			if on, _ := boolProp(spec, flag); on {
				d.cfg.Logger.Warn("table property accepted but not emulated", "table", name, "property", prop)
			}
		}
	}
	if _, ok := p["ResourcePolicy"]; ok {
		d.cfg.Logger.Warn("table property accepted but not emulated", "table", name, "property", "ResourcePolicy")
	}
	out, err := d.ddb.CreateTable(ctx, in)
	if err != nil {
		return created{}, fmt.Errorf("create table %s: %w", name, err)
	}
	if err := d.tableTTL(ctx, name, p["TimeToLiveSpecification"]); err != nil {
		return created{}, err
	}
	arn := aws.ToString(out.TableDescription.TableArn)
	return created{ref: name, attrs: map[string]any{"Arn": arn}}, nil
}

// createSimpleTable creates an AWS::Serverless::SimpleTable: a table with
// one partition key (by default "id", a String), on demand unless it
// names a ProvisionedThroughput.
func (d *deployer) createSimpleTable(ctx context.Context, id string, p map[string]any) (created, error) {
	key, typ := "id", "S"
	if pk, ok := p["PrimaryKey"].(map[string]any); ok {
		if n, _ := stringProp(pk, "Name"); n != "" {
			key = n
		}
		t, _ := stringProp(pk, "Type")
		switch t {
		case "", "String":
		case "Number":
			typ = "N"
		case "Binary":
			typ = "B"
		default:
			return created{}, fmt.Errorf("PrimaryKey Type %q must be String, Number or Binary", t)
		}
	}
	props := map[string]any{
		"TableName":            p["TableName"],
		"AttributeDefinitions": []any{map[string]any{"AttributeName": key, "AttributeType": typ}},
		"KeySchema":            []any{map[string]any{"AttributeName": key, "KeyType": "HASH"}},
		"BillingMode":          "PAY_PER_REQUEST",
	}
	if tp, ok := p["ProvisionedThroughput"]; ok {
		props["BillingMode"] = "PROVISIONED"
		props["ProvisionedThroughput"] = tp
	}
	return d.createTable(ctx, id, props)
}

func (d *deployer) tableTTL(ctx context.Context, name string, spec any) error {
	m, ok := spec.(map[string]any)
	if !ok {
		return nil
	}
	enabled, err := boolProp(m, "Enabled")
	if err != nil || !enabled {
		return err
	}
	attr, err := stringProp(m, "AttributeName")
	if err != nil {
		return err
	}
	_, err = d.ddb.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String(name),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(attr), Enabled: aws.Bool(true)},
	})
	if err != nil {
		return fmt.Errorf("enable TTL on %s: %w", name, err)
	}
	return nil
}

// objects returns the maps of a list property.
func objects(v any) []map[string]any {
	list, _ := v.([]any)
	var out []map[string]any
	for _, x := range list {
		if m, ok := x.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

func keySchema(v any) []types.KeySchemaElement {
	var out []types.KeySchemaElement
	for _, k := range objects(v) {
		n, _ := stringProp(k, "AttributeName")
		t, _ := stringProp(k, "KeyType")
		out = append(out, types.KeySchemaElement{AttributeName: aws.String(n), KeyType: types.KeyType(t)})
	}
	return out
}

func projection(v any) *types.Projection {
	m, _ := v.(map[string]any)
	t, _ := stringProp(m, "ProjectionType")
	if t == "" {
		t = "KEYS_ONLY" // CloudFormation's default
	}
	pr := &types.Projection{ProjectionType: types.ProjectionType(t)}
	if list, ok := m["NonKeyAttributes"].([]any); ok {
		for _, a := range list {
			if s, ok := a.(string); ok {
				pr.NonKeyAttributes = append(pr.NonKeyAttributes, s)
			}
		}
	}
	return pr
}

func throughput(v any) (*types.ProvisionedThroughput, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, nil
	}
	r, err := intProp(m, "ReadCapacityUnits", 0)
	if err != nil {
		return nil, err
	}
	w, err := intProp(m, "WriteCapacityUnits", 0)
	if err != nil {
		return nil, err
	}
	return &types.ProvisionedThroughput{ReadCapacityUnits: aws.Int64(int64(r)), WriteCapacityUnits: aws.Int64(int64(w))}, nil
}
