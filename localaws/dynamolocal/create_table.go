package dynamolocal

import (
	"fmt"
	"sort"
	"strings"
)

const (
	billingPayPerRequest = "PAY_PER_REQUEST"
	billingProvisioned   = "PROVISIONED"
)

// validTableName reports whether name has only the characters DynamoDB
// allows in table and index names: [a-zA-Z0-9_.-].
func validTableName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !isWordByte(c) && c != '.' && c != '-' {
			return false
		}
	}
	return true
}

type streamSpecWire struct {
	StreamEnabled  bool   `json:"StreamEnabled"`
	StreamViewType string `json:"StreamViewType"`
}

type createTableInput struct {
	TableName                 string                    `json:"TableName"`
	AttributeDefinitions      []attributeDefinitionWire `json:"AttributeDefinitions"`
	KeySchema                 []keySchemaElementWire    `json:"KeySchema"`
	BillingMode               string                    `json:"BillingMode"`
	ProvisionedThroughput     *throughputWire           `json:"ProvisionedThroughput"`
	GlobalSecondaryIndexes    []indexWire               `json:"GlobalSecondaryIndexes"`
	LocalSecondaryIndexes     []indexWire               `json:"LocalSecondaryIndexes"`
	StreamSpecification       *streamSpecWire           `json:"StreamSpecification"`
	Tags                      []tagWire                 `json:"Tags"`
	DeletionProtectionEnabled bool                      `json:"DeletionProtectionEnabled"`
}

type tableDescriptionOutput struct {
	TableDescription tableDescriptionWire `json:"TableDescription"`
}

func checkTableName(name string) error {
	switch {
	case name == "":
		return validation("1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null")
	case len(name) < 3:
		return validation("1 validation error detected: Value '%s' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3", name)
	case len(name) > 255:
		return validation("1 validation error detected: Value '%s' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255", name)
	case !validTableName(name):
		return validation("1 validation error detected: Value '%s' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+", name)
	}
	return nil
}

func (s *regional) createTable(body []byte) (any, error) {
	var in createTableInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if err := checkTableName(in.TableName); err != nil {
		return nil, err
	}
	if in.StreamSpecification != nil && in.StreamSpecification.StreamEnabled {
		return nil, refused("DynamoDB Streams (StreamSpecification)")
	}
	t, err := s.buildTable(in)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.tables[t.name]; ok {
		return nil, errorf(codeResourceInUse, "Table already exists: %s", t.name)
	}
	s.tables[t.name] = t
	return tableDescriptionOutput{TableDescription: t.describe("ACTIVE")}, nil
}

func (s *regional) buildTable(in createTableInput) (*table, error) {
	types := map[string]kind{}
	for _, d := range in.AttributeDefinitions {
		k, ok := kindOf(d.AttributeType)
		if !ok || (k != kindS && k != kindN && k != kindB) {
			return nil, invalidParam("Invalid AttributeType %q for attribute %s; valid types are S, N and B", d.AttributeType, d.AttributeName)
		}
		if _, dup := types[d.AttributeName]; dup {
			return nil, invalidParam("Duplicate AttributeName in AttributeDefinitions: %s", d.AttributeName)
		}
		types[d.AttributeName] = k
	}
	key, err := parseKeySchema(in.KeySchema, types, "")
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	for _, n := range key.names() {
		used[n] = true
	}
	t := &table{
		name: in.TableName, arn: s.tableArn(in.TableName), id: newTableID(),
		created: s.clock.Now(), key: key, attrDefs: in.AttributeDefinitions, deletion: in.DeletionProtectionEnabled,
		tags: in.Tags, items: map[string]Item{},
	}
	if err := t.setBilling(in.BillingMode, in.ProvisionedThroughput); err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, w := range in.LocalSecondaryIndexes {
		ix, err := buildIndex(w, types, false, names)
		if err != nil {
			return nil, err
		}
		if key.rng == "" {
			return nil, invalidParam("Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex")
		}
		if ix.key.hash != key.hash || ix.key.rng == "" {
			return nil, invalidParam("Index KeySchema does not have the same leading hash key as table KeySchema for index: %s. index hash key: %s, table hash key: %s",
				ix.name, ix.key.hash, key.hash)
		}
		t.lsis = append(t.lsis, ix)
		for _, n := range ix.key.names() {
			used[n] = true
		}
	}
	for _, w := range in.GlobalSecondaryIndexes {
		ix, err := buildIndex(w, types, true, names)
		if err != nil {
			return nil, err
		}
		if t.billing == billingProvisioned && w.ProvisionedThroughput == nil {
			return nil, invalidParam("ProvisionedThroughput is not specified for index: %s", ix.name)
		}
		if t.billing == billingPayPerRequest && w.ProvisionedThroughput != nil {
			return nil, invalidParam("ProvisionedThroughput should not be specified for index: %s when BillingMode is PAY_PER_REQUEST", ix.name)
		}
		ix.throughput = w.ProvisionedThroughput
		t.gsis = append(t.gsis, ix)
		for _, n := range ix.key.names() {
			used[n] = true
		}
	}
	if len(used) != len(types) {
		var unused []string
		for n := range types {
			if !used[n] {
				unused = append(unused, n)
			}
		}
		sort.Strings(unused)
		return nil, invalidParam("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions")
	}
	return t, nil
}

