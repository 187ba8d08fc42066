package console_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/localaws/console"
)

// The documents follow the Embedded Metric Format specification
// (docs.aws.amazon.com, "Specification: Embedded metric format"): a
// metric's value may be a number or an array of numbers, and each
// dimension set names root-level string members.
func TestRecorderAggregatesEMFDocuments(t *testing.T) {
	t.Parallel()
	f := console.NewFeed(0)
	logs := `{"level":"INFO","msg":"not a metric"}
{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["Outcome"]],"Metrics":[{"Name":"Orders","Unit":"Count"}]}]},"Outcome":"PAID","Orders":1}
{"_aws":{"Timestamp":2,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["Outcome"]],"Metrics":[{"Name":"Orders","Unit":"Count"}]}]},"Outcome":"PAID","Orders":[2,3]}
{"_aws":{"Timestamp":3,"CloudWatchMetrics":[{"Namespace":"Shop","Dimensions":[["Outcome"]],"Metrics":[{"Name":"Orders","Unit":"Count"}]}]},"Outcome":"DECLINED","Orders":1}
{"_aws": broken
`
	if n, err := f.Write([]byte(logs)); err != nil || n != len(logs) {
		t.Fatalf("Write = %d, %v", n, err)
	}
	want := []console.Metric{
		{Namespace: "Shop", Name: "Orders", Unit: "Count", Dimensions: map[string]string{"Outcome": "DECLINED"}, Count: 1, Sum: 1, Min: 1, Max: 1},
		{Namespace: "Shop", Name: "Orders", Unit: "Count", Dimensions: map[string]string{"Outcome": "PAID"}, Count: 3, Sum: 6, Min: 1, Max: 3},
	}
	if diff := cmp.Diff(want, f.Metrics()); diff != "" {
		t.Errorf("metrics (-want +got):\n%s", diff)
	}
}

func TestRecorderKeepsTheLatestNotificationsNewestFirst(t *testing.T) {
	t.Parallel()
	f := console.NewFeed(2)
	for _, m := range []string{"one", "two", "three"} {
		f.Notify(console.Notification{Topic: "t", Message: m})
	}
	var got []string
	for _, n := range f.Notifications() {
		got = append(got, n.Message)
	}
	if diff := cmp.Diff([]string{"three", "two"}, got); diff != "" {
		t.Errorf("notifications (-want +got):\n%s", diff)
	}
}
