package awsid

import (
	"fmt"
	"strings"
)

// Partition names the AWS partition a region belongs to: "aws-cn" for the
// China regions, "aws-us-gov" for GovCloud, the ISO partitions by their
// prefixes, "aws-eusc" for the European Sovereign Cloud and "aws" for
// everything else.
func Partition(region string) string {
	for _, p := range []struct{ prefix, partition string }{
		{"cn-", "aws-cn"},
		{"us-gov-", "aws-us-gov"},
		{"us-isob-", "aws-iso-b"},
		{"us-isof-", "aws-iso-f"},
		{"eu-isoe-", "aws-iso-e"},
		{"us-iso-", "aws-iso"},
		{"eusc-", "aws-eusc"},
	} {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	return "aws"
}

// ValidRegion reports whether s has the shape of a region name
// (lower-case letters, digits and hyphens, such as "eu-west-1"), so that a
// made-up credential scope cannot put arbitrary text into ARNs.
func ValidRegion(s string) bool {
	if s == "" || len(s) > 32 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// ARN is an Amazon Resource Name:
// arn:partition:service:region:account:resource.
type ARN struct {
	Partition, Service, Region, Account string
	// Resource is everything after the account, such as "queue-name",
	// "stateMachine:flow" or "key/1234abcd-…".
	Resource string
}

// NewARN returns the ARN of resource in region's partition.
func NewARN(service, region, account, resource string) ARN {
	return ARN{Partition: Partition(region), Service: service, Region: region, Account: account, Resource: resource}
}

// String formats the ARN.
func (a ARN) String() string {
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// ParseARN takes an ARN apart. It checks only the shape: six
// colon-separated fields, "arn" first, a partition and a service.
func ParseARN(s string) (ARN, error) {
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] == "" {
		return ARN{}, fmt.Errorf("%q is not an ARN (arn:partition:service:region:account:resource)", s)
	}
	return ARN{Partition: parts[1], Service: parts[2], Region: parts[3], Account: parts[4], Resource: parts[5]}, nil
}
