package console

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"time"
)

// Feed supplies what the console cannot read from the AWS APIs: the
// notifications published to topics and the metrics the functions emit.
type Feed interface {
	Notifications() []Notification
	Metrics() []Metric
}

// Notification is one message published to a topic.
type Notification struct {
	Topic   string    `json:"topic"`
	Subject string    `json:"subject,omitempty"`
	Message string    `json:"message"`
	At      time.Time `json:"at"`
}

// Metric is one metric aggregated over every datapoint seen, as a
// CloudWatch statistic set would hold it.
type Metric struct {
	Namespace  string            `json:"namespace"`
	Name       string            `json:"name"`
	Unit       string            `json:"unit,omitempty"`
	Dimensions map[string]string `json:"dimensions,omitempty"`
	Count      int               `json:"count"`
	Sum        float64           `json:"sum"`
	Min        float64           `json:"min"`
	Max        float64           `json:"max"`
}

// Recorder is a Feed that keeps the latest notifications and aggregates
// the CloudWatch Embedded Metric Format documents written to it. It is
// safe for concurrent use.
type Recorder struct {
	mu      sync.Mutex
	keep    int
	notes   []Notification
	metrics map[string]*Metric
}

// NewFeed returns a Recorder that keeps the last keep notifications (100
// when keep is not positive).
func NewFeed(keep int) *Recorder {
	if keep <= 0 {
		keep = 100
	}
	return &Recorder{keep: keep, metrics: map[string]*Metric{}}
}

// Notify records a published notification.
func (f *Recorder) Notify(n Notification) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.notes = append(f.notes, n)
	if len(f.notes) > f.keep {
		f.notes = append(f.notes[:0:0], f.notes[len(f.notes)-f.keep:]...)
	}
}

// Notifications returns the recorded notifications, newest first.
func (f *Recorder) Notifications() []Notification {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]Notification, len(f.notes))
	for i, n := range f.notes {
		out[len(out)-1-i] = n
	}
	return out
}

// Metrics returns the aggregated metrics sorted by namespace, name and
// dimensions.
func (f *Recorder) Metrics() []Metric {
	f.mu.Lock()
	defer f.mu.Unlock()
	keys := make([]string, 0, len(f.metrics))
	for k := range f.metrics {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]Metric, 0, len(keys))
	for _, k := range keys {
		m := *f.metrics[k]
		out = append(out, m)
	}
	return out
}

// Write takes log output, one JSON document a line, and aggregates every
// line that is an Embedded Metric Format document; other lines are
// ignored. It never fails, so it can sit behind a log writer.
func (f *Recorder) Write(p []byte) (int, error) {
	// Lines are cut in place: a scanner's buffer, made on every call,
	// was most of what a busy stack allocated.
	for rest := p; len(rest) > 0; {
		line, tail, _ := bytes.Cut(rest, []byte{'\n'})
		if bytes.Contains(line, []byte(`"_aws"`)) {
			f.addEMF(line)
		}
		rest = tail
	}
	return len(p), nil
}

// emfMetadata is the part of an EMF document's "_aws" member the recorder
// reads.
type emfMetadata struct {
	CloudWatchMetrics []struct {
		Namespace  string     `json:"Namespace"`
		Dimensions [][]string `json:"Dimensions"`
		Metrics    []struct {
			Name string `json:"Name"`
			Unit string `json:"Unit"`
		} `json:"Metrics"`
	} `json:"CloudWatchMetrics"`
}

func (f *Recorder) addEMF(line []byte) {
	// One pass over the line; only the fields a metric names are decoded.
	var fields map[string]json.RawMessage
	if json.Unmarshal(line, &fields) != nil {
		return
	}
	var doc emfMetadata
	if json.Unmarshal(fields["_aws"], &doc) != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range doc.CloudWatchMetrics {
		sets := d.Dimensions
		if len(sets) == 0 {
			sets = [][]string{nil}
		}
		for _, set := range sets {
			dims := map[string]string{}
			for _, name := range set {
				var v string
				if json.Unmarshal(fields[name], &v) == nil {
					dims[name] = v
				}
			}
			for _, m := range d.Metrics {
				for _, v := range values(fields[m.Name]) {
					f.observe(d.Namespace, m.Name, m.Unit, dims, v)
				}
			}
		}
	}
}

// values reads an EMF metric value: a number or an array of numbers.
func values(raw json.RawMessage) []float64 {
	var one float64
	if json.Unmarshal(raw, &one) == nil {
		return []float64{one}
	}
	var many []any
	if json.Unmarshal(raw, &many) != nil {
		return nil
	}
	var out []float64
	for _, e := range many {
		if n, ok := e.(float64); ok {
			out = append(out, n)
		}
	}
	return out
}

func (f *Recorder) observe(ns, name, unit string, dims map[string]string, v float64) {
	parts := make([]string, 0, len(dims))
	for k, val := range dims {
		parts = append(parts, k+"="+val)
	}
	sort.Strings(parts)
	key := ns + "\x00" + name + "\x00" + strings.Join(parts, ",")
	m, ok := f.metrics[key]
	if !ok {
		m = &Metric{Namespace: ns, Name: name, Unit: unit, Dimensions: dims, Min: v, Max: v}
		f.metrics[key] = m
	}
	m.Count++
	m.Sum += v
	m.Min = min(m.Min, v)
	m.Max = max(m.Max, v)
}
