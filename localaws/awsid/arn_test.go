package awsid_test

import (
	"testing"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// Partitions and their region prefixes as the AWS General Reference's
// "ARN format" and Regions pages list them.
func TestNewARNCarriesThePartition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, service, region, resource, want string
	}{
		{"commercial", "sqs", "eu-west-1", "orders", "arn:aws:sqs:eu-west-1:123456789012:orders"},
		{"China", "states", "cn-north-1", "stateMachine:flow", "arn:aws-cn:states:cn-north-1:123456789012:stateMachine:flow"},
		{"GovCloud", "kms", "us-gov-west-1", "key/k", "arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/k"},
		{"ISO", "sns", "us-iso-east-1", "t", "arn:aws-iso:sns:us-iso-east-1:123456789012:t"},
		{"ISOB", "sns", "us-isob-east-1", "t", "arn:aws-iso-b:sns:us-isob-east-1:123456789012:t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := awsid.NewARN(tt.service, tt.region, awsid.DefaultAccount, tt.resource)
			if got := a.String(); got != tt.want {
				t.Errorf("NewARN = %s, want %s", got, tt.want)
			}
			back, err := awsid.ParseARN(tt.want)
			if err != nil || back != a {
				t.Errorf("ParseARN(%s) = %+v, %v; want %+v", tt.want, back, err, a)
			}
		})
	}
}

func TestParseARNRefusesNonARNs(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"", "orders", "arn:aws:sqs", "urn:aws:sqs:r:a:q", "arn::sqs:r:a:q"} {
		if a, err := awsid.ParseARN(s); err == nil {
			t.Errorf("ParseARN(%q) = %+v, want an error", s, a)
		}
	}
}

func TestValidRegion(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{"eu-west-1": true, "us-gov-east-1": true, "": false, "EU-WEST-1": false, "x:y": false, "-a": false} {
		if got := awsid.ValidRegion(s); got != want {
			t.Errorf("ValidRegion(%q) = %v, want %v", s, got, want)
		}
	}
}
