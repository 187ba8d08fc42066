package dynamolocal_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

func enableTTL(tb testing.TB, e *env, table, attr string) {
	tb.Helper()
	_, err := e.client.UpdateTimeToLive(context.Background(), &dynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String(table),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String(attr), Enabled: aws.Bool(true)},
	})
	if err != nil {
		tb.Fatalf("UpdateTimeToLive: %v", err)
	}
}

func epoch(t time.Time) *types.AttributeValueMemberN {
	return n(strconv.FormatInt(t.Unix(), 10))
}

// TestTTLExpiry follows AWS: an expired item is still returned until the
// background sweep deletes it; the sweep runs on the injected clock.
func TestTTLExpiry(t *testing.T) {
	t.Parallel()
	e := newEnv(t) // sweeps every hour of fake time
	e.createTable(t, "vault", "")
	ctx := context.Background()
	out, err := e.client.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("vault")})
	if err != nil || out.TimeToLiveDescription.TimeToLiveStatus != types.TimeToLiveStatusDisabled {
		t.Fatalf("DescribeTimeToLive before = %+v, %v", out, err)
	}
	enableTTL(t, e, "vault", "expiresAt")
	out, err = e.client.DescribeTimeToLive(ctx, &dynamodb.DescribeTimeToLiveInput{TableName: aws.String("vault")})
	if err != nil || out.TimeToLiveDescription.TimeToLiveStatus != types.TimeToLiveStatusEnabled ||
		aws.ToString(out.TimeToLiveDescription.AttributeName) != "expiresAt" {
		t.Fatalf("DescribeTimeToLive after = %+v, %v", out, err)
	}
	e.put(t, "vault", av{"pk": s("soon"), "expiresAt": epoch(t0.Add(10 * time.Minute))})
	e.put(t, "vault", av{"pk": s("later"), "expiresAt": epoch(t0.Add(3 * time.Hour))})
	e.put(t, "vault", av{"pk": s("ancient"), "expiresAt": epoch(t0.AddDate(-6, 0, 0))}) // AWS ignores TTLs over 5 years old
	e.put(t, "vault", av{"pk": s("text"), "expiresAt": s("0")})                         // not a number: never expires
	e.clock.Advance(30 * time.Minute)
	if e.get(t, "vault", av{"pk": s("soon")}) == nil {
		t.Fatal("an expired item disappeared before any sweep")
	}
	e.clock.Advance(31 * time.Minute) // past the hourly sweep; the next request runs it
	if got := e.get(t, "vault", av{"pk": s("soon")}); got != nil {
		t.Fatalf("expired item still returned after the sweep: %v", got)
	}
	for _, pk := range []string{"later", "ancient", "text"} {
		if e.get(t, "vault", av{"pk": s(pk)}) == nil {
			t.Fatalf("item %s was swept", pk)
		}
	}
	e.clock.Advance(3 * time.Hour)
	if n := e.svc.Sweep(); n != 1 {
		t.Fatalf("Sweep deleted %d items, want 1 (later)", n)
	}
	_, err = e.client.UpdateTimeToLive(ctx, &dynamodb.UpdateTimeToLiveInput{
		TableName:               aws.String("vault"),
		TimeToLiveSpecification: &types.TimeToLiveSpecification{AttributeName: aws.String("expiresAt"), Enabled: aws.Bool(true)},
	})
	if got, want := errorMessage(t, err), "TimeToLive is already enabled"; got != want {
		t.Fatalf("enabling twice: %q, want %q", got, want)
	}
}
