package accesspolicy_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/payflow-dev/payflow/localaws/accesspolicy"
)

// TestGrant checks the statement shape AWS's AddPermission writes (as the
// policies SQS and SNS return show it): one principal or action is a bare
// string, several are a list.
func TestGrant(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                string
		principals, actions []string
		want                string
	}{
		{"one of each", []string{"arn:aws:iam::111122223333:root"}, []string{"SQS:SendMessage"},
			`{"Sid":"l","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"SQS:SendMessage","Resource":"arn:r"}`},
		{"several", []string{"arn:aws:iam::1:root", "arn:aws:iam::2:root"}, []string{"SNS:Publish", "SNS:Subscribe"},
			`{"Sid":"l","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::1:root","arn:aws:iam::2:root"]},"Action":["SNS:Publish","SNS:Subscribe"],"Resource":"arn:r"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			raw, err := accesspolicy.Grant("l", tc.principals, tc.actions, "arn:r").Marshal()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, string(raw)); diff != "" {
				t.Errorf("statement (-want +got):\n%s", diff)
			}
			if got := accesspolicy.Sid(raw); got != "l" {
				t.Errorf("Sid = %q, want l", got)
			}
		})
	}
}

// TestSidOfOtherStatements checks that hand-written statements without a
// Sid, or that are not objects, match no label.
func TestSidOfOtherStatements(t *testing.T) {
	t.Parallel()
	for _, raw := range []string{`{"Effect":"Deny"}`, `"text"`, `[1]`} {
		if got := accesspolicy.Sid(json.RawMessage(raw)); got != "" {
			t.Errorf("Sid(%s) = %q, want none", raw, got)
		}
	}
}