func (t *table) setBilling(mode string, tp *throughputWire) error {
	switch mode {
	case "", billingProvisioned:
		if tp == nil || tp.ReadCapacityUnits == nil || tp.WriteCapacityUnits == nil {
			return invalidParam("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED")
		}
		t.billing, t.throughput = billingProvisioned, tp
	case billingPayPerRequest:
		if tp != nil {
			return invalidParam("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST")
		}
		t.billing = billingPayPerRequest
	default:
		return validation("1 validation error detected: Value '%s' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]", mode)
	}
	return nil
}

// parseKeySchema reads one HASH and an optional RANGE element whose
// attributes are all defined.
func parseKeySchema(elems []keySchemaElementWire, types map[string]kind, indexName string) (keySchema, error) {
	var k keySchema
	if len(elems) == 0 || len(elems) > 2 {
		return k, validation("1 validation error detected: Value '%v' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2", elems)
	}
	for i, e := range elems {
		typ, ok := types[e.AttributeName]
		if !ok {
			keys := []string{}
			for _, x := range elems {
				keys = append(keys, x.AttributeName)
			}
			defs := []string{}
			for n := range types {
				defs = append(defs, n)
			}
			sort.Strings(defs)
			return k, invalidParam("Some index key attributes are not defined in AttributeDefinitions. Keys: [%s], AttributeDefinitions: [%s]",
				strings.Join(keys, ", "), strings.Join(defs, ", "))
		}
		switch {
		case i == 0 && e.KeyType == "HASH":
			k.hash, k.hashKind = e.AttributeName, typ
		case i == 1 && e.KeyType == "RANGE":
			k.rng, k.rngKind = e.AttributeName, typ
		default:
			if indexName != "" {
				return k, invalidParam("Invalid KeySchema for index %s: the first element must be HASH and the second RANGE", indexName)
			}
			return k, invalidParam("Invalid KeySchema: The first KeySchemaElement is not a HASH key type")
		}
	}
	return k, nil
}

func buildIndex(w indexWire, types map[string]kind, global bool, seen map[string]bool) (*index, error) {
	if w.IndexName == "" {
		return nil, validation("1 validation error detected: Value null at 'indexName' failed to satisfy constraint: Member must not be null")
	}
	if seen[w.IndexName] {
		return nil, invalidParam("Duplicate index name: %s", w.IndexName)
	}
	seen[w.IndexName] = true
	key, err := parseKeySchema(w.KeySchema, types, w.IndexName)
	if err != nil {
		return nil, err
	}
	ix := &index{name: w.IndexName, global: global, key: key, projection: w.Projection.ProjectionType}
	switch ix.projection {
	case "ALL", "KEYS_ONLY":
		if len(w.Projection.NonKeyAttributes) > 0 {
			return nil, invalidParam("ProjectionType is %s, but NonKeyAttributes is specified", ix.projection)
		}
	case "INCLUDE":
		ix.include = w.Projection.NonKeyAttributes
	case "":
		return nil, invalidParam("Unknown ProjectionType: null")
	default:
		return nil, invalidParam("Unknown ProjectionType: %s", ix.projection)
	}
	return ix, nil
}

func newTableID() string {
	id := requestID()
	return fmt.Sprintf("%s-%s-%s-%s-%s", strings.ToLower(id[0:8]), strings.ToLower(id[8:12]), strings.ToLower(id[12:16]),
		strings.ToLower(id[16:20]), strings.ToLower(id[20:32]))
}
