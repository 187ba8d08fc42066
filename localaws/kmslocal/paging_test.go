package kmslocal_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/kms/types"
	"github.com/google/go-cmp/cmp"
)

// TestListingsPageAfterTheLastEntry pages through a key's tags and grants
// one entry at a time: each NextMarker names the last entry returned, and
// the pages together are the whole listing, in order, with no repeats.
func TestListingsPageAfterTheLastEntry(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	c, _ := newClient(t)
	key, err := c.CreateKey(ctx, &kms.CreateKeyInput{Tags: kmsTags("b", "1", "a", "2", "c", "3")})
	if err != nil {
		t.Fatal(err)
	}
	id := key.KeyMetadata.KeyId
	var grantIDs []string
	for range 3 {
		g, err := c.CreateGrant(ctx, &kms.CreateGrantInput{KeyId: id, GranteePrincipal: aws.String("arn:aws:iam::123456789012:role/callback"),
			Operations: []types.GrantOperation{types.GrantOperationDecrypt}})
		if err != nil {
			t.Fatalf("CreateGrant: %v", err)
		}
		grantIDs = append(grantIDs, aws.ToString(g.GrantId))
	}

	cases := []struct {
		name string
		want []string
		list func(marker *string) (names []string, next *string, truncated bool, err error)
	}{
		{"tags, in the order first set", []string{"b", "a", "c"}, func(marker *string) ([]string, *string, bool, error) {
			out, err := c.ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: id, Limit: aws.Int32(1), Marker: marker})
			if err != nil {
				return nil, nil, false, err
			}
			var names []string
			for _, tg := range out.Tags {
				names = append(names, aws.ToString(tg.TagKey))
			}
			return names, out.NextMarker, out.Truncated, nil
		}},
		{"grants, in the order made", grantIDs, func(marker *string) ([]string, *string, bool, error) {
			out, err := c.ListGrants(ctx, &kms.ListGrantsInput{KeyId: id, Limit: aws.Int32(1), Marker: marker})
			if err != nil {
				return nil, nil, false, err
			}
			var names []string
			for _, g := range out.Grants {
				names = append(names, aws.ToString(g.GrantId))
			}
			return names, out.NextMarker, out.Truncated, nil
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			var marker *string
			for range len(tc.want) + 1 { // bounded: one page an entry, and one more
				names, next, truncated, err := tc.list(marker)
				if err != nil {
					t.Fatalf("page after %q: %v", aws.ToString(marker), err)
				}
				if len(names) != 1 {
					t.Fatalf("page after %q = %q, want one entry (Limit 1)", aws.ToString(marker), names)
				}
				got = append(got, names...)
				if truncated != (next != nil) {
					t.Fatalf("page after %q: Truncated %v with NextMarker %q", aws.ToString(marker), truncated, aws.ToString(next))
				}
				if !truncated {
					break
				}
				if aws.ToString(next) != names[0] {
					t.Fatalf("page after %q: NextMarker %q, want the entry returned, %q", aws.ToString(marker), aws.ToString(next), names[0])
				}
				marker = next
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("pages together (-want +got):\n%s", diff)
			}
		})
	}

	_, err = c.ListResourceTags(ctx, &kms.ListResourceTagsInput{KeyId: id, Marker: aws.String("absent")})
	if got := errorCode(t, err); got != "InvalidMarkerException" {
		t.Errorf("ListResourceTags after a tag the key does not carry: %q, want InvalidMarkerException", got)
	}
}
