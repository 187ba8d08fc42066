package awsid_test

import (
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

func TestOrDefaults(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, region, account, wantRegion, wantAccount string
	}{
		{"both empty", "", "", "us-east-1", "123456789012"},
		{"region given", "eu-west-1", "", "eu-west-1", "123456789012"},
		{"account given", "", "000000000000", "us-east-1", "000000000000"},
		{"both given", "ap-south-1", "111111111111", "ap-south-1", "111111111111"},
	}
	for _, tc := range tests {
		r, a := awsid.OrDefaults(tc.region, tc.account)
		if r != tc.wantRegion || a != tc.wantAccount {
			t.Errorf("%s: OrDefaults(%q, %q) = %q, %q; want %q, %q", tc.name, tc.region, tc.account, r, a, tc.wantRegion, tc.wantAccount)
		}
	}
}
