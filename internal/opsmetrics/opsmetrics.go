package opsmetrics

import (
	"io"
	"time"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/emf"
)

// Namespace is the CloudWatch namespace of every metric here; the
// template's alarms and dashboard name it too.
const Namespace = "Payflow"

// The metric names, as the template's alarms and dashboard use them.
const (
	MetricOrders               = "Orders"
	MetricPayments             = "Payments"
	MetricAuthorizationLatency = "AuthorizationLatency"
	MetricBatchSize            = "CallbackBatchSize"
	MetricBatchItemFailures    = "CallbackBatchItemFailures"
)

// OrderResult is how the API answered a POST /orders.
type OrderResult string

// The answers the API counts.
const (
	Accepted   OrderResult = "accepted"
	Replayed   OrderResult = "replayed"
	Conflicted OrderResult = "conflicted"
	Rejected   OrderResult = "rejected"
)

// Recorder publishes the service's metrics. A nil *Recorder records
// nothing, so code under test can leave it out.
type Recorder struct {
	w *emf.Writer
}

// New returns a Recorder writing EMF documents to w (a function's
// standard output on Lambda).
func New(w io.Writer, c clock.Clock) *Recorder {
	return &Recorder{w: emf.New(w, Namespace, c)}
}

// Order counts one answer of the API to POST /orders.
func (r *Recorder) Order(result OrderResult, orderID string) {
	if r == nil {
		return
	}
	r.w.Put(emf.Record{
		Dimensions: map[string]string{"Result": string(result)},
		Values:     []emf.Value{{Name: MetricOrders, Unit: emf.Count, Value: 1}},
		Properties: map[string]any{"orderId": orderID},
	})
}

// Payment counts one authorization's outcome (PAID or DECLINED)
// with the workflow error that names its reason (empty when paid), and
// records how long the processor took.
func (r *Recorder) Payment(outcome, reason string, took time.Duration, orderID string) {
	if r == nil {
		return
	}
	dims := map[string]string{"Outcome": outcome}
	if reason != "" {
		dims["Reason"] = reason
	}
	sets := [][]string{{"Outcome"}}
	if reason != "" {
		sets = append(sets, []string{"Outcome", "Reason"})
	}
	r.w.Put(emf.Record{
		Dimensions: dims,
		Sets:       sets,
		Values:     []emf.Value{{Name: MetricPayments, Unit: emf.Count, Value: 1}},
		Properties: map[string]any{"orderId": orderID},
	})
	r.w.Put(emf.Record{
		Dimensions: map[string]string{"Service": "callback"},
		Values:     []emf.Value{{Name: MetricAuthorizationLatency, Unit: emf.Milliseconds, Value: float64(took.Microseconds()) / 1000}},
		Properties: map[string]any{"orderId": orderID},
	})
}

// Void counts an approved authorization that was released because its
// workflow had ended before it could be told.
func (r *Recorder) Void(orderID string) {
	if r == nil {
		return
	}
	r.w.Put(emf.Record{
		Dimensions: map[string]string{"Outcome": "VOIDED"},
		Values:     []emf.Value{{Name: MetricPayments, Unit: emf.Count, Value: 1}},
		Properties: map[string]any{"orderId": orderID},
	})
}

// Batch records the size of one SQS batch the callback handled and how
// many of its messages it reported as failed.
func (r *Recorder) Batch(size, failures int) {
	if r == nil {
		return
	}
	r.w.Put(emf.Record{
		Dimensions: map[string]string{"Service": "callback"},
		Values: []emf.Value{
			{Name: MetricBatchSize, Unit: emf.Count, Value: float64(size)},
			{Name: MetricBatchItemFailures, Unit: emf.Count, Value: float64(failures)},
		},
	})
}
