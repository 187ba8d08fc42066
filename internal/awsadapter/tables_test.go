package awsadapter_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"

	"github.com/payflow-dev/payflow/clock"
	"github.com/payflow-dev/payflow/internal/awsadapter"
	"github.com/payflow-dev/payflow/internal/orders"
	"github.com/payflow-dev/payflow/localaws/awsendpoint"
)

// newTables creates the vault and charge tables as template.yml declares
// them on a fresh local endpoint.
func newTables(tb testing.TB) *dynamodb.Client {
	tb.Helper()
	srv := httptest.NewServer(awsendpoint.New(awsendpoint.Config{Clock: clock.NewFake(testNow)}))
	tb.Cleanup(srv.Close)
	db := dynamodb.NewFromConfig(aws.Config{
		Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("AKIDLOCAL", "local-secret", ""),
		BaseEndpoint: aws.String(srv.URL), HTTPClient: srv.Client(),
	})
	key := func(name string, t ddbtypes.KeyType) ddbtypes.KeySchemaElement {
		return ddbtypes.KeySchemaElement{AttributeName: aws.String(name), KeyType: t}
	}
	attr := func(name string) ddbtypes.AttributeDefinition {
		return ddbtypes.AttributeDefinition{AttributeName: aws.String(name), AttributeType: ddbtypes.ScalarAttributeTypeS}
	}
	for _, in := range []*dynamodb.CreateTableInput{
		{TableName: aws.String("CardVault"), BillingMode: ddbtypes.BillingModePayPerRequest,
			AttributeDefinitions: []ddbtypes.AttributeDefinition{attr("orderId"), attr("ref")},
			KeySchema:            []ddbtypes.KeySchemaElement{key("orderId", ddbtypes.KeyTypeHash), key("ref", ddbtypes.KeyTypeRange)}},
		{TableName: aws.String("ChargeRecords"), BillingMode: ddbtypes.BillingModePayPerRequest,
			AttributeDefinitions: []ddbtypes.AttributeDefinition{attr("orderId")},
			KeySchema:            []ddbtypes.KeySchemaElement{key("orderId", ddbtypes.KeyTypeHash)}},
	} {
		if _, err := db.CreateTable(context.Background(), in); err != nil {
			tb.Fatalf("create %s: %v", aws.ToString(in.TableName), err)
		}
	}
	return db
}

func TestVaultOnDynamoDB(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	v := awsadapter.NewVault(newTables(t), "CardVault")
	e := orders.VaultEntry{OrderID: "o-1", Ref: "r-1", Sealed: []byte("sealed"), ExpiresAt: testNow.Add(35 * time.Minute)}
	if err := v.PutCard(ctx, e); err != nil {
		t.Fatal(err)
	}
	if err := v.PutCard(ctx, e); !errors.Is(err, orders.ErrConflict) {
		t.Errorf("a second put of the same placement = %v, want ErrConflict (never overwrite a card)", err)
	}
	got, err := v.GetCard(ctx, "o-1", "r-1")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(e, got); diff != "" {
		t.Errorf("GetCard (-want +got):\n%s", diff)
	}
	if err := v.DeleteCard(ctx, "o-1", "r-1"); err != nil {
		t.Fatal(err)
	}
	if err := v.DeleteCard(ctx, "o-1", "r-1"); err != nil {
		t.Errorf("deleting an absent card = %v, want nil", err)
	}
	if _, err := v.GetCard(ctx, "o-1", "r-1"); !errors.Is(err, orders.ErrNotFound) {
		t.Errorf("GetCard after delete = %v, want ErrNotFound", err)
	}
}

