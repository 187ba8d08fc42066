package dynamolocal

import ()

type attributeDefinitionWire struct {
	AttributeName string `json:"AttributeName"`
	AttributeType string `json:"AttributeType"`
}

type keySchemaElementWire struct {
	AttributeName string `json:"AttributeName"`
	KeyType       string `json:"KeyType"`
}

type throughputWire struct {
	ReadCapacityUnits      *int64 `json:"ReadCapacityUnits,omitempty"`
	WriteCapacityUnits     *int64 `json:"WriteCapacityUnits,omitempty"`
	NumberOfDecreasesToday *int64 `json:"NumberOfDecreasesToday,omitempty"`
}

type projectionWire struct {
	ProjectionType   string   `json:"ProjectionType,omitempty"`
	NonKeyAttributes []string `json:"NonKeyAttributes,omitempty"`
}

type indexWire struct {
	IndexName             string                 `json:"IndexName"`
	KeySchema             []keySchemaElementWire `json:"KeySchema"`
	Projection            projectionWire         `json:"Projection"`
	ProvisionedThroughput *throughputWire        `json:"ProvisionedThroughput,omitempty"`
	IndexStatus           string                 `json:"IndexStatus,omitempty"`
	IndexSizeBytes        *int64                 `json:"IndexSizeBytes,omitempty"`
	ItemCount             *int64                 `json:"ItemCount,omitempty"`
	IndexArn              string                 `json:"IndexArn,omitempty"`
}

type tagWire struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

type billingSummaryWire struct {
	BillingMode string `json:"BillingMode"`
}

type tableDescriptionWire struct {
	AttributeDefinitions      []attributeDefinitionWire `json:"AttributeDefinitions"`
	TableName                 string                    `json:"TableName"`
	KeySchema                 []keySchemaElementWire    `json:"KeySchema"`
	TableStatus               string                    `json:"TableStatus"`
	CreationDateTime          float64                   `json:"CreationDateTime"`
	ProvisionedThroughput     throughputWire            `json:"ProvisionedThroughput"`
	TableSizeBytes            int64                     `json:"TableSizeBytes"`
	ItemCount                 int64                     `json:"ItemCount"`
	TableArn                  string                    `json:"TableArn"`
	TableID                   string                    `json:"TableId"`
	BillingModeSummary        *billingSummaryWire       `json:"BillingModeSummary,omitempty"`
	LocalSecondaryIndexes     []indexWire               `json:"LocalSecondaryIndexes,omitempty"`
	GlobalSecondaryIndexes    []indexWire               `json:"GlobalSecondaryIndexes,omitempty"`
	DeletionProtectionEnabled bool                      `json:"DeletionProtectionEnabled"`
}

func schemaWire(k keySchema) []keySchemaElementWire {
	out := []keySchemaElementWire{{AttributeName: k.hash, KeyType: "HASH"}}
	if k.rng != "" {
		out = append(out, keySchemaElementWire{AttributeName: k.rng, KeyType: "RANGE"})
	}
	return out
}

func ptr[T any](v T) *T { return &v }

// describe renders t as a TableDescription with the given status.
func (t *table) describe(status string) tableDescriptionWire {
	var size int64
	for _, it := range t.items {
		size += int64(itemSize(it))
	}
	d := tableDescriptionWire{
		AttributeDefinitions: t.attrDefs, TableName: t.name, KeySchema: schemaWire(t.key), TableStatus: status,
		CreationDateTime: float64(t.created.UnixMilli()) / 1000, TableSizeBytes: size, ItemCount: int64(len(t.items)),
		TableArn: t.arn, TableID: t.id, DeletionProtectionEnabled: t.deletion,
		ProvisionedThroughput: throughputWire{ReadCapacityUnits: ptr(int64(0)), WriteCapacityUnits: ptr(int64(0)), NumberOfDecreasesToday: ptr(int64(0))},
	}
	if t.throughput != nil {
		d.ProvisionedThroughput.ReadCapacityUnits = t.throughput.ReadCapacityUnits
		d.ProvisionedThroughput.WriteCapacityUnits = t.throughput.WriteCapacityUnits
	}
	if t.billing == billingPayPerRequest {
		d.BillingModeSummary = &billingSummaryWire{BillingMode: billingPayPerRequest}
	}
	for _, ix := range t.lsis {
		d.LocalSecondaryIndexes = append(d.LocalSecondaryIndexes, t.describeIndex(ix))
	}
	for _, ix := range t.gsis {
		d.GlobalSecondaryIndexes = append(d.GlobalSecondaryIndexes, t.describeIndex(ix))
	}
	return d
}

func (t *table) describeIndex(ix *index) indexWire {
	var count, size int64
	for _, it := range t.items {
		if projected := ix.project(t, it); projected != nil {
			count++
			size += int64(itemSize(projected))
		}
	}
	w := indexWire{
		IndexName: ix.name, KeySchema: schemaWire(ix.key),
		Projection:     projectionWire{ProjectionType: ix.projection, NonKeyAttributes: ix.include},
		IndexSizeBytes: &size, ItemCount: &count, IndexArn: t.arn + "/index/" + ix.name,
	}
	if ix.global {
		w.IndexStatus = "ACTIVE"
		w.ProvisionedThroughput = &throughputWire{ReadCapacityUnits: ptr(int64(0)), WriteCapacityUnits: ptr(int64(0)), NumberOfDecreasesToday: ptr(int64(0))}
		if ix.throughput != nil {
			w.ProvisionedThroughput.ReadCapacityUnits = ix.throughput.ReadCapacityUnits
			w.ProvisionedThroughput.WriteCapacityUnits = ix.throughput.WriteCapacityUnits
		}
	}
	return w
}

// project returns the index's view of a table item, or nil when the item
// lacks the index key (a sparse index leaves it out).
func (ix *index) project(t *table, it Item) Item {
	for _, n := range ix.key.names() {
		if _, ok := it[n]; !ok {
			return nil
		}
	}
	if ix.projection == "ALL" {
		return it
	}
	out := keyOf(t.key, it)
	for _, n := range ix.key.names() {
		out[n] = it[n]
	}
	for _, n := range ix.include {
		if v, ok := it[n]; ok {
			out[n] = v
		}
	}
	return out
}
