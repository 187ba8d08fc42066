package opsmetrics_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/opsmetrics"
)

// document is what CloudWatch reads of an EMF line, after the
// specification (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/
// CloudWatch_Embedded_Metric_Format_Specification.html): the _aws
// directive names the namespace, the dimension sets and the metrics, whose
// values and dimensions are root members.
type document struct {
	AWS struct {
		Timestamp         int64 `json:"Timestamp"`
		CloudWatchMetrics []struct {
			Namespace  string     `json:"Namespace"`
			Dimensions [][]string `json:"Dimensions"`
			Metrics    []struct {
				Name string `json:"Name"`
				Unit string `json:"Unit"`
			} `json:"Metrics"`
		} `json:"CloudWatchMetrics"`
	} `json:"_aws"`
}

func documents(tb testing.TB, out string) []map[string]any {
	tb.Helper()
	var docs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var d document
		var root map[string]any
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			tb.Fatalf("not JSON: %s", line)
		}
		if err := json.Unmarshal([]byte(line), &root); err != nil {
			tb.Fatal(err)
		}
		if len(d.AWS.CloudWatchMetrics) != 1 || d.AWS.CloudWatchMetrics[0].Namespace != opsmetrics.Namespace || d.AWS.Timestamp == 0 {
			tb.Fatalf("no EMF directive in the %s namespace: %s", opsmetrics.Namespace, line)
		}
		dir := d.AWS.CloudWatchMetrics[0]
		for _, set := range dir.Dimensions {
			for _, dim := range set {
				if _, ok := root[dim].(string); !ok {
					tb.Errorf("dimension %s has no string value: %s", dim, line)
				}
				if dim == "orderId" || dim == "executionArn" {
					tb.Errorf("high-cardinality dimension %s: %s", dim, line)
				}
			}
		}
		for _, m := range dir.Metrics {
			if _, ok := root[m.Name].(float64); !ok {
				tb.Errorf("metric %s has no numeric value: %s", m.Name, line)
			}
		}
		delete(root, "_aws")
		docs = append(docs, root)
	}
	return docs
}

func TestEachOutcomeEmitsItsDocuments(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		emit func(*opsmetrics.Recorder)
		want []map[string]any
	}{
		{"accepted", func(r *opsmetrics.Recorder) { r.Order(opsmetrics.Accepted, "order-1") },
			[]map[string]any{{"Result": "accepted", "Orders": 1.0, "orderId": "order-1"}}},
		{"rejected", func(r *opsmetrics.Recorder) { r.Order(opsmetrics.Rejected, "") },
			[]map[string]any{{"Result": "rejected", "Orders": 1.0, "orderId": ""}}},
		{"paid", func(r *opsmetrics.Recorder) { r.Payment("PAID", "", 1500*time.Microsecond, "order-2") },
			[]map[string]any{
				{"Outcome": "PAID", "Payments": 1.0, "orderId": "order-2"},
				{"Service": "callback", "AuthorizationLatency": 1.5, "orderId": "order-2"},
			}},
		{"declined with its reason", func(r *opsmetrics.Recorder) {
			r.Payment("DECLINED", "Payment.InsufficientFunds", 2*time.Millisecond, "order-3")
		},
			[]map[string]any{
				{"Outcome": "DECLINED", "Reason": "Payment.InsufficientFunds", "Payments": 1.0, "orderId": "order-3"},
				{"Service": "callback", "AuthorizationLatency": 2.0, "orderId": "order-3"},
			}},
		{"batch", func(r *opsmetrics.Recorder) { r.Batch(10, 2) },
			[]map[string]any{{"Service": "callback", "CallbackBatchSize": 10.0, "CallbackBatchItemFailures": 2.0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out bytes.Buffer
			tt.emit(opsmetrics.New(&out, clock.NewFake(at)))
			if diff := cmp.Diff(tt.want, documents(t, out.String())); diff != "" {
				t.Errorf("documents (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilRecorderRecordsNothing(t *testing.T) {
	t.Parallel()
	var r *opsmetrics.Recorder
	r.Order(opsmetrics.Accepted, "o")
	r.Payment("PAID", "", time.Second, "o")
	r.Batch(1, 0)
}

// A decline is counted both by its reason and rolled up by outcome, so
// that the decline-rate alarm can read one metric whatever the reason.
func TestDeclinesRollUpByOutcome(t *testing.T) {
	t.Parallel()
	var out bytes.Buffer
	opsmetrics.New(&out, clock.NewFake(time.Unix(0, 0))).Payment("DECLINED", "Payment.Declined", time.Millisecond, "o")
	var d document
	if err := json.Unmarshal([]byte(strings.SplitN(out.String(), "\n", 2)[0]), &d); err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Outcome"}, {"Outcome", "Reason"}}
	if diff := cmp.Diff(want, d.AWS.CloudWatchMetrics[0].Dimensions); diff != "" {
		t.Errorf("dimension sets (-want +got):\n%s", diff)
	}
}
