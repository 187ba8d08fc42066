package dynamolocal

import (
	"hash/fnv"
	"sort"
)

// maxPageBytes is DynamoDB's 1 MB limit on the items one Query or Scan
// page evaluates.
const maxPageBytes = 1 << 20

// readSource is what a Query or Scan reads: the table itself or one of its
// indexes.
type readSource struct {
	t  *table
	ix *index // nil for the table
}

func (s *regional) source(t *table, indexName *string) (readSource, error) {
	if indexName == nil {
		return readSource{t: t}, nil
	}
	ix := t.indexNamed(*indexName)
	if ix == nil {
		return readSource{}, validation("The table does not have the specified index: %s", *indexName)
	}
	return readSource{t: t, ix: ix}, nil
}

// readView finds what a Query or Scan reads (the table, or the index
// named) and how it shows each item (Select, ProjectionExpression). The
// caller holds s.mu.
func (s *regional) readView(table string, indexName *string, sel string, consistent bool, paths []docPath) (readSource, func(row) Item, error) {
	t, err := s.table(table)
	if err != nil {
		return readSource{}, nil, err
	}
	src, err := s.source(t, indexName)
	if err != nil {
		return readSource{}, nil, err
	}
	view, err := src.selectView(sel, consistent, paths)
	if err != nil {
		return readSource{}, nil, err
	}
	return src, view, nil
}

// key is the schema a Query's key condition names.
func (src readSource) key() keySchema {
	if src.ix != nil {
		return src.ix.key
	}
	return src.t.key
}

// row is one item as a read sees it, with its position in the read's
// order.
type row struct {
	item  Item // the table item
	view  Item // what the source holds (the index projection)
	order []*Value
}

// rows returns the source's items in its order: by partition key, then
// sort key, then (for an index) the table's key, which is how paging
// resumes after any item.
func (src readSource) rows(keep func(Item) bool) []row {
	out := make([]row, 0, len(src.t.items))
	for _, it := range src.t.items {
		view := it
		if src.ix != nil {
			if view = src.ix.project(src.t, it); view == nil {
				continue
			}
		}
		if keep != nil && !keep(view) {
			continue
		}
		out = append(out, row{item: it, view: view, order: src.orderOf(view)})
	}
	sort.Slice(out, func(i, j int) bool { return compareOrder(out[i].order, out[j].order) < 0 })
	return out
}

// orderOf lists the values an item sorts by.
func (src readSource) orderOf(it Item) []*Value {
	var out []*Value
	for _, n := range src.key().names() {
		out = append(out, it[n])
	}
	if src.ix != nil {
		for _, n := range src.t.key.names() {
			out = append(out, it[n])
		}
	}
	return out
}

func compareOrder(a, b []*Value) int {
	for i := range a {
		if i >= len(b) {
			return 1
		}
		if c := compareScalar(a[i], b[i]); c != 0 {
			return c
		}
	}
	if len(a) < len(b) {
		return -1
	}
	return 0
}

// checkStartKey validates an ExclusiveStartKey: the table's key attributes
// and, for an index, the index's too.
func (src readSource) checkStartKey(start Item) error {
	if err := checkItem(start); err != nil {
		return err
	}
	names := src.t.key.names()
	if src.ix != nil {
		names = append(names, src.ix.key.names()...)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
		v, ok := start[n]
		if !ok || !isScalarKey(v.kind) {
			return validation("The provided starting key is invalid: The provided key element does not match the schema")
		}
	}
	if len(start) != len(want) {
		return validation("The provided starting key is invalid: The provided key element does not match the schema")
	}
	return nil
}

// lastKey is the LastEvaluatedKey of a page that ended at it.
func (src readSource) lastKey(it Item) Item {
	out := keyOf(src.t.key, it)
	if src.ix != nil {
		for _, n := range src.ix.key.names() {
			out[n] = it[n]
		}
	}
	return out
}

// page applies ExclusiveStartKey, Limit, the 1 MB page size and the filter
// to rows already in read order.
type page struct {
	items        []Item
	scanned      int
	lastKey      Item
	consumedSize int
}

func (src readSource) page(rows []row, start Item, forward bool, limit int, filter condition, view func(row) Item) page {
	var startOrder []*Value
	if start != nil {
		startOrder = src.orderOf(start)
	}
	var p page
	size := 0
	for i, r := range rows {
		if startOrder != nil {
			c := compareOrder(r.order, startOrder)
			if forward && c <= 0 || !forward && c >= 0 {
				continue
			}
		}
		p.scanned++
		size += itemSize(r.view)
		if filter == nil || evalCondition(r.view, filter) {
			p.items = append(p.items, view(r))
		}
		full := (limit > 0 && p.scanned >= limit) || size >= maxPageBytes
		if full && i < len(rows)-1 {
			p.lastKey = src.lastKey(r.view)
			break
		}
	}
	p.consumedSize = size
	return p
}

// segmentOf assigns a partition key to one of total Scan segments.
func segmentOf(hash *Value, total int) int {
	h := fnv.New32a()
	_, _ = h.Write([]byte(hash.str))
	return int(h.Sum32() % uint32(total))
}