func TestChargesOnDynamoDB(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	tables := newTables(t)
	c := awsadapter.NewCharges(tables, "ChargeRecords", "CardVault")
	v := awsadapter.NewVault(tables, "CardVault")
	card := orders.VaultEntry{OrderID: "o-1", Ref: "r-1", Sealed: []byte("sealed"), ExpiresAt: testNow.Add(35 * time.Minute)}
	if err := v.PutCard(ctx, card); err != nil {
		t.Fatal(err)
	}
	lease := 90 * time.Second

	rec, ok, err := c.Claim(ctx, "o-1", "env-a", testNow, testNow.Add(lease))
	if err != nil || !ok || rec.State != orders.ChargeClaimed {
		t.Fatalf("first claim = %+v, %v, %v", rec, ok, err)
	}
	found, ok, err := c.Claim(ctx, "o-1", "env-b", testNow.Add(time.Second), testNow.Add(time.Second+lease))
	if err != nil || ok || found.Claimant != "env-a" || !found.LeaseUntil.Equal(testNow.Add(lease)) {
		t.Fatalf("claim under a live lease = %+v, %v, %v; want env-a's claim back", found, ok, err)
	}
	later := testNow.Add(lease + time.Second)
	if _, ok, err := c.Claim(ctx, "o-1", "env-b", later, later.Add(lease)); err != nil || !ok {
		t.Fatalf("claim after the lease = %v, %v; want it taken over", ok, err)
	}
	approved := orders.ChargeRecord{OrderID: "o-1", State: orders.ChargeApproved, Claimant: "env-a",
		AuthorizationID: "auth-1", AuthorizedAt: testNow, UpdatedAt: later}
	if err := c.Settle(ctx, approved, "r-1"); !errors.Is(err, orders.ErrConflict) {
		t.Errorf("settle by the claimant that lost the claim = %v, want ErrConflict", err)
	}
	if _, err := v.GetCard(ctx, "o-1", "r-1"); err != nil {
		t.Errorf("a settle that lost its claim deleted the card: %v", err)
	}
	approved.Claimant = "env-b"
	if err := c.Settle(ctx, approved, "r-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := v.GetCard(ctx, "o-1", "r-1"); !errors.Is(err, orders.ErrNotFound) {
		t.Errorf("the card outlived the decision: GetCard = %v, want ErrNotFound", err)
	}
	found, ok, err = c.Claim(ctx, "o-1", "env-c", later.Add(time.Hour), later.Add(time.Hour+lease))
	if err != nil || ok || found.State != orders.ChargeApproved || found.AuthorizationID != "auth-1" {
		t.Errorf("claim of a settled order = %+v, %v, %v; want the approval back", found, ok, err)
	}
	if err := c.MarkVoided(ctx, "o-1", later); err != nil {
		t.Fatal(err)
	}
	if err := c.MarkVoided(ctx, "o-1", later); err != nil {
		t.Errorf("voiding again = %v, want nil", err)
	}
	if _, ok, _ := c.Claim(ctx, "o-2", "env-a", testNow, testNow.Add(lease)); !ok {
		t.Fatal("claim of a new order refused")
	}
	if err := c.Release(ctx, "o-2", "env-b"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := c.Claim(ctx, "o-2", "env-b", testNow, testNow.Add(lease)); ok {
		t.Error("another claimant's release freed the claim")
	}
	if err := c.Release(ctx, "o-2", "env-a"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := c.Claim(ctx, "o-2", "env-b", testNow, testNow.Add(lease)); !ok {
		t.Error("a released claim could not be claimed at once")
	}
	// A tokenized order has nothing in the vault to delete.
	declined := orders.ChargeRecord{OrderID: "o-2", State: orders.ChargeDeclined, Claimant: "env-a",
		DeclineCode: "Payment.CardDeclined", DeclineReason: "declined", UpdatedAt: testNow}
	if err := c.Settle(ctx, declined, ""); !errors.Is(err, orders.ErrConflict) {
		t.Errorf("settle without a card by the claimant that lost the claim = %v, want ErrConflict", err)
	}
	declined.Claimant = "env-b"
	if err := c.Settle(ctx, declined, ""); err != nil {
		t.Fatal(err)
	}
	if found, ok, _ := c.Claim(ctx, "o-2", "env-c", later, later.Add(lease)); ok || found.State != orders.ChargeDeclined {
		t.Errorf("claim of a declined order = %+v, %v; want the decline back", found, ok)
	}
}
