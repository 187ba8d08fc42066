package dynamolocal

import (
	"bytes"
	"strconv"
	"time"
)

// keySchema names a table's or index's partition (HASH) key and optional
// sort (RANGE) key, with their scalar types.
type keySchema struct {
	hash, rng         string
	hashKind, rngKind kind
}

// names returns the key attribute names, partition key first.
func (k keySchema) names() []string {
	if k.rng == "" {
		return []string{k.hash}
	}
	return []string{k.hash, k.rng}
}

// index is a global or local secondary index. Its items are not stored: a
// query reads the table's items that carry the index's key attributes.
type index struct {
	name   string
	global bool
	key    keySchema
	// projection is ALL, KEYS_ONLY or INCLUDE (with include).
	projection string
	include    []string
	// throughput is echoed in DescribeTable for provisioned tables.
	throughput *throughputWire
}

// table is one table and its items.
type table struct {
	name, arn, id string
	created       time.Time
	key           keySchema
	attrDefs      []attributeDefinitionWire
	billing       string
	throughput    *throughputWire
	gsis, lsis    []*index
	ttl           ttlSpec
	deletion      bool
	tags          []tagWire
	// items are by encodedKey of their primary key.
	items map[string]Item
}

// ttlSpec is a table's Time to Live setting.
type ttlSpec struct {
	enabled   bool
	attribute string
}

// indexNamed returns the table's index called name.
func (t *table) indexNamed(name string) *index {
	for _, ix := range t.gsis {
		if ix.name == name {
			return ix
		}
	}
	for _, ix := range t.lsis {
		if ix.name == name {
			return ix
		}
	}
	return nil
}

// encodedKey is the map key of an item's primary key values. The two parts
// are length-prefixed so that no choice of strings collides.
func encodedKey(k keySchema, it Item) string {
	h := it[k.hash]
	s := strconv.Itoa(len(h.str)) + ":" + h.str
	if k.rng != "" {
		s += it[k.rng].str
	}
	return s
}

// keyOf returns just the primary key attributes of it.
func keyOf(k keySchema, it Item) Item {
	out := Item{k.hash: it[k.hash]}
	if k.rng != "" {
		out[k.rng] = it[k.rng]
	}
	return out
}

// checkKey validates a Key parameter against the schema: exactly the key
// attributes, with their declared types and no empty strings or binaries.
func (t *table) checkKey(key Item) error {
	if err := checkItem(key); err != nil {
		return err
	}
	want := t.key.names()
	if len(key) != len(want) {
		return validation("The provided key element does not match the schema")
	}
	for _, n := range want {
		v, ok := key[n]
		if !ok || v.kind != t.kindOfKey(n) {
			return validation("The provided key element does not match the schema")
		}
		if (v.kind == kindS || v.kind == kindB) && v.str == "" {
			return validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty %s value. Key: %s",
				map[kind]string{kindS: "string", kindB: "binary"}[v.kind], n)
		}
	}
	return t.checkKeySizes(key)
}

func (t *table) kindOfKey(name string) kind {
	if name == t.key.hash {
		return t.key.hashKind
	}
	return t.key.rngKind
}

// checkItemKeys validates a whole item's key attributes (PutItem): present,
// of the declared type, not empty; index keys, when present, must have
// their declared types too.
func (t *table) checkItemKeys(it Item) error {
	for _, n := range t.key.names() {
		v, ok := it[n]
		if !ok {
			return invalidParam("Missing the key %s in the item", n)
		}
		if want := t.kindOfKey(n); v.kind != want {
			return invalidParam("Type mismatch for key %s expected: %s actual: %s", n, want, v.kind)
		}
		if (v.kind == kindS || v.kind == kindB) && v.str == "" {
			return validation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty %s value. Key: %s",
				map[kind]string{kindS: "string", kindB: "binary"}[v.kind], n)
		}
	}
	if err := t.checkKeySizes(it); err != nil {
		return err
	}
	for _, ix := range append(append([]*index{}, t.gsis...), t.lsis...) {
		for _, n := range ix.key.names() {
			v, ok := it[n]
			if !ok {
				continue
			}
			want := ix.key.hashKind
			if n == ix.key.rng {
				want = ix.key.rngKind
			}
			if v.kind != want {
				return invalidParam("Type mismatch for Index Key %s Expected: %s Actual: %s IndexName: %s", n, want, v.kind, ix.name)
			}
			if (v.kind == kindS || v.kind == kindB) && v.str == "" {
				return validation("One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty %s value. IndexName: %s, IndexKey: %s",
					map[kind]string{kindS: "string", kindB: "binary"}[v.kind], ix.name, n)
			}
		}
	}
	return nil
}

// checkKeySizes refuses partition keys over 2048 bytes and sort keys over
// 1024 bytes, DynamoDB's limits, in its words.
func (t *table) checkKeySizes(it Item) error {
	if len(it[t.key.hash].str) > 2048 && t.key.hashKind != kindN {
		return invalidParam("Size of hashkey has exceeded the maximum size limit of2048 bytes")
	}
	if t.key.rng != "" && t.key.rngKind != kindN && len(it[t.key.rng].str) > 1024 {
		return invalidParam("Aggregated size of all range keys has exceeded the size limit of 1024 bytes")
	}
	return nil
}

// compareScalar orders two key values of the same scalar type as DynamoDB
// sorts them: strings and binaries by bytes, numbers numerically.
func compareScalar(a, b *Value) int {
	if a.kind == kindN {
		return compareNumbers(a.str, b.str)
	}
	return bytes.Compare([]byte(a.str), []byte(b.str))
}
