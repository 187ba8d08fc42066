package emf

import (
	"encoding/json"
	"io"
	"slices"
	"sync"

	"github.com/payflow-dev/payflow/clock"
)

// Unit is a CloudWatch metric unit.
type Unit string

// The units this service uses.
const (
	Count        Unit = "Count"
	Milliseconds Unit = "Milliseconds"
)

// Value is one metric datapoint.
type Value struct {
	Name  string
	Unit  Unit
	Value float64
}

// Record is one EMF document: datapoints that share their dimensions,
// plus properties that are logged with them but are not dimensions.
type Record struct {
	Dimensions map[string]string
	// Sets lists the dimension sets CloudWatch aggregates the values by,
	// each naming keys of Dimensions (a subset gives a roll-up, such as
	// every decline whatever its reason); empty means one set of all the
	// dimensions.
	Sets       [][]string
	Values     []Value
	Properties map[string]any
}

// Writer writes records as EMF documents. It is safe for concurrent use;
// each record is one Write of one line.
type Writer struct {
	mu        sync.Mutex
	w         io.Writer
	namespace string
	clock     clock.Clock
}

// New returns a Writer of documents in namespace to w.
func New(w io.Writer, namespace string, c clock.Clock) *Writer {
	if c == nil {
		c = clock.NewReal()
	}
	return &Writer{w: w, namespace: namespace, clock: c}
}

type metricDirective struct {
	Namespace  string       `json:"Namespace"`
	Dimensions [][]string   `json:"Dimensions"`
	Metrics    []metricSpec `json:"Metrics"`
}

type metricSpec struct {
	Name string `json:"Name"`
	Unit Unit   `json:"Unit,omitempty"`
}

// Put writes r. A record without values writes nothing. Failing to write
// is not the caller's problem (metrics never fail a payment), so Put
// reports nothing; the writer underneath is the process's stdout.
func (w *Writer) Put(r Record) {
	if w == nil || len(r.Values) == 0 {
		return
	}
	doc := make(map[string]any, len(r.Properties)+len(r.Dimensions)+len(r.Values)+1)
	for k, v := range r.Properties {
		doc[k] = v
	}
	dims := make([]string, 0, len(r.Dimensions))
	for k, v := range r.Dimensions {
		doc[k] = v
		dims = append(dims, k)
	}
	slices.Sort(dims)
	sets := r.Sets
	if len(sets) == 0 {
		sets = [][]string{dims}
	}
	specs := make([]metricSpec, 0, len(r.Values))
	for _, v := range r.Values {
		doc[v.Name] = v.Value
		specs = append(specs, metricSpec{Name: v.Name, Unit: v.Unit})
	}
	doc["_aws"] = map[string]any{
		"Timestamp":         w.clock.Now().UnixMilli(),
		"CloudWatchMetrics": []metricDirective{{Namespace: w.namespace, Dimensions: sets, Metrics: specs}},
	}
	line, err := json.Marshal(doc)
	if err != nil {
		return
	}
	line = append(line, '\n')
	w.mu.Lock()
	defer w.mu.Unlock()
	_, _ = w.w.Write(line)
}
