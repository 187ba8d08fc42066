package kmslocal

import (
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/payflow-dev/payflow/localaws/awsid"
)

// multiRegionSet ties a multi-Region primary key to its replicas: the same
// key id and key material in several regions, so that what one encrypts
// another decrypts. The primary and every replica share one set.
type multiRegionSet struct {
	id, partition, account string

	mu       sync.Mutex
	primary  string   // region
	replicas []string // regions, in replication order
}

func (m *multiRegionSet) arn(region string) string {
	return fmt.Sprintf("arn:%s:kms:%s:%s:key/%s", m.partition, region, m.account, m.id)
}

// isPrimary reports whether the set's primary key is in region.
func (m *multiRegionSet) isPrimary(region string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.primary == region
}

// multiRegionKey is one member of a MultiRegionConfiguration.
type multiRegionKey struct {
	Arn    string `json:"Arn"`
	Region string `json:"Region"`
}

// multiRegionConfiguration is DescribeKey's MultiRegionConfiguration.
type multiRegionConfiguration struct {
	MultiRegionKeyType string           `json:"MultiRegionKeyType"`
	PrimaryKey         multiRegionKey   `json:"PrimaryKey"`
	ReplicaKeys        []multiRegionKey `json:"ReplicaKeys"`
}

// configuration describes the set as seen from the key in region.
func (m *multiRegionSet) configuration(region string) *multiRegionConfiguration {
	m.mu.Lock()
	defer m.mu.Unlock()
	c := &multiRegionConfiguration{MultiRegionKeyType: "REPLICA", PrimaryKey: multiRegionKey{Arn: m.arn(m.primary), Region: m.primary},
		ReplicaKeys: []multiRegionKey{}}
	if region == m.primary {
		c.MultiRegionKeyType = "PRIMARY"
	}
	for _, r := range m.replicas {
		c.ReplicaKeys = append(c.ReplicaKeys, multiRegionKey{Arn: m.arn(r), Region: r})
	}
	return c
}

// newMultiRegionKeyID returns a multi-Region key id: "mrk-" and 32 hex
// digits, as AWS's.
func newMultiRegionKeyID(r io.Reader) (string, error) {
	b := make([]byte, 16)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", fmt.Errorf("read random: %w", err)
	}
	return "mrk-" + hex.EncodeToString(b), nil
}

type replicateKeyInput struct {
	KeyID         string  `json:"KeyId"`
	ReplicaRegion string  `json:"ReplicaRegion"`
	Description   *string `json:"Description"`
	Policy        *string `json:"Policy"`
	Tags          []tag   `json:"Tags"`
	// BypassPolicyLockoutSafetyCheck skips checkLockout, as on AWS.
	BypassPolicyLockoutSafetyCheck bool `json:"BypassPolicyLockoutSafetyCheck"`
}

type replicateKeyOutput struct {
	ReplicaKeyMetadata keyMetadata `json:"ReplicaKeyMetadata"`
	ReplicaPolicy      string      `json:"ReplicaPolicy"`
	ReplicaTags        []tag       `json:"ReplicaTags,omitempty"`
}

// replicateKey copies a multi-Region primary key, material included, into
// another region of the same partition.
func (s *regional) replicateKey(body []byte) (any, error) {
	var in replicateKeyInput
	if err := decode(body, &in); err != nil {
		return nil, err
	}
	if !awsid.ValidRegion(in.ReplicaRegion) || awsid.Partition(in.ReplicaRegion) != s.partition {
		return nil, errorf(codeValidation, "1 validation error detected: Value '%s' at 'replicaRegion' failed to satisfy constraint: Member must be a Region of the partition %s", in.ReplicaRegion, s.partition)
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkPolicy(in.Policy); err != nil {
		return nil, err
	}
	if err := checkLockout(in.Policy, in.BypassPolicyLockoutSafetyCheck); err != nil {
		return nil, err
	}
	s.mu.RLock()
	src, err := s.lookup(in.KeyID)
	var replica *key
	if err == nil {
		switch {
		case src.mr == nil:
			err = errorf(codeUnsupported, "%s is not a multi-Region key", src.arn)
		case !src.mr.isPrimary(s.region):
			// AWS's wording, and it comes before any check of the
			// replica region: LocalStack's AWS-validated snapshot of
			// TestKMS::test_replicate_replica_key_should_fail records it
			// for a replica replicated into its own region.
			err = errorf(codeUnsupported, "%s is not a multi-region primary key.", src.arn)
		case in.ReplicaRegion == s.region:
			err = errorf(codeValidation, "ReplicaRegion %s is the region of the primary key", in.ReplicaRegion)
		case src.state == statePendingDeletion:
			err = errPendingDeletion(src)
		default:
			// The replica's description is the request's, not the
			// primary's, and its origin the primary's (LocalStack's
			// AWS-validated TestKMS::test_replicate_key).
			replica = &key{id: src.id, spec: src.spec, usage: src.usage, state: stateEnabled, origin: src.origin,
				materials: slices.Clone(src.materials), private: src.private, mr: src.mr}
		}
	}
	s.mu.RUnlock()
	if err != nil {
		return nil, err
	}
	dst := s.Service.regionNamed(in.ReplicaRegion)
	replica.arn = dst.keyARN(replica.id)
	replica.created = s.clock.Now()
	replica.tags = mergeTags(nil, in.Tags)
	replica.policy = dst.defaultPolicy()
	if in.Policy != nil {
		replica.policy = *in.Policy
	}
	if in.Description != nil {
		replica.description = *in.Description
	}
	dst.mu.Lock()
	defer dst.mu.Unlock()
	if _, ok := dst.keys[replica.id]; ok {
		return nil, errorf(codeAlreadyExists, "Replica key %s already exists in %s", replica.id, in.ReplicaRegion)
	}
	dst.keys[replica.id] = replica
	replica.mr.mu.Lock()
	replica.mr.replicas = append(replica.mr.replicas, in.ReplicaRegion)
	replica.mr.mu.Unlock()
	// AWS answers while the replica is still being made: Creating, not
	// yet enabled, no key material id (test_replicate_key); it is usable
	// here at once.
	meta := replica.metadata(s.account)
	meta.KeyState, meta.Enabled, meta.CurrentKeyMaterialID = "Creating", false, ""
	return replicateKeyOutput{ReplicaKeyMetadata: meta, ReplicaPolicy: replica.policy, ReplicaTags: slices.Clone(replica.tags)}, nil
}
