package dynamolocal

type gsiUpdateWire struct {
	Create *indexWire `json:"Create"`
	Delete *struct {
		IndexName string `json:"IndexName"`
	} `json:"Delete"`
	Update *struct {
		IndexName             string          `json:"IndexName"`
		ProvisionedThroughput *throughputWire `json:"ProvisionedThroughput"`
	} `json:"Update"`
}

type updateTableInput struct {
	TableName                   string                    `json:"TableName"`
	AttributeDefinitions        []attributeDefinitionWire `json:"AttributeDefinitions"`
	BillingMode                 string                    `json:"BillingMode"`
	ProvisionedThroughput       *throughputWire           `json:"ProvisionedThroughput"`
	GlobalSecondaryIndexUpdates []gsiUpdateWire           `json:"GlobalSecondaryIndexUpdates"`
	StreamSpecification         *streamSpecWire           `json:"StreamSpecification"`
	DeletionProtectionEnabled   *bool                     `json:"DeletionProtectionEnabled"`
	ReplicaUpdates              []any                     `json:"ReplicaUpdates"`
}

// updateTable changes billing, throughput, deletion protection and global
// secondary indexes (a new index covers the existing items at once, as if
// its backfill had finished). The table stays ACTIVE throughout.
func (s *regional) updateTable(body []byte) (any, error) {
	var in updateTableInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if in.StreamSpecification != nil && in.StreamSpecification.StreamEnabled {
		return nil, refused("DynamoDB Streams (StreamSpecification)")
	}
	if len(in.ReplicaUpdates) > 0 {
		return nil, refused("global tables (ReplicaUpdates)")
	}
	if len(in.GlobalSecondaryIndexUpdates) > 1 {
		return nil, validation("Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.table(in.TableName)
	if err != nil {
		return nil, err
	}
	next := *t // changes apply only if every one is valid
	next.gsis = append([]*index{}, t.gsis...)
	if in.BillingMode != "" || in.ProvisionedThroughput != nil {
		mode := in.BillingMode
		if mode == "" {
			mode = t.billing
		}
		tp := in.ProvisionedThroughput
		if mode == billingProvisioned && tp == nil {
			tp = t.throughput
		}
		if err := next.setBilling(mode, tp); err != nil {
			return nil, err
		}
	}
	if in.DeletionProtectionEnabled != nil {
		next.deletion = *in.DeletionProtectionEnabled
	}
	for _, u := range in.GlobalSecondaryIndexUpdates {
		if err := next.updateGSI(u, in.AttributeDefinitions); err != nil {
			return nil, err
		}
	}
	*t = next
	return tableDescriptionOutput{TableDescription: t.describe("ACTIVE")}, nil
}

func (t *table) updateGSI(u gsiUpdateWire, defs []attributeDefinitionWire) error {
	switch {
	case u.Create != nil:
		types := map[string]kind{}
		for _, d := range append(append([]attributeDefinitionWire{}, t.attrDefs...), defs...) {
			k, ok := kindOf(d.AttributeType)
			if !ok || (k != kindS && k != kindN && k != kindB) {
				return invalidParam("Invalid AttributeType %q for attribute %s; valid types are S, N and B", d.AttributeType, d.AttributeName)
			}
			if prev, seen := types[d.AttributeName]; seen && prev != k {
				return invalidParam("Cannot change the type of attribute %s in AttributeDefinitions", d.AttributeName)
			}
			types[d.AttributeName] = k
		}
		names := map[string]bool{}
		for _, ix := range append(append([]*index{}, t.gsis...), t.lsis...) {
			names[ix.name] = true
		}
		if names[u.Create.IndexName] {
			return validation("Attempting to create an index which already exists")
		}
		ix, err := buildIndex(*u.Create, types, true, names)
		if err != nil {
			return err
		}
		if t.billing == billingProvisioned && u.Create.ProvisionedThroughput == nil {
			return invalidParam("ProvisionedThroughput is not specified for index: %s", ix.name)
		}
		ix.throughput = u.Create.ProvisionedThroughput
		for n, k := range types {
			if !t.definesAttribute(n) {
				t.attrDefs = append(append([]attributeDefinitionWire{}, t.attrDefs...), attributeDefinitionWire{AttributeName: n, AttributeType: k.String()})
			}
		}
		t.gsis = append(t.gsis, ix)
	case u.Delete != nil:
		for i, ix := range t.gsis {
			if ix.name == u.Delete.IndexName {
				t.gsis = append(t.gsis[:i:i], t.gsis[i+1:]...)
				return nil
			}
		}
		return errorf(codeResourceNotFound, "Requested resource not found: Index: %s not found", u.Delete.IndexName)
	case u.Update != nil:
		for i, ix := range t.gsis {
			if ix.name == u.Update.IndexName {
				c := *ix
				c.throughput = u.Update.ProvisionedThroughput
				t.gsis[i] = &c
				return nil
			}
		}
		return errorf(codeResourceNotFound, "Requested resource not found: Index: %s not found", u.Update.IndexName)
	}
	return nil
}

func (t *table) definesAttribute(name string) bool {
	for _, d := range t.attrDefs {
		if d.AttributeName == name {
			return true
		}
	}
	return false
}
